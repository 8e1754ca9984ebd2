"""The speech engine end to end on synthesized two-voice interviews, with the real tiny.en."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from labkit.engine import AudioChunk, Engine, InterviewEnd, analyze_files, load_inputs
from labkit.media.decode import load_audio
from labkit.media.tracks import track_duration
from labkit.speech.metrics import share_in_speech, wer
from labkit.store import Store
from labkit.synth import Line, SynthInterview, synthesize_interview

pytestmark = pytest.mark.slow


def test_recorded_interview_script(interview: SynthInterview, db: Path) -> None:
    with Store(db) as store:
        sid = analyze_files(
            store,
            load_inputs(
                interviewer_audio=interview.interviewer, candidate_audio=interview.candidate
            ),
        )
        assert store.get_session(sid)["status"] == "complete"
        turns = store.turns(sid)
        assert [t.speaker for t in turns] == [ln.speaker for ln in interview.lines]
        for role in ("interviewer", "candidate"):
            ws = store.words(sid, role)
            ref = " ".join(ln.text for ln in interview.lines if ln.speaker == role)
            assert wer(ref, " ".join(w.text for w in ws)) < 0.3  # tiny.en on robot voices
            # absolute session times: starts fall in this speaker's true speech
            assert share_in_speech(ws, interview.speech[role]) >= 0.95
        # each turn lies within its true line (times are session times, not utterance-relative)
        for t, ln in zip(turns, interview.lines, strict=True):
            assert ln.t_start - 0.3 <= t.t_start and t.t_end <= ln.t_end + 0.3
        tracks = {r["track"]: r for r in store.tracks(sid)}
        assert track_duration(Path(tracks["candidate"]["path"])) == pytest.approx(
            interview.duration, abs=0.05
        )
        assert Path(tracks["source:0"]["path"]).exists()  # the session keeps its raw media


def test_long_silence_and_overlap(tmp_path: Path, whisper) -> None:
    si = synthesize_interview(
        [
            Line("interviewer", "Please describe your testing strategy."),
            Line("candidate", "I write unit tests first, then integration tests.", gap=20.0),
            Line("interviewer", "And end to end tests?", gap=-0.6),  # starts before she finishes
            Line("candidate", "Only for the critical paths.", gap=0.8),
        ],
        tmp_path / "si",
    )
    with Store(tmp_path / "lab.duckdb") as store:
        sid = analyze_files(
            store, load_inputs(interviewer_audio=si.interviewer, candidate_audio=si.candidate)
        )
        turns = store.turns(sid)
        assert [t.speaker for t in turns] == [
            "interviewer",
            "candidate",
            "interviewer",
            "candidate",
        ]
        assert turns[1].t_start > 20.0  # the 20 s silence did not shift or drop anything
        assert turns[2].overlap
        words = store.words(sid)
        assert not any(2.5 < w.t_start < 22.0 for w in words)  # nothing invented in silence


def test_live_feed_with_small_chunks_and_a_dropout(
    interview: SynthInterview, tmp_path: Path, whisper
) -> None:
    """Browser-sized 250 ms chunks; the candidate's connection drops for 2 s mid-interview."""
    tracks = {r: load_audio(getattr(interview, r)).samples for r in ("interviewer", "candidate")}
    step = 4000
    drop = (int(10 * 16000) // step * step, int(12 * 16000) // step * step)
    with Store(tmp_path / "lab.duckdb") as store:
        sid = store.create_session(title="live")
        eng = Engine(store, sid, model=whisper)
        n = max(x.size for x in tracks.values())
        seen_words = 0
        for a in range(0, n, step):
            for role, x in tracks.items():
                if role == "candidate" and drop[0] <= a < drop[1]:
                    continue  # lost in transit: the engine must keep the clock anyway
                if x[a : a + step].size:
                    eng.handle(
                        AudioChunk(
                            role=role,
                            samples=x[a : a + step],  # type: ignore[arg-type]
                            t_capture=a / 16000,
                        )
                    )
            if a == 20 * 16000:
                seen_words = store.count("words", sid)
        eng.handle(InterviewEnd())
        assert seen_words > 10  # words became final while the interview was still going
        turns = store.turns(sid)
        assert [t.speaker for t in turns] == [ln.speaker for ln in interview.lines]
        pcm = store.session_dir(sid) / "candidate.pcm"
        assert track_duration(pcm) == pytest.approx(n / 16000, abs=0.3)


def test_failure_marks_session_failed(interview: SynthInterview, db: Path) -> None:
    class Broken:
        def on_turns(self, *a, **k):
            raise RuntimeError("stage exploded")

        def on_end(self, *a, **k):
            return []

    with Store(db) as store:
        with pytest.raises(RuntimeError):
            analyze_files(store, load_inputs(stereo=interview.stereo), stages=[Broken()])
        (row,) = store.list_sessions()
        info = store.get_session(row["session_id"])
        assert info["status"] == "failed" and "stage exploded" in info["error"]


def test_engine_rejects_events_after_end(tmp_path: Path, whisper) -> None:
    from labkit.errors import InputError

    with Store(tmp_path / "lab.duckdb") as store:
        eng = Engine(store, store.create_session(), model=whisper)
        eng.handle(InterviewEnd(0.0))
        with pytest.raises(InputError, match="ended"):
            eng.handle(AudioChunk("candidate", np.zeros(100, np.float32), 0.0))


def test_live_verdicts_arrive_during_the_interview(
    interview: SynthInterview, tmp_path: Path, whisper
) -> None:
    """Fed in real-time-sized chunks, each answer's verdict is stored soon after it ends."""
    from labkit.engine import JDSet
    from labkit.judgment.stage import JudgmentStage

    tracks = {r: load_audio(getattr(interview, r)).samples for r in ("interviewer", "candidate")}
    answers = [ln for ln in interview.lines if ln.speaker == "candidate"]
    questions = [ln for ln in interview.lines if ln.speaker == "interviewer"]
    step = 4000
    with Store(tmp_path / "lab.duckdb") as store:
        sid = store.create_session(title="live judgment")
        eng = Engine(store, sid, model=whisper, stages=[JudgmentStage()])
        eng.handle(JDSet("Backend engineer with Python, PostgreSQL and caching experience."))
        seen_at: dict[int, float] = {}
        n = max(x.size for x in tracks.values())
        for a in range(0, n, step):
            for role, x in tracks.items():
                if x[a : a + step].size:
                    eng.handle(
                        AudioChunk(
                            role=role,
                            samples=x[a : a + step],  # type: ignore[arg-type]
                            t_capture=a / 16000,
                        )
                    )
            for r in store.query("SELECT after_qa FROM verdicts WHERE session_id = ?", [sid]):
                seen_at.setdefault(r["after_qa"], (a + step) / 16000)
        # the rolling prosody windows (the stage's after_turns) were measured during the
        # interview too, not only at its end
        live_windows = store.query(
            "SELECT count(*) AS n FROM prosody_windows WHERE session_id = ? AND scope = 'window'",
            [sid],
        )[0]["n"]
        assert live_windows > 0
        eng.handle(InterviewEnd())
        # the first two answers were judged while the next question was still being asked
        for k in (0, 1):
            assert k in seen_at, seen_at
            assert seen_at[k] < questions[k + 1].t_end, (k, seen_at[k], questions[k + 1])
            assert seen_at[k] - answers[k].t_end < 2.5
        rows = store.query("SELECT is_final FROM verdicts WHERE session_id = ?", [sid])
        assert len(rows) == len(answers) + 1


def _feed_live(
    store: Store, sid: str, eng: Engine, tracks: dict[str, np.ndarray]
) -> dict[tuple[str, float], float]:
    """Feed 250 ms chunks; return, per stored word, the audio time at which it was stored."""
    step = 4000
    stored_at: dict[tuple[str, float], float] = {}
    n = max(x.size for x in tracks.values())
    for a in range(0, n, step):
        for role, x in tracks.items():
            if x[a : a + step].size:
                eng.handle(
                    AudioChunk(role=role, samples=x[a : a + step], t_capture=a / 16000)  # type: ignore[arg-type]
                )
        for w in store.words(sid):
            stored_at.setdefault((w.speaker, w.t_start), (a + step) / 16000)
    eng.handle(InterviewEnd())
    return stored_at


def test_speculative_decoding_gives_the_same_words_sooner(
    interview: SynthInterview, tmp_path: Path, whisper
) -> None:
    """Live option: an utterance is decoded once its speaker pauses 0.25 s; when the 0.5 s close
    confirms it, those words are stored as they are (identical to decoding at the close)."""
    from labkit.engine import EngineOptions

    tracks = {r: load_audio(getattr(interview, r)).samples for r in ("interviewer", "candidate")}
    got = {}
    live = EngineOptions.live()  # as `labkit serve` runs: one decode per utterance
    for name, opts in (("plain", live), ("spec", replace(live, speculate=0.25))):
        with Store(tmp_path / f"{name}.duckdb") as store:
            sid = store.create_session(title=name)
            eng = Engine(store, sid, model=whisper, options=opts)
            stored_at = _feed_live(store, sid, eng, tracks)
            words = store.words(sid)
            got[name] = (words, eng.speculation)
            # every utterance's words were stored within 1 s of audio after it ended (0.5 s of
            # quiet closes it, plus the 250 ms chunk it ends in)
            for ln in interview.lines:
                mine = [
                    stored_at[(w.speaker, w.t_start)]
                    for w in words
                    if w.speaker == ln.speaker and ln.t_start - 0.3 <= w.t_start <= ln.t_end
                ]
                assert mine, ln
                assert max(mine) - ln.t_end <= 1.0, (name, ln, max(mine))
    plain, spec = got["plain"][0], got["spec"][0]
    assert [(w.speaker, w.text, w.t_start) for w in spec] == [
        (w.speaker, w.text, w.t_start) for w in plain
    ]
    assert got["spec"][1]["reused"] >= len(interview.lines) // 2, got["spec"][1]
    assert got["plain"][1]["reused"] == 0


def test_live_feed_prepares_answers_before_they_close(
    interview: SynthInterview, tmp_path: Path, whisper
) -> None:
    """On the live feed the candidate's provisional turn reaches ``prepare`` once they are
    quiet, before the interviewer takes the floor and the turn becomes final."""

    class Recorder:
        def __init__(self) -> None:
            self.prepared: list[tuple[float, float]] = []  # (turn start, audio time)
            self.final: dict[float, float] = {}  # candidate turn start -> audio time final
            self.now = 0.0

        def prepare(self, store, sid, turns):
            assert turns[-1].speaker == "candidate"
            self.prepared.append((turns[-1].t_start, self.now))

        def on_turns(self, store, sid, turns, **kw):
            for t in turns:
                if t.speaker == "candidate":
                    self.final.setdefault(t.t_start, self.now)
            return []

        def on_end(self, *a, **k):
            return []

    tracks = {r: load_audio(getattr(interview, r)).samples for r in ("interviewer", "candidate")}
    rec = Recorder()
    step = 4000
    with Store(tmp_path / "lab.duckdb") as store:
        sid = store.create_session(title="prepare")
        eng = Engine(store, sid, model=whisper, stages=[rec])
        n = max(x.size for x in tracks.values())
        for a in range(0, n, step):
            rec.now = (a + step) / 16000
            for role, x in tracks.items():
                if x[a : a + step].size:
                    eng.ingest(AudioChunk(role=role, samples=x[a : a + step], t_capture=a / 16000))  # type: ignore[arg-type]
            eng.process(flush=False, wait=False)
            for f in list(eng._jobs.values()):  # a real-time feed would give them this time
                f.result()
            eng.process(flush=False, wait=False)
        eng.handle(InterviewEnd())
    answers = [ln for ln in interview.lines if ln.speaker == "candidate"]
    assert rec.prepared and rec.final
    early = 0
    for start, t_final in rec.final.items():
        before = [t for s, t in rec.prepared if abs(s - start) < 0.3 and t < t_final]
        early += bool(before)
    # every answer but the last (closed only by the end) was prepared before it was final
    assert early >= len(answers) - 1, (rec.prepared, rec.final)
    # once per state: not on every pass while the candidate stays quiet
    assert len(rec.prepared) <= 3 * len(answers)


def test_jd_hotwords_name_tools_not_domains(tmp_path: Path, whisper) -> None:
    """ASR is primed with the JD's tool names; a domain's plain words ("fintech", "banking")
    are left out: as hotwords they made tiny.en loop on them."""
    from labkit.engine import JDSet
    from labkit.judgment.stage import JudgmentStage

    with Store(tmp_path / "lab.duckdb") as store:
        sid = store.create_session()
        eng = Engine(store, sid, model=whisper, stages=[JudgmentStage()])
        eng.handle(JDSet("Requirements:\n- Apache Kafka\n- PostgreSQL\n- Experience in finance"))
        hot = eng.options.asr.hotwords or ""
    assert "Kafka" in hot and "PostgreSQL" in hot
    assert "fintech" not in hot and "Finance" not in hot


def test_jd_hotwords_carry_the_jds_own_examples_as_written_and_whole_names() -> None:
    from labkit.engine.engine import jd_hotwords
    from labkit.language.jd import parse_jd

    jd = (
        "HR Business Partner\n\nRequirements:\n- Solid working knowledge of U.S. employment law "
        "(FMLA, ADA, FLSA)\n- Experience with an HRIS such as Workday\n- SQL"
    )
    hot = jd_hotwords(parse_jd(jd).requirements, jd)
    # the JD's examples, in its casing, before the vocabulary's own aliases ("labor law")
    assert {"FMLA", "ADA", "FLSA", "Workday"} <= set(hot.split())
    short = jd_hotwords(parse_jd(jd).requirements, jd, limit=40)
    assert len(short) <= 40 and short in hot  # whole names, cut at a name's end


def test_a_flush_decodes_everything_even_on_the_live_path(
    interview: SynthInterview, tmp_path: Path, whisper
) -> None:
    tracks = {r: load_audio(getattr(interview, r)).samples for r in ("interviewer", "candidate")}
    with Store(tmp_path / "lab.duckdb") as store:
        sid = store.create_session(title="flush")
        eng = Engine(store, sid, model=whisper)
        for role, x in tracks.items():
            eng.ingest(AudioChunk(role=role, samples=x, t_capture=0.0))  # type: ignore[arg-type]
        eng.process(flush=True, wait=False)
        assert not eng._jobs  # nothing left running in the background
        said = {w.speaker for w in store.words(sid)}
        assert said == {"interviewer", "candidate"}
        last = max(ln.t_end for ln in interview.lines)
        assert max(w.t_end for w in store.words(sid)) > last - 3.0  # up to the last line
