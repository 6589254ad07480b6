"""The learned prompt classifier: a multinomial logistic regression on all-MiniLM-L6-v2 and multilingual-e5-small
embeddings and the prompt's hashed character n-grams, side by side.

Classes are `benign` and the policy's categories. It is trained by `manage.py train_prompt_classifier`
on safety/training/corpus.tsv (composed from templates and paraphrases that describe each category's
intent without its keywords, plus many benign near misses and everyday prompts); each category's
threshold on its probability is chosen on safety/training/tuning.tsv (wording the training corpus never
uses), never on an evaluation set. The fit is deterministic (lbfgs to a tight tolerance on a strictly
convex loss), so retraining gives the same weights.

The weights live in safety/prompt_classifier.npz (coefficients, intercepts, class names, thresholds:
plain arrays loaded with numpy, no pickle), committed with the code and loaded once per process.
Scoring a batch is one matrix product on the embeddings the screening stage computes anyway and the n-grams (a
sparse matrix, hashed from the normalised text: no vocabulary to store).

Prompts in other languages than English have thresholds of their own (`other_thresholds`), chosen on the tuning
split's rows in other languages plus safety/training/more_languages/ (rows that tune, never train), and never above
the common ones: a prompt read as another language (`language_group`) can only be refused more readily, so a
wrong reading of the language, or padding a prompt with words of another, never lets through what the common
thresholds refuse. Among them, text the identifier cannot place (ROMANISED: Hinglish, Arabizi, pinyin, romaji,
translit are read as Fulani, Shona or Hausa at 0.1-0.4, or confidently as a language few users write:
ROMANISED_ATTRACTORS) has thresholds of its own too (`romanised_thresholds`),
chosen on those rows alone, so that its harmless rows, which score higher, do not raise the thresholds of text
written in its own script or spelling; they are never above the common ones either.

ROMANISED prompts have a classifier of their own too (the romanised head: `romanised_coef`, `romanised_intercept`,
the same inputs), trained on every training row plus the hand-written romanised rows of safety/training/romanised/,
which the common classifier never reads: trained into it, they moved every threshold up and cost more prompts in
English and in other scripts than they won in romanised writing (docs/benchmarks.md, eighteenth and nineteenth
passes). The romanised thresholds are the head's, chosen on the romanised tuning rows. A ROMANISED prompt is refused
when the head reaches them or the common classifier reaches the common thresholds, so reading a prompt as romanised
still never lets through what the common thresholds refuse; the minor check reads the common classifier.

The head also reads a ROMANISED prompt glossed word by word into English (safety/gloss.py: hand-written glossaries,
safety/glossary/), and a category's probability is the higher of both readings; text read as English or another
language that a glossary reads is romanised writing too (`screen_group`). The head learns the glossed readings of the
training rows the screen would gloss, with their labels, and its thresholds are chosen on both readings, as screened.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np

from safety.embeddings import Lora
from safety.gloss import GLOSSARY_DIR, OTHER_MIN_SHARE, READING, gloss
from safety.negative import screened_text

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    Features: TypeAlias = np.ndarray | csr_matrix  # the classifier's input: sparse with the "chars" part

WEIGHTS = Path(__file__).resolve().parent / "prompt_classifier.npz"
TRAINING = Path(__file__).resolve().parent / "training"
MORE_LANGUAGES = TRAINING / "more_languages"  # labelled rows in other languages that tune, never train
ROMANISED_ROWS = TRAINING / "romanised"  # hand-written romanised rows that train and tune the romanised head only
BENIGN = "benign"
ENGLISH, OTHER_LANGUAGE, ROMANISED = "en", "other", "romanised"
# A prompt is read as another language than English when the language identifier finds its likeliest language at
# least LANGUAGE_MARGIN times likelier than English and it has at least LANGUAGE_MIN_LETTERS letters: on short text
# the identifier is close to uniform (it read "a cat" as another language), and related languages share the
# probability of a foreign one (Russian at 0.45, Macedonian 0.21, English nearly 0).
LANGUAGE_MARGIN = 4.0
LANGUAGE_MIN_LETTERS = 10
# Text in Latin letters read as another language whose likeliest language has a probability below
# ROMANISED_CONFIDENCE is in the ROMANISED group: on the romanised blind rows the identifier's answer has a median of
# 0.19-0.36 (Hinglish read as Fulani, romaji as Shona, pinyin as Hausa or Javanese), on rows in a language's own
# writing 0.72 (Indonesian) to 1.0. Of the seen sets' rows with a language tag read as another language, 542 of 705
# romanised ones fall in it (most others are code-switched and read confidently as Spanish, Tagalog or Hindi) and 25
# of 3,377 in their own writing (Croatian, Maori, Samoan, Spanish sharing their probability with a neighbour).
# Other scripts never do: Russian shares its probability with Ukrainian and Bulgarian.
ROMANISED_CONFIDENCE = 0.5
# Languages the identifier reads romanised text as, confidently, far more often than anyone writes them: romaji as
# Shona or Fulani, romanised Korean as Acehnese, Pinyin as Hausa. Latin-letter text read as one of these is in the
# ROMANISED group whatever the probability (on the seen sets: 58 romanised rows and 15 in those languages' own
# writing; Hausa and Somali are left out: as many rows of their own writing as romanised ones, or more).
ROMANISED_ATTRACTORS = frozenset({"sn", "ace", "fuv"})
# The romanised group's minor check is chosen on its own rows only when it has this many benign rows with a minor
# signal (21 on 2026-12-06, all below 0.15: too few to place it); with fewer, the other languages' applies.
ROMANISED_MIN_MINOR_ROWS = 50
# The combined probability of the two sexual classes above which a prompt with a minor signal is blocked
# is chosen on the tuning split too (`minor_sexual_threshold`).
MINOR_SEXUAL_CLASSES = ("sexual", "sexual_minors")


# What the classifier reads (`PromptClassifier.encoder`): parts joined by "+", each 384 numbers, concatenated in
# this order. "minilm": all-MiniLM-L6-v2 of the normalised text; "minilm-lora": the same with the adapters trained
# with the classifier (`PromptClassifier.lora`, safety.training.adapters); "e5": multilingual-e5-small of the raw
# text (safety.embeddings).
# "chars": the character 3- to 5-grams of the normalised text within words, hashed into CHARS_FEATURES buckets, the
# vector of the buckets present scaled to length CHARS_SCALE (sparse; always the last part). The encoders' vectors
# place a prompt among the corpus' intents; the n-grams add what they blur: the words themselves, their stems and
# misspellings (docs/benchmarks.md, twelfth pass).
ENCODERS = ("minilm", "e5", "minilm+e5", "minilm-lora", "minilm-lora+e5", "minilm+e5+chars")
DEFAULT_ENCODER = "minilm+e5+chars"
CHARS = "chars"
CHARS_FEATURES = 2 ** 17
CHARS_SCALE = 1.0
DENSE_WIDTH = 384  # the numbers of each encoder part but "chars"
LORA_PREFIX = "lora:"


def feature_width(encoder: str) -> int:
    """How many numbers the classifier reads with `encoder`."""
    return sum(CHARS_FEATURES if part == CHARS else DENSE_WIDTH for part in encoder.split("+"))


def char_features(normalised: list[str]) -> csr_matrix:
    """The "chars" part: (len(normalised), CHARS_FEATURES), each row the buckets of the text's character 3- to
    5-grams (within words, padded with a space: scikit-learn's `char_wb`) set to one and scaled to length
    CHARS_SCALE. Hashing is MurmurHash3, the same on every machine; no vocabulary is stored."""
    from sklearn.feature_extraction.text import HashingVectorizer

    hashing = HashingVectorizer(n_features=CHARS_FEATURES, analyzer="char_wb", ngram_range=(3, 5),
                                alternate_sign=False, norm="l2", binary=True, lowercase=True)
    return (hashing.transform(normalised) * CHARS_SCALE).tocsr()


def side_by_side(parts: list[Features]) -> Features:
    """The encoder parts' vectors of the same prompts side by side (sparse when one part is)."""
    from scipy import sparse

    if len(parts) == 1:
        return parts[0]
    if any(sparse.issparse(part) for part in parts):
        return sparse.hstack([sparse.csr_matrix(part) for part in parts], format="csr")
    return np.hstack(parts)


def stored_coef(coef: np.ndarray, encoder: str) -> np.ndarray:
    """The coefficients as the weights file keeps them: in single precision with the "chars" part (131,072 inputs
    per class: 4 MB instead of 8), as computed otherwise. `train` rounds them before choosing the thresholds, so
    the committed file scores exactly as the thresholds were chosen."""
    return coef.astype(np.float32) if CHARS in encoder.split("+") else coef


@dataclass(frozen=True)
class PromptClassifier:
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, feature_width(encoder)): float64, or float32 with the "chars" part (stored_coef)
    intercept: np.ndarray  # (classes,)
    thresholds: dict[str, float]  # category -> probability at or above which it blocks
    minor_sexual_threshold: float
    corpus_sha256: str
    encoder: str = "minilm"
    lora: Lora | None = None  # the adapters of the "minilm-lora" part
    # For prompts in other languages (`language_group`): category -> threshold, and the minor check's; each at or
    # below the common one (checked when the weights are made or read). None: the common thresholds apply to every
    # prompt (weights made before 2026-12-04).
    other_thresholds: dict[str, float] | None = None
    other_minor_sexual_threshold: float | None = None
    # For ROMANISED prompts: the same, chosen on those rows alone. None: the other languages' apply to them (weights
    # made before 2026-12-06).
    romanised_thresholds: dict[str, float] | None = None
    romanised_minor_sexual_threshold: float | None = None
    # The romanised head (module docstring): coefficients and intercepts shaped as `coef` and `intercept`, whose
    # probabilities the romanised thresholds apply to. None: they apply to the common classifier's (older weights).
    romanised_coef: np.ndarray | None = None
    romanised_intercept: np.ndarray | None = None

    def __post_init__(self) -> None:
        """Weights that cannot screen fail where they are read, not at the first prompt."""
        unknown = [part for part in self.encoder.split("+") if part not in ("minilm", "minilm-lora", "e5", CHARS)]
        if unknown:
            raise ValueError(f"unknown encoder part {unknown[0]!r} in {self.encoder!r}")
        if "minilm-lora" in self.encoder.split("+") and self.lora is None:
            raise ValueError(f"encoder {self.encoder!r} needs adapters; these weights have none")
        if self.coef.shape != (len(self.classes), feature_width(self.encoder)):
            raise ValueError(f"coefficients of shape {self.coef.shape} do not fit the encoder {self.encoder!r} "
                             f"({feature_width(self.encoder)} inputs for each of {len(self.classes)} classes)")
        groups = (("the other languages'", self.other_thresholds, self.other_minor_sexual_threshold),
                  ("romanised text's", self.romanised_thresholds, self.romanised_minor_sexual_threshold))
        for name, thresholds, minor in groups:
            if (thresholds is None) != (minor is None):
                raise ValueError(f"{name} thresholds and their minor check's come together or not at all")
            if thresholds is None or minor is None:
                continue
            if set(thresholds) != set(self.thresholds):
                raise ValueError(f"{name} thresholds name other categories than the common ones")
            above = [c for c, t in thresholds.items() if not t <= self.thresholds[c]]
            if above or not minor <= self.minor_sexual_threshold:
                raise ValueError(f"{name} thresholds must not be above the common ones "
                                 f"({', '.join(above) or 'the minor check'})")
        if self.romanised_thresholds is not None and self.other_thresholds is None:
            raise ValueError("romanised text's thresholds come with the other languages'")
        if (self.romanised_coef is None) != (self.romanised_intercept is None):
            raise ValueError("the romanised head's coefficients and intercepts come together or not at all")
        if self.romanised_coef is not None and self.romanised_intercept is not None:
            if self.romanised_thresholds is None:
                raise ValueError("a romanised head comes with the romanised text's thresholds")
            if (self.romanised_coef.shape != self.coef.shape
                    or self.romanised_intercept.shape != self.intercept.shape):
                raise ValueError(f"the romanised head's coefficients of shape {self.romanised_coef.shape} and "
                                 f"intercepts of shape {self.romanised_intercept.shape} differ from the common "
                                 f"classifier's {self.coef.shape} and {self.intercept.shape}")

    def features(self, normalised: list[str], raw: list[str], minilm: np.ndarray | None = None) -> Features:
        """The classifier's input for prompts (their normalised and raw forms, in the same order): each encoder
        part's vectors side by side (a sparse matrix with the "chars" part). `minilm`: the MiniLM vectors of
        `normalised` when the caller has them."""
        from safety.embeddings import embed, embed_e5

        parts: list[Features] = []
        for part in self.encoder.split("+"):
            if part == "minilm":
                parts.append(minilm if minilm is not None else embed(normalised))
            elif part == "minilm-lora":
                assert self.lora is not None  # __post_init__ refuses a minilm-lora encoder without adapters
                parts.append(embed(normalised, self.lora))
            elif part == "e5":
                parts.append(embed_e5(raw))
            elif part == CHARS:
                parts.append(char_features(normalised))
            else:
                raise ValueError(f"unknown encoder part {part!r}")
        return side_by_side(parts)

    def thresholds_for(self, group: str) -> tuple[dict[str, float], float]:
        """The category thresholds and the minor check's threshold (never above the adult sexual one) for a prompt of
        language `group` (ENGLISH, OTHER_LANGUAGE or ROMANISED; weights without the romanised group's thresholds
        judge ROMANISED prompts by the other languages'). Every group's are at or below the common ones:
        `__post_init__` refuses weights where they are not."""
        thresholds, minor = self.thresholds, self.minor_sexual_threshold
        other, other_minor = self.other_thresholds, self.other_minor_sexual_threshold
        romanised, romanised_minor = self.romanised_thresholds, self.romanised_minor_sexual_threshold
        if group == ROMANISED and romanised is not None and romanised_minor is not None:
            thresholds, minor = romanised, romanised_minor
        elif group in (OTHER_LANGUAGE, ROMANISED) and other is not None and other_minor is not None:
            thresholds, minor = other, other_minor
        return thresholds, min(minor, thresholds.get("sexual", 1.0))

    def probabilities(self, vectors: Features) -> np.ndarray:
        """(len(vectors), classes) softmax probabilities."""
        logits = np.asarray(vectors.astype(np.float64) @ self._coef_t) + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    @cached_property
    def romanised_head(self) -> PromptClassifier | None:
        """The romanised head as a classifier of its own (the same classes, inputs and thresholds; made once), or
        None for weights without one."""
        if self.romanised_coef is None or self.romanised_intercept is None:
            return None
        return replace(self, coef=self.romanised_coef, intercept=self.romanised_intercept, romanised_coef=None,
                       romanised_intercept=None)

    @cached_property
    def _coef_t(self) -> np.ndarray:
        """The coefficients transposed, in double precision (exactly the stored numbers), made once."""
        return np.ascontiguousarray(self.coef.T, dtype=np.float64)

    def scores(self, vectors: Features) -> list[dict[str, float]]:
        probs = self.probabilities(vectors)
        return [{c: float(p[i]) for i, c in enumerate(self.classes) if c != BENIGN} for p in probs]

    def save(self, path: Path) -> None:
        cats = sorted(self.thresholds)
        lora: dict[str, np.ndarray] = {}
        if self.lora is not None:
            lora = {f"{LORA_PREFIX}{name}": array for name, array in self.lora.weights.items()}
            lora["lora_scale"] = np.array(self.lora.scale)
        other: dict[str, np.ndarray] = {}
        if self.other_thresholds is not None:
            other = {"other_thresholds": np.array([self.other_thresholds[c] for c in cats]),
                     "other_minor_sexual_threshold": np.array(self.other_minor_sexual_threshold)}
        if self.romanised_thresholds is not None:
            other |= {"romanised_thresholds": np.array([self.romanised_thresholds[c] for c in cats]),
                      "romanised_minor_sexual_threshold": np.array(self.romanised_minor_sexual_threshold)}
        if self.romanised_coef is not None and self.romanised_intercept is not None:
            other |= {"romanised_coef": stored_coef(self.romanised_coef, self.encoder),
                      "romanised_intercept": self.romanised_intercept}
        with path.open("wb") as out:
            # Compressed: half of the n-gram buckets are never seen in training, their coefficients 0 (4.2 -> 2.3 MB).
            np.savez_compressed(out, classes=np.array(self.classes), coef=stored_coef(self.coef, self.encoder),
                                intercept=self.intercept, threshold_categories=np.array(cats),
                                thresholds=np.array([self.thresholds[c] for c in cats]),
                                minor_sexual_threshold=np.array(self.minor_sexual_threshold),
                                corpus_sha256=np.array(self.corpus_sha256), encoder=np.array(self.encoder), **lora,
                                **other)

    @classmethod
    def read(cls, path: Path) -> PromptClassifier:
        with np.load(path, allow_pickle=False) as data:
            weights = {key[len(LORA_PREFIX):]: data[key] for key in data.files if key.startswith(LORA_PREFIX)}
            if weights and "lora_scale" not in data.files:
                raise ValueError(f"{path}: adapters without their scale (lora_scale)")
            lora = Lora(weights, float(data["lora_scale"])) if weights else None
            cats = [str(c) for c in data["threshold_categories"]]

            def group(name: str) -> tuple[dict[str, float] | None, float | None]:
                thresholds = (dict(zip(cats, map(float, data[f"{name}_thresholds"]), strict=True))
                              if f"{name}_thresholds" in data.files else None)
                minor = f"{name}_minor_sexual_threshold"
                return thresholds, float(data[minor]) if minor in data.files else None

            return cls(tuple(str(c) for c in data["classes"]), data["coef"], data["intercept"],
                       dict(zip(cats, map(float, data["thresholds"]), strict=True)),
                       float(data["minor_sexual_threshold"]), str(data["corpus_sha256"]),
                       str(data["encoder"]) if "encoder" in data else "minilm", lora, *group("other"),
                       *group("romanised"), *(data[key] if key in data.files else None
                                              for key in ("romanised_coef", "romanised_intercept")))


# Harm stated in one sentence of a long, benign-looking prompt is diluted in the whole prompt's embedding: the
# classifier also scores each sentence or clause and a category's probability is its highest over the whole
# prompt and its clauses. Short fragments ("at night", "4k") carry no intent and are not scored on their own.
_CLAUSE_BREAK = re.compile(
    r"(?:[.!?;:\n。！？；：]+|\s[-\u2013\u2014]+\s|,\s*(?:then|and then|after that|finally|until|while)\b|"
    # a list's steps, shots and panels: "Step 1 ..., Step 2 ...", "Shot 3:"
    r"(?:[,，、] ?)?\b(?:[Ss]teps?|STEPS?|[Ss]hots?|SHOTS?|[Ss]cenes?|SCENES?|[Pp]anels?|PANELS?)\s+\d{1,2}\b"
    r"[:.)]?)\s*")
MAX_CLAUSES = 8
MIN_CLAUSE_WORDS = 3


_COMMA_BREAK = re.compile(r"\s*[,，、]\s*")
LONG_PROMPT_WORDS = 30  # a prompt this long with no sentence break is split at its commas instead


# Han characters and kana: written without spaces, two of them count as a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _words(text: str) -> int:
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def split_clauses(prompt: str) -> list[str]:
    """The sentences / clauses of `prompt` worth scoring apart (none when it has only one). Every part is in one:
    a part shorter than MIN_CLAUSE_WORDS joins the one before it (or after it, first), a long prompt written as one
    sentence is split at its commas, and more than MAX_CLAUSES parts are grouped into MAX_CLAUSES runs of
    neighbours, so harm at the start, in the middle or at the end of a long prompt is scored without the rest
    diluting it much, at a bounded cost."""
    parts = [p.strip() for p in _CLAUSE_BREAK.split(prompt) if p.strip()]
    if len(parts) < 2 and _words(prompt) >= LONG_PROMPT_WORDS:
        parts = [p for p in _COMMA_BREAK.split(prompt) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and (_words(part) < MIN_CLAUSE_WORDS or _words(merged[-1]) < MIN_CLAUSE_WORDS):
            merged[-1] = f"{merged[-1]}. {part}"
        else:
            merged.append(part)
    if len(merged) > MAX_CLAUSES:
        size, extra = divmod(len(merged), MAX_CLAUSES)
        groups, start = [], 0
        for i in range(MAX_CLAUSES):
            end = start + size + (1 if i < extra else 0)
            groups.append(". ".join(merged[start:end]))
            start = end
        merged = groups
    return merged if len(merged) >= 2 else []


def clause_max(whole: np.ndarray, clause_probs: np.ndarray, owners: list[int]) -> np.ndarray:
    """Per prompt and class, the highest of the whole prompt's probability and its clauses' (benign: the lowest)."""
    out = whole.copy()
    for row, owner in enumerate(owners):
        out[owner] = np.maximum(out[owner], clause_probs[row])
        out[owner, 0] = min(whole[owner, 0], clause_probs[row, 0])
    return out


_identifier_lock = threading.Lock()
_identifier: Any = None


def language_group(text: str) -> str:
    """OTHER_LANGUAGE when py3langid (a naive Bayes model over byte n-grams, 97 languages, shipped inside its wheel
    as plain arrays; ~50-120 us a prompt) finds another language LANGUAGE_MARGIN times likelier than English in a
    text of LANGUAGE_MIN_LETTERS letters or more, ROMANISED when, in Latin letters, that language's probability is
    below ROMANISED_CONFIDENCE or it is one of ROMANISED_ATTRACTORS (the identifier cannot place the text: romanised
    or mixed writing), else ENGLISH. The text is read in Unicode compatibility form, so fullwidth English letters
    read as English."""
    global _identifier
    with _identifier_lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    text = unicodedata.normalize("NFKC", text)
    if sum(ch.isalpha() for ch in text) < LANGUAGE_MIN_LETTERS:
        return ENGLISH
    ranked = _identifier.rank(text)  # (language, probability), likeliest first
    language, probability = ranked[0]
    english = next((p for lang, p in ranked if lang == "en"), 0.0)
    if language == "en" or probability < LANGUAGE_MARGIN * english:
        return ENGLISH
    unplaced = probability < ROMANISED_CONFIDENCE or language in ROMANISED_ATTRACTORS
    return ROMANISED if unplaced and _latin_letters(text) else OTHER_LANGUAGE


def glossed_reading(group: str, text: str) -> tuple[str, str] | None:
    """(glossary, glossed text) of a text read as `group` (safety/gloss.py): ROMANISED text when a glossary knows
    MIN_SHARE of its words, text read as English or another language when one knows OTHER_MIN_SHARE. (The identifier
    reads some romanised writing as English: "lam video cho dep hon nua, chat luong tot"; of the 29,208 rows of the
    training and seen sets it reads as English, a glossary knows 60 % of 17, all of them romanised, 2026-12-06.)"""
    if group == ROMANISED:
        return gloss(text)
    return gloss(text, min_share=OTHER_MIN_SHARE)


def screen_group(text: str) -> tuple[str, str | None]:
    """The language group the screen judges `text` by, and its glossed reading when a glossary reads it: text read
    as ROMANISED, or as English or another language, that a glossary reads is romanised writing (the identifier
    places some of it confidently: Pinyin as Hausa, Arabizi as Somali, Vietnamese without its marks as English), so
    ROMANISED."""
    group = language_group(text)
    found = glossed_reading(group, text)
    return (ROMANISED, found[1]) if found is not None else (group, None)


def _latin_letters(text: str) -> bool:
    """At least 80 % of the text's letters are Latin ones without their marks (Vietnamese with its diacritics
    counts; Cyrillic, Greek, Arabic or Han do not)."""
    letters = [ch for ch in unicodedata.normalize("NFKD", text) if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) >= 0.8 * len(letters)


_lock = threading.Lock()
_loaded: PromptClassifier | None = None


def classifier() -> PromptClassifier:
    """The committed classifier, read once per process. A missing or unreadable weights file raises: it
    ships with the code, so its absence is a broken deployment, not a reason to screen with less."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = PromptClassifier.read(WEIGHTS)
        return _loaded


# --- training ------------------------------------------------------------------------------------------

def read_labelled(path: Path) -> list[tuple[str, str, str]]:
    """Rows `block|allow<TAB>category<TAB>prompt`; `#` lines are comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, category, prompt = line.split("\t")
            rows.append((label, category, prompt))
    return rows


def target(label: str, category: str) -> str:
    return category if label == "block" else BENIGN


@cache
def default_rule_pass():  # type: ignore[no-untyped-def]
    """The shipped defaults' rule pass (for normalising training text exactly as screening does, without a
    database: training must not depend on a deployment's edits). Built once per process (~1.3 s; a training asked
    for it ten times)."""
    from safety import defaults
    from safety.rules import RulePass

    rules = [(None, cat, "pattern", p) for cat, ps in defaults.all_rules().items() for p in ps]
    rules += [(None, "sexual_minors", kind, p) for kind, ps in defaults.all_combination_terms().items() for p in ps]
    persons = [(None, [name, *aliases]) for name, aliases in defaults.PROTECTED_PERSONS.items()]
    return RulePass.build(rules, persons, frozenset(defaults.CATEGORIES))


def embed_prompts(prompts: list[str], cache: Path | None = None, encoder: str = "minilm",
                  e5_cache: Path | None = None, lora: Lora | None = None) -> Features:
    """The classifier's input for `prompts` as screening computes it (MiniLM: normalised as in screening; e5: the
    raw text), each part embedded in length-sorted batches (less padding: training stays fast; the batching is
    fixed, so the vectors are the same on every run). `cache`: an .npz of texts and their vectors per part (the
    MiniLM part in `cache` itself, the e5 part beside it as `<stem>-e5.npz` unless `e5_cache` names it), reused
    for the texts it holds and extended with the others (for iterating on the corpus and the thresholds; a cached
    MiniLM vector may differ from a fresh one in the last bits, as padding differs: the check of reproducibility
    never uses it). An e5 vector does not depend on its batch (each text is embedded alone), so `e5_cache` alone
    gives the same weights as no cache. The "minilm-lora" part (MiniLM with `lora`) is cached beside `cache` as
    `<stem>-lora-<the first 12 hex digits of the adapters' digest>.npz`. The "chars" part is computed, never cached."""
    from safety.embeddings import e5_text, embed, embed_e5

    parts: list[Features] = []
    normalised: list[str] | None = None
    for part in encoder.split("+"):
        if part in ("minilm", "minilm-lora", CHARS) and normalised is None:
            rule_pass = default_rule_pass()
            normalised = [rule_pass.normalise(p) for p in prompts]
        if part == CHARS:
            assert normalised is not None
            parts.append(char_features(normalised))
        elif part in ("minilm", "minilm-lora"):
            assert normalised is not None
            texts = normalised
            if part == "minilm":
                parts.append(_cached_vectors(texts, embed, cache))
                continue
            if lora is None:
                raise ValueError("the minilm-lora part needs adapters")
            tuned_cache = None if cache is None else cache.with_name(f"{cache.stem}-lora-{lora.digest[:12]}.npz")
            parts.append(_cached_vectors(texts, lambda chunk: embed(chunk, lora), tuned_cache))
        elif part == "e5":
            if e5_cache is None and cache is not None:
                e5_cache = cache.with_name(f"{cache.stem}-e5{cache.suffix}")
            parts.append(_cached_vectors([e5_text(p) for p in prompts], embed_e5, e5_cache))
        else:
            raise ValueError(f"unknown encoder part {part!r}")
    return side_by_side(parts)


def _cached_vectors(texts: list[str], embed: Callable[[list[str]], np.ndarray], cache: Path | None) -> np.ndarray:
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            if "texts" in data:
                known = dict(zip((str(t) for t in data["texts"]), data["vectors"], strict=True))
    missing = sorted({n for n in texts if n not in known}, key=lambda t: (len(t), t))
    for start in range(0, len(missing), 128):
        chunk = missing[start:start + 128]
        known.update(zip(chunk, embed(chunk), strict=True))
    vectors = np.stack([known[n] for n in texts]) if texts else np.zeros((0, 384), np.float32)
    if cache is not None and missing:
        with cache.open("wb") as out:
            np.savez(out, texts=np.array(list(known)), vectors=np.stack(list(known.values())))
    return vectors


def _out_of_fold(prompts: list[str], texts: list[str], labels: list[int], classes: int, folds: int, epochs: float,
                 cache: Path | None, progress: Callable[[str], None] | None) -> np.ndarray:
    """Tuned MiniLM vectors of `prompts`, each from adapters trained on the folds it is not in."""
    from safety.training.adapters import train_lora

    which = np.array([hashlib.sha256(fold(p).encode()).digest()[1] % folds for p in prompts])
    out = np.zeros((len(prompts), 384), np.float32)
    for k in range(folds):
        inside = np.flatnonzero(which != k)
        lora = train_lora([texts[i] for i in inside], [labels[i] for i in inside], classes, epochs=epochs,
                          progress=progress)
        held = np.flatnonzero(which == k)
        out[held] = embed_prompts([prompts[i] for i in held], cache, "minilm-lora", lora=lora)
    return out


def fit(vectors: Features, targets: list[str], classes: tuple[str, ...], c: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    y = np.array([classes.index(t) for t in targets])
    model = LogisticRegression(C=c, max_iter=3000, tol=1e-8)
    model.fit(vectors.astype(np.float64), y)
    return model.coef_.copy(), model.intercept_.copy()


def _lowest_threshold(scores: np.ndarray, allowed: int) -> float:
    """The lowest threshold that at most `allowed` of `scores` (benign prompts) reach."""
    ranked = np.sort(scores)[::-1]
    above = ranked[allowed] if allowed < len(ranked) else 0.0
    return float(np.nextafter(above, 1.0))


def choose_thresholds(probs: np.ndarray, classes: tuple[str, ...], targets: list[str], minor_rows: np.ndarray,
                      fp_budget: float, floor: float, minor_fp_budget: float,
                      minor_floor: float) -> tuple[dict[str, float], float]:
    """Per category: the lowest threshold (most recall) at which at most `fp_budget` of the tuning split's
    benign prompts would be blocked as that category, never below `floor`, nor below the common floor
    that keeps all categories together within twice `fp_budget` of them. For prompts with a minor signal:
    the lowest threshold on P(sexual) + P(sexual_minors) that at most `minor_fp_budget` of the benign
    prompts *with a minor signal* reach, never below `minor_floor`."""
    benign = np.array([t == BENIGN for t in targets])
    per_category = {}
    for i, cat in enumerate(classes):
        if cat == BENIGN:
            continue
        scores = probs[benign, i]
        per_category[cat] = max(floor, _lowest_threshold(scores, int(fp_budget * len(scores))))
    # Then one common floor, the lowest at which the split's benign prompts blocked by any category stay
    # within `fp_budget` * 2 overall (the gate's 2 %): the categories' budgets must not add up.
    cats = [i for i, c in enumerate(classes) if c != BENIGN]
    common = floor
    for candidate in np.arange(floor, 0.99, 0.005):
        blocked = np.zeros(int(benign.sum()), bool)
        for i in cats:
            blocked |= probs[benign, i] >= max(per_category[classes[i]], candidate)
        common = float(candidate)
        if blocked.mean() <= 2 * fp_budget:
            break
    thresholds = {cat: round(max(t, common), 6) for cat, t in per_category.items()}
    sexual = probs[:, [classes.index(c) for c in MINOR_SEXUAL_CLASSES]].sum(axis=1)
    minor_benign = sexual[benign & minor_rows]
    minor_threshold = max(minor_floor, _lowest_threshold(minor_benign, int(minor_fp_budget * len(minor_benign))))
    return thresholds, round(minor_threshold, 6)


def sha256_of(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


# --- hand-written rows ----------------------------------------------------------------------------------

WRITTEN = TRAINING / "written"
WRITTEN_TUNING_SHARE = 4  # one row in four (by a hash of its folded prompt) goes to the tuning split


def fold(prompt: str) -> str:
    """Case, Unicode compatibility forms and whitespace folded (as safety/training/written/check_written.py)."""
    return " ".join(unicodedata.normalize("NFKC", prompt).casefold().split())


def written_files(folder: Path | None) -> list[Path]:
    return sorted(folder.glob("*.tsv")) if folder is not None and folder.is_dir() else []


def written_rows(folder: Path | None, files: list[Path] | None = None
                 ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The hand-written rows of `folder/*.tsv` (`label<TAB>category<TAB>prompt` under `# style:` headers),
    split into (training, tuning) by a hash of the folded prompt: about three in four train, one in four tunes,
    whatever order or file a row is in, and a row keeps its side when the files grow. Category `none` rows are
    benign; an `allow` row of a category is one of its near misses (benign too). `files`: those of the folder's
    files the caller listed already (the ones the weights' fingerprint names)."""
    train_rows: list[tuple[str, str, str]] = []
    tune_rows: list[tuple[str, str, str]] = []
    for path in written_files(folder) if files is None else files:
        for label, category, prompt in read_labelled(path):
            side = hashlib.sha256(fold(prompt).encode()).digest()[0] % WRITTEN_TUNING_SHARE
            (tune_rows if side == 0 else train_rows).append((label, category, prompt))
    return train_rows, tune_rows


def as_screened(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [(label, category, screened_text(prompt)) for label, category, prompt in rows]


def corpus_digest(corpus: Path, tuning: Path, written: list[Path], tuning_only: list[Path] | None = None,
                  romanised: list[Path] | None = None, glossaries: list[Path] | None = None) -> str:
    """The weights' fingerprint: the corpus, the tuning split, every hand-written file, every tuning-only file,
    every file of the romanised head's rows and every glossary (name and bytes; the tuning-only, romanised and
    glossary ones marked as such, so that moving a file from one role to another changes it), and with glossaries
    the version of how they are read (`safety.gloss.READING`)."""
    if not written and not tuning_only and not romanised:
        return sha256_of(corpus, tuning)  # as before hand-written rows existed
    digest = hashlib.sha256(sha256_of(corpus, tuning).encode())
    for marker, paths in (("", written), ("tuning-only", tuning_only or []), ("romanised", romanised or []),
                          ("glossary", glossaries or [])):
        if marker and paths:
            digest.update(f"\0{marker}\0".encode())
        if marker == "glossary" and paths:
            digest.update(f"\0reading {READING}\0".encode())
        for path in paths:
            digest.update(f"\0{path.name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def train(corpus: Path, tuning: Path, *, c: float = 16.0, fp_budget: float = 0.010, floor: float = 0.55,
          other_floor: float = 0.40, minor_fp_budget: float = 0.005, minor_floor: float = 0.15,
          cache: Path | None = None,
          written: Path | None = WRITTEN, encoder: str = DEFAULT_ENCODER,
          e5_cache: Path | None = None, lora_epochs: float = 1.0, lora_folds: int = 1,
          tuning_only: Path | None = MORE_LANGUAGES, romanised: Path | None = ROMANISED_ROWS,
          progress: Callable[[str], None] | None = None) -> PromptClassifier:
    """`fp_budget`: per category, the share of the tuning split's benign prompts it may block, and half the share
    all seven together may block (0.010: at most 2 %. It was 0.008 from 2026-12-02, when 0.01 put that day's common
    threshold at 0.65 and refused a child hanging Christmas stockings, one of tests/test_safety_prompts.py's near
    misses. Since writer-z and writer-aa, a quarter of whose ~860 near misses that quote, negate, translate or report
    harm tune, 0.008 put the thresholds at 0.575 and, for the other languages, 0.50: on the seen sets 0.010's 0.55 and
    0.435 intercept 12 English and 23 other-language rows of the blind sets more for 6 and 7 more refused; the
    near miss with the stockings passes at both: docs/benchmarks.md, fourteenth pass). With a minor signal, the
    threshold sits just above all but `minor_fp_budget` of the split's benign prompts that have one: the lexicon
    blocks the sexual contexts it knows, the classifier those it does not. (At 0, one benign row of the
    hand-written set, a family at a water park in swimsuits, put the threshold above 1: the check could never
    fire. 0.005 lets 2 of the ~530 such rows through to a refusal.)
    `written`: the folder of hand-written rows, split between training and tuning by `written_rows` (None: none).
    `encoder`: one of ENCODERS. `c`: the inverse regularisation strength; 16 for MiniLM + e5 on the corpus and
    written rows (4 before: with 768 inputs and the written rows, 16 did better than 1, 4 and 8 on the tuning split,
    the holdouts and the golden set).
    `lora_epochs`: with a "minilm-lora" encoder, the adapters' passes over the training rows
    (safety.training.adapters.train_lora), trained first. `lora_folds`: 1, the regression reads the tuned vectors of
    the rows the adapters learned (in sample: it trusts them more than new wording deserves, and refused more of
    it); > 1, the training rows are split in that many folds (by a hash of the folded prompt) and each fold's tuned
    vectors come from adapters trained on the other folds (out of fold); screening reads the adapters trained on all
    rows. Neither beat the frozen encoder in the whole screen (docs/benchmarks.md, seventh pass); out of fold, with
    2 folds, intercepted less than in sample (its vectors come from adapters trained on half the rows).
    `tuning_only`: a folder of labelled rows (*.tsv) that only tune: with the tuning split's, those read as another
    language than English choose the other languages' thresholds (`other_thresholds`, the same budgets, never above
    the common ones), those read as ROMANISED the romanised text's (`romanised_thresholds`); None: no rows besides
    the split's. The common thresholds are chosen on the split alone. The other languages' minor check sits just
    above the highest of their benign rows with a minor signal (no share: there are a few hundred). `floor`: no
    common threshold below it (with the "chars" part and writer-u's rows the budget reaches it: docs/benchmarks.md,
    twelfth pass). `other_floor`: the other languages' thresholds' floor (the romanised text's too). With the "chars"
    part their rows score lower (n-grams of languages the training rows hardly have pull towards benign) and 0.55
    held them above what their budget chose (0.45).
    `romanised`: a folder of hand-written rows (*.tsv, split as `written`'s) for the romanised head only (module
    docstring): it is fitted on every training row plus the folder's training side, and the romanised thresholds
    are chosen on its probabilities for the rows read as ROMANISED among the tuning split's, the tuning-only rows
    and the folder's tuning side (never above the common ones). The common classifier and every other threshold are
    as without the folder. None, or a folder without rows: no head, and the romanised thresholds are the common
    classifier's.
    """
    if encoder not in ENCODERS:
        raise ValueError(f"encoder {encoder!r} is not one of {ENCODERS}")
    # The files are listed once: their rows and the weights' fingerprint name the same ones, even when a file is
    # added to the folder while the fit runs.
    written_list, extra_files = written_files(written), written_files(tuning_only)
    romanised_list = written_files(romanised)
    # The glossaries decide which rows are read as ROMANISED (`screen_group`) and what the head learns from their
    # glossed readings: the fingerprint names them when a romanised folder is given.
    glossary_list = sorted(GLOSSARY_DIR.glob("*.tsv")) if romanised_list else []
    written_train, written_tune = written_rows(written, written_list)
    train_rows, tune_rows = read_labelled(corpus) + written_train, read_labelled(tuning) + written_tune
    # Each row as the screen reads it (safety/negative.py): its negative section left out, the safeguards that
    # section takes away written in.
    train_rows, tune_rows = as_screened(train_rows), as_screened(tune_rows)
    classes = (BENIGN, *sorted({cat for label, cat, _ in train_rows if label == "block"}))
    rule_pass = default_rule_pass()
    lora = None
    if "minilm-lora" in encoder.split("+"):
        from safety.training.adapters import train_lora

        texts = [rule_pass.normalise(p) for _, _, p in train_rows]
        labels = [classes.index(target(lb, cat)) for lb, cat, _ in train_rows]
        lora = train_lora(texts, labels, len(classes), epochs=lora_epochs, progress=progress)
    train_prompts, tune_prompts = [p for _, _, p in train_rows], [p for _, _, p in tune_rows]
    if lora is not None and lora_folds > 1:
        parts = [_out_of_fold(train_prompts, texts, labels, len(classes), lora_folds, lora_epochs, cache, progress)
                 if part == "minilm-lora" else embed_prompts(train_prompts, cache, part, e5_cache)
                 for part in encoder.split("+")]
        train_vectors = side_by_side(parts)
        tune_vectors = embed_prompts(tune_prompts, cache, encoder, e5_cache, lora)
    else:  # one call, as the committed weights were made (MiniLM's batches, hence its last bits, depend on it)
        vectors = embed_prompts(train_prompts + tune_prompts, cache, encoder, e5_cache, lora)
        train_vectors, tune_vectors = vectors[:len(train_rows)], vectors[len(train_rows):]
    coef, intercept = fit(train_vectors, [target(lb, cat) for lb, cat, _ in train_rows], classes, c)
    coef = stored_coef(coef, encoder)
    model = PromptClassifier(classes, coef, intercept, {}, 1.0,
                             corpus_digest(corpus, tuning, written_list, extra_files, romanised_list, glossary_list),
                             encoder, lora)

    def probabilities(rows: list[tuple[str, str, str]], vectors: Features,
                      scorer: PromptClassifier | None = None) -> np.ndarray:
        """Thresholds are chosen on the probabilities screening uses: the highest over the prompt and its clauses
        (`scorer`'s: the common classifier by default)."""
        scorer = scorer or model
        owners = [i for i, (_, _, p) in enumerate(rows) for _ in split_clauses(p)]
        clause_texts = [c for _, _, p in rows for c in split_clauses(p)]
        probs = scorer.probabilities(vectors)
        if clause_texts:
            clause_vectors = embed_prompts(clause_texts, cache, encoder, e5_cache, lora)
            probs = clause_max(probs, scorer.probabilities(clause_vectors), owners)
        return probs

    def minor_rows(rows: list[tuple[str, str, str]]) -> np.ndarray:
        return np.array([bool(rule_pass.minor_signal(rule_pass.normalise(p), p)) for _, _, p in rows], dtype=bool)

    tune_probs = probabilities(tune_rows, tune_vectors)
    thresholds, minor_threshold = choose_thresholds(
        tune_probs, classes, [target(lb, cat) for lb, cat, _ in tune_rows], minor_rows(tune_rows),
        fp_budget, floor, minor_fp_budget, minor_floor)

    def group_thresholds(rows: list[tuple[str, str, str]]) -> tuple[dict[str, float] | None, float | None, int]:
        """A language group's thresholds on its rows (None without benign ones), never above the common ones, and
        how many of its benign rows have a minor signal. Their own embedding calls, so that the split's vectors,
        hence the common thresholds, stay as without them."""
        if not any(label != "block" for label, _, _ in rows):
            return None, None, 0
        probs = probabilities(rows, embed_prompts([p for _, _, p in rows], cache, encoder, e5_cache, lora))
        targets = [target(lb, cat) for lb, cat, _ in rows]
        minors = minor_rows(rows)
        # The minor check lets none of the group's benign rows with a minor signal through to a refusal: there are
        # too few of them for a share (217 on 2026-12-04: 0.5 % is one row, and which row moved the threshold from
        # 0.35 to 0.20 between two retrains, refusing children in ordinary scenes the blind sets hold).
        chosen, chosen_minor = choose_thresholds(probs, classes, targets, minors, fp_budget, other_floor, 0.0,
                                                 minor_floor)
        benign_minors = sum(1 for t, m in zip(targets, minors, strict=True) if m and t == BENIGN)
        return ({cat: min(t, thresholds[cat]) for cat, t in chosen.items()}, min(chosen_minor, minor_threshold),
                benign_minors)

    # The other languages' thresholds: on the split's rows read as another language and the tuning-only rows; those
    # the identifier cannot place (ROMANISED) choose their own.
    extra_rows = as_screened([row for path in extra_files for row in read_labelled(path)])
    group_of = screen_group if glossary_list else (lambda text: (language_group(text), None))
    read_as = [(row, *group_of(row[2])) for row in tune_rows + extra_rows]  # (row, group, glossed reading)
    other_thresholds, other_minor, _ = group_thresholds([row for row, g, _ in read_as if g == OTHER_LANGUAGE])
    romanised_thresholds, romanised_minor, romanised_minors = (
        group_thresholds([row for row, g, _ in read_as if g == ROMANISED]) if other_thresholds is not None
        else (None, None, 0))
    if romanised_thresholds is not None and romanised_minors < ROMANISED_MIN_MINOR_ROWS:
        romanised_minor = other_minor  # too few rows to place the minor check: the other languages' holds
    head_coef = head_intercept = None
    head_train, head_tune = written_rows(romanised, romanised_list)
    if romanised_thresholds is not None and head_train:
        # The romanised head: every training row plus the folder's, its own embedding calls (the common classifier's
        # vectors stay as without the folder).
        # It also learns the glossed readings of the rows the screen glosses (safety/gloss.py), with their labels:
        # it scores the glossed reading of a prompt as well as the prompt, so it must know what harmless rows look
        # like glossed ("a balcony at sunset, music"), not only harmful ones.
        head_train, head_tune = as_screened(head_train), as_screened(head_tune)
        glossed_train = [(lb, cat, reading) for lb, cat, p in train_rows + head_train
                         if (reading := group_of(p)[1]) is not None]
        head_rows = head_train + glossed_train
        extra_vectors = embed_prompts([p for _, _, p in head_rows], cache, encoder, e5_cache, lora)
        head_coef, head_intercept = fit(stacked(train_vectors, extra_vectors),
                                        [target(lb, cat) for lb, cat, _ in train_rows + head_rows], classes, c)
        head_coef = stored_coef(head_coef, encoder)
        head = PromptClassifier(classes, head_coef, head_intercept, {}, 1.0, model.corpus_sha256, encoder, lora)
        tuned = [(row, glossed) for row, g, glossed in read_as if g == ROMANISED]
        tuned += [(row, glossed) for row in head_tune for g, glossed in [group_of(row[2])] if g == ROMANISED]
        rows = [row for row, _ in tuned]
        probs = probabilities(rows, embed_prompts([p for _, _, p in rows], cache, encoder, e5_cache, lora), head)
        # As screened: the higher of the prompt's and its glossed reading's probabilities.
        tune_glossed = [(i, found) for i, (_, found) in enumerate(tuned) if found is not None]
        if tune_glossed:
            glossed_probs = head.probabilities(embed_prompts([g for _, g in tune_glossed], cache, encoder, e5_cache,
                                                             lora))
            probs = clause_max(probs, glossed_probs, [i for i, _ in tune_glossed])
        chosen, _ = choose_thresholds(probs, classes, [target(lb, cat) for lb, cat, _ in rows],
                                      np.zeros(len(rows), dtype=bool), fp_budget, other_floor, 0.0, minor_floor)
        romanised_thresholds = {cat: min(t, thresholds[cat]) for cat, t in chosen.items()}
    return PromptClassifier(classes, coef, intercept, thresholds, minor_threshold, model.corpus_sha256, encoder, lora,
                            other_thresholds, other_minor, romanised_thresholds, romanised_minor, head_coef,
                            head_intercept)


def stacked(top: Features, bottom: Features) -> Features:
    """Two sets of the classifier's inputs one above the other (sparse when either is)."""
    from scipy import sparse

    if sparse.issparse(top) or sparse.issparse(bottom):
        return sparse.vstack([sparse.csr_matrix(top), sparse.csr_matrix(bottom)], format="csr")
    return np.vstack([top, bottom])
