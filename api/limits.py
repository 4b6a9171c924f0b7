"""Request limits: body size (by Content-Length and as the body streams in) and query length."""

from __future__ import annotations

from typing import Any

from rescite.api.errors import error_response
from rescite.core.errors import QueryError
from rescite.core.settings import ApiSettings
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

UPLOAD_PATH = "/v1/documents"
MULTIPART_SLACK = 64 * 1024  # form boundaries and headers around the file


def body_limit(method: str, path: str, settings: ApiSettings) -> int:
    """The largest body accepted for a request, in bytes."""
    if method == "POST" and path.rstrip("/") == UPLOAD_PATH:
        return settings.max_upload_mb * 1024 * 1024 + MULTIPART_SLACK
    # A question, filters and JSON punctuation; UTF-8 may take 4 bytes a character.
    return 64 * 1024 + 4 * settings.max_query_chars


def check_query(text: str, settings: ApiSettings, *, what: str = "query") -> str:
    """Reject an empty or over-long question or query (QueryError, mapped to 422)."""
    if not text.strip():
        raise QueryError(f"the {what} is empty: type a question or some words to search")
    if len(text) > settings.max_query_chars:
        raise QueryError(
            f"the {what} has {len(text)} characters; the limit is {settings.max_query_chars}: "
            "shorten it"
        )
    return text


class _BodyTooLarge(HTTPException):
    """Raised while the body streams in; FastAPI passes HTTPExceptions through to our handler."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _too_large_message(limit))


class BodyLimitMiddleware:
    """Answer 413 before reading a body that says or turns out to be larger than allowed."""

    def __init__(self, app: ASGIApp, settings: ApiSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope["method"], _route_path(scope), self.settings)
        if _declared_length(scope) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise _BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _too_large(limit)(scope, receive, send)


def _route_path(scope: Scope) -> str:
    """The path the app routes on: without the proxy prefix (`rescite serve --root-path`)."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def _declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


def _too_large_message(limit: int) -> str:
    return f"the request body is larger than {limit // 1024} KiB; send a smaller file or query"


def _too_large(limit: int) -> Any:
    return error_response(413, "request_too_large", _too_large_message(limit))
