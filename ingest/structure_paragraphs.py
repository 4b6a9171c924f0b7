"""Group content lines into paragraphs.

Texts extracted with hard line breaks separate paragraphs by blank lines (page headers and
footnote blocks already taken out count as nothing); texts written one paragraph per line
(the readers' PDF output, the UDHR) make each line a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rescite.ingest.parse_lines import Line

_CJK = re.compile(r"[\u2e80-\u9fff]")
_CLOSED = re.compile(r"[.;:,!?)”\"’\d]\s*$")


@dataclass(frozen=True)
class Paragraph:
    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def line_mode(lines: list[Line]) -> bool:
    """True when the text holds one paragraph per line: hard-wrapped text has no long lines."""
    if not lines:
        return True
    long_lines = sum(1 for line in lines if _is_long(line.text))
    return long_lines >= max(1, len(lines) // 10)


def _is_long(text: str) -> bool:
    """Wider than 120 columns; CJK characters count twice."""
    if len(text) > 120:
        return True
    if len(text) <= 60:
        return False
    return len(text) + len(_CJK.findall(text)) > 120


def paragraphs(
    lines: list[Line], opens: Callable[[str], bool] | None = None
) -> Iterator[Paragraph]:
    """Paragraphs of consecutive lines.

    A paragraph opens at a line with `blank_before` (unless the blank only interrupts a
    sentence: the previous line has no closing punctuation and this one starts in lower
    case), at every line in one-paragraph-per-line texts, and where `opens(line)` says so
    (a numbered paragraph, a sub-item marker).
    """
    if not lines:
        return
    per_line = line_mode(lines)
    current: list[Line] = [lines[0]]
    for line in lines[1:]:
        if per_line or _opens(current[-1], line, opens):
            yield Paragraph(tuple(current))
            current = []
        current.append(line)
    yield Paragraph(tuple(current))


def _opens(previous: Line, line: Line, opens: Callable[[str], bool] | None) -> bool:
    if opens is not None and opens(line.text):
        return True
    if not line.blank_before:
        return False
    interrupted = not _CLOSED.search(previous.text) and line.text.lstrip()[:1].islower()
    return not interrupted
