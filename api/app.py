"""The FastAPI app factory: `create_app(settings, archive=None)`.

FastAPI and Starlette live only in this package. Given an Archive, the app uses it and leaves it
open; given none, it opens one with `open_archive(settings)` and closes it at shutdown. At
start-up the archive is opened and warmed (one search loads the embedding model) in the
background; /readyz waits for that, and a failed open (e.g. while a CLI ingest holds the index)
is retried by the next request.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from rescite.api import routes_documents, routes_ops, routes_query
from rescite.api.auth import require_reader
from rescite.api.errors import install_error_handlers
from rescite.api.limits import BodyLimitMiddleware
from rescite.api.metrics import ApiMetrics, MetricsMiddleware
from rescite.api.owner import ArchiveOwner
from rescite.core.archive import Archive
from rescite.core.settings import Settings
from rescite.core.wiring import open_archive

API_VERSION = "1"
DESCRIPTION = """Search ITU and UN General Assembly resolutions; answers cite the clauses verbatim.

When the server has API keys, every `/v1` call needs a reader or admin key
(`Authorization: Bearer KEY` or `X-API-Key: KEY`) and uploads need an admin key.
Errors are JSON: `{"error": {"type": "...", "message": "..."}}`.
"""


def create_app(
    settings: Settings,
    archive: Archive | None = None,
    *,
    opener: Callable[[Settings], Archive] = open_archive,
) -> FastAPI:
    """Build the app. `opener` opens the archive when none is given (default: open_archive)."""
    owner = ArchiveOwner(settings, opener, archive)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        owner.start_warm_up()
        try:
            yield
        finally:
            owner.close()

    # FastAPIOffline serves /docs and /redoc from files shipped in its wheel (no CDN: intranets
    # and the offline CI have no internet).
    app = FastAPIOffline(
        title="rescite",
        version=API_VERSION,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.owner = owner
    app.state.metrics = ApiMetrics()
    install_error_handlers(app)
    reader = [Depends(require_reader)]
    app.include_router(routes_query.router, dependencies=reader)
    app.include_router(routes_documents.router, dependencies=reader)
    app.include_router(routes_ops.router)
    static = resources.files("rescite.api") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _add_middleware(app, settings)
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    # Added last runs first: metrics see every response, including 413s and CORS preflights.
    app.add_middleware(BodyLimitMiddleware, settings=settings.api)
    if settings.api.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.api.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"],
        )
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics, clock=time.perf_counter)
