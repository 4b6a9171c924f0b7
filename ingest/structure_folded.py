"""Split keyword sections that a conversion folded into the paragraph before them.

The PP-18 Akoma Ntoso conversion sometimes puts a whole operative section inside the last
recital: "... address the situation, resolves to instruct the Secretary-General 1 to
continue ...; 2 to continue ...". Such a line is cut into the recital, a heading line
("resolves to instruct the Secretary-General") and one line per numbered item, so the
structure parser sees what the official text shows.
"""

from __future__ import annotations

import itertools
import re

from rescite.core.records import Section
from rescite.ingest.keywords import match_heading
from rescite.ingest.parse_lines import Line

_FOLDED = re.compile(
    r"(?<=[,;:.]\s)(?P<head>(?:further\s+)?(?:resolves\s+to\s+(?:instruct|invite|request|encourage)"
    r"|resolves|instructs|invites|requests|encourages|urges|decides)"
    r"(?:\s+(?:the|all|Member|Sector|ITU|relevant)\b[^;:]{0,220}?)?)"
    r"\s+(?=(?:1\s+)?(?:to|that)\s)"
)
_MIN_LENGTH = 160


def unfold_lines(lines: list[Line], language: str) -> list[Line]:
    if language != "en":
        return lines
    unfolded: list[Line] = []
    for line in lines:
        unfolded.extend(unfold_line(line) if len(line.text) >= _MIN_LENGTH else [line])
    return unfolded


def folded_headings(line: Line) -> list[tuple[int, int]]:
    """(start, end) in the line of each folded operative heading."""
    heads = []
    for match in _FOLDED.finditer(line.text):
        heading = match_heading(match.group("head"), "en")
        if heading is not None and heading.section is Section.OPERATIVE:
            heads.append((match.start("head"), match.end("head")))
    return heads


def unfold_line(line: Line) -> list[Line]:
    heads = folded_headings(line)
    if not heads:
        return [line]
    cuts = [0]
    for index, (start, end) in enumerate(heads):
        cuts += [start, end]
        limit = heads[index + 1][0] if index + 1 < len(heads) else len(line.text)
        cuts += _item_cuts(line.text, end, limit)
    cuts.append(len(line.text))
    return [_sub_line(line, a, b) for a, b in itertools.pairwise(cuts) if line.text[a:b].strip()]


def _item_cuts(text: str, start: int, limit: int) -> list[int]:
    """Offsets of inline items 1, 2, 3 ... between a folded heading and the next one."""
    first = re.match(r"\s+1\s+(?=[a-z])", text[start:limit])
    if first is None:
        return []
    cuts = [start + first.start() + len(first.group(0)) - len(first.group(0).lstrip())]
    cursor, number = cuts[0] + 1, 2
    while True:
        found = re.compile(rf"[;:,.]\s+({number})\s+(?=[a-z])").search(text, cursor, limit)
        if found is None:
            return cuts
        cuts.append(found.start(1))
        cursor, number = found.end(1), number + 1


def _sub_line(line: Line, start: int, end: int) -> Line:
    piece = line.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    return Line(line.start + start + lead, line.start + end - trail, piece.strip())
