"""One live session inside the engine service: durable ingest, worker threads, live state."""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from labkit.engine import AudioChunk, Engine, EngineOptions, Stage
from labkit.engine.engine import after_turns
from labkit.records import Word
from labkit.store import Store

__all__ = ["Latency", "LiveSession"]


@dataclass
class Latency:
    """Recent latencies (s) of one pipeline stage, for stats and bench/live.py."""

    values: collections.deque[float] = field(default_factory=lambda: collections.deque(maxlen=2000))

    def add(self, v: float) -> None:
        self.values.append(v)

    def summary(self) -> dict[str, float | int | None]:
        xs = sorted(self.values)
        if not xs:
            return {"n": 0, "p50": None, "p95": None, "max": None}
        return {
            "n": len(xs),
            "p50": round(xs[len(xs) // 2], 3),
            "p95": round(xs[min(len(xs) - 1, int(0.95 * len(xs)))], 3),
            "max": round(xs[-1], 3),
        }


class LiveSession:
    """Raw media is written before anything else; ASR and vision run on their own threads.

    Audio needs no in-memory queue: the raw track file is the queue, so a slow ASR worker means
    a growing backlog on disk (reported), never unbounded memory. Video frames go through a
    bounded deque; when vision falls behind, the oldest frames are dropped and counted.
    Vision analyzes only frames at most ``max_frame_age`` seconds old (always the newest one):
    when the machine is slow the face rate falls, not the rows' timeliness (every frame stays
    in the stored video).
    """

    def __init__(
        self,
        store: Store,
        session_id: str,
        *,
        clock_epoch: float,
        options: EngineOptions | None = None,
        stages: Sequence[Stage] = (),
        vision: Callable[[Store, str, list[tuple[float, bytes]]], Any] | None = None,
        max_frames: int = 20,
        max_frame_age: float = 0.3,
    ) -> None:
        self.session_id = session_id
        self.max_frame_age = max_frame_age
        self.clock_epoch = clock_epoch
        self.store = store.view()  # the ASR worker's own cursor
        # Judgment runs on its own thread so that scoring an answer never delays the words
        # ("turns", final turns, watermark, onsets) to judge, or ("prepare", turns with the
        # candidate's provisional last turn, ...) to warm up for
        self._judge_q: collections.deque[tuple[str, list[Any], float, dict[str, Any]]] = (
            collections.deque()
        )
        self._judge_wake = threading.Event()
        self._judge_idle = threading.Event()
        self._judge_idle.set()
        self.stages = list(stages)
        deferred = [_Deferred(st, self) for st in self.stages]
        self.engine = Engine(
            self.store,
            session_id,
            options=options or EngineOptions.live(),
            stages=deferred,
            hook=self._on_engine,
        )
        self.engine.on_ready = lambda: self._wake.set()  # a finished ASR pass commits at once
        self.vision = vision
        self.frames: collections.deque[tuple[float, bytes]] = collections.deque(maxlen=max_frames)
        self.frames_dropped = 0
        self.latest_jpeg: bytes | None = None
        self.latest_jpeg_t = 0.0
        self.lat = {
            k: Latency()
            for k in (
                "ingest_audio",
                "ingest_frame",
                "words",
                "face",
                "verdict",
                "judge_compute",
                "judge_prepare",
            )
        }
        self.backlog: collections.deque[tuple[float, float]] = collections.deque(maxlen=4000)
        self.counts: collections.Counter[str] = collections.Counter()
        self.last_seen: dict[str, float] = {}
        self._wake = threading.Event()
        self._frame_wake = threading.Event()
        self._controls: collections.deque[tuple[str, Any]] = collections.deque()
        self._stop = False
        self.error: str | None = None
        self.ended = threading.Event()
        video = store.session_dir(session_id) / "video.mjpeg"
        video.parent.mkdir(parents=True, exist_ok=True)
        self._video = video.open("ab")
        self._video_idx = video.with_suffix(".idx").open("a")
        self._asr = threading.Thread(target=self._asr_loop, name=f"asr-{session_id}", daemon=True)
        self._vis = threading.Thread(
            target=self._vision_loop, name=f"vision-{session_id}", daemon=True
        )
        self._judge = threading.Thread(
            target=self._judge_loop, name=f"judge-{session_id}", daemon=True
        )
        self._asr.start()
        self._vis.start()
        self._judge.start()

    def warm_up(self) -> None:
        """Load every model before the interview starts, not on its first words."""
        _ = self.engine.model
        for st in self.stages:
            warm = getattr(st, "warm_up", None)
            if warm is not None:
                warm()

    def _judge_loop(self) -> None:
        jstore = self.store.view()
        while True:
            self._judge_wake.wait(0.5)
            self._judge_wake.clear()
            while self._judge_q:
                self._judge_idle.clear()
                kind, turns, watermark, onsets = self._judge_q.popleft()
                if kind == "prepare":
                    if not self._judge_q:  # stale once anything newer came
                        self._prepare(jstore, turns)
                    continue
                if any(k == "turns" for k, *_ in self._judge_q):
                    continue  # only the newest state matters: stages take all turns
                t_judge = time.perf_counter()
                for st in self.stages:
                    try:
                        out = st.on_turns(
                            jstore, self.session_id, turns, watermark=watermark, onsets=onsets
                        )
                    except Exception as e:  # keep the interview going; say what broke
                        self.error = f"judgment: {type(e).__name__}: {e}"
                        self.counts["judgment_errors"] += 1
                        continue
                    for name, payload in out:
                        self._on_engine(name, payload)
                self.lat["judge_compute"].add(time.perf_counter() - t_judge)
                for st in self.stages:  # after the rows are out: nothing waits for this
                    try:
                        after_turns(st, jstore, self.session_id, turns, watermark=watermark)
                    except Exception as e:
                        self.error = f"judgment: {type(e).__name__}: {e}"
                        self.counts["judgment_errors"] += 1
            self._judge_idle.set()
            if self._stop and not self._judge_q:
                return

    def _prepare(self, store: Store, turns: list[Any]) -> None:
        t0 = time.perf_counter()
        for st in self.stages:
            fn = getattr(st, "prepare", None)
            if fn is None:
                continue
            try:
                fn(store, self.session_id, turns)
            except Exception as e:  # only a warm-up: judging proper will say what broke
                self.error = f"judgment prepare: {type(e).__name__}: {e}"
        self.lat["judge_prepare"].add(time.perf_counter() - t0)

    def drain_judgment(self, timeout: float = 120.0) -> None:
        """Wait until the judgment thread has taken every queued state of the turns."""
        end = time.time() + timeout
        while (self._judge_q or not self._judge_idle.is_set()) and time.time() < end:
            self._judge_wake.set()
            time.sleep(0.05)

    # -- called on the event loop (must be quick) ------------------------------------------
    def now(self) -> float:
        return time.time() - self.clock_epoch

    def ingest_audio(self, role: str, pcm: bytes, *, t_capture_epoch: float, seq: int) -> None:
        x = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2")
        t = t_capture_epoch - self.clock_epoch
        self.engine.ingest(AudioChunk(role=role, samples=x, t_capture=t, seq=seq))  # type: ignore[arg-type]
        self.counts[f"audio_{role}"] += 1
        self.last_seen[role] = time.time()
        self.lat["ingest_audio"].add(self.now() - (t + x.size / 16_000))
        self._wake.set()

    def ingest_frame(self, jpeg: bytes, *, t_capture_epoch: float, seq: int) -> None:
        t = t_capture_epoch - self.clock_epoch
        # durable first: an append-only MJPEG stream plus an index of (time, offset, length)
        offset = self._video.tell()
        self._video.write(jpeg)
        self._video.flush()
        self._video_idx.write(f"{t:.3f} {offset} {len(jpeg)} {seq}\n")
        self._video_idx.flush()
        self.latest_jpeg, self.latest_jpeg_t = jpeg, t
        if len(self.frames) == self.frames.maxlen:
            self.frames_dropped += 1
        self.frames.append((t, jpeg))
        self.counts["frames"] += 1
        self.last_seen["candidate_video"] = time.time()
        self.lat["ingest_frame"].add(self.now() - t)
        self._frame_wake.set()

    def control(self, action: str, payload: Any = None) -> None:
        """Queue a control (jd, profiling, end) for the ASR worker, which owns the engine."""
        self._controls.append((action, payload))
        self._wake.set()

    # -- workers ----------------------------------------------------------------------------
    def _asr_loop(self) -> None:
        from labkit.engine.events import JDSet, ProfilingToggle

        try:
            while not self._stop:
                self._wake.wait(0.25)
                self._wake.clear()
                while self._controls:
                    action, payload = self._controls.popleft()
                    if action == "jd":
                        self.engine.handle(JDSet(payload))
                    elif action == "profiling":
                        self.engine.handle(ProfilingToggle(on=bool(payload), t=self.now()))
                    elif action == "end":
                        self._drain_frames()
                        self.engine.process(flush=True)
                        self.drain_judgment()
                        self.engine.end(self.now())
                        self.store.set_status(self.session_id, "complete", duration=self.now())
                        self._stop = True
                        break
                if self._stop:
                    break
                self.engine.process(flush=False, wait=False)
                lag = max(tr.pending for tr in self.engine.tracks.values()) / 16_000
                self.backlog.append((round(self.now(), 2), round(lag, 2)))
        except Exception as e:  # the session is marked failed; its raw media stays on disk
            self.error = f"{type(e).__name__}: {e}"
            self.store.set_status(self.session_id, "failed", error=self.error[:500])
        finally:
            self._stop = True
            self._frame_wake.set()
            self.ended.set()

    def _vision_loop(self) -> None:
        vstore = self.store.view()
        while not self._stop:
            self._frame_wake.wait(0.5)
            self._frame_wake.clear()
            self._run_vision(vstore)

    def _drain_frames(self) -> None:
        self._run_vision(self.store)

    def _run_vision(self, store: Store) -> None:
        if self.vision is None or not self.frames:
            self.frames.clear()
            return
        batch = [self.frames.popleft() for _ in range(len(self.frames))]
        fresh = fresh_frames(batch, now=self.now(), max_age=self.max_frame_age)
        self.counts["frames_stale"] += len(batch) - len(fresh)
        batch = fresh
        try:
            rows = self.vision(store, self.session_id, batch)
        except Exception as e:  # vision is a side signal: log it, keep the interview going
            self.counts["vision_errors"] += 1
            self.error = f"vision: {type(e).__name__}: {e}"
            return
        now = self.now()
        # frames the stage analyzed (it samples to its fps; the rest are only shown and kept)
        analyzed = [r.t for r in rows] if isinstance(rows, list) else [t for t, _ in batch]
        for t in analyzed:
            self.lat["face"].add(now - t)
        self.counts["frames_analyzed"] += len(analyzed)

    def _on_engine(self, kind: str, payload: Any) -> None:
        now = self.now()
        if kind == "words" and payload:
            ends = [w.t_end for w in payload if isinstance(w, Word)]
            if ends:
                self.lat["words"].add(now - max(ends))
        elif kind == "verdicts":
            for v in payload:
                a_end = getattr(v, "t", None)
                if a_end is not None and not getattr(v, "is_final", False):
                    self.lat["verdict"].add(now - a_end)

    # -- reporting --------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "t": round(self.now(), 2),
            "latency": {k: v.summary() for k, v in self.lat.items()},
            "words_worst": sorted(self.lat["words"].values, reverse=True)[:5],
            "asr": {
                **_asr_summary(list(self.engine.asr_timings)),
                "speculation": {
                    **self.engine.speculation,
                    **_spec_summary(list(self.engine.spec_timings)),
                },
            },
            "backlog": list(self.backlog)[-50:],
            "frames_dropped": self.frames_dropped,
            "counts": dict(self.counts),
            "error": self.error,
            "connected": {k: time.time() - v < 3.0 for k, v in self.last_seen.items()},
        }

    def close(self) -> None:
        self._stop = True
        self._wake.set()
        self._frame_wake.set()
        self._asr.join(timeout=30)
        self._vis.join(timeout=30)
        self._video.close()
        self._video_idx.close()
        for tr in self.engine.tracks.values():
            tr.writer.close()


class _Deferred:
    """Stands in for a stage inside the engine: turns are queued for the judgment thread;
    JD, profiling and the end run at once (they are cheap, or must be in order)."""

    def __init__(self, stage: Any, live: LiveSession) -> None:
        self.stage, self.live = stage, live

    def on_turns(
        self,
        store: Store,
        session_id: str,
        turns: Sequence[Any],
        *,
        watermark: float,
        onsets: dict[str, Any] | None = None,
    ) -> list[Any]:
        self.live._judge_q.append(("turns", list(turns), watermark, dict(onsets or {})))
        self.live._judge_wake.set()
        return []

    def prepare(self, store: Store, session_id: str, turns: Sequence[Any]) -> None:
        self.live._judge_q.append(("prepare", list(turns), 0.0, {}))
        self.live._judge_wake.set()

    def after_turns(self, *args: Any, **kwargs: Any) -> None:
        """The judgment thread runs the stage's own after each state it judges."""

    def on_end(self, store: Store, session_id: str, t: float) -> list[Any]:
        self.live.drain_judgment()
        return self.stage.on_end(store, session_id, t)

    def __getattr__(self, name: str) -> Any:  # on_jd, set_profiling, warm_up
        return getattr(self.stage, name)


def fresh_frames(
    batch: Sequence[tuple[float, bytes]], *, now: float, max_age: float
) -> list[tuple[float, bytes]]:
    """The frames of ``batch`` (time order) captured at most ``max_age`` s before ``now``, and
    always the newest one: a late face row helps no one watching live."""
    return [f for f in batch[:-1] if now - f[0] <= max_age] + list(batch[-1:])


def video_index(folder: Path) -> list[tuple[float, int, int]]:
    """(time, offset, length) of every stored candidate frame."""
    idx = folder / "video.idx"
    if not idx.exists():
        return []
    out = []
    for line in idx.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 3:
            out.append((float(parts[0]), int(parts[1]), int(parts[2])))
    return out


def _columns(rows: Sequence[tuple[float, ...]], names: Sequence[str], count: str) -> dict[str, Any]:
    """p50/p95/max of each column of timing rows, named, with the row count under ``count``."""
    out: dict[str, Any] = {count: len(rows)}
    for i, name in enumerate(names):
        summary = Latency(collections.deque(r[i] for r in rows)).summary()
        if summary["n"]:
            out[name] = {k: summary[k] for k in ("p50", "p95", "max")}
    return out


def _spec_summary(timings: list[tuple[float, float]]) -> dict[str, Any]:
    """Span length and decode time (s) of the speculative decodes."""
    return _columns(timings, ("spec_span", "spec_decode"), "decodes")


def _asr_summary(timings: list[tuple[float, float, float]]) -> dict[str, Any]:
    """Span length, decode time and closing wait (s) of the ASR calls."""
    return _columns(timings, ("span", "decode", "close_wait"), "n")
