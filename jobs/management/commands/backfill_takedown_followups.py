from __future__ import annotations

from django.core.management.base import BaseCommand

from jobs.moderation import backfill_followups


class Command(BaseCommand):
    help = ("Once, after upgrading: extensions of a video removed before extensions followed their source (they "
            "still deliver its frames) are taken down as its follow-ups, as a takedown does it now (audited; the owner "
            "is told when one stops being delivered; its own extensions follow it). Idempotent: running it again "
            "changes nothing.")

    def handle(self, *args: object, **options: object) -> None:
        done = backfill_followups()
        for follow in done:
            if follow.removed_now:
                self.stdout.write(f"removed {follow.job_id}: it extends {follow.source_id}, which is removed "
                                  "(its owner was told)")
            else:
                self.stdout.write(f"{follow.job_id} was removed already: now held by the removal of "
                                  f"{follow.source_id} too")
        now = sum(follow.removed_now for follow in done)
        self.stdout.write(f"{len(done)} extension(s) now follow their removed source: {now} removed now, "
                          f"{len(done) - now} removed already.")
