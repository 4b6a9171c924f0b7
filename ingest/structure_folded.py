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
from rescite.ingest.structure_items import Marker, parse_marker

_RESOLVES_TO = r"resolves\s+to\s+(?:instruct|invite|request|encourage|urge)\b"  # one heading
_FOLDED = re.compile(
    r"(?<=[,;:.]\s)(?P<head>(?:further\s+)?(?:"
    + _RESOLVES_TO
    + r"|resolves|instructs|invites|requests|encourages|urges|decides)"
    r"(?:\s+(?:the|all|Member|Sector|ITU|relevant|Academia|organizations)\b[^;:]{0,220}?)?)"
    r"(?:\s+(?=(?:1\s+)?(?:to|that)\s)|\s*$)"
)
_INLINE_ANNEX = re.compile(
    r"(?<=[.,;:]\s)ANNEX(?:\s+[A-Z\d]+)?\s+TO\s+(?:RESOLUTION|DECISION|RECOMMENDATION)\s+\d+"
    r"(?:\s+\([^)]{0,40}\))?"
)
_MIN_LENGTH = 60


def unfold_lines(lines: list[Line], language: str, per_line: bool) -> list[Line]:
    """Folded sections are looked for only in texts written one paragraph per line (the
    AKN rendering); in hard-wrapped text a line ending "..., taking into account" is just
    a wrapped sentence."""
    if language != "en":
        return lines
    unfolded: list[Line] = []
    for whole in lines:
        for line in _split_leading_heading(whole):
            folded = per_line and len(line.text) >= _MIN_LENGTH
            unfolded.extend(unfold_line(line) if folded else [line])
    return unfolded


_LEADING = re.compile(
    r"^\s*(?P<head>(?:further\s+)?(?:resolves|recommends|decides|instructs|invites|requests|"
    r"encourages|urges)(?:\s+(?:the|all|Member|Sector|ITU)\b[^;:,]{0,120}?)?)\s+(?=(?:that|to)\s)"
)

_COMPOUND = re.compile(r"^\s*(?:further\s+)?" + _RESOLVES_TO)


def _split_leading_heading(line: Line) -> list[Line]:
    """ "recommends that developed countries ..." on one line: the heading, then its text. A
    compound heading ("resolves to instruct the Secretary-General and the Director of the",
    wrapped) is left whole."""
    match = _LEADING.match(line.text)
    if match is None or _COMPOUND.match(line.text):
        return [line]
    heading = match_heading(match.group("head"), "en")
    if heading is None or heading.section is not Section.OPERATIVE:
        return [line]
    return _pieces(line, [0, match.end("head"), len(line.text)])


_FOLDED_PREAMBLE = re.compile(
    r"(?<=[,;]\s)(?P<head>(?:considering|recognizing|noting|recalling|aware|emphasizing|"
    r"bearing in mind|taking into account|convinced|mindful|conscious|concerned)"
    r"(?:\s+(?:further|also|with (?:concern|satisfaction|appreciation)))?)\s+(?=a\)\s)"
)


_TAIL_HEADING = re.compile(r"(?<=[,;]\s)(?P<head>[a-z][a-z ]{2,60}?)\s*$")


def folded_headings(line: Line) -> list[tuple[int, int]]:
    """(start, end) in the line of each folded keyword heading."""
    heads = [(m.start("head"), m.end("head")) for m in _FOLDED_PREAMBLE.finditer(line.text)]
    tail = _TAIL_HEADING.search(line.text)
    if tail is not None and (tail.start("head"), tail.end("head")) not in heads:
        heading = match_heading(tail.group("head"), "en")
        if heading is not None and heading.section is Section.PREAMBLE:
            heads.append((tail.start("head"), tail.end("head")))
    for match in _FOLDED.finditer(line.text):
        heading = match_heading(match.group("head"), "en")
        if heading is not None and heading.section is Section.OPERATIVE:
            heads.append((match.start("head"), match.end("head")))
    return sorted(heads)


def unfold_line(line: Line) -> list[Line]:
    heads = folded_headings(line)
    cuts = [0]
    for annex in _INLINE_ANNEX.finditer(line.text):
        cuts += [annex.start(), annex.end()]
    if not heads:
        cuts.append(len(line.text))
        return _pieces(line, sorted(set(cuts)))
    for index, (start, end) in enumerate(heads):
        cuts += [start, end]
        limit = heads[index + 1][0] if index + 1 < len(heads) else len(line.text)
        cuts += _item_cuts(line.text, end, limit)
    cuts.append(len(line.text))
    return _pieces(line, sorted(set(cuts)))


def _pieces(line: Line, cuts: list[int]) -> list[Line]:
    pieces = [_sub_line(line, a, b) for a, b in itertools.pairwise(cuts) if line.text[a:b].strip()]
    split: list[Line] = []
    for piece in pieces:
        points = _point_cuts(piece.text)
        if not points:
            split.append(piece)
            continue
        bounds = [0, *points, len(piece.text)]
        split += [_sub_line(piece, a, b) for a, b in itertools.pairwise(bounds)]
    return split


def _point_cuts(text: str) -> list[int]:
    """Offsets of inline points "...; ii) ...; iii) ..." after a line opening with "i)"."""
    readings = parse_marker(text)
    if not readings:
        return []
    cuts: list[int] = []
    marker = readings[-1] if readings[-1].kind == "roman" else readings[0]
    cursor = marker.end
    while True:
        following = _successor(marker)
        if following is None:
            return cuts
        found = re.compile(rf"[;:,.]\s+({re.escape(following)}\))\s").search(text, cursor)
        if found is None:
            return cuts
        cuts.append(found.start(1))
        cursor = found.end(1)
        readings = [r for r in parse_marker(found.group(1) + " ") if r.kind == marker.kind]
        if not readings:
            return cuts
        marker = readings[0]


def _successor(marker: Marker) -> str | None:
    if marker.kind == "alpha" and len(marker.value) == 1 and marker.value < "z":
        return chr(ord(marker.value) + 1)
    if marker.kind == "roman":
        numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        index = numerals.index(marker.value) if marker.value in numerals else -1
        return numerals[index + 1] if 0 <= index < len(numerals) - 1 else None
    return None


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
