"""Seed 002's analyzer: levels, smoothing, spikes, segments, rates, the session JSON."""

from __future__ import annotations

import json

import pytest

from labkit.records import FaceFrame
from labkit.vision.analyzer import AnalyzerOptions, analyze_session, confidence_level

EMO = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")


def _emo(**kw: float) -> dict[str, float]:
    rest = 1.0 - sum(kw.values())
    d = dict.fromkeys(EMO, 0.0)
    d.update(kw)
    d["neutral"] += rest
    return d


def _frame(t: float, emotions: dict[str, float] | None, x: float = 100.0, gaze: float = 0.0):
    return FaceFrame(
        t=t, face_present=True, box=(x, 100.0, x + 100.0, 220.0), gaze_off=gaze, emotions=emotions
    )


@pytest.mark.parametrize(
    ("score", "level"),
    [(1.0, "Excellent"), (0.80, "Excellent"), (0.79, "Confident"), (0.65, "Confident"),
     (0.64, "Moderate"), (0.50, "Moderate"), (0.49, "Nervous"), (0.35, "Nervous"),
     (0.34, "Anxious"), (0.20, "Anxious"), (0.19, "Very Anxious"), (0.0, "Very Anxious")],
)  # fmt: skip
def test_six_levels(score, level):
    assert confidence_level(score)[0] == level


def test_neutral_and_smile_calibration():
    neutral = analyze_session([_frame(i * 0.2, _emo()) for i in range(10)])
    happy = analyze_session([_frame(i * 0.2, _emo(happy=1.0)) for i in range(10)])
    assert 0.70 <= neutral.average_confidence <= 0.75  # seed: neutral scores 70-75 %
    assert happy.average_confidence >= 0.85  # seed: genuine smiles 85 %+
    assert neutral.confidence_level == "Confident" and happy.confidence_level == "Excellent"


def test_smoothing_window_damps_a_single_frame():
    frames = [_frame(i * 0.2, _emo()) for i in range(10)] + [_frame(2.0, _emo(fear=1.0))]
    raw = analyze_session(frames, options=AnalyzerOptions(window_size=1)).frames[-1]
    smooth = analyze_session(frames, options=AnalyzerOptions(window_size=10)).frames[-1]
    assert raw.confidence_score == pytest.approx(0.10)
    assert smooth.confidence_score > 0.6
    assert smooth.dominant_emotion == "fear"


def test_stress_spikes_count_onsets():
    seq = (
        [_emo()] * 10
        + [_emo(fear=0.8)] * 3
        + [_emo()] * 15
        + [_emo(sad=0.4, angry=0.4)]
        + [_emo()] * 5
    )
    frames = [_frame(i * 0.2, e) for i, e in enumerate(seq)]
    report = analyze_session(frames)
    assert len(report.stress_spikes) == 2
    assert report.stress_spikes[0].t == pytest.approx(2.0)
    assert report.stress_spikes[0].dominant_emotion == "fear"


def test_segments_follow_the_session_thirds():
    seq = [_emo(fear=0.9)] * 10 + [_emo()] * 10 + [_emo(happy=1.0)] * 10
    report = analyze_session(
        [_frame(i, e) for i, e in enumerate(seq)], options=AnalyzerOptions(window_size=1)
    )
    seg = report.segment_analysis
    assert (
        seg["beginning"]["avg_confidence"]
        < seg["middle"]["avg_confidence"]
        < seg["end"]["avg_confidence"]
    )
    assert seg["end"]["dominant_emotion"] == "happy"


def test_detection_rate_stability_and_engagement():
    steady = [_frame(i * 0.2, _emo()) for i in range(8)] + [
        FaceFrame(t=1.6 + i * 0.2, face_present=False) for i in range(2)
    ]
    shaky = [_frame(i * 0.2, _emo(), x=100.0 + (60 if i % 2 else 0)) for i in range(8)]
    away = [_frame(i * 0.2, _emo(), gaze=1.0) for i in range(8)]
    r_steady, r_shaky, r_away = (analyze_session(f) for f in (steady, shaky, away))
    assert r_steady.face_detection_rate == pytest.approx(0.8)
    assert r_steady.face_stability == pytest.approx(1.0)
    assert r_shaky.face_stability < 0.5
    assert r_away.engagement_score < r_shaky.engagement_score


def test_session_json_has_seed_002_shape():
    frames = [_frame(i * 0.2, _emo(happy=0.3)) for i in range(20)]
    data = analyze_session(frames, session_id="20251128_001234").to_session_json()
    assert list(data) == [
        "session_id", "session_duration", "frames_analyzed", "average_confidence",
        "engagement_score", "face_stability", "face_detection_rate", "stress_spikes_count",
        "segment_analysis", "time_series", "emotion_percentages",
    ]  # fmt: skip
    assert data["session_id"] == "20251128_001234"
    assert data["session_duration"] == pytest.approx(3.8)
    assert data["frames_analyzed"] == 20
    assert set(data["segment_analysis"]) == {"beginning", "middle", "end"}
    assert set(data["segment_analysis"]["middle"]) == {"avg_confidence"}
    assert set(data["time_series"]) == {"timestamps", "confidence_scores"}
    assert len(data["time_series"]["timestamps"]) == 20
    assert data["emotion_percentages"]["neutral"] == pytest.approx(100.0)
    assert set(data["emotion_percentages"]) == set(EMO)
    json.dumps(data)  # plain JSON types only


def test_emotion_off_session_still_reports_faces():
    frames = [_frame(i * 0.2, None) for i in range(5)]
    report = analyze_session(frames)
    data = report.to_session_json()
    assert data["average_confidence"] is None and data["stress_spikes_count"] == 0
    assert data["face_detection_rate"] == 1.0 and data["time_series"]["timestamps"] == []
    assert analyze_session([]).frames_analyzed == 0
