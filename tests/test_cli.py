"""The command line: happy path, bad input, sessions, models."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from labkit.cli import main
from labkit.store import Store
from labkit.synth import SynthInterview


def _wav(path: Path, x: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes((x * 32767).astype("<i2").tobytes())
    return path


@pytest.mark.slow
def test_analyze_script_sessions(
    interview: SynthInterview, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "analyze",
                "--stereo",
                str(interview.stereo),
                "--db",
                str(db),
                "--quiet",
                "--title",
                "mock",
                "--jd-text",
                "Python developer",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    sid = out.splitlines()[0].split()[1]
    assert "] Interviewer: " in out and "] Candidate: " in out
    assert main(["script", sid, "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("[00:00] Interviewer: Hello")
    assert lines[1].startswith("[00:0") and "Candidate:" in lines[1]
    assert main(["sessions", "list", "--db", str(db)]) == 0
    assert sid in capsys.readouterr().out
    assert main(["sessions", "show", sid, "--db", str(db)]) == 0
    assert '"status": "complete"' in capsys.readouterr().out
    assert main(["sessions", "delete", sid, "--db", str(db)]) == 0
    with Store(db) as s:
        assert s.list_sessions() == []


@pytest.mark.parametrize("kind", ["corrupt", "empty", "silent", "short", "missing"])
def test_bad_input_exits_nonzero_with_one_line_and_writes_nothing(
    kind: str, tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _wav(tmp_path / "good.wav", 0.3 * np.sin(np.arange(32000) / 5.0))
    bad = tmp_path / f"{kind}.wav"
    if kind == "corrupt":
        bad.write_bytes(b"RIFF\x00\x00garbage" * 50)
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "silent":
        _wav(bad, np.zeros(48000))
    elif kind == "short":
        _wav(bad, 0.3 * np.sin(np.arange(1600) / 5.0))
    Store(db).close()
    code = main(
        [
            "analyze",
            "--interviewer-audio",
            str(good),
            "--candidate-audio",
            str(bad),
            "--db",
            str(db),
            "--quiet",
        ]
    )
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("labkit: error: ")
    assert str(bad.name) in err or "candidate" in err
    with Store(db) as s:  # consistent: no session, no rows
        assert s.list_sessions() == []
        assert s.query("SELECT count(*) AS n FROM words")[0]["n"] == 0


def test_unknown_session_and_missing_jd_file(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store(db).close()
    assert main(["script", "nope", "--db", str(db)]) == 2
    assert "no session 'nope'" in capsys.readouterr().err
    assert main(["analyze", "--stereo", "x.wav", "--jd", "/no/such/jd.txt", "--db", str(db)]) == 2
    assert "job description" in capsys.readouterr().err


def test_models_list_and_verify(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "tiny.en" in out and "base" in out and "fer-mini-xception" in out
    assert main(["models", "verify", "tiny.en"]) == 0
    assert "ok" in capsys.readouterr().out


@pytest.mark.slow
def test_demo_runs_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Candidate:" in out and "Python" in out


def test_serve_decodes_for_latency_and_analyze_for_accuracy() -> None:
    """Live serving trades Whisper's 30 s window and long fallback ladder for latency; file
    analysis keeps faster-whisper's defaults."""
    from labkit.cli import _engine_options, build_parser

    live = _engine_options(build_parser().parse_args(["serve"])).asr
    files = _engine_options(build_parser().parse_args(["analyze", "--stereo", "x.wav"])).asr
    assert live.min_window == 10.0 and files.min_window is None
    assert live.temperatures == (0.0, 0.4, 0.8) and live.best_of == 1
    assert files.temperatures[0] == 0.0 and len(files.temperatures) == 6 and files.best_of == 5
