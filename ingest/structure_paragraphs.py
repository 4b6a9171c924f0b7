"""Group content lines into paragraphs.

Texts extracted with hard line breaks separate paragraphs by blank lines (page headers and
footnote blocks already taken out count as nothing); texts written one paragraph per line
(the readers' PDF output, the UDHR) make each line a paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median

from rescite.ingest.parse_lines import Line


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
    """True when the text holds one paragraph per line (long lines, few wrapped ones)."""
    if not lines:
        return True
    return median(len(line.text) for line in lines) > 110


def paragraphs(lines: list[Line]) -> Iterator[Paragraph]:
    """Paragraphs of consecutive lines, split where a line has `blank_before`."""
    if not lines:
        return
    per_line = line_mode(lines)
    current: list[Line] = [lines[0]]
    for line in lines[1:]:
        if per_line or line.blank_before:
            yield Paragraph(tuple(current))
            current = []
        current.append(line)
    yield Paragraph(tuple(current))
