"""Job description -> JobSpec: weighted requirements with categories, required flags and aliases.

Defined behaviour for awkward input (tested):
- empty or whitespace-only text: a JobSpec with no requirements and a warning (the verdict then
  rests on the general dimensions only);
- HTML pasted from a job board: tags are stripped, list items become lines, a warning says so;
- huge text (over ``max_chars``, default 200 000): cut at a line boundary, with a warning; at most
  ``max_requirements`` requirements are kept (the heaviest);
- non-English text: language "unknown" and a warning; only vocabulary terms (tool names travel
  across languages) are matched and all of them count as required.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from labkit.errors import InputError, ModelMissingError
from labkit.language.nlp import load_spacy, split_sentences
from labkit.language.vocabulary import (
    Mention,
    SkillEntry,
    Vocabulary,
    load_vocabulary,
    singular,
    tokenize,
)
from labkit.records import JobSpec, Requirement

__all__ = [
    "JDOptions",
    "jobspec_from_rows",
    "jobspec_to_rows",
    "parse_jd",
    "reweight",
]


@dataclass(frozen=True, slots=True)
class JDOptions:
    """JD parsing hyper-parameters.

    required_weight / nice_weight: base weight of a required / nice-to-have requirement.
    category_weights: multiplier per category (skills and tools count most; a "condition", a
        term of work such as "Able to lift 50 lbs" or "Rotating 12-hour shifts", is listed
        for the interviewer to confirm and weighs 0: nothing scores it).
    repeat_bonus: extra weight per repeated mention, capped at max_repeat_bonus.
    max_chars: longer JDs are cut (with a warning). max_requirements: the heaviest are kept.
    min_english: share of English function words below which the JD is called non-English.
    unknown_skills: also take capitalised names after "experience with", "knowledge of" ... that
        the vocabulary does not know (checked with spaCy part-of-speech tags when available).
    phrase_skills: a listed requirement ("- Threat modeling (STRIDE or similar)") in which the
        vocabulary finds no skill is kept under its leading noun phrase.

    Examples fold into the skill they illustrate: "SIEM, for example Splunk or Elastic",
    "Amazon Web Services: S3, EMR", "Kubernetes (AKS)" are one requirement each, met by any of
    the names (the examples become its aliases).
    """

    required_weight: float = 1.0
    nice_weight: float = 0.4
    category_weights: tuple[tuple[str, float], ...] = (
        ("skill", 1.0),
        ("tool", 1.0),
        ("experience", 0.9),
        ("soft_skill", 0.5),
        ("domain", 0.6),
        ("education", 0.4),
        ("condition", 0.0),
    )
    repeat_bonus: float = 0.25
    max_repeat_bonus: float = 0.75
    max_chars: int = 200_000
    max_requirements: int = 40
    min_english: float = 0.06
    unknown_skills: bool = True
    phrase_skills: bool = True
    use_spacy: bool = True


_HEAD_NICE = re.compile(
    r"\b(nice[- ]to[- ]haves?|preferred|bonus|pluses|plus|desired|desirable|good[- ]to[- ]have|"
    r"optional|extra credit|nice[- ]to[- ]have skills|it'?s a plus|ideally|also good|"
    r"would be (?:great|nice|good|helpful|an advantage|a plus)|great if|an advantage|"
    r"advantageous|added advantage|an asset|advantages?(?=\W*$)|"
    # "It will help if you have", "Helpful"
    r"(?:it\s+)?(?:will|would)\s+(?:also\s+)?help|helpful|"
    # "Assets" (Canadian ads), "Additional assets:"
    r"assets?(?=\W*$))\b",
    re.I,
)
_HEAD_SKIP = re.compile(
    r"\b(benefits|perks|what we offer|we offer|compensation|remuneration|salary|about us|"
    r"terms and conditions|"
    r"about the company|(?:company|employer|organi[sz]ation) overview|"
    r"who we are(?!\s+(?:looking|seeking|after)\b)|equal opportunity|(?:how |where )?to apply|"
    r"apply(?:ing)?(?: now)?|"
    r"method of application|our values|why join|why you'll love|"
    # "Our commitment" (to diversity), "Supplemental Information" (screens, benefits, veterans)
    r"our commitments?|supplement(?:al|ary) information|"
    r"about the team|about our team|the team|our team|our culture|culture|life at|location|"
    r"working hours|hours|package|rewards|what's in it for you|our offer|selection process|"
    r"application process|(?:the )?good stuff|what you(?:'ll)? get|in return|goodies|"
    r"(?:what's |what is |what we have )?on offer|"
    # "Why Coastline?": the employer selling itself
    r"why (?:us|[\w&'.-]+(?= ?\?)|[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)?\s*$)|"
    # a civil-service "CLASS SPECIFICATION" opens on its codes: class code, bargaining unit, FLSA
    r"class specification)\b",
    re.I,
)
_HEAD_DUTIES = re.compile(
    r"\b(responsibilities|what you(?:'ll| will)? (?:be )?do(?:ing)?|the role|about the role|duties|"
    r"(?:the )?(?:gig|job|position|opportunity)|"
    # ("You will have", "You will need": what the candidate brings)
    r"your mission|day[- ]to[- ]day|in this role|your role|you will(?!\s+(?:have|need|bring)\b)|"
    # "ESSENTIAL FUNCTIONS", "Key job functions", "Position summary": what the job does
    r"(?:essential|job|key|primary|principal)\s+(?:functions?|duties|tasks)|"
    r"position summary|job summary|summary of (?:the )?(?:role|position)|"
    # "Role Overview", "Role purpose": what the job is, whoever it works with
    r"role (?:overview|summary|purpose|description)|purpose of the (?:role|position)|"
    # a civil-service class specification: "Definition", "Examples of Duties"
    r"definition|examples? of (?:duties|work)|distinguishing characteristics|"
    # "What the job is"
    r"what the (?:job|role|work) (?:is|involves|entails))\b",
    re.I,
)
# the terms the work comes with, each one to confirm, none a skill: a class specification's
# "SPECIAL REQUIREMENTS: Work evenings ... Exposure to hazardous materials ..."
_HEAD_TERMS = re.compile(
    r"\b(special requirements|working conditions|work(?:ing)? environment|physical demands|"
    r"environmental conditions|conditions of (?:employment|work))\b",
    re.I,
)
_HEAD_REQ = re.compile(
    r"\b(requirements?|required|qualifications?|must[- ]haves?|what you('ll)? need|"
    r"you(?:'ll| will)? have|"
    r"(?:what )?you(?:'ve| have) got|"
    r"essentials?|key requirements|core requirements|core skills|mandatory|must|"
    # "Key selection criteria (essential)", "Essential criteria"
    r"(?:key )?selection criteria|criteria|"
    r"you bring|what we (?:require|need|expect|ask)|we require|we expect|you should have|"
    r"what you(?:'ll| will)? bring|what you have|what makes you|your profile|profile|"
    r"the ideal candidate|"
    r"ideal candidate|you('ll)? need|you will need|technical skills|your skills|who we need|"
    r"skills|minimum|basic|who you are|about you|experience|"
    # "What we are looking for", "Who we're looking for", "Person specification"
    r"(?:what|who) we(?:'?re| are) looking for|(?:what|who) we look for|person specification|"
    r"non-negotiables?|"
    r"responsibilities|what you(?:'ll| will)? (?:be )?do(?:ing)?|the role|role|about the role|"
    r"about the job|"
    r"duties|key skills|tech stack|stack|"
    # "Knowledge, Skills and Abilities" (KSAs)
    r"knowledge,? skills,? (?:and )?abilities|ksas?)\b",
    re.I,
)
_NICE_CUE = re.compile(
    # "Bonus: Spark", "(RentCafe is a bonus)"; "bonus depreciation" is no cue
    r"(?:^\W*|[(,;:]\s*)bonus\b|"
    r"\b(nice[- ]to[- ]have|(is|are|would be) a (big |huge )?plus|a plus|a bonus|bonus points|"
    r"bonus if|preferred|"
    # ("desired dough temperature" is a baker's term, not a cue)
    r"preferably|ideally|desirable|desired(?!\s+(?!(?:but|though|not|and|or|if|for)\b)[a-z])|"
    r"would be (great|nice|helpful|an advantage)|"
    r"good to have|an (?:(?:added|additional|real|distinct)\s+)?advantage|not required|optional|"
    r"is helpful|are helpful|"
    # "It would be an asset if you have experience writing TAFs"
    r"(?:is|are|would be|will be|as) an asset|an asset(?=\s*(?:[.,;)]|$|\s+(?:if|for|but)\b))|"
    # "A Master's degree in a related field may substitute for the required experience"
    r"(?:may|can) (?:be )?substitute[sd]?|in lieu of|encouraged to apply)\b",
    re.I,
)
# "It would be an advantage if you also had experience with ...", "Ideally, you will have
# ...": a sentence that opens optional makes all it asks for optional
_NICE_OPENING = re.compile(
    r"^\W*(?:it\s+)?(?:would|will)\s+be\s+(?:an?\s+)?(?:(?:real|distinct|added|big)\s+)?"
    r"(?:advantage|advantageous|plus|bonus|asset|desirable|great|nice|helpful|useful|ideal|"
    r"wonderful|lovely|fantastic|brilliant)\b"
    r"|^\W*(?:ideally|preferably|desirably)\b",
    re.I,
)
# cues that make what FOLLOWS them optional ("CI/CD, ideally with GitHub Actions"), unlike
# "Kafka is a plus", which looks back
_NICE_FORWARD = re.compile(r"\b(ideally|preferably|bonus points for|bonus if|a plus if)\b", re.I)
# "ideally Medidata Rave", "preferably with Jenkins": a short product name that ends the clause
_PREFERRED_EXAMPLE = re.compile(
    r"(?:ideally|preferably)\s+(?:with\s+|using\s+|in\s+)?(?:[A-Z][\w.+#/-]*\s*){1,3}[.;]?\s*$"
)
_NICE_SPLIT = re.compile(
    # "Python, Kafka is a plus" splits; "A, B or C, or D is a plus" is one list, all optional
    # (not a comma inside parentheses: "(HTR1, CKR1 and MET1 preferred)" is one aside)
    r";|\bbut\b|\bwhile\b|,(?!\s*(?:or|and|and/or)\b)(?![^()]*\))"
    r"(?=[^,]*\b(?:plus|bonus|preferred)\b)"
    # "EDC systems (Medidata Rave preferred)": only the parenthesis is optional
    # ("Mandarin (preferred)", "(a plus, not a must)": an aside of cue words only is no part)
    r"|\((?!\s*(?:(?:strongly|highly)\s+)?(?:preferred|a plus|a bonus|bonus)\b[\s\w,]{0,14}\))"
    r"(?=[^()]*\b(?:preferred|a plus|bonus|ideally|an advantage|an asset)\b[^()]*\))"
)
_CUE_FILLER = re.compile(r"\b(?:strongly|highly|very|but|not|an?|must|required|is|are)\b|\W", re.I)


def _nice_listed(body: str) -> bool:
    """Whether a listed item is optional as a whole: "Spanish (preferred)" and "... (a plus,
    not a must)" are; "ABI software (CargoWise strongly preferred) and the ACE portal" is not,
    for an aside that names something besides its cue is optional alone."""

    def named(m: re.Match[str]) -> str:
        rest = _CUE_FILLER.sub("", _NICE_CUE.sub("", m.group(1)))
        return "" if rest else m.group(0)

    # "Clear spoken English; bilingual candidates are encouraged to apply": the first part
    # names the requirement
    first = body.split(";")[0].strip() or body
    return bool(_NICE_CUE.search(re.sub(r"\(([^()]*)\)", named, first)))


# "Required:", "Preferred:" opening a line of their own list
# "Qualifications and Experience: Bachelor's degree ...; Minimum of 5 years' ...": a
# requirements section in one line
_COMBINED_LABEL = (
    r"(?:(?:qualifications?|skills|knowledge)(?:,? (?:and|&) (?:experience|skills|"
    r"qualifications?))+|experience (?:and|&) (?:qualifications?|skills))"
)
_INLINE_SECTION = re.compile(
    r"^(?:required|requirements|must[- ]haves?|essentials?|mandatory|"
    r"(?:minimum |basic |required )?qualifications|"
    rf"{_COMBINED_LABEL}|"
    r"preferred(?: qualifications| skills)?|nice[- ]to[- ]haves?|bonus|desired|desirable|"
    r"optional|pluses|also good|also useful|also helpful|good to have|"
    r"(?:an? )?(?:added )?advantage(?:ous)?)$",
    re.I,
)
# what kind of requirement a "Label: ..." line lists
_LABEL = re.compile(
    # ("Experience: 5+ years in e-commerce" keeps its label: "experience" makes a domain)
    r"^(?:education|certifications?|licensure|licen[cs]es?|credentials?|degree|"
    r"skills?|technical skills|tools?|software|systems|languages?|physical(?: requirements)?|"
    r"schedule|availability|other|"
    # a class specification's "Knowledge of: ...; ...", "Ability to: ...; ..."
    r"knowledge of|abilit(?:y|ies) to|skills? in)(?:\s*(?:and|&|/)\s*(?:certifications?|licensure|"
    r"licen[cs]es?|credentials?|training))?$",
    re.I,
)
# prose about the company or product, not the candidate: "Our app lets 180,000 households...",
# "We're a 60-person company"; kept where it still asks something of the candidate
_COMPANY_TALK = re.compile(
    r"^\W*(?:(?:much|most|all|some|part) of )?(?:our|we|we're|we are|we've)\b|"
    # "Hartwell & Brandt is a 160-person regional CPA and advisory firm serving ..."
    r"^\W*[A-Z][\w&.' -]{0,50}? (?:is|are) (?:a|an|the)\b(?=(?:\W+\w+){0,10}?\W+"
    r"(?:firm|company|practice|hospital|startup|agency|manufacturer|distributor|provider|"
    r"network|organization|group|lab|studio|leader|business|center|centre|insurer|bank)\b)",
    re.I,
)
# "We offer a salary range of ... depending on experience ..., employee ownership after one
# year": what the job gives, whatever words of asking it holds
_OFFER = re.compile(
    r"^\W*(?:we\s+(?:also\s+)?(?:offer|provide|pay)|our\s+benefits|benefits\s+include|"
    r"what\s+we\s+offer|perks\b|compensation\b|salary\b|pay\s+range|"
    # "$110k-$130k + super", "16 weeks' paid parental leave", "$1,500 annual learning budget"
    # ("PHP 28,000 - 35,000 per month", "INR 6,00,000 a year": a currency's code before it)
    r"(?:[$\u00a3\u20ac\u20b1\u20b9]|(?-i:[A-Z]{3})\s(?=\d{1,3},\d))\s?\d[\d,.]*k?\b"
    r"(?!\s*(?:million|m|bn|billion)\b)(?:\s*[-\u2013]|\s+"
    r"(?:annual|a\s+year|per\s+(?:year|hour|annum)|\+))|.{0,40}\bpaid\s+(?:parental|"
    r"annual|sick|family)\s+leave\b|.{0,40}\blearning\s+budget\b)|"
    # "Great Lakes Stamping & Assembly is an equal opportunity employer."
    r"\ban?\s+equal\s+(?:employment\s+)?opportunity\s+employer\b|"
    # "We thank all applicants ...; only those selected for an interview will be contacted",
    # "Interested candidates may share their CV ... mentioning current CTC": how to apply
    r"^\W*(?:we\s+thank\s+(?:all\s+)?(?:applicants|candidates)|only\s+(?:those|shortlisted|"
    r"successful|selected)\b|interested\s+(?:candidates|applicants)\b)",
    re.I,
)
_ASKS_CUE = re.compile(
    r"\b(?:experience[ds]?|knowledge|familiar\w*|proficien\w*|skills?|expertise|background|"
    r"should|must|required|requires?|expect\w*|comfortable|able|ability|understanding|"
    r"you|your|degree|certif\w*|years?|looking for|need|hiring)\b",
    re.I,
)
_NUM = r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
# "two to four years": the range's lower end is the requirement
_YEARS = re.compile(
    rf"\b(?P<n>{_NUM})\s*(?:\(\d{{1,2}}\)\s*)?(?:\+|plus|or more)?\s*"
    rf"(?:(?:-|–|to)\s*(?:{_NUM})\s*)?(?:\+\s*)?(?:years?|yrs?)\b"
    # "at least 18 years old": an age, not experience
    r"(?!\s+(?:old|of age)\b)",
    re.I,
)
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}  # fmt: skip
_UNKNOWN_CUE = re.compile(
    r"\b(experience (?:with|in|using)|knowledge of|proficien(?:t|cy) (?:in|with)|"
    r"familiar(?:ity)? with|expertise (?:in|with)|skilled in|hands-on (?:with|experience with)|"
    r"background in|worked with|working knowledge of|fluency in|fluent (?:in|with)|"
    r"(?:comfortable|confident|at home) with|"
    r"know (?:your|their) way around)\s+(?P<rest>[^.;:]+)",
    re.I,
)
# a body named with "of" between its capitalised words ("College of ... Scientists of ...")
_BODY_NAME = re.compile(r"\b[A-Z][\w-]+\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s*$")
_PRODUCT_TAIL = re.compile(r"\b(?:in|with|using)\s+([A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)*)$")
_COINED = re.compile(r"[a-z][A-Z0-9]|[A-Z0-9][a-z]+[A-Z]|\d[A-Za-z]")
# "in line with AS/NZS 4576", "in accordance with the Operations Manual": the rules the work
# follows, not a tool it is done with
_WITH_CUE = re.compile(
    r"(?<!in line )(?<!in accordance )(?<!in compliance )(?<!compliant )(?<!comply )"
    r"\bwith\s+(?P<rest>[^.;:()]+)",
    re.I,
)
_IN_TOOL = re.compile(r"\b(?:in|using)\s+(?P<rest>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2})\W*$")
_EN_FUNCTION = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "at",
        "by",
        "from",
        "as",
        "is",
        "are",
        "be",
        "will",
        "you",
        "we",
        "our",
        "your",
        "this",
        "that",
        "have",
        "has",
        "who",
        "what",
        "which",
        "it",
        "its",
        "not",
        "but",
        "if",
        "can",
        "able",
        "into",
        "about",
        "their",
        "they",
        "work",
        "team",
    ]
)
# ("  > Minimum 2 years' experience", "– Stone setting", "✓ Valid licence": bullets too)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦>–—►▸■□✓✔➢→‣⁃+]+|\(?\d{1,2}[.)])\s*")
# (words and the marks between them share no character: no backtracking on a long line)
_NAME_BULLET = re.compile(
    r"^\s*[-*•·▪◦]+\s*(?:[A-Z0-9][\w'’./&+-]*(?:[\s,()\u2013\u2014]+|$)){1,9}$"
)
# "backend engineer" names the role, not a skill to evidence
_ROLE_SKILLS = frozenset({"Backend Development", "Frontend Development", "Full-Stack Development"})
_ROLE_NOUNS = frozenset(
    [
        "engineer",
        "engineers",
        "developer",
        "developers",
        "team",
        "teams",
        "role",
        "position",
        "lead",
    ]
)
_HTML_HINT = re.compile(r"<\s*/?\s*(p|div|li|ul|ol|br|h[1-6]|span|strong|b|em|table|tr|td)\b", re.I)


def _strip_html(text: str) -> str:
    t = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
    t = re.sub(r"(?i)<\s*li\b[^>]*>", "\n- ", t)
    t = re.sub(r"(?i)<\s*br\s*/?>", "\n", t)
    t = re.sub(r"(?i)</\s*(p|div|li|ul|ol|h[1-6]|tr|table)\s*>", "\n", t)
    t = re.sub(r"(?i)<\s*h[1-6][^>]*>", "\n", t)
    t = re.sub(r"<[^>]+>", " ", t)
    t = html.unescape(t)
    return re.sub(r"[ \t\u00a0]+", " ", t)


def _english_share(text: str) -> float:
    toks = [t.lower for t in tokenize(text[:20_000])]
    if not toks:
        return 0.0
    return sum(t in _EN_FUNCTION for t in toks) / len(toks)


def _non_latin_share(text: str) -> float:
    letters = [c for c in text[:20_000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(not c.isascii() for c in letters) / len(letters)


_WISH_HEAD = re.compile(
    r"(?i)(?:it(?:'d|\s+would)\s+be|(?:it's|it\s+is)\s+(?:a\s+)?)\s*(?:great|nice|good|ideal|"
    r"a\s+bonus|a\s+plus|even\s+better)\s+if\s+you(?:\s+also)?\s+(?:have|had|bring|can)\b"
    r"|(?:bonus|extra)\s+points?\s+if\s+you\b"
    # "It will help if you have"
    r"|it\s+(?:will|would)\s+(?:also\s+)?help\s+if\s+you(?:\s+also)?\s+(?:have|had|bring|can)\b"
)


def _is_header(line: str) -> bool:
    """A section title: "Requirements:", "## Nice to have", "Benefits" (never a bullet item)."""
    if _BULLET.match(line) and not line.lstrip().startswith("#"):
        return False
    s = line.strip().strip("#*_/=~ ").strip()  # ("// Must have", "== Skills ==")
    # "Examples of Duties (illustrative only; any one position may not include all ...)"
    s = re.sub(r"\s*\([^)]*\)\s*(?=:?$)", "", s).strip()
    if not s:
        return False
    words = s.split()
    if s.endswith(":") and len(words) <= 8:
        return True
    # no colon: short, and it must open with a section word ("Responsibilities", "Nice-to-have")
    body = re.sub(
        r"(?i)^(our|your|the|key|additional|minimum|basic|preferred|required|examples? of)\s+",
        "",
        s,
    )
    if len(words) <= 10 and not re.search(r"[.,;]$", s) and _WISH_HEAD.match(s):
        return True  # "It would be great if you also have", a heading that is a sentence
    heads = (_HEAD_REQ, _HEAD_NICE, _HEAD_SKIP, _HEAD_DUTIES, _HEAD_TERMS)
    if s.isupper() and len(words) <= 5 and any(h.search(s) for h in heads):
        return True  # "REMUNERATION & BENEFITS": a title in capitals holds its section word
    if len(words) <= 5 and not re.search(r"[.,;]$", s) and _HEAD_PROFILE.search(s):
        return True  # "Required Candidate Profile (Must have)": an Indian job board's
    return (
        len(words) <= 5
        and not re.search(r"[.,;]$", s)
        and bool(
            _HEAD_REQ.match(body)
            or _HEAD_NICE.match(body)
            or _HEAD_SKIP.match(body)
            or _HEAD_DUTIES.match(body)
            or _HEAD_TERMS.match(body)
        )
    )


def _looks_like_heading(line: str, vocab: Vocabulary) -> bool:
    """A heading the section words don't know ("Essential", "Your toolbox"): a short capitalised
    line on its own, no bullet, no final punctuation, naming no skill (a bare "Python" line is a
    list item)."""
    s = line.strip().strip("#*_ ").strip()
    words = s.split()
    if not s or _BULLET.match(line) or not 1 <= len(words) <= 4 or not s[0].isupper():
        return False
    if re.search(r"[.,;:!?)]$", s) or any(c.isdigit() for c in s):
        return False
    return not vocab.find_mentions(s)


# "Desired Candidate Profile" (an Indian job board's), LinkedIn's "Desired Skills and
# Experience": the requirements, whatever "desired" says
_HEAD_PROFILE = re.compile(
    r"\b(?:desired|ideal)\s+(?:candidate\s+)?profile\b|\bdesired\s+skills\s+(?:and|&)\s+"
    r"(?:experience|qualifications)\b|\bcandidate\s+profile\b",
    re.I,
)
# "About Vertex", "About Kestrel Cranes": the employer, not the job ("About the role" is)
_ABOUT_EMPLOYER = re.compile(
    r"^\W*about\s+(?!you\b|yourself\b|the\s+(?:role|job|position|opportunity|candidate|person|"
    r"work)\b|this\s+(?:role|job|position|opportunity)\b|the\s+team\b|what\b)[\w&'.-]+"
    r"(?:\s+[\w&'.-]+){0,2}\W*$",
    re.I,
)
# "Closing date: midnight, Sunday 14 September", "Department: Marine Operations", "Role:
# Vessel Planner | Industry Type: Shipping": a posting's particulars, no requirement
_PARTICULARS = re.compile(
    r"^\W*(?:closing(?:\s+date)?|deadline|interviews?(?:\s+dates?)?|interview\s+date|contract(?:"
    r"\s+type)?|job\s+type|employment\s+type|department|division|industry(?:\s+type)?|"
    r"functional\s+area|role\s+category|role|reference|ref|job\s+ref|reports?\s+to|"
    r"reporting\s+to|grade|band|start\s+date|posted|date\s+posted|openings|vacancies|"
    r"working\s+pattern|hours|location|salary|pay|rate|job\s+(?:field|title|function|category)|"
    # "Terms: Permanent and Pensionable": the contract's kind, not a section of terms
    # ("Client: Leading EPC contractor | Project: Petrochemical plant expansion": a recruiter's)
    r"company|client|project|ctc|terms(?=\s*:\s*(?:permanent|contract|temporary|fixed|full|part|casual)))\s*:",
    re.I,
)


def _requirements_heading(line: str) -> bool:
    """A heading whose own words say it lists the requirements ("What you need")."""
    return _is_header(line) and _section_of(line) == "required" and bool(_HEAD_REQ.search(line))


_PURPOSE_LABEL = re.compile(
    r"^\W*(?:(?:job|role|position|post)\s+(?:purpose|summary|overview)|purpose of the "
    r"(?:job|role|post|position))\s*:\s*(?=\S)",
    re.I,
)


def _requirements_label(line: str) -> bool:
    """A "Qualifications and Experience: ..." line: a requirements section in one line."""
    lead, _, rest = line.partition(":")
    return bool(rest.strip()) and bool(_REQ_LABEL.match(_BULLET.sub("", lead).strip(" *#_-")))


_REQ_LABEL = re.compile(rf"^{_COMBINED_LABEL}$", re.I)


def _section_of(header: str) -> str:
    """skip | terms | nice | duties | required, for a line that is a section heading."""
    if _HEAD_TERMS.search(header):
        return "terms"
    if _HEAD_PROFILE.search(header):
        return "required"
    if _HEAD_SKIP.search(header) or _ABOUT_EMPLOYER.match(header):
        return "skip"
    if _HEAD_NICE.search(header):
        return "nice"
    if _HEAD_DUTIES.search(header) and not re.search(r"(?i)require|qualif|need|bring", header):
        return "duties"  # what the job does: its phrases are not requirements
    return "required"


def _unwrapped(lines: list[str]) -> list[str]:
    """Hard-wrapped prose (a JD pasted from an e-mail or a PDF) joined back into its lines: a
    line that starts in lower case goes on the one before, unless that one ended a sentence."""
    out: list[str] = []
    for ln in lines:
        if (
            out
            and out[-1]
            and ln[:1].islower()
            and not _BULLET.match(ln)
            and not re.search(r"[.:;!?]$", out[-1])
        ):
            out[-1] = f"{out[-1]} {ln}"
        else:
            out.append(ln)
    return out


def _title(lines: Sequence[str]) -> str:
    for line in lines[:5]:
        s = line.strip().strip("#*_- ").strip()
        if not s:
            continue
        m = re.match(r"(?i)(job title|title|position|role)\s*:\s*(.+)", s)
        if m:
            return m.group(2).strip()[:120]
        if len(s.split()) <= 10 and not _is_header(s) and not s.endswith("."):
            return s[:120]
        break
    text = " ".join(lines[:10])
    m = re.search(
        r"(?i)\b(?:hiring|looking for|seeking|searching for)\s+an?\s+"
        r"((?:[A-Za-z+#/.-]+\s+){0,5}?(?:engineer|developer|scientist|analyst|manager|designer|"
        r"architect|lead|specialist|consultant|administrator|intern|representative|writer|"
        r"researcher|officer|coordinator|associate))\b",
        text,
    )
    return m.group(1).strip() if m else ""


@dataclass
class _Acc:
    entry: SkillEntry
    category: str
    required: bool
    count: int
    source: str
    order: int
    min_years: float | None = None
    aliases: tuple[str, ...] = ()


def parse_jd(
    text: str,
    *,
    vocabulary: Vocabulary | None = None,
    options: JDOptions = JDOptions(),
) -> JobSpec:
    """Read a job description into weighted requirements (weights sum to 1)."""
    if not isinstance(text, str):
        raise InputError("the job description must be text")
    vocab = vocabulary or load_vocabulary()
    warnings: list[str] = []
    raw = text
    if not raw.strip():
        return JobSpec(
            title="",
            requirements=(),
            text="",
            warnings=(
                "empty job description: no requirements; the verdict uses general dimensions only",
            ),
        )
    if _HTML_HINT.search(raw):
        raw = _strip_html(raw)
        warnings.append("HTML was converted to plain text")
    if len(raw) > options.max_chars:
        cut = raw.rfind("\n", 0, options.max_chars)
        raw = raw[: cut if cut > options.max_chars // 2 else options.max_chars]
        warnings.append(
            f"job description longer than {options.max_chars} characters: only the first part "
            "was read"
        )
    # short lists ("Python, Kafka") carry no function words: only judge language on real text
    # (a bullet that is only a name: "• Texas Journeyman Plumber License")
    prose = "\n".join(ln for ln in raw[:20_000].splitlines() if not _NAME_BULLET.match(ln))
    n_tokens = len(tokenize(prose))
    english = _non_latin_share(raw) < 0.3 and (
        n_tokens < 15 or _english_share(prose) >= options.min_english
    )
    language = "en" if english else "unknown"
    if not english:
        warnings.append(
            "the job description does not look English: only known skill and tool names were "
            "matched, all taken as required"
        )
    lines = _unwrapped([ln.strip() for ln in raw.splitlines()])
    title = _title(lines) if english else ""

    nlp = None
    if options.use_spacy and english and options.unknown_skills:
        try:
            nlp = load_spacy()
        except ModelMissingError:
            warnings.append("spaCy is not installed: unknown skill names were not extracted")

    # initials this JD spells out ("magnetic particle inspection (MPI)"): its own meaning, over a
    # vocabulary entry of the same initials from another field (MPI the HPC library)
    own_terms = _own_acronyms(raw) if english else {}

    acc: dict[str, _Acc] = {}
    order = 0
    section = "neutral"
    # a JD with a requirements heading: its opening prose is about the company, and its duties
    # say what the work involves (nice to have), not what it needs
    # ("Qualifications and Experience: Bachelor's degree ...; ...": a requirements label heads
    # its line as a heading would)
    structured = english and any(
        (_is_header(ln) and not _HEAD_SKIP.search(ln) and _section_of(ln) in ("required", "nice"))
        or _requirements_label(ln)
        for ln in lines
        if ln
    )
    seen_heading = False
    # a heading no section word names ("The problem we solve") before the JD's first known
    # requirements heading is about the work, after it a part of the requirements ("Other")
    req_ahead = structured and any(_requirements_heading(ln) for ln in lines if ln)
    section_bulleted = False  # this section lists its requirements as bullets
    # a heading of its own line seen ("Job Summary"; "Qualification: BA/BSc/HND" of a job
    # board's particulars is none): the company's prose comes before one
    titled = False
    for line in lines:
        if not line or line.strip("#*_- ") == title:
            continue
        if english and _PARTICULARS.match(_BULLET.sub("", line)):
            continue
        heading = english and (_is_header(line) or _looks_like_heading(line, vocab))
        if english and not heading and (purpose := _PURPOSE_LABEL.match(line)):
            # "Job Purpose: The Terminal Duty Manager is the senior operational authority ...":
            # what the job is, in a line of its own
            seen_heading, section, section_bulleted = True, "duties", False
            line = line[purpose.end() :]
        if structured and not seen_heading and not heading:
            if not _requirements_label(line):
                continue  # the opening prose about the company
            seen_heading = True
        if heading:
            seen_heading = True
            section_bulleted = False
            if _is_header(line):
                section = _section_of(line)
                req_ahead = req_ahead and not _requirements_heading(line)
            elif _ABOUT_EMPLOYER.match(line):
                section = "skip"
            else:
                section = "duties" if req_ahead else "required"
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if not rest:
                titled = True
                continue
            line = rest
        if section == "skip":
            continue
        lead = line.split(":", 1)[0] if ":" in line else ""
        if lead and len(lead.split()) <= 4 and _HEAD_SKIP.search(lead):
            continue  # "Benefits: hybrid work, learning budget" in a section of its own
        # "UG: B.Sc in Agriculture" / "PG: M.Sc ...": a degree's level, tagged (Indian boards)
        line = re.sub(r"^(\W*)(?:UG|PG|Doctorate)\s*:\s*", r"\1", line)
        lead = line.split(":", 1)[0] if ":" in line else ""
        line_section = section
        terms = section == "terms"
        if lead and _LABEL.match(_BULLET.sub("", lead).strip(" *#_-")):
            # "- Education: Bachelor's degree in ...": the label names no requirement
            bullet = _BULLET.match(line)
            line = (bullet.group(0) if bullet else "") + line.split(":", 1)[1].strip()
            # "Education: UG: B.Sc. Nautical Science | PG: MBA (preferred)": the levels' tags
            line = re.sub(r"\b(?:UG|PG|Doctorate)\s*:\s*", "", line)
            lead = ""
        if lead and len(lead.split()) <= 4 and _HEAD_TERMS.search(lead):
            terms = True  # "SPECIAL REQUIREMENTS: Work evenings, weekends ..."
            line = line.split(":", 1)[1].strip()
        if terms:
            line_section = "required"  # read as requirements, but see below
        labelled = bool(lead and _INLINE_SECTION.match(lead.strip(" *#_-")))
        if labelled:
            # "Preferred: SOCRA certification; oncology experience": this line's section
            line_section = _section_of(lead)
            line = line.split(":", 1)[1].strip()
            line = line[:1].upper() + line[1:]  # "MUST HAVE: solid understanding of ...": an item
        bulleted = bool(_BULLET.match(line))
        # "We're a team of 40 ... Hybrid, three days on-site." after a section's bullets: prose
        # ("MUST HAVE: hands-on use of LiveU ...": a label lists its line)
        listed = (
            bulleted or labelled or (line_section in ("required", "nice") and not section_bulleted)
        )
        section_bulleted = section_bulleted or bulleted
        body = _BULLET.sub("", line).strip() or line
        before = {k: a.count for k, a in acc.items()}
        sents = _sentences(body)
        semis: set[str] = set()  # the items of a semicolon list
        if listed:
            # "experience with the informed consent process; experience preparing IRB
            # submissions; ...": each item of a semicolon list is a listed requirement (a
            # sentence beside them without one is still a sentence)
            parts = []
            for t in sents:
                items = [x.strip() for x in t.split(";") if x.strip()]
                items = [x[:1].upper() + x[1:] for x in items] if len(items) > 1 else items
                parts += items
                semis.update(items if len(items) > 1 else ())
            sents = parts
        for sent in sents:
            semicolon_items = sent in semis
            if _OFFER.search(sent):
                continue
            if terms and not (
                _TERMS.search(sent)
                or _FALLBACK_CREDENTIAL.search(sent)
                or vocab.find_mentions(sent)
            ):
                # "Exposure to hazardous materials ...", "Participation in standby rotation":
                # a term of work in words the term rules don't know, no skill
                if name := _term_of_work(sent):
                    entry = SkillEntry(name=name, category="condition")
                    order = _add(acc, entry, "condition", not _nice_listed(sent), sent, order)
                continue
            before_sent = {k: a.count for k, a in acc.items()}
            if (
                (not structured or not titled)
                and _COMPANY_TALK.search(sent)
                and not _ASKS_CUE.search(sent)
            ):
                continue  # "Our patient app (iOS and Android) delivers ...": the product
            # a prose sentence in a listed section ("Lakeshore offers tuition remission, a
            # pension plan ...") names no requirement by its leading phrase
            # (a line of its own that ends without a full stop, under a requirements heading
            # without bullets, is an item too: "Strong draftsmanship and the ability to draw
            # on-model in a variety of styles")
            item = (
                bulleted
                or semicolon_items
                or len(sent.split()) <= 10
                or (listed and len(sents) == 1 and not body.rstrip().endswith("."))
                or (labelled and len(sents) == 1)
            )
            sent_nice = english and bool(_NICE_CUE.search(sent))
            clauses = [sent]
            if sent_nice:  # "Java; Scala preferred", "Python, Kafka is a plus": the cue's part only
                clauses = _NICE_SPLIT.split(sent)
            preferred_example = False
            if (
                len(clauses) == 1
                and sent_nice
                and (cue := _NICE_FORWARD.search(sent))
                # "Understanding of register allocation, ideally on VLIW targets"
                and (
                    vocab.find_mentions(sent[: cue.start()])
                    or sent[: cue.start()].rstrip().endswith(",")
                    # "two to six years of geotechnical consulting experience, including ...
                    # SPT and ideally CPT": the years before the cue stay required
                    or _YEARS.search(sent[: cue.start()])
                )
            ):
                # "CI/CD pipelines, ideally with GitHub Actions": only what follows is optional;
                # "an EDC system, ideally Medidata Rave": the name is the preferred example
                preferred_example = bool(_PREFERRED_EXAMPLE.match(sent[cue.start() :]))
                if not preferred_example:
                    clauses = [sent[: cue.start()], sent[cue.start() :]]
            for clause in clauses:
                cued = (
                    bool(_NICE_CUE.search(clause) or _NICE_FORWARD.search(clause))
                    if len(clauses) > 1
                    else sent_nice and not preferred_example
                )
                nice = (
                    cued
                    or line_section == "nice"
                    or (structured and section == "duties" and not labelled)
                )
                required = not nice
                if english and item and (paper := _paper_of_body(clause)):
                    # "Current registration in good standing with the College of ... (CMRITO) as
                    # an MRT(T)": one paper, not its body, its words and its letters apart
                    order = _add(acc, paper, "education", required, sent, order)
                    continue
                mentions = _without_context(
                    clause,
                    [
                        _own_meaning(m, own_terms)
                        for m in vocab.find_mentions(clause)
                        if _keep(m, clause) and vocab.in_context(m, raw)
                    ],
                )
                spans = _years(clause, mentions)
                phrase = None
                also: list[SkillEntry] = []  # terms the vocabulary does not know, beside it
                if (
                    english
                    and options.phrase_skills
                    and listed
                    and item
                    and line_section in ("required", "nice")
                    and not spans
                ):
                    collab = _collaboration(clause, mentions)
                    if collab is not None:
                        phrase, mentions = collab
                    else:
                        phrase = _phrase_skill(clause, mentions, nlp)
                    for conj in _conjunct_phrases(clause, mentions, phrase, nlp):
                        also.append(SkillEntry(name=conj, category="skill"))
                    for name, acr, start in _acronym_definitions(clause, mentions):
                        if phrase is not None and start < phrase.end:
                            phrase = None  # "implementing physically based rendering (PBR)"
                        # "Valid registration as a Registered Dietitian (RD)": a credential
                        paper = _PAPER_LEAD.match(clause.lstrip(" -*\u2022\t"))
                        cat = "education" if paper else "skill"
                        also.append(SkillEntry(name=name, category=cat, aliases=(acr,)))
                    if reg := _BODY_REGISTERED.match(clause):
                        # "Gas Safe registered with current ACS certificates - ...", "HCPC
                        # registered": a registration held, said by its register's name too
                        body = reg.group(1)
                        if phrase is not None and phrase.name.lower().startswith(body.lower()):
                            phrase = None
                        also.append(
                            SkillEntry(
                                name=f"{body} registration",
                                category="education",
                                aliases=(f"{body} registered", body),
                            )
                        )
                edu_seen = False
                degree_line = bool(_DEGREE_FIELD.search(clause))
                role_only = _experience_only(clause, mentions) if spans else set()
                # products the vocabulary does not know ("B.S. in Civil Engineering": the
                # degree's field names none)
                unknown = (
                    _unknown_skills(clause, mentions, vocab, nlp, listed=listed, raw=raw)
                    if english and options.unknown_skills and not degree_line
                    else []
                )
                if phrase is not None and any(
                    phrase.name in n.split(" or ") for n in unknown if " or " in n
                ):
                    phrase = None  # "HEC-RAS or EPA SWMM": the phrase is the first of either
                entries = _requirements_of(clause, mentions, phrase)
                entries += [e for e in also if e.name not in {x.name for x in entries}]
                folded_terms = {a for e in entries for a in e.aliases}
                for e in entries:
                    if degree_line and e.category in ("skill", "domain"):
                        continue  # "MS in bioinformatics or a related field": the degree's field
                    if e.category == "education" and _DEGREE.search(e.name):
                        if edu_seen:  # "BS in Computer Science": one degree requirement
                            continue
                        edu_seen = True
                        field = _degree_field(clause) if _BARE_DEGREE.fullmatch(e.name) else None
                        if field:
                            # "Bachelor's Degree in Civil or Structural Engineering"
                            # (said by its field too: "Zoology degree at Aberdeen")
                            said = [
                                x
                                for f in _degree_fields(field)
                                for x in (f"{f} degree", f"degree in {f}")
                            ]
                            e = _with_aliases(
                                replace(e, name=f"{e.name} in {field}"), [e.name, *said]
                            )
                    if e.name in role_only:
                        continue
                    # (after folded_terms was read: the words stay folded, not unknown names)
                    e = _paper_words_off(e, clause)
                    if (
                        e.category == "skill"
                        and vocab.get(e.name) is None
                        and _CONDITION.search(e.name)
                    ):
                        continue  # "... driver's licence and reliable transport": no skill
                    order = _add(acc, e, e.category, required, sent, order)
                for yrs, subject, field in spans:
                    # a field the vocabulary does not know only names the requirement: claimed
                    # years are read against the role, as without one
                    name = (
                        f"{yrs:g}+ years experience with {subject.name}"
                        if subject
                        else f"{yrs:g}+ years {field or 'of experience'}"
                    )
                    entry = SkillEntry(
                        name=name,
                        category="experience",
                        aliases=subject.terms if subject else (),
                    )
                    order = _add(acc, entry, "experience", required, sent, order, min_years=yrs)
                for name in unknown:
                    if set(name.split(" or ")) <= folded_terms:
                        # "CDISC standards (CDASH, SDTM)": an example, kept as alias; so are
                        # both of "830E/930E or CAT 789/793/797"
                        continue
                    if phrase is not None and name in re.split(r"[\s/]+", phrase.name):
                        continue  # "AE/SAE reporting": a part of the phrase's name
                    # "CVT, LVT or RVT credential": names of credentials
                    cat = "education" if _CREDENTIAL_WORD.search(clause) else "tool"
                    either = name.split(" or ")  # "HEC-RAS or EPA SWMM": each will do
                    short = [a for x in either for a in _short_names(x)]
                    entry = SkillEntry(
                        name=name,
                        category=cat,
                        aliases=(*short, *either) if len(either) > 1 else tuple(short),
                    )
                    order = _add(acc, entry, cat, required, sent, order)

            if (
                semicolon_items
                and not bulleted  # a bullet's own parts are read together (see below)
                and english
                and options.phrase_skills
                and line_section in ("required", "nice")
                and not _fresh(acc, before_sent)
                and (fallback := _bullet_requirement(sent))
            ):
                # "Knowledge of: indicators of child abuse and neglect; ...": an item of a
                # semicolon list no rule read is a listed requirement in the JD's words
                name, cat = fallback
                nice = line_section == "nice" or _nice_listed(sent)
                order = _add(acc, SkillEntry(name=name, category=cat), cat, not nice, sent, order)
            # (a short sentence of prose is no list item: "Must be 21 or older.")
            prose = not item or not listed
            if english and options.phrase_skills and prose and line_section != "skip":
                # "You should be comfortable designing shallow and deep foundations, running
                # slope stability analyses ...": the practices a prose sentence asks for
                for seg, seg_nice in _prose_asks(sent) + _prose_list(sent):
                    ms = [m for m in vocab.find_mentions(seg) if _keep(m, seg)]
                    phrase = _phrase_skill(seg, ms, nlp)
                    if phrase is None or phrase.gerund or phrase.credential:
                        continue
                    if (
                        nlp is not None
                        and not _ends_in_noun(phrase.name, nlp)
                        # ("SyncOnSet": a product's own spelling is a name)
                        and not re.search(r"[a-z][A-Z]|^[A-Z0-9]{2,}$", phrase.name.split()[-1])
                    ):
                        continue  # "Developing Measurable": cut before its noun
                    extra = [
                        *_nominal_aliases(phrase.name),
                        *_core_alias(phrase.name),
                        *_products_after(seg, phrase.name),
                    ]
                    entry = SkillEntry(
                        name=phrase.name,
                        category="skill",
                        aliases=tuple(dict.fromkeys([*phrase.aliases, *extra])),
                    )
                    nice = seg_nice or line_section == "nice" or bool(_NICE_OPENING.match(sent))
                    order = _add(acc, entry, "skill", not nice, sent, order)
                for name, cat in _expected_of_you(sent):
                    if vocab.find_mentions(name):
                        continue  # the vocabulary's name for it is already there
                    nice = (
                        line_section == "nice"
                        or (structured and section == "duties")
                        or bool(_NICE_CUE.search(sent))
                    )
                    # "Registered Environmental Health Specialist (REHS)": said by its initials
                    acr = _ACRONYMED.search(name)
                    entry = SkillEntry(
                        name=_ACRONYMED.sub("", name),
                        category=cat,
                        aliases=(
                            *((acr.group(1),) if acr else ()),
                            *_products_after(sent, name),
                            *_registered_body(name),
                        ),
                    )
                    order = _add(acc, entry, cat, not nice, sent, order)
            order = _whole_laws(
                acc,
                before_sent,
                sent,
                order,
                raw=raw,
                listed=listed and line_section in ("required", "nice"),
                required=line_section == "required" and not sent_nice,
            )

        fresh = _fresh(acc, before)  # what the rules above read from this line
        fallback = None
        if (
            english
            and options.phrase_skills
            and (bulleted or labelled)  # ("MUST HAVE: ...": a labelled line is an item too)
            and line_section in ("required", "nice")
            and not fresh
            and (fallback := _bullet_requirement(body))
        ):
            # "- Understanding of coordinate systems, datums and projections": a listed
            # requirement the rules above read nothing from is still one, in the JD's words
            # (beside a soft skill they read, its words mostly say the same: "Communicate
            # results to non-technical audiences")
            name, cat = fallback
            nice = line_section == "nice" or _nice_listed(body)
            # "branching-dialogue tools such as articy:draft, Ink, Yarn Spinner": the products
            # it gives as examples name it too
            examples = [
                x
                for z0, z1, _ in (_example_zones(body) if cat != "condition" else ())
                for x in _example_names(body[z0:z1], [], z0)
                # ("NetLine/Load": a word the JD says in lower case elsewhere names nothing)
                if " " in x or not re.search(rf"\b{re.escape(x.lower())}\b", raw)
            ]
            # "installing and working from edge protection, static lines and fall-arrest
            # harness systems": each thing it works with names it ("get the edge protection up")
            examples += _listed_objects(body) if cat == "skill" else []
            entry = SkillEntry(name=name, category=cat, aliases=tuple(dict.fromkeys(examples)))
            order = _add(acc, entry, cat, not nice, body, order)
        if (
            english
            and options.phrase_skills
            and (bulleted or labelled)
            and line_section != "skip"
            # "- Availability for rotating evenings and weekends; ability to stand ...": after
            # a term of work read whole, the next one too
            and (fallback is None or fallback[1] == "condition")
        ):
            # "- Monitor systems with Prometheus and Grafana, ..., and take part in a weekly
            # on-call rotation": a term of work at the end of a line the rules read tools from
            # (a term of work among the duties is one of the job's too)
            for piece in _TERM_CLAUSE.split(body)[1:]:
                if _TERMS.search(piece) and not vocab.find_mentions(piece):
                    found = _bullet_requirement(piece)
                    if found is not None and found[1] == "condition":
                        nice = line_section == "nice" or _nice_listed(piece)
                        entry = SkillEntry(name=found[0], category="condition")
                        order = _add(acc, entry, "condition", not nice, body, order)

    reqs = _weigh(list(acc.values()), options)
    reqs = _spelled_out(_said_by_initials(reqs, raw), raw)
    reqs = _parts_said_alone(_credentials_said_short(reqs))
    if len(reqs) > options.max_requirements:
        warnings.append(
            f"{len(reqs)} requirements found: only the {options.max_requirements} heaviest kept"
        )
        reqs = sorted(reqs, key=lambda r: -r.weight)[: options.max_requirements]
        reqs = _normalize(reqs)
    if not reqs:
        warnings.append("no requirements recognised: edit the JD or the skills vocabulary")
    return JobSpec(
        title=title,
        requirements=tuple(reqs),
        text=raw.strip(),
        language=language,
        warnings=tuple(warnings),
    )


# "Expert-level proficiency in ...": a level said with a hyphen ("gate-level simulation" is
# a practice)
_LEVEL = r"(?:expert|advanced|intermediate|entry|senior|professional|high|basic|working)-level"
_FALLBACK_LEAD = re.compile(
    r"^(?:you(?:'ve| have| are|'re)?\s+)?(?:(?:a|an|the)\s+)?"
    r"(?:(?:minimum|at least)(?:\s+of)?\s+)?"
    # "Time on Favco M440D / M760D cranes": the cranes are what it names, not "Time"
    r"(?:(?:some|previous|prior|any)\s+)?(?:time\s+(?:spent\s+)?(?:on|with|in|using)\s+"
    r"(?:the\s+|a\s+|an\s+)?)?"
    # "Hold a current Washington RN license": the credential is what is held
    r"(?:(?:hold|have|possess|obtain)\s+(?=(?:a|an|the|current|valid|your)\b))?"
    # "Proficient use of electronic patient records": what is used
    r"(?:(?:competent|confident|proficient|effective|safe|skilled)\s+use\s+of\s+)?"
    # "Must obtain state telecommunicator certification within 12 months of hire"
    r"(?:must\s+(?:be\s+able\s+to\s+)?(?:obtain|hold|have|possess)\s+)?"
    # "hold, or be able to obtain before your first mobilisation, STCW Basic Safety Training"
    r"(?:(?:hold|have|possess)\s*,?\s+or\s+be\s+able\s+to\s+(?:obtain|get|acquire)\b"
    r"[^,]{0,60},\s+)?"
    r"(?:(?:a|an|the)\s+)?"
    r"(?:(?:strong|solid|excellent|proven|good|deep|practical|sound|demonstrated|demonstrable|"
    r"basic|"
    rf"thorough|current|clear|(?-i:high)|hands-on|prior|previous|strict|{_LEVEL}|"
    # "Field experience of otter ... survey methods": where the experience was had
    r"(?:field|clinical)(?=\s+experience)|"
    # "Working with the capital commitment desk" is a practice; "working knowledge" a lead
    r"working(?=\s+(?:knowledge|understanding|familiarity|proficiency)))\s*,?\s+)*"
    r"(?:(?:experience|knowledge|understanding|familiarity|proficiency|command|grasp|"
    r"competence|background|comfort|adherence|commitment)\s+(?:(?:with|in|of|on|to)\s+"
    # "Proficiency in at least one departure control system"
    r"(?:the\s+|a\s+|an\s+|at\s+least\s+one\s+|one\s+or\s+more\s+)?"
    r"|(?:as\s+an?\s+)|(?=[a-z]+ing\b))"
    r"|(?:the\s+)?(?:demonstrated\s+)?(?:ability|able)\s+to\s+)?",
    re.I,
)
_FALLBACK_CUT = re.compile(
    r"\s*(?:[;:]|\((?![^)]*\)\s*\w)|,?\s+(?:including|such as|for example|ideally|"
    r"preferably|according to|as well as|within)\b|,?\s+e\.g\.|\s[-\u2013\u2014]\s)",
    re.I,
)
_FALLBACK_BREAK = re.compile(
    r",?\s(?:(?:together|along) with|with|for|to|from|using|at|in|on|per|by|before|after|when|"
    r"while|within|across|"
    r"and)\s|,\s",
    re.I,
)
_FALLBACK_TAIL = re.compile(
    r"(?:\s+(?:and|or|experience|skills?|knowledge|a|an|the|or\s+(?:the\s+)?equivalent))+$", re.I
)
# how a sentence says a thing is demanded: "... is required", "... is a must"
_DEMANDED = r"required|a\s+must|a\s+condition\s+of\s+employment|essential"
# "Eligibility to work in New Zealand", "Legal right to work in the UK"
_WORK_RIGHT_WORDS = r"(?:right|eligib\w*|entitled)\s+to\s+work"
# terms of work a JD lists among its requirements (see _bullet_requirement)
_TERM_WORDS = (
    # ("lift plans", "lifting equipment": a crane's work, no weight the candidate carries)
    r"lift(?:ing)?(?!\s+(?:plans?|charts?|stud(?:y|ies)|stations?|operations?|supervisors?|"
    r"equipment|gear|design|capacit(?:y|ies)))|"
    r"stand(?:ing)? for|pounds|lbs|travel|relocat\w*|commute|driver'?s|"
    r"authori[sz]ed|authori[sz]ation|visa|citizen\w*|clearance|background|"
    # "satisfactory Garda vetting", "an enhanced DBS check", "a police check"
    r"vetting|(?:dbs|police|criminal\s+records?|disclosure(?:\s+scotland)?|pvg)\s+"
    r"(?:check|clearance|certificate|scheme)s?|"
    r"drug[- ](?:test|screen)\w*|vaccinat\w*|"
    # "Ability to pass a pre-employment medical, including drug and alcohol screening"
    r"pre-employment\s+medical|medical\s+(?:exam\w*|assessment|clearance)|"
    r"drug\s+and\s+alcohol\s+(?:test\w*|screen\w*)|"
    r"overtime|weekends?|shifts?|on[- ]call|schedule|on-site|onsite|in-person|english|"
    r"transport(?:ation)?(?!\s+(?:planning|management|engineering|operations|logistics|"
    r"model\w*|systems?|law|regulations?))|(?:working|work)\s+rights|"
    r"physical\w*|climb\w*|heights?|wear|tool set|tools? of your own|"
    # "Reliable internet connection (minimum 50 Mbps) and backup power for WFH days"
    r"(?:reliable|stable|fast|high-speed)\s+internet|internet\s+connection|backup\s+power|"
    # "Professional liability insurance": cover held, not a skill
    r"(?:liability|indemnity|malpractice)\s+(?:insurance|cover)|"
    r"own (?:basic\s+)?(?:hand\s+)?tools?|years\s+of\s+age|years\s+old|or\s+older|vehicles?|"
    r"passports?|ladders?|rooftops?|availability|available|"
    # "Willingness to work a rotating 24/7 roster", "to spend 20-45 consecutive days at sea"
    r"roster|rota|at\s+sea|"
    # "Can start ASAP", "Immediate joiners preferred", "Willing to work in Batangas City"
    r"start\s+(?:asap|immediately|right\s+away|at\s+once)|immediate\s+(?:start|joiners?|joining)|"
    r"(?:willing(?:ness)?|able)\s+to\s+(?:work|be\s+based)\s+(?:in|at|from|out\s+of)|"
    rf"{_WORK_RIGHT_WORDS}|work\s+permit"
)
# pay, perks and traits: no requirement at all
_NOT_TERM_WORDS = r"salary|benefits?|passion\w*|enthusias\w*|eager\w*|desire"
_TERMS = re.compile(rf"\b(?:{_TERM_WORDS})\b", re.I)
_NOT_TERMS = re.compile(rf"\b(?:{_NOT_TERM_WORDS})\b", re.I)
# what a fallback phrase never names a skill by: terms of work, pay and perks, and the rest of
# what a posting says about the job ("hybrid", "visa sponsorship", "willing to")
_FALLBACK_SKIP = re.compile(
    rf"\b(?:{_TERM_WORDS}|{_NOT_TERM_WORDS}|drug|CDL|sponsorship|hybrid|remote|willing\w*)\b",
    re.I,
)
# where a line goes on to a term of work: "..., and take part in a weekly on-call rotation"
_TERM_CLAUSE = re.compile(
    r";\s*|,?\s+and\s+(?=(?:to\s+)?(?:take part|join|participate|work|be available|be able)\b)",
    re.I,
)
_KNOW_LEAD = re.compile(
    r"^(?:(?:a|an)\s+)?(?:\w+\s+)?(?:experience|knowledge|understanding|familiarity|"
    r"proficiency|track record)\b",
    re.I,
)
_MUST_LEAD = re.compile(r"^(?:must\s+)?(?:be\s+)?(?:able\s+to\s+)?", re.I)
_TICKET_END = re.compile(r"\b(?<!driver's )(?<!drivers )(?:ticket|card)s?$", re.I)
_FALLBACK_CREDENTIAL = re.compile(
    r"\b(?:credential|licen[cs]e|licensure|certification|certificate|designation|graduat\w+|"
    r"degree|diploma|accredited|registrations?|completion of|award)",
    re.I,
)


def _fresh(acc: dict[str, _Acc], before: dict[str, int]) -> list[_Acc]:
    """The requirements added or named again since the ``before`` counts."""
    return [a for k, a in acc.items() if a.count != before.get(k, 0)]


_DEMAND_TAIL = re.compile(
    rf"\s+(?:(?:is|are)\s+)?(?:also\s+)?(?:strongly\s+)?(?:{_DEMANDED}|preferred|mandatory)\b"
    r"(?:\s*\([^)]*\))?\W*$",
    re.I,
)


def _bullet_requirement(body: str) -> tuple[str, str] | None:
    """A listed requirement in the JD's own words, when no rule read a skill from it: its
    lead ("Understanding of", "The ability to") off, cut before examples and after about eight
    words at a phrase boundary. None for terms of work ("Ability to lift 35 pounds")."""
    if _OFFER.search(body):
        return None
    sentence = _sentences(body)[0] if body.strip() else body
    text = _FALLBACK_LEAD.sub("", sentence.strip(" .")).strip()
    # "Valid passport required", "Use of a personal vehicle is required (mileage ...)"
    text = _DEMAND_TAIL.sub("", text).strip() or text
    # ("Keen to progress to L3": a wish)
    if re.match(r"(?:like|love|enjoy|want|thrive|care|keen|eager|happy)\b", text, re.I):
        return None  # "You like a fast pace": a trait, not a requirement to evidence
    cut = _FALLBACK_CUT.search(text)
    text = text[: cut.start()] if cut else text
    # "STCW Basic Safety Training (or the Transport Canada equivalent: ...)": cut inside its aside
    text = re.sub(r"\s*\([^)]*$", "", text)
    # "A track record of planning international travel", "Familiarity with FSMA transportation
    # rules": knowledge of the words, no term of work
    if _FALLBACK_SKIP.search(text) and not _KNOW_LEAD.match(sentence.strip()):
        # "Able to lift 50 lbs", "Must pass a DOT drug screen": a term of work the interview
        # confirms (category "condition", weight 0), not a skill to evidence; pay, perks and
        # traits ("Passion for food") are none
        if not _TERMS.search(text) or _NOT_TERMS.search(text):
            return None
        text = _MUST_LEAD.sub("", text).strip()
        text = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,.-")
        if len(text.split()) > 10:
            text = " ".join(text.split()[:10]).rstrip(" ,")
            # "... to lift and move baggage of up to": the cut ends on a word, not "of up to"
            text = re.sub(
                r"(?:,?\s+(?:of|up|to|for|with|in|on|at|by|the|a|an|and|or|ability))+$", "", text
            )
        text = re.sub(r"(?:,\s*|\s+)(?:and|or)$", "", text)  # "..., and" cut before its verb
        # "Current Working at Heights ticket": a ticket held, not a term of the work
        cat = "education" if _TICKET_END.search(text) else "condition"
        return text[:1].upper() + text[1:], cat
    # "in a regulated (GxP) environment": an aside inside the phrase goes, the phrase stays
    text = re.sub(r"\s*\([^)]*\)", "", text)
    if len(text.split()) > 10:
        # the first preposition after the phrase's head, else the last comma within reach
        breaks = [
            m
            for m in _FALLBACK_BREAK.finditer(text)
            if 3 <= len(text[: m.start()].split()) <= 8
            # "a book of 20 to 25 accounts": a range, not a phrase boundary
            and not (text[: m.start()][-1:].isdigit() and text[m.end() :][:1].isdigit())
            # "read and work to lift plans, load charts and wind limits": verbs, no name yet
            and not _VERB_PAIR.fullmatch(text[: m.start()].strip())
        ]
        preps = [m.start() for m in breaks if m.group(0).strip(" ,") not in ("", "and")]
        commas = [m.start() for m in breaks if m.group(0).strip(" ,") in ("", "and")]
        # (else a boundary a little further on: "Certificate of completion of FHWA-NHI-130055
        # Safety Inspection of In-Service Bridges | at time of application")
        late = [
            m.start()
            for m in _FALLBACK_BREAK.finditer(text)
            if 8 < len(text[: m.start()].split()) <= 12
        ]
        text = text[
            : (preps[:1] or commas[-1:] or late[:1] or [len(" ".join(text.split()[:8]))])[0]
        ]
    text = _FALLBACK_TAIL.sub("", text.strip(" ,.-")).strip(" ,.-")
    content = [w for w in re.findall(r"[A-Za-z][\w/+-]*", text) if w.lower() not in _SMALL]
    if len(content) < 2:
        return None
    cat = "education" if _FALLBACK_CREDENTIAL.search(text) else "skill"
    if not any(c.isupper() for c in text.split()[0][1:]):  # "iTero" stays as written
        text = text[:1].upper() + text[1:]
    return text, cat


# a list of three or more things of a few words each that ends a line, after a preposition
_OBJECT_LIST = re.compile(
    r"\b(?:from|with|on|of|using|in)\s+(?P<items>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*"
    r"(?:,\s*(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)+,?\s+(?:and|or)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\W*$"
)


def _listed_objects(body: str) -> list[str]:
    """The things a listed requirement's practice works with, when it ends in a list of them."""
    m = _OBJECT_LIST.search(body.strip())
    if m is None:
        return []
    items = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("items"))
    if any(re.match(r"(?:including|such|especially|e\.g)\b", x) for x in items):
        return []  # "... callout, including storms, nights, weekends": an aside, no objects
    items = [re.sub(r"^(?:a|an|the)\s+", "", x) for x in items]
    return [x for x in items if x and x not in _SMALL]


def _term_of_work(sent: str) -> str | None:
    """A sentence under a terms-of-work heading in a few words ("Exposure to hazardous
    materials, unsanitary conditions and inclement weather"); None for pay and perks."""
    if _OFFER.search(sent) or _NOT_TERMS.search(sent):
        return None
    text = _MUST_LEAD.sub("", sent.strip(" .;")).strip()
    text = _DEMAND_TAIL.sub("", text).strip() or text
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,.-")
    words = text.split()
    if len(words) < 2:
        return None
    text = " ".join(words[:12]).rstrip(" ,")
    return text[:1].upper() + text[1:]


# a prose sentence that asks for practices: "You should be comfortable designing ...",
# "including hands-on time logging borings ...", "experience building ..."
_PROSE_ASK = re.compile(
    r"\b(?:you should be|you'll be|you are|you're|be)\s+(?:\w+\s+)?(?:confident|comfortable|"
    r"proficient|skilled|experienced|fluent|at home)\s+(?:(?:with|in|at)\s+)?|"
    r"\b(?:including|with)\s+(?:hands-on\s+|practical\s+|direct\s+)?(?:time|experience)\s+|"
    r"\b(?:experience|background|track record)\s+(?:in\s+)?(?=[a-z]+ing\b)|"
    r"\b(?:which|that)\s+includes?\s+(?=[a-z][a-z-]*ing\b)|"
    r"\b(?:knowledge|grasp|command|understanding|mastery)\s+of\s+|"
    # "you know your way around Encompass"
    r"\bknow\s+(?:your|their)\s+way\s+around\s+|"
    # "You should understand the brewing process (mashing, lautering, ...)"
    # "You understand the IHO S-44 standards"
    r"\byou\s+(?:(?:should|must|need\s+to|will\s+need\s+to)\s+)?(?:fully\s+|also\s+)?"
    r"understand\s+",
    re.I,
)
_NOT_GERUND = frozenset(
    ["including", "during", "bring", "anything", "something", "everything", "nothing", "thing",
     "things", "king", "spring", "string", "strings", "morning", "evening", "ongoing",
     "according", "following", "leading", "existing", "engineering", "accounting", "pricing",
     "nursing", "marketing", "training", "funding", "setting", "meeting"]
)  # fmt: skip
_GERUND_START = re.compile(
    r"(?:(?:and|or|with|ideally|preferably|also)\s+)*(?P<g>[a-z][a-z-]*ing)\b"
)


_ASK_AGAIN = re.compile(
    r"\s*(?:and\s+)?(?:skilled|comfortable|confident|proficient|experienced|fluent|familiar|"
    r"competent|at\s+home)\s+(?:(?:with|in|at|using)\s+(?=\w))?",
    re.I,
)
# an item of a list of named things: "the land registration system", "stamp duty and Local
# Property Tax requirements" (not "with emphasis on ...", nor "defensible reports")
_NEXT_ITEM = re.compile(
    r"\s*(?:(?:and|or)\s+)?(?:(?P<named>(?:the|a|an|its|their|our)\s+\S|[A-Z0-9])"
    r"|(?!(?:with|for|including|such|especially|particularly|which|that|where|who|as|from|to|"
    r"in|on|at|by|ideally|preferably|plus|but)\b)[a-z][\w'-]*(?:\s+\S+){2})"
)


def _prose_asks(sent: str) -> list[tuple[str, bool]]:
    """The practices a prose sentence asks for, each as a clause that starts with its gerund
    ("Designing shallow and deep foundations"), and whether it is optional (a nice-to-have cue
    just before it, "and ideally running ...", or after them all, "... is a plus")."""
    out: list[tuple[str, bool]] = []
    for cue in _PROSE_ASK.finditer(sent):
        base = cue.end()
        stop = re.search(r"[.;:](?:\s|$)|$", sent[base:])
        rest = sent[base : base + (stop.start() if stop else len(sent) - base)]
        # a new practice starts at a gerund after a comma, a dash or "and": "designing X,
        # running Y in Slide2, SLOPE/W or a comparable package, and writing clear, defensible
        # reports"
        cuts = [0] + [m.end() for m in re.finditer(r",\s+|\s+[\u2014\u2013]\s+|\s+(?=and\s)", rest)]
        segs: list[tuple[int, int, int]] = []  # (piece start, gerund start, end)
        # "be confident in food and wine pairing", "knowledge of the classic regions": after a
        # preposition, what is asked may be named by a noun
        noun_first = bool(
            re.search(r"\b(?:with|in|of|at|around|understand)\s+$", cue.group(0), re.I)
        )
        extend = True  # a piece that names no new practice goes on the last one
        for a, b in itertools.pairwise([*cuts, len(rest)]):
            piece = rest[a:b]
            if re.match(r"to\s", piece):
                extend = False  # "..., to read DU findings": a new ask, not this one's words
            # "fluent in interpreting NWP output, skilled in using radar data ...": the next
            # ask, after its own lead
            again = _ASK_AGAIN.match(piece) if a > 0 else None
            if again:
                piece = " " * again.end() + piece[again.end() :]
            g = _GERUND_START.match(piece.lstrip())
            if (
                g
                and g.group("g").lower() not in _NOT_GERUND
                and (len(g.group("g")) > 5 or g.group("g").lower() == "using")
            ):
                lead = len(piece) - len(piece.lstrip())
                # "confident using SyncOnSet or a similar platform": what is used is the skill
                at = g.end("g") + 1 if g.group("g").lower() == "using" else g.start("g")
                segs.append((a, a + lead + at, b))
                extend = True
            elif (
                (a == 0 and noun_first and re.match(r"(?:the\s+)?[a-zA-Z0-9]", piece))
                or (
                    # "knowledge of the Conditions of Sale, the land registration system, the
                    # Family Home Protection Act ...": each item of the list it goes on to
                    a > 0
                    and (noun_first or again)
                    and (m := _NEXT_ITEM.match(piece))
                    # after a bare "and" ("NWP and ensemble output"), only a named thing starts one
                    and (rest[:a].rstrip().endswith((",", "\u2014", "\u2013")) or m.group("named"))
                )
            ):
                lead = len(piece) - len(re.sub(r"^\s*(?:(?:and|or)\s+)?(?:the\s+)?", "", piece))
                segs.append((a, a + lead, b))
                extend = True
            elif segs and extend and not re.search(r"[\u2014\u2013]", rest[segs[-1][1] : a]):
                segs[-1] = (segs[-1][0], segs[-1][1], b)  # "clear, defensible reports"
        if not segs:
            continue
        tail = rest[segs[-1][2] :] + sent[base + len(rest) :]
        last = rest[segs[-1][1] : segs[-1][2]]
        late = _NICE_CUE.search(last)
        if (
            late
            and not _NICE_FORWARD.match(late.group(0))  # "with SPT and ideally CPT"
            and len(last[late.end() :].split()) <= 2
            and len(last[: late.start()].split()) > 1
        ):
            # "Experience drilling test pits, and ideally logging borings, is a plus": all
            # of it is optional
            cut = re.search(r",?\s+(?:(?:is|are|would be)\s+)?$", last[: late.start()])
            a, g, _ = segs[-1]
            segs[-1] = (a, g, g + (cut.start() if cut else late.start()))
            tail = last[late.start() :]
        for a, g, b in segs:
            x = rest[g:b].strip(" ,\u2014\u2013")
            nice = bool(_NICE_CUE.search(rest[a:g]) or _NICE_CUE.search(tail))
            out.append((x[:1].upper() + x[1:], nice))
    return out


# "We'll expect you to read and act on DU and LP findings, and to calculate qualifying
# income": what a prose sentence expects of the candidate, one practice per "to"
_EXPECT = re.compile(
    r"\b(?:expect|need|want|require)s?\s+(?:you|someone|candidates?)\s+to\s+"
    # "we need someone who can produce diagnostic images efficiently, recognize critical
    # findings, and communicate them to the radiologist right away"
    r"|\b(?:need|want)s?\s+(?:someone|somebody|a\s+person)\s+who\s+can\s+(?P<who>)"
    # "We need someone who has led a sizeable crew through a long shoot"
    r"|\b(?:need|want)s?\s+(?:someone|somebody|a\s+person)\s+who\s+(?:has|have)\s+"
    r"(?=[a-z]+ed\b)(?P<has>)",
    re.I,
)
_EXPECT_SPLIT = re.compile(r",?\s+(?:and\s+|or\s+)?to\s+(?=[a-z]+\b)|,\s+(?:and|or)\s+(?=[a-z]+\s)")
_WHO_CAN_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?")  # "who can A, B, and C"
# "who has led a crew through a long shoot and can keep a workroom calm"
_WHO_HAS_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+and\s+(?:can|has|have)\s+")


# "You must pass the Work Capacity Test", "We require completion of basic wildland training",
# "A current first aid and CPR card is required": what a prose sentence demands
_MUST = re.compile(
    r"\b(?:must|shall)\s+(?:also\s+)?(?:be\s+able\s+to\s+|have\s+)?(?=(?!be\b)[a-z])"
    # "Candidates must be qualified and able to teach Mathematics to Higher Level"
    r"|\bmust\s+(?:also\s+)?be\s+(?:qualified|trained|competent)(?:\s+and\s+able)?\s+to\s+"
    # "Appointment is subject to satisfactory Garda vetting", "Offers are subject to an
    # enhanced DBS check"
    r"|\b(?:appointment|employment|offers?(?:\s+of\s+employment)?|(?:the|this)\s+"
    r"(?:post|role|position|appointment))\s+(?:is|are|will\s+be)\s+(?:also\s+)?subject\s+to\s+"
    r"(?:(?:a|an|the|your)\s+)?(?:satisfactory\s+|successful\s+)?"
    # "Must be 21 or older."
    r"|\bmust\s+be\s+(?=(?:at\s+least\s+)?\d{2}\b)"
    r"|\bwe\s+(?:also\s+)?require\s+(?:(?:that\s+)?you\s+(?:to\s+)?)?"
    r"|\byou(?:'ll|\s+will)?\s+need\s+to\s+(?=hold|have|pass|obtain|possess)"
    # "You will need a current local anaesthetic endorsement, and a full ... licence"
    r"|\byou(?:'ll|\s+will)\s+(?:also\s+)?need\s+(?=(?:a|an)\s)(?P<need>)"
    # "Employment is contingent on a criminal background check including fingerprinting"
    r"|\bcontingent\s+(?:up)?on\s+(?:(?:a|an|the|your)\s+)?(?:successful(?:ly)?\s+)?"
    r"(?:(?:passing|completion\s+of)\s+)?(?:(?:a|an|the)\s+)?"
    # "The role requires evenings and weekends"
    r"|\b(?:the|this)\s+(?:role|position|job)\s+(?:also\s+)?requires\s+"
    # "..., so weekend availability from April through October is a must"
    r"|(?:^|,\s+so\s+)(?P<subject>(?:(?:an?|the|your)\s+)?[^,;:]{3,120}?)\s+(?:is|are)\s+"
    rf"(?:also\s+)?(?:{_DEMANDED})\b",
    re.I,
)


_AS_IS = re.compile(rf"\b(?:is|are)\s+(?:also\s+)?(?:{_DEMANDED}),\s+as\s+(?:is|are)\s+", re.I)


# "The successful candidate holds a current state CSR license or ...", "You'll need a current
# OLCC service permit": a credential a prose sentence asks the candidate to hold
_HOLDS = re.compile(
    r"\b(?:holds?|holding|possess(?:es|ing)?|(?:you(?:'ll|\s+will)?\s+)need|(?:must|should)\s+have)\s+"
    r"(?=(?:a|an|the|your)\s)",
    re.I,
)
# "You must be a full member of NZAS with a current Certificate of ...": membership held
_MEMBER = re.compile(
    r"\b(?:must|will|should)\s+be\s+an?\s+(?:full\s+|registered\s+)?member\b", re.I
)
_HELD_WORDS = r"licen[cs]e|certification|certificate|credential|permit|registration"
_HELD = re.compile(rf"\b(?:{_HELD_WORDS})s?\b", re.I)


# "... and a current Michigan LMSW (limited license ...)": a second credential held, named
# by its standing rather than by the word "license"
_HELD_TOO = re.compile(
    r"\band\s+(?:a|an)\s+(?P<name>(?:current|valid|active|unrestricted)\s+[^,;()]+?)"
    r"(?=\s*[,;(]|\s+and\b|$)",
    re.I,
)


# the papers that register someone as something ("Licensure as a Professional Engineer")
_REGISTERS = r"(?:registration|certification|licensure|licen[cs]e)"
# "Gas Safe registered ...", "HCPC registered": a register's name, then "registered"
_BODY_REGISTERED = re.compile(r"^\W*((?:[A-Z][\w&'-]*\s+){0,3}[A-Z][\w&'-]*)\s+registered\b")
_ACRONYMED = re.compile(r"\s+\(([A-Z]{2,8})\)$")
# "Valid registration as a Registered Environmental Health Specialist (REHS) issued by ...",
# "Licensure as a Professional Engineer": the credential is named by what it registers
_REGISTERED_AS = re.compile(
    rf"\b(?:{_REGISTERS}|credentialing)\s+as\s+(?:a|an)\s+"
    r"(?P<name>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|in|and))*?(?:\s+\([A-Z]{2,8}\))?)"
    r"(?=\s+(?:issued|by|from|in|with|or|and)\b|\s*[,.;]|$)"
)


# "you'll hold a Master of Audiology, or ...": a degree named by its field
_HELD_DEGREE = re.compile(
    r"^(?:a|an|the)\s+(?P<name>(?:Master|Bachelor|Doctor)(?:'s)?\s+(?:[Dd]egree\s+)?(?:of|in)\s+"
    r"[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|and|of|in)(?=\s|$|,))*)"
)
# "with a current Certificate of Clinical Competency", "a Diploma of Nursing": a paper's name
_NAMED_PAPER = re.compile(
    r"\b(?P<name>(?:Certificate|Diploma|Licen[cs]e)\s+(?:[IVX]+\s+)?(?:of|in)\s+[A-Z][\w-]*"
    r"(?:\s+(?:[A-Z][\w-]*|and|of|in)(?=\s+[A-Z]))*(?:\s+[A-Z][\w-]*)?)"
)


# "Applicants must be registered with the Teaching Council of Ireland under Route 2",
# "must be registered with the NMC": a registration held, named by the body that keeps it
_REGISTERED_WITH = re.compile(
    r"\b(?:must|will|should|to)\s+(?:also\s+)?be\s+(?:fully\s+|currently\s+)?"
    r"(?:registered|licensed|accredited)\s+(?:with|by)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*|\s+(?:of|for|and|in)(?=\s+[A-Z]))*)"
)
_REGISTRATION = " registration"


def _registered_body(name: str) -> tuple[str, ...]:
    """The body a registration read from prose is named by, as its alias ("Registration with
    the Podiatrists Board of New Zealand": the board)."""
    if m := re.match(r"(?:registration|membership)\s+(?:with|of)\s+(?:the\s+)?(.+)$", name, re.I):
        return (m.group(1),)
    return (name[: -len(_REGISTRATION)],) if name.endswith(_REGISTRATION) else ()


def _held_credentials(sent: str) -> list[tuple[str, str]]:
    """The credentials a prose sentence asks the candidate to hold, in its words (the first of
    alternatives), as education."""
    named = [(m.group("name"), "education") for m in _REGISTERED_AS.finditer(sent)]
    named += [
        (m.group("name") + _REGISTRATION, "education") for m in _REGISTERED_WITH.finditer(sent)
    ]
    member = _MEMBER.search(sent)
    cue = _HOLDS.search(sent) or member
    if cue is None:
        return named
    rest = re.split(r"[.;](?:\s|$)", sent[cue.end() :])[0]
    named += [(m.group("name"), "education") for m in _NAMED_PAPER.finditer(rest)]
    if degree := _HELD_DEGREE.match(rest):
        named.append((degree.group("name"), "education"))
    if member is not None:
        # "a member of, or eligible to join, the appropriate IATSE local" (beside "you will
        # need a valid driver's license", a paper held)
        body = re.match(
            r"\s*of(?:,\s+or\s+eligible\s+(?:to\s+join|for),)?\s+(?:the\s+)?"
            r"(?:(?:appropriate|relevant)\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,5})",
            sent[member.end() :],
        )
        named += [(f"{body.group(1)} membership", "education")] if body else []
    if cue is member:
        return named
    out = []
    paper = _HELD.search(rest)
    # "must have 3 years of ... and a license": the years are read as such
    if (
        paper is not None
        and len(rest[: paper.start()].split()) <= 10
        and not _YEARS.search(rest[: paper.end()])
        and (found := _bullet_requirement(rest[: paper.end()])) is not None
    ):
        out.append((found[0], "education"))
    for m in _HELD_TOO.finditer(rest):
        name = m.group("name").strip()
        if len(name.split()) <= 6 and not any(name.lower() in o[0].lower() for o in out):
            out.append((name[:1].upper() + name[1:], "education"))
    return named + [o for o in out if not any(o[0] in n or n in o[0] for n, _ in named)]


def _demanded(what: str, out: list[tuple[str, str]]) -> None:
    """Add what one demand names to ``out``, unless it is years (read as such) or held already."""
    # "must have five years of ...": the years are read as such
    if re.match(r"(?:not|submit|apply|include)\b", what, re.I) or _YEARS.search(what):
        return
    # "Garda vetting in accordance with Teaching Council procedures": how, not what
    what = re.split(r"\s+(?:in\s+accordance\s+with|in\s+line\s+with|as\s+per)\b", what)[0]
    found = _bullet_requirement(what)
    # "You must have a valid Michigan driver's license, a reliable vehicle ...": the
    # credential it holds is read already
    if found is not None and not any(
        found[0].lower().startswith(o[0].lower())
        or _ACRONYMED.sub("", o[0]).lower() in found[0].lower()
        for o in out
    ):
        out.append(found)


# "We require at least two years of ..., competence in diabetic foot risk assessment ..., and
# experience in sharp debridement ...": each thing a demand lists is one requirement
_DEMAND_ITEM = re.compile(
    r",\s+(?:and\s+)?(?=(?:an?|current|valid|full|competence|competency|experience|knowledge|"
    r"proficiency|familiarity|understanding|skills?|ability|registration|certification)\s)",
    re.I,
)
# "... and a full New Zealand driver's licence is essential because of travel", "a California
# SLP license or be eligible for one": the item's own demand, its reason and its way round are
# no part of its name
_ITEM_DEMANDED = re.compile(
    rf"\s+(?:(?:is|are)\s+(?:also\s+)?(?:{_DEMANDED})|or\s+(?:be\s+)?eligible)\b.*$", re.I
)


# what "you will need a ..." may name as a requirement: papers and competence, not kit
_NEEDED_PAPER = re.compile(
    rf"\b(?:{_HELD_WORDS}|endorsement|ticket|card|qualification|degree|diploma|experience|knowledge|"
    r"competenc[ey])s?\b",
    re.I,
)


def _expected_of_you(sent: str) -> list[tuple[str, str]]:
    """The practices a sentence expects or demands of the candidate, in its words, with their
    category."""
    out = _held_credentials(sent)
    # "..., so weekend availability is a must, and you must be able to lift 40 lbs": each
    # "AML practice ... is essential, as is experience of working on a practice management
    # system": the second demand too
    demands = [*_MUST.finditer(sent), *_AS_IS.finditer(sent)]
    for demand in demands:
        subject = demand.groupdict().get("subject")
        what = subject or re.split(r"[.;](?:\s|$)", sent[demand.end() :])[0]
        # "must be at least 18 years old and hold a valid driver's license": two demands
        what = re.split(r",?\s+and\s+(?=(?:hold|have|possess|pass|obtain|maintain)\b)", what)[0]
        # "A strong safety record and a sound understanding of working around plant are
        # essential": each thing the sentence names is one demand
        for part in (
            re.split(r",?\s+and\s+(?=(?:an?|the)\s)", what) if subject else _DEMAND_ITEM.split(what)
        ):
            if demand.groupdict().get("need") is not None and not _NEEDED_PAPER.search(part):
                continue  # "You will need a laptop and a quiet room": kit, no requirement
            _demanded(_ITEM_DEMANDED.sub("", part), out)
    cue = _EXPECT.search(sent)
    if cue is None:
        return out
    rest = re.split(r"[.;](?:\s|$)", sent[cue.end() :])[0]
    # "who can A, B, and C": each comma starts another practice
    split = (
        _WHO_CAN_SPLIT
        if cue.group("who") is not None
        else _WHO_HAS_SPLIT
        if cue.group("has") is not None
        else _EXPECT_SPLIT
    )
    for piece in split.split(rest):
        # "to have demonstrated experience in paediatric assessment": the practice asked for
        piece = re.sub(r"^have\s+(?=(?:\w+\s+){0,2}(?:experience|knowledge)\b)", "", piece)
        if _PROSE_ASK.search(piece) or re.match(r"(?:be|have|work|travel|join)\b", piece, re.I):
            continue  # asked by its own cue, or no practice ("be available", "join us")
        found = _bullet_requirement(piece)
        if found is not None:
            out.append(found)
    return out


# "hands-on experience with the methods our studies depend on: mixed models for repeated
# measures, logistic and CMH analyses, ...": a list a prose sentence introduces with a colon
_LIST_ASK = re.compile(
    r"\b(?:experience|knowledge|familiarity|proficiency|expertise|grounding|command)\b"
    r"[^:.;]{0,80}:\s+",
    re.I,
)


def _prose_list(sent: str) -> list[tuple[str, bool]]:
    """The items of a list a prose sentence asks for after a colon, when it has three or
    more; each is optional when the sentence has a nice-to-have cue."""
    cue = _LIST_ASK.search(sent)
    if cue is None:
        return []
    rest = re.split(r"[.;](?:\s|$)", sent[cue.end() :])[0]
    items = [x.strip() for x in re.split(r",\s*(?:and\s+|or\s+)?", rest) if x.strip()]
    if len(items) < 3:
        return []
    nice = bool(_NICE_CUE.search(sent))
    return [(x[:1].upper() + x[1:], nice) for x in items]


def _ends_in_noun(name: str, nlp: object) -> bool:
    """Whether a phrase ends in its noun ("Developing Measurable" was cut before it)."""
    doc = nlp(name.lower())  # type: ignore[operator]
    if len(doc) > 1 and doc[-1].text.endswith("ing") and doc[-2].pos_ in ("NOUN", "PROPN"):
        return True  # "Food and Wine Pairing": a practice named by its object and a gerund
    return len(doc) > 0 and doc[-1].pos_ in ("NOUN", "PROPN")


_DOMAIN_CUE = re.compile(
    r"\b(experience|background|knowledge|familiar|familiarity|domain|industry|sector|"
    r"understanding|expertise|proficiency|proficient)\b",
    re.I,
)
# ("an HR manager can understand": a reader, not a field)
_NOT_DOMAIN_NEXT = frozenset(
    ["team", "teams", "department", "departments", "org", "organization", "manager", "managers",
     "director", "directors", "officer", "officers", "staff", "professional", "professionals"]
)  # fmt: skip
_ALT_SEP = re.compile(r"^\s*(?:,?\s*or|/)\s*$", re.I)
_EXAMPLE_BEFORE = re.compile(r"^\s*(?:with|using|in|like|such as|e\.g\.?|i\.e\.?|\(|,|:)\s*$", re.I)
_KIND_OF = re.compile(
    r"^(?:[\s-]*|\s*,?\s*or\s+(?:a|an|another|any|other|some)\s+"
    r"(?:(?:comparable|similar|equivalent|other|related|modern)\s+)?"
    r"|\s*,?\s*or\s+(?:(?:a|an|another|any|some)\s+)?(?:comparable|similar|equivalent)\s+"
    r"(?:[\w-]+\s+){0,2})$",
    re.I,
)
_EXAMPLE_AFTER = re.compile(
    r"^\s*,?\s*(?:or|and/or)\s+(?:similar|equivalent|comparable|other)", re.I
)


# inside the parentheses that list the papers or checks asked for
_PAPERS_LISTED = re.compile(
    r"\b(?:clearance|certificates?|clearances|checks|documents)\s*\([^()]*$", re.I
)
_LEAD_WORDS = frozenset(["confidence", "comfort", "fluency", "competence", "expertise"])
# "We are recruiting", "the practice is currently hiring": what the employer is doing
_EMPLOYER_DOING = re.compile(r"\b(?:we\s+are|we're|is)\s+(?:(?:currently|now|actively)\s+)?$", re.I)
# "flexible working", "flexible hours": a pattern of work the employer offers
_WORK_PATTERN = frozenset(
    ["working", "hours", "schedule", "schedules", "scheduling", "arrangements", "rostering"]
)


def _keep(m: Mention, clause: str) -> bool:
    """Drop mentions that name the role ("backend engineer") or a business area ("our sales
    team") rather than something the candidate must have."""
    nxt = _next_word(clause, m.end)
    if (
        m.surface.lower() in _LEAD_WORDS
        and not clause[: m.start].strip(" -*\u2022\t")
        and re.match(r"\s+(?:with|in|using)\b", clause[m.end :], re.I)
    ):
        return False  # "Confidence with periodontal charting": the lead, not a soft skill
    if m.entry.name in _ROLE_SKILLS and nxt in _ROLE_NOUNS:
        return False
    if m.surface.lower().endswith("ing") and _EMPLOYER_DOING.search(clause[: m.start]):
        return False  # "We are recruiting a Medical Entomologist": the employer's verb
    if m.entry.category == "soft_skill" and nxt in _WORK_PATTERN:
        return False  # "The Trust offers flexible working": a term of work, not Adaptability
    if len(m.surface) == 1 and _prev_word(clause, m.start) in _GRADE_WORDS:
        return False  # "GCSE Maths (grade C/4)", "Class C licence": a grade, not a language
    if (
        m.method == "alias"
        and re.fullmatch(r"[A-Z]{2,5}", m.surface)
        and re.match(r"\s?\d{3,5}\b", clause[m.end :])
    ):
        return False  # "NAS 410 Level II": a standard's number, not network-attached storage
    if len(m.surface) == 1 and re.search(r"(?<![\w/])[A-Za-z]/$", clause[: m.start]):
        return False  # "automotive A/C work": air conditioning
    if m.entry.category == "education" and _PLACE_BEFORE.search(clause[: m.start]):
        return False  # "Cambridge, MA": a state, not a master's degree
    if (
        m.entry.category == "soft_skill"
        and (_prev_word(clause, m.start) in _PEOPLE_BEFORE or nxt in ("team", "teams"))
        and not _PEOPLE.search(m.surface)  # "business stakeholders" are whom the skill serves
    ):
        return False  # "client leadership", "the leadership team": people, not a skill
    if _PAPERS_LISTED.search(clause[: m.start]):
        # "valid clearance certificates (Certificate of Good Conduct, HELB, KRA tax
        # compliance, ...)": the papers an offer needs, not a skill of tax
        return False
    if m.entry.category == "domain":
        return nxt not in _NOT_DOMAIN_NEXT and bool(_DOMAIN_CUE.search(clause))
    # "under the Health and Safety at Work Act 2015", "the Health and Safety Code": a part of a
    # law's name, which names no skill
    return not _in_law_name(clause, m.start, m.end)


# "the Health and Safety at Work etc. Act 1974", "the Health and Safety Code", "the Fire and
# Rescue Services (Northern Ireland) Order 2006", "the Insolvency (England and Wales) Rules
# 2016" (an order or rules only with their year: a "Purchase Order" is no law)
_LAW_WORD = r"(?:Act|Code|Regulations|Ordinance|Statute|Standards)\b"
_LAW_PLACE = r"(?:\s+\([A-Z][\w' -]{1,40}\))?"
_LAW_LEAD = (
    r"(?:Knowledge|Experience|Understanding|Familiarity|Awareness|Proficiency|Working|"
    r"Compliance|Adherence|Expertise|Training|Demonstrable|Demonstrated|Sound|Good|Strong)\b"
)
_LAW_NAME = re.compile(
    # ("the Accessibility for Ontarians with Disabilities Act", "the Seeds Act, 1966"; not
    # "Knowledge of" before a law's name)
    rf"\b(?!{_LAW_WORD})(?!{_LAW_LEAD})[A-Z][\w'-]*"
    rf"(?:\s+(?:(?:and|at|&|of|for|with|on)\s+)?(?!{_LAW_WORD})[A-Z][\w'-]*)*"
    rf"{_LAW_PLACE}(?:\s+etc\.)?\s+(?:{_LAW_WORD}(?!\s+(?:of|on|for)\b)"
    rf"(?:{_LAW_PLACE},?\s+(?:19|20)\d\d\b)?|(?:Order|Rules),?\s+(?:19|20)\d\d\b)"
    # ("the Work Health and Safety Act 2020 (WA)": its state after its year)
    rf"(?:(?<=\d)\s+\([A-Z][A-Za-z]{{1,11}}\))?"
)


def _law_short(name: str) -> str:
    """A law's name as said: without its place, "etc." and year."""
    return re.sub(r"\s*\([^()]*\)|\s+etc\.|,?\s+(?:19|20)\d\d$", "", name)


def _whole_laws(
    acc: dict[str, _Acc],
    before: dict[str, int],
    sent: str,
    order: int,
    *,
    raw: str,
    listed: bool,
    required: bool,
) -> int:
    """Laws the rules cut into pieces ("Northern Ireland", "Order 2006" of "the Fire and
    Rescue Services (Northern Ireland) Order 2006") are asked for by their whole names, said
    also without place and year ("the Fire and Rescue Services Order"); beside one, the other
    laws of its sentence are too (their pieces may have gone into its aliases). So is a law a
    listed requirement asks knowledge of ("Working knowledge of the Building Safety Act 2022")."""
    laws = [(m.group(), m.start()) for m in _LAW_NAME.finditer(sent)]
    names = {x.lower() for x, _ in laws}

    def inside(word: str) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", x) for x in names)

    # (a piece that also carries a name from outside the laws keeps it, "Town" beside NPPF;
    # so does one the JD names outside a law too: "emergency management" of "3 years in
    # emergency management" beside "the Emergency Management and Civil Protection Act")
    elsewhere = _LAW_NAME.sub(" ", raw).lower()
    parts = [
        k
        for k, a in acc.items()
        if k not in before
        and k not in names
        and inside(k)
        and all(map(inside, a.aliases))
        and not re.search(rf"(?<!\w){re.escape(k)}(?!\w)", elsewhere)
    ]
    if parts:
        required = any(acc[k].required for k in parts)
        first = min(acc[k].order for k in parts)
        for k in parts:
            del acc[k]
    else:
        cues = [m.span("rest") for m in _UNKNOWN_CUE.finditer(sent)] if listed else []
        laws = [(x, at) for x, at in laws if any(c0 <= at < c1 for c0, c1 in cues)]
        first = order
    for name, _ in laws:
        short = _law_short(name)
        entry = SkillEntry(name=name, category="skill", aliases=(short,) if short != name else ())
        order = _add(acc, entry, "skill", required, sent, order)
        # where its pieces stood (laws of one sentence tie, and keep their order)
        acc[name.lower()].order = min(acc[name.lower()].order, first)
    return order


def _in_law_name(clause: str, start: int, end: int) -> bool:
    """Whether clause[start:end] is a part of a longer law's name."""
    return any(
        m.start() <= start and end <= m.end() and m.span() != (start, end)
        for m in _LAW_NAME.finditer(clause)
    )


_GRADE_WORDS = frozenset(
    ["grade", "grades", "class", "category", "level", "band", "type", "tier", "schedule", "part"]
)
# a city before a state's code: "Cambridge, MA", "Jackson, MS"
_PLACE_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*$")
_RELATIVE_END = re.compile(r";|,\s*(?:and|or|plus|as well as)\b", re.I)
_PURPOSE_END = re.compile(r"[,;]|\s(?:and also|plus|as well as)\b", re.I)


def _without_context(clause: str, mentions: list[Mention]) -> list[Mention]:
    """Drop what a requirement is about rather than what it asks for: "SQL against our data
    warehouse", "SQL for pulling data out of our HRIS" (a later "our X"), and what a tool is
    used for ("Jira for backlog and sprint management", "C++ for real-time systems": the skill
    asked for is Jira, C++)."""
    out: list[Mention] = []
    purpose_until = -1
    for m in mentions:
        if out and _prev_word(clause, m.start) in ("our", "their"):
            continue
        if m.start < purpose_until and m.entry.category != "tool":
            continue
        out.append(m)
        after = re.sub(r"^\s*\([^)]*\)", "", clause[m.end :])
        nxt = _next_word(after, 0) if m.entry.category in ("tool", "skill") else ""
        if nxt in ("for", "that", "which"):
            # "a pipeline (fastlane) that builds, signs and releases to the App Store": what
            # the tool does runs on over a list of verbs, to the next item
            end = (_PURPOSE_END if nxt == "for" else _RELATIVE_END).search(clause, m.end)
            purpose_until = end.start() if end else len(clause)
    return out


_OBJECT_OF = re.compile(r"^\s+(?:\S+\s+){0,2}?(?:of|on)\s+(?:the\s+|our\s+|a\s+)?$", re.I)


def _objects(clause: str, mentions: Sequence[Mention]) -> dict[int, int]:
    """Mentions that are what another skill acts on ("Facilitation of retrospectives",
    "Coaching product owners on backlog refinement", "Sensor fusion of LiDAR"): index -> index
    of the skill they belong to. A tool stays a requirement of its own ("debugging on
    Kubernetes")."""
    out: dict[int, int] = {}
    for i in range(1, len(mentions)):
        head, m = mentions[i - 1], mentions[i]
        if (
            head.entry.category in ("skill", "soft_skill")
            and m.entry.category in ("skill", "domain", "soft_skill")
            and _OBJECT_OF.match(clause[head.end : m.start])
        ):
            out[i] = out.get(i - 1, i - 1)
    return out


def _grouped(clause: str, mentions: Sequence[Mention]) -> list[tuple[list[int], SkillEntry]]:
    """ "Tableau or Power BI", "Jest/Vitest": one requirement met by either. Returns each group's
    member indices (into ``mentions``) with its entry."""
    groups: list[list[Mention]] = []
    members: list[list[int]] = []
    examples: set[int] = set()  # groups whose later members are examples of the first
    for i, m in enumerate(mentions):
        prev = groups[-1][-1] if groups else None
        techy = (
            prev is not None
            and m.entry.category in ("skill", "tool")
            and (prev.entry.category in ("skill", "tool"))
        )
        c_pair = (
            prev is not None
            and (prev.entry.name, m.entry.name) == ("C", "C++")
            and re.fullmatch(r"\s*(?:and|&)\s*", clause[prev.end : m.start])
        )
        if c_pair or (techy and _ALT_SEP.match(clause[prev.end : m.start])):  # type: ignore[union-attr]
            groups[-1].append(m)
            members[-1].append(i)
        elif (
            techy
            and (
                (
                    _EXAMPLE_BEFORE.match(clause[prev.end : m.start])  # type: ignore[union-attr]
                    and _EXAMPLE_AFTER.match(clause[m.end :])
                )
                # "FreeRTOS or a comparable RTOS", "ARM Cortex-M microcontrollers": one requirement,
                # named by the first
                or _KIND_OF.match(clause[prev.end : m.start])  # type: ignore[union-attr]
            )
        ):
            groups[-1].append(m)  # "unit testing with Jest or similar": Jest is an example
            members[-1].append(i)
            examples.add(len(groups) - 1)
        else:
            groups.append([m])
            members.append([i])
    out = []
    for k, g in enumerate(groups):
        if len(g) == 1:
            out.append((members[k], g[0].entry))
            continue
        names = list(dict.fromkeys(x.entry.name for x in g))
        if k in examples:
            names = names[:1]
        entry = SkillEntry(
            name="C/C++" if names == ["C", "C++"] else " or ".join(names),
            category=g[0].entry.category,
            aliases=tuple(dict.fromkeys(t for x in g for t in x.entry.terms)),
            case_sensitive=tuple(t for x in g for t in x.entry.case_sensitive),
        )
        out.append((members[k], entry))
    return out


_EXAMPLE_CUE = re.compile(
    r"\(|:\s|\b(?:for example|for instance|e\.g\.|eg\.|such as|including|ideally|preferably|"
    r"(?<!would )(?<!'d )(?<!we )(?<!you )(?<!i )like)(?=\W)",
    re.I,
)
# what ends a list of examples before the clause does: "such as Go or Java, plus PostgreSQL"
_ASIDE_END = re.compile(r",\s*(?:and|or)\b", re.I)
_EXAMPLE_END = re.compile(r";|\s(?:plus|as well as|along with|and also|in addition to)\b", re.I)


def _example_zones(clause: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_list) of the parts of a clause that give examples: "(...)", what follows
    "such as" / "for example" / "e.g." / "including" / "like", and a list after a colon."""
    zones = []
    for m in _EXAMPLE_CUE.finditer(clause):
        if m.group(0) == "(":
            close = clause.find(")", m.end())
            zones.append((m.start(), close if close >= 0 else len(clause), False))
        else:
            end = _EXAMPLE_END.search(clause, m.end())
            stop = end.start() if end else len(clause)
            # "Python, including Django, and Kubernetes": an aside set off by a comma ends at
            # ", and"; "BigQuery, including partitioning, clustering and cost control" does not
            if clause[: m.start()].rstrip().endswith(","):
                aside = _ASIDE_END.search(clause, m.end())
                stop = min(stop, aside.start()) if aside else stop
            zones.append((m.start(), stop, not m.group(0).startswith(":")))
    return zones


def _abbreviates(clause: str, start: int, end: int) -> bool:
    """Whether a parenthesis holds the short name of the words before it: "Radiography (R)",
    "Computed Tomography (CT)" (its capitals are their initials, small words skipped)."""
    if clause[start : start + 1] != "(":
        return False
    acr = clause[start + 1 : end].strip()
    caps = [c for c in acr if c.isupper() or c.isdigit()]
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9&]{0,9}", acr) or 2 * len(caps) < len(acr):
        return False  # "antimicrobials (Arestin)": a name, not initials
    words = re.findall(r"[^\s()/,-]+", clause[:start])
    words = [w for w in words if w.lower() not in _ACRONYM_SKIP]
    return len(words) >= len(caps) and all(
        w[0].lower() == c.lower() for w, c in zip(words[-len(caps) :], caps, strict=True)
    )


def _abbreviated_from(clause: str, start: int, end: int) -> int | None:
    """Where the words a parenthesis abbreviates begin ("Certified Nursing Assistants (CNAs)"),
    or None if it abbreviates none."""
    if not _abbreviates(clause, start, end):
        return None
    caps = [c for c in clause[start + 1 : end].strip() if c.isupper() or c.isdigit()]
    words = [
        m for m in re.finditer(r"[^\s()/,-]+", clause[:start])
        if m.group(0).lower() not in _ACRONYM_SKIP
    ]  # fmt: skip
    return words[-len(caps)].start()


def _example(clause: str, m: Mention, mentions: Sequence[Mention]) -> list[Mention | str]:
    """An example as it is named: "ideally Allen-Bradley PowerFlex" is a drive named by its
    maker, not the maker's PLCs; a known name followed by a capitalised one no mention covers
    folds as written (both names), not as the known entry's terms."""
    tail = re.match(r"\s+([A-Z][\w+-]*)", clause[m.end :])
    if tail is None:
        return [m]
    if any(x.start == m.end + tail.start(1) for x in mentions):
        return [m.surface]  # the maker of a product the vocabulary knows by itself
    return [m.surface, f"{m.surface} {tail.group(1)}"]


def _touches(clause: str, end: int, start: int) -> bool:
    """Whether only spaces lie between a mention's end and a parenthesis."""
    return not clause[end:start].strip()


_PRACTICE_GAP = re.compile(
    r"^\s+(?:(?:skills?|experience|pipelines?|practices?|workflows?|code|programming|work)\s+)?"
    r"(?P<c>with|in|using|via|over)\s+$",
    re.I,
)
_TAIL_SEP = re.compile(r"^\s*(?:,|/|,?\s*(?:and|or)\b)\s*$", re.I)


def _is_practice(clause: str, m: Mention) -> bool:
    """A way of working ("infrastructure as code", "unit testing", "debugging"), not a language
    or product ("Rust", "Python"): written in lower case, or an "-ing" word."""
    if m.entry.category not in ("skill", "soft_skill"):
        return False
    words = clause[m.start : m.end].split()
    return (
        (m.start > 0 and words[0][:1].islower())
        or any(w[:1].islower() for w in words[1:])
        or m.entry.name.split()[-1].lower().endswith("ing")
    )


def _practice_tools(
    clause: str, mentions: Sequence[Mention], phrase: _Phrase | None
) -> tuple[int | None, list[int], str]:
    """ "Infrastructure as code with Terraform", "Scripting in Python or Bash", "Unit testing with
    XCTest": one requirement, the practice done with those tools. Returns the practice (an index
    into ``mentions``, -1 for the phrase), the tools' indices and the joining word."""
    heads: list[tuple[int, int]] = [(-1, phrase.end)] if phrase is not None else []
    heads += [(k, m.end) for k, m in enumerate(mentions) if _is_practice(clause, m)]
    for head, end in heads:
        nxt = next((k for k, m in enumerate(mentions) if m.start >= end), None)
        if nxt is None:
            continue
        gap = _PRACTICE_GAP.match(clause[end : mentions[nxt].start])
        if gap is None or mentions[nxt].entry.category not in ("skill", "tool"):
            continue
        tails = [nxt]
        for k in range(nxt + 1, len(mentions)):
            if mentions[k].entry.category not in ("skill", "tool") or not _TAIL_SEP.match(
                clause[mentions[k - 1].end : mentions[k].start]
            ):
                break
            tails.append(k)
        return head, tails, gap.group("c").lower()
    return None, [], ""


def _requirements_of(
    clause: str, mentions: Sequence[Mention], phrase: _Phrase | None
) -> list[SkillEntry]:
    """The requirement entries of one clause: alternatives grouped ("Tableau or Power BI"),
    examples folded into the skill they illustrate (they become its aliases), a practice and
    the tools it names kept together ("Infrastructure as code with Terraform")."""
    zones = _example_zones(clause)
    named = {z for z in zones if _abbreviates(clause, z[0], z[1])}
    regular: list[Mention] = []
    # regular mention index (-1: the phrase) -> its examples (mentions, or unknown names)
    folded: dict[int, list[Mention | str]] = {}
    loose: list[Mention] = []  # examples with nothing to illustrate ("tools such as X or Y")
    objects = _objects(clause, mentions)
    practice, tools, joiner = _practice_tools(clause, mentions, phrase)

    def practice_slot() -> int:
        """Where the practice's tools fold: its regular mention's index, or -1 (the phrase)."""
        owner = mentions[practice] if practice is not None and practice >= 0 else None
        return next((i for i, r in enumerate(regular) if r is owner), -1)

    for k, m in enumerate(mentions):
        if k in tools:
            folded.setdefault(practice_slot(), []).append(m)
            continue
        if (
            phrase is not None
            and m.entry.category == "soft_skill"
            and re.match(r"\s+of\s+(?:[\w-]+\s+){0,2}$", clause[phrase.end : m.start])
        ):
            continue  # "Calendaring and docketing of court deadlines": what it acts on
        if k in objects:
            owner = mentions[objects[k]]
            head = next((i for i, r in enumerate(regular) if r is owner), None)
            if head is not None:
                folded.setdefault(head, []).append(m)
                continue
        zone = next((z for z in zones if z[0] <= m.start < z[1]), None)
        if zone is None:
            regular.append(m)
            continue
        head = next((i for i in range(len(regular) - 1, -1, -1) if regular[i].end <= zone[0]), None)
        if zone in named and (head is None or not _touches(clause, regular[head].end, zone[0])):
            # "Radiography (R)": the JD's short name for the words before it, not the R
            # language; it names what they belong to ("ARRT registration in Radiography (R)")
            if head is not None or phrase is not None:
                folded.setdefault(head if head is not None else -1, []).append(m.surface)
            continue
        if any(
            mentions[t].end <= zone[0] and (head is None or mentions[t].start > regular[head].end)
            for t in tools
        ):
            # "Configuration in SAP FI (general ledger, ...)": the examples are the practice's
            folded.setdefault(practice_slot(), []).append(m)
            continue
        if head is not None and m.entry.category in ("skill", "tool"):
            folded.setdefault(head, []).extend(_example(clause, m, mentions))
        elif (
            head is not None
            # "managing freelance writers: briefs, budgets and deadlines": no soft skill
            or (phrase is not None and phrase.end <= zone[0] and m.entry.category not in _SKILLISH)
        ) and not zone[2]:
            # "SAP FI (general ledger, asset accounting)", "Storytelling: presenting findings":
            # what a parenthesis or a colon adds after a skill explains it; not a requirement
            # of its own, nor (a field, a soft skill) proof of the skill when said
            continue
        elif phrase is not None and m.entry.category in ("skill", "tool"):
            folded.setdefault(-1, []).extend(_example(clause, m, mentions))
        elif zone[2]:
            loose.append(m)
        else:
            regular.append(m)
    # product names the vocabulary does not know ("CloudTrail", "Elastic") illustrate too
    for z0, z1, _ in zones:
        head = next((i for i in range(len(regular) - 1, -1, -1) if regular[i].end <= z0), None)
        if head is None and phrase is None:
            continue
        if (
            head is not None
            and regular[head].entry.category != "education"  # a degree's field said short
            and (start := _abbreviated_from(clause, z0, z1)) is not None
            and regular[head].end <= start
        ):
            # "lead a team of 2-3 Certified Nursing Assistants (CNAs)": the short name of the
            # words just before it, not an example of the skill named earlier ("Workplace
            # Safety and Health (WSH)" is the mention's own)
            continue
        names = _example_names(clause[z0:z1], [m for m in mentions if z0 <= m.start < z1], z0)
        folded.setdefault(head if head is not None else -1, []).extend(names)
    tool_names = list(dict.fromkeys(mentions[k].entry.name for k in tools))
    with_tools = ""
    # "Unit testing with Jest or similar": Jest is an example; the requirement keeps its name
    if tool_names and not _EXAMPLE_AFTER.match(clause[mentions[tools[-1]].end :]):
        seps = " ".join(
            clause[mentions[a].end : mentions[b].start] for a, b in itertools.pairwise(tools)
        )
        either = bool(re.search(r"\bor\b|/", seps))
        last = (" or " if either else " and ") + tool_names[-1] if len(tool_names) > 1 else ""
        with_tools = f" {joiner} " + ", ".join(tool_names[: len(tool_names) - bool(last)]) + last
    out: list[SkillEntry] = []
    if phrase is not None and (not phrase.gerund or (tools and practice == -1)):
        extra = [t for x in folded.get(-1, ()) for t in _terms(x)]
        name = phrase.name + (with_tools if practice == -1 else "")
        category = "education" if phrase.credential else phrase.category
        extra += [*phrase.aliases, *_nominal_aliases(phrase.name), *_core_alias(phrase.name)]
        out.append(SkillEntry(name=name, category=category, aliases=tuple(dict.fromkeys(extra))))
    for group, entry in _grouped(clause, regular):
        extra = [t for i in group for x in folded.get(i, ()) for t in _terms(x)]
        if (
            with_tools
            and practice is not None
            and practice >= 0
            and [regular[i] for i in group] == [mentions[practice]]
        ):
            extra = [*entry.terms, *extra]
            entry = replace(entry, name=entry.name + with_tools)
        out.append(_with_aliases(entry, extra) if extra else entry)
    if loose:
        names = list(dict.fromkeys(x.entry.name for x in loose))
        terms = tuple(dict.fromkeys(t for x in loose for t in x.entry.terms))
        out.append(
            loose[0].entry
            if len(names) == 1
            else SkillEntry(" or ".join(names), loose[0].entry.category, aliases=terms)
        )
    return out


# a code or initials, not words: "CPC31420", "HLTAID011", "RIIWHS204E", "ACLS", "P.Geo"
_CODE_LIKE = re.compile(r"\d|[A-Z]{2}|[A-Z]\.")


def _paper_words_off(entry: SkillEntry, clause: str) -> SkillEntry:
    """A paper without the words in parentheses beside it: "QBCC licence (Roof and Wall
    Cladding)", "ACLS (American Heart Association)" name its class or issuer, not itself (a
    candidate's "roof" says nothing of the licence); its code does ("(CPC31420)")."""
    if entry.category != "education" or _DEGREE.search(entry.name):
        return entry  # "Bachelor's degree (Paramedicine)": a degree's field is its name's
    asides = re.findall(r"\(([^()]*)\)", clause)
    keep = tuple(
        a for a in entry.aliases if _CODE_LIKE.search(a) or not any(a in x for x in asides)
    )
    return entry if keep == entry.aliases else replace(entry, aliases=keep)


# the noun of a practice's verb: "Managing discovery" is "discovery management"
_NOMINAL = {
    "managing": "management", "installing": "installation", "resolving": "resolution",
    "escalating": "escalation", "identifying": "identification", "reproducing": "reproduction",
    "designing": "design", "developing": "development", "maintaining": "maintenance",
    "coordinating": "coordination", "preparing": "preparation", "administering":
    "administration", "implementing": "implementation", "negotiating": "negotiation",
    "documenting": "documentation", "reconciling": "reconciliation", "optimizing":
    "optimization", "optimising": "optimisation", "evaluating": "evaluation", "configuring":
    "configuration", "integrating": "integration", "reviewing": "review", "auditing": "audit",
    "analyzing": "analysis", "analysing": "analysis", "validating": "validation", "writing":
    "writing", "planning": "planning", "testing": "testing", "monitoring": "monitoring",
    "scheduling": "scheduling", "drafting": "drafting", "tracking": "tracking",
    "classifying": "classification", "interpreting": "interpretation", "calculating":
    "calculation", "assessing": "assessment", "inspecting": "inspection", "logging": "logging",
    "machining": "machining", "estimating": "estimating", "processing": "processing",
    "producing": "production", "selecting": "selection",
    "running": "", "performing": "",  # "running slope stability analyses": the object
}  # fmt: skip


_GENERIC_LEAD = frozenset(
    ["common", "standard", "typical", "various", "key", "core", "basic", "modern", "relevant"]
)
_GENERIC_TAIL = frozenset(
    ["pitfalls", "fundamentals", "basics", "concepts", "principles", "best practices",
     "requirements", "procedures", "system", "systems"]
)  # fmt: skip


def _core_alias(name: str) -> list[str]:
    """A phrase's name without a generic word around its term: "Common File Formats" ->
    "file formats", "ActiveRecord Performance Pitfalls" -> "activerecord performance"."""
    words = name.split()
    if len(words) >= 3 and words[0].lower() in _GENERIC_LEAD:
        words = words[1:]
    for tail in sorted(_GENERIC_TAIL):  # one tail off, the same one whatever the hash seed
        k = len(tail.split())
        # "Undertaking Procedures": a practice's own -ing noun names it alone ("undertakings")
        practice = (
            tail in ("procedures", "requirements")
            and len(words) == k + 1
            and len(words[0]) >= 8
            and words[0].lower().endswith("ing")
        )
        # ("Designing Lateral Systems": a verb's object, not a system's name)
        verb = tail.startswith("system") and words[0].lower() in _NOMINAL
        if (len(words) >= k + 2 or practice) and not verb and " ".join(words[-k:]).lower() == tail:
            words = words[:-k]
            break
    core = " ".join(words).lower()
    out = [core] if core != name.lower() else []
    # "CST Credential", "ARRT Registration": a credential said by its initials ("I got my CST");
    # not initials that read as a word ("NATE" could be a name said in passing)
    if (
        len(words) == 2
        and re.fullmatch(r"[A-Z]{2,6}", words[0])
        and sum(c in "AEIOU" for c in words[0]) <= 1
        and re.fullmatch(rf"(?:{_PAPERS}|credential|registration)", words[1], re.I)
    ):
        out.append(words[0])
    return out


def _nominal_aliases(name: str) -> list[str]:
    """How people also name a practice a JD words as a verb: "Managing Personal Data
    Breaches" -> "personal data breach management" (and the object itself when it is a term
    of two words or more: "three-phase power distribution")."""
    words = name.split()
    verbs: list[str] = []
    k = 0
    while k < len(words) and words[k].lower() in _NOMINAL:
        verbs.append(_NOMINAL[words[k].lower()])
        k += 1
        if k < len(words) and words[k].lower() == "and" and k + 1 < len(words):
            k += 1  # "Identifying and Escalating Risk"
    if not verbs or words[k - 1].lower() == "and":
        return []
    obj = [w for w in words[k:] if w.lower() not in ("a", "an", "the")]
    low = [w.lower() for w in obj]
    one_and = low.count("and") == 1 and "and" not in (low[:1] + low[-1:])
    if not obj or any(w in _ACRONYM_SKIP for w in low if not (w == "and" and one_and)):
        # "Managing the Contract Lifecycle in a CLM tool": not one term ("Shallow and Deep
        # Foundations" is one)
        return []
    obj = [*obj[:-1], singular(obj[-1])]
    head = " ".join(obj).lower()
    out = [f"{head} {v}" for v in verbs if v]
    if len(obj) == 1 and re.fullmatch(r"[A-Z]{2,6}s?", words[-1]):
        # "Writing PEAs": "I write the PEAs" says it by its initials
        out += dict.fromkeys([obj[0], words[-1]])
    if len(obj) >= 2:
        out.append(head)  # "slope stability analysis", the term itself
        if " ".join(words[k:]).lower() != head:
            out.append(" ".join(words[k:]).lower())
    return out


def _terms(x: Mention | str) -> tuple[str, ...]:
    return (x,) if isinstance(x, str) else x.entry.terms


def _example_names(zone: str, inside: Sequence[Mention], offset: int) -> list[str]:
    """Capitalised product names in an example zone that no vocabulary mention covers."""
    out = []
    for m in re.finditer(r"[^,;/()]+", zone):
        for part in re.split(
            r"\b(?:or|and|for example|for instance|such as|including|like)\b|\be\.g\.|\bi\.e\.|:",
            m.group(0),
        ):
            chunk = part.strip(" .-")
            a = offset + zone.find(chunk) if chunk else -1
            if not chunk or any(x.start < a + len(chunk) and x.end > a for x in inside):
                continue
            words = chunk.split()
            if (
                1 <= len(words) <= 3
                # "one (1) year", "Est.: 03/2009": a count or a year names nothing ("S3", "Form
                # 941" and "21 CFR Part 312" do)
                and not re.fullmatch(r"\d{1,2}|(?:19|20)\d\d", words[0])
                and all(w[0].isupper() or any(c.isdigit() for c in w) for w in words)
                and not any(w.lower() in _UNKNOWN_STOP for w in words)
            ):
                out.append(chunk)
    return out


# "a practice management system (we use Keyhouse)": the product the employer names for it
_PRODUCTS_AFTER = re.compile(
    r"\s*\((?:(?:we|i)\s+(?:use|run|are on|'re on)|ours is|currently|e\.g\.,?|eg|ideally|"
    r"such as|for example|for instance|like)\s+(?P<zone>[^()]{2,60})\)",
    re.I,
)


def _products_after(text: str, name: str) -> list[str]:
    """Product names a parenthesis right after a requirement gives ("... system (we use
    Keyhouse)"); a requirement read from prose takes them as aliases."""
    at = text.lower().find(name.lower())
    m = _PRODUCTS_AFTER.match(text, at + len(name)) if at >= 0 else None
    return _example_names(m.group("zone"), [], 0) if m else []


def _with_aliases(entry: SkillEntry, extra: Sequence[str]) -> SkillEntry:
    aliases = tuple(dict.fromkeys(a for a in (*entry.aliases, *extra) if a != entry.name))
    return replace(entry, aliases=aliases)


_PEOPLE = re.compile(r"\b(?:stakeholders?|customers?|clients?|partners?)$", re.I)
_PEOPLE_BEFORE = frozenset(
    ["client", "clients", "customer", "executive", "senior", "company", "business", "our"]
)


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", text[:pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\W*(\w+)", text[pos:])
    return m.group(1).lower() if m else ""


def _sentences(line: str) -> list[str]:
    if len(line) > 2000:  # one giant pasted paragraph: cut into sentence-sized pieces
        parts = split_sentences(line)
        out: list[str] = []
        for p in parts:
            out.extend(p[i : i + 600] for i in range(0, len(p), 600))
        return out
    return _rejoin_abbreviations(split_sentences(line)) or [line]


_ABBREV_END = re.compile(r"\b(?:e\.g|i\.e|eg|ie|incl|approx|vs|etc)\.$|\b(?:[A-Z]\.){2,3}$", re.I)


def _rejoin_abbreviations(parts: list[str]) -> list[str]:
    """ "Motion planning (e.g. Nav2, custom planners)" is one sentence, not two."""
    out: list[str] = []
    for part in parts:
        if out and _ABBREV_END.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _add(
    acc: dict[str, _Acc],
    entry: SkillEntry,
    category: str,
    required: bool,
    source: str,
    order: int,
    *,
    min_years: float | None = None,
) -> int:
    key = entry.name.lower()
    cur = acc.get(key)
    if cur is None:
        acc[key] = _Acc(entry, category, required, 1, source[:300], order, min_years, entry.aliases)
        return order + 1
    cur.count += 1
    cur.required = cur.required or required
    cur.aliases = tuple(dict.fromkeys((*cur.aliases, *entry.aliases)))
    return order


_ROLE_CLAUSE = re.compile(r"\b(role|roles|position|positions|capacity|function)\b", re.I)
_ROLE_GAP = re.compile(r"\b(?:in|at|as|within|for|with|of|on|to)\b|[.;:]", re.I)
_FIELD_AFTER = re.compile(r"^\W*(?:experience|development|work)\b", re.I)
# names of fields of work ("Data Engineering", "Technical Support"), not tools or languages
_FIELD_WORDS = frozenset(
    ["engineering", "development", "support", "security", "operations", "administration"]
)


def _experience_only(clause: str, mentions: Sequence[Mention]) -> set[str]:
    """Names a years clause uses only as the field of the experience, not as a skill to show:
    all of them in "3+ years in a security engineering or SOC role", the role in "2 years of
    experience as a business analyst", and a field in "4+ years of
    data engineering experience" (but not Python in "4+ years of Python experience")."""
    roles = [r.start() for r in _ROLE_CLAUSE.finditer(clause)]
    # a name that qualifies the role noun ("a DevOps role") is its field; "Python in a senior
    # role" still asks for Python
    in_role = {
        m.entry.name
        for m in mentions
        if m.entry.category in ("skill", "domain")
        and any(r >= m.end and not _ROLE_GAP.search(clause[m.end : r]) for r in roles)
    }
    as_role = {
        m.entry.name for m in mentions if re.search(r"\bas an?\s+$", clause[: m.start], re.I)
    }
    return (
        in_role
        | as_role
        | {
            m.entry.name
            for m in mentions
            if m.entry.category in ("skill", "domain")
            and m.entry.name.split()[-1].lower() in _FIELD_WORDS
            and _FIELD_AFTER.match(clause[m.end :])
        }
    )


# "MS or PhD in bioinformatics", "... or a related field": what follows names the degree's field
_DEGREE_FIELD = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s?|ph\.?d|msc|bsc|b\.?s\.?|m\.?s\.?)\s+(?:\w+\s+)?in\b"
    r"|\bor\s+(?:a\s+)?related\s+(?:field|discipline|subject)",
    re.I,
)
_DEGREE = re.compile(
    r"(?i)\b(?:degree|bachelor|master|phd|doctor|diploma|bsc|msc|b\.?s\.?|m\.?s\.?)(?:\b|(?<=\.))"
)


_DEGREE_IN = re.compile(
    r"\b(?:degree|bachelor'?s|master'?s|b\.?sc?\.?|m\.?sc?\.?|ph\.?d\.?|diploma|associate'?s)"
    r"(?:\s+degree)?\s+in\s+(?P<field>[A-Za-z][\w&/'-]*(?:(?:\s*,\s*|\s+)(?!or\s+(?:an?\s+)?"
    r"(?:related|equivalent|similar|comparable)\b)(?!and\b|with\b|from\b|plus\b"
    r"|may\b|can\b|will\b|must\b|should\b|is\b|are\b)"
    r"[\w&/'-]+){0,7})",
    re.I,
)
# a degree the vocabulary names without its field ("Economics Degree" already has one)
_BARE_DEGREE = re.compile(
    r"(?:Bachelor's|Master's|Associate'?s?)\s+Degree|PhD|Doctorate|Diploma", re.I
)
_SMALL = frozenset(["or", "and", "of", "a", "an", "the", "in"])


def _degree_fields(field: str) -> list[str]:
    """The fields a degree's field names, each in full ("Electrical or Computer Engineering"
    -> "electrical engineering", "computer engineering")."""
    parts = [
        re.sub(r"^(?:an?|the)\s+", "", f.strip(), flags=re.I).lower()
        for f in re.split(r",\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+", field)
        if f.strip() and not re.search(r"\b(?:related|similar|equivalent)\b", f, re.I)
    ]
    head = parts[-1].split()[-1] if parts and len(parts[-1].split()) > 1 else ""
    # ("Civil or Structural Engineering": the adjective before the head both share)
    return [
        f"{f} {head}" if head and " " not in f and (f.endswith(("al", "ic")) or f == "civil") else f
        for f in parts
    ]


def _degree_field(clause: str) -> str | None:
    """The field a degree is in ("a bachelor's degree in civil or structural engineering";
    "B.S. in Mechanical, Manufacturing or Industrial Engineering")."""
    m = _DEGREE_IN.search(clause)
    if m is None:
        return None
    field = m.group("field")
    # a comma goes on only in a list of fields that ends in "or"/"and" ("Machine Learning,
    # Statistics, or equivalent" keeps one)
    listed = re.search(r",(?!\s*(?:an?|the)\s)\s*[^,]{1,40}?\b(?:or|and)\s+\w", field) or re.match(
        r"\s*,?\s*or\s+(?:an?\s+)?(?:related|equivalent|similar|comparable)\b", clause[m.end() :]
    )
    if "," in field and not listed:
        field = field.split(",", 1)[0]
    words = field.split()
    while words and words[-1].lower().strip(",") in _SMALL:
        words.pop()
    if words:  # "in social work, psychology, sociology, criminal justice, or a related field"
        words[-1] = words[-1].rstrip(",")
    return (
        " ".join(
            w if w.lower() in _SMALL or w[1:].lower() != w[1:] else w.capitalize() for w in words
        )
        or None
    )


# what years are of when no known skill names it: "of commercial appraisal experience", "as a
# lead teacher", "handling first-party property claims", "of experience supporting a C-level
# executive"; up to a comma, a parenthesis or an aside
_KIND_OF_YEARS = (
    r"(?:(?:hands-on|professional|relevant|progressive|direct|practical|full-time|paid|recent|"
    r"related)\s+)*"
)
# "of experience", and "' professional experience" after "3 years"
_OF_EXPERIENCE = rf"(?:of\s+)?{_KIND_OF_YEARS}experience\s+"
_YEARS_FIELD = re.compile(
    # ("one year's experience of processing and determining planning applications")
    rf"^(?:['\u2019]s?)?\s+(?:{_OF_EXPERIENCE}(?:of\s+)?(?P<ger>[a-z]+ing\s[^,;:.()]+)"
    # ("3 years' experience as Vessel Planner in a container terminal": a role, no article)
    rf"|{_OF_EXPERIENCE}(?P<as2>as\s+(?:an?\s+|(?=[A-Z]))[^,;:.()]+)"
    # "of experience in the construction trades", "in a busy fresh-food kitchen"
    rf"|(?:{_OF_EXPERIENCE})?(?P<inf>in\s+(?!the\s+(?:last|past|next)\b)(?:the\s+|an?\s+)?"
    r"[a-z][^,;:.()]+)"
    rf"|(?:of\s+)?{_KIND_OF_YEARS}"
    r"(?P<exp>(?!(?:or|and)\s)(?:[\w/&'-]+\s+){1,6}?experience\b)"
    r"|(?P<as>as\s+an?\s+[^,;:.()]+)"
    # "24 months sea time as Second Engineer": a seafarer's years at sea in a rank
    r"|(?P<sea>sea\s+(?:time|service)(?:\s+as\s+(?:an?\s+|(?=[A-Z]))[^,;:.()]+)?)"
    r"|(?P<ing>[a-z]+ing\s[^,;:.()]+))",
    re.I,
)
_FIELD_CUT = re.compile(
    r"\s(?:including|ideally|preferably|with\s+(?:at\s+least|a\s+focus)|in\s+(?:a|an|the)\s|"
    r"at\s|on\s|within\s|for\s|where\s|who\s|and\s+(?:a|an|the)\s)",
    re.I,
)


def _years_field(rest: str) -> str | None:
    """The words that say what the years are of ("of commercial appraisal experience"), or None
    ("of experience" alone, or words too many to name a field)."""
    m = _YEARS_FIELD.match(rest)
    if m is None:
        return None
    kind = m.lastgroup
    text = m.group(kind)
    if kind == "exp":
        words = text.split()[:-1]
        if not words or words[0].lower() in ("of", "in", "the", "a", "an", "work", "industry"):
            return None
        return "of " + text
    if kind == "ger":
        text = "of experience " + text
    cut = _FIELD_CUT.search(
        text, 3 if kind != "inf" else len(re.match(r"in\s+(?:the\s+|an?\s+)?", text)[0])
    )
    text = (text[: cut.start()] if cut else text).strip()
    if kind == "inf" and re.fullmatch(r"in (?:the |this |a )?(?:field|industry|role|area)", text):
        return None  # "in the field": no field named
    if len(text.split()) > 8 and (rank := re.search(r"\s+as\s+", text[3:])):
        # "in pastry as Demi Chef / Chef de Partie": too long a name, the field alone says it
        text = text[: rank.start() + 3]
    return text if 2 <= len(text.split()) <= 8 else None


# "sit for the PE exam within two years of joining", "over the last five years we have grown":
# a deadline or a stretch of time, not years of experience asked for
_NOT_TENURE = re.compile(
    r"\b(?:within|after|every|in|in (?:the|your) (?:first|next)|(?:over|for|in|within) the "
    r"(?:last|past|next))\s+$",
    re.I,
)
# "Minimum 12 months of verifiable Class A tractor-trailer experience": months count too
_MONTHS = re.compile(rf"\b(?P<n>{_NUM})\s*(?:\+|plus|or more)?\s*months?\b", re.I)
_SETTING = re.compile(r"\bexperience\s+(?:in|at|within|on)\s+(?:an?\s+|the\s+)?$", re.I)


def _experience_after(text: str) -> bool:
    """Whether months said just before ``text`` are of experience ("12 months of verifiable
    tractor-trailer experience"), not a deadline or a term ("within 12 months of hire")."""
    # "Minimum 24 months sea time as Second Engineer": a seafarer's experience is sea time
    return bool(re.match(r"[^.;:]{0,60}?\b(?:experience|sea time|sea service)\b", text, re.I))


def _years(clause: str, mentions: Sequence) -> list[tuple[float, SkillEntry | None, str | None]]:
    """Each "N+ years" of a clause, with the known skill they attach to or else the words that
    say what they are of."""
    out = []
    months = [m for m in _MONTHS.finditer(clause) if _experience_after(clause[m.end() :])]
    found = sorted([*_YEARS.finditer(clause), *months], key=lambda m: m.start())
    for k, m in enumerate(found):
        n = m.group("n").lower()
        yrs = float(_NUM_WORDS.get(n, 0) or float(n) if n not in _NUM_WORDS else _NUM_WORDS[n])
        if m.re is _MONTHS:
            yrs = round(yrs / 12, 2)
        if not 0 < yrs <= 40 or _NOT_TENURE.search(clause[: m.start()]):
            continue
        # the skill the years attach to: the first technical mention after it, before the next
        # years ("6+ years in infrastructure, including 3+ years in cloud architecture")
        stop = found[k + 1].start() if k + 1 < len(found) else len(clause)
        after = [
            x
            for x in mentions
            if m.end() <= x.start < stop and x.entry.category in ("skill", "tool", "domain")
        ]
        subject = after[0].entry if after and after[0].start - m.end() < 60 else None
        field = _years_field(clause[m.end() : stop])
        # "two years of CT experience in an acute-care hospital": the hospital is where the
        # years were spent, CT what they are of
        setting = (
            subject is not None
            and field is not None
            and subject.category == "domain"
            and _SETTING.search(clause[m.end() : after[0].start]) is not None
        )
        if setting:
            subject = None
        elif subject is not None:
            field = None
        out.append((yrs, subject, field))
    return out


_UNKNOWN_STOP = frozenset(
    [
        "experience",
        "knowledge",
        "english",
        "the",
        "a",
        "an",
        "our",
        "their",
        "modern",
        "large-scale",
        "production",
        "similar",
        "other",
        "related",
        "relevant",
        "strong",
        "solid",
        "good",
        "excellent",
        "proven",
        "working",
        "any",
        "all",
        "some",
        "various",
        "tools",
        "tooling",
        "technologies",
        "frameworks",
        "languages",
        "systems",
        "services",
        "platforms",
        "cloud",
        "data",
        "software",
        "and",
        "or",
        "etc",
    ]
)


def _short_names(name: str) -> tuple[str, ...]:
    """What people call an agency's or a vendor's product in speech: "EPA SWMM" -> "SWMM",
    "IBM CICS" -> "CICS", "QPS Qimera" -> "Qimera"."""
    m = re.fullmatch(r"[A-Z]{2,5} ([A-Z][A-Z0-9]{1,7}|[A-Z][a-z][\w-]{2,})", name)
    if m:
        return (m.group(1),)
    # "AS/NZS 3000" is said "AS 3000", "NZS 3000" or "AS NZS 3000"
    m = re.fullmatch(r"([A-Z]{2,5})/([A-Z]{2,5}) (\d[\w.]*)", name)
    if m:
        a, b, n = m.groups()
        # and by its number alone where that is no round figure nor a year ("5033", "4777";
        # not "3000", "2019")
        k = int(re.sub(r"\D.*", "", n))
        alone = (n,) if k >= 100 and k % 100 and not 1900 <= k <= 2099 else ()
        return (f"{a} {n}", f"{b} {n}", f"{a} {b} {n}", *alone)
    return ()


def _unknown_skills(
    clause: str,
    mentions: Sequence,
    vocab: Vocabulary,
    nlp: object | None,
    *,
    listed: bool = False,
    raw: str,
) -> list[str]:
    out: list[str] = []
    doc = None
    cues = list(_UNKNOWN_CUE.finditer(clause))
    if listed and not cues:
        # a listed requirement names its tool after a bare "with": "Async Rust with Tokio",
        # or at its end after "in": "Proficiency writing estimates in Xactimate"
        cues = list(_WITH_CUE.finditer(clause)) + list(_IN_TOOL.finditer(clause))
    for m in cues:
        rest_start = m.start("rest")
        rest = m.group("rest")
        # ("AS/NZS 3000", "ISO/IEC 27001": one standard, named by both its bodies)
        pieces = re.split(
            r"(,|\band\b|\bor\b|/(?![A-Z]{2,5} ?\d)|\(|\)|\s[-\u2013\u2014]+\s)", rest
        )
        last = -1  # the piece the last name came from
        for k in range(0, len(pieces), 2):
            part = pieces[k]
            chunk = part.strip()
            # "acquisition in QINSy", "with processing in CARIS HIPS": the product after the
            # practice; "Kongsberg EM series": the product without its generic word
            tail = _PRODUCT_TAIL.search(chunk)
            chunk = tail.group(1) if tail else chunk
            chunk = re.sub(r"\s+(?:series|range|family|suite|line|platform)$", "", chunk)
            if not chunk:
                continue
            off = rest_start + rest.find(chunk)
            if any(x.start < off + len(chunk) and x.end > off for x in mentions):
                continue
            if _in_law_name(clause, off, off + len(chunk)):
                continue  # "Health" of "the Health and Safety Code"
            if k >= 2 and pieces[k - 1] == "and" and _BODY_NAME.search(pieces[k - 2]):
                # "the College of Clinical Perfusion Scientists of Great Britain and Ireland":
                # the rest of a body's name
                continue
            if re.match(r"\.[a-z]", clause[off + len(chunk) :]):
                continue  # "Frame.io" cut at its dot
            words = chunk.split()
            if not 1 <= len(words) <= 3:
                continue
            aside = clause[:off].count("(") > clause[:off].count(")")
            if (known := vocab.get(chunk)) is not None and (
                aside
                or vocab.in_context(Mention(known, off, off + len(chunk), chunk, "exact", 1.0), raw)
            ):
                # (a known name out of its field is a product of this one: "Delphi (or similar
                # event management system)" in a hotel's JD is no Object Pascal; in an aside,
                # "(Caterease, Delphi)", an example)
                continue
            if len(chunk.strip(" .-")) < 2:
                continue  # "U." of a "U.S." the sentence splitter cut
            # a product name: capitalised (or CamelCase / has digits), not a generic word
            if not all(w[0].isupper() or any(c.isdigit() for c in w) for w in words):
                continue
            if any(w.lower() in _UNKNOWN_STOP for w in words):
                continue
            if re.fullmatch(r"[A-Z]{2,}s", words[-1]):
                continue  # a plural acronym is people or things ("CFOs", "CRAs"), not a product
            # "R2Sonic", "QINSy": spelled as only a product is, whatever the tagger reads
            coined = any(_COINED.search(w) for w in words)
            if nlp is not None and not coined:
                # tagged in its clause: alone, "Xactimate" reads as a verb
                doc = doc or nlp(clause)  # type: ignore[operator]
                toks = [t for t in doc if off <= t.idx < off + len(chunk)]
                if not any(t.pos_ in ("PROPN", "NOUN", "X") for t in toks):
                    continue
                if (m.re is _IN_TOOL or tail) and any(
                    e.label_ in ("GPE", "LOC", "NORP", "LANGUAGE")
                    for e in doc.ents
                    if off <= e.start_char < off + len(chunk)
                ):
                    continue  # "experience in Texas": a place, not a product
            name = chunk.strip(" .-")
            if last == k - 2 and pieces[k - 1] == "or":
                out[-1] += f" or {name}"  # "QINSy or HYPACK": either will do
            else:
                out.append(name)
            last = k
    return out


# ("A strong commitment to WHS": the field, not "Strong Commitment")
_LEAD_NOUN = (
    r"(?:experience|knowledge|understanding|grasp|command|background|familiarity|handle|"
    r"commitment|adherence|awareness|exposure|proficiency|competence|expertise)"
)
_PHRASE_LEAD = re.compile(
    # "A solid grasp of attribution"
    # "A current High Risk Work Licence": the licence, not "Current High Risk ..."
    rf"^(?:an?\s+(?=(?:\w+\s+)?{_LEAD_NOUN}\b|(?:current|valid|active|unrestricted)\b))?"
    r"(?:(?:strong|solid|excellent|proven|good|deep|hands-on|working|practical|sound|"
    r"demonstrated|demonstrable|extensive|advanced|basic|some|prior|previous|professional|"
    r"real-world|strict|minimum|"
    r"(?:field|clinical)(?=\s+experience)|"
    # ("Expert-level proficiency in DaVinci Resolve Studio": a level, said with a hyphen)
    rf"production|expert|in-depth|thorough|{_LEVEL}|"
    # "Current, unrestricted Washington State dental hygienist license": the credential's
    # ("Basic or Intermediate Rigging": the level said either way)
    r"current|active|valid|unrestricted)(?:\s*,\s*|\s+(?:(?:or|and)\s+)?))*"
    r"(?:(?:experience|knowledge|understanding|expertise|familiarity|proficiency|background|"
    r"competence|competency|skills?|grasp|command|exposure|handle|awareness|fluency|"
    r"participation|involvement|"
    r"confidence|comfort|adherence|commitment|time(?:\s+spent)?)\s+"
    r"(?:with|in|of|using|on|across|to)\s+"
    # "Experience preparing permit applications": the practice is the gerund phrase
    r"|(?:experience|proficiency|comfort|confidence|competence)\s+(?=[a-z]+ing\b)"
    # "Graduate of a CODA-accredited dental hygiene program": the program is the credential
    r"|graduat(?:e|ion)\s+(?:of|from)\s+"
    # "Licensure as a Professional Engineer in Ohio": the credential is what it registers
    rf"|{_REGISTERS}\s+as\s+(?:an?\s+)?"
    # "Demonstrated ability to analyze loss runs", "Able to read electrical blueprints": what
    # the verb works on
    r"|(?:ability|able|authori[sz]ation|authori[sz]ed)\s+to\s+(?:[a-z]+ly\s+)?"
    r"(?!work\b|travel\b|lift\b|commute\b)[a-z]+\s+"
    r"(?:and\s+[a-z]+\s+)?)?"
    # "Experienced with e-filing ...", "Comfortable managing discovery: ..."
    r"(?:(?:experienced|comfortable|confident|fluent|proficient|skilled)\s+(?:with|in|at)?\s*"
    # ("Competent in CTG interpretation"; "Competent user of IPS" below)
    r"|competent\s+(?:with|in|at)\s+)?"
    # "Competent user of IPS": the product is what is used; "Proficient use of electronic
    # patient records": what is used
    r"(?:(?:a\s+)?(?:competent|confident|proficient|experienced|advanced|skilled|power|"
    r"expert|regular)\s+user\s+of\s+"
    r"|(?:competent|confident|proficient|effective|safe|skilled)\s+use\s+of\s+)?",
    re.I,
)
_PHRASE_END = re.compile(
    # "time-to-event methods": a word inside a hyphenated one ends nothing
    r"\s*(?:[,(;:]|\s[-\u2013]\s|(?<![\w-])(?:for|with|in|to|and|or|across|at|on|using|"
    r"including|such as|via|over|from|within|through|as|under|that|which|whose)(?![\w-])|$)",
    re.I,
)
_PHRASE_TRAIL = frozenset(
    ["experience", "skills", "skill", "knowledge", "expertise", "background", "abilities"]
)
_PHRASE_REJECT = frozenset(
    [
        "ability", "able", "willing", "willingness", "passion", "passionate", "eager", "excited",
        "comfortable", "you", "we", "must", "should", "bachelor", "bachelors", "master",
        "masters", "degree", "fluent", "english", "great", "a", "an", "the", "our", "your",
        "any", "other", "similar", "equivalent", "relevant", "related", "team", "teams",
        "work", "working", "years", "year", "plus", "bonus", "nice", "preferred", "required",
        "experience",
    ]
)  # fmt: skip


_APPLICANTS = frozenset(
    ["applicants", "candidates", "students", "individuals", "people", "persons", "applicant"]
)
_CONDITION = re.compile(
    r"\b(?:transportation|hand tools|own tools|background check|drug (?:test|screen)\w*|"
    r"work authori[sz]ation|right to work|(?:working|work) rights|overtime|weekends?|on[- ]call|"
    r"reliable transport|physical(?:ly)?\s+(?:ability|able|fit\w*|demands?)|"
    r"internet connection|(?:reliable|stable|fast|high-speed) internet|backup power|"
    r"(?:liability|indemnity|malpractice) (?:insurance|cover)|"
    # "field travel in county vehicles is required"; travel planning is a skill
    r"travel(?!\s+(?:planning|arrangements?|booking|management|coordination|itinerar)))\b",
    re.I,
)
_GERUND_PAIR = re.compile(r"^[a-z]+ing\s+and\s+[a-z]+ing\b", re.I)


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A listed requirement's leading noun phrase that no vocabulary entry covers."""

    name: str
    end: int  # where it ends in the clause
    gerund: bool  # a lone "-ing" word ("Scripting"): a requirement only with the tools it names
    credential: bool = False  # "Active RN license": education, not a skill to evidence in talk
    aliases: tuple[str, ...] = ()  # the JD's other words for it ("reefer shipments")
    category: str = "skill"


# a paper held with the body that grants it, named by the body's initials: "Current
# registration in good standing with the College of ... of Ontario (CMRITO) as an MRT(T)",
# "Certification with the Canadian Association of ... (CAMRT) in Radiation Therapy"
_PAPER_WITH_BODY = re.compile(
    r"^(?:(?:a|an|current|valid|active|full)\s+)*(?P<paper>registration|certification|licensure|"
    # ("Registration, or eligibility for registration, with the College of ...")
    r"licen[cs]e|membership)(?:,?\s+or\s+eligib\w*\s+(?:for|to)\s+[\w ]{1,30}?,)?\s+"
    r"(?:in\s+good\s+standing\s+)?(?:with|from|by)\s+(?:the\s+)?"
    r"(?-i:(?P<body>[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|(?:of|and|for|in|&)(?=\s+[A-Z])))*)"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z]{1,7})\)(?:\s+in\s+(?P<field>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))?"
    r"|(?=\s*(?:[,.;]|$))))",
    re.I,
)


def _paper_of_body(clause: str) -> SkillEntry | None:
    """The paper a listed line holds with a body it names by initials, named by them."""
    m = _PAPER_WITH_BODY.match(clause.strip(" -*\u2022\t"))
    if m is None:
        return None
    acr, field, body = m.group("acr"), m.group("field"), m.group("body")
    if acr is None:  # "Registration ... with the College of Optometrists of Ontario"
        return SkillEntry(
            name=f"{body} {m.group('paper').lower()}", category="education", aliases=(body,)
        )
    name = f"{acr} {m.group('paper').title()}" + (f" in {field}" if field else "")
    return SkillEntry(name=name, category="education", aliases=(acr, body))


_SKILLISH = ("skill", "tool")
# a credential named after the body that issues it
_ISSUED = re.compile(
    r"^(?:(?:a|an|the|current|valid)\s+)*(?:[A-Z][\w&.'-]*\s+|(?:of|and|&|for)\s+){1,10}?"
    r"(?:Department|Board|Council|Authority|Agency|Commission|Ministry|Association|Institute|"
    r"Society|Bureau)\b(?:\s+(?:of|and|&|for|[A-Z][\w&.'-]*))*\s+"
    r"(?P<paper>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:licen[cs]e|certification|certificate|"
    r"registration|permit|card))\b"
)
# what a credential is called ("Valid Class A CDL": a commercial driver's license)
_PAPERS = r"licen[cs]e|licensure|certification|certificate|CDL"
_CREDENTIAL_NOUN = rf"(?:credential|{_PAPERS}|designation)s?\b"
_CREDENTIAL_WORD = re.compile(rf"\b{_CREDENTIAL_NOUN}", re.I)
_CREDENTIAL = re.compile(rf"\b(?:{_PAPERS}|degree|diploma|credential)s?$", re.I)


_PAPER_LEAD = re.compile(
    rf"graduat|(?:(?:valid|current|active)\s+)?{_REGISTERS}\s+as\b",
    re.I,
)
_AVAILABLE = re.compile(r"(?:availability|available|willing(?:ness)?)\b", re.I)
# a qualification framework's level and field: "Certificate III in Individual Support", "Cert
# IV in Leadership and Management" (after a lead such as "Recognised trade qualification:")
_LEVEL_PAPER_ANY = re.compile(
    r"(?P<paper>\b(?:Certificate|Cert\.?)\s+(?P<level>I{1,3}|IV|V|[1-5])\s+(?:in|of)\s+"
    r"(?P<field>[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*))"
)
_LEVEL_PAPER = re.compile(
    r"^(?:[^:()]{0,40}:\s*)?(?i:(?:a|an|the|current|valid|completed)\s+)*"
    + _LEVEL_PAPER_ANY.pattern  # (its field in capitals: "... in Roof Plumbing or equivalent")
)
# a national or named paper in a field: "NZ Certificate in Automotive Engineering (Level 4)",
# "National Diploma in Engineering"
_PAPER_IN_FIELD = re.compile(
    r"^(?i:(?:a|an|the|current|valid|completed)\s+)*"
    # ("Minimum Diploma in Business, ...": "Minimum" is no part of a paper's name)
    r"(?P<paper>(?:(?!(?:Minimum|Relevant|Recogni[sz]ed|Accredited|Appropriate|Suitable)\b)"
    r"[A-Z][\w.'-]*\s+){1,3}(?:Certificate|Diploma)\s+in\s+"
    r"(?P<field>[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*))"
    r"(?:\s*\((?P<level>Level\s+\d)\))?"
)
_LEVEL_WORDS = {"I": ("1", "One"), "II": ("2", "Two"), "III": ("3", "Three"), "IV": ("4", "Four"),
                "V": ("5", "Five")}  # fmt: skip


def _level_aliases(m: re.Match[str]) -> tuple[str, ...]:
    """How a levelled qualification is said: "Cert III in X", "Cert 3 X", "Certificate Three in
    X" (the level as a numeral, a digit or a word; "in" often dropped)."""
    level = m.group("level").upper()
    roman = next((r for r, (d, _) in _LEVEL_WORDS.items() if d == level), level)
    field = m.group("field")
    forms = (roman, *_LEVEL_WORDS.get(roman, ()))
    return tuple(
        f"{cert} {lv}{sep}{field}"
        for cert in ("Cert", "Certificate")
        for lv in forms
        for sep in (" in ", " ")
        if f"{cert} {lv}{sep}{field}".lower() != m.group("paper").lower()
    )


_VERB_PAIR = re.compile(r"[a-z]+ (?:and|or) [a-z]+")


_WORK_RIGHT = re.compile(rf"\b{_WORK_RIGHT_WORDS}\b", re.I)


def _phrase_skill(clause: str, mentions: Sequence[Mention], nlp: object | None) -> _Phrase | None:
    """The leading noun phrase of a listed requirement when no vocabulary name lies in it:
    "Threat modeling (STRIDE or similar)" -> "Threat Modeling", "SIEM experience, e.g. Splunk"
    -> "SIEM", "Edit check specification and User Acceptance Testing" -> "Edit Check
    Specification" (the second skill is the vocabulary's), "Writing Data Management Plans".
    None when the phrase is no noun or a known skill starts it."""
    if not clause.lstrip(" -*\u2022\t")[:1].isupper():
        return None  # the rest of a sentence, not the start of a listed requirement
    zones = _example_zones(clause)
    synonym = _inline_synonym(clause, zones, mentions)
    if synonym is not None:
        # "temperature-controlled (reefer) shipments": the phrase reads on past its synonym
        z0, z1, _ = synonym
        clause = clause[:z0] + " " * (z1 - z0) + clause[z1:]
        zones = _example_zones(clause)
    head_end = zones[0][0] if zones else len(clause)
    stripped = clause[:head_end].strip(" -*\u2022\t")
    if issued := _ISSUED.match(stripped):
        # "North Carolina Department of Agriculture & Consumer Services pesticide applicator
        # license": the credential, not the body that issues it
        name = issued.group("paper")
        start = clause.find(name)
        return _Phrase(name[:1].upper() + name[1:], start + len(name), False, True)
    whole = clause.strip(" -*\u2022\t")
    if level := _LEVEL_PAPER.match(whole):
        # "Certificate III in Roof Plumbing (CPC31420) or equivalent": the qualification is its
        # level and field, said short in talk ("Cert Three roof plumbing"); the others it
        # lists ("..., Certificate III in Mobile Plant Technology, or ...") are as good
        name = level.group("paper")
        aliases = [*_level_aliases(level)]
        for other in _LEVEL_PAPER_ANY.finditer(whole, level.end()):
            aliases += [other.group("paper"), *_level_aliases(other)]
        end = clause.find(name) + len(name)
        return _Phrase(name, end, False, True, aliases=tuple(dict.fromkeys(aliases)))
    if named := _PAPER_IN_FIELD.match(whole):
        # "NZ Certificate in Automotive Engineering (Level 4)": the paper is named by its field,
        # said by its level ("Qualified 2017, Level 4") or its field
        name, field, level = named.group("paper", "field", "level")
        aliases = (field, *((level, f"{level} {field}") if level else ()))
        end = clause.find(name) + len(name)
        return _Phrase(name, end, False, True, aliases=aliases)
    if _AVAILABLE.match(stripped) or _WORK_RIGHT.search(stripped):
        # "Availability for a rotating roster including weekends", "Legal right to work in
        # the UK": a term of work
        return None
    if re.match(r"(?:keen|eager|happy|willing)\s+to\b", stripped, re.I):
        return None  # "Keen to progress to L3": a wish, not a skill
    lead = len(clause[:head_end]) - len(clause[:head_end].lstrip(" -*\u2022\t"))
    head = _PHRASE_LEAD.sub("", stripped)
    led = head != stripped
    head = re.sub(r"^(?:a|an|the)\s+", "", head, flags=re.I)
    # "the Law Society's Conditions of Sale": the conditions, not the body that sets them
    head = re.sub(r"^(?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*'s\s+(?=[A-Z])", "", head)
    lead += len(stripped) - len(head)
    # "installing 480/277V and 208/120V three-phase power distribution": ratings qualify the
    # practice and are no part of its name (blanked, so positions stay those of the clause)
    head = _RATINGS.sub(lambda r: " " * len(r.group(0)), head)
    # "Rating and pricing commercial accounts": two practices on one object
    pair = _GERUND_PAIR.match(head)
    m = _PHRASE_END.search(head, pair.end() if pair else 0)
    if pair and (of := re.compile(r"\s+of\b").search(head, pair.end())):
        # "Calendaring and docketing of court deadlines": the practices, not what they act on
        m = of if m is None or of.start() < m.start() else m
    end = lead + (m.start() if m else len(head))
    shared = _shared_head(clause, lead, end) if not pair else None
    if shared is not None:
        end = shared  # "Health, safety and brand standards compliance": one head, one name
    if any(x.start < end and x.end > lead for x in mentions):
        return None  # the vocabulary names it ("Strong Linux systems knowledge")
    if any(x.end <= lead for x in mentions):
        return None  # "Ability to communicate results": the skill is the verb's (Communication)
    if any(x.start >= end and not clause[end : x.start].strip() for x in mentions):
        return None  # "Generosity as a collaborator": the trait of the skill named after it
    words = head[: end - lead].split()
    while words and words[-1].lower().strip(".") in _PHRASE_TRAIL:
        words.pop()
    words = [w.strip(".") for w in words]
    if len(words) > 1 and re.fullmatch(r"(?:19|20)\d\d", words[-1]) and words[-2][:1].isupper():
        words.pop()  # "Family Home Protection Act 1976": the act, without its year
    # "structured outputs / function calling": two names of one; "ODOT Location & Design
    # Manual": one title
    slashes = words.count("/") + words.count("&")
    if shared is not None:
        slashes += sum(w.endswith(",") or w == "and" for w in words)
    # "Graduate of a CODA-accredited dental hygiene program", "Certified General Real Property
    # Appraiser license": a credential's name is long
    graduate = bool(_PAPER_LEAD.match(stripped))
    paper = graduate or bool(_CREDENTIAL.search(" ".join(words)))
    if (
        not 1 <= len(words) - slashes <= 4 + bool(pair) + 2 * slashes + 2 * paper
        or words[:1] in (["/"], ["&"])
        or words[-1:] in (["/"], ["&"])
        or not all(
            re.fullmatch(r"[A-Za-z][\w+#.\-/']*|\d[A-Za-z]\w*|/|&", w.rstrip(","))
            # "1099 reporting": a form's number names the practice
            or (k < len(words) - 1 and re.fullmatch(r"\d{3,5}(?:-[A-Z]+)?", w))
            for k, w in enumerate(words)
        )
    ):  # "3D math"
        return None
    last = words[-1].lower()
    # "vendor master data" is a term; a lone "data" or "systems" names nothing
    term_tail = len(words) >= 3 and last in ("data", "systems", "services", "software")
    if words[0].lower() in _PHRASE_REJECT or (last in _UNKNOWN_STOP and not term_tail):
        return None
    if (last in _APPLICANTS and not words[0].lower().endswith("ing")) or (
        words[0].lower() == "only"
    ):
        # "final-level students ...", "Only applicants with ...": who, not what ("Supervising
        # students" is a practice)
        return None
    if _CONDITION.search(" ".join(words)):
        return None  # "Reliable transportation", "Own hand tools": terms of work, not skills
    # "Working knowledge of rigging": after "knowledge of" a lone "-ing" word is the field's name
    of_lead = led and bool(re.search(r"\bof\s*$", stripped[: len(stripped) - len(head)]))
    gerund = len(words) == 1 and words[0].lower().endswith("ing") and not of_lead
    if nlp is not None:
        doc = nlp(" ".join(words))  # type: ignore[operator]
        if len(doc) == 0:
            return None
        gerund = len(doc) == 1 and doc[0].tag_ == "VBG" and not of_lead
        # "loss runs": a plural noun after a noun, which a fragment's tagger reads as a verb
        plural = len(doc) > 1 and doc[-1].tag_ == "VBZ" and doc[-2].pos_ in ("NOUN", "PROPN")
        # "conduit bending", "data processing": a practice named by its object and a gerund
        compound = (
            len(doc) > 1 and doc[-1].tag_ == "VBG" and doc[-2].pos_ in ("NOUN", "PROPN", "NUM")
        )
        # "Calendaring and docketing": two practices, named by their verbs alone
        both = pair is not None and len(words) == 3
        noun = doc[-1].pos_ in ("NOUN", "PROPN", "X") or (of_lead and doc[-1].tag_ == "VBG")
        if not (noun or gerund or plural or compound or both):
            return None
        # "Own the program ...", "Ensure ...": an imperative, not a name ("Writing Data
        # Management Plans" and "Fixed-point arithmetic" are)
        # after a lead no imperative can start ("understanding of register allocation", which
        # the tagger reads as one)
        verbs = ("VBP", "VBZ", "VBD") if led else ("VB", "VBP", "VBZ", "VBD")
        if doc[0].tag_ in verbs or doc[0].pos_ in ("AUX", "PRON", "DET"):
            return None
        if doc[0].pos_ == "ADP" and "/" not in words[0]:
            return None  # "lockout/tagout" is a name the tagger reads as a preposition
        if (
            doc[0].tag_ == "VBG"
            and len(doc) > 1
            and not pair
            # "(scheduling, training, coaching)": examples of the practice, not the skill; "...
            # and preventing payment fraud": a second practice
            and any(
                x.start >= end
                and not _in_zone(x.start, zones)
                and re.match(r"\s*(?:on|in|with|using|via|for|across|at|through)\b", clause[end:])
                for x in mentions
            )
        ):
            return None  # "Running jobs on HPC clusters": the skill is the one named after it
    name = " ".join(
        w
        if any(c.isupper() for c in w) or (k and w.lower() in _ACRONYM_SKIP | {"or"})
        else "/".join(x.capitalize() for x in w.split("/"))
        for k, w in enumerate(words)
    )  # fmt: skip ("Doctor of Pharmacy", "Maintaining a RoPA": small words stay small)
    aliases: list[str] = []
    if synonym is not None:
        z0, z1, term = synonym
        tail = clause[z1:end].split()
        # the synonym with the words it stands beside, and its plain form
        aliases += [" ".join([term, *tail]).lower(), " ".join(words).lower()]
        before = clause[lead:z0].split()
        if len(before) >= 2 and before[-2].lower() == "of":
            aliases.append(" ".join([before[-1], *tail]).lower())  # "Handling of X": X
    # "CVT, LVT or RVT credential": the first of a list of credentials
    listed_credential = re.match(
        rf"(?:\s*(?:,|/|or|and)\s*[A-Z][\w-]*)+\s+(?:{_CREDENTIAL_NOUN}|degrees?\b)",
        clause[end:],
    )
    if paper and len(words) >= 2 and re.fullmatch(r"[A-Z]{2,5}", words[-1]):
        aliases.append(words[-1].lower())  # "Class A CDL": "I got my CDL in 2019"
    return _Phrase(
        name,
        end,
        gerund,
        paper or listed_credential is not None,
        aliases=tuple(a for a in dict.fromkeys(aliases) if a != name.lower()),
    )


_COLLAB = re.compile(
    r"^\W*(?:experience\s+)?(?:working|partnering|collaborating)\s+"
    r"(?:(?:closely|directly|effectively|daily)\s+)?with\s+(?:the\s+|our\s+)?"
    r"(?P<np>[A-Za-z][\w-]*(?:(?:\s*,\s*|\s+)(?!to\b|on\b|for\b|in\b|across\b|through\b|"
    r"at\b|from\b|during\b|throughout\b|as\b)[A-Za-z][\w-]*){0,5})",
    re.I,
)
# whom a role works with: people and the departments they sit in
_COLLEAGUES = frozenset(
    [
        "experts", "smes", "engineers", "developers", "designers", "stakeholders", "clients",
        "customers", "vendors", "suppliers", "carriers", "counterparties", "partners", "teams",
        "managers", "leaders", "leadership", "executives", "physicians", "nurses", "clinicians",
        "providers", "attorneys", "counsel", "investigators", "researchers", "scientists",
        "analysts", "faculty", "students", "families", "patients", "sales", "procurement",
        "finance", "legal", "marketing", "operations", "product", "engineering", "members", "staff",
        "colleagues", "peers", "contractors", "subcontractors", "architects", "owners", "sponsors",
        "regulators", "auditors", "agencies", "brokers", "underwriters", "adjusters",
    ]
)  # fmt: skip


def _collaboration(
    clause: str, mentions: Sequence[Mention]
) -> tuple[_Phrase, list[Mention]] | None:
    """ "Working with subject matter experts to turn content into learning" -> "Collaboration
    with Subject Matter Experts": the people worked with are whom, and known names among them
    ("sales and procurement") are departments, not skills asked for. None when what follows
    "working with" is no people ("Working with Kubernetes")."""
    if not clause.lstrip(" -*\u2022\t")[:1].isupper():
        return None
    m = _COLLAB.match(clause)
    if m is None:
        return None
    words = m.group("np").replace(",", " , ").split()
    if words[-1].lower() not in _COLLEAGUES:
        return None
    start, end = m.start("np"), m.end("np")
    if any(
        x.start < end and x.end > start and x.entry.category in ("tool", "soft_skill")
        for x in mentions
    ):
        # "Working with Jira and product managers": the tool is asked for; "business
        # stakeholders": the vocabulary's skill (Stakeholder Management) says it already
        return None
    np = " ".join(words).replace(" , ", ", ")
    name = "Collaboration with " + " ".join(
        w if w.lower() in _ACRONYM_SKIP or any(c.isupper() for c in w) else w.capitalize()
        for w in np.split()
    )
    low = np.lower()
    *rest, last = low.split()
    aliases = [f"working with {low}", " ".join([*rest, singular(last), "collaboration"])]
    content = [w for w in low.split() if w not in _ACRONYM_SKIP]
    if len(content) >= 3 and "," not in low:
        # "subject matter experts" are "SMEs"
        initials = "".join(w[0] for w in content)
        aliases += [f"{initials} collaboration", f"working with {initials}s"]
    kept = [x for x in mentions if not (x.start < end and x.end > start)]
    phrase = _Phrase(name, end, False, aliases=tuple(aliases), category="soft_skill")
    return phrase, kept


def _in_zone(pos: int, zones: Sequence[tuple[int, int, bool]]) -> bool:
    return any(z0 <= pos < z1 for z0, z1, _ in zones)


_SYNONYM_NEXT = re.compile(r"\s+[a-z][\w-]*\s*(?:$|[,;:(]|\s(?!of\b)[a-z])")


def _inline_synonym(
    clause: str, zones: Sequence[tuple[int, int, bool]], mentions: Sequence[Mention]
) -> tuple[int, int, str] | None:
    """A word or two in parentheses inside a noun phrase: "temperature-controlled (reefer)
    shipments" -> (start, end past ")", "reefer"). Not a list of examples, not a known name,
    and the phrase goes on after it ("Threat modeling (STRIDE)" ends there)."""
    if not zones or clause[zones[0][0]] != "(" or zones[0][1] >= len(clause):
        return None
    z0, z1 = zones[0][0], zones[0][1]
    inner = clause[z0 + 1 : z1].strip()
    if not 1 <= len(inner.split()) <= 2 or not re.fullmatch(r"[A-Za-z][\w\s-]*", inner):
        return None
    if re.match(r"(?:or|and/or)\s", inner, re.I):
        return None  # "PROMPT (or equivalent) attendance": an allowance, no second name
    if any(z0 <= x.start < z1 for x in mentions):
        return None  # "Workflow managers (Nextflow) experience": a tool named as an example
    after = clause[z1 + 1 :]
    if not _SYNONYM_NEXT.match(after) or _PHRASE_END.match(after):
        return None
    if after.split()[0].lower() in _PHRASE_TRAIL:
        return None  # "(SLURM) experience"
    return z0, z1 + 1, inner


# "Owner and architect communication", "Health, safety and brand standards compliance": lone
# words before a phrase they share the head of
_SHARED_HEAD = re.compile(
    # ("highway or street works inspection": either kind, one head)
    r"(?:\s*,\s*[A-Za-z][\w-]*)*\s*,?\s+(?:and|or)\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){1,3}"
    r"(?=\s*(?:[,(;:]|\s[-\u2013]\s|$|\s(?:including|for|with|in|to|across|at|on|using)\b))"
)


_GROUPS = frozenset(["teams", "staff", "crews", "departments", "units", "shifts"])


def _shared_head(clause: str, lead: int, end: int) -> int | None:
    """Where a coordination that a lone word starts ends, when its last part names the head
    all its words qualify; None otherwise ("Variance analysis and month-end reporting" is two
    practices). After a verb, a group both parts name ("leading front office and housekeeping
    teams") is one object too."""
    words = clause[lead:end].split()
    if not words:
        return None
    m = _SHARED_HEAD.match(clause, end)
    if m is None or re.search(r"\b(?:and|or)\b.*\band\b|\b(?:the|a|an|our|your)\b", m.group(0)):
        return None  # "Accuracy, follow-through, and the confidence to push back": no one head
    if re.search(r"\bor\b", m.group(0)) and not words[0][:1].islower():
        return None  # "Chiller or boiler experience", "CVT, LVT or RVT": either one, named
    if len(words) == 1 and not words[0].lower().endswith("ing"):
        return m.end()
    if words[0].lower().endswith("ing") and m.group(0).split()[-1].lower() in _GROUPS:
        return m.end()
    # "Ohio Funeral Director and Embalmer licenses": one paper of each, held together
    if re.fullmatch(rf"(?:{_PAPERS}|registration|ticket|permit)s", m.group(0).split()[-1], re.I):
        return m.end()
    after = m.group(0).split()
    # "designing shallow and deep foundations", "producing grading and drainage plans": a word
    # on each side of "and" before one head noun
    if (
        len(words) == 2
        and words[0].lower().endswith("ing")
        and len(after) == 3
        and after[0] == "and"
        and not after[1].lower().endswith("ing")
    ):
        return m.end()
    return None


# 480/277V, 208/120V, 100G (a bare "1099" is a form's number: "1099 reporting")
_RATING = r"\d+(?:[/.,:-]\d+)+[A-Za-z]{0,3}|\d{2,}[A-Za-z]{1,3}"
_RATINGS = re.compile(rf"(?<!\S)(?:{_RATING})(?:\s*(?:,|and|or|/)\s*(?:{_RATING}))*(?=\s)")
_CONJUNCT = re.compile(r"\s*,?\s+and\s+(?!also\b|other\b|related\b|similar\b)", re.I)
_LIST_COMMA = re.compile(r"\s*,\s+(?!and\b|or\b|including\b|such\b|e\.g|ideally\b|preferably\b)")


def _conjunct_phrases(
    clause: str, mentions: Sequence[Mention], phrase: _Phrase | None, nlp: object | None
) -> list[str]:
    """The further coordinated practices of a listed requirement that the vocabulary does not
    name: "Experience with anticoagulation management and antimicrobial stewardship" ->
    "Antimicrobial Stewardship", "Working knowledge of CTA, stroke and trauma protocols,
    contrast reaction management and CT dose optimization" -> "Contrast Reaction Management",
    "CT Dose Optimization".
    Only after a lead ("experience with", "understanding of"): a bare "Variance analysis and
    month-end reporting" names one area, as "Network and infrastructure testing" does."""
    body = clause.lstrip(" -*\u2022\t")
    lead_len = len(body) - len(_PHRASE_LEAD.sub("", body, count=1))
    if lead_len == 0 or re.match(r"(?:\w+\s+)?(?:ability|able)\b", body, re.I):
        return []  # "Able to read blueprints and one-line diagrams": one practice
    if phrase is not None:
        pos = phrase.end
    else:
        lead = len(clause) - len(body) + lead_len
        lead += len(clause[lead:]) - len(re.sub(r"^(?:a|an|the)\s+", "", clause[lead:], flags=re.I))
        first = next((m for m in mentions if m.start == lead), None)
        if first is None:
            return []
        pos = first.end
    out: list[str] = []
    tags = None
    while (m := (_CONJUNCT.match(clause, pos) or _LIST_COMMA.match(clause, pos))) is not None:
        rest = clause[m.end() :]
        e = _PHRASE_END.search(rest)
        end = m.end() + (e.start() if e else len(rest))
        named = [x for x in mentions if x.start < end and x.end > m.end()]
        if named:  # the vocabulary names it: its own requirement; the list goes on after it
            pos = max(x.end for x in named)
            continue
        words = [w.strip(".") for w in clause[m.end() : end].split()]
        while words and words[-1].lower() in _PHRASE_TRAIL:
            words.pop()
        if words[:1] == ["of"]:
            words = words[1:]  # "knowledge of MEL and deferral procedures and of recordkeeping"
        # two to four words: a lone "accuracy" after "attention to detail" is no practice
        if not 2 <= len(words) <= 4 or not all(
            re.fullmatch(r"[A-Za-z][\w\-/']*", w) for w in words
        ):
            break
        if words[0].lower() in _PHRASE_REJECT or words[-1].lower() in _UNKNOWN_STOP:
            break
        if nlp is not None:
            # tagged in its clause: alone, "register allocation" reads as an imperative
            tags = tags if tags is not None else list(nlp(clause))  # type: ignore[operator]
            toks = [t for t in tags if m.end() <= t.idx < end and not t.is_punct]
            if not toks or toks[-1].pos_ not in ("NOUN", "PROPN", "X"):
                break
            # no "VB": the tagger reads "register allocation" as an imperative even in its
            # clause, and a verb's second object ("able to analyze X and identify Y") has no
            # lead here
            if toks[0].tag_ in ("VBP", "VBZ", "VBD") or toks[0].pos_ in ("AUX", "PRON", "DET"):
                break
        out.append(" ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words))
        pos = end
    return out


_ACRONYM_DEF = re.compile(
    r"(?P<words>[A-Za-z][\w'&-]*(?:\s+[A-Za-z&][\w'&-]*){0,6})\s*"
    r"\((?P<acr>[A-Za-z][A-Za-z0-9&]{1,9})\)"
)
_ACRONYM_SKIP = frozenset(
    ["of", "and", "the", "for", "to", "&", "in", "on", "a", "an", "at", "with"]
)


def _acronym_definitions(clause: str, mentions: Sequence[Mention]) -> list[tuple[str, str, int]]:
    """Terms a listed requirement defines with their acronym, which makes them terms of art:
    "physically based rendering (PBR)" -> ("Physically Based Rendering", "PBR", start).
    The acronym's capitals must be the initials of the words before it (small words skipped);
    terms the vocabulary knows are left to it."""
    out = []
    for m in _ACRONYM_DEF.finditer(clause):
        acr = m.group("acr")
        caps = [c for c in acr if c.isupper() or c.isdigit()]
        if len(caps) < 2:
            continue
        parts = [(p.start(), p.group(0)) for p in re.finditer(r"[^\s-]+", m.group("words"))]
        content: list[tuple[int, str]] = []
        k = len(parts)
        while k > 0 and len(content) < len(caps):
            k -= 1
            if parts[k][1].lower() not in _ACRONYM_SKIP:
                content.insert(0, parts[k])
        if len(content) != len(caps) or any(
            p[0].lower() != c.lower() for (_, p), c in zip(content, caps, strict=True)
        ):
            continue
        start = m.start("words") + content[0][0]
        if any(x.start < m.end() and x.end > start for x in mentions):
            continue  # "Azure Kubernetes Service (AKS)": the vocabulary's
        term = clause[start : m.end("words")]
        name = " ".join(
            w if any(c.isupper() for c in w) or w.lower() in _ACRONYM_SKIP else
            "-".join(x.capitalize() for x in w.split("-"))
            for w in term.split()
        )  # fmt: skip
        out.append((name, acr, start))
    return out


_CAPS_WORD = re.compile(r"\b[A-Z]{3,6}\b")


def _own_acronyms(raw: str) -> dict[str, str]:
    """The initials a JD spells out ("Assistive Devices Program (ADP)"), by initials."""
    return {acr: name for name, acr, _ in _acronym_definitions(raw, [])}


def _own_meaning(m: Mention, own: Mapping[str, str]) -> Mention:
    """A vocabulary name said by initials that the JD spells out as something else ("Ontario
    ADP policies" after "the Assistive Devices Program (ADP)", not ADP the payroll product):
    the JD's term, said by the same initials. Kept when the spelled-out words are the entry's
    own ("Role-based Access Control (RBAC)")."""
    long = own.get(m.surface)
    if long is None:
        return m
    e = m.entry

    def content(text: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())}

    if content(long) & content(" ".join([e.name, *e.aliases])):
        return m
    return replace(m, entry=SkillEntry(name=long, category="skill", aliases=(m.surface,)))


def _spelled_out(reqs: list[Requirement], raw: str) -> list[Requirement]:
    """A requirement named by initials the JD spells out elsewhere is said in the words too
    ("Demonstrated proficiency with IGRT" beside "Perform image-guided radiation therapy
    (IGRT)": "how you do image guidance")."""
    words = _own_acronyms(raw)
    out = []
    for r in reqs:
        long = words.get(r.name)
        if long and long.lower() not in {a.lower() for a in r.aliases}:
            r = replace(r, aliases=(*r.aliases, long))
        out.append(r)
    return out


def _said_by_initials(reqs: list[Requirement], raw: str) -> list[Requirement]:
    """A requirement the JD also calls by its initials elsewhere ("A current High Risk Work
    Licence" ... "send us a copy of your HRWL") is said by them too; so is a credential whose
    initials read as no word ("Advanced scaffolding HRWL" where the JD never wrote them; a
    degree's initials are no name people use, and "MEIR" or "CAM" could be a word said in
    passing)."""
    caps = set(_CAPS_WORD.findall(raw))
    out = []
    for r in reqs:
        # ("the Human Tissue Act 2004" is the HTA)
        base = _law_short(r.name) if _LAW_NAME.fullmatch(r.name) else r.name
        words = [w for w in re.findall(r"[^\s/,-]+", base) if w.lower() not in _ACRONYM_SKIP]
        initials = "".join(w[0] for w in words).upper()
        known = {a.lower() for a in (r.name, *r.aliases)}
        # "HRWL", "CAMLS": no vowel in three letters, at most one in four or more
        vowels = sum(c in "AEIOU" for c in initials)
        unspoken = len(initials) >= 3 and vowels <= (1 if len(initials) >= 4 else 0)
        # (one with a short name of its own, "CAMS", needs no other)
        credential = (
            r.category == "education"
            and not _DEGREE.search(r.name)
            and not any(_CAPS_WORD.fullmatch(a) for a in r.aliases)
        )
        if (
            len(words) >= 3
            and all(w[0].isupper() for w in words)
            and (initials in caps or (credential and unspoken))
            and initials.lower() not in known
        ):
            r = replace(r, aliases=(*r.aliases, initials))
        # "Valid STCW III/2 Certificate of Competency" ... "send your CV, CoC and sea service
        # record": a paper's "X of Y" name said by its initials with the small "o"
        m = re.search(r"\b([A-Z])[a-z]+ of ([A-Z])[a-z]+$", r.name)
        short = f"{m[1]}o{m[2]}" if m else ""
        if short and re.search(rf"\b{short}\b", raw) and short not in r.aliases:
            r = replace(r, aliases=(*r.aliases, short))
        out.append(r)
    return out


def _parts_said_alone(reqs: list[Requirement]) -> list[Requirement]:
    """Names joined by a slash ("BOSIET/FOET", "Navis N4 / SPARCS"): either one said alone
    evidences the requirement. Only proper names of three letters or more ("AS/NZS 4488" and
    "blasting/painting" stay whole). So do the terms of a list read as one requirement
    ("Permit-to-work, JSAs and Rope Rescue Planning": "the JSA"), where a part is a term of its
    own: initials, a hyphenated word or two words or more ("Health, Safety and Environment"
    gives none)."""
    out = []
    for r in reqs:
        known = {a.lower() for a in (r.name, *r.aliases)}
        # "Order/Execution Management System", "Lockout/Tagout Procedures": one slash inside
        # a longer name shares the words after it; only a spaced slash or a bare pair splits
        spaced = " / " in r.name
        parts = [p.strip() for p in r.name.split(" / " if spaced else "/")]
        extra: list[str] = []
        if (
            (spaced or " " not in r.name)
            and 2 <= len(parts) <= 3
            and all(len(p) >= 3 and p[0].isupper() and len(p.split()) <= 3 for p in parts)
        ):
            extra = parts
        elif r.category != "education":  # a degree's fields are not the degree
            items = [p.strip() for p in _LIST_PARTS.split(r.name)]
            # ("Forecasting or Sales and Operations Planning": without a comma, only initials
            # are sure to be an item of their own)
            extra = [
                p
                for p in items
                if len(items) >= 3
                and _OWN_TERM.fullmatch(p)
                and ("," in r.name or re.fullmatch(r"[A-Z]{3,6}s?", p))
            ]
            # "JSAs": said one at a time too
            extra += [p[:-1] for p in extra if re.fullmatch(r"[A-Z]{3,6}s", p)]
        r = replace(r, aliases=(*r.aliases, *(p for p in extra if p.lower() not in known)))
        out.append(r)
    return out


_LIST_PARTS = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_OWN_TERM = re.compile(r"[A-Z]{3,6}s?|[A-Za-z]+(?:-[A-Za-z]+)+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,3}")


_LEVELLED = re.compile(
    r"(?:current\s+)?([A-Z]{2,6})\s+Level\s+(\d)((?:\s*(?:,|or|/)\s*(?:Level\s+)?\d)*)"
)


_TALK_INITIALS = frozenset(["HR", "IT", "PR", "QA", "OR", "AM", "PM", "OK", "TV", "ID"])
_CLASS_CODE = r"(?i:class)\s+([A-Z]{1,3}\d?|\d[A-Z]?)\b"  # "class CT", "Class 2", "Class DZ"
_LICENCE_CLASS = re.compile(rf"[\s,\u2014\u2013-]*\(?{_CLASS_CODE}")
_CLASS_IN_NAME = re.compile(rf"\b{_CLASS_CODE}(?=.*\b(?:(?i:licen[cs]e)|CDL)\b)")


# a paper named by its issuer first, spelled as only a name is ("NatureScot", "IATA")
_ISSUER_PAPER = re.compile(
    r"(?P<issuer>[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,6})(?:\s+[\w-]+){1,3}\s+"
    r"(?P<paper>(?i:licen[cs]e|certificate|permit|card))"
)


# a designation after the word for holding it: "Registered P.Geo", "Chartered MCIPS"
_HELD_DESIGNATION = re.compile(
    r"(?:Registered|Licensed|Certified|Chartered|Accredited)\s+((?:[A-Z][a-z]*\.)+[A-Z]\w*\.?"
    r"|[A-Z]{2,6}(?:\([A-Z]\))?)"
)


# "Level 3 qualification in Electrical/Electronic Engineering" is said "my Level 3 Electrical"
_LEVEL_IN = re.compile(
    r"\bLevel\s+(\d)\s+(?:qualification|certificate|diploma|award)s?\s+in\s+(.+)", re.I
)


def _credentials_said_short(reqs: list[Requirement]) -> list[Requirement]:
    """A credential said short: its level ("IRATA Level 2 or Level 3 certification" is "IRATA
    L2" or "IRATA L3" too: "IRATA L2, current till August"; "SVQ Level 3" is "SVQ 3"), a ticket
    without the word ("Working at heights, renewed last October")."""
    out = []
    for r in reqs:
        extra: list[str] = []
        if m := _LEVELLED.match(r.name):
            # (whatever category the name was given)
            levels = [m.group(2), *re.findall(r"\d", m.group(3))]
            extra = [f"{m.group(1)} {p}{n}" for n in levels for p in ("L", "Level ", "")]
        if m := _LEVEL_IN.search(r.name):
            for alt in re.split(r"\s*(?:/|,|\bor\b|\band\b)\s*", m.group(2)):
                if alt.split():
                    extra.append(f"Level {m.group(1)} {alt.split()[0]}")
        if m := _HELD_DESIGNATION.fullmatch(r.name):
            extra.append(m.group(1))  # "Registered P.Geo": "P.Geo with PGO since 2022"
        if r.category == "education":
            extra += _paper_said_short(r)
        known = {a.lower() for a in (r.name, *r.aliases)}
        out.append(replace(r, aliases=(*r.aliases, *(a for a in extra if a.lower() not in known))))
    return out


def _paper_said_short(r: Requirement) -> list[str]:
    """How a paper is said without its full name: a ticket without the word, its issuer or its
    licence class alone."""
    extra: list[str] = []
    if ticket := re.fullmatch(r"(.{6,}?)\s+tickets?", r.name, re.I):
        extra.append(ticket.group(1))
    if issued := _ISSUER_PAPER.fullmatch(r.name):
        # "NatureScot Bat Survey Licence": "NatureScot licence, held it three years"; "WP
        # high risk work licence": "the WP for booms over eleven", by its class code alone
        code = issued.group("issuer")
        extra.append(f"{code} {issued.group('paper')}")
        if re.fullmatch(r"[A-Z]{2,3}", code) and code not in _TALK_INITIALS:
            extra.append(code)
    # "A current High Risk Work Licence — class CT (tower crane)": "my CT", "a class 1"
    at = r.source.lower().find(r.name.lower()) if r.source else -1
    cls = _LICENCE_CLASS.match(r.source, at + len(r.name)) if at >= 0 else None
    # "Full New Zealand Class 2 driver licence", "Ontario Class DZ Driver's Licence": the
    # class in the name is said alone ("Class 2 with F and W")
    cls = cls or _CLASS_IN_NAME.search(r.name)
    if cls:
        extra.append(f"class {cls.group(1)}")
        # (not "HR", "IT": said in talk for something else)
        if re.fullmatch(r"[A-Z]{2,3}", cls.group(1)) and cls.group(1) not in _TALK_INITIALS:
            extra.append(cls.group(1))
    return extra


def _weigh(items: list[_Acc], options: JDOptions) -> list[Requirement]:
    cat_w = dict(options.category_weights)
    raw = []
    for a in sorted(items, key=lambda x: x.order):
        base = options.required_weight if a.required else options.nice_weight
        bonus = min(options.repeat_bonus * (a.count - 1), options.max_repeat_bonus)
        w = base * cat_w.get(a.category, 0.5) * (1.0 + bonus)
        raw.append(
            Requirement(
                name=a.entry.name,
                category=a.category,  # type: ignore[arg-type]
                weight=w,
                required=a.required,
                aliases=a.aliases,
                min_years=a.min_years,
                source=a.source,
            )
        )
    return _normalize(raw)


def _normalize(reqs: Sequence[Requirement]) -> list[Requirement]:
    total = sum(r.weight for r in reqs)
    if total <= 0:
        n = len(reqs)
        return [replace(r, weight=1.0 / n) for r in reqs] if n else []
    return [replace(r, weight=r.weight / total) for r in reqs]


def reweight(jobspec: JobSpec, weights: Mapping[str, float]) -> JobSpec:
    """Apply user-edited weights (by requirement name), then renormalise to sum 1.

    Names not in ``weights`` keep their current weight; a weight of 0 keeps the requirement but
    takes it out of the verdict. Unknown names and negative weights raise InputError.
    """
    names = {r.name for r in jobspec.requirements}
    unknown = sorted(set(weights) - names)
    if unknown:
        raise InputError(f"unknown requirement(s) {unknown}; known: {sorted(names)}")
    for k, v in weights.items():
        if not (isinstance(v, int | float) and math.isfinite(v) and v >= 0):
            raise InputError(f"weight of {k!r} must be a finite number >= 0, got {v!r}")
    reqs = [replace(r, weight=float(weights.get(r.name, r.weight))) for r in jobspec.requirements]
    if reqs and sum(r.weight for r in reqs) <= 0:
        raise InputError("at least one requirement needs a weight above 0")
    return replace(jobspec, requirements=tuple(_normalize(reqs)))


def jobspec_to_rows(jobspec: JobSpec) -> list[dict]:
    """Rows for the ``jd_requirements`` table (one per requirement)."""
    return [
        {
            "requirement": r.name,
            "category": r.category,
            "weight": r.weight,
            "required": r.required,
            "aliases": list(r.aliases),
            "min_years": r.min_years,
            "source": r.source,
        }
        for r in jobspec.requirements
    ]


def jobspec_from_rows(rows: Sequence[Mapping], *, title: str = "", text: str = "") -> JobSpec:
    """Rebuild a JobSpec from stored ``jd_requirements`` rows (weights renormalised)."""
    reqs = [
        Requirement(
            name=str(r["requirement"]),
            category=r.get("category", "skill"),
            weight=float(r.get("weight", 0.0)),
            required=bool(r.get("required", True)),
            aliases=tuple(r.get("aliases") or ()),
            min_years=r.get("min_years"),
            source=str(r.get("source") or ""),
        )
        for r in rows
    ]
    return JobSpec(title=title, requirements=tuple(_normalize(reqs)), text=text)
