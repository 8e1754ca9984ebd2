"""Question classification and Q/A pairing on typed turns (no model needed except where marked)."""

from __future__ import annotations

import itertools
import re

import pytest
from _lang_fixtures import STRONG, embedder, turns  # noqa: F401

from labkit.language.pairing import pair_questions
from labkit.language.questions import classify_turn, is_closed_question
from labkit.records import Turn


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("okay great so tell me about your last project", "prompt"),
        ("walk me through how you deployed it", "prompt"),
        ("which database would you pick", "question"),
        ("have you ever worked with kubernetes", "question"),
        ("lets get going whats your background", "question"),
        ("hey thanks for making the time how are you", "small_talk"),
        ("Okay.", "backchannel"),
        ("mm-hm right", "backchannel"),
        ("So what we do here is build pipelines.", "statement"),
        ("great to have you here", "statement"),
        ("Thank you for your time, we will be in touch.", "closing"),
    ],
)
def test_classify_turn_without_punctuation(text, kind):
    got = classify_turn(text)
    assert got.kind == kind, got
    assert got.is_question == (kind in ("prompt", "question", "small_talk"))


def test_follow_up_needs_a_prior_answer():
    assert classify_turn("why did you choose that", has_prior_answer=True).kind == "follow_up"
    assert classify_turn("why did you choose that", has_prior_answer=False).kind == "question"


def test_question_mark_raises_likeness():
    assert classify_turn("You used Docker?").question_likeness >= 0.5
    assert classify_turn("You used Docker.").question_likeness < 0.5


def _script():
    # (speaker, text, gap before)
    return [
        ("candidate", "Hello, can you hear me?", 0.0),  # before any question: not an answer
        ("interviewer", "Yes. How are you today?", 0.5),
        ("candidate", "Good, thanks.", 0.5),
        ("interviewer", "Tell me about your last project", 0.5),
        ("candidate", "I built a billing service in Python.", 0.5),
        ("interviewer", "Okay.", 0.3),  # backchannel: the answer goes on
        ("candidate", "It handled two million invoices a month.", 0.3),
        ("interviewer", "Why did you choose Postgres", 0.7),  # follow-up
        ("candidate", "Because we needed transactions.", 0.5),
        ("interviewer", "What is the CAP theorem?", 0.5),  # unanswered (long silence)
        ("interviewer", "Let's move on. Describe a conflict in your team.", 6.0),
        ("candidate", "Two colleagues disagreed about code style, so I set up a linter.", 0.5),
        ("interviewer", "How do you test code", 0.8),  # ASR split the question in two
        ("interviewer", "before it reaches production?", 0.4),
        ("candidate", "Unit tests in pytest and a staging deploy.", 0.5),
        ("interviewer", "That's all from me, thank you for your time.", 0.5),
        ("candidate", "Thank you!", 0.5),
    ]


def _turns(script, strip=False):
    out, t = [], 0.0
    for i, (spk, text, gap) in enumerate(script):
        t += gap
        if strip:
            text = re.sub(r"[^\w\s']", "", text).lower()
        dur = max(0.5, len(text.split()) / 2.7)
        out.append(Turn(i, spk, t, t + dur, text))
        t += dur
    return out


EXPECTED = [
    (1, (2,), "small_talk"),
    (3, (4, 6), "prompt"),
    (7, (8,), "follow_up"),
    (9, (), "question"),
    (10, (11,), "prompt"),
    (12, (14,), "question"),
]


@pytest.mark.parametrize("strip", [False, True])
def test_pairing_script(strip):
    pairs, closed, classes = pair_questions(_turns(_script(), strip=strip))
    got = [(p.question_turn, p.answer_turns, p.kind) for p in pairs]
    assert got == EXPECTED
    assert closed  # the closing remark ends the last answer
    unanswered = pairs[3]
    assert unanswered.a_start is None and unanswered.link_confidence == 0.0
    assert "before it reaches production" in pairs[5].question
    for p in pairs:
        if p.a_start is not None:
            assert 0 < p.link_confidence <= 1
            assert p.a_start >= p.q_end
    assert classes[5].kind == "backchannel"


def test_open_last_pair_is_not_closed():
    t = _turns(_script()[:5])
    pairs, closed, _ = pair_questions(t)
    assert not closed and pairs[-1].answer_turns == (4,)


def test_adjacency_lowers_confidence():
    near = [Turn(0, "interviewer", 0, 2, "Tell me about Kafka"), Turn(1, "candidate", 2.5, 5, "x")]
    far = [Turn(0, "interviewer", 0, 2, "Tell me about Kafka"), Turn(1, "candidate", 30, 33, "x")]
    c_near = pair_questions(near)[0][0].link_confidence
    c_far = pair_questions(far)[0][0].link_confidence
    assert c_near > c_far > 0


@pytest.mark.slow
def test_relevance_lowers_confidence_of_off_topic_answer(embedder):  # noqa: F811
    q = Turn(0, "interviewer", 0, 2, "How do you tune a slow PostgreSQL query?")
    on = Turn(
        1, "candidate", 2.5, 6, "I read the query plan and add an index on the filtered column."
    )
    off = Turn(
        1, "candidate", 2.5, 6, "My favourite holiday was a trip to the mountains with my dog."
    )
    c_on = pair_questions([q, on], embedder=embedder)[0][0].link_confidence
    c_off = pair_questions([q, off], embedder=embedder)[0][0].link_confidence
    assert c_on > c_off


def test_turns_from_script_lines():
    t = turns(STRONG)
    assert [x.idx for x in t] == list(range(len(STRONG)))
    assert all(a.t_end < b.t_start for a, b in itertools.pairwise(t))
    assert all(w.t_start >= x.t_start and w.t_end <= x.t_end + 1e-6 for x in t for w in x.words)


def test_garbled_question_found_by_turn_taking():
    t = [
        Turn(0, "interviewer", 0, 2, "Tell me about your background"),
        Turn(1, "candidate", 2.5, 6, "I studied physics and then worked as a data analyst."),
        Turn(2, "interviewer", 7, 9, "Walkman from a model you did, Lloyd."),  # ASR garbled
        Turn(3, "candidate", 9.5, 20, "I built a churn model with gradient boosting on fifty "
             "features and it improved recall by twelve percent over the old rules."),
        Turn(4, "interviewer", 21, 23, "That is interesting, we had the same issue."),
        # a remark the candidate only acknowledges: no question, and no part of the answer
        Turn(5, "candidate", 23.5, 24.5, "Oh, nice."),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(t)
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]
    assert pairs[1].link_confidence <= 0.5


def test_greeting_before_a_real_question_is_a_question() -> None:
    from labkit.language.questions import classify_turn

    for text in (
        "Hello, thanks for joining us today. Can you tell me about your experience with Python?",
        "hello thanks for joining us today can you tell me about your experience with python",
    ):
        assert classify_turn(text).kind in ("question", "prompt")
    assert classify_turn("Thanks for coming in, how was the trip?").kind == "small_talk"
    assert classify_turn("How are you doing today?").kind == "small_talk"


@pytest.mark.parametrize(
    "closing",
    [
        "Great, that covers everything from my side. Thanks a lot.",
        "Mostly delivery, and there are five of us. Thanks, that's everything from our side.",
        "Okay, well, thank you for coming in. We'll let you know.",
        "It was a pleasure talking to you, have a good evening.",
        # a reply to the candidate's own question that ends on a closing
        "You'd start on courier, which is honestly where the hard problems are. Okay, that's "
        "all from my side. Thanks Priya, we'll get back to you in a few days.",
        "There's a shared model with per-retailer features. Thanks Marco, really enjoyed this.",
        "We think maybe 40% is on contract, which is part of why we're hiring. Alright, thanks "
        "Sofie, this was great.",
        "Good question. We prototyped it on PC only. I'll let the next interviewer go deeper on "
        "that. Thanks a lot, this was really good.",
        "Okay, thanks Jordan, the recruiter will follow up with next steps.",
        "Okay. Thanks Arjun, I'll pass you on to Mei for the next round.",
    ],
)
def test_closing_remarks_end_the_answer(closing):
    script = [
        ("interviewer", "How does your team review code?", 0.5),
        ("candidate", "Pull requests, and every change is reviewed by another engineer.", 0.5),
        ("interviewer", closing, 0.5),
        ("candidate", "Thank you, bye.", 0.5),
    ]
    pairs, closed, classes = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]
    assert closed and classes[2].kind == "closing"


def test_mid_interview_thanks_is_not_a_closing():
    assert classify_turn("Thank you, that's a great answer.").kind != "closing"
    assert classify_turn("Thanks for joining. How are you today?").is_question
    # small talk whose question mark ASR wrote as a full stop
    assert classify_turn(
        "Hi Grace. Thanks for coming in. Was the traffic okay on the way."
    ).is_question
    # a prompt first, a courtesy after it: still a prompt
    assert classify_turn("Walk me through your last project. Thanks for your time.").is_question
    assert classify_turn("Okay, which is better for this, Kafka or RabbitMQ?").is_question


@pytest.mark.parametrize(
    ("second", "asked"),
    [
        ("Sorry, let me put it differently. Have you automated any of your work?", 1),
        ("Or any tool at all to track customer issues?", 1),
        ("before it reaches production?", 0),  # the rest of a question ASR cut in two
    ],
)
def test_the_answered_wording_of_a_question(second, asked):
    script = [
        ("interviewer", "Do you use Python at all?", 0.5),
        ("interviewer", second, 0.4),
        ("candidate", "A couple of scripts that open tickets from scan results.", 0.6),
    ]
    [pair] = pair_questions(_turns(script))[0]
    assert pair.question_turn == asked and pair.answer_turns == (2,)
    assert pair.question.startswith("Do you use Python")  # both wordings are kept as the question


def test_a_clarification_exchange_stays_in_its_answer():
    script = [
        ("interviewer", "Please describe how you manage infrastructure changes.", 0.5),
        ("candidate", "Do you mean the cluster infrastructure itself, or application releases?", 0.5),
        ("interviewer", "The infrastructure itself, for example networks and clusters.", 0.5),
        ("candidate", "All of it is in Terraform with one repository per environment, and every "
                      "change goes through a pull request that a second engineer approves.", 0.5),
    ]  # fmt: skip
    pairs, _, classes = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]
    assert not classes[2].is_question


def test_the_interviewers_reply_to_a_clarifying_question_is_not_a_new_question():
    script = [
        ("interviewer", "Okay. What about Kafka, how do you use it?", 0.5),
        ("candidate", "Do you mean producing and consuming, or running the cluster itself?", 0.5),
        ("interviewer", "Let's say the application side.", 0.5),  # reads like a prompt alone
        ("candidate", "We consume events from the policy service in two of our services, with "
                      "Spring Kafka, and the platform team runs the brokers.", 0.5),
        ("interviewer", "Let's say you had to replay a day of events. How would you do it?", 0.5),
        ("candidate", "I would reset the consumer group offsets to that morning.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    # the clarification stays in the answer; a real question after the answer still opens one
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3)), (4, (5,))]
    # an unsure answer that ends in "?" asks nothing back: the next question is a question
    script = [
        ("interviewer", "what do you do to make a page accessible", 0.5),
        ("candidate", "Hmm, that's a good question. I don't know, maybe bigger fonts?", 0.5),
        ("interviewer", "how would you test a component", 0.5),
        ("candidate", "I would click through it in the browser.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


@pytest.mark.parametrize(
    ("asked_back", "reply"),
    [
        ("Do you want, um, like, the formula, or the code?",
         "Either. Just walk me through the approach you'd take."),
        ("Are they all certified under the framework, or do you know? That changes the answer.",
         "Frankly, I don't know. Assume a mix, some certified, some not."),
    ],
)  # fmt: skip
def test_a_yes_no_question_asked_back_keeps_the_answer_going(asked_back, reply):
    script = [
        ("interviewer", "Let's talk risk. How would you compute a one-day VaR for a book?", 0.5),
        ("candidate", asked_back, 0.5),
        ("interviewer", reply, 0.5),  # a prompt or a remark alone; here it answers the candidate
        ("candidate", "I would take two years of daily returns, revalue the book under each "
                      "one and read off the first percentile of the losses.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]


@pytest.mark.parametrize(
    "asked_back",
    [
        "Just to make sure I answer the right thing, do you mean transitioning them, like the "
        "patient came in on apixaban, or that they were accidentally ordered both",
        "Quick question first is the flag reason already stored somewhere like does the "
        "matching engine write out a reason code",
        "Like the ERP meaning the accounting system",
    ],
)
def test_a_question_asked_back_without_its_question_mark(asked_back):
    # as ASR writes it: no "?", and the asking words not first
    script = [
        ("interviewer", "Walk me through how you would handle it.", 0.5),
        ("candidate", asked_back, 0.5),
        ("interviewer", "The first one. Last dose was this morning and the team wants a drip.", 0.5),
        ("candidate", "Then I would hold the drip until the next dose would have been due and "
                      "monitor with aPTT for the first two days.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script, strip=True))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]


def test_an_answer_that_opens_with_a_rhetorical_question_is_an_answer():
    script = [
        ("interviewer", "What was the hardest bug you fixed last year?", 0.5),
        ("candidate", "Do you know what broke it in the end? A timezone. The nightly job ran "
                      "twice on the day the clocks changed, so I moved every schedule to UTC "
                      "and added a test for both transition days.", 0.5),
        ("interviewer", "Tell me how you test your data pipelines.", 0.5),
        ("candidate", "Unit tests on each transform and a row-count check after each load.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_a_negated_cue_and_a_lets_start_with_prompt():
    # "Don't tell me." is an idiom, not a prompt; "Let's start with your current role." is one
    assert classify_turn("Don't tell me. Right. I'm Hugh, the general counsel here.").kind == (
        "statement"
    )
    assert classify_turn("Let's start with your current role.").is_question
    assert classify_turn("Great, let's talk soon.", has_prior_answer=True).kind == "closing"
    script = [
        ("interviewer", "Is the weather better than it is here?", 0.5),
        ("candidate", "Considerably, I'm afraid. Twenty-two degrees today.", 0.5),
        ("interviewer", "Don't tell me. Right. I'm Hugh, the general counsel. We are a payments "
                        "company of six hundred people.", 0.5),
        ("interviewer", "Let's start with your current role.", 0.5),
        ("candidate", "I'm head of privacy at a telecoms group, and the designated DPO for the "
                      "Irish entity, with a team of three.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (3, (4,))]


def test_conditional_follow_up_without_question_mark():
    script = [
        ("interviewer", "How would you troubleshoot an app that will not load", 0.5),
        ("candidate", "I would ask for a screenshot and check our status page first.", 0.5),
        ("interviewer", "and if that doesn't work", 0.5),
        ("candidate", "Then I would try to reproduce it in the same browser.", 0.5),
    ]
    pairs, _, _ = pair_questions(_turns(script, strip=True))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_the_candidates_own_questions_are_paired_not_scored():
    from labkit.language.questions import UNSCORED_KINDS, question_topic

    cls = classify_turn("Great. Do you have any questions for us?", has_prior_answer=True)
    assert cls.kind == "candidate_questions" and cls.is_question
    assert cls.kind in UNSCORED_KINDS and "small_talk" in UNSCORED_KINDS
    assert classify_turn("Are you calling in from Berlin today?").kind == "small_talk"
    assert question_topic("How do you explain model results to the factory managers?") == (
        "behavioural"
    )
    assert question_topic("Why did you choose Postgres over MySQL?") == "technical"


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Have you run services on Kubernetes?", True),
        ("Do you have your CCNP", True),
        ("Can you walk me through your last deployment?", False),
        ("Could you explain how an index works?", False),
        ("Do you know how a B-tree works?", False),
        # a statement about the candidate put up to be confirmed
        ("And drug and alcohol, you're fine with a pre-employment test and randoms?", True),
        ("You'd be okay with nights?", True),
        ("And you can start when?", False),
        ("You were at Acme, and what did you do there?", False),
        ("You're responsible for the budget, and what was it last year?", False),
    ],
)
def test_yes_no_questions_and_prompts_in_yes_no_form(text, closed):
    from labkit.language.questions import is_closed_question

    assert is_closed_question(text) is closed


def test_technical_questions_that_sound_like_small_talk_or_soft_skills():
    from labkit.language.questions import question_topic

    assert classify_turn("How did you find the bug?").kind == "question"
    assert classify_turn("Did you find us okay?").kind == "small_talk"
    assert question_topic("How do the services communicate?") == "technical"
    assert question_topic("How would you tune the feedback loop in the controller?") == "technical"
    assert (
        question_topic("How do you communicate with non-technical stakeholders?") == "behavioural"
    )


@pytest.mark.parametrize(
    "text",
    [
        "This job covers three counties, so there's a lot of driving, in your own car. That "
        "work for you?",
        "We go in pairs on high-risk visits. You've got a valid license, you're okay driving a "
        "county car?",
    ],
)
def test_driving_and_licence_questions_are_terms_of_the_job(text):
    from labkit.language.questions import question_topic

    assert question_topic(text) == "behavioural"
    assert question_topic("How do you plan a route for a day of home visits?") == "technical"


@pytest.mark.parametrize(
    "text",
    [
        "Shuts are twelve-hour days, usually two or three weeks straight. You right with that?",
        "Medical, D and A — any problems there?",
        "Can you work nights on a rotating roster? Our pattern is two day, two night, four off.",
        "Long days are normal with us, and Saturdays on some jobs. That okay?",
        "Why us? You could go back to labour hire tomorrow.",
        "Why'd you come off it?",
        "Good time for a quick chat? You on a job at the moment?",
    ],
)
def test_terms_motives_and_small_talk_show_no_technical_depth(text):
    from labkit.language.questions import question_topic

    assert question_topic(text) == "behavioural"


@pytest.mark.parametrize(
    "technical",
    [
        "Why'd you migrate, and how did you do it without breaking everything?",
        "How do you manage fatigue on a roster that might have four sectors with early reports?",
        "What duty rating would you build for a blasting crew? Any issues with the load?",
    ],
)
def test_technical_questions_near_those_words_stay_technical(technical):
    from labkit.language.questions import question_topic

    assert question_topic(technical) == "technical"


@pytest.mark.parametrize(
    "closing",
    [
        "Okay, thanks Ben. We'll talk it over and get back to you.",
        "Alright. Thanks Chen, we'll send you feedback by Thursday.",
        "Nice. Thanks Marco, HR will get in touch next week.",
        "Okay. Thanks man, will you talk it over and get back to you?",  # ASR's "we'll"
    ],
)
def test_what_happens_next_is_a_closing(closing):
    assert classify_turn(closing, has_prior_answer=True).kind == "closing"
    # ... but a question about keeping in touch is a question
    how = classify_turn("How do you keep in touch with your remote team?", has_prior_answer=True)
    assert how.kind == "question"


@pytest.mark.parametrize(
    "invitation",
    [
        "Great, that's really helpful. We've got a few minutes, what do you want to ask me?",
        "Nice find. Okay, I'm done with my questions. What would you like to know?",
        "That's honest. Okay, I've got a good picture. What can I answer for you?",
        # as ASR writes it, with no question mark
        "great okay we've got about five minutes left and if you want to ask me anything",
        "Good, we're on Envision too. Do you have any questions for the panel?",
        "Okay, now I want to try it. So, questions for me?",
        "Cool. I think that covers it from our side. Did you have any questions?",
    ],
)
def test_the_invitation_to_ask_is_answered_by_the_candidates_first_question(invitation):
    assert classify_turn(invitation, has_prior_answer=True).kind == "candidate_questions"
    script = [
        ("interviewer", "How do you keep a regression suite fast?", 0.5),
        ("candidate", "I shard it across eight runners and quarantine flaky tests.", 0.5),
        ("interviewer", invitation, 0.5),
        ("candidate", "How much of the work goes upstream? And who would I learn from?", 0.5),
        # the reply names a risk in a relative clause and ends warmly: not a new question
        ("interviewer", "Most of it. Bluetooth is owned by one person, which is a risk, so "
                        "you'd pair with me at first. Thanks, Priya, really enjoyed that.", 0.5),
        ("candidate", "Thanks, Tom, me too. Speak soon.", 0.5),
    ]  # fmt: skip
    pairs, _, classes = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]
    assert not classes[4].is_question


@pytest.mark.parametrize(
    ("invitation", "kind"),
    [
        # as ASR writes them: the invitation ends the turn, its question mark dropped
        ("Okay, that's all I've got anything you'd like to ask me", "candidate_questions"),
        ("Great. Okay, we've got about five minutes left and if you want to ask Excuse",
         "candidate_questions"),
        ("If you want to ask about the on-call rota later, just email me and we can set up a "
         "call.", "statement"),
        ("High Asia, thanks for coming in. Did parking go okay. At garage in the maze.",
         "small_talk"),
        ("Did the rollout finish on time.", "question"),
    ],
)  # fmt: skip
def test_questions_whose_question_mark_asr_dropped(invitation, kind):
    assert classify_turn(invitation, has_prior_answer=True).kind == kind


def test_a_reply_to_the_candidate_that_moves_on_to_question_one_asks_it():
    script = [
        ("interviewer", "We'll ask everyone the same seven questions, in the same order. Any "
                        "questions before we begin?", 0.5),
        ("candidate", "Um, no, just, can I take notes on the sheet?", 0.5),
        ("interviewer", "Yes, you may. Question one. Please describe your education and "
                        "experience and how they prepare you for this position.", 0.5),
        ("candidate", "I have a B.S. in Biology and fourteen months as a specialist one, "
                      "doing food, pools and housing inspections for the county.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_an_answer_cut_by_a_bad_line_goes_on():
    script = [
        ("interviewer", "Let me give you a scenario. Client, 58, wants to retire at 60 and "
                        "clear his mortgage. What are you thinking?", 0.5),
        ("candidate", "First, whether he takes the tax-free cash now, because taxable income "
                      "would trigger the money purchase allowance, which could actually bite.", 0.5),
        ("interviewer", "Sorry, you cut out for a second there. You said 'could actually "
                        "bite'. Go on.", 0.5),
        ("candidate", "Sorry, yes. Then twenty-five percent of four hundred thousand is well "
                      "under the lump sum allowance, so that clears the mortgage.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]


def test_a_yes_no_reply_tells_a_question_whose_question_mark_was_lost():
    script = [
        ("interviewer", "Hi, this is Jordan,", 0.5),  # "Hi, is this Jordan?"
        ("candidate", "Yes, hi, good morning. Thank you so much for having me.", 0.5),
        ("interviewer", "Tell me about your last project", 0.5),
        ("candidate", "I built a billing service in Python for a logistics firm, and I owned "
                      "the invoice pipeline end to end from ingestion to the monthly close.", 0.5),
        ("interviewer", "So you were the only engineer on it.", 0.5),
        ("candidate", "No, there were three of us.", 0.5),
        # a remark after which the candidate goes on is no question
        ("interviewer", "Okay, that's a lot of moving parts.", 0.5),
        ("candidate", "Right, and the hardest part was the reconciliation job.", 0.5),
    ]  # fmt: skip
    pairs, _, classes = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [
        (0, (1,)),
        (2, (3,)),
        (4, (5, 7)),
    ]
    # a short yes/no reply says nothing about fit: unscored small talk
    assert classes[0].kind == "small_talk" and classes[4].kind == "small_talk"


def test_a_topic_named_alone_is_a_prompt_and_a_hum_is_not():
    answer = ("It goes down, because prices and yields are inversely related, roughly six "
              "percent for a fifty basis point rise in yields, before convexity.")  # fmt: skip
    more = ("Convexity is the curvature of the price yield curve, so the first order estimate "
            "overstates the loss a little when yields rise.")  # fmt: skip
    for remark, expect in (("convexity", [(0, (1,)), (2, (3,))]), ("Mmm.", [(0, (1, 3))])):
        script = [
            ("interviewer", "What happens to a bond with modified duration six if yields rise?",
             0.5),
            ("candidate", answer, 0.5),
            ("interviewer", remark, 0.5),
            ("candidate", more, 0.5),
        ]  # fmt: skip
        pairs, _, _ = pair_questions(_turns(script))
        assert [(p.question_turn, p.answer_turns) for p in pairs] == expect, remark


def test_the_interviewer_answering_the_candidates_questions_asks_nothing():
    script = [
        ("interviewer", "Okay, that's everything I had. What questions do you have for me?", 0.5),
        ("candidate", "How much of the work goes upstream versus staying downstream.", 0.5),
        ("interviewer", "We try to upstream anything that isn't ISA specific, and you'd be "
                        "paired with one of our MLIR contributors.", 0.5),
        ("candidate", "Thank you, Alex, that sounds great to me.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]
    # nor does a "?" ASR put in the interviewer's reply make it a question
    script[2] = ("interviewer", "Studying our assigned by the inside and workload? We look at "
                                "each coordinator's visit load, not just the number.", 0.5)  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]
    # a question of its own still is one
    script[2] = ("interviewer", "Most of it. Are you open to relocating to Austin?", 0.5)
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_a_remark_the_candidate_acknowledges_asks_nothing_and_ends_the_answer():
    answer = ("Mostly in Excel, worst case, with a loop diagram; the one I remember is a guide "
              "rail gap where the weldment tolerance closed the gap.")  # fmt: skip
    script = [
        ("interviewer", "Tolerance stack-ups, how do you approach them?", 0.5),
        ("candidate", answer, 0.5),
        ("interviewer", "Got it. For what it's worth, here we build a few thousand pump heads "
                        "a year, so RSS comes up a lot.", 0.5),
        ("candidate", "Okay, good to know. That's something I'd like to learn properly.", 0.5),
        ("interviewer", "Okay, appreciate that. We're a smaller team and there's no BI group "
                        "here.", 0.5),
        ("candidate", "Yeah, that makes sense, I'd be keen to get better at it.", 0.5),
        ("interviewer", "What about FEA?", 0.5),
        ("candidate", answer, 0.5),
        # about the candidate, "Yeah" answers
        ("interviewer", "So you were the only engineer on that line for two years.", 0.5),
        ("candidate", "Yeah, just me and a technician.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [
        (0, (1,)),
        (6, (7,)),
        (8, (9,)),
    ]


def test_a_question_put_back_and_confirmed_keeps_the_answer_going():
    script = [
        ("interviewer", "Okay. Tell me about a deviation you investigated.", 0.5),
        ("candidate", "Deviation, like a nonconformance? We call them NCRs.", 0.5),
        ("interviewer", "Yes, same idea. An unplanned departure from a procedure or a "
                        "specification, and the investigation behind it.", 0.5),
        ("candidate", "Okay. So we had a metal detector failure on one of the lines once, and "
                      "we did a five whys and retrained the operator.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]


def _unanswered_flags(pairs):
    """The final verdict's "unanswered" flags for these pairs alone."""
    from labkit.judgment.profile import Profile
    from labkit.judgment.verdict import risk_flags

    flags = risk_flags(pairs=pairs, scores=[], counted=set(range(len(pairs))), profile=Profile(),
                       jobspec=None, final=True)  # fmt: skip
    return [f for f in flags if f.startswith("unanswered")]


@pytest.mark.parametrize(
    ("first", "second", "answer"),
    [
        # withdrawn
        ("How would you deal with a deadlock in SQL Server",
         "Actually, sorry, let me skip that one. Last question: tell me about a bug.",
         "Double bookings: I added a unique constraint and a row version check."),
        # held for later
        ("Have you used Splunk SOAR at all?",
         "Actually, sorry, hold that thought. Say an attacker moves laterally. What are you "
         "looking for in the logs?",
         "Logons of type three and ten between hosts that never talk, and service tickets with "
         "RC4."),
        # waved off
        ("How many moves an hour were you getting up there?",
         "Actually, doesn't matter, different terminal, different numbers. Done any reefer or "
         "lashing work?",
         "Bit of reefer plugging when we were short. No lashing."),
    ],
)  # fmt: skip
def test_a_question_withdrawn_held_or_waved_off_stays_unanswered(first, second, answer):
    script = [("interviewer", first, 0.3), ("interviewer", second, 0.3), ("candidate", answer, 0.5)]
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, ()), (1, (2,))]
    # the interviewer took it back: no question the candidate left unanswered
    assert not _unanswered_flags(pairs)
    assert _unanswered_flags(pairs[:1])


def test_it_doesnt_matter_inside_a_question_asks_on():
    assert classify_turn("It doesn't matter which tool. How would you find a memory leak?").kind in (
        "question", "prompt")  # fmt: skip


def test_leaving_time_for_questions_invites_them_and_a_remark_of_one_of_us_can_ask():
    assert classify_turn("all right I'll leave some time for your questions").kind == (
        "candidate_questions"
    )
    # said of later, before the first question, it invites nothing yet
    assert classify_turn(
        "I'll ask about projects, and then leave time for your questions. So to kick off, why "
        "don't you walk me through your background?"
    ).kind in ("question", "prompt")
    # "Nights?" lost by ASR: "we've all been there" is no talk about the company
    script = [
        ("interviewer", "Can you hear me alright?", 0.5),
        ("candidate", "Yes, I can hear you fine, I'm just coming off a shift.", 0.5),
        ("interviewer", "Ha, no worries at all, we've all been there", 0.5),
        ("candidate", "Evenings this week, three to eleven thirty. It's fine, I actually kind of "
                      "like evenings, it's quieter once the admissions slow down.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_a_short_reaction_a_thanks_and_a_hedging_lets_say_ask_nothing():
    answer = ("We batch inserts with NSBatchInsertRequest, which took the initial sync from "
              "about eleven seconds to under three on an older phone.")  # fmt: skip
    script = [
        ("interviewer", "How do you persist the data?", 0.5),
        ("candidate", answer, 0.5),
        ("interviewer", "That's pretty much where we landed too, and it's... let's say it's "
                        "showing its age.", 0.5),
        ("candidate", "Ha, that's a very familiar sentence. Every app I've worked on has one.",
         0.5),
        ("interviewer", "How do you track the deadlines?", 0.5),
        ("candidate", answer, 0.5),
        ("interviewer", "That's okay. Our case management system tracks every deadline for "
                        "the team.", 0.5),
        ("candidate", "That's really reassuring, thank you.", 0.5),
        ("interviewer", "How long were you at the agency?", 0.5),
        ("candidate", answer, 0.5),
        ("interviewer", "Okay, thanks for clarifying that.", 0.5),
        ("candidate", "Yeah, sorry, I should have said that better up front.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [
        (0, (1,)),
        (4, (5,)),
        (8, (9,)),
    ]


@pytest.mark.parametrize(
    "again", ["Anything else?", "Any other questions for me", "Anything else you'd like to know?"]
)
def test_handing_the_floor_back_after_their_question_is_answered_by_the_reply(again):
    script = [
        ("interviewer", "Alright, what questions do you have for me?", 0.5),
        ("candidate", "What's the split between preventive work and troubleshooting?", 0.5),
        ("interviewer", f"Roughly fifty-fifty, heavier on troubleshooting in summer. {again}", 0.5),
        ("candidate", "No, I think that's it. Thanks for your time.", 0.5),
        ("interviewer", "Thanks, Marcus. We'll be in touch next week.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]
    assert all(p.kind == "candidate_questions" for p in pairs)
    # the interviewer's plain reply to the candidate's question asks nothing
    plain = [
        *script[:2],
        ("interviewer", "Roughly fifty-fifty, heavier on troubleshooting in summer.", 0.5),
        ("candidate", "Okay, great.", 0.5),
    ]
    pairs, _, _ = pair_questions(_turns(plain))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]


def test_a_morning_greeting_is_small_talk_and_the_terms_of_the_job_no_technique():
    from labkit.language.questions import question_topic

    assert classify_turn("Hi, come on in. How's your morning been so far?").kind == "small_talk"
    assert question_topic("How do you feel about call? We do one weekend a month.") == (
        "behavioural"
    )
    assert question_topic("How do you feel about working nights long term?") == "behavioural"
    assert question_topic("How do you feel about Kubernetes operators?") == "technical"


def test_an_answer_goes_on_after_the_reply_to_the_candidates_question_and_a_reaction():
    script = [
        ("interviewer", "The role includes on-call about one week in six. How do you feel about "
                        "that?", 0.5),
        ("candidate", "Honestly, I'd rather not, if I'm being upfront. I've got a second job on "
                      "weekends, I do IT for my uncle's business. Is on-call, like, required?",
         0.5),
        ("interviewer", "It is, yes. Everyone on the team rotates.", 0.5),
        ("candidate", "Okay. I mean, I could probably figure it out.", 0.5),
        ("interviewer", "How comfortable are you with Section GG scoring?", 0.5),
        ("candidate", "Very. At Lakeside OT owns the self-care items and we split the transfer "
                      "items with PT, and I rebuilt our training on usual performance.", 0.5),
        ("interviewer", "Oh, wow. Okay.", 0.5),
        ("candidate", "Yeah, it was a chunk of work, but it matters for the case-mix groups.",
         0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3)), (4, (5, 7))]


@pytest.mark.parametrize(
    "text",
    [
        "Hi, is this Linh Tran?",
        "Am I speaking with Darnell Hughes?",
        "Sure. And it's Adaeze, did I say that right?",
        "Hi Linh, it's Robert from Pacific Gateway. Is now still a good time?",
        "Marcus? Dave Kowalski. Come on in, grab a seat.",
        "You find the place okay? Parking's a mess out there with the construction.",
        "Hi Danielle! Come on back, I'm Tanya. Did you have any trouble finding us?",
        "G'day, is that Troy? Darren Pike here, maintenance super out at Kurrajong Ridge. Is "
        "now still a good time?",
        "Good stuff. You're on your R&R at the moment, I take it? Not ringing you halfway "
        "through a PM service?",
    ],
)
def test_checking_who_is_on_the_line_is_small_talk(text):
    assert classify_turn(text).kind == "small_talk"


@pytest.mark.parametrize(
    "text", ["Is that Kubernetes?", "So the first one. Is that Terraform?", "Hi, is that EKS?"]
)
def test_asking_whether_it_is_a_tool_is_no_name_check(text):
    assert classify_turn(text).kind == "question"


def test_how_are_you_with_a_tool_asks_about_it():
    assert classify_turn("SAP. How are you with work orders?").kind == "question"
    assert classify_turn("How are you with heights?").kind == "question"
    assert classify_turn("Hi Sam, how are you?").kind == "small_talk"


def test_days_off_asked_about_the_work_are_no_small_talk():
    assert classify_turn("What do you do on your days off to keep your tickets current?").kind == (
        "question"
    )
    turn = classify_turn("Not ringing you at a bad time? Walk me through a PM service on a 930E.")
    assert turn.kind == "prompt"


def test_greeting_checks_and_terms_of_the_job_show_no_technique():
    from labkit.language.questions import question_topic

    greeting = (
        "Hey, is this Tomás? It's Kelly from Hartwell Plumbing. Did I catch you at an okay time?"
    )
    assert classify_turn(greeting).kind == "small_talk"
    assert classify_turn("Hi, is this Linh Tran? What do you use for IaC?").kind == "question"
    assert classify_turn("Did I catch you at the end of the migration?").kind == "question"
    for q in (
        "Okay. And why the move?",
        "You'd be in a company van, and we do a background check and a drug screen. Any issues "
        "with any of that?",
    ):
        assert question_topic(q) == "behavioural", q


def test_trouble_finding_a_cause_is_a_question_and_a_few_words_check_closed():
    from labkit.language.questions import is_closed_question

    assert classify_turn("Did you have any trouble finding the root cause?").kind == "question"
    # finding a place in the code is no finding of the office
    leak = classify_turn("How did you find the place in the code where it leaked?")
    assert leak.kind != "small_talk"
    assert classify_turn("Did you find the place okay?").kind == "small_talk"
    assert is_closed_question("Driving record?")
    assert is_closed_question("Okay. Colorado license current?")
    assert not is_closed_question("Prints. You get a car with no prints. What do you do?")
    assert not is_closed_question("Why?")
    # a statement put up to be confirmed
    assert is_closed_question("White card's current, I assume?")
    assert is_closed_question("Okay. And you've got your own hand tools, right?")
    assert not is_closed_question("And what would you check first, I guess?")
    assert not is_closed_question("How would you handle it, I wonder?")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Notice?", "behavioural"),
        ("Medical and drug and alcohol — any problems with either?", "behavioural"),
        ("Long days are normal with us, ten hours, and Saturdays. That okay?", "behavioural"),
        ("When could you start?", "behavioural"),
        ("What did you notice on the slew brake?", "technical"),
    ],
)
def test_terms_of_the_job_in_few_words_read_no_technical_depth(text, topic):
    from labkit.language.questions import question_topic

    assert question_topic(text) == topic


def test_checking_the_line_in_other_words_is_small_talk():
    assert classify_turn("Shane, Kylie from Kestrel. You right to talk?").kind == "small_talk"
    assert classify_turn("Hello, Wei Ling? This is Marcus. Can hear me?").kind == "small_talk"


def test_an_agreeing_tag_asks_nothing():
    # "It's a lovely morning for it." "Isn't it? ... Tea, coffee?": an offer, not a question
    assert classify_turn("Isn't it? Sure we'll take it. Tea, coffee?").kind == "small_talk"
    assert classify_turn("Doesn't it need a permit first?").kind == "question"


def test_a_laugh_before_a_yes_still_answers_a_remark_put_to_be_confirmed():
    script = [
        ("interviewer", "Medical and drug and alcohol test, no dramas?", 0.5),
        ("candidate", "No dramas.", 0.5),
        ("interviewer", "And you've got your licence, obviously, you're in the car.", 0.5),
        ("candidate", "Ha. Yeah. WA licence, clean.", 0.5),
    ]
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_managing_to_find_the_building_is_small_talk_and_a_cause_is_not():
    welcome = "Hi, come on in. Did you manage to find the department okay? The signs are poor."
    assert classify_turn(welcome).kind == "small_talk"
    assert classify_turn("Did you manage to find the root cause?").kind == "question"


def test_parking_tea_breakfast_and_audio_checks_are_small_talk():
    for said in ("Alright Stevie, come in. Get parked okay?", "Good stuff. Tea? Kettle's just boiled.",
                 "Have you had breakfast already?", "Hi Ramesh, am I audible?"):  # fmt: skip
        assert classify_turn(said).kind == "small_talk", said
    assert classify_turn("Have you had lunch breaks covered by agency staff?").kind == "question"


def test_a_question_taken_back_in_its_own_turn_is_left_and_the_next_asks_anew():
    taken_back = ("Okay, appreciate the honesty. Do you listen to any of our shows? Actually, "
                  "you know what, skip that, everybody says yes.")  # fmt: skip
    guests = "Let's talk guests. Tell me about a time a booking went sideways"
    story = "Oh, I have a good one. A founder cancelled, so I pulled an evergreen interview."
    script = [("interviewer", taken_back, 0.3), ("interviewer", guests, 0.3),
              ("candidate", story, 0.5)]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, ()), (1, (2,))]
    assert not _unanswered_flags(pairs[:1])
    # a question after "let's move on" in the same turn is asked: the turns are one question
    script[0] = ("interviewer", "Great, let's move on. Do you listen to any of our shows?", 0.3)
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(1, (2,))], pairs
    assert "Do you listen" in pairs[0].question


def _paired(script) -> list[tuple[int, tuple[int, ...]]]:
    """(question turn, answer turns) of each pair the script makes."""
    pairs, _, _ = pair_questions(_turns(script))
    return [(p.question_turn, p.answer_turns) for p in pairs]


def test_a_greeting_answer_ends_when_the_candidate_only_takes_in_the_role_intro():
    intro = ("Good stuff. So I'm Morag, I'm the manager, and this is Craig from HR who'll be "
             "taking notes. We've got about forty minutes and then time for your questions.")  # fmt: skip
    about = "So just to start off, can you tell us a wee bit about yourself"
    for ack in ("okay", "Sharp.", "Brilliant, that sounds great."):
        script = [
            ("interviewer", "Morning Jamie, come in, have a seat. Did you find us alright", 0.3),
            ("candidate", "aye, eh, it was fine. I got the bus.", 0.3),
            ("interviewer", intro, 0.5),
            ("candidate", ack, 0.2),
            ("interviewer", about, 0.3),
            ("candidate", "I've been working in the Co-op for three year, on the tills.", 0.5),
        ]
        assert _paired(script) == [(0, (1,)), (4, (5,))], ack


def test_who_after_a_name_the_turn_points_to_is_a_relative_clause():
    role = ("Right so I'll tell you a bit about the role first. You'd have your own portfolio "
            "and you'd be reporting to Declan who's the team lead.")  # fmt: skip
    assert not classify_turn(role, has_prior_answer=True).is_question
    # a name said to the candidate and then a question stays a question
    assert classify_turn("Okay thanks Sam who is your current manager").is_question


def test_what_have_you_got_for_me_hands_the_floor_to_the_candidate():
    for said in ("Sweet as. What have you got for me", "Good. What questions have you got for me"):
        assert classify_turn(said, has_prior_answer=True).kind == "candidate_questions", said
    topic = "What have you got for me in terms of reliability data?"
    assert classify_turn(topic, has_prior_answer=True).kind == "question"


def test_a_prompt_after_the_reply_to_a_question_put_back_asks_anew():
    script = [
        ("interviewer", "Have you heard of the annual canvass", 0.3),
        ("candidate", "Is that like, when they chap the doors? I'm no sure.", 0.3),
        ("interviewer", "That's part of it, yes. OK.", 0.2),
        ("interviewer", "Tell us about any databases or computer systems you've used", 0.3),
        ("candidate", "The till system. And Excel a wee bit at school.", 0.4),
    ]
    assert _paired(script) == [(0, (1,)), (3, (4,))]


def test_a_name_put_with_a_tag_is_a_question():
    for said in ("Good morning, you're welcome. Emeka abi", "You're Dana, right"):
        assert classify_turn(said).kind == "small_talk", said
    for said in ("Thanks Priya, yeah", "We use SAP here, right"):
        assert not classify_turn(said).is_question, said


def test_finding_the_place_is_small_talk_whatever_it_is_called():
    for said in ("Hiya Marcus, you alright? Come in, grab a seat. Did you find the depot OK",
                 "Did you find the yard okay?"):  # fmt: skip
        assert classify_turn(said).kind == "small_talk", said
    for said in ("Did you find the fault OK?", "Are you alright with working nights?"):
        assert classify_turn(said).kind == "question", said


def test_where_the_candidate_is_today_is_small_talk():
    for said in ("You're in Batangas now?",
                 "You're in Toronto right now is it, how's the weather over there"):  # fmt: skip
        assert classify_turn(said).kind == "small_talk", said
    for said in (
        "You're in charge of the rota?",
        "So you're at Siemens now? What do you do there?",
    ):
        assert classify_turn(said).is_question and classify_turn(said).kind != "small_talk", said


_HERD = ("Ha no worries. So 900 cows, 60 bail rotary, three staff under you. Herd manager, "
         "you'd be my right hand basically.")  # fmt: skip


def test_a_yes_to_news_of_the_job_is_no_answer_to_the_greeting():
    script = [
        ("interviewer", "Where are you calling from, you still down in Canterbury", 0.3),
        ("candidate", "Yeah Ashburton. Just finished afternoon milking.", 0.3),
        ("interviewer", _HERD, 0.5),
        ("candidate", "Yep.", 0.2),
        ("interviewer", "Give me a quick rundown of where you've been", 0.3),
        ("candidate", "Four seasons 2IC on a 600-cow farm, then herd manager.", 0.5),
    ]
    assert _paired(script) == [(0, (1,)), (4, (5,))]
    # a remark about the candidate's own past is confirmed, and that is an answer
    script[2] = (
        "interviewer",
        "So you were the only one on nights then, all through calving.",
        0.5,
    )
    assert _paired(script)[1] == (2, (3,))


def test_a_question_said_without_its_verb():
    for said in ("and your education", "ok. Any certification, Odoo functional certification",
                 "Your CoC, any limitation", "Great. Y'all get any of that hail last night out in "
                 "Franklin", "You ever used Gazelle"):  # fmt: skip
        assert classify_turn(said, has_prior_answer=True).is_question, said
    for said in ("Any time.", "Your role would be on nights.", "Great, your timing is perfect.",
                 "You have a lot of experience there."):  # fmt: skip
        assert not classify_turn(said, has_prior_answer=True).is_question, said


def test_the_career_before_the_one_told_asked_without_a_verb():
    for said in ("ok and before that", "And since then"):
        assert classify_turn(said, has_prior_answer=True).is_question, said
    for said in ("and before that I was at Tesco", "ok and after that we will do the tour"):
        assert not classify_turn(said, has_prior_answer=True).is_question, said


def test_a_close_that_ends_on_a_question_of_its_own_is_answered():
    said = ("ok Ciaran, we're interviewing over the next two days and we'll be in touch early "
            "next week. is the phone number on your form the best one?")  # fmt: skip
    cls = classify_turn(said, has_prior_answer=True)
    assert cls.is_question and cls.kind == "small_talk"  # arranged, not assessed
    for said in ("Thanks so much for your time. We'll be in touch.",
                 "Great, thanks. We'll let you know. Talk soon?"):  # fmt: skip
        assert classify_turn(said, has_prior_answer=True).kind == "closing", said


def test_a_question_after_the_candidates_questions_have_their_reply():
    script = [
        ("interviewer", "ok. is there anything you'd like to ask us", 0.5),
        ("candidate", "um, would it be, like, full hours from September?", 0.5),
        ("interviewer", "it would, twenty-two hours, it's a full post", 0.5),
        ("candidate", "ok, yeah, great", 0.5),
        ("interviewer", "ok so next step would be a half-day visit here, you'd shadow and meet "
                        "the team. does early next month work?", 0.5),
        ("candidate", "yes, definitely, I'll just need to book it off.", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (4, (5,))]
    # straight after the candidate's question, a "?" turn is the reply to it
    script[3] = ("candidate", "and is there parking on site", 0.5)
    script[4] = ("interviewer", "there's room behind the sports hall, you'd just sign in at "
                                "reception first?", 0.5)  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]


def test_a_remark_that_puts_the_answer_back_is_a_check_it_answers():
    script = [
        ("interviewer", "how would you expect the warehouse lease to be accounted for", 0.5),
        ("candidate", "under IFRS 16 if it's an operating lease it stays off balance sheet, so "
                      "it's just the rent expense in the income statement", 0.5),
        ("interviewer", "ok so under IFRS 16, from the lessee's side, you'd still keep operating "
                        "leases off balance sheet", 0.5),
        ("candidate", "yes ma, operating leases are off balance sheet, that's the main "
                      "difference between operating and finance leases", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]
    # news about the job the candidate would do is only taken in
    script[2] = ("interviewer", "ok so on this team you'd mostly be on the audit side, the "
                                "warehouse clients", 0.5)  # fmt: skip
    script[3] = ("candidate", "yes ma, that's fine, audit is what I enjoy most", 0.5)
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]


def test_a_reply_that_puts_a_talk_off_asks_nothing():
    said = ("the band's in the posting, it's grade eight, and as for progression that'd be down "
            "the road, we can talk about it")  # fmt: skip
    assert not classify_turn(said).is_question
    assert classify_turn("Can you talk about a time you missed a deadline").is_question


def test_todays_weather_where_the_candidate_is_is_small_talk():
    for said in ("Great. Y'all get any of that hail last night out in Franklin",
                 "oh nice. bit of frost up there this morning I'd reckon",
                 "ok good. raining there also? here in Baner it hasn't stopped since morning",
                 "nice day for it, it's actually sunny in Salford for once, is it nice your end?",
                 "no you're fine, I can see you. thanks for making time, are you at work today?"):  # fmt: skip
        assert classify_turn(said).kind == "small_talk", said
    for said in ("How do you handle rain delays on a roof",
                 "How do you deal with rain delays at the moment",
                 "How do you handle cold there? in the plant, I mean",
                 "Are you at work today? Tell me about the last outage you handled",
                 "How do you handle Windows updates at the moment",
                 "Did the storm last night damage any of your sites? Tell me how you handled "
                 "the call-outs"):  # fmt: skip
        assert classify_turn(said).kind == "question", said


def test_a_lack_put_up_to_be_confirmed_is_a_yes_no_question():
    for said in ("sure. so you haven't worked on RAS at all", "so you've never used Kafka"):
        assert is_closed_question(said), said
    for said in ("You don't have to answer that.", "you don't need to worry about parking",
                 "And you didn't do the stroke ward, how come"):  # fmt: skip
        assert not is_closed_question(said), said


def test_more_small_talk_after_small_talk_asks_nothing_of_fit():
    script = [
        ("interviewer", "good morning, am I audible?", 0.5),
        ("candidate", "yes ma, loud and clear, good morning", 0.5),
        ("interviewer", "ok great. you're not stuck in traffic anywhere I hope, I know it's been "
                        "terrible on the Island this week", 0.5),
        ("candidate", "no no I'm at home, I prepared well for this. I even did a test call with "
                      "my cousin this morning to check my camera and my network", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.kind) for p in pairs] == [(0, "small_talk"), (2, "small_talk")]
    # a remark on network traffic after a technical answer still asks about the work
    script[0] = ("interviewer", "How do you size a load balancer for a retail site?", 0.5)
    script[1] = ("candidate", "I start from peak requests per second and the p99 latency.", 0.5)
    script[2] = ("interviewer", "we see big traffic spikes on Black Friday, our CDN bill "
                                "doubles that week", 0.5)  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    [kind] = [p.kind for p in pairs if p.question_turn == 2]
    assert kind in ("prompt", "follow_up")


def test_arranging_the_next_step_is_small_talk_not_a_question_of_fit():
    for said in (
        "so the next step would be a site tour and a practical assessment, would next "
        "Thursday morning work",
        "ok, the next step would be a practical drive with Daniel in the conservancy. could "
        "you come on the twentieth",
    ):
        cls = classify_turn(said, has_prior_answer=True)
        assert (cls.kind, cls.cue) == ("small_talk", "next step"), said
    # the next step of a procedure is technique, asked of the candidate
    cls = classify_turn("ok. and what's the next step once the pump is isolated?",
                        has_prior_answer=True)  # fmt: skip
    assert cls.kind in ("question", "follow_up")
    script = [
        ("interviewer", "good. and what's your notice period", 0.5),
        ("candidate", "two weeks", 0.5),
        ("interviewer", "so the next step would be a site tour, would next Thursday work", 0.5),
        ("candidate", "Thursday works. thanks both", 0.5),
    ]
    pairs, _, _ = pair_questions(_turns(script))
    last = pairs[-1]
    assert (last.question_turn, last.answer_turns, last.kind) == (2, (3,), "small_talk")


def test_the_question_asked_again_of_another_case_without_its_verb():
    said = "and for a fatal or life threatening SUSAR"
    assert classify_turn(said, has_prior_answer=True).is_question
    assert not classify_turn(said).is_question  # nothing asked before it to ask again
    assert not classify_turn("and for a team our size that would be a stretch",
                             has_prior_answer=True).is_question  # fmt: skip


def test_an_either_or_put_back_without_its_question_mark_is_a_clarification():
    script = [
        ("interviewer", "ok. a mall is opening with a concert next month, expected twenty "
                        "thousand people. what's your plan", 0.5),
        ("candidate", "is there already an in-building system there, or only macro coverage",
         0.5),
        ("interviewer", "assume macro only, two sites nearby", 0.5),
        ("candidate", "then I'd ask for a COW, cell on wheels, with at least two carriers, and "
                      "coordinate the transmission early because that's usually the "
                      "bottleneck", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]


def test_a_greeting_the_candidate_asks_back_was_a_question():
    script = [
        ("interviewer", "jambo Joseph, habari yako", 0.5),
        ("candidate", "nzuri sana, asante. and you", 0.5),
        ("interviewer", "very well thank you. you're in Narok?", 0.5),
        ("candidate", "yes I'm in Narok town today", 0.5),
    ]
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns, p.kind) for p in pairs] == [
        (0, (1,), "small_talk"),
        (2, (3,), "small_talk"),
    ]


def test_a_reply_to_the_candidates_question_asks_nothing_by_words_inside_it():
    script = [
        ("interviewer", "ok. Joseph do you have any questions for us", 0.5),
        ("candidate", "yes. how many guests per vehicle do you put, and do guides get time "
                      "for training", 0.5),
        ("interviewer", "maximum six per vehicle, most are private. and yes, we sponsor KPSGA "
                        "assessments, you could do your Silver birding with us", 0.5),
        ("candidate", "that would be very good for me", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]


def test_an_order_to_the_candidate_is_a_prompt():
    for said in (
        "good. write me a head for this. a story about the price of flour going up fifteen "
        "percent. print, one line, about thirty characters",
        "Okay. Give me the quick version of your background.",
        "Talk to me about safety. An incident, a near miss, whatever comes to mind.",
    ):
        assert classify_turn(said, has_prior_answer=True).kind == "prompt", said
    for said in (
        "sorry, give me a second, the dog's at the door",
        "great, we'll be in touch. just give us a call if anything comes up",
    ):
        assert not classify_turn(said, has_prior_answer=True).is_question, said


def test_a_close_that_ends_on_a_question_without_its_question_mark_is_answered():
    for said in (
        "ok megan, we're finishing interviews this week and we'll be in touch early next week "
        "either way. would it be ok for us to contact your references",
        "ok shanice, thank you for your time. we'll be in touch by the end of next week. is "
        "email the best way to reach you",
    ):
        assert classify_turn(said, has_prior_answer=True).kind == "small_talk", said
    said = "great, thanks. we'll be in touch by the end of next week. have a good evening"
    assert classify_turn(said, has_prior_answer=True).kind == "closing"


def test_a_time_put_up_to_be_agreed_is_small_talk():
    said = (
        "ok so i'll have lizelle send you dates for the bench test, probably next week. would "
        "a tuesday or wednesday morning work for you"
    )
    cls = classify_turn(said, has_prior_answer=True)
    assert (cls.kind, cls.cue) == ("small_talk", "a time to agree")
    # a way of working that might work is technique, not the diary
    cls = classify_turn("ok. do you think that approach would work", has_prior_answer=True)
    assert cls.kind != "small_talk"


def test_a_challenge_put_as_a_clause_is_a_follow_up():
    script = [
        ("interviewer", "the MOP says to transfer the load to bypass first. what would you do",
         0.5),
        ("candidate", "i'd just do it the quicker way, the kit stays up on the other feed", 0.5),
        ("interviewer", "even though the change was approved with that MOP", 0.5),
        ("candidate", "yeah i mean at the end of the day the job gets done safer and faster", 0.5),
        ("interviewer", "ok fine. the role is twelve hour shifts, including nights. is that ok "
                        "for you", 0.5),
        ("candidate", "yeah no problem, i'm on nights now", 0.5),
        ("interviewer", "and you drive", 0.5),
        ("candidate", "i do yeah, full licence, got me own car", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [
        (0, (1,)), (2, (3,)), (4, (5,)), (6, (7,))
    ]  # fmt: skip


def test_a_short_check_that_puts_the_answer_back_is_answered():
    script = [
        ("interviewer", "a customer's dell server shows a failed DIMM. walk me through it", 0.5),
        ("candidate", "i'd go to the rack, find the server, pop the lid and swap the DIMM. you "
                      "can do them hot on the dells", 0.5),
        ("interviewer", "you'd swap the memory with the server powered on", 0.5),
        ("candidate", "yeah the newer ones all support hot swap memory, i do it all the time",
         0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_a_question_about_the_scenario_put_back_without_its_question_mark():
    script = [
        ("interviewer", "scenario. you're forty minutes into a CABG, the post oxygenator pO2 "
                        "starts falling, you've turned up FiO2 and sweep and it's still "
                        "dropping. what now", 0.5),
        ("candidate", "what's the pre oxygenator pressure doing", 0.5),
        ("interviewer", "rising. about a hundred above baseline", 0.5),
        ("candidate", "then it's a failing oxygenator, clotting most likely. tell surgeon and "
                      "anaesthetist straight away, and prime the new one", 0.5),
        ("interviewer", "describe how you would run a WHO tube test", 0.5),
        ("candidate", "ma, should i talk about the standard dose only, or the intensity ones "
                      "as well", 0.5),
        ("interviewer", "start with the standard one, then tell us how you would use the "
                        "others", 0.5),
        ("candidate", "ok ma. for the standard test we use two to five day old non blood fed "
                      "females, four tubes of twenty five", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3)), (4, (5, 7))]


def test_where_they_dial_in_from_and_how_the_town_treats_them_are_small_talk():
    for said in (
        "great. where are you dialling in from",
        "how's cardiff treating you",
        "and how's the new job been treating you",
    ):
        assert classify_turn(said, has_prior_answer=True).kind == "small_talk", said


def test_an_agenda_that_ends_on_your_questions_hands_nothing_over():
    said = (
        "ok, i'm tom, chief perfusionist. this is fairly informal, some clinical questions "
        "then your questions for me"
    )
    assert classify_turn(said, has_prior_answer=True).kind != "candidate_questions"
    assert classify_turn("ok. so, questions for me?").kind == "candidate_questions"


def test_the_wording_that_asks_last_gives_the_pair_its_kind():
    script = [
        ("interviewer", "ok, any questions for me before we start?", 0.5),
        ("interviewer", "give me a quick summary of your background", 0.3),
        ("candidate", "msc in clinical perfusion science, qualified 2018, accredited 2019. six "
                      "years at the heath, about a hundred and twenty pumps a year", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns, p.kind) for p in pairs] == [(1, (2,), "prompt")]


def test_the_next_item_of_a_question_asked_with_and_alone():
    script = [
        ("interviewer", "are you comfortable with the four on four off with nights", 0.5),
        ("candidate", "aye doing it now", 0.5),
        ("interviewer", "and forklift", 0.5),
        ("candidate", "counterbalance ticket, renewed last year. reach truck too", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]
    for said in ("and thanks", "and so on", "and that's it", "and okay great"):
        assert classify_turn(said, has_prior_answer=True).kind not in ("question", "follow_up")
    # "any command you would run": is there any, asked without its verb
    said = "any command you would run on a cisco router to check it"
    assert classify_turn(said, has_prior_answer=True).kind in ("question", "follow_up")


def test_checks_put_back_as_said_keep_the_answer_together():
    for ask, reply, rest in (
        # "d you want": "do you want" as ASR wrote it
        ("walk me through your waters", "d you want the strike temp or what's in the tun after "
         "mixing", "right sixty three and a half in the tun then. second water around eighty"),
        # the figure checked with "you said"
        ("a resident's fingerstick before supper is sixty two and she's got sliding scale "
         "insulin ordered what do you do", "sixty two you said ma'am before supper",
         "okay well she's about to eat so i'd go ahead and give her the dose"),
        # a question put back "before i go on"
        ("you're showing a big unfavourable material variance how do you break it down",
         "sorry before i go on is your standard including a waste allowance or is it pure bom",
         "okay then anything under two percent is in the standard so the usage variance is the "
         "excess"),
    ):  # fmt: skip
        script = [
            ("interviewer", ask, 0.5),
            ("candidate", reply, 0.5),
            ("interviewer", "after mixing, yes sixty two, two percent yield loss in the bom", 0.5),
            ("candidate", rest, 0.5),
        ]
        pairs, _, _ = pair_questions(_turns(script))
        assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))], reply
    # "like you said, ..." leans on the question; it checks nothing
    script = [
        ("interviewer", "how do you keep the spirit cut consistent", 0.5),
        ("candidate", "like you said it is the house style", 0.5),
        ("interviewer", "we run a lighter cut here, at seventy two", 0.5),
        ("candidate", "that's good to know", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,))]


def test_a_bare_phrase_echoed_with_a_yes_was_asked():
    script = [
        ("interviewer", "how did you get through thirty that quickly", 0.5),
        ("candidate", "well i crush everything up together in one cup of applesauce and give "
                      "it all at once", 0.5),
        ("interviewer", "everything including extended release or enteric coated tablets", 0.5),
        ("candidate", "yes ma'am the extended release ones too it all goes to the same place "
                      "in the end", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]
    # news about the job that the candidate takes up with a yes asks nothing
    script[2] = ("interviewer", "that lines up with our tipping point template honestly", 0.5)
    script[3] = ("candidate", "yeah tipping point analyses tend to get review questions", 0.5)
    pairs, _, _ = pair_questions(_turns(script))
    assert [p.question_turn for p in pairs] == [0]


def test_a_plan_agreed_and_a_term_that_suits_are_asked_without_their_verb():
    for said in ("that sound good", "ok with you", "alright with you", "theek hai is that fine",
                 "okay for you", "does that sound okay", "is that fine"):  # fmt: skip
        assert classify_turn(said, has_prior_answer=True).kind == "small_talk", said
    for said in ("on call 1 in 5 ok for you", "which system is that", "what model was it",
                 "okay and driving licence and site cards all current",
                 "ok good you at office or home"):  # fmt: skip
        assert classify_turn(said, has_prior_answer=True).kind in ("question", "follow_up"), said
    # taking something in, or a rule, asks nothing
    for said in ("that sounds good", "that works", "i hope that works for you",
                 "your licence must be current", "okay that works for me"):  # fmt: skip
        assert classify_turn(said, has_prior_answer=True).kind == "statement", said


def test_a_bare_check_after_the_interviewers_own_turn_is_answered():
    script = [
        ("interviewer", "good stuff where are you joining from", 0.5),
        ("candidate", "home in ballymena, the kids are at school so it's quiet for once", 0.5),
        ("interviewer", "so i'm sharon. we'll go over your experience, then some fire safety "
                        "questions, and your questions at the end", 0.5),
        ("interviewer", "alright", 0.3),
        ("candidate", "aye no bother", 0.5),
        ("interviewer", "so tell me a bit about your background", 0.5),
        ("candidate", "twelve years on the run, the last four as a crew commander", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (3, (4,)), (5, (6,))]


def test_options_or_a_case_put_back_without_a_question_mark():
    cases = [
        [
            ("interviewer", "okay good. walk me through a high pressure trip on a transcritical "
                            "co2 pack what are you doing when you get there"),
            ("candidate", "booster or with parallel comp"),
            ("interviewer", "booster no parallel compressor. july afternoon about 28 outside"),
            ("candidate", "right. gas cooler first. fans all running, ec fan alarms, coil fouled"),
            ("candidate", "then the hpv. stepper driver alarm, opening degree against what the "
                          "controller's asking"),
        ],
        [
            ("interviewer", "okay benzene cargo. what ppe are you wearing and is there any "
                            "monitoring"),
            ("candidate", "on benzene if you're out in the open air you're fine, the wind takes "
                          "it right off"),
            ("candidate", "wait is this a closed load or are we open gauging"),
            ("interviewer", "closed loading, vapor recovery hooked to the dock"),
            ("candidate", "then you're definitely good, closed load there's no exposure at all"),
        ],
        [
            ("interviewer", "you go inside an office for an interview. what do you do with white "
                            "balance"),
            ("candidate", "white balance, um, i think you, you just leave it on auto?"),
            ("candidate", "or, uh, is it the, the one where you put the paper in front"),
            ("interviewer", "yes that's manual white balance with a white card"),
            ("candidate", "okay yeah so, um, you could do that, i think inside, maybe"),
        ],
    ]  # fmt: skip
    for lines in cases:
        script = [(spk, text, 0.5) for spk, text in lines]
        pairs, _, _ = pair_questions(_turns(script))
        got = [(p.question_turn, p.answer_turns) for p in pairs]
        assert got == [(0, tuple(k for k, x in enumerate(lines) if x[0] == "candidate"))], got


def test_how_you_are_doing_a_thing_is_no_greeting():
    said = "when you braze on site how are you doing it"
    assert classify_turn(said, has_prior_answer=True).kind in ("question", "follow_up")
    assert classify_turn("hi how are you doing", has_prior_answer=False).kind == "small_talk"


def test_a_topic_named_first_then_asked_of_and_a_topic_named_alone():
    for said in ("okay. the kurnool lab is it nabl accredited", "those sites are they all remote",
                 "your last site did you run the crew"):  # fmt: skip
        assert classify_turn(said, has_prior_answer=True).kind in ("question", "follow_up"), said
    for said in ("the thing is it was expensive", "the problem is it doesnt scale",
                 "the way it works is it goes to the lab"):  # fmt: skip
        assert classify_turn(said, has_prior_answer=True).kind == "statement", said
    # "overhead cranes" after the tickets: the next thing asked about, named alone, taken up
    script = [
        ("interviewer", "what about your tickets forklift white card", 0.5),
        ("candidate", "white card yes. lf yes. dogging ticket too got that in twenty fifteen", 0.5),
        ("interviewer", "overhead cranes", 0.5),
        ("candidate", "pendant cranes all the time. ten tonne twenty tonne last shop", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]
    # a short remark the reply does not take up asks nothing
    script[2] = ("interviewer", "ha nice one", 0.5)
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]


def test_a_meaning_asked_in_the_sense_of_options_and_a_self_answered_check():
    script = [
        ("interviewer", "how do you handle a retest situation", 0.5),
        ("candidate", "sir retest in the sense when it is out of tolerance within the lab or "
                      "when the customer or the production team disputes the result", 0.5),
        ("interviewer", "both actually but let's say production is disputing they say the lot "
                        "should pass", 0.5),
        ("candidate", "okay. so first we check our own side the original data sheet the "
                      "germinator temperature log for that period", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]
    # an unsure answer that asks itself and answers puts nothing back: what follows asks anew
    script = [
        ("interviewer", "okay. if you were rating a concrete deck what scale would you use", 0.5),
        ("candidate", "is it like um zero to nine? or one to ten, i think zero to nine with "
                      "nine being like new", 0.5),
        ("interviewer", "and what would a four mean", 0.5),
        ("candidate", "um i guess kind of bad? like it needs repair soon maybe", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_a_topic_then_asked_of_without_a_verb():
    for said in ("driving licence, any points", "your van, any issues"):
        assert classify_turn(said, has_prior_answer=True).kind in ("question", "follow_up"), said
    for said in ("we cover the whole county, any distance really", "great, any time"):
        assert classify_turn(said, has_prior_answer=True).kind == "statement", said


def test_moving_on_leaves_the_question_before_unanswered():
    script = [
        ("interviewer", "and can you tell me the load on each leg if the load is twenty tons", 0.3),
        ("interviewer", "actually let me go to the load chart, how do you read a load chart for "
                        "a mobile crane", 0.3),
        ("candidate", "you see the boom length sir and the radius, and where they meet is the "
                      "capacity", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, ()), (1, (2,))]


def test_a_case_asked_back_as_its_second_option_is_a_clarification():
    script = [
        ("interviewer", "okay and roughly how many definitive fittings would you do", 0.5),
        ("candidate", "like new definitive sockets or are you counting all the adjustments and "
                      "replacements too", 0.5),
        ("interviewer", "new definitive sockets, say in a year", 0.5),
        ("candidate", "about sixty last year. um roughly two thirds transtibial. and then i'd "
                      "see maybe eight ten follow ups a day on top of that", 0.5),
    ]  # fmt: skip
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1, 3))]


@pytest.mark.parametrize(
    ("remark", "reply"),
    [
        # what the candidate would do, asked by a sentence ending on its verb
        ("on pharmacy and implants also you will deduct",
         "yes ma'am, total bill, otherwise the member will take big room and claim everything"),
        # the terms, then whether they suit, its "does" dropped
        ("and second shift four tens, that work for you",
         "absolutely, i'm on seconds right now so that's no problem at all"),
    ],
)  # fmt: skip
def test_a_check_put_as_a_statement_asks(remark, reply):
    script = [
        ("interviewer", "how do you apply the room rent limit", 0.5),
        ("candidate", "i calculate the proportion and deduct it, i am expert in that", 0.5),
        ("interviewer", remark, 0.5),
        ("candidate", reply, 0.5),
    ]
    pairs, _, _ = pair_questions(_turns(script))
    assert [(p.question_turn, p.answer_turns) for p in pairs] == [(0, (1,)), (2, (3,))]


def test_a_short_what_or_which_of_a_thing_asks():
    for said in ("what sieve size", "which grade", "what catalyst is used in the digestion"):
        assert classify_turn(said, has_prior_answer=True).kind in ("question", "follow_up"), said
    for said in ("what matters is the result", "what a great answer", "what we do is simple"):
        assert classify_turn(said, has_prior_answer=True).kind == "statement", said
