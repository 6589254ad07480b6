from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError, CommandParser

from safety.classifier import (
    DEFAULT_ENCODER,
    ENCODERS,
    MORE_LANGUAGES,
    ROMANISED_ROWS,
    TRAINING,
    WEIGHTS,
    WRITTEN,
    PromptClassifier,
    train,
    written_rows,
)


class Command(BaseCommand):
    help = ("Train the prompt classifier (logistic regression on sentence embeddings: MiniLM and multilingual e5 "
            "side by side by default) on safety/training/corpus.tsv plus about three in four of the hand-written "
            "rows in safety/training/written/*.tsv, choose each category's threshold on safety/training/tuning.tsv "
            "plus the other written rows, and the thresholds for prompts in other languages than English on those "
            "of them in other languages plus the tuning-only rows (safety/training/more_languages/: never trained "
            "on; never above the common thresholds), and write the weights (an .npz of arrays, no pickle). With an "
            "encoder named minilm-lora, low-rank adapters for MiniLM are trained first and travel in the weights. "
            "The romanised head (a second classifier for text read as romanised writing) is trained on the same rows "
            "plus safety/training/romanised/*.tsv (split as the hand-written rows), which nothing else reads. "
            "Deterministic: the same rows give the same weights on the same machine. With --check, compare with the "
            "committed weights instead of writing and fail on any difference above 1e-6.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--corpus", type=Path, default=TRAINING / "corpus.tsv")
        parser.add_argument("--tuning", type=Path, default=TRAINING / "tuning.tsv")
        parser.add_argument("--out", type=Path, default=WEIGHTS)
        parser.add_argument("--written", type=Path, default=WRITTEN,
                            help="Folder of hand-written rows (*.tsv), split by a hash of each prompt between "
                                 "training (3 in 4) and tuning (1 in 4).")
        parser.add_argument("--no-written", action="store_true", help="Train without the hand-written rows.")
        parser.add_argument("--tuning-only", type=Path, default=MORE_LANGUAGES,
                            help="Folder of labelled rows (*.tsv) that only tune: with the tuning split's, those read "
                                 "as another language than English choose that group's thresholds (default: "
                                 "safety/training/more_languages).")
        parser.add_argument("--no-tuning-only", action="store_true", help="No tuning-only rows.")
        parser.add_argument("--romanised", type=Path, default=ROMANISED_ROWS,
                            help="Folder of hand-written romanised rows (*.tsv) for the romanised head only, split as "
                                 "--written's (default: safety/training/romanised).")
        parser.add_argument("--no-romanised", action="store_true",
                            help="No romanised head: the romanised thresholds apply to the common classifier.")
        parser.add_argument("--encoder", choices=ENCODERS, default=DEFAULT_ENCODER,
                            help="What the classifier reads (default: %(default)s).")
        parser.add_argument("--lora-epochs", type=float, default=1.0,
                            help="With a minilm-lora encoder: passes of the adapters' training over the training rows "
                                 "(%(default)s; about ten minutes each on one core).")
        parser.add_argument("--lora-folds", type=int, default=1,
                            help="With a minilm-lora encoder: folds for the regression's out-of-fold tuned vectors (1: "
                                 "none; %(default)s).")
        parser.add_argument("--c", type=float, default=16.0, help="Inverse regularisation strength (%(default)s).")
        parser.add_argument("--fp-budget", type=float, default=0.010,
                            help="Share of the tuning split's benign prompts each category may refuse; all together at "
                                 "most twice it (%(default)s).")
        parser.add_argument("--minor-fp-budget", type=float, default=0.005,
                            help="Share of the tuning split's benign prompts with a minor signal that the minor check "
                                 "may refuse (%(default)s).")
        parser.add_argument("--embedding-cache", type=Path, default=None,
                            help="Reuse the corpus embeddings stored here when the corpus is unchanged "
                                 "(for iterating; --check never uses it).")
        parser.add_argument("--e5-cache", type=Path, default=None,
                            help="Reuse and extend the e5 vectors stored here (exact: each text is embedded alone, "
                                 "so the weights are the same as without it; --check uses it too).")
        parser.add_argument("--check", action="store_true",
                            help="Retrain and compare with --out (the committed weights) instead of writing.")

    def handle(self, *args: object, corpus: Path, tuning: Path, out: Path, check: bool = False,
               embedding_cache: Path | None = None, e5_cache: Path | None = None, written: Path = WRITTEN,
               no_written: bool = False, c: float = 16.0, minor_fp_budget: float = 0.005, fp_budget: float = 0.010,
               encoder: str = DEFAULT_ENCODER, lora_epochs: float = 1.0, lora_folds: int = 1,
               tuning_only: Path = MORE_LANGUAGES, no_tuning_only: bool = False, romanised: Path = ROMANISED_ROWS,
               no_romanised: bool = False, **options: object) -> None:
        if lora_folds < 1 or lora_epochs <= 0:
            raise CommandError("--lora-folds must be at least 1 and --lora-epochs above 0")
        for path in (corpus, tuning):
            if not path.is_file():
                raise CommandError(f"{path} does not exist")
        folder = None if no_written else written
        try:
            written_train, written_tune = written_rows(folder)
        except ValueError as exc:  # a malformed line: safety/training/written/check_written.py says which
            raise CommandError(f"cannot read the hand-written rows in {folder}: {exc}") from None
        started = time.perf_counter()
        model = train(corpus, tuning, c=c, fp_budget=fp_budget, minor_fp_budget=minor_fp_budget,
                      cache=None if check else embedding_cache, written=folder, encoder=encoder, e5_cache=e5_cache,
                      lora_epochs=lora_epochs, lora_folds=lora_folds,
                      tuning_only=None if no_tuning_only else tuning_only,
                      romanised=None if no_romanised else romanised, progress=self.stdout.write)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"trained on {corpus.name} + {len(written_train)} hand-written rows (tuning: {tuning.name} + "
                          f"{len(written_tune)}), encoder {model.encoder}, in {elapsed:.1f} s; "
                          f"classes {', '.join(model.classes)}")
        for category, threshold in sorted(model.thresholds.items()):
            self.stdout.write(f"  {category:<16} threshold {threshold:.3f}")
        self.stdout.write(f"  with a minor signal: P(sexual) + P(sexual_minors) >= {model.minor_sexual_threshold:.3f}")
        for name, thresholds, minor in (
                ("other languages", model.other_thresholds, model.other_minor_sexual_threshold),
                ("romanised text", model.romanised_thresholds, model.romanised_minor_sexual_threshold)):
            if thresholds is not None:
                self.stdout.write(f"  {name}: " + ", ".join(f"{c} {t:.3f}" for c, t in sorted(thresholds.items()))
                                  + f"; with a minor signal {minor:.3f}")
        if model.romanised_head is not None:
            self.stdout.write("  romanised text is judged by its own head at its thresholds (and by the common "
                              "classifier at the common ones)")
        if not check:
            model.save(out)
            self.stdout.write(f"wrote {out}")
            return
        committed = PromptClassifier.read(out)
        if (committed.classes != model.classes or committed.corpus_sha256 != model.corpus_sha256
                or committed.encoder != model.encoder):
            raise CommandError("the committed weights were trained on another corpus, other classes or another "
                               "encoder: retrain")
        differences = {
            "coef": float(np.abs(committed.coef - model.coef).max()),
            "intercept": float(np.abs(committed.intercept - model.intercept).max()),
            "thresholds": max(abs(committed.thresholds[c] - t) for c, t in model.thresholds.items()),
            "minor_sexual_threshold": abs(committed.minor_sexual_threshold - model.minor_sexual_threshold),
        }
        if (committed.romanised_coef is None) != (model.romanised_coef is None):
            raise CommandError("the committed weights and the retrained ones differ in having a romanised head: "
                               "retrain")
        if committed.romanised_coef is not None and model.romanised_coef is not None:
            assert committed.romanised_intercept is not None and model.romanised_intercept is not None
            differences["romanised_coef"] = float(np.abs(committed.romanised_coef - model.romanised_coef).max())
            differences["romanised_intercept"] = float(np.abs(committed.romanised_intercept
                                                              - model.romanised_intercept).max())
        for name in ("other", "romanised"):
            ours, theirs = getattr(committed, f"{name}_thresholds"), getattr(model, f"{name}_thresholds")
            if (ours is None) != (theirs is None):
                raise CommandError(f"the committed weights and the retrained ones differ in having {name} "
                                   "thresholds: retrain")
            if ours is not None and theirs is not None:
                differences[f"{name}_thresholds"] = max(abs(ours[c] - t) for c, t in theirs.items())
                minor_field = f"{name}_minor_sexual_threshold"
                differences[minor_field] = abs(getattr(committed, minor_field) - getattr(model, minor_field))
        if committed.lora is not None or model.lora is not None:
            if (committed.lora is None or model.lora is None or committed.lora.scale != model.lora.scale
                    or {n: w.shape for n, w in committed.lora.weights.items()}
                    != {n: w.shape for n, w in model.lora.weights.items()}):
                raise CommandError("the committed weights' adapters differ in shape or scale from the retrained "
                                   "ones: retrain")
            differences["adapters"] = max(float(np.abs(committed.lora.weights[n] - w).max())
                                          for n, w in model.lora.weights.items())
        self.stdout.write("largest differences from the committed weights: " +
                          ", ".join(f"{k} {v:.2e}" for k, v in differences.items()))
        if max(differences.values()) > 1e-6:
            raise CommandError("retraining does not reproduce the committed weights (difference above 1e-6)")
