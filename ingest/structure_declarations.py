"""The declarations and reservations of a conference's Final Acts (PP-18).

Each declaration opens with its number, the language it was made in and the Member State
("53 Original: English For Hungary: …"); its own paragraphs are numbered from 1 under it
("2 The Government of Hungary reserves …"). Clauses: the heading text as the title, each
declaration's opening, and its paragraphs (`declaration-53/2`). A line without a number goes on
the clause before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rescite.core.records import Section
from rescite.ingest.parse_build import Unit
from rescite.ingest.parse_lines import Line

_OPENING = re.compile(r"^\s*(\d{1,3})\s+Original:\s+\w+\s+For\s+")
_PARAGRAPH = re.compile(r"^\s*(\d{1,2})\s+(?=\S)")


def parse_declarations(lines: list[Line]) -> list[Unit]:
    units: list[Unit] = []
    declaration: str | None = None
    for line in lines:
        opening = _OPENING.match(line.text)
        paragraph = _PARAGRAPH.match(line.text)
        if opening:
            declaration = opening.group(1)
            units.append(_unit(line, (f"declaration-{declaration}",), declaration))
        elif declaration and paragraph:
            labels = (f"declaration-{declaration}", paragraph.group(1))
            units.append(_unit(line, labels, f"{declaration}, {paragraph.group(1)}"))
        elif units:
            units[-1] = replace(units[-1], end=line.end)
        else:
            units.append(Unit(Section.TITLE, line.start, line.end))
    return units


def _unit(line: Line, labels: tuple[str, ...], label: str) -> Unit:
    return Unit(Section.BODY, line.start, line.end, labels, f"Declaration {label}")
