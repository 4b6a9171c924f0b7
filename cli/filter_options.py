"""The filter options shared by `rescite search` and `rescite ask`, and the Filters they make."""

from __future__ import annotations

from typing import Annotated

import typer
from rescite.core.records import Body, DocType, Filters, Section

BodyOption = Annotated[list[Body] | None, typer.Option(help="ITU-PP, UNGA, …")]
DocTypeOption = Annotated[list[DocType] | None, typer.Option(help="resolution, …")]
YearOption = Annotated[int | None, typer.Option()]
SectionOption = Annotated[list[Section] | None, typer.Option(help="preamble, operative, …")]
KeywordOption = Annotated[list[str] | None, typer.Option(help="English keyword: resolves, …")]
LanguageOption = Annotated[list[str] | None, typer.Option(help="en, fr, zh, …")]
DocOption = Annotated[list[str] | None, typer.Option(help="Restrict to these doc ids.")]


def filters_from_options(
    body: list[Body] | None,
    doc_type: list[DocType] | None,
    year_from: int | None,
    year_to: int | None,
    section: list[Section] | None,
    keyword: list[str] | None,
    language: list[str] | None,
    doc: list[str] | None,
) -> Filters:
    return Filters(
        body=tuple(body or ()),
        doc_type=tuple(doc_type or ()),
        year_from=year_from,
        year_to=year_to,
        section=tuple(section or ()),
        keyword=tuple(keyword or ()),
        language=tuple(language or ()),
        doc_id=tuple(doc or ()),
    )
