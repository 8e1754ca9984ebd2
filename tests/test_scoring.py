"""Answer scores: evidence spans and times, JD evidence (aliases, misheard names, negation),
depth, clarity, confidence, consistency and evasion."""

from __future__ import annotations

import datetime

import pytest
from _lang_fixtures import STRONG, WEAK, backend_spec, embedder, turns  # noqa: F401

from labkit.language.jd import parse_jd
from labkit.language.pairing import pair_questions
from labkit.language.quantities import said_code
from labkit.language.scoring import AnswerHistory, ScoringOptions, answer_text, score_answer
from labkit.records import QAPair, Turn

pytestmark = pytest.mark.slow


def _score_all(lines, spec, emb):
    ts = turns(lines)
    pairs, _, _ = pair_questions(ts, embedder=emb)
    hist = AnswerHistory()
    by_idx = {t.idx: t for t in ts}
    out = {}
    for p in pairs:
        if p.a_start is None or p.kind == "small_talk":
            continue
        rows = score_answer(
            p, [by_idx[i] for i in p.answer_turns], jobspec=spec, embedder=emb, history=hist
        )
        out[p.idx] = (p, rows)
    return out


def _dim(rows, dim, req=None):
    return [r for r in rows if r.dimension == dim and (req is None or r.requirement == req)]


def test_evidence_times_inside_answers(backend_spec, embedder):  # noqa: F811
    for lines in (STRONG, WEAK):
        for p, rows in _score_all(lines, backend_spec, embedder).values():
            assert rows
            for r in rows:
                assert 0.0 <= r.score <= 1.0
                assert r.evidence.strip()
                assert p.a_start - 1e-6 <= r.t_start <= r.t_end <= p.a_end + 1e-6, r
                # the evidence is a quote of the answer
                assert r.evidence in p.answer


def test_strong_beats_weak_per_dimension(backend_spec, embedder):  # noqa: F811
    strong = _score_all(STRONG, backend_spec, embedder)
    weak = _score_all(WEAK, backend_spec, embedder)

    def mean(scored, dim):
        vals = [r.score for _, rows in scored.values() for r in _dim(rows, dim)]
        return sum(vals) / len(vals)

    for dim in ("technical_depth", "clarity", "confidence"):
        assert mean(strong, dim) > mean(weak, dim) + 0.15, dim
    assert mean(weak, "evasion") > mean(strong, "evasion")


def test_requirement_evidence_alias_and_negation(backend_spec, embedder):  # noqa: F811
    strong = _score_all(STRONG, backend_spec, embedder)
    rows = [r for _, rs in strong.values() for r in _dim(rs, "requirement")]
    pg = [r for r in rows if r.requirement == "PostgreSQL"]
    assert pg and max(r.score for r in pg) >= 0.5
    best = max(pg, key=lambda r: r.score)
    assert "sequential scan" in best.evidence or "index" in best.evidence
    k8s = [r for r in rows if r.requirement == "Kubernetes"]
    assert k8s and "Kubernetes" in k8s[0].evidence and k8s[0].score >= 0.75
    weak = _score_all(WEAK, backend_spec, embedder)
    wk = [r for _, rs in weak.values() for r in _dim(rs, "requirement", "Kubernetes")]
    assert wk and wk[0].score < 0.3 and wk[0].features.get("negated") == 1
    assert "never used Kubernetes" in wk[0].evidence


def test_misheard_skill_names_still_match(backend_spec, embedder):  # noqa: F811
    lines = [
        ("interviewer", "Which platforms have you deployed on?"),
        ("candidate", "I deployed our services on cooper netties and tuned post gress indexes."),
    ]
    ((_p, rows),) = _score_all(lines, backend_spec, embedder).values()
    reqs = {r.requirement: r for r in _dim(rows, "requirement")}
    assert "Kubernetes" in reqs and reqs["Kubernetes"].features.get("phonetic") == 1
    assert "cooper netties" in reqs["Kubernetes"].evidence
    assert "PostgreSQL" in reqs


def test_inconsistent_years_are_caught(backend_spec, embedder):  # noqa: F811
    weak = _score_all(WEAK, backend_spec, embedder)
    cons = [r for _, rs in weak.values() for r in _dim(rs, "consistency")]
    assert cons and min(r.score for r in cons) < 0.4
    bad = min(cons, key=lambda r: r.score)
    assert bad.features.get("earlier_years") == 5 and "two years" in bad.evidence


def test_more_career_years_than_since_the_degree_are_caught(backend_spec, embedder):  # noqa: F811
    start = datetime.date.today().year - 5  # five years since, whenever the test runs
    for claimed, caught in (("twelve", True), ("five", False)):
        said = f"So I've got about {claimed} years in the industry, with every major agency."
        lines = [
            ("interviewer", "Could you start by telling us about your experience?"),
            ("candidate", said),
            ("interviewer", "And your education?"),
            (
                "candidate",
                f"I did geography at Brock, graduated {start}, then went straight into transit.",
            ),
        ]
        cons = [r for _, rs in _score_all(lines, backend_spec, embedder).values()
                for r in _dim(rs, "consistency")]  # fmt: skip
        bad = [r for r in cons if r.features.get("beyond_start")]
        assert bool(bad) == caught, cons
        if caught:
            assert bad[0].score < 0.4 and f"graduated {start}" in bad[0].evidence


def test_a_year_said_aloud():
    from labkit.language.scoring import _career_starts

    said = "graduated twenty seventeen, then went straight into transit"
    assert _career_starts(said, 2026) == [(0, len(said) - len(" transit"), 9.0)]
    assert _career_starts("I started my career in two thousand and nine", 2026)[0][2] == 17.0
    assert not _career_starts("graduated 2019. I then worked at a bank", 2026)


def test_clarity_features(embedder, backend_spec):  # noqa: F811
    weak = _score_all(WEAK, backend_spec, embedder)
    clar = _dim(weak[1][1], "clarity")[0]
    assert clar.features["fillers_per_min"] > 10
    assert clar.features["restarts_per_100w"] > 0
    assert "Um" in clar.evidence or "uh" in clar.evidence


def test_turn_without_words_gets_spread_times(embedder, backend_spec):  # noqa: F811
    q = QAPair(0, 0, (1,), "Tell me about Python", "x", 0.0, 2.0, 10.0, 20.0)
    a = Turn(1, "candidate", 10.0, 20.0, "I built three services in Python. They serve ten teams.")
    at = answer_text([a])
    assert len(at.words) == 10 and at.words[0].t_start == 10.0
    assert abs(at.words[-1].t_end - 20.0) < 1e-6
    rows = score_answer(q, [a], jobspec=backend_spec, embedder=embedder)
    assert all(10.0 <= r.t_start <= r.t_end <= 20.0 for r in rows)


def _one(question, answer, spec, emb, options=None):
    q, a = turns([("interviewer", question), ("candidate", answer)])
    pair = QAPair(
        idx=0, question_turn=0, answer_turns=(1,), question=question, answer=answer,
        q_start=q.t_start, q_end=q.t_end, a_start=a.t_start, a_end=a.t_end,
    )  # fmt: skip
    return score_answer(pair, [a], jobspec=spec, embedder=emb, options=options or ScoringOptions())


def _claimed(rows):
    """The requirement rows scored from years the candidate claimed."""
    return [r for r in _dim(rows, "requirement") if r.features.get("claimed_years")]


def _years_claimed(question, answer, spec, emb, options=None):
    """{requirement: years claimed} of one answer."""
    rows = _one(question, answer, spec, emb, options)
    return {r.requirement: r.features["claimed_years"] for r in _claimed(rows)}


def test_yes_to_a_yes_no_question_is_complete_and_self_reported(backend_spec, embedder):  # noqa: F811
    rows = _one("Have you run services on Kubernetes?", "Yes.", backend_spec, embedder)
    dims = {r.dimension for r in rows}
    # a one-word reply shows nothing of clarity, confidence or depth, and is not evasive
    assert not dims & {"clarity", "confidence", "technical_depth", "evasion"}, dims
    [k8s] = _dim(rows, "requirement", "Kubernetes")
    assert 0.5 <= k8s.score < 0.75 and k8s.features.get("self_reported")
    [no] = _dim(
        _one("Have you run services on Kubernetes?", "No, not really.", backend_spec, embedder),
        "requirement",
        "Kubernetes",
    )
    assert no.score < 0.2 and no.features.get("negated")


def test_depth_is_read_from_technical_questions_only(backend_spec, embedder):  # noqa: F811
    behavioural = _one(
        "How do you explain a delay to non-technical managers?",
        "I tell them early, say what it means for their plans and what we do about it.",
        backend_spec,
        embedder,
    )
    assert not _dim(behavioural, "technical_depth")
    technical = _one(
        "How do you tune a slow Postgres query?",
        "I tell them early, say what it means for their plans and what we do about it.",
        backend_spec,
        embedder,
    )
    assert _dim(technical, "technical_depth")


def test_hedged_denied_and_implied_mentions(backend_spec, embedder):  # noqa: F811
    plain = _dim(
        _one("What do you use for data?", "I tuned PostgreSQL indexes for our reports.",
             backend_spec, embedder), "requirement", "PostgreSQL")[0].score  # fmt: skip
    hedged = _dim(
        _one("What do you use for data?", "Maybe PostgreSQL, I think, for some reports.",
             backend_spec, embedder), "requirement", "PostgreSQL")[0].score  # fmt: skip
    denied = _dim(
        _one("What do you use for data?", "The team had PostgreSQL, but I didn't really use it.",
             backend_spec, embedder), "requirement", "PostgreSQL")[0]  # fmt: skip
    assert plain >= 0.75 and hedged < 0.5 and denied.score < 0.2
    # Django is Python: said indirectly, weaker than naming it
    [py] = _dim(
        _one("What did you build?", "I built the billing service in Django with a job queue.",
             backend_spec, embedder), "requirement", "Python")  # fmt: skip
    assert 0.5 <= py.score < 0.75 and py.features.get("implied")


def test_negation_near_a_mention_is_not_always_a_denial(backend_spec, embedder):  # noqa: F811
    q = "How do you deploy?"
    kept = _dim(
        _one(q, "We moved everything to Kubernetes, so we didn't have to do it by hand anymore.",
             backend_spec, embedder), "requirement", "Kubernetes")[0]  # fmt: skip
    assert not kept.features.get("negated") and kept.score >= 0.5
    [no] = _dim(
        _one("Have you run services on Kubernetes?", "I'm not familiar with it, honestly.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert no.score < 0.2 and no.features.get("negated")


def test_a_negator_denies_what_it_governs_not_the_setting_or_a_contrast(
    backend_spec,  # noqa: F811
    embedder,  # noqa: F811
) -> None:
    def req(answer: str, name: str):
        return _dim(_one("What runs your services?", answer, backend_spec, embedder),
                    "requirement", name)[0]  # fmt: skip

    # ASR heard "It's ASP.NET Core on ..." as "It has not net core on ...": what "not" governs
    # is denied, the thing named after a preposition is where it ran
    setting = req("It has not Kafka on Kubernetes clusters, written by my team.", "Kubernetes")
    assert not setting.features.get("negated") and setting.score >= 0.5
    assert req("We never ran Kafka on Kubernetes, it was all VMs.", "Apache Kafka").features.get(
        "negated"
    )
    contrast = req("Not MySQL on that project, just PostgreSQL, which I tuned.", "PostgreSQL")
    assert not contrast.features.get("negated") and contrast.score >= 0.5
    # a negator still reaches a name right after it, or one it is the verb of
    assert req("I haven't deployed anything on Kubernetes myself.", "Kubernetes").score < 0.2
    # a new clause ends its reach: ASR heard "thought in terms of ChangeNotifier, so Riverpod's
    # Notifier" as "in terms of change no desire so riverpod no desire"
    heard = req("The team thought in terms of change no desire so Kubernetes was a small jump "
                "and we ran every service on it.", "Kubernetes")  # fmt: skip
    assert not heard.features.get("negated") and heard.score >= 0.5
    # unless it is the negator's own: "not so much"
    assert req("Not so much Kubernetes, honestly, I only read about it.", "Kubernetes").score < 0.3


def test_a_dotted_name_needs_no_context() -> None:
    from labkit.language.vocabulary import load_vocabulary

    v = load_vocabulary()

    def names(text: str) -> list[str]:
        return [m.entry.name for m in v.find_mentions(text, speech=True)]

    # ".NET" is case-sensitive ("net" is a word); written with its dot it is unambiguous
    assert ".NET" in names("The API runs on .NET 7 in production.")
    assert ".NET" in names("it runs on .net 7")
    assert ".NET" not in names("the net result was good")
    assert ".NET" not in names("we hit the end.NET again")


def test_go_said_as_a_verb_is_no_language() -> None:
    from labkit.language.vocabulary import load_vocabulary

    v = load_vocabulary()

    def names(text: str) -> list[str]:
        return [m.entry.name for m in v.find_mentions(text, speech=True)]

    # a fitter's "I'd finish the swing I'm on and go" is not a claim of Go, nor is "I don't go
    # in the drive cabinet" a denial of it
    assert "Go" not in names("Two weeks. I'd finish the swing I'm on and go.")
    assert "Go" not in names("I don't go in the drive cabinet.")
    assert "Go" in names("mostly python and go these days")
    assert "Go" in names("the services are written in go")
    assert "C" not in names("Manual C class, and HR.")
    assert "C" in names("we had c and python")


def test_a_model_said_in_the_plural_or_with_its_series_letter_is_that_model() -> None:
    from labkit.language.vocabulary import SkillEntry, load_vocabulary

    trucks = SkillEntry(name="Large Haul Trucks", category="skill", aliases=("930E", "793"))
    said = "Haul trucks mostly, 793Fs, some 797s. Eighteen months on 930Es."
    hits = load_vocabulary().find_mentions(said, speech=True, targets=[trucks])
    assert [m.surface for m in hits] == ["793Fs", "930Es"]  # not the 797s, no model it lists


def test_spelled_out_acronyms_match_but_the_pronoun_does_not() -> None:
    from labkit.language.vocabulary import load_vocabulary

    v = load_vocabulary()

    def names(text: str) -> list[str]:
        return [m.entry.name for m in v.find_mentions(text, speech=True)]

    # ASR spells acronyms letter by letter; "ARM" is case-sensitive, spelling makes it one
    assert names("we ported it to a r m and read i 2 c sensors") == [
        "ARM Architecture",
        "I2C",
    ]
    assert names("I used a w s and s q l daily") == ["Amazon Web Services", "SQL"]
    assert names("I a m sure") == []  # the pronoun, not IAM
    assert names("plan a b c") == []  # letters that spell no term


def test_knowing_of_a_skill_is_not_having_it(backend_spec, embedder):  # noqa: F811
    q = "Have you run services on Kubernetes?"
    for answer in (
        "I've heard of it. It's like Docker but bigger, right? We just use plain servers.",
        "Um, not really myself. Someone else set that up.",
        "Not in production, no. Well, kind of, a colleague showed me once.",
    ):
        [k8s] = _dim(_one(q, answer, backend_spec, embedder), "requirement", "Kubernetes")
        assert k8s.score < 0.2 and k8s.features.get("negated"), answer
    [seen] = _dim(
        _one("What about deployment?", "I watched a video about Kubernetes once.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert seen.score <= 0.2 and seen.features.get("aspiration")
    [unset] = _dim(
        _one("How do you deploy?", "I know Kubernetes is a thing, but I haven't set it up.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert unset.score < 0.2


def test_a_concrete_reply_to_a_question_naming_the_tool_evidences_it(embedder):  # noqa: F811
    spec = parse_jd("Scrum Master\n\nRequirements:\n- Jira for sprint management\n- Facilitation\n")
    rows = _one(
        "How do you use Jira with them?",
        "I set up the board and the workflow myself. We have a definition of ready as a "
        "checklist on each story, and last year I cleaned up the backlog, we closed about three "
        "hundred stale tickets.",
        spec,
        embedder,
    )
    # the answer never says "Jira" and its embedding drifts from the question's ...
    assert _dim(rows, "relevance")[0].score < 0.3
    # ... but the question named it and the reply is concrete: evidence, if not the strongest
    [jira] = _dim(rows, "requirement", "Jira")
    assert 0.35 <= jira.score < 0.75 and jira.features.get("asked")


def test_depth_counts_used_tools_and_own_figures(backend_spec, embedder):  # noqa: F811
    q = "How would you process, say, a thousand jobs in parallel with Kafka and Redis?"

    def depth(answer: str) -> float:
        return _dim(_one(q, answer, backend_spec, embedder), "technical_depth")[0].score

    # named, but by their own account never used: no depth (the tool names alone gave some)
    denied = depth("I haven't used Kafka, and I've only read about Redis, so I'd look it up.")
    used = depth("I have used Kafka, and I've run Redis too, so I'd set those two up.")
    assert denied < used / 2
    # the question's figure echoed back, and "a hundred percent sure", are not figures
    echoed = depth("A thousand jobs is a lot, I'm not a hundred percent sure how I'd do it.")
    own = depth("Forty workers is a lot, I kept the queue under 300 ms, as I'd do it again.")
    assert echoed < own / 2


def test_liking_a_tool_is_not_evidence_of_it(backend_spec, embedder):  # noqa: F811
    [liked] = _dim(
        _one("Why this role?", "I just feel I've hit a ceiling. And I like Kubernetes.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    [used] = _dim(
        _one("Why this role?", "I just feel I've hit a ceiling. And I run Kubernetes daily.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert liked.score < 0.5 <= used.score and liked.features.get("liked")
    # ASR drops the "about" of "passionate about"
    [keen] = _dim(
        _one("Why this role?", "I'm really passionate Kubernetes and automation in general.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert keen.features.get("liked") and keen.score < 0.5


def test_misheard_names_match_word_for_word() -> None:
    from labkit.language.vocabulary import SkillEntry, load_vocabulary

    v = load_vocabulary()
    # a phrase that starts or ends with a function word, or has fewer words than the name
    sap = [e for e in v.entries if e.name == "SAP"]
    text = "the consultant turned that into a spec, I think"
    assert not v.find_mentions(text, speech=True, targets=sap, fuzzy=True)
    # a short word of a name is heard exactly or not at all ("sap mac" sounds near "SAP CO")
    co = [SkillEntry(name="SAP CO", category="skill", aliases=())]
    assert not v.find_mentions("tell me about your sap mac run", speech=True, targets=co,
                               fuzzy=True)  # fmt: skip
    # a name heard as more words than it has has no function word among them: "I manage
    # any at work" sounds near "network", but no ASR splits a name around "at"
    net = [SkillEntry(name="Network", category="skill", aliases=("Nmap",))]
    assert not v.find_mentions("I manage any at work, like resetting passwords", speech=True,
                               targets=net, fuzzy=True)  # fmt: skip
    # nor is a short name heard as pieces of it: "car so" sounds near "CROSS"
    cross = [SkillEntry(name="Trade Compliance", category="skill", aliases=("CROSS",))]
    assert not v.find_mentions("I stepped out to my car so it's quiet", speech=True,
                               targets=cross, fuzzy=True)  # fmt: skip
    # a real mishearing of a multi-word name still matches
    k8s = [e for e in v.entries if e.name == "Kubernetes"]
    assert v.find_mentions("we deploy on cooper netes clusters", speech=True, targets=k8s,
                           fuzzy=True)  # fmt: skip


def test_owning_up_to_limits_weakens_what_the_answer_names(backend_spec, embedder):  # noqa: F811
    q = "How do you use PostgreSQL?"
    full = "We use PostgreSQL for the billing service and I added two indexes to the reports."
    [plain] = _dim(_one(q, full, backend_spec, embedder), "requirement", "PostgreSQL")
    [limited] = _dim(
        _one(q, full + " To be honest our DBA usually looks at the query plans, I'm not super "
             "deep on the tuning side.", backend_spec, embedder), "requirement", "PostgreSQL",
    )  # fmt: skip
    assert limited.score < plain.score and limited.features.get("limited")
    assert not plain.features.get("limited")


def test_years_said_with_a_half_and_named_in_the_next_sentence(embedder):  # noqa: F811
    spec = parse_jd("Rust Engineer\n\nMust have\n* 3+ years writing production Rust\n")
    rows = _one(
        "Tell me about what you're working on.",
        "For the last two and a half years I've owned our event ingestion service. It's "
        "written in Rust, about forty thousand lines.",
        spec,
        embedder,
    )
    [years] = _claimed(rows)
    assert years.features["claimed_years"] == 2.5 and years.score == pytest.approx(
        2.5 / 3, abs=1e-3
    )


def test_years_named_in_the_next_sentence_after_another_skill(embedder):  # noqa: F811
    spec = parse_jd("Compiler Engineer\n\nMust have\n* 3+ years of hands-on work in LLVM\n"
                    "* Digital signal processing\n")  # fmt: skip
    rows = _one(
        "Tell me about your background.",
        "For the last four years I've been at Corvane, on the compiler team for their DSP "
        "cores. It's an LLVM-based toolchain, a downstream fork.",
        spec,
        embedder,
    )
    [years] = _claimed(rows)
    assert years.features["claimed_years"] == 4 and years.score == 1.0


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Data Scientist", "data scientist"),
        ("Senior Compiler Engineer", "compiler engineer"),
        ("Civil Engineer II – Municipal Infrastructure", "civil engineer"),
        ("Acme Inc. - Now Hiring: Journeyman Electrician (Commercial)", "journeyman electrician"),
        (".NET Developer – Claims Platform", ".net developer"),
        ("About Ledgerlight", ""),
        ("Engineer, Platform", ""),  # years as an engineer say nothing of a field
        ("Paralegal", "paralegal"),
    ],
)
def test_the_role_a_title_hires_for(title, role):
    from labkit.language.scoring import job_role

    assert job_role(title) == role


def test_years_in_the_role_the_jd_hires_for_count(embedder):  # noqa: F811
    spec = parse_jd("Data Scientist\n\nWhat you'll need:\n- 3+ years of experience in machine "
                    "learning\n- Strong Python and SQL\n")  # fmt: skip
    answer = ("I have a master's in statistics and I've worked for three years as a {} at an "
              "online retailer.")  # fmt: skip
    rows = _one("Tell me about your background.", answer.format("data scientist"), spec, embedder)
    [years] = _claimed(rows)
    assert years.features["claimed_years"] == 3 and years.score == 1.0
    other = _one("Tell me about your background.", answer.format("store manager"), spec, embedder)
    assert not _claimed(other)


def test_an_abbreviation_ends_no_sentence():
    [t] = turns([("candidate", "I'm at St. Brendan's with Dr. Okafor. We run six studies.")])
    at = answer_text([t])
    assert len(at.segments) == 2


def test_years_in_the_role_said_by_its_initials_count(embedder):  # noqa: F811
    spec = parse_jd("Clinical Research Coordinator II – Oncology\n\nRequired:\n- Two years' "
                    "experience coordinating clinical trials\n")  # fmt: skip
    rows = _one(
        "Tell me about your current role.",
        "I'm a CRC II at St. Brendan's Cancer Center, I've been there three years.",
        spec,
        embedder,
    )
    [years] = _claimed(rows)
    assert years.features["claimed_years"] == 3 and years.score == 1.0
    # ASR ended the sentence at the workplace: "there" is the place the sentence before named
    rows = _one(
        "Tell me about your current role.",
        "Sure, I'm a CRC Roman 2 at St. Brendan's Cancer Center. I've been there three years.",
        spec,
        embedder,
    )
    assert _claimed(rows)
    # without "there" the years are of whatever else
    rows = _one(
        "Tell me about your current role.",
        "I'm a CRC at St. Brendan's Cancer Center. I played chess for three years.",
        spec,
        embedder,
    )
    assert not _claimed(rows)


def test_a_limit_about_it_limits_the_skill_the_sentence_before_named(backend_spec, embedder):  # noqa: F811
    q = "What about Kubernetes and PostgreSQL? What have you used?"
    a = (
        "Kubernetes I used in a course, a small cluster with two services. I haven't used it "
        "at work. PostgreSQL I tune every week, and the backups were set up by the platform "
        "team."
    )
    rows = _one(q, a, backend_spec, embedder)
    [k8s] = _dim(rows, "requirement", "Kubernetes")
    [pg] = _dim(rows, "requirement", "PostgreSQL")
    assert k8s.features.get("limited") and pg.features.get("limited")


def test_a_limit_in_an_answer_that_never_names_the_asked_tool(embedder):  # noqa: F811
    spec = parse_jd(
        "Civil Engineer\n\nRequirements:\n- Experience with HEC-RAS\n- Experience with EPA SWMM\n"
    )
    q = "What about HEC-RAS or SWMM? What have you used?"
    # ASR lost "SWMM": the answer names only HEC-RAS, and its limit is in that sentence
    a = (
        "HEC-RAS I used in school, a basic reach with a bridge, I haven't used it at work, as "
        "normal UMF I opened models a colleague built, but I didn't build them."
    )
    [swmm] = _dim(_one(q, a, spec, embedder), "requirement", "EPA SWMM")
    assert swmm.features.get("asked") and swmm.features.get("limited")
    # where either will do, the answer names the one requirement, and its limit holds
    either = parse_jd("Civil Engineer\n\nRequirements:\n- Experience with HEC-RAS or EPA SWMM\n")
    [one] = _dim(_one(q, a, either, embedder), "requirement", "HEC-RAS or EPA SWMM")
    assert one.features.get("mentioned") and one.features.get("limited") and one.score < 0.5


def test_a_limit_that_names_a_skill_limits_that_skill_only(backend_spec, embedder):  # noqa: F811
    rows = _one(
        "Tell me about your last project.",
        "I wrote the billing service in Python myself and tuned its PostgreSQL queries. The "
        "Kubernetes cluster was set up by the platform team.",
        backend_spec,
        embedder,
    )
    [py] = _dim(rows, "requirement", "Python")
    [k8s] = _dim(rows, "requirement", "Kubernetes")
    assert k8s.features.get("limited") and not py.features.get("limited")


def test_a_shallow_answer_to_a_question_about_a_tool_shows_less(backend_spec, embedder):  # noqa: F811
    q = "And Kubernetes, do you write your own manifests?"
    deep = (
        "Yes, I wrote the Kubernetes manifests for our four Python services myself and moved "
        "them to Helm, which cut our deploy time from 20 minutes to 4, because rollbacks broke."
    )
    shallow = "Yeah, Kubernetes, we use it for the services."
    [d] = _dim(_one(q, deep, backend_spec, embedder), "requirement", "Kubernetes")
    [s] = _dim(_one(q, shallow, backend_spec, embedder), "requirement", "Kubernetes")
    assert s.score < d.score and "answer_depth" in s.features


def test_a_limit_weakens_an_answer_that_does_not_name_the_asked_tool(backend_spec, embedder):  # noqa: F811
    q = "And Kubernetes, do you write your own manifests?"
    a = "Yeah, kind of. We have a template and I change the image tag or the ports."
    [plain] = _dim(_one(q, a, backend_spec, embedder), "requirement", "Kubernetes")
    [limited] = _dim(
        _one(q, a + " I haven't really done much beyond that, to be honest.", backend_spec,
             embedder), "requirement", "Kubernetes",
    )  # fmt: skip
    assert plain.features.get("asked") and limited.features.get("limited")
    assert limited.score < plain.score


def test_honest_answer_opening_owns_up_to_a_limit(backend_spec, embedder):  # noqa: F811
    q = "What have you run on Kubernetes, and how?"
    rows = _one(q, "Um, so, honest answer, less than I'd like. I ran one Kubernetes cluster "
                "for a proof of concept with three services.", backend_spec, embedder)  # fmt: skip
    [depth] = _dim(rows, "technical_depth")
    assert depth.features.get("limited")


def test_not_delaying_a_skill_does_not_deny_it(backend_spec, embedder):  # noqa: F811
    q = "Do you wait for the database review before deploying?"
    a = "No. Our policy is you don't delay an urgent PostgreSQL migration for a review."
    [pg] = _dim(_one(q, a, backend_spec, embedder), "requirement", "PostgreSQL")
    assert not pg.features.get("negated") and pg.score >= 0.5


def test_someone_elses_no_does_not_deny_the_skill(backend_spec, embedder):  # noqa: F811
    q = "How do you use PostgreSQL?"
    a = "The client didn't want PostgreSQL at first, so I benchmarked it against their Oracle setup."
    [pg] = _dim(_one(q, a, backend_spec, embedder), "requirement", "PostgreSQL")
    assert not pg.features.get("negated") and pg.score > 0.3


def test_owning_up_in_other_words_weakens_the_evidence(backend_spec, embedder):  # noqa: F811
    q = "How much Python have you written?"
    full = "I use Python for the deploy scripts at work, mostly small ones."
    [plain] = _dim(_one(q, full, backend_spec, embedder), "requirement", "Python")
    for limit in (
        "Not a lot, to be honest.",
        "Someone else configured all that.",
        "I haven't set up the packaging myself.",
        "I've read about asyncio but haven't used it.",
        "Not a ton. I wouldn't call what I write production-grade.",
        "For packaging I'd be looking that up. That would be a ramp for me.",
        "At my last job the data engineers owned the packaging.",
        "I didn't, you know, personally write the packaging.",
        "Honestly, packaging is where I'm thinnest. That's a real gap.",
        "Not great, to be honest. I've never used a packaging tool.",
        "For packaging I'd have to study up. I'd need somebody to show me the ropes.",
    ):
        [lim] = _dim(_one(q, f"{full} {limit}", backend_spec, embedder), "requirement", "Python")
        assert lim.features.get("limited") and lim.score < plain.score, limit


def test_an_answer_that_owns_up_to_limits_shows_less_depth(backend_spec, embedder):  # noqa: F811
    q = "How do you handle offline sync in the app?"
    a = ("We cache the transactions in PostgreSQL and Redis, so the list shows up in 200 ms "
         "because the API is slow.")  # fmt: skip
    # the same length and words, once as a plain fact and once as someone else's work
    [plain] = _dim(
        _one(q, a + " And the sync logic, that's mostly done in the backend too.", backend_spec,
             embedder), "technical_depth",
    )  # fmt: skip
    [lim] = _dim(
        _one(q, a + " But the sync logic, that's mostly done by the backend team.", backend_spec,
             embedder), "technical_depth",
    )  # fmt: skip
    assert lim.features.get("limited") and lim.score < plain.score


def test_a_skill_named_in_passing_in_a_long_monologue_is_not_asked(backend_spec, embedder):  # noqa: F811
    intro = (
        "So a bit about us first. We are a team of six and we run the billing platform, which "
        "is mostly a set of services on top of a big PostgreSQL cluster that we migrate, tune "
        "and back up ourselves, and we are hiring because the load doubled this year. Anyway. "
        "Can you tell me a bit about yourself?"
    )
    a = "Sure, I studied economics and moved into software five years ago, I like small teams."
    rows = _dim(_one(intro, a, backend_spec, embedder), "requirement", "PostgreSQL")
    assert rows == [] or not rows[0].features.get("asked")
    short = _dim(_one("Do you know PostgreSQL well?", a, backend_spec, embedder), "requirement",
                 "PostgreSQL")  # fmt: skip
    assert short and short[0].features.get("asked")


def test_a_question_in_other_words_than_the_requirement_asks_about_it(embedder):  # noqa: F811
    spec = parse_jd(
        "Electrician\n\nRequirements:\n- Knowledge of lockout/tagout procedures\n"
        "- Employee relations: conducting investigations and documenting findings\n"
        "- Experience with anticoagulation management and antimicrobial stewardship\n"
    )
    lockout = (
        "Identify the source first and check the panel schedule, because sometimes there is a "
        "second source. I notify whoever is affected, open the breaker, put my own lock and "
        "tag on it and then test with a meter I verified on a known live circuit."
    )
    # "lock out" is the requirement's own word; the answer is concrete: evidence
    rows = _one("Talk me through how you lock out a panel.", lockout, spec, embedder)
    [loto] = _dim(rows, "requirement", "Lockout/Tagout Procedures")
    assert loto.score >= 0.5 and loto.features.get("asked")
    # the explanation after a requirement's colon says what it covers
    rows = _one(
        "Walk me through how you'd run an investigation.",
        "First an intake interview with dates and witnesses, then I interview the lead and the "
        "witnesses with the same core questions and document every answer in our case tool.",
        spec,
        embedder,
    )
    assert _dim(rows, "requirement", "Employee Relations")
    # another requirement's words on the same line do not make a question about this one
    rows = _one(
        "Tell me about an antimicrobial stewardship intervention you made.",
        "I switched a patient from meropenem to ceftriaxone after the culture came back.",
        spec,
        embedder,
    )
    assert not _dim(rows, "requirement", "Anticoagulation Management")


@pytest.mark.parametrize(
    "owned",
    [
        "Honestly, that's probably my biggest gap.",
        "So I'm, I'm definitely rusty on the hands-on part.",
        "Um, honestly, that's not our strongest area.",
        "Yeah, honestly, that's the part I'm least happy with.",
        "I wouldn't claim to know it well.",
        "The first time, I'd be leaning on somebody from the online side.",
        "Honestly, limited.",
        "Less than I'd like, honestly.",
        "At my current job we don't use MLIR at all.",
        "But I haven't done the full routing and iterated on it myself, no.",
        "I helped with the features, like, I wrote the feature queries.",
        "But the training and the feature selection, that was her.",
        "SWMM, I've opened models to pull out results, but I didn't build them.",
        "To be honest I didn't really own cost at Routewise.",
    ],
)
def test_a_limit_owned_in_other_words(owned):
    from labkit.language.scoring import _LIMITS_RE

    assert _LIMITS_RE.search(owned)


@pytest.mark.parametrize(
    "plain",
    [
        "That closed the gap between the two regions.",
        "We limited the blast radius with feature flags.",
        "I rely on the profiler more than on intuition.",
        "We never got paged for it again.",
        "That was the hardest part of the migration.",
        "We didn't wait for the vendor: I wrote the parser myself.",
    ],
)
def test_plain_statements_own_no_limit(plain):
    from labkit.language.scoring import _LIMITS_RE

    assert not _LIMITS_RE.search(plain)


def test_years_in_a_career_said_without_a_role_word(embedder):  # noqa: F811
    spec = parse_jd(
        "Electrician\n\nQualifications:\n- 4+ years of commercial electrical experience\n"
    )
    rows = _one(
        "So tell me what you've been doing the last couple years.",
        "Last three years I've been with Hendricks Electric, mostly commercial. Before that, "
        "four years apprenticeship with Local 58.",
        spec,
        embedder,
    )
    years = _claimed(rows)
    assert years and years[0].score >= 0.75


def test_asr_text_counts_the_fillers_whisper_dropped(backend_spec, embedder):  # noqa: F811
    from labkit.judgment.stage import ASR_JUDGMENT_OPTIONS, JudgmentStage
    from labkit.language.scoring import ScoringOptions
    from labkit.speech.fillers import ASR_FILLER_RECALL

    q = "How do you use PostgreSQL?"
    a = ("Um, we use PostgreSQL for the billing service, and I added two indexes to the "
         "reports after the slow query log showed the monthly export scanning the table.")  # fmt: skip
    q_t, a_t = turns([("interviewer", q), ("candidate", a)])
    pair = QAPair(
        idx=0, question_turn=0, answer_turns=(1,), question=q, answer=a,
        q_start=q_t.t_start, q_end=q_t.t_end, a_start=a_t.t_start, a_end=a_t.t_end,
    )  # fmt: skip

    def clarity(opts: ScoringOptions):
        rows = score_answer(pair, [a_t], jobspec=backend_spec, embedder=embedder, options=opts)
        return _dim(rows, "clarity")[0]

    typed, asr = clarity(ScoringOptions()), clarity(ScoringOptions(filler_recall=ASR_FILLER_RECALL))
    # one written "um" stands for about three said: the rate triples and clarity drops
    assert asr.features["fillers_per_min"] == pytest.approx(
        typed.features["fillers_per_min"] / ASR_FILLER_RECALL, rel=1e-3
    )
    assert asr.score < typed.score
    # the rate written stays beside the estimate, so a summary can say both
    assert asr.features["fillers_written_per_min"] == pytest.approx(
        typed.features["fillers_per_min"], rel=1e-3
    )
    # the engine's stage judges ASR text that way
    assert JudgmentStage().options.scoring.filler_recall == ASR_FILLER_RECALL
    assert ASR_JUDGMENT_OPTIONS.scoring.filler_recall < 1.0


def test_a_things_lack_and_a_span_of_time_are_no_claims_of_the_candidate(
    backend_spec,  # noqa: F811
    embedder,  # noqa: F811
) -> None:
    q = "Tell me about a lateral movement case."
    # the server lacked it, not the candidate
    [k8s] = _dim(
        _one(q, "It came from a build server that didn't have Kubernetes hardening applied, "
             "so I isolated it.", backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert not k8s.features.get("negated")
    # "in six years" is how long a password went unchanged, not years of Python
    rows = _one(q, "The Python service account was the way in, because its password hadn't "
                "changed in six years.", backend_spec, embedder)  # fmt: skip
    assert not _claimed(rows)


@pytest.mark.parametrize(
    "admission",
    [
        "Honestly, SQL is the area I'm least strong in.",
        "Google is the thinner part of my experience, so that's an area I'd be ramping up on.",
        "So I wouldn't say I'm strong there.",
        "That's been the planners, not me.",
        "But I'm not the one in Tag Manager building the tags.",
        "But I'd defer to someone who's run it hands-on, honestly.",
        "That's kind of the edge of what I've done, honestly.",
        "Anything more complex, I'd usually ask the BI team.",
        "Comfortable-ish. For anything deeper, like Config rules, I lean on the platform team.",
        "I'll be honest, it's pretty lightweight. It's something I'd want to do better.",
        "The management review stuff, that's where I'd need the most help.",
        "Our analyst set up the events, so I'm comfortable reading it, less so configuring it.",
        "GA4 was set up by an agency before I joined.",
        "I'm not an accountant; I'd lean hard on SMEs.",
    ],
)
def test_an_admitted_gap_limits_the_answer(admission):
    from labkit.language.scoring import _LIMITS_RE

    assert _LIMITS_RE.search(admission.lower())


def test_years_said_late_in_a_long_sentence_and_a_trade_said_as_a_verb(embedder):  # noqa: F811
    spec = parse_jd("Dental Hygienist\n\nRequired:\n- At least one year of clinical experience\n")
    rows = _one(
        "Tell me about your background.",
        "So I graduated from Clark College in 2018, got my Washington license that summer, and "
        "I've been at Cascade Smiles in Lakewood ever since, so almost six years.",
        spec,
        embedder,
    )
    years = _claimed(rows)
    assert years and years[0].features["claimed_years"] == 6
    spec = parse_jd("CNC Machinist / Programmer\n\nRequired:\n- 5+ years of CNC milling\n")
    rows = _one(
        "Tell me about your background.",
        "So I've been machining about eleven years, the last six on five-axis.",
        spec,
        embedder,
    )
    years = _claimed(rows)
    assert years and years[0].score == 1.0


def test_a_rounded_figure_is_no_hedge(backend_spec, embedder):  # noqa: F811
    sure = _one(
        "How many patients do you see?",
        "I'd say maybe sixty percent prophys, and I think it was around sixty patients last "
        "year. I see probably fifteen a week.",
        backend_spec,
        embedder,
    )
    unsure = _one(
        "How many patients do you see?",
        "I'd say maybe it depends, and I think it was a lot of patients last year. I see "
        "probably a few a week.",
        backend_spec,
        embedder,
    )
    assert _dim(sure, "confidence")[0].score > _dim(unsure, "confidence")[0].score
    assert _dim(sure, "confidence")[0].features["hedges"] == 0


def test_own_deeds_in_any_trade_show_depth(backend_spec, embedder):  # noqa: F811
    q = "Walk me through how you handle a new water damage claim."
    deeds = _one(
        q,
        "I call the insured the same day, I set the initial reserve within two days, I diary "
        "every file in the system, and I inspect the roof myself with a harness.",
        backend_spec,
        embedder,
    )
    nobody = _one(
        q,
        "The insured gets a call the same day, the initial reserve is set within two days, "
        "every file is diaried in the system, and the roof gets an inspection with a harness.",
        backend_spec,
        embedder,
    )
    [a], [b] = _dim(deeds, "technical_depth"), _dim(nobody, "technical_depth")
    assert a.features["ownership"] >= 3 and b.features["ownership"] == 0
    assert a.score > b.score


def test_not_null_is_a_constraint_not_a_denial():
    from labkit.language.scoring import _negated
    from labkit.language.vocabulary import load_vocabulary

    text = "We test every key: unique, not null, relationships, and dbt tests on finance models."
    [t] = turns([("candidate", text)])
    at = answer_text([t])
    ms = load_vocabulary().find_mentions(at.text, speech=True)
    [dbt] = [m for m in ms if m.entry.name == "dbt"]
    assert _negated(at, dbt, ms) == ""
    [t] = turns([("candidate", "We did not use dbt tests on finance models.")])
    at = answer_text([t])
    ms = load_vocabulary().find_mentions(at.text, speech=True)
    [dbt] = [m for m in ms if m.entry.name == "dbt"]
    assert _negated(at, dbt, ms) == "neg"


def test_a_career_told_by_the_year_it_began_counts_from_the_reference_year(embedder):  # noqa: F811
    spec = parse_jd(
        "Claims Adjuster\n\nRequired:\n- Three or more years handling property claims\n"
    )
    q = "Walk me through your background."
    a = (
        "Sure. I started in 2017, right before Harvey, as an inside desk adjuster with an "
        "independent firm. In 2019 I went staff as a field adjuster."
    )

    def claimed(year):
        return _claimed(_one(q, a, spec, embedder, ScoringOptions(reference_year=year)))

    [row] = claimed(2026)
    assert row.features["claimed_years"] == 9 and row.score == 1.0
    [row] = claimed(2019)  # judged as of 2019: two years, under the three asked
    assert row.features["claimed_years"] == 2 and row.score < 1.0
    assert not claimed(2016)  # a start after the reference year is no tenure
    # "in 2018 ... Since then I've been at St. Anne's": the year a sentence before names
    a = (
        "I graduated from an accredited program in 2018 and got my license right after. Since "
        "then I've been at St. Anne's, mostly field claims."
    )
    [row] = _claimed(_one(q, a, spec, embedder, ScoringOptions(reference_year=2026)))
    assert row.features["claimed_years"] == 8
    # a sentence of what came with it between, and no move: still from that year
    a = (
        "I did the program at Grand Valley, graduated in 2021. Passed the exams and then got my "
        "license, so I'm licensed in both. Since then I've been at Westview, all field claims."
    )
    [row] = _claimed(_one(q, a, spec, embedder, ScoringOptions(reference_year=2026)))
    assert row.features["claimed_years"] == 5
    # after a move the career is not told from the year before it
    moved = (
        "I graduated in 2015. Then I left for Europe and worked in retail. Since then I've been "
        "at Westview, all field claims."
    )
    assert not _claimed(_one(q, moved, spec, embedder, ScoringOptions(reference_year=2026)))


def test_a_flat_no_to_having_done_it_is_a_lack_whoever_else_did_it(
    backend_spec,  # noqa: F811
    embedder,  # noqa: F811
) -> None:
    q = "Have you worked with Kubernetes in production?"
    [no] = _dim(
        _one(q, "Not really, no. Our platform team ran Kubernetes and I read their runbooks.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert no.score < 0.2 and no.features.get("negated") and no.features.get("replied_no")
    # "No problem" opens a yes; a question that is not about having done it keeps the mention
    [yes] = _dim(
        _one(q, "No problem there: I ran our Kubernetes clusters for three years.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert not yes.features.get("negated") and yes.score > 0.3
    [other] = _dim(
        _one("Was Kubernetes hard to learn?", "No, I picked up Kubernetes in a month at work.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert not other.features.get("replied_no")


def test_a_bare_name_after_a_no_shows_and_claims_nothing(backend_spec, embedder):  # noqa: F811
    denial = [
        ("interviewer", "Have you worked with Kubernetes in production?"),
        (
            "candidate",
            "Not really, no. Our platform team ran Kubernetes and I read their runbooks.",
        ),
    ]
    bare = [
        ("interviewer", "How do you find out what went wrong after a bad deploy?"),
        ("candidate", "The Kubernetes dashboard, mostly. And the logs, I read them carefully."),
    ]
    deed = [
        ("interviewer", "How do you find out what went wrong after a bad deploy?"),
        ("candidate", "I moved our 40 services onto Kubernetes myself, so I check its events."),
    ]
    alone = _score_all(bare, backend_spec, embedder)
    after = _score_all(denial + bare, backend_spec, embedder)
    [first] = _dim(after[0][1], "requirement", "Kubernetes")
    assert first.features.get("replied_no")
    assert _dim(alone[0][1], "requirement", "Kubernetes")  # a name alone is some evidence ...
    # ... but after the candidate's own no it shows nothing, and contradicts nothing
    assert not _dim(after[1][1], "requirement", "Kubernetes")
    assert not _dim(after[1][1], "consistency")
    # a later deed still counts, and does contradict the no
    owned = _score_all(denial + deed, backend_spec, embedder)
    [did] = _dim(owned[1][1], "requirement", "Kubernetes")
    assert did.score > 0.5
    [clash] = _dim(owned[1][1], "consistency")
    assert clash.features.get("contradicts") and clash.score < 0.5


def test_the_setting_before_a_question_naming_a_requirement_asks_nothing(embedder):  # noqa: F811
    spec = parse_jd(
        "Penetration Tester\n\nRequirements:\n- Active Directory attack techniques\n"
        "- Writing clear, client-ready reports with risk ratings\n"
    )
    a = "I manage it at work, resetting passwords and adding users to groups."
    rows = _one(
        "Our clients are mostly Windows shops. What do you know about attacking Active "
        "Directory?", a, spec, embedder,
    )  # fmt: skip
    assert not _dim(rows, "requirement", "Writing clear, client-ready reports with risk ratings")
    # a setting is the topic where the question itself names nothing
    rows = _one(
        "A big part of the job is writing client reports. Have you written anything like that?",
        "I write tickets and some internal how-to docs for the help desk.", spec, embedder,
    )  # fmt: skip
    assert _dim(rows, "requirement", "Writing clear, client-ready reports with risk ratings")


def test_a_welders_shop_words_evidence_the_processes(embedder):  # noqa: F811
    spec = parse_jd(
        "Structural Welder\n\nRequirements:\n- Proficient in FCAW and GMAW, all positions\n"
        "- Able to read blueprints/shop drawings and weld symbols\n"
    )
    rows = _one(
        "What are you running day to day?",
        "Mostly flux core, dual shield, on a Miller. At Keystone it was all spray MIG, and I can "
        "read the weld symbols no problem.",
        spec,
        embedder,
    )
    said = {r.requirement for r in _dim(rows, "requirement") if r.features.get("mentioned")}
    assert {"FCAW", "GMAW", "Blueprint Reading"} <= said
    gpu = parse_jd("ML Platform Engineer\n\nRequirements:\n- MIG or time-slicing on NVIDIA GPUs\n")
    assert "GMAW" not in {r.name for r in gpu.requirements}


def test_a_question_naming_a_requirements_acronym_asks_about_it(embedder):  # noqa: F811
    spec = parse_jd(
        "Regional Driver\n\nRequirements:\n- Clean MVR: no more than 2 moving violations\n"
        "- CAN bus diagnostics on the trailer reefer units\n"
    )
    a = "One ticket, eight over in a construction zone, two years ago. No accidents, no DUIs."
    asked = _dim(_one("Anything on your MVR in the last three years?", a, spec, embedder),
                 "requirement", "Clean MVR")  # fmt: skip
    assert asked and asked[0].features.get("asked")
    # "Can you ..." in lower-case words asks nothing of CAN bus
    rows = _one("Can you tell me about your record?", a, spec, embedder)
    assert not [r for r in _dim(rows, "requirement") if "CAN" in (r.requirement or "")]


def test_years_answering_how_long_the_candidate_has_held_a_job_are_a_career(embedder):  # noqa: F811
    spec = parse_jd(
        "Dispatcher\n\nRequirements:\n- One (1) year of experience in a position involving "
        "high-volume public contact\n"
    )
    [row] = _claimed(
        _one("How long have you been at the call center?", "Almost three years.", spec, embedder)
    )
    assert row.features["claimed_years"] == 3.0 and row.score == 1.0
    assert not _claimed(_one("What do you do there?", "Almost three years.", spec, embedder))
    # "How long have you had your CT?" "Since 2013.": the licence held, the year it began
    for q, a in [("How long have you had your licence?", "Since 2019. Bit over seven."),
                 ("How long have you been driving trucks?", "Um, since 2020.")]:  # fmt: skip
        [row] = _claimed(_one(q, a, spec, embedder))
        assert row.features["claimed_years"] >= 6.0, (q, row.features)


def test_how_long_in_another_practice_is_not_the_fields_years(embedder):  # noqa: F811
    spec = parse_jd(
        "Advanced Scaffolder\n\nRequirements:\n- 5+ years industrial scaffolding experience\n"
        "- Leading hand experience\n- Tube and coupler scaffolding\n"
    )
    q = "How long have you been running crews as a leading hand?"
    rows = _one(q, "Last four years or so, on and off.", spec, embedder)
    # four years leading crews are not four years of scaffolding, short of the five
    assert not [r for r in _claimed(rows) if "scaffolding" in (r.requirement or "")], rows
    q = "How long have you been doing industrial scaffolding?"
    [row] = _claimed(_one(q, "Fourteen years now.", spec, embedder))
    assert row.features["claimed_years"] == 14.0 and row.score == 1.0


def test_a_stated_figure_meets_or_misses_the_one_asked_for(embedder):  # noqa: F811
    spec = parse_jd("Dispatcher\n\nRequirements:\n- Ability to type at a net speed of 35 words "
                    "per minute\n")  # fmt: skip
    name = "Type at a net speed of 35 words per minute"
    q = "What's your typing speed?"
    [met] = _dim(_one(q, "I tested at fifty-two words per minute, net, last month.", spec,
                      embedder), "requirement", name)  # fmt: skip
    assert met.features["meets"] == 1.0 and met.score >= 0.85
    [short] = _dim(_one(q, "About twenty-eight words per minute, I'm working on it.", spec,
                        embedder), "requirement", name)  # fmt: skip
    assert short.features["meets"] == 0.0 and short.score < 0.5


def test_a_word_whisper_split_at_its_hyphen_is_one_word():
    from labkit.records import Word

    said = ["Honestly", "not", "really", "hands", "-on.", "We", "have", "SAP."]
    words = tuple(Word("candidate", k * 0.4, k * 0.4 + 0.3, w) for k, w in enumerate(said))
    turn = Turn(idx=1, speaker="candidate", t_start=0.0, t_end=3.2, text=" ".join(said),
                words=words)  # fmt: skip
    at = answer_text([turn])
    assert "hands-on." in at.text.split() and len(at.words) == len(said) - 1
    merged = next(w for w in at.words if w.text == "hands-on.")
    assert (merged.t_start, merged.t_end) == (words[3].t_start, words[4].t_end)


def test_years_at_a_job_doing_the_subjects_work_count(embedder):  # noqa: F811
    spec = parse_jd("Motion Designer\n\nRequirements:\n- 3+ years of motion design experience\n")
    answer = ("I got hired at Brightline, the in-house team at a meal-kit company, and I've been "
              "there going on four years now, doing all their {}. Social ads, app onboarding.")  # fmt: skip
    rows = _one("How'd you get into this?", answer.format("motion"), spec, embedder)
    [years] = _claimed(rows)
    assert years.features["claimed_years"] == 4 and years.score == 1.0
    other = _one("How'd you get into this?", answer.format("payroll"), spec, embedder)
    assert not _claimed(other)


def test_a_limit_that_marks_off_a_neighbouring_thing_is_no_limit(embedder):  # noqa: F811
    spec = parse_jd("Motion Designer\n\nRequirements:\n- After Effects expressions\n")
    q = "How deep do you go with expressions?"
    base = ("Pretty deep. I link to controller nulls and use valueAtTime for offsets in After "
            "Effects, and I built our lower-third templates. ")  # fmt: skip
    bounded = base + "I don't write ExtendScript panels, but expressions I'm comfortable with."
    owned = base + "I don't write expressions for rigs, I'd ask the senior animator."
    [d_bounded] = _dim(_one(q, bounded, spec, embedder), "technical_depth")
    [d_owned] = _dim(_one(q, owned, spec, embedder), "technical_depth")
    assert not d_bounded.features.get("limited")
    assert d_owned.features.get("limited") and d_owned.score < d_bounded.score


def test_owned_limits_in_other_words_and_what_is_no_limit():
    from labkit.language.scoring import _limits

    for said in (
        "But honestly, on the bigger projects the senior dev did the database tuning.",
        "I haven't really done EXPLAIN plans and that kind of thing in any depth.",
        "I've used Sail a little, but not day to day.",
        "Not great, to be honest.",
    ):
        assert _limits(said), said
    # the client's reaction, not the candidate's gap
    assert not _limits("Not great at first. But I walked them through it.")


def test_never_missing_a_deadline_is_no_denial(embedder):  # noqa: F811
    spec = parse_jd("Probation Officer\n\nRequirements:\n- Time management\n")
    rows = _one(
        "How do you keep on top of forty cases?",
        "A calendar and a tracker I built, color-coded by due date. I haven't missed a report "
        "deadline in, I want to say, two years.",
        spec,
        embedder,
    )
    [tm] = _dim(rows, "requirement", "Time Management")
    assert not tm.features.get("negated") and tm.score >= 0.5


def test_years_there_after_naming_the_job_are_career_years(embedder):  # noqa: F811
    spec = parse_jd("Probation Officer\n\nRequirements:\n- 1 year of full-time experience\n")
    rows = _one(
        "Tell me what you're doing right now.",
        "So right now I'm a case manager at Harbor House, a reentry center. I've been there "
        "about four years.",
        spec,
        embedder,
    )
    [years] = _claimed(rows)
    assert years.features["claimed_years"] == 4 and years.score == 1.0


def test_someone_else_having_no_idea_is_a_story_not_a_deflection(embedder):  # noqa: F811
    spec = parse_jd("Hospice Social Worker\n\nRequirements:\n- Advance care planning\n")
    story = _one(
        "What's drawing you to hospice?",
        "In the ED I see people at the worst moment. There was an older man, and his family "
        "just had no idea what his wishes were.",
        spec,
        embedder,
    )
    [ev] = _dim(story, "evasion")
    assert ev.features["deflections"] == 0
    dodge = _one(
        "What's drawing you to hospice?",
        "Honestly I have no idea, I just applied to a lot of places this month.",
        spec,
        embedder,
    )
    [ev] = _dim(dodge, "evasion")
    assert ev.features["deflections"] == 1


def test_a_short_reply_to_a_few_words_check_is_not_evasive(embedder):  # noqa: F811
    spec = parse_jd("Elevator Mechanic\n\nRequirements:\n- Hydraulic elevators\n")
    rows = _one(
        "Driving record?", "Clean. No tickets in, uh, at least eight years.", spec, embedder
    )
    [ev] = _dim(rows, "evasion")
    assert ev.features["short"] == 0 and ev.score < 0.55
    rows = _one("How do you service a hydraulic elevator?", "It depends, really.", spec, embedder)
    [ev] = _dim(rows, "evasion")
    assert ev.features["short"] == 1


def test_it_the_pronoun_is_not_it_the_department(embedder):  # noqa: F811
    spec = parse_jd(
        "NetSuite Administrator\n\nRequirements:\n- NetSuite administration\n"
        "- Quarterly access reviews with Finance and IT\n"
    )
    assert any(r.name == "IT" for r in spec.requirements)
    rows = _one(
        "How do you handle the release upgrades?",
        "NetSuite pushes those, so honestly it just works and I fixed it once.",
        spec,
        embedder,
    )
    assert not _dim(rows, "requirement", "IT")


def test_a_control_that_stops_the_candidate_is_no_denial(embedder):  # noqa: F811
    spec = parse_jd("Treasury Analyst\n\nRequirements:\n- Kyriba\n- Payment controls\n")
    lines = [
        ("interviewer", "Tell me about your current role."),
        ("candidate", "I'm a treasury analyst. I've been in treasury about two and a half years, "
         "and I run our payments in Kyriba every day."),
        ("interviewer", "Walk me through how a treasury payment gets made at your place."),
        ("candidate", "Any treasury payment, I input it in Kyriba and it needs a second "
         "approver. I can't approve my own payments, that's locked down in the user roles."),
    ]  # fmt: skip
    out = _score_all(lines, spec, embedder)
    rows = [r for _, rs in out.values() for r in rs]
    assert not [r for r in rows if r.dimension == "consistency" and r.score < 0.4]


def test_praise_of_oneself_in_place_of_evidence_is_overclaiming(backend_spec, embedder):  # noqa: F811
    q = "Have you worked with Kafka?"
    rows = _one(
        q,
        "Not directly, no. But I'm a really fast learner and I'm very good with technology, "
        "so I'd pick it up really quickly.",
        backend_spec,
        embedder,
    )
    [over] = _dim(rows, "overclaim")
    assert over.score >= 0.5 and over.features["self_praise"] >= 2
    assert "fast learner" in over.evidence
    # how strong candidates say what they know: no praise of oneself to flag
    plain = _one(
        q,
        "Yes, I'm comfortable with it. I ran our Kafka cluster for two years and I'm good with "
        "the consumer side, I tuned the lag alerts myself.",
        backend_spec,
        embedder,
    )
    assert not _dim(plain, "overclaim")


def test_a_limit_said_after_a_dash_is_owned(backend_spec, embedder):  # noqa: F811
    q = "What's your Kubernetes experience?"
    said = "I wrote the Helm charts for our Kubernetes cluster last year."
    [plain] = _dim(_one(q, said, backend_spec, embedder), "requirement", "Kubernetes")
    [limited] = _dim(
        _one(q, "Honestly — limited. Very limited. " + said, backend_spec, embedder),
        "requirement",
        "Kubernetes",
    )
    assert limited.features.get("limited") and limited.score < plain.score
    [depth] = _dim(_one(q, said, backend_spec, embedder), "technical_depth")
    assert depth.features["words"] == len(said.split())


@pytest.mark.parametrize(
    "said",
    [
        "Mike owns the budget, he presents it to the board. I build the chemical part of it.",
        "Our programmer built the integration, and I own the content layer in Ink.",
        "I go to the committee meetings, but he does the talking.",
    ],
)
def test_a_deed_that_is_someone_elses_is_a_limit(said):
    from labkit.language.scoring import _limits

    assert _limits(said)
    assert not _limits(said.replace("Mike owns", "I own").replace("he does", "I do")
                       .replace("Our programmer built", "I built"))  # fmt: skip


def test_years_in_a_field_the_sentence_names_and_a_window_that_is_no_tenure(embedder):  # noqa: F811
    from labkit.language.scoring import _tenures

    spec = parse_jd(
        "Rope Access Technician\n\nWhat you need\n- At least 2 years' industrial rope access "
        "experience\n- At least 3 years' post-qualification experience\n"
    )
    rows = _one("Where've you been working?", "Last two years with Skyline Rope Access. Before "
                "that, scaffolding.", spec, embedder)  # fmt: skip
    [row] = [r for r in _claimed(rows) if r.requirement.startswith("2+ years")]
    assert row.score == 1.0
    # (years with an employer named are a career's too, at least these two)
    assert all(r.features["claimed_years"] == 2 for r in _claimed(rows))
    # "five years PQE": the years since qualifying
    rows = _one("Tell me about your desk.", "I qualified in 2020, so five years PQE.", spec,
                embedder)  # fmt: skip
    assert any(r.requirement.startswith("3+ years") for r in _claimed(rows))
    assert not _claimed(_one("Where've you been working?", "Mostly scaffolding, two years.",
                             spec, embedder))  # fmt: skip
    assert not _tenures("probably forty new builds in the last two years")
    assert _tenures("for the last four years I've been at Corvane")


def test_a_property_owned_by_the_vendors_brother_is_no_limit():
    from labkit.language.scoring import _limits

    assert not _limits("They were on the neighbouring folio, owned by the vendor's brother.")
    assert _limits("The integration was built by the vendor, not by us.")


def test_years_of_the_role_where_a_sentence_names_it_and_a_capitals_name_heard_closely(embedder):  # noqa: F811
    from labkit.language.vocabulary import SkillEntry, load_vocabulary

    spec = parse_jd(
        "Vessel Planner\n\nDesired Candidate Profile:\n- Minimum 3 years' experience as Vessel "
        "Planner in a container terminal\n"
    )
    assert "3+ years as Vessel Planner" in {r.name for r in spec.requirements}
    rows = _one("Tell me what you are doing now.", "So for three years I was in yard planning. "
                "From mid-2023 I moved to vessel planning, so around one and a half years I'm "
                "doing vessel planning.", spec, embedder)  # fmt: skip
    [row] = _claimed(rows)
    assert row.features["claimed_years"] == 1.5 and row.score == 0.5
    vocab = load_vocabulary()
    movins = [
        SkillEntry(name="MOVINS", category="tool"),
        SkillEntry(name="SPARCS", category="tool"),
    ]
    assert not vocab.find_mentions("2,400 moves a call", speech=True, targets=movins, fuzzy=True)
    [m] = vocab.find_mentions("we moved off sparks", speech=True, targets=movins, fuzzy=True)
    assert m.entry.name == "SPARCS"


def test_not_a_kind_of_it_no_is_a_limit_and_a_years_field_after_a_singular_year():
    from labkit.language.scoring import _limits

    assert _limits("Not a planning report, no. I wrote my dissertation.")
    assert not _limits("Not a problem. I wrote the report myself.")
    spec = parse_jd(
        "Planning Officer\n\nExperience\n- At least one year's experience of processing and "
        "determining planning applications\n"
    )
    [req] = [r for r in spec.requirements if r.category == "experience"]
    assert "planning applications" in req.name and req.min_years == 1


def test_work_on_another_partys_side_and_not_fully_confident_are_limits():
    from labkit.language.scoring import _limits

    assert _limits("We don't have a lashing module, so that again is on the line's side.")
    assert _limits("I'm not fully confident with the segregation table by memory.")
    assert _limits("Our DG desk checks the segregation. I would check with them.")
    assert not _limits("We kept the estimate on the safe side.")
    assert not _limits("I'm fully confident with the segregation table.")


def test_more_ways_of_owning_a_gap():
    from labkit.language.scoring import _limits

    for said in ("Dead-box specifically — um. Honestly, not that many. Maybe ten.",
                 "I'll be upfront, mobile hasn't been my space.",
                 "I know the concepts, but I haven't personally run a UFED extraction.",
                 "No. The closest would be an internal disciplinary.",
                 "X-Ways I've done the training for, but I'm not a daily user."):  # fmt: skip
        assert _limits(said), said
    assert not _limits("We ran a lot of them, and memory forensics is my strongest area.")


def test_experience_qualified_away_is_a_gap_and_a_plain_no_is_not():
    from labkit.language.scoring import _limits

    for said in ("Not executed one myself, no. I understand how they're priced.",
                 "Not a full one on my own, no. I was on the crew for one.",
                 "Hm. Not directly, no.", "So... not formally. I trained our baker.",
                 "Not hands-on. I've seen it at the counter.", "Not an expert.",
                 "Airless, no, I haven't.", "I haven't worked in it directly.",
                 "So I don't actually know what's standard for a floor."):  # fmt: skip
        assert _limits(said), said
    for said in ("Not that I know of, no.", "Not at all, no. Happy to.",
                 "Not bad, no complaints.", "It was not the pump, no, it was the valve.",
                 "Nobody goes up. Not on my watch."):  # fmt: skip
        assert not _limits(said), said


def test_a_gap_promised_away_is_owned():
    from labkit.language.scoring import _limits

    # over the 218 labelled scripts of bench/ these are said by 22 weak and 4 mixed candidates
    # and no strong one
    for said in ("I'd pick it up fast though, honestly.",
                 "Honestly the mechanics are something I'd pick up very quickly.",
                 "I'm a really fast learner, so I'd pick it up pretty quick.",
                 "Not from the company side, in fairness. We were advisers."):  # fmt: skip
        assert _limits(said), said
    for said in ("I picked it up quickly on the job.",
                 "I'd pick up the phone quickly and call the super."):  # fmt: skip
        assert not _limits(said), said


def test_a_deed_told_without_its_i_counts_and_a_setting_does_not():
    from labkit.language.scoring import _terms_and_deeds

    _, [acts] = _terms_and_deeds(["Drilled it first day of every swing. Lifted it at 7.4 tonne."])
    assert acts == 2
    _, [none] = _terms_and_deeds(["Turned out the line had changed it. Located in Sydney."])
    assert none == 0


def test_a_yes_after_a_short_setting_or_a_laugh_answers_a_yes_no_question(
    backend_spec,  # noqa: F811
    embedder,  # noqa: F811
) -> None:
    for answer in ("At my last company, yes, for about two years.", "Ha. Yeah, all of them."):
        [k8s] = _dim(
            _one("Kubernetes, have you used it?", answer, backend_spec, embedder),
            "requirement",
            "Kubernetes",
        )
        assert k8s.score >= 0.5 and k8s.features.get("self_reported"), (answer, k8s)
    [no] = _dim(
        _one("Kubernetes, have you used it?", "At my last company, no, it was all VMs.",
             backend_spec, embedder), "requirement", "Kubernetes")  # fmt: skip
    assert no.score < 0.2


def test_the_time_a_credential_was_held_says_it_is_held(embedder):  # noqa: F811
    spec = parse_jd("Tower Crane Operator\n\nYou have\n- A current High Risk Work Licence\n")
    q = "How long have you had your High Risk Work Licence?"
    [held] = _dim(_one(q, "Since 2013. Had my dogging before that.", spec, embedder),
                  "requirement", "High Risk Work Licence")  # fmt: skip
    assert held.score >= 0.6 and held.features.get("self_reported"), held
    # a time that is not the time held says nothing of it
    rows = _one(q, "I left school in 2013 and went labouring.", spec, embedder)
    assert all(not r.features.get("self_reported") for r in rows)


def test_someone_elses_never_before_a_clause_is_no_denial(backend_spec, embedder):  # noqa: F811
    [k8s] = _dim(
        _one(
            "How did the upgrade go?",
            "I sent the client a note every Friday, so they were never left wondering whether "
            "the Kubernetes upgrade I ran was on track.",
            backend_spec,
            embedder,
        ),
        "requirement",
        "Kubernetes",
    )
    assert not k8s.features.get("negated") and not k8s.features.get("denied_elsewhere"), k8s


def test_years_said_in_words_past_twelve_are_read(embedder):  # noqa: F811
    spec = parse_jd("Scaffolder\n\nMust haves\n- 5+ years of scaffolding experience\n")
    rows = _one("Give us the short version of your resume.",
                "Fourteen years scaffolding. Started labouring in 2011, advanced ticket 2015.",
                spec, embedder)  # fmt: skip
    assert max(r.features.get("claimed_years", 0) for r in _claimed(rows)) == 14


def test_an_ampersand_in_a_jds_name_is_said_and(embedder):  # noqa: F811
    spec = parse_jd("Scaffolder\n\nMust haves\n- Proven tube & coupler skills\n")
    rows = _one("What sort of scaffolds were you building up there?",
                "All sorts. Tube and coupler mostly, hangers off the racks.", spec, embedder)  # fmt: skip
    [tube] = _dim(rows, "requirement", "Tube & Coupler")
    assert tube.features.get("mentioned"), tube


def test_ones_own_deeds_told_plainly_read_as_assertions(backend_spec, embedder):  # noqa: F811
    rows = _one("Who designed the hanging scaffold?",
                "Client's engineer drew it. I ran the build, I checked every tie and I signed "
                "the handover cert myself.", backend_spec, embedder)  # fmt: skip
    [conf] = _dim(rows, "confidence")
    assert conf.features["assertions"] >= 2 and conf.score > 0.6, conf


def test_years_with_the_fields_last_word_in_a_short_sentence_count_for_it(embedder):  # noqa: F811
    spec = parse_jd(
        "Scaffolder\n\nMust haves\n- Minimum 5 years' industrial scaffolding experience\n"
    )
    rows = _one("Give us the short version of your resume.",
                "Fourteen years scaffolding. Seven years FIFO up north, mostly an LNG plant.",
                spec, embedder)  # fmt: skip
    assert [r.features["claimed_years"] for r in _claimed(rows)] == [14], _claimed(rows)


def test_a_terse_sentence_names_a_field_by_one_noun_and_a_career_without_its_i(embedder):  # noqa: F811
    spec = parse_jd(
        "Metal Roofer\n\nWhat you must have\n- Minimum 5 years' experience installing metal "
        "roofing and cladding on commercial projects\n- 1+ years of experience operating "
        "straddle carriers\n"
    )
    rows = _one("Tell me a bit about what you've been doing the last few years.",
                "Been with Coastline Roofing six years. Mostly commercial.", spec, embedder)  # fmt: skip
    got = {r.requirement: r.features["claimed_years"] for r in _claimed(rows)}
    assert got.get("5+ years of experience installing metal roofing and cladding") == 6, got
    rows = _one("So, tell us about your time on the straddles.",
                "Four years on straddles up in Auckland.", spec, embedder)  # fmt: skip
    got = {r.requirement: r.features["claimed_years"] for r in _claimed(rows)}
    assert any(v == 4 for k, v in got.items() if "straddle" in k.lower()), got


def test_a_how_to_question_on_a_papers_field_asks_nothing_of_the_paper(embedder):  # noqa: F811
    spec = parse_jd(
        "Metal Roofer\n\nWhat you must have\n- Certificate III in Roof Plumbing (CPC31420)\n"
    )
    rows = _one("Walk me through how you'd set up on a new warehouse roof.",
                "Check the drawings. Check the purlins are straight and on spacing. Get the "
                "edge protection up and check the tags.", spec, embedder)  # fmt: skip
    assert not _dim(rows, "requirement", "Certificate III in Roof Plumbing"), rows
    rows = _one("Trade qual?", "Cert Three roof plumbing. Did my apprenticeship in Toowoomba.",
                spec, embedder)  # fmt: skip
    [cert] = _dim(rows, "requirement", "Certificate III in Roof Plumbing")
    assert cert.features.get("mentioned") and cert.score > 0.6, cert


def test_steps_told_as_orders_are_ones_own_deeds():
    from labkit.language.scoring import _terms_and_deeds

    _, acts = _terms_and_deeds(
        [
            "Check the drawings. Set out from the low end. Test the brakes before you go.",
            "Love the team here. Thank you for asking. Consider it done.",
        ]
    )
    assert acts[0] >= 2 and acts[1] == 0, acts


def test_years_there_at_a_named_workplace_and_a_trades_years_from_qualifying(embedder):  # noqa: F811
    spec = parse_jd(
        "Ecologist\n\nWhat we're looking for\n- At least 3 years' UK ecological consultancy "
        "experience\n- A degree in ecology, zoology or a related subject\n"
        "- At least 3 years' post-qualification experience in a light vehicle workshop\n"
    )
    question = "Right, so tell me what you've been doing at Kelvin Ecology."
    answer = "Five years there. Started as an assistant. Zoology degree at Aberdeen before that."
    got = _years_claimed(question, answer, spec, embedder)
    assert got.get("3+ years of UK ecological consultancy experience") == 5, got
    [degree] = [r for r in _dim(_one(question, answer, spec, embedder), "requirement")
                if "Degree" in r.requirement]  # fmt: skip
    assert degree.score >= 0.5 and "Zoology degree" in degree.evidence, degree
    # "there" with no workplace named is no career
    assert not _years_claimed("What have you been doing lately?", "Five years there.", spec,
                              embedder)  # fmt: skip
    got = _years_claimed("Give me the short version of your background.",
                         "Qualified 2017, Level 4, did my time at Timaru Toyota.", spec, embedder,
                         ScoringOptions(reference_year=2026))  # fmt: skip
    assert got.get("3+ years of post-qualification experience") == 9, got


def test_a_no_is_no_evidence_by_meaning_and_a_derived_word_asks_nothing(embedder):  # noqa: F811
    from labkit.language.scoring import _same_word

    spec = parse_jd(
        "Technician\n\nEssential\n- Refrigerant Certificate of Proficiency for automotive A/C "
        "work\n- Product demos to clients\n"
    )
    rows = _one("Um, air con?", "No refrigerant cert, no.", spec, embedder)
    assert not [r for r in _dim(rows, "requirement") if r.score >= 0.5], rows
    assert _same_word("investigation", "investigations") and _same_word("manage", "managed")
    assert not _same_word("product", "production")


def test_a_tool_taken_back_for_another_is_no_evidence_and_a_detail_corrected_is(embedder):  # noqa: F811
    spec = parse_jd("Fund Accountant\n\nRequirements\n- Investran\n- Apache Kafka\n")
    rows = _one("What systems have you used?",
                "And for the accounts I've used Investran. Sorry, no, it's Sage 50 we use.",
                spec, embedder)  # fmt: skip
    [inv] = _dim(rows, "requirement", "Investran")
    assert inv.features.get("negated") and inv.score < 0.5, inv
    rows = _one("How long on Kafka?", "I used Kafka for two years. Sorry, no, three years.",
                spec, embedder)  # fmt: skip
    assert all(not r.features.get("negated") for r in _dim(rows, "requirement")), rows


def test_a_few_words_of_years_after_a_sentence_naming_the_field_and_a_higher_degree(embedder):  # noqa: F811
    spec = parse_jd(
        "Export Executive\n\nRequirements\n- 3+ years of sea freight export operations "
        "experience\n- Bachelor's degree in Biology or Chemical Engineering\n"
    )
    got = _years_claimed("Okay, tell me what you're doing now.",
                         "Now I'm at a forwarder in Jurong, sea export. Five years plus already. "
                         "Mostly FCL, some LCL.", spec, embedder)  # fmt: skip
    assert got.get("3+ years of sea freight export operations experience") == 5, got
    # years of something else in a sentence of their own are not the field's
    assert not _years_claimed("And before that?", "I drove trucks. Five years plus.", spec,
                              embedder)  # fmt: skip
    rows = _one("Background?", "MS in chem E, then six years industry.", spec, embedder)
    [degree] = [r for r in _dim(rows, "requirement") if "Degree" in r.requirement]
    assert degree.score >= 0.5 and degree.features.get("implied"), degree


def test_aye_and_nah_answer_a_yes_no_question(backend_spec, embedder):  # noqa: F811
    q = "Kubernetes, have you used it?"
    [yes] = _dim(_one(q, "Aye.", backend_spec, embedder), "requirement", "Kubernetes")
    assert yes.score >= 0.5 and yes.features.get("self_reported"), yes
    [no] = _dim(_one(q, "Nah.", backend_spec, embedder), "requirement", "Kubernetes")
    assert no.score < 0.2, no


def test_years_said_the_scots_or_indian_way_and_years_with_an_employer(embedder):  # noqa: F811
    spec = parse_jd(
        "Joiner\n\nEssential criteria\n- Minimum 3 years' post-apprenticeship experience\n"
        "- 5+ years of experience\n"
    )
    apprenticed, career = "3+ years of post-apprenticeship experience", "5+ years of experience"
    for question, answer, req, years in (
        ("Tell us a bit about yourself.", "Served my time in Paisley. Last six year wi' Clyde "
         "Property Care. Kitchens, doors, voids.", apprenticed, 6),
        ("So you've been time-served what, ten year? Blue card?", "Ten year, aye. Blue card, "
         "renewed it last March.", apprenticed, 10),
        ("Please introduce yourself.", "I am Ramesh. B.Tech, 2015. Total eight and half years, "
         "all SAP Basis.", career, 8.5),
    ):  # fmt: skip
        got = _years_claimed(question, answer, spec, embedder)
        assert got.get(req) == years, (answer, got)
    # years of something else, not the candidate's put up and confirmed, are no career
    assert not _years_claimed("Why do you like this trade?", "Ten year of rain, aye.", spec,
                              embedder)  # fmt: skip


def test_months_at_sea_and_a_total_put_up_and_said_back(embedder):  # noqa: F811
    spec = parse_jd(
        "Second Engineer\n\nMUST HAVE\n- Valid STCW III/2 Certificate of Competency\n"
        "- Minimum 24 months sea time as Second Engineer\n\nSend your CV and CoC to crewing.\n"
    )
    sea = "2+ years sea time as Second Engineer"
    assert _years_claimed("And before that", "AHTS, conventional. 2nd Engineer eleven months.",
                          spec, embedder) == {sea: 0.92}  # fmt: skip
    # the interviewer sums it up, the candidate says the number back
    assert _years_claimed("ok so total as second around twenty five months",
                          "Twenty-five yes sir.", spec, embedder) == {sea: 2.08}  # fmt: skip
    # a different number is no confirmation, and the first months of a story no tenure
    assert not _years_claimed("ok so total as second around twenty five months",
                              "Twenty-two, sir.", spec, embedder)  # fmt: skip
    assert not _years_claimed("How did the new rota go?", "The first two months, as second "
                              "engineer, were hard.", spec, embedder)  # fmt: skip
    # the certificate's code said back to a question naming it by its initials
    [coc] = _dim(_one("Your CoC, any limitation", "III/2 unlimited, MARINA issued, valid until "
                      "2028.", spec, embedder), "requirement", "Valid STCW III/2 Certificate of "
                 "Competency")  # fmt: skip
    assert coc.score >= 0.5 and coc.features.get("self_reported"), coc


def test_a_bare_tenure_opening_the_story_of_a_career(embedder):  # noqa: F811
    spec = parse_jd("Piano Technician\n\nRequirements\n- Minimum 5 years of professional piano "
                    "tuning and service experience\n")  # fmt: skip
    answer = ("Fourteen years. Apprenticed under an old rebuilder in Memphis three years, then on "
              "my own.")  # fmt: skip
    req = "5+ years of piano tuning and service experience"
    assert _years_claimed("So just tell me about your background", answer, spec,
                          embedder) == {req: 14.0}  # fmt: skip
    # the same words to a question about something else say whose years they are not
    assert not _years_claimed("How long did the rebuild take", answer, spec, embedder)


def test_a_registration_said_back_as_registered(embedder):  # noqa: F811
    spec = parse_jd("Orthoptist\n\nEssential\n- HCPC registration as an Orthoptist\n"
                    "- Experience of visual field assessment\n")  # fmt: skip
    [reg] = _dim(_one("lovely. And you're HCPC registered, no issues there",
                      "yes, yep fully registered, renewed it last year", spec, embedder),
                 "requirement", "HCPC Registration")  # fmt: skip
    assert reg.score >= 0.5 and reg.features.get("self_reported"), reg


def test_a_requirement_asked_by_its_verb(embedder):  # noqa: F811
    spec = parse_jd("Loan Officer\n\nRequirements\n- Proven ability to conduct credit appraisal "
                    "and cash-flow analysis for informal businesses\n- Experience with hammer "
                    "voicing and hammer replacement\n")  # fmt: skip
    q = "Now walk me through how you appraise, say, a woman running a vegetable kiosk"
    a = ("I visit the kiosk on two market days, count the stock, ask for her M-Pesa statement "
         "for three months, then I build the cash flow: sales minus cost of goods.")  # fmt: skip
    assert _dim(_one(q, a, spec, embedder), "requirement", "Credit Appraisal"), "appraise"
    from labkit.language.scoring import _same_word

    assert _same_word("replace", "replacement") and _same_word("replacing", "replace")
    assert not _same_word("product", "production") and not _same_word("state", "statement")


def test_a_card_held_shows_no_more_than_its_name(embedder):  # noqa: F811
    spec = parse_jd("Joiner\n\nEssential criteria\n- Valid CSCS Skilled Worker (Blue) card\n"
                    "- SVQ Level 3 in Carpentry & Joinery\n")  # fmt: skip
    rows = _one("You've got your blue card?", "Blue card, skilled worker, renewed it last March.",
                spec, embedder)  # fmt: skip
    [card] = [r for r in _dim(rows, "requirement") if "CSCS" in r.requirement]
    assert card.score >= 0.7 and "answer_depth" not in card.features, card
    rows = _one("Where did you serve your time?", "Kerr and Dunlop, 2010 to 2014. SVQ 3.", spec,
                embedder)  # fmt: skip
    assert [r for r in _dim(rows, "requirement") if "SVQ" in r.requirement], rows


def test_a_paper_on_its_way_or_lapsed_is_not_held():
    from labkit.language.scoring import _limits

    for said in (
        "Not yet, ma'am. I finished the in-house orientation.",
        "So to be honest with you, I don't have the certification yet.",
        "ACLS I took in 2021, so it lapsed last year.",
        "Maybe around thirty. All of them under supervision.",
        "For the new fistulas, our senior nurses still do the first cannulations.",
        "I know I'm short on the unit experience and the certificate.",
        "I am writing the final level, the last two papers, in the November diet.",
        "So in practice, sir, I am as good as chartered.",
    ):
        assert _limits(said), said
    assert not _limits("I renewed it before it expired.")
    assert not _limits("I've been short-listed twice for the award.")


def test_a_course_one_is_enrolled_in_is_not_a_skill_held(backend_spec, embedder):  # noqa: F811
    for said in ("I'm already enrolled in the Kubernetes course, it starts in August.",
                 "I'm preparing for the Kubernetes exam."):  # fmt: skip
        [k8s] = _dim(_one("Tell me about your background.", said, backend_spec, embedder),
                     "requirement", "Kubernetes")  # fmt: skip
        assert k8s.features.get("aspiration") and k8s.score < 0.5, (said, k8s)
    [k8s] = _dim(_one("Tell me about your background.", "I had to renew my Kubernetes cert in "
                      "March, so it's current.", backend_spec, embedder), "requirement",
                 "Kubernetes")  # fmt: skip
    assert not k8s.features.get("aspiration"), k8s


def test_a_limit_that_names_nothing_leaves_a_later_yes_to_another_subject(backend_spec, embedder):  # noqa: F811
    q = "Um, queues, containers?"
    rows = _one(q, "Queues I haven't set up myself, that was the platform team. Kubernetes, yeah, "
                "I run our services on it daily.", backend_spec, embedder)  # fmt: skip
    [k8s] = _dim(rows, "requirement", "Kubernetes")
    assert not k8s.features.get("limited") and k8s.score >= 0.6, k8s
    # without the yes the limit still covers it
    rows = _one(q, "Queues I haven't set up myself, that was the platform team. Kubernetes as "
                "well, services on it daily.", backend_spec, embedder)  # fmt: skip
    [k8s] = _dim(rows, "requirement", "Kubernetes")
    assert k8s.features.get("limited"), k8s


def test_a_papers_word_said_back_answers_for_it(embedder):  # noqa: F811
    spec = parse_jd("Joiner\n\nEssential criteria\n- Full UK driving licence\n")
    q = "Driving licence, and you'd be okay with a Disclosure check?"
    [lic] = _dim(_one(q, "Full licence, clean. Disclosure, no problem.", spec, embedder),
                 "requirement")  # fmt: skip
    assert lic.score >= 0.6 and lic.evidence == "Full licence, clean.", lic
    [lic] = _dim(_one(q, "No licence, I get the bus. Disclosure is fine.", spec, embedder),
                 "requirement")  # fmt: skip
    assert lic.score < 0.2 and lic.features.get("negated"), lic


def test_a_common_word_is_not_a_name_in_capitals_it_sounds_a_little_like(embedder):  # noqa: F811
    spec = parse_jd("Joiner\n\nDesirable\n- Third-party fire door installer accreditation (e.g. "
                    "FIRAS or BM TRADA Q-Mark)\n")  # fmt: skip
    rows = _one("Where have you worked?", "Four year subbying on new build, timber kits and "
                "first fix mostly.", spec, embedder)  # fmt: skip
    assert not _dim(rows, "requirement"), rows
    rows = _one("Any accreditation?", "FIRAS, aye, since 2019.", spec, embedder)
    assert [r for r in _dim(rows, "requirement") if r.score >= 0.5], rows


_SIGNALLING = (
    "Signalling Maintenance Technician\n\nEssential\n"
    "- Valid PTS (Personal Track Safety) with a clean Sentinel record\n"
    "- Level 3 qualification in Electrical/Electronic Engineering or equivalent\n"
    "- IRSE licence (Maintainer or Installer) or willingness to achieve within 12 months\n"
    "- Full UK driving licence\n"
)


def test_a_card_the_jd_calls_valid_is_shown_by_holding_it_not_asked_by_its_words(embedder):  # noqa: F811
    spec = parse_jd(_SIGNALLING)
    [pts] = _dim(_one("What's your PTS status", "Got my PTS eight months ago, clean Sentinel.",
                      spec, embedder), "requirement", "PTS")  # fmt: skip
    assert pts.score >= 0.75 and "answer_depth" not in pts.features, pts
    # a question about track circuits asks about the track, not the safety card
    rows = _one("Let's say a track circuit is showing occupied with no train on it. What would "
                "you check", "I'd check the voltages at the feed end and the relay end.",
                spec, embedder)  # fmt: skip
    assert not _dim(rows, "requirement", "PTS"), rows


def test_a_levelled_qualification_in_a_field_is_said_by_level_and_field(embedder):  # noqa: F811
    spec = parse_jd(_SIGNALLING)
    rows = _one("Tell me about yourself", "I did my Level 3 Electrical Installation at college "
                "and then the apprenticeship.", spec, embedder)  # fmt: skip
    [lvl] = [r for r in _dim(rows, "requirement") if r.requirement.startswith("Level 3")]
    assert lvl.score >= 0.75, lvl


def test_not_yet_meets_a_paper_the_jd_takes_a_will_to_get(embedder):  # noqa: F811
    spec = parse_jd(_SIGNALLING)
    said = ("Not yet. My employer talked about the installer assessment but it hasn't happened. "
            "I'm happy to commit to getting it within the year.")  # fmt: skip
    [irse] = _dim(_one("Have you started anything towards an IRSE licence", said, spec,
                       embedder), "requirement", "IRSE Licence")  # fmt: skip
    assert irse.score == 0.5 and not irse.features.get("negated"), irse
    # a licence the JD asks for outright is still lacking
    [lic] = _dim(_one("Full licence?", "No licence, I get the bus.", spec, embedder),
                 "requirement")  # fmt: skip
    assert lic.score < 0.2 and lic.features.get("negated"), lic


_PHLEBOTOMY = (
    "Phlebotomist\n\nRequirements\n"
    "- Sound knowledge of the correct order of draw and tube additives\n"
    "- Current MLSCN registration\n"
    "- Good interpersonal skills, especially with anxious and paediatric patients\n"
)


def test_a_name_with_a_head_of_its_own_is_asked_by_its_head(embedder):  # noqa: F811
    spec = parse_jd(_PHLEBOTOMY)
    order = [r.name for r in spec.requirements if "Draw" in r.name or "draw" in r.name]
    assert order, spec.requirements
    rows = _one("Tell me how you dispose of the needle after the draw",
                "I put it straight in the sharps box, no recapping.", spec, embedder)  # fmt: skip
    assert not [r for r in _dim(rows, "requirement") if r.requirement in order], rows
    rows = _one("Let's talk about order of draw for a coag and an FBC",
                "Blue top before the purple, citrate before EDTA.", spec, embedder)  # fmt: skip
    assert [r for r in _dim(rows, "requirement") if r.requirement in order], rows


def test_a_paper_still_in_process_is_not_held(embedder):  # noqa: F811
    spec = parse_jd(_PHLEBOTOMY)
    said = ("Yes ma, I'm registered. Ehm, actually the registration is in process, I've "
            "submitted my documents.")  # fmt: skip
    [reg] = [r for r in _dim(_one("Are you registered with MLSCN", said, spec, embedder),
                             "requirement") if "MLSCN" in r.requirement]  # fmt: skip
    assert reg.score < 0.5 and reg.features.get("limited"), reg


def test_a_short_follow_up_is_read_with_the_question_before_it(backend_spec, embedder):  # noqa: F811
    lines = [
        ("interviewer", "Which apps do you keep as blocking in the Autopilot enrolment status page?"),
        ("candidate", "Minimum. Security agent, VPN if it's needed for first logon, Company "
                      "Portal. Office if the client insists. Rest after."),
        ("interviewer", "why minimum"),
        ("candidate", "ESP timeouts. Every blocking app is a failure point."),
    ]  # fmt: skip
    scored = _score_all(lines, backend_spec, embedder)
    [(pair, rows)] = [v for v in scored.values() if v[0].question == "why minimum"]
    [rel] = _dim(rows, "relevance")
    # alone, "why minimum" shares nothing with its answer
    a = turns(lines)[3]
    [alone] = _dim(score_answer(pair, [a], jobspec=backend_spec, embedder=embedder), "relevance")
    assert alone.score < 0.2 < 0.6 < rel.score


def test_a_degree_said_by_its_letters_in_lower_case_is_found():
    # ASR writes "msc", "mba", "bsc"; only the two-letter ones are common words ("ma", "ms")
    from labkit.language.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    for said, degree in (
        ("msc in clinical perfusion science, qualified 2018", "Master's Degree"),
        ("i did an mba part time", "Master's Degree"),
        ("bsc chemistry, then straight into the lab", "Bachelor's Degree"),
    ):
        found = {m.entry.name for m in vocab.find_mentions(said, speech=True)}
        assert degree in found, (said, found)
    found = {m.entry.name for m in vocab.find_mentions("thank you ma, yes", speech=True)}
    assert "Master's Degree" not in found


_LPN = (
    "Licensed Practical Nurse\n\nRequirements\n"
    "- Current BLS (CPR) certification from the American Heart Association\n"
    "- Counterbalance forklift licence\n"
    "- You will lead a team of 2-3 Certified Nursing Assistants (CNAs) on your hall\n"
)


def test_a_paper_lapsed_or_held_is_read_as_said(embedder):  # noqa: F811
    spec = parse_jd(_LPN)
    bls = next(r.name for r in spec.requirements if "Life Support" in r.name)
    said = "license yes, my bls expired back in the spring but i've done it so many times"
    rows = [r for r in _dim(_one("and your license and bls are both current", said, spec,
                                 embedder), "requirement") if r.requirement == bls]  # fmt: skip
    assert rows and max(r.score for r in rows) < 0.5, rows
    said = "bls expired in may but i renewed it last week, card's in my bag"
    rows = [r for r in _dim(_one("and your bls", said, spec, embedder), "requirement")
            if r.requirement == bls]  # fmt: skip
    assert rows and max(r.score for r in rows) >= 0.5, rows
    # "and forklift" "counterbalance ticket, renewed last year": a paper for it, held
    fork = next(r.name for r in spec.requirements if "orklift" in r.name)
    rows = [r for r in _dim(_one("and forklift", "counterbalance ticket, renewed last year. reach "
                                 "truck too", spec, embedder), "requirement")
            if r.requirement == fork]  # fmt: skip
    assert rows and rows[0].score >= 0.5 and rows[0].features.get("self_reported"), rows
    rows = [r for r in _dim(_one("and forklift", "no ticket yet, i've driven one on the farm",
                                 spec, embedder), "requirement")
            if r.requirement == fork]  # fmt: skip
    assert not rows or rows[0].score < 0.5, rows
    # the CNAs led are no example of leadership: saying "two cnas" shows none
    lead = next(r for r in spec.requirements if r.name == "Leadership")
    assert "CNAs" not in lead.aliases


def test_a_hedge_after_a_comma_is_of_its_own_clause(embedder):  # noqa: F811
    spec = parse_jd(
        "Senior Mine Surveyor\n\nEssential\n• Proficiency in Deswik, and 12d or AutoCAD Civil 3D\n"
    )
    rows = _dim(_one("how's your 12d or cad", "12d for roads and ramps, civil 3d a bit.", spec,
                     embedder), "requirement")  # fmt: skip
    by = {r.requirement: r for r in rows}
    twelve = next(v for k, v in by.items() if "12d" in k)
    assert not twelve.features.get("hedged"), rows
    cad = [v for k, v in by.items() if "AutoCAD" in k or "Civil" in k]
    assert cad and all(v.features.get("hedged") for v in cad), rows


def test_a_sound_alike_covers_the_whole_name():
    from labkit.language.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    spec = parse_jd(
        "Air Freight Import Coordinator\n\nRequirements\n- Experience in air freight import "
        "operations with a freight forwarder\n- Knowledge of CargoWise\n"
    )
    from labkit.language.scoring import requirement_entries

    targets = [e for _, e in requirement_entries(spec, vocab)]

    def heard(text):
        return [m.surface for m in vocab.find_mentions(text, speech=True, targets=targets,
                                                       fuzzy=True)]  # fmt: skip

    # "cargo" is a word of its own; "sea freight" is not "air freight" misheard
    assert heard("i think the cargo cannot be released without it") == []
    assert heard("most of our shipments there are sea freight fcl and lcl") == []
    assert heard("shorter than in the port for sea freight i think") == []
    # a name heard in pieces, or misheard whole, still is it
    assert heard("we moved everything onto cargo wise last year") == ["cargo wise"]
    kube = [vocab.get("Kubernetes")]
    said = vocab.find_mentions("a cooper netties cluster", speech=True, targets=kube, fuzzy=True)
    assert [m.entry.name for m in said] == ["Kubernetes"]


def test_years_and_months_of_the_current_job_are_its_tenure(embedder):  # noqa: F811
    spec = parse_jd(
        "Textile Testing Laboratory Officer\n\nRequirements\n- 2 years' experience in a textile "
        "testing laboratory\n- BSc Textile Engineering\n"
    )
    exp = next(r.name for r in spec.requirements if r.category == "experience")
    said = ("ma'am currently i'm lab technician, actually junior lab officer, in a denim unit on "
            "sheikhupura road side, one year and seven months")  # fmt: skip
    rows = [r for r in _dim(_one("please tell me about your current job", said, spec, embedder),
                            "requirement") if r.requirement == exp]  # fmt: skip
    assert rows and rows[0].features["claimed_years"] == 1.58, rows
    assert 0.75 < rows[0].score < 0.85  # short of the two years asked


def test_papers_and_tenure_said_short_are_evidence(embedder):  # noqa: F811
    spec = parse_jd(
        "Commercial Refrigeration Engineer\n\nWHAT YOU MUST HAVE\n- F-Gas Category 1 certificate "
        "(current, no exceptions)\n- NVQ Level 3 in Refrigeration, Air Conditioning and Heat Pump "
        "Systems\n- 3 years' post-qualification experience in commercial refrigeration\n"
    )
    said = ("refrigeration engineer with a contractor out of newport. eight years commercial. "
            "nvq3 refrigeration ac and heat pump 2016. cat 1 f gas same year, renewed")  # fmt: skip
    ask = "right so give me the short version of where you are now and what you've been doing"
    rows = _dim(_one(ask, said, spec, embedder), "requirement")
    by = {r.requirement: r for r in rows}
    for name in ("F-Gas Category 1 certificate", "NVQ Level 3"):
        assert name in by and by[name].score >= 0.75, (name, rows)
    exp = next(r.name for r in spec.requirements if r.category == "experience")
    assert by[exp].features["claimed_years"] == 8, rows


def test_a_standards_number_said_aloud_a_hyphened_field_and_a_paper_by_its_line(
    embedder,  # noqa: F811
):
    spec = parse_jd(
        "Boilermaker\n\nWhat you'll bring:\n"
        "• Minimum 3 years' post-trade experience in pressure vessel or heavy plate fabrication\n"
        "• Experience fabricating to AS 1210 and AS 4041\n"
        "• Forklift licence (LF)\n"
    )
    names = {r.name: r for r in spec.requirements}
    code = next(n for n in names if "1210" in n)
    rows = _dim(_one("and what codes were you building to", "twelve ten mostly. some asme eight "
                     "div one for export jobs", spec, embedder), "requirement", code)  # fmt: skip
    assert rows and rows[0].score >= 0.5 and rows[0].features.get("mentioned"), rows
    rows = _dim(_one("how much reading drawings do you do", "daily. isos for the spools, the "
                     "forty forty one stuff", spec, embedder), "requirement", code)  # fmt: skip
    assert rows and rows[0].score >= 0.5, rows
    # "fourteen years post trade" names the field of "post-trade experience"
    rows = _claimed(_one("so tell us a bit about yourself", "cert three fab. done my time at a "
                         "shop in henderson. so fourteen years post trade", spec, embedder))  # fmt: skip
    assert rows and rows[0].features["claimed_years"] == 14 and rows[0].score >= 0.5, rows
    # a licence the JD's line asks for is held by a terse yes to the tickets question
    fork = next(n for n in names if "orklift" in n)
    rows = _dim(_one("what about your tickets forklift white card", "white card yes. lf yes. "
                     "dogging ticket too", spec, embedder), "requirement", fork)  # fmt: skip
    assert rows and rows[0].score >= 0.5, rows
    assert said_code("1210") == ["twelve ten"] and said_code("3000") == ["three thousand"]
    assert said_code("17025") == ["seventeen oh two five"] and said_code("210") == []


def test_a_generic_verb_of_the_question_asks_nothing_of_a_requirement(embedder):  # noqa: F811
    spec = parse_jd(
        "Dispatch Planner\n\nJob Qualifications:\n* Advanced Excel (VLOOKUP, pivot tables)\n"
        "* Knowledge of petroleum product handling and DOE safety standards is an advantage\n"
    )
    petro = next(r.name for r in spec.requirements if "etroleum" in r.name)
    said = ("i try to listen first because sometimes they know the road better like if there's "
            "road works or flooding. but if it's like they just want to go home early i explain "
            "the why and if still no i escalate to the fleet supervisor")  # fmt: skip
    rows = _dim(_one("how do you handle drivers who push back on the schedule", said, spec,
                     embedder), "requirement", petro)  # fmt: skip
    assert not rows or rows[0].score < 0.5, rows
    # the thing handled still names its requirement
    spec = parse_jd("Cashier\n\nRequirements:\n* Cash handling\n* Customer service\n")
    cash = next(r.name for r in spec.requirements if "ash" in r.name)
    rows = _dim(_one("how do you handle cash at the end of a shift", "two counts, two "
                     "signatures, drop safe, variance logged", spec, embedder), "requirement", cash)  # fmt: skip
    assert rows and rows[0].features.get("asked"), rows


def test_a_things_lack_after_an_adverb_is_no_denial_of_the_skill(
    backend_spec,  # noqa: F811
    embedder,  # noqa: F811
) -> None:
    def req(answer: str):
        return _dim(_one("What do you do when a service misbehaves?", answer, backend_spec,
                         embedder), "requirement", "Kubernetes")[0]  # fmt: skip

    # "if it still doesn't fit the ADP list": the thing's lack, its subject before the adverb
    kept = req("I profile it first. If it still doesn't fit on Kubernetes we move it to a VM.")
    assert not kept.features.get("negated") and kept.score >= 0.5
    # the candidate's own lack still denies
    assert req("Honestly I still haven't used Kubernetes, we run plain VMs.").features.get(
        "negated"
    )


def test_a_terse_lowercase_procedure_shows_its_depth(backend_spec, embedder):  # noqa: F811
    # ASR text without capitals: each sentence opened by a step is a deed, the trade's own
    # words ("mbar", "condensate") and spelled-out figures ("eighty", "zero") count
    q = "the boiler keeps locking out on ignition, what's your process"
    terse = _one(
        q,
        "isolate first. check the working pressure at the valve, should read eighteen mbar. "
        "clean the electrode, reset the gap. flush the condensate trap, zero drop on the "
        "retest.",
        backend_spec,
        embedder,
    )
    vague = _one(
        q,
        "so basically i would make sure everything is done properly and safely, and i would "
        "talk to the customer and follow best practice and get it sorted out quickly.",
        backend_spec,
        embedder,
    )
    [a], [b] = _dim(terse, "technical_depth"), _dim(vague, "technical_depth")
    assert a.features["ownership"] >= 3
    assert a.features["numbers"] >= 2
    assert a.features["specialist"] >= 2 and b.features["specialist"] == 0
    assert a.score >= 0.5 > b.score


def test_specialist_words_skip_everyday_words_in_any_form():
    from labkit.language.scoring import _specialist_words

    said = "the tolerances flagged on the shipping queries, then the condensate and the mbar"
    assert _specialist_words(said) == {"condensate", "mbar"}
    assert _specialist_words("we aligned stakeholders and communicated smoothly") == set()


def test_a_papers_level_said_in_words_evidences_it(embedder):  # noqa: F811
    spec = parse_jd(
        "Chef de Partie\n\nRequirements\n- HACCP Level 3 certificate\n- Culinary diploma\n"
    )
    rows = _one(
        "what food safety training do you hold",
        "i have haccp level three from highfield and the municipality food handler card",
        spec,
        embedder,
    )
    [haccp] = _dim(rows, "requirement", "HACCP Level 3 certificate")
    assert haccp.score >= 0.5 and "haccp level three" in haccp.evidence
