"""Texts that are not resolutions: the UDHR, the ITU Constitution and Convention, ITU-T
Recommendations. Clauses follow the text's own units: articles (`Article 5`, `ARTICLE 5`,
`第五条`, `Статья 5`, `المادة 5`), numbered paragraphs inside them, numbered sections
(`6.1`), and otherwise paragraphs by order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rescite.core.records import Section
from rescite.ingest.parse_build import Unit
from rescite.ingest.parse_lines import Line
from rescite.ingest.structure_items import ItemStack, parse_marker
from rescite.ingest.structure_paragraphs import Paragraph, paragraphs

_ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ARTICLE = re.compile(
    r"^\s*(?:Article|ARTICLE|Artículo|ARTÍCULO|Статья|СТАТЬЯ|المادة|Art\.)\s+(\d+[A-Z]?|[٠-٩]+)\b"
    r"|^\s*第([〇零一二三四五六七八九十百]+)条"
)
_PREAMBLE = re.compile(r"^\s*(?:Preamble|PREAMBLE|Préambule|Preámbulo|Преамбула|序言|الديباجة)\s*$")
_PROVISION = re.compile(r"^\s*(\d{1,3}[A-Z]?)\s+(?=\S)")
_SECTION = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\s+(?=[A-ZА-ЯÀ-Ýء-ي\u4e00-\u9fff])")


@dataclass
class _State:
    units: list[Unit] = field(default_factory=list)
    section: Section = Section.BODY
    article: str | None = None
    paragraph: str | None = None
    ordinal: int = 0
    stack: ItemStack = field(default_factory=ItemStack)
    provisions: bool = False
    heading_open: bool = False


def parse_body(lines: list[Line], language: str) -> list[Unit]:
    del language
    state = _State(provisions=_has_margin_numbers(lines))
    for para in paragraphs(lines):
        for line_group in _split_provisions(para, state.provisions):
            _step(state, line_group)
    return state.units


def _has_margin_numbers(lines: list[Line]) -> bool:
    """The Constitution/Convention style: provisions numbered in the margin, `ARTICLE 5`."""
    numbered = sum(1 for line in lines if _PROVISION.match(line.text))
    return numbered > 100 and any(line.text.strip().startswith("ARTICLE") for line in lines)


def _split_provisions(para: Paragraph, provisions: bool) -> list[Paragraph]:
    """In margin-numbered texts each numbered line (or heading line) opens a unit."""
    if not provisions:
        return [para]
    groups: list[list[Line]] = []
    for line in para.lines:
        opens = bool(_PROVISION.match(line.text)) or _is_heading(line.text) or not groups
        if not opens and groups and _is_heading(groups[-1][-1].text):
            opens = True
        if opens:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [Paragraph(tuple(group)) for group in groups]


def _is_heading(text: str) -> bool:
    stripped = text.strip()
    return bool(_ARTICLE.match(stripped)) or stripped.isupper() or bool(_PREAMBLE.match(stripped))


def _article_number(match: re.Match[str]) -> str:
    if match.group(1):
        digits = match.group(1)
        return str(int(digits)) if digits.isdigit() else digits
    return str(_zh_number(match.group(2)))


def _zh_number(text: str) -> int:
    total, current = 0, 0
    for ch in text:
        if ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            current = _ZH_DIGITS.get(ch, 0)
    return total + current


def _step(state: _State, para: Paragraph) -> None:
    first = para.lines[0].text
    article = _ARTICLE.match(first)
    if _PREAMBLE.match(first):
        state.section, state.article, state.ordinal = Section.PREAMBLE, None, 0
        _add(state, para, ("title",), first.strip())
        return
    if article:
        state.section, state.article = Section.BODY, _article_number(article)
        state.paragraph, state.ordinal, state.stack = None, 0, ItemStack()
        _add(state, para, (), f"Article {state.article}")
        state.heading_open = len(para.lines) == 1 and len(first.strip()) < 20
        return
    _content(state, para, first)
    state.heading_open = False


def _content(state: _State, para: Paragraph, first: str) -> None:
    text = first
    if state.provisions and (provision := _PROVISION.match(text)):
        text = text[provision.end() :]
    readings = parse_marker(text)
    if readings and readings[0].kind == "num" and state.article:
        state.paragraph, state.stack = readings[0].value, ItemStack()
        _add(state, para, (state.paragraph,), f"Article {state.article}, para. {state.paragraph}")
        return
    if readings and readings[0].kind in {"alpha", "roman"} and state.stack.accept(readings, True):
        prefix = (state.paragraph,) if state.paragraph else ()
        _add(state, para, prefix + state.stack.labels(), state.stack.display())
        return
    section = _SECTION.match(first)
    if section and not state.article:
        _add(state, para, (section.group(1),), section.group(1))
        return
    if state.heading_open and state.units:
        last = state.units[-1]
        state.units[-1] = Unit(last.section, last.start, para.end, last.labels, last.label)
        state.ordinal += 1
        return
    state.ordinal += 1
    _add(state, para, (f"p{state.ordinal}",) if state.article or state.ordinal > 0 else (), None)


def _add(state: _State, para: Paragraph, labels: tuple[str, ...], label: str | None) -> None:
    prefix = (
        (f"article-{state.article}",) if state.article and state.section is Section.BODY else ()
    )
    state.units.append(Unit(state.section, para.start, para.end, prefix + labels, label))
