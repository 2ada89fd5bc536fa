"""create_app(settings) -> FastAPI: the service, with the matcher loaded once at start-up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from .. import __version__
from ..matcher.search import Matcher
from .cache import MatchCache
from .cors import ReadOnlyCORSMiddleware
from .errors import install_error_handlers
from .follow import IndexFollower
from .observability import configure_logging, install_observability
from .routes import admin, health, match, partnerships, stats, web
from .security import install_request_limits, install_security_headers
from .service import load_matcher
from .settings import Settings, get_settings
from .state import MatcherState
from .writes import CorpusWriter

DESCRIPTION = """
Describe a local health challenge in your own words and get the most similar past NHS–industry
partnerships (with why they match), the organisations most likely to be good partners, and the NHS
organisations that did comparable work. Errors are `{"error": {"code", "message", "fields"}}`.
"""


def create_app(settings: Settings | None = None, matcher: Matcher | None = None) -> FastAPI:
    """The service; pass a ready `matcher` to skip loading one from `settings`."""
    settings = settings or get_settings()
    state = MatcherState(matcher)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not state.is_ready:
            state.load_in_background(lambda: load_matcher(settings))
        if settings.follow_seconds:
            app.state.index_follower.start()
        yield
        app.state.index_follower.stop()

    # FastAPIOffline: FastAPI whose /docs and /redoc load Swagger UI and ReDoc from this service, not a CDN.
    app = FastAPIOffline(
        title="NHS partnership matcher", version=__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.matcher_state = state
    app.state.match_cache = MatchCache(results=settings.cache_size, embeddings=settings.embedding_cache_size)
    install_error_handlers(app)
    for module in (health, match, partnerships, stats, admin, web):
        app.include_router(module.router)
    app.state.corpus_writer = CorpusWriter(settings, state)
    # Other workers' writes (serve --workers N) reach this one through the index they publish.
    app.state.index_follower = IndexFollower(app.state.corpus_writer, state, interval_seconds=settings.follow_seconds)
    install_request_limits(app, settings)  # inside CORS, so the widget can read a 429
    app.add_middleware(
        ReadOnlyCORSMiddleware, allow_origins=settings.cors_origins, write_origins=settings.admin_cors_origins
    )
    install_security_headers(app)
    install_observability(app)  # outermost: request ids, access log and metrics see every response
    return app


def create_served_app() -> FastAPI:
    """The factory `matcher serve` hands uvicorn. Each worker process of `--workers N` starts afresh,
    so it sets up its own logging here (JSON lines, access log) before building the app."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    return create_app(settings)
