"""Text that belongs to no clause: page headers, running headers, bar codes, footnote blocks.

`find_noise(text)` is a pure function of the document text, so the parser and
`clause_text_spans` (quote mapping) agree on what was taken out of a clause.
Footnote blocks are noise too, but their notes are kept (`Noise.footnotes`) and attached
to the clause that cites them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from rescite.ingest.parse_lines import Line, split_lines
from rescite.ingest.structure_paragraphs import line_mode

_ITU_HEADER = re.compile(
    r"^\s*(?:(?:Res\.|Resolution|Decision|Dec\.|Recommendation|Rec\.)\s+\d+[A-Z]?\s+\d{1,4}"
    r"|\d{1,4}\s+(?:Res\.|Resolution|Decision|Dec\.|Recommendation|Rec\.)\s+\d+[A-Z]?"
    r"|(?:CS|CV)/[A-Za-z .]*\d*[A-Z]?\s+\d{1,4}|\d{1,4}\s+(?:CS|CV)/[A-Za-z .]*\d*[A-Z]?)\s*$"
)
_MARGIN_NOTE = re.compile(r"^(?:(?:PP|WRC|WARC|APP)-\d{2}\s*)+")
_UNGA_ANCHOR = re.compile(
    r"^\s*(?:A/RES/\S+|\d{2}-\d{5}(?:\s+\(E\))?(?:\s+\d{6})?|\d{1,3}/\d{1,3}|\*\d{5,}\*)\s*$"
)
_BAR = re.compile(r"^\s*_{5,}\s*$")
# A provision, article or chapter of the Constitution or Convention marked as suppressed, its
# number left in the text ("219 to 221 (SUP)", "PP-02 (SUP) ARTICLES 26 to 30"): no clause.
_SUPPRESSED = re.compile(
    r"^\s*(?:(?:PP|WRC)-\d\d\s+)?(?:\d{1,3}[A-Z]{0,2}(?:\s+(?:to|and)\s+[\dA-Z]{1,4})?\s+)?"
    r"\(SUP\)(?:\s+(?:ARTICLES?|CHAPTER)\s+[\dIVX]+(?:\s+(?:to|and)\s+[\dIVX]+)?)?\s*$"
)
_NOTE_START = re.compile(r"^\s*(\d{1,3}|\*{1,3})\s+(?=\S)")
_ITU_NOTE_START = re.compile(r"^\s*(\d{1,2}|\*)\s+[A-Z\"“(]")
_FINAL = (".", ".”", '."', ".)")
# A note's line that ends with an abbreviation goes on ("… (United Nations publication, Sales No.").
_ABBREVIATED = re.compile(r"\b(?:Nos?|vols?|paras?|sects?|chaps?|pp?|arts?|Suppl)\.\s*$")
_ITEM_START = re.compile(r"^\s*(?:\(?[a-z]{1,4}\)|\d{1,3}\.?)\s")
_TITLE = re.compile(r"^\s*(?:ES-|S-)?\d{1,3}/\d{1,3}\s*[.\s]\s*(\S.*)$")
# A General Assembly resolution's formula: never a running head, though a title ending "in the
# General Assembly" holds its words.
UNGA_FORMULA = re.compile(r"^\s*The General Assembly\s*[,.:]?\s*$")


@dataclass(frozen=True)
class Footnote:
    start: int
    end: int
    marker: str
    text: str


@dataclass(frozen=True)
class Noise:
    spans: tuple[tuple[int, int], ...]
    footnotes: tuple[Footnote, ...]

    starts: tuple[int, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(start for start, _ in self.spans))


def find_noise(text: str, page_starts: tuple[int, ...] = ()) -> Noise:
    """Noise in `text`; `page_starts` (a reader's page offsets) marks page feet too."""
    return _find_noise(text, page_starts)


@lru_cache(maxsize=64)
def _find_noise(text: str, page_starts: tuple[int, ...]) -> Noise:
    lines = split_lines(text)
    headers = _header_lines(lines, _title_words(lines))
    spans = [_line_span(lines[i], len(text)) for i in sorted(headers)]
    spans += _margin_notes(lines)
    page_ends = _page_end_lines(lines, headers, page_starts)
    wrapped = not line_mode(lines)
    blocks = _bar_blocks(lines, headers, wrapped)
    blocks += _itu_bottom_notes(text, lines, page_ends, headers, wrapped)
    footnotes: list[Footnote] = []
    for start, end, notes in [*_inline_notes(lines), *_bracket_notes(text)]:
        spans.append((start, end))
        footnotes += notes
    for first, last in blocks:
        spans.append((lines[first].start, min(lines[last].next_start, len(text))))
        footnotes += _notes_in(lines[first : last + 1])
    return Noise(tuple(_merge(spans)), tuple(sorted(footnotes, key=lambda n: n.start)))


def _line_span(line: Line, length: int) -> tuple[int, int]:
    return line.start, min(line.next_start, length)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _title_words(lines: list[Line]) -> str:
    for index, line in enumerate(lines[:80]):
        match = _TITLE.match(line.text)
        if match is None:
            continue
        words = [match.group(1)]
        for follower in lines[index + 1 : index + 6]:
            if follower.blank:
                break
            words.append(follower.text)
        return " ".join(_words(" ".join(words)))
    return ""


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower())


def _is_title_fragment(line: Line, title: str) -> bool:
    if UNGA_FORMULA.match(line.text):
        return False
    words = _words(line.text)
    return bool(title) and bool(words) and f" {' '.join(words)} " in f" {title} "


def _header_lines(lines: list[Line], title: str) -> set[int]:
    """Indexes of page-header lines (ITU headers, UNGA anchors with their title lines)."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if _ITU_HEADER.match(line.text):
            found.add(index)
            found.update(_blank_run(lines, index, -1))
        elif _SUPPRESSED.match(line.text):
            found.add(index)
        elif _UNGA_ANCHOR.match(line.text):
            found.update(_unga_region(lines, index, title))
    found.update(_running_titles(lines, title))
    return found


def _running_titles(lines: list[Line], title: str) -> set[int]:
    """Running-header title lines standing alone between blank lines (anchors already gone)."""
    found: set[int] = set()
    index = 1
    while index < len(lines):
        if not lines[index - 1].blank or lines[index].blank:
            index += 1
            continue
        end = index
        while end < len(lines) and not lines[end].blank and _is_title_fragment(lines[end], title):
            end += 1
        group = " ".join(_words(" ".join(line.text for line in lines[index:end])))
        closed = end == len(lines) or lines[end].blank
        if end > index and closed and len(group.split()) >= 3 and f" {group} " in f" {title} ":
            found.update(range(index, end))
            found.update(_blank_run(lines, index, -1))
            found.update(_blank_run(lines, end - 1, 1))
        index = max(end, index + 1)
    return found


def _blank_run(lines: list[Line], index: int, step: int) -> list[int]:
    run = []
    cursor = index + step
    while 0 <= cursor < len(lines) and lines[cursor].blank:
        run.append(cursor)
        cursor += step
    return run


def _unga_region(lines: list[Line], anchor: int, title: str) -> set[int]:
    region = {anchor}
    for step in (-1, 1):
        cursor = anchor + step
        while 0 <= cursor < len(lines):
            line = lines[cursor]
            if not (line.blank or _UNGA_ANCHOR.match(line.text) or _is_title_fragment(line, title)):
                break
            region.add(cursor)
            cursor += step
    return region


def _margin_notes(lines: list[Line]) -> list[tuple[int, int]]:
    spans = []
    for line in lines:
        match = _MARGIN_NOTE.match(line.text)
        if match is None:
            continue
        rest_blank = not line.text[match.end() :].strip()
        end = line.next_start if rest_blank else line.start + match.end()
        spans.append((line.start, end))
    return spans


def _bar_blocks(lines: list[Line], headers: set[int], wrapped: bool) -> list[tuple[int, int]]:
    """A `_____` line and the notes under it, up to the next page header."""
    blocks = []
    for index, line in enumerate(lines):
        if not _BAR.match(line.text):
            continue
        last = index
        cursor = index + 1
        while cursor < len(lines) and cursor not in headers and cursor - index <= 40:
            last = cursor
            cursor += 1
        notes = _notes_end(lines, index, wrapped)
        # the text goes on between the notes and the next page header: the header under the
        # notes was not recognised (A/RES/80/226, whose running title wraps)
        runs_over = any(_BODY_START.match(line.text) for line in lines[notes + 1 : last + 1])
        if cursor - index > 40 or cursor >= len(lines) or runs_over:
            last = notes
        blocks.append((index, last))
    return blocks


_BODY_START = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,2}\)|Annex\b)(?:\s|$)")


def _notes_end(lines: list[Line], bar: int, wrapped: bool) -> int:
    """Without a following header, notes run while lines look like notes or blanks.

    In hard-wrapped text a note goes on over lines until one ends a sentence; in text
    written one paragraph per line only the lines right under the bar (a note carried over
    from the page before) continue without a number of their own.
    """
    last = bar
    numbered = False
    for cursor in range(bar + 1, min(len(lines), bar + 40)):
        line = lines[cursor]
        above = lines[cursor - 1]
        if _BODY_START.match(line.text):  # a numbered paragraph: the text goes on after the notes
            break
        if _NOTE_START.match(line.text):
            numbered = True
        open_note = not above.blank and (
            not above.text.rstrip().endswith(_FINAL) or bool(_ABBREVIATED.search(above.text))
        )
        continues = (wrapped and last > bar and open_note) or (not wrapped and not numbered)
        if line.blank or _NOTE_START.match(line.text) or continues:
            last = cursor
        else:
            break
    while last > bar and lines[last].blank:
        last -= 1
    return last


def _page_end_lines(
    lines: list[Line], headers: set[int], page_starts: tuple[int, ...]
) -> list[int]:
    """Indexes of the lines that begin a page (an ITU page header or a reader's page start),
    plus the end of the text."""
    ends = {i for i in headers if _ITU_HEADER.match(lines[i].text) and i > 0}
    starts = [line.start for line in lines]
    for offset in page_starts:
        if offset > 0:
            ends.add(bisect_left(starts, offset))
    ends.add(len(lines))
    return sorted(ends)


def _itu_bottom_notes(
    text: str, lines: list[Line], page_ends: list[int], headers: set[int], wrapped: bool
) -> list[tuple[int, int]]:
    """ITU footnotes without a bar: numbered lines at a page foot whose marker is cited above."""
    blocks = []
    for end in page_ends:
        cursor = end - 1
        while cursor > 0 and (cursor in headers or lines[cursor].blank):
            cursor -= 1
        first = _first_note_line(text, lines, cursor, end)
        if first is not None and _all_notes(lines[first : cursor + 1], wrapped):
            blocks.append((first, cursor))
    return blocks


def _all_notes(block: list[Line], wrapped: bool) -> bool:
    """Every line opens a note, or (hard-wrapped text) continues one."""
    for line in block:
        if _ITU_NOTE_START.match(line.text) or line.blank:
            continue
        if not wrapped or _ITEM_START.match(line.text):
            return False
    return True


def _first_note_line(text: str, lines: list[Line], last: int, end: int) -> int | None:
    best = None
    for index in range(last, max(last - 8, 0), -1):
        if index in range(end, len(lines)) or _BAR.match(lines[index].text):
            break
        match = _ITU_NOTE_START.match(lines[index].text)
        if match is None:
            continue
        marker = match.group(1)
        above = text[max(0, lines[index].start - 6000) : lines[index].start]
        pattern = r"\*" if marker == "*" else rf"[a-z,;)]{marker}(?!\d)"
        if re.search(pattern, above):
            best = index
    return best


def _notes_in(lines: list[Line]) -> list[Footnote]:
    notes: list[Footnote] = []
    current: list[Line] = []
    for line in lines:
        if _BAR.match(line.text) or line.blank:
            continue
        if _NOTE_START.match(line.text) and current:
            notes.append(_note(current))
            current = []
        current.append(line)
    if current:
        notes.append(_note(current))
    return [note for note in notes if note.marker]


def _note(lines: list[Line]) -> Footnote:
    match = _NOTE_START.match(lines[0].text)
    marker = match.group(1) if match else ""
    body = " ".join(line.stripped for line in lines)
    body = (
        body[match.end() - (len(lines[0].text) - len(lines[0].text.lstrip())) :] if match else body
    )
    return Footnote(lines[0].start, lines[-1].end, marker, body.strip())


_INLINE_BAR = re.compile(r"\s_{10,}\s")
_INLINE_NOTE = re.compile(r"(?:(?<=\s)|^)(\d{1,2}|\*)\s+(?=[A-Z\"“(])")


def _inline_notes(lines: list[Line]) -> list[tuple[int, int, list[Footnote]]]:
    """Notes a conversion put inside a paragraph line ("...; ____ 1 These include ...").

    They run to the end of the line, or to a folded keyword section that follows them.
    """
    from rescite.ingest.structure_folded import folded_headings

    found = []
    for line in lines:
        match = _INLINE_BAR.search(line.text)
        if match is None or not line.text[: match.start()].strip():
            continue
        end = len(line.text)
        for head_start, _ in folded_headings(line):
            if head_start > match.end():
                end = head_start
                break
        body_start = match.end()
        notes = []
        starts = list(_INLINE_NOTE.finditer(line.text, body_start, end))
        for index, note in enumerate(starts):
            note_end = starts[index + 1].start() if index + 1 < len(starts) else end
            body = line.text[note.end() : note_end].strip()
            notes.append(
                Footnote(line.start + note.start(), line.start + note_end, note.group(1), body)
            )
        found.append((line.start + match.start(), line.start + end, notes))
    return found


_BRACKET_NOTE = re.compile(r"[ \t]?\[(\d{1,3}):[ \t]*(?:\d{1,3}[ \t]+)?([^\]\n]*)\]")


def _bracket_notes(text: str) -> list[tuple[int, int, list[Footnote]]]:
    """Word footnotes a conversion left inline as "[1: 1 text]"."""
    found = []
    for match in _BRACKET_NOTE.finditer(text):
        note = Footnote(match.start(), match.end(), match.group(1), match.group(2).strip())
        found.append((match.start(), match.end(), [note]))
    for match in re.finditer(r"\[footnoteRef:\d{1,3}\]", text):
        found.append((match.start(), match.end(), []))
    return found
