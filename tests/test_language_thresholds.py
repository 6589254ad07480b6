"""Prompts in other languages than English are judged by thresholds of their own (chosen on rows in those
languages), never above the common ones: the language identifier (py3langid, shipped in its wheel) decides
which apply, and a wrong reading can only make a refusal more likely, never less. Text it cannot place (romanised
writing: Hinglish, Arabizi, romaji, pinyin, translit) has its own, chosen on such rows alone, and a classifier of its
own (the romanised head) beside the common one, which still refuses what it would refuse in English."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from safety import classifier as classifier_module
from safety.classifier import (
    ENGLISH,
    OTHER_LANGUAGE,
    ROMANISED,
    ROMANISED_ATTRACTORS,
    ROMANISED_CONFIDENCE,
    WEIGHTS,
    PromptClassifier,
    classifier,
    language_group,
)
from safety.defaults import ensure_default_policy
from safety.policy import Policy, current_policy
from safety.screening import romanised_probabilities, screen_prompts

ENGLISH_PROMPTS = [
    "a cat asleep on a windowsill in the afternoon sun",
    "drone shot over a foggy pine forest at dawn, cinematic",
    "dog",
    "4k timelapse of Tokyo at night",
    "Forrest Gump crying on a park bench",
    "",
]
OTHER_PROMPTS = [
    "un gato durmiendo en la ventana bajo el sol de la tarde",
    "eine Katze schläft am Fenster in der Nachmittagssonne",
    "кошка спит на подоконнике под вечерним солнцем",
    "一只猫在午后的阳光下睡在窗台上",
    "kucing tidur di jendela pada sore hari yang cerah",
    "paka analala dirishani jua la mchana likiwaka",
    "bir kedi öğleden sonra güneşte pencere kenarında uyuyor",
]
# The same everyday scene typed in Latin letters: Hinglish, Arabizi, romaji, pinyin, Russian translit, Korean.
ROMANISED_PROMPTS = [
    "bhai ek video bana do jisme billi khidki pe so rahi ho, dopahar ki dhoop",
    "ana 3ayez video le otta nayma 3ala el shebbak fel shams",
    "neko ga mado no soba de hirune shite iru douga wo tsukutte",
    "yi zhi mao zai chuang tai shang shui jiao, xia wu de yang guang",
    "kot spit na podokonnike pod vechernim solntsem",
    "goyangi ga changga eseo natjam ja neun yeongsang mandeureo juseyo",
]


@pytest.fixture
def policy(db: None) -> Policy:
    ensure_default_policy()
    return current_policy()


def test_the_language_group_reads_other_languages_and_falls_back_to_english() -> None:
    assert [language_group(p) for p in ENGLISH_PROMPTS] == [ENGLISH] * len(ENGLISH_PROMPTS)
    assert [language_group(p) for p in OTHER_PROMPTS] == [OTHER_LANGUAGE] * len(OTHER_PROMPTS)
    assert [language_group(p) for p in ROMANISED_PROMPTS] == [ROMANISED] * len(ROMANISED_PROMPTS)
    # The Russian prompt's likeliest language has 0.45 (Macedonian and Serbian share the rest), as unsure as romanised
    # text, but text in another script is never read as romanised; Croatian in Latin letters (0.37, then Bosnian and
    # Serbian) is: its thresholds are at or below the common ones all the same.
    assert language_group("Mačka spava na prozoru na popodnevnom suncu") == ROMANISED


def test_the_committed_weights_carry_other_languages_thresholds_never_above_the_common_ones() -> None:
    model = classifier()
    assert model.other_thresholds is not None and model.other_minor_sexual_threshold is not None
    assert set(model.other_thresholds) == set(model.thresholds)
    assert all(model.other_thresholds[c] <= t for c, t in model.thresholds.items())
    assert model.other_minor_sexual_threshold <= model.minor_sexual_threshold
    common, common_minor = model.thresholds_for(ENGLISH)
    other, other_minor = model.thresholds_for(OTHER_LANGUAGE)
    assert common == model.thresholds and common_minor == min(model.minor_sexual_threshold, common["sexual"])
    assert other == model.other_thresholds and other_minor <= common_minor
    assert any(other[c] < t for c, t in common.items())  # they differ: the group is not decoration
    assert model.romanised_thresholds is not None and model.romanised_minor_sexual_threshold is not None
    assert all(model.romanised_thresholds[c] <= t for c, t in model.thresholds.items())
    romanised, romanised_minor = model.thresholds_for(ROMANISED)
    assert romanised == model.romanised_thresholds and romanised_minor <= common_minor
    assert romanised != other  # chosen on their own rows
    # Weights without the romanised group's thresholds judge romanised text by the other languages'.
    assert dataclasses.replace(model, romanised_thresholds=None, romanised_minor_sexual_threshold=None,
                               romanised_coef=None, romanised_intercept=None
                               ).thresholds_for(ROMANISED) == (other, other_minor)


def test_weights_with_other_languages_thresholds_above_the_common_ones_or_half_of_them_are_refused(
        tmp_path: Path) -> None:
    model = PromptClassifier.read(WEIGHTS)
    assert model.other_thresholds is not None
    with pytest.raises(ValueError, match="must not be above the common ones"):
        dataclasses.replace(model, other_thresholds={c: 0.99 for c in model.thresholds})
    with pytest.raises(ValueError, match="must not be above the common ones"):
        dataclasses.replace(model, other_minor_sexual_threshold=0.99)
    with pytest.raises(ValueError, match="come together"):
        dataclasses.replace(model, other_minor_sexual_threshold=None)
    with pytest.raises(ValueError, match="other categories"):
        dataclasses.replace(model, other_thresholds={"violence": 0.1})
    with pytest.raises(ValueError, match="romanised text's thresholds must not be above the common ones"):
        dataclasses.replace(model, romanised_thresholds={c: 0.99 for c in model.thresholds})
    with pytest.raises(ValueError, match="romanised text's thresholds and their minor check's come together"):
        dataclasses.replace(model, romanised_minor_sexual_threshold=None)
    with pytest.raises(ValueError, match="come with the other languages'"):
        dataclasses.replace(model, other_thresholds=None, other_minor_sexual_threshold=None)
    path = tmp_path / "weights.npz"
    with np.load(WEIGHTS, allow_pickle=False) as data:  # a file with one of the two arrays: refused where it is read
        np.savez(path, **{k: data[k] for k in data.files if k != "other_minor_sexual_threshold"})
    with pytest.raises(ValueError, match="come together"):
        PromptClassifier.read(path)


def test_thresholds_for_another_language_round_trip(tmp_path: Path) -> None:
    model = PromptClassifier.read(WEIGHTS)
    path = tmp_path / "weights.npz"
    model.save(path)
    again = PromptClassifier.read(path)
    assert again.other_thresholds == model.other_thresholds
    assert again.other_minor_sexual_threshold == model.other_minor_sexual_threshold
    assert again.romanised_thresholds == model.romanised_thresholds
    assert again.romanised_minor_sexual_threshold == model.romanised_minor_sexual_threshold
    assert again.romanised_coef is not None and model.romanised_coef is not None
    assert np.array_equal(again.romanised_coef, model.romanised_coef)
    # Weights made before the groups existed: every prompt gets the common thresholds.
    older = dataclasses.replace(model, other_thresholds=None, other_minor_sexual_threshold=None,
                                romanised_thresholds=None, romanised_minor_sexual_threshold=None, romanised_coef=None,
                                romanised_intercept=None)
    older.save(path)
    read = PromptClassifier.read(path)
    assert read.other_thresholds is None and read.thresholds_for(OTHER_LANGUAGE) == read.thresholds_for(ENGLISH)
    assert read.thresholds_for(ROMANISED) == read.thresholds_for(ENGLISH)
    with np.load(path, allow_pickle=False) as data:
        assert "other_thresholds" not in data.files and "romanised_thresholds" not in data.files
    assert language_group("ｔｈｅ ｃａｔ ｓｌｅｅｐｓ ｏｎ ｔｈｅ ｗｉｎｄｏｗｓｉｌｌ") == ENGLISH  # fullwidth letters


@pytest.mark.parametrize(("group", "foreign", "beside"), [(OTHER_LANGUAGE, OTHER_PROMPTS[0], ROMANISED_PROMPTS[0]),
                                                          (ROMANISED, ROMANISED_PROMPTS[0], OTHER_PROMPTS[0])])
def test_screening_judges_a_prompt_in_another_language_by_that_groups_thresholds(
        policy: Policy, monkeypatch: pytest.MonkeyPatch, group: str, foreign: str, beside: str) -> None:
    """The same everyday scene in English, in Spanish and in Hinglish, with one group's thresholds set (for this
    test) at half its prompt's highest probability (the audit rounds probabilities to 4 decimals: 0.9 of a rounded
    0.0001 can be above the probability itself): only that prompt is refused, by the classifier, and its
    audit names the group; the English prompt and the other group's (its thresholds as committed) pass. With the
    committed thresholds all pass."""
    english = ENGLISH_PROMPTS[0]
    committed = classifier()
    assert not any(v.blocked for v in screen_prompts([english, foreign, beside], policy))
    fired = screen_prompts([foreign], policy)[0].fired
    # A romanised prompt's categories are judged by the romanised head's probabilities.
    probs = fired["romanised_head"] if group == ROMANISED and committed.romanised_head else fired["classifier"]
    category = max(probs, key=probs.get)
    lowered = {c: (probs[category] * 0.5 if c == category else t) for c, t in committed.thresholds.items()}
    monkeypatch.setattr(classifier_module, "_loaded", dataclasses.replace(committed, other_thresholds=lowered)
                        if group == OTHER_LANGUAGE else dataclasses.replace(committed, romanised_thresholds=lowered))
    english_verdict, verdict, beside_verdict = screen_prompts([english, foreign, beside], policy)
    assert not english_verdict.blocked and "language" not in english_verdict.fired
    assert not beside_verdict.blocked and beside_verdict.fired["language"] != group
    assert verdict.blocked and verdict.fired["stage"] == "classifier"
    assert verdict.fired["language"] == group
    assert verdict.fired["threshold"] == pytest.approx(probs[category] * 0.5)


def test_a_minor_signal_in_another_language_is_judged_by_that_groups_minor_threshold(
        policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    """An everyday prompt about a child (a minor signal, no sexual context) in Spanish and in English: with the other
    languages' minor check set (for this test) below both prompts' sexual probability, only the Spanish one is
    refused, as sexual content involving minors at that threshold; with the committed weights neither is."""
    spanish = "una niña de ocho años en traje de baño en la playa haciendo un castillo de arena"
    english = "an eight year old girl in a swimsuit at the beach building a sandcastle"
    for prompt in (spanish, english):
        assert policy.rules.minor_signal(policy.rules.normalise(prompt), prompt)
    assert language_group(spanish) == OTHER_LANGUAGE and language_group(english) == ENGLISH
    committed = classifier()
    verdicts = screen_prompts([english, spanish], policy)
    assert not any(v.blocked for v in verdicts)
    sexual = [v.fired["classifier"]["sexual"] + v.fired["classifier"]["sexual_minors"] for v in verdicts]
    # The audit's probabilities are rounded to 4 digits (+-0.00005): half the lower one is below both true values
    # as long as it is not tiny (the character n-grams put these everyday prompts near 0.0006).
    threshold = min(sexual) * 0.5
    assert threshold >= 0.0002
    monkeypatch.setattr(classifier_module, "_loaded",
                        dataclasses.replace(committed, other_minor_sexual_threshold=threshold))
    english_verdict, spanish_verdict = screen_prompts([english, spanish], policy)
    assert not english_verdict.blocked  # above the lowered threshold too, but judged by the common one
    assert spanish_verdict.blocked and spanish_verdict.category == "sexual_minors"
    assert spanish_verdict.fired["stage"] == "minor_signal" and spanish_verdict.fired["language"] == OTHER_LANGUAGE
    assert spanish_verdict.fired["threshold"] == pytest.approx(threshold)


def with_head(model: PromptClassifier, bias: dict[str, float]) -> PromptClassifier:
    """`model` with a romanised head: the common coefficients, the intercepts moved by `bias` (class -> logit)."""
    shift = np.array([bias.get(c, 0.0) for c in model.classes])
    return dataclasses.replace(model, romanised_coef=model.coef.copy(), romanised_intercept=model.intercept + shift)


def test_the_romanised_head_judges_romanised_prompts_only(policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    """A head that reads every prompt as violence (for this test) refuses the romanised prompt, by the classifier, at
    the romanised threshold, with the head's probability in the audit; the English and the Spanish prompt, the same
    scene, are judged by the common classifier and pass."""
    english, spanish, romanised = ENGLISH_PROMPTS[0], OTHER_PROMPTS[0], ROMANISED_PROMPTS[0]
    committed = classifier()
    monkeypatch.setattr(classifier_module, "_loaded", with_head(committed, {"violence": 40.0}))
    english_verdict, spanish_verdict, verdict = screen_prompts([english, spanish, romanised], policy)
    assert not english_verdict.blocked and "romanised_head" not in english_verdict.fired
    assert not spanish_verdict.blocked and "romanised_head" not in spanish_verdict.fired
    assert verdict.blocked and verdict.category == "violence" and verdict.fired["stage"] == "classifier"
    assert verdict.fired["language"] == ROMANISED and verdict.fired["romanised_head"]["violence"] > 0.99
    assert verdict.fired["classifier"]["violence"] < 0.5  # the common classifier would not have refused it
    assert committed.romanised_thresholds is not None
    assert verdict.fired["threshold"] == committed.romanised_thresholds["violence"]


def test_a_romanised_prompt_the_common_classifier_refuses_is_refused_whatever_the_head_says(
        policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a prompt as romanised never lets through what the common thresholds refuse: with a head that reads
    every prompt as harmless and the common threshold of the romanised prompt's likeliest category set (for this
    test) just below its common probability, it is refused at the romanised threshold with the common classifier's
    probability; with the committed common threshold, the same head lets it pass."""
    romanised = ROMANISED_PROMPTS[0]
    committed = classifier()
    assert committed.romanised_thresholds is not None
    harmless = with_head(committed, {"benign": 40.0})
    monkeypatch.setattr(classifier_module, "_loaded", harmless)
    verdict = screen_prompts([romanised], policy)[0]
    assert not verdict.blocked and max(verdict.fired["romanised_head"].values()) < 1e-6
    probs = verdict.fired["classifier"]
    category = max((c for c in probs if c != "likeness"), key=probs.get)  # likeness also needs a named person
    lowered = {c: (probs[category] * 0.5 if c == category else t) for c, t in committed.thresholds.items()}
    romanised_lowered = {c: min(t, lowered[c]) for c, t in committed.romanised_thresholds.items()}
    monkeypatch.setattr(classifier_module, "_loaded", dataclasses.replace(
        harmless, thresholds=lowered, romanised_thresholds=romanised_lowered,
        other_thresholds={c: min(t, lowered[c]) for c, t in (committed.other_thresholds or {}).items()}))
    verdict = screen_prompts([romanised], policy)[0]
    assert verdict.blocked and verdict.fired["stage"] == "classifier" and verdict.fired["language"] == ROMANISED
    assert verdict.fired["probability"] == pytest.approx(probs[category], abs=1e-4)


def test_romanised_probabilities_take_the_common_classifiers_only_where_it_refuses() -> None:
    common = {"violence": 0.60, "hate": 0.40, "weapons": 0.10}
    head = {"violence": 0.20, "hate": 0.50, "weapons": 0.05}
    assert romanised_probabilities(common, head, {"violence": 0.57, "hate": 0.57, "weapons": 0.05}) == {
        "violence": 0.60, "hate": 0.50, "weapons": 0.10}
    # Text the identifier read as another language, judged as ROMANISED because a glossary reads it: where the common
    # classifier reaches that group's (lower) thresholds, the category reaches the romanised threshold.
    other = {"violence": 0.50, "hate": 0.50, "weapons": 0.50}
    romanised = {"violence": 0.57, "hate": 0.57, "weapons": 0.57}
    assert romanised_probabilities({"violence": 0.52, "hate": 0.40, "weapons": 0.10}, head, other, romanised) == {
        "violence": 0.57, "hate": 0.50, "weapons": 0.05}


def test_the_romanised_head_is_validated_saved_and_read(tmp_path: Path) -> None:
    model = with_head(PromptClassifier.read(WEIGHTS), {"violence": 1.0})
    assert model.romanised_coef is not None and model.romanised_intercept is not None
    assert model.romanised_head is not None and model.romanised_head.romanised_head is None
    assert np.array_equal(model.romanised_head.intercept, model.romanised_intercept)
    path = tmp_path / "weights.npz"
    model.save(path)
    again = PromptClassifier.read(path)
    assert again.romanised_coef is not None and again.romanised_intercept is not None
    assert np.array_equal(again.romanised_coef, model.romanised_coef.astype(np.float32))
    assert np.array_equal(again.romanised_intercept, model.romanised_intercept)
    with pytest.raises(ValueError, match="come together or not at all"):
        dataclasses.replace(model, romanised_intercept=None)
    with pytest.raises(ValueError, match="differ from the common"):
        dataclasses.replace(model, romanised_coef=model.coef[:, :10])
    with pytest.raises(ValueError, match="comes with the romanised text's thresholds"):
        dataclasses.replace(model, romanised_thresholds=None, romanised_minor_sexual_threshold=None)
    # Weights without a head: the romanised thresholds apply to the common classifier's probabilities.
    older = dataclasses.replace(model, romanised_coef=None, romanised_intercept=None)
    older.save(path)
    read = PromptClassifier.read(path)
    assert read.romanised_head is None and read.romanised_thresholds == model.romanised_thresholds
    with np.load(path, allow_pickle=False) as data:
        assert "romanised_coef" not in data.files


@pytest.mark.parametrize("text", [
    "sakura no ki no shita de neko ga nemutte iru douga wo tsukutte kudasai",  # romaji, read as Shona
    "yeoreum bada eseo gajok deuri moraesseong eul mandeuneun yeongsang",  # romanised Korean, read as Acehnese
    "Mwana anotamba bhora kunze kwemba masikati",  # Shona itself: the price of the rule
])
def test_text_read_confidently_as_a_romanised_attractor_language_is_romanised(text: str) -> None:
    """The identifier reads some romanised writing confidently as a language few users write; Latin-letter text read
    as one of ROMANISED_ATTRACTORS is ROMANISED whatever the probability (so it reaches the romanised head)."""
    import unicodedata

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    language, probability = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True).rank(
        unicodedata.normalize("NFKC", text))[0]
    assert language in ROMANISED_ATTRACTORS and probability >= ROMANISED_CONFIDENCE
    assert language_group(text) == ROMANISED
