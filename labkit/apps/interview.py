"""The live-interview apps (served by Voila): the interviewer's console, the candidate's page.

Both take an engine client (``labkit.live.client.EngineClient``; anything with the same methods
works, e.g. a fake in tests). Network calls never run in a widget callback on the kernel's
message loop: button actions go to a one-thread executor and the live view is refreshed by a
poller thread, so the capture widget's messages are never held up behind an HTTP request.
"""

from __future__ import annotations

import html
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from labkit.errors import LabkitError

__all__ = [
    "AppOptions",
    "CandidateApp",
    "InterviewerApp",
    "candidate_app",
    "interviewer_app",
    "profile_html",
    "script_html",
    "verdict_html",
]

CONSENT_KEYS = ("audio", "video", "emotion")


def _widgets() -> Any:
    try:
        import ipywidgets
    except ImportError as e:
        raise LabkitError("the apps need ipywidgets; run: pip install 'labkit[apps]'") from e
    return ipywidgets


@dataclass(frozen=True, slots=True)
class AppOptions:
    """Refresh rates of the live views.

    frame_fps: candidate picture refreshes per second on the interviewer's screen (>= 5).
    state_interval_s: script/profile/verdict refresh period (the dashboard budget is 1 s).
    status_interval_s: the candidate page's connection/recording check period.
    script_turns: how many recent turns the live script shows.
    """

    frame_fps: float = 12.0  # polls a 10 fps camera a little faster than it sends
    state_interval_s: float = 0.5
    status_interval_s: float = 2.0
    script_turns: int = 40


# ---- pure renderers (tested without a browser) ------------------------------------------------
def _clock(t: float | None) -> str:
    if t is None:
        return "--:--"
    t = max(0.0, float(t))
    return f"{int(t // 60):02d}:{int(t % 60):02d}"


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * float(x):.0f}%"


def script_html(state: dict, *, max_turns: int = 40) -> str:
    """Who said what when: the recent turns, then the words not yet in a turn (in grey)."""
    turns = list(state.get("turns") or [])[-max_turns:]
    rows = []
    for tr in turns:
        who = str(tr.get("speaker", "?"))
        q = ' <span class="lk-q" title="question">Q</span>' if tr.get("is_question") else ""
        rows.append(
            f'<div class="lk-turn lk-{html.escape(who)}"><span class="lk-t">'
            f"{_clock(tr.get('t_start'))}</span> <b>{html.escape(who.capitalize())}</b>{q}: "
            f"{html.escape(str(tr.get('text', '')))}</div>"
        )
    ends: dict[str, float] = {}
    for tr in turns:
        ends[tr.get("speaker", "")] = max(ends.get(tr.get("speaker", ""), 0.0), tr.get("t_end", 0))
    pending: dict[str, list[str]] = {}
    for w in state.get("words") or []:
        sp = str(w.get("speaker", "?"))
        if float(w.get("t_start", 0.0)) >= ends.get(sp, -1.0):
            pending.setdefault(sp, []).append(str(w.get("text", w.get("word", ""))).strip())
    for sp, ws in pending.items():
        rows.append(
            f'<div class="lk-turn lk-live lk-{html.escape(sp)}"><b>{html.escape(sp.capitalize())}'
            f"</b>: {html.escape(' '.join(ws))} …</div>"
        )
    if not rows:
        rows.append('<div class="lk-empty">The script appears here as people speak.</div>')
    return f'<div class="lk-script"><div>{"".join(rows)}</div></div>'


def qa_html(state: dict) -> str:
    q = state.get("current_question")
    a = state.get("current_answer")
    n = len(state.get("qa_pairs") or [])
    return (
        '<div class="lk-qa">'
        f'<div><span class="lk-label">Current question</span> '
        f"{html.escape(q) if q else '<i>none yet</i>'}</div>"
        f'<div><span class="lk-label">Answer</span> '
        f"{html.escape(a) if a else '<i>waiting</i>'}</div>"
        f'<div class="lk-small">{n} question/answer pair{"s" if n != 1 else ""} so far</div>'
        "</div>"
    )


def profile_html(profile: list[dict]) -> str:
    """Profile table: each dimension's mean with a ±1 sd whisker on a 0..1 bar."""
    if not profile:
        return '<div class="lk-empty">The profile fills in after the first answer.</div>'
    rows = []
    for p in profile:
        m = min(1.0, max(0.0, float(p.get("mean", 0.0))))
        sd = max(0.0, float(p.get("sd", 0.0)))
        lo, hi = max(0.0, m - sd), min(1.0, m + sd)
        bar = (
            '<div class="lk-bar">'
            f'<div class="lk-band" style="left:{lo * 100:.1f}%;width:{(hi - lo) * 100:.1f}%"></div>'
            f'<div class="lk-mark" style="left:{m * 100:.1f}%"></div></div>'
        )
        rows.append(
            f"<tr><td>{html.escape(str(p.get('dimension', '?')))}</td><td>{bar}</td>"
            f"<td>{m:.2f} ± {sd:.2f}</td></tr>"
        )
    return (
        '<table class="lk-profile"><tr><th>dimension</th><th>mean ± sd</th><th></th></tr>'
        + "".join(rows)
        + "</table>"
    )


def _sparkline(verdicts: list[dict], *, w: int = 260, h: int = 46) -> str:
    if len(verdicts) < 2:
        return ""
    ts = [float(v.get("t", i)) for i, v in enumerate(verdicts)]
    t0, t1 = min(ts), max(ts)
    span = (t1 - t0) or 1.0

    def xy(t: float, p: float) -> str:
        return f"{(t - t0) / span * (w - 4) + 2:.1f},{(1 - p) * (h - 4) + 2:.1f}"

    top = [
        xy(t, float(v.get("high", v.get("hire_probability", 0))))
        for t, v in zip(ts, verdicts, strict=True)
    ]
    bot = [
        xy(t, float(v.get("low", v.get("hire_probability", 0))))
        for t, v in zip(ts, verdicts, strict=True)
    ]
    mid = [xy(t, float(v.get("hire_probability", 0))) for t, v in zip(ts, verdicts, strict=True)]
    return (
        f'<svg class="lk-spark" width="{w}" height="{h}" viewBox="0 0 {w} {h}">'
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="#f8fafc"/>'
        f'<line x1="0" x2="{w}" y1="{h / 2}" y2="{h / 2}" stroke="#cbd5e1" stroke-dasharray="3"/>'
        f'<polygon points="{" ".join(top + bot[::-1])}" fill="rgba(37,99,235,0.18)"/>'
        f'<polyline points="{" ".join(mid)}" fill="none" stroke="#1d4ed8" stroke-width="2"/>'
        "</svg>"
    )


def _decoded(value: Any, default: Any) -> Any:
    """Store rows may carry JSON text where the live feed has dicts/lists."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return default
    return value if isinstance(value, type(default)) else default


def verdict_html(
    verdict: dict | None, verdicts: list[dict] | None = None, *, final: bool = False
) -> str:
    """Hire probability with its uncertainty band, label probabilities, risk flags, history."""
    if not verdict:
        return '<div class="lk-empty">No verdict yet: it appears after the first answer.</div>'
    p = float(verdict.get("hire_probability", 0.0))
    lo = float(verdict.get("low", p))
    hi = float(verdict.get("high", p))
    labels = _decoded(verdict.get("label_probs"), {})
    flags = _decoded(verdict.get("risk_flags"), [])
    lab = " · ".join(f"{html.escape(str(k))} {_pct(v)}" for k, v in labels.items())
    flag_html = (
        "".join(f'<span class="lk-flag">{html.escape(str(f))}</span>' for f in flags)
        if flags
        else '<span class="lk-small">no risk flags</span>'
    )
    title = "Final verdict" if final else "Verdict so far"
    return (
        f'<div class="lk-verdict"><div class="lk-vtitle">{title}: hire probability '
        f'<b class="lk-p">{_pct(p)}</b> <span class="lk-small">(band {_pct(lo)}–{_pct(hi)})'
        "</span></div>"
        '<div class="lk-bar lk-vbar">'
        f'<div class="lk-band" style="left:{lo * 100:.1f}%;width:{max(0.0, hi - lo) * 100:.1f}%">'
        f'</div><div class="lk-mark" style="left:{p * 100:.1f}%"></div></div>'
        f'<div class="lk-small">{lab}</div><div>{flag_html}</div>'
        f"{_sparkline(list(verdicts or []))}</div>"
    )


_STYLE = """<style>
.lk-app { font-family: system-ui, sans-serif; font-size: 14px; }
.lk-h { font-size: 18px; font-weight: 700; margin: 4px 0 8px; }
.lk-script { max-height: 260px; min-height: 40px; overflow-y: auto; display: flex;
  flex-direction: column-reverse; border: 1px solid #e5e7eb; border-radius: 6px;
  padding: 6px 8px; background: #fff; }
.lk-turn { margin: 2px 0; line-height: 1.35; }
.lk-turn.lk-interviewer b { color: #1d4ed8; } .lk-turn.lk-candidate b { color: #b45309; }
.lk-live { color: #6b7280; font-style: italic; }
.lk-t { color: #9ca3af; font-variant-numeric: tabular-nums; font-size: 12px; }
.lk-q { background: #dbeafe; color: #1e40af; border-radius: 3px; padding: 0 4px; font-size: 11px; }
.lk-empty, .lk-small { color: #6b7280; font-size: 12px; }
.lk-label { display: inline-block; min-width: 120px; color: #6b7280; font-size: 12px; }
.lk-qa div { margin: 2px 0; }
.lk-bar { position: relative; height: 14px; width: 180px; background: #eef2f7;
  border-radius: 4px; }
.lk-vbar { width: 260px; height: 18px; margin: 4px 0; }
.lk-band { position: absolute; top: 0; height: 100%; background: rgba(37,99,235,0.28);
  border-radius: 4px; }
.lk-mark { position: absolute; top: -2px; width: 3px; height: calc(100% + 4px);
  background: #1d4ed8; margin-left: -1px; }
.lk-profile td, .lk-profile th { padding: 2px 6px; text-align: left; font-size: 13px; }
.lk-flag { display: inline-block; background: #fee2e2; color: #991b1b; border-radius: 3px;
  padding: 0 5px; margin: 2px 3px 0 0; font-size: 12px; }
.lk-vtitle { font-weight: 600; } .lk-p { font-size: 18px; }
.lk-ok { color: #15803d; font-weight: 600; } .lk-bad { color: #b91c1c; font-weight: 600; }
.lk-warn { color: #b45309; font-weight: 600; }
.lk-consent { max-width: 560px; line-height: 1.45; }
</style>"""


def _status_html(parts: list[tuple[str, str]]) -> str:
    return " &nbsp;·&nbsp; ".join(f'<span class="{c}">{html.escape(t)}</span>' for c, t in parts)


# ---- interviewer ----------------------------------------------------------------------------
class InterviewerApp:
    """The interviewer's console. ``widget`` is what the notebook displays."""

    def __init__(self, client: Any, *, options: AppOptions | None = None) -> None:
        W = _widgets()
        from labkit.capture.widget import CaptureWidget

        self.client = client
        self.options = options or AppOptions()
        self.session_id: str | None = None
        self.links: dict[str, str] = {}
        self.last_state: dict | None = None
        self.final: dict | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lk-actions")
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None
        self._last_frame: bytes | None = None
        self._rendered: dict[str, str] = {}

        # setup
        self.title = W.Text(description="Title", placeholder="e.g. Backend engineer, round 1")
        self.jd = W.Textarea(
            placeholder="Paste the job description here",
            layout=W.Layout(width="100%", height="140px"),
        )
        self.consent = {
            "audio": W.Checkbox(value=True, description="Audio (transcript, voice prosody)"),
            "video": W.Checkbox(value=True, description="Video (face presence, head pose)"),
            "emotion": W.Checkbox(value=False, description="Facial emotion analysis"),
        }
        for cb in self.consent.values():
            cb.style.description_width = "initial"
            cb.layout.width = "auto"
            cb.observe(self._on_consent, names="value")
        self.create_btn = W.Button(description="Create session", button_style="primary")
        self.create_btn.on_click(lambda _b: self._act(self._create))
        self.jd_btn = W.Button(description="Update JD", disabled=True)
        self.jd_btn.on_click(lambda _b: self._act(self._update_jd))
        self.links_html = W.HTML()

        # controls
        self.start_btn = W.Button(description="Start", button_style="success", disabled=True)
        self.start_btn.on_click(lambda _b: self._act(self._start))
        self.end_btn = W.Button(description="End interview", button_style="danger", disabled=True)
        self.end_btn.on_click(lambda _b: self._act(self._end))
        self.profiling = W.ToggleButton(
            value=True, description="Profiling on", disabled=True, icon="check"
        )
        self.profiling.observe(self._on_profiling, names="value")
        self.status = W.HTML(_status_html([("lk-small", "No session yet.")]))
        self.notice = W.HTML()
        self.mic_box = W.VBox()
        self.capture = CaptureWidget(role="interviewer", audio=True, video=False, client=client)

        # live view
        self.video = W.Image(
            format="jpeg", layout=W.Layout(width="320px", height="240px", display="none")
        )
        self.video.add_class("lk-video")
        self.video_note = W.HTML('<div class="lk-empty">Candidate camera: no picture yet.</div>')
        self.script = W.HTML(script_html({}))
        self.qa = W.HTML(qa_html({}))
        self.profile = W.HTML(profile_html([]))
        self.verdict = W.HTML(verdict_html(None))
        self.final_html = W.HTML()

        setup = W.VBox(
            [
                W.HTML(
                    '<b>1. Session</b> <span class="lk-small">(job description and '
                    "consent, then Create)</span>"
                ),
                self.title,
                self.jd,
                W.HTML(
                    '<span class="lk-small">Consent, per modality (emotion off = the '
                    "emotion_off mode):</span>"
                ),
                W.HBox(list(self.consent.values())),
                W.HBox([self.create_btn, self.jd_btn]),
                self.links_html,
            ]
        )
        controls = W.VBox(
            [
                W.HTML("<b>2. Interview</b>"),
                W.HBox([self.start_btn, self.profiling, self.end_btn]),
                self.notice,
                self.mic_box,
                self.status,
            ]
        )
        left = W.VBox([W.HTML("<b>Candidate</b>"), self.video, self.video_note])
        right = W.VBox(
            [W.HTML("<b>Verdict</b>"), self.verdict, W.HTML("<b>Profile</b>"), self.profile],
            layout=W.Layout(margin="0 0 0 16px"),
        )
        live = W.VBox(
            [
                W.HTML("<b>3. Live</b>"),
                W.HBox([left, right]),
                self.qa,
                W.HTML("<b>Script</b>"),
                self.script,
                self.final_html,
            ]
        )
        self.widget = W.VBox(
            [
                W.HTML(_STYLE + '<div class="lk-h">Interview Lab · interviewer</div>'),
                setup,
                controls,
                live,
            ],
            layout=W.Layout(max_width="980px"),
        )
        self.widget.add_class("lk-app")
        self.widget._labkit_app = self  # reachable from the notebook for debugging

    # ---- actions (run on the action thread) --------------------------------------------------
    def _act(self, fn: Any) -> None:
        self._pool.submit(self._guard, fn)

    def _guard(self, fn: Any) -> None:
        # a separate line from the live status, which the poller rewrites twice a second
        name = getattr(fn, "__name__", "").strip("_")
        self.notice.value = _status_html([("lk-small", f"{name}: working...")]) if name else ""
        try:
            fn()
        except Exception as e:
            self.notice.value = _status_html([("lk-bad", f"{name} failed: {e}")])
        else:
            self.notice.value = ""

    def consent_values(self) -> dict[str, bool]:
        return {k: bool(cb.value) for k, cb in self.consent.items()}

    def mode(self) -> str:
        return "standard" if self.consent["emotion"].value else "emotion_off"

    def _create(self) -> None:
        if self.session_id is not None:
            return
        self.create_btn.disabled = True
        try:
            out = self.client.create_session(
                title=self.title.value.strip() or "Interview",
                jd_text=self.jd.value,
                mode=self.mode(),
                consent=self.consent_values(),
            )
        except Exception:
            self.create_btn.disabled = False
            raise
        self.session_id = out["session_id"]
        self.links = {k: v for k, v in out.items() if k.endswith("_url")}
        cand = html.escape(self.links.get("candidate_url", ""))
        self.links_html.value = (
            f"<div>Session <code>{html.escape(self.session_id)}</code>. Send the candidate this "
            f'link: <a class="lk-candidate-link" href="{cand}" target="_blank">{cand}</a></div>'
        )
        self.create_btn.description = "Session created"
        self.jd_btn.disabled = False
        self.start_btn.disabled = False
        self.end_btn.disabled = False
        self.profiling.disabled = False
        # built in __init__ (on the kernel's loop, where its pinger runs); bound and shown now
        self.capture.audio = self.consent["audio"].value
        self.capture.resume_key = f"{self.session_id}:interviewer"
        self.capture.relay.session_id = self.session_id
        self.mic_box.children = [_html_widget("<b>Your microphone</b>"), self.capture]
        self.status.value = _status_html([("lk-ok", "Session created; click Start.")])
        self._start_poller()

    def _start(self) -> None:
        try:
            self.client.control(self.session_id, "start")
        except Exception:
            # the engine may load its models before answering and outlast the client's
            # timeout; the session has started all the same if the engine says so
            if self.client.state(self.session_id).get("status") not in ("running", "live"):
                raise
        self.start_btn.disabled = True
        self.start_btn.description = "Started"
        self.capture.start()  # the browser may still want a click on "Start capture"

    def _end(self) -> None:
        out = self.client.control(self.session_id, "end")
        self.end_btn.disabled = True
        self.profiling.disabled = True
        self.capture.stop()
        self.final = out
        dash = html.escape(str(out.get("dashboard_url") or self.links.get("dashboard_url", "")))
        self.final_html.value = (
            '<div class="lk-final"><b>Interview ended.</b>'
            + verdict_html(out.get("final_verdict"), final=True)
            + f'<div>Dashboard: <a class="lk-dashboard-link" href="{dash}" target="_blank">'
            f"{dash}</a></div></div>"
        )
        self._refresh_state()
        self._stop.set()

    def _update_jd(self) -> None:
        self.client.control(self.session_id, "jd", text=self.jd.value)
        self.status.value = _status_html([("lk-ok", "Job description updated.")])

    def _on_consent(self, _change: dict) -> None:
        if self.session_id is not None:
            consent = self.consent_values()
            self._act(lambda: self.client.control(self.session_id, "consent", consent=consent))

    def _on_profiling(self, change: dict) -> None:
        on = bool(change["new"])
        self.profiling.description = "Profiling on" if on else "Profiling off"
        self.profiling.icon = "check" if on else ""
        if self.session_id is not None:
            self._act(lambda: self.client.control(self.session_id, "profiling", on=on))

    # ---- live refresh (poller thread) --------------------------------------------------------
    def _start_poller(self) -> None:
        if self._poller is None:
            self._poller = threading.Thread(target=self._poll, name="lk-live", daemon=True)
            self._poller.start()

    def close(self) -> None:
        self._stop.set()
        self._pool.shutdown(wait=False)

    def _poll(self) -> None:
        frame_dt = 1.0 / max(1.0, self.options.frame_fps)
        next_state = 0.0
        while not self._stop.is_set():
            t = time.monotonic()
            self._refresh_frame()
            if t >= next_state:
                self._refresh_state()
                next_state = t + self.options.state_interval_s
            self._stop.wait(max(0.0, frame_dt - (time.monotonic() - t)))

    def _refresh_frame(self) -> None:
        try:
            jpeg = self.client.latest_frame(self.session_id)
        except Exception:
            return
        if jpeg and jpeg != self._last_frame:
            self._last_frame = jpeg
            self.video.value = jpeg
            if self.video_note.value:
                self.video_note.value = ""
                self.video.layout.display = None

    def _set(self, w: Any, key: str, value: str) -> None:
        # only send what changed: each update is a websocket message to the browser
        if self._rendered.get(key) != value:
            self._rendered[key] = value
            w.value = value

    def _refresh_state(self) -> None:
        if self.session_id is None:
            return
        try:
            st = self.client.state(self.session_id)
        except Exception as e:
            self._set(self.status, "status", _status_html([("lk-bad", f"Engine unreachable: {e}")]))
            return
        self.last_state = st
        self._set(self.script, "script", script_html(st, max_turns=self.options.script_turns))
        self._set(self.qa, "qa", qa_html(st))
        self._set(self.profile, "profile", profile_html(st.get("profile") or []))
        self._set(self.verdict, "verdict", verdict_html(st.get("verdict"), st.get("verdicts")))
        counts = st.get("counts") or {}
        parts = [
            ("lk-ok", "engine connected")
            if getattr(self.client, "connected", True)
            else ("lk-bad", "engine not connected"),
            ("", f"status: {st.get('status', '?')}"),
            ("", f"t = {_clock(st.get('t'))}"),
            ("lk-small", ", ".join(f"{k} {v}" for k, v in counts.items())),
        ]
        if self.session_id is not None:
            rs = self.capture.relay.stats()
            parts.append(("lk-small", f"your mic: {rs.audio_chunks} chunks"))
        self._set(self.status, "status", _status_html(parts))


def _html_widget(value: str) -> Any:
    return _widgets().HTML(value)


# ---- candidate ------------------------------------------------------------------------------
class CandidateApp:
    """The candidate's page: consent, self-preview, connection and recording status only."""

    def __init__(self, client: Any, *, options: AppOptions | None = None) -> None:
        W = _widgets()
        self.client = client
        self.options = options or AppOptions()
        self.session_id: str | None = getattr(client, "session_id", None)
        self.capture: Any = None
        self._stop = threading.Event()
        self._stopped = False
        self._poller: threading.Thread | None = None
        try:
            st = client.status()
        except Exception:
            st = {}
        granted = {k: bool((st.get("consent") or {}).get(k, k != "emotion")) for k in CONSENT_KEYS}
        self.granted = granted
        self.audio_cb = W.Checkbox(
            value=granted["audio"],
            disabled=not granted["audio"],
            description="My voice (microphone): transcribed into the interview script",
        )
        self.video_cb = W.Checkbox(
            value=granted["video"],
            disabled=not granted["video"],
            description="My camera: face presence and head pose"
            + (", and facial emotion analysis" if granted["emotion"] else ""),
        )
        for cb in (self.audio_cb, self.video_cb):
            cb.style.description_width = "initial"
            cb.layout.width = "auto"
        self.agree_btn = W.Button(description="I agree, join the interview", button_style="primary")
        self.agree_btn.layout.width = "auto"
        self.agree_btn.on_click(lambda _b: self.agree())
        self.decline_btn = W.Button(description="I do not agree")
        self.decline_btn.on_click(lambda _b: self.decline())
        emotion = (
            "Facial emotion analysis is switched on for this interview."
            if granted["emotion"]
            else "Facial emotion analysis is switched off for this interview."
        )
        self.consent_box = W.VBox(
            [
                W.HTML(
                    '<div class="lk-consent">This interview is recorded and analysed to help the '
                    "interviewer. Choose what you agree to share. A person makes the decision; "
                    f"you can ask for your recording to be deleted. {html.escape(emotion)}</div>"
                ),
                self.audio_cb,
                self.video_cb,
                W.HBox([self.agree_btn, self.decline_btn]),
            ]
        )
        self.status = W.HTML(_status_html([("lk-small", "Not joined yet.")]))
        self.capture_box = W.VBox()
        self.widget = W.VBox(
            [
                W.HTML(_STYLE + '<div class="lk-h">Interview Lab · candidate</div>'),
                self.consent_box,
                self.capture_box,
                self.status,
            ],
            layout=W.Layout(max_width="640px"),
        )
        self.widget.add_class("lk-app")
        self.widget._labkit_app = self

    def agree(self) -> None:
        from labkit.capture.widget import CaptureWidget

        audio, video = bool(self.audio_cb.value), bool(self.video_cb.value)
        if not (audio or video):
            self.status.value = _status_html(
                [("lk-warn", "Nothing is shared, so nothing will be recorded.")]
            )
            return
        self.capture = CaptureWidget(
            role="candidate",
            audio=audio,
            video=video,
            preview=True,
            client=self.client,
            session_id=self.session_id,
            resume_key=f"{self.session_id}:candidate",
        )
        self.capture.observe(lambda _c: self._render_status(), names="state")
        self.consent_box.children = [
            _html_widget(
                '<div class="lk-consent">Thank you. Click <b>Start capture</b>; you will see '
                "yourself below.</div>"
            )
        ]
        self.capture_box.children = [self.capture]
        self._last_status: dict = {}
        self._render_status()
        if self._poller is None:
            self._poller = threading.Thread(target=self._poll, name="lk-status", daemon=True)
            self._poller.start()

    def decline(self) -> None:
        self.consent_box.children = [
            _html_widget(
                '<div class="lk-consent">You declined: nothing is recorded. You can close '
                "this page.</div>"
            )
        ]
        self.status.value = ""

    def close(self) -> None:
        self._stop.set()

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                self._last_status = {**self.client.status(), "reachable": True}
            except Exception:
                self._last_status = {"reachable": False}
            self._render_status()
            self._stop.wait(self.options.status_interval_s)

    def _render_status(self) -> None:
        st = getattr(self, "_last_status", {}) or {}
        cap = self.capture.state if self.capture is not None else "idle"
        parts = [
            ("lk-ok", "● connected to the lab")
            if st.get("reachable", getattr(self.client, "connected", False))
            else ("lk-bad", "○ not connected to the lab"),
        ]
        ended = st.get("session_status") in ("ended", "complete", "completed", "deleted")
        if ended:
            if cap == "capturing" and not self._stopped:
                self._stopped = True
                self.capture.stop()  # nothing more is wanted from the candidate's devices
            parts.append(("lk-small", "the interview has ended; thank you"))
        elif cap == "capturing" and st.get("recording"):
            parts.append(("lk-ok", "● recording"))
        elif cap == "capturing":
            parts.append(("lk-warn", "camera/microphone on; waiting for the interviewer"))
        elif cap == "error":
            parts.append(("lk-bad", self.capture.message or "capture error"))
        else:
            parts.append(("lk-small", "not recording"))
        value = _status_html(parts)
        if self.status.value != value:
            self.status.value = value


def interviewer_app(client: Any, *, options: AppOptions | None = None) -> Any:
    """The interviewer's console as one widget (display it, or let Voila show it)."""
    return InterviewerApp(client, options=options).widget


def candidate_app(client: Any, *, options: AppOptions | None = None) -> Any:
    """The candidate's page as one widget."""
    return CandidateApp(client, options=options).widget
