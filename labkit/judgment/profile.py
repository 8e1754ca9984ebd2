"""The incremental candidate profile: a Gaussian belief per dimension, updated after each answer.

Each dimension (communication, confidence, technical_depth, relevance, consistency, directness,
and ``jd:<requirement>`` per JD requirement) holds a normal belief over a score in [0, 1]. An
observation x with noise sd s updates it by the conjugate rule
    precision' = precision + 1/s^2,  mean' = (precision*mean + x/s^2) / precision',
so the sd never grows: more answers, narrower beliefs. Weak signals (face, prosody) go in through
``observe_weak`` with a larger noise sd so that they move the profile less.

Profiling can be paused and resumed at session times; an answer counts only if at least
``min_active_fraction`` of it lies in profiling-on time.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from labkit.errors import InputError
from labkit.language.questions import UNSCORED_KINDS
from labkit.records import AnswerScore, JobSpec, ProfileSnapshot, QAPair

__all__ = ["BASE_DIMENSIONS", "Belief", "Profile", "ProfileOptions", "jd_dimension"]

BASE_DIMENSIONS = (
    "communication",
    "confidence",
    "technical_depth",
    "relevance",
    "consistency",
    "directness",
)
# answer score dimension -> (profile dimension, transform)
_SCORE_TO_DIM = {
    "clarity": ("communication", False),
    "confidence": ("confidence", False),
    "technical_depth": ("technical_depth", False),
    "relevance": ("relevance", False),
    "consistency": ("consistency", False),
    "evasion": ("directness", True),
    "overclaim": ("consistency", True),
}


def jd_dimension(requirement: str) -> str:
    return f"jd:{requirement}"


@dataclass(frozen=True, slots=True)
class ProfileOptions:
    """Profile priors and observation noise.

    prior_mean / prior_sd: belief before any answer for the general dimensions.
    jd_prior_mean / jd_prior_sd: belief about a JD requirement before it is evidenced (below the
        middle: an unevidenced requirement is not assumed to be met).
    obs_sd: noise sd of one answer's score per dimension ("jd" for requirement rows).
    weak_sd: the smallest noise sd allowed for weak signals (face, prosody fusion).
    depth_words: an answer shorter than this many words says less of technical depth: its
        depth row's noise sd grows by sqrt(depth_words / words), at most ``depth_sd_cap`` times.
    min_active_fraction: share of an answer that must fall in profiling-on time for it to count.
    """

    prior_mean: float = 0.5
    prior_sd: float = 0.25
    jd_prior_mean: float = 0.3
    jd_prior_sd: float = 0.25
    obs_sd: tuple[tuple[str, float], ...] = (
        ("communication", 0.2),
        ("confidence", 0.22),
        ("technical_depth", 0.2),
        ("relevance", 0.22),
        ("consistency", 0.15),
        ("directness", 0.22),
        ("jd", 0.18),
    )
    default_obs_sd: float = 0.25
    weak_sd: float = 0.25
    min_active_fraction: float = 0.5
    depth_words: int = 40
    depth_sd_cap: float = 2.0


@dataclass(frozen=True, slots=True)
class Belief:
    mean: float
    sd: float
    n: int = 0

    def updated(self, x: float, sd: float) -> Belief:
        p0 = 1.0 / self.sd**2
        p1 = 1.0 / sd**2
        var = 1.0 / (p0 + p1)
        return Belief((p0 * self.mean + p1 * x) * var, math.sqrt(var), self.n + 1)

    @property
    def clipped_mean(self) -> float:
        return min(1.0, max(0.0, self.mean))


class Profile:
    """Mutable, deterministic profile state for one session."""

    def __init__(
        self, jobspec: JobSpec | None = None, *, options: ProfileOptions = ProfileOptions()
    ) -> None:
        self.options = options
        self.beliefs: dict[str, Belief] = {
            d: Belief(options.prior_mean, options.prior_sd) for d in BASE_DIMENSIONS
        }
        for r in jobspec.requirements if jobspec else ():
            self.beliefs[jd_dimension(r.name)] = Belief(options.jd_prior_mean, options.jd_prior_sd)
        self._obs_sd = dict(options.obs_sd)
        self._toggles: list[tuple[float, bool]] = []  # (t, on) in time order
        self.n_answers = 0

    # -- pause / resume ----------------------------------------------------------------------
    def set_profiling(self, on: bool, *, t: float) -> None:
        """Switch profiling on or off from session time ``t`` on (toggles may come in any order)."""
        self._toggles.append((float(t), bool(on)))
        self._toggles.sort(key=lambda x: x[0])

    def pause(self, t: float) -> None:
        self.set_profiling(False, t=t)

    def resume(self, t: float) -> None:
        self.set_profiling(True, t=t)

    def active_at(self, t: float) -> bool:
        on = True
        for tt, state in self._toggles:
            if tt <= t:
                on = state
            else:
                break
        return on

    def active_fraction(self, t0: float, t1: float) -> float:
        if t1 <= t0:
            return 1.0 if self.active_at(t0) else 0.0
        cuts = [t0] + [t for t, _ in self._toggles if t0 < t < t1] + [t1]
        on = sum(b - a for a, b in itertools.pairwise(cuts) if self.active_at(a))
        return on / (t1 - t0)

    def counts(self, pair: QAPair) -> bool:
        if pair.a_start is None or pair.a_end is None:
            return False
        frac = self.active_fraction(pair.a_start, pair.a_end)
        return frac >= self.options.min_active_fraction

    # -- updates -----------------------------------------------------------------------------
    def observe(self, dimension: str, value: float, *, sd: float | None = None) -> Belief:
        """Fold one observation in [0, 1] into ``dimension`` (created on first use)."""
        if not math.isfinite(value):
            raise InputError(f"observation for {dimension!r} is not finite: {value!r}")
        if sd is None:
            key = "jd" if dimension.startswith("jd:") else dimension
            sd = self._obs_sd.get(key, self.options.default_obs_sd)
        if sd <= 0:
            raise InputError(f"observation sd must be > 0, got {sd}")
        prior = self.beliefs.get(dimension)
        if prior is None:
            prior = Belief(self.options.prior_mean, self.options.prior_sd)
        b = prior.updated(min(1.0, max(0.0, float(value))), sd)
        self.beliefs[dimension] = b
        return b

    def observe_weak(self, dimension: str, value: float, *, sd: float | None = None) -> Belief:
        """A weak signal (fused face/prosody): its noise sd is at least ``options.weak_sd``."""
        return self.observe(dimension, value, sd=max(sd or 0.0, self.options.weak_sd))

    def observe_side_evidence(self, evidence: Mapping[str, tuple[float, float]]) -> list[str]:
        """Weak evidence ``{dimension: (value, sd)}`` (labkit.judgment.fusion.weak_evidence)."""
        for dim, (value, sd) in sorted(evidence.items()):
            self.observe_weak(dim, value, sd=sd)
        return sorted(evidence)

    def observe_answer(self, pair: QAPair, scores: Iterable[AnswerScore]) -> list[str]:
        """Fold an answer's score rows in; returns the dimensions touched (none when paused)."""
        if not self.counts(pair) or pair.kind in UNSCORED_KINDS:
            return []
        touched = []
        for s in scores:
            if s.dimension == "requirement" and s.requirement:
                dim = jd_dimension(s.requirement)
                sd = None
                if "semantic" in s.features or s.features.get("phonetic"):
                    sd = self._obs_sd.get("jd", 0.18) * 1.4  # less sure than a spoken name
                self.observe(dim, s.score, sd=sd)
                touched.append(dim)
                continue
            m = _SCORE_TO_DIM.get(s.dimension)
            if m is None:
                continue
            dim, invert = m
            value = 1.0 - s.score if invert else s.score
            sd = None
            if s.dimension == "technical_depth" and s.features.get("words"):
                # "Has that happened?" "Yeah. Last year, precast wall panel ...": a short reply
                # shows less of what the candidate knows, either way, than a long one
                base = self._obs_sd.get(dim, self.options.default_obs_sd)
                grow = math.sqrt(self.options.depth_words / s.features["words"])
                sd = base * min(self.options.depth_sd_cap, max(1.0, grow))
            if s.dimension == "overclaim":
                # a row exists only where the answer praised itself: a mild case is no evidence
                # of consistency, so it never lifts the belief above the prior
                value = min(value, self.options.prior_mean)
            self.observe(dim, value, sd=sd)
            touched.append(dim)
        self.n_answers += 1
        return touched

    # -- output ------------------------------------------------------------------------------
    def snapshot(self, *, t: float, after_qa: int, dimensions: Sequence[str] | None = None
                 ) -> list[ProfileSnapshot]:  # fmt: skip
        dims = dimensions if dimensions is not None else list(self.beliefs)
        return [
            ProfileSnapshot(
                t=round(t, 3),
                after_qa=after_qa,
                dimension=d,
                mean=round(self.beliefs[d].clipped_mean, 4),
                sd=round(self.beliefs[d].sd, 4),
                n=self.beliefs[d].n,
            )
            for d in dims
        ]
