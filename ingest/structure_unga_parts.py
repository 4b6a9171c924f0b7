"""General Assembly resolutions of parts ("I", "II" …): each part's clauses carry its label
("section-ii") in their ids where the parts number their paragraphs afresh, and none where the
numbering runs on through the text."""

from __future__ import annotations

from dataclasses import replace

from rescite.core.records import Section
from rescite.ingest.parse_build import Unit

PART = "section-"  # a part's label in clause ids: "section-ii"


def part_label(numeral: str) -> str:
    return PART + numeral.lower()


def numbered_by_part(units: list[Unit]) -> bool:
    """Whether a part's operative paragraphs restart at 1: without their part, two would share
    a number."""
    numbered = [unit for unit in units if unit.section is Section.OPERATIVE and unit.labels]
    numbers = [unparted(unit.labels) for unit in numbered]
    in_parts = any(unit.labels != number for unit, number in zip(numbered, numbers, strict=True))
    return in_parts and len(numbers) != len(set(numbers))


def unparted(labels: tuple[str, ...]) -> tuple[str, ...]:
    return labels[1:] if labels and labels[0].startswith(PART) else labels


def without_parts(units: list[Unit]) -> list[Unit]:
    """Paragraphs numbered on across the parts are cited without them, the preambular ones
    counted through the whole text."""
    out: list[Unit] = []
    preambular = 0
    for unit in units:
        if unit.section is Section.PREAMBLE and unit.labels:
            preambular += 1
            out.append(replace(unit, labels=(str(preambular),), label=str(preambular)))
        else:
            out.append(replace(unit, labels=unparted(unit.labels)))
    return out
