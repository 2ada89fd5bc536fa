"""Protections for a public service: request body size limit and security headers.

Both are plain ASGI middleware, so they also cover responses made before routing (404s, 405s).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response
from .ratelimit import EXEMPT_PATHS, RateLimitMiddleware, parse_limit
from .settings import Settings

# The page (`/`) loads only its own script, style sheet and icon and calls only its own API; the
# web page and widget are written with no inline scripts or styles, so 'self' is all they need.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Everything else (JSON, the widget script) is never a document: it may load nothing and not be framed.
RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'"
# The interactive API docs (Swagger UI / ReDoc, served from this origin by fastapi-offline) start
# with FastAPI's inline script and use inline styles, so they get their own policy: still nothing
# from, and no connection to, any other origin.
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

COMMON_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class SecurityHeadersMiddleware:
    """nosniff and referrer policy everywhere; a strict CSP on the page and on every other response,
    a looser same-origin one on the API docs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [header for header in COMMON_HEADERS if header[0] not in present]
                if b"content-security-policy" not in present:
                    content_type = dict(headers).get(b"content-type", b"")
                    policy = PAGE_CSP if content_type.startswith(b"text/html") else RESOURCE_CSP
                    headers.append((b"content-security-policy", (DOCS_CSP if path in DOCS_PATHS else policy).encode()))
                if path == "/widget.js":  # embedded by other sites, whatever their isolation policy
                    headers.append((b"cross-origin-resource-policy", b"cross-origin"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuses request bodies over `max_bytes` with a 413, before the app reads any of it.

    Bodies are at most `max_bytes` (64 KiB by default), so the middleware reads the body whole
    and replays it to the app; a declared Content-Length over the limit is refused unread.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client went away; nothing to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"The request body is larger than the limit of {self.max_bytes} bytes."
        response = error_response(413, "request_too_large", message)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def install_request_limits(app: FastAPI, settings: Settings) -> None:
    """Body size limit, and per-client rate limit outside it (a refused client's body is never read)."""
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    limit = parse_limit(settings.rate_limit)
    if limit is not None:
        app.add_middleware(RateLimitMiddleware, limit=limit)
    _document_limits(app, rate_limited=limit is not None)


def _document_limits(app: FastAPI, *, rate_limited: bool) -> None:
    """Adds the 413 and 429 answers of the middleware above to every operation they apply to."""
    make_schema = app.openapi
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}

    def openapi() -> dict[str, Any]:
        schema = make_schema()  # FastAPI caches it, so this edits the cached schema once
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                if "requestBody" in operation:
                    responses.setdefault("413", {"description": "Request body too large.", "content": error})
                if rate_limited and path not in EXEMPT_PATHS:
                    responses.setdefault(
                        "429",
                        {
                            "description": "Too many requests from this client (MATCHER_RATE_LIMIT).",
                            "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds."}},
                            "content": error,
                        },
                    )
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def install_security_headers(app: FastAPI) -> None:
    app.add_middleware(SecurityHeadersMiddleware)
