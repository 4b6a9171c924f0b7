"""Map the error tree to HTTP: the API's one edge for errors.

Every error leaves the server as JSON `{"error": {"type": ..., "message": ...}}`; `type` is the
error's `kind` (e.g. `not_found`, `index_locked`) or one of the API's own kinds below.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from rescite.core import errors
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("rescite.api")

STATUS_BY_ERROR: dict[type[errors.ResciteError], int] = {
    errors.UnsupportedFormat: 415,
    errors.FileTooLarge: 413,
    errors.InputError: 422,
    errors.QueryError: 422,
    errors.NotFound: 404,
    errors.IndexLocked: 503,
    errors.StoreUnavailable: 503,
    errors.IndexError_: 503,
    errors.RemoteError: 502,
    errors.ConfigError: 500,
}

# Kinds the HTTP layer adds to the error tree's own.
KIND_BY_STATUS: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    503: "unavailable",
    504: "timeout",
}


class ApiError(Exception):
    """An HTTP-level failure that is not in the library's error tree (auth, limits, timeouts)."""

    def __init__(self, status: int, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind or KIND_BY_STATUS.get(status, "error")


def status_for(error: errors.ResciteError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 500


def error_body(kind: str, message: str) -> dict[str, Any]:
    return {"error": {"type": kind, "message": message}}


def error_response(status: int, kind: str, message: str) -> JSONResponse:
    headers = {"Retry-After": "5"} if status == 503 else None
    if status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return JSONResponse(error_body(kind, message), status_code=status, headers=headers)


def response_for(error: Exception) -> JSONResponse:
    """The JSON error response for any exception (used by handlers and the SSE stream)."""
    if isinstance(error, ApiError):
        return error_response(error.status, error.kind, error.message)
    if isinstance(error, errors.ResciteError):
        return error_response(status_for(error), error.kind, error.message)
    log.exception("unhandled error", exc_info=error)
    return error_response(500, "internal_error", "internal error; the server log has details")


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()))
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _on_rescite_error(_: Request, exc: Exception) -> JSONResponse:
    return response_for(exc)


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "validation_error", _validation_message(exc))


async def _on_http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    kind = KIND_BY_STATUS.get(exc.status_code, "error")
    return error_response(exc.status_code, kind, str(exc.detail))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(errors.ResciteError, _on_rescite_error)
    app.add_exception_handler(ApiError, _on_rescite_error)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_rescite_error)
