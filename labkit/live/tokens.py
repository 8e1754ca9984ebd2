"""Role tokens: signed, so the service can check them without a lookup table.

An interviewer token grants the whole lab. A candidate token is bound to one session and grants
only that session's candidate page and candidate ingest.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from labkit.errors import InputError

__all__ = ["Grant", "issue", "lab_secret", "verify"]


@dataclass(frozen=True, slots=True)
class Grant:
    role: str  # interviewer | candidate
    session_id: str | None = None


def lab_secret(folder: Path) -> bytes:
    """The lab's signing key, made once and kept beside the database (mode 600)."""
    path = folder / ".lab-secret"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def issue(secret: bytes, role: str, session_id: str | None = None) -> str:
    if role not in ("interviewer", "candidate"):
        raise InputError(f"unknown role {role!r}")
    if role == "candidate" and not session_id:
        raise InputError("a candidate token needs a session")
    body = _b64(json.dumps({"r": role, "s": session_id}, separators=(",", ":")).encode())
    sig = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest()[:18])
    return f"{body}.{sig}"


def verify(secret: bytes, token: str | None) -> Grant | None:
    """The grant a token carries, or None when it is missing, forged or malformed."""
    if not token or token.count(".") != 1:
        return None
    body, sig = token.split(".")
    want = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest()[:18])
    if not hmac.compare_digest(sig, want):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        return Grant(role=data["r"], session_id=data.get("s"))
    except (ValueError, KeyError):
        return None
