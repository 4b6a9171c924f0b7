"""Operations and the page: `/healthz`, `/readyz`, `/metrics`, and the search page at `/`."""

from __future__ import annotations

from contextlib import suppress
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from rescite.api.errors import ApiError
from rescite.api.metrics import CONTENT_TYPE, ApiMetrics
from rescite.api.routes_query import Owner
from rescite.api.schemas import Health, Readiness
from rescite.core.archive import Archive
from rescite.core.errors import ResciteError
from rescite.core.records import Filters

router = APIRouter(tags=["operations"])
READY_TIMEOUT_S = 5.0
STATIC = resources.files("rescite.api") / "static"
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@router.get("/healthz", response_model=Health, summary="The process is up")
async def healthz() -> Health:
    return Health(status="ok")


def _document_count(archive: Archive) -> int:
    return archive.documents(Filters(), offset=0, limit=1).total


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="The archive is open and answers",
    responses={503: {"model": Readiness}},
)
async def readyz(owner: Owner) -> Readiness | JSONResponse:
    try:
        await owner.wait_warm(READY_TIMEOUT_S)
        total = await owner.read(_document_count, timeout_s=READY_TIMEOUT_S)
    except Exception as error:  # any failure means "not ready"; the message says which
        message = getattr(error, "message", None) or str(error) or type(error).__name__
        body = Readiness(status="unavailable", message=message)
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
    return Readiness(status="ready", documents=total)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics(owner: Owner, request: Request) -> Response:
    registry: ApiMetrics = request.app.state.metrics
    documents: int | None = None
    clauses: int | None = None
    if owner.is_open:
        with suppress(ResciteError, ApiError):  # still serve the request metrics
            documents, clauses = await owner.read(lambda a: a.counts(), timeout_s=READY_TIMEOUT_S)
    return Response(registry.render(documents, clauses, owner.cache), media_type=CONTENT_TYPE)


@router.get("/", include_in_schema=False)
async def page() -> FileResponse:
    return FileResponse(str(STATIC / "index.html"), headers=PAGE_HEADERS)
