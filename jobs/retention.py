"""Retention: a periodic prune deletes bytes past their lifetime and marks the records; records stay.

- Videos (and their thumbnail and spritesheet) after `expires_at` (the API's field, set from
  KINEMA_VIDEO_TTL_S when a video is published): their content then answers 404 `expired`.
- Reference images KINEMA_REFERENCE_TTL_S after the job ended.
- Live previews KINEMA_PREVIEW_TTL_S after they were written (normally the job's clean-up has
  already removed them, like its checkpoints and raw frames, when it ended).
- Prompts KINEMA_PROMPT_TTL_S after the job ended (0 keeps them): the text is blanked and
  `prompt_redacted_at` set, and so is the copy in the "ready" notification's body; the signed manifest
  only ever held the prompt's hash.
- In-app notifications KINEMA_NOTIFICATION_TTL_S after they were made (0 keeps them).
- Webhook events KINEMA_WEBHOOK_EVENT_TTL_S after they were made (0 keeps them), with their deliveries
  and attempt logs, once none of their deliveries is still pending.
- Per-request webhook endpoint rows no delivery used for KINEMA_PER_REQUEST_WEBHOOK_TTL_S (jobs/webhooks.py).
- Sign-ups still unverified KINEMA_UNVERIFIED_ACCOUNT_TTL_S after they were made (accounts/verification.py).
- Likeness images of characters their owners deleted, when the delete at the time failed (jobs/characters.py).
- Videos their owner deleted while a review case on them was open (a report, a re-screen): the bytes are kept
  for the reviewers until the case is decided (`held_for_review`), then deleted here.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts import verification
from jobs import webhooks
from jobs.artifacts import delete_artifact
from jobs.characters import delete_likeness_image, withdrawn_images_left
from jobs.models import TERMINAL_STATES, Artifact, Job, Notification
from safety.models import ReviewCase

DELIVERABLES = (Artifact.Kind.VIDEO, Artifact.Kind.THUMBNAIL, Artifact.Kind.SPRITESHEET)


def prune(limit: int = 1000) -> dict[str, int]:
    now = timezone.now()
    done: dict[str, int] = {}
    live = Artifact.objects.filter(deleted_at__isnull=True)
    expired = live.filter(kind__in=DELIVERABLES, job__expires_at__lte=now)[:limit]
    done["videos"] = _delete(expired)
    # Deleted by their owners while under review (from the review cases: a small table, and the only such jobs).
    reviewed = ReviewCase.objects.filter(job__deleted_at__isnull=False).exclude(
        Exists(ReviewCase.objects.filter(job_id=OuterRef("job_id"), status=ReviewCase.Status.OPEN)))
    deleted = live.filter(job_id__in=reviewed.values("job_id"))[:limit]
    done["deleted_videos"] = _delete(deleted)
    references = live.filter(kind=Artifact.Kind.INPUT_REFERENCE, job__state__in=TERMINAL_STATES,
                             job__finished_at__lte=now - timedelta(seconds=settings.KINEMA_REFERENCE_TTL_S))[:limit]
    done["references"] = _delete(references)
    previews = live.filter(kind=Artifact.Kind.PREVIEW,
                           created_at__lte=now - timedelta(seconds=settings.KINEMA_PREVIEW_TTL_S))[:limit]
    done["previews"] = _delete(previews)
    done["prompts"] = 0
    if settings.KINEMA_PROMPT_TTL_S:
        ids = list(Job.objects.filter(state__in=TERMINAL_STATES, prompt_redacted_at__isnull=True,
                                      finished_at__lte=now - timedelta(seconds=settings.KINEMA_PROMPT_TTL_S))
                   .values_list("pk", flat=True)[:limit])
        with transaction.atomic():
            done["prompts"] = Job.objects.filter(pk__in=ids).update(prompt="", negative_prompt="",
                                                                     prompt_redacted_at=now)
            Notification.objects.filter(job_id__in=ids, kind=Notification.Kind.COMPLETED).update(body="")
    done["notifications"] = 0
    if settings.KINEMA_NOTIFICATION_TTL_S:
        old = (Notification.objects.filter(created_at__lt=now - timedelta(seconds=settings.KINEMA_NOTIFICATION_TTL_S))
               .values_list("pk", flat=True)[:limit])
        done["notifications"] = Notification.objects.filter(pk__in=list(old)).delete()[0]
    done["per_request_webhooks"] = webhooks.prune_per_request_endpoints(now, limit)
    done["webhook_events"] = webhooks.prune_events(now, limit)
    done["unverified_accounts"] = verification.delete_unverified(now, limit)
    done["withdrawn_likenesses"] = sum(delete_likeness_image(c) for c in withdrawn_images_left(limit))
    return done


def held_for_review(job_id: str) -> bool:
    """Whether a video's bytes stay after its owner deleted it: an open review case (a report, a re-screen's
    finding) still needs them, and deleting them would let anyone make a reported video vanish before a reviewer
    saw it. The owner sees it deleted at once (404); the prune deletes the bytes once the case is decided."""
    return ReviewCase.objects.filter(job_id=job_id, status=ReviewCase.Status.OPEN).exists()


def _delete(artifacts: object) -> int:
    count = 0
    for art in list(artifacts):  # type: ignore[call-overload]
        delete_artifact(art)
        count += 1
    return count
