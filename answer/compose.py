"""Composing the Answer: citations grouped by resolution, numbered, and the extractive text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rescite.answer.citations import citation_string, clause_locator
from rescite.answer.support import Candidate
from rescite.answer.verify import VerifiedQuote
from rescite.core.names import document_name
from rescite.core.records import Body, Citation, CitedDocument, Clause, DocumentMeta, Section

QUOTE_CHARS = 240
_OPENING_VERB = re.compile(
    r"(?:\d+\.\s*)?((?:Further |Also |Strongly )?[A-Z][a-z]+s\b(?: upon| on| note)?)"
)  # the answer text shortens long quotes; the citation keeps the full quote


@dataclass(frozen=True)
class Quoted:
    candidate: Candidate
    quote: VerifiedQuote
    page: int | None


def cited_document(meta: DocumentMeta) -> CitedDocument:
    return CitedDocument(
        doc_id=meta.doc_id,
        body=meta.body,
        doc_type=meta.doc_type,
        number=meta.number,
        symbol=meta.symbol,
        revision=meta.revision,
        year=meta.year,
        title=meta.title,
        language=meta.language,
        source=meta.source,
    )


def group_by_document(items: Sequence[Quoted]) -> list[list[Quoted]]:
    """Groups in order of their best candidate; document order inside a group."""
    groups: dict[str, list[Quoted]] = {}
    for item in sorted(items, key=lambda quoted: -quoted.candidate.rank):
        groups.setdefault(item.candidate.hit.document.doc_id, []).append(item)
    return [
        sorted(group, key=lambda quoted: quoted.candidate.hit.clause.ordinal)
        for group in groups.values()
    ]


def citations(groups: Sequence[Sequence[Quoted]]) -> tuple[Citation, ...]:
    out: list[Citation] = []
    for group in groups:
        for item in group:
            hit = item.candidate.hit
            out.append(
                Citation(
                    n=len(out) + 1,
                    clause_id=hit.clause.clause_id,
                    citation=citation_string(hit.document, hit.clause),
                    document=cited_document(hit.document),
                    section=hit.clause.section,
                    keyword=hit.clause.keyword,
                    label=hit.clause.label,
                    text=hit.clause.text,
                    quote=item.quote.text,
                    verified=True,
                    page=item.page,
                    score=round(item.candidate.support, 4),
                    quote_start=item.quote.start,
                    quote_end=item.quote.end,
                )
            )
    return tuple(out)


def shorten(text: str, limit: int = QUOTE_CHARS, focus: Sequence[str] = ()) -> str:
    """At most `limit` characters, cut at a word; around the first `focus` string if given."""
    if len(text) <= limit:
        return text
    at = min((i for needle in focus if (i := text.find(needle)) >= 0), default=0)
    if at + len(max(focus, key=len, default="")) < limit - 20:
        at = 0
    start = max(at - limit // 2, 0)
    if start:
        start = text.find(" ", start) + 1
    cut = text[start : start + limit].rsplit(" ", 1)[0].rstrip(",;: ")
    return ("… " if start else "") + cut + (" …" if start + len(cut) < len(text) else "")


def action(meta: DocumentMeta, citation: Citation) -> str:
    """What the clause does, in the resolution's own words: `instructs the Secretary-General`."""
    if meta.body is not Body.UNGA and citation.keyword:
        return citation.keyword
    if citation.section is Section.OPERATIVE:
        match = _OPENING_VERB.match(citation.quote)
        if match:
            return match.group(1).lower()
        return "operative paragraph"
    if citation.section is Section.PREAMBLE:
        return "in its preamble"
    return ""


def _heading(meta: DocumentMeta) -> str:
    name = document_name(meta)
    title = meta.title.strip()
    return f"{name} ({shorten(title, 120)})" if title and title not in name else name


def extractive_text(
    groups: Sequence[Sequence[Quoted]], cited: Sequence[Citation], focus: Sequence[str] = ()
) -> str:
    """Per resolution: its name and title, then what each clause does, with [n] markers."""
    lines: list[str] = []
    position = 0
    for group in groups:
        meta = group[0].candidate.hit.document
        lines.append(f"{_heading(meta)}:")
        for _ in group:
            citation = cited[position]
            position += 1
            locator = clause_locator(meta, citation_clause(group, citation))
            verb = action(meta, citation)
            lead = f"{locator} ({verb})" if verb and verb not in locator else locator
            quote = shorten(citation.quote, focus=focus)
            lines.append(f"  - {lead}: “{quote}” [{citation.n}]")
    return "\n".join(lines)


def citation_clause(group: Sequence[Quoted], citation: Citation) -> Clause:
    return next(
        item.candidate.hit.clause
        for item in group
        if item.candidate.hit.clause.clause_id == citation.clause_id
    )


def more_listed(shown: int) -> str:
    """Said after a list answer cut at its limit."""
    return (
        f"\n\nMore clauses cite it than the {shown} listed here, which are those closest to the "
        "question. Filters (body, years, section) or a narrower question show the others."
    )


def refusal_text(reason: str, leads: Sequence[str] = ()) -> str:
    closest = f"The closest clauses, which may not answer it: {'; '.join(leads)}. " if leads else ""
    return (
        f"No clause in the archive supports an answer: {reason} {closest}"
        "Try naming a resolution (e.g. “Resolution 130” or “A/RES/79/243”), rephrasing, "
        "or widening the filters."
    )
