"""Re-scoring a stored 15-minute session with new fusion weights (budget: <= 100 ms).

Synthesises (seeded) what a store holds for 15 minutes of candidate data -- face frames at
10 fps, 1800 prosody windows, ~2500 words -- and times, with two weight configs:

- ``build``: aggregating the stored records onto the window grid (``build_window_table``);
- ``rescore``: fused windows from the stored window table (``rescore``: the budgeted path);
- ``records->fused``: both together (``fuse_windows``), for a store that keeps only records;
- ``naive loop``: the same maths written per window in plain Python (the baseline).

Run: ``python bench/fusion.py [--reps 30] [--minutes 15]``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable

import numpy as np

from labkit.judgment.fusion import (
    COMPOSITES,
    CUE_GROUPS,
    EMOTIONS,
    FusionConfig,
    WindowTable,
    build_window_table,
    fuse_arrays,
    fuse_windows,
    load_config,
    rescore,
)
from labkit.records import FaceFrame, ProsodyWindow, Word


def synth_session(minutes: float, seed: int = 0):
    rng = np.random.default_rng(seed)
    dur = minutes * 60.0
    frames = []
    for i in range(int(dur * 10)):
        present = rng.random() > 0.05
        emo = dict(zip(EMOTIONS, rng.dirichlet(np.ones(len(EMOTIONS))).tolist(), strict=True))
        frames.append(
            FaceFrame(
                i / 10,
                present,
                yaw=float(rng.normal(0, 12)) if present else None,
                pitch=float(rng.normal(0, 5)) if present else None,
                roll=0.0 if present else None,
                movement=float(abs(rng.normal(0, 0.03))) if present else None,
                gaze_off=float(rng.uniform(0, 0.5)) if present else None,
                emotions=emo if present else None,
            )
        )
    prosody = []
    for k in range(int((dur - 1.0) / 0.5) + 1):
        talk = float(rng.uniform(0, 1))
        f = {
            "speech_ratio": talk,
            "voiced_ratio": talk * 0.6,
            "pitch_mean": float(rng.normal(150, 15)) if talk > 0.1 else 0.0,
            "pitch_sd": float(abs(rng.normal(20, 6))),
            "energy_db": float(rng.normal(-25, 4)),
            "pause_ratio": float(rng.uniform(0, 0.5)),
            "filled_pause_count": float(rng.random() < 0.05),
            "jitter": float(abs(rng.normal(0.01, 0.005))),
            "shimmer": float(abs(rng.normal(0.06, 0.02))),
            "snr_db": float(rng.uniform(5, 35)),
        }
        prosody.append(ProsodyWindow("candidate", k * 0.5, k * 0.5 + 1.0, f))
    vocab = ["the", "data", "we", "um", "like", "pipeline", "I", "so", "kind", "of", "team"]
    words, t = [], 0.0
    while t < dur - 0.5:
        words.append(
            Word("candidate", t, t + 0.25, str(rng.choice(vocab)), float(rng.uniform(0.3, 1)))
        )
        t += float(rng.uniform(0.3, 0.5))
    return frames, prosody, words


def naive_rescore(table: WindowTable, cfg: FusionConfig) -> list[dict]:
    """Per-window pure-Python fusion (same maths as fuse_arrays): the baseline."""
    rows = table.to_rows()
    nm, rc = cfg.norms, cfg.reliability

    def clip(v: float) -> float:
        return min(max(v, 0.0), 1.0)

    act = [r for r in rows if r["speech_ratio"] > 0.3 and r["has_prosody"] > 0]
    base_db = statistics.median([r["energy_db"] for r in act]) if act else -25.0
    voiced = [r["pitch_mean"] for r in act if r["pitch_mean"] > 0]
    base_f0 = statistics.median(voiced) if voiced else 150.0
    state = dict.fromkeys(COMPOSITES, 0.5)
    out = []
    for r in rows:
        vis = clip(r["face_ratio"]) if r["n_frames"] > 0 else 0.0
        emo_r = vis * clip(r["emo_available"]) * (1.0 if cfg.emotion_enabled else 0.0)
        activity = clip(r["speech_ratio"] / rc["speaking_full"]) * (r["has_prosody"] > 0)
        snr = clip((r["snr_db"] - rc["snr_db_low"]) / (rc["snr_db_high"] - rc["snr_db_low"]))
        aud = activity * snr
        asr = clip(
            (r["asr_prob"] - rc["asr_prob_low"]) / (rc["asr_prob_high"] - rc["asr_prob_low"])
        )
        txt = aud * asr * (r["word_count"] > 0.5)
        rel = {"visual": vis, "emotion": emo_r, "audio": aud, "text": txt}
        p = [r[f"emo_{e}"] for e in EMOTIONS]
        tot = sum(p)
        p = [v / tot for v in p] if tot > 0 else [1 / len(p)] * len(p)
        ent = -sum(v * math.log(max(v, 1e-12)) for v in p) / math.log(len(p))
        pm = r["pitch_mean"]
        cv = r["pitch_sd"] / pm if pm > 0 else 0.0
        st = 12 * math.log2(max(pm, 1.0) / base_f0) if pm > 0 else 0.0
        wc = r["word_count"]
        talk = r["speech_ratio"] * cfg.window
        wpm = 60 * wc / talk if talk >= 0.25 else 0.0
        lo, hi = nm["rate_low_wpm"], nm["rate_high_wpm"]
        fast = clip((wpm - hi) / (0.5 * hi))
        slow = 1 - clip((wpm - 0.5 * lo) / (0.5 * lo))
        fill = clip((r["filler_count"] / wc if wc > 0 else 0.0) / nm["filler_rate_high"])
        pausing = clip(r["pause_ratio"] / nm["pause_ratio_high"])
        fp = clip(r["filled_pause_count"] / nm["filled_pause_high"])
        pv = clip(cv / nm["pitch_cv_high"])
        mov = clip(r["movement"] / nm["movement_high"])
        away = clip(r["yaw_abs"] / nm["yaw_away_deg"])
        cues = {
            "gaze_off": clip(r["gaze_off"]),
            "gaze_on": 1 - clip(r["gaze_off"]),
            "head_away": away,
            "head_toward": 1 - away,
            "movement": mov,
            "stillness": 1 - mov,
            "emo_negative": p[0] + p[1] + p[2] + p[4],
            "emo_positive": p[3],
            "emo_neutral": p[6],
            "emo_surprise": p[5],
            "emo_certainty": clip(1 - ent),
            "pitch_variation": pv,
            "pitch_steadiness": 1 - pv,
            "loudness": clip(0.5 + (r["energy_db"] - base_db) / (2 * nm["loudness_range_db"])),
            "pitch_raised": clip(0.5 + st / (2 * nm["pitch_raise_st"])),
            "pausing": pausing,
            "no_pausing": 1 - pausing,
            "vocal_tension": clip(
                (r["jitter"] / nm["jitter_high"] + r["shimmer"] / nm["shimmer_high"]) / 2
            ),
            "filled_pauses": fp,
            "no_filled_pauses": 1 - fp,
            "fillers": fill,
            "no_fillers": 1 - fill,
            "rate_fast": fast,
            "rate_slow": slow,
            "rate_in_range": 1 - max(fast, slow),
        }
        raw = {}
        for comp in COMPOSITES:
            ws = cfg.composites.get(comp, {})
            num = sum(w * rel[CUE_GROUPS[q]] * cues[q] for q, w in ws.items())
            den = sum(w * rel[CUE_GROUPS[q]] for q, w in ws.items())
            tot_w = sum(ws.values())
            raw[comp] = num / den if den > 1e-9 else math.nan
            ev = den / tot_w if tot_w > 0 and den > 1e-9 else 0.0
            target = raw[comp] if den > 1e-9 else 0.5
            state[comp] += cfg.ema_alpha * ev * (target - state[comp])
        logits = {
            lab: sum(m.get(c, 0.0) * (state[c] - 0.5) for c in COMPOSITES) / cfg.temperature
            for lab, m in cfg.labels.items()
        }
        mx = max(logits.values())
        ex = {k: math.exp(v - mx) for k, v in logits.items()}
        z = sum(ex.values())
        out.append({"raw": raw, "smooth": dict(state), "probs": {k: v / z for k, v in ex.items()}})
    return out


def timeit(fn: Callable[[], object], reps: int) -> tuple[float, float]:
    fn()  # warm-up
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1e3)
    ts.sort()
    return statistics.median(ts), ts[min(len(ts) - 1, math.ceil(0.95 * len(ts)) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=15.0)
    ap.add_argument("--reps", type=int, default=30)
    args = ap.parse_args()
    frames, prosody, words = synth_session(args.minutes)
    table = build_window_table(frames, prosody, words)
    cfg_a = load_config()
    cfg_b = cfg_a.with_weights(
        {"stress": {"emo_negative": 0.0, "vocal_tension": 1.5}, "confidence": {"gaze_on": 0.2}},
        ema_alpha=0.4,
    )
    # Sanity: the vectorised core and the naive loop agree.
    fa = fuse_arrays(table, cfg_b)
    nv = naive_rescore(table, cfg_b)
    naive_raw = np.array([[r["raw"][c] for c in COMPOSITES] for r in nv])
    naive_smooth = np.array([[r["smooth"][c] for c in COMPOSITES] for r in nv])
    assert np.allclose(fa.raw, naive_raw, equal_nan=True), "naive and vectorised raw differ"
    assert np.allclose(fa.smooth, naive_smooth), "naive and vectorised smoothing differ"
    print(
        f"session: {args.minutes:g} min, {len(table)} windows, {len(frames)} face frames, "
        f"{len(prosody)} prosody windows, {len(words)} words; reps={args.reps}"
    )
    print(f"{'step':34s} {'p50 ms':>8s} {'p95 ms':>8s}")
    results = {}
    for name, cfg in (("A fusion-v1", cfg_a), ("B re-weighted", cfg_b)):
        rows = [
            (f"rescore ({name})", lambda cfg=cfg: rescore(table, cfg)),
            (f"fuse_arrays ({name})", lambda cfg=cfg: fuse_arrays(table, cfg)),
            (f"naive loop ({name})", lambda cfg=cfg: naive_rescore(table, cfg)),
        ]
        for label, fn in rows:
            results[label] = timeit(fn, args.reps)
            print(f"{label:34s} {results[label][0]:8.1f} {results[label][1]:8.1f}")
    for label, fn in (
        ("build table from records", lambda: build_window_table(frames, prosody, words)),
        (
            "records->fused (fuse_windows)",
            lambda: fuse_windows(frames, prosody, words, config=cfg_b),
        ),
    ):
        results[label] = timeit(fn, max(5, args.reps // 3))
        print(f"{label:34s} {results[label][0]:8.1f} {results[label][1]:8.1f}")
    p95 = results["rescore (B re-weighted)"][1]
    speedup = results["naive loop (B re-weighted)"][0] / results["rescore (B re-weighted)"][0]
    verdict = "PASS" if p95 <= 100.0 else "FAIL"
    print(
        f"re-score p95 {p95:.1f} ms vs budget 100 ms: {verdict}; {speedup:.1f}x faster than naive"
    )


if __name__ == "__main__":
    main()
