"""Speech accuracy measures shared by tests and benchmarks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from labkit.records import Word

__all__ = ["normalize_text", "share_in_speech", "wer"]

_ONES = [
    "zero",
    "one",
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
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _num(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    return str(n)


def normalize_text(text: str) -> str:
    """Lowercase, numbers as words (< 100), punctuation dropped: fair WER across spellings."""
    t = text.lower().replace("%", " percent")
    t = re.sub(r"\b\d{1,2}\b", lambda m: _num(int(m.group())), t)
    t = re.sub(r"[^a-z0-9' ]+", " ", t.replace("-", " "))
    return " ".join(t.split())


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate after :func:`normalize_text` (edit distance / reference words)."""
    ref, hyp = normalize_text(reference).split(), normalize_text(hypothesis).split()
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)


def share_in_speech(
    words: Sequence[Word], speech: Sequence[tuple[float, float]], *, tolerance: float = 0.25
) -> float:
    """Share of word starts that fall within ``tolerance`` s of a true speech interval."""
    if not words:
        return 0.0
    ok = sum(any(a - tolerance <= w.t_start <= b + tolerance for a, b in speech) for w in words)
    return ok / len(words)
