"""`parse(document) -> ParsedDocument`: a Document's clauses, by body, type and language.

Dispatch: UNGA resolutions -> structure_unga; ITU resolutions, decisions, recommendations and
proposals -> structure_itu; the declarations in the Final Acts -> structure_declarations; ITU-T
Recommendations -> structure_recommendation; anything else (the UDHR, the ITU Constitution and
Convention) -> structure_body. Clause text excludes page headers and footnote
blocks (see `clause_text_spans` for mapping a quote back to document offsets).
"""

from __future__ import annotations

from rescite.core.records import Body, DocType, Document, ParsedDocument
from rescite.ingest.parse_build import Unit, build_clauses, content_lines
from rescite.ingest.parse_lines import Line
from rescite.ingest.parse_noise import UNGA_FORMULA, find_noise
from rescite.ingest.structure_body import parse_body
from rescite.ingest.structure_declarations import parse_declarations
from rescite.ingest.structure_itu import parse_itu
from rescite.ingest.structure_recommendation import parse_recommendation
from rescite.ingest.structure_unga import TITLE as _UNGA_TITLE
from rescite.ingest.structure_unga import parse_unga

_ITU = {Body.ITU_PP, Body.ITU_WTSA, Body.ITU_WTDC, Body.ITU_OTHER}
_ITU_TYPES = {DocType.RESOLUTION, DocType.DECISION, DocType.RECOMMENDATION, DocType.PROPOSAL}


def parse(document: Document) -> ParsedDocument:
    noise = find_noise(document.text, document.page_starts)
    lines = content_lines(document.text, noise)
    units = structure_units(document, lines)
    return ParsedDocument(document=document, clauses=build_clauses(document, units, noise))


def structure_units(document: Document, lines: list[Line]) -> list[Unit]:
    meta = document.meta
    if meta.body in _ITU and meta.doc_type is DocType.DECLARATION:
        return parse_declarations(lines)
    if meta.body is Body.ITU_OTHER and meta.doc_type is DocType.RECOMMENDATION:
        return parse_recommendation(lines, meta.language)
    if _is_body_text(document):
        return parse_body(lines, meta.language)
    if meta.body is Body.UNGA and any(_opens_unga(line.text) for line in lines[:80]):
        return parse_unga(lines, meta.language)
    if meta.body in _ITU and meta.doc_type in _ITU_TYPES:
        return parse_itu(lines, meta.language)
    return parse_body(lines, meta.language)


def _opens_unga(line: str) -> bool:
    """A resolution's numbered title ("79/243. …"), or its formula where the title carries no
    number (A/RES/79/9)."""
    return bool(_UNGA_TITLE.match(line) or UNGA_FORMULA.match(line))


def _is_body_text(document: Document) -> bool:
    """Texts organised in articles or numbered sections rather than keyword sections."""
    meta = document.meta
    return meta.doc_type in {DocType.TREATY, DocType.DECLARATION}
