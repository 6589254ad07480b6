"""What the web tier answers while a dependency is failing.

- PostgreSQL unreachable (the connect timeout in DATABASES OPTIONS fired, or the connection broke):
  503 `database_unavailable` with Retry-After, at once, instead of a 500 or a hung thread.
- Object storage slow or down (a storage call ran past its deadline, or its breaker is open):
  503 `storage_unavailable` with Retry-After.
- Any response from a process with a breaker not closed carries `Kinema-Degraded: <names>`
  (e.g. `redis`): the studio shows a banner from it and keeps re-syncing from the API.

Errors use the API's shape `{"error": {"message", "type", "param", "code"}}` on every path (pages
too: a browser gets a readable body either way).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from webapp.resilience import DependencyUnavailable, degraded

log = logging.getLogger(__name__)

DEGRADED_HEADER = "Kinema-Degraded"
DATABASE_RETRY_AFTER_S = 5


def unavailable(message: str, code: str, retry_after_s: float) -> JsonResponse:
    body = {"error": {"message": message, "type": "server_error", "param": None, "code": code}}
    return JsonResponse(body, status=503, headers={"Retry-After": str(max(1, math.ceil(retry_after_s)))})


class DependencyFailureMiddleware:
    """Turns dependency outages raised by views into 503s and names open breakers in a header.

    Parameters: `get_response`, as for any Django middleware. Place it early (it only acts on
    exceptions the views raise and on the way out)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        names = degraded()
        if names:
            response[DEGRADED_HEADER] = ",".join(names)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DependencyUnavailable):
            log.warning("%s %s: %s", request.method, request.path, exception)
            return unavailable(f"The {exception.dependency} service is unavailable right now; please retry shortly.",
                               f"{exception.dependency}_unavailable", settings.KINEMA_BREAKER_OPEN_S)
        if isinstance(exception, OperationalError | InterfaceError):
            log.warning("%s %s: database unavailable: %s", request.method, request.path,
                        str(exception).strip().splitlines()[0][:200] if str(exception).strip() else type(exception))
            connection.close()  # a broken connection must not be reused by the next request on this thread
            return unavailable("The database is unavailable right now; please retry shortly.",
                               "database_unavailable", DATABASE_RETRY_AFTER_S)
        return None
