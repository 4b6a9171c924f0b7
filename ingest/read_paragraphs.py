"""Assemble extracted lines into the text a Document holds, keeping page starts.

Readers decide which line opens a paragraph; this module joins the lines of each paragraph
(`normalise.mend`: hyphenation and CJK line breaks mended), writes one paragraph per line,
and records the offset at which each page begins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rescite.ingest.normalise import mend


@dataclass(frozen=True)
class Line:
    text: str  # cleaned: no leading/trailing spaces; "" for a blank line
    page: int = 0  # 0-based page index
    opens: bool = True  # this line opens a new paragraph


@dataclass(frozen=True)
class Extracted:
    """What a reader found in a file, before metadata detection."""

    text: str
    page_starts: tuple[int, ...] = ()
    fmt: str = ""
    hints: dict[str, str] = field(default_factory=dict)


class _Writer:
    def __init__(self, words: frozenset[str]) -> None:
        self.pieces: list[str] = []
        self.size = 0
        self.words = words
        self.in_paragraph = False

    def start_paragraph(self, text: str) -> int:
        if self.pieces:
            self._put("\n")
        self.in_paragraph = True
        return self._put(text)

    def blank(self) -> None:
        if self.pieces and self.pieces[-1] != "\n\n":
            self._put("\n")
            self.pieces[-1] = "\n\n"  # marker: a blank line was written

    def continue_paragraph(self, text: str) -> int:
        cut, sep = mend(self.pieces[-1], text, self.words)
        if cut:
            self.pieces[-1] = self.pieces[-1][:-cut]
            self.size -= cut
        if sep:
            self._put(sep)
        return self._put(text)

    def _put(self, piece: str) -> int:
        at = self.size
        self.pieces.append(piece)
        self.size += len(piece)
        return at

    def text(self) -> str:
        return "".join("\n" if piece == "\n\n" else piece for piece in self.pieces)


def assemble(
    lines: Sequence[Line], words: frozenset[str], *, pages: int = 0, keep_blank: bool = False
) -> tuple[str, tuple[int, ...]]:
    """Join lines into paragraphs; return the text and the start offset of each page.

    `pages` is the page count (0: the format has no pages). A blank line closes a
    paragraph; with `keep_blank` it is also written (never two in a row).
    """
    writer = _Writer(words)
    first_at: dict[int, int] = {}
    for line in lines:
        if not line.text:
            writer.in_paragraph = False
            if keep_blank:
                writer.blank()
            continue
        if writer.in_paragraph and not line.opens:
            at = writer.continue_paragraph(line.text)
        else:
            at = writer.start_paragraph(line.text)
        first_at.setdefault(line.page, at)
    text = writer.text().strip("\n")
    lead = len(writer.text()) - len(writer.text().lstrip("\n"))
    return text, _page_starts(first_at, pages, len(text), lead)


def _page_starts(first_at: dict[int, int], pages: int, size: int, lead: int) -> tuple[int, ...]:
    if not pages:
        return ()
    starts = [size] * pages
    following = size
    for page in range(pages - 1, -1, -1):
        following = max(0, first_at.get(page, following + lead) - lead)
        starts[page] = min(following, size)
    starts[0] = 0
    return tuple(starts)


def defer_notes(lines: Sequence[Line]) -> list[Line]:
    """Move each page's footnotes (from a `_____` rule to the page's end) after the
    paragraph that runs on to the next page, so a sentence broken by a page stays whole."""
    out: list[Line] = []
    pending: list[Line] = []
    rule_page = -1
    for line in lines:
        if line.text.startswith("_____"):
            rule_page = line.page
        if line.page == rule_page:
            pending.append(line)
            continue
        if pending and line.opens:
            out.extend(pending)
            pending = []
        out.append(line)
    out.extend(pending)
    return out
