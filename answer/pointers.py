"""Clauses that need others of the same text to be read: deferrals and short list items.

A Convention provision whose fees are due "in accordance with the provisions of No. 120
above", a resolution's "having due regard to resolves 2 above" (examples of ours): cited alone,
such a clause leaves the delegate to look the other one up. The clause pointed to is
cited beside it. So are the other items of a list of short items ("2) recorded voice
(recommended)" alone does not say which formats the list names; an example of ours).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from os.path import commonpath

from rescite.answer.locator import Locator, located
from rescite.answer.support import is_list_item
from rescite.core.records import Clause, Section

SHORT_ITEM = 80  # characters: an item this short is read with the rest of its list

# A deferral ("in accordance with the provisions of", "as stipulated in", "having due regard
# to"), then "No. 120 above", "Nos. 120 and 120A below", "paragraph 3 above", "resolves 2
# above". A mention ("the reports referred to in No. 120 above", "the principles listed in
# paragraph 3 above") points to context, not to the substance, and is left alone.
_POINTER = re.compile(
    r"\b(?:in accordance with|as stipulated in|as provided (?:for )?in|"
    r"as set (?:out|forth) in|the provisions of|having due regard to)\s+(?:the provisions of\s+)?"
    r"(?P<kind>Nos?\.|paragraphs?|resolves)\s+"
    r"(?P<first>\d{1,4}[A-Z]?)(?:\s+and\s+(?P<second>\d{1,4}[A-Z]?))?\s+(?:above|below)\b"
)


def is_item_of(clause_id: str, parent_id: str) -> bool:
    """`clause_id` is an item of `parent_id`, at any depth ("…/3/a" of "…/3")."""
    return clause_id.startswith(f"{parent_id}/")


def needs_others(clause: Clause) -> bool:
    """The clause defers to another of its text, or is a short item of a list (cheap: no other
    clause is read)."""
    return _POINTER.search(clause.text) is not None or _short_item(clause)


def companions(clause: Clause, siblings: Sequence[Clause]) -> list[Clause]:
    """The clauses of the same text to cite beside `clause`: those it defers to, in the order
    it names them, then, a short item of a list whose items are all short, the other items."""
    return pointed_to(clause, siblings) + list_items(clause, siblings)


def _short_item(clause: Clause) -> bool:
    """An item of a list, and short; a preamble's items are statements of their own."""
    return (
        clause.section is not Section.PREAMBLE
        and len(clause.text) <= SHORT_ITEM
        and is_list_item(clause.text)
    )


def list_items(clause: Clause, siblings: Sequence[Clause]) -> list[Clause]:
    """The other items of the list a short item is in ("section-7.7/1", "/2", "/3"), in their
    order, when every one is short; none otherwise."""
    if not _short_item(clause):
        return []
    parent = clause.clause_id.rsplit("/", 1)[0]
    items = [
        other
        for other in siblings
        if is_item_of(other.clause_id, parent)
        and "/" not in other.clause_id[len(parent) + 1 :]
        and other.clause_id != clause.clause_id
        and is_list_item(other.text)
    ]
    return items if all(_short_item(item) for item in items) else []


def pointed_to(clause: Clause, siblings: Sequence[Clause]) -> list[Clause]:
    """The clauses of the same text that `clause` points to, in the order it names them."""
    out: list[Clause] = []
    for match in _POINTER.finditer(clause.text):
        numbers = [n for n in (match.group("first"), match.group("second")) if n]
        for number in numbers:
            found = _numbered(clause, match.group("kind"), number, siblings)
            if found is not None and found != clause and found not in out:
                out.append(found)
    return out


def _numbered(clause: Clause, kind: str, number: str, siblings: Sequence[Clause]) -> Clause | None:
    """The sibling numbered so; of several (a resolution in parts numbered afresh), the one
    in the pointing clause's part."""
    if kind.startswith("No"):  # the margin number the parser put in the provision's label
        found = located(Locator(margin=number), siblings)
    else:
        suffix = f"/operative/{number}" if kind.startswith("paragraph") else f"/resolves/{number}"
        found = [c for c in siblings if c.clause_id.endswith(suffix)]

    def shared(sibling: Clause) -> int:
        return len(commonpath([sibling.clause_id, clause.clause_id]))

    return max(found, key=shared, default=None)
