"""The verdict evolution of a session, as text."""

from __future__ import annotations

import json

from labkit.report.script import format_time
from labkit.store import Store

__all__ = ["format_verdicts"]


def _bar(p: float, lo: float, hi: float, width: int = 30) -> str:
    """``[   ---|---      ]``: the interval as dashes, the estimate as a bar."""
    cells = [" "] * width
    a, b, m = (min(width - 1, int(v * width)) for v in (lo, hi, p))
    for i in range(a, b + 1):
        cells[i] = "-"
    cells[m] = "|"
    return "[" + "".join(cells) + "]"


def format_verdicts(store: Store, session_id: str) -> str:
    rows = store.query(
        "SELECT t, after_qa, hire_probability, low, high, label_probs, risk_flags, is_final, "
        "summary FROM verdicts WHERE session_id = ? ORDER BY t, is_final",
        [session_id],
    )
    if not rows:
        return "no verdict yet (no answered question, or no job description was given)"
    lines = ["  time  after Q  hire p  interval       no/maybe/yes"]
    for r in rows:
        lp = json.loads(r["label_probs"] or "{}")
        tag = "FINAL" if r["is_final"] else f"Q{r['after_qa']}"
        lines.append(
            f"[{format_time(r['t'])}]  {tag:>6}  {r['hire_probability']:.2f}   "
            f"{r['low']:.2f}-{r['high']:.2f}  {_bar(r['hire_probability'], r['low'], r['high'])} "
            f"{lp.get('no', 0):.2f}/{lp.get('maybe', 0):.2f}/{lp.get('yes', 0):.2f}"
        )
    final = rows[-1]
    flags = json.loads(final["risk_flags"] or "[]")
    if flags:
        lines += ["", "Risk flags:"] + [f"  - {f}" for f in flags]
    if final["summary"]:
        lines += ["", "Summary:", final["summary"]]
    decisions = store.query(
        "SELECT decided_at, author, decision, comments FROM human_decisions "
        "WHERE session_id = ? ORDER BY decided_at",
        [session_id],
    )
    for d in decisions:
        lines.append(
            f"\nHuman decision ({d['author']}, {d['decided_at']:%Y-%m-%d %H:%M}): "
            f"{d['decision']}. {d['comments'] or ''}".rstrip()
        )
    if not decisions:
        lines.append("\nNo human decision recorded yet (labkit decide SESSION --decision ...).")
    return "\n".join(lines)
