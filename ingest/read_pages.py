"""Page furniture: find page breaks and drop running headers, footers and stamps.

UN documents carry, on the first page, the job number (`24-24621 (E)    050425`) and the bar
code (`*2424621*`), and on every later page a running header with the symbol, the title and a
page counter (`24-24621 2/46` or `3/46 24-24621`). ITU Basic Texts carry `Resolution 2 239` /
`240 Resolution 2` (and `CS/Article 1 3`) at the top of each page.

Lines given here are already cleaned (`normalise.clean_line`); functions return the indices
of the lines to drop and the indices of the lines where pages 2, 3, ... begin.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

SYMBOL = re.compile(r"\bA/RES/(?:(?:ES|S)-)?\d{1,3}/\d{1,4}\b")
BARCODE = re.compile(r"^\*\d{7,8}\*$")
JOB = re.compile(r"^\d{2}-\d{5}\*?\s*\([A-Z]\)(?:\s+\d{6})?(?:\s+\d{6})?$")
JOB_BARE = re.compile(r"^\d{2}-\d{5}$")
COUNTER = re.compile(r"^\d{1,3}/\d{1,3}$")
COUNTER_JOB = re.compile(r"^(?:\d{2}-\d{5}\s+\d{1,3}/\d{1,3}|\d{1,3}/\d{1,3}\s+\d{2}-\d{5})$")
ITU_HEAD = re.compile(
    r"^(?:\d{1,4} (?:(?:Resolution|Decision|Recommendation) \d+[A-Z]?|C[SV]/\S.{0,40})"
    r"|(?:(?:Resolution|Decision|Recommendation) \d+[A-Z]?|C[SV]/\S.{0,40}) \d{1,4})$"
)
HEAD_WINDOW = 12


def find_symbol(lines: Sequence[str]) -> str | None:
    """The UN symbol printed in a document's masthead (first lines), if any."""
    for line in lines[:15]:
        match = SYMBOL.search(line)
        if match and match.group(0).startswith("A/RES/"):
            return match.group(0).rstrip(".")
    return None


def is_stamp(line: str) -> bool:
    """Bar codes and job numbers: never content."""
    return bool(BARCODE.match(line) or JOB.match(line))


def pdf_page_head_end(lines: Sequence[str]) -> int:
    """Index just after a UN running header at the top of a PDF page (0 when none)."""
    for index, line in enumerate(lines[:HEAD_WINDOW]):
        if COUNTER_JOB.match(line):
            return index + 1
        if COUNTER.match(line) and _near_job(lines, index):
            return max(index, _next_job(lines, index)) + 1
    return 0


def _near_job(lines: Sequence[str], index: int) -> bool:
    around = lines[max(index - 1, 0) : index + 2]
    return any(JOB_BARE.match(line) for line in around)


def _next_job(lines: Sequence[str], index: int) -> int:
    if index + 1 < len(lines) and JOB_BARE.match(lines[index + 1]):
        return index + 1
    return index


def is_counter(lines: Sequence[str], index: int) -> bool:
    line = lines[index]
    return bool(COUNTER_JOB.match(line) or (COUNTER.match(line) and _near_job(lines, index)))


def un_furniture(lines: Sequence[str], symbol: str) -> tuple[set[int], list[int]]:
    """Drop UN page furniture from a text extraction and find its page breaks.

    Handles headers above the counter (`A/RES/78/1`, title, job, `2/12`) and counters at the
    foot of a page followed by a header line holding the symbol (layout extractions).
    """
    drop: set[int] = set()
    breaks: list[int] = []
    title_lines: set[str] = set()
    for index in range(len(lines)):
        if is_stamp(lines[index]):
            drop.add(index)
            below = _header_below(lines, index + 1, symbol, skip_stamps=True)
            if below > index + 1 and JOB.match(lines[index]):
                drop.update(range(index, below))
                breaks.append(index)
        if not (is_counter(lines, index) or _bare_counter(lines, index, symbol)):
            continue
        start, end = _header_block(lines, index, symbol, title_lines)
        drop.update(range(start, end))
        breaks.append(start)
    return drop, breaks


def _header_block(
    lines: Sequence[str], counter: int, symbol: str, title_lines: set[str]
) -> tuple[int, int]:
    """The span [start, end) of the page furniture around one page counter."""
    end = counter + 1
    if end < len(lines) and JOB_BARE.match(lines[end]):
        end += 1
    start = counter
    while start > 0 and (not lines[start - 1] or JOB_BARE.match(lines[start - 1])):
        start -= 1
    above = _symbol_above(lines, start, symbol)
    if above is not None:
        if lines[above].strip() == symbol:  # even page: symbol, then the title lines
            title_lines.update(line for line in lines[above + 1 : start] if line)
        else:  # odd page: the title lines, then the symbol
            while above > 0 and lines[above - 1] in title_lines:
                above -= 1
        return above, end
    return start, _header_below(lines, end, symbol)


def _bare_counter(lines: Sequence[str], index: int, symbol: str) -> bool:
    """A page counter with no job number next to it, under a header holding the symbol."""
    if not COUNTER.match(lines[index]):
        return False
    start = index
    while start > 0 and not lines[start - 1]:
        start -= 1
    return _symbol_above(lines, start, symbol) is not None


def _symbol_above(lines: Sequence[str], start: int, symbol: str) -> int | None:
    for index in range(start - 1, max(start - 8, -1), -1):
        if not lines[index]:
            return None
        if symbol in lines[index] and len(lines[index]) < 200:
            if lines[index] == symbol or lines[index].endswith(symbol):
                return index
            return index if lines[index].startswith(symbol) else None
    return None


def _header_below(lines: Sequence[str], end: int, symbol: str, *, skip_stamps: bool = False) -> int:
    """After a page-foot counter: skip blanks and a header block holding the symbol."""
    index = end
    while index < len(lines) and (not lines[index] or (skip_stamps and is_stamp(lines[index]))):
        index += 1
    block_end = index
    while block_end < len(lines) and lines[block_end] and block_end - index < 6:
        block_end += 1
    if any(symbol in line for line in lines[index:block_end]):
        return block_end
    return end


def itu_furniture(lines: Sequence[str]) -> tuple[set[int], list[int]]:
    """Drop ITU Basic Texts page headers (first line of a page) and find the page breaks."""
    drop: set[int] = set()
    breaks: list[int] = []
    for index, line in enumerate(lines):
        if ITU_HEAD.match(line) and (index == 0 or not lines[index - 1]):
            drop.add(index)
            if index > 0:
                breaks.append(index)
    return drop, breaks


def page_numbers(count: int, breaks: Sequence[int]) -> list[int]:
    """The 0-based page of each of `count` lines, given the line indices that open pages."""
    pages: list[int] = []
    marks = sorted(set(breaks))
    page = 0
    for index in range(count):
        while page < len(marks) and marks[page] <= index:
            page += 1
        pages.append(page)
    return pages


PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Page\s+)?\d{1,4}(?:\s*-)?(?:\s*/\s*\d{1,4})?$", re.I)


def running_lines(pages: Sequence[Sequence[str]]) -> list[set[int]]:
    """For PDFs without a UN masthead: the indices of each page's running header/footer lines.

    From each end of a page inward (two lines at most), a bare page number, an ITU page
    header (`Resolution 2 239`) or a line that recurs, digits aside, at the same end of at
    least 40% of the pages (two at least) is furniture.
    """
    edges = [_edges(page) for page in pages]
    counts: Counter[tuple[int, str]] = Counter()
    for page, sides in zip(pages, edges, strict=True):
        counts.update({(side, _shape(page[i])) for side, found in enumerate(sides) for i in found})
    threshold = max(2, math.ceil(0.4 * len(pages)))
    out: list[set[int]] = []
    for page, sides in zip(pages, edges, strict=True):
        drop: set[int] = set()
        for side, found in enumerate(sides):
            for index in found:
                line = page[index]
                if counts[(side, _shape(line))] < threshold and not (
                    PAGE_NUMBER.match(line) or ITU_HEAD.match(line)
                ):
                    break
                drop.add(index)
        out.append(drop)
    return out


def _edges(page: Sequence[str]) -> tuple[list[int], list[int]]:
    """Indices of the first two and the last two non-blank lines, from the edge inward."""
    filled = [index for index, line in enumerate(page) if line]
    if len(filled) <= 2:
        return filled, []
    return filled[:2], filled[-2:][::-1]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line)
