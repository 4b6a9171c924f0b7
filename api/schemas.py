"""Request and response bodies of the HTTP API (the records themselves come from core)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field
from rescite.core.records import (
    Body,
    Clause,
    DocType,
    DocumentMeta,
    Filters,
    Hit,
    Section,
)

MAX_K = 100
NOT_BLANK = r"\S"  # some text that is not only spaces


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AskRequest(ApiModel):
    question: str = Field(
        pattern=NOT_BLANK,
        description="The question, in any of the six UN languages (at most api.max_query_chars).",
    )
    k: int | None = Field(
        default=None,
        ge=1,
        le=MAX_K,
        description="Clauses to retrieve; the server default if unset.",
    )
    filters: Filters = Field(default_factory=Filters)


class SearchResponse(ApiModel):
    query: str
    k: int
    filters: Filters
    hits: list[Hit]


class DocumentResponse(ApiModel):
    document: DocumentMeta
    clauses: list[Clause]
    text: str | None = Field(default=None, description="The normalised text, when asked for.")


class ClauseResponse(ApiModel):
    clause: Clause
    citation: str = Field(description="How delegates cite it, e.g. `A/RES/79/243, para. 2`.")
    document: DocumentMeta
    previous: list[Clause] = Field(description="Up to `neighbours` clauses before, in order.")
    next: list[Clause] = Field(description="Up to `neighbours` clauses after, in order.")


class Health(ApiModel):
    status: str


class Readiness(ApiModel):
    status: str
    documents: int | None = None
    message: str | None = None


class ErrorDetail(ApiModel):
    type: str
    message: str


class ErrorResponse(ApiModel):
    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in {
        401: "No key or an unknown key",
        403: "The key's role is not enough",
        404: "No such document or clause",
        413: "Body too large",
        422: "Invalid request or query",
        503: "The archive cannot serve now",
        504: "The request took too long",
    }.items()
}


async def filters_from_query(
    body: Annotated[list[Body], Query(description="ITU-PP, ITU-WTSA, ITU-WTDC, UNGA, ...")] = [],  # noqa: B006
    doc_type: Annotated[list[DocType], Query()] = [],  # noqa: B006
    year_from: Annotated[int | None, Query(ge=1800, le=2200)] = None,
    year_to: Annotated[int | None, Query(ge=1800, le=2200)] = None,
    section: Annotated[list[Section], Query()] = [],  # noqa: B006
    keyword: Annotated[list[str], Query(description="English keyword, e.g. resolves")] = [],  # noqa: B006
    language: Annotated[list[str], Query(description="ISO 639-1 code: en, fr, zh, ...")] = [],  # noqa: B006
    doc_id: Annotated[list[str], Query()] = [],  # noqa: B006
) -> Filters:
    """The filters of GET routes, each repeatable (`?body=UNGA&body=ITU-PP`).

    Dependencies are `async` so FastAPI does not hop to a worker thread for each one.
    """
    return Filters(
        body=tuple(body),
        doc_type=tuple(doc_type),
        year_from=year_from,
        year_to=year_to,
        section=tuple(section),
        keyword=tuple(keyword),
        language=tuple(language),
        doc_id=tuple(doc_id),
    )
