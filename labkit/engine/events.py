"""Timestamped events the engine consumes, from files or from browsers alike."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from labkit.records import Speaker

__all__ = ["AudioChunk", "Event", "InterviewEnd", "JDSet", "ProfilingToggle", "VideoFrame"]


@dataclass(frozen=True, slots=True)
class AudioChunk:
    """PCM of one speaker; ``t_capture`` is the session time of its first sample."""

    role: Speaker
    samples: np.ndarray  # float32 [-1, 1] or int16, mono, 16 kHz
    t_capture: float
    seq: int = -1


@dataclass(frozen=True, slots=True)
class VideoFrame:
    """One candidate camera frame (RGB array or JPEG bytes) at session time ``t``."""

    t: float
    image: np.ndarray | None = None
    jpeg: bytes | None = None
    seq: int = -1


@dataclass(frozen=True, slots=True)
class JDSet:
    text: str


@dataclass(frozen=True, slots=True)
class ProfilingToggle:
    on: bool
    t: float


@dataclass(frozen=True, slots=True)
class InterviewEnd:
    t: float | None = None


Event = AudioChunk | VideoFrame | JDSet | ProfilingToggle | InterviewEnd
