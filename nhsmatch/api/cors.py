"""CORS for reads only: other sites may search, but nothing that writes is allowed cross-origin."""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

# POST endpoints that only read (a search sent as JSON); every other POST, PUT or DELETE writes.
READ_ONLY_POSTS = frozenset({"/v1/match"})


def is_cross_origin_readable(scope: Scope) -> bool:
    method = scope["method"]
    if method == "OPTIONS":  # a preflight: judge the request it asks about
        headers = dict(scope["headers"])
        method = headers.get(b"access-control-request-method", b"").decode("latin-1").upper()
    return method in ("GET", "HEAD") or (method == "POST" and scope["path"] in READ_ONLY_POSTS)


class ReadOnlyCORSMiddleware:
    """Reads: `allow_origins`. Writes: only `write_origins` (MATCHER_ADMIN_CORS_ORIGINS, none by default)."""

    def __init__(self, app: ASGIApp, allow_origins: list[str], write_origins: list[str] | None = None) -> None:
        self.app = app
        self.write_cors = (
            CORSMiddleware(
                app,
                allow_origins=[origin for origin in write_origins if origin != "*"],  # never every site
                allow_methods=["POST", "PUT", "DELETE"],
                allow_headers=["Authorization", "Content-Type"],
                allow_credentials=False,
                max_age=600,
            )
            if write_origins
            else None
        )
        self.cors = CORSMiddleware(
            app,
            allow_origins=allow_origins,
            allow_methods=["GET", "HEAD", "POST"],
            allow_headers=["Content-Type"],
            allow_credentials=False,  # the widget sends no cookies
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_cross_origin_readable(scope):
            await self.cors(scope, receive, send)
        elif scope["type"] == "http" and self.write_cors is not None:
            await self.write_cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)
