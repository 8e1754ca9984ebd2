"""The written summary: rule-based sentences from score bands (seed 000, stage 2).

Every sentence comes from a stored number and says which: ``SummarySentence.sources`` names the
profile snapshot dimensions, answer_scores rows (qa index + dimension) or verdict it rests on.
Nothing is generated freely. Sentences about signals that were not measured (e.g. stress when no
face/prosody signal fed the profile) are left out rather than guessed. The seed's sentences name
posture and eye contact; those parts are dropped here because text alone does not measure them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from labkit.judgment.profile import Profile, jd_dimension
from labkit.judgment.verdict import overclaims
from labkit.records import AnswerScore, JobSpec, Verdict

__all__ = ["Summary", "SummarySentence", "write_summary"]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    text: str
    sentences: tuple[SummarySentence, ...]


def _band(value: float, bands: Sequence[tuple[float, str]], last: str) -> str:
    for cut, sentence in bands:
        if value > cut:
            return sentence
    return last


_CONFIDENCE = (
    (80, "The candidate demonstrated excellent confidence, with assertive responses."),
    (60, "The candidate showed good confidence overall with minor moments of hesitation."),
    (40, "The candidate showed moderate confidence with noticeable hesitation and inconsistent "
         "delivery."),
)  # fmt: skip
_CONFIDENCE_LOW = (
    "The candidate appeared visibly hesitant, with frequent hedging and limited assertiveness."
)
_CLARITY = (
    (80, "Responses were highly clear, well-structured, and easy to understand."),
    (60, "Communication was generally clear, though a few explanations lacked precision."),
    (40, "The candidate's clarity was inconsistent, with several unclear or poorly structured "
         "responses."),
)  # fmt: skip
_CLARITY_LOW = "Communication was frequently unclear, making important points difficult to follow."
_STRESS = (  # stress bands count downwards: low stress is the good end
    (20, "Signs of stress were minimal, and the candidate remained calm throughout."),
    (40, "Mild signs of stress were present, but the candidate largely maintained composure."),
    (60, "There were moderate stress indicators."),
)
_STRESS_HIGH = "The candidate displayed high stress levels."
_DEPTH = (
    (70, "Answers were technically detailed, naming concrete tools, numbers and the candidate's "
         "own contributions."),
    (45, "Answers showed some technical depth, though several stayed general."),
)  # fmt: skip
_DEPTH_LOW = "Answers stayed general, with few concrete tools, numbers or personal contributions."


def write_summary(
    *,
    profile: Profile,
    jobspec: JobSpec | None,
    scores: Sequence[AnswerScore],
    counted: set[int],
    verdict: Verdict,
    after_qa: int | None,
) -> Summary:
    out: list[SummarySentence] = []
    at = f"@qa={after_qa}" if after_qa is not None else ""

    def add(text: str, *sources: str) -> None:
        out.append(SummarySentence(text, tuple(sources)))

    rows = [s for s in scores if s.qa_idx in counted]
    b = profile.beliefs
    if profile.n_answers == 0:
        add("No answers were profiled, so no assessment can be given.", f"profile_snapshots{at}")
    else:
        add(_band(100 * b["confidence"].clipped_mean, _CONFIDENCE, _CONFIDENCE_LOW),
            f"profile_snapshots:confidence{at}")  # fmt: skip
        if "stress" in b and b["stress"].n > 0:
            v = 100 * b["stress"].clipped_mean
            text = next((s for cut, s in _STRESS if v < cut), _STRESS_HIGH)
            add(text, f"profile_snapshots:stress{at}")
        add(_band(100 * b["communication"].clipped_mean, _CLARITY, _CLARITY_LOW),
            f"profile_snapshots:communication{at}")  # fmt: skip
        add(_band(100 * b["technical_depth"].clipped_mean, _DEPTH, _DEPTH_LOW),
            f"profile_snapshots:technical_depth{at}")  # fmt: skip

    # JD alignment
    if jobspec and jobspec.requirements:
        req = [r for r in jobspec.requirements if r.required and r.scored]
        ev: dict[str, AnswerScore] = {}
        for s in rows:
            if (
                s.dimension == "requirement"
                and s.score >= 0.5
                and s.requirement
                and (s.requirement not in ev or s.score > ev[s.requirement].score)
            ):
                ev[s.requirement] = s
        got = [r.name for r in req if r.name in ev]
        miss = [r.name for r in req if r.name not in ev]
        if got:
            add(
                f"Evidence was found for {len(got)} of {len(req)} required skills: "
                + ", ".join(got)
                + ".",
                *(f"answer_scores:qa={ev[n].qa_idx}:requirement:{n}" for n in got),
            )
        if miss:
            add(
                "No evidence was found for: " + ", ".join(miss) + ".",
                *(f"profile_snapshots:{jd_dimension(n)}{at}" for n in miss),
            )

    # behaviour sentences (seed stage 2, section 5), each from answer_scores features
    clar = [s for s in rows if s.dimension == "clarity"]
    if clar:
        fpm = sum(s.features.get("fillers_per_min", 0.0) for s in clar) / len(clar)
        written = sum(
            s.features.get("fillers_written_per_min", s.features.get("fillers_per_min", 0.0))
            for s in clar
        ) / len(clar)
        if fpm > 6:
            # from ASR text the rate said is estimated from the rate written (Whisper drops most)
            how = "" if abs(written - fpm) < 0.5 else f", estimated from {written:.0f} written"
            add(f"The candidate used filler words often (about {fpm:.0f} per minute{how}).",
                *(f"answer_scores:qa={s.qa_idx}:clarity" for s in clar))  # fmt: skip
        fast = [s for s in clar if s.features.get("words_per_min", 0) > 180]
        if fast:
            add("The speaking pace was unusually fast at times.",
                *(f"answer_scores:qa={s.qa_idx}:clarity" for s in fast))  # fmt: skip
    ev_rows = [s for s in rows if s.dimension == "evasion" and s.score >= 0.55]
    if ev_rows:
        qs = ", ".join(f"Q{s.qa_idx + 1}" for s in ev_rows)
        add(f"{len(ev_rows)} answer(s) were evasive or off-topic ({qs}).",
            *(f"answer_scores:qa={s.qa_idx}:evasion" for s in ev_rows))  # fmt: skip
    gaps = [s for s in rows if s.dimension == "technical_depth" and s.features.get("limited")]
    if len(gaps) >= 2:
        qs = ", ".join(f"Q{s.qa_idx + 1}" for s in gaps)
        add(f"In {len(gaps)} answers the candidate said the work or the skill was not "
            f"(yet) theirs ({qs}).",
            *(f"answer_scores:qa={s.qa_idx}:technical_depth" for s in gaps))  # fmt: skip
    inc = [s for s in rows if s.dimension == "consistency" and s.score < 0.4]
    if inc:
        add("Some claims conflicted with earlier statements: "
            + "; ".join(f'"{s.evidence}" (Q{s.qa_idx + 1})' for s in inc) + ".",
            *(f"answer_scores:qa={s.qa_idx}:consistency" for s in inc))  # fmt: skip
    over = overclaims(rows)  # as the flag: once sweeping, or answer after answer
    if over:
        add("Some statements overclaimed without supporting detail: "
            + "; ".join(f'"{s.evidence}" (Q{s.qa_idx + 1})' for s in over) + ".",
            *(f"answer_scores:qa={s.qa_idx}:overclaim" for s in over))  # fmt: skip

    label = (
        max(verdict.label_probs, key=lambda k: verdict.label_probs[k])
        if (verdict.label_probs)
        else "maybe"
    )
    add(
        f"Overall hire probability is {100 * verdict.hire_probability:.0f}% (90% interval "
        f"{100 * verdict.low:.0f}-{100 * verdict.high:.0f}%); the most likely label is {label}.",
        "verdicts:final" if verdict.is_final else f"verdicts{at}",
    )
    return Summary(" ".join(s.text for s in out), tuple(out))
