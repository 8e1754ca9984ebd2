"""Prosody and fillers on synthetic speech (espeak-ng + sox) and synthetic tones."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from labkit.errors import InputError
from labkit.records import Word
from labkit.speech.fillers import filler_rate, find_fillers
from labkit.speech.prosody import (
    FEATURE_KEYS,
    analyze_frames,
    prosody_windows,
    prosody_windows_from_track,
    speech_rate_from_words,
    summarize_span,
    summarize_track_span,
)

SR = 16000
PHRASES = (
    "I built a data pipeline for the payments team",
    "we moved the batch jobs to a streaming design",
    "the hardest part was testing the failure modes",
    "in the end latency dropped by half",
    "and the team adopted it for other services",
)
PAUSES = (0.5, 0.8, 1.2, 0.6)  # inserted silences between the phrases

needs_tts = pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("sox") is None,
    reason="espeak-ng and sox synthesize the test speech (apt-get install espeak-ng sox)",
)


def _espeak(text: str, tmp: Path, *, speed: int, voice: str) -> np.ndarray:
    raw, out = tmp / "raw.wav", tmp / "16k.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out)], check=True)
    with wave.open(str(out)) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    x = x.astype(np.float32) / 32768.0
    # Trim espeak's own leading/trailing silence: the truth is the phrase audio itself.
    nz = np.flatnonzero(np.abs(x) > 1e-3)
    return x[nz[0] : nz[-1] + 1]


def _interview(tmp: Path, *, speed: int, voice: str, lead: float = 0.7):
    """Phrases separated by known silences; words spread evenly over each phrase."""
    parts = [np.zeros(int(lead * SR), np.float32)]
    words: list[Word] = []
    t, speech = lead, 0.0
    for i, text in enumerate(PHRASES):
        x = _espeak(text, tmp, speed=speed, voice=voice)
        d = x.size / SR
        toks = text.split()
        words += [
            Word("candidate", t + j * d / len(toks), t + (j + 1) * d / len(toks), w, 0.9)
            for j, w in enumerate(toks)
        ]
        parts.append(x)
        t += d
        speech += d
        gap = PAUSES[i] if i < len(PAUSES) else 0.7
        parts.append(np.zeros(int(gap * SR), np.float32))
        t += parts[-1].size / SR
    return np.concatenate(parts), words, speech


def _vowel(f0: float, dur: float, *, amp: float = 0.1, jitter: float = 0.0) -> np.ndarray:
    """Harmonic schwa-like vowel (formants 500/1500/2500 Hz) at a steady pitch."""
    t = np.arange(int(dur * SR)) / SR
    f = np.full_like(t, f0)
    if jitter:
        rng = np.random.default_rng(0)
        steps = np.repeat(rng.standard_normal(int(dur * 100) + 1), SR // 100)[: t.size]
        f = f * (1 + jitter * steps)
    ph = 2 * np.pi * np.cumsum(f) / SR
    y = np.zeros_like(t)
    for k in range(1, int(4000 / f0)):
        amp_k = sum(1 / (1 + ((k * f0 - fm) / bw) ** 2) for fm, bw in ((500, 80), (1500, 100)))
        y += amp_k / np.sqrt(k) * np.sin(k * ph)
    ramp = np.minimum(1.0, np.minimum(t, t[-1] - t) / 0.03)
    return (y / np.abs(y).max() * amp * ramp).astype(np.float32)


@needs_tts
@pytest.mark.parametrize(
    ("speed", "voice", "noise"),
    [(150, "en-us", 0.0), (120, "en-us+f3", 0.0), (190, "en-us", 0.0), (150, "en-us", 0.003)],
)
def test_speaking_rate_and_pause_count(tmp_path, speed, voice, noise):
    x, words, speech_dur = _interview(tmp_path, speed=speed, voice=voice)
    if noise:  # white noise ~24 dB below the speech
        x = x + noise * np.random.default_rng(1).standard_normal(x.size).astype(np.float32)
    span = summarize_span(
        x, speaker="candidate", t_start=0.0, t_end=x.size / SR, words=words, t0=0.0
    )
    truth_wpm = 60.0 * len(words) / speech_dur  # words / phrase audio duration
    assert span.features["pause_count"] == len(PAUSES)
    assert abs(span.features["speech_rate_wpm"] / truth_wpm - 1) < 0.10
    assert span.features["word_count"] == len(words)
    assert span.features["filled_pause_count"] == 0  # fluent speech has no "uhhh"
    # Pause lengths come back too (espeak adds a little silence of its own).
    track = analyze_frames(x)
    got = sorted(b - a for a, b in track.pauses)
    assert np.allclose(got[: len(PAUSES)], sorted(PAUSES), atol=0.15)


@needs_tts
def test_windows_absolute_times_and_speaker_filter(tmp_path):
    x, words, _ = _interview(tmp_path, speed=160, voice="en-us")
    t0 = 100.25  # samples start mid-hop on the session clock
    shifted = [Word(w.speaker, w.t_start + t0, w.t_end + t0, w.text, w.prob) for w in words]
    other = [Word("interviewer", t0 + 1, t0 + 1.2, "hello")]
    wins = prosody_windows(x, speaker="candidate", t0=t0, words=shifted + other)
    assert wins[0].t_start == pytest.approx(100.5)  # first grid point inside the samples
    assert all(w.t_end - w.t_start == pytest.approx(1.0) for w in wins)
    assert all(b.t_start - a.t_start == pytest.approx(0.5) for a, b in itertools.pairwise(wins))
    assert wins[-1].t_end <= t0 + x.size / SR + 1e-6
    assert all(tuple(w.features) == FEATURE_KEYS for w in wins)
    assert all(w.speaker == "candidate" for w in wins)
    # Leading silence: the window [100.5, 101.5) holds only 0.45 s of speech.
    assert wins[0].features["speech_ratio"] < 0.7
    speaking = [w for w in wins if w.features["speech_ratio"] > 0.9]
    assert speaking and all(w.features["pitch_mean"] > 60 for w in speaking)
    assert sum(w.features["word_count"] for w in wins) == pytest.approx(2 * len(words), rel=0.1)


@pytest.mark.parametrize("f0", [85.0, 120.0, 220.0, 330.0])
def test_pitch_of_harmonic_tone_within_3_percent(f0):
    x = np.concatenate([np.zeros(4000, np.float32), _vowel(f0, 1.0), np.zeros(4000, np.float32)])
    s = summarize_span(x, speaker="candidate", t_start=0.0, t_end=x.size / SR)
    assert abs(s.features["pitch_mean"] / f0 - 1) < 0.03
    assert abs(s.features["pitch_median"] / f0 - 1) < 0.03
    assert s.features["voiced_ratio"] > 0.6


@pytest.mark.parametrize("f0", [100.0, 200.0])
def test_pitch_of_pure_sine_without_silence(f0):
    x = (0.1 * np.sin(2 * np.pi * f0 * np.arange(SR) / SR)).astype(np.float32)
    s = summarize_span(x, speaker="candidate", t_start=0.0, t_end=1.0)
    assert abs(s.features["pitch_median"] / f0 - 1) < 0.03
    assert s.features["voiced_ratio"] > 0.9


def test_silence_and_noise_have_no_speech():
    for x in (
        np.zeros(2 * SR, np.float32),
        (0.01 * np.random.default_rng(0).standard_normal(2 * SR)).astype(np.float32),
    ):
        s = summarize_span(x, speaker="candidate", t_start=0.0, t_end=2.0)
        assert s.features["speech_ratio"] == 0.0
        assert s.features["pitch_mean"] == 0.0
        assert s.features["pause_count"] == 0.0
        assert all(np.isfinite(v) for v in s.features.values())


def test_jitter_grows_with_period_perturbation():
    clean = summarize_span(_vowel(120, 1.0), speaker="candidate", t_start=0, t_end=1.0)
    shaky = summarize_span(_vowel(120, 1.0, jitter=0.01), speaker="candidate", t_start=0, t_end=1.0)
    assert shaky.features["jitter"] > 5 * clean.features["jitter"]
    assert shaky.features["jitter"] > 0.0005


@needs_tts
def test_acoustic_filled_pause_between_phrases(tmp_path):
    a = _espeak(PHRASES[0], tmp_path, speed=150, voice="en-us")
    b = _espeak(PHRASES[1], tmp_path, speed=150, voice="en-us")
    gap = np.zeros(6400, np.float32)  # 0.4 s: a pause each side
    x = np.concatenate([np.zeros(8000, np.float32), a, gap, _vowel(105, 0.6, amp=0.08), gap, b])
    track = analyze_frames(x, t0=10.0)
    assert len(track.filled_pauses) == 1
    start, end = track.filled_pauses[0]
    t_vowel = 10.0 + (8000 + a.size + gap.size) / SR
    assert abs(start - t_vowel) < 0.1 and abs(end - (t_vowel + 0.6)) < 0.1
    s = summarize_track_span(track, speaker="candidate", t_start=10.0, t_end=track.t_end)
    assert s.features["filled_pause_count"] == 1
    assert s.features["pause_count"] == 2  # the silences around the "uhhh"


def test_rate_from_word_times_only():
    # 10 words of 0.3 s with 0.1 s gaps, a 1 s pause, then 10 more: 20 words in 7.8 s of talk.
    words, t = [], 0.0
    for i in range(20):
        words.append(Word("candidate", t, t + 0.3, f"w{i}"))
        t += 0.4 if i != 9 else 1.3
    expected = 60 * 20 / (2 * (10 * 0.3 + 9 * 0.1))
    assert speech_rate_from_words(words) == pytest.approx(expected, rel=1e-6)
    s = summarize_span(
        np.zeros(0, np.float32), speaker="candidate", t_start=0, t_end=t, words=words
    )
    assert s.features["speech_rate_wpm"] == pytest.approx(expected, rel=1e-6)


def test_bad_inputs():
    with pytest.raises(InputError):
        analyze_frames(np.zeros((2, 100), np.float32))
    track = analyze_frames(np.zeros(SR, np.float32))
    with pytest.raises(InputError):
        summarize_track_span(track, speaker="candidate", t_start=1.0, t_end=1.0)
    assert prosody_windows_from_track(track, speaker="candidate")[0].t_start == 0.0


def _w(text: str) -> list[Word]:
    return [
        Word("candidate", i * 0.3, i * 0.3 + 0.25, tok) for i, tok in enumerate(text.split(" "))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I like Python", []),
        ("I would like to work here", []),
        ("it looks like a cache problem", []),
        ("it was like a family", []),
        ("I was, like, really nervous", ["like"]),
        ("Like, we tried three designs", ["like"]),
        ("so like the queue filled up", ["like"]),
        ("Um, so uh I think it works", ["um", "uh"]),
        ("what kind of database did you use", []),
        ("it was kind of hard", ["kind of"]),
        ("a sort of cache", []),
        ("do you know Python", []),
        ("you know what I mean", []),
        ("it's, you know, fine", ["you know"]),
        ("I mean, it worked", ["i mean"]),
        ("I mean it", []),
        ("basically we rewrote it", ["basically"]),
        ("Uh-huh", []),
    ],
)
def test_lexical_fillers(text, expected):
    assert [h.text for h in find_fillers(_w(text))] == expected


def test_filler_rate_counts_phrase_words():
    words = _w("um you know, it was kind of hard")
    assert filler_rate(words) == pytest.approx(5 / 8)
    assert filler_rate([]) == 0.0


def test_pause_between_words_is_a_boundary_for_like():
    words = [Word("candidate", 0.0, 0.2, "the"), Word("candidate", 1.5, 1.7, "like")]
    assert find_fillers([words[0], Word("candidate", 0.3, 0.5, "like")]) == []
    assert [h.text for h in find_fillers(words)] == ["like"]
