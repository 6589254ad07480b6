"""Experiment: does fine-tuning the MiniLM encoder (LoRA) help the prompt classifier on wording it never saw?

Not part of the screen: it answered the question of the classifier's next step (docs/benchmarks.md, "sixth pass")
and still compares the tuned encoder with the frozen one in isolation. It trains the adapters with the code of the
classifier's minilm-lora option (safety.training.adapters), which stays off by default ("seventh pass"). This script
adds rank-R LoRA adapters to every linear layer of all-MiniLM-L6-v2's six blocks (330k trainable numbers at rank 8:
a 1.3 MB file, small enough to ship beside the weights), trains them with a linear head on the classifier's training
rows (corpus.tsv plus the training share of the hand-written rows, the prompt normalised as screening does), then,
for the tuned and for the frozen encoder alike, fits the classifier's own logistic regression on MiniLM vectors
alone, chooses its per-category thresholds on the tuning split with `choose_thresholds` (fp budget 0.008), and
prints recall and refusals on the tuning split and on safety/holdout4_set.tsv (writers nobody trained or tuned on).
A simplified classifier, the same for both encoders: no e5 half, rules, exemplars, clause maximum, minor-signal
threshold or framing strip. The regression is fitted on vectors of the rows the adapters were trained on
(overconfident on new wording): compare the encoders at equal refusals on holdout4, not at the tuning split's
thresholds.

    OMP_NUM_THREADS=1 DJANGO_SECRET_KEY=x .venv/bin/python -m safety.training.lora_experiment --epochs 1 --baseline

About 10 minutes of training per epoch and 7 minutes per encoder evaluated, on one core of this box. No database.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

SAFETY = Path(__file__).resolve().parent.parent


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
    from safety.embeddings import Lora, embed
    from safety.training.adapters import train_lora

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

    def measure(name: str, lora: Lora | None) -> None:
        started = time.perf_counter()
        vectors = clf._cached_vectors(train_texts + tune_texts + held_texts, lambda chunk: embed(chunk, lora), None)
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

    started = time.perf_counter()
    lora = train_lora(train_texts, [classes.index(t) for t in train_targets], len(classes), epochs=args.epochs,
                      rank=args.rank, alpha=args.alpha, lr=args.lr, progress=print)
    print(f"trained in {time.perf_counter() - started:.0f} s")
    if args.save:
        arrays: dict[str, Any] = dict(lora.weights)
        np.savez(args.save, **arrays)
    measure(f"LoRA rank {args.rank}, {args.epochs:g} epoch(s)", lora)
    if args.baseline:
        measure("frozen MiniLM", None)


if __name__ == "__main__":
    main()
