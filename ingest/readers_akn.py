"""Akoma Ntoso XML reader (lxml).

A `documentCollection` gives one text per component (resolution, decision,
recommendation); a single `act`/`statement`/... gives one. Each text is rendered so that its
structure survives in plain text, one unit per line, the way the ITU `.txt` texts lay out a
resolution:

    RESOLUTION 130 (REV. DUBAI, 2018)        docType + docNumber
    <title>                                  preface container "title" / docTitle
    The Plenipotentiary Conference ... ,     formula
    considering                              recitals/intro, hcontainer/heading
    a) <text>                                recital/paragraph/point: num + text
    ANNEX ...                                headings of annexes (attachments), on their own

A unit without <num> keeps its text as written (the text often starts with its label).
"""

from __future__ import annotations

import re

from lxml import etree
from rescite.core.errors import CorruptFile, EmptyFile
from rescite.ingest.normalise import clean_line, normalise_text
from rescite.ingest.read_paragraphs import Extracted, Line, assemble

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DOCUMENT_TAGS = ("act", "bill", "statement", "doc", "debateReport", "judgment", "amendment")
UNITS = frozenset(
    [
        "recital",
        "paragraph",
        "point",
        "article",
        "section",
        "subparagraph",
        "item",
        "alinea",
        "clause",
        "indent",
        "rule",
        "subsection",
        "list",
    ]
)
SKIP = frozenset(["meta", "num", "heading", "intro", "subheading", "authorialNote"])


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def is_akn(data: bytes) -> bool:
    head = data[:4096]
    return b"akomaNtoso" in head or AKN_NS.encode() in head


def read_akn(data: bytes, path: str) -> list[Extracted]:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise CorruptFile(
            f"not well-formed XML ({error}): the file is truncated or damaged", path
        ) from error
    documents = [el for el in root.iter() if _local(el) in DOCUMENT_TAGS and not _nested(el)]
    out = [item for document in documents for item in _render(document)]
    out = [item for item in out if item.text.strip()]
    if not out:
        raise EmptyFile("the Akoma Ntoso file holds no document text: nothing to ingest", path)
    return out


def _render(document: etree._Element) -> list[Extracted]:
    """The document's text; where the Final Acts' later parts run into it, their declarations
    and reservations as a text of their own."""
    lines: list[str] = []
    for child in document:
        name = _local(child)
        if name == "preface":
            lines.extend(_preface(child))
        elif name != "meta":
            lines.extend(_structure(child))
    own, declarations = _split_parts(lines)
    hints = {"akn_name": document.get("name", _local(document))}
    out = [Extracted(text=_assembled(own), fmt="akn", hints=hints)]
    if declarations:
        out.append(Extracted(text=_assembled(declarations), fmt="akn", hints=hints))
    return out


def _assembled(lines: list[str]) -> str:
    rendered = [Line(line) for line in (clean_line(normalise_text(text)) for text in lines) if line]
    text, _ = assemble(rendered, frozenset())
    return text


# A later part of the Final Acts run into a collection's last text of a part, with the page
# number before it: "… informed in this regard. 489 PART VI - SIGNATORIES …".
_NEXT_PART = re.compile(r"\s\d{2,4} PART [IVX]+ [-–] [A-Z]")
_DECLARATIONS = re.compile(r"\bDECLARATIONS made at the end of the ")


def _split_parts(lines: list[str]) -> tuple[list[str], list[str]]:
    """The text's own lines, up to the next part of the Final Acts (the list of abrogated
    resolutions, the signatories), and the declarations and reservations, from their heading."""
    found = next(((i, m) for i, line in enumerate(lines) if (m := _NEXT_PART.search(line))), None)
    if found is None:
        return lines, []
    start, cut = found
    own = [*lines[:start], lines[start][: cut.start()]]
    for index in range(start, len(lines)):
        if heading := _DECLARATIONS.search(lines[index]):
            return own, [lines[index][heading.start() :], *lines[index + 1 :]]
    return own, []


def _preface(preface: etree._Element) -> list[str]:
    lines: list[str] = []
    for element in preface:
        name = _local(element)
        if name == "longTitle":
            lines.append(_flat(element))
        else:
            lines.extend(_flat(p) for p in _paragraphs(element))
    return lines


def _paragraphs(element: etree._Element) -> list[etree._Element]:
    found = [el for el in element.iter() if _local(el) == "p"]
    return found or [element]


def _structure(element: etree._Element) -> list[str]:
    """Lines for a structural element: its heading/intro, then its units or paragraphs."""
    name = _local(element)
    lines: list[str] = []
    for child in element:
        child_name = _local(child)
        own_num = child_name == "num" and name not in UNITS
        if child_name in ("heading", "subheading", "intro", "wrapUp") or own_num:
            lines.append(_flat(child))
    if name in UNITS:
        return lines + _unit(element)
    for child in element:
        child_name = _local(child)
        if child_name in SKIP or child_name in ("subheading", "wrapUp"):
            continue
        if child_name == "p":
            lines.append(_flat(child))
        else:
            lines.extend(_structure(child))
    return lines


def _unit(element: etree._Element) -> list[str]:
    """A recital/paragraph/point: `num text` on one line, then its nested units."""
    num = next((_flat(c) for c in element if _local(c) == "num"), "")
    own: list[str] = []
    nested: list[str] = []
    for child in element:
        name = _local(child)
        if name in ("num", "heading", "intro"):
            continue
        if name in UNITS:
            nested.extend(_unit(child))
        elif name == "content":
            own.extend(_flat(p) for p in _paragraphs(child))
        elif name == "p":
            own.append(_flat(child))
        elif name not in SKIP:
            nested.extend(_structure(child))
    first = " ".join(part for part in (num, own[0] if own else "") if part)
    return _unglued(num, [first] if first else []) + own[1:] + nested


def _unglued(num: str, lines: list[str]) -> list[str]:
    """An item with the next one glued on ("9 that …; 10 that …", as the PP-18 collection has
    every tenth item) split back into two lines."""
    if not num.isdigit() or not lines:
        return lines
    out, number = list(lines), int(num)
    while glued := re.search(rf";\s+({number + 1})\s+(?=[a-z])", out[-1]):
        out[-1:] = [out[-1][: glued.start() + 1], out[-1][glued.start(1) :]]
        number += 1
    return out


def _nested(element: etree._Element) -> bool:
    """A document inside another (an annex in attachments) is rendered with its host."""
    return any(_local(parent) in DOCUMENT_TAGS for parent in element.iterancestors())


def _flat(element: etree._Element) -> str:
    """An element's text with inline markup flattened and notes (authorialNote) left out."""
    return " ".join(_text_without_notes(element).split())


def _text_without_notes(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if _local(child) != "authorialNote":
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)
