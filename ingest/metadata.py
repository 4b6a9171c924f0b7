"""Metadata detected from a document's text (never from its file name).

`detect(text, source=..., sha256=...)` tries, in order: a UN General Assembly resolution
(symbol in the masthead), the UDHR (its title in any of the six languages), an ITU
resolution/decision/recommendation (`RESOLUTION 130 (REV. DUBAI, 2018)` header, body from
the enacting formula), an ITU-T Recommendation (`ITU-T E.119`), the ITU Constitution or
Convention, a Chinese proposal to revise a PP resolution; anything else is `other`.
"""

from __future__ import annotations

import re
from datetime import date

from rescite.core.records import Body, DocType, DocumentMeta
from rescite.ingest.metadata_itu import ItuFacts, detect_itu, detect_itu_t, detect_proposal
from rescite.ingest.metadata_language import detect_language
from rescite.ingest.read_pages import SYMBOL

HEAD_CHARS = 4000
MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {name: index + 1 for index, name in enumerate(MONTH_NAMES.split())}
UN_TITLE = re.compile(r"^(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}\.\s+(.+)$", re.M)
ADOPTED = re.compile(
    r"adopted by the General Assembly\s+on\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", re.I
)
OLD_SYMBOL = re.compile(r"\b(\d{1,4})\s?(?:([A-Z])\s?)?\(\s?([IVXLC]+)\s?\)")
UDHR_TITLES = {
    "en": "Universal Declaration of Human Rights",
    "fr": "Déclaration universelle des droits de l’homme",
    "es": "Declaración Universal de Derechos Humanos",
    "ru": "Всеобщая декларация прав человека",
    "ar": "الإعلان العالمي لحقوق الإنسان",
    "zh": "世界人权宣言",
}
ASSEMBLY_NAMES = (
    "General Assembly",
    "Assemblée générale",
    "Asamblea General",
    "Генеральная Ассамблея",
    "الجمعية العامة",
    "大会",
)
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def detect(text: str, *, source: str = "", sha256: str = "") -> DocumentMeta:
    """Everything we can tell about a document from its text."""
    language = detect_language(text)
    common = {"language": language, "source": source, "sha256": sha256}
    head = text[:HEAD_CHARS]
    symbol = _un_symbol(head)
    if symbol:
        return _unga(text, symbol, common)
    itu = detect_itu(text)
    if itu:
        return _from_itu(itu, common)
    if _is_udhr(head):
        return _udhr(language, common)
    itu = detect_itu_t(text) or detect_proposal(text)
    if itu:
        return _from_itu(itu, common)
    old = OLD_SYMBOL.search(head[:800])
    if old and any(name in head for name in ASSEMBLY_NAMES):
        return _unga_old(old, common)
    return _other(text, language, common)


def _unga_old(match: re.Match[str], common: dict[str, str]) -> DocumentMeta:
    """A resolution numbered the pre-1976 way: `2758 (XXVI)`, `217 A (III)`."""
    number = _old_number(match)
    session = roman(match.group(3))
    return DocumentMeta(
        doc_id=f"unga/{slug(number)}/{common['language']}",
        body=Body.UNGA,
        doc_type=DocType.RESOLUTION,
        number=number,
        symbol=number,
        session=session,
        year=1945 + session,
        **common,
    )


def _un_symbol(head: str) -> str | None:
    for line in head.split("\n")[:15]:
        match = SYMBOL.search(line)
        if match and match.group(0).startswith("A/RES/"):
            return match.group(0).rstrip(".")
    return None


def _unga(text: str, symbol: str, common: dict[str, str]) -> DocumentMeta:
    number = symbol.removeprefix("A/RES/")
    session = _session(number)
    adopted = _adopted(text[:HEAD_CHARS])
    year = adopted.year if adopted else (1945 + session if session else None)
    return DocumentMeta(
        doc_id=f"unga/{slug(symbol)}/{common['language']}",
        body=Body.UNGA,
        doc_type=DocType.RESOLUTION,
        number=number,
        symbol=symbol,
        session=session,
        year=year,
        adopted=adopted,
        title=_un_title(text, number),
        **common,
    )


def _session(number: str) -> int | None:
    match = re.match(r"^(\d{1,3})/", number)
    return int(match.group(1)) if match else None


def _adopted(head: str) -> date | None:
    match = ADOPTED.search(" ".join(head.split()))
    if not match or match.group(2).lower() not in MONTHS:
        return None
    try:
        return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def _un_title(text: str, number: str) -> str:
    """`79/243. Title...` up to `The General Assembly`, on one line."""
    for match in UN_TITLE.finditer(text[:HEAD_CHARS]):
        if not match.group(0).startswith(number):
            continue
        rest = text[match.start(1) :].split("\n")
        parts = []
        for line in rest[:6]:
            if line.startswith("The General Assembly") or not line.strip():
                break
            parts.append(line.strip())
        return " ".join(parts)
    return _title_above_formula(text[:HEAD_CHARS])


def _title_above_formula(head: str) -> str:
    """No `79/9.` line: the block of lines just above `The General Assembly`."""
    lines = head.split("\n")
    end = next((i for i, line in enumerate(lines) if line.startswith("The General Assembly")), 0)
    parts: list[str] = []
    for line in reversed(lines[:end]):
        stripped = line.strip()
        if not stripped and parts:
            break
        if stripped.startswith(("[", "Resolution adopted", "on ")):
            break
        if stripped:
            parts.insert(0, stripped)
    return " ".join(parts)[:300]


def _is_udhr(head: str) -> bool:
    first = "\n".join(head.split("\n")[:3]).replace("'", "’")
    return any(title in first for title in UDHR_TITLES.values())


def _udhr(language: str, common: dict[str, str]) -> DocumentMeta:
    return DocumentMeta(
        doc_id=f"unga/217-a-iii/{language}",
        body=Body.UNGA,
        doc_type=DocType.DECLARATION,
        number="217 A (III)",
        symbol="217 A (III)",
        session=3,
        year=1948,
        adopted=date(1948, 12, 10),
        title=UDHR_TITLES.get(language, UDHR_TITLES["en"]),
        **common,
    )


def _from_itu(facts: ItuFacts, common: dict[str, str]) -> DocumentMeta:
    language = common["language"]
    return DocumentMeta(
        doc_id=f"{facts.doc_id_stem}/{language}",
        body=facts.body,
        doc_type=facts.doc_type,
        number=facts.number or None,
        revision=facts.revision,
        year=facts.year,
        title=facts.title,
        **common,
    )


def _other(text: str, language: str, common: dict[str, str]) -> DocumentMeta:
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:200]
    symbol = OLD_SYMBOL.search(text[:600])
    stem = slug(" ".join(title.split()[:8])) or common["sha256"][:12] or "untitled"
    return DocumentMeta(
        doc_id=f"other/{stem}/{language}",
        body=Body.OTHER,
        doc_type=DocType.OTHER,
        number=_old_number(symbol) if symbol else None,
        title=title,
        **common,
    )


def _old_number(match: re.Match[str]) -> str:
    letter = f" {match.group(2)}" if match.group(2) else ""
    return f"{match.group(1)}{letter} ({match.group(3)})"


def roman(numeral: str) -> int:
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = ROMAN[char]
        total += -value if following and ROMAN[following] > value else value
    return total


def slug(value: str) -> str:
    """`A/RES/79/243` -> `a-res-79-243`; `Rev. Dubai, 2018` -> `rev-dubai-2018`."""
    return re.sub(r"[^\w]+", "-", value.lower(), flags=re.ASCII).strip("-")
