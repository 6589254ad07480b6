"""Outcome handlers: what follows a job's transition (money, the user's notification, the live feed,
webhook events, the clean-up message, metrics), as small same-shaped handlers.

`jobs.lifecycle.transition` writes the transition and its JobEvent, then, still inside the same
transaction, hands an `Outcome` to every handler listed in settings.KINEMA_OUTCOME_HANDLERS, in
that order. The state machine imports none of them: adding a channel (e-mail, a push service) is a
new module with one `OutcomeHandler` subclass and one line in that list.

A handler's `handle` runs inside the transition's transaction, so what it writes to the database
commits or rolls back with the transition (credits are settled exactly once, because a job reaches
a terminal state once); anything that leaves the process (feed sends, metrics) it defers with
`transaction.on_commit`, so a rolled-back transition tells nobody. A handler that raises rolls the
transition back, like any error inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.module_loading import import_string

from jobs.models import TERMINAL_STATES

if TYPE_CHECKING:
    from jobs.models import JobEvent


@dataclass
class Outcome:
    """One transition that just happened (the row is already updated, the event already written).

    Parameters:
      job_id(str): the job. user_id(int): its owner. tier(str): the owner's tier at submission.
      from_state / to_state(str): the edge taken. attempt(int): the job's attempt after the transition.
      at(datetime): when the transition was made (its `updated_at`; `finished_at` for terminal states).
      created_at(datetime): when the job was submitted. seconds(int): the clip length asked for.
      credits_held(int): the credits held at submission. charge(int | None): what a success should
      capture (None: the whole hold); only terminal outcomes settle. event(JobEvent): the event
      written for this transition; a handler may add to its `detail` (and save it).
    """

    job_id: str
    user_id: int
    tier: str
    from_state: str
    to_state: str
    attempt: int
    at: datetime
    created_at: datetime
    seconds: int
    credits_held: int
    charge: int | None
    event: JobEvent

    @property
    def terminal(self) -> bool:
        """The job has ended (succeeded, failed, blocked or cancelled): this happens once per job."""
        return self.to_state in TERMINAL_STATES


class OutcomeHandler:
    """One consequence of a transition. Subclasses override `handle` and decide for themselves which
    outcomes concern them (most act on terminal ones only)."""

    def handle(self, outcome: Outcome) -> None:
        """Act on `outcome`, inside the transition's transaction (defer anything external to commit).

        Parameters:
          outcome(Outcome): the transition that was just written.
        """
        raise NotImplementedError


@cache
def handlers() -> tuple[OutcomeHandler, ...]:
    """The handlers of settings.KINEMA_OUTCOME_HANDLERS (dotted class paths), instantiated once."""
    return tuple(import_string(path)() for path in settings.KINEMA_OUTCOME_HANDLERS)


def run_handlers(outcome: Outcome) -> None:
    for handler in handlers():
        handler.handle(outcome)
