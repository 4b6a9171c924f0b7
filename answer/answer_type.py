"""The kind of fact a question asks for, and whether a clause could give it.

"By which year ...", "on what date ...", "how many ..." ask for a year, a date, a number. A
clause without one cannot answer, however close its subject: asked for a figure the texts
never set, rescite refuses rather than cite a clause on the subject that gives none. English
questions only; in other languages nothing is checked.
"""

from __future__ import annotations

import re
from typing import Literal

AnswerType = Literal["date", "year", "number"]

DESCRIBED: dict[AnswerType, str] = {"date": "a date", "year": "a year", "number": "a number"}

_ASKS: dict[AnswerType, re.Pattern[str]] = {
    "date": re.compile(r"\b(?:what|which)\s+(?:calendar\s+)?date\b", re.IGNORECASE),
    "year": re.compile(r"\b(?:what|which)\s+years?\b", re.IGNORECASE),
    "number": re.compile(
        r"\bhow (?:many|much)\b|"
        r"\bwhat (?:percentage|proportion|share|number|amount|sum|figure)\b",
        re.IGNORECASE,
    ),
}

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|billion|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    "ninth|tenth|twelfth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|ninetieth|hundredth|"
    "half|quarter|single|once|twice|double"
)
_GIVES: dict[AnswerType, re.Pattern[str]] = {
    "date": re.compile(
        rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b", re.IGNORECASE
    ),
    "year": re.compile(r"\b(?:1[89]\d\d|20\d\d)\b"),
    "number": re.compile(rf"\d|%|\b(?:{_NUMBER_WORDS})s?\b", re.IGNORECASE),
}


def asked_for(question: str, language: str) -> AnswerType | None:
    """The kind of fact an English question asks for, if it asks for a date, year or number."""
    if language != "en":
        return None
    for kind, pattern in _ASKS.items():
        if pattern.search(question):
            return kind
    return None


# Numbers that name rather than state: a clause's own numbers (margin, paragraph), its items'
# ("; 10 to ..."), the texts it cites ("resolution 70 (Rev. Dubai, 2018)", "68/243", "Article
# 33", "No. 5"), footnote marks glued to a word.
_NAMING = re.compile(
    r"^(?:\s*\(?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.)]?(?=\s))+|"
    r"\b(?:resolutions?|decisions?|recommendations?|articles?|annex(?:es)?|paragraphs?|"
    r"paras?\.|nos?\.|res\.|sections?|chapters?|rules?|items?|documents?|reports?|"
    r"volumes?|series)\s+[\w./-]*\d[\w./-]*(?:\s*(?:,|and|to|-)\s*[\w./-]*\d[\w./-]*)*|"
    r"\b[A-Z]+/[\w./-]+|\b\d+/\d+\b|"
    r"\((?:Rev\.\s*)?[A-Z][^()]{0,40},\s*\d{4}\)|"
    r"(?<=[a-z;:,.)])\d{1,3}\b|(?<=[;:]\s)\d{1,2}(?=\s+(?:to|that)\b)",
    re.IGNORECASE,
)


def gives(kind: AnswerType, text: str) -> bool:
    """The text states a fact of that kind: a date, a year, a number, beyond the numbers that
    only name a clause or a text. Necessary for an answer, not enough."""
    facts = _NAMING.sub(" ", text)
    if kind == "number":  # a date or a year says when, not how many
        facts = _GIVES["year"].sub(" ", _GIVES["date"].sub(" ", facts))
    return bool(_GIVES[kind].search(facts))
