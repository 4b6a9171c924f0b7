"""Plain text and Markdown: encoding detected, page furniture dropped, lines kept.

Plain text keeps its own line structure (one line per source line, single blank lines
kept): the parser reads it as the ITU `.txt` texts. UN page furniture (job numbers, bar
codes, running headers with page counters) and ITU page headers (`Resolution 2 239`) are
dropped and give the page starts.

Markdown files that wrap a layout-preserving extraction (a `# title` and `> note` wrapper
around indented text) lose the wrapper; their paragraphs are mended from the indentation
(a line indented deeper than the page's body text opens a paragraph), as for PDFs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from charset_normalizer import from_bytes
from rescite.core.errors import CorruptFile, EmptyFile
from rescite.ingest.normalise import mend_spaced_hyphen, normalise_text, vocabulary
from rescite.ingest.read_pages import (
    find_symbol,
    is_stamp,
    itu_furniture,
    page_numbers,
    un_furniture,
)
from rescite.ingest.read_paragraphs import Extracted, Line, assemble, defer_notes

LABEL = re.compile(r"^(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)\s|\([ivxlc]+\)\s|[a-z]\)\s|_{5,})")
TITLE = re.compile(r"^(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}\.\s")
NOTE_NUMBER = re.compile(r"^\d{1,3}(?:\s|$)")
WRAPPER = re.compile(r"^(?:#{1,6}\s|>\s?|>$)")


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 when valid, otherwise the encoding charset-normalizer finds."""
    if not data.strip():
        raise EmptyFile("the file is empty: nothing to ingest", path)
    if b"\x00" in data[:65536] and not _utf16(data):
        raise CorruptFile("binary data in a text file: check the file type and re-export", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or _mostly_control(str(best)):
        raise CorruptFile("not text in any known encoding: check the file and re-export", path)
    return str(best)


def _utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _mostly_control(text: str) -> bool:
    sample = text[:20000]
    bad = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t\f")
    return bad > len(sample) / 100


def read_text(data: bytes, path: str) -> Extracted:
    raw = normalise_text(decode(data, path)).split("\n")
    drop, breaks = _furniture(raw)
    pages = page_numbers(len(raw), breaks)
    lines = [Line(line, pages[i]) for i, line in enumerate(raw) if i not in drop]
    pages_found = _count(breaks) or (1 if drop else 0)  # furniture, no break: one page
    text, starts = assemble(lines, frozenset(), pages=pages_found, keep_blank=True)
    if not text.strip():
        raise EmptyFile("the file holds no text: nothing to ingest", path)
    return Extracted(text=text, page_starts=starts, fmt="text")


def _furniture(lines: Sequence[str]) -> tuple[set[int], list[int]]:
    symbol = find_symbol(lines)
    drop, breaks = un_furniture(lines, symbol) if symbol else itu_furniture(lines)
    return drop, _inner_breaks(lines, drop, breaks)


def _inner_breaks(lines: Sequence[str], drop: set[int], breaks: list[int]) -> list[int]:
    """Page breaks with text after them (a counter at the foot of the last page is none)."""
    kept = [index for index, line in enumerate(lines) if line and index not in drop]
    last = kept[-1] if kept else -1
    return [index for index in breaks if index <= last]


def _count(breaks: Sequence[int]) -> int:
    return len(set(breaks)) + 1 if breaks else 0


def read_markdown(data: bytes, path: str) -> Extracted:
    source = decode(data, path).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    source = _unwrap(source)
    raw = [_indent(line) for line in source]
    cleaned = [mend_spaced_hyphen(normalise_text(line)) for line in source]
    symbol = find_symbol(cleaned)
    if symbol is None:
        return read_text("\n".join(source).encode("utf-8"), path)
    drop, breaks = un_furniture(cleaned, symbol)
    breaks = _inner_breaks(cleaned, drop, breaks)
    pages = page_numbers(len(cleaned), breaks)
    lines = _layout_lines(cleaned, raw, pages, drop)
    words = vocabulary("\n".join(cleaned))
    text, starts = assemble(lines, words, pages=_count(breaks) or 1)
    if not text.strip():
        raise EmptyFile("the file holds no text: nothing to ingest", path)
    return Extracted(text=text, page_starts=starts, fmt="markdown")


def _unwrap(lines: list[str]) -> list[str]:
    """Drop a Markdown wrapper: heading and quote lines before the text, code fences."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or WRAPPER.match(lines[start])):
        start += 1
    return [line for line in lines[start:] if not line.strip().startswith("```")]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u00a0"))


def _layout_lines(
    cleaned: Sequence[str], indents: Sequence[int], pages: Sequence[int], drop: set[int]
) -> list[Line]:
    body = _body_indent(cleaned, indents, pages, drop)
    lines: list[Line] = []
    masthead = True
    previous_blank = True
    for index, line in enumerate(cleaned):
        if index in drop or is_stamp(line):
            continue
        if not line:
            previous_blank = True
            continue
        masthead = masthead and not TITLE.match(line)
        deeper = indents[index] > body.get(pages[index], 0) + 2
        note = _in_notes(lines) and bool(NOTE_NUMBER.match(line))
        opens = masthead or deeper or note or bool(LABEL.match(line)) or _after_rule(lines)
        opens = opens or (previous_blank and not _same_page_run(lines, pages[index]))
        lines.append(Line(line, pages[index], opens))
        previous_blank = False
    return defer_notes(lines)


def _in_notes(lines: list[Line]) -> bool:
    """Inside the footnotes at the foot of the current page."""
    page = lines[-1].page if lines else 0
    for line in reversed(lines[-12:]):
        if line.page != page:
            return False
        if line.text.startswith("_____"):
            return True
    return False


def _after_rule(lines: list[Line]) -> bool:
    return bool(lines) and lines[-1].text.startswith("_____")


def _same_page_run(lines: list[Line], page: int) -> bool:
    """A blank line at a page break does not end a paragraph."""
    return bool(lines) and lines[-1].page != page


def _body_indent(
    cleaned: Sequence[str], indents: Sequence[int], pages: Sequence[int], drop: set[int]
) -> dict[int, int]:
    """The most common indent of each page's text lines: the left edge of body text."""
    counts: dict[int, Counter[int]] = {}
    for index, line in enumerate(cleaned):
        if line and index not in drop:
            counts.setdefault(pages[index], Counter())[indents[index]] += 1
    return {page: counter.most_common(1)[0][0] for page, counter in counts.items()}
