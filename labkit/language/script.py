"""Turns from a typed script (speaker, text): for tests, benchmarks and notebooks without audio."""

from __future__ import annotations

from collections.abc import Sequence

from labkit.errors import InputError
from labkit.records import SPEAKERS, Turn, Word

__all__ = ["turns_from_lines"]


def turns_from_lines(
    lines: Sequence[tuple[str, str]],
    *,
    words_per_s: float = 2.7,
    gap_s: float = 0.7,
    t0: float = 0.5,
    with_words: bool = True,
) -> list[Turn]:
    """One Turn per line, timed at ``words_per_s`` with ``gap_s`` silence between lines.

    ``with_words`` adds Word records (evenly spaced), as ASR would give.
    """
    turns: list[Turn] = []
    t = t0
    for idx, (speaker, text) in enumerate(lines):
        if speaker not in SPEAKERS:
            raise InputError(f"line {idx}: speaker must be one of {SPEAKERS}, got {speaker!r}")
        toks = text.split()
        dur = max(0.4, len(toks) / words_per_s)
        words: tuple[Word, ...] = ()
        if with_words and toks:
            step = dur / len(toks)
            words = tuple(
                Word(speaker, round(t + k * step, 3), round(t + (k + 0.85) * step, 3), w)  # type: ignore[arg-type]
                for k, w in enumerate(toks)
            )
        turns.append(Turn(idx, speaker, round(t, 3), round(t + dur, 3), text, words=words))  # type: ignore[arg-type]
        t += dur + gap_s
    return turns
