from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError, CommandParser

from safety.classifier import TRAINING, WEIGHTS, PromptClassifier, train


class Command(BaseCommand):
    help = ("Train the prompt classifier (logistic regression on MiniLM embeddings) on safety/training/corpus.tsv, "
            "choose each category's threshold on safety/training/tuning.tsv, and write the weights (an .npz of "
            "arrays, no pickle). Deterministic: the same corpus gives the same weights. With --check, compare with "
            "the committed weights instead of writing and fail on any difference above 1e-6.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--corpus", type=Path, default=TRAINING / "corpus.tsv")
        parser.add_argument("--tuning", type=Path, default=TRAINING / "tuning.tsv")
        parser.add_argument("--out", type=Path, default=WEIGHTS)
        parser.add_argument("--embedding-cache", type=Path, default=None,
                            help="Reuse the corpus embeddings stored here when the corpus is unchanged "
                                 "(for iterating; --check never uses it).")
        parser.add_argument("--check", action="store_true",
                            help="Retrain and compare with --out (the committed weights) instead of writing.")

    def handle(self, *args: object, corpus: Path, tuning: Path, out: Path, check: bool = False,
               embedding_cache: Path | None = None,
               **options: object) -> None:
        for path in (corpus, tuning):
            if not path.is_file():
                raise CommandError(f"{path} does not exist")
        started = time.perf_counter()
        model = train(corpus, tuning, cache=None if check else embedding_cache)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"trained on {corpus.name} in {elapsed:.1f} s; classes {', '.join(model.classes)}")
        for category, threshold in sorted(model.thresholds.items()):
            self.stdout.write(f"  {category:<16} threshold {threshold:.3f}")
        self.stdout.write(f"  with a minor signal: P(sexual) + P(sexual_minors) >= {model.minor_sexual_threshold:.3f}")
        if not check:
            model.save(out)
            self.stdout.write(f"wrote {out}")
            return
        committed = PromptClassifier.read(out)
        differences = {
            "coef": float(np.abs(committed.coef - model.coef).max()),
            "intercept": float(np.abs(committed.intercept - model.intercept).max()),
            "thresholds": max(abs(committed.thresholds[c] - t) for c, t in model.thresholds.items()),
            "minor_sexual_threshold": abs(committed.minor_sexual_threshold - model.minor_sexual_threshold),
        }
        self.stdout.write("largest differences from the committed weights: " +
                          ", ".join(f"{k} {v:.2e}" for k, v in differences.items()))
        if committed.classes != model.classes or committed.corpus_sha256 != model.corpus_sha256:
            raise CommandError("the committed weights were trained on another corpus or other classes: retrain")
        if max(differences.values()) > 1e-6:
            raise CommandError("retraining does not reproduce the committed weights (difference above 1e-6)")
