"""Media and setup the safety tests share: a real photo of a real person, clips with and without that face,
the person protected, and a job at `finalizing` with a clip's frames stored."""

from __future__ import annotations

import io

import numpy as np
from matplotlib import cbook
from PIL import Image

from jobs.artifacts import put_artifact
from jobs.media import frames_to_bytes
from jobs.models import Artifact, Job
from jobs.models import JobState as S
from safety.frames import face_embedding_of
from safety.models import ProtectedPerson, ReferencePhoto
from tests.test_lifecycle import make_job


def grace_hopper() -> np.ndarray:
    """A real photo of a real person, shipped in matplotlib's wheel."""
    path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
    return np.asarray(Image.open(path).convert("RGB"))


def jpeg(rgb: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, "JPEG", quality=90)
    return out.getvalue()


def clip(n: int = 16, *, face_frames: range = range(0)) -> np.ndarray:
    """A 640x480 clip of smooth colour fields; `face_frames` carry the real photo in the middle."""
    rng = np.random.default_rng(3)
    frames = np.empty((n, 480, 640, 3), np.uint8)
    gradient = np.linspace(0, 1, 640)[None, :, None]
    for i in range(n):
        base = rng.integers(40, 200, 3)
        frames[i] = (base * (0.6 + 0.4 * gradient)).astype(np.uint8)
    face = np.asarray(Image.fromarray(grace_hopper()).resize((256, 300)))
    for i in face_frames:
        frames[i, 90:390, 192:448] = face
    return frames


def still(n: int = 24, *, seed: int = 5) -> np.ndarray:
    """A 640x480 static shot of the real photo under sensor noise (sigma 3 grey levels): every frame differs
    from the others in its pixels, none in what it shows."""
    rng = np.random.default_rng(seed)
    frame = np.full((480, 640, 3), 70, np.uint8)
    frame[50:425, 160:480] = np.asarray(Image.fromarray(grace_hopper()).resize((320, 375)))
    noise = rng.normal(0, 3, (n, 480, 640, 1))
    return np.clip(frame[np.newaxis].astype(np.float32) + noise, 0, 255).astype(np.uint8)


def protect_grace_hopper() -> ProtectedPerson:
    person = ProtectedPerson.objects.create(name="Grace Hopper", aliases="Admiral Hopper")
    ReferencePhoto.objects.create(person=person, image="safety/protected/gh.jpg",
                                  embedding=face_embedding_of(jpeg(grace_hopper())))
    return person


def finalizing_job(user, frames: np.ndarray, prompt: str = "a calm sea") -> Job:
    job = make_job(user, S.FINALIZING, attempt=1, prompt=prompt, num_frames=len(frames),
                   width=frames.shape[2], height=frames.shape[1])
    put_artifact(job.id, Artifact.Kind.FRAMES, frames_to_bytes(frames), "application/x-npy")
    return job
