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
from rescite.ingest.structure_items import ItemStack, Marker, parse_marker
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
    r"^\s*(?:Article|ARTICLE|Artículo|ARTÍCULO|Статья|СТАТЬЯ|المادة|Art\.)\s+(\d+[A-Z]?|[٠-٩]+|premier)\b"
    r"(?![ \t]*[a-z,;(])"  # not running text: "Article 19 of this Convention, or"
    r"|^\s*第([〇零一二三四五六七八九十百]+)条"
)
_PREAMBLE = re.compile(
    r"^\s*(?:Preamble|Préambule|Preámbulo|Преамбула|序言|الديباجة)\s*$", re.IGNORECASE
)
_MARGIN_NOTE = re.compile(r"^(?:(?:PP|WRC|WTSA|WTDC)-\d\d\s*)+$")
# A provision's number in the margin (annexes: No. 1001), not a line of running text that starts
# with a number ("246H of the Convention."); an item's roman number may follow ("269B ii) …").
_PROVISION = re.compile(
    r"^\s*(\d{1,3}[A-Z]{0,2}(?: (?:bis|ter)\b)?|1[0-8]\d\d[A-Z]?)\s+(?=\S)(?![a-z]{2,}\b(?!\)))"
)
_SECTION_HEADING = re.compile(
    r"^\s*(\d{1,2}(?:\.\d{1,2})*)\s+(?=[A-ZА-ЯÀ-Ýء-ي\u4e00-\u9fff])[^.;:]{1,90}$"
)


@dataclass
class _State:
    units: list[Unit] = field(default_factory=list)
    section: Section = Section.BODY
    article: str | None = None
    paragraph: str | None = None
    ordinal: int = 0
    stack: ItemStack = field(default_factory=ItemStack)
    provisions: bool = False
    pending: list[tuple[Paragraph, tuple[str, ...] | None, str | None]] = field(
        default_factory=list
    )
    after_heading: bool = False
    seen_heading: bool = False
    kind: str = "article"  # or "section" (numbered sections of a Recommendation)
    margin: str | None = None  # the Constitution's provision number ("No. 28A")
    # Arabic texts write a section's number minor part first ("2.7" is section 7.2, read from
    # the right): ids follow the other language versions, major part first.
    right_to_left: bool = False


def parse_body(lines: list[Line], language: str) -> list[Unit]:
    state = _State(provisions=_has_margin_numbers(lines), right_to_left=language == "ar")
    for para in paragraphs(lines):
        for line_group in _split_provisions(para, state.provisions):
            _step(state, line_group)
    _flush(state)
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
    """`ARTICLE 5`, `PREAMBLE`, or a line in capitals (`CHAPTER I`, `SECTION 2`) that is neither a
    margin note of an amending conference (`PP-98`) nor a suppressed provision (`29 (SUP)`)."""
    stripped = text.strip()
    if _ARTICLE.match(stripped) or _PREAMBLE.match(stripped):
        return True
    numbered = _PROVISION.match(stripped) or _MARGIN_NOTE.match(stripped)
    return stripped.isupper() and not numbered


def _article_number(match: re.Match[str]) -> str:
    if match.group(1):
        digits = match.group(1)
        if digits == "premier":
            return "1"
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
        _flush(state)
        state.section, state.article, state.ordinal = Section.PREAMBLE, None, 0
        state.seen_heading = True
        return
    if state.provisions and _is_heading(first) and not article:
        _flush(state)
        state.article, state.after_heading = None, True
        return
    if state.after_heading and state.provisions and not article and _is_article_title(para):
        state.after_heading = False
        return
    section_heading = _SECTION_HEADING.match(first)
    if section_heading and not state.provisions and len(para.lines) == 1:
        _flush(state)
        number = section_heading.group(1)
        if state.right_to_left:
            number = ".".join(reversed(number.split(".")))
        state.section, state.article, state.kind = Section.BODY, number, "section"
        state.paragraph, state.ordinal, state.stack = None, 0, ItemStack()
        state.seen_heading = True
        return
    if article:
        _flush(state)
        state.kind = "article"
        state.section, state.article = Section.BODY, _article_number(article)
        state.paragraph, state.ordinal, state.stack = None, 0, ItemStack()
        state.after_heading = state.seen_heading = True
        return
    if state.provisions and state.article and state.after_heading and _is_article_title(para):
        state.after_heading = False
        return
    state.after_heading = False
    _content(state, para, first)


def _is_article_title(para: Paragraph) -> bool:
    """The title under `ARTICLE 5` in the Constitution ("Definitions"), on up to 3 lines."""
    text = " ".join(line.text.strip() for line in para.lines)
    short = len(para.lines) <= 3 and len(text) < 120
    return short and not _PROVISION.match(text) and not text.endswith((".", ";", ":", ","))


def _content(state: _State, para: Paragraph, first: str) -> None:
    text = first
    state.margin = None
    if state.provisions and (provision := _PROVISION.match(text)):
        text = text[provision.end() :]
        state.margin = provision.group(1)
    readings = parse_marker(text)
    if state.article is not None:
        _article_content(state, para, readings)
        return
    state.ordinal += 1
    if state.section is Section.PREAMBLE:
        number = str(state.ordinal)
        state.units.append(Unit(Section.PREAMBLE, para.start, para.end, (number,), number))
    elif not state.seen_heading and not state.units:
        state.units.append(Unit(Section.TITLE, para.start, para.end))
    else:
        labels = (f"p{state.ordinal}",)
        state.units.append(Unit(Section.BODY, para.start, para.end, labels, None))


def _article_content(state: _State, para: Paragraph, readings: list[Marker]) -> None:
    margin = f" (No. {state.margin})" if state.margin else ""
    if readings and readings[0].kind == "num":
        state.paragraph, state.stack = readings[0].value, ItemStack()
        label = f"{state.kind.capitalize()} {state.article}, para. {state.paragraph}{margin}"
        state.pending.append((para, (state.paragraph,), label))
        return
    if readings and readings[0].kind in {"alpha", "roman"} and state.stack.accept(readings, True):
        prefix = (state.paragraph,) if state.paragraph else ()
        label = f"{state.kind.capitalize()} {state.article}, " + " ".join(
            filter(None, [state.paragraph, state.stack.display()])
        )
        state.pending.append((para, prefix + state.stack.labels(), label + margin))
        return
    state.pending.append((para, None, f"No. {state.margin}" if state.margin else None))


def _flush(state: _State) -> None:
    """Emit an article's units: a lone unnumbered paragraph is the article itself; several
    are numbered by order (`article-2/1`, `article-2/2`)."""
    if state.article is None or not state.pending:
        state.pending = []
        return
    unnumbered = [entry for entry in state.pending if entry[1] is None]
    numbered = len(unnumbered) < len(state.pending)
    count = 0
    for para, labels, label in state.pending:
        if labels is None:
            count += 1
            name = f"{state.kind.capitalize()} {state.article}"
            margin = f" ({label})" if label else ""
            if len(unnumbered) == 1 and not numbered:
                labels, label = (), name + margin
            else:
                labels = (f"p{count}",) if numbered else (str(count),)
                label = f"{name}, para. {count}{margin}" if not numbered else name + margin
        prefix = (f"{state.kind}-{state.article}",)
        state.units.append(Unit(Section.BODY, para.start, para.end, prefix + labels, label))
    state.pending = []
