"""Pair interviewer questions with the candidate speech that answers them.

An answer is the candidate's speech after a question until the next question (interviewer
backchannels and remarks do not end it; a closing remark does). A question with no candidate
speech before the next one is unanswered, unless the next one rephrases it (said within
``merge_gap_s`` or with "I mean", "in other words", or very similar wording): then both turns form
one question. Each link gets a confidence = question-likeness x adjacency x semantic relevance.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from labkit.language.nlp import Embedder
from labkit.language.questions import TurnClass, classify_turn, small_talk_cue
from labkit.records import QAPair, Turn

__all__ = ["OpenPair", "PairingOptions", "pair_questions", "takes_back_own", "withdraws"]


@dataclass(frozen=True, slots=True)
class PairingOptions:
    """Q/A pairing hyper-parameters.

    merge_gap_s: two interviewer question turns this close with no answer between form one
        question (ASR or the turn builder split it).
    rephrase_similarity: embedding cosine above which an unanswered question's successor is
        taken as its rephrasing.
    adjacency_tau_s: decay (s) of the adjacency factor with the silence before the answer.
    relevance_floor: the relevance factor for a completely off-topic answer (1 for on-topic).
    answer_chars: how much of an answer is embedded for the relevance factor.
    implicit_*: an interviewer remark of at least implicit_min_words after an answer, followed by
        a candidate turn of at least implicit_answer_words, is taken as a question that ASR or
        the classifier missed (question-likeness implicit_likeness).
    """

    merge_gap_s: float = 1.5
    implicit_min_words: int = 4
    implicit_answer_words: int = 15
    implicit_likeness: float = 0.5
    rephrase_similarity: float = 0.75
    adjacency_tau_s: float = 8.0
    relevance_floor: float = 0.5
    answer_chars: int = 300


# how a candidate asks what the question means
_ASKING = (
    r"do you mean|did you mean|you mean|are you asking|what do you mean|"
    r"just to (?:check|clarify|be sure)"
)
_CLARIFY = re.compile(rf"\?\s*$|^\W*(?:sorry,?\s+)?(?:{_ASKING}|is that about|as in)\b", re.I)
# the candidate's reply is a question about the question (a trailing "?" alone is not: "maybe
# bigger fonts?" is an unsure answer)
_ASKS_BACK = re.compile(rf"^\W*(?:sorry,?\s+|um,?\s+|uh,?\s+)?(?:{_ASKING}|when you say)\b", re.I)
# a short reply that is itself a yes/no or either/or question to the interviewer ("Do you want,
# um, the formula or the code?", "Are they all certified, or do you know? That changes the
# answer."): the candidate asks what is wanted before answering
_AUX_BACK = re.compile(
    # ("ma, should I talk about the standard dose only, or ...": after a word of address)
    # ("wait is this a closed load or ...", "or, uh, is it the one where ...")
    r"^\W*(?:(?:sorry|um|uh|so|okay|ok|just|like|and|or|wait|ma|sir|ma'am|madam|miss),?\s+)*"
    r"(?:do|does|did|are|is|was|were|should|would|could|can|will|shall)\s+"
    r"(?:you|we|i|they|it|that|this|these|those|the|there)\b",
    re.I,
)
# the same asked without its question mark, as ASR writes it, early in a short reply: "Just to
# make sure I answer the right thing, do you mean ...", "Quick question first is the reason
# stored ...", "Like the ERP, meaning the accounting system"
_ASKS_BACK_EARLY = re.compile(
    # ("d'you want", "d you want": "do you" as said, and as ASR writes it)
    rf"\b(?:{_ASKING}|when you say|quick question|just to make sure|meaning the|"
    r"d(?:o\s+|'\s*|\s+)you want|"
    # "sorry before i go on is your standard including a waste allowance"
    r"before i (?:go on|answer|start|carry on|continue|get into it))\b",
    re.I,
)
# the question's words said back to check them ("sixty two you said", "you said the night
# shift"), not an answer leaning on it ("like you said, ...", "as you said the key is ...")
_SAID_BACK = re.compile(r"^(?!\W*(?:like|as|what|so)\b).*\byou said\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|we|we're|we've|our)\b", re.I)
# a reply that opens on a question word not followed by the candidate ("what's the pressure
# doing", not "what I'd do is ...")
_WH_BACK = re.compile(r"^\W*(?:what|which|how|where|when|who)(?:'s|\s+(?!i\b|i'|we\b))", re.I)
# a laugh before a reply ("Ha. Yeah. WA licence, clean."): the reply is what follows
_LAUGH = re.compile(r"^\W*(?:ha(?:ha)?|ha ha|heh)\b\W+(?=\w)", re.I)
# a reply that answers a yes/no question or an offer ("You want a coffee," "I'm good, thanks")
_YES_NO_REPLY = re.compile(
    r"^\W*(?:(?:ha|haha|heh|oh|um|uh|erm|hmm|hm)\b\W+)*"
    # ("aye", "ji": yes in Scotland and Ulster, in Urdu and Hindi)
    r"(?:yes|yeah|yep|yup|aye|ji|no|nope|not really|sure|of course|absolutely|definitely|"
    r"i'm good|i am good|i'm fine|i'm okay"
    # "i do yeah, full licence" to "and you drive": the verb of the question, said back
    r"|i (?:do|did|have|am|can|don't|didn't|haven't|can't)(?:\s+(?:yeah|yes|yep))?(?=\W|$))\b",
    re.I,
)
# the candidate asks the greeting back ("nzuri sana, asante. and you"): it asked how they are
_ASKED_BACK = re.compile(r"\b(?:and|how about|what about) (?:you|yourself)\W*$", re.I)
_THANKS_FOR = re.compile(
    r"\bthanks? (?:you )?for (?:clarifying|explaining|sharing|that|the context|walking)\b", re.I
)
_ALTERNATIVE = re.compile(r"^\W*(or|and|so|also|then)\b", re.I)
_REPHRASE = re.compile(
    r"^\W*(i mean|in other words|let me rephrase|to rephrase|what i mean is|or rather|sorry|"
    r"put (it )?another way|that is)\b",
    re.I,
)


@dataclass
class OpenPair:
    """A pair under construction (mutable while its answer may still grow)."""

    q_turns: list[Turn]
    cls: TurnClass
    answers: list[Turn] = field(default_factory=list)
    closed: bool = False
    asked: int = 0  # which of q_turns carries the question that was answered

    def add_wording(self, turn: Turn, cls: TurnClass) -> None:
        """Another interviewer turn before any answer: a new wording of the question ("Sorry,
        let me put it differently. Have you...?", "Or any tool at all?") becomes the asked
        one; a fragment the turn builder cut off ("before it reaches production?") does not."""
        self.q_turns.append(turn)
        own_cue = cls.is_question and cls.cue not in ("", "?")
        alternative = "?" in turn.text and bool(_ALTERNATIVE.match(turn.text))
        if own_cue or alternative:
            self.asked = len(self.q_turns) - 1
            if own_cue:
                self.cls = cls  # what was asked last is what the answer answers


def pair_questions(
    turns: Sequence[Turn],
    *,
    embedder: Embedder | None = None,
    options: PairingOptions = PairingOptions(),
    classes: dict[int, TurnClass] | None = None,
) -> tuple[list[QAPair], bool, dict[int, TurnClass]]:
    """Pair questions and answers in ``turns`` (time order).

    Returns (pairs, last_is_closed, turn classes by turn idx). Every pair but the last is final;
    the last is final only when ``last_is_closed`` (a closing remark came) or the interview ended.
    ``classes`` is a cache of earlier classifications (updated in place) so that incremental
    callers classify each interviewer turn once.
    """
    cache = classes if classes is not None else {}
    opened: list[OpenPair] = []
    cur: OpenPair | None = None
    for k, turn in enumerate(turns):
        if turn.speaker == "interviewer":
            cls = cache.get(turn.idx)
            if cls is None:
                prior = " ".join(t.text for t in cur.answers) if cur else ""
                cls = classify_turn(
                    turn.text,
                    has_prior_answer=bool(cur and cur.answers),
                    prior_answer=prior,
                    embedder=embedder,
                )
                cache[turn.idx] = cls
            nxt = turns[k + 1] if k + 1 < len(turns) else None
            if cur is not None and cur.cls.kind == "candidate_questions" and cur.answers:
                # "What would you like to ask me?" is answered by the candidate's first
                # question; once the interviewer has replied, what follows is the conversation
                cur.closed = True
            theirs = cur is not None and cur.cls.kind == "candidate_questions"
            if theirs and cur.answers and _ANYTHING_ELSE.search(turn.text):
                # "... heavier on troubleshooting in the summer. Anything else?": the floor goes
                # back to the candidate, whose reply answers it ("No, I think that's it.")
                cls = TurnClass(
                    "candidate_questions", max(cls.question_likeness, 0.8), "anything else"
                )
            elif (
                theirs
                and cur.answers
                and cls.is_question
                and (cls.cue == "?" or _asked_inside(turn.text, cls))
                and not _asks_anew(turn.text, turns[k - 1])
            ):
                # the interviewer answering the candidate's question, a "?" ASR added
                # ("Studying our assigned by the inside and workload? We look at each CRC's ...")
                # or words that ask only inside a run ("... and yes, we sponsor KPSGA
                # assessments, you could do your Silver birding with us")
                cls = TurnClass("statement", cls.question_likeness, "")
            if (
                not cls.is_question
                and cls.kind == "statement"
                and cur is not None
                and not theirs  # the interviewer answering the candidate's questions
                and cur.answers
                # "Do you mean the clusters or the releases?" "The clusters.": a clarification
                # of the question, and the answer goes on
                and not _CLARIFY.search(cur.answers[-1].text)
                and not _clarified(cur.answers[-1].text, turn.text)
                and nxt is not None
                and nxt.speaker == "candidate"
                and not _acknowledged(turn.text, nxt.text, _said(cur))
                and _implicit_question(turn.text, nxt.text, options)
            ):
                # a question ASR garbled ("walk me from a model you did"): the interviewer spoke
                # after an answer and the candidate then answered at length; after small talk,
                # more of it ("you're not stuck in traffic anywhere I hope") asks nothing of fit
                chat = cur.cls.kind == "small_talk" and bool(small_talk_cue(turn.text))
                kind = "small_talk" if chat else "prompt"
                cls = TurnClass(kind, options.implicit_likeness, "turn-taking")
            elif (
                (
                    cls.kind == "statement"
                    # "... then your questions at the end." "alright" "aye no bother": a bare
                    # check after the interviewer's own turn asks whether that suits
                    or (
                        cls.kind == "backchannel"
                        and k > 0
                        and turns[k - 1].speaker == "interviewer"
                    )
                )
                and not theirs
                and nxt is not None
                and nxt.speaker == "candidate"
                and (cur is None or cur.closed or cur.answers)
                and len(turn.text.split()) <= 20
                and (_YES_NO_REPLY.match(nxt.text) or _ASKED_BACK.search(nxt.text))
                # "Okay, thanks for clarifying that." "Yeah, sorry, I should've said ...": no ask
                and not _THANKS_FOR.search(turn.text)
                # "Oh, wow. Okay." "Yeah, it was a chunk of work": a reaction asks nothing (the
                # interviewer's "alright" after their own turn reacts to nothing)
                and (cls.kind == "backchannel" or not _reaction(turn.text))
                and not (cur and cur.answers and _CLARIFY.search(cur.answers[-1].text))
                and not (cur and cur.answers and _clarified(cur.answers[-1].text, turn.text))
                and not (cur and cur.answers and _acknowledged(turn.text, nxt.text, _said(cur)))
            ):
                # "Hi, this is Jordan," "Yes, hi, good morning": a yes/no question whose "?"
                # ASR dropped, told by the reply
                # a short reply ("I'm good, thanks") says nothing about the candidate's fit
                small = (
                    cur is None
                    or cur.cls.kind == "small_talk"
                    or len(nxt.text.split()) < options.implicit_answer_words
                )
                kind = "small_talk" if small else "follow_up"
                cls = TurnClass(kind, options.implicit_likeness, "reply")
            if (
                cls.kind == "statement"
                and not theirs
                and cur is not None
                and cur.answers
                and nxt is not None
                and nxt.speaker == "candidate"
                and not _clarified(cur.answers[-1].text, turn.text)
                and _acknowledged(turn.text, nxt.text, _said(cur))
            ):
                # "We're a small team, so you'd pull your own data." "That makes sense.": a
                # remark the candidate acknowledges ends the answer before it and asks nothing
                cur.closed = True
            cache[turn.idx] = cls  # what the turn turned out to be, as the store records it
            if (
                cls.is_question
                and "?" not in turn.text
                and cur is not None
                and not cur.closed
                and len(cur.answers) == 1
                # the reply comes straight after the question put back ("That's part of it,
                # yes." then "Tell us about ..." asks anew)
                and turns[k - 1] is cur.answers[0]
                and _asks_back(cur.answers[0].text)
                and not _NEXT_QUESTION.search(turn.text)
            ):
                # "Do you mean producing or running the cluster?" "Let's say the application
                # side.": the interviewer answers the candidate's question; the answer goes on
                continue
            if cls.is_question:
                if (
                    cur
                    and not cur.closed
                    and not cur.answers
                    and _same_question(cur, turn, embedder, options)
                ):
                    cur.add_wording(turn, cls)
                    continue
                if cur:
                    cur.closed = True
                cur = OpenPair([turn], cls)
                opened.append(cur)
            elif cls.kind == "closing" and cur:
                cur.closed = True
            elif (
                cur
                and not cur.closed
                and not cur.answers
                and cls.kind == "statement"
                and turn.t_start - cur.q_turns[-1].t_end <= options.merge_gap_s
            ):
                cur.q_turns.append(turn)  # the rest of a question the turn builder cut off
        elif cur is not None and not cur.closed:
            cur.answers.append(turn)
    pairs = [_to_pair(i, p, embedder, options) for i, p in enumerate(opened)]
    last_closed = bool(opened and opened[-1].closed)
    return pairs, last_closed, cache


# the interviewer handing the floor back after answering the candidate's question; ASR may
# drop the question mark when it ends the turn
_ANYTHING_ELSE = re.compile(
    r"\b(?:anything else|any other questions?|any more questions?|other questions)\b"
    r"(?:[^.!?]{0,50}\?|(?:\s+[\w']+){0,3}\W*$)\s*$",
    re.I,
)


# the interviewer moving on after replying to the candidate ("Yes, you may. Question one. Please
# describe ...", "Sure. Okay, let's get started. Tell me ..."): a new question, not a reply
_NEXT_QUESTION = re.compile(
    r"[.!?]\s+(?:(?:okay|ok|alright|right|so|great|good|then|now),?\s+)*"
    r"(?:question (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|(?:the |my |our )?(?:first|next|last|final) question\b"
    r"|let's (?:start|begin|get started|move on|kick off)\b|moving on\b)",
    re.I,
)


def _asked_inside(text: str, cls: TurnClass) -> bool:
    """Whether a turn without a question mark was taken to ask only by words inside a run
    ("you could do your Silver birding": "do your"), not by how a clause opens."""
    inside = cls.question_likeness < 0.75 and cls.cue not in ("elliptic", "if", "")
    return inside and "?" not in text and cls.kind in ("question", "follow_up")


def _asks_anew(text: str, before: Turn) -> bool:
    """An interviewer turn ending on a question of its own once the candidate's questions
    have their reply ("ok good, 'cause that's been my biggest frustration" then "... next step'd
    be a ride-along. does early next month work?"): no candidate question waits for it."""
    if not text.rstrip().endswith("?"):
        return False
    return before.speaker == "interviewer" or not classify_turn(before.text).is_question


def _asks_back(reply: str) -> bool:
    """Whether a candidate's reply is a question about the question: "Do you mean X?", or a
    short yes/no question put back to the interviewer ("Do you want the formula or the
    code?"). The question asked back must be short ("... in the field? Because I handle those
    pretty differently." is an answer), and a yes/no one must be nearly all of the reply (an
    answer may open with a rhetorical "Do you know what broke? ...")."""
    words = reply.split()
    if len(words) <= 40 and _ASKS_BACK_EARLY.search(" ".join(words[:15])):
        return True
    if len(reply.split("?")[0].split()) > 25:
        return False
    if _ASKS_BACK.match(reply):
        return True
    if len(words) <= 10 and _SAID_BACK.search(reply):
        return True  # "sixty two you said ma'am before supper": the figure checked
    if len(words) <= 10 and " or " in f" {reply.lower()} " and not _FIRST_PERSON.search(reply):
        return True  # "booster or with parallel comp": which case, asked in its options
    if len(words) <= 20 and _OR_ASKED.search(reply) and not _FIRST_PERSON.search(reply):
        # "like new definitive sockets or are you counting all the adjustments too": which
        # case, the second option asked as a question
        return True
    if (
        len(words) <= 40
        and _IN_THE_SENSE.search(" ".join(words[:8]))
        and " or " in f" {reply.lower()} "
    ):
        # "sir retest in the sense when it is out of tolerance within the lab or when the
        # customer ... disputes the result": which meaning, asked in its options
        return True
    if "?" not in reply:
        # "is there already an in-building system there, or only macro coverage": an
        # either/or put back, its question mark dropped by ASR; "what's the pre oxygenator
        # pressure doing": a short wh-question about the scenario, not an answer in the first
        # person
        either = bool(_AUX_BACK.match(reply)) and len(words) <= 20 and " or " in f" {reply} "
        wh = (
            len(words) <= 10
            and bool(_WH_BACK.match(reply))
            and classify_turn(reply).kind == "question"
        )
        return either or wh
    # "Quick question first: is the flag reason stored? Or does the model work it out?": a
    # short reply made only of questions asks back too
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", reply.strip()) if x]
    only_questions = all(x.endswith("?") for x in sentences) and len(words) <= 40
    if _SELF_ANSWERED.search(reply.rsplit("?", 1)[1]):
        # "is it like um zero to nine? or one to ten, i think zero to nine with nine being like
        # new": an unsure answer that asks itself and answers
        return False
    return only_questions or (bool(_AUX_BACK.match(reply)) and len(words) <= 30)


_OR_ASKED = re.compile(
    r"\bor\s+(?:are|do|did|is|was|were|should|would|will|can)\s+(?:you|we|it|that|this|they)\b",
    re.I,
)
_IN_THE_SENSE = re.compile(r"\bin the sense\b(?!\s+(?:that|of)\b)", re.I)
_SELF_ANSWERED = re.compile(
    r"\bi (?:think|guess|believe|reckon|'d say|would say)\b(?! you\b)", re.I
)


# the interviewer's reply to a question the candidate asked back ("Deviation, like a
# nonconformance?" "Yes, same idea. ...")
_CONFIRMS = re.compile(
    r"^\W*(?:yes|yeah|yep|right|exactly|correct|no|nope|either|both|same|sort of|kind of|"
    r"pretty much|good question)\b",
    re.I,
)


def _clarified(reply: str, remark: str) -> bool:
    """Whether the interviewer's ``remark`` answers a question the candidate's ``reply`` put
    back: then the candidate's answer goes on after it."""
    if _asks_back(reply):
        return True
    # ("or, uh, is it the one where you put the paper in front" "yes that's manual white
    # balance": asked without its "?", confirmed)
    asked = "?" in reply or bool(_AUX_BACK.match(reply))
    if asked and len(reply.split()) <= 15 and bool(_CONFIRMS.match(remark)):
        return True
    # "... I've got a second job on weekends. Is on-call, like, required?" "It is, yes.": the
    # candidate asked about the job before finishing; the reply hands the floor back
    return reply.rstrip().endswith("?")


# how a candidate takes a remark in: "Okay, good to know.", "That makes sense.", "Ha, ..."
_ACK = re.compile(
    r"^\W*(?:ok(?:ay)?|got it|good to know|(?:that )?makes sense|of course|thanks|thank you|"
    r"ha(?:ha)?|oh|totally|that's (?:totally |completely )?(?:fine|fair|great|good|"
    r"understandable)|fair|sounds good|i see|understood|noted|appreciate|will do|great|cool|"
    r"no worries|absolutely|brilliant|lovely|perfect|excellent|wonderful|sharp|sweet|"
    r"(?:that |it )?sounds\b)\b",
    re.I,
)
# "Yeah, ..." takes in a remark about the company; after one about the candidate ("So you
# were the only engineer on it.") it answers
_ACK_WEAK = re.compile(r"^\W*(?:yeah|yes|yep|right|sure|definitely)\b", re.I)


def _said(pair: OpenPair | None) -> str:
    """What the candidate said in answer so far."""
    return " ".join(t.text for t in pair.answers) if pair else ""


def _restates(remark: str, answer: str, *, shared: int = 3) -> bool:
    """Whether a remark puts the answer's own words back to the candidate ("ok so under IFRS
    16, from the lessee's side, you'd still keep operating leases off balance sheet" after
    "under IFRS 16 if it's an operating lease it stays off balance sheet"): a check of what
    they said, not news about the job."""

    def content(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) >= 4} - _PLAIN

    return len(content(remark) & content(answer)) >= shared


# words that make a remark a clause of its own, not a bare phrase asked about
_CLAUSE_WORD = re.compile(
    r"\b(?:we|we're|we've|our|us|i|i'm|i've|is|are|was|were|it's|that's|has|have|had|be)\b",
    re.I,
)
# words too common to show that a remark restates an answer
_PLAIN = frozenset(
    ["that", "this", "with", "from", "have", "what", "when", "they", "them", "there", "then",
     "would", "could", "should", "about", "just", "like", "really", "your", "yours", "were",
     "been", "some", "more", "much", "very", "into", "over", "also", "well", "okay", "yeah",
     "know", "think", "mean", "because", "which", "where", "their", "those", "these", "still"]
)  # fmt: skip


def _acknowledged(remark: str, reply: str, prior: str = "") -> bool:
    """A remark of some length ("That lines up with our SAP template, honestly. We've gone
    back and forth with FDA on it.") that the candidate only acknowledges, briefly; ``prior``
    is the answer before it."""
    short = len(remark.split()) < 8 and not _THANKS_FOR.search(remark)
    rest = _LAUGH.sub("", reply)
    if _ACK_WEAK.match(rest):
        reply = rest  # "Ha. Yeah. WA licence, clean.": the yes, not the laugh ("Ha, that's ...")
    if short or len(reply.split()) > 25 or "?" in reply:
        return False  # "Thanks. What kind of ML does the team use?": taking up an invitation
    if (
        _YES_NO_REPLY.match(reply)
        and not _CLAUSE_WORD.search(remark)
        and _restates(remark, reply, shared=2)
    ):
        # "everything including extended release or enteric coated tablets" "yes ma'am the
        # extended release ones too ...": a yes that says a bare phrase's words back answers it
        # as the question it was ("That lines up with our SAP template" is news)
        return False
    if _ACK.match(reply):
        return True
    # "Herd manager, you'd be my right hand basically." "Yep.": the job the candidate would do
    # is news about the job, not a claim about the candidate to confirm
    # ("you'd swap the memory with the server powered on": a short check of what was said)
    check = _restates(remark, prior, shared=2 if len(remark.split()) <= 12 else 3)
    # ("on pharmacy and implants also you will deduct" "yes ma'am, total bill ...": what the
    # candidate would do, asked by a sentence that ends on its verb)
    about = remark if check or _YOU_WILL_DO.search(remark) else _THE_JOB_YOU.sub(" ", remark)
    if len(reply.split()) <= 8 and not _ADDRESSED.search(about):
        return True  # "That's really reassuring, thank you." after news about the team
    return bool(_ACK_WEAK.match(reply)) and not _ADDRESSED.search(about)


def _implicit_question(remark: str, reply: str, options: PairingOptions) -> bool:
    """An interviewer remark the classifier missed as a question (ASR garbled it: "the man in
    one on your team responsible for that", or cut it: "And afterwards,"), told by what
    follows: the candidate then speaks at length."""
    words, reply_words = remark.split(), len(reply.split())
    if _GO_ON.search(remark):
        # "Sorry, you cut out for a second there. You said 'could actually bite'. Go on.": the
        # answer was cut, and goes on
        return False
    if _OURS.search(remark) and not _ADDRESSED.search(remark) and reply_words < 30:
        # "A lot of our clients are in states that add back bonus." "It bit me on a return my
        # first season.": the candidate takes up talk about the company; nothing was asked
        return False
    if reply_words >= options.implicit_answer_words:
        # "convexity": a topic named alone is a prompt ("And convexity?" without its "?");
        # "Makes sense." is a remark
        topic = not _reaction(remark)
        return len(words) >= options.implicit_min_words or bool(_ALTERNATIVE.match(remark)) or topic
    if len(words) <= 3 and reply_words >= 3 and not _reaction(remark) and _takes_up(remark, reply):
        return True  # "overhead cranes" "pendant cranes all the time ...": a topic named alone
    # a shorter reply still follows a remark aimed at the candidate ("... your team ...")
    return (
        reply_words >= options.implicit_answer_words // 2
        and len(words) >= options.implicit_min_words
        and bool(_ADDRESSED.search(remark))
    )


def _takes_up(remark: str, reply: str) -> bool:
    """Whether the reply says a content word of a short remark again (its stem: "crane")."""
    said = {w[:5] for w in re.findall(r"[a-z]{4,}", reply.lower())}
    named = [w for w in re.findall(r"[a-z]{4,}", remark.lower()) if w not in _REMARK_WORDS]
    return any(w[:5] in said for w in named)


_GO_ON = re.compile(
    r"\b(?:(?:go|carry|keep) (?:on|going)|please continue|you were saying)\W*$"
    r"|\byou (?:cut|broke|dropped) (?:out|up)\b|\byou froze\b"
    r"|\b(?:i|we) (?:lost|missed) (?:you|the last bit|that last bit)\b",
    re.I,
)


def _reaction(remark: str) -> bool:
    """A remark made only of reaction words ("Oh, wow. Okay.", "Oh, I like that.")."""
    said = {w.strip(".,!?").lower() for w in remark.split()}
    return all(w in _REMARK_WORDS or _HUM.match(w) for w in said)


_REMARK_WORDS = frozenset(
    [
        "okay", "ok", "alright", "all", "right", "cool", "wow", "oh", "ah", "ha", "haha", "hmm",
        "mm", "fair", "enough", "good", "nice", "great", "perfect", "awesome", "excellent",
        "wonderful", "fantastic", "lovely", "makes", "sense", "love", "that", "that's", "thats",
        "true", "exactly", "absolutely", "sure", "yes", "yeah", "yep", "got", "it", "i", "see",
        "interesting", "thanks", "thank", "you", "and", "so", "well", "gotcha", "understood",
        "noted", "point", "like", "neat",
    ]
)  # fmt: skip
_HUM = re.compile(r"^(?:[mh]+|u+[hm]+|a+h+|o+h+|e+r+m*)$")  # "Mmm", "mm-hmm", "uh-huh"
_ADDRESSED = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
_THE_JOB_YOU = re.compile(
    r"\b(?:you(?:'d|'ll| would| will)(?: be| have| get| need| work| report)?|under you|"
    r"as you saw)\b(?: \w+){0,8}",
    re.I,
)
_YOU_WILL_DO = re.compile(r"\byou(?:'ll|'d| will| would)(?: also)? \w+\W*$", re.I)
# talk about the company ("a lot of our clients", "we went through a Horde phase"); not "we've
# all been there"
_OURS = re.compile(
    r"\b(?:our|ours)\b|\bwe(?:'re| are| were| use| run| have| had| went| do| did| build| built|"
    r" moved| tried)\b",
    re.I,
)


# "Actually, let me skip that one. Last question: ...": the question before stays unanswered
_WITHDRAW = re.compile(
    r"\b(?:skip (?:that|this|it)(?: one)?|never ?mind|forget (?:that|it|about that)|"
    r"scratch that|(?:let's|let us) move on|moving on|(?:next|last|another|final) question|"
    # "Actually, sorry, hold that thought", "let me back up, I'll come back to tooling"
    r"hold that thought|let me back up|(?:i'll|we'll|let's|let me) come back to|"
    # "actually let me go to the load chart, how do you read ...": on to something else
    r"(?:let's|let us|let me) (?:go|move|jump|switch|skip) (?:on )?to|"
    r"put a pin in)\b"
    # "Actually, doesn't matter, different terminal, different numbers. Done any reefer work?"
    r"|^\W*(?:(?:actually|oh|sorry|no|wait|um|uh|ah)\W+)*(?:it\s+)?(?:doesn't|does not) matter\b",
    re.I,
)


def withdraws(text: str) -> bool:
    """Whether an interviewer's words take back the question before them ("Actually, skip
    that one."): it stays unanswered, and it is not the candidate's to answer."""
    return bool(_WITHDRAW.search(text))


def takes_back_own(text: str) -> bool:
    """Whether a turn takes back its own question after asking it ("Do you listen to any of
    our shows? Actually, you know what, skip that.")."""
    i = text.rfind("?")
    return i >= 0 and withdraws(text[i + 1 :])


def _same_question(
    cur: OpenPair, turn: Turn, embedder: Embedder | None, options: PairingOptions
) -> bool:
    prev = cur.q_turns[-1]
    # ("Do you listen to our shows? Actually, skip that." then "Let's talk guests. ...": the
    # turn after a question taken back in its own turn asks anew)
    if withdraws(turn.text) or takes_back_own(prev.text):
        return False
    if turn.t_start - prev.t_end <= options.merge_gap_s:
        return True
    if _REPHRASE.search(turn.text):
        return True
    if embedder is not None:
        return embedder.similarity(prev.text, turn.text) >= options.rephrase_similarity
    return False


def _to_pair(idx: int, p: OpenPair, embedder: Embedder | None, options: PairingOptions) -> QAPair:
    q_text = " ".join(t.text.strip() for t in p.q_turns)
    q_start, q_end = p.q_turns[0].t_start, p.q_turns[-1].t_end
    if not p.answers:
        return QAPair(
            idx=idx,
            question_turn=p.q_turns[p.asked].idx,
            answer_turns=(),
            question=q_text,
            answer="",
            q_start=q_start,
            q_end=q_end,
            a_start=None,
            a_end=None,
            kind=p.cls.kind,
            link_confidence=0.0,
        )
    a_text = " ".join(t.text.strip() for t in p.answers)
    a_start, a_end = p.answers[0].t_start, p.answers[-1].t_end
    gap = a_start - q_end
    # an answer that starts while the question is still being asked keeps 0.8
    adjacency = 0.8 if gap < -0.5 else math.exp(-max(0.0, gap - 1.5) / options.adjacency_tau_s)
    if embedder is not None:
        cos = embedder.similarity(q_text, a_text[: options.answer_chars])
        rel = min(1.0, max(0.0, (cos - 0.05) / 0.35))
        relevance = options.relevance_floor + (1 - options.relevance_floor) * rel
    else:
        relevance = 0.75
    conf = p.cls.question_likeness * adjacency * relevance
    return QAPair(
        idx=idx,
        question_turn=p.q_turns[p.asked].idx,  # the wording that was answered
        answer_turns=tuple(t.idx for t in p.answers),
        question=q_text,
        answer=a_text,
        q_start=q_start,
        q_end=q_end,
        a_start=a_start,
        a_end=a_end,
        kind=p.cls.kind,
        link_confidence=round(conf, 4),
    )
