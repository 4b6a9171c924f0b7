"""Map a clause's text back to the document: for quote verification and highlighting.

`Clause.text` is the clause's span with page headers and footnote blocks taken out and the
ends trimmed. When nothing was taken out, `clause.text == document.text[clause.start:
clause.end]`. Otherwise `clause_text_spans` gives the verbatim pieces whose concatenation
is `clause.text`, and `locate_quote` turns a quote from the clause text into document spans.
"""

from __future__ import annotations

from rescite.core.records import Clause, Document
from rescite.ingest.parse_build import kept_spans
from rescite.ingest.parse_noise import find_noise


def clause_text_spans(document: Document, clause: Clause) -> list[tuple[int, int]]:
    """Document spans whose texts, concatenated, equal `clause.text`."""
    noise = find_noise(document.text, document.page_starts)
    return kept_spans(noise, clause.start, clause.end)


def locate_quote(document: Document, clause: Clause, quote: str) -> list[tuple[int, int]] | None:
    """Document spans holding `quote`, a substring of `clause.text`; None when it is not."""
    index = clause.text.find(quote)
    if index < 0 or not quote:
        return None
    spans: list[tuple[int, int]] = []
    begin, end = index, index + len(quote)
    cursor = 0
    for start, stop in clause_text_spans(document, clause):
        piece_begin, piece_end = cursor, cursor + (stop - start)
        low, high = max(begin, piece_begin), min(end, piece_end)
        if low < high:
            spans.append((start + low - piece_begin, start + high - piece_begin))
        cursor = piece_end
    return spans
