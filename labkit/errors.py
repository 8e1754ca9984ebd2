"""One small exception family. Every message says what went wrong and what to do."""

from __future__ import annotations

__all__ = [
    "DeviceError",
    "InputError",
    "LabkitError",
    "MediaError",
    "ModelMissingError",
    "StoreError",
]


class LabkitError(Exception):
    """Base class of every error labkit raises on purpose."""


class MediaError(LabkitError):
    """Audio or video that cannot be used: unreadable, empty, too short, silent."""


class InputError(LabkitError):
    """An argument or document (e.g. a job description) that cannot be used."""


class ModelMissingError(LabkitError):
    """A model is not installed; the message names the command that installs it."""


class DeviceError(LabkitError):
    """A device asked for by name (``--device cuda``) cannot run the model here."""


class StoreError(LabkitError):
    """The DuckDB store refused an operation (locked, unknown session, bad schema)."""
