"""Request rate limits: token buckets in Redis, one per user and one per API key, checked atomically.

Each bucket holds up to the tier's requests-per-minute and refills continuously. A request needs a
token from both of its buckets; the Lua script takes them together or not at all, using Redis'
clock, so any number of web processes share one exact limit. If Redis is unreachable, hangs or its
circuit breaker is open (webapp/resilience.py), the request is let through at once (availability
first: fail open) and counted in `kinema_ratelimit_fail_open_total`, which alerts; the check never
waits longer than KINEMA_REDIS_TIMEOUT_S.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import redis
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from webapp.resilience import BreakerOpen, bounded_redis, count

log = logging.getLogger(__name__)

TOKEN_BUCKETS = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local levels = {}
local lowest = capacity
for i, key in ipairs(KEYS) do
  local data = redis.call('HMGET', key, 'tokens', 'ts')
  local tokens = tonumber(data[1]) or capacity
  local ts = tonumber(data[2]) or now
  tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
  levels[i] = tokens
  if tokens < lowest then lowest = tokens end
end
local allowed = 0
if lowest >= 1 then allowed = 1 end
for i, key in ipairs(KEYS) do
  local tokens = levels[i]
  if allowed == 1 then tokens = tokens - 1 end
  redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
  redis.call('PEXPIRE', key, math.ceil(capacity / rate * 1000) + 1000)
end
if allowed == 1 then lowest = lowest - 1 end
return {allowed, tostring(lowest)}
"""


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    retry_after_s: float
    reset_s: float


_script = None


def take_token(keys: list[str], per_minute: int) -> RateDecision:
    global _script
    rate = per_minute / 60.0
    try:
        if _script is None:
            _script = bounded_redis().register_script(TOKEN_BUCKETS)
        allowed, level = _script(keys=keys, args=[per_minute, rate])
    except redis.RedisError as exc:
        if not isinstance(exc, BreakerOpen):  # skipped calls were alarmed once, when the breaker opened
            log.warning("rate limiter unavailable (%s); letting the request through", exc)
        count("kinema_ratelimit_fail_open")
        return RateDecision(True, per_minute, per_minute, 0.0, 0.0)
    tokens = float(level)
    retry = 0.0 if allowed else (1 - tokens) / rate
    return RateDecision(bool(allowed), per_minute, max(0, math.floor(tokens)), retry,
                        (per_minute - tokens) / rate)


class TierRateThrottle(BaseThrottle):
    """DRF throttle: per-user and per-API-key buckets sized by the user's tier."""

    def allow_request(self, request: Request, view) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return True
        keys = [f"kinema:rl:user:{user.pk}"]
        if request.auth is not None and hasattr(request.auth, "lookup"):
            keys.append(f"kinema:rl:key:{request.auth.lookup}")
        decision = take_token(keys, user.tier.requests_per_minute)
        request.rate_limit = decision  # type: ignore[attr-defined]
        return decision.allowed

    def wait(self) -> float | None:
        return None  # set per request in rate_limit_headers


def rate_limit_headers(decision: RateDecision) -> dict[str, str]:
    headers = {
        "X-RateLimit-Limit": str(decision.limit),
        "X-RateLimit-Remaining": str(decision.remaining),
        "X-RateLimit-Reset": str(math.ceil(decision.reset_s)),
    }
    if not decision.allowed:
        headers["Retry-After"] = str(max(1, math.ceil(decision.retry_after_s)))
    return headers
