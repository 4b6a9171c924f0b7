"""Checks of a parse that tests and benchmarks share.

`layout_problems(parsed)`: the invariants every parse keeps (unique ids, document order,
no overlap, clause text equal to its document spans). `uncovered(parsed)`: the text between
clauses that no clause holds (keyword headings, article headings, closing lines).
`reference_overlap(ours, theirs)`: the token overlap used to compare UNGA paragraphs with a
third party's extraction.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rescite.core.records import ParsedDocument
from rescite.ingest.parse_build import kept_spans
from rescite.ingest.parse_noise import find_noise


def layout_problems(parsed: ParsedDocument) -> list[str]:
    text = parsed.document.text
    noise = find_noise(text, parsed.document.page_starts)
    problems: list[str] = []
    ids = [clause.clause_id for clause in parsed.clauses]
    if len(set(ids)) != len(ids):
        problems.append("duplicate clause ids")
    previous_end = 0
    for index, clause in enumerate(parsed.clauses):
        name = clause.clause_id
        if clause.ordinal != index:
            problems.append(f"{name}: ordinal {clause.ordinal} != {index}")
        if clause.start < previous_end:
            problems.append(f"{name}: overlaps or precedes the clause before")
        previous_end = clause.end
        joined = "".join(text[s:e] for s, e in kept_spans(noise, clause.start, clause.end))
        if joined != clause.text or not clause.text or clause.text != clause.text.strip():
            problems.append(f"{name}: text differs from its spans")
        if not clause.clause_id.startswith(parsed.document.meta.doc_id + "/"):
            problems.append(f"{name}: id outside its document")
    return problems


def uncovered(parsed: ParsedDocument) -> list[str]:
    """Non-blank text between the first and last clause that belongs to no clause."""
    text = parsed.document.text
    noise = find_noise(text, parsed.document.page_starts)
    gaps: list[str] = []
    for before, after in zip(parsed.clauses, parsed.clauses[1:], strict=False):
        gap = "".join(text[s:e] for s, e in kept_spans(noise, before.end, after.start)).strip()
        if gap:
            gaps.append(gap)
    return gaps


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def reference_overlap(ours: str, theirs: str) -> float:
    """difflib ratio on lowercased word tokens: 2 * matched / (len(ours) + len(theirs))."""
    return SequenceMatcher(None, words(ours), words(theirs), autojunk=False).ratio()
