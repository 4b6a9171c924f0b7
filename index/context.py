"""What the retrievers see of a clause: the clause in its context, not the bare text.

A clause such as `1 to continue to support Member States …` says nothing of the resolution it
belongs to or of the section it sits in (`instructs the Secretary-General`); the keyword line
and the resolution header are separate lines of the document. Both retrievers therefore index
the document's name and title, the clause's keyword and addressee, then its text:

    Resolution 130 (Rev. Dubai, 2018) · Strengthening the role of ITU … · instructs the
    Secretary-General · 1 to continue to …

Inside an article that has a heading of its own (a convention's `Article 41 / 24/7 network`),
each paragraph also carries that heading: `1. Each State Party shall designate …` is then
found by a question about the 24/7 network article.

Citations and quotes always come from the clause's own text, never from this string.
"""

from __future__ import annotations

from collections.abc import Sequence

from rescite.core.articles import article_headings, article_of
from rescite.core.names import document_name
from rescite.core.records import Body, Clause, DocumentMeta, Section

# Bumped whenever indexed_text or the clauses the parser cuts change, so that an index built
# with another shape is rebuilt.
CONTEXT_VERSION = "ctx-4"


def document_heading(meta: DocumentMeta) -> str:
    """The document's name as delegates cite it, its other names, and its title."""
    names = [document_name(meta)]
    if meta.body is Body.UNGA and meta.number and meta.number not in names[0]:
        names.append(f"resolution {meta.number}")
    if meta.title and meta.title not in names[0]:
        names.append(meta.title)
    return " · ".join(names)


def indexed_texts(meta: DocumentMeta, clauses: Sequence[Clause], text: str) -> list[str]:
    """`indexed_text` of every clause of one document (`text`: the document's), each with its
    article's heading."""
    headings = article_headings(clauses, text)
    out = []
    for clause in clauses:
        heading = headings.get(article_of(clause.clause_id) or "")
        own = heading is not None and heading[1] == clause.clause_id
        out.append(indexed_text(meta, clause, None if own or heading is None else heading[0]))
    return out


def indexed_text(meta: DocumentMeta, clause: Clause, heading: str | None = None) -> str:
    """The text embedded and BM25-indexed for a clause (`heading`: its article's, if any).

    The title is indexed under the document's name only, and the enacting formula bare: given
    the whole heading they would match every question about their document and crowd out the
    clauses that answer it.
    """
    if clause.section is Section.FORMULA:
        return clause.text
    if clause.section is Section.TITLE:
        return f"{document_name(meta)} · {clause.text}"
    parts = [document_heading(meta), *([heading] if heading else [])]
    keyword = clause.keyword or clause.keyword_en
    if keyword and keyword.lower() not in clause.text[: len(keyword) + 40].lower():
        parts.append(keyword)
    if clause.addressee and clause.addressee not in (keyword or ""):
        parts.append(clause.addressee)
    parts.append(clause.text)
    return " · ".join(parts)
