"""`labkit serve`: the engine service, the gateway and the Voila apps, in one command."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from labkit.engine import EngineOptions, Stage
from labkit.errors import LabkitError
from labkit.live.service import LabService, make_app
from labkit.live.tls import ensure_certificate, lan_address
from labkit.live.tokens import lab_secret
from labkit.store import Store

__all__ = ["ServeOptions", "apps_dir", "serve"]


@dataclass(frozen=True, slots=True)
class ServeOptions:
    db: Path
    port: int = 8765
    host: str | None = None  # public address; default 127.0.0.1, or the LAN address with lan
    lan: bool = False  # HTTPS on the LAN address with the lab's own certificate
    voila: bool = True


def apps_dir() -> Path:
    """The Voila notebooks: ``voila_apps/`` beside the package (a checkout) or in the cwd."""
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        if (base / "voila_apps" / "interviewer.ipynb").exists():
            return base / "voila_apps"
    raise LabkitError("voila_apps/ not found; run `labkit serve` from the labkit checkout")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_voila(internal_url: str, db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "LABKIT_ENGINE_URL": internal_url, "LABKIT_DB": str(db)}
    log = (db.parent / "voila.log").open("ab")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "voila",
            str(apps_dir()),
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            "--show_tracebacks=True",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise LabkitError(f"Voila exited at start (code {proc.returncode}); see {log.name}")
        try:
            urllib.request.urlopen(url + "/voila/static/", timeout=1)
        except urllib.error.HTTPError:
            return proc, url  # it answers (404 is fine)
        except OSError:
            time.sleep(0.3)
            continue
        return proc, url
    proc.terminate()
    raise LabkitError("Voila did not start within 90 s")


def serve(
    opts: ServeOptions,
    *,
    engine: EngineOptions | None = None,
    make_stages: Callable[[str], list[Stage]] = lambda mode: [],
    make_vision: Callable[[str], object] | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Run until SIGINT/SIGTERM. Sessions left running resume on the next start."""
    store = Store(opts.db)
    secret = lab_secret(opts.db.parent)
    host = opts.host or (lan_address() if opts.lan else "127.0.0.1")
    scheme = "https" if opts.lan else "http"
    internal_port = _free_port() if opts.lan else opts.port
    internal_url = f"http://127.0.0.1:{internal_port}"
    lab = LabService(
        store=store,
        secret=secret,
        public_url=f"{scheme}://{host}:{opts.port}",
        options=engine or EngineOptions.live(),
        make_stages=make_stages,
        make_vision=make_vision,
    )
    voila = None
    if opts.voila:
        voila, lab.voila_url = _start_voila(internal_url, opts.db)
    app = make_app(lab)

    async def main() -> None:
        if os.environ.get("LABKIT_STALL_LOG"):
            _watch_stalls(Path(os.environ["LABKIT_STALL_LOG"]))
        servers = []
        if opts.lan:
            cert, key = ensure_certificate(opts.db.parent / "tls", [host, "127.0.0.1"])
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(str(cert), str(key))
            servers.append(
                app.listen(opts.port, address=host, ssl_options=ctx, max_body_size=64 << 20)
            )
        servers.append(app.listen(internal_port, address="127.0.0.1", max_body_size=64 << 20))
        resumed = lab.resume_running()
        announce(f"engine: {internal_url} (db {opts.db})")
        if resumed:
            announce(f"resumed: {' '.join(resumed)}")
        announce(f"interviewer: {lab.link('interviewer.ipynb', lab.interviewer_token())}")
        announce(
            "candidate: created per session by the interviewer page "
            "(a link that opens the candidate page only)"
        )
        sys.stdout.flush()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        for s in servers:
            s.stop()

    try:
        asyncio.run(main())
    finally:
        lab.close()  # running sessions stay 'running': the next start resumes them
        store.close()
        if voila is not None:
            voila.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                voila.wait(timeout=10)


def _watch_stalls(log: Path, threshold: float = 1.0) -> None:
    """Diagnostics: when the event loop misses its beat by ``threshold`` s, dump every thread's
    stack to ``log``. faulthandler's timer is a C thread, so it sees stalls that hold the GIL.
    Set LABKIT_STALL_LOG=path to turn it on."""
    import faulthandler

    loop = asyncio.get_running_loop()
    f = log.open("a")

    def tick() -> None:
        faulthandler.dump_traceback_later(threshold, repeat=False, file=f)
        loop.call_later(0.05, tick)

    tick()
