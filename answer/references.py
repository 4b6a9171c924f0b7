"""Resolving document references from a question against the archive's catalogue.

An ITU number resolves to its latest revision in the archive unless a revision is named; a UNGA
symbol resolves to its doc id. The question's language is preferred, then English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rescite.answer.doc_refs import EVERY_REVISION, DocRef
from rescite.answer.protocols import ArchiveReader
from rescite.answer.question import ITU_FAMILY
from rescite.core.records import Body, DocType, DocumentMeta, Filters

LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")


@dataclass(frozen=True)
class Resolved:
    doc_ids: tuple[str, ...]
    missing: tuple[DocRef, ...]


def all_documents(archive: ArchiveReader, filters: Filters) -> list[DocumentMeta]:
    items: list[DocumentMeta] = []
    offset = 0
    while True:
        page = archive.documents(filters, offset=offset, limit=200)
        items.extend(page.items)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return items


def unga_symbol(number: str) -> str:
    """A General Assembly resolution's number as the parser writes its target, lower case:
    "74/247" -> "74/247"; "217 A (III)" -> "217(iii) a"."""
    old = re.fullmatch(r"(\d+)\s*([A-Za-z])?\s*\(([IVXLCivxlc]+)\)", number.strip())
    if not old:
        return number.lower()
    letter = f" {old.group(2)}" if old.group(2) else ""
    return f"{old.group(1)}({old.group(3)}){letter}".lower()


def unga_stem(number: str) -> str:
    if "/" in number:
        return "unga/a-res-" + number.lower().replace("/", "-")
    return "unga/" + re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-")


def _language_order(language: str) -> list[str]:
    return list(dict.fromkeys([language, "en", *LANGUAGES]))


def resolve_unga(archive: ArchiveReader, ref: DocRef, language: str) -> str | None:
    stem = unga_stem(ref.number)
    candidates = tuple(f"{stem}/{lang}" for lang in _language_order(language))
    found = {meta.doc_id for meta in archive.documents(Filters(doc_id=candidates)).items}
    return next((doc_id for doc_id in candidates if doc_id in found), None)


def _itu_number(meta: DocumentMeta) -> str:
    match = re.match(r"[a-z-]+/(?:res|dec|rec)-([\w.-]+)/", meta.doc_id)
    return match.group(1) if match else (meta.number or "")


def _revision_matches(meta: DocumentMeta, revision: str | None) -> bool:
    if not revision:
        return True
    haystack = (meta.doc_id + " " + (meta.revision or "")).lower()
    return all(word in haystack for word in revision.split())


def _year_of(meta: DocumentMeta) -> int:
    if meta.year:
        return meta.year
    match = re.search(r"(\d{4})", meta.doc_id)
    return int(match.group(1)) if match else 0


def resolve_itu(archive: ArchiveReader, ref: DocRef, language: str) -> tuple[str, ...]:
    """The referenced resolution's latest revision (or the named one, or every one when the
    question asks which revision), in the question's language when it exists."""
    bodies = (ref.body,) if ref.body else ITU_FAMILY
    filters = Filters(body=bodies, doc_type=(ref.doc_type, DocType.PROPOSAL))
    every = ref.revision == EVERY_REVISION
    metas = [
        meta
        for meta in all_documents(archive, filters)
        if _itu_number(meta) == ref.number and (every or _revision_matches(meta, ref.revision))
    ]
    adopted = [meta for meta in metas if meta.doc_type is not DocType.PROPOSAL] or metas
    if not adopted:
        return ()
    order = _language_order(language)

    def rank(meta: DocumentMeta) -> tuple[int, int, int]:
        body_rank = 0 if meta.body is Body.ITU_PP else 1
        lang = order.index(meta.language) if meta.language in order else len(order)
        return (body_rank, -_year_of(meta), lang)

    if not every:
        return (min(adopted, key=rank).doc_id,)
    best: dict[str, DocumentMeta] = {}
    for meta in sorted(adopted, key=rank):
        best.setdefault(work_of(meta.doc_id), meta)
    return tuple(meta.doc_id for meta in best.values())


def work_of(doc_id: str) -> str:
    """A document id without its language: the same text in every language."""
    return doc_id.rsplit("/", 1)[0]


def resolve_basic(archive: ArchiveReader, ref: DocRef, language: str) -> str | None:
    """The ITU Constitution or Convention: `itu/constitution/...` in the preferred language."""
    metas = [
        meta
        for meta in all_documents(archive, Filters(body=(Body.OTHER, Body.ITU_OTHER)))
        if meta.doc_id.startswith(f"itu/{ref.number}/")
    ]
    order = _language_order(language)
    metas.sort(key=lambda m: (order.index(m.language) if m.language in order else 99, -_year_of(m)))
    return metas[0].doc_id if metas else None


def resolve_recommendation(archive: ArchiveReader, ref: DocRef, language: str) -> str | None:
    """An ITU Recommendation by its number ("E.119"), its latest edition in the preferred
    language."""
    filters = Filters(body=(Body.ITU_OTHER, Body.OTHER), doc_type=(DocType.RECOMMENDATION,))
    metas = [meta for meta in all_documents(archive, filters) if meta.number == ref.number]
    order = _language_order(language)
    metas.sort(key=lambda m: (order.index(m.language) if m.language in order else 99, -_year_of(m)))
    return metas[0].doc_id if metas else None


def _one(doc_id: str | None) -> tuple[str, ...]:
    return (doc_id,) if doc_id else ()


def resolve(archive: ArchiveReader, refs: tuple[DocRef, ...], language: str) -> Resolved:
    doc_ids: list[str] = []
    missing: list[DocRef] = []
    for ref in refs:
        if ref.kind == "unga":
            found = _one(resolve_unga(archive, ref, language))
        elif ref.kind == "basic":
            found = _one(resolve_basic(archive, ref, language))
        elif ref.kind == "rec":
            found = _one(resolve_recommendation(archive, ref, language))
        elif ref.kind == "council":
            found = ()  # the archive holds no Council texts; the clauses citing one answer
        else:
            found = resolve_itu(archive, ref, language)
        doc_ids.extend(found)
        if not found:
            missing.append(ref)
    return Resolved(tuple(dict.fromkeys(doc_ids)), tuple(missing))
