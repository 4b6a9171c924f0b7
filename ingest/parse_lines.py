"""Lines of a document's text with their offsets: the unit every structure parser walks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One line of `document.text`: `text == document_text[start:end]` (no newline)."""

    start: int
    end: int
    text: str
    blank_before: bool = False  # a paragraph break precedes this line

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def next_start(self) -> int:
        """Where the following line begins (past this line's newline)."""
        return self.end + 1


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        lines.append(Line(start, end, piece))
        start = end + 1
    return lines


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
