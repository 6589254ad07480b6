"""Prompt screening: rules, a minor-signal check, the reviewers' exemplars, then the learned classifier.

`screen_prompts` takes a batch (the screening stage collects up to KINEMA_SCREEN_BATCH waiting jobs),
normalises it, runs the rule pass and embeds the batch in one MiniLM forward pass (the exemplar similarities are
matrix products on it); the classifier's inputs (e5, the clauses, the character n-grams) are made only for the
prompts the rules did not refuse, whose verdict is final. In order, a prompt is blocked when:

1. **rules** fire (`safety.rules.RulePass`): a pattern, a protected person's name, a named real person in
   a deceptive, sexual or humiliating scene, or a minor term together with a sexual term (sexual content
   involving minors, whatever the wording);
2. **a minor signal** (any minor term: an age under 18, a school grade, a child word, a child's body or
   clothes) comes with a sexual score: the classifier's P(sexual) + P(sexual minors) at or above its
   `minor_sexual_threshold` (chosen on the tuning split; never above the adult sexual threshold), or a similarity to a
   sexual exemplar within MINOR_SEXUAL_MARGIN of the sexual threshold. Blocked as sexual content
   involving minors: with a child in the prompt, the benefit of the doubt goes to the child;
3. **exemplars** (edited by reviewers in the admin): the best cosine similarity to a category's
   exemplars reaches that category's threshold. They block near-duplicates of what reviewers have seen;
   adding an exemplar takes effect on the next prompt, without retraining. A prompt without a minor term is
   refused by a sexual_minors exemplar only with a second signal: a sexual context, the classifier's, or a
   near-duplicate (MINOR_EXEMPLAR_WITHOUT_TERM);
4. **the classifier** (`safety.classifier`, trained on safety/training/): a category's probability
   reaches its threshold. It adds recall on wording nobody wrote down: intent described without the
   rules' words. A prompt read as another language than English (`language_group`) is judged by that
   group's thresholds, steps 2 and 4, which are never above the common ones; a ROMANISED prompt's
   categories by the romanised head at its thresholds, or by the common classifier at the common ones. A prompt in
   Latin letters read as ROMANISED, or as English or another language, that a glossary reads (safety/gloss.py) is
   judged as ROMANISED, and the head reads it both as written and glossed word by word into English (the higher
   probability); the rules read the glossary's reviewed everyday words that alone meet one, and whose gloss does not,
   as their gloss (`GLOSSED_EVERYDAY_WORDS`: Vietnamese "tot", good, is not the English child word there).

A rule hit that its context makes benign (art-class nudity, suicide prevention, a war documentary:
`RuleVerdict.deferred`) is not blocked at step 1 but still goes through steps 2 and 4 (and step 3 for
the other categories: the deferred word dominates the similarity to its own category's exemplars). A sexual verdict
for a prompt with a minor signal is reported as sexual content involving minors. Verdicts are allow or
block: a prompt is cheap to rephrase, so borderline prompts are not held for humans (clips are, see
safety.frames).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np

from safety.characters import CharacterNames, character_verdict, rule_verdict
from safety.classifier import (
    BENIGN,
    ENGLISH,
    OTHER_LANGUAGE,
    ROMANISED,
    PromptClassifier,
    classifier,
    clause_max,
    glossed_reading,
    language_group,
    split_clauses,
)
from safety.embeddings import e5_text, embed, embed_cached
from safety.framing import without_framing
from safety.gloss import by_code, key_of
from safety.negative import read_with_negative
from safety.policy import Policy, current_policy
from safety.rules import RulePass, names_someone

# How close to the sexual threshold a prompt that mentions minors may come before it is blocked.
MINOR_SEXUAL_MARGIN = 0.06
MINORS = "sexual_minors"
# In a prompt read as another language than English, the likeness score blocks without a name found by the rules
# from this probability up: their search for names reads Latin-script given names and listed figures, and misses
# most people as other languages write them ("дипфейк: Путин ...", "الإعلامي عمرو أديب", "马斯克", "Trấn Thành").
# On the seen evaluation sets (2026-12-05), rows of other languages left through for want of a name, by score:
# >= 0.47 (the group's threshold) 58 disallowed / 7 allowed, >= 0.60 51 / 1; in English the score without a name
# reacts to the scene alone (>= 0.60: 14 disallowed / 28 allowed), so English keeps the name as a condition.
UNNAMED_LIKENESS_OTHER = 0.6
# A prompt without any minor term is refused by a sexual_minors exemplar only with a second signal: a sexual context the
# rules find ("wedding night", "lingerie"), the classifier's probability of sexual content involving minors at
# this share of its threshold, or a near-duplicate of the exemplar (MINOR_EXEMPLAR_NEAR_DUPLICATE: a reviewer's exemplar
# refuses its own text at once). MiniLM places an adult bride ("a beautiful bride at her wedding": 0.71, "bride walking
# down aisle": 0.57) near "a child bride on her wedding night", above the category's 0.55, with none of them. The
# exemplars stay for what the classifier misses: a child described without a minor term in a sexual context ("a bride
# who has not reached puberty on her wedding night", P(sexual_minors) 0.12) meets the rules' sexual context. On the seen
# evaluation sets (21,248 rows, 2026-12-06), hits without a minor term refused 5 harmless rows and 2 disallowed ones.
MINOR_EXEMPLAR_WITHOUT_TERM = 0.5
MINOR_EXEMPLAR_NEAR_DUPLICATE = 0.9


@dataclass(frozen=True)
class PromptVerdict:
    blocked: bool
    category: str = ""
    fired: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)  # best exemplar similarity per category

    @property
    def verdict(self) -> str:
        return "block" if self.blocked else "allow"


_WORDS = re.compile(r"\w+")


def _obfuscated(raw: str, normalised: str) -> bool:
    """Did the normaliser change the words of this mostly Latin-script prompt (not only case and punctuation)?
    Other scripts are left out: the normaliser folds them to Latin look-alikes or drops them."""
    text = e5_text(raw)
    letters = [ch for ch in text if ch.isalpha()]
    if not normalised or not letters or sum(ch.isascii() for ch in letters) < 0.8 * len(letters):
        return False
    return _WORDS.findall(normalised) != _WORDS.findall(text.casefold())


def screen_prompts(prompts: list[str], policy: Policy | None = None,
                   characters: list[CharacterNames] | None = None, *, negatives: list[str] | None = None,
                   clauses: bool = True) -> list[PromptVerdict]:
    """What is screened is what the model will be asked to draw (safety/negative.py). Without `negatives`, a prompt
    is a whole text as typed: its own "Negative prompt: ..." section is left out (as the request moves it to the
    negative prompt) and read as the negative prompt; with `negatives` (per prompt: a job's), prompts are as stored
    for the model and read whole. The negative prompt's items that tell the video what to do ("show the wound") are
    read as part of the prompt, and the safeguards it takes away ("clothes", "censorship") as the prompt would say
    them ("without any clothes", "uncensored").
    `characters`, per prompt: the consented characters it names (safety.characters). They change one
    thing: the likeness checks for an unprotected named person (its rule, the likeness exemplars and
    score) read the prompt with the owner's names masked; every other check reads it as written.
    The sentence encoders (the prompt's side of the exemplars' similarities, the classifier) read it without its framing
    ("make a video of": safety/framing.py); the rules and the search for named people read it as written
    ("realistic", a name's place in the sentence are theirs to judge).
    `clauses=False` scores whole prompts only (the cost baseline of bench/safety_cost.py)."""
    policy = policy or current_policy()
    if not prompts:
        return []
    # Without `negatives`, each prompt is a whole text as typed (its own negative section split off here, as the
    # request does); with them, prompts as stored for the model (split at submission), read whole.
    read = [read_with_negative(p, n, typed=negatives is None)
            for p, n in zip(prompts, negatives if negatives is not None else [""] * len(prompts), strict=True)]
    prompts = [text for text, _, _ in read]
    names: list[CharacterNames | None] = list(characters) if characters is not None else [None] * len(prompts)
    model = classifier()
    written = [policy.rules.normalise(p) for p in prompts]
    rule_verdicts = [rule_verdict(policy.rules, p, c, n) for n, p, c in zip(written, prompts, names, strict=True)]
    likeness_raw = [c.without_own(p) if c is not None and c.own else p for p, c in zip(prompts, names, strict=True)]
    masked_rows = [i for i, (raw, p) in enumerate(zip(likeness_raw, prompts, strict=True)) if raw != p]
    likeness_norm = list(written)
    for i in masked_rows:
        likeness_norm[i] = policy.rules.normalise(likeness_raw[i])
    # What the encoders read: the same prompts without their framing.
    bare = [without_framing(p) for p in prompts]
    normalised = [n if b == p else policy.rules.normalise(b) for n, b, p in zip(written, bare, prompts, strict=True)]
    # The language of the prompt the model draws: the phrases written in for the negative prompt are English.
    languages = [language_group(without_framing(text)) if model.other_thresholds is not None else ENGLISH
                 for text, _, _ in read]
    # A prompt is also read glossed word by word into English (safety/gloss.py) when a glossary knows enough of its
    # words (more when the identifier read English or another language than when it read ROMANISED). One a glossary
    # reads is romanised writing, whatever the identifier said (it places some confidently: Pinyin as Hausa, Arabizi
    # as Somali, Vietnamese without its marks as English; a language in its own Latin writing is almost never read by a
    # glossary: 1 of 3,814 such rows of the seen evaluation sets, 2026-12-06), so it is judged as ROMANISED, and the
    # romanised head's probability of a category is its highest over both readings (the head learned the glossed
    # readings of its training rows: safety.classifier.train). Weights without a head: the common classifier reads
    # the glossed reading too, and the group is left as the identifier read it.
    head = model.romanised_head
    glosses = {i: reading for i, language in enumerate(languages) if model.other_thresholds is not None
               and (reading := glossed_reading(language, bare[i])) is not None}
    # In a glossed prompt whose rule verdict refuses it or found a minor term, the rules read the glossary's reviewed
    # everyday words that alone meet a rule, a minor term or a sexual context as their gloss (`read_by_glossary`).
    for i, (code, _) in glosses.items():
        if rule_verdicts[i].blocked or rule_verdicts[i].minor_terms:
            reread = read_by_glossary(policy.rules, prompts[i], code)
            if reread != prompts[i]:
                rule_verdicts[i] = rule_verdict(policy.rules, reread, names[i])
    identified = list(languages)
    if head is not None:
        for i in glosses:
            languages[i] = ROMANISED
    # The rules' verdicts are final here: a prompt they refuse keeps their category whatever the classifier says, so
    # the classifier reads only the others (a flood of refused prompts costs the rule pass and one MiniLM pass, not
    # e5 on every prompt and clause). MiniLM reads every prompt: the exemplars' similarities are in every verdict.
    undecided = [i for i, rule in enumerate(rule_verdicts) if not rule.blocked]
    bare_likeness = [without_framing(likeness_raw[i]) for i in masked_rows]
    bare_likeness_norm = [policy.rules.normalise(b) for b in bare_likeness]
    masked_undecided = [k for k, i in enumerate(masked_rows) if not rule_verdicts[i].blocked]  # places in masked_rows
    masked_read = [masked_rows[k] for k in masked_undecided]  # their prompts' places in the batch
    # Each sentence / clause of a multi-sentence prompt is scored too (harm in the last sentence of a long,
    # benign-looking prompt); a category's probability is its highest.
    split = [split_clauses(p) if clauses and not rule_verdicts[i].blocked else [] for i, p in enumerate(bare)]
    owners = [i for i, parts in enumerate(split) for _ in parts]
    clause_raw = [c for parts in split for c in parts]
    clause_norm = [policy.rules.normalise(c) for c in clause_raw]
    vectors = embed(normalised)  # MiniLM: the exemplars' space, and the classifier's when it reads MiniLM
    features = (model.features([normalised[i] for i in undecided], [bare[i] for i in undecided], vectors[undecided])
                if undecided else None)
    # Clauses: their own forward pass, padded to the longest clause, not to the longest prompt.
    clause_features = model.features(clause_norm, clause_raw) if clause_norm else None
    # e5 reads the raw text, where leetspeak, spaced or dotted letters and look-alike letters are not undone (the
    # normaliser undoes them for MiniLM): a Latin-script prompt whose words the normaliser changed is scored once
    # more with e5 reading the normalised text, and a category's probability is its highest.
    folded = [i for i in undecided if _obfuscated(bare[i], normalised[i])]
    folded_features = (model.features([normalised[i] for i in folded], [normalised[i] for i in folded],
                                      vectors[folded]) if folded else None)
    masked_vectors = embed(bare_likeness_norm) if masked_rows else None
    masked_features = (model.features([bare_likeness_norm[k] for k in masked_undecided],
                                      [bare_likeness[k] for k in masked_undecided], masked_vectors[masked_undecided])
                       if masked_vectors is not None and masked_undecided else None)
    glossed_rows = [i for i in glosses if not rule_verdicts[i].blocked]  # a rule refusal needs no glossed reading
    glossed_norm = [policy.rules.normalise(glosses[i][1]) for i in glossed_rows]
    glossed_features = (model.features(glossed_norm, [glosses[i][1] for i in glossed_rows], embed(glossed_norm))
                        if glossed_rows else None)

    def scored(scorer: PromptClassifier, glossed: bool = False) -> list[dict[str, float]]:
        """Each prompt's probabilities by `scorer`: the highest over the prompt, its clauses, its folded reading
        and, with `glossed`, its glossed reading; likeness read with the owner's names masked."""
        whole = np.zeros((len(prompts), len(scorer.classes)))  # a prompt the rules refuse: never read
        if features is not None:
            whole[undecided] = scorer.probabilities(features)
        if clause_features is not None:
            whole = clause_max(whole, scorer.probabilities(clause_features), owners)
        if folded_features is not None:
            whole = clause_max(whole, scorer.probabilities(folded_features), folded)
        if glossed and glossed_features is not None:
            whole = clause_max(whole, scorer.probabilities(glossed_features), glossed_rows)
        probabilities = [{c: float(row[j]) for j, c in enumerate(scorer.classes) if c != BENIGN} for row in whole]
        if masked_features is not None:
            for i, masked in zip(masked_read, scorer.scores(masked_features), strict=True):
                if "likeness" in masked:
                    probabilities[i] = {**probabilities[i], "likeness": masked["likeness"]}
        return probabilities

    probabilities = scored(model, glossed=head is None)
    head_probabilities = scored(head, glossed=True) if head is not None and ROMANISED in languages else None
    by_category: dict[str, list[tuple[int, str]]] = {}
    for ex_id, category, text in policy.exemplars:
        if category in policy.categories:
            by_category.setdefault(category, []).append((ex_id, text))
    similarities: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # category -> (best score, best index)
    for category, items in by_category.items():
        # Exemplars are read as written: stripped of their framing, "a video of a real news anchor saying ..." came
        # close enough to "Tonight's anchor reading the breaking news" to refuse it (a pasted prompt still matches
        # its own exemplar, framing or not, far above any threshold).
        exemplar_vectors = embed_cached([t for _, t in items])
        sims = vectors @ exemplar_vectors.T
        best, index = sims.max(axis=1), sims.argmax(axis=1)
        if category == "likeness" and masked_vectors is not None:
            masked_sims = masked_vectors @ exemplar_vectors.T
            best[masked_rows], index[masked_rows] = masked_sims.max(axis=1), masked_sims.argmax(axis=1)
        similarities[category] = (best, index)

    out = []
    for i, rule in enumerate(rule_verdicts):
        taken = {"negative_prompt_takes_away": read[i][2]} if read[i][2] else {}
        scores = {cat: round(float(best[i]), 4) for cat, (best, _) in similarities.items()}
        probs = {cat: round(p, 4) for cat, p in probabilities[i].items()}
        if rule.blocked:
            out.append(PromptVerdict(True, rule.category, {"stage": "rules", "rule": rule.rule, **rule.fired, **taken},
                                     scores))
            continue
        # A prompt read as another language than English is judged by that group's thresholds (never above the
        # common ones). With a minor signal the sexual score blocks at the tuned minor threshold or the adult one,
        # whichever is lower. A ROMANISED prompt's categories are judged by the romanised head at its thresholds,
        # and by the common classifier at the common ones (`romanised_probabilities`).
        language = languages[i]
        thresholds, minor_threshold = model.thresholds_for(language)
        category_probs = probabilities[i]
        head_audit: dict[str, Any] = {}
        if head_probabilities is not None and language == ROMANISED:
            # Judged as ROMANISED because a glossary reads it, though the identifier read another language.
            other = model.other_thresholds if i in glosses and identified[i] == OTHER_LANGUAGE else None
            category_probs = romanised_probabilities(probabilities[i], head_probabilities[i],
                                                     other or model.thresholds,
                                                     model.romanised_thresholds if other else None)
            head_audit = {"romanised_head": {cat: round(p, 4) for cat, p in head_probabilities[i].items()}}
        if i in glosses:
            head_audit["glossed"] = {"glossary": glosses[i][0], "text": glosses[i][1][:300]}
        audit: dict[str, Any] = {"classifier": probs, **head_audit,
                                 **({"deferred": rule.deferred} if rule.deferred else {}), **taken,
                                 **({"language": language} if language != ENGLISH else {})}
        out.append(_decide(policy, thresholds, minor_threshold, rule.minor_terms,
                           {cat: (float(best[i]), by_category[cat][idx[i]])
                            for cat, (best, idx) in similarities.items()},
                           probabilities[i], scores, audit,
                           names_a_person=_names_a_person(thresholds, category_probs, likeness_norm[i],
                                                          likeness_raw[i], language),
                           category_probs=category_probs,
                           sexual_context=partial(policy.rules.sexual_context, written[i], prompts[i])))
    found = [character_verdict(policy, p, c) if c is not None else None for p, c in zip(prompts, names, strict=True)]
    return [v if v.blocked or f is None else PromptVerdict(True, f[0], f[1], v.scores)
            for v, f in zip(out, found, strict=True)]


# The glossaries' everyday words that the rules read as their gloss in a prompt that glossary reads: each meets a rule,
# a minor term or a sexual context alone (another language's word, or a word the spelling correction turns into a
# policy word) and its gloss meets none. A reviewed list, not a rule: of the 260 glossary keys whose gloss meets no
# rule (2026-12-06), only words whose everyday sense dominates in that language's prompts; words whose gloss names
# a person, clothes, an act, an age or a harm keep their hits ("koritsaki", girl; "ashlil", obscene; "teen saal",
# three years: the English lexicons are narrower than the others), and so do words a glossary reaches only through
# an ending or an inflection ("paedo" is no Korean word, though an inflection reads it "pae da", beat up).
# Written as the prompt writes the word: a key, or a Korean key joined as it is typed ("gongbang", workshop, the key
# "gong bang", is one letter from "gangbang"; not exempt from the correction: a misspelling of it in any other prompt).
# `tests/test_gloss.py` checks that each is a key of its glossary, meets a rule alone and has a gloss that does not.
GLOSSED_EVERYDAY_WORDS: dict[str, frozenset[str]] = {code: frozenset(words.split("|")) for code, words in {
    "vi_latn": "tot|rat tot|tot bung|nua|hon nua|nua dem|gia nua|thong bao|tong thong|truyen thong|"
               "tai nan giao thong|canh sat giao thong",
    "hi_latn": "pedon|naak|dete|deti",
    "gu_latn": "naak|nahotu|nahota",
    "mr_latn": "naak|dete|dukra",
    "ne_latn": "naak",
    "ja_latn": "uchi|dete ike|dete ke",
    "pa_latn": "uchi",
    "th_latn": "thong thiao|nak thong thiao|thong fa|thong noi|tini|son hai|son wai|aep son",
    "tr_latn": "son dakika|en son|son mesaj|son mesajim",
    "ko_latn": "son nim|son ga rak|myeong ye hwe son|myeong ye hoe son|paego|gongbang",
    "ar_latn": "7ifla|7efla|meelad|9lat|7adika|8anni|7ot",
    "bn_latn": "tini",
    "fa_latn": "bzar",
    "hy_latn": "kci",
    "kn_latn": "yaro|muridu|murida|muridide",
    "ru_latn": "tot samyy",
}.items()}


def read_by_glossary(rules: RulePass, prompt: str, code: str) -> str:
    """`prompt` as the rules read it when the glossary `code` reads it (safety/gloss.py): each of the glossary's
    GLOSSED_EVERYDAY_WORDS, written as its key, that alone meets a rule, a minor term or a sexual context is read as
    its gloss when the gloss meets none. Romanised writing shares spellings with the lexicons' words: Vietnamese "tot"
    (good) is an English child word and "nua" (more) Portuguese for naked, so "chat luong tot hon nua" (better
    quality) was refused as sexual content involving minors; Hindi "pedon" (trees) met the rule for "pedo"."""
    everyday = GLOSSED_EVERYDAY_WORDS.get(code, frozenset())

    def listed(written: str) -> bool:
        # a word typed with its particle after a hyphen reads as the word ("gongbang-e": at the workshop)
        key = key_of(written)
        return key in everyday or ("-" in written and key.split(" ", 1)[0] in everyday)

    return by_code(code).reread(prompt, lambda written, gloss: listed(written) and rules.meets(written)
                                and not rules.meets(gloss))


def romanised_probabilities(common: dict[str, float], head: dict[str, float],
                            common_thresholds: dict[str, float],
                            romanised_thresholds: dict[str, float] | None = None) -> dict[str, float]:
    """What a ROMANISED prompt's categories are judged by at the romanised thresholds: the romanised head's
    probability, or the common classifier's where it reaches `common_thresholds` (the common ones, at or above the
    romanised ones). So such a prompt is refused wherever the common classifier alone would refuse it as English.
    A prompt the identifier read as another language, judged as ROMANISED because a glossary reads it, passes that
    group's thresholds as `common_thresholds` (below the romanised ones) and `romanised_thresholds`: where the
    common classifier reaches them, the category counts as reaching the romanised threshold, so being glossed never
    lets through what the identifier's own reading would refuse."""
    lifted = romanised_thresholds or {}
    refused = {cat for cat, p in common.items() if p >= common_thresholds.get(cat, 1.0)}
    return {cat: max(p, common[cat], lifted.get(cat, 0.0)) if cat in refused else p for cat, p in head.items()}


def _names_a_person(thresholds: dict[str, float], probs: dict[str, float], norm: str, raw: str,
                    language: str = ENGLISH) -> bool:
    """Whether the prompt names a real person, looked for only where the classifier's likeness score would block
    (the weak signs cost ~0.1-0.3 ms a prompt); in another language than English, a likeness score from
    UNNAMED_LIKENESS_OTHER up stands for the name."""
    likeness = probs.get("likeness", 0.0)
    if likeness < thresholds.get("likeness", 1.0):
        return False
    return (language != ENGLISH and likeness >= UNNAMED_LIKENESS_OTHER) or names_someone(norm, raw) is not None


def _decide(policy: Policy, thresholds: dict[str, float], minor_threshold: float, minor: bool,
            exemplar: dict[str, tuple[float, tuple[int, str]]], probs: dict[str, float], scores: dict[str, float],
            audit: dict[str, Any], *, names_a_person: bool = True,
            category_probs: dict[str, float] | None = None,
            sexual_context: Callable[[], str] = str) -> PromptVerdict:
    """`probs`: the classifier's probabilities (the minor check's); `category_probs`: those the categories'
    thresholds apply to, when they differ (a ROMANISED prompt's: `romanised_probabilities`); `sexual_context`: the
    sexual context the rules find in the prompt, or "" (a second signal for a sexual_minors exemplar without a minor
    term; asked only then)."""
    minors_enabled = MINORS in policy.categories
    category_probs = probs if category_probs is None else category_probs
    if minor and minors_enabled:
        sexual_probability = probs.get("sexual", 0.0) + probs.get(MINORS, 0.0)
        if sexual_probability >= minor_threshold:
            return PromptVerdict(True, MINORS, {"stage": "minor_signal",
                                                "sexual_probability": round(sexual_probability, 4),
                                                "threshold": minor_threshold, **audit}, scores)
        sexual_similarity = exemplar.get("sexual", (0.0, (0, "")))
        if "sexual" in exemplar and sexual_similarity[0] >= (policy.categories["sexual"].embedding_threshold
                                                             - MINOR_SEXUAL_MARGIN):
            similarity, (ex_id, text) = sexual_similarity
            return PromptVerdict(True, MINORS, {"stage": "minor_signal", "exemplar_id": ex_id, "exemplar": text,
                                                "similarity": round(similarity, 4), **audit}, scores)

    def minors_second_signal(similarity: float) -> bool:
        """Without a minor term, a sexual_minors exemplar needs a second signal (MINOR_EXEMPLAR_WITHOUT_TERM)."""
        return (minor or similarity >= MINOR_EXEMPLAR_NEAR_DUPLICATE
                or max(probs.get(MINORS, 0.0), category_probs.get(MINORS, 0.0))
                >= MINOR_EXEMPLAR_WITHOUT_TERM * thresholds.get(MINORS, minor_threshold)
                or bool(sexual_context()))

    # A deferred category's word dominates the similarity ("suicide" in a prevention poster): the classifier,
    # which has seen such contexts, decides for that category instead of the exemplars.
    candidates = [(similarity - policy.categories[cat].embedding_threshold, cat, ex)
                  for cat, (similarity, ex) in exemplar.items()
                  if similarity >= policy.categories[cat].embedding_threshold
                  and cat != audit.get("deferred", {}).get("category")
                  and (cat != MINORS or minors_second_signal(similarity))]
    if candidates:
        _, cat, (ex_id, text) = max(candidates, key=lambda c: c[0])
        category = MINORS if minor and minors_enabled and cat == "sexual" else cat
        return PromptVerdict(True, category, {"stage": "embedding", "exemplar_id": ex_id, "exemplar": text,
                                              "similarity": round(exemplar[cat][0], 4), **audit}, scores)
    # Likeness is about real, identifiable people: without one named, the classifier's likeness score
    # reacts to the scene alone ("a clip that will be cancelled") and is not a verdict.
    over = [(p / thresholds[cat], cat) for cat, p in category_probs.items()
            if cat in policy.categories and cat in thresholds and p >= thresholds[cat]
            and (cat != "likeness" or names_a_person)]
    if over:
        _, cat = max(over)
        category = MINORS if minor and minors_enabled and cat == "sexual" else cat
        return PromptVerdict(True, category, {"stage": "classifier", "probability": round(category_probs[cat], 4),
                                              "threshold": thresholds[cat], **audit}, scores)
    return PromptVerdict(False, "", audit, scores)
