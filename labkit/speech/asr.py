"""Speech recognition with faster-whisper: word timestamps on the session clock."""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from labkit.errors import DeviceError, ModelMissingError
from labkit.records import Speaker, Word

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

__all__ = ["ASROptions", "VADOptions", "load_whisper", "speech_regions", "transcribe_span"]


@dataclass(frozen=True, slots=True)
class VADOptions:
    """Silero VAD (shipped inside faster-whisper) used to cut utterances.

    min_silence: a pause (s) that closes an utterance. pad: speech padding (s) on each side.
    max_utterance: an utterance longer than this (s) is split at its best pause.
    """

    threshold: float = 0.5
    min_silence: float = 0.5
    min_speech: float = 0.15
    pad: float = 0.2
    max_utterance: float = 25.0


@dataclass(frozen=True, slots=True)
class ASROptions:
    """faster-whisper settings. ``device="auto"`` uses CUDA when CTranslate2 sees a GPU."""

    model: str = "tiny.en"
    device: str = "auto"
    compute_type: str = "auto"
    beam_size: int = 5
    language: str | None = "en"
    cpu_threads: int = 0
    # No filler prompt by default: primed with "Umm, let me think, uh..." tiny.en skipped the
    # first utterance of a window (measured); fillers it drops are found acoustically instead
    # (labkit.speech.prosody's filled-pause detector).
    initial_prompt: str | None = None
    hotwords: str | None = None
    vad: VADOptions = VADOptions()
    # Whisper re-decodes a doubtful window at each next temperature (the fallback ladder).
    temperatures: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    best_of: int = 5  # samples drawn at each temperature above 0
    # Live serving caps the tokens of a window at 32 + this per second of audio (~4x fast
    # speech): a window that loops ("thank you for watching, and thank you for watching...")
    # otherwise decodes all 448 tokens at each temperature (measured: 4.0 s -> 1.2 s on a 2.6 s
    # utterance, same words). Much lower caps hide the loop from the compression-ratio check.
    # Off by default: any cap changes CTranslate2's beam search a little, and on one 10-minute
    # file feed that cost 9 WER points on one track (bench/asr.py); on the live feed's short
    # utterances it cost 0.8 points and halved the worst stall.
    max_tokens_per_second: float | None = None
    # Whisper always encodes a 30 s window, however short the audio. With ``min_window`` set
    # (s), a shorter window is encoded: the audio plus 3 s of padding, at least ``min_window``
    # s. On 400 single utterances (p50 4 s; four bench/interviews* sets) 10 s windows decoded
    # 2.5x faster (p50 0.72 -> 0.29 s) at the same WER (15.7% vs 16.0%); windows of the bare
    # audio + 1-3 s lost up to 3 points. Live serving uses it; file analysis keeps 30 s.
    min_window: float | None = None


def _device(device: str) -> str:
    if device != "auto":
        return device
    try:
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except Exception:
        return "cpu"


@lru_cache(maxsize=4)
def load_whisper(
    name: str = "tiny.en",
    *,
    device: str = "auto",
    compute_type: str = "auto",
    cpu_threads: int = 0,
    cache: str | None = None,
    num_workers: int = 2,
) -> WhisperModel:
    """Load (once per process) a faster-whisper model from the model registry.

    ``num_workers=2`` lets the two speakers' tracks decode at the same time; on a CPU each call
    then gets half the cores (``cpu_threads=0``), which measured ~1.9x the throughput of one
    call on all cores for tiny.en on 2 cores (a small model does not keep two cores busy).
    """
    try:
        from faster_whisper import WhisperModel
    except ImportError:
        raise ModelMissingError(
            "faster-whisper is not installed; run: pip install labkit"
        ) from None
    from labkit.models import resolve

    path = resolve(name, cache=cache)
    dev = _device(device)

    def build(dev: str) -> WhisperModel:
        ctype = compute_type if compute_type != "auto" else ("float16" if dev == "cuda" else "int8")
        threads = cpu_threads
        if threads <= 0 and dev == "cpu":
            threads = max(1, (os.cpu_count() or 2) // max(1, num_workers))
        return WhisperModel(
            str(path),
            device=dev,
            compute_type=ctype,
            cpu_threads=threads,
            num_workers=num_workers,
            local_files_only=True,
        )

    if dev != "cuda":
        return build(dev)
    try:
        model: WhisperModel | None = build(dev)
        problem = _cuda_problem(model)
    except (RuntimeError, ValueError) as exc:  # no usable device, or float16 unsupported
        model, problem = None, _first_line(exc)
    if model is not None and problem is None:
        return model
    # CTranslate2 loads cuBLAS/cuDNN only at the first decode, so a GPU whose CUDA libraries
    # do not match (PyPI's ctranslate2 wants CUDA 12's libcublas.so.12, while labkit's torch
    # brings CUDA 13's) fails mid-analysis; find out here, on one second of silence.
    hint = (
        f"faster-whisper cannot decode on this GPU: {problem}. CTranslate2 needs CUDA 12's "
        "cuBLAS and cuDNN 9 (libcublas.so.12, libcudnn*.so.9) on the library path"
    )
    if device == "cuda":
        raise DeviceError(hint + "; or run with --device cpu")
    warnings.warn(hint + "; decoding on the CPU instead", RuntimeWarning, stacklevel=2)
    del model
    return build("cpu")


def _cuda_problem(model: WhisperModel) -> str | None:
    """None when ``model`` decodes on its GPU, else the error (first line) that it raised."""
    try:
        segments, _ = model.transcribe(
            np.zeros(16_000, np.float32),
            language="en",
            beam_size=1,
            temperature=0.0,
            vad_filter=False,
            without_timestamps=True,
        )
        list(segments)
    except Exception as exc:  # CTranslate2 raises RuntimeError; anything else is as fatal
        return _first_line(exc)
    return None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def speech_regions(
    samples: np.ndarray, *, sample_rate: int = 16_000, options: VADOptions | None = None
) -> list[tuple[int, int]]:
    """Speech regions as (start, end) sample indices, padded, from Silero VAD."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    o = options or VADOptions()
    if samples.size < sample_rate // 10:
        return []
    vo = VadOptions(
        threshold=o.threshold,
        min_silence_duration_ms=int(o.min_silence * 1000),
        min_speech_duration_ms=int(o.min_speech * 1000),
        speech_pad_ms=int(o.pad * 1000),
        max_speech_duration_s=o.max_utterance,
    )
    stamps = get_speech_timestamps(
        samples.astype(np.float32, copy=False), vo, sampling_rate=sample_rate
    )
    return [(int(s["start"]), int(s["end"])) for s in stamps]


def _max_new_tokens(o: ASROptions, seconds: float) -> int | None:
    if o.max_tokens_per_second is None:
        return None
    # Whisper's 448 positions hold the prompt too (faster-whisper keeps it under 224 tokens)
    return min(220, int(o.max_tokens_per_second * seconds) + 32)


_WINDOW_MARGIN_FRAMES = 300  # 3 s of mel frames (100 per second)
_window = threading.local()  # per calling thread: the two speakers decode in parallel


def _fitted_pad_or_trim(array: np.ndarray, length: int = 3000, *, axis: int = -1) -> np.ndarray:
    from faster_whisper.audio import pad_or_trim

    frames = getattr(_window, "min_frames", None)
    if frames is not None and array.shape[axis] < length:
        length = min(length, max(frames, array.shape[axis] + _WINDOW_MARGIN_FRAMES))
    return pad_or_trim(array, length, axis=axis)


@contextmanager
def _fitted_window(seconds: float | None) -> Iterator[None]:
    """Encode windows shorter than 30 s in this thread while the block runs.

    faster-whisper pads each window's features with its module-level ``pad_or_trim`` (to 3000
    frames) just before encoding; CTranslate2's encoder takes shorter inputs. The hook only
    changes calls made in a thread that asked for it, and falls back to 30 s windows if a
    faster-whisper release moves the name.
    """
    import faster_whisper.transcribe as fwt

    if seconds is None or not hasattr(fwt, "pad_or_trim"):
        yield
        return
    fwt.pad_or_trim = _fitted_pad_or_trim  # idempotent; a no-op for threads that did not ask
    _window.min_frames = int(seconds * 100)
    try:
        yield
    finally:
        _window.min_frames = None


def transcribe_span(
    model: Any,
    samples: np.ndarray,
    *,
    speaker: Speaker,
    t0: float,
    options: ASROptions | None = None,
    prompt: str | None = None,
    sample_rate: int = 16_000,
) -> list[Word]:
    """Transcribe one span of a speaker's track; word times come back absolute (``t0`` + offset).

    VAD stays on inside faster-whisper: without it tiny.en hallucinates on trailing silence and
    stamps the first word of a turn early (STACK.md).
    """
    o = options or ASROptions()
    if samples.size == 0:
        return []
    with _fitted_window(o.min_window):
        return _decode(
            model, samples, speaker=speaker, t0=t0, o=o, prompt=prompt, sample_rate=sample_rate
        )


def _decode(
    model: Any,
    samples: np.ndarray,
    *,
    speaker: Speaker,
    t0: float,
    o: ASROptions,
    prompt: str | None,
    sample_rate: int,
) -> list[Word]:
    v = o.vad
    # no lock: the model serves num_workers calls at once (one per speaker)
    segments, _info = model.transcribe(
        samples.astype(np.float32, copy=False),
        language=o.language,
        beam_size=o.beam_size,
        word_timestamps=True,
        vad_filter=True,
        vad_parameters={
            "threshold": v.threshold,
            "min_silence_duration_ms": int(v.min_silence * 1000),
            "speech_pad_ms": int(v.pad * 1000),
        },
        initial_prompt=prompt if prompt is not None else o.initial_prompt,
        hotwords=o.hotwords,
        condition_on_previous_text=False,
        temperature=list(o.temperatures),
        best_of=o.best_of,
        max_new_tokens=_max_new_tokens(o, samples.size / sample_rate),
    )
    words: list[Word] = []
    dur = samples.size / sample_rate
    for seg in segments:
        for w in seg.words or ():
            text = w.word.strip()
            if not text:
                continue
            start = min(max(float(w.start), 0.0), dur)
            end = min(max(float(w.end), start), dur)
            words.append(
                Word(
                    speaker=speaker,
                    t_start=round(t0 + start, 3),
                    t_end=round(t0 + end, 3),
                    text=text,
                    prob=round(float(w.probability), 4),
                )
            )
    return _drop_loops(words)


def _drop_loops(words: list[Word], *, most: int = 3, most_long: int = 2) -> list[Word]:
    """Keep one word of a run of more than ``most`` identical ones (``most_long`` for words of
    five letters or more): primed with hotwords, tiny.en can loop on one of them (measured:
    ".NET" seven times over "Thanks Marco", "fintech" three times over "I think I'll be okay"),
    a loop too short for Whisper's compression-ratio check. Short words repeat in real speech
    ("I I I tested"), long ones seldom three times."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        j = i + 1
        key = words[i].text.lower().strip(".,!?")
        while j < len(words) and words[j].text.lower().strip(".,!?") == key:
            j += 1
        limit = most_long if len(key) >= 5 else most
        out += words[i:j] if j - i <= limit else [words[i]]
        i = j
    return out
