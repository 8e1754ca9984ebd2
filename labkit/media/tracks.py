"""Append-only raw track store: ``<session dir>/<track>.pcm`` (int16 little-endian, mono).

Audio is appended (and fsynced) before it is processed, so a crash loses nothing that was
captured and a restarted engine can resume from what is on disk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

__all__ = ["TrackWriter", "read_track", "track_duration"]


class TrackWriter:
    """Append PCM to one track file; ``fsync`` every ``sync_every`` appends (1 = always)."""

    def __init__(
        self, path: Path, *, sample_rate: int, t0: float | None = 0.0, sync_every: int = 1
    ):
        self.path = Path(path)
        self.sample_rate = sample_rate
        self.sync_every = max(1, sync_every)
        self._n = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._meta = self.path.with_suffix(".json")
        if t0 is not None:
            self.set_t0(t0)
        self._f = self.path.open("ab")

    @property
    def t0(self) -> float | None:
        """Session time of the first sample, kept beside the samples (survives a crash)."""
        if not self._meta.exists():
            return None
        return float(json.loads(self._meta.read_text())["t0"])

    def set_t0(self, t0: float) -> None:
        if not self._meta.exists():
            tmp = self._meta.with_suffix(".tmp")
            tmp.write_text(
                json.dumps({"sample_rate": self.sample_rate, "t0": t0, "format": "s16le"})
            )
            os.replace(tmp, self._meta)

    @property
    def samples_written(self) -> int:
        return self.path.stat().st_size // 2 if self._f.closed else self._f.tell() // 2

    def append(self, samples: np.ndarray) -> None:
        """Append float32 [-1, 1] or int16 samples."""
        if samples.dtype != np.int16:
            # the inverse of read_track's k / 32768, rounded: audio that came from int16
            # (every file and browser feed) goes through the raw track unchanged
            samples = np.clip(np.rint(samples * 32768.0), -32768, 32767).astype("<i2")
        self._f.write(samples.astype("<i2", copy=False).tobytes())
        self._n += 1
        if self._n % self.sync_every == 0:
            self.sync()

    def flush(self) -> None:
        if not self._f.closed:
            self._f.flush()

    def sync(self) -> None:
        self._f.flush()
        os.fsync(self._f.fileno())

    def close(self) -> None:
        if not self._f.closed:
            self.sync()
            self._f.close()

    def __enter__(self) -> TrackWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_track(path: Path, *, start: int = 0, stop: int | None = None) -> np.ndarray:
    """Read samples ``[start, stop)`` of a track as float32 (an odd trailing byte is ignored)."""
    n = track_duration_samples(path)
    stop = n if stop is None else min(stop, n)
    if stop <= start:
        return np.zeros(0, dtype=np.float32)
    data = np.fromfile(path, dtype="<i2", count=stop - start, offset=2 * start)
    return data.astype(np.float32) / 32768.0


def track_duration_samples(path: Path) -> int:
    return Path(path).stat().st_size // 2 if Path(path).exists() else 0


def track_duration(path: Path) -> float:
    meta = json.loads(Path(path).with_suffix(".json").read_text())
    return track_duration_samples(path) / float(meta["sample_rate"])
