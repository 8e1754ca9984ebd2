"""Face stage: MTCNN on a real (public-domain) face, candidate choice, pose, movement, video."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from labkit.errors import InputError, MediaError
from labkit.vision import faces, video
from labkit.vision.faces import FaceOptions, analyze_frames, head_pose, pick_candidate

FACE_JPG = Path(__file__).parent / "data" / "astronaut_face.jpg"  # NASA photo, public domain


@pytest.fixture(scope="module")
def face() -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(FACE_JPG).convert("RGB"))


def _canvas(face: np.ndarray, x: int, y: int, size=(480, 640)) -> np.ndarray:
    img = np.full((*size, 3), 200, np.uint8)
    h, w = face.shape[:2]
    img[y : y + h, x : x + w] = face
    return img


# A generic face (x right, y down, z away from camera), as in faces.py's geometry.
_F3 = np.array(
    [[-31.8, -36.5, 28.0], [31.8, -36.5, 28.0], [0, 0, 0], [-26.5, 37.3, 20.0], [26.5, 37.3, 20.0]]
)


def _project(yaw: float, pitch: float, roll: float) -> np.ndarray:
    y, p, r = (math.radians(a) for a in (yaw, pitch, roll))
    rx = np.array([[1, 0, 0], [0, math.cos(p), -math.sin(p)], [0, math.sin(p), math.cos(p)]])
    ry = np.array([[math.cos(y), 0, math.sin(y)], [0, 1, 0], [-math.sin(y), 0, math.cos(y)]])
    rz = np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])
    return (rz @ ry @ rx @ _F3.T).T[:, :2] * 1.5 + [320, 240]


def test_head_pose_recovers_single_axis_rotations():
    assert head_pose(_project(0, 0, 0)).yaw == pytest.approx(0, abs=1e-6)
    # the model's Ry(-20) turns the nose to image right: labkit's yaw +20
    assert head_pose(_project(-20, 0, 0)).yaw == pytest.approx(20, abs=0.5)
    assert head_pose(_project(0, -15, 0)).pitch == pytest.approx(15, abs=0.5)  # nose up
    assert head_pose(_project(0, 10, 0)).pitch == pytest.approx(-10, abs=0.5)
    assert head_pose(_project(0, 0, 12)).roll == pytest.approx(12, abs=0.5)


def test_gaze_proxy_grows_with_rotation():
    small = faces.gaze_off_centre(faces.HeadPose(5, 0, 0))
    big = faces.gaze_off_centre(faces.HeadPose(25, 10, 0))
    assert 0 <= small < big <= 1
    assert faces.gaze_off_centre(faces.HeadPose(80, 0, 0)) == 1.0


def test_landmark_speed_in_interocular_distances_per_second():
    lm = _project(0, 0, 0)
    iod = lm[1, 0] - lm[0, 0]
    assert faces.landmark_speed(lm, lm + np.array([iod, 0.0]), 0.5) == pytest.approx(2.0)
    with pytest.raises(InputError):
        faces.landmark_speed(lm, lm, 0.0)


def test_pick_candidate_prefers_track_then_size_and_centre():
    boxes = np.array([[10, 10, 60, 60], [250, 170, 390, 310]], np.float32)
    assert pick_candidate(boxes, frame_size=(640, 480)) == 1  # big and central
    assert pick_candidate(boxes, frame_size=(640, 480), previous=np.array([12, 12, 62, 62])) == 0
    assert pick_candidate(np.zeros((0, 4)), frame_size=(640, 480)) is None


def test_mtcnn_finds_the_face_with_landmarks_and_pose(face):
    frames = [(0.0, _canvas(face, 256, 176)), (0.2, _canvas(face, 262, 176))]
    out = analyze_frames(frames, options=FaceOptions())
    assert [f.face_present for f in out] == [True, True]
    x1, y1, x2, y2 = out[0].box
    assert 256 < (x1 + x2) / 2 < 256 + 128 and 176 < (y1 + y2) / 2 < 176 + 128
    assert len(out[0].landmarks) == 5
    assert abs(out[0].yaw) < 15 and abs(out[0].roll) < 15
    assert out[0].movement is None
    # moved 6 px in 0.2 s: about 30 px/s over a ~30 px eye distance
    assert 0.3 < out[1].movement < 3.0
    assert out[0].emotions is None  # no emotion model given


def test_no_face_in_blank_and_noise_frames():
    rng = np.random.default_rng(0)
    frames = [(0.0, np.full((240, 320, 3), 128, np.uint8)),
              (0.2, rng.integers(0, 256, (240, 320, 3), dtype=np.uint8))]  # fmt: skip
    out = analyze_frames(frames)
    assert [f.face_present for f in out] == [False, False]
    assert out[0].box is None and out[0].yaw is None


def test_candidate_kept_when_a_second_face_appears(face):
    from PIL import Image

    small = np.asarray(Image.fromarray(face).resize((100, 100)))
    first = _canvas(face, 40, 40)
    both = first.copy()
    both[300:400, 420:520] = small  # a second, smaller face elsewhere
    out = analyze_frames([(0.0, first), (0.2, both)])
    assert out[1].face_present
    assert out[1].box[0] < 200  # still the candidate's face on the left


def test_emotion_off_never_calls_the_model(face):
    class Spy:
        labels = ("happy",)
        calls = 0

        def predict(self, crops):
            Spy.calls += 1
            return np.ones((len(crops), 1), np.float32)

    frames = [(0.0, _canvas(face, 200, 150))]
    off = analyze_frames(frames, options=FaceOptions(emotion=False), emotion_model=Spy())
    assert Spy.calls == 0 and off[0].face_present and off[0].emotions is None
    on = analyze_frames(frames, emotion_model=Spy())
    assert Spy.calls == 1 and on[0].emotions == {"happy": 1.0}


def test_hook_sees_each_batch(face):
    seen = []
    frames = [(i * 0.2, _canvas(face, 200, 150)) for i in range(5)]
    analyze_frames(
        frames, options=FaceOptions(batch_size=2), hook=lambda s, p: seen.append((s, len(p)))
    )
    assert seen == [("faces.batch", 2), ("faces.batch", 2), ("faces.batch", 1)]


def test_rejects_non_rgb_frames():
    with pytest.raises(InputError):
        analyze_frames([(0.0, np.zeros((10, 10), np.uint8))])


def _write_video(path: Path, face: np.ndarray, n: int = 30, fps: int = 15) -> None:
    import av

    with av.open(str(path), "w") as c:
        s = c.add_stream("mpeg4", rate=fps)
        s.width, s.height, s.pix_fmt = 320, 240, "yuv420p"
        for i in range(n):
            img = np.full((240, 320, 3), 90, np.uint8)
            img[40:168, 60 + i : 188 + i] = face
            for pkt in s.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                c.mux(pkt)
        for pkt in s.encode():
            c.mux(pkt)


def test_video_sampling_and_faces_end_to_end(tmp_path, face):
    path = tmp_path / "clip.mp4"
    _write_video(path, face)
    info = video.probe_video(path)
    assert (info.width, info.height) == (320, 240)
    assert info.fps == pytest.approx(15, rel=0.01)
    frames = list(video.sample_frames(path, fps=5.0, max_side=160))
    ts = [t for t, _ in frames]
    assert len(frames) == 10
    assert np.allclose(np.diff(ts), 0.2, atol=0.04)
    assert frames[0][1].shape == (120, 160, 3)
    out = analyze_frames(video.sample_frames(path, fps=5.0))
    assert all(f.face_present for f in out)


def test_video_errors(tmp_path):
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"not a video")
    with pytest.raises(MediaError):
        list(video.sample_frames(bad))
    with pytest.raises(MediaError):
        video.probe_video(tmp_path / "missing.mp4")


def test_decode_jpeg_roundtrip(face):
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(_canvas(face, 0, 0)).save(buf, format="JPEG")
    img = video.decode_jpeg(buf.getvalue())
    assert img.shape == (480, 640, 3) and img.dtype == np.uint8
    assert video.decode_jpeg(buf.getvalue(), max_side=320).shape == (240, 320, 3)
    with pytest.raises(MediaError):
        video.decode_jpeg(b"\xff\xd8garbage")


def test_vision_stage_samples_a_fast_camera_to_its_fps(face, tmp_path):
    """The widget sends 10 frames/s so the interviewer sees smooth video; faces analyze 5/s.
    Frames already at 5 fps (the file feed's sampler) are all kept, with half a 30 fps frame of jitter."""
    from labkit.store import Store
    from labkit.vision.stage import VisionStage

    img = _canvas(face, 250, 150)
    stage = VisionStage(emotion=False)
    with Store(tmp_path / "lab.duckdb") as store:
        sid = store.create_session()
        rows = stage(store, sid, [(i / 10, img) for i in range(20)])
        assert [r.t for r in rows] == pytest.approx([i / 5 for i in range(10)])
        assert all(r.face_present for r in rows)
        assert len(store.face_frames(sid)) == 10  # one stored row per analyzed frame
    other = VisionStage(emotion=False)
    jittered = [(i / 5 + (0.017 if i % 2 else -0.017), img) for i in range(1, 11)]
    assert len(other.sample(jittered)) == 10
