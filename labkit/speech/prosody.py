"""Voice prosody of one speaker's track: pitch, energy, voicing, pauses, rate, fillers.

Pure numpy. One pass (:func:`analyze_frames`) turns 16 kHz mono samples into a 10 ms frame track:
YIN pitch (de Cheveigné & Kawahara 2002, vectorised with FFTs), frame energy, an energy+voicing
speech mask, pauses and acoustic filled pauses. Windows (:func:`prosody_windows`, 1 s long every
0.5 s, seed 000) and per-answer summaries (:func:`summarize_span`) are cheap reductions of that
track, so the engine can compute the track once and derive both.

Definitions (documented because tests and the profile depend on them):

- **speech mask**: frames louder than an adaptive threshold, or voiced; speech blips shorter than
  ``min_speech`` are dropped and silences shorter than ``min_pause`` between speech are filled.
- **pause**: a silence of at least ``min_pause`` (0.25 s) with speech on both sides.
- **speech time**: time covered by the speech mask, i.e. from onset to offset minus pauses.
- **speaking rate** (``speech_rate_wpm``): words / speech time x 60. Words come from ASR (they are
  counted by their midpoint for spans, by overlap for windows); the time comes from the audio,
  because Whisper's word boundaries are loose (first words stamped early). Without samples the
  speech time falls back to word times (:func:`speech_rate_from_words`).
- **jitter / shimmer**: frame-level approximations (10 ms frames, not Praat's cycle-by-cycle
  values): the mean relative deviation of the pitch period (resp. frame amplitude) from its
  3-frame moving average over voiced runs. Comparable within labkit only.
- **filled pause** ("uhhh", "mmm"): a voiced run of at least 0.25 s with a flat pitch and a steady
  spectrum (low spectral flux), which fluent speech does not sustain.

Features hold floats only (JSON-safe, never NaN): pitch and jitter are 0 when nothing was voiced;
read ``voiced_ratio`` / ``speech_ratio`` before trusting them.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from labkit.errors import InputError
from labkit.records import ProsodyWindow, Speaker, Word
from labkit.speech.fillers import FillerHit, find_fillers

__all__ = [
    "FEATURE_KEYS",
    "FrameTrack",
    "ProsodyOptions",
    "analyze_frames",
    "prosody_windows",
    "prosody_windows_from_track",
    "speech_rate_from_words",
    "summarize_span",
    "summarize_track_span",
]

Hook = Callable[[str, Any], None] | None

# Stable keys of ProsodyWindow.features, in this order (the temporal feature schema relies on it).
FEATURE_KEYS: tuple[str, ...] = (
    "speech_ratio",
    "voiced_ratio",
    "pitch_mean",
    "pitch_sd",
    "pitch_median",
    "energy_db",
    "energy_sd_db",
    "pause_count",
    "pause_mean",
    "pause_ratio",
    "word_count",
    "speech_rate_wpm",
    "filler_count",
    "filled_pause_count",
    "asr_prob",
    "jitter",
    "shimmer",
    "snr_db",
)


@dataclass(frozen=True, slots=True)
class ProsodyOptions:
    """Hyper-parameters of the prosody stage (times in seconds, levels in dBFS)."""

    sample_rate: int = 16000
    frame_hop: float = 0.010
    frame_len: float = 0.025  # YIN integration window and energy window
    fmin: float = 60.0
    fmax: float = 450.0
    yin_threshold: float = 0.15  # first CMNDF dip below this is the period
    voicing_threshold: float = 0.30  # CMNDF at the period must be below this to count as voiced
    window: float = 1.0
    hop: float = 0.5
    min_pause: float = 0.25
    min_speech: float = 0.06
    speech_margin_db: float = 8.0  # speech must be this far above the noise floor ...
    dynamic_range_db: float = 35.0  # ... and no further than this below loud speech ...
    min_speech_db: float = -55.0  # ... and above this absolute level
    snr_cap_db: float = 60.0
    filled_pause_min: float = 0.25
    filled_pause_max_flux_db: float = 2.0  # mean band-energy change per 10 ms
    filled_pause_max_step_st: float = 0.5  # pitch change between frames, semitones
    filled_pause_max_sd_st: float = 0.8  # pitch sd over the whole run, semitones


@dataclass(frozen=True, eq=False)
class FrameTrack:
    """Frame-level analysis of one track; frame i is centred at ``t0 + i * hop``."""

    t0: float
    hop: float
    f0: np.ndarray  # Hz, 0 where unvoiced
    voiced: np.ndarray  # bool
    db: np.ndarray  # frame RMS level, dBFS
    speech: np.ndarray  # bool, smoothed speech mask
    flux: np.ndarray  # spectral flux, dB per frame
    noise_db: float
    pauses: tuple[tuple[float, float], ...] = ()
    filled_pauses: tuple[tuple[float, float], ...] = ()
    options: ProsodyOptions = field(default_factory=ProsodyOptions)

    @property
    def n_frames(self) -> int:
        return int(self.db.shape[0])

    @property
    def t_end(self) -> float:
        return self.t0 + self.n_frames * self.hop

    def index(self, t: float) -> int:
        """First frame whose centre is at or after ``t`` (clipped to the track)."""
        i = math.ceil((t - self.t0) / self.hop - 1e-9)
        return min(max(i, 0), self.n_frames)


def _as_mono(samples: np.ndarray) -> np.ndarray:
    x = np.asarray(samples)
    if x.ndim != 1:
        raise InputError(
            f"prosody needs mono samples (1-D array), got shape {x.shape}; mix down first"
        )
    if x.dtype.kind == "i":
        x = x.astype(np.float32) / float(np.iinfo(x.dtype).max)
    return np.ascontiguousarray(x, dtype=np.float32)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index pairs of the True runs of a bool array."""
    if mask.size == 0:
        return []
    d = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    starts = np.flatnonzero(d == 1)
    ends = np.flatnonzero(d == -1)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def _yin_chunk(
    frames: np.ndarray, w: int, tau_min: int, tau_max: int, thr: float
) -> tuple[np.ndarray, np.ndarray]:
    """Period (samples, fractional) and CMNDF value at it for each frame row."""
    n_fft = 1 << int(math.ceil(math.log2(frames.shape[1])))
    a = np.zeros((frames.shape[0], n_fft), dtype=np.float32)
    a[:, :w] = frames[:, :w]
    # r[tau] = sum_{j<w} x[j] x[j+tau]; no wrap-around because n_fft >= w + tau_max.
    r = np.fft.irfft(np.conj(np.fft.rfft(a, axis=1)) * np.fft.rfft(frames, n=n_fft, axis=1))
    r = r[:, : tau_max + 1]
    cs = np.concatenate(
        (np.zeros((frames.shape[0], 1)), np.cumsum(frames.astype(np.float64) ** 2, axis=1)), axis=1
    )
    taus = np.arange(tau_max + 1)
    e_tau = cs[:, taus + w] - cs[:, taus]
    d = np.maximum(e_tau[:, :1] + e_tau - 2.0 * r, 0.0)
    d[:, 0] = 0.0
    cum = np.cumsum(d[:, 1:], axis=1)
    cmnd = np.ones_like(d)
    cmnd[:, 1:] = d[:, 1:] * taus[1:] / np.maximum(cum, 1e-12)
    sub = cmnd[:, tau_min:]
    below = sub < thr
    has = below.any(axis=1)
    first = np.argmax(below, axis=1)
    idx = np.arange(sub.shape[1])
    after = idx[None, :] >= first[:, None]
    broken = np.cumsum(~below & after, axis=1) > 0
    dip = below & after & ~broken
    best_dip = np.argmin(np.where(dip, sub, np.inf), axis=1)
    best_any = np.argmin(sub, axis=1)
    best = np.where(has, best_dip, best_any) + tau_min
    val = cmnd[np.arange(len(best)), best]
    # Parabolic interpolation on the CMNDF for sub-sample periods.
    lo = np.clip(best - 1, 0, tau_max)
    hi = np.clip(best + 1, 0, tau_max)
    y0, y1, y2 = cmnd[np.arange(len(best)), lo], val, cmnd[np.arange(len(best)), hi]
    den = y0 - 2 * y1 + y2
    shift = np.where(np.abs(den) > 1e-9, 0.5 * (y0 - y2) / np.where(den == 0, 1, den), 0.0)
    period = best + np.clip(shift, -0.5, 0.5)
    return period, val


def analyze_frames(
    samples: np.ndarray,
    *,
    t0: float = 0.0,
    options: ProsodyOptions = ProsodyOptions(),
    hook: Hook = None,
) -> FrameTrack:
    """Frame-level pitch, energy, speech mask, pauses and filled pauses of mono samples.

    ``t0`` is the session time of ``samples[0]``; all times in the result are absolute.
    """
    o = options
    x = _as_mono(samples)
    sr = o.sample_rate
    hop = max(1, round(o.frame_hop * sr))
    w = max(16, round(o.frame_len * sr))
    tau_min = max(2, int(sr / o.fmax))
    tau_max = int(math.ceil(sr / o.fmin))
    length = w + tau_max
    n = math.ceil(x.size / hop) if x.size else 0
    hop_s = hop / sr
    if n == 0:
        empty = np.zeros(0, dtype=np.float32)
        return FrameTrack(
            t0,
            hop_s,
            empty,
            empty.astype(bool),
            empty,
            empty.astype(bool),
            empty,
            -100.0,
            (),
            (),
            o,
        )
    # Centre the integration window of frame i on sample i * hop.
    xp = np.concatenate((np.zeros(w // 2, np.float32), x, np.zeros(length + hop, np.float32)))
    view = np.lib.stride_tricks.sliding_window_view(xp, length)[::hop][:n]
    period = np.zeros(n)
    aper = np.ones(n)
    db = np.zeros(n)
    flux = np.zeros(n)
    win = np.hanning(w).astype(np.float32)
    n_spec = 512 if w <= 512 else 1 << int(math.ceil(math.log2(w)))
    freqs = np.fft.rfftfreq(n_spec, 1.0 / sr)
    edges = np.linspace(200.0, 4000.0, 21)
    band_of = np.digitize(freqs, edges) - 1
    band_matrix = (band_of[:, None] == np.arange(20)[None, :]).astype(np.float32)
    prev_bands: np.ndarray | None = None
    chunk = 2048
    for s in range(0, n, chunk):
        fr = np.asarray(view[s : s + chunk], dtype=np.float32)
        p, v = _yin_chunk(fr, w, tau_min, tau_max, o.yin_threshold)
        period[s : s + len(p)] = p
        aper[s : s + len(v)] = v
        head = fr[:, :w]
        db[s : s + len(fr)] = 10.0 * np.log10(np.mean(head.astype(np.float64) ** 2, axis=1) + 1e-10)
        spec = np.abs(np.fft.rfft(head * win, n=n_spec, axis=1)) ** 2
        lb = 10.0 * np.log10(spec @ band_matrix + 1e-10)
        joined = lb if prev_bands is None else np.concatenate((prev_bands[-1:], lb))
        f = np.mean(np.abs(np.diff(joined, axis=0)), axis=1)
        flux[s : s + len(fr)] = f if prev_bands is not None else np.concatenate(([0.0], f))
        prev_bands = lb
        if hook is not None:
            hook("prosody.frames", {"done": min(n, s + chunk), "total": n})

    # Adaptive speech threshold: above the noise floor, within range of loud speech.
    floor = max(float(np.percentile(db, 10)), -100.0)
    loud_pool = db[db > floor + 6.0]
    loud = float(np.percentile(loud_pool, 95)) if loud_pool.size else floor
    thr = max(floor + o.speech_margin_db, loud - o.dynamic_range_db, o.min_speech_db)
    periodic = aper < o.voicing_threshold
    if loud - floor < o.speech_margin_db:
        # No quiet frames to learn a noise floor from (a steady tone, or a chunk that is all
        # noise): only periodic frames can be speech.
        voiced = periodic & (db > o.min_speech_db)
        speech = voiced.copy()
    else:
        voiced = periodic & (db > thr - 6.0)
        speech = (db > thr) | voiced
    # Drop blips, then fill short gaps between speech: those are not pauses.
    min_sp = max(1, round(o.min_speech / hop_s))
    for a, b in _runs(speech):
        if b - a < min_sp:
            speech[a:b] = False
    min_pz = round(o.min_pause / hop_s)
    runs = _runs(speech)
    pauses: list[tuple[float, float]] = []
    for (_, b0), (a1, _) in itertools.pairwise(runs):
        if a1 - b0 < min_pz:
            speech[b0:a1] = True
        else:
            pauses.append((t0 + (b0 - 0.5) * hop_s, t0 + (a1 - 0.5) * hop_s))
    voiced &= speech
    f0 = _fix_octaves(np.where(voiced, sr / np.maximum(period, 1.0), 0.0), voiced)
    nonspeech = db[~speech]
    noise_db = float(np.mean(nonspeech)) if nonspeech.size >= 10 else floor
    noise_db = max(noise_db, -100.0)
    filled = _filled_pauses(f0, voiced, flux, t0=t0, hop_s=hop_s, options=o)
    return FrameTrack(
        t0=t0,
        hop=hop_s,
        f0=f0.astype(np.float32),
        voiced=voiced,
        db=db.astype(np.float32),
        speech=speech,
        flux=flux.astype(np.float32),
        noise_db=noise_db,
        pauses=tuple(pauses),
        filled_pauses=tuple(filled),
        options=o,
    )


def _fix_octaves(f0: np.ndarray, voiced: np.ndarray, half_width: int = 7) -> np.ndarray:
    """Undo YIN's isolated octave jumps by comparing each frame with its voiced neighbours."""
    out = f0.copy()
    for a, b in _runs(voiced):
        if b - a < 5:
            continue
        seg = f0[a:b]
        pad = np.pad(seg, half_width, mode="edge")
        med = np.median(np.lib.stride_tricks.sliding_window_view(pad, 2 * half_width + 1), axis=1)
        ratio = seg / np.maximum(med, 1.0)
        fixed = np.where(np.abs(ratio - 0.5) < 0.06, seg * 2.0, seg)
        fixed = np.where(np.abs(ratio - 2.0) < 0.24, seg / 2.0, fixed)
        out[a:b] = fixed
    return out


def _filled_pauses(
    f0: np.ndarray,
    voiced: np.ndarray,
    flux: np.ndarray,
    *,
    t0: float,
    hop_s: float,
    options: ProsodyOptions,
) -> list[tuple[float, float]]:
    o = options
    st = np.where(voiced, 12.0 * np.log2(np.maximum(f0, 1.0) / 100.0), 0.0)
    step = np.abs(np.diff(st, prepend=st[:1]))
    # A 3-frame median keeps one noisy flux frame from splitting a sustained vowel.
    fl = flux.copy()
    if fl.size >= 3:
        fl[1:-1] = np.median(np.stack((flux[:-2], flux[1:-1], flux[2:])), axis=0)
    steady = voiced & (fl < o.filled_pause_max_flux_db) & (step < o.filled_pause_max_step_st)
    min_n = round(o.filled_pause_min / hop_s)
    out: list[tuple[float, float]] = []
    for a, b in _runs(steady):
        if b - a >= min_n and float(np.std(st[a:b])) <= o.filled_pause_max_sd_st:
            out.append((t0 + (a - 0.5) * hop_s, t0 + (b - 0.5) * hop_s))
    return out


def _perturbation(values: np.ndarray, voiced: np.ndarray) -> float:
    """Mean |v_i - mean(v_{i-1..i+1})| / v_i over frames voiced with both neighbours."""
    if values.size < 3:
        return 0.0
    ok = voiced[:-2] & voiced[1:-1] & voiced[2:]
    if not ok.any():
        return 0.0
    mid = values[1:-1]
    avg = (values[:-2] + mid + values[2:]) / 3.0
    rel = (np.abs(mid - avg) / np.maximum(mid, 1e-9))[ok]
    # Deviations over 20% are tracking errors (octave slips, onsets), not perturbation.
    rel = rel[rel < 0.2]
    return float(rel.mean()) if rel.size else 0.0


@dataclass(frozen=True, slots=True)
class _WordTable:
    starts: np.ndarray
    ends: np.ndarray
    probs: np.ndarray
    fill_starts: np.ndarray
    fill_ends: np.ndarray
    fill_words: np.ndarray  # 1 or 2 words per filler


def _word_table(words: Sequence[Word]) -> _WordTable:
    hits: list[FillerHit] = find_fillers(words) if words else []
    return _WordTable(
        np.array([w.t_start for w in words], dtype=float),
        np.array([w.t_end for w in words], dtype=float),
        np.array([w.prob for w in words], dtype=float),
        np.array([h.t_start for h in hits], dtype=float),
        np.array([h.t_end for h in hits], dtype=float),
        np.array([h.n_words for h in hits], dtype=float),
    )


def _overlap(starts: np.ndarray, ends: np.ndarray, a: float, b: float) -> np.ndarray:
    return np.clip(np.minimum(ends, b) - np.maximum(starts, a), 0.0, None)


def _intervals_overlapping(
    iv: Sequence[tuple[float, float]], a: float, b: float
) -> list[tuple[float, float]]:
    return [(s, e) for s, e in iv if e > a and s < b]


def _features(
    track: FrameTrack,
    a: float,
    b: float,
    wt: _WordTable,
    *,
    span_mode: bool,
) -> dict[str, float]:
    """Features of [a, b). Windows count overlap; spans count midpoints and inner pauses."""
    o = track.options
    i0, i1 = track.index(a), track.index(b)
    dur = max(b - a, 1e-9)
    speech = track.speech[i0:i1]
    voiced = track.voiced[i0:i1]
    f0 = track.f0[i0:i1]
    db = track.db[i0:i1]
    nfr = max(i1 - i0, 1)
    speech_time = float(speech.sum()) * track.hop
    f = dict.fromkeys(FEATURE_KEYS, 0.0)
    f["speech_ratio"] = float(speech.sum()) / nfr
    f["voiced_ratio"] = float(voiced.sum()) / nfr
    pv = f0[voiced]
    if pv.size >= 3:
        f["pitch_mean"] = float(pv.mean())
        f["pitch_sd"] = float(pv.std())
        f["pitch_median"] = float(np.median(pv))
        f["jitter"] = _perturbation(np.where(voiced, 1.0 / np.maximum(f0, 1.0), 0.0), voiced)
        amp = np.power(10.0, db / 20.0)
        f["shimmer"] = _perturbation(amp, voiced)
    lev = db[speech] if speech.any() else db
    if lev.size:
        f["energy_db"] = float(lev.mean())
        f["energy_sd_db"] = float(lev.std())
    if speech.any():
        f["snr_db"] = float(min(max(float(db[speech].mean()) - track.noise_db, 0.0), o.snr_cap_db))

    if span_mode:
        pauses = _inner_pauses(track, i0, i1)
        filled = [(s, e) for s, e in track.filled_pauses if a <= (s + e) / 2 < b]
    else:
        pauses = _intervals_overlapping(track.pauses, a, b)
        filled = _intervals_overlapping(track.filled_pauses, a, b)
    if pauses:
        f["pause_count"] = float(len(pauses))
        f["pause_mean"] = float(np.mean([e - s for s, e in pauses]))
        f["pause_ratio"] = float(sum(min(e, b) - max(s, a) for s, e in pauses)) / dur
    f["filled_pause_count"] = float(len(filled))

    if wt.starts.size:
        if span_mode:
            mid = (wt.starts + wt.ends) / 2
            share = ((mid >= a) & (mid < b)).astype(float)
            fmid = (wt.fill_starts + wt.fill_ends) / 2
            fshare = ((fmid >= a) & (fmid < b)).astype(float)
        else:
            wlen = np.maximum(wt.ends - wt.starts, 1e-3)
            share = _overlap(wt.starts, wt.ends, a, b) / wlen
            flen = np.maximum(wt.fill_ends - wt.fill_starts, 1e-3)
            fshare = _overlap(wt.fill_starts, wt.fill_ends, a, b) / flen
        n_words = float(share.sum())
        f["word_count"] = n_words
        if n_words > 0:
            f["asr_prob"] = float((share * wt.probs).sum() / n_words)
        f["filler_count"] = float((fshare > 0).sum()) if not span_mode else float(fshare.sum())
        if speech_time >= o.min_pause and n_words > 0:
            f["speech_rate_wpm"] = 60.0 * n_words / speech_time
        elif track.n_frames == 0 and n_words > 0:
            f["speech_rate_wpm"] = _rate_from_arrays(wt.starts, wt.ends, share, o.min_pause)
    return f


def _inner_pauses(track: FrameTrack, i0: int, i1: int) -> list[tuple[float, float]]:
    """Silences of >= min_pause strictly between speech frames inside [i0, i1)."""
    sp = track.speech[i0:i1]
    runs = _runs(sp)
    out = []
    for (_, b0), (a1, _) in itertools.pairwise(runs):
        t_a = track.t0 + (i0 + b0 - 0.5) * track.hop
        out.append((t_a, track.t0 + (i0 + a1 - 0.5) * track.hop))
    return out


def _rate_from_arrays(
    starts: np.ndarray, ends: np.ndarray, share: np.ndarray, min_pause: float
) -> float:
    keep = share > 0
    s, e = starts[keep], ends[keep]
    if s.size == 0:
        return 0.0
    order = np.argsort(s)
    s, e = s[order], e[order]
    total = float(e[0] - s[0])
    last_end = float(e[0])
    for a, b in zip(s[1:].tolist(), e[1:].tolist(), strict=True):
        gap = a - last_end
        # Gaps shorter than a pause are part of speaking; longer ones are pauses.
        total += (b - a) + (gap if 0 < gap < min_pause else 0.0)
        last_end = max(last_end, b)
    return 60.0 * float(share[keep].sum()) / total if total > 0 else 0.0


def speech_rate_from_words(words: Sequence[Word], *, min_pause: float = 0.25) -> float:
    """Words per minute from word times alone: words / (word time + gaps shorter than a pause)."""
    if not words:
        return 0.0
    wt = _word_table(words)
    return _rate_from_arrays(wt.starts, wt.ends, np.ones(len(words)), min_pause)


def prosody_windows_from_track(
    track: FrameTrack,
    *,
    speaker: Speaker,
    words: Sequence[Word] = (),
    t_from: float | None = None,
    t_to: float | None = None,
) -> list[ProsodyWindow]:
    """1 s windows every 0.5 s on the absolute session grid (starts at multiples of ``hop``).

    Only windows that lie fully inside the track (or inside [t_from, t_to]) are returned, so
    windows from consecutive chunks of a live track never disagree.
    """
    o = track.options
    lo = track.t0 if t_from is None else max(t_from, track.t0)
    hi = track.t_end if t_to is None else min(t_to, track.t_end)
    k0 = math.ceil(lo / o.hop - 1e-9)
    wt = _word_table([w for w in words if w.speaker == speaker])
    out: list[ProsodyWindow] = []
    k = k0
    while k * o.hop + o.window <= hi + 1e-9:
        a = k * o.hop
        b = a + o.window
        out.append(ProsodyWindow(speaker, a, b, _features(track, a, b, wt, span_mode=False)))
        k += 1
    return out


def prosody_windows(
    samples: np.ndarray,
    *,
    speaker: Speaker,
    t0: float = 0.0,
    words: Sequence[Word] = (),
    options: ProsodyOptions = ProsodyOptions(),
    hook: Hook = None,
) -> list[ProsodyWindow]:
    """Prosody features of one speaker's samples in 1 s windows with a 0.5 s hop.

    ``t0`` is the session time of ``samples[0]``; windows carry absolute times. ``words`` are that
    speaker's recognised words (others are ignored); they feed word_count, speech_rate_wpm,
    filler_count and asr_prob.
    """
    track = analyze_frames(samples, t0=t0, options=options, hook=hook)
    wins = prosody_windows_from_track(track, speaker=speaker, words=words)
    if hook is not None:
        hook("prosody.windows", wins)
    return wins


def summarize_track_span(
    track: FrameTrack,
    *,
    speaker: Speaker,
    t_start: float,
    t_end: float,
    words: Sequence[Word] = (),
) -> ProsodyWindow:
    """Features of one span (an answer) from an already analysed track."""
    if t_end <= t_start:
        raise InputError(f"span must have t_end > t_start, got [{t_start}, {t_end}]")
    wt = _word_table([w for w in words if w.speaker == speaker])
    return ProsodyWindow(
        speaker, t_start, t_end, _features(track, t_start, t_end, wt, span_mode=True)
    )


def summarize_span(
    samples: np.ndarray,
    *,
    speaker: Speaker,
    t_start: float,
    t_end: float,
    words: Sequence[Word] = (),
    t0: float = 0.0,
    options: ProsodyOptions = ProsodyOptions(),
) -> ProsodyWindow:
    """Per-answer prosody over [t_start, t_end] (absolute times; ``samples[0]`` is at ``t0``).

    Pauses are silences of >= ``options.min_pause`` between speech inside the span; the rate
    counts the words whose midpoint lies in the span. With empty ``samples`` the rate comes from
    word times alone and the acoustic features are 0.
    """
    track = analyze_frames(samples, t0=t0, options=options)
    return summarize_track_span(track, speaker=speaker, t_start=t_start, t_end=t_end, words=words)
