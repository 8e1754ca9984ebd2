"""Fusion: reliability gating, EMA, uncertain, hysteresis, re-scoring, weak evidence."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from labkit.errors import InputError
from labkit.judgment.fusion import (
    COMPOSITES,
    EMOTIONS,
    RAW_COLUMNS,
    FusionConfig,
    WindowTable,
    build_window_table,
    fuse_arrays,
    fuse_windows,
    load_config,
    rescore,
    weak_evidence,
)
from labkit.records import FaceFrame, ProsodyWindow, Word

CALM = dict.fromkeys(EMOTIONS, 0.0) | {"happy": 0.9, "neutral": 0.1}
ANGRY = dict.fromkeys(EMOTIONS, 0.0) | {"angry": 0.9, "neutral": 0.1}


def _prosody(k: int, **over: float) -> ProsodyWindow:
    f = {
        "speech_ratio": 0.8,
        "voiced_ratio": 0.6,
        "pitch_mean": 140.0,
        "pitch_sd": 18.0,
        "energy_db": -24.0,
        "pause_ratio": 0.1,
        "filled_pause_count": 0.0,
        "jitter": 0.005,
        "shimmer": 0.04,
        "snr_db": 30.0,
    } | over
    return ProsodyWindow("candidate", k * 0.5, k * 0.5 + 1.0, f)


def _frames(t0: float, t1: float, *, fps: float = 10, **kw) -> list[FaceFrame]:
    n = round((t1 - t0) * fps)
    base = {
        "face_present": True,
        "yaw": 5.0,
        "pitch": 0.0,
        "roll": 0.0,
        "movement": 0.01,
        "gaze_off": 0.1,
        "emotions": CALM,
    } | kw
    return [FaceFrame(t0 + i / fps, **base) for i in range(n)]


def _words(t0: float, t1: float, *, prob: float = 0.9, text: str = "data") -> list[Word]:
    out, t = [], t0
    while t + 0.3 <= t1:
        out.append(Word("candidate", t, t + 0.25, text, prob))
        t += 0.35
    return out


def test_default_config_is_versioned():
    cfg = load_config()
    assert cfg.version == "fusion-v1"
    assert cfg.uncertain_below == 0.45
    assert set(cfg.composites) == set(COMPOSITES)
    again = FusionConfig.from_dict(json.loads(cfg.to_json()))
    assert again.to_dict() == cfg.to_dict()
    new = cfg.with_weights({"stress": {"emo_negative": 0.0}}, ema_alpha=0.3)
    assert new.version == "fusion-v1+custom" and new.ema_alpha == 0.3
    assert new.composites["stress"]["emo_negative"] == 0.0
    assert cfg.composites["stress"]["emo_negative"] == 1.0  # original untouched
    with pytest.raises(InputError):
        cfg.with_weights({"stress": {"no_such_cue": 1.0}})
    with pytest.raises(InputError):
        cfg.with_weights({"stress": {"gaze_off": -1.0}})
    with pytest.raises(InputError):
        load_config("/nonexistent/fusion.json")


def test_face_frames_land_in_overlapping_windows():
    frames = [FaceFrame(1.2, True, yaw=-20.0, gaze_off=0.5, emotions=None)]
    tab = build_window_table(frames, [_prosody(k) for k in range(6)], [])
    k = {round(t, 2): i for i, t in enumerate(tab.t_start.tolist())}
    assert tab.columns["n_frames"][k[0.5]] == 1 and tab.columns["n_frames"][k[1.0]] == 1
    assert tab.columns["n_frames"][k[0.0]] == 0 and tab.columns["n_frames"][k[1.5]] == 0
    assert tab.columns["yaw_abs"][k[1.0]] == 20.0
    assert tab.columns["emo_available"][k[1.0]] == 0.0


def test_no_face_means_visual_weight_zero():
    pros = [_prosody(k) for k in range(20)]
    # Face visible only in the first 5 s; afterwards frames say "no face" with junk pose values.
    faces = _frames(0, 5) + _frames(5, 10.5, face_present=False, gaze_off=1.0, yaw=80.0)
    fused = fuse_windows(faces, pros, [], config=load_config())
    late = [f for f in fused if f.t_start >= 5.0]
    early = [f for f in fused if f.t_end <= 5.0]
    assert all(f.reliability["visual"] == 0.0 and f.reliability["emotion"] == 0.0 for f in late)
    assert all(f.reliability["visual"] == 1.0 for f in early)
    # The junk pose values of faceless frames change nothing.
    faces2 = _frames(0, 5) + _frames(5, 10.5, face_present=False, gaze_off=0.0, yaw=0.0)
    fused2 = fuse_windows(faces2, pros, [], config=load_config())
    assert [f.raw for f in fused] == [f.raw for f in fused2]


def test_emotion_off_mode_gates_emotion_and_says_so():
    pros = [_prosody(k) for k in range(10)]
    on = fuse_windows(_frames(0, 5.5), pros, [], config=load_config())
    off = fuse_windows(_frames(0, 5.5, emotions=None), pros, [], config=load_config())
    assert all(f.emotion_used and f.reliability["emotion"] == 1.0 for f in on)
    assert all(not f.emotion_used and f.reliability["emotion"] == 0.0 for f in off)
    assert all(f.reliability["visual"] == 1.0 for f in off)  # pose/gaze still used
    # Switching emotion off in the config gates it even when probabilities were stored.
    cfg = load_config().with_weights(None, emotion_enabled=False)
    forced = fuse_windows(_frames(0, 5.5), pros, [], config=cfg)
    assert all(not f.emotion_used for f in forced)
    assert [f.raw for f in forced] == [f.raw for f in off]


def test_low_snr_and_low_asr_probability_down_weight_audio_and_text():
    cfg = load_config()
    good = [_prosody(k) for k in range(10)]
    noisy = [_prosody(k, snr_db=8.0) for k in range(10)]
    words_ok, words_bad = _words(0, 5.5, prob=0.95), _words(0, 5.5, prob=0.3)
    a = fuse_windows([], good, words_ok, config=cfg)
    b = fuse_windows([], noisy, words_ok, config=cfg)
    c = fuse_windows([], good, words_bad, config=cfg)
    assert all(f.reliability["audio"] == 1.0 and f.reliability["text"] == 1.0 for f in a)
    assert all(0 < f.reliability["audio"] < 0.5 for f in b)
    assert all(f.reliability["text"] == 0.0 and f.reliability["audio"] == 1.0 for f in c)
    assert all(f.reliability["visual"] == 0.0 for f in a)  # no frames at all


def _emotion_table(pattern: list[str]) -> WindowTable:
    n = len(pattern)
    cols = {k: np.zeros(n) for k in RAW_COLUMNS}
    cols["n_frames"][:] = 10
    cols["face_ratio"][:] = 1.0
    cols["emo_available"][:] = 1.0
    for i, p in enumerate(pattern):
        emo = ANGRY if p == "s" else CALM
        for e in EMOTIONS:
            cols[f"emo_{e}"][i] = emo[e]
    t = np.arange(n) * 0.5
    return WindowTable(t, t + 1.0, cols)


def _two_label_config(**kw) -> FusionConfig:
    return FusionConfig(
        composites={"stress": {"emo_negative": 1.0}},
        labels={"calm": {"stress": -1.0}, "stressed": {"stress": 1.0}},
        temperature=0.1,
        **({"ema_alpha": 1.0, "hold_windows": 3, "switch_margin": 1.01} | kw),
    )


def test_hysteresis_ignores_blips_and_commits_after_hold():
    pattern = list("cccccc" + "ss" + "cccccc" + "ssssss")
    fused = rescore(_emotion_table(pattern), _two_label_config())
    labels = [f.label for f in fused]
    assert labels == ["calm" if p == "c" else "stressed" for p in pattern]
    committed = [f.committed for f in fused]
    assert committed[:2] == [None, None]  # even the first label must hold 3 windows
    assert committed[2:16] == ["calm"] * 14  # the 2-window blip at 6-7 never commits
    assert committed[16:] == ["stressed"] * 4  # third window of the run starting at 14


def test_switch_margin_commits_a_clear_change_at_once():
    fused = rescore(_emotion_table(list("cccss")), _two_label_config(switch_margin=0.5))
    assert [f.committed for f in fused] == ["calm", "calm", "calm", "stressed", "stressed"]


def test_ema_smooths_and_holds_without_evidence():
    tab = _emotion_table(list("cccsss"))
    tab.columns["face_ratio"][4] = 0.0  # window 4: no face -> no evidence -> hold
    fa = fuse_arrays(tab, _two_label_config(ema_alpha=0.5))
    stress = fa.smooth[:, COMPOSITES.index("stress")]
    neg = 0.9  # emo_negative of ANGRY
    assert stress[2] < stress[0] < 0.5  # moves toward 0 from the 0.5 prior
    assert stress[3] == pytest.approx(stress[2] + 0.5 * (neg - stress[2]))
    assert stress[4] == pytest.approx(stress[3])
    assert math.isnan(fa.raw[4, COMPOSITES.index("stress")])
    assert stress[5] > stress[4]


def test_uncertain_when_top_probability_below_threshold():
    cfg = load_config()
    # Nothing reliable at all: composites stay at the 0.5 prior -> near-uniform labels.
    tab = _emotion_table(list("cccc"))
    tab.columns["face_ratio"][:] = 0.0
    fused = rescore(tab, cfg)
    for f in fused:
        assert f.uncertain and f.label == "uncertain"
        assert f.top2[0][1] < 0.45 and f.top2[0][1] >= f.top2[1][1]
        assert f.top2[0][0] != f.top2[1][0]
        assert f.committed is None
        assert sum(f.probs.values()) == pytest.approx(1.0, abs=1e-3)


def test_rescore_with_new_weights_uses_stored_rows_only():
    pros = [_prosody(k, pause_ratio=0.4 if k > 10 else 0.0) for k in range(30)]
    faces = _frames(0, 15.5, emotions=ANGRY)
    words = _words(0, 15.5)
    table = build_window_table(faces, pros, words)
    stored = json.loads(json.dumps(table.to_rows()))  # what a store would keep
    restored = WindowTable.from_rows(stored)
    cfg = load_config()
    a = rescore(table, cfg)
    b = rescore(restored, cfg)
    assert [f.raw for f in a] == [f.raw for f in b]
    no_emotion = cfg.with_weights({"stress": {"emo_negative": 0.0}})
    c = rescore(restored, no_emotion)
    assert all(x.raw["stress"] > y.raw["stress"] for x, y in zip(a, c, strict=True))
    assert c[0].config_version == "fusion-v1+custom"
    assert [f.raw["engagement"] for f in a] == [f.raw["engagement"] for f in c]


def test_composites_move_the_expected_way():
    cfg = load_config()
    calm = fuse_windows(_frames(0, 10.5), [_prosody(k) for k in range(20)], [], config=cfg)
    tense = fuse_windows(
        _frames(0, 10.5, emotions=ANGRY, gaze_off=0.9, movement=0.2),
        [_prosody(k, jitter=0.03, shimmer=0.15, pause_ratio=0.5) for k in range(20)],
        [],
        config=cfg,
    )
    assert tense[-1].stress > calm[-1].stress + 0.2
    assert tense[-1].confidence < calm[-1].confidence - 0.2
    assert tense[-1].committed in ("stressed", "hesitant")
    assert calm[-1].committed in ("calm", "engaged")


def test_weak_evidence_is_weak_and_spans_the_answer():
    cfg = load_config()
    pros = [_prosody(k) for k in range(40)]
    fused = fuse_windows(_frames(0, 20.5), pros, _words(0, 20.5), config=cfg)
    ev = weak_evidence(fused, 2.0, 12.0, config=cfg)
    assert set(ev) == {"confidence", "communication", "stress", "engagement"}
    for value, sd in ev.values():
        assert 0.0 <= value <= 1.0
        assert 0.25 <= sd <= 0.5
    assert weak_evidence(fused, 100.0, 110.0, config=cfg) == {}
    # Without words or audio there is nothing to judge communication by.
    faces_only = fuse_windows(_frames(0, 20.5), [], [], config=cfg)
    ev2 = weak_evidence(faces_only, 2.0, 12.0, config=cfg)
    assert "communication" not in ev2 and "engagement" in ev2


def test_empty_inputs():
    assert fuse_windows([], [], [], config=load_config()) == []
    assert len(build_window_table([], [], [])) == 0
