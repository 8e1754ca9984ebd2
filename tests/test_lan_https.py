"""`labkit serve --lan` over HTTPS on a non-loopback address, with the candidate in another netns.

The lab binds 10.77.N.1 on one end of a veth pair; the candidate's "laptop" is a network
namespace holding the other end (10.77.N.2), so every request crosses a real interface. Inside it,
tests/netns_candidate.py checks each route with the candidate token over verified TLS and opens
the candidate link in Chromium with a fake mic and camera. Needs root (network namespaces).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_live import JD_TEXT, make_live_media

from labkit.live.client import EngineClient
from labkit.media.tracks import track_duration

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HERE = Path(__file__).resolve().parent


def _sh(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True, text=True)


@pytest.fixture
def netns() -> Iterator[tuple[str, str]]:
    """(namespace, lab address): a veth pair between this namespace and a fresh one."""
    if os.geteuid() != 0:
        pytest.skip("network namespaces need root (the CI runner is root)")
    if shutil.which("ip") is None:
        pytest.fail("iproute2 is missing; run: apt-get install iproute2", pytrace=False)
    n = os.getpid() % 200 + 20
    ns, host_if, ns_if = f"lk{n}", f"lkh{n}", f"lkn{n}"
    lab_ip, cand_ip = f"10.77.{n}.1", f"10.77.{n}.2"
    subprocess.run(["ip", "netns", "del", ns], capture_output=True)
    subprocess.run(["ip", "link", "del", host_if], capture_output=True)
    try:
        _sh("ip", "netns", "add", ns)
        _sh("ip", "link", "add", host_if, "type", "veth", "peer", "name", ns_if)
        _sh("ip", "link", "set", ns_if, "netns", ns)
        _sh("ip", "addr", "add", f"{lab_ip}/24", "dev", host_if)
        _sh("ip", "link", "set", host_if, "up")
        _sh("ip", "-n", ns, "addr", "add", f"{cand_ip}/24", "dev", ns_if)
        _sh("ip", "-n", ns, "link", "set", ns_if, "up")
        _sh("ip", "-n", ns, "link", "set", "lo", "up")
    except subprocess.CalledProcessError as e:
        pytest.fail(f"could not build the test network: {e.cmd}: {e.stderr}", pytrace=False)
    try:
        yield ns, lab_ip
    finally:
        subprocess.run(["ip", "link", "del", host_if], capture_output=True)
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def _serve(db: Path, host: str, port: int) -> tuple[subprocess.Popen[str], str, str, list[str]]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "labkit.cli",
            "serve",
            "--lan",
            "--host",
            host,
            "--port",
            str(port),
            "--db",
            str(db),
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    lines: list[str] = []
    engine = link = ""
    deadline = time.time() + 240
    while time.time() < deadline and not link:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line.rstrip())
        if m := re.match(r"engine: (\S+)", line):
            engine = m.group(1)
        if m := re.match(r"interviewer: (\S+)", line):
            link = m.group(1)
    if not link:
        proc.kill()
        pytest.fail("labkit serve --lan printed no links:\n" + "\n".join(lines), pytrace=False)
    return proc, engine, link, lines


def test_candidate_captures_over_https_on_the_lan(netns: tuple[str, str], tmp_path: Path) -> None:
    ns, lab_ip = netns
    media = make_live_media(tmp_path / "media")
    db = tmp_path / "lab" / "lab.duckdb"
    db.parent.mkdir(parents=True)
    port = 8443
    proc, engine_url, interviewer_link, _ = _serve(db, lab_ip, port)
    try:
        # the printed links are HTTPS on the LAN address
        assert interviewer_link.startswith(f"https://{lab_ip}:{port}/"), interviewer_link
        itoken = re.search(r"token=([^&\s]+)", interviewer_link).group(1)  # type: ignore[union-attr]
        boss = EngineClient(engine_url, itoken)
        consent = {"audio": True, "video": True, "emotion": True}
        made = boss.create_session(title="lan", jd_text=JD_TEXT, consent=consent)
        other = boss.create_session(title="someone else", jd_text=JD_TEXT, consent=consent)
        sid, osid = made["session_id"], other["session_id"]
        assert made["candidate_url"].startswith(f"https://{lab_ip}:{port}/voila/render/")
        ctoken = re.search(r"token=([^&\s]+)", made["candidate_url"]).group(1)  # type: ignore[union-attr]
        boss.control(sid, "start")

        denied = [
            ("GET", f"/voila/render/dashboard.ipynb?session={sid}"),
            ("GET", "/voila/render/interviewer.ipynb"),
            ("GET", "/voila/render/dashboard.ipynb"),
            ("GET", "/voila/tree"),
            ("GET", "/voila/"),
            ("GET", "/api/kernels"),
            ("GET", "/api/sessions"),
            ("GET", "/api/contents"),
            ("GET", "/lab/api/sessions"),
            ("POST", "/lab/api/sessions"),
            ("GET", "/lab/api/stats"),
            ("POST", f"/lab/api/sessions/{sid}/control"),
            ("GET", f"/lab/api/sessions/{sid}/state"),
            ("GET", f"/lab/api/sessions/{sid}/frame"),
            ("GET", f"/lab/api/sessions/{sid}/report"),
            ("GET", f"/lab/api/sessions/{sid}"),
            ("DELETE", f"/lab/api/sessions/{sid}"),
            ("POST", f"/lab/api/sessions/{sid}/decision"),
            ("POST", f"/lab/api/sessions/{sid}/ingest/interviewer?t=0"),
            ("GET", f"/lab/api/sessions/{osid}/status"),
            ("GET", f"/lab/api/sessions/{osid}/report"),
            ("POST", f"/lab/api/sessions/{osid}/ingest/candidate?t=0"),
        ]
        # what the candidate page itself uses: its identity and its own session's status
        allowed = [("GET", "/lab/api/whoami"), ("GET", f"/lab/api/sessions/{sid}/status")]
        spec = {
            "base": f"https://{lab_ip}:{port}",
            "candidate_url": made["candidate_url"],
            "token": ctoken,
            "cafile": str(db.parent / "tls" / "lab.crt"),
            "routes": denied + allowed,
            "wav": str(media.candidate_wav),
            "y4m": str(media.candidate_y4m),
            "seconds": 12,
        }
        (tmp_path / "spec.json").write_text(json.dumps(spec))
        out = tmp_path / "out.json"
        run = subprocess.run(
            [
                "ip",
                "netns",
                "exec",
                ns,
                sys.executable,
                str(HERE / "netns_candidate.py"),
                str(tmp_path / "spec.json"),
                str(out),
            ],
            capture_output=True,
            text=True,
            timeout=400,
        )
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        got = json.loads(out.read_text())

        codes = got["routes"]
        for method, path in denied:
            assert codes[f"{method} {path}"] == 403, (method, path, codes[f"{method} {path}"])
        for method, path in allowed:
            assert codes[f"{method} {path}"] == 200, (method, path, codes[f"{method} {path}"])
        cap = got["capture"]
        assert cap["protocol"] == "https:" and cap["secure_context"] is True, cap
        assert cap["state"] == "capturing", cap
        assert "connected to the lab" in cap["text"], cap["text"]

        # the engine received the candidate's media from the other namespace
        counts = boss.state(sid)["live"]["counts"]
        assert counts.get("audio_candidate", 0) >= 20, counts
        assert counts.get("frames", 0) >= 10, counts
        boss.control(sid, "end")
        pcms = list(db.parent.rglob(f"{sid}/candidate.pcm"))
        assert pcms, f"no raw candidate track under {db.parent}"
        assert track_duration(pcms[0]) >= 5.0, pcms[0]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
