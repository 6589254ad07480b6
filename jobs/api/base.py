"""The base of every /v1/ view: tier rate limits with the usual X-RateLimit-* headers, and the request
shape checks every endpoint shares (jobs.api.validation), run after authentication and before the view."""

from __future__ import annotations

from typing import Any, cast

from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.ratelimit import TierRateThrottle, rate_limit_headers
from jobs.api.errors import APIError
from jobs.api.validation import SafeJSONParser, check_request
from jobs.shedding import refuse_if_shed


def caller(request: Request) -> User:
    """The user of a /v1/ request. Every /v1/ view requires authentication (IsAuthenticated, the default
    permission, is checked in initial() before a handler runs), so this is never the AnonymousUser: the
    cast only tells the type checker so, and changes nothing at run time."""
    return cast(User, request.user)


class KinemaView(APIView):
    throttle_classes = [TierRateThrottle]
    parser_classes = [SafeJSONParser, MultiPartParser, FormParser]
    # A POST here makes a job: while the user's tier is shed it is refused before the body is parsed (an
    # upload decoded, a source clip read). submit() checks again, for every other way a job is made.
    makes_jobs = False

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # authentication and rate limits first: 401/429 win
        if self.makes_jobs and request.method == "POST":
            refuse_if_shed(caller(request))
        check_request(request, kwargs)

    def throttled(self, request: Request, wait: float | None) -> None:
        decision = request.rate_limit  # type: ignore[attr-defined]
        raise APIError(f"Rate limit reached: {decision.limit} requests per minute on your plan. "
                       f"Retry in {rate_limit_headers(decision)['Retry-After']} s.", status_code=429,
                       type="rate_limit_error", code="rate_limit_exceeded", headers=rate_limit_headers(decision))

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        decision = getattr(request, "rate_limit", None)
        if decision is not None:
            for name, value in rate_limit_headers(decision).items():
                response[name] = value
        return response
