"""Incremental profile (Bayesian updates, pause/resume, weak signals), verdicts and summaries."""

from __future__ import annotations

import itertools

import pytest
from _lang_fixtures import STRONG, WEAK, backend_spec, embedder, turns  # noqa: F401

from labkit.errors import InputError
from labkit.judgment import (
    JudgmentState,
    Profile,
    VerdictOptions,
    judge_session,
    make_verdict,
)
from labkit.language.jd import parse_jd
from labkit.records import JobSpec, QAPair

SPEC = parse_jd("Requirements:\n- Python\n- Kafka\n")


def test_belief_update_narrows_and_moves():
    p = Profile(SPEC)
    sd0 = p.beliefs["technical_depth"].sd
    sds = []
    for x in (0.9, 0.8, 0.95):
        sds.append(p.observe("technical_depth", x).sd)
    assert sd0 > sds[0] > sds[1] > sds[2]
    assert p.beliefs["technical_depth"].mean > 0.75
    assert p.beliefs["jd:Python"].mean < 0.5  # unevidenced requirements start low
    with pytest.raises(InputError):
        p.observe("confidence", float("nan"))


def test_weak_signal_moves_less():
    strong, weak = Profile(SPEC), Profile(SPEC)
    strong.observe("confidence", 1.0)
    weak.observe_weak("confidence", 1.0, sd=0.05)  # asked too small: floored at weak_sd
    assert 0.5 < weak.beliefs["confidence"].mean < strong.beliefs["confidence"].mean
    assert weak.beliefs["confidence"].sd > strong.beliefs["confidence"].sd
    weak.observe_weak("stress", 0.8)  # new dimensions are created on first use
    assert weak.beliefs["stress"].n == 1


def test_pause_resume_counts():
    p = Profile(SPEC)
    p.pause(10.0)
    p.resume(20.0)
    assert p.active_at(5) and not p.active_at(15) and p.active_at(25)
    assert p.active_fraction(8, 12) == pytest.approx(0.5)

    def pair(a0, a1):
        return QAPair(0, 0, (1,), "q", "a", a0 - 2, a0 - 1, a0, a1)

    assert not p.counts(pair(11, 19))
    assert p.counts(pair(21, 30))
    assert p.counts(pair(1, 5))
    assert not p.counts(QAPair(0, 0, (), "q", "", 0, 1, None, None))


def test_verdict_interval_narrows_and_labels_sum_to_one():
    p = Profile(SPEC)
    widths = []
    for k in range(6):
        p.observe("technical_depth", 0.8)
        p.observe("communication", 0.7 if k % 2 else 0.3)
        p.observe("jd:Python", 0.9)
        v = make_verdict(p, SPEC, t=k, after_qa=k)
        widths.append(v.high - v.low)
        assert v.low <= v.hire_probability <= v.high
        assert v.low >= 0.0 and v.high <= 1.0
        assert sum(v.label_probs.values()) == pytest.approx(1.0, abs=1e-3)
    assert all(b <= a + 1e-12 for a, b in itertools.pairwise(widths))
    assert widths[-1] < widths[0]


def test_verdict_without_jd_uses_general_dimensions():
    p = Profile(None)
    p.observe("technical_depth", 0.9)
    v = make_verdict(p, JobSpec(title="", requirements=()), t=0, after_qa=0)
    assert 0 < v.hire_probability < 1


@pytest.mark.slow
def test_session_strong_vs_weak(backend_spec, embedder):  # noqa: F811
    strong = judge_session(backend_spec, turns(STRONG), embedder=embedder)
    weak = judge_session(backend_spec, turns(WEAK), embedder=embedder)
    ps, pw = strong.final_verdict.hire_probability, weak.final_verdict.hire_probability
    assert ps - pw >= 0.15
    # one verdict per answered question plus one final
    for res in (strong, weak):
        answered = [p for p in res.qa_pairs if p.a_start is not None]
        assert len(res.verdicts) == len(answered) + 1
        assert [v.is_final for v in res.verdicts].count(True) == 1 and res.verdicts[-1].is_final
        widths = [v.high - v.low for v in res.verdicts]
        assert all(b <= a + 1e-9 for a, b in itertools.pairwise(widths))
        pairs = {p.idx: p for p in res.qa_pairs}
        for s in res.answer_scores:
            assert pairs[s.qa_idx].a_start <= s.t_start <= s.t_end <= pairs[s.qa_idx].a_end
    flags = " | ".join(weak.final_verdict.risk_flags)
    assert "never evidenced: Kubernetes" in flags and "never evidenced: PostgreSQL" in flags
    assert not any("Kubernetes" in f or "PostgreSQL" in f for f in strong.final_verdict.risk_flags)
    # the summary is made of sentences that name their sources
    s = weak.summary
    assert s is not None and s.text == weak.final_verdict.summary
    assert all(sent.sources for sent in s.sentences)
    assert "Kubernetes" in s.text


@pytest.mark.slow
def test_incremental_equals_batch_and_is_deterministic(backend_spec, embedder):  # noqa: F811
    ts = turns(WEAK)
    batch = judge_session(backend_spec, ts, embedder=embedder)
    state = JudgmentState(backend_spec, embedder=embedder)
    got_pairs, got_verdicts, got_scores = [], [], []
    for chunk in (ts[:3], ts[3:7], ts[7:]):
        u = state.update(chunk)
        got_pairs += u.qa_pairs
        got_verdicts += u.verdicts
        got_scores += u.answer_scores
    fin = state.finalize()
    got_pairs += fin.qa_pairs
    got_verdicts += fin.verdicts
    got_scores += fin.answer_scores
    assert got_pairs == batch.qa_pairs
    assert got_scores == batch.answer_scores
    assert got_verdicts == batch.verdicts
    assert state.finalize().verdicts == ()  # finalize is idempotent


@pytest.mark.slow
def test_paused_answers_do_not_count(backend_spec, embedder):  # noqa: F811
    ts = turns(STRONG)
    full = judge_session(backend_spec, ts, embedder=embedder)
    k8s_pair = next(p for p in full.qa_pairs if "Kubernetes" in p.question)
    paused = judge_session(
        backend_spec,
        ts,
        embedder=embedder,
        profiling=[(k8s_pair.q_start, False), (k8s_pair.a_end + 0.1, True)],
    )
    assert {s.after_qa for s in paused.profile_snapshots} == {
        s.after_qa for s in full.profile_snapshots
    } - {k8s_pair.idx}
    # its verdict row still exists, and Kubernetes is now never evidenced
    assert len(paused.verdicts) == len(full.verdicts)
    assert any("Kubernetes" in f for f in paused.final_verdict.risk_flags)
    assert not any("Kubernetes" in f for f in full.final_verdict.risk_flags)


@pytest.mark.slow
def test_side_evidence_is_weak_and_reaches_summary(backend_spec, embedder):  # noqa: F811
    calls = []

    def side(t0, t1):
        calls.append((t0, t1))
        return {"stress": (0.9, 0.05), "confidence": (0.0, 0.3)}

    ts = turns(STRONG)
    base = judge_session(backend_spec, ts, embedder=embedder)
    res = judge_session(backend_spec, ts, embedder=embedder, side_evidence=side)
    answered = [p for p in res.qa_pairs if p.a_start is not None and p.kind != "small_talk"]
    assert len(calls) == len(answered)
    last = {s.dimension: s for s in res.profile_snapshots}
    # sd 0.05 was asked for, the weak floor (0.25) applied: prior + n obs of sd 0.25
    n = len(answered)
    assert last["stress"].n == n and last["stress"].sd >= 0.25 / (n + 1) ** 0.5 - 1e-3
    base_conf = {s.dimension: s for s in base.profile_snapshots}["confidence"].mean
    assert last["confidence"].mean < base_conf  # pulled down, but only weakly
    assert last["confidence"].mean > base_conf - 0.3
    assert "stress" in res.summary.text


def test_prepare_changes_nothing_and_leaves_little_to_embed(backend_spec):  # noqa: F811
    """Preparing a provisional answer warms the caches only: judging it afterwards gives the rows
    a cold state gives, and embeds no new text."""
    from labkit.language.nlp import Embedder, get_embedder

    real = get_embedder("cpu")
    encoded: list[str] = []

    def encode(texts):
        encoded.extend(texts)
        return real.embed(list(texts))

    ts = turns(WEAK)
    k = next(i for i, t in enumerate(ts) if t.speaker == "candidate") + 1  # Q then A
    cold = JudgmentState(backend_spec, embedder=real)
    want = cold.update(ts[:k], answer_closed=True)
    assert want.verdicts  # the answer was closed and judged

    warm = JudgmentState(backend_spec, embedder=Embedder(encode))
    pair = warm.prepare(ts[:k])
    assert pair is not None and pair.idx == want.qa_pairs[0].idx
    assert warm.qa_pairs == () and warm.history.claims == []  # nothing became final
    assert encoded  # the question, answer and spans were embedded ahead
    encoded.clear()
    got = warm.update(ts[:k], answer_closed=True)
    assert encoded == []
    assert got.qa_pairs == want.qa_pairs
    assert got.answer_scores == want.answer_scores
    assert got.verdicts == want.verdicts


def test_a_filler_rate_estimated_from_asr_text_says_so(backend_spec, embedder):  # noqa: F811
    from labkit.judgment.stage import ASR_JUDGMENT_OPTIONS

    typed = judge_session(backend_spec, turns(WEAK), embedder=embedder).summary.text
    asr = judge_session(
        backend_spec, turns(WEAK), embedder=embedder, options=ASR_JUDGMENT_OPTIONS
    ).summary.text
    assert "filler words often" in asr and "written)" in asr  # the estimate and its source
    assert "written)" not in typed


def test_admitted_gaps_past_the_first_discount_a_sure_yes():
    from labkit.judgment.verdict import FlagOptions, risk_flags
    from labkit.records import AnswerScore

    p = Profile(SPEC)
    for _ in range(4):
        p.observe("technical_depth", 0.85)
        p.observe("communication", 0.9)
        p.observe("jd:Python", 0.9)
        p.observe("jd:Kafka", 0.9)
    sure = make_verdict(p, SPEC, t=1, after_qa=3)
    gaps = make_verdict(p, SPEC, t=1, after_qa=3, flags=["admitted gaps in 3 answers: Q1, Q2, Q4"])
    opts = VerdictOptions()
    share = min(opts.max_gap_discount, 2 * opts.gap_discount)  # two gaps past the first
    expected = sure.hire_probability - share * (sure.hire_probability - opts.gap_floor)
    assert sure.hire_probability > 0.8
    assert gaps.hire_probability == pytest.approx(expected, abs=1e-3)
    assert gaps.label_probs["yes"] < sure.label_probs["yes"]
    assert sum(gaps.label_probs.values()) == pytest.approx(1.0, abs=1e-3)

    def depth(i: int, limited: bool) -> AnswerScore:
        feats = {"limited": 1.0} if limited else {}
        return AnswerScore(qa_idx=i, dimension="technical_depth", requirement=None, score=0.5,
                           evidence="x", t_start=0.0, t_end=1.0, features=feats)  # fmt: skip

    def flags(limited: list[bool]) -> list[str]:
        rows = [depth(i, x) for i, x in enumerate(limited)]
        return risk_flags(pairs=[], scores=rows, counted=set(range(len(rows))), profile=p,
                          jobspec=SPEC, final=False, options=FlagOptions())  # fmt: skip

    assert flags([True, False, True, True]) == ["admitted gaps in 3 answers: Q1, Q3, Q4"]
    assert flags([True, False, False]) == []  # one admitted gap is ordinary candour
    from labkit.judgment import write_summary

    rows = [depth(i, x) for i, x in enumerate([True, False, True])]
    summary = write_summary(profile=p, jobspec=SPEC, scores=rows, counted={0, 1, 2},
                            verdict=gaps, after_qa=2)  # fmt: skip
    [said] = [s for s in summary.sentences if "not (yet) theirs" in s.text]
    assert "(Q1, Q3)" in said.text and len(said.sources) == 2
    # gaps owned up to never make a "no" of a "maybe"
    q = Profile(SPEC)
    q.observe("technical_depth", 0.3)
    low = make_verdict(q, SPEC, t=1, after_qa=0)
    assert low.hire_probability < 0.5
    low_gaps = make_verdict(q, SPEC, t=1, after_qa=0, flags=["admitted gaps in 4 answers: Q1"])
    assert low_gaps.hire_probability == pytest.approx(low.hire_probability, abs=1e-4)


@pytest.mark.slow
def test_a_paused_answer_leaves_no_claims_behind(backend_spec, embedder):  # noqa: F811
    ts = turns(
        [
            ("interviewer", "Have you worked with Kubernetes in production?"),
            ("candidate", "Not really, no. Our platform team ran Kubernetes for us."),
            ("interviewer", "How do you find out what went wrong after a bad deploy?"),
            ("candidate", "The Kubernetes dashboard, mostly. And the logs, I read them."),
        ]
    )

    def k8s_rows(profiling=()):
        res = judge_session(backend_spec, ts, embedder=embedder, profiling=list(profiling))
        return [s for s in res.answer_scores if s.requirement == "Kubernetes" and s.qa_idx == 1]

    assert not k8s_rows()  # after the no, the bare name shows nothing ...
    first = ts[1]
    assert k8s_rows([(ts[0].t_start, False), (first.t_end + 0.05, True)])  # ... unless paused


@pytest.mark.slow
def test_terms_of_work_are_listed_not_scored(backend_spec, embedder):  # noqa: F811
    from dataclasses import replace

    from labkit.judgment import hire_score
    from labkit.language.jd import reweight
    from labkit.records import Requirement

    shifts = Requirement("Work weekend on-call shifts", "condition", 0.0, source="On-call")
    spec = replace(backend_spec, requirements=(*backend_spec.requirements, shifts))
    base = judge_session(backend_spec, turns(WEAK), embedder=embedder)
    res = judge_session(spec, turns(WEAK), embedder=embedder)
    assert not any(s.requirement == shifts.name for s in res.answer_scores)
    assert not any(shifts.name in f for f in res.final_verdict.risk_flags)
    assert shifts.name not in res.final_verdict.summary
    assert [v.hire_probability for v in res.verdicts] == [v.hire_probability for v in base.verdicts]
    # a weight a user gives it still leaves the hire score alone: nothing scores it
    heavy = reweight(spec, {shifts.name: 0.5})
    profile = Profile(heavy)
    assert hire_score(profile, heavy)[:2] == pytest.approx(hire_score(profile, backend_spec)[:2])


def test_praise_of_oneself_answer_after_answer_is_a_flag_and_never_a_plus():
    from labkit.judgment.verdict import FlagOptions, risk_flags
    from labkit.records import AnswerScore

    def over(i: int, score: float) -> AnswerScore:
        return AnswerScore(qa_idx=i, dimension="overclaim", requirement=None, score=score,
                           evidence="I'm a really fast learner", t_start=0.0, t_end=1.0,
                           features={"self_praise": 1.0})  # fmt: skip

    p = Profile(SPEC)

    def flags(rows: list[AnswerScore]) -> list[str]:
        return risk_flags(pairs=[], scores=rows, counted={r.qa_idx for r in rows}, profile=p,
                          jobspec=SPEC, final=False, options=FlagOptions())  # fmt: skip

    assert flags([over(0, 0.3)]) == []  # once, in an answer with substance: no flag
    [flag] = flags([over(0, 0.3), over(2, 0.25)])
    assert flag.startswith("overclaiming: Q1") and "Q3" in flag
    from labkit.judgment import write_summary

    verdict = make_verdict(p, SPEC, t=1, after_qa=2, flags=[flag])
    summary = write_summary(profile=p, jobspec=SPEC, scores=[over(0, 0.3), over(2, 0.25)],
                            counted={0, 2}, verdict=verdict, after_qa=2)  # fmt: skip
    [said] = [x for x in summary.sentences if "overclaimed" in x.text]
    assert "(Q1)" in said.text and "(Q3)" in said.text and len(said.sources) == 2
    # a mild case is no evidence of consistency: the belief never rises above the prior
    pair = QAPair(idx=0, question_turn=0, answer_turns=(1,), question="Have you used Kafka?",
                  answer="I'm a really fast learner", q_start=0.0, q_end=1.0, a_start=1.0,
                  a_end=2.0)  # fmt: skip
    p.observe_answer(pair, [over(0, 0.1)])
    assert p.beliefs["consistency"].mean <= 0.5


def test_a_short_reply_says_less_of_depth_than_a_long_one():
    from labkit.records import AnswerScore

    def depth_after(words: int) -> float:
        p = Profile(SPEC)
        pair = QAPair(
            idx=0, question_turn=0, answer_turns=(1,), question="Has that happened?",
            answer="Yeah.", q_start=0.0, q_end=1.0, a_start=1.0, a_end=4.0,
        )  # fmt: skip
        row = AnswerScore(
            qa_idx=0, dimension="technical_depth", score=0.1, evidence="Yeah.", t_start=1.0,
            t_end=4.0, features={"words": float(words)},
        )  # fmt: skip
        p.observe_answer(pair, [row])
        return p.beliefs["technical_depth"].mean

    # both pull the belief down from its prior, the 10-word reply less than the 80-word one
    assert depth_after(80) < depth_after(10) < 0.5
    assert depth_after(80) == pytest.approx(depth_after(40))
