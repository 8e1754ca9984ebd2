"""HTML views of a session report (pure functions: the apps render them, tests read them)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from labkit.report.script import format_time

__all__ = ["evolution_svg", "profile_html", "qa_html", "script_html", "verdict_html"]

_LABEL_COLOURS = {"no": "#c0392b", "maybe": "#d68910", "yes": "#1e8449"}


def _loads(v: Any, default: Any) -> Any:
    if isinstance(v, str):
        try:
            return json.loads(v)
        except ValueError:
            return default
    return default if v is None else v


def interval_bar(p: float, low: float, high: float, *, width: int = 260) -> str:
    """The estimate as a tick on its uncertainty band, 0..1 left to right."""
    x = lambda v: round(max(0.0, min(1.0, v)) * width, 1)  # noqa: E731
    return (
        f'<svg width="{width}" height="18" role="img" aria-label="hire probability '
        f'{p:.0%}, interval {low:.0%} to {high:.0%}">'
        f'<rect x="0" y="7" width="{width}" height="4" fill="#ddd"/>'
        f'<rect x="{x(low)}" y="3" width="{max(2, x(high) - x(low))}" height="12" '
        f'fill="#85c1e9"/><rect x="{x(p) - 1.5}" y="0" width="3" height="18" fill="#1b4f72"/>'
        "</svg>"
    )


def verdict_html(verdict: Mapping[str, Any] | None, *, emotion_off: bool = False) -> str:
    if not verdict:
        return (
            "<div class='lk-verdict'><i>No verdict yet: it comes after the first answer.</i></div>"
        )
    p, lo, hi = verdict["hire_probability"], verdict["low"], verdict["high"]
    labels = _loads(verdict.get("label_probs"), {})
    flags = _loads(verdict.get("risk_flags"), [])
    chips = " ".join(
        f"<span style='color:{_LABEL_COLOURS.get(k, '#333')}'>{escape(k)} {v:.0%}</span>"
        for k, v in labels.items()
    )
    kind = "Final verdict" if verdict.get("is_final") else "Current verdict"
    out = [
        f"<div class='lk-verdict'><b>{kind}</b>: hire probability <b>{p:.0%}</b> "
        f"(90% interval {lo:.0%}–{hi:.0%}) {interval_bar(p, lo, hi)}<br>{chips}"
    ]
    if flags:
        out.append(
            "<br><b>Risk flags</b><ul>" + "".join(f"<li>{escape(f)}</li>" for f in flags) + "</ul>"
        )
    if verdict.get("summary"):
        out.append(f"<p>{escape(verdict['summary'])}</p>")
    if emotion_off:
        out.append("<p><i>Emotion-off session: no facial-emotion inference ran.</i></p>")
    out.append(
        "<p style='font-size:smaller;color:#666'>Machine estimate from what was said and "
        "weak face/voice signals. A person decides; record the decision below.</p></div>"
    )
    return "".join(out)


def evolution_svg(
    verdicts: Sequence[Mapping[str, Any]], *, width: int = 520, height: int = 160
) -> str:
    """Hire probability over the session with its band: the band should narrow."""
    pts = [v for v in verdicts if v.get("hire_probability") is not None]
    if not pts:
        return ""
    t_max = max(float(v["t"]) for v in pts) or 1.0
    pad = 24
    x = lambda t: round(pad + (width - 2 * pad) * float(t) / t_max, 1)  # noqa: E731
    y = lambda p: round(height - pad - (height - 2 * pad) * float(p), 1)  # noqa: E731
    band = [f"{x(v['t'])},{y(v['high'])}" for v in pts] + [
        f"{x(v['t'])},{y(v['low'])}" for v in reversed(pts)
    ]
    line = " ".join(f"{x(v['t'])},{y(v['hire_probability'])}" for v in pts)
    dots = "".join(
        f"<circle cx='{x(v['t'])}' cy='{y(v['hire_probability'])}' r='3' "
        f"fill='#1b4f72'><title>{format_time(float(v['t']))}: "
        f"{float(v['hire_probability']):.0%}</title></circle>"
        for v in pts
    )
    return (
        f"<svg width='{width}' height='{height}' role='img' "
        "aria-label='hire probability over time'>"
        f"<polygon points='{' '.join(band)}' fill='#d6eaf8'/>"
        f"<polyline points='{line}' fill='none' stroke='#1b4f72' stroke-width='2'/>{dots}"
        f"<line x1='{pad}' y1='{y(0.5)}' x2='{width - pad}' y2='{y(0.5)}' stroke='#aaa' "
        "stroke-dasharray='4'/>"
        f"<text x='2' y='{y(1) + 4}' font-size='10'>1.0</text>"
        f"<text x='2' y='{y(0) + 4}' font-size='10'>0.0</text>"
        f"<text x='{width - pad - 30}' y='{height - 6}' font-size='10'>"
        f"{format_time(t_max)}</text></svg>"
    )


def profile_html(profile: Sequence[Mapping[str, Any]]) -> str:
    if not profile:
        return "<i>No profile yet.</i>"
    rows = "".join(
        f"<tr><td>{escape(str(r['dimension']))}</td><td>{float(r['mean']):.2f}</td>"
        f"<td>± {float(r['sd']):.2f}</td><td>{interval_bar(float(r['mean']), float(r['mean']) - float(r['sd']), float(r['mean']) + float(r['sd']), width=120)}</td></tr>"  # noqa: E501
        for r in profile
    )
    return f"<table class='lk-profile'><tr><th>dimension</th><th>mean</th><th>sd</th><th></th></tr>{rows}</table>"  # noqa: E501


def qa_html(pairs: Sequence[Mapping[str, Any]], scores: Sequence[Mapping[str, Any]]) -> str:
    """Each question with its answer and every score with the evidence it rests on."""
    by_qa: dict[int, list[Mapping[str, Any]]] = {}
    for s in scores:
        by_qa.setdefault(int(s["qa_idx"]), []).append(s)
    out = []
    for p in pairs:
        rows = "".join(
            f"<tr><td>{escape(str(s['dimension']))}"
            f"{(' · ' + escape(str(s['requirement']))) if s.get('requirement') else ''}</td>"
            f"<td>{float(s['score']):.2f}</td><td>“{escape(str(s['evidence']))}” "
            f"<span style='color:#888'>[{format_time(float(s['t_start'] or 0))}–"
            f"{format_time(float(s['t_end'] or 0))}]</span></td></tr>"
            for s in by_qa.get(int(p["idx"]), [])
        )
        answer = escape(str(p.get("answer") or "(no answer)"))
        out.append(
            f"<details><summary><b>Q{p['idx']}</b> ({escape(str(p.get('kind') or ''))}, link "
            f"{float(p.get('link_confidence') or 0):.2f}) {escape(str(p['question']))}</summary>"
            f"<p><b>Answer:</b> {answer}</p><table>{rows}</table></details>"
        )
    return "".join(out) or "<i>No question answered yet.</i>"


def script_html(turns: Sequence[Mapping[str, Any]], *, last: int | None = None) -> str:
    shown = list(turns)[-last:] if last else list(turns)
    return (
        "".join(
            f"<div><span style='color:#888'>[{format_time(float(t['t_start']))}]</span> "
            f"<b style='color:{'#1b4f72' if t['speaker'] == 'interviewer' else '#7d3c98'}'>"
            f"{escape(str(t['speaker']).capitalize())}</b>: {escape(str(t['text']))}</div>"
            for t in shown
        )
        or "<i>Nothing said yet.</i>"
    )
