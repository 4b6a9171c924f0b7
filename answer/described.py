"""A text named by its date and subject instead of its number: "which resolutions build on the
March 2024 resolution about trustworthy AI for sustainable development" names A/RES/78/265, the
archive's text adopted in March 2024 whose title shares most of the question's words.
"""

from __future__ import annotations

import re

from rescite.answer.doc_refs import DocRef
from rescite.answer.protocols import ArchiveReader
from rescite.answer.question import content_terms
from rescite.answer.references import all_documents
from rescite.core.records import Body, DocumentMeta, Filters

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_DATE = rf"(?:({'|'.join(_MONTHS)})\s+)?((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)"
_KIND = r"(?:resolution|text|declaration|convention)"
# The date of the text described, not of the texts asked for ("cited since 2023"): "the March
# 2024 resolution about …", "the resolution adopted in March 2024 on …".
_DATED = (
    re.compile(rf"\bthe\s+{_DATE}\s+(?:[\w-]+\s+){{0,3}}?{_KIND}\b", re.IGNORECASE),
    re.compile(rf"\b{_KIND}\s+(?:adopted\s+)?(?:in|of|from)\s+{_DATE}", re.IGNORECASE),
)
# Abbreviations a question uses for the words of a title.
_SPELLED_OUT = {"ai": "artificial intelligence", "ict": "information communications technologies"}
# Words of the question that describe no title: the kind of text and the citing.
_NOT_SUBJECT = frozenset(
    word.removesuffix("s")
    for word in (
        "resolution", "text", "assembly", "general", "adopted", "later", "build", "built",
        "refer", "referred", "cite", "cited", "lean", "rely", "relies", "draw", "recall",
        "recalled", "back", "since", "which", "what", "itu", "un", "united", "nations", "year",
        "month", *_MONTHS,
    )
)  # fmt: skip
MIN_SHARED = 2  # title words the description must share with the text it names,
SHARED_PART = 0.6  # and this part of its words


def described_text(archive: ArchiveReader, question: str) -> DocRef | None:
    """The General Assembly resolution the question describes by its adoption date and subject:
    the one text of that month (or year) whose title holds most of the description's words, and
    more of them than any other's."""
    dated = next((found for pattern in _DATED if (found := pattern.search(question))), None)
    if dated is None:
        return None
    month = _MONTHS.index(dated.group(1).lower()) + 1 if dated.group(1) else None
    year = int(dated.group(2))
    described = _words(question)
    filters = Filters(body=(Body.UNGA,), language=("en",), year_from=year, year_to=year)
    scored = sorted(
        (
            (len(described & _words(meta.title or "")), meta.doc_id, meta)
            for meta in all_documents(archive, filters)
            if month is None or (meta.adopted is not None and meta.adopted.month == month)
        ),
        key=lambda row: (-row[0], row[1]),
    )
    needed = max(MIN_SHARED, SHARED_PART * len(described))
    if not scored or scored[0][0] < needed:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return _ref(scored[0][2])


def _words(text: str) -> set[str]:
    spelled = re.sub(r"\b(AI|ICT)s?\b", lambda m: _SPELLED_OUT[m.group(1).lower()], text)
    return {word.removesuffix("s") for word in content_terms(spelled)} - _NOT_SUBJECT


def _ref(meta: DocumentMeta) -> DocRef | None:
    symbol = meta.symbol or ""
    if not symbol.startswith("A/RES/"):
        return None
    return DocRef("unga", symbol.removeprefix("A/RES/"), body=Body.UNGA)
