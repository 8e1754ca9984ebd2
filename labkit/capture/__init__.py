"""Live capture: the browser widget, the kernel relay and the browser-to-engine clock sync."""

from __future__ import annotations

from typing import Any

from labkit.capture.clock import ClockOptions, ClockSync
from labkit.capture.relay import MediaSink, Relay, RelayStats

__all__ = ["CaptureWidget", "ClockOptions", "ClockSync", "MediaSink", "Relay", "RelayStats"]


def __getattr__(name: str) -> Any:
    # the widget needs anywidget (the apps extra); clock and relay do not
    if name == "CaptureWidget":
        from labkit.capture.widget import CaptureWidget

        return CaptureWidget
    raise AttributeError(name)
