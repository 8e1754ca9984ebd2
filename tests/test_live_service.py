"""The engine service over HTTP: sessions, ingest, roles, and a SIGKILL in the middle."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from labkit.errors import LabkitError
from labkit.live.client import EngineClient
from labkit.media.decode import load_audio
from labkit.media.tracks import track_duration
from labkit.store import Store
from labkit.synth import SynthInterview

pytestmark = pytest.mark.slow


class Lab:
    """`labkit serve --no-voila` in a subprocess on a free loopback port."""

    def __init__(self, db: Path, port: int | None = None) -> None:
        self.db = db
        if port is None:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = int(s.getsockname()[1])
        self.port = port
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[str] | None = None
        self.token = ""

    def start(self) -> Lab:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "labkit.cli",
                "serve",
                "--no-voila",
                "--db",
                str(self.db),
                "--port",
                str(self.port),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.proc.stdout is not None
        deadline = time.time() + 120
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError("labkit serve exited")
            m = re.search(r"interviewer: \S+token=(\S+)", line)
            if m:
                self.token = m.group(1)
                return self
        raise RuntimeError("labkit serve did not print its links")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)
        self.proc.wait(timeout=60)


def stream(
    client: EngineClient, sid: str, tracks: dict[str, np.ndarray], epoch: float, a: float, b: float
) -> None:
    """Send [a, b) seconds of both tracks as 250 ms chunks stamped on the session clock."""
    step = 4000
    for i in range(int(a * 16000) // step, int(b * 16000) // step):
        for role, x in tracks.items():
            chunk = x[i * step : (i + 1) * step]
            if chunk.size:
                client.send_audio(
                    sid,
                    role,
                    (chunk * 32767).astype("<i2").tobytes(),
                    t_capture=epoch + i * step / 16000,
                    seq=i,
                )
    assert client.flush(60)


def test_live_session_roles_and_kill_restart(interview: SynthInterview, tmp_path: Path) -> None:
    db = tmp_path / "lab.duckdb"
    lab = Lab(db).start()
    tracks = {r: load_audio(getattr(interview, r)).samples for r in ("interviewer", "candidate")}
    duration = max(x.size for x in tracks.values()) / 16000
    try:
        boss = EngineClient(lab.url, lab.token)
        assert boss.role == "interviewer"
        made = boss.create_session(
            title="live",
            jd_text="Backend engineer, Python",
            consent={"audio": True, "video": True, "emotion": False},
        )
        sid = made["session_id"]
        assert made["mode"] == "emotion_off"  # no consent to emotion analysis -> never runs
        ctoken = re.search(r"token=([^&\s]+)", made["candidate_url"]).group(1)
        cand = EngineClient(lab.url, ctoken)
        assert cand.role == "candidate" and cand.session_id == sid
        # the candidate token opens nothing of the interviewer's
        for path in (
            "/lab/api/sessions",
            f"/lab/api/sessions/{sid}/state",
            f"/lab/api/sessions/{sid}/frame",
            "/lab/api/stats",
            "/voila/render/dashboard.ipynb",
            "/voila/render/interviewer.ipynb",
            "/voila/tree",
            "/api/kernels",
            "/",
        ):
            req = urllib.request.Request(
                lab.url + path, headers={"Authorization": f"Bearer {ctoken}"}
            )
            with pytest.raises(urllib.error.HTTPError) as e:
                urllib.request.urlopen(req, timeout=10)
            assert e.value.code == 403, path
        with pytest.raises(LabkitError, match="403"):
            cand.control(sid, "end")
        assert cand.status()["session_status"] == "created"

        boss.control(sid, "start")
        epoch = time.time() - boss.state(sid)["t"]  # the session clock's epoch
        half = duration / 2
        stream(boss, sid, tracks, epoch, 0.0, half)
        time.sleep(3)  # let the engine take some of it
        lab.kill()  # SIGKILL mid-interview: nothing graceful happens

        lab = Lab(db, port=lab.port).start()  # same port: the kernels' client reconnects
        assert boss.state(sid)["status"] == "running"  # resumed from disk
        stream(boss, sid, tracks, epoch, half, duration + 0.25)
        end = boss.control(sid, "end")
        assert end["ok"], end
    finally:
        lab.kill(signal.SIGTERM)
    with Store(db, read_only=True) as store:
        info = store.get_session(sid)
        assert info["status"] == "complete"
        turns = store.turns(sid)
        assert [t.speaker for t in turns] == [ln.speaker for ln in interview.lines]
        words = store.words(sid)
        # words spoken before the kill survived it: each line's time span holds about as many
        # recognised words of its speaker as the line has (coverage, not recognition accuracy)
        first_half = [ln for ln in interview.lines if ln.t_end < half]
        assert first_half
        for ln in first_half:
            got = [
                w
                for w in words
                if w.speaker == ln.speaker and ln.t_start - 0.3 <= w.t_start <= ln.t_end + 0.3
            ]
            assert len(got) >= 0.8 * len(ln.text.split()), (ln.text, [w.text for w in got])
        for role in ("interviewer", "candidate"):
            pcm = store.session_dir(sid) / f"{role}.pcm"
            assert track_duration(pcm) == pytest.approx(duration, abs=0.5)
        assert (
            store.query(
                "SELECT count(*) AS n FROM audit_log WHERE session_id = ? AND action = 'resumed'",
                [sid],
            )[0]["n"]
            == 1
        )
