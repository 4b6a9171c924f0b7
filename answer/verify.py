"""Quote verification: a quote is shown only if it is found, by offset, in the stored document.

The parser drops page headers and footnote blocks from `clause.text`, so a clause's text is the
concatenation of verbatim pieces of the document inside `[clause.start, clause.end)`
(`rescite.ingest.parse_spans`). A quote taken from the clause text is mapped back to those
pieces; it is verified when every piece lies inside the clause's span and the pieces, read from
the stored document text, spell the quote. A quote that does not map (or maps to other text) is
never shown. As a fallback for texts where the mapping fails, the quote is searched inside the
clause's span allowing only whitespace to differ. The shown text has whitespace runs collapsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rescite.core.records import Clause, Document


@dataclass(frozen=True)
class VerifiedQuote:
    text: str  # the quote, whitespace collapsed
    start: int  # offset of its first character in the document text
    end: int  # offset after its last character
    pieces: tuple[tuple[int, int], ...] = ()  # document spans spelling it (when not contiguous)


def collapse(text: str) -> str:
    return " ".join(text.split())


def _pieces_text(document_text: str, pieces: tuple[tuple[int, int], ...]) -> str:
    return "".join(document_text[start:end] for start, end in pieces)


def _mapped(document: Document, clause: Clause, quote: str) -> VerifiedQuote | None:
    from rescite.ingest.parse_spans import locate_quote

    spans = locate_quote(document, clause, quote)
    if not spans:
        return None
    pieces = tuple(spans)
    found = VerifiedQuote(collapse(quote), pieces[0][0], pieces[-1][1], pieces)
    return found if verify(document.text, clause, found) else None


def _searched(document_text: str, clause: Clause, quote: str) -> VerifiedQuote | None:
    words = quote.split()
    if not words:
        return None
    window = document_text[clause.start : clause.end]
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, window)
    if match is None:
        return None
    start, end = clause.start + match.start(), clause.start + match.end()
    found = VerifiedQuote(collapse(document_text[start:end]), start, end)
    return found if verify(document_text, clause, found) else None


def locate(document: Document, clause: Clause, quote: str) -> VerifiedQuote | None:
    """The quote's verified place in the document, or None when it is not there."""
    quote = quote.strip()
    if not quote:
        return None
    return _mapped(document, clause, quote) or _searched(document.text, clause, quote)


def verify(document_text: str, clause: Clause, quote: VerifiedQuote) -> bool:
    """True when the stored text at the quote's offsets (inside the clause) spells the quote."""
    pieces = quote.pieces or ((quote.start, quote.end),)
    if not quote.text.strip() or quote.start != pieces[0][0] or quote.end != pieces[-1][1]:
        return False
    for start, end in pieces:
        if not (clause.start <= start < end <= clause.end) or end > len(document_text):
            return False
    return collapse(_pieces_text(document_text, pieces)) == quote.text
