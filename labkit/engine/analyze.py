"""Feed recorded files through the same engine the live lab uses, as fast as it can go."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from labkit.engine.engine import Engine, EngineOptions, Hook, Stage
from labkit.engine.events import AudioChunk, InterviewEnd, JDSet, VideoFrame
from labkit.errors import InputError, LabkitError
from labkit.media.decode import Audio, check_audio, load_audio, load_stereo_pair
from labkit.store import Store

__all__ = ["AnalyzeInputs", "analyze_files", "load_inputs"]


@dataclass(frozen=True, slots=True)
class AnalyzeInputs:
    """Decoded, validated inputs of one recorded interview."""

    interviewer: Audio
    candidate: Audio
    sources: tuple[Path, ...]
    video: Path | None = None
    jd_text: str | None = None


def load_inputs(
    *,
    interviewer_audio: str | Path | None = None,
    candidate_audio: str | Path | None = None,
    stereo: str | Path | None = None,
    video: str | Path | None = None,
    jd_text: str | None = None,
) -> AnalyzeInputs:
    """Decode and validate everything before a session exists, so bad input writes nothing."""
    if stereo is not None:
        if interviewer_audio or candidate_audio:
            raise InputError("give either --stereo or the two per-speaker tracks, not both")
        left, right = load_stereo_pair(stereo)
        sources: tuple[Path, ...] = (Path(stereo),)
    elif interviewer_audio and candidate_audio:
        left, right = load_audio(interviewer_audio), load_audio(candidate_audio)
        sources = (Path(interviewer_audio), Path(candidate_audio))
    else:
        raise InputError("need --interviewer-audio and --candidate-audio, or --stereo")
    check_audio(left, label=f"interviewer track ({left.source})")
    check_audio(right, label=f"candidate track ({right.source})")
    vpath = None
    if video is not None:
        vpath = Path(video)
        if not vpath.exists() or vpath.stat().st_size == 0:
            raise InputError(f"{vpath}: video file is missing or empty")
        _check_video(vpath)
        sources = (*sources, vpath)
    return AnalyzeInputs(
        interviewer=left, candidate=right, sources=sources, video=vpath, jd_text=jd_text
    )


def analyze_files(
    store: Store,
    inputs: AnalyzeInputs,
    *,
    title: str = "",
    mode: str = "standard",
    options: EngineOptions | None = None,
    stages: Sequence[Stage] = (),
    vision: Callable[..., Any] | None = None,
    hook: Hook | None = None,
    progress: Callable[[float], None] | None = None,
    feed_seconds: float = 600.0,
) -> str:
    """Analyze a recorded interview; returns the session id.

    Audio goes to the engine in ``feed_seconds`` chunks, both tracks in step on the session
    clock, so several utterances close at once and share one ASR call. Long slices read
    better: on three 10-minute interviews the candidate track's WER was 10.0-13.0% with 600+ s
    slices against 13.5-14.2% with 120 s ones (and as fast); Whisper's windows then hold whole
    stretches of speech rather than pieces cut at slice ends. On any failure the
    session is marked ``failed`` with the reason, and the error propagates.
    """
    opts = options or EngineOptions()
    sid = store.create_session(
        title=title,
        jd_text=inputs.jd_text,
        mode=mode,
        asr_model=opts.asr.model,
        options=json.loads(json.dumps(asdict(opts), default=str)),
    )
    try:
        _keep_sources(store, sid, inputs.sources, video=inputs.video)
        store.set_status(sid, "running")
        engine = Engine(store, sid, options=opts, stages=stages, hook=hook, vision=vision)
        if inputs.jd_text:
            engine.handle(JDSet(inputs.jd_text))
        frames = (
            _video_frames(inputs.video, fps=getattr(vision, "fps", 5.0))
            if (inputs.video is not None and vision is not None)
            else iter(())
        )
        pending_frame = next(frames, None)
        duration = max(inputs.interviewer.duration, inputs.candidate.duration)
        step = int(feed_seconds * 16_000)
        total = max(inputs.interviewer.samples.size, inputs.candidate.samples.size)
        for start in range(0, total, step):
            for role, audio in (
                ("interviewer", inputs.interviewer),
                ("candidate", inputs.candidate),
            ):
                chunk = audio.samples[start : start + step]
                if chunk.size:
                    engine.handle(
                        AudioChunk(
                            role=role,
                            samples=chunk,  # type: ignore[arg-type]
                            t_capture=start / 16_000,
                        )
                    )
            # video in step with the audio: frames up to the end of this slice
            while pending_frame is not None and pending_frame[0] < (start + step) / 16_000:
                engine.handle(VideoFrame(t=pending_frame[0], image=pending_frame[1]))
                pending_frame = next(frames, None)
            if progress is not None:
                progress(min(1.0, (start + step) / total))
        while pending_frame is not None:  # video longer than the audio
            engine.handle(VideoFrame(t=pending_frame[0], image=pending_frame[1]))
            pending_frame = next(frames, None)
        engine.handle(InterviewEnd(duration))
        for role, tr in engine.tracks.items():
            store.add_track(
                sid,
                role,
                kind="audio",
                path=tr.writer.path,
                sample_rate=16_000,
                t0=tr.t0 or 0.0,
                duration=tr.writer.samples_written / 16_000,
            )
        store.set_status(sid, "complete", duration=duration)
    except BaseException as e:
        _mark_failed(store, sid, e)
        raise
    return sid


def _mark_failed(store: Store, sid: str, e: BaseException) -> None:
    """The session is kept, marked ``failed`` with the reason (nothing it stored is lost)."""
    reason = str(e) if isinstance(e, LabkitError) else f"{type(e).__name__}: {e}"
    store.set_status(sid, "failed", error=reason[:500] or type(e).__name__)


def _check_video(path: Path) -> None:
    import av

    try:
        with av.open(str(path)) as c:
            if not c.streams.video:
                raise InputError(f"{path}: has no video track")
    except av.FFmpegError as e:
        raise InputError(f"{path}: cannot be decoded as video ({e})") from None


def _video_frames(path: Path, *, fps: float) -> Iterator[tuple[float, Any]]:
    from labkit.vision.video import sample_frames

    return iter(sample_frames(path, fps=fps, max_side=640))


def _keep_sources(store: Store, sid: str, sources: Sequence[Path], *, video: Path | None) -> None:
    """Copy the original files into the session folder: the session owns its raw media."""
    folder = store.session_dir(sid) / "source"
    folder.mkdir(parents=True, exist_ok=True)
    for i, src in enumerate(sources):
        dst = folder / f"{i}_{src.name}"
        shutil.copyfile(src, dst)
        if video is not None and src == video:
            store.add_track(sid, "video", kind="video", path=dst)
        else:
            store.add_track(sid, f"source:{i}", kind="source", path=dst)
