"""The curated skills vocabulary (labkit/data/skills.json) and mention finding in text.

The JSON file is meant to be edited: add a skill, an alias or a case-sensitive term and both the
JD parser and the answer scorer pick it up. A user file can be passed instead of the packaged one.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from labkit.errors import InputError
from labkit.language.phonetic import sounds_like

__all__ = [
    "CATEGORIES",
    "Mention",
    "SkillEntry",
    "Token",
    "Vocabulary",
    "load_vocabulary",
    "norm_term",
    "singular",
    "tokenize",
]

CATEGORIES = ("skill", "tool", "experience", "soft_skill", "education", "domain")

# Words around an ambiguous term ("Go", "R", "Swift") that make it a technology in speech.
_CONTEXT_PREV = {
    "in",
    "with",
    "using",
    "use",
    "used",
    "uses",
    "wrote",
    "write",
    "written",
    "writing",
    "learned",
    "learnt",
    "know",
    "knew",
    "like",
    "and",
    "or",
    "of",
    "mostly",
    "mainly",
    "program",
    "coded",
    "over",
    "via",
}
# initials of three or more capitals ("MSW", "LMSW", "CDL"s): after "my", a paper held
_HELD_INITIALS = re.compile(r"[A-Z]{3,}s?$")
_CONTEXT_NEXT = {
    "code",
    "codebase",
    "services",
    "service",
    "programming",
    "language",
    "developer",
    "backend",
    "microservices",
    "apps",
    "app",
    "scripts",
    "libraries",
    "library",
    "stack",
    "api",
    "apis",
    "server",
    "servers",
    "framework",
    "project",
    "projects",
    "cluster",
    "clusters",
    "charts",
    "and",
    "or",
    "developers",
    "engineer",
    "engineers",
    "experience",
    "degree",
    "in",
}


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


_CURRENCIES = frozenset(["CAD", "AUD", "USD", "NZD", "GBP", "EUR", "CHF", "SGD"])

_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[./'][A-Za-z0-9+#]+)*[+#]*")


def tokenize(text: str) -> list[Token]:
    """Word tokens with character offsets; keeps C++, C#, Node.js, CI/CD, Ph.D as one token."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        t = m.group(0)
        out.append(Token(t, t.lower(), m.start(), m.end()))
    return out


def norm_term(term: str) -> tuple[str, ...]:
    return tuple(t.lower for t in tokenize(term))


@dataclass(frozen=True, slots=True)
class SkillEntry:
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()
    question_cues: tuple[str, ...] = ()  # words marking a question about this (soft) skill
    implies: tuple[
        str, ...
    ] = ()  # entries a mention of this one indirectly shows (PyTorch: Python)
    # Words of this entry's field: where given, its short aliases (acronyms such as "GCP",
    # which is also Good Clinical Practice) count in a document only beside one of them.
    context: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a vocabulary entry occurs in a text."""

    entry: SkillEntry
    start: int  # character offsets into the text
    end: int
    surface: str
    method: str  # exact | alias | phonetic
    strength: float  # 1.0 exact, lower for sound-alike matches
    tok_start: int = 0  # token offsets
    tok_end: int = 0


class Vocabulary:
    """Skill entries indexed by their normalised name and aliases."""

    def __init__(self, entries: Iterable[SkillEntry]) -> None:
        self.entries: tuple[SkillEntry, ...] = tuple(entries)
        self._index: dict[tuple[str, ...], SkillEntry] = {}
        self._case: dict[tuple[str, ...], set[str]] = {}
        self.max_len = 1
        for e in self.entries:
            if e.category not in CATEGORIES:
                raise InputError(f"skills vocabulary: {e.name!r} has unknown category {e.category}")
            cs = set(e.case_sensitive)
            for term in e.terms:
                key = norm_term(term)
                if not key:
                    continue
                # first entry wins: a name shadows another entry's alias only if listed first
                self._index.setdefault(key, e)
                if term in cs:
                    # "B.S." is matched as its token "B.S": the closing dot is the sentence's
                    self._case.setdefault(key, set()).update({term, term.rstrip(".")})
                self.max_len = max(self.max_len, len(key))
        self._by_name = {e.name.lower(): e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, name: str) -> SkillEntry | None:
        """The entry whose name or alias is ``name`` (case-insensitive)."""
        hit = self._by_name.get(name.lower())
        return hit or self._index.get(norm_term(name))

    def case_sensitive_terms(self, terms: Iterable[str]) -> tuple[str, ...]:
        """Those of ``terms`` that the vocabulary matches only with their exact case."""
        return tuple(t for t in terms if t in self._case.get(norm_term(t), ()))

    def find_mentions(
        self,
        text: str,
        *,
        speech: bool = False,
        targets: Sequence[SkillEntry] | None = None,
        fuzzy: bool = False,
    ) -> list[Mention]:
        """Non-overlapping mentions, longest match first, in text order.

        ``speech=True`` treats case-sensitive terms as lowercase ASR text: they then need a
        technical word beside them. ``targets`` restricts hits to these entries; ``fuzzy`` adds
        sound-alike matches against the targets' terms (for misheard skill names).
        """
        toks = tokenize(text)
        index, case, max_len = self._index, self._case, self.max_len
        if targets is not None:
            index, case, max_len = _target_index(tuple(targets))
        out: list[Mention] = []
        taken = [False] * len(toks)
        for n in range(min(max_len, len(toks)), 0, -1):
            for i in range(len(toks) - n + 1):
                if any(taken[i : i + n]):
                    continue
                key = tuple(t.lower for t in toks[i : i + n])
                e = index.get(key)
                if e is None and n > 1 and speech:
                    # "haccp level three" is "HACCP Level 3" (and "Level III"): ASR spells a
                    # name's figure out; a lone "three" names nothing
                    for said in _figure_forms(key):
                        if (e := index.get(said)) is not None:
                            key = said
                            break
                if e is None and n > 1 and _plural(key[-1]):
                    # "Data Management Plans": a plural of a multi-word name (a lone plural,
                    # "Sales", "Jobs", is another word)
                    key = (*key[:-1], key[-1][:-1])
                    e = index.get(key)
                if e is None and n == 1:
                    # "793Fs", "930Es": a model said in the plural or with its series letter
                    for base in _model_bases(key[0]):
                        if (e := index.get((base,))) is not None:
                            break
                if e is None:
                    continue
                surface = text[toks[i].start : toks[i + n - 1].end]
                if (
                    n == 1
                    and re.fullmatch(r"[A-Z]{2,}s", surface)
                    and (index.get((key[0][:-1],)) is not e)
                    and surface not in getattr(self.get(e.name), "terms", ())
                ):
                    # "our DCs" are distribution centers, not a DCS ("PLCs" are PLCs, and
                    # "IVs" are IV therapy: the vocabulary spells that plural; a JD's example
                    # "NDAs" folded into Negotiation does not count)
                    continue
                if len(surface) == 1 and "&" in (
                    text[toks[i].start - 1 : toks[i].start] + text[toks[i].end : toks[i].end + 1]
                ):
                    continue  # "P&C", "R&D": half of an ampersand abbreviation, not C or R
                if len(surface) == 1 and re.match(r"-(?:level|suite)\b", text[toks[i].end :], re.I):
                    continue  # "a C-level executive": the rank, not the language
                if len(surface) == 1 and (
                    re.search(r"\bclass\s+$", text[max(0, toks[i].start - 8) : toks[i].start], re.I)
                    or re.match(r"[\s-]+class\b", text[toks[i].end :], re.I)
                ):
                    # "a Class C driver license", "Class A CDL", "a manual C class driver's
                    # licence": a licence class
                    continue
                if (
                    e.category == "education"
                    and re.fullmatch(r"[A-Z]{2,4}", surface)
                    and re.match(r"\s+(?!(?:19|20)\d\d\b)\d{3,}\b", text[toks[i + n - 1].end :])
                ):
                    continue  # "C665 and BS 8485": a standard's number, not a degree
                if surface in _CURRENCIES and re.search(
                    r"\d[\d,.]*[kKmM]?\s*$", text[max(0, toks[i].start - 12) : toks[i].start]
                ):
                    continue  # "$92,000-$112,000 CAD base": the currency, not CAD software
                cs = case.get(key)
                if (
                    cs
                    and not _dotted(text, toks[i].start, cs)
                    and not self._case_ok(surface, cs, toks, i, n, speech=speech, index=index)
                ):
                    continue
                for j in range(i, i + n):
                    taken[j] = True
                method = "exact" if key == norm_term(e.name) else "alias"
                out.append(
                    Mention(e, toks[i].start, toks[i + n - 1].end, surface, method, 1.0, i, i + n)
                )
        out.extend(_spelled(text, toks, taken, index))
        out.extend(_slashed(text, toks, taken, index, case))
        if fuzzy and targets:
            out.extend(self._fuzzy(text, toks, taken, targets))
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _case_ok(
        surface: str,
        cs: set[str],
        toks: list[Token],
        i: int,
        n: int,
        *,
        speech: bool,
        index: Mapping | None = None,
    ) -> bool:
        if surface in cs and not speech:
            # sentence-initial "Go"/"Swift" could still be a verb; a technical neighbour or a
            # short bullet-like clause ("Excel, including pivot tables") decides
            return i > 0 or _has_context(toks, i, n) or len(toks) <= 8
        if not speech:
            return False
        if surface in cs and i > 0 and toks[i - 1].lower == "my" and _HELD_INITIALS.match(surface):
            return True  # "I finished my MSW", "my CDL": initials held, in their own case
        # (written in its own case, "Python and Go", "managers and HR" need no more)
        return _has_context(toks, i, n, None if surface in cs else index)

    @staticmethod
    def in_context(mention: Mention, document: str) -> bool:
        """False for an ambiguous short alias ("GCP", "CRO") in a document that never speaks
        of the entry's field (none of its ``context`` words or its full name)."""
        e = mention.entry
        key = norm_term(mention.surface)
        # a name that is itself a common word ("Chef" the tool, in a kitchen's JD) needs its
        # field named too: such names are matched case-sensitively and carry context words
        common = e.name in e.case_sensitive
        if not e.context or len(key) != 1 or (len(key[0]) > 5 and not common):
            return True
        if key == norm_term(e.name) and not common:
            return True
        low = document.lower()
        return any(
            re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", low)
            for w in (*e.context, *(() if common else (e.name.lower(),)))
        )

    def _fuzzy(
        self, text: str, toks: list[Token], taken: list[bool], targets: Sequence[SkillEntry]
    ) -> list[Mention]:
        found: list[Mention] = []
        terms = [(e, term) for e in targets for term in e.terms if term not in e.case_sensitive]
        for n in (3, 2, 1):
            for i in range(len(toks) - n + 1):
                if any(taken[i : i + n]):
                    continue
                if n > 1 and (toks[i].lower in _EDGE_WORDS or toks[i + n - 1].lower in _EDGE_WORDS):
                    continue  # "a spec" is not "SAP ECC": no name starts or ends with "a"
                heard = " ".join(t.lower for t in toks[i : i + n])
                # a name heard as more words than it has is heard as pieces of it ("cooper
                # netties"), not with a function word between them: "any at work" is no Network
                inner = any(t.lower in _EDGE_WORDS for t in toks[i : i + n])
                best: tuple[float, SkillEntry] | None = None
                for e, term in terms:
                    words = term.count(" ") + 1
                    if n < words:  # "spec" is not "SAP ECC": one word per word
                        continue
                    if n > words and (inner or len(term) < 6):
                        continue  # nor is a short name heard in pieces: "car so" is no "CROSS"
                    if n > 1 and not _word_for_word(heard, term):
                        continue
                    if not _whole_enough(heard, term):
                        continue
                    nums = re.findall(r"\d+", heard)
                    if nums and nums != re.findall(r"\d+", term) and re.search(r"\d", term):
                        continue  # "AS/NZS 4509" is no "AS/NZS 5033": numbers are said as such
                    s = sounds_like(heard, term)
                    # a name in capitals ("MOVINS") heard must sound much like it: a common
                    # word near it ("moves") is the word ("sparks" for SPARCS still is it;
                    # "first" is no FIRAS)
                    if s > 0 and term.isupper() and s < 0.85:
                        continue
                    if s > 0 and (best is None or s > best[0]):
                        best = (s, e)
                if best is None or best[0] < 0.7:
                    continue
                for j in range(i, i + n):
                    taken[j] = True
                found.append(
                    Mention(
                        best[1],
                        toks[i].start,
                        toks[i + n - 1].end,
                        text[toks[i].start : toks[i + n - 1].end],
                        "phonetic",
                        round(best[0], 3),
                        i,
                        i + n,
                    )
                )
        return found


_PEOPLE_NOUNS = re.compile(
    r"(?:manager|engineer|developer|designer|analyst|scientist|owner|leader|lead|architect|"
    r"administrator|specialist|consultant|officer|coordinator|partner|stakeholder|user)s"
)


def _model_bases(word: str) -> list[str]:
    """The model codes a word may be a form of: "793fs" -> "793f", "793"; "930es" -> "930e",
    "930". Only codes of three characters or more with a digit ("30s" gives none); a base
    counts only where a name in the index is that code."""
    out = []
    if re.fullmatch(r"[a-z]*\d[a-z0-9-]*s", word):
        out.append(word[:-1])
    for w in [*out, word]:
        if re.fullmatch(r"[a-z]*\d+[a-z]", w):
            out.append(w[:-1])
    return [b for b in dict.fromkeys(out) if len(b) >= 3 and any(c.isdigit() for c in b)]


def singular(word: str) -> str:
    """A plural noun's singular ("analyses" -> "analysis", "patients" -> "patient")."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if low.endswith("yses"):
        return word[:-2] + "is"  # "analyses" -> "analysis"
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return word[:-1]
    return word


def _plural(word: str) -> bool:
    """A plural that names things; "product managers" are people, not Product Management."""
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and not _PEOPLE_NOUNS.fullmatch(word)
    )


def _word_for_word(heard: str, term: str) -> bool:
    """Heard as many words as the term has, each short one (<= 3 letters) must be heard
    exactly: "sap mac" is not "SAP CO", where the whole phrase sounds close enough."""
    hw, tw = heard.split(), term.lower().split()
    if len(hw) != len(tw):
        return True
    return all(h == t for h, t in zip(hw, tw, strict=True) if len(t) <= 3 or len(h) <= 3)


def _whole_enough(heard: str, term: str) -> bool:
    """A sound-alike covers the whole name: one heard word much shorter than a one-word name
    is another word ("cargo" is no CargoWise); heard in more words than the name has, around
    words of it said exactly, the rest must sound like the rest ("are sea freight", "sea freight
    i" are no "air freight": "are sea" is not "air")."""
    hw, tw = heard.split(), term.lower().split()
    if len(hw) == len(tw) == 1:
        return len(re.sub(r"\W", "", hw[0])) >= 0.75 * len(re.sub(r"\W", "", tw[0]))
    exact = set(hw) & set(tw)
    if len(hw) > len(tw) > 1 and exact:
        rest_h = " ".join(w for w in hw if w not in exact)
        rest_t = " ".join(w for w in tw if w not in exact)
        return bool(rest_h) and bool(rest_t) and sounds_like(rest_h, rest_t) >= 0.7
    return True


# function words that no multi-word skill name starts or ends with
_EDGE_WORDS = frozenset(
    "a an the to of and or in on at for with by from is it its that this as".split()  # noqa: SIM905
)


_FIGURES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _figure_forms(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The key with its spelled-out figures (one to ten) as digits, then as Roman numerals;
    [] when it has none."""
    if not any(t in _FIGURES for t in key[1:]):
        return []
    return [
        tuple(forms[_FIGURES.index(t)] if t in _FIGURES and k else t for k, t in enumerate(key))
        for forms in ([str(d) for d in range(1, 11)], _ROMAN)
    ]


def _spelled(
    text: str, toks: list[Token], taken: list[bool], index: dict[tuple[str, ...], SkillEntry]
) -> list[Mention]:
    """Acronyms spelled out letter by letter, as ASR writes them ("a r m", "i 2 c"): a run of
    one-character tokens that joins into a term. Spelling makes it an acronym, so case-sensitive
    terms ("ARM") count without a technical neighbour. Longest run first; marks ``taken``."""
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and len(toks[j].lower) == 1 and not taken[j]:
            j += 1
        if j - i > 2 and toks[i].text.isupper() and toks[i + 1].text.islower():
            i += 1  # "I a m": the pronoun (or a capital "A") before lowercase letters
            continue
        for a in range(i, j - 1):  # every start in the run, longest span first
            for b in range(j, a + 1, -1):
                if any(taken[a:b]):
                    continue
                e = index.get(("".join(t.lower for t in toks[a:b]),))
                if e is None:
                    continue
                for k in range(a, b):
                    taken[k] = True
                surface = text[toks[a].start : toks[b - 1].end]
                out.append(Mention(e, toks[a].start, toks[b - 1].end, surface, "alias", 1.0, a, b))
                break
        i = max(j, i + 1)
    return out


def _slashed(
    text: str,
    toks: list[Token],
    taken: list[bool],
    index: dict[tuple[str, ...], SkillEntry],
    case: dict[tuple[str, ...], set[str]],
) -> list[Mention]:
    """Names joined by a slash that no term covers whole ("Linux/command-line", "BAM/CRAM"):
    each part on its own. A case-sensitive part needs its exact case."""
    out: list[Mention] = []
    for i, tok in enumerate(toks):
        if taken[i] or "/" not in tok.text:
            continue
        pos = tok.start
        for part in tok.text.split("/"):
            key = (part.lower(),)
            e = index.get(key)
            cs = case.get(key)
            if part and e is not None and (not cs or part in cs):
                out.append(Mention(e, pos, pos + len(part), part, "alias", 1.0, i, i + 1))
            pos += len(part) + 1
    return out


@functools.lru_cache(maxsize=64)
def _target_index(
    targets: tuple[SkillEntry, ...],
) -> tuple[dict[tuple[str, ...], SkillEntry], dict[tuple[str, ...], set[str]], int]:
    """An index over just these entries (they may be ad-hoc: grouped or unknown skills)."""
    index: dict[tuple[str, ...], SkillEntry] = {}
    case: dict[tuple[str, ...], set[str]] = {}
    max_len = 1
    for e in targets:
        cs = set(e.case_sensitive)
        for term in e.terms:
            key = norm_term(term)
            if not key:
                continue
            index.setdefault(key, e)
            if term in cs:
                case.setdefault(key, set()).update({term, term.rstrip(".")})
            max_len = max(max_len, len(key))
    return index, case, max_len


def _dotted(text: str, start: int, cs: set[str]) -> bool:
    """A term spelled with its leading dot (".NET", ".net 7"): not the common word "net"."""
    return (
        start > 0
        and text[start - 1] == "."
        and (start == 1 or not text[start - 2].isalnum())
        and any(c.startswith(".") for c in cs)
    )


def _has_context(toks: list[Token], i: int, n: int, index: Mapping | None = None) -> bool:
    prev = toks[i - 1].lower if i > 0 else ""
    nxt = toks[i + n].lower if i + n < len(toks) else ""
    if index is not None:
        # in speech "and go", "go in the cabinet" are the verb: a conjunction, or an "in" after
        # it, is context only with a known name on its other side ("Python and Go", "Go or
        # Rust"); "written in go" still is
        far_prev = (toks[i - 2].lower,) if i > 1 else ()
        far_next = (toks[i + n + 1].lower,) if i + n + 1 < len(toks) else ()
        if prev in ("and", "or") and far_prev not in index:
            prev = ""
        if nxt in ("and", "or", "in") and far_next not in index:
            nxt = ""
    return prev in _CONTEXT_PREV or nxt in _CONTEXT_NEXT


def _entries_from_json(doc: object, source: str) -> list[SkillEntry]:
    if not isinstance(doc, dict) or not isinstance(doc.get("skills"), list):
        raise InputError(f"skills vocabulary {source}: expected an object with a 'skills' list")
    out = []
    for k, item in enumerate(doc["skills"]):
        try:
            out.append(
                SkillEntry(
                    name=str(item["name"]),
                    category=str(item.get("category", "skill")),
                    aliases=tuple(str(a) for a in item.get("aliases", ())),
                    case_sensitive=tuple(str(a) for a in item.get("case_sensitive", ())),
                    question_cues=tuple(str(a) for a in item.get("question_cues", ())),
                    implies=tuple(str(a) for a in item.get("implies", ())),
                    context=tuple(str(a).lower() for a in item.get("context", ())),
                )
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"skills vocabulary {source}: entry {k} is malformed: {exc}") from exc
    return out


@functools.lru_cache(maxsize=4)
def _load_cached(path: str | None) -> Vocabulary:
    if path is None:
        raw = resources.files("labkit").joinpath("data/skills.json").read_text(encoding="utf-8")
        source = "labkit/data/skills.json"
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"skills vocabulary not found: {p}")
        raw = p.read_text(encoding="utf-8")
        source = str(p)
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"skills vocabulary {source} is not valid JSON: {exc}") from exc
    return Vocabulary(_entries_from_json(doc, source))


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """The packaged vocabulary, or a user-edited JSON file of the same shape."""
    return _load_cached(None if path is None else str(Path(path).resolve()))
