"""Structured JSON logs with request ids, and Prometheus metrics at /metrics.

Every request gets an id: the caller's `X-Request-ID` when it is sane (1-128 characters of
letters, digits and `-_.:`), else a new one; it is echoed in the response header and stamped on
every log line written while the request runs. One access line per request records method, path
(never the query string, which can carry search terms), route template, status and duration.
Request bodies, and so challenge texts, are never logged (MATCHER_LOG_CHALLENGES opts in).

Metrics live in a registry per app (not prometheus_client's global one), so tests can create
many apps. The cache hit rate is read from `app.state.cache_stats` (a callable returning a
mapping with `hits` and `misses`) or `app.state.cache.stats()` when either is present.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..index.build import read_current_manifest
from ..matcher.errors import MatcherError
from .errors import internal_error_response

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
access_log = logging.getLogger("nhsmatch.access")
log = logging.getLogger(__name__)

_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# The attributes every LogRecord has; anything else on a record was passed as `extra=`.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's message with terminal colours
}
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, pid, request_id and any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,  # which worker, with `serve --workers N`
        }
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RequestIdFilter(logging.Filter):
    """Stamps the current request's id on records, for text logs too."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


def configure_logging(level: str, log_format: str = "json") -> None:
    """Root logging for `matcher serve`: JSON lines (default) or plain text on stderr."""
    handler = logging.StreamHandler()
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"))
    handler.addFilter(RequestIdFilter())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    logging.getLogger("faiss").setLevel(logging.WARNING)


class Metrics:
    """The app's Prometheus registry: per-route request counts and latencies, index and cache gauges."""

    def __init__(self, app: FastAPI) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "matcher_http_requests",
            "HTTP requests by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "matcher_http_request_duration_seconds",
            "Time to answer, by method and route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.writes = Counter(
            "matcher_admin_writes", "Acknowledged admin writes by operation.", ["operation"], registry=self.registry
        )
        self.index_update = Histogram(
            "matcher_index_update_seconds",
            "Time from a validated write to the new index being served (durable write included).",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.registry.register(_StateCollector(app))

    def record_write(self, operation: str, seconds: float) -> None:
        self.writes.labels(operation).inc()
        self.index_update.observe(seconds)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class _StateCollector(Collector):
    """Gauges read at scrape time from what the app serves now."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def collect(self) -> Iterator[GaugeMetricFamily]:
        state = self.app.state.matcher_state
        yield GaugeMetricFamily("matcher_ready", "1 once the index is loaded and serving.", value=int(state.is_ready))
        if state.is_ready:
            matcher = state.get()
            corpus = matcher.corpus
            yield GaugeMetricFamily("matcher_index_records", "Partnerships served.", value=len(corpus.records))
            yield GaugeMetricFamily("matcher_index_passages", "Passage vectors served.", value=len(corpus.passages))
            try:
                manifest = read_current_manifest(self.app.state.settings.index_dir)
            except MatcherError:
                manifest = None
            if manifest is not None:
                yield GaugeMetricFamily(
                    "matcher_index_build_seconds",
                    "How long the current index build took.",
                    value=manifest.build_seconds,
                )
                yield GaugeMetricFamily(
                    "matcher_index_built_timestamp_seconds",
                    "When the current index was built (Unix time).",
                    value=manifest.built_at.timestamp(),
                )
        stats = _cache_stats(self.app)
        if stats is not None:
            hits, misses = float(stats.get("hits", 0)), float(stats.get("misses", 0))
            yield GaugeMetricFamily("matcher_cache_hits", "Result cache hits since start.", value=hits)
            yield GaugeMetricFamily("matcher_cache_misses", "Result cache misses since start.", value=misses)
            rate = hits / (hits + misses) if hits + misses else 0.0
            yield GaugeMetricFamily("matcher_cache_hit_ratio", "Result cache hits / lookups since start.", value=rate)


def _cache_stats(app: FastAPI) -> Mapping[str, Any] | None:
    """The result cache's counters, if the app has a cache (the hook for nhsmatch/api/cache.py)."""
    getter: Callable[[], Any] | None = getattr(app.state, "cache_stats", None)
    if getter is None:
        cache = getattr(app.state, "cache", None)
        getter = getattr(cache, "stats", None)
    if getter is None:
        return None
    stats = getter()
    if not isinstance(stats, Mapping):
        stats = vars(stats) if hasattr(stats, "__dict__") else {}
    return stats


class RequestMiddleware:
    """Request ids, the access log line and the request metrics, around everything else."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _SANE_REQUEST_ID.match(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status, response_started = message["status"], True
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:  # a bug: log it with the request id and answer in the usual error shape
            log.exception("unhandled error")
            if response_started:
                raise
            await internal_error_response(request_id)(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"  # bounded label values
            self.metrics.observe(scope["method"], template, status, seconds)
            access_log.info(
                "%s %s %d",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": template,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 2),
                },
            )
            request_id_var.reset(token)


router = APIRouter(include_in_schema=False)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    exposition = request.app.state.metrics.exposition()
    return Response(exposition, media_type=CONTENT_TYPE_LATEST)


def install_observability(app: FastAPI) -> Metrics:
    """Adds /metrics and the request middleware (outermost, so it sees every response)."""
    app.state.metrics = Metrics(app)
    writer = getattr(app.state, "corpus_writer", None)
    if writer is not None:
        writer.on_write = app.state.metrics.record_write
    app.include_router(router)
    app.add_middleware(RequestMiddleware, metrics=app.state.metrics)
    return app.state.metrics
