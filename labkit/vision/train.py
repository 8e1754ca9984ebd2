"""Train your own facial-emotion model on a labelled face dataset (ImageFolder layout).

``data_dir/<class>/*.png|jpg`` with class names such as fer's seven (angry, disgust, fear, happy,
sad, surprise, neutral). Seed 002's recipe: timm EfficientNet-B0/B2 (or fer's mini-Xception),
MixUp, label smoothing 0.1, OneCycleLR, optional focal loss, class-balanced sampling. Weights
start random: timm's pretrained weights come from a hub, which labkit never uses.

The checkpoint (``CHECKPOINT_FORMAT``) loads with ``fer_port.load_emotion_model`` in place of
the default model.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from labkit.errors import InputError, ModelMissingError
from labkit.vision.fer_port import CHECKPOINT_FORMAT, build_classifier

__all__ = ["TrainOptions", "TrainResult", "train_emotion_model"]

Hook = Callable[[str, Any], None] | None


@dataclass(frozen=True, slots=True)
class TrainOptions:
    arch: str = "efficientnet_b0"  # "efficientnet_b0", "efficientnet_b2", "mini_xception", ...
    input_size: int | None = None  # None: 64 for mini_xception, 112 for timm models
    epochs: int = 30
    batch_size: int = 64
    max_lr: float = 3e-3  # OneCycleLR peak
    weight_decay: float = 1e-4
    mixup_alpha: float = 0.2  # 0 turns MixUp off
    label_smoothing: float = 0.1
    focal_gamma: float = 0.0  # > 0: focal loss with this gamma
    balanced_sampling: bool = True  # sample classes equally often
    dropout: float = 0.5
    val_fraction: float = 0.1
    max_steps: int | None = None  # stop after this many optimiser steps (smoke tests)
    seed: int = 0
    device: str | None = None  # None: "cuda" when available, else "cpu"
    num_workers: int = 0


@dataclass(frozen=True, slots=True)
class TrainResult:
    checkpoint: Path
    labels: tuple[str, ...]
    steps: int
    final_loss: float
    val_accuracy: float | None
    history: tuple[float, ...]  # mean training loss per epoch


def _import_torch() -> Any:
    try:
        import torch
        import torchvision  # noqa: F401
    except ImportError as exc:
        raise ModelMissingError(
            "training needs torch + torchvision: pip install 'labkit[vision,train]'"
        ) from exc
    return torch


def _loss(logits: Any, target: Any, *, smoothing: float, gamma: float) -> Any:
    """Cross-entropy on soft targets with label smoothing, optionally focal."""
    torch = _import_torch()
    k = logits.shape[1]
    target = target * (1.0 - smoothing) + smoothing / k
    logp = torch.log_softmax(logits, dim=1)
    if gamma > 0:
        logp = logp * (1.0 - logp.exp()) ** gamma
    return -(target * logp).sum(dim=1).mean()


def train_emotion_model(
    data_dir: Path,
    out_path: Path,
    *,
    options: TrainOptions = TrainOptions(),
    hook: Hook = None,
) -> TrainResult:
    """Train on ``data_dir`` (ImageFolder) and write a checkpoint to ``out_path``.

    ``hook("train.epoch", {"epoch", "loss", "val_accuracy"})`` after each epoch and
    ``hook("train.step", {"step", "loss"})`` after each optimiser step.
    """
    torch = _import_torch()
    from torch.utils.data import DataLoader, Subset, WeightedRandomSampler
    from torchvision import datasets, transforms

    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise InputError(f"{data_dir} is not a folder of class sub-folders (ImageFolder)")
    random.seed(options.seed)
    np.random.seed(options.seed)
    torch.manual_seed(options.seed)
    device = options.device or ("cuda" if torch.cuda.is_available() else "cpu")
    mini = options.arch == "mini_xception"
    size = options.input_size or (64 if mini else 112)
    in_chans = 1 if mini else 3

    # Grey faces scaled to [-1, 1] as in fer; timm models get the grey channel three times.
    norm = transforms.Normalize([0.5] * in_chans, [0.5] * in_chans)
    grey = transforms.Grayscale(num_output_channels=in_chans)
    train_tf = transforms.Compose(
        [
            grey,
            transforms.RandomResizedCrop(size, scale=(0.8, 1.0), ratio=(0.9, 1.1)),
            transforms.RandomHorizontalFlip(),
            transforms.RandomRotation(10),
            transforms.ToTensor(),
            norm,
        ]
    )
    eval_tf = transforms.Compose(
        [grey, transforms.Resize((size, size)), transforms.ToTensor(), norm]
    )
    full = datasets.ImageFolder(str(data_dir), transform=train_tf)
    full_eval = datasets.ImageFolder(str(data_dir), transform=eval_tf)
    labels = tuple(full.classes)
    if len(labels) < 2 or len(full) < 2:
        raise InputError(f"{data_dir} needs at least two classes with images")

    order = np.random.permutation(len(full))
    n_val = int(len(full) * options.val_fraction)
    val_idx, train_idx = order[:n_val].tolist(), order[n_val:].tolist()
    train_set = Subset(full, train_idx)
    targets = np.array([full.targets[i] for i in train_idx])
    sampler = None
    if options.balanced_sampling:
        counts = np.bincount(targets, minlength=len(labels)).astype(np.float64)
        weights = 1.0 / np.maximum(counts[targets], 1.0)
        sampler = WeightedRandomSampler(
            torch.as_tensor(weights, dtype=torch.double), num_samples=len(targets), replacement=True
        )
    loader = DataLoader(
        train_set,
        batch_size=options.batch_size,
        shuffle=sampler is None,
        sampler=sampler,
        num_workers=options.num_workers,
        drop_last=len(train_set) > options.batch_size,
    )
    val_loader = (
        DataLoader(Subset(full_eval, val_idx), batch_size=options.batch_size) if val_idx else None
    )

    model = build_classifier(
        options.arch, num_classes=len(labels), in_chans=in_chans, dropout=options.dropout
    ).to(device)
    opt = torch.optim.AdamW(
        model.parameters(), lr=options.max_lr / 25, weight_decay=options.weight_decay
    )
    steps_per_epoch = max(1, len(loader))
    total = steps_per_epoch * options.epochs
    if options.max_steps is not None:
        total = min(total, options.max_steps)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=options.max_lr, total_steps=max(total, 2)
    )

    step, history, last_loss, val_acc = 0, [], float("nan"), None
    for epoch in range(options.epochs):
        model.train()
        losses = []
        for x, y in loader:
            if step >= total:
                break
            x, y = x.to(device), y.to(device)
            soft = torch.nn.functional.one_hot(y, len(labels)).float()
            if options.mixup_alpha > 0:
                lam = float(np.random.beta(options.mixup_alpha, options.mixup_alpha))
                perm = torch.randperm(x.shape[0], device=device)
                x = lam * x + (1 - lam) * x[perm]
                soft = lam * soft + (1 - lam) * soft[perm]
            loss = _loss(
                model(x), soft, smoothing=options.label_smoothing, gamma=options.focal_gamma
            )
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            last_loss = float(loss.detach())
            losses.append(last_loss)
            if hook is not None:
                hook("train.step", {"step": step, "loss": last_loss})
        if losses:
            history.append(float(np.mean(losses)))
        val_acc = _accuracy(model, val_loader, device) if val_loader is not None else None
        if hook is not None:
            hook(
                "train.epoch",
                {"epoch": epoch, "loss": history[-1] if history else None, "val_accuracy": val_acc},
            )
        if step >= total:
            break

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    ckpt = {
        "format": CHECKPOINT_FORMAT,
        "arch": options.arch,
        "labels": list(labels),
        "input_size": size,
        "in_chans": in_chans,
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
        "val_accuracy": val_acc,
        "options": {k: v for k, v in asdict(options).items() if k != "device"},
    }
    tmp = out_path.with_suffix(out_path.suffix + ".tmp")
    torch.save(ckpt, tmp)
    tmp.replace(out_path)
    return TrainResult(
        checkpoint=out_path,
        labels=labels,
        steps=step,
        final_loss=last_loss,
        val_accuracy=val_acc,
        history=tuple(history),
    )


def _accuracy(model: Any, loader: Any, device: str) -> float:
    torch = _import_torch()
    model.eval()
    right = seen = 0
    with torch.inference_mode():
        for x, y in loader:
            pred = model(x.to(device)).argmax(dim=1).cpu()
            right += int((pred == y).sum())
            seen += len(y)
    return right / seen if seen else 0.0
