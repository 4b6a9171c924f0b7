"""An ITU-T Recommendation as ITU publishes it, in any of its languages.

Around the Recommendation the publication holds the publisher's pages: the cover, the list of the
series' Recommendations, the edition history, the copyright lines, the table of contents and
the back page listing every series. They are no clause of the Recommendation. What is left:

    title          the designation and name ("Recommendation ITU-T E.119" / "Requirements for …")
    summary        its paragraphs (`body/summary/1`)
    foreword       ITU's standard foreword, note and rights statement (`body/foreword/1`)
    introduction   when there is one (`body/introduction/1`)
    sections       numbered sections, as structure_body reads them (`body/section-7.5/p2`)
    bibliography   its entries (`body/bibliography/1`)

The pages are found by their layout, not their words, so every language version reads alike: the
series list is a run of ranges ("E.100–E.103"), the history ends with the edition's unique id
("11.1002/1000/13074"), the copyright line is "ITU 2017", an entry of the contents ends with its
page number and names a heading found again below, and the back page alternates "Series A" lines
with their titles. A text not laid out so is read by structure_body alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rescite.core.records import Section
from rescite.ingest.parse_build import Unit
from rescite.ingest.parse_lines import Line
from rescite.ingest.structure_body import parse_body

_DESIGNATION = re.compile(r"^\S+\s+(?:ITU-T|UIT-T|МСЭ-[TТ])\s+[A-ZА-Я]\.\d+(?:/[A-ZА-Я]\.\d+)?$")
_SERIES_RANGE = re.compile(r"^[A-Z]\.\d+\s*[–-]\s*[A-Z]\.\d+$")
_UNIQUE_ID = re.compile(r"^\d{2}\.\d{4}/\d{4}/\d+$")
_COPYRIGHT = re.compile(r"^\W?\s*(?:ITU|UIT|МСЭ)\s+\d{4}$")  # the © may be a symbol font's glyph
_CONTENTS_ENTRY = re.compile(r"^(?P<heading>.*\S)\s+\d{1,3}$")
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s")
_SERIES_LETTER = re.compile(r"^\S+\s+[A-Z](?:\s|$)")  # "Series A", then or beside it its title
SHORT_LINE = 40  # chars: the history table's cells and the foreword's headings are no longer
BACK_PAGE_SERIES = 5  # "Series A" lines within twice as many lines that make the back page


@dataclass(frozen=True)
class _Layout:
    title: int  # the designation line before the summary; the name follows it
    summary: tuple[int, int]  # its paragraphs' lines [start, end), past its heading
    foreword: tuple[int, int]
    introduction: tuple[int, int]  # past its heading; empty when there is none
    body: tuple[int, int]  # from the first numbered section
    bibliography: tuple[int, int]  # past its heading; empty when there is none


def parse_recommendation(lines: list[Line], language: str) -> list[Unit]:
    """The Recommendation's clauses, without the publisher's pages."""
    layout = _layout([line.stripped for line in lines])
    if layout is None:
        return parse_body(lines, language)
    name = lines[layout.title : layout.title + 2]
    units = [Unit(Section.TITLE, name[0].start, name[-1].end)]
    units += _part_units("summary", lines, layout.summary)
    units += _part_units("foreword", lines, layout.foreword, skip_headings=True)
    units += _part_units("introduction", lines, layout.introduction)
    units += parse_body(lines[slice(*layout.body)], language)
    units += _part_units("bibliography", lines, layout.bibliography)
    return units


def _part_units(
    part: str, lines: list[Line], span: tuple[int, int], skip_headings: bool = False
) -> list[Unit]:
    """Each line of the part a paragraph, numbered in order (`summary/1`, `summary/2`)."""
    kept = [line for line in lines[slice(*span)] if not (skip_headings and _is_heading(line))]
    return [
        Unit(Section.BODY, line.start, line.end, (part, str(number)), None)
        for number, line in enumerate(kept, start=1)
    ]


def _is_heading(line: Line) -> bool:
    """ "FOREWORD", "NOTE", "INTELLECTUAL PROPERTY RIGHTS": short, no sentence."""
    return _is_short(line.stripped)


def _layout(texts: list[str]) -> _Layout | None:
    ranges = [i for i, text in enumerate(texts) if _SERIES_RANGE.match(text)]
    if not ranges:
        return None
    title = _next(texts, ranges[-1], _DESIGNATION)
    unique = _next(texts, title, _UNIQUE_ID) if title is not None else None
    copyright_line = _next(texts, unique, _COPYRIGHT) if unique is not None else None
    if title is None or unique is None or copyright_line is None:
        return None
    history = unique
    while history - 1 > title + 2 and _is_short(texts[history - 1]):
        history -= 1
    contents = _contents(texts, copyright_line)
    if contents is None:
        return None
    first_entry, last_entry = contents
    start = _next(texts, last_entry, _DESIGNATION)
    back = _back_page(texts)
    if start is None or not start < back:
        return None
    bibliography = _bibliography(texts, first_entry, last_entry, start + 2, back)
    introduction = (last_entry + 2, start) if start > last_entry + 1 else (start, start)
    body_end = bibliography[0] - 1 if bibliography[0] < bibliography[1] else back
    return _Layout(
        title=title,
        summary=(title + 3, history),
        foreword=(unique + 1, copyright_line),
        introduction=introduction,
        body=(start + 2, body_end),
        bibliography=bibliography,
    )


def _next(texts: list[str], after: int, pattern: re.Pattern[str]) -> int | None:
    return next((i for i in range(after + 1, len(texts)) if pattern.match(texts[i])), None)


def _is_short(text: str) -> bool:
    return len(text) <= SHORT_LINE


def _contents(texts: list[str], after: int) -> tuple[int, int] | None:
    """The first and last lines of the table of contents: from the first entry whose heading,
    without its page number, is a line further on, the lines that end with a page number."""
    later = set(texts[after:])
    first = next(
        (
            i
            for i in range(after + 1, len(texts))
            if (entry := _CONTENTS_ENTRY.match(texts[i])) and entry.group("heading") in later
        ),
        None,
    )
    if first is None:
        return None
    last = first
    while last + 1 < len(texts) and _CONTENTS_ENTRY.match(texts[last + 1]):
        last += 1
    return first, last


def _bibliography(
    texts: list[str], first_entry: int, last_entry: int, body: int, back: int
) -> tuple[int, int]:
    """The lines of the section the contents list last without a number, past its heading."""
    unnumbered = [
        match.group("heading")
        for i in range(first_entry, last_entry + 1)
        if (match := _CONTENTS_ENTRY.match(texts[i])) and not _NUMBERED.match(texts[i])
    ]
    if not unnumbered:
        return back, back
    heading = next((i for i in range(body, back) if texts[i] == unnumbered[-1]), None)
    return (heading + 1, back) if heading is not None else (back, back)


def _back_page(texts: list[str]) -> int:
    """The back page's heading: the line before its first "Series A" line; the text's end when
    there is no back page."""
    for i, text in enumerate(texts):
        window = texts[i : i + 2 * BACK_PAGE_SERIES]
        if (
            _SERIES_LETTER.match(text)
            and sum(1 for line in window if _SERIES_LETTER.match(line)) >= BACK_PAGE_SERIES
        ):
            return i - 1
    return len(texts)
