"""Helpers for the live-capture tests: fake-device media for Chromium and a fake engine client.

Chromium's ``--use-file-for-fake-audio-capture`` loops a 16-bit PCM WAV as the microphone and
``--use-file-for-fake-video-capture`` loops a Y4M file as the camera; one file each per browser
launch, so each role gets its own browser.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from labkit.synth import Line, SynthInterview, synthesize_interview

FACE = Path(__file__).parent / "data" / "astronaut_face.jpg"

JD_TEXT = (
    "Backend engineer, payments platform.\n"
    "Requirements: 3+ years of Python; PostgreSQL and query tuning; caching with Redis; "
    "building REST APIs; clear communication with product teams.\n"
    "Nice to have: Kafka, Kubernetes."
)

# Short enough that a 40-60 s run hears every question and answer at least once (Chromium loops
# the files), with clear questions so the engine pairs them.
LIVE_SCRIPT = [
    Line("interviewer", "Hello and welcome. Can you tell me about your last job?", gap=0.0),
    Line(
        "candidate",
        "I was a backend engineer for three years. I built payment services in Python "
        "with PostgreSQL.",
    ),
    Line("interviewer", "How did you make slow database queries faster?"),
    Line(
        "candidate",
        "I profiled the queries, added the right indexes and a Redis cache, "
        "and the page load time dropped by half.",
    ),
    Line("interviewer", "How do you explain technical trade offs to product managers?"),
    Line(
        "candidate",
        "I write a short note with two options, the cost of each, and my recommendation.",
    ),
]


@dataclass(frozen=True, slots=True)
class LiveMedia:
    interviewer_wav: Path
    candidate_wav: Path
    candidate_y4m: Path
    interview: SynthInterview


def face_frames(
    n: int, *, width: int = 320, height: int = 240, face_px: int = 120, seed: int = 0
) -> list[np.ndarray]:
    """``n`` RGB frames: a real face (tests/data/astronaut_face.jpg) drifting slowly on a
    textured background, as a webcam would show a person who moves a little."""
    from PIL import Image

    rng = np.random.default_rng(seed)
    face = Image.open(FACE).convert("RGB").resize((face_px, face_px), Image.BICUBIC)
    yy, xx = np.mgrid[0:height, 0:width]
    base = np.stack([90 + 40 * xx / width, 100 + 30 * yy / height, 120 + 0 * xx], axis=-1).astype(
        np.float32
    )
    frames = []
    for i in range(n):
        phase = 2 * np.pi * i / max(n, 1)
        cx = width / 2 + 0.12 * width * np.sin(phase)
        cy = height / 2 + 0.05 * height * np.sin(2 * phase)
        bg = np.clip(base + rng.normal(0, 3, base.shape), 0, 255).astype(np.uint8)
        img = Image.fromarray(bg)
        img.paste(face, (int(cx - face_px / 2), int(cy - face_px / 2)))
        frames.append(np.asarray(img))
    return frames


def write_y4m(path: Path, frames: list[np.ndarray], *, fps: int = 10) -> Path:
    """Write RGB frames as a 4:2:0 Y4M file (what Chromium's fake camera reads)."""
    from PIL import Image

    h, w = frames[0].shape[:2]
    if w % 2 or h % 2:
        raise ValueError("Y4M 4:2:0 needs even width and height")
    with open(path, "wb") as f:
        f.write(f"YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for rgb in frames:
            ycc = np.asarray(Image.fromarray(rgb).convert("YCbCr"), dtype=np.float32)
            y = ycc[..., 0].astype(np.uint8)
            # 2x2 mean for the half-resolution chroma planes
            u = ycc[..., 1].reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3)).round().astype(np.uint8)
            v = ycc[..., 2].reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3)).round().astype(np.uint8)
            f.write(b"FRAME\n")
            f.write(y.tobytes())
            f.write(u.tobytes())
            f.write(v.tobytes())
    return path


def make_live_media(out_dir: Path, *, video_seconds: float = 6.0, fps: int = 10) -> LiveMedia:
    """Interviewer WAV, candidate WAV (16-bit PCM, 16 kHz, time-aligned) and a candidate Y4M."""
    out_dir.mkdir(parents=True, exist_ok=True)
    iv = synthesize_interview(LIVE_SCRIPT, out_dir / "audio", tail=2.0)
    y4m = write_y4m(out_dir / "candidate.y4m", face_frames(int(video_seconds * fps)), fps=fps)
    return LiveMedia(iv.interviewer, iv.candidate, y4m, iv)


# ---- a fake engine client --------------------------------------------------------------------
@dataclass
class FakeEngineClient:
    """Stands in for ``labkit.live.client.EngineClient``: records what it is sent and reports a
    plausible state. ``send_*`` only append (never block), like the real one."""

    role: str = "interviewer"
    session_id: str | None = None
    connected: bool = True
    audio: list[tuple] = field(default_factory=list)
    frames: list[tuple] = field(default_factory=list)
    controls: list[tuple] = field(default_factory=list)
    consent: dict = field(default_factory=lambda: {"audio": True, "video": True, "emotion": True})
    status_value: str = "created"
    fail_sends: bool = False
    keep_pcm: bool = False
    pcm: list[bytes] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def create_session(self, *, title: str, jd_text: str, mode: str = "standard", consent: dict):
        self.controls.append(("create", title, jd_text, mode, dict(consent)))
        self.consent = dict(consent)
        sid = f"s{len(self.controls)}"
        return {
            "session_id": sid,
            "candidate_url": f"http://127.0.0.1:1/candidate?token=cand-{sid}",
            "dashboard_url": f"http://127.0.0.1:1/dashboard/{sid}",
        }

    def control(self, session_id: str, action: str, **kw):
        self.controls.append((action, session_id, kw))
        if action == "start":
            self.status_value = "live"
        if action == "end":
            self.status_value = "ended"
            return {
                "final_verdict": {
                    "hire_probability": 0.62,
                    "low": 0.41,
                    "high": 0.79,
                    "label_probs": {"hire": 0.62, "no_hire": 0.38},
                    "risk_flags": ["short answers"],
                },
                "dashboard_url": f"http://127.0.0.1:1/dashboard/{session_id}",
            }
        return {"ok": True}

    def send_audio(self, session_id, role, pcm_int16, *, t_capture, seq):
        if self.fail_sends:
            raise RuntimeError("queue full")
        with self._lock:
            self.audio.append((session_id, role, len(pcm_int16), t_capture, seq, time.time()))
            if self.keep_pcm:
                self.pcm.append(pcm_int16)

    def send_frame(self, session_id, jpeg, *, t_capture, seq):
        if self.fail_sends:
            raise RuntimeError("queue full")
        with self._lock:
            self.frames.append((session_id, jpeg, t_capture, seq, time.time()))

    def latest_frame(self, session_id):
        with self._lock:
            return self.frames[-1][1] if self.frames else None

    def state(self, session_id):
        with self._lock:
            n = len(self.audio)
        t = n * 0.25 / 2
        return {
            "status": self.status_value,
            "t": t,
            "words": [{"speaker": "candidate", "t_start": t, "t_end": t + 0.3, "text": "payments"}],
            "turns": [
                {
                    "idx": 0,
                    "speaker": "interviewer",
                    "t_start": 0.5,
                    "t_end": 3.0,
                    "text": "Can you tell me about your last job?",
                    "is_question": True,
                },
                {
                    "idx": 1,
                    "speaker": "candidate",
                    "t_start": 3.5,
                    "t_end": 8.0,
                    "text": "I built payment services in Python.",
                    "is_question": False,
                },
            ],
            "qa_pairs": [
                {
                    "idx": 0,
                    "question": "Can you tell me about your last job?",
                    "answer": "I built payment services in Python.",
                }
            ],
            "current_question": "Can you tell me about your last job?",
            "current_answer": "I built payment services in Python.",
            "profile": [
                {"dimension": "python", "mean": 0.7, "sd": 0.15},
                {"dimension": "communication", "mean": 0.55, "sd": 0.2},
            ],
            "verdict": {
                "hire_probability": 0.6,
                "low": 0.4,
                "high": 0.78,
                "label_probs": {"hire": 0.6, "no_hire": 0.4},
                "risk_flags": [],
            },
            "verdicts": [
                {"t": 5.0, "hire_probability": 0.5, "low": 0.2, "high": 0.8},
                {"t": 9.0, "hire_probability": 0.6, "low": 0.4, "high": 0.78},
            ],
            "counts": {"words": n, "face_frames": len(self.frames)},
        }

    def status(self):
        return {
            "connected": self.connected,
            "recording": self.status_value == "live",
            "consent": dict(self.consent),
            "session_status": self.status_value,
        }
