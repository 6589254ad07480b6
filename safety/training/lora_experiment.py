"""Experiment: does fine-tuning the MiniLM encoder (LoRA) help the prompt classifier on wording it never saw?

Not part of the screen. It answers one question for the next step of the classifier (docs/benchmarks.md, "sixth
pass"): the committed classifier is a logistic regression on frozen MiniLM + e5 embeddings, and more rows or another
head no longer improved it. This script adds rank-R LoRA adapters to every linear layer of all-MiniLM-L6-v2's six
blocks (330k trainable numbers at rank 8: a 1.3 MB file, small enough to ship beside the weights), trains them with
a linear head on the classifier's training rows (corpus.tsv plus the training share of the hand-written rows, the
prompt normalised as screening does), then, for the tuned and for the frozen encoder alike, fits the classifier's
own logistic regression on MiniLM vectors alone, chooses its per-category thresholds on the tuning split with
`choose_thresholds` (fp budget 0.008), and prints recall and refusals on the tuning split and on
safety/holdout4_set.tsv (writers nobody trained or tuned on). A simplified classifier, the same for both encoders: no
e5 half, rules, exemplars, clause maximum, minor-signal threshold or framing strip. The regression is fitted on
vectors of the rows the adapters were trained on (overconfident on new wording): compare the encoders at equal
refusals on holdout4, not at the tuning split's thresholds.

    OMP_NUM_THREADS=1 DJANGO_SECRET_KEY=x .venv/bin/python -m safety.training.lora_experiment --epochs 1 --baseline

About 10 minutes of training per epoch and 7 minutes per encoder evaluated, on one core of this box. No database.
"""

from __future__ import annotations

import argparse
import copy
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

SAFETY = Path(__file__).resolve().parent.parent


def add_lora(model: Any, rank: int, alpha: float) -> Any:
    """The model with a trainable low-rank update beside every linear layer of its encoder blocks (the base frozen)."""
    import torch
    from torch import nn

    class LoRALinear(nn.Module):
        def __init__(self, base: nn.Linear, seed: int) -> None:
            super().__init__()
            self.base = base
            generator = torch.Generator().manual_seed(seed)
            self.A = nn.Parameter(torch.randn(rank, base.in_features, generator=generator) / base.in_features ** 0.5)
            self.B = nn.Parameter(torch.zeros(base.out_features, rank))
            self.scale = alpha / rank

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale

    for p in model.parameters():
        p.requires_grad_(False)
    seed = 0
    for layer in model.encoder.layer:
        attention = layer.attention
        for holder, name in [(attention.self, "query"), (attention.self, "key"), (attention.self, "value"),
                             (attention.output, "dense"), (layer.intermediate, "dense"), (layer.output, "dense")]:
            setattr(holder, name, LoRALinear(getattr(holder, name), seed))
            seed += 1
    return model


def pooled(tokenizer: Any, model: Any, texts: list[str], max_length: int) -> Any:
    """Mean-pooled, L2-normalised last hidden state: what safety.embeddings.embed computes."""
    import torch

    batch = tokenizer(texts, padding=True, truncation=True, max_length=max_length, return_tensors="pt")
    hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9), dim=1)


def embed_all(tokenizer: Any, model: Any, texts: list[str]) -> np.ndarray:
    import torch

    out = np.zeros((len(texts), 384), np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.inference_mode():
        for start in range(0, len(order), 128):
            index = order[start:start + 128]
            out[index] = pooled(tokenizer, model, [texts[i] for i in index], 128).numpy()
    return out


def train_adapters(tokenizer: Any, model: Any, texts: list[str], labels: list[int], classes: int, *,
                   epochs: float, lr: float, batch: int = 32, max_length: int = 64) -> None:
    """AdamW on the adapters and a linear head (cross-entropy over the classifier's classes), warm-up then linear
    decay; batches of similar length drawn from shuffled chunks (less padding). Seeded: the same rows give the same
    adapters on the same machine."""
    import torch
    from torch import nn

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    head = nn.Linear(384, classes)
    params = [p for p in model.parameters() if p.requires_grad] + list(head.parameters())
    optimiser = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = int(epochs * len(texts) / batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / 50) * max(0.0, 1 - s / steps))
    target = torch.tensor(labels)
    lengths = np.array([len(t) for t in texts])
    model.train()
    started, step = time.perf_counter(), 0
    while step < steps:
        order = rng.permutation(len(texts))
        batches: list[np.ndarray] = []
        for chunk_start in range(0, len(order), batch * 50):
            chunk = order[chunk_start:chunk_start + batch * 50]
            chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
            batches += [chunk[i:i + batch] for i in range(0, len(chunk), batch)]
        for index in (batches[i] for i in rng.permutation(len(batches))):
            vectors = pooled(tokenizer, model, [texts[i] for i in index], max_length) * 20.0
            loss = nn.functional.cross_entropy(head(vectors), target[index])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.perf_counter() - started:.0f} s", flush=True)
            if step >= steps:
                break
    model.eval()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--alpha", type=float, default=16.0)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--baseline", action="store_true", help="Also measure the frozen encoder the same way.")
    parser.add_argument("--save", type=Path, help="Write the trained adapters here (.npz).")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
    import django

    django.setup()
    import torch

    from safety import classifier as clf
    from safety.embeddings import _load

    torch.set_num_threads(1)
    rule_pass = clf.default_rule_pass()
    written_train, written_tune = clf.written_rows(clf.WRITTEN)
    train_rows = clf.read_labelled(clf.TRAINING / "corpus.tsv") + written_train
    tune_rows = clf.read_labelled(clf.TRAINING / "tuning.tsv") + written_tune
    held_rows = clf.read_labelled(SAFETY / "holdout4_set.tsv")
    classes = (clf.BENIGN, *sorted({cat for label, cat, _ in train_rows if label == "block"}))

    def normalised(rows: list[tuple[str, str, str]]) -> list[str]:
        return [rule_pass.normalise(p) for _, _, p in rows]

    train_texts, tune_texts, held_texts = normalised(train_rows), normalised(tune_rows), normalised(held_rows)
    train_targets = [clf.target(label, cat) for label, cat, _ in train_rows]
    tune_targets = [clf.target(label, cat) for label, cat, _ in tune_rows]
    minor = np.array([bool(rule_pass.minor_signal(rule_pass.normalise(p), p)) for _, _, p in tune_rows])

    def measure(name: str, tokenizer: Any, model: Any) -> None:
        started = time.perf_counter()
        vectors = embed_all(tokenizer, model, train_texts + tune_texts + held_texts)
        train_v = vectors[:len(train_texts)]
        tune_v = vectors[len(train_texts):len(train_texts) + len(tune_texts)]
        held_v = vectors[len(train_texts) + len(tune_texts):]
        coef, intercept = clf.fit(train_v, train_targets, classes, 16.0)
        model_ = clf.PromptClassifier(classes, coef, intercept, {}, 1.0, "", "minilm")
        thresholds, _ = clf.choose_thresholds(model_.probabilities(tune_v), classes, tune_targets, minor,
                                              0.008, 0.55, 0.005, 0.15)

        def rates(rows: list[tuple[str, str, str]], v: np.ndarray) -> tuple[float, float]:
            probs = model_.probabilities(v)
            flagged = np.zeros(len(rows), bool)
            for i, cat in enumerate(classes):
                if cat != clf.BENIGN:
                    flagged |= probs[:, i] >= thresholds[cat]
            block = np.array([label == "block" for label, _, _ in rows])
            return float(flagged[block].mean()), float(flagged[~block].mean())

        tune_recall, tune_refused = rates(tune_rows, tune_v)
        held_recall, held_refused = rates(held_rows, held_v)
        print(f"{name}: tuning split {tune_recall:.1%} intercepted / {tune_refused:.1%} refused; holdout4 "
              f"{held_recall:.1%} / {held_refused:.1%} ({time.perf_counter() - started:.0f} s)", flush=True)

    tokenizer, base = _load()
    tuned = add_lora(copy.deepcopy(base), args.rank, args.alpha)
    started = time.perf_counter()
    train_adapters(tokenizer, tuned, train_texts, [classes.index(t) for t in train_targets], len(classes),
                   epochs=args.epochs, lr=args.lr)
    print(f"trained in {time.perf_counter() - started:.0f} s")
    if args.save:
        np.savez(args.save, **{n: p.detach().numpy() for n, p in tuned.named_parameters() if p.requires_grad})
    measure(f"LoRA rank {args.rank}, {args.epochs:g} epoch(s)", tokenizer, tuned)
    if args.baseline:
        measure("frozen MiniLM", tokenizer, base)


if __name__ == "__main__":
    main()
