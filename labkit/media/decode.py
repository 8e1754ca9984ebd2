"""Decode any audio or video file's sound with PyAV into 16 kHz float32, and validate it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from labkit.errors import MediaError

__all__ = ["SAMPLE_RATE", "Audio", "check_audio", "load_audio", "load_stereo_pair"]

SAMPLE_RATE = 16_000


@dataclass(frozen=True, slots=True)
class Audio:
    """Decoded audio: ``samples`` is float32 in [-1, 1], shape (n,) or (channels, n)."""

    samples: np.ndarray
    sample_rate: int
    source: str
    source_rate: int

    @property
    def duration(self) -> float:
        return self.samples.shape[-1] / self.sample_rate


def load_audio(
    path: str | os.PathLike[str], *, sample_rate: int = SAMPLE_RATE, mono: bool = True
) -> Audio:
    """Decode the first audio stream of ``path`` (wav/flac/mp3/m4a/ogg/webm/mp4 ...).

    Resamples to ``sample_rate``; ``mono=False`` keeps two channels (a stereo file's left and
    right). Raises :class:`MediaError` with a one-line reason for unreadable or empty input.
    """
    import av  # lazy: keeps `import labkit` light

    p = Path(path)
    if not p.exists():
        raise MediaError(f"{p}: no such file")
    if p.stat().st_size == 0:
        raise MediaError(f"{p}: file is empty (0 bytes)")
    try:
        container = av.open(str(p))
    except Exception as e:  # PyAV raises many error types for bad files
        raise MediaError(f"{p}: cannot be decoded as audio/video ({_short(e)})") from None
    with container:
        streams = container.streams.audio
        if not streams:
            raise MediaError(f"{p}: has no audio track")
        stream = streams[0]
        src_rate = int(stream.rate or stream.codec_context.sample_rate or 0)
        channels = stream.codec_context.channels or 1
        layout = "mono" if mono or channels < 2 else "stereo"
        resampler = av.AudioResampler(format="flt", layout=layout, rate=sample_rate)
        chunks: list[np.ndarray] = []
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray())
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray())
        except Exception as e:
            if not chunks:
                raise MediaError(f"{p}: audio stream is corrupt ({_short(e)})") from None
            # A truncated tail keeps what decoded; the rest of the file is lost, not the session.
    if not chunks:
        raise MediaError(f"{p}: audio track holds no samples")
    data = np.concatenate(chunks, axis=1)  # packed 'flt' frames: (1, n*ch) interleaved
    n_ch = 1 if layout == "mono" else 2
    data = data.reshape(-1, n_ch).T if data.shape[0] == 1 and n_ch > 1 else data
    samples = np.ascontiguousarray(data[0] if n_ch == 1 else data, dtype=np.float32)
    return Audio(samples=samples, sample_rate=sample_rate, source=str(p), source_rate=src_rate)


def check_audio(
    audio: Audio, *, min_seconds: float = 0.5, silence_dbfs: float = -55.0, label: str = ""
) -> None:
    """Reject audio that is too short or silent, with a one-line reason."""
    name = label or audio.source
    if audio.duration < min_seconds:
        raise MediaError(
            f"{name}: too short ({audio.duration:.2f} s; at least {min_seconds:g} s needed)"
        )
    x = audio.samples.astype(np.float64)
    rms = float(np.sqrt(np.mean(x * x))) if x.size else 0.0
    peak_db = 20 * np.log10(max(float(np.max(np.abs(x))), 1e-12))
    rms_db = 20 * np.log10(max(rms, 1e-12))
    if peak_db < silence_dbfs + 20 and rms_db < silence_dbfs:
        raise MediaError(f"{name}: silent (RMS {rms_db:.0f} dBFS, peak {peak_db:.0f} dBFS)")


def load_stereo_pair(path: str | os.PathLike[str]) -> tuple[Audio, Audio]:
    """Split a stereo file: left = interviewer, right = candidate."""
    audio = load_audio(path, mono=False)
    if audio.samples.ndim != 2 or audio.samples.shape[0] != 2:
        raise MediaError(f"{path}: --stereo needs a two-channel file (this one is mono)")
    left, right = (
        Audio(
            samples=np.ascontiguousarray(ch),
            sample_rate=audio.sample_rate,
            source=f"{audio.source}#{side}",
            source_rate=audio.source_rate,
        )
        for ch, side in zip(audio.samples, ("left", "right"), strict=True)
    )
    return left, right


def _short(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:160]
