"""The FER trainer runs a few steps on a tiny synthetic ImageFolder and its checkpoint loads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from labkit.errors import InputError
from labkit.vision.fer_port import load_emotion_model
from labkit.vision.train import TrainOptions, train_emotion_model


def _dataset(root: Path, per_class: int = 12) -> Path:
    """Three classes told apart by a bright blob's position."""
    from PIL import Image

    rng = np.random.default_rng(0)
    for k, name in enumerate(("happy", "neutral", "sad")):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            img = rng.integers(0, 60, (48, 48), dtype=np.uint8)
            img[4 + 14 * k : 16 + 14 * k, 10:38] = 230
            Image.fromarray(img).save(root / name / f"{i}.png")
    return root


@pytest.mark.parametrize(
    ("arch", "extra"),
    [("mini_xception", {"focal_gamma": 2.0}), ("efficientnet_b0", {"input_size": 48})],
)
def test_trains_a_few_steps_and_loads(tmp_path, arch, extra):
    data = _dataset(tmp_path / "data")
    events = []
    opts = TrainOptions(arch=arch, epochs=3, batch_size=8, max_steps=6, device="cpu", **extra)
    result = train_emotion_model(
        data, tmp_path / "ckpt.pt", options=opts, hook=lambda s, p: events.append(s)
    )
    assert result.steps == 6
    assert result.labels == ("happy", "neutral", "sad")
    assert np.isfinite(result.final_loss)
    assert events.count("train.step") == 6 and "train.epoch" in events
    model = load_emotion_model(result.checkpoint)
    assert model.labels == ("happy", "neutral", "sad")
    probs = model.predict([np.zeros((48, 48), np.uint8), np.full((30, 30, 3), 200, np.uint8)])
    assert probs.shape == (2, 3)
    assert np.allclose(probs.sum(1), 1.0, atol=1e-5)


def test_rejects_a_folder_without_classes(tmp_path):
    with pytest.raises(InputError):
        train_emotion_model(tmp_path / "missing", tmp_path / "x.pt")


def test_cli_trains_and_the_vision_stage_uses_the_checkpoint(tmp_path, capsys):
    from labkit.cli import main
    from labkit.vision.stage import VisionStage

    data = _dataset(tmp_path / "faces")
    out = tmp_path / "mine.pt"
    assert (
        main(
            [
                "train-fer",
                str(data),
                str(out),
                "--arch",
                "mini_xception",
                "--max-steps",
                "2",
                "--batch-size",
                "8",
                "--epochs",
                "1",
            ]
        )
        == 0
    )
    assert "--emotion-weights" in capsys.readouterr().out and out.exists()
    stage = VisionStage(emotion=True, weights=str(out))
    assert stage.pipeline.emotion_model is not None
    assert tuple(stage.pipeline.emotion_model.labels) == ("happy", "neutral", "sad")
