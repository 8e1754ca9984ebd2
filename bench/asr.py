"""ASR benchmark: labkit's incremental engine vs plain faster-whisper whole-file transcription.

Prints, per track: WER, real-time factor (processing seconds / audio seconds) and the share of
word starts within 0.25 s of true speech; for synthetic interviews also whether the turns come
in the true order. The baseline is the same model transcribing each whole file in one call
(``word_timestamps=True``, faster-whisper defaults otherwise), in the same run.

    python bench/asr.py                  # real clips + a 2-minute synthetic interview
    python bench/asr.py --minutes 10     # + the 10-minute two-track interview (speed budget)
    python bench/asr.py --minutes 10 --no-real --skip-mock --lines-from bench/interviews_unseen_c
                                         # a 10-minute interview of varied, unrepeated lines
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from labkit.engine import AudioChunk, Engine, EngineOptions, InterviewEnd
from labkit.engine import engine as engine_mod
from labkit.media.decode import load_audio, load_stereo_pair
from labkit.records import Word
from labkit.speech.asr import ASROptions, load_whisper
from labkit.speech.metrics import share_in_speech, wer
from labkit.store import Store
from labkit.synth import Line, synthesize_interview
from labkit.synth import mock_interview_lines as script

SHARED = Path(os.environ.get("LABKIT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
JFK = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."
LEFT = "He began a confused complaint against the wizard, who had vanished behind the curtain on the left."
RIGHT = "The horizon seems extremely distant."

FEED = 600.0  # labkit.engine.analyze_files' default slice


def run_engine(tracks: dict[str, np.ndarray], opts: EngineOptions, db: Path):
    timers = {"interviewer": 0.0, "candidate": 0.0}
    real = engine_mod.transcribe_span

    def timed(model, samples, *, speaker, **kw):
        t = time.perf_counter()
        try:
            return real(model, samples, speaker=speaker, **kw)
        finally:
            timers[speaker] += time.perf_counter() - t

    engine_mod.transcribe_span = timed
    try:
        store = Store(db)
        sid = store.create_session(title="bench")
        eng = Engine(
            store,
            sid,
            options=opts,
            model=load_whisper(opts.asr.model, cpu_threads=opts.asr.cpu_threads),
        )
        step = int(FEED * 16_000)
        n = max(x.size for x in tracks.values())
        t0 = time.perf_counter()
        for a in range(0, n, step):
            for role, x in tracks.items():
                if x[a : a + step].size:
                    eng.handle(AudioChunk(role=role, samples=x[a : a + step], t_capture=a / 16_000))
        eng.handle(InterviewEnd())
        total = time.perf_counter() - t0
        words = {r: store.words(sid, r) for r in tracks}
        turns = store.turns(sid)
        store.close()
    finally:
        engine_mod.transcribe_span = real
    # VAD and framing time is shared; charge it to the tracks in proportion to their ASR time.
    asr = sum(timers.values()) or 1.0
    per_track = {r: timers[r] + (total - asr) * timers[r] / asr for r in timers}
    return words, turns, per_track, total


def run_baseline(model, x: np.ndarray, speaker: str) -> tuple[list[Word], float]:
    t = time.perf_counter()
    segs, _ = model.transcribe(x, word_timestamps=True, beam_size=5, language="en")
    words = [
        Word(speaker, float(w.start), float(w.end), w.word.strip(), float(w.probability))
        for s in segs
        for w in (s.words or ())
    ]
    return words, time.perf_counter() - t


def lines_from(folder: Path, minutes: float) -> list[Line]:
    """The lines of a folder's mock interviews, in file order, until ~``minutes`` of speech
    (at espeak-ng's ~2.6 words/s): varied wording, unlike the repeating mock script."""
    out: list[Line] = []
    spoken = 0.0
    for f in sorted(folder.glob("*.json")):
        for x in json.loads(f.read_text())["lines"]:
            if spoken >= minutes * 60:
                return out
            out.append(Line(x["speaker"], x["text"], gap=0.8))
            spoken += len(x["text"].split()) / 2.6 + 0.8
    return out


def show_order_diff(lines, turns) -> None:
    """Print where the stored turns leave the true order (merged, missed or extra turns)."""
    import difflib

    runs: list[tuple[str, str]] = []  # a speaker's consecutive lines make one turn
    for ln in lines:
        if runs and runs[-1][0] == ln.speaker:
            runs[-1] = (ln.speaker, runs[-1][1] + " " + ln.text)
        else:
            runs.append((ln.speaker, ln.text))
    sm = difflib.SequenceMatcher(
        a=[s for s, _ in runs], b=[t.speaker for t in turns], autojunk=False
    )
    for op, a, b, c, d in sm.get_opcodes():
        if op != "equal":
            print(
                f"    {op}: true {[r[1][:40] for r in runs[a:b]]} got {[t.text[:40] for t in turns[c:d]]}"
            )


def text_of(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def row(name: str, ref: str, dur: float, words, secs, speech, base_words, base_secs) -> None:
    sh = f"{share_in_speech(words, speech):6.1%}" if speech else "     -"
    bsh = f"{share_in_speech(base_words, speech):6.1%}" if speech else "     -"
    print(
        f"{name:<34} {wer(ref, text_of(words)):6.1%} {secs / dur:7.3f} {sh} | "
        f"{wer(ref, text_of(base_words)):6.1%} {base_secs / dur:7.3f} {bsh}"
    )


def main() -> None:
    global FEED
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="tiny.en")
    ap.add_argument("--minutes", type=float, default=0.0, help="also run an N-minute interview")
    ap.add_argument(
        "--threads",
        type=int,
        default=2,
        help="CPU threads in all (the 2-core budget); labkit splits them over its "
        "two model workers, the baseline gives them all to its one call",
    )
    ap.add_argument("--feed", type=float, default=FEED, help="seconds of audio per engine feed")
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument(
        "--cut-silence", type=float, default=None, help="pause (s) that closes an utterance"
    )
    ap.add_argument("--no-real", action="store_true", help="skip ../shared/data clips")
    ap.add_argument(
        "--lines-from",
        type=Path,
        action="append",
        default=[],
        help="also run an interview made of the lines of FOLDER's mock interviews "
        "(bench/interviews*), cut to --minutes; repeatable",
    )
    ap.add_argument("--voices", default="en-us+m3,en-gb+m1", help="interviewer,candidate")
    ap.add_argument("--dump", type=Path, help="write reference/engine/baseline texts here")
    ap.add_argument("--skip-mock", action="store_true", help="skip the repeating mock script")
    ap.add_argument(
        "--seed", type=int, default=0, help="synthesis noise seed: another seed, another recording"
    )
    args = ap.parse_args()
    FEED = args.feed
    asr = ASROptions(model=args.model, cpu_threads=max(1, args.threads // 2), beam_size=args.beam)
    opts = EngineOptions(asr=asr, cut_silence=args.cut_silence)
    # the baseline: plain faster-whisper, one model worker using every thread
    model = load_whisper(args.model, cpu_threads=args.threads, num_workers=1)
    tmp = Path(tempfile.mkdtemp(prefix="bench-asr-"))
    print(f"model {args.model}, {args.threads} threads; RTF = seconds / audio seconds")
    print(
        f"{'track':<34} {'WER':>6} {'RTF':>7} {'inspch':>6} | {'base WER':>6} {'RTF':>7} "
        f"{'inspch':>6}"
    )
    quiet = lambda n: np.random.default_rng(0).normal(0, 3e-4, n).astype(np.float32)  # noqa: E731
    if (SHARED / "data" / "jfk.flac").exists() and not args.no_real:
        jfk = load_audio(SHARED / "data" / "jfk.flac").samples
        words, _, secs, _ = run_engine(
            {"interviewer": jfk, "candidate": quiet(jfk.size)}, opts, tmp / "jfk.duckdb"
        )
        bw, bs = run_baseline(model, jfk, "interviewer")
        row(
            "jfk.flac",
            JFK,
            jfk.size / 16000,
            words["interviewer"],
            secs["interviewer"],
            None,
            bw,
            bs,
        )
        left, right = load_stereo_pair(SHARED / "data" / "stereo_diarization.wav")
        words, turns, secs, _ = run_engine(
            {"interviewer": left.samples, "candidate": right.samples}, opts, tmp / "st.duckdb"
        )
        for role, ref, x in (
            ("interviewer", LEFT, left.samples),
            ("candidate", RIGHT, right.samples),
        ):
            bw, bs = run_baseline(model, x, role)
            row(
                f"stereo_diarization.wav {role}",
                ref,
                x.size / 16000,
                words[role],
                secs[role],
                None,
                bw,
                bs,
            )
    else:
        print(f"(skipping real clips: {SHARED / 'data'} not found)")
    runs: list[tuple[str, list[Line]]] = []
    if not args.skip_mock:
        runs += [
            (f"synth{m:g}", script(m)) for m in [2.0] + ([args.minutes] if args.minutes else [])
        ]
    runs += [(d.name, lines_from(d, args.minutes or 10.0)) for d in args.lines_from]
    iv, cv = args.voices.split(",")
    for name, lines in runs:
        si = synthesize_interview(
            lines, tmp / name, voices={"interviewer": iv, "candidate": cv}, seed=args.seed
        )
        tracks = {r: load_audio(getattr(si, r)).samples for r in ("interviewer", "candidate")}
        t = time.perf_counter()
        words, turns, secs, _ = run_engine(tracks, opts, tmp / f"{name}.duckdb")
        wall = time.perf_counter() - t
        for role in tracks:
            ref = " ".join(ln.text for ln in si.lines if ln.speaker == role)
            bw, bs = run_baseline(model, tracks[role], role)
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                for tag, txt in (
                    ("ref", ref),
                    ("engine", text_of(words[role])),
                    ("base", text_of(bw)),
                ):
                    (args.dump / f"{name}.{role}.{tag}.txt").write_text(txt + "\n")
            row(
                f"{name} {si.duration / 60:.1f} min {role}",
                ref,
                si.duration,
                words[role],
                secs[role],
                si.speech[role],
                bw,
                bs,
            )
        # a speaker's consecutive lines make one turn
        true_order = [
            s
            for i, s in enumerate(ln.speaker for ln in si.lines)
            if i == 0 or si.lines[i - 1].speaker != s
        ]
        got = [t.speaker for t in turns if not t.overlap]
        if got != true_order:
            show_order_diff(si.lines, [t for t in turns if not t.overlap])
        print(
            f"  turns in true order: {got == true_order} ({len(got)} turns, "
            f"{len(true_order)} true); whole interview {wall:.1f} s for "
            f"{si.duration:.0f} s = {wall / si.duration:.3f}x real time (both tracks)"
        )


if __name__ == "__main__":
    main()
