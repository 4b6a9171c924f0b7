"""Prometheus metrics: requests by route and status, latency histograms, archive size.

Each app has its own registry (no global state), rendered at `GET /metrics` in the Prometheus
text format. Routes are labelled by their template (`/v1/documents/{doc_id:path}`), never by the
raw path, so the label set stays small.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from rescite.api.cache import ResultCache
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_TYPE = CONTENT_TYPE_LATEST
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class ApiMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "rescite_http_requests",
            "HTTP requests served, by route template, method and status.",
            ("route", "method", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "rescite_http_request_duration_seconds",
            "Time to the end of the response, by route template and method.",
            ("route", "method"),
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.documents = Gauge(
            "rescite_archive_documents", "Documents in the archive.", registry=self.registry
        )
        self.clauses = Gauge(
            "rescite_archive_clauses", "Clauses in the archive.", registry=self.registry
        )

        self.cache = Gauge(
            "rescite_result_cache",
            "Result cache: entries now, hits and misses since start.",
            ("measure",),
            registry=self.registry,
        )

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)

    def render(self, documents: int | None, clauses: int | None, cache: ResultCache) -> bytes:
        self.cache.labels("entries").set(len(cache))
        self.cache.labels("hits").set(cache.hits)
        self.cache.labels("misses").set(cache.misses)
        if documents is not None:
            self.documents.set(documents)
        if clauses is not None:
            self.clauses.set(clauses)
        return generate_latest(self.registry)


def route_label(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else "unmatched"


class MetricsMiddleware:
    """Times every HTTP request to its last body byte and counts it by route and status."""

    def __init__(self, app: ASGIApp, metrics: ApiMetrics, clock: Callable[[], float]) -> None:
        self.app = app
        self.metrics = metrics
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = self.clock()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            elapsed = self.clock() - started
            self.metrics.observe(route_label(scope), scope["method"], status, elapsed)
