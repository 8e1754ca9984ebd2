"""ASR benchmark: labkit's incremental engine vs plain faster-whisper whole-file transcription.

Prints, per track: WER, real-time factor (processing seconds / audio seconds) and the share of
word starts within 0.25 s of true speech; for synthetic interviews also whether the turns come
in the true order. The baseline is the same model transcribing each whole file in one call
(``word_timestamps=True``, faster-whisper defaults otherwise), in the same run.

    python bench/asr.py                  # real clips + a 2-minute synthetic interview
    python bench/asr.py --minutes 10     # + the 10-minute two-track interview (speed budget)
"""

from __future__ import annotations

import argparse
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
from labkit.synth import mock_interview_lines as script
from labkit.synth import synthesize_interview

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
    for minutes in [2.0] + ([args.minutes] if args.minutes else []):
        si = synthesize_interview(script(minutes), tmp / f"synth{minutes:g}")
        tracks = {r: load_audio(getattr(si, r)).samples for r in ("interviewer", "candidate")}
        t = time.perf_counter()
        words, turns, secs, _ = run_engine(tracks, opts, tmp / f"s{minutes:g}.duckdb")
        wall = time.perf_counter() - t
        for role in tracks:
            ref = " ".join(ln.text for ln in si.lines if ln.speaker == role)
            bw, bs = run_baseline(model, tracks[role], role)
            row(
                f"synthetic {si.duration / 60:.1f} min {role}",
                ref,
                si.duration,
                words[role],
                secs[role],
                si.speech[role],
                bw,
                bs,
            )
        true_order = [ln.speaker for ln in si.lines]
        got = [t.speaker for t in turns if not t.overlap]
        print(
            f"  turns in true order: {got == true_order} ({len(got)} turns, "
            f"{len(true_order)} lines); whole interview {wall:.1f} s for "
            f"{si.duration:.0f} s = {wall / si.duration:.3f}x real time (both tracks)"
        )


if __name__ == "__main__":
    main()
