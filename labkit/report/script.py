"""Plain-text views of a stored session."""

from __future__ import annotations

from collections.abc import Sequence

from labkit.records import Turn

__all__ = ["format_script", "format_time"]


def format_time(t: float) -> str:
    t = max(0.0, t)
    m, s = divmod(int(t), 60)
    return f"{m:02d}:{s:02d}"


def format_script(turns: Sequence[Turn]) -> str:
    """``[mm:ss] Interviewer: ...`` lines, in session-clock order; overlaps marked with ``+``."""
    lines = []
    for t in turns:
        mark = "+" if t.overlap else ""
        lines.append(f"[{format_time(t.t_start)}]{mark} {t.speaker.capitalize()}: {t.text}")
    return "\n".join(lines)
