"""Kernel side of live capture: stamp each chunk/frame and hand it to the engine client.

The widget's message handler calls :meth:`Relay.handle`. It must never block (a blocked handler
delays every later message of that page: latency climbed to 2-4 s in the prototype), so it only
maps the capture time to the engine clock, counts, and calls ``client.send_audio`` /
``client.send_frame``, which enqueue and return at once.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from labkit.capture.clock import ClockSync

__all__ = ["MediaSink", "Relay", "RelayStats"]

# A capture time later than its arrival is impossible; allow this much clock-estimate slack
# before clamping.
_FUTURE_SLACK_S = 0.05


class MediaSink(Protocol):
    """The part of ``labkit.live.client.EngineClient`` the relay uses."""

    def send_audio(
        self, session_id: str, role: str, pcm_int16: bytes, *, t_capture: float, seq: int
    ) -> None: ...

    def send_frame(self, session_id: str, jpeg: bytes, *, t_capture: float, seq: int) -> None: ...


@dataclass(frozen=True, slots=True)
class RelayStats:
    """What one page's relay has seen.

    Latency = kernel arrival - capture on the engine clock; for audio from the chunk's last
    sample (a 250 ms chunk cannot leave the browser before it is complete).
    """

    role: str
    elapsed_s: float
    audio_chunks: int
    audio_seconds: float
    frames: int
    audio_missing: int  # sequence numbers skipped (lost while disconnected)
    frames_missing: int
    out_of_order: int  # duplicates or late arrivals (e.g. after a page reload)
    dropped_no_session: int  # arrived before a session existed
    send_errors: int
    chunks_per_s: float
    frames_per_s: float
    audio_latency_ms_p50: float | None
    audio_latency_ms_p95: float | None
    frame_latency_ms_p50: float | None
    frame_latency_ms_p95: float | None
    clock_synced: bool
    clock_offset_ms: float | None
    rtt_ms_p50: float | None
    last_error: str | None


def _pct(xs: list[float], q: float) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    return round(s[round(q * (len(s) - 1))], 1)


class _SeqTracker:
    def __init__(self) -> None:
        self.next: int | None = None
        self.missing = 0
        self.out_of_order = 0

    def see(self, seq: int) -> None:
        if self.next is not None:
            if seq > self.next:
                self.missing += seq - self.next
            elif seq < self.next:
                self.out_of_order += 1
                return
        self.next = seq + 1


class Relay:
    """Forwards one page's media to the engine. ``session_id`` may be set later (interviewer)."""

    def __init__(
        self,
        client: MediaSink | None,
        *,
        role: str,
        session_id: str | None = None,
        clock: ClockSync | None = None,
        now: Callable[[], float] = time.time,
        keep: int = 2000,
    ) -> None:
        self.client = client
        self.role = role
        self.session_id = session_id
        self.clock = clock or ClockSync(now=now)
        self._now = now
        self._lock = threading.Lock()  # stats() may be read from a UI thread
        self._audio = _SeqTracker()
        self._frames = _SeqTracker()
        self._audio_lat: deque[float] = deque(maxlen=keep)
        self._frame_lat: deque[float] = deque(maxlen=keep)
        self._t_first: float | None = None
        self._n_audio = self._n_frames = self._samples = 0
        self._no_session = self._errors = 0
        self._last_error: str | None = None

    def capture_time(self, content: dict, t_recv: float) -> float:
        """Engine-clock capture time of a message that arrived at ``t_recv``.

        Before the first ping/pong the browser's own send-minus-capture delay is subtracted from
        the arrival time instead (needs no clock offset; overestimates by the network delay).
        """
        t_cap_ms = float(content.get("t_capture_ms", 0.0))
        t = self.clock.to_server(t_cap_ms)
        if t is None:
            age_ms = float(content.get("t_send_ms", t_cap_ms)) - t_cap_ms
            t = t_recv - max(0.0, age_ms) / 1000.0
        return min(t, t_recv + _FUTURE_SLACK_S)

    def handle(self, content: dict, buffers: list[Any]) -> None:
        """Stamp and forward one ``audio`` or ``frame`` message. Never raises."""
        t_recv = self._now()
        kind = content.get("kind")
        if kind not in ("audio", "frame") or not buffers:
            return
        try:
            seq = int(content["seq"])
            t_capture = self.capture_time(content, t_recv)
        except (KeyError, TypeError, ValueError) as e:
            self._fail(f"bad {kind} message: {e!r}")
            return
        data = bytes(buffers[0])
        with self._lock:
            self._t_first = self._t_first or t_recv
            lat = (t_recv - t_capture) * 1000.0
            if kind == "audio":
                # a chunk is complete only at its last sample: measure latency from there
                lat -= len(data) / 2 / 16.0
                self._n_audio += 1
                self._samples += len(data) // 2
                self._audio.see(seq)
                self._audio_lat.append(lat)
            else:
                self._n_frames += 1
                self._frames.see(seq)
                self._frame_lat.append(lat)
        sid = self.session_id
        if sid is None or self.client is None:
            with self._lock:
                self._no_session += 1
            return
        try:
            if kind == "audio":
                self.client.send_audio(sid, self.role, data, t_capture=t_capture, seq=seq)
            else:
                self.client.send_frame(sid, data, t_capture=t_capture, seq=seq)
        except Exception as e:  # the handler must survive a client bug or a full queue
            self._fail(f"{type(e).__name__}: {e}")

    def _fail(self, msg: str) -> None:
        with self._lock:
            self._errors += 1
            self._last_error = msg

    def stats(self) -> RelayStats:
        with self._lock:
            elapsed = self._now() - self._t_first if self._t_first else 0.0
            a_lat, f_lat = list(self._audio_lat), list(self._frame_lat)
            rtts = self.clock.rtt_ms()
            return RelayStats(
                role=self.role,
                elapsed_s=round(elapsed, 2),
                audio_chunks=self._n_audio,
                audio_seconds=round(self._samples / 16_000, 2),
                frames=self._n_frames,
                audio_missing=self._audio.missing,
                frames_missing=self._frames.missing,
                out_of_order=self._audio.out_of_order + self._frames.out_of_order,
                dropped_no_session=self._no_session,
                send_errors=self._errors,
                chunks_per_s=round(self._n_audio / elapsed, 2) if elapsed > 0 else 0.0,
                frames_per_s=round(self._n_frames / elapsed, 2) if elapsed > 0 else 0.0,
                audio_latency_ms_p50=_pct(a_lat, 0.5),
                audio_latency_ms_p95=_pct(a_lat, 0.95),
                frame_latency_ms_p50=_pct(f_lat, 0.5),
                frame_latency_ms_p95=_pct(f_lat, 0.95),
                clock_synced=self.clock.synced,
                clock_offset_ms=(
                    None if self.clock.offset_ms is None else round(self.clock.offset_ms, 2)
                ),
                rtt_ms_p50=round(statistics.median(rtts), 1) if rtts else None,
                last_error=self._last_error,
            )
