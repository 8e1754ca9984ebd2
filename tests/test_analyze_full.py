"""`labkit analyze` with a JD and a video fills every table, in standard and emotion-off mode."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from labkit.cli import main
from labkit.store import Store
from labkit.synth import SynthInterview

pytestmark = pytest.mark.slow

FACE = Path(__file__).parent / "data" / "astronaut_face.jpg"
JD = (
    "Backend engineer. Requirements: 3+ years of Python, PostgreSQL and database "
    "performance tuning, caching. Nice to have: Kubernetes."
)


def face_video(path: Path, seconds: float, fps: int = 5) -> Path:
    face = Image.open(FACE).convert("RGB").resize((150, 150))
    with av.open(str(path), "w") as c:
        s = c.add_stream("mpeg4", rate=fps)
        s.width, s.height, s.pix_fmt = 320, 240, "yuv420p"
        for i in range(int(seconds * fps)):
            bg = Image.new("RGB", (320, 240), (60, 70, 80))
            bg.paste(face, (85 + int(8 * np.sin(i / 4)), 45))
            for p in s.encode(av.VideoFrame.from_ndarray(np.asarray(bg), format="rgb24")):
                c.mux(p)
        for p in s.encode(None):
            c.mux(p)
    return path


@pytest.mark.parametrize("mode", ["standard", "emotion_off"])
def test_analyze_with_jd_and_video(
    mode: str, interview: SynthInterview, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lab.duckdb"
    video = face_video(tmp_path / "cand.mp4", interview.duration)
    assert (
        main(
            [
                "analyze",
                "--interviewer-audio",
                str(interview.interviewer),
                "--candidate-audio",
                str(interview.candidate),
                "--video",
                str(video),
                "--jd-text",
                JD,
                "--db",
                str(db),
                "--quiet",
                "--mode",
                mode,
            ]
        )
        == 0
    )
    sid = capsys.readouterr().out.split()[1]
    with Store(db, read_only=True) as s:
        faces = s.face_frames(sid)
        assert len(faces) >= 4 * interview.duration  # ~5 fps
        assert sum(f.face_present for f in faces) / len(faces) >= 0.95
        if mode == "emotion_off":
            assert all(f.emotions is None for f in faces)
            assert (
                s.query("SELECT count(happy) AS n FROM face_frames WHERE session_id=?", [sid])[0][
                    "n"
                ]
                == 0
            )
        else:
            assert all(f.emotions is not None for f in faces if f.face_present)
        assert s.count("prosody_windows", sid) > 20
        reqs = {r.name.lower() for r in s.requirements(sid)}
        assert {"python", "postgresql"} <= reqs
        pairs = s.query(
            "SELECT idx, a_start, a_end FROM qa_pairs WHERE session_id=? ORDER BY idx", [sid]
        )
        answered = [p for p in pairs if p["a_start"] is not None]
        assert len(answered) == 3
        # every score's evidence lies inside its answer
        for r in s.query(
            "SELECT s.t_start, s.t_end, q.a_start, q.a_end, s.evidence FROM "
            "answer_scores s JOIN qa_pairs q ON s.session_id = q.session_id AND "
            "s.qa_idx = q.idx WHERE s.session_id = ?",
            [sid],
        ):
            assert r["evidence"]
            assert r["a_start"] - 1e-6 <= r["t_start"] <= r["t_end"] <= r["a_end"] + 1e-6
        verdicts = s.query(
            "SELECT after_qa, low, high, is_final, summary, risk_flags FROM "
            "verdicts WHERE session_id=? ORDER BY t, is_final",
            [sid],
        )
        assert len(verdicts) == len(answered) + 1 and verdicts[-1]["is_final"]
        assert all(v["low"] <= v["high"] for v in verdicts)
        assert verdicts[-1]["summary"]
        if mode == "emotion_off":
            assert "Emotion-off" in verdicts[-1]["summary"]
        assert isinstance(json.loads(verdicts[-1]["risk_flags"]), list)
        snaps = s.query(
            "SELECT DISTINCT dimension FROM profile_snapshots WHERE session_id=?", [sid]
        )
        assert len(snaps) >= 4
    assert main(["verdict", sid, "--db", str(db)]) == 0
    assert "FINAL" in capsys.readouterr().out
