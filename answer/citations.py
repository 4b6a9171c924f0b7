"""Citation strings in each body's own style, derived from a clause's id and its document.

    Resolution 130 (Rev. Dubai, 2018), instructs the Secretary-General, 1
    Resolution 2 (Rev. Bucharest, 2022), considering a)
    A/RES/79/243, para. 2 (a)
    A/RES/78/237, preambular para. 3
    Universal Declaration of Human Rights (resolution 217 A (III)), art. 5

The label path is read from the clause id (`{doc_id}/{section}[/{keyword-slug}]/{labels}`),
which the parser guarantees, rather than from free-text labels.
"""

from __future__ import annotations

import re

from rescite.core.names import ITU_BODIES, document_name
from rescite.core.records import Body, Clause, DocumentMeta, Section
from rescite.core.slugs import slug

_COLLISION = re.compile(r"^([a-z]{1,4}|\d{1,4})-(\d+)$")
ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")  # annex numbers
_DIVISIONS = {
    "article": "art.",
    "section": "sect.",
    "chapter": "ch.",
    "part": "part",
    "appendix": "app.",
    "paragraph": "para.",
    "rule": "rule",
    "declaration": "declaration",
}
# An item numbered "4", or a provision of a section of rules ("1.6", "1bis.2.1": WTSA Res. 1)
_NUMBERED = re.compile(r"\d+(?:bis|ter)?(?:\.\d+)*")
# The unnumbered parts of an ITU-T Recommendation (ingest/structure_recommendation.py)
NAMED_PARTS = ("summary", "foreword", "introduction", "bibliography")
FIGURE = "figure-"  # a figure's label in a clause id (ingest/structure_itu.py)


def clause_path(clause: Clause) -> list[str]:
    """The clause id's parts after the document's: ["operative", "resolves", "4"]."""
    return clause.clause_id.removeprefix(clause.doc_id).strip("/").split("/")


def label_path(clause: Clause) -> list[str]:
    """The labels after the section (and keyword slug) in the clause id, suffixes removed."""
    parts = clause_path(clause)[1:]
    keyword = clause.keyword_en or clause.keyword
    if parts and keyword and re.fullmatch(rf"{re.escape(slug(keyword))}(?:-\d+)?", parts[0]):
        parts = parts[1:]  # the keyword's slug, numbered where the section recurs
    return [_strip_collision(part) for part in parts]


def _strip_collision(part: str) -> str:
    match = _COLLISION.match(part)
    return match.group(1) if match else part


def section_part(clause: Clause) -> str:
    """The first segment after the doc id: `preamble`, `operative`, `annex-2`, `body`..."""
    return clause_path(clause)[0]


def clause_locator(meta: DocumentMeta, clause: Clause) -> str:
    """The part after the document name: `considering a)`, `para. 2 (a)`, `art. 5`."""
    if clause.section is Section.TITLE:
        return "title"
    if clause.section is Section.FORMULA:
        return "enacting formula"
    labels = label_path(clause)
    if meta.body is Body.UNGA:
        return _unga_locator(clause, labels)
    if meta.body in ITU_BODIES and clause.section in (Section.PREAMBLE, Section.OPERATIVE):
        return _itu_locator(clause, labels)
    locator = _divisions_locator(section_part(clause), labels)
    provision = provision_number(clause)
    return f"{locator} (No. {provision})" if provision else locator


# The Constitution's and Convention's provision numbers, in the margin ("CV No. 77"): the
# parser keeps them in the clause's label.
_PROVISION = re.compile(r"\bNo\. (\w+(?: (?:bis|ter)\b)?)")  # "No. 205C", "No. 296 bis"


def provision_number(clause: Clause) -> str | None:
    """The margin number of a provision of the Constitution or Convention ("205C"), if any."""
    provision = _PROVISION.search(clause.label or "")
    return provision.group(1) if provision else None


def _itu_locator(clause: Clause, labels: list[str]) -> str:
    keyword = (clause.keyword or clause.keyword_en or "").strip()
    items = " ".join(_itu_item(label) for label in labels)
    if not keyword:
        return items or clause.section.value
    if not items:
        return keyword
    separator = " " if clause.section is Section.PREAMBLE else ", "
    return f"{keyword}{separator}{items}"


def _itu_item(label: str) -> str:
    """ "2", "9.4.5", "c)"; a figure of WTSA Resolution 1's rules: "Figure 9.1"."""
    if label.startswith(FIGURE):
        return "Figure " + label.removeprefix(FIGURE)
    return label if _NUMBERED.fullmatch(label) else f"{label})"


def _unga_locator(clause: Clause, labels: list[str]) -> str:
    """ "para. 2 (a)", "preambular para. 3"; in a resolution of parts numbered afresh, "sect. II,
    para. 1", as the Assembly cites "section II of its resolution 60/283"."""
    part = _GA_PART.fullmatch(labels[0]) if labels else None
    if part:
        section = f"sect. {part.group(1).upper()}"
        rest = labels[1:]
        if not rest:  # the part's one unnumbered paragraph
            return section
        if not rest[0].isdigit():  # an item of it
            return " ".join([section, *(f"({label})" for label in rest)])
        return f"{section}, {_unga_locator(clause, rest)}"
    if clause.section is Section.PREAMBLE:
        return f"preambular para. {' '.join(labels)}" if labels else "preamble"
    if clause.section is Section.OPERATIVE and labels:
        return "para. " + _paragraph(labels)
    return _divisions_locator(section_part(clause), labels)


_GA_PART = re.compile(r"section-([ivxl]+)")  # the parser's label of a part ("II")


def _paragraph(labels: list[str]) -> str:
    head, *subs = labels
    return " ".join([head, *(f"({sub})" for sub in subs)])


def _divisions_locator(section: str, labels: list[str]) -> str:
    out: list[str] = []
    match = re.fullmatch(r"annex(?:-(\d+))?", section)
    if match:
        number = int(match.group(1) or 0)
        out.append(f"annex {ROMAN[number]}" if 0 < number < len(ROMAN) else "annex")
    elif section == "preamble":
        out.append("preamble")
    numbers: list[str] = []
    for label in labels:
        division = re.fullmatch(r"([a-z]+)-([\w.]+)", label)
        unnumbered = re.fullmatch(r"p(\d+)", label)  # the parser's count of unnumbered paragraphs
        if label in NAMED_PARTS:
            out.append(label)
        elif division and division.group(1) in _DIVISIONS:
            numbered = re.sub(r"(?<=\d)[a-z]$", lambda m: m.group().upper(), division.group(2))
            out.append(f"{_DIVISIONS[division.group(1)]} {numbered}")  # "art. 11A"
        elif unnumbered:
            out.append(f"unnumbered para. {unnumbered.group(1)}")
        else:
            numbers.append(label)
    if numbers and not numbers[0].isdigit() and out:
        out[-1] += " " + " ".join(f"({label})" for label in numbers)
    elif numbers:
        out.append("para. " + _paragraph(numbers))
    return ", ".join(out) if out else section


def citation_string(meta: DocumentMeta, clause: Clause) -> str:
    """The full citation: document name, then the clause locator."""
    return f"{document_name(meta)}, {clause_locator(meta, clause)}"
