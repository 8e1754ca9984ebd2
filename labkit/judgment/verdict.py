"""Hire verdict from the profile and the JD weights, with an interval and risk flags.

The hire score z is a weighted mean of profile dimensions (the JD fit is itself the JD-weighted
mean of the per-requirement beliefs); its sd follows from the beliefs' sds (independent normals).
hire_probability = sigmoid(slope * (z - center)) minus a small penalty per behavioural flag,
less a share of what lies above 0.5 per admitted gap past the first.
The interval is a 90% band: its width is 2 * 1.645 * sd(z) * slope / 4 (the logistic's largest
slope, a conservative delta-method bound), capped at 1 and shifted to stay inside [0, 1]. Because
posterior sds only shrink, the interval narrows as answers accumulate.
The no/maybe/yes distribution is the probability mass of z's normal below, between and above the
z values where hire_probability crosses ``label_cuts``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from labkit.judgment.profile import Belief, Profile, jd_dimension
from labkit.language.pairing import takes_back_own, withdraws
from labkit.language.questions import UNSCORED_KINDS
from labkit.records import AnswerScore, JobSpec, QAPair, Verdict

__all__ = [
    "FlagOptions",
    "VerdictOptions",
    "admitted_gaps",
    "hire_score",
    "make_verdict",
    "risk_flags",
]


@dataclass(frozen=True, slots=True)
class VerdictOptions:
    """Verdict hyper-parameters.

    weights: weight of each profile dimension in the hire score ("jd_fit" = JD-weighted mean
        of the requirement beliefs; without a JD its weight goes to the others).
    center / slope: the logistic map from hire score to probability.
    z: normal quantile of the interval (1.645 = 90%).
    label_cuts: probabilities separating no / maybe / yes.
    flag_penalty / max_penalty: probability taken off per behavioural flag, and at most.
    gap_discount / max_gap_discount / gap_floor: share of the probability above gap_floor
        taken off per admitted gap past the first ("admitted gaps" flag), and at most. On the
        26 sets of bench/interviews* (BENCHMARKS.md) no strong candidate of 78 owns up to two
        gaps or more and 63 mixed ones of 78 do; the floor keeps mixed candidates apart from
        weak ones (a larger share, 0.4 a gap and at most 0.8, lifted V's strong-mixed gap past
        0.15 but took W's and audio I's mixed-weak gap below it).
    """

    # chosen on the 74 labelled mock interviews of bench/interviews* (nine sets, text mode;
    # BENCHMARKS.md): depth and clarity separate strong from mixed answers best, the JD fit
    # strong and mixed from weak; relevance separated nothing once the JD rules improved. The
    # center puts mixed candidates near 0.5 ("maybe"); it was chosen by the worst strong-mixed /
    # mixed-weak gap over the sets and checked leaving each set out in turn (held-out gaps
    # 0.13-0.48); it moved from 0.56 to 0.58 when depth began to count a trade's own words and
    # terse lowercase steps (depth rose 0.06 for every label: the same map, re-centred).
    weights: tuple[tuple[str, float], ...] = (
        ("jd_fit", 0.30),
        ("technical_depth", 0.40),
        ("communication", 0.15),
        ("confidence", 0.10),
        ("relevance", 0.0),
        ("consistency", 0.05),
        ("directness", 0.05),
    )
    center: float = 0.58
    slope: float = 16.0
    z: float = 1.645
    label_cuts: tuple[float, float] = (0.4, 0.6)
    flag_penalty: float = 0.04
    max_penalty: float = 0.12
    gap_discount: float = 0.3
    max_gap_discount: float = 0.6
    gap_floor: float = 0.5


@dataclass(frozen=True, slots=True)
class FlagOptions:
    """Risk flag thresholds.

    evidenced: a requirement score at or above this counts as evidence.
    evasive: an answer's evasion score at or above this is evasive.
    inconsistent: a consistency score below this is an inconsistency.
    overclaim: an overclaim score at or above this is overclaiming.
    overclaim_answers: overclaiming in this many answers is a flag whatever the scores.
    low_clarity: a communication belief below this (after min_answers answers) is very low.
    admitted_gaps: this many answers that own up to a gap ("SQL is the area I'm least strong
        in", "that was the planners, not me") are a flag (see VerdictOptions.gap_discount).
    """

    evidenced: float = 0.5
    evasive: float = 0.55
    inconsistent: float = 0.4
    overclaim: float = 0.5
    overclaim_answers: int = 2
    low_clarity: float = 0.35
    min_answers: int = 2
    admitted_gaps: int = 2


def hire_score(
    profile: Profile, jobspec: JobSpec | None, options: VerdictOptions = VerdictOptions()
) -> tuple[float, float, dict[str, Belief]]:
    """(mean, sd) of the hire score and the component beliefs it was made from."""
    parts: dict[str, Belief] = {}
    # terms of work are not scored, so they stay out even where a user gave them weight
    reqs = [r for r in (jobspec.requirements if jobspec else ()) if r.weight > 0 and r.scored]
    if reqs:
        tw = sum(r.weight for r in reqs)
        mu = sum(r.weight * profile.beliefs[jd_dimension(r.name)].mean for r in reqs) / tw
        var = sum((r.weight * profile.beliefs[jd_dimension(r.name)].sd) ** 2 for r in reqs)
        parts["jd_fit"] = Belief(mu, math.sqrt(var) / tw)
    for dim, _ in options.weights:
        if dim != "jd_fit" and dim in profile.beliefs:
            parts[dim] = profile.beliefs[dim]
    weights = {d: w for d, w in options.weights if d in parts}
    total = sum(weights.values())
    mean = sum(w * min(1.0, max(0.0, parts[d].mean)) for d, w in weights.items()) / total
    sd = math.sqrt(sum((w * parts[d].sd) ** 2 for d, w in weights.items())) / total
    return mean, sd, parts


def _phi(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def make_verdict(
    profile: Profile,
    jobspec: JobSpec | None,
    *,
    t: float,
    after_qa: int | None,
    flags: Sequence[str] = (),
    is_final: bool = False,
    summary: str = "",
    options: VerdictOptions = VerdictOptions(),
) -> Verdict:
    mean, sd, _ = hire_score(profile, jobspec, options)
    k = options.slope
    behavioural = [f for f in flags if not f.startswith("required ")]
    gaps = [n for f in flags if (n := admitted_gaps(f))]
    penalty = min(options.max_penalty, options.flag_penalty * (len(behavioural) - len(gaps)))
    p = 1.0 / (1.0 + math.exp(-k * (mean - options.center))) - penalty
    # each admitted gap past the first takes a share of the probability above even odds: a
    # sure "yes" falls toward "maybe", but gaps owned up to never make a "no"
    discount = min(options.max_gap_discount, options.gap_discount * max(0, sum(gaps) - 1))
    p = min(1.0, max(0.0, p))
    p -= discount * max(0.0, p - options.gap_floor)
    width = min(1.0, 2.0 * options.z * sd * k / 4.0)
    low = min(max(p - width / 2, 0.0), 1.0 - width)
    high = low + width
    # label mass: z thresholds where the (penalised) probability crosses the cuts
    probs = []
    for cut in options.label_cuts:
        if cut > options.gap_floor:  # the undiscounted probability that lands on the cut
            cut = (cut - discount * options.gap_floor) / (1.0 - discount)
        c = min(max(cut + penalty, 1e-6), 1 - 1e-6)
        zc = options.center + math.log(c / (1 - c)) / k
        probs.append(_phi((zc - mean) / max(sd, 1e-6)))
    no, below_yes = probs
    label_probs = {
        "no": round(no, 4),
        "maybe": round(max(0.0, below_yes - no), 4),
        "yes": round(1 - below_yes, 4),
    }
    return Verdict(
        t=round(t, 3),
        after_qa=after_qa,
        hire_probability=round(p, 4),
        low=round(low, 4),
        high=round(high, 4),
        label_probs=label_probs,
        risk_flags=tuple(flags),
        is_final=is_final,
        summary=summary,
    )


def risk_flags(
    *,
    pairs: Sequence[QAPair],
    scores: Sequence[AnswerScore],
    counted: set[int],
    profile: Profile,
    jobspec: JobSpec | None,
    final: bool,
    options: FlagOptions = FlagOptions(),
) -> list[str]:
    """Risk flags from counted answers; unevidenced required skills are flagged at the end only.

    Flag texts start with a stable kind ("required skill never evidenced: Kafka", "evasive
    answers: Q2, Q5", ...) so that they can be filtered; each names what it rests on.
    """
    flags: list[str] = []
    rows = [s for s in scores if s.qa_idx in counted]
    if jobspec and final:
        evidenced = {
            s.requirement
            for s in rows
            if s.dimension == "requirement" and s.score >= options.evidenced
        }
        for r in jobspec.requirements:
            if r.required and r.name not in evidenced and r.scored:
                kind = (
                    "skill"
                    if r.category in ("skill", "tool", "soft_skill", "domain")
                    else (r.category)
                )
                flags.append(f"required {kind} never evidenced: {r.name}")
    if jobspec:
        required = {r.name for r in jobspec.requirements if r.required}
        denied = sorted(
            {
                f"{s.requirement} (Q{s.qa_idx + 1})"
                for s in rows
                if s.dimension == "requirement"
                and s.requirement in required
                and s.features.get("negated")
            }
        )
        if denied:
            flags.append("lacks required skill by own account: " + ", ".join(denied))
    evasive = sorted({s.qa_idx for s in rows if s.dimension == "evasion"
                      and s.score >= options.evasive})  # fmt: skip
    if evasive:
        flags.append("evasive answers: " + ", ".join(f"Q{i + 1}" for i in evasive))
    incons = [s for s in rows if s.dimension == "consistency" and s.score < options.inconsistent]
    over = [s for s in incons if s.features.get("overclaim")]
    incons = [s for s in incons if not s.features.get("overclaim")]
    if incons:
        flags.append(
            "inconsistent claims: "
            + "; ".join(f'Q{s.qa_idx + 1} "{_short(s.evidence)}"' for s in incons)
        )
    over += overclaims(rows, options)
    if over:
        flags.append(
            "overclaiming: " + "; ".join(f'Q{s.qa_idx + 1} "{_short(s.evidence)}"' for s in over)
        )
    # "Honestly, SQL is the area I'm least strong in": depth the candidate says is not theirs
    gaps = sorted({s.qa_idx for s in rows if s.dimension == "technical_depth"
                   and s.features.get("limited")})  # fmt: skip
    if len(gaps) >= options.admitted_gaps:
        flags.append(
            f"admitted gaps in {len(gaps)} answers: " + ", ".join(f"Q{i + 1}" for i in gaps)
        )
    comm = profile.beliefs.get("communication")
    if comm and comm.n >= options.min_answers and comm.mean < options.low_clarity:
        flags.append(f"very low clarity: communication {comm.clipped_mean:.2f}")
    # (a question the interviewer took back is none the candidate left)
    unanswered = [
        p
        for i, p in enumerate(pairs)
        if p.a_start is None
        and p.kind not in UNSCORED_KINDS
        and not takes_back_own(p.question)
        and not (i + 1 < len(pairs) and withdraws(pairs[i + 1].question))
    ]
    if unanswered:
        flags.append("unanswered questions: " + ", ".join(f"Q{p.idx + 1}" for p in unanswered))
    return flags


def overclaims(
    rows: Sequence[AnswerScore], options: FlagOptions = FlagOptions()
) -> list[AnswerScore]:
    """The overclaim rows that make a flag: one sweeping claim, or praise of oneself answer
    after answer ("I'm really strong in SuiteScript", "I pick that stuff up really fast")."""
    claims = [s for s in rows if s.dimension == "overclaim"]
    if len({s.qa_idx for s in claims}) < options.overclaim_answers:
        claims = [s for s in claims if s.score >= options.overclaim]
    return claims


_GAPS_FLAG = re.compile(r"^admitted gaps in (\d+) answers")


def admitted_gaps(flag: str) -> int:
    """N of an "admitted gaps in N answers" flag; 0 for other flags."""
    m = _GAPS_FLAG.match(flag)
    return int(m.group(1)) if m else 0


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 3] + "..."
