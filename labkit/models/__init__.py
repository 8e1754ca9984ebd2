"""Model registry: every model comes from a PyPI wheel and is found offline."""

from labkit.models.registry import MODELS, ModelSpec, install, models_dir, resolve, status, verify

__all__ = ["MODELS", "ModelSpec", "install", "models_dir", "resolve", "status", "verify"]
