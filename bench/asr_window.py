"""Encoder window and fallback ladder for live decoding, on single utterances.

Each line of a folder's mock interviews is synthesized alone (0.2 s lead, 0.5 s tail) and
decoded as the live path does, once per setting; prints WER and decode time p50/p95/max per
setting, Whisper's own 30 s window with the full ladder first (the baseline).

    python bench/asr_window.py bench/interviews_unseen --lines 100
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from labkit.speech.asr import ASROptions, load_whisper, transcribe_span
from labkit.speech.metrics import wer
from labkit.synth import DEFAULT_VOICES, speak


def settings() -> dict[str, ASROptions]:
    """The baseline, the window alone, and exactly what ``labkit serve`` decodes with."""
    from labkit.cli import _engine_options, build_parser

    live = _engine_options(build_parser().parse_args(["serve"])).asr
    base = replace(live, min_window=None, temperatures=ASROptions().temperatures, best_of=5)
    return {
        "30 s window, 6 temperatures x 5 (baseline)": base,
        "10 s window": replace(base, min_window=live.min_window),
        "10 s window, short ladder (live)": live,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--lines", type=int, default=100)
    args = ap.parse_args()
    lines = [
        x for f in sorted(args.folder.glob("*.json")) for x in json.loads(f.read_text())["lines"]
    ]
    clips = []
    for x in lines[: args.lines]:
        a = speak(x["text"], voice=DEFAULT_VOICES[x["speaker"]])
        clips.append(
            (x, np.concatenate([np.zeros(3200, np.float32), a, np.zeros(8000, np.float32)]))
        )
    model = load_whisper("tiny.en", num_workers=1)
    print(f"{len(clips)} utterances, p50 {np.median([a.size for _, a in clips]) / 16000:.1f} s")
    for name, o in settings().items():
        transcribe_span(model, clips[0][1], speaker="candidate", t0=0, options=o)  # warm
        times, refs, hyps = [], [], []
        for x, a in clips:
            t = time.perf_counter()
            words = transcribe_span(model, a, speaker=x["speaker"], t0=0, options=o)
            times.append(time.perf_counter() - t)
            refs.append(x["text"])
            hyps.append(" ".join(w.text for w in words))
        t = np.array(times)
        print(
            f"{name:<44} WER {wer(' '.join(refs), ' '.join(hyps)):6.1%}  decode p50 "
            f"{np.median(t):.3f}  p95 {np.percentile(t, 95):.3f}  max {t.max():.3f} s"
        )


if __name__ == "__main__":
    main()
