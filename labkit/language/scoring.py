"""Per-answer scores in [0, 1], each with the quoted span and times it rests on.

Dimensions (one AnswerScore row each, ``requirement`` rows one per JD requirement):
- relevance: embedding similarity of the answer (and its best sentence) to the question;
- requirement: a JD requirement evidenced by an alias, a sound-alike (misheard) name or, for soft
  skills, an embedding match; a negated mention ("never used Kafka") or a question about the
  requirement that the answer does not address scores low;
- technical_depth: concrete tools, numbers, causes and effects, ownership ("I built");
- clarity: fillers per minute, lexical diversity (MATTR), restarts;
- confidence: hedges ("I think", "maybe") against assertions ("I led", "definitely");
- consistency: claimed years and used/never-used statements against earlier answers (only when
  the answer makes such a claim);
- evasion: off-topic, very short or deflecting answers (higher = more evasive);
- overclaim: sweeping self-praise without substance (only when present; higher = worse).

Evidence times always lie inside the answer: they come from the answer's own words (ASR word
times, or times spread over the turn when a turn has no words).
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from labkit.errors import ModelMissingError
from labkit.language.nlp import Embedder, common_words, load_spacy
from labkit.language.quantities import asked_quantity, said_code, stated_quantities
from labkit.language.questions import (
    UNSCORED_KINDS,
    is_closed_question,
    question_topic,
    words_of,
)
from labkit.language.vocabulary import (
    Mention,
    SkillEntry,
    Vocabulary,
    load_vocabulary,
    singular,
)
from labkit.records import AnswerScore, JobSpec, QAPair, Requirement, Turn, Word

__all__ = [
    "AnswerHistory",
    "AnswerText",
    "Claim",
    "ScoringOptions",
    "answer_text",
    "job_role",
    "requirement_entries",
    "score_answer",
]


@dataclass(frozen=True, slots=True)
class ScoringOptions:
    """Answer scoring hyper-parameters.

    relevance_lo / relevance_hi: cosine mapped to relevance 0 / 1.
    short_question_words: a question of at most this many words (or a follow-up) is also read
        with the question answered before it ("why minimum"); its answer's relevance is the
        better of the two.
    soft_skill_similarity / skill_similarity: embedding cosine that counts as evidence of a soft
        skill / other non-tool requirement when no alias matched.
    soft_skill_question: question-to-soft-skill cosine above which a question counts as asking
        about that soft skill (a relevant, concrete answer then evidences it).
    fillers_per_min_bad: filler rate that takes the filler part of clarity to 0.
    filler_recall: the share of spoken fillers the transcript holds (1 for a typed transcript;
        labkit.speech.fillers.ASR_FILLER_RECALL for Whisper's, which drops most): the written
        rate is divided by it, so ASR text does not make a hesitant candidate read as fluent.
    restarts_per_100_bad: restarts per 100 words that take the restart part of clarity to 0.
    short_answer_words: answers shorter than this count as short (evasion, depth cap).
    years_tolerance: claimed years may differ by max(this, 25%) before they conflict.
    segment_words: long unpunctuated ASR text is cut into spans of this many words.
    hedged_mention: factor on a skill mention whose sentence hedges ("maybe use STRIDE").
    denied_elsewhere: factor on a skill's best mention when the same answer also denies it
        ("... Honestly we didn't do formal threat modeling"). (After a denial in an earlier
        answer, a mention whose sentence shows no deed of the candidate's counts not at all.)
    liked_mention: factor on a mention that only says the candidate likes it ("And I like
        SAP."), unless its sentence is concrete.
    brief_answer_words: a reply this short to a yes/no question is complete: it gets no
        clarity, confidence, depth or evasion score (only what it says about a requirement).
    self_reported: a requirement's score from "Yes." to "Do you have X?".
    obtainable: a requirement's score from "Not yet" where the JD takes one who will get it
        after hire ("or willingness to achieve within 12 months").
    figure_met / figure_short: a requirement's score when the answer states the figure it asks
        for ("35 words per minute") and meets it, or falls short of it.
    reference_year: the year "I started in 2017" counts from (None: this year; set it to the
        recording's year when judging an old one).
    implied: a requirement's score when the answer names a tool that implies it (the
        vocabulary's ``implies``: PyTorch implies Python) but not the requirement itself.
    limited_elsewhere: factor on the mentions of an answer that also owns up to the limits of
        the candidate's hands-on part ("the setup was done by the platform team, I haven't
        really dealt with partitions", "I'm not super deep on the tuning side").
    limited_depth: factor on the technical depth of an answer that owns up to limits.
    asked_shallow: factor on a requirement named by the question and answered with no depth at
        all (it rises to 1 with the answer's technical depth): "And Docker?" "Yeah, Docker,
        we use it." shows less than a worked account.
    unasked_semantic: factor on evidence found by meaning alone in an answer to a question that
        is not about that requirement (question-to-requirement cosine below skill_question).
    Technical depth is scored for technical questions only (labkit.language.questions).
    """

    short_question_words: int = 6
    relevance_lo: float = 0.1
    relevance_hi: float = 0.55
    soft_skill_similarity: float = 0.5
    soft_skill_question: float = 0.45
    skill_similarity: float = 0.62
    fillers_per_min_bad: float = 15.0
    filler_recall: float = 1.0
    restarts_per_100_bad: float = 8.0
    short_answer_words: int = 12
    years_tolerance: float = 1.0
    segment_words: int = 25
    hedged_mention: float = 0.6
    denied_elsewhere: float = 0.7
    liked_mention: float = 0.6
    brief_answer_words: int = 4
    self_reported: float = 0.65
    obtainable: float = 0.5
    implied: float = 0.55
    limited_elsewhere: float = 0.5
    limited_depth: float = 0.7
    asked_shallow: float = 0.6
    unasked_semantic: float = 0.7
    skill_question: float = 0.5
    reference_year: int | None = None
    figure_met: float = 0.9
    figure_short: float = 0.3


# --- answer text with word times ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerText:
    """The answer as one string whose every word keeps its time."""

    text: str
    words: tuple[Word, ...]
    offsets: tuple[int, ...]  # char start of each word in text
    segments: tuple[tuple[int, int], ...]  # word index ranges [i0, i1)

    def word_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.offsets, char) - 1)

    def span(self, i0: int, i1: int) -> tuple[str, float, float]:
        i1 = max(i1, i0 + 1)
        s = self.offsets[i0]
        e = self.offsets[i1 - 1] + len(self.words[i1 - 1].text.strip())
        return self.text[s:e], self.words[i0].t_start, self.words[i1 - 1].t_end

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.word_at(start), self.word_at(max(start, end - 1)) + 1


def _turn_words(turn: Turn) -> list[Word]:
    if turn.words:
        out: list[Word] = []
        for w in turn.words:
            if not w.text.strip():
                continue
            if out and re.match(r"-[A-Za-z]", w.text.strip()):
                # Whisper writes "hands-on" as "hands" "-on": one word, as said
                prev = out.pop()
                w = Word(prev.speaker, prev.t_start, w.t_end, prev.text + w.text.strip(),
                         min(prev.prob, w.prob))  # fmt: skip
            out.append(w)
        return out
    toks = turn.text.split()
    if not toks:
        return []
    # no ASR words (typed or test turns): spread the turn's time over its words by length
    total = sum(len(t) + 1 for t in toks)
    dur = max(turn.t_end - turn.t_start, 1e-3)
    out, acc = [], 0
    for t in toks:
        t0 = turn.t_start + dur * acc / total
        acc += len(t) + 1
        t1 = turn.t_start + dur * acc / total
        out.append(Word(turn.speaker, t0, t1, t))
    return out


# "St. Brendan's", "Dr. Okafor", "e.g. Jenkins": a dot that ends no sentence
_ABBREV = re.compile(
    r"(?:st|dr|mr|mrs|ms|prof|inc|ltd|corp|jr|sr|vs|approx|dept|e\.g|i\.e)\.", re.I
)


def answer_text(turns: Sequence[Turn], *, segment_words: int = 25) -> AnswerText:
    words: list[Word] = []
    for t in turns:
        words.extend(_turn_words(t))
    parts, offsets, pos = [], [], 0
    for w in words:
        s = w.text.strip()
        offsets.append(pos)
        parts.append(s)
        pos += len(s) + 1
    text = " ".join(parts)
    segs: list[tuple[int, int]] = []
    i0 = 0
    for i, w in enumerate(words):
        end = i == len(words) - 1
        brk = bool(re.search(r"[.!?;]$", w.text.strip())) and not _ABBREV.fullmatch(w.text.strip())
        pause = not end and words[i + 1].t_start - w.t_end > 1.0
        if end or brk or pause or i + 1 - i0 >= segment_words:
            segs.append((i0, i + 1))
            i0 = i + 1
    return AnswerText(text, tuple(words), tuple(offsets), tuple(segs))


# --- cue lists ------------------------------------------------------------------------------

_HEDGES = (
    "i think", "i guess", "maybe", "probably", "perhaps", "i'm not sure", "not sure",
    "i don't know", "i'm not really", "not really", "sort of", "kind of", "i suppose", "might",
    "could be", "hopefully", "somewhat", "a little bit", "i believe", "possibly",
    "not an expert", "i don't remember", "i can't remember", "i'm not confident",
    "more or less", "if i remember", "i assume", "i would say", "i hope", "not that much",
    "not much", "a bit", "i'm not very", "i am not sure", "don't really know",
)  # fmt: skip
_ASSERT = (
    "i built", "i designed", "i led", "i wrote", "i implemented", "i owned", "i created",
    "i delivered", "i decided", "i shipped", "i made sure", "i drove", "i reduced",
    "i improved", "i increased", "i set up", "i migrated", "i deployed", "i know",
    "definitely", "certainly", "clearly", "i'm confident", "i am confident", "we achieved",
    "i solved", "i fixed", "i chose", "i'm sure", "absolutely", "i was responsible",
    "i am responsible", "i'm responsible", "i own", "i run", "i manage", "i managed",
    "i architected", "i proposed", "i introduced", "i automated", "i measured", "i profiled",
    "the result was", "as a result", "i personally",
)  # fmt: skip
_OWNERSHIP = (
    "i built", "i designed", "i led", "i wrote", "i implemented", "i owned", "i created",
    "i decided", "i shipped", "i drove", "i reduced", "i improved", "i set up", "i migrated",
    "i deployed", "i architected", "i proposed", "i introduced", "i automated", "i measured",
    "i profiled", "i debugged", "i refactored", "i optimized", "i optimised", "i chose",
    "i was responsible", "i am responsible", "i'm responsible", "i own", "i ran", "i fixed",
    "i tuned", "i rewrote", "i added", "i replaced", "i split", "i moved", "my team and i",
)  # fmt: skip
_CAUSAL = (
    "because", "so that", "which meant", "which caused", "as a result", "therefore",
    "due to", "led to", "which led", "caused by", "the reason", "in order to", "that's why",
    "resulted in", "this meant", "since the", "thanks to", "which reduced", "which cut",
    "the trade-off", "the tradeoff", "trade off", "instead of",
)  # fmt: skip
_DEFLECT = (
    "good question", "i'd rather not", "i would rather not", "i don't remember",
    "i can't recall", "i don't recall", "i don't really know", "hard to say", "it depends",
    "i can't say", "i can't really say", "not sure what you mean", "i haven't thought",
    "i don't know", "pass on that", "no idea", "let's move on", "can we move on",
    "i'd have to check", "i'm not sure", "i don't really remember", "not really relevant",
)  # fmt: skip
# sweeping claims; not "a hundred percent" ("100 percent inspection", "not a hundred percent
# sure"), "the best" ("the best floc") or "nobody else" ("because nobody else wanted to")
_OVERCLAIM = (
    "expert in everything", "i'm an expert", "i am an expert", "mastered", "master of",
    "i know everything", "every technology", "expert in all", "never made a mistake",
    "never fail", "i'm the best", "i am the best", "world class", "the best at everything",
    "i can do anything", "no weaknesses", "any weaknesses", "don't have weaknesses",
    "everything perfectly", "perfect every", "best engineer", "single-handedly",
    "single handedly", "all by myself",
)  # fmt: skip
# praise of oneself in place of evidence: "I'm really good with technology", "I'm a fast
# learner, I'd pick it up really quickly", "I'm sure I could pick it up". Plain "I'm good with
# the vents" or "I'm comfortable with XLOOKUP" is left alone: it is how strong candidates talk too.
_SELF_PRAISE = re.compile(
    r"\b(?:i'm|i am) (?:a )?(?:really|very|super|extremely) (?:good|strong|great|quick|fast)"
    r" (?:at|with|in|on|learner)\b"
    r"|\b(?:fast|quick) (?:learner|study)\b"
    r"|\bpick (?:\w+ ){0,3}up (?:really |super |pretty |very )?(?:fast|quick|quickly)\b"
    r"|\bi'm sure i (?:could|can|would|'d) (?:definitely )?pick\b",
    re.I,
)
_NEGATORS = frozenset(
    [
        "not",
        "never",
        "no",
        "haven't",
        "hasn't",
        "didn't",
        "don't",
        "doesn't",
        "without",
        "wasn't",
        "isn't",
        "can't",
        "cannot",
        "n't",
        "neither",
        "nor",
    ]
)
_ASPIRE = ("want to learn", "would like to learn", "hope to learn",
           "wish i", "read about", "heard of", "heard about", "looking forward to learning",
           "would love to learn", "eager to learn", "learn more about", "watched a video",
           "video about", "videos about", "a tutorial", "tutorials on", "read up on",
           "read a bit about",
           # a paper on its way, not held: "I'm already enrolled in the NKTI course", "I'll
           # renew my ACLS this month", "I'm preparing for the PL-400"
           # ("I had to renew my CSCS card in March" renewed it)
           "enrolled in", "enrolled on", "signed up for", "booked in for", "booked onto",
           "working towards", "working toward", "studying for", "i'm committed to",
           "i am committed to", "i'm already committed to", "planning to", "plan to",
           "going to take", "i'll renew", "i will renew", "need to renew", "going to renew",
           "preparing for")  # fmt: skip
_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "zero",
        "hundred",
        "thousand",
        "million",
        "billion",
        "percent",
        "half",
        "double",
        "triple",
    ]
)
# a figure, not the digit of a name ("S/4", "k8s")
_NUM_RE = re.compile(r"(?<![/\w.])\d+(?:[.,]\d+)?\b|%")
_IDIOMS_RE = re.compile(r"\b(?:a|one) hundred (?:percent|per cent|%)(?= sure| certain)", re.I)


def _numbers(text: str) -> list[str]:
    """The figures of a text, as tokens ("90", "%", "thousand"); "a hundred percent sure"
    is a manner of speaking, not a figure."""
    text = _IDIOMS_RE.sub(" ", text)
    return _NUM_RE.findall(text) + [t for t in words_of(text) if t in _NUMBER_WORDS]


# the number words said of years and of rounded figures
_SMALL_NUMBERS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty"
)
_YEARS_RE = re.compile(
    rf"\b(?P<n>\d+(?:\.\d+)?|{_SMALL_NUMBERS}|a couple of|a few|several)\s*(?:\+|plus)?\s*"
    r"(?:and (?:a )?half\s+)?years?\b"  # ("eight and half years": Indian English)
    # "one year and seven months": the months count too
    rf"(?:,?\s+and\s+(?P<m>\d+|{_SMALL_NUMBERS})\s+months?\b)?",
    re.I,
)
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-five", "thirty one": the tens said with a unit (see _years_value)
_COMPOUND = rf"(?:twenty|thirty)[- ](?:{_UNITS})\b"
# "fourteen months total", "twenty-five months": tenures too short or too exact for years
_MONTHS_RE = re.compile(
    rf"\b(?P<n>\d+|{_COMPOUND}|{_SMALL_NUMBERS})\s*(?:\+|plus)?\s*months?\b",
    re.I,
)
# a span of time that is no one's tenure
_NOT_TENURE_BEFORE = frozenset(["in", "within", "every", "each", "per", "after"])
_NOT_TENURE_AFTER = frozenset(["ago", "old", "later", "earlier", "from"])


# a career told by the year it began: "I started in 2017, right before Harvey, as an inside
# desk adjuster", "I've been there since 2019", "I began as a machinist back in 2014"
_SINCE_RE = re.compile(
    r"\bI\s+(?:first\s+)?(?:started|began)(?:\s+out)?(?:\s+(?:as|at|with)\s+[^.,;?!]{1,40}?)?"
    r"\s+(?:back\s+)?in\s+(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?:I've|I\s+have)\s+been\s+(?:[\w'-]+\s+){0,6}?since\s+(?P<y2>(?:19|20)\d\d)\b"
    # "How long have you had your CT?" "Since 2013.": a reply that opens with the year
    r"|^\W*(?:(?:oh|um|uh|well|so|yeah|yep|ah),?\s+)*since\s+(?P<y4>(?:19|20)\d\d)\b"
    # "Since 2017 I've been with a maintenance contractor": a sentence that opens with it
    r"|(?:^|(?<=[.!?]\s))since\s+(?P<y5>(?:19|20)\d\d),?\s+(?:I've|I\s+have)\s+been\b"
    # "I graduated from a CAAHEP-accredited program in 2018 and got my CST right after. Since
    # then I've been at St. Anne's"
    r"|\bin\s+(?P<y3>(?:19|20)\d\d)\b[^.?!]{0,80}?(?:[.?!]\s+|,?\s+and\s+)"
    # "... graduated in 2021. Passed SPI and then abdomen, so I'm RDMS in both. Since then
    # I've been at Westview": a sentence of what came with it between (no other year, no move)
    r"(?:(?:(?!\b(?:19|20)\d\d\b|\b(?:later|after|moved|left|switched|joined)\b)[^.?!]){1,120}"
    r"[.?!]\s+)?since\s+then,?\s+(?:I've|I\s+have)\s+been\b"
    # "Qualified 2017, Level 4": a trade's years count from the paper
    r"|\bqualified\s+(?:back\s+)?(?:in\s+)?(?P<y6>(?:19|20)\d\d)\b",
    re.I,
)


def _start_years(text: str, reference_year: int) -> list[tuple[int, int, float]]:
    """(start, end, years) of each career said by the year it began."""
    out = []
    for m in _SINCE_RE.finditer(text):
        year = int(next(g for g in m.group("y", "y2", "y3", "y4", "y5", "y6") if g))
        if 0 < reference_year - year <= 45:
            out.append((m.start(), m.end(), float(reference_year - year)))
    return out


def _tenures(text: str, pattern: re.Pattern[str] = _YEARS_RE) -> list[re.Match[str]]:
    """The spans of years (or of months, with ``_MONTHS_RE``) a text says someone spent
    ("three years", "5+ years"), without the ones that are no tenure: "its password hadn't
    changed in six years", "two years ago"."""
    out = []
    for m in pattern.finditer(text):
        before = text[: m.start()].split()[-1:]
        after = text[m.end() :].split()[:1]
        if before and before[0].lower() in _NOT_TENURE_BEFORE:
            continue
        # "the first two months, compliance was ...": a stretch of a story, not a tenure
        if pattern is _MONTHS_RE and before and before[0].lower() in ("first", "next"):
            continue
        # "forty new builds in the last two years": a window the count falls in ("for the
        # last four years I've been at Corvane" is a tenure)
        if re.search(r"\b(?:in|over|during|within)\s+the\s+(?:last|past|next|first)\s+$",
                     text[max(0, m.start() - 30) : m.start()], re.I):  # fmt: skip
            continue
        if after and after[0].lower().strip(".,;") in _NOT_TENURE_AFTER:
            continue
        out.append(m)
    return out


_YEAR_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30,
    "a couple of": 2, "a few": 3, "several": 4,
}  # fmt: skip
_CAREER_WORDS = frozenset(
    [
        "experience",
        "career",
        "professionally",
        "industry",
        "engineer",
        "developer",
        "analyst",
        "working",
        "worked",
        "professional",
        "total",
        "overall",
        # "I qualified in 2020, so five years PQE"
        "qualified",
        "pqe",
        "post-qualification",
        "licensed",
        "registered",
    ]
)
_FIELD_STOP = frozenset(
    ["years", "year", "experience", "experienced", "of", "in", "with", "as", "and", "or", "the",
     "a", "an", "on", "at", "for", "to", "least", "minimum", "plus", "professional", "relevant",
     "hands-on", "including", "industry", "related", "similar", "role", "roles", "working"]
)  # fmt: skip


def _field_words(requirement: str) -> list[str]:
    """The words naming an experience requirement's field, by their first five letters
    ("planner", "planning"; "crane", "cranes"): none for a plain "2+ years of experience"
    ("post-trade" is said "post trade": its parts count)."""
    words = [w for w in re.findall(r"[a-z][\w-]+", requirement.lower()) if w not in _FIELD_STOP]
    return [p[:5] for w in words for p in w.split("-") if p and p not in _FIELD_STOP]


def _names_field(sentence: str, requirement: str) -> bool:
    """Whether a sentence names the field an experience requirement counts years of: at
    least two of its words (one where it has only one), or its last word in a sentence of a few
    words ("Fourteen years scaffolding." for "industrial scaffolding experience")."""
    field = _field_words(requirement)
    words = set(field)
    if not words:
        return False
    said = {p[:5] for w in re.findall(r"[a-z][\w-]+", sentence.lower()) for p in (w, *w.split("-"))}
    short = len(sentence.split())
    head = field[-1] in said and short <= 6
    # "Four years on straddles up in Auckland." for "operating straddle carriers", "Been with
    # Coastline Roofing six years." for "installing metal roofing and cladding": a terse
    # sentence names a field by one of its nouns (not by the verb that leads it)
    lead = re.match(r"\s*[a-z]+ing\b", requirement.lower().split(" experience ")[-1])
    nouns = set(field[1:] if lead and len(field) > 1 else field)
    return len(words & said) >= min(2, len(words)) or head or (short <= 8 and bool(nouns & said))


# "Last three years I've been with Hendricks Electric", "four years apprenticeship": a career
# in words that name no role (only for a JD's plain "4+ years of experience")
# a question about how long the candidate has held a job
_HOW_LONG = re.compile(
    r"\bhow long (?:have|had|did) you (?:been |worked |work )?(?:at|with|in|there|for|doing)\b"
    r"|\bhow (?:many|long) years (?:have|did) you\b"
    # "How long have you had your CT?", "How long have you been operating tower cranes?"
    r"|\bhow long (?:have|did) you (?:had|held|hold|have) (?:your|the|a|an)\b"
    r"|\bhow long (?:have|had) you been \w+ing\b",
    re.I,
)
_CAREER_RE = re.compile(
    r"\b(?:i've been|i have been|i was|i've worked|i worked|i spent)\s+(?:\w+\s+){0,2}?"
    r"(?:with|at|for|as|in)\b|\bapprentice(?:ship)?\b|\bjourneym[ae]n\b|\bon the job\b"
    # "I'm a case manager at Harbor House ... I've been there about four years"
    r"|\b(?:i've|i have) been (?:there|here)\b"
    # "Been with Coastline Roofing six years.": the "I" left out
    r"|^(?:been|worked|spent)\s+(?:\w+\s+){0,2}?(?:with|at|for)\b"
    # "I've been machining about eleven years": the trade itself, as a verb
    r"|\b(?:i've been|i have been)\s+\w+ing\s+(?:for\s+)?(?:about|around|almost|nearly|over|"
    rf"just over|close to)?\s*(?:\d|{_SMALL_NUMBERS})",
    re.I,
)
_RESTART_RE = re.compile(
    r"\b(\w+) \1\b|\b(sorry|i mean|let me rephrase|what i meant|no wait|scratch that|"
    r"let me start again|actually no)\b|--|\u2014",
    re.I,
)
_FILLER_TOKENS = frozenset(["um", "uh", "erm", "er", "ah", "hmm", "uhm", "mm", "umm", "uhh"])


_ESTIMATE = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:about|around|roughly|like|over|under|close to)?\W*"
    rf"(?:\d+|{_SMALL_NUMBERS}|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|half)\b",
    re.I,
)


def _estimates_dropped(text: str, hedges: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Hedges without the ones that only round a figure: "maybe sixty percent", "I think it
    was around sixty patients" estimate a number, they don't doubt the answer."""
    return [h for h in hedges if not _ESTIMATE.match(text[h[1] : h[1] + 40])]


def _count(text: str, phrases: Sequence[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping phrase hits (char spans) in lower-cased text with word boundaries."""
    low = text.lower().replace("\u2019", "'")
    hits: list[tuple[int, int, str]] = []
    for p in sorted(phrases, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w'])" + re.escape(p) + r"(?![\w'])", low):
            if not any(a < m.end() and m.start() < b for a, b, _ in hits):
                hits.append((m.start(), m.end(), p))
    return sorted(hits)


# --- history for consistency ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement: years with a subject, or having / never having used a skill."""

    qa_idx: int
    subject: str  # requirement/skill name, or "career"
    years: float | None
    negated: bool
    evidence: str
    t_start: float
    t_end: float
    # the most years the career can have: it began in a year said ("graduated twenty seventeen,
    # then went straight into transit")
    bound: bool = False


@dataclass
class AnswerHistory:
    """Claims made in earlier answers (grows as answers are scored)."""

    claims: list[Claim] = field(default_factory=list)
    # requirement -> the answer in which the candidate said it is not theirs ("Have you done
    # any pen tests?" "Not really, no.")
    denied: dict[str, int] = field(default_factory=dict)
    # the question of the answer scored last: what a short follow-up ("why minimum", "ok and
    # before that") asks about
    last_question: str = ""

    def copy(self) -> AnswerHistory:
        return AnswerHistory(
            claims=list(self.claims), denied=dict(self.denied), last_question=self.last_question
        )


# "Finance and IT" in a JD: an acronym that is a word in lower case ("it") is only that
# acronym as written in capitals
_WORD_ACRONYM = re.compile(
    r"IT|AS|US|OR|ON|IN|AT|TO|DO|GO|SO|NO|AM|AN|ME|WE|BE|BY|IF|IS|OF|UP|MY|ALL|CAN|MAY|ONE|ANY|"
    r"WHO|HOW|ITS|HAS|WAS|ARE|AND|FOR|THE|NOT|BUT|OUR|OUT|USE|SEE|GET|SET|RUN|NEW|NOW|WAY|ACE|"
    r"ART|AIM|ACT|ASK|PAY|DAY|KEY|TOP|MAP|TAP|CAP|PIN|POS|SAFE|CARE|CORE|LEAN|PACE|PLAN|BASE"
)


# a paper's category or level, and its generic word ("F-Gas Category 1 certificate")
_CATEGORY = re.compile(r"\b(?:category|cat\.?)\s+(\w+)\b", re.I)
_PAPER_WORD = re.compile(r"(?:^|\s+)(?:certificate|certification|card|licen[cs]e|ticket)$", re.I)
_ACR_LEVEL = re.compile(r"\b([A-Z]{2,6})\s+(?:(?i:level)\s+|L)?(\d{1,2})\b")


# a standard's number after its body's letters ("AS 1210", "AS/NZS 3992", "ISO 17025")
_CODE_NUMBER = re.compile(r"\b[A-Z]{2,5}(?:/[A-Z]{2,5})?\s?(\d{4,5})\b")


def _said_short(term: str) -> list[str]:
    """How a paper's name is said short: "F-Gas Category 1 certificate" as "cat 1 f gas" or
    "f gas cat 1", "NVQ Level 3" as "nvq3"."""
    out = []
    if cat := _CATEGORY.search(term):
        rest = _PAPER_WORD.sub("", (term[: cat.start()] + term[cat.end() :]).strip())
        rest = " ".join(rest.split())
        if rest:
            out += [f"cat {cat.group(1)} {rest}", f"{rest} cat {cat.group(1)}"]
    out += [f"{m.group(1)}{m.group(2)}" for m in _ACR_LEVEL.finditer(term)]
    return [x for x in out if x.lower() != term.lower()]


def requirement_entries(
    jobspec: JobSpec, vocabulary: Vocabulary
) -> list[tuple[Requirement, SkillEntry]]:
    """A matchable vocabulary entry for each requirement (ad-hoc for unknown names)."""
    out = []
    for r in jobspec.requirements:
        if not r.scored:
            continue
        entry = vocabulary.get(r.name)
        # a requirement's own aliases (the JD's examples: "SIEM, e.g. Splunk") count as well
        extra = [a for a in r.aliases if entry is None or a not in entry.terms]
        # "Tube & Coupler" is said "tube and coupler"
        said = [" ".join(t.replace("&", " and ").split()) for t in (r.name, *r.aliases) if "&" in t]
        said += [x for t in (r.name, *r.aliases) for x in _said_short(t)]
        # "Fabricating to AS 1210 and AS 4041": "as twelve ten", "the forty forty one stuff"
        said += [x for m in _CODE_NUMBER.finditer(r.name) for x in said_code(m.group(1))]
        extra += [t for t in said if entry is None or t not in entry.terms]
        if entry is None or r.category == "experience" or entry.name != r.name or extra:
            base = entry.aliases if entry is not None and entry.name == r.name else ()
            aliases = tuple(dict.fromkeys((*base, *r.aliases, *said)))
            entry = SkillEntry(
                name=r.name,
                category=r.category,
                aliases=aliases,
                case_sensitive=vocabulary.case_sensitive_terms((r.name, *aliases))
                + tuple(t for t in (r.name, *aliases) if _WORD_ACRONYM.fullmatch(t)),
            )
        out.append((r, entry))
    return out


# --- scoring --------------------------------------------------------------------------------


def score_answer(
    pair: QAPair,
    answer_turns: Sequence[Turn],
    *,
    jobspec: JobSpec,
    embedder: Embedder,
    history: AnswerHistory | None = None,
    vocabulary: Vocabulary | None = None,
    options: ScoringOptions = ScoringOptions(),
) -> list[AnswerScore]:
    """Score one answered question. Appends the answer's claims to ``history``."""
    vocab = vocabulary or load_vocabulary()
    at = answer_text(answer_turns, segment_words=options.segment_words)
    if not at.words:
        return []
    rows: list[AnswerScore] = []
    n_words = len(at.words)
    q = pair.question

    def row(dim: str, score: float, i0: int, i1: int, *, req: str | None = None, **feat: float):
        ev, t0, t1 = at.span(i0, i1)
        rows.append(
            AnswerScore(
                qa_idx=pair.idx,
                dimension=dim,
                score=round(min(1.0, max(0.0, score)), 4),
                evidence=ev,
                t_start=round(t0, 3),
                t_end=round(t1, 3),
                requirement=req,
                features={k: round(float(v), 4) for k, v in feat.items()},
            )
        )

    seg_texts = [at.span(a, b)[0] for a, b in at.segments]

    # relevance ---------------------------------------------------------------------------
    # the answer's vector is the mean of its spans' vectors: spans are embedded anyway, and one
    # long text costs as much as ten short ones on a CPU
    # a follow-up may ask about what the question before it asked: "why minimum" after "which
    # apps do you keep as blocking" is answered by "Every blocking app is a failure point"; the
    # answer is as relevant as it is to the question alone or read with that one
    before = history.last_question if history is not None else ""
    short = pair.kind == "follow_up" or len(q.split()) <= options.short_question_words
    asked = [q, f"{before} {q}"] if before and short else [q]
    vecs = embedder.embed([*asked, *seg_texts])
    spans = vecs[len(asked) :]
    mean_vec = spans.mean(axis=0)
    mean_norm = max(float((mean_vec**2).sum()) ** 0.5, 1e-9)
    cos, best_seg = -1.0, 0
    for qv in vecs[: len(asked)]:
        cos_full = float(mean_vec @ qv) / mean_norm
        seg_cos = [float(v @ qv) for v in spans]
        k = max(range(len(seg_cos)), key=lambda j: seg_cos[j])
        if (c := 0.6 * cos_full + 0.4 * seg_cos[k]) > cos:
            cos, best_seg = c, k
    relevance = (cos - options.relevance_lo) / (options.relevance_hi - options.relevance_lo)
    relevance = min(1.0, max(0.0, relevance))
    row("relevance", relevance, *at.segments[best_seg], cosine=cos)

    # depth cues per segment ---------------------------------------------------------------
    tech = [m for m in vocab.find_mentions(at.text, speech=True)
            if m.entry.category in ("skill", "tool", "domain")]  # fmt: skip
    seg_depth = []
    totals = {"tools": 0, "numbers": 0, "causal": 0, "ownership": 0, "terms": 0, "specialist": 0}
    seg_terms, seg_acts = _terms_and_deeds(seg_texts)
    # a tool the candidate says they haven't used, or only read about, shows no depth
    used = [m for m in tech if not _negated(at, m, tech)]
    q_nums = set(_numbers(q))
    for (a, b), n_terms, n_acts in zip(at.segments, seg_terms, seg_acts, strict=True):
        s_text, _, _ = at.span(a, b)
        s_start, s_end = at.offsets[a], at.offsets[b - 1] + len(at.words[b - 1].text)
        # distinct tools: a name said again (or an ASR loop of it) shows no more depth
        n_tools = len({m.entry.name for m in used if s_start <= m.start < s_end})
        # the candidate's own figures: not the question's ("say, a thousand jobs") echoed back
        n_num = sum(1 for n in _numbers(s_text) if n not in q_nums)
        n_cause = len(_count(s_text, _CAUSAL))
        # "I built ..." of the list, or the candidate's own deeds in any trade ("I set the
        # reserve", "I harness up", "I palpate the nodes")
        n_own = max(len(_count(s_text, _OWNERSHIP)), n_acts)
        n_spec = len(_specialist_words(s_text))
        for k, v in zip(totals, (n_tools, n_num, n_cause, n_own, n_terms, n_spec), strict=True):
            totals[k] += v
        seg_depth.append(n_tools + n_num + n_cause + n_own + n_terms + n_spec)
    raw = (
        1.0 * min(totals["tools"], 5)
        + 0.8 * min(totals["numbers"], 4)
        + 0.8 * min(totals["causal"], 4)
        + 0.9 * min(totals["ownership"], 4)
        + 0.6 * min(totals["terms"], 5)
        + 0.5 * min(totals["specialist"], 5)
    )
    depth = (1 - math.exp(-raw / 3.5)) * min(1.0, n_words / 40)
    if _limits(at.text):
        # "We cache it in Room ... but the sync logic, that's mostly on the backend team": the
        # tools are named, the depth is someone else's
        depth *= options.limited_depth
        totals["limited"] = 1
    k_depth = max(range(len(seg_depth)), key=lambda j: seg_depth[j])
    # "Yes." to "Do you have your CCNP?" is a complete answer that shows nothing of its style
    closed = is_closed_question(q)
    brief = closed and n_words <= options.brief_answer_words
    if question_topic(q) == "technical" and not brief:  # depth is read from technical answers
        row("technical_depth", depth, *at.segments[k_depth], **totals, words=n_words)

    # clarity ------------------------------------------------------------------------------
    from labkit.speech.fillers import find_fillers

    fillers = find_fillers(list(at.words))
    minutes = max((at.words[-1].t_end - at.words[0].t_start) / 60.0, 0.1)
    written_fpm = sum(h.n_words for h in fillers) / minutes
    fpm = written_fpm / max(options.filler_recall, 0.05)  # the rate said, estimated
    toks_all = [t for t in words_of(at.text) if t not in _FILLER_TOKENS]
    mattr = _mattr(toks_all, 25)
    plain = re.sub(r"[^\w\s'\u2014-]", "", at.text.lower())  # "I, I think" is a restart too
    restarts = _RESTART_RE.findall(plain)
    rp100 = 100.0 * len(restarts) / max(n_words, 1)
    clarity = (
        0.45 * (1 - min(1.0, fpm / options.fillers_per_min_bad))
        + 0.25 * (1 - min(1.0, rp100 / options.restarts_per_100_bad))
        + 0.30 * min(1.0, max(0.0, (mattr - 0.45) / 0.4))
    )
    wpm = n_words / minutes
    # evidence: the span with the most fillers/restarts, else the first span
    bad = [0] * len(at.segments)
    for h in fillers:
        bad[_seg_of(at, h.index)] += 1
    for w_i in range(1, len(at.words)):  # repeated words, located on the word list
        if _norm_word(at.words[w_i].text) == _norm_word(at.words[w_i - 1].text) != "":
            bad[_seg_of(at, w_i)] += 1
    k = max(range(len(bad)), key=lambda j: bad[j]) if max(bad) > 0 else 0
    if not brief:
        row(
            "clarity",
            clarity,
            *at.segments[k],
            fillers_per_min=fpm,
            fillers_written_per_min=written_fpm,
            restarts_per_100w=rp100,
            mattr=mattr,
            words_per_min=wpm,
            words=n_words,
        )

    # linguistic confidence ------------------------------------------------------------------
    hedges = _estimates_dropped(at.text, _count(at.text, _HEDGES))
    asserts = _count(at.text, _ASSERT)
    # one's own deeds told plainly assert as much in any trade ("I ran the build and did the
    # handover", "Drilled it first day of every swing") as the list's "I built"
    n_a = max(len(asserts), sum(seg_acts))
    n_h = len(hedges) + sum(1 for h in hedges if h[2] in ("i don't know", "not sure"))
    conf = (n_a + 1) / (n_a + 1.3 * n_h + 2)
    pick = hedges if conf < 0.5 and hedges else asserts or hedges
    i0, i1 = _around(at, pick[0][0], pick[0][1]) if pick else at.segments[0]
    if not brief:
        row("confidence", conf, i0, i1, hedges=len(hedges), assertions=n_a)

    # JD requirements ------------------------------------------------------------------------
    hist = history if history is not None else AnswerHistory()
    hist.last_question = q
    # the answer's most telling span: the most concrete one, else the most on-topic one
    focus = at.segments[k_depth] if seg_depth[k_depth] > 0 else at.segments[best_seg]
    req_rows, claims_subjects, bare = _requirements(
        pair,
        at,
        jobspec,
        vocab,
        embedder,
        seg_texts,
        options,
        relevance=relevance,
        depth=depth,
        confidence=conf,
        focus=focus,
        reply=_yes_no(at.text) if is_closed_question(q) else _held_since(q, at.text),
        denied_before=frozenset(hist.denied),
    )
    for dim, score, i0, i1, req, feat in req_rows:
        row(dim, score, i0, i1, req=req, **feat)
        if feat.get("negated"):
            hist.denied.setdefault(req, pair.idx)

    # consistency against earlier claims ----------------------------------------------------
    q_tech = [m for m in vocab.find_mentions(q, speech=True)
              if m.entry.category in ("skill", "tool", "domain")]  # fmt: skip
    q_subject = (
        q_tech[0].entry.name
        if q_tech
        else (
            "career" if any(t in _CAREER_WORDS or t == "programming" for t in words_of(q)) else None
        )
    )
    # a flat no to "Have you done X?" makes the answer's mention of X a no, whoever's it is;
    # a bare name after an earlier no claims nothing
    replied_no = {r[4] for r in req_rows if r[5].get("replied_no")}
    claims = _claims(
        pair.idx, at, tech, claims_subjects, q_subject=q_subject, replied_no=replied_no, bare=bare
    )
    ref_year = options.reference_year or datetime.date.today().year
    for c0, c1, yrs in _career_starts(at.text, ref_year):
        w0, w1 = at.char_span(c0, c1)
        ev, t0, t1 = at.span(w0, w1)
        claims.append((Claim(pair.idx, "career", yrs, False, ev, t0, t1, bound=True), (w0, w1)))
    for c, (i0, i1) in claims:
        verdict = _check_claim(c, hist.claims, options)
        if verdict is None:
            continue
        score, feat = verdict
        row("consistency", score, i0, i1, **feat)
    hist.claims.extend(c for c, _ in claims)

    # evasion and overclaiming -------------------------------------------------------------
    if pair.kind not in UNSCORED_KINDS and not brief:
        # "his family just had no idea what his wishes were": a story, not a deflection
        low = at.text.lower()
        deflect = [
            h for h in _count(at.text, _DEFLECT) if not re.search(r"\b(?:had|has)\s+$", low[: h[0]])
        ]
        # "Driving record?" "Clean. No tickets in at least eight years.": short, and complete
        short = 1.0 if n_words < options.short_answer_words and not closed else 0.0
        evasion = 0.5 * (1 - relevance) + 0.25 * short + 0.35 * min(1.0, len(deflect) / 2)
        evasion *= 1.0 - 0.5 * depth
        i0, i1 = _around(at, deflect[0][0], deflect[0][1]) if deflect else at.segments[0]
        row("evasion", evasion, i0, i1, deflections=len(deflect), short=short)
    over = _count(at.text, _OVERCLAIM)
    said = at.text.replace("\u2019", "'")
    praise = [(m.start(), m.end(), m.group()) for m in _SELF_PRAISE.finditer(said)]
    if over or praise:
        first = min(over + praise)
        score = min(1.0, (len(over) + len(praise)) / 2) * (1 - 0.5 * depth)
        i0, i1 = _around(at, first[0], first[1])
        row("overclaim", score, i0, i1, cues=len(over), self_praise=len(praise))
    return rows


# endings of a word's forms: "tolerances" is "tolerance", "flagged" is "flag"
_FORMS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
          ("ing", ""), ("ing", "e"), ("ers", ""), ("er", ""), ("ly", ""))  # fmt: skip


def _specialist_words(text: str) -> set[str]:
    """The trade's own words of a text: words of four letters or more that are not everyday
    English in any of their forms ("condensate", "mbar", "rectification"). A concrete answer is
    full of them; a fluent, vague one ("I make sure stakeholders are aligned") has none."""
    common = common_words()
    if not common:
        return set()

    def everyday(w: str) -> bool:
        if w in common:
            return True
        for end, repl in _FORMS:
            stem = w[: -len(end)]
            if not w.endswith(end) or len(stem) < 3:
                continue
            if stem + repl in common:
                return True
            # "flagged", "shipping": the doubled consonant of the form
            if end in ("ed", "ing", "er", "ers") and stem[-1] == stem[-2] and stem[:-1] in common:
                return True
        return False

    return {
        w
        for w in words_of(text)
        if len(w) >= 4 and w.isalpha() and w not in _FILLER_TOKENS and not everyday(w)
    }


# past verbs that open a sentence without telling a deed ("Turned out ...", "Based on ...")
# (besides _LIGHT_VERBS)
_NO_DEED = frozenset(
    ["turned", "seemed", "based", "located", "founded", "happened", "became", "sounded",
     "depended", "began"]
)  # fmt: skip


def _terms_and_deeds(texts: Sequence[str]) -> tuple[list[int], list[int]]:
    """Per text: noun compounds ("lens distortion correction", "route reflectors", "fault
    handler"), the specific terms of an explanation beyond the tools the vocabulary knows (vague
    answers have few: "I try to find a compromise"); and the distinct verbs of the speaker's own
    deeds ("I set the reserve", "I always take a blood pressure"), not what they would, try or
    think to do. 0s without spaCy."""
    try:
        nlp = load_spacy()
    except ModelMissingError:
        return [0] * len(texts), [0] * len(texts)
    terms, acts = [], []
    for doc in nlp.pipe(map(_sentence_case, texts), disable=["parser", "ner", "lemmatizer"]):
        n = run = 0
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.is_alpha:
                run += 1
                continue
            n += run >= 2
            run = 0
        terms.append(n + (run >= 2))
        verbs = set()
        for k, tok in enumerate(doc):
            if tok.text not in ("I", "i"):
                continue
            nxt = doc[k + 1 : k + 4]
            if nxt and nxt[0].lower_ in ("'ve", "have", "had", "'d") and nxt[1:2]:
                nxt = nxt[1:] if nxt[1].tag_ == "VBN" else nxt[:0]  # "I've closed 400 files"
            elif nxt and nxt[0].tag_ == "RB" and nxt[0].lower_ not in ("not", "never", "just"):
                nxt = nxt[1:]  # "I always take", "I also run"
            if (
                nxt
                and nxt[0].tag_ in ("VBD", "VBP", "VBZ", "VBN")
                and nxt[0].lower_ not in _LIGHT_VERBS
                and nxt[0].is_alpha
            ):
                verbs.add(nxt[0].lower_)
        verbs |= {tok.lower_ for k, tok in enumerate(doc) if _opens_deed(doc, k)}
        acts.append(len(verbs))
    return terms, acts


_SENTENCE_START = re.compile(r"(^\s*|[.!?]\s+)([a-z])")
_LOWER_I = re.compile(r"\bi(?=\b|')")


def _sentence_case(text: str) -> str:
    """ "diverter valve first. check the motor" -> "Diverter valve first. Check the motor":
    ASR text without capitals tags like written text, and a sentence opened by a step of a
    procedure reads as one."""
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return _LOWER_I.sub("I", text)


# orders that are no step of a procedure ("Love the team", "Thank you", "Imagine a ...")
_NO_STEP = frozenset(
    ["love", "enjoy", "appreciate", "thank", "please", "imagine", "consider", "mind", "excuse",
     "pardon", "hope", "trust", "bear", "note", "ask", "tell", "call", "pay"]
)  # fmt: skip


_OBJECT_POS = ("PRON", "DET", "NOUN", "NUM")
# adjectives that do stand before a determiner ("Such a shame", "Many a time")
_NOT_ORDERS = frozenset(["such", "many", "much", "all", "both", "half", "quite", "what"])


def _opens_deed(doc: Any, k: int) -> bool:
    """Whether the word at k (of a spaCy Doc) opens a sentence with a deed told without its
    "I": a past verb acting on something ("Drilled it first day of every swing.",
    "Re-anchored at each platform level"), or a step of one's own way of doing it told as an
    order ("Check the drawings. Set out from the low end.": a trade's plain speech of a
    procedure)."""
    tok = doc[k]
    if not (k == 0 or doc[k - 1].text in (".", "!", "?", "\u2014")) or not tok.is_title:
        return False
    if tok.lower_ in _LIGHT_VERBS or k + 1 >= len(doc):
        return False
    after = doc[k + 1].pos_
    return (
        (tok.tag_ == "VBD" and tok.lower_ not in _NO_DEED and after in _OBJECT_POS)
        or (tok.tag_ == "VBN" and tok.lower_ not in _NO_DEED and after == "PRON")  # "Drilled it"
        or (
            tok.tag_ == "VB"
            and tok.lower_ not in _NO_STEP
            and after in (*_OBJECT_POS, "PROPN", "ADP")
        )
        # "Clean the electrode. Flush the trap.": the small tagger reads such an order as an
        # adjective, but no adjective opens a sentence before "the"
        or (tok.tag_ == "JJ" and doc[k + 1].tag_ == "DT" and tok.lower_ not in _NOT_ORDERS)
    )


# verbs that tell no deed of one's own: being, having, thinking, trying, wanting, liking
_LIGHT_VERBS = frozenset(
    ["am", "was", "have", "had", "do", "did", "get", "got", "go", "went", "think", "thought",
     "guess", "believe", "feel", "felt", "know", "knew", "mean", "meant", "say", "said", "try",
     "tried", "want", "wanted", "like", "liked", "love", "need", "needed", "hope", "see", "saw",
     "look", "looked", "work", "worked", "help", "helped", "handle", "handled", "deal", "dealt",
     "use", "used", "make", "made", "would", "could", "should", "will", "can", "might", "must",
     "remember", "suppose", "assume", "wish", "let", "come", "came", "kind", "sort", "heard",
     "hear", "read", "learned", "learn", "understand", "understood", "find", "found", "tend",
     "started", "start", "ended", "end", "keep", "kept", "put", "take", "took", "give", "gave"]
)  # fmt: skip


# "Um, not really myself.", "Honestly, not a full one.": the reply after the hesitation
_LEAD = r"^\W*(?:(?:um+|uh+|er+|erm|hmm+|well|so|honestly|to be honest|oh|ha(?:ha)?)\b\W*)*"
_YES = re.compile(
    # ("Aye.": Scots and northern English)
    _LEAD + r"(?:yes|yeah|yep|yup|aye|sure|correct|absolutely|definitely|of course|i do|i have|"
    r"i did|i am|i've|i'm)\b",
    re.I,
)
# a question about having done something, and a reply that flatly says no
_HAVE_YOU = re.compile(
    r"\b(?:have|has)\s+you\s+(?:ever\s+)?(?:done|used|worked|run|written|built|performed|"
    r"conducted|had|touched)\b|\bany\s+(?:experience|exposure)\b|\bhave you got\b",
    re.I,
)
_FLAT_NO = re.compile(
    _LEAD + r"(?:no|nope|nah|naw|not really|never|i haven't|i have not|i've never|i have never)\b"
    r"(?!\s+(?:doubt|problem|question|worries)\b)",
    re.I,
)
_NO = re.compile(
    _LEAD + r"(?:no|nope|nah|naw|not really|not yet|never|i haven't|i have not|i don't|i do not|"
    r"i didn't|i did not|unfortunately not|not at all|i'm not|i am not|i've never|i have never|"
    r"i never|i'm afraid not|i wouldn't say so|i can't say|not (?:a )?(?:full|fully|much|"
    r"personally|myself|directly|exactly|as such|in depth|on my own)|only a little|barely|"
    r"hardly|not (?:in|at|on|with|for)|"
    # "I've heard of it.": knowing of it is not having done it
    r"(?:i've|i have) (?:only |just )?(?:heard|read|seen|watched)|only (?:heard|read))\b",
    re.I,
)


# "How long have you had your CT?" "Since 2013.": a time held says it is held
_HOW_LONG_HELD = re.compile(r"\bhow long have you (?:had|held|been holding)\b", re.I)
_SINCE = re.compile(
    _LEAD + r"(?:since (?:\d{4}|[a-z]+ \d{4})|(?:about |around |nearly |almost |over )?"
    rf"(?:\d+|{_SMALL_NUMBERS}|a few|a couple of) years?\b)",
    re.I,
)


def _held_since(question: str, text: str) -> str:
    """'yes' where an answer to "How long have you had your X?" opens with the time held."""
    return "yes" if _HOW_LONG_HELD.search(question) and _SINCE.match(text) else ""


def _yes_no(text: str) -> str:
    """'yes' / 'no' / '' from how an answer to a yes/no question opens ("In my training firm,
    yes, for two years": after a short setting)."""
    if _NO.match(text) or _NO_LATE.match(text):
        return "no"
    return "yes" if _YES.match(text) or _YES_LATE.match(text) else ""


_YES_LATE = re.compile(r"^[^.?!,]{3,50},\s*(?:yes|yeah|yep|yup)\s*[,.;\u2014\u2013-]", re.I)
_NO_LATE = re.compile(r"^[^.?!,]{3,50},\s*(?:no|nope)\s*[,.;\u2014\u2013-]", re.I)


def _norm_word(text: str) -> str:
    return re.sub(r"[^\w']", "", text.lower())


def _seg_of(at: AnswerText, word_idx: int) -> int:
    for k, (a, b) in enumerate(at.segments):
        if a <= word_idx < b:
            return k
    return len(at.segments) - 1


def _around(at: AnswerText, start: int, end: int, pad: int = 6) -> tuple[int, int]:
    """Word range around a char span, clipped to its segment."""
    w0, w1 = at.char_span(start, end)
    a, b = at.segments[_seg_of(at, w0)]
    return max(a, w0 - pad), min(max(b, w1), w1 + pad)


def _mattr(tokens: Sequence[str], window: int) -> float:
    if not tokens:
        return 0.0
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens)
    vals = [len(set(tokens[i : i + window])) / window for i in range(len(tokens) - window + 1)]
    return sum(vals) / len(vals)


# what the candidate did not do themselves, said beside what they name
_LIMITS_RE = re.compile(
    # "Yes ma, I'm registered. Ehm, actually the registration is in process": not held yet
    r"\b(?:is|it's|still|currently) (?:in process|in progress|pending|being processed)\b|"
    r"\bawaiting (?:my |the )?(?:registration|licen[cs]e|certificate|card|results?)\b|"
    r"\b(?:i|we)(?: have|'ve)?(?: not|n't| never)(?: really| actually| personally| yet)? "
    r"(?:dealt with|had to|done much|done a lot|gone (?:deep|into)|touched|worked on (?:that|it)|"
    r"configured|set (?:it|that|them) up|(?:used|written|tested|built|done|run|shipped|"
    r"worked with) (?:it|that|them|this|anything|much|a real|any|one)\b|"
    r"(?:used|written|tested|built|done|run|shipped) (?:[\w-]+ ){0,3}(?:myself|on my own))\b|"
    r"\bnot (?:super|very|that|too|really) (?:deep|hands-on|experienced|strong)\b|"
    r"\b(?:done|set up|handled|owned|configured|built) by (?:the|our|a|another) (?:\w+ )?"
    r"(?:team|dba|colleague|consultants?|engineers?)\b|"
    r"\b(?:our|the) (?:dba|platform team|ops team|infra team|devops team) (?:usually |mostly )?"
    r"(?:does|did|looks|handles|handled|owns|owned|takes care)\b|"
    r"\b(?:only |just )?in theory\b|\bhave to look it up\b|"
    # "A little.", "Not a lot, to be honest.", "Not really designed, no." opening a sentence
    r"(?:^|(?<=[.!?] ))(?:(?:um|uh|so|honestly|well|honest answer),? )*(?:a little|not a lot|"
    r"not a ton|not much|not really)\b|"
    # "I haven't set up rules myself", "I haven't applied it for real", "I've never, like,
    # written assembly", "I haven't implemented that"
    r"\b(?:i|we)(?: have|'ve)?(?: not|n't| never)(?:,? like,?| really| actually| personally|"
    r" yet)* (?:[\w-]+,? ){0,8}?(?:myself|on my own|for real|at work|directly|hands-on)\b|"
    r"\b(?:i|we)(?: have|'ve)?(?: not|n't| never)(?:,? like,?| really| actually| personally|"
    r" yet)* (?:built|implemented|designed|written|deployed|led|owned|prepared|calculated|"
    # ("I haven't personally run a UFED extraction")
    r"applied|been the one|run an?|performed an?|conducted an?)\b|"
    # "I didn't write it", "I didn't really own cost", "we don't really run UI tests"
    r"\b(?:i|we) (?:didn't|did not|don't|do not|never)(?:,? (?:you know|like|um|uh),?)?"
    r"(?: really| actually| personally)? "
    r"(?:build|implement|design|write|deploy|lead|own|prepare|calculate|apply|run|configure|"
    r"set up)\b|"
    # someone else does it: "Someone else configured all that", "a colleague on the data
    # science side built it", "the constraints are mostly owned by our lead", "I helped with
    # the features ... the training, that was her"
    r"\b(?:someone|somebody) else\b|\bthat was (?:her|him|them)\b|"
    r"\bi (?:just |only |mostly )?helped (?:with|out with|on)\b|"
    r"\ba colleague (?:[\w-]+ ){0,5}?(?:built|did|wrote|owns|"
    r"owned|handled|configured|set)\b|"
    r"\b(?:owned|done|handled|set up|configured|built|written) by (?:our|my|the) (?:\w+ )?"
    # ("a folio owned by the vendor's brother": a property's owner, no deed)
    r"(?:lead|manager|senior|architect|vendor|contractor|guy)\b(?!'s)|"
    r"\bcame from (?:our|my|the) (?:\w+ ){0,3}(?:guy|team|lead|colleague)\b|"
    # knowing of it, not doing it
    r"\bi (?:know|understand) (?:the |what )(?:concept|idea|theory|basics)\b|"
    r"\bi know what it is\b|\bi(?:'ve| have) (?:only )?(?:read|heard) about\b|"
    r"\bwouldn't call myself\b|\b(?:less|not) (?:sure|confident) about\b|"
    r"\bnot (?:a hundred|100) (?:percent|%)|\bcouldn't say i(?:'ve| have)\b|"
    # naming the gap: "that's probably my biggest gap", "I'm definitely rusty on the hands-on
    # part", "not our strongest area", "the part I'm least happy with", "I wouldn't claim to
    # know Willow", "I'd be leaning on somebody from the online side"
    r"\b(?:my|our) (?:biggest |main |weakest )?(?:gap|weak (?:spot|point|area)|weakness)\b|"
    r"\brusty\b|\bnot (?:my|our) strong(?:est)? (?:area|point|suit|side)\b|"
    r"\bleast (?:happy|comfortable|confident|experienced|strong)\b|\bwouldn't claim\b|"
    # "Google is the thinner part of my experience", "an area I'd be ramping up on", "I
    # wouldn't say I'm strong there", "that's been the planners, not me", "I'm not the one in
    # Tag Manager building the tags", "I'd defer to someone who's run it", "the edge of what
    # I've done", "I'd usually ask the BI team"
    r"\bthinn?(?:er|est)? (?:part|side|area|spot)\b|\bthin on\b|\bramp(?:ing)? up on\b|"
    r"\bneed (?:some )?time to ramp\b|\bwouldn't say i'm\b|,? not me\b|\bi'm not the one\b|"
    r"\bdefer to (?:someone|somebody|the|our)\b|\bedge of what i(?:'ve| have)\b|"
    r"\bi'd (?:usually |probably |just )?(?:ask|go to) (?:the|our|a) (?:\w+ )?team\b|"
    r"\bhave to look (?:that|it|this)(?: one)? up\b|"
    # "Honestly, that's where I'm thinnest", "That's a real gap", "I'd have to study up on the
    # IECC", "that I'd have to learn", "Not great, to be honest", "I've never used a permitting
    # system", "I'd need somebody to show me the ropes", "I'm not much of a computer guy"
    r"\bwhere i'm (?:thinnest|weakest|least \w+)\b|\ba (?:real|big|definite) gap\b|"
    r"\bthat's a gap\b|\bi'd have to (?:study up|brush up|learn|read up)\b|"
    # ("How did the client take that?" "Not great at first.": their reaction, no gap)
    r"(?:^|(?<=[.!?] ))(?:(?:um|uh|so|honestly|well),? )*not (?:great|good)\b"
    r"(?!,? (?:at first|initially|at the start))|"
    r"\bi(?:'ve| have) never used (?:a|an|any)\b|\bshow me the ropes\b|"
    r"\bnot much of a \w+ (?:guy|person)\b|"
    # "I'd be looking that up. That would be a ramp for me", "the data engineers owned the
    # DAGs", "I wouldn't call what I write production-grade"
    r"\b(?:be )?looking (?:that|it|this)(?: one)? up\b|\ba (?:big |real )?ramp for me\b|"
    r"\b(?:the|our|other) (?:[\w-]+ )?(?:engineers|developers|analysts|admins|folks) "
    r"(?:owned|owns|handled|handles|did|wrote|built|set up|ran|runs)\b|"
    r"\bwouldn't call what i\b|"
    # "for anything deeper I lean on the platform team", "it's pretty lightweight", "that's
    # where I'd need the most help", "Comfortable-ish"
    r"\bi(?:'d| would)? lean (?:hard |heavily )?on (?:the|our|a|somebody|someone|smes)\b|"
    # "Our analyst set up the events", "GA4 was set up by an agency", "less so configuring it"
    r"\b(?:our|the|an?) (?:\w+ )?(?:analyst|developer|admin|agency|consultant|contractor) "
    r"(?:set|built|owns|owned|handles|handled|configured|wrote|ran|runs)\b|"
    r"\b(?:set up|built|configured) by (?:an?|the|our) (?:\w+ )?(?:agency|analyst|developer|"
    r"vendor|consultant)\b|\bless so\b|"
    r"\b(?:pretty|fairly|quite|very) lightweight\b|\bwant to do better\b|"
    r"\bi'd need (?:the most |some |a lot of )?help\b|\b(?:comfortable|confident|familiar)-ish\b|"
    r"\b(?:i'd|i would|i'll) (?:be )?(?:leaning|relying|lean|rely) on (?:somebody|someone|a |the )|"
    r"\b(?:i|we) (?:don't|didn't) (?:really )?use (?:[\w-]+ ){1,3}at all\b|"
    r"\bnever got (?:it|that|them) (?:wired|working|into)\b|"
    # "the senior dev did the database tuning", "I haven't done EXPLAIN plans in any depth",
    # "I've used Sail a little, but not day to day"
    r"\b(?:the|our|a) (?:senior|lead|other|staff|principal) (?:dev|developer|engineer|"
    r"person|tech|analyst|auditor|nurse|chef)s? (?:still |usually |always |normally )?"
    r"(?:did|does|do|handled|handles|owned|owns)\b|"
    r"\bin any (?:real |great )?depth\b|\bbut not (?:day[- ]to[- ]day|regularly|in production)\b|"
    # "Our programmer built the integration", "their designers implemented it", "Mike owns the
    # budget", "he does the talking": the deed is someone else's
    r"\b(?:my|our|their) (?:superintendent|manager|boss|supervisor|programmer|designer|director|"
    r"partner|foreman|chef|lead)s? (?:did|does|do|handled|handles|owned|owns|built|implemented|"
    r"ran|runs)\b|"
    r"(?-i:\b(?:[A-Z][a-z]+|he|she)) (?:owns|does|handles|did|owned|handled) (?:all )?the "
    r"(?:budget|hiring|talking|presenting|negotiating|negotiations|pricing)\b|"
    # "the lashing force calculation itself ... that again is on the line's side", "I'm not
    # fully confident with the segregation table", "I would check with them"
    r"\bthat(?: again| all| mostly| usually)?(?:'s| is| was)? (?:again |all |mostly |usually )?"
    r"on (?:the|their) (?:[\w]+'s|client|vendor|supplier|customer|line|other|ops|it|"
    r"engineering|design|sales|finance|agency) side\b|"
    r"\bnot (?:fully|entirely|totally|completely|that|very|too|super) (?:confident|sure|"
    r"comfortable|familiar) (?:with|about|on|in)\b|"
    r"\bi(?:'d| would) (?:check|confirm) (?:it )?with (?:them|the|our|my)\b|"
    # "Dead-box specifically? Honestly, not that many.", "mobile hasn't been my space", "The
    # closest would be an internal disciplinary"
    r"(?:^|(?<=[.!?] ))(?:(?:um|uh|so|honestly|well),? )*not (?:that|very|too|so) many\b|"
    r"\b(?:hasn't|has not|isn't|is not|wasn't) (?:really )?(?:been )?my (?:space|area|thing|"
    r"strength|focus|forte)\b|\bthe closest (?:would be|was|i've (?:come|got)|i have (?:come|got)|"
    r"thing)\b|\bnot a (?:daily|regular|heavy|power|frequent) user\b|"
    # "Have you ever written a formal report?" "Not a planning report, no.", "Not a full one on
    # my own, no.", "Not executed one myself, no." (not "Not that I know of, no": no gap)
    r"(?:^|(?<=[.!?] ))(?:(?:um|uh|so|honestly|well),? )*not (?!that\b|at all\b|really\b)"
    r"(?:[\w'-]+ ){0,6}[\w'-]+,? no(?=[.!?,;]|$)|"
    # "Not directly, no.", "Not formally.", "Not hands-on.", "Not yet.": the experience is
    # qualified away; "Not an expert."; "Airless, no, I haven't."; "I don't actually know
    # what's standard"
    r"(?:^|(?<=[.!?] ))(?:(?:um|uh|so|honestly|well),? )*not (?:directly|formally|personally|"
    r"routinely|hands-on|professionally|in production|on my own|myself|yet|officially|"
    r"independently|as such|conversational(?:ly)?|an expert)\b(?:,? no)?"
    r"(?:,? (?:ma'am|sir|madam|mate|boss|po))?(?=[.!?]|$)|"
    r"\bno, i (?:haven't|have not)(?=[.!?]|$)|"
    # a gap promised away: "I'd pick it up fast though", "the mechanics are something I'd pick
    # up very quickly", "I'm a really fast learner"; "Not from the company side, in fairness"
    r"\b(?:i'd|i would|i'll|i will|i could|i can)(?: be able to)? (?:\w+ )?pick "
    r"(?:(?:it|that|them|this|those) up |up (?!the (?:phone|call|pieces)\b)(?:[\w-]+ ){0,3}?)"
    r"(?:really |very |pretty |super )?"
    r"(?:quickly|quick|fast|in no time)\b|"
    r"\b(?:i'm|i am) (?:a |an )?(?:really |very |pretty |super )?(?:quick|fast) "
    r"(?:learner|study)\b|"
    r"(?:^|(?<=[.!?] ))not (?:from|on) the [\w-]+ side\b|"
    r"\bi (?:don't|do not) (?:actually|really) know (?:what's|what is|how|the exact|exactly)\b|"
    # "I don't have the certification yet", "I know I'm short on the unit experience", "ACLS I
    # took in 2021, so it lapsed last year", "All of them under supervision, ma'am"
    r"\bi (?:don't|do not) have (?:the |my |a |an |any |that )?(?:[\w-]+ ){0,3}yet\b|"
    r"\b(?:i'm|i am) (?:a (?:bit|little) )?short on\b|"
    r"(?<!before )(?<!until )(?<!till )(?<!when )\b(?:it|that|they)(?:'s| has| have| had)? "
    r"(?:lapsed|expired)\b|"
    r"\b(?:all |only |always )?under supervision\b|"
    # "I am writing the final level, the last two papers ... I am as good as chartered"
    r"\b(?:i'm|i am) (?:writing|sitting|taking) (?:the |my )?(?:final|last|remaining)\b|"
    r"\bas good as (?:chartered|qualified|certified|licensed|registered|inducted)\b|"
    # "Honestly — limited. Very limited."
    r"(?:^|(?<=[.!?] ))(?:(?:um|uh|so|honestly|well|honest answer)(?:,? | ?[\u2014\u2013-] ))*"
    r"(?:(?:very|pretty|quite|fairly|really) )?(?:limited|"
    r"less than i'd like|"
    r"not as much as i'd like)\b",
    re.I,
)
_PRONOUN_RE = re.compile(r"\b(?:it|that|them|those|this)\b", re.I)
# "I don't write ExtendScript panels, but expressions I'm comfortable with": the limit marks
# off a neighbouring thing, and the thing put first after "but" is owned
_BOUNDED = re.compile(
    r"[^.?!]*?,?\s*but\s+(?!(?:i|i'm|it|it's|that|that's|they|them|we|you|the one)\b)"
    r"(?:[\w/+#.-]+\s+){1,3}(?:i'm|i am|i|i've)\s+(?:\w+\s+)?"
    r"(?:comfortable|confident|good|solid|strong|fine|do|use|know|write|own)\b",
    re.I,
)


def _limits(text: str) -> list[re.Match[str]]:
    """The limits an answer owns (``_LIMITS_RE``), less those that only mark off a
    neighbouring thing."""
    return [m for m in _LIMITS_RE.finditer(text) if not _BOUNDED.match(text, m.end())]


_LIKED_RE = re.compile(
    r"\b(?:i|we)(?: really| just)? (?:like|love|enjoy|prefer|liked|loved|enjoyed)\b|"
    # "I'm really passionate automation": ASR may drop the "about"
    r"\b(?:fan of|interested in|passionate(?: about)?|curious about)\b",
    re.I,
)


def _before(at: AnswerText, m: Mention, n: int) -> str:
    """The ``n`` words before a mention, within its span."""
    w0 = at.word_at(m.start)
    a, _ = at.segments[_seg_of(at, w0)]
    return " ".join(w.text for w in at.words[max(a, w0 - n) : w0])


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


def _out_of_scope(at: AnswerText, m: Mention, others: Sequence[Mention]) -> bool:
    """Whether the last negator before a mention denies something else: a contrast comes
    between them ("not Kafka, just RabbitMQ"), or another named thing with a preposition after
    it ("not net core on .NET 7": the setting of what is denied, not denied itself)."""
    w0 = at.word_at(m.start)
    lo = at.segments[_seg_of(at, w0)][0]
    lo = max(lo, w0 - 7)
    ws = [set(words_of(w.text)) for w in at.words[lo:w0]]
    negs = [i for i, x in enumerate(ws) if any(map(_is_negator, x))]
    if not negs:
        return False
    k = negs[-1]
    if any(_SCOPE_BREAK & x for x in ws[k + 1 :]):
        return True
    # "in terms of ChangeNotifier, so Riverpod's Notifier" heard as "change no desire so
    # riverpod": a new clause ("so", "because") ends the scope, unless it is the negator's own
    # ("not so much Kafka")
    if any(_CLAUSE_BREAK & x for x in ws[k + 2 :]):
        return True
    # "the customer didn't want a safety PLC": someone else's no, not the candidate's
    at_k = lo + k - 1
    if at_k > lo and set(words_of(at.words[at_k].text)) & _AUX_BEFORE_NOT:
        at_k -= 1  # "so they were never left wondering": the subject before its auxiliary
    while at_k > lo and set(words_of(at.words[at_k].text)) & _ADVERBS_BEFORE_NOT:
        at_k -= 1  # "if it still doesn't fit the ADP list": the subject before its adverb
    subject = set(words_of(at.words[at_k].text)) if at_k >= 0 else set()
    if subject & _OTHERS:
        return True
    for o in others:
        o0, o1 = at.char_span(o.start, o.end)
        if lo + k < o0 and o1 < w0 and _PREPOSITIONS & ws[o1 - lo]:
            return True
    return False


_OTHERS = frozenset(
    [
        "customer",
        "customers",
        "client",
        "clients",
        "they",
        "he",
        "she",
        "team",
        "company",
        "business",
        "user",
        "users",
        "manager",
        "boss",
        "owner",
        "vendor",
        "sponsor",
        "management",
        # "a server that didn't have EDR installed": a thing's lack, not the candidate's
        "that",
        "which",
        "it",
        "server",
        "servers",
        "host",
        "hosts",
        "machine",
        "system",
    ]
)
_CLAUSE_BREAK = frozenset(["so", "because", "since", "whether"])
_ADVERBS_BEFORE_NOT = frozenset(["still", "just", "really", "even", "also", "actually", "often"])
_AUX_BEFORE_NOT = frozenset(["was", "were", "is", "are", "had", "has", "have", "would", "could"])
_SCOPE_BREAK = frozenset(["but", "just", "instead", "rather", "though", "although", "whereas"])
_PREPOSITIONS = frozenset(["on", "in", "with", "for", "at", "via", "from", "over", "under", "into"])


def _negated(at: AnswerText, m: Mention, others: Sequence[Mention] = ()) -> str:
    """'neg', 'aspire' or '' for the context of a mention: the 7 words before it ("never used
    Kafka"), or a denial of "it" just after it ("Jira, but I didn't really use it").
    ``others``: the answer's other mentions, which can end a negator's scope."""
    _, b = at.segments[_seg_of(at, at.word_at(m.start))]
    before = _before(at, m, 7).lower().replace("\u2019", "'")
    toks = words_of(before)
    if _count(before, _ASPIRE):
        return "aspire"
    # "unique, not null, relationships and dbt-expectations tests": a constraint, no negation
    negators = [t for i, t in enumerate(toks) if _is_negator(t) and toks[i + 1 : i + 2] != ["null"]]
    if negators:
        # "not only X" and "no problem with X" read as positive
        if "only" in toks or "problem" in toks or "problems" in toks:
            return ""
        k = max(i for i, t in enumerate(toks) if _is_negator(t))
        if _NOT_DENIAL & set(toks[k + 1 : k + 2]):
            return ""  # "you don't delay an emergent CTA", "we never skip the unit tests"
        return "" if _out_of_scope(at, m, others) else "neg"
    w1 = at.word_at(max(m.start, m.end - 1)) + 1
    after = words_of(" ".join(w.text for w in at.words[w1 : min(b, w1 + 9)]).replace("\u2019", "'"))
    for i, t in enumerate(after):
        nxt = after[i + 1 : i + 5]
        # a denial of using it ("but I didn't really use it"), not any negation near it
        # ("Terraform, so we didn't have to do it by hand")
        if _is_negator(t) and _USE_VERBS & set(nxt) and {"it", "that", "them", "much"} & set(nxt):
            return "neg"
    # "my bls expired back in the spring": a paper no longer held ("it lapsed but I renewed it
    # last week" holds it again)
    lapse = " ".join(after[:5])
    if _LAPSED.search(lapse) and not _RENEWED.search(" ".join(after)):
        return "neg"
    return "neg" if _taken_back(at.text, m.end) else ""


_LAPSED = re.compile(
    r"\b(?:expired|lapsed|(?:ran|run|running) out|out of date|not current|not valid)\b"
)
_RENEWED = re.compile(r"\b(?:renew\w*|recertif\w*|redid|retook|redone|updated|booked)\b")


# "... I've used Investran. Sorry, no, it's Sage 50 we use.", "I'm PL-400 certified. Actually
# \u2014 I have PL-900": the next sentence takes back the one before
_TAKE_BACK = re.compile(
    r"\W*(?:sorry,?\s+no\b|actually,?\s+no\b|no,?\s+(?:sorry|wait)\b|actually\s*[\u2014\u2013]"
    r"|sorry,?\s+i\s+mean\b|i\s+mean,?\s+no\b|scratch\s+that\b)",
    re.I,
)


def _taken_back(text: str, end: int) -> bool:
    """Whether the sentence after the one that ends past ``end`` opens by taking it back for
    something else it names ("Sorry, no, it's Sage 50"; not "Sorry, no, three years", a detail;
    nor after "for our Switch... sorry, no, ...", a trailing off)."""
    stop = re.search(r"(?<!\.)[.!?](?!\.)(?:\s+|$)", text[end:])
    cue = _TAKE_BACK.match(text, end + stop.end()) if stop else None
    if cue is None:
        return False
    rest = re.split(r"[.!?](?:\s|$)", text[cue.end() :])[0]
    return bool(re.search(r"\b(?!I\b)[A-Z][\w.-]*", rest))


# what a negator can deny that is not having or doing the thing after it
# ("I haven't missed a report deadline in two years": a record, not a lack)
_NOT_DENIAL = frozenset(
    ["delay", "skip", "rush", "hesitate", "forget", "wait", "compromise", "miss", "missed",
     "skipped", "forgot", "forgotten", "lost", "dropped", "delayed", "rushed",
     # "I can't approve my own payments, that's locked down": a control, not a lack
     "approve", "bypass", "override"]
)  # fmt: skip
_USE_VERBS = frozenset(
    [
        "use",
        "used",
        "using",
        "work",
        "worked",
        "touch",
        "touched",
        "try",
        "tried",
        "know",
        "knew",
        "deploy",
        "deployed",
        "configure",
        "configured",
        "run",
        "ran",
        "write",
        "wrote",
        "set",
        "setup",
        "built",
        "build",
        "done",
        "implemented",
    ]
)


def _requirements(
    pair: QAPair,
    at: AnswerText,
    jobspec: JobSpec,
    vocab: Vocabulary,
    embedder: Embedder,
    seg_texts: list[str],
    options: ScoringOptions,
    *,
    relevance: float,
    depth: float,
    confidence: float = 0.5,
    focus: tuple[int, int],
    reply: str = "",
    denied_before: frozenset[str] = frozenset(),
) -> tuple[list[tuple], dict[int, str], set[str]]:
    """Requirement rows, the requirement each mention names (by word index), and the
    requirements named only bare after the candidate denied them in an earlier answer."""
    out: list[tuple] = []
    subjects: dict[int, str] = {}  # word index of a mention -> requirement name
    bare_names: set[str] = set()
    pairs = requirement_entries(jobspec, vocab)
    if not pairs:
        return out, subjects, bare_names
    entries = [e for _, e in pairs]
    mentions = vocab.find_mentions(at.text, speech=True, targets=entries, fuzzy=True)
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.entry.name, []).append(m)
        subjects[at.word_at(m.start)] = m.entry.name
    q_mentions = {
        m.entry.name
        for m in vocab.find_mentions(
            _asking_part(pair.question), targets=entries, speech=True, fuzzy=True
        )
    }
    # a question about a requirement in other words than its name: "how you lock out a panel"
    # (Lockout/Tagout Procedures), "how you'd run an investigation" (Employee relations:
    # conducting investigations)
    # where the asking sentence names a requirement, the sentences before it are the setting
    # ("Our clients are mostly Windows shops. What do you know about attacking Active
    # Directory?" asks nothing about client-ready reports)
    ask = _asking_part(pair.question)
    last = _last_question(ask)
    if last != ask and vocab.find_mentions(last, targets=entries, speech=True, fuzzy=True):
        ask = last
    q_topics = _topics_asked(ask, pairs)
    implied = [m for m in vocab.find_mentions(at.text, speech=True) if m.entry.implies]
    # a limit owned in a sentence that names a requirement limits that one ("the cluster was
    # set up by the platform team"); one that names none limits what the answer is about
    limit_ks = [_seg_of(at, at.char_span(x.start(), x.end())[0]) for x in _limits(at.text)]
    limit_segs = [at.segments[k] for k in limit_ks]
    limit_named: set[str] = set()
    for k in limit_ks:
        named = _subjects_in(subjects, at.segments[k])
        # "HEC-RAS I used in school. I haven't used it at work.": the pronoun's sentence
        # before names what the limit is about
        if not named and _PRONOUN_RE.search(at.span(*at.segments[k])[0]):
            before = (_subjects_in(subjects, at.segments[b]) for b in (k - 1, k - 2) if b >= 0)
            named = next((n for n in before if n), set())
        limit_named |= named

    def limits(name: str) -> bool:
        if not limit_segs:
            return False
        if limit_named:
            return name in limit_named
        # "Done regas under supervision but I'd need the ticket. ADAS, yeah, windscreen cams
        # on the Autel kit": a sentence after the limit that says yes to its own subject is
        # not what the limit is about
        ks = [_seg_of(at, at.word_at(m.start)) for m in by_name.get(name, [])]
        return not ks or any(
            k <= max(limit_ks) or _yes_no(_sentence_at(at, k)) != "yes" for k in ks
        )

    seg_vecs = None
    stated = stated_quantities(at.text)
    for req, entry in pairs:
        if req.category == "experience":
            continue  # scored from claimed years (consistency claims) below
        ms = by_name.get(entry.name, [])
        best: tuple | None = None
        polarities = [_negated(at, m, mentions) for m in ms]
        denied = "neg" in polarities
        # "Have you done any penetration tests?" "Not really, no. Our firm had an external pen
        # test and I helped the testers": an outright no to having done it; the mention is
        # someone else's
        flat_no = (
            reply == "no"
            and entry.name in q_mentions
            and bool(_HAVE_YOU.search(pair.question))
            and bool(_FLAT_NO.match(at.text))
        )
        for m, polarity in zip(ms, polarities, strict=True):
            i0, i1 = _around(at, m.start, m.end)
            if polarity == "neg":
                cand = (0.1, i0, i1, {"mentioned": 1, "negated": 1, "strength": m.strength})
            elif polarity == "aspire":
                cand = (0.2, i0, i1, {"mentioned": 1, "aspiration": 1, "strength": m.strength})
            elif flat_no:
                cand = (0.1, i0, i1, {"mentioned": 1, "negated": 1, "replied_no": 1})
            else:
                seg = at.segments[_seg_of(at, at.word_at(m.start))]
                s_text = at.span(*seg)[0]
                local = min(1.0, (len(_numbers(s_text)) + len(_count(s_text, _OWNERSHIP))
                                  + len(_count(s_text, _CAUSAL))) / 2)  # fmt: skip
                score = (0.75 + 0.25 * local) * m.strength
                feats = {"mentioned": 1, "strength": m.strength}
                feats["phonetic"] = 1.0 if m.method == "phonetic" else 0.0
                if local == 0 and _LIKED_RE.search(_before(at, m, 6)):  # a taste, not a use
                    score *= options.liked_mention
                    feats["liked"] = 1
                # a hedge before the mention or in its own clause: "12d for roads and ramps,
                # civil 3d a bit" hedges Civil 3D only
                rel = m.end - at.offsets[seg[0]]
                stop = re.search(r"[,;]", s_text[max(0, rel) :])
                stop_at = max(0, rel) + stop.start() if stop else len(s_text)
                if _count(s_text[:stop_at], _HEDGES):
                    # "maybe use STRIDE": said, not shown ...
                    # ... unless the sentence is concrete ("quite a lot, I think: I wrote the
                    # service in C on top of SocketCAN"): modest, not vague
                    score *= options.hedged_mention + (1 - options.hedged_mention) * local
                    feats["hedged"] = 1
                # "Have you done any penetration tests?" "Not really, no. Our firm had an
                # external pen test and I helped the testers": an outright no to having done
                # it; the mention is someone else's
                # "Any Kubernetes?" "Not really. I watched a video about k8s once."
                if denied or (reply == "no" and entry.name in q_mentions):
                    score *= options.denied_elsewhere
                    feats["denied_elsewhere"] = 1
                elif local == 0 and req.name in denied_before:
                    # "Have you done any pen tests?" "Not really, no." ... later "the pen test
                    # report, I write tickets": a name, not a deed, after the candidate's no
                    # shows nothing either way
                    bare_names.add(req.name)
                    continue
                elif limits(entry.name):
                    score *= options.limited_elsewhere
                    feats["limited"] = 1
                if entry.name in q_mentions and not _is_paper(req):
                    # the answer to a question about it: how much it shows counts, not the name
                    # (a card or licence held shows nothing more than its name: "You've got
                    # your blue card?" "Blue card, skilled worker, renewed it last March.")
                    score *= options.asked_shallow + (1 - options.asked_shallow) * depth
                    feats["answer_depth"] = round(depth, 3)
                cand = (score, i0, i1, feats)
            if best is None or cand[0] > best[0]:
                best = cand
        if best is None and req.name in bare_names:
            continue  # nor by another way of reading it
        if best is None:
            # "we trained it in PyTorch and served it with FastAPI": Python, said indirectly
            names = {n.lower() for n in req.name.split(" or ")}
            if req.category == "education":
                # "MS in chem E" for "Bachelor's Degree in ... Engineering": a higher paper
                names |= {a.lower() for a in entry.aliases}
            via = [m for m in implied if names & {x.lower() for x in m.entry.implies}]
            via = [m for m in via if _negated(at, m, implied) != "neg"]
            if via:
                m = via[0]
                i0, i1 = _around(at, m.start, m.end)
                best = (options.implied, i0, i1, {"implied": 1, "mentioned": 0})
                best[3]["via_" + re.sub(r"\W+", "_", m.entry.name.lower())] = 1
        if (
            best is None
            and req.category in ("soft_skill", "skill", "domain")
            and not _named_product(req.name)
        ):
            if seg_vecs is None:
                seg_vecs = embedder.embed(seg_texts)
            sims = (seg_vecs @ embedder.embed(_describe_all(req, entry)).T).max(axis=1)
            k = int(sims.argmax())
            thr = (options.soft_skill_similarity if req.category == "soft_skill"
                   else options.skill_similarity)  # fmt: skip
            # "No refrigerant cert, no.": like it in meaning, and a no to it
            if float(sims[k]) >= thr and not _NO.match(seg_texts[k]):
                score = 0.5 + 0.5 * min(1.0, (float(sims[k]) - thr) / 0.2)
                feats = {"semantic": float(sims[k])}
                if entry.name not in q_topics and not _asked_about(
                    pair.question, req, entry, embedder, options
                ):
                    # like it in meaning, in an answer to another question: a weak hint
                    score *= options.unasked_semantic
                    feats["unasked"] = 1
                if limits(entry.name):
                    score *= options.limited_elsewhere
                    feats["limited"] = 1
                best = (score, *at.segments[k], feats)
        asked = entry.name in q_mentions or (
            entry.name in q_topics
            # "Walk me through setting up on a new warehouse roof" asks how, not whether the
            # candidate holds a Certificate III in Roof Plumbing; "And your bat licence?" does
            and (not _is_paper(req) or bool(_ASKS_PAPER.search(pair.question)))
        )
        if best is None and not asked and req.category == "soft_skill":
            # a behavioural question aimed at this soft skill ("tell me about a disagreement")
            known = vocab.get(req.name)
            cues = known.question_cues if known is not None else ()
            asked = bool(_count(pair.question, cues)) or (
                embedder.similarity(pair.question, _describe(entry)) >= options.soft_skill_question
            )
        # "Driving licence ...?" "Full licence, clean.": the paper's own word said back
        yes_no, span = (reply if entry.name in q_mentions else ""), focus
        if not yes_no and asked and (back := _paper_said_back(req, at.text)):
            yes_no, span = back, at.segments[0]
        if not yes_no and entry.name in q_mentions and _holds_paper(at.text):
            # "and forklift" "counterbalance ticket, renewed last year": a paper for it, held
            yes_no, span = "yes", at.segments[0]
        if best is None and asked and yes_no:
            # "Do you have your CCNP?" "Yes.": self-reported, weaker than shown
            if yes_no == "yes":
                best = (options.self_reported, *span, {"asked": 1, "self_reported": 1})
                if limits(entry.name):
                    # "Yeah, kind of ... I haven't really done much beyond that"
                    best = (best[0] * options.limited_elsewhere, *span, {**best[3], "limited": 1})
            else:
                best = (0.1, *span, {"asked": 1, "negated": 1, "self_reported": 1})
        if best is None and asked:
            # asked about it without the answer naming it: a relevant, concrete answer still
            # shows it; an off-topic or empty one counts against it (a soft skill shows in how
            # on-topic the answer is, not in tools and numbers)
            # (a soft skill shows in an assured account, less in "I think I'd be okay")
            concrete = 0.6 + 0.4 * confidence if req.category == "soft_skill" else 0.5 + 0.5 * depth
            # "How do you use Jira?" "I set up the board and the workflow myself...": the
            # question named it, so a concrete reply is about it even where the embedding
            # of the answer drifts from the question's
            on_topic = max(relevance, depth) if entry.name in q_mentions else relevance
            score = 0.15 + 0.75 * on_topic * concrete
            feats = {"asked": 1, "mentioned": 0, "relevance": relevance}
            # a limit in an answer to a question that named this, where the answer never
            # names it, is about it too ("HEC-RAS or SWMM?" "HEC-RAS I used in school ... I
            # didn't build them", with SWMM misheard)
            if limits(entry.name) or (entry.name in q_mentions and limit_segs):
                # "We have a template from the platform team ... I haven't really done much"
                score *= options.limited_elsewhere
                feats["limited"] = 1
            best = (score, *focus, feats)
        want = asked_quantity(req.name) if req.category != "experience" else None
        said = [q for q in stated if want is not None and q.unit == want.unit]
        if want is not None and said:
            # "Type at a net speed of 35 words per minute" "I tested at fifty-two words per
            # minute": the figure says whether it is met, more than the words around it
            q = max(said, key=lambda x: x.value)
            meets = q.value >= want.value
            figure = (options.figure_met if meets else options.figure_short,
                      *_around(at, q.start, q.end),
                      {"stated": q.value, "asked": want.value, "meets": float(meets)})  # fmt: skip
            if best is None or not meets or figure[0] > best[0]:
                best = figure
        if (
            best is not None
            and _obtainable(req)
            and (best[3].get("negated") or best[3].get("aspiration"))
        ):
            # "IRSE licence or willingness to achieve within 12 months": "Not yet ... happy to
            # commit to getting it within the year" is what the JD asks, not a lack of it
            feats = {k: v for k, v in best[3].items() if k not in ("negated", "aspiration")}
            best = (options.obtainable, best[1], best[2], {**feats, "not_yet": 1})
        if best is not None:
            out.append(("requirement", best[0], best[1], best[2], req.name, best[3]))
    # experience requirements: claimed years against the minimum
    role, acr = job_role(jobspec.title), _role_acronym(jobspec.title)
    ref_year = options.reference_year or datetime.date.today().year
    # (start, end, years, said as a start year): the same for every experience requirement
    said_years = [(m.start(), m.end(), _years_value(m.group("n"), m.group(0)), False)
                  for m in [*_tenures(at.text), *_tenures(at.text, _MONTHS_RE)]]  # fmt: skip
    said_years += [(*x, True) for x in _start_years(at.text, ref_year)]
    said_years += [(*x, False) for x in _echoed_tenures(pair.question, at.text)]
    named_skills = {r.name for r in jobspec.requirements if r.category != "experience"}

    def asks_other(req: Requirement) -> bool:
        # "How long have you been running crews as a leading hand?" "Last four years.": the
        # years of the practice the question names, not of the field a requirement counts
        # ("industrial scaffolding"); a plain "2+ years of experience" takes them
        return (
            bool(_field_words(req.name))
            and bool(q_mentions & named_skills)
            and not _names_field(pair.question, req.name)
        )

    for req, entry in pairs:
        if req.category != "experience" or not req.min_years:
            continue
        # "for three years I was in yard planning ... now around one and a half years I'm
        # doing vessel planning" for "3+ years as Vessel Planner": the years of the field,
        # where a sentence names it, not the career's
        fielded = [
            t for t in said_years
            if _field_named(at, _seg_of(at, at.char_span(t[0], t[1])[0]), req.name)
        ]  # fmt: skip
        for c0, c1, yrs, since in fielded or said_years:
            w0, w1 = at.char_span(c0, c1)
            k = _seg_of(at, w0)
            a, b = at.segments[k]
            s_text = at.span(a, b)[0].lower()
            about = (entry, subjects, vocab, role, acr)
            skill_ok = not entry.aliases or _years_of(at, (a, b), *about)
            if not skill_ok and _THERE.search(s_text):
                # "I'm a CRC II at St. Brendan's Cancer Center. I've been there three years.":
                # "there" is the place the sentence before named
                skill_ok = any(_years_of(at, seg, *about) for seg in at.segments[max(0, k - 2) : k])
            # "for the last four years I've been at Corvane, on the compiler team for their DSP
            # cores. It's an LLVM-based toolchain": the next sentence goes on about the same
            # thing (a long sentence's tail is a segment of its own, so look one further)
            for c, d in at.segments[k + 1 : k + 3] if not skill_ok else ():
                if _GOES_ON.match(at.span(c, d)[0]):
                    skill_ok = _names_skill(at, (c, d), entry, subjects, vocab)
                    break
            # "..., and I've been at Cascade Smiles ever since, so almost six years": the
            # sentence, not only its last part, says whose years they are
            said = _sentence_at(at, k).lower()
            if not skill_ok and entry.aliases:
                skill_ok = _work_named(entry, _sentence_at(at, _sentence_end(at, k)))
            career = not entry.aliases and (
                since  # the year one started is a career's start
                or any(t in _CAREER_WORDS for t in words_of(said))
                or bool(_CAREER_RE.search(said))
                # "How long have you been at the call center?" "Almost three years."
                or (bool(_HOW_LONG.search(pair.question)) and not asks_other(req))
                # "Last two years with Skyline Rope Access" for "2+ years of industrial rope
                # access experience": the sentence names the field
                or _field_named(at, k, req.name)
                # "Tell me what you've been doing at Kelvin Ecology." "Five years there.": the
                # workplace the question names
                or bool(_YEARS_THERE.search(said) and _AT_WORKPLACE.search(pair.question))
                # "Last six year wi' Clyde Property Care": years with an employer named
                or bool(_YEARS_WITH.search(_sentence_at(at, k)))
                # "So you've been time-served what, ten year?" "Ten year, aye.": the years the
                # interviewer put up, confirmed
                or _confirms_years(pair.question, yrs, said)
                # "So just tell me about your background" "Fourteen years. Apprenticed under
                # ...": a bare tenure opening the story of a career
                # ("refrigeration engineer with a contractor out of newport. eight years
                # commercial.": the second sentence, after the role)
                or (k <= 1 and _bare_tenure(said) and bool(_ASKS_CAREER.search(pair.question)))
                # "please tell me about your current job" "currently i'm junior lab officer in a
                # denim unit ..., one year and seven months": the current role's years
                or (
                    bool(_ASKS_CAREER.search(pair.question))
                    and bool(re.search(r"\bcurrently\b", said))
                )
            )
            if skill_ok and (entry.aliases or career):
                score = min(1.0, yrs / req.min_years)
                out.append(
                    (
                        "requirement",
                        score,
                        max(a, w0 - 6),
                        min(b, w1 + 6),
                        req.name,
                        {"claimed_years": yrs, "min_years": req.min_years},
                    )
                )
                break
    return out, subjects, bare_names


# role nouns that alone name no field ("engineer"), and ones that do ("paralegal")
_GENERIC_ROLES = frozenset(
    ["engineer", "developer", "scientist", "analyst", "programmer", "designer", "architect",
     "administrator", "manager", "specialist", "coordinator", "consultant", "tester", "planner",
     "writer", "officer", "technician", "representative", "associate"]
)  # fmt: skip
_FIELD_ROLES = ("accountant", "underwriter", "pharmacist", "electrician", "paralegal", "nurse")
_ROLE_NOUNS = "|".join(sorted(_GENERIC_ROLES) + list(_FIELD_ROLES))
_ROLE_RE = re.compile(rf"((?:[.a-z][\w+#./-]* )?(?:{_ROLE_NOUNS}))\b", re.I)


def job_role(title: str) -> str:
    """The role a JD's title hires for, as a candidate would say it: "Senior Compiler
    Engineer" -> "compiler engineer", "Data Scientist" -> "data scientist", "Paralegal" ->
    "paralegal"; "" when the title names no role or only a generic one ("Engineer, Platform":
    years as an engineer say nothing of a field)."""
    role = _role_part(title)[0]
    return "" if role in _GENERIC_ROLES else role


def _role_acronym(title: str) -> str:
    """The initials of the title's role, as people say them: "Clinical Research Coordinator
    II" -> "CRC", "Site Reliability Engineer" -> "SRE"; "" under three letters."""
    words = _role_part(title)[1]
    acr = "".join(w[0] for w in words if w[:1].isalpha()).upper()
    return acr if len(acr) >= 3 else ""


def _role_part(title: str) -> tuple[str, list[str]]:
    """(the role's last two words, lowercase; all the words of the title part naming it)."""
    generic: tuple[str, list[str]] = ("", [])
    for part in re.split(r"\s[-\u2013\u2014]\s|[,:(|]", title):
        words = [w for w in part.split() if w.lower() not in _SENIORITY]
        m = _ROLE_RE.search(" ".join(words))
        if m:
            upto = len(" ".join(words)[: m.end()].split())
            if m.group(1).lower() not in _GENERIC_ROLES:
                return m.group(1).lower(), words[:upto]
            if not generic[0]:
                generic = (m.group(1).lower(), words[:upto])
    # a trade the list lacks, by its form: "Dental Hygienist", "CNC Machinist / Programmer"
    part = re.split(r"\s[-\u2013\u2014]\s|[,:(|/]", title)[0]
    words = [w for w in part.split() if w.lower() not in _SENIORITY]
    if words and re.fullmatch(r"[A-Za-z]{4,}(?:ist|ian|er|or|ic|ant)", words[-1]):
        return " ".join(words[-2:]).lower(), words[-2:]
    return generic


_SENIORITY = frozenset(
    ["senior", "sr", "sr.", "junior", "jr", "jr.", "lead", "staff", "principal", "chief",
     "head", "mid-level", "ii", "iii", "iv", "i"]
)  # fmt: skip


def _subjects_in(subjects: dict[int, str], seg: tuple[int, int]) -> set[str]:
    """The requirement names mentioned in words [a, b)."""
    return {subjects[i] for i in range(*seg) if i in subjects}


def _names_skill(
    at: AnswerText,
    seg: tuple[int, int],
    entry: SkillEntry,
    subjects: dict[int, str],
    vocab: Vocabulary,
) -> bool:
    """Whether the words of ``seg`` name the skill of a "N+ years with <skill>" requirement."""
    text = at.span(*seg)[0].lower()
    named = _subjects_in(subjects, seg)
    return any(
        vocab.get(s) is not None and entry.name.lower().endswith(s.lower()) for s in named
    ) or any(t.lower() in text for t in entry.aliases)


# a question about a paper held: "And your bat licence?", "Trade qual?", "Tickets?"
_ASKS_PAPER = re.compile(
    r"\b(?:licen[cs]e[sd]?|tickets?|cert\w*|qual\w*|cards?|registration|registered|"
    r"membership|member|degree|diploma|permits?|endorsements?|accredit\w*)\b",
    re.I,
)


def _topics_asked(question: str, pairs: Sequence[tuple[Requirement, SkillEntry]]) -> set[str]:
    """Requirements a question asks about by a word specific to them: a content word of the
    name or aliases, or of the explanation after its name in a short JD line ("Employee
    relations: conducting investigations"), that no other line of the JD shares."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", question)]
    said = {*words, *(a + b for a, b in itertools.pairwise(words))}  # "lock out"
    # "Clean MVR": an acronym of the name is as specific as a long word ("anything on your
    # MVR?"), said in capitals ("Can you ..." asks nothing of CAN bus)
    said |= {w for w in re.findall(r"[A-Za-z]+", question) if len(w) >= 3 and w.isupper()}
    owners: dict[str, set[str]] = {}  # topic word -> the JD lines (sources) that hold it
    topics: dict[str, set[str]] = {}
    for req, entry in pairs:
        if req.category == "experience":
            continue
        # "Correct Order of Draw" is asked by its order, not by "after the draw" (what the
        # whole trade does); "Knowledge of X" (no head word of its own) by X
        named = entry.name
        if (head := re.match(r"(.+?)\s+of\s+", named)) and any(
            len(w) >= 4 and w.lower() not in _TOPIC_STOP
            for w in re.findall(r"[A-Za-z]+", head.group(1))
        ):
            named = head.group(1)
        texts = [named, *entry.aliases, _explanation(req, entry)]
        ws = {
            w if len(w) < 4 else w.lower()  # short acronyms stay in capitals
            for t in texts
            for w in re.findall(r"[A-Za-z]+", t)
            if (len(w) >= 4 or (len(w) == 3 and w.isupper())) and w.lower() not in _TOPIC_STOP
        }
        topics[entry.name] = ws
        for w in ws:
            owners.setdefault(singular(w), set()).add(req.source or entry.name)
    out = set()
    for name, ws in topics.items():
        # ("patient" is shared with a line on "anxious and paediatric patients")
        specific = {w for w in ws if len(owners[singular(w)]) == 1}
        if any(_same_word(w, x) for w in specific for x in said):
            out.add(name)
    return out


def _same_word(a: str, b: str) -> bool:
    """Equal, or one an inflection of the other ("investigation"/"investigations"), not a
    word made from it ("product"/"production")."""
    if a == b:
        return True
    # "how you appraise" / "Credit Appraisal", "replace hammers" / "Hammer Replacement": a
    # verb's silent "e" drops before its ending or its noun's
    for x, y in ((a, b), (b, a)):
        stem = x[:-1]
        if len(x) >= 6 and x.endswith("e") and y.startswith(stem) and y[len(stem) :] in _E_ENDINGS:
            return True
    n = min(len(a), len(b))
    rest = max(a, b, key=len)[n:]
    return n >= 5 and a[:n] == b[:n] and rest in _INFLECTIONS


_INFLECTIONS = frozenset(["s", "es", "d", "ed", "ing", "r", "er", "ers", "rs"])
_E_ENDINGS = frozenset(["ing", "al", "als", "ement", "ements"])


_TOPIC_STOP = frozenset(
    [
        "experience", "experienced", "knowledge", "skills", "skill", "ability", "able", "strong",
        "solid", "working", "understanding", "familiarity", "familiar", "proficiency",
        "proficient", "demonstrated", "proven", "hands", "including", "include", "includes",
        "related", "relevant", "other", "with", "using", "from", "into", "that", "this", "your",
        "their", "across", "within", "through", "them", "they", "have", "years", "year", "plus",
        "such", "like", "similar", "equivalent", "management", "managing", "manage", "team",
        "teams", "work", "tools", "tool", "systems", "system", "process", "processes", "data",
        "business", "project", "projects", "support", "required", "preferred", "good", "great",
        "excellent", "deep", "practices", "practice", "standards", "standard", "environment",
        "environments", "basic", "advanced", "modern", "time", "level", "high", "based", "role",
        "roles", "daily", "ensure", "help", "development", "develop", "design",
        # "how do you handle drivers who push back" asks nothing of Petroleum Product Handling
        "handle", "handling", "handled", "handles", "deal", "dealing",
    ]
)  # fmt: skip


def _asking_part(question: str, *, long_words: int = 40) -> str:
    """What a long turn asks: its last two sentences. "We support Public Works, ... we update
    the geodatabase ... Can you tell me about yourself?" does not ask about geodatabases."""
    if len(question.split()) <= long_words:
        return question
    sentences = re.split(r"(?<=[.!?])\s+", question.strip())
    return " ".join(sentences[-2:])


def _last_question(text: str) -> str:
    """The last sentence of ``text`` that ends in a question mark (else ``text``)."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    asked = [x for x in sentences if x.endswith("?")]
    return asked[-1] if asked else text


def _asked_about(
    question: str,
    req: Requirement,
    entry: SkillEntry,
    embedder: Embedder,
    options: ScoringOptions,
) -> bool:
    """Whether a question is about a requirement the vocabulary cannot name in it ("And
    geodatabases, have you designed one?" for "Geodatabase Design")."""
    if not question.strip():
        return False
    return (
        max(embedder.similarity(question, t) for t in _describe_all(req, entry))
        >= options.skill_question
    )


def _years_of(
    at: AnswerText,
    seg: tuple[int, int],
    entry: SkillEntry,
    subjects: dict[int, str],
    vocab: Vocabulary,
    role: str,
    acr: str,
) -> bool:
    """Whether a span is about the experience requirement's subject."""
    said = at.span(*seg)[0]
    low = said.lower()
    # a field's own role noun ("hygienist", not "engineer") and its verb stem ("machin-")
    head = role.split()[-1] if role else ""
    head = "" if head in _GENERIC_ROLES else head
    stem = re.sub(r"(?:ist|er|or|ian|ic|ant|e)$", "", head)
    return (
        _names_skill(at, seg, entry, subjects, vocab)
        # "three years as a data scientist" for a Data Scientist's "3+ years of machine
        # learning": years in the very role the JD hires for
        or bool(role and re.search(rf"\b{re.escape(role)}s?\b", low))
        # "six years as a hygienist" for a Dental Hygienist: the role noun alone
        or bool(head and re.search(rf"\b(?:a|an|as)\s+{re.escape(head)}s?\b", low))
        # "I've been machining eleven years" for a CNC Machinist: the trade as a verb
        or bool(len(stem) >= 4 and re.search(rf"\b{re.escape(stem)}\w*ing\b", low))
        # "I'm a CRC II at St. Brendan's, I've been there three years"
        or bool(acr and re.search(rf"\b{acr}s?\b", said))
    )


def _work_named(entry: SkillEntry, sentence: str) -> bool:
    """Whether a sentence names the work done by the subject's first word: "I've been there
    going on four years now, doing all their motion" (Motion Design)."""
    names = [n.lower().split() for n in (entry.aliases or (entry.name,))]
    leads = {w[0] for w in names if len(w) > 1 and len(w[0]) >= 5 and w[0] not in _GENERIC_LEADS}
    low = sentence.lower()
    return any(
        re.search(rf"\b{_WORK_VERB}\s+(?:all\s+)?(?:of\s+)?(?:their|the|our|its)?\s*"
                  rf"{re.escape(lead)}\b", low)
        for lead in leads
    )  # fmt: skip


_WORK_VERB = r"(?:doing|do|did|done|running|run|handling|handle|owning|own|leading|lead)"
# first words of a subject's name that alone name no field
_GENERIC_LEADS = frozenset(
    ["data", "software", "project", "customer", "business", "technical", "general", "digital",
     "system", "systems", "product", "process", "quality", "client", "team", "people", "cloud"]
)  # fmt: skip


def _sentence_end(at: AnswerText, k: int) -> int:
    """The last segment of the sentence segment k is in."""
    while k + 1 < len(at.segments) and not re.search(r"[.?!]\W*$", at.span(*at.segments[k])[0]):
        k += 1
    return k


def _sentence_start(at: AnswerText, k: int) -> int:
    """The first segment of the sentence segment k is in."""
    while k > 0 and not re.search(r"[.?!]\W*$", at.span(*at.segments[k - 1])[0]):
        k -= 1
    return k


def _sentence_at(at: AnswerText, k: int) -> str:
    """Segment k with the segments before it that belong to the same sentence (a long
    sentence is cut into several segments)."""
    return " ".join(at.span(*seg)[0] for seg in at.segments[_sentence_start(at, k) : k + 1])


def _field_named(at: AnswerText, k: int, requirement: str) -> bool:
    """Whether the sentence of segment k names an experience requirement's field, or, told in
    a few words, the sentence before it does ("Now I'm at a forwarder in Jurong, sea export.
    Five years plus already.")."""
    said = _sentence_at(at, k)
    if _names_field(said, requirement):
        return True
    j = _sentence_start(at, k)
    return len(said.split()) <= 5 and j > 0 and _names_field(_sentence_at(at, j - 1), requirement)


_THERE = re.compile(
    r"\b(?:been there|been here|there for|in that role|in this role|in that job|in that position)\b"
)
_YEARS_THERE = re.compile(r"\byears?\s+(?:there|here)\b", re.I)
_YEARS_WITH = re.compile(r"\b(?i:years?)\s+(?i:with|wi'|at)\s+(?!I\b|The\b|A\b)[A-Z][\w&'-]+")


def _confirms_years(question: str, years: float, sentence: str) -> bool:
    """Whether a short sentence confirms the candidate's years that a question put up (about
    "you", or summed up: "ok so total as second around twenty five months")."""
    if len(sentence.split()) > 6 or not _PUTS_UP.search(question):
        return False
    said = [*_YEARS_RE.finditer(question), *_MONTHS_RE.finditer(question)]
    return any(_years_value(m.group("n"), m.group(0)) == years for m in said)


_ASKS_CAREER = re.compile(
    r"\b(?:your|ur) (?:background|career|experience|story|journey)\b|\babout yourself\b"
    r"|\b(?:your|ur) (?:current|present) (?:job|role|position|work)\b"
    r"|\bwhat you(?:'ve| have) been doing\b"
    r"|\bintroduce yourself\b",
    re.I,
)


def _bare_tenure(sentence: str) -> bool:
    """Whether a sentence says a tenure and little else: "Fourteen years.", "About six years
    now."."""
    rest = _YEARS_RE.sub(" ", sentence.lower())
    return len(_tenures(sentence)) == 1 and len(re.findall(r"[a-z']+", rest)) <= 2


_PUTS_UP = re.compile(r"\byou\b|^\W*(?:(?:ok(?:ay)?|right|and),?\s+)?so\b", re.I)
_COUNT_RE = re.compile(
    rf"^\W*(?P<n>\d+|{_COMPOUND}|{_SMALL_NUMBERS})\b",
    re.I,
)


def _echoed_tenures(question: str, answer: str) -> list[tuple[int, int, float]]:
    """A tenure the question put up that a short reply says back by its number alone ("ok so
    total as second around twenty five months" "Twenty-five yes sir."): (start, end, years)."""
    m = _COUNT_RE.match(answer)
    if m is None or len(re.split(r"(?<=[.!?])\s+", answer.strip())[0].split()) > 6:
        return []
    said = _years_value(m.group("n"))
    return [
        (m.start("n"), m.end("n"), _years_value(q.group("n"), q.group(0)))
        for q in [*_YEARS_RE.finditer(question), *_MONTHS_RE.finditer(question)]
        if _years_value(q.group("n")) == said
    ][:1]


# "at Kelvin Ecology", "your time with Harbour Health": a workplace named
_AT_WORKPLACE = re.compile(r"\b(?:at|with|for)\s+(?!I\b)(?:[A-Z][\w&'-]*\s*){1,4}")
_GOES_ON = re.compile(r"^\W*(?:it|it's|it is|that|that's|this|which|they|they're)\b", re.I)


_PAPER_NAME = re.compile(
    r"\b(?:card|licen[cs]e|certificate|certification|ticket|registration|permit|"
    r"accreditation)s?$|\b(?-i:[A-Z]{2,6}) Level \d\b"
    r"|\bLevel \d+ (?:qualification|certificate|diploma|award)\b",
    re.I,
)
# "Valid PTS (Personal Track Safety) with a clean Sentinel record": what the JD says is held
_HELD = re.compile(
    r"^\W*(?:a\s+|an\s+)?(?:valid|in-date|current(?!\s+(?:knowledge|understanding|awareness|"
    r"experience|practice|skills?|trends|issues|thinking)\b))\s",
    re.I,
)


# "... or willingness to achieve within 12 months", "(or currently working towards one)",
# "or the ability to obtain it within 90 days of hire": the JD takes one who will get it
_OBTAINABLE = re.compile(
    r"\bor\s+(?:the\s+|be\s+|are\s+)?(?:willing(?:ness)?|ability|able|eligib\w+|prepared|"
    r"commit\w*)\s+to\s+(?:\w+\s+){0,2}?(?:obtain|achieve|gain|acquire|get|earn|sit|register|"
    r"complete|work\s+towards)\b|\bor\s+(?:currently\s+)?working\s+towards\b"
    r"|\bor\s+obtain(?:ed)?\s+within\b",
    re.I,
)


def _obtainable(req: Requirement) -> bool:
    """Whether the JD takes a candidate who will get the paper after hire (a skill "or the
    ability to acquire this quickly" is still shown or not)."""
    return _is_paper(req) and bool(req.source and _OBTAINABLE.search(req.source))


def _is_paper(req: Requirement) -> bool:
    """Whether a requirement is a paper one holds (a degree, a card, a licence, a levelled
    qualification, what the JD calls valid) rather than something one does."""
    # ("Forklift licence (LF)": the JD's line names the skill's paper)
    line = re.sub(r"\s*\([^()]*\)", "", req.source or "").strip(" .;")
    return (
        req.category == "education"
        or bool(_PAPER_NAME.search(req.name))
        or bool(req.source and _HELD.match(req.source))
        or (len(line.split()) <= 4 and bool(_PAPER_NAME.search(line)))
    )


# a paper held for a skill ("counterbalance ticket", "got my licence in 2019", "fully certified")
_PAPER_HELD = re.compile(
    r"\b(?:ticket|licen[cs]e[ds]?|card|cert|certificate|certified|endorsement|endorsed|permit)\b",
    re.I,
)
_PAPER_NOT_HELD = re.compile(
    r"\b(?:no|not|never|don't|didn't|haven't|hasn't|yet|expired|lapsed|working on|going to|"
    r"plan(?:ning)? to|hoping|would|will|need to)\b",
    re.I,
)


def _holds_paper(answer: str) -> bool:
    """Whether an answer's first sentence says a paper is held ("Counterbalance ticket,
    renewed last year."), not wanted or lapsed ("No ticket yet", "my card expired")."""
    first = re.split(r"(?<=[.!?])\s+", answer.strip(), maxsplit=1)[0]
    return bool(_PAPER_HELD.search(first)) and not _PAPER_NOT_HELD.search(first)


def _paper_said_back(req: Requirement, answer: str) -> str:
    """'yes' / 'no' where an answer opens by saying a paper's own word back ("Full licence,
    clean." to a question about a "Full UK Driving Licence"; "No licence."), else ''."""
    head = _PAPER_NAME.search(req.name)
    word = head.group(0).split()[-1].lower() if head else ""
    first = re.split(r"(?<=[.!?])\s+", answer.strip(), maxsplit=1)[0]
    # "Your CoC, any limitation" "III/2 unlimited, MARINA issued": the paper's code said back
    codes = [t for t in req.name.split() if re.search(r"\d", t) and re.search(r"[A-Z/]", t)]
    if any(re.search(rf"(?<![\w/]){re.escape(c)}(?![\w/])", first) for c in codes):
        return "no" if _NO.match(first) else "yes"
    if not word.isalpha():
        return ""  # no paper word ("SVQ Level 3" is said by its name)
    said = r"licen[cs]e" if word.startswith("licen") else re.escape(word.rstrip("s"))
    if len(word) >= 8:  # "fully registered" says "HCPC Registration" back, "certified" too
        said = re.escape(word[:6]) + r"\w*"
    if not re.search(rf"\b{said}s?\b", first, re.I):
        return ""
    return "no" if _NO.match(first) else "yes"


def _named_product(name: str) -> bool:
    """ "SAP CO", "S/4HANA", "ROS 2": a named product or module is shown by saying its name
    (or an alias); a sentence that is merely close in meaning ("And I like SAP.") is not."""
    return any(
        (t.isupper() and len(t) <= 5) or any(c.isdigit() or c == "/" for c in t)
        for t in name.split()
        if t.lower() != "or"
    )


def _describe_all(req: Requirement, entry: SkillEntry) -> list[str]:
    """What a requirement means: its name and aliases, and its JD line's explanation of it."""
    texts = [_describe(entry)]
    if explained := _explanation(req, entry):
        texts.append(f"{entry.name}: {explained}")
    return texts


def _explanation(req: Requirement, entry: SkillEntry) -> str:
    """What a short JD line says after its colon about the requirement it names first
    ("Employee relations: conducting investigations and documenting findings"). The rest of a
    line without one may be another requirement's ("anticoagulation management and
    antimicrobial stewardship"), so it explains nothing."""
    line = _LIST_MARK.sub("", req.source)
    if len(line.split()) > 20 or ":" not in line:
        return ""
    head, _, tail = line.partition(":")
    return tail.strip() if entry.name.lower() in head.lower() else ""


_LIST_MARK = re.compile(r"^\W+")


def _describe(entry: SkillEntry) -> str:
    return entry.name if not entry.aliases else f"{entry.name}: {', '.join(entry.aliases[:4])}"


def _years_value(n: str, said: str = "") -> float:
    """Years in a ``_YEARS_RE`` match: its number, plus a half where it says "and a half"; in
    a ``_MONTHS_RE`` match, its months as years ("twenty-five months" -> 2.08)."""
    n = n.lower()
    tens, _, unit = n.replace("-", " ").partition(" ")
    if unit and tens in ("twenty", "thirty"):  # "twenty-five", "thirty one"
        base = float(_YEAR_NUM[tens] + _YEAR_NUM[unit])
    else:
        base = float(_YEAR_NUM[n]) if n in _YEAR_NUM else float(n)
    if (m := re.search(r"\byears?,?\s+and\s+(\w+)\s+months?\b", said, re.I)) is not None:
        months = m.group(1).lower()
        extra = _YEAR_NUM.get(months) or (int(months) if months.isdigit() else 0)
        return round(base + extra / 12, 2)  # "one year and seven months" -> 1.58
    if re.search(r"\bmonths?\b", said, re.I):
        return round(base / 12, 2)
    return base + (0.5 if "half" in said.lower() else 0.0)


# a spoken or written year: "2017", "twenty seventeen", "twenty twenty-one", "two thousand and
# nine", "nineteen ninety eight"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_YEAR_SAID = (
    rf"(?:(?:19|20)\d\d|twenty[- ](?:{_TEENS}|twenty(?:[- ](?:{_UNITS}))?)"
    rf"|two thousand(?: and)? (?:{_UNITS}|{_TEENS})|nineteen[- ](?:seventy|eighty|ninety)"
    rf"(?:[- ](?:{_UNITS}))?)"
)
# "graduated twenty seventeen, then went straight into transit", "I started my career in 2015"
_CAREER_START = re.compile(
    rf"\bgraduat\w*\s+(?:(?:in|from \w+ in)\s+)?(?P<y>{_YEAR_SAID})\b[^.?!]{{0,30}}?"
    r"(?:,|\band\b|\bthen\b)\s+(?:then\s+)?(?:I\s+)?(?:went|moved|got|came|started)\s+"
    r"(?:straight|right|directly)\s+in(?:to)?\b"
    rf"|\b(?:started|began)\s+my\s+career\s+in\s+(?P<y2>{_YEAR_SAID})\b",
    re.I,
)


def _year_value(said: str) -> int:
    """The year in a ``_YEAR_SAID`` match: "twenty seventeen" -> 2017."""
    w = said.lower().replace("-", " ").split()
    if w[0].isdigit():
        return int(w[0])
    if w[:2] == ["two", "thousand"]:
        return 2000 + _DECADE_NUM[w[-1]]
    head = 1900 if w[0] == "nineteen" else 2000
    return head + sum(_DECADE_NUM[x] for x in w[1:])


_DECADE_NUM = {**_YEAR_NUM, "seventy": 70, "eighty": 80, "ninety": 90}


def _career_starts(text: str, reference_year: int) -> list[tuple[int, int, float]]:
    """(start, end, years) of each career said by the year it began right after a degree."""
    out = []
    for m in _CAREER_START.finditer(text):
        year = _year_value(m.group("y") or m.group("y2"))
        if 0 <= reference_year - year <= 45:
            out.append((m.start(), m.end(), float(reference_year - year)))
    return out


def _claims(
    qa_idx: int,
    at: AnswerText,
    tech: Sequence[Mention],
    subjects: dict[int, str],
    *,
    q_subject: str | None = None,
    replied_no: set[str] | frozenset[str] = frozenset(),
    bare: set[str] | frozenset[str] = frozenset(),
) -> list[tuple[Claim, tuple[int, int]]]:
    out: list[tuple[Claim, tuple[int, int]]] = []
    mention_at = {at.word_at(m.start): m for m in tech}
    for m in _tenures(at.text):
        yrs = _years_value(m.group("n"), m.group(0))
        w0, w1 = at.char_span(m.start(), m.end())
        a, b = at.segments[_seg_of(at, w0)]
        # subject: nearest technical mention in the same span, else the career if it says so
        near = sorted((abs(i - w0), i) for i in range(a, b) if i in mention_at and abs(i - w0) <= 8)
        span = (max(a, w0 - 6), min(b, w1 + 6))
        ev, t0, t1 = at.span(*span)
        if near:
            subject = mention_at[near[0][1]].entry.name
        elif any(t in _CAREER_WORDS for t in words_of(at.span(a, b)[0])):
            subject = "career"
        elif q_subject is not None:  # "About two years" answering "how many years of Python"
            subject = q_subject
        else:
            continue
        out.append((Claim(qa_idx, subject, yrs, False, ev, t0, t1), span))
    for m in tech:
        pol = _negated(at, m, tech)
        names = {m.entry.name, subjects.get(at.word_at(m.start))}
        if names & bare and pol != "neg":
            continue
        if names & replied_no:
            pol = "neg"
        w0, w1 = at.char_span(m.start, m.end)
        span = _around(at, m.start, m.end)
        ev, t0, t1 = at.span(*span)
        out.append((Claim(qa_idx, m.entry.name, None, pol == "neg", ev, t0, t1), span))
    return out


def _check_claim(
    c: Claim, earlier: Sequence[Claim], options: ScoringOptions
) -> tuple[float, dict] | None:
    """(score, features) when the claim can be checked against earlier ones, else None."""
    # (a career's most years are checked below, not as years said)
    same = [e for e in earlier if e.subject == c.subject and e.qa_idx != c.qa_idx and not e.bound]
    # "about twelve years in transit" ... "graduated twenty seventeen, then went straight into
    # transit": more years than the career can have had
    if c.bound or any(e.bound for e in earlier):
        for e in earlier:
            if e.years is None or e.bound == c.bound:
                continue
            most, said = (c, e) if c.bound else (e, c)
            if said.subject == "career" and said.years > most.years + options.years_tolerance:
                return 0.15, {"years": c.years, "earlier_years": e.years, "earlier_qa": e.qa_idx,
                              "beyond_start": 1}  # fmt: skip
    if c.bound:
        return None
    if c.years is not None:
        for e in same:
            if e.years is None:
                continue
            tol = max(options.years_tolerance, 0.25 * max(e.years, c.years))
            if abs(e.years - c.years) > tol:
                return 0.15, {"years": c.years, "earlier_years": e.years, "earlier_qa": e.qa_idx}
        if c.subject != "career":
            career = [e.years for e in [*earlier, c] if e.subject == "career" and e.years]
            if career and c.years > max(career) + options.years_tolerance:
                return 0.2, {"years": c.years, "career_years": max(career), "overclaim": 1}
        else:
            for e in earlier:  # an earlier skill claim longer than the whole career
                if (
                    e.subject != "career"
                    and e.years
                    and e.years > c.years + options.years_tolerance
                ):
                    return 0.2, {"years": c.years, "earlier_years": e.years,
                                 "earlier_qa": e.qa_idx}  # fmt: skip
        if any(e.years is not None for e in same):
            return 0.9, {"years": c.years, "agrees": 1}
        return None
    for e in same:
        if e.years is None and e.negated != c.negated:
            return 0.2, {"negated": float(c.negated), "earlier_qa": e.qa_idx, "contradicts": 1}
    if same and any(e.years is not None and c.negated for e in same):
        return 0.2, {"negated": 1.0, "contradicts": 1}
    return None
