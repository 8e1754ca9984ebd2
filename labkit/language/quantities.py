"""Figures a JD asks for and figures a candidate states: "type at a net speed of 35 words per
minute" against "I tested at fifty-two words per minute", "500 hours total flight time" against
"about fourteen hundred hours". Spoken numbers are read ("fifty-two", "a hundred and twenty",
"fourteen hundred", "1,400")."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quantity", "asked_quantity", "said_code", "stated_quantities"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# what a figure is counted in: the unit words that follow it, in the JD's words or short
_SYNONYMS = {"wpm": "words", "lb": "pounds", "lbs": "pounds", "hrs": "hours", "hr": "hours"}
_SKIP_UNITS = frozenset(["years", "year", "months", "month", "percent", "days", "weeks"])
_QUALIFIERS = frozenset(["net", "gross", "total", "logged", "verified", "verifiable", "full"])
# words after a figure that count nothing ("Level 4 or higher")
_NOT_UNITS = frozenset(
    ["or", "and", "to", "of", "in", "the", "an", "with", "for", "at", "on", "per", "plus", "more",
     "than", "times", "out", "is", "are", "was", "were", "but", "so", "that"]
)  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """A figure and the word it counts ("words", "hours"), with where it was said."""

    value: float
    unit: str
    start: int
    end: int


def _unit(word: str) -> str:
    w = word.lower().strip(".,;:!?()")
    return _SYNONYMS.get(w, w)


def _spoken(words: list[str]) -> float | None:
    """The number that ``words`` (all of them) say, or None."""
    total, part, seen = 0.0, 0.0, False
    for raw in words:
        w = raw.lower().strip(",")
        if w == "a" or (w == "and" and seen):
            continue  # "a hundred and twenty"
        for piece in w.split("-"):
            if piece in _UNITS:
                part += _UNITS[piece]
            elif piece in _TENS:
                part += _TENS[piece]
            elif piece == "hundred":
                part = (part or 1) * 100
            elif piece == "thousand":
                total += (part or 1) * 1000
                part = 0.0
            else:
                return None
            seen = True
    return total + part if seen else None


_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")  # a whole token: "1,400", "52"
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d[\d,.]*")


def stated_quantities(text: str) -> list[Quantity]:
    """Every figure of ``text`` with the word after it: "52 words", "fourteen hundred hours"."""
    toks = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        word, a, b = toks[i]
        value: float | None = None
        j = i + 1
        # "D1.1", "3G": a code, not a figure
        glued = (i > 0 and toks[i - 1][2] == a) or (i + 1 < len(toks) and toks[i + 1][1] == b)
        if _FIGURE.fullmatch(word.rstrip(".,")) and not glued:
            value = float(word.rstrip(".,").replace(",", ""))
        else:
            # the longest run of number words from here
            k = i
            while k < len(toks) and (
                _spoken([toks[k][0]]) is not None or (k > i and toks[k][0].lower() == "and")
            ):
                k += 1
            while k > i and _spoken([t[0] for t in toks[i:k]]) is None:
                k -= 1
            if k > i and toks[i][0].lower() != "a":
                value, j = _spoken([t[0] for t in toks[i:k]]), k
        if value is not None and j < len(toks):
            # "fifty-two words per minute"; "52 net wpm": a qualifier may come first
            k = j + 1 if _unit(toks[j][0]) in _QUALIFIERS and j + 1 < len(toks) else j
            unit = _unit(toks[k][0])
            if unit.isalpha() and len(unit) >= 3 and unit not in _NOT_UNITS:
                out.append(Quantity(value, unit, a, toks[k][2]))
        i = max(j, i + 1)
    return out


def asked_quantity(name: str) -> Quantity | None:
    """The first figure a requirement asks for ("Type at a net speed of 35 words per minute" ->
    35 words), None where it names none or only years (read as experience elsewhere)."""
    found = [q for q in stated_quantities(name) if q.unit not in _SKIP_UNITS]
    return found[0] if found else None


_WORDS_OF = {v: k for k, v in {**_UNITS, **_TENS}.items()}


def _pair_said(d: str) -> str:
    """Two digits as said in a code: "12" twelve, "41" forty one, "05" oh five, "10" ten."""
    n = int(d)
    if d[0] == "0":
        return f"oh {_WORDS_OF[n]}"
    if n < 20 or n % 10 == 0:
        return _WORDS_OF[n]
    return f"{_WORDS_OF[n - n % 10]} {_WORDS_OF[n % 10]}"


def said_code(digits: str) -> list[str]:
    """How a standard's number is said aloud: "1210" as "twelve ten", "4041" as "forty forty
    one", "3992" as "thirty nine ninety two", "1200" as "twelve hundred", "17025" as
    "seventeen oh two five"; none for other lengths."""
    if not digits.isdigit() or len(digits) not in (4, 5) or digits[0] == "0":
        return []
    head = _pair_said(digits[:2])
    if len(digits) == 5:
        return [" ".join([head, *(_WORDS_OF[int(c)] if c != "0" else "oh" for c in digits[2:])])]
    thousand = f"{_WORDS_OF[int(digits[0])]} thousand"
    if digits[1:] == "000":
        return [thousand]  # "AS/NZS 3000": three thousand
    if digits[2:] == "00":
        return [f"{head} hundred"]
    if digits[1:3] == "00":  # "ISO 9001": ninety oh one, or nine thousand and one
        return [f"{head} {_pair_said(digits[2:])}", f"{thousand} {_WORDS_OF[int(digits[3])]}"]
    return [f"{head} {_pair_said(digits[2:])}"]
