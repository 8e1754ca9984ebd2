"""The dashboard: replay and explain any stored session (Voila page `dashboard.ipynb`)."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qs

from labkit.errors import LabkitError
from labkit.viz.html import evolution_svg, profile_html, qa_html, script_html, verdict_html

__all__ = ["dashboard_app"]


def dashboard_app(client: Any, session_id: str | None = None) -> Any:
    """Session picker, verdict with its band and evolution, profile, Q/A with evidence, script,
    the human decision form and deletion. All data comes through the engine service."""
    import ipywidgets as W

    if session_id is None:
        session_id = (parse_qs(os.environ.get("QUERY_STRING", "")).get("session") or [None])[0]
    try:
        sessions = client.sessions()
    except LabkitError as e:
        return W.HTML(f"<b>Cannot reach the lab:</b> {e}")
    options = [
        (f"{s['session_id']}  {s.get('title') or ''}  ({s['status']})", s["session_id"])
        for s in sessions
    ]
    pick = W.Dropdown(
        options=options,
        value=session_id
        if any(v == session_id for _, v in options)
        else (options[-1][1] if options else None),
        description="Session",
        layout=W.Layout(width="600px"),
    )
    head, verdict, evo, prof = W.HTML(), W.HTML(), W.HTML(), W.HTML()
    qa, script, msg = W.HTML(), W.HTML(), W.HTML()
    decision = W.ToggleButtons(options=["no", "maybe", "yes"], value=None, description="Decision")
    author = W.Text(description="Your name")
    comments = W.Textarea(description="Comments", layout=W.Layout(width="600px"))
    record = W.Button(description="Record decision", button_style="primary")
    confirm = W.Checkbox(description="I understand deleting removes all rows and media")
    delete = W.Button(description="Delete session", button_style="danger")

    def show(*_: Any) -> None:
        sid = pick.value
        if not sid:
            head.value = "<i>No sessions yet.</i>"
            return
        try:
            r = client.report(sid)
        except LabkitError as e:
            head.value = f"<b>{e}</b>"
            return
        info = r["info"]
        decided = (
            "".join(
                f"<li>{d['author']}: <b>{d['decision']}</b> — {d['comments'] or ''}</li>"
                for d in r["decisions"]
            )
            or "<li>none yet</li>"
        )
        head.value = (
            f"<h3>{info.get('title') or sid}</h3>status {info['status']}, mode "
            f"{info['mode']}, consent {info.get('consent')}, "
            f"{r['counts']['turns']} turns, {r['counts']['qa_pairs']} Q/A, "
            f"{r['counts']['face_frames']} face frames"
            f"<br><b>Human decisions</b> (beside the machine's):<ul>{decided}</ul>"
        )
        verdict.value = verdict_html(r["verdict"], emotion_off=info["mode"] == "emotion_off")
        evo.value = "<b>Hire probability over the interview</b><br>" + evolution_svg(r["verdicts"])
        prof.value = "<b>Profile</b>" + profile_html(r["profile"])
        qa.value = "<b>Questions, answers and the evidence for every score</b>" + qa_html(
            r["qa_pairs"], r["scores"]
        )
        script.value = "<b>Script</b>" + script_html(r["turns"])

    def on_record(_: Any) -> None:
        if not decision.value or not author.value.strip():
            msg.value = "Pick a decision and give your name."
            return
        client.record_decision(
            pick.value, decision=decision.value, author=author.value, comments=comments.value
        )
        msg.value = "Decision recorded (and audited)."
        show()

    def on_delete(_: Any) -> None:
        if not confirm.value:
            msg.value = "Tick the box to confirm deletion."
            return
        client.delete_session(pick.value)
        msg.value = f"Deleted {pick.value}."
        pick.options = [o for o in pick.options if o[1] != pick.value]

    pick.observe(show, names="value")
    record.on_click(on_record)
    delete.on_click(on_delete)
    show()
    return W.VBox(
        [
            pick,
            head,
            verdict,
            evo,
            prof,
            qa,
            script,
            W.HTML("<hr><b>Your decision</b>"),
            decision,
            author,
            comments,
            record,
            W.HTML("<hr>"),
            W.HBox([confirm, delete]),
            msg,
        ]
    )
