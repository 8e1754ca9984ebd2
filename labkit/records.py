"""Typed, frozen records that flow between pipeline stages.

Every time is in seconds on the session clock (0 = session start). Speakers are exactly
``"interviewer"`` and ``"candidate"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "SPEAKERS",
    "AnswerScore",
    "FaceFrame",
    "JobSpec",
    "ProfileSnapshot",
    "ProsodyWindow",
    "QAPair",
    "Requirement",
    "Sentence",
    "Speaker",
    "Turn",
    "Verdict",
    "Word",
]

Speaker = Literal["interviewer", "candidate"]
SPEAKERS: tuple[Speaker, Speaker] = ("interviewer", "candidate")


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word with absolute session times."""

    speaker: Speaker
    t_start: float
    t_end: float
    text: str
    prob: float = 1.0


@dataclass(frozen=True, slots=True)
class Sentence:
    """Words of one speaker framed by pauses and punctuation."""

    speaker: Speaker
    t_start: float
    t_end: float
    text: str
    words: tuple[Word, ...] = ()


@dataclass(frozen=True, slots=True)
class Turn:
    """A run of one speaker's sentences in the merged script."""

    idx: int
    speaker: Speaker
    t_start: float
    t_end: float
    text: str
    is_question: bool = False
    overlap: bool = False  # starts while the other speaker is still talking
    words: tuple[Word, ...] = ()


@dataclass(frozen=True, slots=True)
class Requirement:
    """One weighted requirement read from a job description."""

    name: str
    category: Literal[
        "skill", "tool", "experience", "soft_skill", "education", "domain", "condition"
    ]
    weight: float
    required: bool = True
    aliases: tuple[str, ...] = ()
    min_years: float | None = None
    source: str = ""  # the JD sentence it came from

    @property
    def scored(self) -> bool:
        """Whether answers are scored against it: a term of work ("condition": "Able to lift
        50 lbs") is the interviewer's to confirm, never scored or flagged."""
        return self.category != "condition"


@dataclass(frozen=True, slots=True)
class JobSpec:
    """A structured job description: requirements whose weights sum to 1."""

    title: str
    requirements: tuple[Requirement, ...]
    text: str = ""
    language: str = "en"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QAPair:
    """An interviewer question linked to the candidate answer that follows it."""

    idx: int
    question_turn: int
    answer_turns: tuple[int, ...]
    question: str
    answer: str
    q_start: float
    q_end: float
    a_start: float | None
    a_end: float | None
    kind: str = "question"  # question | prompt | follow_up | small_talk
    link_confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class AnswerScore:
    """One dimension of one answer, in [0, 1], with the evidence it rests on."""

    qa_idx: int
    dimension: str
    score: float
    evidence: str
    t_start: float
    t_end: float
    requirement: str | None = None
    features: dict[str, float] = field(default_factory=dict)  # the measured inputs (fillers/min..)


@dataclass(frozen=True, slots=True)
class ProfileSnapshot:
    """Posterior mean and sd of one profile dimension after an answer."""

    t: float
    after_qa: int
    dimension: str
    mean: float
    sd: float
    n: int = 0


@dataclass(frozen=True, slots=True)
class Verdict:
    """Hire probability with its interval, label distribution and risk flags."""

    t: float
    after_qa: int | None
    hire_probability: float
    low: float
    high: float
    label_probs: dict[str, float] = field(default_factory=dict)
    risk_flags: tuple[str, ...] = ()
    is_final: bool = False
    summary: str = ""


@dataclass(frozen=True, slots=True)
class FaceFrame:
    """What the vision stage saw in one sampled video frame."""

    t: float
    face_present: bool
    box: tuple[float, float, float, float] | None = None
    landmarks: tuple[tuple[float, float], ...] | None = None
    yaw: float | None = None
    pitch: float | None = None
    roll: float | None = None
    movement: float | None = None
    gaze_off: float | None = None
    emotions: dict[str, float] | None = None  # None when emotion inference is off


@dataclass(frozen=True, slots=True)
class ProsodyWindow:
    """Voice features of one speaker over one time window."""

    speaker: Speaker
    t_start: float
    t_end: float
    features: dict[str, float]
