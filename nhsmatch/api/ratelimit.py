"""Per-client rate limiting (MATCHER_RATE_LIMIT, e.g. `120/minute`; `off` disables it).

A moving window per client from the `limits` library, kept in memory (per process). The client is
the connection's address as the server reports it: uvicorn replaces it with the X-Forwarded-For
address only for connections from its `--forwarded-allow-ips` (by default 127.0.0.1, a proxy on
the same host), so a client elsewhere cannot pick its own key. Health checks and /metrics are
exempt, and so are CORS preflights (they cost nothing and carry no work).
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from .errors import error_response

EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def parse_limit(value: str) -> RateLimitItem | None:
    """The limit a setting describes, or None for `off`."""
    return None if value.strip().lower() == "off" else parse(value)


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, limit: RateLimitItem) -> None:
        self.app = app
        self.limit = limit
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = client[0] if client else "unknown"
        if self.limiter.hit(self.limit, key):
            await self.app(scope, receive, send)
            return
        reset_at = self.limiter.get_window_stats(self.limit, key).reset_time
        retry_after = max(1, math.ceil(reset_at - time.time()))
        response = error_response(
            429,
            "rate_limited",
            f"Too many requests: the limit is {self.limit} per client; retry in {retry_after} s.",
        )
        response.headers["Retry-After"] = str(retry_after)
        await response(scope, receive, send)
