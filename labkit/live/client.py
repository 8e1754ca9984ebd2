"""The kernels' client of the engine service. Sending never blocks the caller.

Media goes through one sender thread with a bounded buffer. If the engine is down (restarting
after a crash), audio waits in the buffer (up to ``max_audio_s`` seconds, then the oldest is
dropped and counted) and is delivered in order when the engine is back; video keeps only the
newest frames.
"""

from __future__ import annotations

import collections
import json
import os
import threading
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import parse_qs, urlencode

from labkit.errors import LabkitError

__all__ = ["EngineClient"]


class EngineClient:
    def __init__(
        self, base_url: str, token: str, *, max_audio_s: float = 180.0, timeout: float = 10.0
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.connected = False
        self.dropped = collections.Counter[str]()
        self.sent = collections.Counter[str]()
        self._audio: collections.deque[tuple[str, dict[str, Any], bytes]] = collections.deque(
            maxlen=int(max_audio_s * 4 * 2)
        )  # 250 ms chunks, two roles at most
        self._frames: collections.deque[tuple[str, dict[str, Any], bytes]] = collections.deque(
            maxlen=5
        )
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._who: dict[str, Any] | None = None

    @classmethod
    def from_env(cls) -> EngineClient:
        """In a Voila kernel: the service URL from the environment, the token from the page URL."""
        url = os.environ.get("LABKIT_ENGINE_URL")
        if not url:
            raise LabkitError("LABKIT_ENGINE_URL is not set; start the lab with `labkit serve`")
        qs = parse_qs(os.environ.get("QUERY_STRING", ""))
        token = (qs.get("token") or [os.environ.get("LABKIT_TOKEN", "")])[0]
        if not token:
            raise LabkitError("no token: open the link `labkit serve` printed")
        return cls(url, token)

    # -- identity ---------------------------------------------------------------------------
    def _whoami(self) -> dict[str, Any]:
        if self._who is None:
            self._who = self._request("GET", "/lab/api/whoami")
        return self._who

    @property
    def role(self) -> str:
        return str(self._whoami()["role"])

    @property
    def session_id(self) -> str | None:
        return self._whoami().get("session_id")

    # -- requests ---------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: dict[str, Any] | None = None,
        raw: bool = False,
        timeout: float | None = None,
    ) -> Any:
        url = self.base_url + path + (f"?{urlencode(params)}" if params else "")
        req = urllib.request.Request(
            url, data=body, method=method, headers={"Authorization": f"Bearer {self.token}"}
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout or self.timeout) as resp:
                data = resp.read()
                self.connected = True
                if raw:
                    return data if resp.status == 200 else None
                return json.loads(data) if data else {}
        except urllib.error.HTTPError as e:
            self.connected = True
            try:
                reason = json.loads(e.read()).get("error") or e.reason
            except ValueError:
                reason = e.reason
            raise LabkitError(f"engine service: {e.code} {reason}") from None
        except (urllib.error.URLError, OSError) as e:
            self.connected = False
            raise LabkitError(f"engine service unreachable at {self.base_url} ({e})") from None

    def _json(
        self,
        method: str,
        path: str,
        data: dict[str, Any] | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        body = json.dumps(data or {}).encode() if method == "POST" else None
        return self._request(method, path, body=body, timeout=timeout)

    def create_session(
        self, *, title: str, jd_text: str, mode: str | None = None, consent: dict[str, bool]
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {"title": title, "jd_text": jd_text, "consent": consent}
        if mode:
            payload["mode"] = mode
        return self._json("POST", "/lab/api/sessions", payload)

    def control(self, session_id: str, action: str, **kw: Any) -> dict[str, Any]:
        timeout = 320.0 if action in ("start", "end") else None  # models load, tracks flush
        return self._json(
            "POST",
            f"/lab/api/sessions/{session_id}/control",
            {"action": action, **kw},
            timeout=timeout,
        )

    def state(self, session_id: str) -> dict[str, Any]:
        return self._json("GET", f"/lab/api/sessions/{session_id}/state")

    def latest_frame(self, session_id: str) -> bytes | None:
        return self._request("GET", f"/lab/api/sessions/{session_id}/frame", raw=True)

    def status(self, session_id: str | None = None) -> dict[str, Any]:
        sid = session_id or self.session_id
        return self._json("GET", f"/lab/api/sessions/{sid}/status")

    def report(self, session_id: str) -> dict[str, Any]:
        return self._json("GET", f"/lab/api/sessions/{session_id}/report")

    def record_decision(
        self, session_id: str, *, decision: str, author: str, comments: str = ""
    ) -> dict[str, Any]:
        return self._json(
            "POST",
            f"/lab/api/sessions/{session_id}/decision",
            {"decision": decision, "author": author, "comments": comments},
        )

    def delete_session(self, session_id: str) -> dict[str, Any]:
        return self._request("DELETE", f"/lab/api/sessions/{session_id}")

    def sessions(self) -> list[dict[str, Any]]:
        return self._json("GET", "/lab/api/sessions")["sessions"]

    # -- media (non-blocking) ---------------------------------------------------------------
    def send_audio(
        self, session_id: str, role: str, pcm_int16: bytes, *, t_capture: float, seq: int
    ) -> None:
        if len(self._audio) == self._audio.maxlen:
            self.dropped["audio"] += 1
        self._audio.append(
            (
                f"/lab/api/sessions/{session_id}/ingest/{role}",
                {"kind": "audio", "t": f"{t_capture:.4f}", "seq": seq},
                pcm_int16,
            )
        )
        self._kick()

    def send_frame(self, session_id: str, jpeg: bytes, *, t_capture: float, seq: int) -> None:
        if len(self._frames) == self._frames.maxlen:
            self.dropped["frame"] += 1
        self._frames.append(
            (
                f"/lab/api/sessions/{session_id}/ingest/candidate",
                {"kind": "frame", "t": f"{t_capture:.4f}", "seq": seq},
                jpeg,
            )
        )
        self._kick()

    @property
    def backlog(self) -> int:
        return len(self._audio) + len(self._frames)

    def _kick(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._sender, name="labkit-sender", daemon=True)
            self._thread.start()
        self._wake.set()

    def _sender(self) -> None:
        backoff = 0.2
        while True:
            self._wake.wait(1.0)
            self._wake.clear()
            while self._audio or self._frames:
                # audio first: it is the record; a late frame is worth less than a late word
                queue = self._audio if self._audio else self._frames
                path, params, body = queue[0]
                try:
                    self._request("POST", path, body=body, params=params, timeout=5.0)
                except LabkitError as e:
                    if "unreachable" in str(e) or " 409 " in str(e) or "503" in str(e):
                        time.sleep(backoff)  # engine restarting: keep the data, try again
                        backoff = min(2.0, backoff * 2)
                        continue
                    self.dropped[params["kind"]] += 1  # refused for good (e.g. 403)
                else:
                    backoff = 0.2
                    self.sent[params["kind"]] += 1
                if queue and queue[0][2] is body:
                    queue.popleft()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued has been delivered (tests, end of interview)."""
        end = time.time() + timeout
        while self.backlog and time.time() < end:
            self._wake.set()
            time.sleep(0.05)
        return self.backlog == 0
