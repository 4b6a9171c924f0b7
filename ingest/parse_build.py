"""Turn the units a structure parser found into Clause records.

A unit is a raw span of the document plus its place in the structure. Its clause text is
the span with noise (page headers, footnote blocks) taken out, trimmed at both ends; when
the span holds no noise, `clause.text == document.text[clause.start:clause.end]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rescite.core.records import Clause, Document, Section
from rescite.ingest.clause_ids import clause_path, unique_ids
from rescite.ingest.crossrefs import find_references
from rescite.ingest.parse_lines import Line, split_lines
from rescite.ingest.parse_noise import Footnote, Noise


@dataclass(frozen=True)
class Unit:
    """A clause-to-be: a span of the text and its place in the structure."""

    section: Section
    start: int
    end: int
    labels: tuple[str, ...] = ()
    label: str | None = None
    keyword: str | None = None
    keyword_en: str | None = None
    addressee: str | None = None
    path_keyword: str | None = None  # goes into the id (ITU keyword sections)


def kept_spans(noise: Noise, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) minus the noise spans."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    first = max(0, bisect_right(noise.starts, start) - 1)
    for noise_start, noise_end in noise.spans[first:]:
        if noise_start >= end:
            break
        if noise_end <= cursor:
            continue
        if noise_start > cursor:
            pieces.append((cursor, noise_start))
        cursor = max(cursor, noise_end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def clause_span(text: str, noise: Noise, start: int, end: int) -> tuple[str, int, int]:
    """(clause text, trimmed start, trimmed end) for a raw span."""
    pieces = kept_spans(noise, start, end)
    joined = "".join(text[s:e] for s, e in pieces)
    body = joined.strip()
    if not body:
        return "", start, start
    lead = len(joined) - len(joined.lstrip())
    trail = len(joined) - len(joined.rstrip())
    return body, _offset_at(pieces, lead), _offset_at(pieces, len(joined) - trail - 1) + 1


def _offset_at(pieces: list[tuple[int, int]], index: int) -> int:
    """Document offset of character `index` of the joined pieces."""
    for start, end in pieces:
        if index < end - start:
            return start + index
        index -= end - start
    return pieces[-1][1]


def build_clauses(document: Document, units: list[Unit], noise: Noise) -> tuple[Clause, ...]:
    drafts: list[tuple[Unit, str, int, int]] = []
    for unit in units:
        body, start, end = clause_span(document.text, noise, unit.start, unit.end)
        if body:
            drafts.append((unit, body, start, end))
    paths = [clause_path(u.section.value, u.path_keyword, u.labels) for u, *_ in drafts]
    ids = unique_ids(document.meta.doc_id, paths)
    notes = _assign_footnotes(document.text, [(s, e) for _, _, s, e in drafts], noise.footnotes)
    clauses = []
    for ordinal, ((unit, body, start, end), clause_id) in enumerate(zip(drafts, ids, strict=True)):
        clauses.append(
            Clause(
                clause_id=clause_id,
                doc_id=document.meta.doc_id,
                ordinal=ordinal,
                section=unit.section,
                keyword=unit.keyword,
                keyword_en=unit.keyword_en,
                addressee=unit.addressee,
                label=unit.label,
                text=body,
                start=start,
                end=end,
                page_start=document.page_at(start),
                page_end=document.page_at(max(start, end - 1)),
                footnotes=tuple(notes.get(ordinal, ())),
                references=find_references(body),
            )
        )
    return tuple(clauses)


def _assign_footnotes(
    text: str, drafts: list[tuple[int, int]], footnotes: tuple[Footnote, ...]
) -> dict[int, list[str]]:
    """Each note goes to the nearest clause before it that carries its marker."""
    assigned: dict[int, list[str]] = {}
    for note in footnotes:
        before = [i for i, (start, _) in enumerate(drafts) if start < note.start]
        if not before:
            continue
        target = before[-1]
        texts = {i: text[drafts[i][0] : min(drafts[i][1], note.start)] for i in before[-20:]}
        for pattern in _marker_patterns(note.marker):
            hit = next((i for i in reversed(before[-20:]) if re.search(pattern, texts[i])), None)
            if hit is not None:
                target = hit
                break
        assigned.setdefault(target, []).append(f"{note.marker} {note.text}")
    return assigned


def _marker_patterns(marker: str) -> list[str]:
    if marker.startswith("*"):
        return [re.escape(marker)]
    return [rf"[A-Za-z,.;:)\]”\"’]{marker}(?!\d)", rf"[A-Za-z,.;:)”\"’]\s{{1,2}}{marker}(?=\s)"]


def content_lines(text: str, noise: Noise) -> list[Line]:
    """Lines with any text left once noise is taken out (noise prefixes cut off)."""
    lines: list[Line] = []
    for line in split_lines(text):
        pieces = kept_spans(noise, line.start, line.end)
        if not pieces:
            continue
        start = pieces[0][0]
        if not text[start : line.end].strip():
            continue
        previous = lines[-1] if lines else None
        blank = previous is None or _paragraph_break(text, noise, previous, line.start, start)
        lines.append(Line(start, line.end, text[start : line.end], blank))
    return lines


def _paragraph_break(text: str, noise: Noise, previous: Line, line_start: int, start: int) -> bool:
    """A blank line, or a page break between a finished sentence and a new paragraph; not a
    margin note cut off the line's start ("PP-06 English, French, …")."""
    gap = kept_spans(noise, previous.end, start)
    kept = "".join(text[s:e] for s, e in gap)
    if kept.count("\n") >= 2:
        return True
    between = kept_spans(noise, previous.end, line_start)
    had_noise = sum(e - s for s, e in between) < line_start - previous.end
    ends = re.search(r"[.,;:][”\"’]?\s?\d{0,3}\s*$", previous.text) is not None
    first = text[start : start + 1]
    numbered = re.match(r"\d{1,3}\.(?:\s|$)|\([a-z]{1,3}\)\s", text[start : start + 8]) is not None
    return had_noise and (numbered or (ends and (first.isupper() or first in "(0123456789")))
