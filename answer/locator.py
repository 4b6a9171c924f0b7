"""A clause cited the way delegates cite it, found by its place in the named text.

"Resolution 130 (Rev. Dubai, 2018), instructs the Secretary-General, 1", "resolves 4 of PP Res.
70", "A/RES/79/243, para. 2 (a)", "operative paragraph 5 of 79/325", "the fourth preambular
paragraph of A/RES/79/119", "conscious b) of Resolution 2", "No. 205C of the Convention",
"art. 2 (e) (ii)": the question names a clause, and the answer is that clause with its
sub-items, not the clauses most like the question's words. Every citation rescite prints reads
back to its clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rescite.answer.citations import FIGURE, NAMED_PARTS, ROMAN, clause_path, provision_number
from rescite.core.records import Clause, Section

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "last": -1,
}  # fmt: skip

# "No. 205C of the Convention": the margin numbers of the Constitution and Convention
_MARGIN = re.compile(
    r"\b(?:No\.?|number)\s*(?P<margin>\d{1,3}[A-Z]{0,2}(?:\s+(?:bis|ter)\b)?)\b(?!\s*/)"
)
_BASIC_TEXT = re.compile(r"\b(?:Constitution|Convention|CS|CV)\b")
_LETTERED = r"(?P<subs>(?:\s*\([a-z]{1,4}\))*)"  # sub-items after a place: " (e) (ii)"
# "para. 4", "paragraph 4 (b)", "operative paragraph 4", "op. 4", "preambular para. 3", "annex II,
# para. 6", "unnumbered para. 3" (how rescite cites a paragraph that has no number), "para. 11
# (1)" (an item of a list numbered inside a paragraph); in an ITU-T
# Recommendation, "sect. 7.5, para. 2", "summary, para. 1"; in a General Assembly resolution of
# parts, "sect. II, para. 1"
_NUMBERED = re.compile(
    r"\b(?P<annex>annex(?:\s+(?P<roman>[IVX]{1,4}))?,?\s+)?"
    r"(?:(?P<part>sect(?:ion|\.)\s*(?P<section>\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,6})|"
    + "|".join(NAMED_PARTS)
    + r"),?\s+)?"
    r"(?P<kind>operative|preambular|unnumbered)?\s*(?:paragraphs?|paras?\.|op\.|OP)"
    r"\s*(?P<number>\d{1,3})(?![\d/])(?P<subs>(?:\s*\((?:[a-z]{1,4}|\d{1,2})\))*)",
    re.IGNORECASE,
)
# A Recommendation's section that is one clause: "sect. 7" (rescite's citation of it); a
# General Assembly resolution's part of one unnumbered paragraph: "sect. XX", "sect. XXIV (b)"
_SECTION_ALONE = re.compile(
    r"\bsect\.\s*(?P<section>\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,6}\b)" + _LETTERED
)
# A figure of WTSA Resolution 1's rules, its notes and caption: "resolves, Figure 9.1"
_FIGURE = re.compile(r"\bFigure\s+(?P<figure>\d{1,2}(?:\.\d{1,2})*[a-z]?)\b", re.IGNORECASE)
# "the fourth preambular paragraph", "the 3rd operative paragraph", "the last operative paragraph"
_COUNTED = re.compile(
    r"\b(?P<ordinal>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?P<kind>preambular|operative)\s+paragraph\b",
    re.IGNORECASE,
)
# "art. 2 (e) (ii)", "Article 40, paragraph 3": below the article the question names
_IN_ARTICLE = re.compile(
    r"\bart(?:icle|\.)\s*\d{1,3}[A-Z]?"
    r"(?:,?\s*(?P<unnumbered>unnumbered\s+)?(?:paragraph|para\.)\s*(?P<number>\d{1,3}))?"
    + _LETTERED,
    re.IGNORECASE,
)
# An ITU section's item and sub-items after its keyword: "…, 1", "… 4", "… c)", "… 1 ii)", and
# a provision of its rules: "resolves, 9.4.5", "resolves, 1.10 a)" (WTSA Resolution 1)
_ITEM = (
    r"[\s,]*(?P<item>\d{1,2}(?:bis|ter)?(?:\.\d{1,2})+|\d{1,2}|\(?[a-z]{1,4}\))"
    r"(?P<subs>(?:\s+\(?[a-z]{1,4}\))*)(?=[\s,.;:?!]|$)"
)
# After a section cited by its keyword alone: the question's end, or "say", "provide"
_CITATION_END = r"\s*(?:(?:say|says|provide|provides|state|states|mean|means)\b)?\s*(?:[?.!:;]|$)"
_ABBREVIATIONS = {
    "tsb": "telecommunication standardization bureau",
    "bdt": "telecommunication development bureau",
    "br": "radiocommunication bureau",
}


@dataclass(frozen=True)
class Locator:
    """Where in a named text the cited clause sits."""

    section: Section | None = None  # operative or preamble; None for either
    number: str | None = None  # the paragraph: "4" ("p3" for the third unnumbered one)
    subs: tuple[str, ...] = ()  # "para. 2 (a) (vii)": ("a", "vii")
    annex: str | None = None  # "annex II, para. 18": "annex-2" ("annex" for the only one)
    counted: int | None = None  # "the fourth preambular paragraph": 4 (-1: the last)
    margin: str | None = None  # "No. 205C"
    part: str | None = None  # "sect. 7.5, para. 2": "section-7.5"; "summary, para. 1": "summary";
    # "Figure 9.1": "figure-9.1"
    said: str | None = None  # the question, to be read against the named text's own keywords


def find_locator(text: str, article: str | None = None) -> Locator | None:
    """The clause the question cites by its place, if it may cite one."""
    if (margin := _MARGIN.search(text)) and _BASIC_TEXT.search(text):
        return Locator(margin=" ".join(margin.group("margin").split()))
    if counted := _COUNTED.search(text):
        word = counted.group("ordinal").lower()
        position = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        return Locator(section=_kind(counted.group("kind")), counted=position)
    if article:
        if not (inside := _IN_ARTICLE.search(text)):
            return Locator()  # "artículo 12", "第12条": the article itself
        subs = _labels(inside.group("subs"))
        if number := inside.group("number"):
            number = ("p" if inside.group("unnumbered") else "") + number
        return Locator(number=number, subs=subs)  # neither: "art. 12", the article itself
    if numbered := _NUMBERED.search(text):
        kind = (numbered.group("kind") or "operative").lower()
        return Locator(
            section=None if kind == "unnumbered" else _kind(kind),
            number=("p" if kind == "unnumbered" else "") + numbered.group("number"),
            subs=_labels(numbered.group("subs")),
            annex=_annex(numbered.group("roman")) if numbered.group("annex") else None,
            part=_part(numbered.group("part"), numbered.group("section")),
        )
    if alone := _SECTION_ALONE.search(text):
        return Locator(part=_part(None, alone.group("section")), subs=_labels(alone.group("subs")))
    if figure := _FIGURE.search(text):
        return Locator(part=FIGURE + figure.group("figure").lower())
    if re.search(_ITEM, text):
        return Locator(said=text)
    return None


def _labels(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"([a-z0-9]+)\)", text.lower()))


def _annex(roman: str | None) -> str:
    """ "II" -> "annex-2", as clause ids number a document's annexes."""
    number = ROMAN.index(roman.upper()) if roman and roman.upper() in ROMAN else 0
    return f"annex-{number}" if number else "annex"


def _part(part: str | None, section: str | None) -> str | None:
    """The clause id's label of a part: "section-7.5", "summary", "section-ii"."""
    if section:
        return f"section-{section.lower()}"
    return part.lower() if part else None


def _kind(word: str) -> Section:
    return Section.PREAMBLE if word.lower() == "preambular" else Section.OPERATIVE


def located(
    locator: Locator, clauses: Sequence[Clause], article: str | None = None
) -> list[Clause]:
    """The clauses of one document at the locator's place (a paragraph with its sub-items), in
    reading order; none when the document has no such place."""
    if locator.margin:
        return _at_margin(locator.margin, clauses, article)
    if locator.counted is not None:
        return _counted(locator, clauses)
    if locator.said is not None:
        return _in_section(locator.said, clauses)
    return _numbered(locator, clauses, article)


def _paragraph(path: list[str]) -> list[str]:
    """The paragraph a clause belongs to: `operative/4` (UN), `operative/resolves/4` (ITU)."""
    return path[:2] if len(path) > 1 and path[1].isdigit() else path[:3]


def _at_margin(margin: str, clauses: Sequence[Clause], article: str | None) -> list[Clause]:
    """The provision the parser labelled with that margin number ("Article 15, 2 i) (No. 205C)");
    in the article named, where two carry it."""
    found = [clause for clause in clauses if provision_number(clause) == margin]
    if article and len(found) > 1:
        found = [c for c in found if f"/article-{article.lower()}/" in c.clause_id] or found
    return found[:1]


def _counted(locator: Locator, clauses: Sequence[Clause]) -> list[Clause]:
    heads: list[list[Clause]] = []
    for clause in clauses:
        if clause.section is not locator.section:
            continue
        path = clause_path(clause)
        if heads and _paragraph(path) == _paragraph(clause_path(heads[-1][0])):
            heads[-1].append(clause)  # a sub-item of the paragraph before
        else:
            heads.append([clause])
    index = locator.counted - 1 if locator.counted and locator.counted > 0 else -1
    return heads[index] if -len(heads) <= index < len(heads) else []


def _numbered(locator: Locator, clauses: Sequence[Clause], article: str | None) -> list[Clause]:
    """UN numbering: `operative/4` and its sub-items (`operative/4/a`); within a named article,
    its paragraph (`annex/article-40/3`), or the article itself when it is one clause
    (`body/article-12` of the Universal Declaration)."""
    wanted = ([locator.number] if locator.number else []) + list(locator.subs)
    if locator.part:
        found = [c for c in clauses if _follows(clause_path(c), [locator.part, *wanted])]
        return [c for c in found if locator.section in (None, c.section)] or found
    if article:
        named = f"article-{article.lower()}"
        inside = [c for c in clauses if _follows(clause_path(c), [named])]
        if not wanted:
            return inside if len(inside) == 1 else []  # a longer article is left to the ranking
        return [c for c in inside if _follows(clause_path(c), [named, *wanted])]
    numbered = [clause for clause in clauses if clause_path(clause)[1 : 1 + len(wanted)] == wanted]
    if locator.annex:
        return [clause for clause in numbered if clause_path(clause)[0] == locator.annex]
    in_section = [c for c in numbered if locator.section in (None, c.section)]
    return in_section or numbered  # a text without sections numbers its body's paragraphs


def _follows(path: list[str], wanted: list[str]) -> bool:
    """`wanted` is a run of the path's parts: ["article-40", "3"] in annex/article-40/3/a."""
    return any(path[i : i + len(wanted)] == wanted for i in range(len(path)))


def _in_section(said: str, clauses: Sequence[Clause]) -> list[Clause]:
    """ITU numbering: the item of the section whose own keyword the question names, followed by
    the item ("instructs the Director of TSB, 4", "conscious b)"); of several sections named
    so, the longest keyword ("… and the Directors of the Bureaux" is not "instructs the
    Secretary-General")."""
    text = _expanded(said)
    primary = {(c.keyword or c.keyword_en or "").lower() for c in clauses} - {""}
    best: tuple[str, list[str]] | None = None
    for name in primary | {(c.keyword_en or "").lower() for c in clauses} - {""}:
        for match in re.finditer(_keyword_pattern(name) + _ITEM, text, re.IGNORECASE):
            item = [match.group("item").strip("()").lower(), *_labels(match.group("subs"))]
            if best is None or (len(name), name in primary) > (len(best[0]), best[0] in primary):
                best = (name, item)
    if best is None:
        return _whole_section(text, clauses)
    name, item = best
    return [
        c
        for c in clauses
        if ((c.keyword or c.keyword_en or "") if name in primary else (c.keyword_en or "")).lower()
        == name
        and _at_item(clause_path(c)[2:], item)
    ]


def _at_item(path: list[str], item: list[str]) -> bool:
    """The item's labels open the path ("4", "c"); a provision's ("1.6") may sit below an item."""
    return path[: len(item)] == item or ("." in item[0] and _follows(path, item))


def _whole_section(text: str, clauses: Sequence[Clause]) -> list[Clause]:
    """A section that is one clause, without items, cited by its keyword after the text's name
    ("Resolution 130 (Rev. Dubai, 2018), requests the ITU Council?"); the keyword's verb in a
    sentence ("what did it decide") cites nothing."""
    single = [c for c in clauses if len(clause_path(c)) == 2 and (c.keyword or c.keyword_en)]
    named = [
        c
        for c in single
        if any(
            re.search(r",\s*" + _keyword_pattern(k) + _CITATION_END, text, re.IGNORECASE)
            for k in (c.keyword, c.keyword_en)
            if k
        )
    ]
    return named[-1:] if named else []


def _keyword_pattern(keyword: str) -> str:
    """The keyword's words in order, "the" optional, a verb's -s optional, any spacing or
    commas between: "instructs the Director of the Telecommunication Development Bureau"
    matches "instruct the Director of Telecommunication Development Bureau"."""
    words = re.findall(r"[\w-]+(?:\.\w+)*", keyword)  # "ITU-T A.5": one word
    parts = []
    for index, word in enumerate(words):
        escaped = re.escape(word)
        if word.lower() == "the":
            parts.append(r"(?:the[\s,]+)?")
            continue
        if index == 0 and word.lower().endswith("s"):
            escaped = re.escape(word[:-1]) + "s?"
        parts.append(escaped + r"[\s,]+")
    return r"\b" + "".join(parts).removesuffix(r"[\s,]+")


def _expanded(text: str) -> str:
    """ "Director of TSB" as "Director of the Telecommunication Standardization Bureau"."""
    for short, long in _ABBREVIATIONS.items():
        text = re.sub(rf"\b{short}\b", long, text, flags=re.IGNORECASE)
    return text
