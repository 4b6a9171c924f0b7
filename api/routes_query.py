"""Search and ask: `GET /v1/search`, `POST /v1/ask`, `POST /v1/ask/stream` (server-sent events)."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Annotated, NamedTuple

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from rescite.answer.ask import ask
from rescite.api.limits import check_query
from rescite.api.owner import ArchiveOwner
from rescite.api.schemas import (
    ERROR_RESPONSES,
    MAX_K,
    NOT_BLANK,
    AskRequest,
    SearchResponse,
    filters_from_query,
)
from rescite.core.archive import Archive
from rescite.core.records import Answer, Filters
from rescite.core.settings import Settings

router = APIRouter(prefix="/v1", tags=["query"], responses=ERROR_RESPONSES)

SSE_MEDIA_TYPE = "text/event-stream"
SSE_DESCRIPTION = """Server-sent events, in this order:

- `citation` (one per citation, in order): the Citation JSON, as in `POST /v1/ask`;
- `answer` (one or more): `{"text": "..."}`, pieces of the answer text to append;
- `done` (always last): the whole Answer JSON, exactly as `POST /v1/ask` returns it, so no
  citation is lost even if a client drops the earlier events.
"""

SSE_EVENT_SCHEMA = {
    "type": "object",
    "description": "One server-sent event.",
    "required": ["event", "data"],
    "properties": {
        "event": {"type": "string", "enum": ["citation", "answer", "done"]},
        "data": {"type": "string", "contentMediaType": "application/json"},
    },
}


async def owner_of(request: Request) -> ArchiveOwner:
    owner: ArchiveOwner = request.app.state.owner
    return owner


Owner = Annotated[ArchiveOwner, Depends(owner_of)]
QueryFilters = Annotated[Filters, Depends(filters_from_query)]


class RenderedAnswer(NamedTuple):
    """An Answer and its JSON, rendered once on the worker thread and cached together."""

    answer: Answer
    body: bytes


def json_response(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


@router.get("/search", response_model=SearchResponse, summary="Hybrid clause search")
async def search(
    owner: Owner,
    filters: QueryFilters,
    q: Annotated[
        str,
        Query(
            pattern=NOT_BLANK,
            description="Words or a question, any UN language (at most api.max_query_chars).",
        ),
    ],
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 10,
) -> Response:
    query = check_query(q, owner.settings.api)

    def run(archive: Archive) -> bytes:
        hits = archive.search(query, k=k, filters=filters)
        return (
            SearchResponse(query=query, k=k, filters=filters, hits=hits).model_dump_json().encode()
        )

    return json_response(await owner.cached_read(("search", query, k, filters), run))


async def _answer(owner: ArchiveOwner, body: AskRequest) -> RenderedAnswer:
    question = check_query(body.question, owner.settings.api, what="question")
    k = body.k or owner.settings.answer.k
    settings = owner.settings

    def run(archive: Archive) -> RenderedAnswer:
        answer = ask(archive, question, k=k, filters=body.filters, settings=settings)
        return RenderedAnswer(answer, answer.model_dump_json().encode())

    return await owner.cached_read(
        ("ask", question, k, body.filters), run, timeout_s=ask_timeout(settings)
    )


def ask_timeout(settings: Settings) -> float:
    """The request limit, plus the LLM's own when one is set: its failure falls back to the
    extractive answer, which must still reach the client."""
    extra = settings.llm.timeout_s if settings.llm.url else 0.0
    return settings.api.request_timeout_s + extra


@router.post(
    "/ask",
    response_model=Answer,
    summary="A cited answer (the `rescite ask --json` contract)",
)
async def ask_route(owner: Owner, body: AskRequest) -> Response:
    return json_response((await _answer(owner, body)).body)


@router.post(
    "/ask/stream",
    summary="A cited answer as server-sent events",
    description=SSE_DESCRIPTION,
    response_class=StreamingResponse,
    responses={200: {"content": {SSE_MEDIA_TYPE: {"schema": SSE_EVENT_SCHEMA}}}},
)
async def ask_stream(owner: Owner, body: AskRequest) -> StreamingResponse:
    answer = (await _answer(owner, body)).answer  # errors still get their HTTP status here
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(answer_events(answer), media_type=SSE_MEDIA_TYPE, headers=headers)


def sse_event(event: str, data: str) -> str:
    # SSE ends lines only at CR and LF (JSON escapes both); not at U+2028 as splitlines() would.
    lines = "".join(f"data: {line}\n" for line in data.replace("\r", "").split("\n"))
    return f"event: {event}\n{lines}\n"


async def answer_events(answer: Answer) -> AsyncIterator[str]:
    for citation in answer.citations:
        yield sse_event("citation", citation.model_dump_json())
    for piece in text_pieces(answer.answer):
        yield sse_event("answer", json.dumps({"text": piece}, ensure_ascii=False))
    yield sse_event("done", answer.model_dump_json())


def text_pieces(text: str) -> list[str]:
    """Split the answer text after sentence ends; the pieces join back to the text."""
    pieces = [piece for piece in re.split(r"(?<=[.!?。])(?=\s)", text) if piece]
    return pieces or [text]
