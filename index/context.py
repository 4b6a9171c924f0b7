"""What the retrievers see of a clause: the clause in its context, not the bare text.

A clause such as `1 to continue to support Member States …` says nothing of the resolution it
belongs to or of the section it sits in (`instructs the Secretary-General`); the keyword line
and the resolution header are separate lines of the document. Both retrievers therefore index
the document's name and title, the clause's keyword and addressee, then its text:

    Resolution 130 (Rev. Dubai, 2018) · Strengthening the role of ITU … · instructs the
    Secretary-General · 1 to continue to …

Citations and quotes always come from the clause's own text, never from this string.
"""

from __future__ import annotations

from rescite.core.names import document_name
from rescite.core.records import Body, Clause, DocumentMeta, Section

# Bumped whenever indexed_text changes, so an index built with another shape is rebuilt.
CONTEXT_VERSION = "ctx-2"


def document_heading(meta: DocumentMeta) -> str:
    """The document's name as delegates cite it, its other names, and its title."""
    names = [document_name(meta)]
    if meta.body is Body.UNGA and meta.number and meta.number not in names[0]:
        names.append(f"resolution {meta.number}")
    if meta.title and meta.title not in names[0]:
        names.append(meta.title)
    return " · ".join(names)


def indexed_text(meta: DocumentMeta, clause: Clause) -> str:
    """The text embedded and BM25-indexed for a clause.

    The title is indexed under the document's name only, and the enacting formula bare: given
    the whole heading they would match every question about their document and crowd out the
    clauses that answer it.
    """
    if clause.section is Section.FORMULA:
        return clause.text
    if clause.section is Section.TITLE:
        return f"{document_name(meta)} · {clause.text}"
    parts = [document_heading(meta)]
    keyword = clause.keyword or clause.keyword_en
    if keyword and keyword.lower() not in clause.text[: len(keyword) + 40].lower():
        parts.append(keyword)
    if clause.addressee and clause.addressee not in (keyword or ""):
        parts.append(clause.addressee)
    parts.append(clause.text)
    return " · ".join(parts)
