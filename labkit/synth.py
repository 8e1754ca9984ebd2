"""Synthetic two-voice interviews (espeak-ng + sox) with exact ground truth.

Used by tests, benchmarks and ``labkit demo``. Each line is spoken by one voice into that
speaker's track; the other track stays quiet. Ground truth records where each line's speech
really is (measured from the synthesized samples, not guessed from the text).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from labkit.errors import LabkitError
from labkit.records import Speaker

__all__ = [
    "Line",
    "SynthInterview",
    "TimedLine",
    "mock_interview_lines",
    "speak",
    "speech_intervals",
    "synthesize_interview",
]

SR = 16_000
DEFAULT_VOICES: dict[str, str] = {"interviewer": "en-us+m3", "candidate": "en-gb+m1"}


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a script. ``gap`` is the silence before it (negative = overlap)."""

    speaker: Speaker
    text: str
    gap: float = 0.8


@dataclass(frozen=True, slots=True)
class TimedLine:
    speaker: Speaker
    text: str
    t_start: float
    t_end: float


@dataclass(frozen=True, slots=True)
class SynthInterview:
    interviewer: Path
    candidate: Path
    stereo: Path
    lines: tuple[TimedLine, ...]
    duration: float
    speech: dict[str, list[tuple[float, float]]]  # true speech intervals per speaker


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise LabkitError(f"{tool} is not installed; run: apt-get install espeak-ng sox")
    return path


def _speak(text: str, voice: str, rate: int, out: Path) -> np.ndarray:
    espeak, sox = _need("espeak-ng"), _need("sox")
    raw = out.with_suffix(".22k.wav")
    subprocess.run(
        [espeak, "-v", voice, "-s", str(rate), "-w", str(raw), text],
        check=True,
        capture_output=True,
    )
    # -R: sox dithers when it resamples; repeatable mode seeds that dither, so the same
    # script gives the same samples in every run (fixtures and benchmarks reproduce)
    subprocess.run(
        [sox, "-R", str(raw), "-r", str(SR), "-c", "1", "-b", "16", str(out)],
        check=True,
        capture_output=True,
    )
    raw.unlink()
    with wave.open(str(out)) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
    out.unlink()
    return _trim(x)


def speak(text: str, *, voice: str = DEFAULT_VOICES["candidate"], rate: int = 165) -> np.ndarray:
    """One line said by espeak-ng: 16 kHz mono float32, silence trimmed from both ends."""
    with tempfile.TemporaryDirectory(prefix="labkit-speak-") as tmp:
        return _speak(text, voice, rate, Path(tmp) / "line.wav")


def _trim(x: np.ndarray, thresh: float = 10 ** (-45 / 20)) -> np.ndarray:
    idx = np.flatnonzero(np.abs(x) > thresh)
    return x[idx[0] : idx[-1] + 1] if idx.size else x[:0]


def speech_intervals(
    x: np.ndarray,
    *,
    sample_rate: int = SR,
    frame: float = 0.01,
    thresh_db: float = -45.0,
    merge_gap: float = 0.3,
) -> list[tuple[float, float]]:
    """Where a clean signal has sound: 10 ms frames above ``thresh_db``, short gaps merged."""
    n = int(frame * sample_rate)
    if x.size < n:
        return []
    frames = x[: x.size // n * n].reshape(-1, n)
    loud = 20 * np.log10(np.maximum(np.abs(frames).max(axis=1), 1e-9)) > thresh_db
    out: list[tuple[float, float]] = []
    for i in np.flatnonzero(loud):
        t0, t1 = i * frame, (i + 1) * frame
        if out and t0 - out[-1][1] <= merge_gap:
            out[-1] = (out[-1][0], t1)
        else:
            out.append((t0, t1))
    return out


def _write_wav(path: Path, x: np.ndarray, channels: int = 1) -> None:
    pcm = (np.clip(x, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(pcm.tobytes())


def synthesize_interview(
    lines: Sequence[Line],
    out_dir: str | Path,
    *,
    voices: dict[str, str] | None = None,
    rate: int = 165,
    lead_in: float = 0.5,
    tail: float = 1.0,
    noise_db: float = -65.0,
    seed: int = 0,
) -> SynthInterview:
    """Render ``lines`` into interviewer.wav, candidate.wav and stereo.wav (left = interviewer).

    A faint seeded noise floor (``noise_db``) keeps the quiet track from being digital zero,
    as a real microphone never is.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    v = {**DEFAULT_VOICES, **(voices or {})}
    clips = [
        _speak(ln.text, v[ln.speaker], rate, out / f"_line{i}.wav") for i, ln in enumerate(lines)
    ]
    timed: list[TimedLine] = []
    cursor = lead_in
    for i, (ln, clip) in enumerate(zip(lines, clips, strict=True)):
        start = cursor + (ln.gap if i else 0.0)
        start = max(0.0, start)
        timed.append(
            TimedLine(ln.speaker, ln.text, round(start, 3), round(start + clip.size / SR, 3))
        )
        cursor = max(cursor, start + clip.size / SR)
    duration = cursor + tail
    n = int(np.ceil(duration * SR))
    rng = np.random.default_rng(seed)
    tracks = {
        s: rng.normal(0, 10 ** (noise_db / 20), n).astype(np.float32)
        for s in ("interviewer", "candidate")
    }
    clean = {s: np.zeros(n, np.float32) for s in tracks}
    for tl, clip in zip(timed, clips, strict=True):
        a = int(tl.t_start * SR)
        clean[tl.speaker][a : a + clip.size] += clip
    for s in tracks:
        tracks[s] += clean[s]
    paths = {s: out / f"{s}.wav" for s in tracks}
    for s, p in paths.items():
        _write_wav(p, tracks[s])
    stereo = out / "stereo.wav"
    _write_wav(
        stereo,
        np.stack([tracks["interviewer"], tracks["candidate"]], axis=1).reshape(-1),
        channels=2,
    )
    speech = {s: speech_intervals(clean[s]) for s in clean}
    return SynthInterview(
        interviewer=paths["interviewer"],
        candidate=paths["candidate"],
        stereo=stereo,
        lines=tuple(timed),
        duration=duration,
        speech=speech,
    )


QUESTIONS = [
    "Can you tell me about a project you are proud of?",
    "How do you handle disagreements with your team?",
    "Walk me through how you would design a caching layer.",
    "What did you learn from your last production incident?",
    "Why are you interested in this role?",
    "How do you keep your technical skills up to date?",
    "Describe a time you had to meet a tight deadline.",
    "What would you improve in your current team's process?",
]
ANSWERS = [
    "I led the migration of our billing system to a new database, which cut query "
    "times in half and removed a whole class of outages.",
    "I try to understand the other view first, then we compare the options with data "
    "and agree on a small experiment.",
    "I would start with the read patterns, put a cache in front of the slow service, "
    "and set clear expiry rules so the data stays fresh.",
    "We learned to add alerts on the queue length, because the workers had silently "
    "stopped and nobody noticed for an hour.",
    "I enjoy building tools that other engineers rely on, and your team works on "
    "exactly those problems.",
    "I read the release notes of the tools we use, I build small side projects, and "
    "I review code from other teams.",
    "We had two weeks to ship a reporting feature, so I cut the scope, shipped the "
    "core first and added the rest later.",
    "I would add design reviews before large changes, because we often found "
    "problems too late in code review.",
]


def mock_interview_lines(minutes: float) -> list[Line]:
    """A generic mock interview of about ``minutes`` minutes (benchmarks, live simulation)."""
    lines: list[Line] = [Line("interviewer", "Hello and welcome, thanks for joining us today.")]
    lines.append(Line("candidate", "Thank you, I am happy to be here."))
    i, approx = 0, 4.0
    while approx < minutes * 60:
        lines.append(Line("interviewer", QUESTIONS[i % len(QUESTIONS)], gap=0.9))
        lines.append(Line("candidate", ANSWERS[i % len(ANSWERS)], gap=1.2))
        approx += 2.2 + len(ANSWERS[i % len(ANSWERS)].split()) / 3.0 + 1.8
        i += 1
    lines.append(Line("interviewer", "Thank you, that is all from me today."))
    return lines
