"""Browser clock -> engine clock, from ping/pong round trips.

The kernel sends ``ping`` (its send time t0 is kept here); the browser answers at once with its
own clock reading ``t_client_ms``; the kernel notes the arrival time t1. If the two legs take the
same time, the browser read its clock at server time ``(t0 + t1) / 2``, so
``offset = t_client - (t0 + t1) / 2``. Asymmetric delays bias the estimate by at most RTT / 2,
which is why only the lowest-RTT third of the recent samples is used, and the median of those
offsets (robust to a stray sample) is the answer.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["ClockOptions", "ClockSync"]


@dataclass(frozen=True, slots=True)
class ClockOptions:
    """Hyper-parameters of the offset estimator.

    window: how many recent round trips are considered (at one ping a second, ~1 minute, so
        slow drift between the two clocks is followed).
    keep_fraction: the share of those with the lowest RTT whose offsets are used.
    max_pending: pings still unanswered beyond this many are forgotten (lost messages).
    """

    window: int = 60
    keep_fraction: float = 1 / 3
    max_pending: int = 32


class ClockSync:
    """Estimates ``browser_ms - server_ms`` and maps browser times to server epoch seconds.

    ``now`` returns server epoch seconds (``time.time`` by default; injectable for tests).
    Not thread-safe by design: the widget calls it only from the kernel's message loop.
    """

    def __init__(
        self,
        *,
        options: ClockOptions | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.options = options or ClockOptions()
        self._now = now
        self._ids = itertools.count()
        self._pending: dict[int, float] = {}
        self._samples: deque[tuple[float, float]] = deque(maxlen=self.options.window)
        self._offset_ms: float | None = None

    # ---- round trips -------------------------------------------------------------------
    def ping(self) -> dict:
        """A ping message to send to the browser; its send time is remembered."""
        pid = next(self._ids)
        t0 = self._now()
        self._pending[pid] = t0
        while len(self._pending) > self.options.max_pending:
            self._pending.pop(next(iter(self._pending)))
        return {"kind": "ping", "id": pid, "t_server_ms": t0 * 1000.0}

    def pong(
        self, ping_id: int, t_client_ms: float, *, t_recv: float | None = None
    ) -> float | None:
        """Record the browser's answer to ping ``ping_id``; its RTT in ms (None if unknown)."""
        t0 = self._pending.pop(ping_id, None)
        if t0 is None:
            return None
        t1 = self._now() if t_recv is None else t_recv
        return self.add_sample(t_send=t0, t_recv=t1, t_client_ms=t_client_ms)

    def add_sample(self, *, t_send: float, t_recv: float, t_client_ms: float) -> float:
        """Add one round trip (server seconds, browser ms); returns its RTT in ms."""
        rtt_ms = max(0.0, (t_recv - t_send) * 1000.0)
        offset_ms = t_client_ms - (t_send + t_recv) / 2 * 1000.0
        self._samples.append((rtt_ms, offset_ms))
        self._offset_ms = self._estimate()
        return rtt_ms

    def _estimate(self) -> float:
        ranked = sorted(self._samples)
        keep = max(1, round(len(ranked) * self.options.keep_fraction))
        return statistics.median(off for _, off in ranked[:keep])

    # ---- answers -----------------------------------------------------------------------
    @property
    def synced(self) -> bool:
        return self._offset_ms is not None

    @property
    def offset_ms(self) -> float | None:
        """``browser_ms - server_ms``; None before the first round trip."""
        return self._offset_ms

    @property
    def n_samples(self) -> int:
        return len(self._samples)

    def rtt_ms(self) -> list[float]:
        return [r for r, _ in self._samples]

    def to_server(self, t_browser_ms: float) -> float | None:
        """Server epoch seconds for a browser epoch-ms reading; None before any round trip."""
        if self._offset_ms is None:
            return None
        return (t_browser_ms - self._offset_ms) / 1000.0
