"""GPU choice for faster-whisper: a GPU whose CUDA libraries don't fit falls back or says why."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest

from labkit.errors import DeviceError
from labkit.speech import asr


class _FakeWhisper:
    """Stands in for faster_whisper.WhisperModel: on "cuda" the first decode fails the way
    CTranslate2 does when libcublas.so.12 is missing; construction alone succeeds."""

    built: ClassVar[list[tuple[str, str]]] = []

    def __init__(self, path: str, *, device: str, compute_type: str, **_: object) -> None:
        self.device = device
        _FakeWhisper.built.append((device, compute_type))

    def transcribe(self, samples, **_: object):
        def segments():
            if self.device == "cuda":
                raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")
            yield from ()

        return segments(), None


@pytest.fixture
def fake_gpu(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    mod = types.ModuleType("faster_whisper")
    mod.WhisperModel = _FakeWhisper  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "faster_whisper", mod)
    monkeypatch.setattr("labkit.models.resolve", lambda name, cache=None: tmp_path)
    monkeypatch.setattr(asr, "_device", lambda d: "cuda" if d in ("auto", "cuda") else d)
    _FakeWhisper.built = []
    asr.load_whisper.cache_clear()
    yield
    asr.load_whisper.cache_clear()


def test_auto_falls_back_to_cpu_when_cuda_cannot_decode(fake_gpu) -> None:
    with pytest.warns(RuntimeWarning, match="libcublas.so.12.*decoding on the CPU"):
        model = asr.load_whisper("tiny.en", device="auto")
    assert model.device == "cpu"
    assert _FakeWhisper.built == [("cuda", "float16"), ("cpu", "int8")]


def test_explicit_cuda_that_cannot_decode_is_a_clear_error(fake_gpu) -> None:
    with pytest.raises(DeviceError, match=r"libcublas.so.12.*--device cpu"):
        asr.load_whisper("tiny.en", device="cuda")


def test_cpu_is_never_probed(fake_gpu) -> None:
    model = asr.load_whisper("tiny.en", device="cpu")
    assert model.device == "cpu" and _FakeWhisper.built == [("cpu", "int8")]
