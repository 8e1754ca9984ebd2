"""The engine service: one process per lab, the only DuckDB writer, and the lab's front door.

It serves the lab API (sessions, ingest, live state) and proxies every other path to the Voila
server behind it, checking role tokens on the way: a candidate token opens the candidate page of
its own session and nothing else.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import tornado.httpclient
import tornado.web
import tornado.websocket

from labkit.engine import EngineOptions, Stage
from labkit.errors import LabkitError
from labkit.live.session import LiveSession
from labkit.live.tokens import Grant, issue, verify
from labkit.store import Store

__all__ = ["LabService", "make_app"]

COOKIE = "labkit_token"
# What a candidate's browser may fetch through the gateway: its page, static assets, and the
# websocket of the kernel that page started (kernel ids are unguessable; listing them is denied).
_CANDIDATE_PATHS = re.compile(
    r"^/(voila/render/candidate\.ipynb"
    r"|voila/static/.*|static/.*|voila/templates/.*|voila/files/.*|favicon\.ico"
    r"|api/kernels/[0-9a-f-]{36}(/channels)?|voila/labextensions/.*"
    r"|voila/api/shutdown/[0-9a-f-]{36}"
    r"|voila/query/[0-9a-f-]{36}"
    r"|api/kernelspecs/.*|voila/api/kernels/[0-9a-f-]{36}/channels)$"
)


@dataclass
class LabService:
    """State of the service process (shared by all handlers; used on the event loop only)."""

    store: Store
    secret: bytes
    public_url: str
    voila_url: str | None = None
    # one decode per span: extra passes would delay every word
    options: EngineOptions = field(default_factory=EngineOptions.live)
    make_stages: Callable[[str], list[Stage]] = lambda mode: []
    make_vision: Callable[[str], Any] | None = None
    sessions: dict[str, LiveSession] = field(default_factory=dict)

    def link(self, page: str, token: str, **params: str) -> str:
        return f"{self.public_url}/voila/render/{page}?{urlencode({**params, 'token': token})}"

    def interviewer_token(self) -> str:
        return issue(self.secret, "interviewer")

    def start_live(self, session_id: str) -> LiveSession:
        if session_id in self.sessions:
            return self.sessions[session_id]
        info = self.store.get_session(session_id)
        epoch = info.get("clock_epoch")
        if epoch is None:
            epoch = time.time()
            self.store.set_clock(session_id, epoch)
        mode = info.get("mode") or "standard"
        live = LiveSession(
            self.store,
            session_id,
            clock_epoch=float(epoch),
            options=self.options,
            stages=self.make_stages(mode),
            vision=self.make_vision(mode) if self.make_vision else None,
        )
        self.sessions[session_id] = live
        if info["status"] != "running":
            self.store.set_status(session_id, "running", actor="interviewer")
        return live

    def resume_running(self) -> list[str]:
        """After a crash or restart: carry on every session the store says is running."""
        ids = [r["session_id"] for r in self.store.list_sessions() if r["status"] == "running"]
        for sid in ids:
            self.start_live(sid)
            self.store.audit(sid, "service", "resumed", None)
        return ids

    def close(self) -> None:
        for live in self.sessions.values():
            live.close()


class _Base(tornado.web.RequestHandler):
    lab: LabService

    def initialize(self, lab: LabService) -> None:
        self.lab = lab

    def grant(self) -> Grant | None:
        token = (
            self.get_query_argument("token", None)
            or (self.request.headers.get("Authorization", "").removeprefix("Bearer ") or None)
            or self.get_cookie(COOKIE)
        )
        return verify(self.lab.secret, token)

    def need(self, role: str, session_id: str | None = None) -> Grant:
        g = self.grant()
        if g is None:
            raise tornado.web.HTTPError(401, reason="missing or invalid token")
        if role == "interviewer" and g.role != "interviewer":
            raise tornado.web.HTTPError(403, reason="interviewer only")
        if g.role == "candidate" and session_id is not None and g.session_id != session_id:
            raise tornado.web.HTTPError(403, reason="not your session")
        return g

    def live(self, session_id: str) -> LiveSession:
        live = self.lab.sessions.get(session_id)
        if live is None:
            raise tornado.web.HTTPError(409, reason="session is not running")
        return live

    def body_json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, reason="body is not JSON") from None
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(400, reason="body must be a JSON object")
        return data

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "application/json")
        self.finish({"error": self._reason, "status": status_code})


class Health(_Base):
    def get(self) -> None:
        self.write({"ok": True, "sessions": sorted(self.lab.sessions)})


class WhoAmI(_Base):
    def get(self) -> None:
        g = self.need("any")
        self.write({"role": g.role, "session_id": g.session_id})


class Sessions(_Base):
    def get(self) -> None:
        self.need("interviewer")
        rows = self.lab.store.list_sessions()
        self.write({"sessions": json.loads(json.dumps(rows, default=str))})

    def post(self) -> None:
        self.need("interviewer")
        data = self.body_json()
        consent = {k: bool(v) for k, v in (data.get("consent") or {}).items()}
        mode = data.get("mode") or ("standard" if consent.get("emotion", False) else "emotion_off")
        try:
            sid = self.lab.store.create_session(
                title=str(data.get("title") or ""),
                jd_text=data.get("jd_text") or None,
                mode=mode,
                consent=consent,
                asr_model=self.lab.options.asr.model,
                actor="interviewer",
            )
        except LabkitError as e:
            raise tornado.web.HTTPError(400, reason=str(e)) from None
        self.lab.store.audit(sid, "interviewer", "consent", consent)
        ctoken = issue(self.lab.secret, "candidate", sid)
        itoken = self.lab.interviewer_token()
        self.write(
            {
                "session_id": sid,
                "mode": mode,
                "candidate_url": self.lab.link("candidate.ipynb", ctoken),
                "dashboard_url": self.lab.link("dashboard.ipynb", itoken, session=sid),
            }
        )


class Control(_Base):
    async def post(self, sid: str) -> None:
        self.need("interviewer")
        data = self.body_json()
        action = data.get("action")
        store = self.lab.store
        store.get_session(sid)
        if action == "start":
            live = self.lab.start_live(sid)
            # models load before the first word, off the event loop
            await asyncio.get_running_loop().run_in_executor(None, live.warm_up)
            jd = store.get_session(sid).get("jd_text")
            if jd:
                self.lab.sessions[sid].control("jd", jd)
            self.write({"ok": True, "status": "running"})
        elif action == "jd":
            text = str(data.get("text") or "")
            if sid in self.lab.sessions:
                self.lab.sessions[sid].control("jd", text)
            else:
                store.set_jd(sid, text, actor="interviewer")
            self.write({"ok": True})
        elif action == "consent":
            consent = {k: bool(v) for k, v in (data.get("consent") or {}).items()}
            store.audit(sid, "interviewer", "consent", consent)
            self.write({"ok": True})
        elif action == "profiling":
            self.live(sid).control("profiling", bool(data.get("on", True)))
            self.write({"ok": True})
        elif action == "end":
            live = self.live(sid)
            live.control("end")
            # flushing the last utterances runs on the worker; the event loop stays free
            await asyncio.get_running_loop().run_in_executor(None, live.ended.wait, 300)
            await asyncio.get_running_loop().run_in_executor(None, live.close)
            del self.lab.sessions[sid]
            v = store.query(
                "SELECT hire_probability, low, high, label_probs, risk_flags, "
                "summary FROM verdicts WHERE session_id = ? AND is_final",
                [sid],
            )
            self.write(
                {
                    "ok": live.error is None,
                    "error": live.error,
                    "final_verdict": v[0] if v else None,
                    "dashboard_url": self.lab.link(
                        "dashboard.ipynb", self.lab.interviewer_token(), session=sid
                    ),
                }
            )
        else:
            raise tornado.web.HTTPError(400, reason=f"unknown action {action!r}")


class Ingest(_Base):
    def post(self, sid: str, role: str) -> None:
        g = self.need("any", sid)
        if g.role == "candidate" and role != "candidate":
            raise tornado.web.HTTPError(403, reason="a candidate sends only candidate media")
        live = self.live(sid)
        kind = self.get_query_argument("kind", "audio")
        t = float(self.get_query_argument("t"))
        seq = int(self.get_query_argument("seq", "-1"))
        if kind == "audio":
            if role not in ("interviewer", "candidate"):
                raise tornado.web.HTTPError(400, reason="role is interviewer or candidate")
            live.ingest_audio(role, self.request.body, t_capture_epoch=t, seq=seq)
        elif kind == "frame":
            if role != "candidate":
                raise tornado.web.HTTPError(400, reason="only the candidate sends video")
            live.ingest_frame(self.request.body, t_capture_epoch=t, seq=seq)
        else:
            raise tornado.web.HTTPError(400, reason=f"unknown kind {kind!r}")
        self.set_status(204)


class State(_Base):
    def get(self, sid: str) -> None:
        self.need("interviewer")
        view = self.lab.store.view()
        try:
            state = live_state(view, sid)
        finally:
            view.close()
        live = self.lab.sessions.get(sid)
        if live is not None:
            state["live"] = live.stats()
            state["t"] = round(live.now(), 2)
        self.write(json.loads(json.dumps(state, default=str)))


class Report(_Base):
    """Everything the dashboard explains: scores with evidence, verdict and profile history."""

    def get(self, sid: str) -> None:
        self.need("interviewer")
        view = self.lab.store.view()
        try:
            report = session_report(view, sid)
        finally:
            view.close()
        self.write(json.loads(json.dumps(report, default=str)))

    def delete(self, sid: str) -> None:
        """Delete the session: every row and its media (the audit log keeps the fact)."""
        self.need("interviewer")
        if sid in self.lab.sessions:
            raise tornado.web.HTTPError(409, reason="end the interview before deleting it")
        self.lab.store.delete_session(sid, actor="interviewer")
        self.write({"ok": True, "deleted": sid})


class Decision(_Base):
    def post(self, sid: str) -> None:
        self.need("interviewer")
        data = self.body_json()
        try:
            self.lab.store.record_decision(
                sid,
                decision=str(data.get("decision")),
                author=str(data.get("author") or "interviewer"),
                comments=str(data.get("comments") or ""),
            )
        except LabkitError as e:
            raise tornado.web.HTTPError(400, reason=str(e)) from None
        self.write({"ok": True})


class Frame(_Base):
    def get(self, sid: str) -> None:
        self.need("interviewer")
        live = self.lab.sessions.get(sid)
        if live is None or live.latest_jpeg is None:
            self.set_status(204)
            return
        self.set_header("Content-Type", "image/jpeg")
        self.set_header("X-Frame-Time", f"{live.latest_jpeg_t:.3f}")
        self.write(live.latest_jpeg)


class Status(_Base):
    """The little a candidate may see: is the lab receiving my media?"""

    def get(self, sid: str) -> None:
        self.need("any", sid)
        info = self.lab.store.get_session(sid)
        live = self.lab.sessions.get(sid)
        self.write(
            {
                "session_status": info["status"],
                "recording": live is not None,
                "consent": json.loads(info.get("consent") or "{}"),
                "connected": live.stats()["connected"] if live else {},
            }
        )


class Stats(_Base):
    def get(self) -> None:
        self.need("interviewer")
        self.write({"sessions": {sid: s.stats() for sid, s in self.lab.sessions.items()}})


def session_report(store: Store, sid: str) -> dict[str, Any]:
    """The live state plus what the dashboard needs to explain every score."""
    q = store.query
    out = live_state(store, sid)
    out["info"] = store.get_session(sid)
    out["requirements"] = q(
        "SELECT requirement, category, weight, required FROM "
        "jd_requirements WHERE session_id = ? ORDER BY weight DESC",
        [sid],
    )
    out["scores"] = q(
        "SELECT qa_idx, dimension, score, evidence, t_start, t_end, requirement "
        "FROM answer_scores WHERE session_id = ? ORDER BY qa_idx, dimension",
        [sid],
    )
    out["profile_history"] = q(
        "SELECT t, after_qa, dimension, mean, sd FROM profile_snapshots "
        "WHERE session_id = ? ORDER BY t, dimension",
        [sid],
    )
    out["decisions"] = q(
        "SELECT decided_at, author, decision, comments FROM human_decisions "
        "WHERE session_id = ? ORDER BY decided_at",
        [sid],
    )
    out["faces"] = q(
        "SELECT count(*) AS frames, avg(face_present::INT) AS detection_rate, "
        "avg(happy) AS happy, avg(neutral) AS neutral, avg(abs(yaw)) AS abs_yaw "
        "FROM face_frames WHERE session_id = ?",
        [sid],
    )[0]
    out["audit"] = q(
        "SELECT ts, actor, action FROM audit_log WHERE session_id = ? ORDER BY ts", [sid]
    )
    return out


def live_state(store: Store, sid: str) -> dict[str, Any]:
    """What the interviewer view shows, from the store (a read on its own cursor)."""
    info = store.get_session(sid)
    q = store.query
    turns = q(
        "SELECT idx, speaker, t_start, t_end, text, is_question FROM turns "
        "WHERE session_id = ? ORDER BY idx",
        [sid],
    )
    qa = q(
        "SELECT idx, question, answer, a_start, a_end, kind, link_confidence FROM qa_pairs "
        "WHERE session_id = ? ORDER BY idx",
        [sid],
    )
    verdicts = q(
        "SELECT t, after_qa, hire_probability, low, high, label_probs, risk_flags, "
        "is_final, summary FROM verdicts WHERE session_id = ? ORDER BY t, is_final",
        [sid],
    )
    profile = q(
        "SELECT dimension, mean, sd, t FROM profile_snapshots WHERE session_id = ? "
        "AND t = (SELECT max(t) FROM profile_snapshots WHERE session_id = ?) "
        "ORDER BY dimension",
        [sid, sid],
    )
    words = q(
        "SELECT speaker, t_start, t_end, text FROM words WHERE session_id = ? "
        "ORDER BY t_start DESC LIMIT 200",
        [sid],
    )[::-1]
    last_q = next((t for t in reversed(turns) if t["speaker"] == "interviewer"), None)
    after = [
        t["text"]
        for t in turns
        if last_q and t["idx"] > last_q["idx"] and t["speaker"] == "candidate"
    ]
    for v in verdicts:
        v["label_probs"] = json.loads(v["label_probs"] or "{}")
        v["risk_flags"] = json.loads(v["risk_flags"] or "[]")
    return {
        "session_id": sid,
        "status": info["status"],
        "mode": info["mode"],
        "title": info["title"],
        "words": words,
        "turns": turns,
        "qa_pairs": qa,
        "current_question": last_q["text"] if last_q else None,
        "current_answer": " ".join(after) or None,
        "profile": profile,
        "verdict": verdicts[-1] if verdicts else None,
        "verdicts": [
            {k: v[k] for k in ("t", "hire_probability", "low", "high", "is_final")}
            for v in verdicts
        ],
        "counts": {
            t: store.count(t, sid)
            for t in (
                "words",
                "turns",
                "qa_pairs",
                "answer_scores",
                "face_frames",
                "prosody_windows",
                "verdicts",
            )
        },
    }


# -- the gateway to Voila -------------------------------------------------------------------
_HOP = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-authorization",
    "proxy-authenticate",
    "content-length",
    "content-encoding",
    "host",
}


class Gateway(_Base):
    """Everything that is not the lab API goes to Voila, if the token allows it."""

    def check(self) -> Grant:
        g = self.grant()
        path = self.request.path
        if g is None:
            raise tornado.web.HTTPError(401, reason="open the link you were given (token missing)")
        if g.role == "candidate" and not _CANDIDATE_PATHS.match(path):
            raise tornado.web.HTTPError(
                403, reason="the candidate link opens the candidate page only"
            )
        if self.lab.voila_url is None:
            raise tornado.web.HTTPError(503, reason="the app server is not running")
        token = self.get_query_argument("token", None)
        if token:  # remember the role for the page's own asset and websocket requests
            self.set_cookie(
                COOKIE,
                token,
                httponly=True,
                samesite="Strict",
                secure=self.request.protocol == "https",
            )
        return g

    async def _proxy(self) -> None:
        self.check()
        url = self.lab.voila_url + self.request.uri
        headers = {k: v for k, v in self.request.headers.get_all() if k.lower() not in _HOP}
        if "Origin" in headers:  # the gateway is the origin Voila should see
            headers["Origin"] = self.lab.voila_url
        body = self.request.body if self.request.method in ("POST", "PUT", "PATCH") else None
        req = tornado.httpclient.HTTPRequest(
            url,
            method=self.request.method,
            headers=headers,
            body=body,
            follow_redirects=False,
            request_timeout=120,
            decompress_response=True,
            allow_nonstandard_methods=True,
        )
        resp = await tornado.httpclient.AsyncHTTPClient().fetch(req, raise_error=False)
        self.set_status(resp.code if resp.code != 599 else 502, resp.reason)
        for k, v in resp.headers.get_all():
            if k.lower() not in _HOP:
                self.add_header(k, v)
        if resp.body:
            self.write(resp.body)

    async def get(self, *_: str) -> None:
        await self._proxy()

    async def post(self, *_: str) -> None:
        await self._proxy()

    async def put(self, *_: str) -> None:
        await self._proxy()

    async def delete(self, *_: str) -> None:
        await self._proxy()

    async def patch(self, *_: str) -> None:
        await self._proxy()

    def check_xsrf_cookie(self) -> None:  # Voila checks its own XSRF token
        return


class SocketGateway(tornado.websocket.WebSocketHandler):
    """Relays a kernel websocket between the browser and Voila."""

    lab: LabService

    def initialize(self, lab: LabService) -> None:
        self.lab = lab
        self.upstream: tornado.websocket.WebSocketClientConnection | None = None
        self.pending: list[tuple[str | bytes, bool]] = []
        self.subprotocols: list[str] = []

    def select_subprotocol(self, subprotocols: list[str]) -> str | None:
        # Jupyter's kernel protocol is negotiated end to end: offer Voila what the browser offered.
        self.subprotocols = list(subprotocols)
        return subprotocols[0] if subprotocols else None

    def check_origin(self, origin: str) -> bool:
        return True  # the token decides, and Voila checks again behind us

    async def get(self, *args: str, **kwargs: str) -> None:
        token = self.get_query_argument("token", None) or self.get_cookie(COOKIE)
        g = verify(self.lab.secret, token)
        if g is None:
            self.set_status(401)
            self.finish({"error": "missing or invalid token"})
            return
        if g.role == "candidate" and not _CANDIDATE_PATHS.match(self.request.path):
            self.set_status(403)
            self.finish({"error": "the candidate link opens the candidate page only"})
            return
        await super().get(*args, **kwargs)

    async def open(self, *_: str) -> None:
        assert self.lab.voila_url is not None
        url = "ws" + self.lab.voila_url.removeprefix("http") + self.request.uri
        headers = {
            k: v
            for k, v in self.request.headers.get_all()
            if k.lower() in ("cookie", "authorization", "user-agent")
        }
        # The token was checked here; to Voila the gateway is the page's origin.
        headers["Origin"] = self.lab.voila_url
        req = tornado.httpclient.HTTPRequest(url, headers=headers)
        try:
            self.upstream = await tornado.websocket.websocket_connect(
                req,
                on_message_callback=self._from_upstream,
                max_message_size=64 << 20,
                subprotocols=self.subprotocols or None,
            )
        except Exception:
            self.close(1011, "app server unavailable")
            return
        for msg, binary in self.pending:
            await self.upstream.write_message(msg, binary=binary)
        self.pending.clear()

    def _from_upstream(self, msg: str | bytes | None) -> None:
        if msg is None:
            self.close()
            return
        with contextlib.suppress(tornado.websocket.WebSocketClosedError):
            self.write_message(msg, binary=isinstance(msg, bytes))

    async def on_message(self, message: str | bytes) -> None:
        binary = isinstance(message, bytes)
        if self.upstream is None:
            self.pending.append((message, binary))
        else:
            await self.upstream.write_message(message, binary=binary)

    def on_close(self) -> None:
        if self.upstream is not None:
            self.upstream.close()


def make_app(lab: LabService) -> tornado.web.Application:
    a = {"lab": lab}
    sid = r"([0-9A-Za-z-]+)"
    return tornado.web.Application(
        [
            (r"/lab/api/health", Health, a),
            (r"/lab/api/whoami", WhoAmI, a),
            (r"/lab/api/stats", Stats, a),
            (r"/lab/api/sessions", Sessions, a),
            (rf"/lab/api/sessions/{sid}/control", Control, a),
            (rf"/lab/api/sessions/{sid}/ingest/(\w+)", Ingest, a),
            (rf"/lab/api/sessions/{sid}/state", State, a),
            (rf"/lab/api/sessions/{sid}/frame", Frame, a),
            (rf"/lab/api/sessions/{sid}/report", Report, a),
            (rf"/lab/api/sessions/{sid}", Report, a),
            (rf"/lab/api/sessions/{sid}/decision", Decision, a),
            (rf"/lab/api/sessions/{sid}/status", Status, a),
            (r"/lab/.*", _NotFound, a),
            (r"(/(?:voila/)?api/kernels/[^/]+/channels)", SocketGateway, a),
            (r"(.*)", Gateway, a),
        ],
        websocket_max_message_size=64 << 20,
    )


class _NotFound(_Base):
    def prepare(self) -> None:
        self.need("any")
        raise tornado.web.HTTPError(404, reason="no such lab route")
