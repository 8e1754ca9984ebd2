"""Shared fixtures: synthetic two-voice interviews (espeak-ng + sox) and the tiny.en model."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from labkit.synth import Line, SynthInterview, synthesize_interview

SCRIPT = [
    Line("interviewer", "Hello, thanks for coming in. Can you tell me about your last job?"),
    Line("candidate", "I worked as a backend engineer for three years, building payment services."),
    Line("interviewer", "What was the hardest problem you solved there?"),
    Line(
        "candidate",
        "We had slow database queries, so I added indexes and a cache, "
        "and the page load time dropped by half.",
    ),
    Line("interviewer", "Why do you want to join our team?"),
    Line("candidate", "I like working on data platforms and your team builds exactly that."),
]


@pytest.fixture(scope="session", autouse=True)
def _need_tools() -> None:
    missing = [t for t in ("espeak-ng", "sox") if shutil.which(t) is None]
    if missing:  # fail loudly: CI installs them (make test); a skip would hide the gap
        pytest.fail(f"missing {missing}; run: apt-get install espeak-ng sox", pytrace=False)


@pytest.fixture(scope="session")
def interview(tmp_path_factory: pytest.TempPathFactory) -> SynthInterview:
    return synthesize_interview(SCRIPT, tmp_path_factory.mktemp("interview"))


@pytest.fixture(scope="session")
def whisper():
    from labkit.speech.asr import load_whisper

    return load_whisper("tiny.en")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "sessions" / "lab.duckdb"


def tone(seconds: float, *, sr: int = 16_000, freq: float = 220.0, amp: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)
