"""Quote verification: a quote is shown only if it is found, by offset, in the stored document.

The parser may drop inline footnote markers, running headers or page numbers from
`clause.text`, so a quote taken from the clause text is located in the document text inside the
clause's span `[clause.start, clause.end)`, allowing only whitespace to differ. The quote that is
shown is the document's own text at those offsets, with runs of whitespace collapsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rescite.core.records import Clause


@dataclass(frozen=True)
class VerifiedQuote:
    text: str  # the document text at [start, end), whitespace collapsed
    start: int
    end: int


def collapse(text: str) -> str:
    return " ".join(text.split())


def locate(document_text: str, clause: Clause, quote: str) -> VerifiedQuote | None:
    """Find the quote inside the clause's span of the document text, or None."""
    words = quote.split()
    if not words:
        return None
    window = document_text[clause.start : clause.end]
    at = window.find(quote.strip())
    if at >= 0:
        start = clause.start + at
        end = start + len(quote.strip())
    else:
        pattern = r"\s+".join(re.escape(word) for word in words)
        match = re.search(pattern, window)
        if match is None:
            return None
        start, end = clause.start + match.start(), clause.start + match.end()
    found = VerifiedQuote(collapse(document_text[start:end]), start, end)
    return found if verify(document_text, clause, found) else None


def verify(document_text: str, clause: Clause, quote: VerifiedQuote) -> bool:
    """True when the quote is, whitespace aside, the document text at its offsets in the clause."""
    if not (clause.start <= quote.start < quote.end <= clause.end):
        return False
    if quote.end > len(document_text) or not quote.text.strip():
        return False
    return collapse(document_text[quote.start : quote.end]) == quote.text
