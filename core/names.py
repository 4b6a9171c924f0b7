"""How delegates name a document: `Resolution 130 (Rev. Dubai, 2018)`, `A/RES/79/243`.

Shared by citation strings (answer/) and the text retrieval indexes (index/).
"""

from __future__ import annotations

import re

from rescite.core.records import Body, DocType, DocumentMeta

ITU_BODIES = (Body.ITU_PP, Body.ITU_WTSA, Body.ITU_WTDC, Body.ITU_OTHER)

_KIND_WORD = {
    DocType.RESOLUTION: "Resolution",
    DocType.DECISION: "Decision",
    DocType.RECOMMENDATION: "Recommendation",
    DocType.PROPOSAL: "Proposal to revise Resolution",
}


def revision_text(meta: DocumentMeta) -> str | None:
    """`Rev. Dubai, 2018` / `Kyoto, 1994`, from the metadata or else from the doc id."""
    if meta.revision and re.fullmatch(r"(Rev\. )?[^(),]+, \d{4}", meta.revision.strip("() ")):
        return meta.revision.strip().strip("()")
    segments = meta.doc_id.split("/")
    raw = segments[2] if len(segments) > 3 else (meta.revision or "")
    match = re.fullmatch(r"(rev-|proposal-)?([a-z-]+?)-(\d{4})", raw.strip().lower())
    if not match:
        return meta.revision or None
    city = " ".join(word.capitalize() for word in match.group(2).split("-"))
    prefix = "Rev. " if match.group(1) == "rev-" else ""
    return f"{prefix}{city}, {match.group(3)}"


def document_name(meta: DocumentMeta) -> str:
    """How a delegate names the document: `Resolution 130 (Rev. Dubai, 2018)`, `A/RES/79/243`."""
    if meta.doc_id.startswith("itu/constitution"):
        return "ITU Constitution"
    if meta.doc_id.startswith("itu/convention"):
        return "ITU Convention"
    if meta.body is Body.UNGA:
        return _unga_name(meta)
    if meta.doc_id.startswith("itu-t/") and meta.number:
        return f"ITU-T Recommendation {meta.number}"
    if meta.body in ITU_BODIES and meta.doc_type is DocType.DECLARATION:
        return f"Final Acts ({revision_text(meta)})"  # its declarations and reservations
    if meta.body in ITU_BODIES and meta.number:
        word = _KIND_WORD.get(meta.doc_type, "Resolution")
        number = re.sub(r"^(?:Resolution|Decision|Recommendation|Res\.|Dec\.)\s*", "", meta.number)
        revision = revision_text(meta)
        return f"{word} {number} ({revision})" if revision else f"{word} {number}"
    return meta.symbol or meta.title or meta.doc_id


def _unga_name(meta: DocumentMeta) -> str:
    symbol = meta.symbol or meta.number or ""
    if symbol.upper().startswith("A/"):
        return symbol
    if symbol and meta.doc_type is DocType.DECLARATION and meta.title:
        return f"{meta.title} (resolution {symbol})"
    if symbol and "217" in symbol and meta.title:
        return f"{meta.title} (resolution {symbol})"
    return f"resolution {symbol}" if symbol else (meta.title or meta.doc_id)
