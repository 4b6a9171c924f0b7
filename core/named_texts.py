"""Texts the resolutions cite by name, not by number: "the Tunis Agenda", "the 2030 Agenda", "the
Charter of the United Nations". Each is a cross-reference target of its own, found alike in a
clause (ingest/crossrefs.py) and in a question (answer/doc_refs.py). Names are facts: the
titles of outcome documents, action plans and treaties."""

from __future__ import annotations

import re

# target name -> how the texts write it
NAMED_TEXTS: dict[str, str] = {
    "Tunis Agenda": r"Tunis Agenda",
    "Tunis Commitment": r"Tunis Commitment",
    "Geneva Declaration of Principles": r"Geneva Declaration(?: of Principles)?",
    "Geneva Plan of Action": r"Geneva Plan of Action",
    "2030 Agenda": r"(?<!Connect )2030 Agenda|Agenda 2030",
    "Addis Ababa Action Agenda": r"Addis Ababa Action Agenda",
    "Pact for the Future": r"Pact for the Future",
    "Global Digital Compact": r"Global Digital Compact",
    "Charter of the United Nations": r"Charter of the United Nations|(?:United Nations|UN) Charter",
    "Sendai Framework": r"Sendai Framework",
    "Paris Agreement": r"Paris Agreement",
    "Doha Programme of Action": r"Doha Programme of Action",
    "Vienna Programme of Action": r"Vienna Programme of Action",
    "SAMOA Pathway": r"SAMOA Pathway",
    "Beijing Declaration and Platform for Action": r"Beijing Declaration",
    "Connect 2030 Agenda": r"Connect 2030",
    "Buenos Aires Action Plan": r"Buenos Aires Action Plan",
    "Kigali Action Plan": r"Kigali Action Plan",
    "Radio Regulations": r"Radio Regulations",
    "International Telecommunication Regulations": r"International Telecommunication Regulations",
    "Convention on the Rights of the Child": (
        r"Convention on the Rights of the Child|Convention relative aux droits de l'enfant|"
        r"Convenci[óo]n (?:de las Naciones Unidas |de la ONU )?sobre los Derechos del Niño|"
        r"Конвенци\w* о правах ребенка"
    ),
    "International Covenant on Civil and Political Rights": (
        r"International Covenant on Civil and Political Rights"
    ),
    "International Covenant on Economic, Social and Cultural Rights": (
        r"International Covenant on Economic, Social and Cultural Rights"
    ),
    "Outer Space Treaty": r"Outer Space Treaty",
    "Tampere Convention": (
        r"Tampere Convention|Convention de Tampere|Convenio de Tampere|Конвенци\w* Тампере"
    ),
}

# The Universal Declaration of Human Rights is itself a General Assembly resolution: cited by
# name, its target is the resolution's symbol, as when it is cited as "217 A (III)".
UDHR_TARGET = "A/RES/217(III) A"
UDHR_NAMED = re.compile(
    r"Universal Declaration of Human Rights|世界人权宣言|Déclaration universelle des droits de "
    r"l'homme|Declaración Universal de (?:los )?Derechos Humanos|Всеобщ\w* деклараци\w* прав "
    r"человека|الإعلان العالمي لحقوق الإنسان",
    re.IGNORECASE,
)
# The United Nations Convention against Cybercrime was adopted as the annex of A/RES/79/243.
CYBERCRIME_TARGET = "A/RES/79/243"
CYBERCRIME_NAMED = re.compile(
    r"(?:United Nations|UN) Convention against Cybercrime|UN cybercrime convention",
    re.IGNORECASE,
)
# General Assembly resolutions cited by the name of the text they adopted: target, pattern.
NAMED_RESOLUTIONS = ((UDHR_TARGET, UDHR_NAMED), (CYBERCRIME_TARGET, CYBERCRIME_NAMED))

_FINDERS = tuple(
    (name, re.compile(rf"(?<![\w-])(?:{written})(?![\w-])", re.IGNORECASE))
    for name, written in NAMED_TEXTS.items()
)


def one_line(text: str) -> str:
    """The text with every whitespace character a space: the same length, so the same offsets."""
    return re.sub(r"\s", " ", text)


def find_named_texts(text: str) -> list[tuple[int, str, str]]:
    """(position, name, as written) of each named text the text cites, in order; a name broken
    across lines ("the Tampere\nConvention") counts."""
    flat = one_line(text)
    found = [
        (match.start(), name, text[match.start() : match.end()])
        for name, finder in _FINDERS
        for match in finder.finditer(flat)
    ]
    return sorted(found)
