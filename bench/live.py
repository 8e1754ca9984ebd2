"""Live benchmark: a simulated interview streamed at real-time pace into `labkit serve`.

Two simulated browsers send 250 ms PCM chunks (both speakers) and, for the candidate, 320x240
JPEG frames at 10 fps (faces sample 5 of them), stamped with capture times, through the same HTTP client the Voila kernels
use. Prints per-stage latency p50/p95 against DESIGN.md's budgets, the ASR backlog over time,
and the engine process's CPU share.

    python bench/live.py --minutes 5
"""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from labkit.live.client import EngineClient
from labkit.media.decode import load_audio
from labkit.synth import mock_interview_lines, synthesize_interview

BUDGETS = {"words": 1.5, "face": 0.5, "verdict": 2.5}
FRAME_DT = 0.1  # the capture widget sends 10 frames/s; faces analyze 5 of them
FACE = Path(__file__).resolve().parents[1] / "tests" / "data" / "astronaut_face.jpg"


def frames_jpeg(n: int = 20) -> list[bytes]:
    """A face gently moving over a 320x240 background, as JPEG (what the widget sends)."""
    from PIL import Image

    face = Image.open(FACE).convert("RGB").resize((120, 120))
    out = []
    for i in range(n):
        bg = Image.new("RGB", (320, 240), (70, 80, 90))
        bg.paste(face, (100 + int(10 * np.sin(i / 3)), 60 + int(5 * np.cos(i / 4))))
        buf = io.BytesIO()
        bg.save(buf, "JPEG", quality=70)
        out.append(buf.getvalue())
    return out


def cpu_seconds(pid: int) -> float:
    parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--mode", default="standard", choices=["standard", "emotion_off"])
    ap.add_argument(
        "--chunk-ms",
        type=int,
        default=250,
        help="audio chunk length, as the capture widget's chunk_ms",
    )
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-live-"))
    si = synthesize_interview(mock_interview_lines(args.minutes), tmp / "synth")
    tracks = {r: load_audio(getattr(si, r)).samples for r in ("interviewer", "candidate")}
    jpegs = frames_jpeg()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "labkit.cli",
            "serve",
            "--no-voila",
            "--db",
            str(tmp / "lab.duckdb"),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    token = ""
    for line in proc.stdout:
        m = re.search(r"interviewer: \S+token=(\S+)", line)
        if m:
            token = m.group(1)
            break
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    boss = EngineClient(url, token)
    made = boss.create_session(
        title="bench-live",
        jd_text="Backend engineer: Python, SQL",
        consent={"audio": True, "video": True, "emotion": args.mode == "standard"},
    )
    sid = made["session_id"]
    cand = EngineClient(url, re.search(r"token=([^&\s]+)", made["candidate_url"]).group(1))
    boss.control(sid, "start")
    # people start talking once the session has started (its clock runs from before the models'
    # warm-up); stamping from its epoch would send the warm-up seconds in one burst
    epoch = time.time()
    n = max(x.size for x in tracks.values())
    step = 16 * args.chunk_ms
    chunk_s = step / 16000
    cpu0, wall0 = cpu_seconds(proc.pid), time.time()
    backlog: list[tuple[float, float]] = []
    print(f"streaming {n / 16000:.0f} s at real-time pace (session {sid}) ...", flush=True)
    i_frame = 0
    for i in range(0, n // step + 1):
        t_chunk = i * step / 16000
        while time.time() < epoch + t_chunk + chunk_s:  # a chunk leaves when complete
            time.sleep(0.005)
        for role, x in tracks.items():
            chunk = x[i * step : (i + 1) * step]
            if chunk.size:
                client = boss if role == "interviewer" else cand
                client.send_audio(
                    sid,
                    role,
                    (chunk * 32767).astype("<i2").tobytes(),
                    t_capture=epoch + t_chunk,
                    seq=i,
                )
        while i_frame * FRAME_DT <= t_chunk + chunk_s:
            cand.send_frame(
                sid, jpegs[i_frame % len(jpegs)], t_capture=epoch + i_frame * FRAME_DT, seq=i_frame
            )
            i_frame += 1
        if i % max(1, 5000 // args.chunk_ms) == 0:
            t_state = time.time()
            st = boss.state(sid).get("live", {})
            if os.environ.get("LABKIT_BENCH_TRACE"):
                print(
                    f"t={t_chunk:6.1f} late={time.time() - epoch - t_chunk - chunk_s:6.2f} "
                    f"state={time.time() - t_state:5.2f}s queued={boss.backlog}+{cand.backlog}",
                    flush=True,
                )
            if st.get("backlog"):
                backlog.append(st["backlog"][-1])
    cpu1, wall1 = cpu_seconds(proc.pid), time.time()
    live = boss.state(sid)["live"]
    end = boss.control(sid, "end")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    print(
        f"\nsession {n / 16000:.0f} s, engine CPU share {(cpu1 - cpu0) / (wall1 - wall0):.2f} "
        f"cores of {os.cpu_count()} (process time / wall time)"
    )
    print(f"{'stage':<14} {'n':>5} {'p50 s':>7} {'p95 s':>7} {'max s':>7}  budget")
    for stage, v in live["latency"].items():
        budget = BUDGETS.get(stage)
        ok = (
            ""
            if budget is None or v["p95"] is None
            else (f"<= {budget} s: {'PASS' if v['p95'] <= budget else 'FAIL'}")
        )
        print(
            f"{stage:<14} {v['n']:>5} {v['p50'] or 0:>7.3f} {v['p95'] or 0:>7.3f} "
            f"{v['max'] or 0:>7.3f}  {ok}"
        )
    print(f"ASR calls: {live.get('asr')}")
    print(f"worst word latencies (s): {[round(x, 2) for x in live.get('words_worst', [])]}")
    if backlog:
        lags = [b for _, b in backlog]
        third = max(1, len(lags) // 3)
        print(
            f"ASR backlog (s of audio not yet read): first third mean "
            f"{np.mean(lags[:third]):.2f}, last third mean {np.mean(lags[-third:]):.2f}, "
            f"max {max(lags):.2f}  -> {'no growth' if np.mean(lags[-third:]) <= np.mean(lags[:third]) + 0.5 else 'GROWING'}"
        )
        print("backlog samples (t, s):", " ".join(f"{t:.0f}:{b:.1f}" for t, b in backlog[::3]))
    print(f"frames dropped by vision: {live['frames_dropped']}; counts {live['counts']}")
    print(f"final verdict: {end.get('final_verdict')}")
    # what the live path heard, against the script (the server has exited: the file is free)
    from labkit.speech.metrics import wer
    from labkit.store import Store

    with Store(tmp / "lab.duckdb", read_only=True) as store:
        for role in ("interviewer", "candidate"):
            ref = " ".join(ln.text for ln in si.lines if ln.speaker == role)
            hyp = " ".join(w.text for w in store.words(sid, role))
            print(f"live WER {role}: {wer(ref, hyp):.1%}")


if __name__ == "__main__":
    main()
