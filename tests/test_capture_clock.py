"""Clock sync, kernel relay, capture widget wiring and the live apps, with a fake engine client."""

from __future__ import annotations

import numpy as np
import pytest
from fixtures_live import FakeEngineClient, face_frames, write_y4m

from labkit.capture import ClockOptions, ClockSync, Relay
from labkit.errors import LabkitError


class FakeTime:
    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


# ---- clock ---------------------------------------------------------------------------------
def test_clock_recovers_offset_despite_asymmetric_delays() -> None:
    rng = np.random.default_rng(1)
    now = FakeTime()
    clock = ClockSync(now=now)
    true_offset_ms = 1234.5  # browser clock is ahead of the server's
    assert clock.to_server(5.0) is None and not clock.synced
    for _ in range(30):
        up = 0.002 + rng.exponential(0.02)  # kernel -> browser (s); heavy-tailed queueing
        down = 0.002 + rng.exponential(0.02)
        msg = clock.ping()
        now.t += up
        t_client = now.t * 1000 + true_offset_ms
        now.t += down
        clock.pong(msg["id"], t_client)
        now.t += 1.0
    assert clock.synced and clock.n_samples == 30
    assert abs(clock.offset_ms - true_offset_ms) < 6.0
    # a naive mean over all samples is worse than the lowest-RTT median
    t_browser = 1_700_000_500_000.0
    assert clock.to_server(t_browser) == pytest.approx((t_browser - clock.offset_ms) / 1000)


def test_clock_ignores_unknown_pongs_and_forgets_lost_pings() -> None:
    clock = ClockSync(options=ClockOptions(max_pending=3), now=FakeTime())
    ids = [clock.ping()["id"] for _ in range(5)]
    assert clock.pong(ids[0], 0.0) is None  # forgotten: more than max_pending outstanding
    assert clock.pong(999, 0.0) is None
    assert clock.pong(ids[-1], 0.0) == 0.0
    assert clock.synced


def test_clock_window_follows_a_changed_offset() -> None:
    now = FakeTime()
    clock = ClockSync(options=ClockOptions(window=10), now=now)
    for off in [100.0] * 10 + [250.0] * 10:
        clock.add_sample(
            t_send=now.t, t_recv=now.t + 0.01, t_client_ms=(now.t + 0.005) * 1000 + off
        )
        now.t += 1
    assert clock.offset_ms == pytest.approx(250.0, abs=0.01)


# ---- relay ---------------------------------------------------------------------------------
def _audio(seq: int, t_ms: float, *, n: int = 4000, t_send_ms: float | None = None) -> tuple:
    msg = {
        "kind": "audio",
        "role": "candidate",
        "seq": seq,
        "sr": 16000,
        "n": n,
        "t_capture_ms": t_ms,
        "t_send_ms": t_send_ms if t_send_ms is not None else t_ms + 260,
    }
    return msg, [memoryview(np.zeros(n, "<i2").tobytes())]


def test_relay_stamps_counts_gaps_and_forwards() -> None:
    now = FakeTime()
    client = FakeEngineClient()
    relay = Relay(client, role="candidate", session_id="s1", now=now)
    relay.clock.add_sample(
        t_send=now.t, t_recv=now.t + 0.01, t_client_ms=(now.t + 0.005) * 1000 + 500
    )
    base_ms = now.t * 1000 + 500  # browser time of "now"
    for seq in (0, 1, 3, 4, 2):  # 2 arrives late
        now.t += 0.25
        relay.handle(*_audio(seq, base_ms + seq * 250))
    frame = {"kind": "frame", "seq": 7, "t_capture_ms": base_ms + 100, "t_send_ms": base_ms + 150}
    relay.handle(frame, [b"\xff\xd8jpeg"])
    st = relay.stats()
    assert st.audio_chunks == 5 and st.frames == 1
    assert st.audio_missing == 1 and st.out_of_order == 1
    assert len(client.audio) == 5 and len(client.frames) == 1
    sid, role, nbytes, t_capture, seq, _ = client.audio[0]
    assert (sid, role, nbytes, seq) == ("s1", "candidate", 8000, 0)
    assert t_capture == pytest.approx(base_ms / 1000 - 0.5, abs=1e-3)  # browser ahead by 500 ms
    assert client.frames[0][1] == b"\xff\xd8jpeg"
    assert st.clock_synced and st.send_errors == 0


def test_relay_without_clock_uses_browser_age_and_never_stamps_the_future() -> None:
    now = FakeTime()
    relay = Relay(FakeEngineClient(), role="interviewer", session_id="s1", now=now)
    msg, _buf = _audio(0, 1000.0, t_send_ms=1300.0)  # browser clock unrelated to the server's
    assert relay.capture_time(msg, now.t) == pytest.approx(now.t - 0.3)
    relay.clock.add_sample(t_send=now.t, t_recv=now.t, t_client_ms=now.t * 1000 - 60_000)
    future = {"t_capture_ms": now.t * 1000}  # one minute ahead once mapped
    assert relay.capture_time(future, now.t) <= now.t + 0.05


def test_relay_survives_missing_session_bad_messages_and_client_errors() -> None:
    client = FakeEngineClient()
    relay = Relay(client, role="candidate", now=FakeTime())
    relay.handle(*_audio(0, 0.0))
    assert relay.stats().dropped_no_session == 1 and not client.audio
    relay.session_id = "s1"
    relay.handle({"kind": "audio", "t_capture_ms": 0.0}, [b"xx"])  # no seq
    relay.handle({"kind": "pong"}, [])
    client.fail_sends = True
    relay.handle(*_audio(1, 0.0))
    st = relay.stats()
    assert st.send_errors == 2 and "queue full" in (st.last_error or "")
    assert st.audio_chunks == 2


# ---- widget --------------------------------------------------------------------------------
def test_capture_widget_routes_messages() -> None:
    from labkit.capture import CaptureWidget

    client = FakeEngineClient()
    w = CaptureWidget(role="candidate", video=True, client=client, session_id="s9")
    assert w.video and w.audio and w.state == "idle"
    assert "export default" in str(w._esm) and "getUserMedia" in str(w._esm)
    sent: list[dict] = []
    w.send = lambda msg, buffers=None: sent.append(msg)  # no browser: catch what goes out
    w.ping()
    assert sent[-1]["kind"] == "ping"
    w._on_msg(w, {"kind": "pong", "id": sent[-1]["id"], "t_client_ms": 1.0}, [])
    assert w.clock.synced
    w._on_msg(w, *_audio(0, 0.0))
    w._on_msg(w, {"kind": "error", "name": "NotAllowedError", "error": "denied"}, [])
    assert len(client.audio) == 1 and client.audio[0][0] == "s9"
    assert w.events[-1]["name"] == "NotAllowedError"
    assert w.stats()["audio_chunks"] == 1
    with pytest.raises(LabkitError):
        CaptureWidget(role="observer")


def test_capture_js_handles_denied_and_missing_devices() -> None:
    from pathlib import Path

    import labkit.capture

    js = (Path(labkit.capture.__file__).parent / "capture.js").read_text()
    for name in (
        "NotAllowedError",
        "NotFoundError",
        "enumerateDevices",
        "sessionStorage",
        "requestVideoFrameCallback",
        "location.reload",
    ):
        assert name in js


# ---- fixtures ------------------------------------------------------------------------------
def test_y4m_writer_layout(tmp_path) -> None:
    frames = face_frames(3)
    path = write_y4m(tmp_path / "v.y4m", frames, fps=10)
    data = path.read_bytes()
    header = b"YUV4MPEG2 W320 H240 F10:1 Ip A1:1 C420jpeg\n"
    assert data.startswith(header)
    frame_bytes = len(b"FRAME\n") + 320 * 240 * 3 // 2
    assert len(data) == len(header) + 3 * frame_bytes
    assert not np.array_equal(frames[0], frames[1])  # the face moves


# ---- apps ----------------------------------------------------------------------------------
def test_renderers_escape_text_and_draw_the_band() -> None:
    from labkit.apps.interview import profile_html, script_html, verdict_html

    st = FakeEngineClient().state("s1")
    st["turns"][1]["text"] = "<script>alert(1)</script>"
    st["words"] = [{"speaker": "candidate", "t_start": 99.0, "t_end": 99.3, "text": "pending"}]
    out = script_html(st)
    assert "&lt;script&gt;" in out and "<script>" not in out
    assert "pending" in out and "Interviewer" in out
    v = verdict_html({"hire_probability": 0.6, "low": 0.4, "high": 0.8, "risk_flags": ["x"]})
    assert "left:40.0%;width:40.0%" in v and "60%" in v and "x" in v
    assert "No verdict" in verdict_html(None)
    stored = verdict_html(
        {"hire_probability": 0.5, "label_probs": '{"yes": 0.5}', "risk_flags": '["evasive"]'}
    )
    assert "yes 50%" in stored and "evasive" in stored
    assert "0.70 ± 0.15" in profile_html(st["profile"])


def test_interviewer_app_flow_with_fake_client() -> None:
    from labkit.apps.interview import InterviewerApp

    client = FakeEngineClient()
    app = InterviewerApp(client)
    try:
        app.jd.value = "Python engineer"
        app.consent["emotion"].value = False
        app._create()
        create = client.controls[0]
        assert create[0] == "create" and create[2] == "Python engineer"
        assert create[3] == "emotion_off" and create[4] == {
            "audio": True,
            "video": True,
            "emotion": False,
        }
        assert "cand-s1" in app.links_html.value
        assert app.capture.relay.session_id == app.session_id == "s1"
        app._start()
        app.profiling.value = False
        app._pool.shutdown(wait=True)  # let the queued profiling action run
        assert ("profiling", "s1", {"on": False}) in client.controls
        app._refresh_state()
        assert "last job" in app.script.value and "60%" in app.verdict.value
        app._end()
        assert "Final verdict" in app.final_html.value and "dashboard/s1" in app.final_html.value
    finally:
        app.close()


def test_candidate_app_consent_then_capture() -> None:
    from labkit.apps.interview import CandidateApp

    client = FakeEngineClient(role="candidate", session_id="s1")
    client.consent = {"audio": True, "video": False, "emotion": False}
    app = CandidateApp(client)
    try:
        assert app.video_cb.disabled and not app.video_cb.value  # interviewer did not ask
        app.agree()
        assert app.capture is not None and app.capture.audio and not app.capture.video
        assert app.capture.relay.session_id == "s1"
        assert "connected" in app.status.value
        sent: list[dict] = []
        app.capture.send = lambda msg, buffers=None: sent.append(msg)
        app.capture.state = "capturing"
        app._last_status = {"reachable": True, "session_status": "complete"}
        app._render_status()
        assert "has ended" in app.status.value
        assert sent == [{"kind": "command", "action": "stop"}]
    finally:
        app.close()
    declined = CandidateApp(client)
    declined.decline()
    assert declined.capture is None
    assert "nothing is recorded" in declined.consent_box.children[0].value


def test_vision_takes_fresh_frames_and_always_the_newest() -> None:
    from labkit.live.session import fresh_frames

    batch = [(t, b"") for t in (9.0, 9.5, 9.8, 9.9)]
    assert [t for t, _ in fresh_frames(batch, now=10.0, max_age=0.3)] == [9.8, 9.9]
    # all stale (a slow machine): the newest is still analyzed, the rest skipped
    assert [t for t, _ in fresh_frames(batch, now=12.0, max_age=0.3)] == [9.9]
    assert fresh_frames([], now=1.0, max_age=0.3) == []
