"""End to end: `labkit serve`, two real Chromium browsers with fake mic/camera, a live interview.

The interviewer's browser plays interviewer.wav as its microphone; the candidate's browser plays
candidate.wav and a Y4M of a real (moving) face as its camera. Chromium takes the fake-capture
files per launch, so each role gets its own browser. Screenshots go under tmp_path, and also to
bench/out/screenshots/ when LABKIT_SCREENSHOTS is set.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from fixtures_live import JD_TEXT, make_live_media

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
RUN_SECONDS = float(os.environ.get("LABKIT_E2E_SECONDS", "50"))
REPO = Path(__file__).resolve().parents[1]


def _chromium_args(wav: Path, y4m: Path | None = None) -> list[str]:
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--ignore-certificate-errors",
        "--autoplay-policy=no-user-gesture-required",
        f"--use-file-for-fake-audio-capture={wav}",
    ]
    if y4m is not None:
        args.append(f"--use-file-for-fake-video-capture={y4m}")
    return args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """`labkit serve` in a subprocess; collects its output and the links it prints."""

    def __init__(self, db: Path, port: int, log: Path) -> None:
        exe = Path(sys.executable).with_name("labkit")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "labkit.cli"]
        self.log = log
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [*cmd, "serve", "--db", str(db), "--port", str(port), "--quiet"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        with self.log.open("w") as f:
            for line in self.proc.stdout:
                self.lines.append(line.rstrip())
                f.write(line)
                f.flush()

    def link(self, role: str, timeout: float = 240.0) -> str:
        end = time.time() + timeout
        pat = re.compile(rf"^{role}:\s*(https?://\S+)")
        while time.time() < end:
            for ln in self.lines:
                m = pat.match(ln.strip())
                if m:
                    return m.group(1)
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        tail = "\n".join(self.lines[-30:])
        pytest.fail(
            f"`labkit serve` printed no '{role}: URL' line (exit code {self.proc.poll()}); "
            f"output:\n{tail}",
            pytrace=False,
        )

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def _http_status(url: str, token: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return int(e.code)


class Shots:
    def __init__(self, tmp_path: Path) -> None:
        self.dir = tmp_path / "screenshots"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.copy_to = (
            REPO / "bench" / "out" / "screenshots" if os.environ.get("LABKIT_SCREENSHOTS") else None
        )

    def take(self, page, name: str) -> Path:
        """A page, or one element (a Locator): Voila scrolls inside its own container, so a
        full-page shot shows only the viewport."""
        path = self.dir / f"{name}.png"
        if hasattr(page, "scroll_into_view_if_needed"):
            page.scroll_into_view_if_needed()
            page.screenshot(path=str(path))
        else:
            page.screenshot(path=str(path), full_page=True)
        if self.copy_to is not None:
            self.copy_to.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, self.copy_to / path.name)
        return path


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; run: apt-get install chromium", pytrace=False)
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.fail("playwright is missing; run: pip install playwright", pytrace=False)


def _drive(pi, pc, interviewer_url: str, shots: Shots) -> tuple[str, str, str, str]:
    """Both roles through one interview; returns (session id, script, final, candidate texts)."""
    # -- the interviewer sets up the session ----------------------------------------
    pi.goto(interviewer_url, timeout=120_000)
    pi.get_by_role("button", name="Create session").wait_for(timeout=120_000)
    pi.get_by_placeholder("e.g. Backend engineer, round 1").fill("Backend engineer (e2e)")
    pi.get_by_placeholder("Paste the job description here").fill(JD_TEXT)
    for label in ("Audio", "Video", "Facial emotion analysis"):
        box = pi.get_by_role("checkbox", name=re.compile(label))
        if not box.is_checked():
            box.check()
    pi.get_by_role("button", name="Create session").click()
    link = pi.locator("a.lk-candidate-link")
    link.wait_for(timeout=60_000)
    candidate_url = link.get_attribute("href") or ""
    sid = pi.locator(".lk-app code").first.inner_text().strip()
    assert candidate_url.startswith("http") and sid
    shots.take(pi, "01-interviewer-created")

    # -- the candidate link opens the candidate page and nothing else ---------------
    parsed = urlparse(candidate_url)
    base = f"{parsed.scheme}://{parsed.netloc}"
    cand_token = parse_qs(parsed.query)["token"][0]
    for path in (
        f"/voila/render/dashboard.ipynb?token={cand_token}&session={sid}",
        f"/voila/render/interviewer.ipynb?token={cand_token}",
    ):
        assert _http_status(base + path) == 403, path
    for path in (
        f"/lab/api/sessions/{sid}/state",
        f"/lab/api/sessions/{sid}/frame",
        "/lab/api/sessions",
    ):
        assert _http_status(base + path, cand_token) == 403, path

    pc.goto(candidate_url, timeout=120_000)
    pc.get_by_role("button", name="I agree, join the interview").click(timeout=120_000)
    start_capture = pc.get_by_role("button", name="Start capture")
    start_capture.wait_for(timeout=30_000)
    shots.take(pc, "02-candidate-consented")

    # -- go: interview Start (the engine may load models first) also starts the interviewer's
    # microphone; the candidate starts right after, so the two looped WAVs stay in step
    pi.get_by_role("button", name="Start", exact=True).click()
    pi.get_by_role("button", name="Started").wait_for(timeout=240_000)
    pi.locator('.labkit-capture[data-state="capturing"]').wait_for(timeout=20_000)
    start_capture.click()
    pc.locator('.labkit-capture[data-state="capturing"]').wait_for(timeout=30_000)

    t_run = time.time()
    pi.wait_for_timeout(RUN_SECONDS * 1000 / 2)
    fps = _shown_fps(pi, seconds=4.0)
    print(f"candidate video on the interviewer's page: {fps:.1f} frames/s")
    (shots.dir / "video_fps.txt").write_text(f"{fps:.2f}\n")
    assert fps >= 2.0, fps  # moving pictures, not a still (the rate itself: see BENCHMARKS.md)
    shots.take(pi, "03-interviewer-live")
    shots.take(pc, "04-candidate-live")
    pi.wait_for_timeout(max(0.0, RUN_SECONDS - (time.time() - t_run)) * 1000)
    # the engine may still be transcribing the last answer: give the view time to show it
    pi.locator(".lk-turn").first.wait_for(timeout=60_000)
    pi.locator(".lk-verdict").first.wait_for(timeout=90_000)
    assert pi.locator("img").count() >= 1
    shots.take(pi, "05-interviewer-before-end")

    pi.get_by_role("button", name="End interview").click()
    pi.locator(".lk-final").wait_for(timeout=330_000)
    pi.locator(".lk-dashboard-link").wait_for(timeout=10_000)
    shots.take(pi, "06-interviewer-ended")
    # the candidate page notices the end on its next status poll and switches capture off
    pc.get_by_text("the interview has ended").wait_for(timeout=20_000)
    pc.locator('.labkit-capture[data-state="stopped"]').wait_for(timeout=20_000)
    shots.take(pc, "07-candidate-ended")
    shots.take(pi.locator(".lk-script"), "08-interviewer-script")
    shots.take(pi.locator(".lk-final"), "09-interviewer-final")

    script_text = pi.locator(".lk-script").inner_text()
    final_text = pi.locator(".lk-final").inner_text()
    cand_text = pc.locator(".lk-app").first.inner_text()
    return sid, script_text, final_text, cand_text


def _shown_fps(page: Any, *, seconds: float) -> float:
    """Distinct candidate pictures per second on the interviewer's page (img src changes)."""
    n = page.evaluate(
        """(ms) => new Promise((done) => {
            const img = document.querySelector("img.lk-video");
            if (!img) { done(0); return; }
            let n = 0;
            const obs = new MutationObserver(() => { n += 1; });
            obs.observe(img, { attributes: true, attributeFilter: ["src"] });
            setTimeout(() => { obs.disconnect(); done(n); }, ms);
        })""",
        int(seconds * 1000),
    )
    return float(n) / seconds


def test_live_interview_in_two_browsers(tmp_path: Path) -> None:
    _need_browser()
    from playwright.sync_api import sync_playwright

    media = make_live_media(tmp_path / "media")
    db = tmp_path / "lab" / "lab.duckdb"
    db.parent.mkdir(parents=True)
    port = _free_port()
    served = Served(db, port, tmp_path / "serve.log")
    shots = Shots(tmp_path)
    logs: list[str] = []
    try:
        interviewer_url = served.link("interviewer")
        with sync_playwright() as p:
            b_int = p.chromium.launch(
                executable_path=CHROMIUM, args=_chromium_args(media.interviewer_wav)
            )
            b_cand = p.chromium.launch(
                executable_path=CHROMIUM,
                args=_chromium_args(media.candidate_wav, media.candidate_y4m),
            )
            pi = b_int.new_context(viewport={"width": 1100, "height": 1300}).new_page()
            pc = b_cand.new_context(viewport={"width": 760, "height": 700}).new_page()
            for tag, page in (("interviewer", pi), ("candidate", pc)):
                page.on("pageerror", lambda e, tag=tag: logs.append(f"[{tag}] pageerror: {e}"))
            try:
                texts = _drive(pi, pc, interviewer_url, shots)
            except Exception:
                for tag, page in (("interviewer", pi), ("candidate", pc)):
                    with contextlib.suppress(Exception):
                        shots.take(page, f"fail-{tag}")
                voila_log = db.parent / "voila.log"
                tail = voila_log.read_text()[-3000:] if voila_log.exists() else ""
                print(
                    f"screenshots: {shots.dir}\nvoila.log tail:\n{tail}\nserve:\n"
                    + "\n".join(served.lines[-20:])
                )
                raise
            b_int.close()
            b_cand.close()
    finally:
        served.stop()
    sid, script_text, final_text, cand_text = texts

    assert not [ln for ln in logs if "pageerror" in ln], logs
    assert "Interviewer" in script_text and "Candidate" in script_text, script_text
    assert "hire probability" in final_text.lower(), final_text
    # the candidate page shows capture and connection status only
    assert "connected to the lab" in cand_text and "Verdict" not in cand_text, cand_text

    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:

        def count(sql: str) -> int:
            return int(con.execute(sql, [sid]).fetchone()[0])

        words = dict(
            con.execute(
                "SELECT speaker, count(*) FROM words WHERE session_id = ? GROUP BY speaker", [sid]
            ).fetchall()
        )
        assert words.get("interviewer", 0) >= 10 and words.get("candidate", 0) >= 10, words
        assert count("SELECT count(*) FROM qa_pairs WHERE session_id = ?") >= 1
        faces = count("SELECT count(*) FROM face_frames WHERE session_id = ?")
        assert faces >= 20, faces
        assert count("SELECT count(*) FROM face_frames WHERE session_id = ? AND face_present") >= 10
        assert count("SELECT count(*) FROM verdicts WHERE session_id = ?") >= 1
        assert count("SELECT count(*) FROM verdicts WHERE session_id = ? AND is_final") == 1
    finally:
        con.close()
