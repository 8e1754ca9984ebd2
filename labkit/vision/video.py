"""Video input for the face stage: decode with PyAV, sample at N fps with timestamps, downscale."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from labkit.errors import InputError, MediaError

__all__ = ["VideoInfo", "decode_jpeg", "downscale", "probe_video", "sample_frames"]


@dataclass(frozen=True, slots=True)
class VideoInfo:
    path: str
    width: int
    height: int
    fps: float
    duration: float  # seconds; 0.0 when the container does not say


def _open(path: Path):  # -> av.container.InputContainer
    import av

    if not Path(path).is_file():
        raise MediaError(f"video file {path} not found")
    try:
        container = av.open(str(path))
    except Exception as exc:  # PyAV raises several error types for unreadable files
        raise MediaError(f"cannot open {path} as video: {exc}") from exc
    if not container.streams.video:
        container.close()
        raise MediaError(f"{path} has no video stream")
    return container


def probe_video(path: Path) -> VideoInfo:
    """Size, frame rate and duration of a video file's first video stream."""
    container = _open(Path(path))
    try:
        stream = container.streams.video[0]
        fps = float(stream.average_rate or stream.guessed_rate or 0.0)
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        else:
            duration = 0.0
        return VideoInfo(
            path=str(path),
            width=int(stream.codec_context.width),
            height=int(stream.codec_context.height),
            fps=fps,
            duration=duration,
        )
    finally:
        container.close()


def _scaled_size(width: int, height: int, max_side: int | None) -> tuple[int, int]:
    if not max_side or max(width, height) <= max_side:
        return width, height
    scale = max_side / max(width, height)
    # even sizes keep swscale's chroma handling simple
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def sample_frames(
    path: Path,
    *,
    fps: float = 5.0,
    max_side: int | None = 640,
    start: float = 0.0,
    end: float | None = None,
) -> Iterator[tuple[float, np.ndarray]]:
    """Yield (t seconds, uint8 RGB HxWx3) about ``fps`` times per second of video.

    A frame is taken when its presentation time reaches the next sampling instant, so the
    timestamps are the frames' own (not the grid's). Frames larger than ``max_side`` are scaled
    down while converting (swscale), which is cheaper than scaling afterwards.
    """
    if fps <= 0:
        raise InputError("fps must be positive")
    container = _open(Path(path))
    try:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        step = 1.0 / fps
        next_t = start
        tolerance = 0.25 / float(stream.average_rate or 30)  # a quarter frame of slack
        for frame in container.decode(stream):
            if frame.time is None:
                continue
            t = float(frame.time)
            if end is not None and t > end:
                break
            if t + tolerance < next_t:
                continue
            w, h = _scaled_size(frame.width, frame.height, max_side)
            yield t, frame.to_ndarray(format="rgb24", width=w, height=h)
            while next_t <= t + tolerance:
                next_t += step
    except MediaError:
        raise
    except Exception as exc:
        raise MediaError(f"cannot decode {path}: {exc}") from exc
    finally:
        container.close()


def downscale(image: np.ndarray, *, max_side: int) -> np.ndarray:
    """Shrink an RGB frame so its longer side is at most ``max_side`` (never enlarges)."""
    h, w = image.shape[:2]
    size = _scaled_size(w, h, max_side)
    if size == (w, h):
        return image
    from PIL import Image

    return np.asarray(Image.fromarray(image).resize(size, Image.Resampling.BILINEAR))


def decode_jpeg(data: bytes, *, max_side: int | None = None) -> np.ndarray:
    """One JPEG (e.g. a browser-captured frame) -> uint8 RGB HxWx3."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            if max_side and max(img.size) > max_side * 2:
                img.draft("RGB", (max_side, max_side))  # JPEG DCT scaling: decode smaller
            rgb = np.asarray(img.convert("RGB"))
    except (UnidentifiedImageError, OSError) as exc:
        raise MediaError(f"cannot decode JPEG frame ({len(data)} bytes): {exc}") from exc
    return downscale(rgb, max_side=max_side) if max_side else rgb
