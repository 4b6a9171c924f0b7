"""Gathering candidate clauses for a reading: a named document (and section), or a search."""

from __future__ import annotations

from dataclasses import dataclass

from rescite.answer.protocols import ArchiveReader, TextEmbedder
from rescite.answer.question import Reading
from rescite.answer.references import resolve
from rescite.answer.support import Candidate, score
from rescite.core.records import Clause, Filters, Hit, Section

SEARCH_DEPTH = 3  # search k * this many clauses, then rank them ourselves
MIN_DEPTH = 24


@dataclass(frozen=True)
class Found:
    items: list[Candidate]
    refusal: str | None = None


def merged_filters(filters: Filters, reading: Reading) -> Filters:
    """The user's filters win; the question adds a body or a year range only where they are open."""
    update: dict[str, object] = {}
    if not filters.body and reading.bodies:
        update["body"] = reading.bodies
    if filters.year_from is None and filters.year_to is None:
        if reading.year_from is not None:
            update["year_from"] = reading.year_from
        if reading.year_to is not None:
            update["year_to"] = reading.year_to
    return filters.model_copy(update=update) if update else filters


def candidates(
    archive: ArchiveReader,
    reading: Reading,
    filters: Filters,
    k: int,
    embedder: TextEmbedder | None,
) -> Found:
    depth = max(k * SEARCH_DEPTH, MIN_DEPTH)
    if reading.refs:
        resolved = resolve(archive, reading.refs, reading.language)
        if not resolved.doc_ids:
            names = ", ".join(ref.display for ref in resolved.missing)
            return Found([], f"{names} is not in the archive (ingest it first).")
        return Found(named(archive, reading, resolved.doc_ids, filters, depth, embedder))
    hits = archive.search(reading.query, k=depth, filters=merged_filters(filters, reading))
    return Found(prefer_language(score(reading, hits, embedder), reading.language))


def section_matches(reading: Reading, clause: Clause) -> bool:
    """The clause sits in the section the question names (verb and/or addressee)."""
    if clause.section is not Section.OPERATIVE or not (reading.verb or reading.addressee):
        return False
    keyword = (clause.keyword_en or "").lower()
    if reading.verb and reading.verb not in keyword:
        return False
    return not reading.addressee or clause.addressee == reading.addressee


def named(
    archive: ArchiveReader,
    reading: Reading,
    doc_ids: tuple[str, ...],
    filters: Filters,
    depth: int,
    embedder: TextEmbedder | None,
) -> list[Candidate]:
    """Candidates from named documents: the named section whole, else the best-ranked clauses."""
    scoped = filters.model_copy(update={"doc_id": doc_ids})
    hits = archive.search(reading.query, k=depth, filters=scoped)
    meta = {hit.document.doc_id: hit.document for hit in hits}
    for doc_id in doc_ids:
        if doc_id not in meta:
            meta[doc_id] = archive.document(doc_id).meta
    section = [
        Hit(clause=clause, document=meta[doc_id], score=1.0)
        for doc_id in doc_ids
        for clause in archive.clauses(doc_id)
        if section_matches(reading, clause)
    ]
    if section:
        return [Candidate(hit, 1.0, 1.0, direct=True) for hit in section]
    if not hits:
        hits = [
            Hit(clause=clause, document=meta[doc_id], score=0.0)
            for doc_id in doc_ids
            for clause in archive.clauses(doc_id)
            if clause.section is Section.OPERATIVE
        ]
    ranked = score(reading, hits, embedder)
    # A question that names a document is answered from it: its best clauses support the answer.
    return [Candidate(c.hit, max(c.support, 0.5), c.rank + 0.5) for c in ranked]


def _work(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[0]


def prefer_language(items: list[Candidate], language: str) -> list[Candidate]:
    """Of a work present in several languages, keep one: the question's, else English."""
    languages: dict[str, set[str]] = {}
    for candidate in items:
        meta = candidate.hit.document
        languages.setdefault(_work(meta.doc_id), set()).add(meta.language)

    def wanted(work: str) -> str:
        present = languages[work]
        for choice in (language, "en"):
            if choice in present:
                return choice
        return sorted(present)[0]

    return [c for c in items if c.hit.document.language == wanted(_work(c.hit.document.doc_id))]
