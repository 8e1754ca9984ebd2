"""The incremental session engine: one engine, two feeds (files or browsers).

It consumes timestamped events and writes records to the store as soon as they are final:
audio is appended to the raw track first, cut into utterances by VAD, transcribed with word
times on the session clock, merged into turns, and handed to the later stages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from labkit.engine.events import (
    AudioChunk,
    Event,
    InterviewEnd,
    JDSet,
    ProfilingToggle,
    VideoFrame,
)
from labkit.errors import InputError
from labkit.media.tracks import TrackWriter
from labkit.records import SPEAKERS, Speaker, Turn, Word
from labkit.speech.asr import ASROptions, load_whisper, speech_regions, transcribe_span
from labkit.speech.framing import FramingOptions, build_turns, final_turn_count
from labkit.store import Store

__all__ = ["Engine", "EngineOptions", "Hook", "Stage"]

SR = 16_000
Hook = Callable[[str, Any], None]


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """Engine hyper-parameters.

    vad_step: new audio (s) a track must gather before VAD looks for closed utterances again.
    gap_fill: a capture gap (s) larger than this is filled with silence so the raw track stays
        aligned with the session clock.
    prompt_words: how many of the speaker's previous words prime the next ASR call (0 = none).
    """

    asr: ASROptions = ASROptions()
    framing: FramingOptions = FramingOptions()
    vad_step: float = 0.5
    gap_fill: float = 0.1
    prompt_words: int = 0
    models_dir: str | None = None


class Stage(Protocol):
    """A later stage fed final turns (judgment) or frames (vision); writes through the store."""

    def on_turns(
        self, store: Store, session_id: str, turns: Sequence[Turn], *, watermark: float
    ) -> list[tuple[str, Any]]: ...

    def on_end(self, store: Store, session_id: str, t: float) -> list[tuple[str, Any]]: ...


@dataclass
class _Track:
    role: Speaker
    writer: TrackWriter
    buf: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    buf_t0: float = 0.0  # session time of buf[0]
    t0: float | None = None  # session time of the track's first sample
    unchecked: int = 0  # samples appended since the last VAD look
    done_until: float = 0.0  # every word starting before this is known
    words: list[Word] = field(default_factory=list)

    @property
    def end_time(self) -> float:
        return self.buf_t0 + self.buf.size / SR


class Engine:
    """Incremental processing of one session. Not thread-safe: feed it from one thread."""

    def __init__(
        self,
        store: Store,
        session_id: str,
        *,
        options: EngineOptions | None = None,
        stages: Sequence[Stage] = (),
        hook: Hook | None = None,
        model: Any = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.options = options or EngineOptions()
        self.stages = list(stages)
        self.hook = hook
        self._model = model
        folder = store.session_dir(session_id)
        self.tracks: dict[str, _Track] = {
            r: _Track(role=r, writer=TrackWriter(folder / f"{r}.pcm", sample_rate=SR, sync_every=4))
            for r in SPEAKERS
        }
        self.turns_emitted = 0
        self.turns: list[Turn] = []
        self.ended = False

    # -- public -----------------------------------------------------------------------------
    @property
    def model(self) -> Any:
        if self._model is None:
            a = self.options.asr
            self._model = load_whisper(
                a.model,
                device=a.device,
                compute_type=a.compute_type,
                cpu_threads=a.cpu_threads,
                cache=self.options.models_dir,
            )
        return self._model

    @property
    def watermark(self) -> float:
        return min(t.done_until for t in self.tracks.values())

    def handle(self, event: Event) -> None:
        if self.ended:
            raise InputError("the interview has ended; start a new session")
        if isinstance(event, AudioChunk):
            self._audio(event)
        elif isinstance(event, InterviewEnd):
            self.end(event.t)
        elif isinstance(event, JDSet):
            self.store.set_jd(self.session_id, event.text)
            self._emit("jd", event.text)
        elif isinstance(event, ProfilingToggle):
            self.store.audit(
                self.session_id,
                "interviewer",
                "profiling_on" if event.on else "profiling_off",
                {"t": event.t},
            )
            self._emit("profiling", event)
        elif isinstance(event, VideoFrame):
            self._emit("frame", event)
        else:  # pragma: no cover - typing guards this
            raise InputError(f"unknown event {type(event).__name__}")

    def end(self, t: float | None = None) -> None:
        """Flush every track, finalize every turn and stage; close the raw tracks."""
        for tr in self.tracks.values():
            self._process(tr, flush=True)
        t_end = t if t is not None else max(tr.end_time for tr in self.tracks.values())
        self._advance_turns(flush=True)
        for stage in self.stages:
            self._write(stage.on_end(self.store, self.session_id, t_end))
        for tr in self.tracks.values():
            tr.writer.close()
        self.ended = True
        self._emit("end", t_end)

    # -- audio ------------------------------------------------------------------------------
    def _audio(self, ev: AudioChunk) -> None:
        tr = self.tracks[ev.role]
        x = ev.samples
        if x.dtype == np.int16:
            x = x.astype(np.float32) / 32768.0
        x = np.asarray(x, dtype=np.float32).reshape(-1)
        if tr.t0 is None:
            tr.t0 = tr.buf_t0 = tr.done_until = ev.t_capture
            self.store.add_track(
                self.session_id,
                ev.role,
                kind="audio",
                path=tr.writer.path,
                sample_rate=SR,
                t0=ev.t_capture,
            )
        gap = ev.t_capture - tr.end_time
        if gap > self.options.gap_fill:  # a dropped connection: keep the clock, not the hole
            x = np.concatenate([np.zeros(int(round(gap * SR)), np.float32), x])
        tr.writer.append(x)  # durable before any processing
        tr.buf = np.concatenate([tr.buf, x])
        tr.unchecked += x.size
        if tr.unchecked >= self.options.vad_step * SR:
            self._process(tr, flush=False)
            self._advance_turns(flush=False)

    def _process(self, tr: _Track, *, flush: bool) -> None:
        tr.unchecked = 0
        if tr.buf.size == 0:
            tr.done_until = max(tr.done_until, tr.end_time)
            return
        vad = self.options.asr.vad
        regions = speech_regions(tr.buf, options=vad)
        quiet = int(vad.min_silence * SR)
        closed = (
            regions
            if flush
            else [
                r
                for i, r in enumerate(regions)
                if i < len(regions) - 1 or tr.buf.size - r[1] >= quiet
            ]
        )
        new_words: list[Word] = []
        if closed:
            a, b = closed[0][0], closed[-1][1]
            new_words = transcribe_span(
                self.model,
                tr.buf[a:b],
                speaker=tr.role,
                t0=tr.buf_t0 + a / SR,
                options=self.options.asr,
                prompt=self._prompt(tr),
            )
            cut = b
            open_regions = regions[len(closed) :]
        else:
            open_regions = regions
            cut = open_regions[0][0] if open_regions else max(0, tr.buf.size - quiet)
        if flush:
            cut = tr.buf.size
        tr.buf = tr.buf[cut:]
        tr.buf_t0 += cut / SR
        pending = (open_regions[0][0] - cut) / SR if open_regions and not flush else None
        tr.done_until = (
            tr.buf_t0 + max(pending or 0.0, 0.0)
            if pending is not None
            else (tr.end_time if flush else tr.buf_t0)
        )
        if new_words:
            tr.words.extend(new_words)
            with self.store.transaction():
                self.store.add_words(self.session_id, new_words)
            self._emit("words", new_words)

    def _prompt(self, tr: _Track) -> str | None:
        n = self.options.prompt_words
        if n <= 0 or not tr.words:
            return None
        base = self.options.asr.initial_prompt or ""
        return (base + " " + " ".join(w.text for w in tr.words[-n:])).strip()

    # -- turns and later stages -------------------------------------------------------------
    def _advance_turns(self, *, flush: bool) -> None:
        words = [w for tr in self.tracks.values() for w in tr.words]
        turns = build_turns(words, options=self.options.framing)
        n = (
            len(turns)
            if flush
            else final_turn_count(turns, watermark=self.watermark, options=self.options.framing)
        )
        new = turns[self.turns_emitted : n]
        if not new:
            return
        self.turns = turns[:n]
        with self.store.transaction():
            self.store.add_turns(self.session_id, new)
            self.turns_emitted = n
        self._emit("turns", new)
        for stage in self.stages:
            self._write(
                stage.on_turns(self.store, self.session_id, self.turns, watermark=self.watermark)
            )

    def _write(self, outputs: list[tuple[str, Any]]) -> None:
        for kind, payload in outputs:
            self._emit(kind, payload)

    def _emit(self, kind: str, payload: Any) -> None:
        if self.hook is not None:
            self.hook(kind, payload)
