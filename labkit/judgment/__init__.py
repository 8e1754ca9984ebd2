"""Judgment: incremental profile, hire verdict with uncertainty, risk flags, written summary."""

from labkit.judgment.profile import BASE_DIMENSIONS, Belief, Profile, ProfileOptions, jd_dimension
from labkit.judgment.session import (
    JudgmentOptions,
    JudgmentResult,
    JudgmentState,
    JudgmentUpdate,
    judge_session,
)
from labkit.judgment.summary import Summary, SummarySentence, write_summary
from labkit.judgment.verdict import (
    FlagOptions,
    VerdictOptions,
    hire_score,
    make_verdict,
    risk_flags,
)

__all__ = [
    "BASE_DIMENSIONS",
    "Belief",
    "FlagOptions",
    "JudgmentOptions",
    "JudgmentResult",
    "JudgmentState",
    "JudgmentUpdate",
    "Profile",
    "ProfileOptions",
    "Summary",
    "SummarySentence",
    "VerdictOptions",
    "hire_score",
    "jd_dimension",
    "judge_session",
    "make_verdict",
    "risk_flags",
    "write_summary",
]
