"""Written transcripts: formats, speaker roles, timing, bad input, and judging one end to end."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from labkit.cli import main
from labkit.engine.transcript import analyze_transcript
from labkit.errors import InputError
from labkit.language.transcript import (
    TranscriptLine,
    assign_roles,
    parse_transcript,
    read_transcript,
    transcript_turns,
)
from labkit.store import Store

JD = """Backend Engineer

Requirements
- 3+ years of Python
- PostgreSQL
- Kubernetes
"""

PLAIN = """Interview with Sam, 4 December

Dana Whitfield: Thanks for joining. Can you tell me about your last role?
Sam Ortiz: I spent four years as a backend engineer writing Python services
on top of PostgreSQL, and I owned the billing API.
Dana Whitfield: How did you deploy those services?
Sam Ortiz: We ran them on Kubernetes. I wrote the Helm charts and cut deploy time from an
hour to ten minutes by caching images.
Short version: caching did most of it.
Dana Whitfield: What would you improve about that setup?
Sam Ortiz: I would add canary releases, because a bad deploy once took billing down.
"""


def test_plain_lines_join_continuations_and_skip_a_preamble() -> None:
    t = parse_transcript(PLAIN)
    assert t.speakers == ["Dana Whitfield", "Sam Ortiz"]
    assert len(t.lines) == 6
    assert t.lines[1].text.endswith("owned the billing API.")  # the continuation line joined
    # a colon inside an answer names no speaker
    assert t.lines[3].text.endswith("caching images. Short version: caching did most of it.")
    assert t.lines[0].start is None
    assert t.warnings == ("1 line(s) before the first speaker label skipped",)


def test_timestamps_in_either_place() -> None:
    t = parse_transcript(
        "[00:01:05] Ana: What is a closure?\nBo (01:09): A function with its scope.\n"
        "00:01:20 Ana: Thanks.\n"
    )
    assert [(x.speaker, x.start) for x in t.lines] == [("Ana", 65.0), ("Bo", 69.0), ("Ana", 80.0)]


def test_webvtt_voice_tags_and_unnamed_cues_continue_the_speaker() -> None:
    vtt = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Dana Whitfield>Can you tell me about <i>your</i> last role?</v>

00:00:05.000 --> 00:00:08.500
<v Sam Ortiz>I built billing services</v>

00:00:08.500 --> 00:00:11.000
in Python for four years.
"""
    t = parse_transcript(vtt)
    assert [x.speaker for x in t.lines] == ["Dana Whitfield", "Sam Ortiz", "Sam Ortiz"]
    assert t.lines[0].text == "Can you tell me about your last role?"
    assert (t.lines[1].start, t.lines[1].end) == (5.0, 8.5)
    turns = transcript_turns(t.lines, assign_roles(t.speakers, t.lines))
    # the export cut one answer into two cues: one turn, from the first cue's start
    assert [(x.speaker, x.t_start, x.t_end) for x in turns] == [
        ("interviewer", 1.0, 4.0),
        ("candidate", 5.0, 11.0),
    ]
    assert turns[1].text == "I built billing services in Python for four years."


def test_srt_with_name_prefixes() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\nInterviewer: Why this team?\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\nCandidate: I like data platforms.\n"
    )
    t = parse_transcript(srt)
    assert [(x.speaker, x.text, x.start) for x in t.lines] == [
        ("Interviewer", "Why this team?", 1.0),
        ("Candidate", "I like data platforms.", 3.5),
    ]


def test_otter_style_name_and_time_line() -> None:
    t = parse_transcript("Dana  0:03\nHow do you test it?\n\nSam  0:07\nWith pytest.\n")
    assert [(x.speaker, x.text, x.start) for x in t.lines] == [
        ("Dana", "How do you test it?", 3.0),
        ("Sam", "With pytest.", 7.0),
    ]


def test_json_list_and_object_with_a_jd() -> None:
    rows = [
        {"speaker": "interviewer", "text": "Why Rust?", "start": "00:02"},
        {"speaker": "candidate", "text": "Memory safety.", "start": 4, "end": 5.5},
    ]
    t = parse_transcript(json.dumps(rows))
    assert [(x.speaker, x.start, x.end) for x in t.lines] == [
        ("interviewer", 2.0, None),
        ("candidate", 4.0, 5.5),
    ]
    t = parse_transcript(json.dumps({"jd": JD, "lines": rows}))
    assert t.jd_text == JD
    with pytest.raises(InputError, match="speaker"):
        parse_transcript(json.dumps([{"text": "no speaker"}]))
    with pytest.raises(InputError, match="list"):
        parse_transcript(json.dumps({"title": "x"}))


def _lines(*pairs: tuple[str, str]) -> list[TranscriptLine]:
    return [TranscriptLine(s, t) for s, t in pairs]


def test_roles_from_labels_questions_or_names() -> None:
    lines = _lines(
        ("Sam", "Hi, glad to be here."), ("Dana", "What do you build?"), ("Sam", "APIs.")
    )
    # no role words: the one who asks is the interviewer, though the candidate spoke first
    assert assign_roles(["Sam", "Dana"], lines) == {"Sam": "candidate", "Dana": "interviewer"}
    assert assign_roles(["Interviewer (Dana)", "Sam"], ()) == {
        "Interviewer (Dana)": "interviewer",
        "Sam": "candidate",
    }
    assert assign_roles(["Q", "A"], ()) == {"Q": "interviewer", "A": "candidate"}
    # a panel: name the candidate, everyone else interviews
    panel = assign_roles(["Dana", "Lee", "Sam"], (), candidate="sam")
    assert panel == {"Dana": "interviewer", "Lee": "interviewer", "Sam": "candidate"}
    assert assign_roles(["Dana", "Lee", "Sam"], (), interviewer="Dana, Lee")["Sam"] == "candidate"
    assert assign_roles(["Interviewer 1", "Interviewer 2", "Sam"], ())["Sam"] == "candidate"


@pytest.mark.parametrize(
    ("speakers", "kw", "match"),
    [
        (["Sam"], {}, "one speaker"),
        (["Dana", "Lee", "Sam"], {}, "--candidate"),
        (["Dana", "Sam"], {"candidate": "Alex"}, "no speaker 'Alex'"),
        (["Dana", "Lee", "Sam"], {"interviewer": "Dana"}, "2 speakers are left"),
    ],
)
def test_roles_that_cannot_be_told_are_a_clear_error(
    speakers: list[str], kw: dict, match: str
) -> None:
    with pytest.raises(InputError, match=match):
        assign_roles(speakers, (), **kw)


def test_turn_times_follow_the_text_and_words_lie_inside_their_turn() -> None:
    t = parse_transcript(PLAIN)
    turns = transcript_turns(t.lines, assign_roles(t.speakers, t.lines))
    assert [x.speaker for x in turns] == ["interviewer", "candidate"] * 3
    for a, b in itertools.pairwise(turns):
        assert a.t_end < b.t_start
    for turn in turns:
        assert turn.words and len(turn.words) == len(turn.text.split())
        assert all(turn.t_start <= w.t_start < w.t_end <= turn.t_end + 1e-6 for w in turn.words)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "binary"),
        (b"we talked about python for an hour\nand then left\n", "no speaker lines"),
    ],
)
def test_unusable_files_are_a_clear_error_and_write_nothing(
    content: bytes, match: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "t.txt"
    f.write_bytes(content)
    with pytest.raises(InputError, match=match):
        read_transcript(f)
    db = tmp_path / "lab.duckdb"
    assert main(["analyze", "--transcript", str(f), "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("labkit: error: ") and len(err.splitlines()) == 1
    with Store(db) as s:
        assert s.list_sessions() == []
    with pytest.raises(InputError, match="cannot read"):
        read_transcript(tmp_path / "missing.txt")


def test_a_transcript_is_judged_answer_by_answer_with_evidence_inside_answers(
    tmp_path: Path,
) -> None:
    src = tmp_path / "interview.txt"
    src.write_text(PLAIN, encoding="utf-8")
    with Store(tmp_path / "lab.duckdb") as store:
        sid = analyze_transcript(store, read_transcript(src), jd_text=JD, source=src)
        assert store.get_session(sid)["status"] == "complete"
        pairs = store.query("SELECT * FROM qa_pairs WHERE session_id = ? ORDER BY idx", [sid])
        assert len(pairs) == 3 and all(p["a_start"] is not None for p in pairs)
        verdicts = store.query("SELECT * FROM verdicts WHERE session_id = ?", [sid])
        assert len(verdicts) == 3 + 1 and sum(v["is_final"] for v in verdicts) == 1
        scores = store.query("SELECT * FROM answer_scores WHERE session_id = ?", [sid])
        span = {p["idx"]: (p["a_start"], p["a_end"]) for p in pairs}
        assert scores
        for s in scores:
            a, b = span[s["qa_idx"]]
            assert a - 1e-6 <= s["t_start"] <= s["t_end"] <= b + 1e-6
        evidenced = {s["requirement"] for s in scores if s["requirement"]}
        assert {"PostgreSQL", "Kubernetes"} <= evidenced
        # no audio: no voice measures were made up
        assert store.count("prosody_windows", sid) == 0
        kept = list((store.session_dir(sid) / "source").iterdir())
        assert [p.read_text(encoding="utf-8") for p in kept] == [PLAIN]
        store.delete_session(sid)
        assert not store.session_dir(sid).exists()
        assert store.query("SELECT count(*) AS n FROM turns")[0]["n"] == 0


def test_cli_analyze_transcript_then_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "interview.json"
    rows = [
        {"speaker": "Dana", "text": line.split(": ", 1)[1]}
        for line in PLAIN.splitlines()[2:]
        if ": " in line
    ]
    src.write_text(json.dumps({"jd": JD, "lines": rows}), encoding="utf-8")
    db = tmp_path / "lab.duckdb"
    # every line is Dana's: one speaker is no interview
    assert main(["analyze", "--transcript", str(src), "--db", str(db)]) == 2
    assert "one speaker" in capsys.readouterr().err
    t = tmp_path / "interview.txt"
    t.write_text(PLAIN, encoding="utf-8")
    assert (
        main(["analyze", "--transcript", str(t), "--jd-text", JD, "--db", str(db), "--quiet"]) == 0
    )
    out = capsys.readouterr().out
    sid = out.splitlines()[0].split()[1]
    assert "] Candidate: I spent four years" in out
    assert main(["verdict", sid, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "FINAL" in out and "Summary:" in out
    assert main(["analyze", "--transcript", str(t), "--stereo", "x.wav", "--db", str(db)]) == 2
    assert "either --transcript or audio" in capsys.readouterr().err


def test_a_failure_mid_judgment_keeps_the_session_marked_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from labkit.judgment.stage import JudgmentStage

    def boom(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(JudgmentStage, "on_turns", boom)
    with Store(tmp_path / "lab.duckdb") as store:
        with pytest.raises(RuntimeError):
            analyze_transcript(store, parse_transcript(PLAIN), jd_text=JD)
        [s] = store.list_sessions()
        info = store.get_session(s["session_id"])
        assert info["status"] == "failed" and "disk full" in info["error"]
        # what was read is kept: the turns are there to judge again
        assert store.count("turns", s["session_id"]) == 6


def test_an_old_interview_reads_start_years_as_of_its_own_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = tmp_path / "interview.txt"
    t.write_text(
        "Dana Whitfield: Thanks for joining. Can you tell me about your last role?\n"
        "Sam Ortiz: I started in 2019 as a backend engineer writing Python services on top of "
        "PostgreSQL, and I owned the billing API.\n"
        "Dana Whitfield: Thanks, that's all from me.\n",
        encoding="utf-8",
    )
    db = tmp_path / "lab.duckdb"
    claimed = {}
    for year in (2020, 2026):
        args = ["analyze", "--transcript", str(t), "--jd-text", JD, "--db", str(db), "--quiet"]
        assert main([*args, "--reference-year", str(year)]) == 0
        sid = capsys.readouterr().out.splitlines()[0].split()[1]
        with Store(db) as store:
            options = json.loads(store.get_session(sid)["options"])
            assert options["judgment"]["scoring"]["reference_year"] == year
            rows = store.query(
                "SELECT score FROM answer_scores WHERE session_id = ? AND requirement LIKE '3+%'",
                [sid],
            )
        claimed[year] = max(r["score"] for r in rows)
    # one year by 2020 falls short of "3+ years of Python"; seven by 2026 meet it
    assert claimed[2020] < 0.5 <= claimed[2026]
