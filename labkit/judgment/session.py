"""Incremental judgment over a growing transcript: Q/A pairs, scores, profile, verdicts.

The engine calls ``JudgmentState.update`` with final turns as they come (all so far, or just the
new ones) and stores what it returns; ``finalize`` closes the last answer and adds the final
verdict with its written summary. An answer is final when the next interviewer question starts,
a closing remark is made, or the interview ends. ``judge_session`` runs the same path over a whole
recorded session, turn by turn, so the batch and live results agree. Everything is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from labkit.judgment.profile import Profile, ProfileOptions
from labkit.judgment.summary import Summary, write_summary
from labkit.judgment.verdict import FlagOptions, VerdictOptions, make_verdict, risk_flags
from labkit.language.nlp import Embedder, get_embedder
from labkit.language.pairing import PairingOptions, pair_questions
from labkit.language.questions import UNSCORED_KINDS, TurnClass
from labkit.language.scoring import AnswerHistory, ScoringOptions, score_answer
from labkit.language.vocabulary import Vocabulary, load_vocabulary
from labkit.records import AnswerScore, JobSpec, ProfileSnapshot, QAPair, Turn, Verdict

__all__ = [
    "Hook",
    "JudgmentOptions",
    "JudgmentResult",
    "JudgmentState",
    "JudgmentUpdate",
    "SideEvidence",
    "judge_session",
]

Hook = Callable[[str, Any], None]
# (answer start, answer end) -> weak evidence {dimension: (value, sd)}, e.g. a closure over
# labkit.judgment.fusion.weak_evidence and the fused face/prosody windows so far
SideEvidence = Callable[[float, float], Mapping[str, tuple[float, float]]]


@dataclass(frozen=True, slots=True)
class JudgmentOptions:
    """All judgment hyper-parameters in one bundle (see each part's docstring)."""

    pairing: PairingOptions = PairingOptions()
    scoring: ScoringOptions = ScoringOptions()
    profile: ProfileOptions = ProfileOptions()
    verdict: VerdictOptions = VerdictOptions()
    flags: FlagOptions = FlagOptions()
    device: str | None = None  # for the MiniLM embedder; None = GPU when present


@dataclass(frozen=True, slots=True)
class JudgmentUpdate:
    """What became final since the previous call (store each as it comes)."""

    turn_classes: tuple[tuple[int, TurnClass], ...] = ()
    qa_pairs: tuple[QAPair, ...] = ()
    answer_scores: tuple[AnswerScore, ...] = ()
    profile_snapshots: tuple[ProfileSnapshot, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    summary: Summary | None = None


@dataclass
class JudgmentResult:
    """Everything a whole session produced (``judge_session``)."""

    jobspec: JobSpec
    turn_classes: dict[int, TurnClass] = field(default_factory=dict)
    qa_pairs: list[QAPair] = field(default_factory=list)
    answer_scores: list[AnswerScore] = field(default_factory=list)
    profile_snapshots: list[ProfileSnapshot] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    summary: Summary | None = None

    def add(self, u: JudgmentUpdate) -> None:
        self.turn_classes.update(dict(u.turn_classes))
        self.qa_pairs.extend(u.qa_pairs)
        self.answer_scores.extend(u.answer_scores)
        self.profile_snapshots.extend(u.profile_snapshots)
        self.verdicts.extend(u.verdicts)
        if u.summary is not None:
            self.summary = u.summary

    @property
    def final_verdict(self) -> Verdict | None:
        return next((v for v in reversed(self.verdicts) if v.is_final), None)


class JudgmentState:
    """Judgment of one session, fed incrementally with final turns."""

    def __init__(
        self,
        jobspec: JobSpec | None,
        *,
        options: JudgmentOptions = JudgmentOptions(),
        embedder: Embedder | None = None,
        vocabulary: Vocabulary | None = None,
        hook: Hook | None = None,
        side_evidence: SideEvidence | None = None,
    ) -> None:
        self.jobspec = jobspec or JobSpec(title="", requirements=())
        self.side_evidence = side_evidence
        self.options = options
        self._embedder = embedder
        self.vocabulary = vocabulary or load_vocabulary()
        self.hook = hook
        self.profile = Profile(self.jobspec, options=options.profile)
        self.history = AnswerHistory()
        self._turns: dict[int, Turn] = {}
        self._classes: dict[int, TurnClass] = {}
        self._reported_classes: set[int] = set()
        self._pairs: list[QAPair] = []  # final pairs, in order
        self._scores: list[AnswerScore] = []
        self._counted: set[int] = set()
        self._finalized = False

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.options.device)
        return self._embedder

    @property
    def qa_pairs(self) -> tuple[QAPair, ...]:
        return tuple(self._pairs)

    def set_profiling(self, on: bool, *, t: float) -> None:
        """Pause (on=False) or resume profiling from session time ``t``; paused answers don't count.

        Toggles must arrive before the answer they cover is final (the engine sees them in time).
        """
        self.profile.set_profiling(on, t=t)

    def update(self, turns: Iterable[Turn], *, answer_closed: bool = False) -> JudgmentUpdate:
        """Take final turns (all so far or only new ones); return what became final.

        ``answer_closed``: the interviewer has taken the floor after the last answer (the live
        engine hears it before the next question's words are read), so that answer is over.
        """
        return self._step(turns, final=False, close_last=answer_closed)

    def prepare(self, turns: Iterable[Turn]) -> QAPair | None:
        """Do ahead the costly part of judging an answer that may be over: ``turns`` include the
        candidate's provisional last turn (not final: the interviewer has not spoken yet).

        Embeddings of the turns and of the answer's spans land in the embedder's cache, so
        closing the answer later costs little. Nothing of this state changes. Returns the
        provisional pair (None if the last pair has no answer yet or the state is final).
        """
        if self._finalized:
            return None
        merged = {**self._turns, **{t.idx: t for t in turns}}
        ordered = sorted(merged.values(), key=lambda t: (t.t_start, t.idx))
        pairs, _, _ = pair_questions(
            ordered, embedder=self.embedder, options=self.options.pairing,
            classes=dict(self._classes),
        )  # fmt: skip
        if len(pairs) <= len(self._pairs) or pairs[-1].a_start is None:
            return None
        pair = pairs[-1]
        if pair.kind not in UNSCORED_KINDS:
            score_answer(
                pair,
                [merged[i] for i in pair.answer_turns],
                jobspec=self.jobspec,
                embedder=self.embedder,
                history=self.history.copy(),
                vocabulary=self.vocabulary,
                options=self.options.scoring,
            )
        return pair

    def finalize(self, turns: Iterable[Turn] = (), *, t_end: float | None = None) -> JudgmentUpdate:
        """Interview over: close the last answer, add the final verdict and the summary."""
        return self._step(turns, final=True, t_end=t_end)

    # ------------------------------------------------------------------------------------------
    def _step(self, turns: Iterable[Turn], *, final: bool, t_end: float | None = None,
              close_last: bool = False) -> JudgmentUpdate:  # fmt: skip
        if self._finalized:
            return JudgmentUpdate()
        for t in turns:
            self._turns[t.idx] = t
        ordered = sorted(self._turns.values(), key=lambda t: (t.t_start, t.idx))
        pairs, last_closed, classes = pair_questions(
            ordered, embedder=self.embedder, options=self.options.pairing, classes=self._classes
        )
        new_classes = tuple(
            (i, c) for i, c in sorted(classes.items()) if i not in self._reported_classes
        )
        self._reported_classes.update(i for i, _ in new_classes)
        answered_last = bool(pairs) and pairs[-1].a_start is not None
        n_final = (
            len(pairs)
            if (final or last_closed or (close_last and answered_last))
            else max(0, len(pairs) - 1)
        )
        out_pairs: list[QAPair] = []
        out_scores: list[AnswerScore] = []
        out_snaps: list[ProfileSnapshot] = []
        out_verdicts: list[Verdict] = []
        for pair in pairs[len(self._pairs) : n_final]:
            self._pairs.append(pair)
            out_pairs.append(pair)
            self._emit("qa_pair", pair)
            if pair.a_start is None:
                continue
            rows: list[AnswerScore] = []
            if pair.kind not in UNSCORED_KINDS:
                a_turns = [self._turns[i] for i in pair.answer_turns]
                rows = score_answer(
                    pair,
                    a_turns,
                    jobspec=self.jobspec,
                    embedder=self.embedder,
                    # a paused answer's claims and denials do not count either
                    history=self.history if self.profile.counts(pair) else self.history.copy(),
                    vocabulary=self.vocabulary,
                    options=self.options.scoring,
                )
                self._scores.extend(rows)
                out_scores.extend(rows)
                self._emit("answer_scores", rows)
            touched = self.profile.observe_answer(pair, rows)
            if touched and self.side_evidence is not None and pair.a_end is not None:
                ev = self.side_evidence(float(pair.a_start), float(pair.a_end))
                touched += self.profile.observe_side_evidence(ev)
            t = float(pair.a_end or pair.q_end)
            if touched:
                self._counted.add(pair.idx)
                snaps = self.profile.snapshot(t=t, after_qa=pair.idx)
                out_snaps.extend(snaps)
                self._emit("profile_snapshots", snaps)
            v = make_verdict(
                self.profile,
                self.jobspec,
                t=t,
                after_qa=pair.idx,
                flags=self._flags(final=False),
                options=self.options.verdict,
            )
            out_verdicts.append(v)
            self._emit("verdict", v)
        summary = None
        if final:
            self._finalized = True
            answered = [p for p in self._pairs if p.a_start is not None]
            after = answered[-1].idx if answered else None
            t = t_end if t_end is not None else max((x.t_end for x in ordered), default=0.0)
            flags = self._flags(final=True)
            v = make_verdict(self.profile, self.jobspec, t=t, after_qa=after, flags=flags,
                             is_final=True, options=self.options.verdict)  # fmt: skip
            summary = write_summary(
                profile=self.profile,
                jobspec=self.jobspec,
                scores=self._scores,
                counted=self._counted,
                verdict=v,
                after_qa=after,
            )
            v = make_verdict(
                self.profile,
                self.jobspec,
                t=t,
                after_qa=after,
                flags=flags,
                is_final=True,
                summary=summary.text,
                options=self.options.verdict,
            )
            out_verdicts.append(v)
            self._emit("verdict", v)
            self._emit("summary", summary)
        return JudgmentUpdate(
            turn_classes=new_classes,
            qa_pairs=tuple(out_pairs),
            answer_scores=tuple(out_scores),
            profile_snapshots=tuple(out_snaps),
            verdicts=tuple(out_verdicts),
            summary=summary,
        )

    def _flags(self, *, final: bool) -> list[str]:
        return risk_flags(
            pairs=self._pairs,
            scores=self._scores,
            counted=self._counted,
            profile=self.profile,
            jobspec=self.jobspec,
            final=final,
            options=self.options.flags,
        )

    def _emit(self, step: str, payload: Any) -> None:
        if self.hook is not None:
            self.hook(step, payload)


def judge_session(
    jobspec: JobSpec | None,
    turns: Sequence[Turn],
    *,
    options: JudgmentOptions = JudgmentOptions(),
    profiling: Sequence[tuple[float, bool]] = (),
    embedder: Embedder | None = None,
    vocabulary: Vocabulary | None = None,
    hook: Hook | None = None,
    side_evidence: SideEvidence | None = None,
) -> JudgmentResult:
    """Judge a whole session through the incremental path (turn by turn, then finalize).

    ``profiling`` lists (t, on) toggles: (30.0, False) pauses at t=30 s, (60.0, True) resumes.
    """
    state = JudgmentState(
        jobspec,
        options=options,
        embedder=embedder,
        vocabulary=vocabulary,
        hook=hook,
        side_evidence=side_evidence,
    )
    for t, on in profiling:
        state.set_profiling(on, t=t)
    result = JudgmentResult(jobspec=state.jobspec)
    for turn in sorted(turns, key=lambda t: (t.t_start, t.idx)):
        result.add(state.update([turn]))
    result.add(state.finalize())
    return result
