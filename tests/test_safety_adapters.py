"""The classifier's MiniLM adapters: merged into a copy of MiniLM's weights they give what the adapted model
computes, they travel in the classifier's weights file, and the exemplars keep the shipped MiniLM."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from safety.classifier import PromptClassifier
from safety.embeddings import _load, embed
from safety.training.adapters import TARGETS, extract, pooled, with_lora

TEXTS = ["a paper boat drifting down a rainy street", "a chef slicing onions in slow motion",
         "close-up of a hummingbird at a feeder"]


def adapted(seed: int = 1) -> tuple[object, object]:
    """MiniLM with rank-4 adapters whose B is random (not the training's zero start), and the tokenizer."""
    tokenizer, base = _load()
    model = with_lora(base, rank=4, alpha=8.0)
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if name.endswith(".B"):
                parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.05)
    return tokenizer, model.eval()


def test_merged_adapters_compute_what_the_adapted_model_computes() -> None:
    tokenizer, model = adapted()
    with torch.inference_mode():
        expected = pooled(tokenizer, model, TEXTS, 128).numpy()
    lora = extract(model, rank=4, alpha=8.0)
    assert len(lora.layers()) == 6 * len(TARGETS) and lora.scale == 2.0
    merged = embed(TEXTS, lora)
    assert np.abs(merged - expected).max() < 1e-4
    with torch.inference_mode():
        plain = pooled(*_load(), TEXTS, 128).numpy()
    assert np.abs(embed(TEXTS) - merged).max() > 1e-2  # the adapters change the vectors
    assert np.abs(embed(TEXTS) - plain).max() < 1e-4  # and the shipped model, read without them, is untouched


def test_adapters_travel_in_the_weights_file(tmp_path: Path) -> None:
    _, model = adapted(seed=2)
    lora = extract(model, rank=4, alpha=8.0)
    classes = ("benign", "violence")
    written = PromptClassifier(classes, np.ones((2, 768)), np.zeros(2), {"violence": 0.7}, 0.3, "digest",
                               "minilm-lora+e5", lora)
    written.save(tmp_path / "weights.npz")
    read = PromptClassifier.read(tmp_path / "weights.npz")
    assert read.encoder == "minilm-lora+e5" and read.lora is not None
    assert read.lora.digest == lora.digest and read.lora.scale == lora.scale
    assert np.array_equal(embed(TEXTS, read.lora), embed(TEXTS, lora))


def test_weights_without_adapters_still_load_and_bad_ones_fail_where_read(tmp_path: Path) -> None:
    """A file written before the adapters existed (no adapters, no encoder: MiniLM alone) loads as it did; a file
    whose encoder needs adapters it lacks, or whose adapters are incomplete, fails when read, not when screening."""
    arrays: dict[str, Any] = dict(classes=np.array(["benign", "violence"]), coef=np.ones((2, 384)),
                                  intercept=np.zeros(2), threshold_categories=np.array(["violence"]),
                                  thresholds=np.array([0.7]), minor_sexual_threshold=np.array(0.3),
                                  corpus_sha256=np.array("digest"))
    np.savez(tmp_path / "old.npz", **arrays)
    old = PromptClassifier.read(tmp_path / "old.npz")
    assert old.encoder == "minilm" and old.lora is None and old.thresholds == {"violence": 0.7}

    np.savez(tmp_path / "no-adapters.npz", **arrays, encoder=np.array("minilm-lora+e5"))
    with pytest.raises(ValueError, match="needs adapters"):
        PromptClassifier.read(tmp_path / "no-adapters.npz")
    _, model = adapted(seed=3)
    lora = extract(model, rank=4, alpha=8.0)
    half = {n: w for n, w in lora.weights.items() if not n.endswith("layer.0.attention.self.query.B")}
    half_arrays: dict[str, Any] = {f"lora:{n}": w for n, w in half.items()}
    np.savez(tmp_path / "half.npz", **arrays, encoder=np.array("minilm-lora"), lora_scale=np.array(2.0), **half_arrays)
    with pytest.raises(ValueError, match="attention.self.query"):
        PromptClassifier.read(tmp_path / "half.npz")
