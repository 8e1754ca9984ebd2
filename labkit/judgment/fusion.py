"""Fusion of face, facial emotion, voice prosody and transcript cues over time windows.

Two steps, so that re-weighting a stored session never re-runs a model:

1. :func:`build_window_table` aggregates stored records (FaceFrame, ProsodyWindow, Word) onto a
   1 s / 0.5 s-hop grid of raw per-window features (a :class:`WindowTable`, numpy columns).
2. :func:`rescore` (columnar core: :func:`fuse_arrays`) turns that table into
   :class:`FusedWindow` records under a :class:`FusionConfig` (versioned JSON,
   ``labkit/data/fusion_weights_v1.json``). It is vectorised: a 15-minute session (1800 windows)
   re-scores in a few milliseconds (``bench/fusion.py``).

The fused model, kept deliberately simple and inspectable (seed 004: a naive learned fusion of
mismatched modalities collapsed to 18.5% accuracy):

- **cues**: each raw feature becomes a cue in [0, 1] (e.g. ``gaze_on``, ``vocal_tension``,
  ``fillers``), belonging to one group: visual, emotion, audio or text.
- **reliability gating** per window and group: visual = share of frames with a face (no face ->
  0); emotion = visual x share of frames with emotion probabilities (emotion-off mode -> 0);
  audio = speaking activity x SNR factor; text = audio x ASR word-probability factor.
- **composites** stress, engagement, confidence, fluency: the reliability-weighted mean of their
  cues (weights from the config, >= 0). A composite with no reliable cue has no value this window.
- **smoothing**: an EMA whose step is ``ema_alpha`` x the share of the composite's weight that had
  evidence, so unreliable windows barely move it and empty windows hold it (starts at 0.5).
- **labels** calm / engaged / stressed / hesitant: softmax of the smoothed composites centred at
  0.5 (matrix and temperature in the config); top probability < ``uncertain_below`` (0.45) ->
  label ``"uncertain"`` with the top two kept.
- **hysteresis**: the committed label changes only when a new label has been on top for
  ``hold_windows`` consecutive confident windows, or beats the committed one by ``switch_margin``.

:func:`weak_evidence` turns the windows of an answer into profile evidence whose sd is never below
``sd_floor`` (0.25): side signals are weak evidence next to what the candidate said.
"""

from __future__ import annotations

import copy
import gc
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from labkit.errors import InputError
from labkit.records import FaceFrame, ProsodyWindow, Speaker, Word

__all__ = [
    "COMPOSITES",
    "CUE_GROUPS",
    "EMOTIONS",
    "GROUPS",
    "RAW_COLUMNS",
    "FusedArrays",
    "FusedWindow",
    "FusionConfig",
    "WindowTable",
    "build_window_table",
    "fuse_arrays",
    "fuse_windows",
    "load_config",
    "rescore",
    "weak_evidence",
]

GROUPS: tuple[str, ...] = ("visual", "emotion", "audio", "text")
COMPOSITES: tuple[str, ...] = ("stress", "engagement", "confidence", "fluency")
EMOTIONS: tuple[str, ...] = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
_NEGATIVE = ("angry", "disgust", "fear", "sad")

CUE_GROUPS: dict[str, str] = {
    "gaze_on": "visual",
    "gaze_off": "visual",
    "head_away": "visual",
    "head_toward": "visual",
    "movement": "visual",
    "stillness": "visual",
    "emo_negative": "emotion",
    "emo_positive": "emotion",
    "emo_neutral": "emotion",
    "emo_surprise": "emotion",
    "emo_certainty": "emotion",
    "pitch_variation": "audio",
    "pitch_steadiness": "audio",
    "loudness": "audio",
    "pitch_raised": "audio",
    "pausing": "audio",
    "no_pausing": "audio",
    "vocal_tension": "audio",
    "filled_pauses": "audio",
    "no_filled_pauses": "audio",
    "fillers": "text",
    "no_fillers": "text",
    "rate_in_range": "text",
    "rate_fast": "text",
    "rate_slow": "text",
}
_CUES: tuple[str, ...] = tuple(CUE_GROUPS)

# Raw per-window columns of a WindowTable (what a store keeps to re-score without models).
RAW_COLUMNS: tuple[str, ...] = (
    "n_frames",
    "face_ratio",
    "gaze_off",
    "yaw_abs",
    "movement",
    "emo_available",
    *(f"emo_{e}" for e in EMOTIONS),
    "has_prosody",
    "speech_ratio",
    "voiced_ratio",
    "pitch_mean",
    "pitch_sd",
    "energy_db",
    "pause_ratio",
    "filled_pause_count",
    "jitter",
    "shimmer",
    "snr_db",
    "word_count",
    "asr_prob",
    "filler_count",
)


# ---------------------------------------------------------------- config


@dataclass(frozen=True)
class FusionConfig:
    """Versioned fusion weights and thresholds (see ``labkit/data/fusion_weights_v1.json``)."""

    version: str = "fusion-v1"
    speaker: Speaker = "candidate"
    window: float = 1.0
    hop: float = 0.5
    emotion_enabled: bool = True
    ema_alpha: float = 0.6
    uncertain_below: float = 0.45
    hold_windows: int = 3
    switch_margin: float = 0.25
    temperature: float = 0.25
    reliability: Mapping[str, float] = field(default_factory=dict)
    norms: Mapping[str, float] = field(default_factory=dict)
    composites: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    labels: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    weak_evidence: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for comp, weights in self.composites.items():
            if comp not in COMPOSITES:
                raise InputError(f"unknown composite {comp!r}; use one of {COMPOSITES}")
            for cue, w in weights.items():
                if cue not in CUE_GROUPS:
                    raise InputError(
                        f"unknown cue {cue!r} in composite {comp!r}; known cues: {sorted(_CUES)}"
                    )
                if not (w >= 0 and math.isfinite(w)):
                    raise InputError(f"weight of {comp}.{cue} must be a finite number >= 0")
        for lab, row in self.labels.items():
            for comp in row:
                if comp not in COMPOSITES:
                    raise InputError(f"label {lab!r} uses unknown composite {comp!r}")
        if not 0 < self.ema_alpha <= 1:
            raise InputError("ema_alpha must be in (0, 1]")
        if self.temperature <= 0:
            raise InputError("temperature must be > 0")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FusionConfig:
        hyst = d.get("hysteresis", {})
        return cls(
            version=str(d.get("version", "custom")),
            speaker=d.get("speaker", "candidate"),
            window=float(d.get("window", 1.0)),
            hop=float(d.get("hop", 0.5)),
            emotion_enabled=bool(d.get("emotion_enabled", True)),
            ema_alpha=float(d.get("ema_alpha", 0.6)),
            uncertain_below=float(d.get("uncertain_below", 0.45)),
            hold_windows=int(hyst.get("hold_windows", 3)),
            switch_margin=float(hyst.get("switch_margin", 0.25)),
            temperature=float(d.get("temperature", 0.25)),
            reliability=dict(d.get("reliability", {})),
            norms=dict(d.get("norms", {})),
            composites={k: dict(v) for k, v in d.get("composites", {}).items()},
            labels={k: dict(v) for k, v in d.get("labels", {}).items()},
            weak_evidence=copy.deepcopy(dict(d.get("weak_evidence", {}))),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "speaker": self.speaker,
            "window": self.window,
            "hop": self.hop,
            "emotion_enabled": self.emotion_enabled,
            "ema_alpha": self.ema_alpha,
            "uncertain_below": self.uncertain_below,
            "hysteresis": {"hold_windows": self.hold_windows, "switch_margin": self.switch_margin},
            "temperature": self.temperature,
            "reliability": dict(self.reliability),
            "norms": dict(self.norms),
            "composites": {k: dict(v) for k, v in self.composites.items()},
            "labels": {k: dict(v) for k, v in self.labels.items()},
            "weak_evidence": copy.deepcopy(dict(self.weak_evidence)),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    def with_weights(
        self,
        weights: Mapping[str, Mapping[str, float]] | None = None,
        *,
        version: str | None = None,
        **changes: Any,
    ) -> FusionConfig:
        """A copy with some composite cue weights (merged) and/or fields replaced.

        ``cfg.with_weights({"stress": {"emo_negative": 0.0}}, ema_alpha=0.3)``. Without an
        explicit ``version`` the new one is marked ``"<old>+custom"`` so stored results stay
        traceable to the weights that made them.
        """
        comps = {k: dict(v) for k, v in self.composites.items()}
        for comp, ws in (weights or {}).items():
            comps.setdefault(comp, {}).update(ws)
        new_version = version if version is not None else f"{self.version.split('+')[0]}+custom"
        return replace(self, composites=comps, version=new_version, **changes)


def load_config(path: str | Path | None = None) -> FusionConfig:
    """Load fusion weights from a JSON file (default: the packaged ``fusion_weights_v1.json``)."""
    if path is None:
        text = resources.files("labkit").joinpath("data/fusion_weights_v1.json").read_text()
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"fusion config {p} not found; pass a fusion_weights JSON file")
        text = p.read_text()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"fusion config is not valid JSON: {exc}") from exc
    return FusionConfig.from_dict(data)


# ---------------------------------------------------------------- window table


@dataclass(frozen=True, eq=False)
class WindowTable:
    """Raw per-window features on the session grid: window k spans [t_start[k], t_end[k])."""

    t_start: np.ndarray
    t_end: np.ndarray
    columns: Mapping[str, np.ndarray]

    def __len__(self) -> int:
        return int(self.t_start.shape[0])

    def to_rows(self) -> list[dict[str, float]]:
        """JSON-ready rows (one per window) for a store; inverse of :meth:`from_rows`."""
        cols = {k: self.columns[k].tolist() for k in RAW_COLUMNS}
        ts, te = self.t_start.tolist(), self.t_end.tolist()
        return [
            {"t_start": ts[i], "t_end": te[i], **{k: cols[k][i] for k in RAW_COLUMNS}}
            for i in range(len(ts))
        ]

    @classmethod
    def from_rows(cls, rows: Sequence[Mapping[str, float]]) -> WindowTable:
        return cls(
            np.array([r["t_start"] for r in rows], dtype=float),
            np.array([r["t_end"] for r in rows], dtype=float),
            {k: np.array([float(r.get(k, 0.0)) for r in rows], dtype=float) for k in RAW_COLUMNS},
        )


def _empty_table() -> WindowTable:
    z = np.zeros(0)
    return WindowTable(z, z, {k: z for k in RAW_COLUMNS})


def build_window_table(
    face_frames: Sequence[FaceFrame],
    prosody: Sequence[ProsodyWindow],
    words: Sequence[Word],
    *,
    speaker: Speaker = "candidate",
    window: float = 1.0,
    hop: float = 0.5,
) -> WindowTable:
    """Aggregate stored records of ``speaker`` onto the window grid (no model runs here).

    Face frames are averaged over every window that contains them (frames with a face only, for
    pose/gaze/emotion); prosody windows are placed by their start; words are shared by overlap.
    """
    pros = [p for p in prosody if p.speaker == speaker]
    wds = [w for w in words if w.speaker == speaker]
    times: list[float] = [f.t for f in face_frames]
    times += [p.t_start for p in pros] + [p.t_end for p in pros]
    times += [w.t_start for w in wds] + [w.t_end for w in wds]
    if not times:
        return _empty_table()
    k_lo = math.floor(min(times) / hop + 1e-9)
    k_hi = max(k_lo, math.ceil((max(times) - window) / hop - 1e-9))
    n = k_hi - k_lo + 1
    t_start = (np.arange(n) + k_lo) * hop
    cols = {k: np.zeros(n) for k in RAW_COLUMNS}
    per = max(1, round(window / hop))  # windows containing one instant

    if face_frames:
        _add_faces(cols, face_frames, k_lo=k_lo, n=n, hop=hop, window=window, per=per)
    if pros:
        idx = np.array([round(p.t_start / hop) - k_lo for p in pros])
        ok = (idx >= 0) & (idx < n)
        cols["has_prosody"][idx[ok]] = 1.0
        for key in (
            "speech_ratio",
            "voiced_ratio",
            "pitch_mean",
            "pitch_sd",
            "energy_db",
            "pause_ratio",
            "filled_pause_count",
            "jitter",
            "shimmer",
            "snr_db",
        ):
            vals = np.array([float(p.features.get(key, 0.0)) for p in pros])
            cols[key][idx[ok]] = vals[ok]
    if wds:
        _add_words(cols, wds, k_lo=k_lo, n=n, hop=hop, window=window)
    return WindowTable(t_start, t_start + window, cols)


def _add_faces(
    cols: dict[str, np.ndarray],
    frames: Sequence[FaceFrame],
    *,
    k_lo: int,
    n: int,
    hop: float,
    window: float,
    per: int,
) -> None:
    t = np.array([f.t for f in frames])
    present = np.array([f.face_present for f in frames], dtype=float)

    def arr(vals: list[float | None]) -> tuple[np.ndarray, np.ndarray]:
        a = np.array([np.nan if v is None else float(v) for v in vals])
        ok = np.isfinite(a) & (present > 0)
        return np.where(ok, a, 0.0), ok.astype(float)

    gaze, gaze_ok = arr([f.gaze_off for f in frames])
    yaw, yaw_ok = arr([None if f.yaw is None else abs(f.yaw) for f in frames])
    mov, mov_ok = arr([f.movement for f in frames])
    has_emo = np.array([f.face_present and f.emotions is not None for f in frames], dtype=float)
    emo = (
        np.array(
            [[(f.emotions or {}).get(e, 0.0) for e in EMOTIONS] for f in frames], dtype=float
        ).reshape(len(frames), len(EMOTIONS))
        * has_emo[:, None]
    )
    base = np.floor(t / hop + 1e-9).astype(int) - k_lo
    sums: dict[str, np.ndarray] = {}
    keys = {
        "n": np.ones_like(t),
        "present": present,
        "gaze": gaze,
        "gaze_ok": gaze_ok,
        "yaw": yaw,
        "yaw_ok": yaw_ok,
        "mov": mov,
        "mov_ok": mov_ok,
        "has_emo": has_emo,
    }
    for j in range(per):
        k = base - j
        inside = (k >= 0) & (k < n) & (t < (k + k_lo) * hop + window)
        kk = k[inside]
        for name, v in keys.items():
            sums[name] = sums.get(name, np.zeros(n)) + np.bincount(kk, v[inside], minlength=n)
        for e_i, e in enumerate(EMOTIONS):
            name = f"emo_{e}"
            sums[name] = sums.get(name, np.zeros(n)) + np.bincount(
                kk, emo[inside, e_i], minlength=n
            )

    def ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.divide(a, b, out=np.zeros(n), where=b > 0)

    cols["n_frames"] = sums["n"]
    cols["face_ratio"] = ratio(sums["present"], sums["n"])
    cols["gaze_off"] = ratio(sums["gaze"], sums["gaze_ok"])
    cols["yaw_abs"] = ratio(sums["yaw"], sums["yaw_ok"])
    cols["movement"] = ratio(sums["mov"], sums["mov_ok"])
    cols["emo_available"] = ratio(sums["has_emo"], sums["present"])
    for e in EMOTIONS:
        cols[f"emo_{e}"] = ratio(sums[f"emo_{e}"], sums["has_emo"])


def _add_words(
    cols: dict[str, np.ndarray],
    wds: Sequence[Word],
    *,
    k_lo: int,
    n: int,
    hop: float,
    window: float,
) -> None:
    from labkit.speech.fillers import find_fillers

    fill_mid = [(h.t_start + h.t_end) / 2 for h in find_fillers(wds)]
    count = np.zeros(n)
    prob = np.zeros(n)
    for w in wds:
        length = max(w.t_end - w.t_start, 1e-3)
        k0 = max(math.floor((w.t_start - window) / hop) + 1 - k_lo, 0)
        k1 = min(math.floor(w.t_end / hop) - k_lo, n - 1)
        for k in range(k0, k1 + 1):
            a = (k + k_lo) * hop
            share = (min(w.t_end, a + window) - max(w.t_start, a)) / length
            if share > 0:
                count[k] += share
                prob[k] += share * w.prob
    cols["word_count"] = count
    cols["asr_prob"] = np.divide(prob, count, out=np.zeros(n), where=count > 0)
    for m in fill_mid:
        k_top = math.floor(m / hop + 1e-9) - k_lo
        for k in range(k_top - round(window / hop) + 1, k_top + 1):
            if 0 <= k < n and (k + k_lo) * hop <= m < (k + k_lo) * hop + window:
                cols["filler_count"][k] += 1.0


# ---------------------------------------------------------------- fusion core


@dataclass(frozen=True, slots=True)
class FusedWindow:
    """Fused side signals of one window (composites in [0, 1], smoothed)."""

    t_start: float
    t_end: float
    stress: float
    engagement: float
    confidence: float
    fluency: float
    label: str  # top label, or "uncertain" when its probability < uncertain_below
    top2: tuple[tuple[str, float], tuple[str, float]]
    uncertain: bool
    committed: str | None  # label after hysteresis (None until the first confident window)
    probs: dict[str, float] = field(default_factory=dict)
    reliability: dict[str, float] = field(default_factory=dict)  # per group, 0..1
    evidence: dict[str, float] = field(default_factory=dict)  # per composite: weight share seen
    raw: dict[str, float] = field(default_factory=dict)  # unsmoothed composites (NaN: no cue)
    emotion_used: bool = False
    config_version: str = ""


@dataclass(frozen=True, eq=False)
class FusedArrays:
    """Columnar fusion result (what :func:`rescore` materialises into FusedWindow records)."""

    t_start: np.ndarray
    t_end: np.ndarray
    raw: np.ndarray  # (T, C) unsmoothed composites, NaN where no evidence
    evidence: np.ndarray  # (T, C) share of composite weight with evidence
    smooth: np.ndarray  # (T, C)
    probs: np.ndarray  # (T, L)
    labels: tuple[str, ...]
    top: np.ndarray  # (T,) label index
    second: np.ndarray  # (T,)
    uncertain: np.ndarray  # (T,) bool
    committed: np.ndarray  # (T,) label index, -1 = none yet
    reliability: np.ndarray  # (T, G)
    config_version: str


def _clip01(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0.0, 1.0)


def _ramp(x: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return _clip01((x - lo) / max(hi - lo, 1e-9))


def _cues(c: Mapping[str, np.ndarray], cfg: FusionConfig) -> dict[str, np.ndarray]:
    nm = cfg.norms
    speaking = c["speech_ratio"] > 0.3
    out: dict[str, np.ndarray] = {}
    out["gaze_off"] = _clip01(c["gaze_off"])
    out["gaze_on"] = 1.0 - out["gaze_off"]
    out["head_away"] = _clip01(c["yaw_abs"] / nm.get("yaw_away_deg", 35.0))
    out["head_toward"] = 1.0 - out["head_away"]
    out["movement"] = _clip01(c["movement"] / nm.get("movement_high", 0.1))
    out["stillness"] = 1.0 - out["movement"]
    emo = np.stack([c[f"emo_{e}"] for e in EMOTIONS], axis=1)
    tot = emo.sum(axis=1, keepdims=True)
    p = np.divide(emo, tot, out=np.full_like(emo, 1.0 / len(EMOTIONS)), where=tot > 0)
    out["emo_negative"] = p[:, [EMOTIONS.index(e) for e in _NEGATIVE]].sum(axis=1)
    out["emo_positive"] = p[:, EMOTIONS.index("happy")]
    out["emo_neutral"] = p[:, EMOTIONS.index("neutral")]
    out["emo_surprise"] = p[:, EMOTIONS.index("surprise")]
    ent = -(p * np.log(np.maximum(p, 1e-12))).sum(axis=1) / math.log(len(EMOTIONS))
    out["emo_certainty"] = _clip01(1.0 - ent)
    pm = c["pitch_mean"]
    cv = np.divide(c["pitch_sd"], pm, out=np.zeros_like(pm), where=pm > 0)
    out["pitch_variation"] = _clip01(cv / nm.get("pitch_cv_high", 0.25))
    out["pitch_steadiness"] = 1.0 - out["pitch_variation"]
    # Loudness and pitch are judged against this speaker's own session median.
    active = speaking & (c["has_prosody"] > 0)
    base_db = float(np.median(c["energy_db"][active])) if active.any() else -25.0
    rng = nm.get("loudness_range_db", 12.0)
    out["loudness"] = _clip01(0.5 + (c["energy_db"] - base_db) / (2 * rng))
    voiced = active & (pm > 0)
    base_f0 = float(np.median(pm[voiced])) if voiced.any() else 150.0
    st = 12.0 * np.log2(np.maximum(pm, 1.0) / base_f0)
    st = np.where(pm > 0, st, 0.0)
    out["pitch_raised"] = _clip01(0.5 + st / (2 * nm.get("pitch_raise_st", 4.0)))
    out["pausing"] = _clip01(c["pause_ratio"] / nm.get("pause_ratio_high", 0.5))
    out["no_pausing"] = 1.0 - out["pausing"]
    jit = c["jitter"] / nm.get("jitter_high", 0.03)
    out["vocal_tension"] = _clip01((jit + c["shimmer"] / nm.get("shimmer_high", 0.15)) / 2)
    out["filled_pauses"] = _clip01(c["filled_pause_count"] / nm.get("filled_pause_high", 1.0))
    out["no_filled_pauses"] = 1.0 - out["filled_pauses"]
    wc = c["word_count"]
    rate_f = np.divide(c["filler_count"], wc, out=np.zeros_like(wc), where=wc > 0)
    out["fillers"] = _clip01(rate_f / nm.get("filler_rate_high", 0.15))
    out["no_fillers"] = 1.0 - out["fillers"]
    talk = c["speech_ratio"] * (cfg.window)
    wpm = np.divide(60.0 * wc, talk, out=np.zeros_like(wc), where=talk >= 0.25)
    lo, hi = nm.get("rate_low_wpm", 110.0), nm.get("rate_high_wpm", 190.0)
    out["rate_fast"] = _ramp(wpm, hi, 1.5 * hi)
    out["rate_slow"] = 1.0 - _ramp(wpm, 0.5 * lo, lo)
    out["rate_in_range"] = 1.0 - np.maximum(out["rate_fast"], out["rate_slow"])
    return out


def _reliability(c: Mapping[str, np.ndarray], cfg: FusionConfig) -> np.ndarray:
    r = cfg.reliability
    visual = np.where(c["n_frames"] > 0, _clip01(c["face_ratio"]), 0.0)
    emotion = visual * _clip01(c["emo_available"]) * (1.0 if cfg.emotion_enabled else 0.0)
    activity = _clip01(c["speech_ratio"] / r.get("speaking_full", 0.3)) * (c["has_prosody"] > 0)
    snr = _ramp(c["snr_db"], r.get("snr_db_low", 5.0), r.get("snr_db_high", 20.0))
    audio = activity * snr
    asr = _ramp(c["asr_prob"], r.get("asr_prob_low", 0.4), r.get("asr_prob_high", 0.8))
    text = audio * asr * (c["word_count"] > 0.5)
    return np.stack((visual, emotion, audio, text), axis=1)


def fuse_arrays(table: WindowTable, config: FusionConfig) -> FusedArrays:
    """Vectorised fusion of a window table under ``config`` (no model runs)."""
    cfg = config
    t = len(table)
    labels = tuple(cfg.labels) or ("calm",)
    n_c = len(COMPOSITES)
    cues = _cues(table.columns, cfg) if t else {}
    rel = _reliability(table.columns, cfg) if t else np.zeros((0, len(GROUPS)))
    cue_names = [q for q in _CUES if any(q in cfg.composites.get(cc, {}) for cc in COMPOSITES)]
    w = np.array([[cfg.composites.get(cc, {}).get(q, 0.0) for q in cue_names] for cc in COMPOSITES])
    if t and cue_names:
        x = np.stack([cues[q] for q in cue_names], axis=1)
        r = rel[:, [GROUPS.index(CUE_GROUPS[q]) for q in cue_names]]
        num = (x * r) @ w.T
        den = r @ w.T
        raw = np.divide(num, den, out=np.full((t, n_c), np.nan), where=den > 1e-9)
        tot = w.sum(axis=1)
        evidence = np.divide(den, tot, out=np.zeros((t, n_c)), where=tot > 0)
    else:
        raw = np.full((t, n_c), np.nan)
        evidence = np.zeros((t, n_c))
    # Reliability-weighted EMA: the step shrinks with the share of evidence and is 0 without it.
    step = cfg.ema_alpha * np.where(np.isnan(raw), 0.0, evidence)
    target = np.nan_to_num(raw, nan=0.5)
    smooth = np.empty((t, n_c))
    state = np.full(n_c, 0.5)
    for i in range(t):
        state = state + step[i] * (target[i] - state)
        smooth[i] = state
    m = np.array([[cfg.labels.get(lab, {}).get(cc, 0.0) for cc in COMPOSITES] for lab in labels])
    logits = ((smooth - 0.5) @ m.T) / cfg.temperature
    logits -= logits.max(axis=1, keepdims=True) if t else 0.0
    e = np.exp(logits)
    probs = e / e.sum(axis=1, keepdims=True) if t else np.zeros((0, len(labels)))
    order = np.argsort(-probs, axis=1, kind="stable") if t else np.zeros((0, 2), int)
    top = order[:, 0] if t else np.zeros(0, int)
    second = order[:, 1] if t and len(labels) > 1 else top
    top_p = probs[np.arange(t), top] if t else np.zeros(0)
    uncertain = top_p < cfg.uncertain_below
    committed = _hysteresis(top, uncertain, probs, cfg)
    return FusedArrays(
        table.t_start,
        table.t_end,
        raw,
        evidence,
        smooth,
        probs,
        labels,
        top,
        second,
        uncertain,
        committed,
        rel,
        cfg.version,
    )


def _hysteresis(
    top: np.ndarray, uncertain: np.ndarray, probs: np.ndarray, cfg: FusionConfig
) -> np.ndarray:
    """Committed label per window: switch after ``hold_windows`` or a ``switch_margin`` lead."""
    out = np.full(top.shape[0], -1, dtype=int)
    cur, cand, run = -1, -1, 0
    top_l, unc_l = top.tolist(), uncertain.tolist()
    for i in range(len(top_l)):
        if unc_l[i]:
            cand, run = -1, 0
        else:
            lab = top_l[i]
            if lab == cur:
                cand, run = -1, 0
            else:
                run = run + 1 if lab == cand else 1
                cand = lab
                lead = probs[i, lab] - (probs[i, cur] if cur >= 0 else 0.0)
                if run >= cfg.hold_windows or lead >= cfg.switch_margin:
                    cur, cand, run = lab, -1, 0
        out[i] = cur
    return out


def rescore(table: WindowTable, config: FusionConfig) -> list[FusedWindow]:
    """Re-score stored window features under ``config``: fused windows, no model runs."""
    fa = fuse_arrays(table, config)
    labels = fa.labels
    emo_on = fa.reliability[:, GROUPS.index("emotion")] > 0 if len(table) else np.zeros(0, bool)
    ts, te = fa.t_start.tolist(), fa.t_end.tolist()
    sm, raw, ev = fa.smooth.tolist(), fa.raw.tolist(), fa.evidence.tolist()
    pr, rel = fa.probs.round(4).tolist(), fa.reliability.round(4).tolist()
    top, sec, unc = fa.top.tolist(), fa.second.tolist(), fa.uncertain.tolist()
    com, emo = fa.committed.tolist(), emo_on.tolist()
    # Thousands of small dicts would trigger several GC passes; none of them can form cycles.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _materialise(
            labels, ts, te, sm, raw, ev, pr, rel, top, sec, unc, com, emo, fa.config_version
        )
    finally:
        if gc_was_on:
            gc.enable()


def _materialise(
    labels: tuple[str, ...],
    ts: list[Any],
    te: list[Any],
    sm: list[Any],
    raw: list[Any],
    ev: list[Any],
    pr: list[Any],
    rel: list[Any],
    top: list[Any],
    sec: list[Any],
    unc: list[Any],
    com: list[Any],
    emo: list[Any],
    version: str,
) -> list[FusedWindow]:
    lab_u = [*labels, "uncertain"]
    lab_c = [*labels, None]  # index -1 -> None
    out = [
        FusedWindow(
            a,
            b,
            s[0],
            s[1],
            s[2],
            s[3],
            lab_u[-1] if u else lab_u[t1],
            ((labels[t1], p[t1]), (labels[t2], p[t2])),
            u,
            lab_c[c],
            dict(zip(labels, p, strict=False)),
            dict(zip(GROUPS, r, strict=False)),
            dict(zip(COMPOSITES, e, strict=False)),
            dict(zip(COMPOSITES, w, strict=False)),
            m,
            version,
        )
        for a, b, s, w, e, p, r, t1, t2, u, c, m in zip(
            ts, te, sm, raw, ev, pr, rel, top, sec, unc, com, emo, strict=False
        )
    ]
    return out


def fuse_windows(
    face_frames: Sequence[FaceFrame],
    prosody: Sequence[ProsodyWindow],
    words: Sequence[Word],
    *,
    config: FusionConfig | None = None,
) -> list[FusedWindow]:
    """Fuse stored records of ``config.speaker`` into windows (build table, then rescore)."""
    cfg = config or load_config()
    table = build_window_table(
        face_frames, prosody, words, speaker=cfg.speaker, window=cfg.window, hop=cfg.hop
    )
    return rescore(table, cfg)


# ---------------------------------------------------------------- profile evidence


def weak_evidence(
    fused: Sequence[FusedWindow],
    t_start: float,
    t_end: float,
    *,
    config: FusionConfig | None = None,
) -> dict[str, tuple[float, float]]:
    """Profile evidence ``{dimension: (value in [0, 1], sd)}`` from the windows of one answer.

    Uses the unsmoothed composites of windows overlapping [t_start, t_end], weighted by how much
    of each composite's cue weight had reliable evidence. ``sd`` is
    ``min(sd_max, sqrt(sd_floor^2 + spread^2 + sd_prior^2 / (1 + n_eff)))`` with n_eff the summed
    evidence (in window units): never below ``sd_floor`` (0.25), so a side signal always counts
    less than what the candidate said. Dimensions with less than ``min_evidence`` are left out.
    Higher "stress" means more stress: the profile decides its sign.
    """
    cfg = config or load_config()
    we = cfg.weak_evidence
    dims: Mapping[str, str] = we.get("dimensions", {c: c for c in COMPOSITES})
    floor = float(we.get("sd_floor", 0.25))
    prior = float(we.get("sd_prior", 0.3))
    sd_max = float(we.get("sd_max", 0.5))
    min_ev = float(we.get("min_evidence", 1.0))
    inside = [f for f in fused if f.t_end > t_start and f.t_start < t_end]
    out: dict[str, tuple[float, float]] = {}
    for dim, comp in dims.items():
        vals = [(f.raw.get(comp, math.nan), f.evidence.get(comp, 0.0)) for f in inside]
        vals = [(v, e) for v, e in vals if e > 0 and math.isfinite(v)]
        n_eff = sum(e for _, e in vals)
        if n_eff < min_ev:
            continue
        mean = sum(v * e for v, e in vals) / n_eff
        var = sum(e * (v - mean) ** 2 for v, e in vals) / n_eff
        sd = min(sd_max, math.sqrt(floor**2 + var + prior**2 / (1.0 + n_eff)))
        out[dim] = (min(max(mean, 0.0), 1.0), max(sd, floor))
    return out
