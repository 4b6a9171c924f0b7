"""PDF reader (pypdf): text per page, page furniture dropped, paragraphs mended.

pypdf's plain extraction starts an indented line with a space; UN documents indent the
first line of every paragraph, so a leading space, a blank line or a paragraph label opens
a paragraph and every other line continues the one before.
"""

from __future__ import annotations

import re
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError
from rescite.core.errors import CorruptFile, EncryptedFile, NoTextLayer
from rescite.ingest.normalise import (
    clean_line,
    mend_spaced_hyphen,
    normalise_text,
    vocabulary,
)
from rescite.ingest.read_pages import find_symbol, is_stamp, pdf_page_head_end, running_lines
from rescite.ingest.read_paragraphs import Extracted, Line, assemble

LABEL = re.compile(r"^(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)\s|\([ivxlc]+\)\s|[a-z]\)\s|_{5,})")
TITLE = re.compile(r"^(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}\.\s|^The General Assembly")
FOOTNOTE = re.compile(r"^\d{1,3}\s")
OCR_HINT = "no text layer: OCR it first (e.g. ocrmypdf) and ingest the result"


def read_pdf(data: bytes, path: str) -> Extracted:
    reader = _open(data, path)
    try:
        raw_pages = [normalise_raw(page.extract_text() or "") for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise CorruptFile(
            f"cannot read the PDF ({error}): re-export or re-download it", path
        ) from error
    if not any(page.strip() for page in raw_pages):
        raise NoTextLayer(OCR_HINT, path)
    lines = _page_lines(raw_pages)
    words = vocabulary("\n".join(line.text for line in lines))
    text, starts = assemble(lines, words, pages=len(raw_pages))
    return Extracted(text=text, page_starts=starts, fmt="pdf")


def _open(data: bytes, path: str) -> PdfReader:
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not _try_empty_password(reader):
            raise EncryptedFile(
                "the PDF is encrypted: save an unprotected copy and ingest that", path
            )
        _ = len(reader.pages)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise CorruptFile(
            f"not a readable PDF ({error}): the file is truncated or damaged", path
        ) from error
    return reader


def _try_empty_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except (PyPdfError, NotImplementedError, ValueError):
        return False


def normalise_raw(text: str) -> str:
    """Normalise a page's text but keep each line's leading space (the indent signal)."""
    lines = normalise_text_keep_indent(text)
    return "\n".join(lines)


def normalise_text_keep_indent(text: str) -> list[str]:
    out = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        indented = raw[:1].isspace() and bool(raw.strip())
        line = mend_spaced_hyphen(normalise_text(raw))
        out.append((" " + line) if indented else line)
    return out


def _page_lines(raw_pages: list[str]) -> list[Line]:
    """All kept lines in reading order.

    Footnotes at the foot of a page are written after the paragraph that runs on from that
    page to the next, so a sentence broken by a page stays whole.
    """
    split = [raw.split("\n") for raw in raw_pages]
    cleaned_pages = [[clean_line(line) for line in page] for page in split]
    symbol = find_symbol(cleaned_pages[0])
    running = [set[int]() for _ in split] if symbol else running_lines(cleaned_pages)
    wide = None if symbol else _wide_line(cleaned_pages)
    state = _State(masthead=symbol is not None, wide=wide)
    for number, (page, cleaned) in enumerate(zip(split, cleaned_pages, strict=True)):
        skip = pdf_page_head_end(cleaned) if symbol and number else 0
        pairs = [
            pair
            for index, pair in enumerate(zip(page, cleaned, strict=True))
            if index >= skip and index not in running[number]
        ]
        body = _trim_blank(pairs)
        notes = state.add_page(number, [p for p in body if not (symbol and is_stamp(p[1]))])
        state.flush_notes()
        state.pending = notes
    state.flush_notes()
    return state.lines


class _State:
    def __init__(self, *, masthead: bool, wide: int | None) -> None:
        self.wide = wide
        self.lines: list[Line] = []
        self.pending: list[Line] = []
        self.masthead = masthead

    def add_page(self, number: int, body: list[tuple[str, str]]) -> list[Line]:
        """Add a page's main text; return its footnote lines (written later)."""
        split = _notes_start(body)
        for original, line in body[:split]:
            opens = self.masthead or _opens(original, line, self.lines, self.wide)
            self.masthead = self.masthead and not TITLE.match(line)
            if opens and self.pending:
                self.flush_notes()
            self.lines.append(Line(line, number, opens))
        notes: list[Line] = []
        for original, line in body[split:]:
            opens = _opens(original, line, notes, self.wide) or not notes
            notes.append(Line(line, number, opens))
        return notes

    def flush_notes(self) -> None:
        self.lines.extend(self.pending)
        self.pending = []


def _notes_start(body: list[tuple[str, str]]) -> int:
    for index in range(len(body) - 1, -1, -1):
        if body[index][1].startswith("_____"):
            return index
    return len(body)


def _trim_blank(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Blank lines at the top or foot of a page do not end a paragraph."""
    start, end = 0, len(pairs)
    while start < end and not pairs[start][1]:
        start += 1
    while end > start and not pairs[end - 1][1]:
        end -= 1
    return pairs[start:end]


def _wide_line(pages: list[list[str]]) -> int:
    """Three quarters of a full line's length (90th percentile of line lengths)."""
    lengths = sorted(len(line) for page in pages for line in page if line)
    return int(0.75 * lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 0


def _opens(original: str, line: str, before: list[Line], wide: int | None) -> bool:
    """Does this line open a paragraph? UN documents indent first lines; other PDFs end a
    paragraph with a short line (`wide` is the length below which a line is short)."""
    if not line or original[:1].isspace() or LABEL.match(line):
        return True
    if wide is not None and before and len(before[-1].text) < wide:
        return True
    if before and before[-1].text.startswith("_____"):
        return True
    return bool(before and FOOTNOTE.match(line) and _in_footnotes(before))


def _in_footnotes(before: list[Line]) -> bool:
    return any(line.text.startswith("_____") for line in reversed(before[-12:]))
