"""The capture widget: browser microphone/camera -> this kernel -> the engine (via a Relay).

The front end is ``capture.js`` (package data). The kernel side answers nothing heavy: it pings
the browser every second for clock sync and hands each chunk/frame to :class:`Relay`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

from labkit.capture.clock import ClockSync
from labkit.capture.relay import MediaSink, Relay
from labkit.errors import LabkitError

__all__ = ["CaptureWidget"]

_CSS = """
.labkit-capture { font-family: system-ui, sans-serif; font-size: 13px; }
.labkit-capture-bar { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.labkit-capture-bar select { max-width: 220px; }
.labkit-capture-btn { padding: 4px 12px; }
.labkit-capture-meter { width: 220px; height: 8px; background: #e5e7eb; border-radius: 4px;
  margin: 6px 0; overflow: hidden; }
.labkit-capture-meter-fill { height: 100%; width: 0%; background: #16a34a;
  transition: width 80ms linear; }
.labkit-capture-status { color: #374151; }
.labkit-capture-status[data-state="error"] { color: #b91c1c; font-weight: 600; }
.labkit-capture-status[data-state="reconnecting"] { color: #b45309; font-weight: 600; }
.labkit-capture-status[data-state="capturing"] { color: #15803d; }
.labkit-capture-preview { width: 240px; margin-top: 6px; border-radius: 6px; background: #111;
  transform: scaleX(-1); }
"""


try:
    import anywidget
    import traitlets as t
except ImportError as e:  # the apps extra is optional
    raise LabkitError(
        "live capture needs anywidget and ipywidgets; run: pip install 'labkit[apps]'"
    ) from e


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    ip = get_ipython()
    return ip is not None and getattr(ip, "kernel", None) is not None


class CaptureWidget(anywidget.AnyWidget):
    """Streams 16 kHz int16 PCM (``chunk_ms`` chunks) and JPEG frames to the kernel.

    role: ``interviewer`` or ``candidate`` (the speaker of the audio).
    audio / video: what to capture. preview: show the camera to the person captured.
    autostart: start without a click (browsers may keep audio suspended without one).
    resume_key: names the sequence counters kept in the page's sessionStorage, so a
        reloaded page continues numbering (use the session id).
    reload_after_s: reload the page when the kernel has been silent this long (0 = never).
    state / message (set by the browser): idle | starting | capturing | stopped | error,
        and a sentence for people.
    """

    _esm = Path(__file__).with_name("capture.js")
    _css = _CSS
    role = t.Unicode("candidate").tag(sync=True)
    audio = t.Bool(True).tag(sync=True)
    video = t.Bool(False).tag(sync=True)
    preview = t.Bool(True).tag(sync=True)
    autostart = t.Bool(False).tag(sync=True)
    chunk_ms = t.Int(250).tag(sync=True)
    # 10 fps to the lab: the interviewer watches every frame; faces sample 5 of them per second
    frame_interval_ms = t.Int(100).tag(sync=True)
    frame_width = t.Int(320).tag(sync=True)
    frame_height = t.Int(240).tag(sync=True)
    jpeg_quality = t.Float(0.7).tag(sync=True)
    # the browser's echo cancellation / noise suppression / gain control; off by default
    # because they distort speech for ASR and prosody, and the capture pages play no sound
    audio_processing = t.Bool(False).tag(sync=True)
    resume_key = t.Unicode("").tag(sync=True)
    reload_after_s = t.Float(30.0).tag(sync=True)
    state = t.Unicode("idle").tag(sync=True)
    message = t.Unicode("").tag(sync=True)
    devices = t.List(t.Dict()).tag(sync=True)

    def __init__(
        self,
        *,
        role: str = "candidate",
        audio: bool = True,
        video: bool = False,
        autostart: bool = False,
        client: MediaSink | None = None,
        session_id: str | None = None,
        relay: Relay | None = None,
        ping_interval_s: float = 1.0,
        **kw: Any,
    ) -> None:
        if role not in ("interviewer", "candidate"):
            raise LabkitError(f"role must be 'interviewer' or 'candidate', not {role!r}")
        super().__init__(role=role, audio=audio, video=video, autostart=autostart, **kw)
        self.relay = relay or Relay(client, role=role, session_id=session_id)
        self.clock: ClockSync = self.relay.clock
        self.events: deque[dict] = deque(maxlen=100)  # errors, starts, stops (for the UI)
        self._ping_interval = ping_interval_s
        self._task: asyncio.Task | None = None
        self._ping_stop = threading.Event()
        self.on_msg(self._on_msg)
        self._start_pinger()

    # ---- kernel -> browser -----------------------------------------------------------
    def ping(self) -> None:
        self.send(self.clock.ping())

    def start(self) -> None:
        """Ask the browser to start capturing (it may still need a click for audio)."""
        self.send({"kind": "command", "action": "start"})

    def stop(self) -> None:
        self.send({"kind": "command", "action": "stop"})

    def _start_pinger(self) -> None:
        if self._ping_interval <= 0:
            return
        try:
            loop = asyncio.get_running_loop()  # the kernel's loop, while a cell runs
        except RuntimeError:
            loop = None
        if loop is not None:
            self._task = loop.create_task(self._pinger())
        elif _in_kernel():
            # built off the kernel's loop (e.g. in an action thread): ping from a thread;
            # ipykernel's iopub socket accepts sends from any thread
            threading.Thread(target=self._thread_pinger, name="lk-ping", daemon=True).start()
        # else: no kernel (unit tests): call ping() by hand

    def _thread_pinger(self) -> None:
        while not self._ping_stop.wait(self._ping_interval):
            if self.comm is None:
                return
            with contextlib.suppress(Exception):
                self.ping()

    async def _pinger(self) -> None:
        while True:
            await asyncio.sleep(self._ping_interval)
            with contextlib.suppress(Exception):  # a closed comm must not kill the loop
                self.ping()

    async def _burst(self, n: int = 5, gap_s: float = 0.05) -> None:
        for _ in range(n):
            with contextlib.suppress(Exception):
                self.ping()
            await asyncio.sleep(gap_s)

    def close(self) -> None:
        task = getattr(self, "_task", None)  # close() also runs from __del__ of half-built ones
        if task is not None:
            task.cancel()
        if hasattr(self, "_ping_stop"):
            self._ping_stop.set()
        super().close()

    # ---- browser -> kernel (must never block) ----------------------------------------
    def _on_msg(self, _widget: Any, content: dict, buffers: list[Any]) -> None:
        kind = content.get("kind") if isinstance(content, dict) else None
        if kind in ("audio", "frame"):
            self.relay.handle(content, buffers)
        elif kind == "pong":
            with contextlib.suppress(KeyError, TypeError, ValueError):
                self.clock.pong(int(content["id"]), float(content["t_client_ms"]))
        elif kind == "hello":
            # a fresh view: sync the clock now rather than over the next few seconds
            try:
                asyncio.get_running_loop().create_task(self._burst())
            except RuntimeError:
                self.ping()
        elif kind in ("error", "started", "stopped"):
            self.events.append({**content, "t": time.time()})

    def stats(self) -> dict:
        from dataclasses import asdict

        return asdict(self.relay.stats())
