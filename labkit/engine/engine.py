"""The incremental session engine: one engine, two feeds (files or browsers).

It consumes timestamped events and writes records to the store as soon as they are final:
audio is appended to the raw track first, cut into utterances by VAD, transcribed with word
times on the session clock, merged into turns, and handed to the later stages.
"""

from __future__ import annotations

import bisect
import collections
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
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
from labkit.media.tracks import TrackWriter, read_track
from labkit.records import SPEAKERS, Requirement, Speaker, Turn, Word
from labkit.speech.asr import (
    ASROptions,
    VADOptions,
    load_whisper,
    speech_regions,
    transcribe_span,
)
from labkit.speech.framing import FramingOptions, build_turns, final_turn_count
from labkit.speech.metrics import normalize_text
from labkit.store import Store

__all__ = ["Engine", "EngineOptions", "Hook", "Stage", "jd_hotwords"]

SR = 16_000
Hook = Callable[[str, Any], None]


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """Engine hyper-parameters.

    vad_step: new audio (s) a track must gather before VAD looks for closed utterances again.
    An utterance is closed once VAD has ended it (its speaker quiet for ``cut_silence``).
    gap_fill: a capture gap (s) larger than this is filled with silence so the raw track stays
        aligned with the session clock.
    prompt_words: how many of the speaker's previous words prime the next ASR call (0 = none).
    """

    asr: ASROptions = ASROptions()
    framing: FramingOptions = FramingOptions()
    vad_step: float = 0.25
    gap_fill: float = 0.1
    prompt_words: int = 0
    models_dir: str | None = None
    sync_every: int = 1  # fsync the raw track every N appends (1: nothing captured is lost)
    frame_batch: int = 8  # video frames gathered before the vision stage runs (file feed)
    jd_hotwords: bool = True  # bias ASR toward the JD's skill and tool names
    parallel_tracks: bool = True  # transcribe both speakers at once (two model workers)
    # A pause (s) that closes an utterance for transcription; None: the VAD's min_silence.
    cut_silence: float | None = None
    # Live serving: once a speaker has been quiet this long (s), the open utterance is decoded
    # ahead of its close; if the close confirms it (nothing more was said) the words are ready
    # at once. None: decode only closed utterances (the file feed, where nothing waits).
    speculate: float | None = None
    # A speech region at least this long (s) that a span's decode left without words, or a
    # stretch twice as long inside one, is decoded again on its own (Engine._recover).
    recover_min: float = 0.5
    # File analysis decodes each span again once per entry, with that many seconds of
    # silence put before it, and keeps per speech region the reading whose words have the
    # highest mean log-probability (Engine._shifted). The shift moves Silero's 32 ms frames,
    # so Whisper's 30 s windows are packed and cut elsewhere and each decode errs elsewhere:
    # on fixed syntheses of bench/asr.py's four varied 9-minute interviews, (0.25, 0.5) cut the
    # candidate track's WER from 14.9-17.0% to 14.0-14.8% in 0.053x real time (one decode
    # plus a second decode of unsure utterances on their own: 0.063-0.077x). () = one decode;
    # live serving uses that, since every pass delays words.
    extra_passes: tuple[float, ...] = (0.25, 0.5)
    # File analysis also decodes the first ``head_check`` s of each speech region on its own:
    # inside a packed window Whisper drops an utterance's first words ("Um, not really
    # myself" -> "really myself") or stamps them at the end of the region before; where the
    # lone reading has up to three words more before the same next two, they are put back
    # (or moved from the previous region). On bench/asr.py's four fixed 9-minute syntheses:
    # interviewer WER 9.7 -> 9.2%, candidate 14.3 -> 14.2%. None: off (live serving decodes
    # each utterance on its own anyway).
    head_check: float | None = 4.0

    @classmethod
    def live(cls, **kw: Any) -> EngineOptions:
        """Options for live serving: one decode per span, since every extra pass delays words."""
        return cls(**{"extra_passes": (), "head_check": None, **kw})


class Stage(Protocol):
    """A later stage fed final turns (judgment) or frames (vision); writes through the store.

    Optional methods the engine calls when a stage has them: ``on_jd``, ``set_profiling``,
    ``after_turns`` (work no output waits for, run after ``on_turns``) and, on the live feed,
    ``prepare`` (the candidate's provisional turn while they are quiet: warm up, write nothing).
    """

    def on_turns(
        self,
        store: Store,
        session_id: str,
        turns: Sequence[Turn],
        *,
        watermark: float,
        onsets: dict[str, float | None],
    ) -> list[tuple[str, Any]]: ...

    def on_end(self, store: Store, session_id: str, t: float) -> list[tuple[str, Any]]: ...


def after_turns(
    stage: Any, store: Store, session_id: str, turns: Sequence[Turn], *, watermark: float
) -> None:
    """Run a stage's optional ``after_turns``: work that no output of ``on_turns`` waits for."""
    fn = getattr(stage, "after_turns", None)
    if fn is not None:
        fn(store, session_id, turns, watermark=watermark)


@dataclass
class _Track:
    """One speaker. The raw track file is the truth; ``buf`` mirrors its unprocessed tail."""

    role: Speaker
    writer: TrackWriter
    t0: float | None = None  # session time of the track's first sample
    written: int = 0  # samples in the raw track file
    buf_start: int = 0  # raw-track sample index of buf[0]
    buf: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    done_until: float = 0.0  # every word starting before this is known
    words: list[Word] = field(default_factory=list)
    registered: bool = False  # media_tracks row written
    onset: float | None = None  # start of speech VAD has seen and ASR not yet read
    spec: _Spec | None = None  # an utterance decoded before it closed (live feed)

    def time(self, sample: int) -> float:
        return (self.t0 or 0.0) + sample / SR

    @property
    def end_time(self) -> float:
        return self.time(self.written)

    @property
    def pending(self) -> int:
        """Samples written but not yet looked at by VAD."""
        return self.written - (self.buf_start + self.buf.size)


@dataclass(frozen=True, slots=True)
class _Spec:
    """Words of raw-track samples [start, stop) decoded before VAD closed them."""

    start: int
    stop: int
    asr: ASROptions
    words: list[Word]


@dataclass(slots=True)
class _Cut:
    """What one VAD + ASR pass over a track produced; applied to the track on commit."""

    buf: np.ndarray
    buf_start: int
    done_until: float
    onset: float | None
    words: list[Word]
    spec: _Spec | None = None
    reused: bool = False  # the words came from a speculative decode


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
        vision: Callable[[Store, str, list[tuple[float, Any]]], Any] | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.options = options or EngineOptions()
        self.stages = list(stages)
        self.vision = vision
        self._frames: list[tuple[float, Any]] = []
        self._pool: ThreadPoolExecutor | None = None
        self._passes: ThreadPoolExecutor | None = None
        self.hook = hook
        self._model = model
        folder = store.session_dir(session_id)
        self._jobs: dict[str, Future[_Cut]] = {}  # a track's pass in flight (live feed)
        self.on_ready: Callable[[], None] | None = None  # called from a pool thread
        self.tracks: dict[str, _Track] = {
            r: _Track(
                role=r,
                writer=TrackWriter(
                    folder / f"{r}.pcm", sample_rate=SR, t0=None, sync_every=self.options.sync_every
                ),
            )
            for r in SPEAKERS
        }
        self.turns_emitted = 0
        self.turns: list[Turn] = []
        self._prepared: tuple[int, float] | None = None
        self.asr_timings: collections.deque[tuple[float, float, float]] = collections.deque(
            maxlen=2000
        )
        self.speculation: collections.Counter[str] = collections.Counter()
        # (span s, decode s) of each speculative decode: it runs in the track's pass, so a slow one
        # delays the close that reuses it
        self.spec_timings: collections.deque[tuple[float, float]] = collections.deque(maxlen=2000)
        self.ended = False
        self._resume()

    def _resume(self) -> None:
        """Pick up a session from what is on disk: raw tracks, stored words, engine state."""
        state = self.store.engine_state(self.session_id)
        for role, tr in self.tracks.items():
            tr.written = tr.writer.samples_written
            tr.t0 = tr.writer.t0
            tr.registered = tr.t0 is not None
            if role in state:
                tr.buf_start, tr.done_until = state[role]
            elif tr.t0 is not None:
                tr.done_until = tr.t0
            tr.words = self.store.words(self.session_id, role)
        self.turns = self.store.turns(self.session_id)
        self.turns_emitted = len(self.turns)

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
        """Ingest and process one event (the file feed and tests; the service splits the two)."""
        if self.ended:
            raise InputError("the interview has ended; start a new session")
        if isinstance(event, AudioChunk):
            self.ingest(event)
            self.process(flush=False)
        elif isinstance(event, InterviewEnd):
            self.end(event.t)
        elif isinstance(event, JDSet):
            self.store.set_jd(self.session_id, event.text)
            for stage in self.stages:
                on_jd = getattr(stage, "on_jd", None)
                if on_jd is not None:
                    on_jd(self.store, self.session_id, event.text)
            self._bias_asr()
            self._emit("jd", event.text)
        elif isinstance(event, ProfilingToggle):
            for stage in self.stages:
                toggle = getattr(stage, "set_profiling", None)
                if toggle is not None:
                    toggle(event.on, t=event.t)
            self.store.audit(
                self.session_id,
                "interviewer",
                "profiling_on" if event.on else "profiling_off",
                {"t": event.t},
            )
            self._emit("profiling", event)
        elif isinstance(event, VideoFrame):
            self._frames.append((event.t, event.image if event.image is not None else event.jpeg))
            if len(self._frames) >= self.options.frame_batch:
                self._run_vision()
            self._emit("frame", event)
        else:  # pragma: no cover - typing guards this
            raise InputError(f"unknown event {type(event).__name__}")

    def end(self, t: float | None = None) -> None:
        """Flush every track, finalize every turn and stage; close the raw tracks."""
        self._run_vision()
        self.process(flush=True)
        t_end = t if t is not None else max(tr.end_time for tr in self.tracks.values())
        for stage in self.stages:
            self._write(stage.on_end(self.store, self.session_id, t_end))
        for tr in self.tracks.values():
            tr.writer.close()
        for pool in (self._pool, self._passes):
            if pool is not None:
                pool.shutdown()
        self.ended = True
        self._emit("end", t_end)

    def _bias_asr(self) -> None:
        """Prime Whisper with the JD's skill names: it mishears tools it has no context for."""
        if not self.options.jd_hotwords:
            return
        jd = self.store.get_session(self.session_id).get("jd_text") or ""
        words = jd_hotwords(self.store.requirements(self.session_id), jd)
        if words:
            self.options = replace(self.options, asr=replace(self.options.asr, hotwords=words))

    def _run_vision(self) -> None:
        frames, self._frames = self._frames, []
        if self.vision is not None and frames:
            self._emit("faces", self.vision(self.store, self.session_id, frames))

    # -- audio ------------------------------------------------------------------------------
    def ingest(self, ev: AudioChunk) -> None:
        """Append a chunk durably to its raw track; cheap, safe to call from an event loop.

        A capture gap (dropped connection) is filled with silence so that sample ``i`` of a
        track is always session time ``t0 + i / 16000``.
        """
        tr = self.tracks[ev.role]
        x = ev.samples
        if x.dtype == np.int16:
            x = x.astype(np.float32) / 32768.0
        x = np.asarray(x, dtype=np.float32).reshape(-1)
        if tr.t0 is None:  # no database write here: ingest may run on another thread
            tr.t0 = tr.done_until = ev.t_capture
            tr.writer.set_t0(ev.t_capture)
        gap = ev.t_capture - tr.end_time
        if gap > self.options.gap_fill:
            x = np.concatenate([np.zeros(round(gap * SR), np.float32), x])
        elif gap < -0.5 and x.size:  # overlapping resend after a reconnect: drop what we have
            x = x[min(x.size, round(-gap * SR)) :]
        tr.writer.append(x)
        tr.written += x.size

    def process(self, *, flush: bool, wait: bool = True) -> None:
        """Cut, transcribe and frame whatever has been ingested (a worker thread's job).

        Both speakers' tracks are transcribed at the same time (two model workers); the store
        is written from this thread only. ``wait=False`` (the live feed) never waits for a
        pass: it starts one per track with enough new audio and commits those that finished,
        so one speaker's words never wait for the other's decode. ``on_ready`` says when to
        call again. ``flush=True`` always waits: nothing may stay undecoded after it.
        """
        step = self.options.vad_step * SR
        if not wait and not flush:
            committed = self._collect()
            todo = [
                t
                for t in self.tracks.values()
                if t.t0 is not None and t.role not in self._jobs and t.pending >= step
            ]
            self._register(todo)
            for tr in todo:
                fut = self._executor().submit(self._cut_and_transcribe, tr, flush=False)
                self._jobs[tr.role] = fut
                if self.on_ready is not None:
                    fut.add_done_callback(lambda _f: self.on_ready and self.on_ready())
            if committed:
                self._advance_turns(flush=False, prepare=True)
            return
        self._drain_jobs()
        todo = [
            t for t in self.tracks.values() if t.t0 is not None and (flush or t.pending >= step)
        ]
        if not todo:
            if flush:
                self._advance_turns(flush=True)
            return
        self._register(todo)
        if len(todo) > 1 and self.options.parallel_tracks:
            cuts = list(
                self._executor().map(lambda t: self._cut_and_transcribe(t, flush=flush), todo)
            )
        else:
            cuts = [self._cut_and_transcribe(t, flush=flush) for t in todo]
        for tr, cut in zip(todo, cuts, strict=True):
            self._commit(tr, cut)
        self._advance_turns(flush=flush)

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="asr")
        return self._pool

    def _collect(self) -> bool:
        """Commit every finished pass; True if any was committed."""
        done = [r for r, f in self._jobs.items() if f.done()]
        for role in done:
            self._commit(self.tracks[role], self._jobs.pop(role).result())
        return bool(done)

    def _drain_jobs(self) -> None:
        for role in list(self._jobs):
            self._commit(self.tracks[role], self._jobs.pop(role).result())

    def _register(self, todo: list[_Track]) -> None:
        for tr in todo:
            if not tr.registered:
                self.store.add_track(
                    self.session_id,
                    tr.role,
                    kind="audio",
                    path=tr.writer.path,
                    sample_rate=SR,
                    t0=tr.t0,
                )
                tr.registered = True

    def _cut_and_transcribe(self, tr: _Track, *, flush: bool) -> _Cut:
        """VAD + ASR of one track (runs on a pool thread). It reads the track's state and
        returns the new state; only ``_commit``, on the engine's thread, applies it, so the
        turn framer never sees a track that claims words it has not stored yet."""
        buf, buf_start = tr.buf, tr.buf_start
        written = tr.written
        if written > buf_start + buf.size:
            tr.writer.flush()
            buf = np.concatenate(
                [buf, read_track(tr.writer.path, start=buf_start + buf.size, stop=written)]
            )
        vad = self.options.asr.vad
        if self.options.cut_silence is not None:
            vad = replace(vad, min_silence=self.options.cut_silence)
        regions = speech_regions(buf, options=vad) if buf.size else []
        # every region but the last is over; the last is once VAD has ended it
        closed = (
            regions if flush or (regions and _ended(regions[-1], buf.size, vad)) else regions[:-1]
        )
        new_words: list[Word] = []
        spec, reused = tr.spec, False
        if closed:
            a, b = closed[0][0], closed[-1][1]
            t_dec = time.perf_counter()
            span = (buf_start + a, buf_start + b, self.options.asr)
            if spec is not None and (spec.start, spec.stop, spec.asr) == span:
                new_words, reused = spec.words, True  # decoded while the pause was short
            else:
                others = [
                    self._shifted(tr, buf[a:b], buf_start + a, lead)
                    for lead in self.options.extra_passes
                ]
                heads = self._heads(tr, buf, buf_start, closed)
                new_words = self._decode(tr, buf[a:b], buf_start + a)
                times = [(tr.time(buf_start + a), tr.time(buf_start + b)) for a, b in closed]
                new_words = _clip_ends(new_words, times)
                for other in others:
                    new_words = _surer(new_words, _clip_ends(other.result(), times), times)
                if heads:
                    new_words = _restore_heads(
                        new_words, [_clip_ends(h.result(), times) for h in heads], times
                    )
                new_words = self._recover(tr, buf, buf_start, times, new_words)
                new_words = _snap_starts(new_words, times)
            spec = None
            # what the live bench breaks word latency into: span length, decode time, and how
            # much audio past the span had arrived when it was cut (the closing wait)
            self.asr_timings.append(
                ((b - a) / SR, time.perf_counter() - t_dec, (buf.size - b) / SR)
            )
            cut = b
            open_regions = regions[len(closed) :]
        else:
            open_regions = regions
            cut = (
                open_regions[0][0] if open_regions else max(0, buf.size - int(vad.min_silence * SR))
            )
            spec = self._speculate(tr, buf, buf_start, spec)
        if flush:
            cut = buf.size
        buf = buf[cut:]
        buf_start += cut
        onset = None
        if flush:
            done_until = tr.time(written)
        elif open_regions:
            done_until = tr.time(buf_start + max(0, open_regions[0][0] - cut))
            onset = done_until
        else:
            done_until = tr.time(buf_start)
        return _Cut(buf, buf_start, done_until, onset, new_words, spec, reused)

    def _pass_pool(self) -> ThreadPoolExecutor:
        # extra decodes run on their own pool so both tracks' passes share the model's workers
        if self._passes is None:
            self._passes = ThreadPoolExecutor(max_workers=2, thread_name_prefix="asr-pass")
        return self._passes

    def _shifted(self, tr: _Track, x: np.ndarray, start: int, lead: float) -> Future[list[Word]]:
        """Start another decode of ``x`` (raw-track sample ``start``) after ``lead`` s of
        silence."""
        n = round(lead * SR)
        return self._pass_pool().submit(
            self._decode, tr, np.concatenate([np.zeros(n, np.float32), x]), start - n
        )

    def _heads(
        self, tr: _Track, buf: np.ndarray, buf_start: int, regions: list[tuple[int, int]]
    ) -> list[Future[list[Word]]]:
        """Start a lone decode of the first ``head_check`` s of each region (a span of one
        region gets nothing: its decode already starts there)."""
        head = self.options.head_check
        if head is None or len(regions) < 2:
            return []
        # a short window and no temperature ladder: only the first words are read from it
        asr = replace(self.options.asr, min_window=head, temperatures=(0.0,))
        n = round(head * SR)
        return [
            self._pass_pool().submit(self._decode, tr, buf[a : min(b, a + n)], buf_start + a, asr)
            for a, b in regions
        ]

    def _decode(
        self, tr: _Track, x: np.ndarray, start: int, asr: ASROptions | None = None
    ) -> list[Word]:
        return transcribe_span(
            self.model,
            x,
            speaker=tr.role,
            t0=tr.time(start),
            options=asr or self.options.asr,
            prompt=self._prompt(tr),
        )

    def _recover(
        self,
        tr: _Track,
        buf: np.ndarray,
        buf_start: int,
        regions: list[tuple[float, float]],
        words: list[Word],
    ) -> list[Word]:
        """Re-decode stretches of speech that a long span's decode left without words.

        Whisper sometimes ends a 30 s window early and seeks past the rest (measured: 20 s of
        an answer lost), or stamps a short reply ("Yes.") onto the next chunk with zero length.
        Silero says there was speech, so each stretch of a speech region (session times) that
        no word covers (a whole region, or ``2 * recover_min`` s inside one) gets its own decode;
        a zero-length duplicate of what that finds is dropped from the start of the next region.
        """
        if len(regions) < 2:  # one utterance: nothing to compare with, nothing gained
            return words
        t_buf = tr.time(buf_start)
        found: list[Word] = []
        for ta, tb, nxt in _holes(regions, words, self.options.recover_min):
            a, b = round((ta - t_buf) * SR), round((tb - t_buf) * SR)
            got = self._decode(tr, buf[a:b], buf_start + a)
            if not got:
                continue
            self.speculation["recovered_stretches"] += 1
            texts = {normalize_text(w.text) for w in got}
            words = [
                w
                for w in words
                if not (
                    w.t_end - w.t_start < 0.02
                    and abs(w.t_start - nxt) < 0.5
                    and normalize_text(w.text) in texts
                )
            ]
            found += got
        return sorted(words + found, key=lambda w: w.t_start) if found else words

    def _speculate(
        self, tr: _Track, buf: np.ndarray, buf_start: int, spec: _Spec | None
    ) -> _Spec | None:
        """Decode the open utterance now if its speaker has paused for ``speculate`` s.

        VAD with the shorter pause finds the same start and, if nothing more is said, the same
        padded end as the close will, so the close can take these words as they are.
        """
        quiet = self.options.speculate
        if quiet is None or not buf.size:
            return spec
        vad = replace(self.options.asr.vad, min_silence=quiet)
        regions = speech_regions(buf, options=vad)
        if not regions or not _ended(regions[-1], buf.size, vad):
            return spec
        a, b = regions[0][0], regions[-1][1]
        if spec is not None and (spec.start, spec.stop) == (buf_start + a, buf_start + b):
            return spec
        t_dec = time.perf_counter()
        words = self._decode(tr, buf[a:b], buf_start + a)
        self.spec_timings.append(((b - a) / SR, time.perf_counter() - t_dec))
        return _Spec(buf_start + a, buf_start + b, self.options.asr, words)

    def _commit(self, tr: _Track, cut: _Cut) -> None:
        tr.buf, tr.buf_start, tr.done_until, tr.onset, tr.spec = (
            cut.buf,
            cut.buf_start,
            cut.done_until,
            cut.onset,
            cut.spec,
        )
        if cut.reused:
            self.speculation["reused"] += 1
        elif cut.words:
            self.speculation["decoded_at_close"] += 1
        new_words = cut.words
        tr.words.extend(new_words)
        with self.store.transaction():  # words and the resume point move together
            self.store.add_words(self.session_id, new_words)
            self.store.save_engine_state(
                self.session_id, tr.role, buf_start=tr.buf_start, done_until=tr.done_until
            )
        if new_words:
            self._emit("words", new_words)

    def _prompt(self, tr: _Track) -> str | None:
        n = self.options.prompt_words
        if n <= 0 or not tr.words:
            return None
        base = self.options.asr.initial_prompt or ""
        return (base + " " + " ".join(w.text for w in tr.words[-n:])).strip()

    # -- turns and later stages -------------------------------------------------------------
    def _advance_turns(self, *, flush: bool, prepare: bool = False) -> None:
        words = [w for tr in self.tracks.values() for w in tr.words]
        turns = build_turns(words, options=self.options.framing)
        onsets = {r: tr.onset for r, tr in self.tracks.items()}
        done = {r: tr.done_until for r, tr in self.tracks.items()}
        n = (
            len(turns)
            if flush
            else final_turn_count(turns, done=done, onsets=onsets, options=self.options.framing)
        )
        if prepare:
            self._prepare(turns, n)
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
                stage.on_turns(
                    self.store,
                    self.session_id,
                    self.turns,
                    watermark=self.watermark,
                    onsets=onsets,
                )
            )
            after_turns(stage, self.store, self.session_id, self.turns, watermark=self.watermark)

    def _prepare(self, turns: list[Turn], n_final: int) -> None:
        """The live feed: the candidate's words are in and they are quiet, so their provisional
        last turn may end an answer. Stages with a ``prepare`` do that answer's costly work now
        (once per state), instead of after the interviewer takes the floor."""
        if n_final >= len(turns) or turns[-1].speaker != "candidate":
            return
        if self.tracks["candidate"].onset is not None:  # still talking
            return
        key = (len(turns), turns[-1].t_end)
        if key == self._prepared:
            return
        self._prepared = key
        for stage in self.stages:
            fn = getattr(stage, "prepare", None)
            if fn is not None:
                fn(self.store, self.session_id, turns)

    def _write(self, outputs: list[tuple[str, Any]]) -> None:
        for kind, payload in outputs:
            self._emit(kind, payload)

    def _emit(self, kind: str, payload: Any) -> None:
        if self.hook is not None:
            self.hook(kind, payload)


def jd_hotwords(requirements: Sequence[Requirement], jd_text: str, *, limit: int = 300) -> str:
    """Whisper's hotwords for a JD: each skill's and tool's name, then the JD's own words for
    it ("Employment law (FMLA, ADA, FLSA)": the examples as the JD writes them, which people
    then say and Whisper mishears without a prompt: "FMLA" -> "familiar"), else two of the
    vocabulary's aliases. Whole names only, at most ``limit`` characters."""
    low = jd_text.lower()
    names: list[str] = []
    for r in requirements:
        # tool and skill names only: a domain ("Finance": "fintech", "banking") is in
        # plain words Whisper knows, and as a hotword it looped ("fintech fintech fintech")
        if r.category not in ("skill", "tool"):
            continue
        said = []
        for a in r.aliases:
            m = re.search(rf"(?<!\w){re.escape(a.lower())}(?!\w)", low)
            if m:
                said.append(jd_text[m.start() : m.end()])  # as the JD writes it
        # up to four of the JD's words; the vocabulary's aliases only fill up to two
        vocab_only = [a for a in r.aliases if a not in said][: max(0, 2 - len(said))]
        names += [r.name, *said[:4], *vocab_only]
    out: list[str] = []
    for n in (x for x in names if len(x) <= 30):
        if n.lower() in {o.lower() for o in out}:
            continue
        if len(" ".join([*out, n])) > limit:
            break
        out.append(n)
    return " ".join(out)


def _holes(
    regions: list[tuple[float, float]], words: list[Word], lo: float
) -> list[tuple[float, float, float]]:
    """Stretches (start, end, start of the next region) of speech regions that no word
    covers: a whole region at least ``lo`` s long, or ``2 * lo`` s inside one."""
    spans = [(w.t_start - 0.1, w.t_end + 0.1) for w in words]  # both sorted by time
    holes: list[tuple[float, float, float]] = []
    k = 0
    for i, (ta, tb) in enumerate(regions):
        nxt = regions[i + 1][0] if i + 1 < len(regions) else float("inf")
        while k < len(spans) and spans[k][1] < ta:
            k += 1
        cursor, j = ta, k
        while j < len(spans) and spans[j][0] < tb:
            if spans[j][0] - cursor >= 2 * lo:
                holes.append((cursor, spans[j][0], spans[j][0] + 0.1))
            cursor = max(cursor, spans[j][1])
            j += 1
        if j == k and tb - ta >= lo:
            holes.append((ta, tb, nxt))
        elif j > k and tb - cursor >= 2 * lo:
            holes.append((cursor, tb, nxt))
    return holes


def _surer(first: list[Word], second: list[Word], regions: list[tuple[float, float]]) -> list[Word]:
    """Per speech region, the reading of two decodes whose words have the higher mean
    log-probability (a region one decode left empty takes the other's words)."""
    out: list[Word] = []
    for g1, g2 in zip(_by_region(first, regions), _by_region(second, regions), strict=True):
        if not g2 or (g1 and _mean_logprob(g1) >= _mean_logprob(g2)):
            out += g1
        else:
            out += g2
    return out


def _restore_heads(
    words: list[Word],
    heads: list[list[Word]],
    regions: list[tuple[float, float]],
    *,
    most: int = 3,
    match: int = 2,
) -> list[Word]:
    """Put back the first words of a region that the packed decode lost.

    ``heads[i]`` is a lone decode of region ``i``'s start. Where it reads up to ``most`` words
    before the same ``match`` words the region's reading starts with, those words lead the
    region; if the previous region's reading ends with them (stamped early), they move.
    """
    groups = _by_region(words, regions)
    key = [[normalize_text(w.text) for w in g] for g in groups]
    for i, head in enumerate(heads):
        h = [w for w in head if normalize_text(w.text)]
        hk = [normalize_text(w.text) for w in h]
        first = key[i][:match]
        if len(first) < match:
            continue
        t = groups[i][0].t_start
        for k in range(1, most + 1):
            if hk[k : k + match] != first or h[k - 1].t_start >= t:
                continue  # no match, or the lone reading's times disagree
            if i and key[i - 1][-k:] == hk[:k]:
                groups[i - 1], key[i - 1] = groups[i - 1][:-k], key[i - 1][:-k]
            lead = [replace(w, t_end=min(w.t_end, t)) for w in h[:k]]
            groups[i], key[i] = lead + groups[i], hk[:k] + key[i]
            break
    return [w for g in groups for w in g]


def _by_region(words: list[Word], regions: list[tuple[float, float]]) -> list[list[Word]]:
    """Words grouped by the speech region they start in (before the first: the first)."""
    starts = [a for a, _ in regions[1:]]
    out: list[list[Word]] = [[] for _ in regions]
    for w in words:
        out[bisect.bisect_right(starts, w.t_start)].append(w)
    return out


def _mean_logprob(words: Sequence[Word]) -> float:
    return float(np.mean([np.log(max(w.prob, 1e-4)) for w in words]))


def _clip_ends(words: list[Word], regions: list[tuple[float, float]]) -> list[Word]:
    """End a word inside the speech region it starts in: decoding several regions at once,
    Whisper can stretch a region's last word over the silence after it (measured: "my"
    72.9-79.6 s, over the other speaker's question), which glues two answers into one turn
    and hides the words it skipped from ``Engine._recover``."""
    starts = [a for a, _ in regions]
    out: list[Word] = []
    for w in words:
        i = bisect.bisect_right(starts, w.t_start) - 1
        if i >= 0 and w.t_start <= regions[i][1] < w.t_end:
            w = replace(w, t_end=round(regions[i][1], 3))
        out.append(w)
    return out


def _snap_starts(words: list[Word], regions: list[tuple[float, float]]) -> list[Word]:
    """Move a word that starts in the silence between two speech regions to where the next
    one starts: decoding several regions at once, Whisper stamps a turn's first word early
    (measured: "Thanks." 0.7 s early, into the other speaker's answer)."""
    starts = [a for a, _ in regions]
    out: list[Word] = []
    for w in words:
        i = bisect.bisect_right(starts, w.t_start)  # regions[i - 1] starts at or before w
        if 0 < i < len(regions) and w.t_start > regions[i - 1][1] and starts[i] < w.t_end:
            w = replace(w, t_start=round(starts[i], 3))
        out.append(w)
    return out


def _ended(region: tuple[int, int], size: int, vad: VADOptions) -> bool:
    """VAD has ended this region: ``min_silence`` of quiet followed it (its padded end lies
    before the buffer's end; a region still open runs to the end of the buffer)."""
    return size - region[1] >= int(max(0.02, vad.min_silence - vad.pad) * SR)
