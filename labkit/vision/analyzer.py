"""Seed 002's interview emotion analyzer over ``FaceFrame`` records.

Per frame: the seven emotion probabilities are smoothed over the last ``window_size`` frames
with a face, and an interview confidence score is their weighted sum (weights below: a neutral
face scores ~0.72, a genuine smile 0.85+, fear/sadness low). The score maps to six levels.
Over the session: stress spikes, beginning/middle/end thirds, face detection rate, face
stability, engagement, and the session JSON of seed 002 (``to_session_json``).

With emotion inference off (``FaceFrame.emotions`` None) the confidence figures are None and
the face figures are still computed.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from labkit.records import FaceFrame

__all__ = [
    "DEFAULT_WEIGHTS",
    "LEVELS",
    "AnalyzerOptions",
    "EmotionReport",
    "FrameAnalysis",
    "StressSpike",
    "analyze_session",
    "confidence_level",
]

EMOTIONS = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")

# Interview-calibrated emotion weights (seed 002: neutral ~70-75 %, genuine smiles 85 %+).
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "happy": 0.92,
    "neutral": 0.72,
    "surprise": 0.50,
    "angry": 0.25,
    "disgust": 0.20,
    "sad": 0.20,
    "fear": 0.10,
}
STRESS_EMOTIONS = ("angry", "disgust", "fear", "sad")

# (lower bound in %, level, feedback, RGB colour) from seed 002's score mapping
LEVELS: tuple[tuple[int, str, str, tuple[int, int, int]], ...] = (
    (80, "Excellent", "Outstanding interview presence", (34, 139, 34)),
    (65, "Confident", "Strong professional composure", (50, 205, 50)),
    (50, "Moderate", "Acceptable, room for growth", (255, 215, 0)),
    (35, "Nervous", "Visible signs of anxiety", (255, 140, 0)),
    (20, "Anxious", "High stress indicators", (255, 69, 0)),
    (0, "Very Anxious", "Significant anxiety detected", (220, 20, 60)),
)


@dataclass(frozen=True, slots=True)
class AnalyzerOptions:
    """Hyper-parameters of the analyzer (seed 002's defaults where it gives them)."""

    window_size: int = 10  # frames with a face in the smoothing window (seed: window_size=10)
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    spike_threshold: float = 0.5  # stress (angry+disgust+fear+sad) above this ...
    spike_jump: float = 0.2  # ... and this far above the smoothed stress is a spike
    spike_min_gap_s: float = 2.0  # spikes closer than this count once
    stability_ref_speed: float = 0.5  # face-centre speed (face widths/s) giving stability 0.5
    engagement_attention_weight: float = 0.7  # engagement = rate * (w*attention + (1-w)*expr.)


@dataclass(frozen=True, slots=True)
class FrameAnalysis:
    """Seed 002's per-frame analysis (``add_emotion_data``'s result)."""

    t: float
    raw_emotions: dict[str, float]
    smoothed_emotions: dict[str, float]
    confidence_score: float  # 0..1
    confidence_level: str
    dominant_emotion: str
    feedback: str
    color: tuple[int, int, int]
    stress: float


@dataclass(frozen=True, slots=True)
class StressSpike:
    t: float
    stress: float
    dominant_emotion: str


@dataclass(frozen=True, slots=True)
class EmotionReport:
    """Session summary; ``to_session_json`` gives seed 002's export."""

    session_id: str
    session_duration: float
    frames_analyzed: int
    frames_with_face: int
    average_confidence: float | None
    confidence_level: str | None
    min_confidence: float | None
    max_confidence: float | None
    std_confidence: float | None
    engagement_score: float
    face_stability: float
    face_detection_rate: float
    stress_spikes: tuple[StressSpike, ...]
    segment_analysis: dict[str, dict[str, Any]]
    emotion_percentages: dict[str, float]
    frames: tuple[FrameAnalysis, ...]

    def to_session_json(self) -> dict[str, Any]:
        """The JSON structure of seed 002's ``save_session_data``, key for key."""
        return {
            "session_id": self.session_id,
            "session_duration": self.session_duration,
            "frames_analyzed": self.frames_analyzed,
            "average_confidence": self.average_confidence,
            "engagement_score": self.engagement_score,
            "face_stability": self.face_stability,
            "face_detection_rate": self.face_detection_rate,
            "stress_spikes_count": len(self.stress_spikes),
            "segment_analysis": {
                name: {"avg_confidence": seg["avg_confidence"]}
                for name, seg in self.segment_analysis.items()
            },
            "time_series": {
                "timestamps": [f.t for f in self.frames],
                "confidence_scores": [f.confidence_score for f in self.frames],
            },
            "emotion_percentages": dict(self.emotion_percentages),
        }


def confidence_level(score: float) -> tuple[str, str, tuple[int, int, int]]:
    """(level, feedback, colour) for a 0..1 confidence score."""
    pct = score * 100.0
    for lower, name, feedback, color in LEVELS:
        if pct >= lower:
            return name, feedback, color
    return LEVELS[-1][1], LEVELS[-1][2], LEVELS[-1][3]


def _score(emotions: Mapping[str, float], weights: Mapping[str, float]) -> float:
    total = sum(emotions.get(e, 0.0) for e in weights)
    if total <= 0:
        return 0.0
    return float(sum(weights[e] * emotions.get(e, 0.0) for e in weights) / total)


def _frame_analyses(frames: Sequence[FaceFrame], options: AnalyzerOptions) -> list[FrameAnalysis]:
    window: deque[dict[str, float]] = deque(maxlen=max(1, options.window_size))
    out: list[FrameAnalysis] = []
    for f in frames:
        if not f.face_present or f.emotions is None:
            continue
        raw = {e: float(f.emotions.get(e, 0.0)) for e in EMOTIONS}
        window.append(raw)
        smoothed = {e: float(np.mean([w[e] for w in window])) for e in EMOTIONS}
        score = _score(smoothed, options.weights)
        level, feedback, color = confidence_level(score)
        out.append(
            FrameAnalysis(
                t=f.t,
                raw_emotions=raw,
                smoothed_emotions=smoothed,
                confidence_score=score,
                confidence_level=level,
                dominant_emotion=max(raw, key=raw.__getitem__),
                feedback=feedback,
                color=color,
                stress=sum(raw[e] for e in STRESS_EMOTIONS),
            )
        )
    return out


def _stress_spikes(
    analyses: Sequence[FrameAnalysis], options: AnalyzerOptions
) -> list[StressSpike]:
    spikes: list[StressSpike] = []
    above = False
    for a in analyses:
        baseline = sum(a.smoothed_emotions[e] for e in STRESS_EMOTIONS)
        is_spike = a.stress >= options.spike_threshold and a.stress - baseline >= options.spike_jump
        # a spike is the onset of a stressed run, not every stressed frame
        if is_spike and not above and (not spikes or a.t - spikes[-1].t >= options.spike_min_gap_s):
            spikes.append(StressSpike(t=a.t, stress=a.stress, dominant_emotion=a.dominant_emotion))
        above = a.stress >= options.spike_threshold
    return spikes


def _segments(analyses: Sequence[FrameAnalysis], t0: float, t1: float) -> dict[str, dict[str, Any]]:
    span = max(t1 - t0, 1e-9)
    parts: dict[str, list[FrameAnalysis]] = {"beginning": [], "middle": [], "end": []}
    names = ("beginning", "middle", "end")
    for a in analyses:
        parts[names[min(2, int(3 * (a.t - t0) / span))]].append(a)
    out: dict[str, dict[str, Any]] = {}
    for name, items in parts.items():
        scores = [a.confidence_score for a in items]
        dominant = None
        if items:
            counts: dict[str, int] = {}
            for a in items:
                counts[a.dominant_emotion] = counts.get(a.dominant_emotion, 0) + 1
            dominant = max(counts, key=counts.__getitem__)
        out[name] = {
            "avg_confidence": float(np.mean(scores)) if scores else None,
            "frames": len(items),
            "dominant_emotion": dominant,
        }
    return out


def _stability(frames: Sequence[FaceFrame], ref_speed: float) -> float:
    """1 / (1 + mean face-centre speed / ref_speed); speed in face widths per second."""
    speeds: list[float] = []
    prev: FaceFrame | None = None
    for f in frames:
        if not f.face_present or f.box is None:
            prev = None
            continue
        if prev is not None and prev.box is not None and f.t > prev.t:
            x1, y1, x2, y2 = f.box
            p1, q1, p2, q2 = prev.box
            width = max((x2 - x1 + p2 - p1) / 2, 1e-6)
            shift = math.hypot((x1 + x2 - p1 - p2) / 2, (y1 + y2 - q1 - q2) / 2)
            speeds.append(shift / width / (f.t - prev.t))
        prev = f
    if not speeds:
        return 1.0 if any(f.face_present for f in frames) else 0.0
    return float(1.0 / (1.0 + np.mean(speeds) / ref_speed))


def analyze_session(
    frames: Sequence[FaceFrame],
    *,
    session_id: str = "",
    options: AnalyzerOptions = AnalyzerOptions(),
) -> EmotionReport:
    """Seed 002's session summary over the face stage's records (in time order)."""
    frames = sorted(frames, key=lambda f: f.t)
    n = len(frames)
    with_face = [f for f in frames if f.face_present]
    rate = len(with_face) / n if n else 0.0
    duration = frames[-1].t - frames[0].t if n > 1 else 0.0
    analyses = _frame_analyses(frames, options)
    scores = np.array([a.confidence_score for a in analyses], dtype=np.float64)

    gaze = [f.gaze_off for f in with_face if f.gaze_off is not None]
    attention = 1.0 - float(np.mean(gaze)) if gaze else 1.0
    if analyses:
        expressiveness = float(np.mean([1.0 - a.raw_emotions["neutral"] for a in analyses]))
        w = options.engagement_attention_weight
        engagement = rate * (w * attention + (1.0 - w) * expressiveness)
    else:
        engagement = rate * attention

    percentages = {e: 0.0 for e in EMOTIONS}
    for a in analyses:
        percentages[a.dominant_emotion] += 100.0 / len(analyses)
    t0 = frames[0].t if n else 0.0
    t1 = frames[-1].t if n else 0.0
    average = float(scores.mean()) if len(scores) else None
    return EmotionReport(
        session_id=session_id,
        session_duration=round(duration, 3),
        frames_analyzed=n,
        frames_with_face=len(with_face),
        average_confidence=average,
        confidence_level=confidence_level(average)[0] if average is not None else None,
        min_confidence=float(scores.min()) if len(scores) else None,
        max_confidence=float(scores.max()) if len(scores) else None,
        std_confidence=float(scores.std()) if len(scores) else None,
        engagement_score=float(engagement),
        face_stability=_stability(frames, options.stability_ref_speed),
        face_detection_rate=float(rate),
        stress_spikes=tuple(_stress_spikes(analyses, options)),
        segment_analysis=_segments(analyses, t0, t1),
        emotion_percentages={e: round(v, 1) for e, v in percentages.items()},
        frames=tuple(analyses),
    )
