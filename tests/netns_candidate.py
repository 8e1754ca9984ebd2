"""The candidate's laptop, run inside a network namespace by test_lan_https.py.

    python netns_candidate.py SPEC.json OUT.json

SPEC holds the lab's HTTPS base URL, the candidate link and token, the session id, the lab's
certificate and the fake-device media. The script checks every route with the candidate token over
verified TLS, then opens the candidate link in Chromium with fake mic and camera, consents, starts
capture and reports what the page saw. It prints nothing on success; OUT.json carries the results.
"""

from __future__ import annotations

import json
import ssl
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"


def _status(ctx: ssl.SSLContext, method: str, url: str, token: str, body: bytes | None) -> int:
    req = urllib.request.Request(
        url, data=body, method=method, headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(req, timeout=30, context=ctx) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return int(e.code)


def check_routes(spec: dict[str, Any]) -> dict[str, int]:
    # Verified TLS: the lab's certificate must name the LAN address it serves on.
    ctx = ssl.create_default_context(cafile=spec["cafile"])
    base, token = spec["base"], spec["token"]
    got: dict[str, int] = {}
    for method, path in spec["routes"]:
        body = b"{}" if method in ("POST", "PUT") else None
        got[f"{method} {path}"] = _status(ctx, method, base + path, token, body)
    return got


def capture(spec: dict[str, Any], out_dir: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={spec['wav']}",
        f"--use-file-for-fake-video-capture={spec['y4m']}",
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        # The lab's certificate is self-signed: the candidate accepts it once, as a person would.
        page = browser.new_context(
            ignore_https_errors=True, viewport={"width": 760, "height": 700}
        ).new_page()
        page.goto(spec["candidate_url"], timeout=120_000)
        page.get_by_role("button", name="I agree, join the interview").click(timeout=120_000)
        page.get_by_role("button", name="Start capture").click(timeout=30_000)
        page.locator('.labkit-capture[data-state="capturing"]').wait_for(timeout=30_000)
        page.wait_for_timeout(spec.get("seconds", 10) * 1000)
        result = {
            "secure_context": page.evaluate("window.isSecureContext"),
            "protocol": page.evaluate("location.protocol"),
            "state": page.locator(".labkit-capture").first.get_attribute("data-state"),
            "text": page.locator(".lk-app").first.inner_text(),
        }
        page.screenshot(path=str(out_dir / "candidate-lan.png"))
        browser.close()
    return result


def main() -> int:
    spec = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    result: dict[str, Any] = {"t0": time.time(), "routes": check_routes(spec)}
    result["capture"] = capture(spec, out.parent)
    out.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
