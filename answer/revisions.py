"""What a revision changed: the clauses whose wording is in one revision of a resolution only."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from rescite.answer.protocols import ArchiveReader
from rescite.answer.support import Candidate
from rescite.core.records import DocumentMeta, Hit, Section


def changed(
    archive: ArchiveReader, doc_ids: tuple[str, ...], meta: Mapping[str, DocumentMeta]
) -> list[Hit]:
    """The clauses of each text (revisions of one resolution) whose wording is in no other:
    what a revision added, reworded or dropped (an annex too). Renumbering alone is no
    change, nor is citing a text in its later revision."""
    wordings = {
        doc_id: {
            wording(clause.text): clause
            for clause in archive.clauses(doc_id)
            if clause.section in (Section.PREAMBLE, Section.OPERATIVE, Section.ANNEX)
        }
        for doc_id in doc_ids
    }
    return [
        Hit(clause=clause, document=meta[doc_id], score=1.0)
        for doc_id, own in wordings.items()
        for text, clause in own.items()
        if not any(text in other for other_id, other in wordings.items() if other_id != doc_id)
    ]


def on_side(hits: list[Hit], side: str | None) -> list[Hit]:
    """Of the clauses a revision changed, those of the newest text when the question asks what
    was added, of the oldest when it asks what was dropped; all of them otherwise."""
    years = {hit.document.year or 0 for hit in hits}
    if side is None or len(years) < 2:
        return hits
    wanted = max(years) if side == "added" else min(years)
    return [hit for hit in hits if (hit.document.year or 0) == wanted]


NOVELTY_WEIGHT = 0.4  # asked what a revision added or dropped: rank bonus for new wording


def most_novel_first(ranked: list[Candidate], new: Mapping[str, float]) -> list[Candidate]:
    """The ranking with each clause moved up by how new its wording is (`new`, its `novelty`):
    asked what was added, a clause the older text lacks answers before one it held with a year
    changed."""
    moved = [replace(c, rank=c.rank + NOVELTY_WEIGHT * new[c.hit.clause.clause_id]) for c in ranked]
    return sorted(moved, key=lambda c: -c.rank)


SUBSTANTIVE = 0.5  # novelty of a clause added, dropped or rewritten, not one with a word changed


def substantive(ranked: list[Candidate], new: Mapping[str, float]) -> list[Candidate]:
    """Asked only what changed, the changed clauses a revision added, dropped or rewrote (their
    `novelty`, `new`, at least `SUBSTANTIVE`), each an item of the answer's list; all the
    changed clauses when none was."""
    kept = [c for c in ranked if new[c.hit.clause.clause_id] >= SUBSTANTIVE] or ranked
    return [replace(c, listed=True) for c in kept]


def novelty(archive: ArchiveReader, hits: list[Hit], doc_ids: tuple[str, ...]) -> dict[str, float]:
    """For each changed clause, how little of it the other revisions hold: 1 minus the largest
    share of its words found in one clause of another revision. A clause new in 2022 scores
    near 1; one that only lost a year ("the WSIS Forum 2021") near 0."""
    others = {
        doc_id: [set(wording(c.text).split()) for c in archive.clauses(doc_id)]
        for doc_id in doc_ids
    }
    out: dict[str, float] = {}
    for hit in hits:
        words = set(wording(hit.clause.text).split())
        shared = max(
            (
                shared_words(words, other)
                for doc_id, clauses in others.items()
                if doc_id != hit.document.doc_id
                for other in clauses
            ),
            default=0.0,
        )
        out[hit.clause.clause_id] = 1.0 - shared if words else 0.0
    return out


def shared_words(one: set[str], other: set[str]) -> float:
    """The share of two clauses' words (their `wording`) that both hold, of the words of either."""
    return len(one & other) / len(one | other) if one or other else 0.0


def in_reading_order(ranked: list[Candidate]) -> list[Candidate]:
    """What changed, as a delegate reads a comparison: operative clauses first, the newest
    revision first, each in the order of its text."""
    ordered = sorted(
        ranked,
        key=lambda c: (
            c.hit.clause.section is not Section.OPERATIVE,
            -(c.hit.document.year or 0),
            c.hit.clause.ordinal,
        ),
    )
    top = max((c.rank for c in ranked), default=1.0)
    return [replace(c, rank=top - position / 1000) for position, c in enumerate(ordered)]


# The revision a cited text is in: "Resolution 20 (Rev. Geneva, 2022)", "Resolution 1 (Dubai,
# 2012)". A later text cites the same resolution in its later revision; that is no change.
_CITED_REVISION = re.compile(r"\((?:Rev\.\s*)?[A-Z][^()]{0,40},\s*\d{4}\)")


def wording(text: str) -> str:
    """A clause's words, without its number or letter, the revisions of the texts it cites,
    case, punctuation and line breaks."""
    words = re.findall(r"\w+", _CITED_REVISION.sub(" ", text).lower())
    while words and re.fullmatch(r"\d+|[a-z]|[ivxlc]+", words[0]):
        words = words[1:]
    return " ".join(words)
