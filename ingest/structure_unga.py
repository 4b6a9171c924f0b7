"""UN General Assembly resolutions.

Title (`79/243. ...`), formula (`The General Assembly,`), preambular paragraphs (by order,
keyword = opening phrase), operative paragraphs numbered `1.` (keyword = opening verb),
sub-items (a), (i), and annexes (a convention's articles and their numbered paragraphs).
Paragraphs are separated by blank lines, or are one per line in texts written that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rescite.core.records import Section
from rescite.ingest.keywords import unga_operative_opening, unga_preamble_opening
from rescite.ingest.parse_build import Unit
from rescite.ingest.parse_lines import Line
from rescite.ingest.parse_noise import UNGA_FORMULA
from rescite.ingest.structure_items import ItemStack, parse_marker
from rescite.ingest.structure_paragraphs import Paragraph, paragraphs

TITLE = re.compile(
    r"^\s*(?:(?:ES-|S-)?\d{1,3}/\d{1,3}(?:\s+[A-Z])?\s*\.|\d{2,4}\s+\([IVXL]+\)\.)\s"
)
_OPERATIVE = re.compile(r"^\s*(\d{1,3})\.(?:\s+|$)")
_ITEM = re.compile(r"^\s*\((?:[a-z]{1,2}|[ivxl]+)\)(?:\s|$)")
_ANNEX = re.compile(r"^\s*Annex(?:es)?(?:\s+[IVXL\d]+)?\s*$")
_ARTICLE = re.compile(r"^\s*Article\s+(\d+)(?:\s+(bis|ter))?\b")
_CLOSING = re.compile(
    r"^\s*\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting", re.IGNORECASE
)
# A part's heading: a roman numeral alone on its line (its title may follow), or a short line
# that opens no paragraph and ends no sentence ("Multilingualism").
_PART_NUMERAL = re.compile(r"^\s*[IVXL]{1,6}\.?\s*$")
_HEADING_CHARS = 80
_PART_TITLE_CHARS, _PART_TITLE_LINES = 320, 5  # "II Implementation of the 1995 Agreement …"


@dataclass
class _State:
    units: list[Unit] = field(default_factory=list)
    preamble_count: int = 0
    operative: int = 0
    in_operative: bool = False
    closed: bool = False
    annex: str | None = None
    annex_count: int = 0
    article: str | None = None
    ordinal: int = 0
    stack: ItemStack = field(default_factory=ItemStack)
    paragraph: str | None = None
    preamble_tail: str | None = None  # the last paragraph's text while a preamble is open
    after_heading: bool = False


def parse_unga(lines: list[Line], language: str) -> list[Unit]:
    del language
    state = _State()
    body = _front_matter(lines, state)
    for para in paragraphs(lines[body:], _opens_paragraph):
        _step(state, para)
    return state.units


def _front_matter(lines: list[Line], state: _State) -> int:
    """The index of the body's first line, past the title and the formula (a text that lost its
    formula line, A/RES/78/225, starts after its title)."""
    formula = next((i for i, line in enumerate(lines[:80]) if UNGA_FORMULA.match(line.text)), None)
    if formula is None:
        return _past_title(lines, state)
    title = next((i for i, line in enumerate(lines[:formula]) if TITLE.match(line.text)), None)
    if title is not None:
        state.units.append(Unit(Section.TITLE, lines[title].start, lines[formula - 1].end))
    state.units.append(Unit(Section.FORMULA, lines[formula].start, lines[formula].end))
    return formula + 1


def _past_title(lines: list[Line], state: _State) -> int:
    title = next((i for i, line in enumerate(lines[:80]) if TITLE.match(line.text)), None)
    if title is None:
        return 0
    end = next((i for i in range(title + 1, len(lines)) if lines[i].blank_before), len(lines))
    state.units.append(Unit(Section.TITLE, lines[title].start, lines[end - 1].end))
    return end


def _opens_paragraph(text: str) -> bool:
    return bool(
        _OPERATIVE.match(text) or _ITEM.match(text) or _ARTICLE.match(text) or _CLOSING.match(text)
    )


def _step(state: _State, para: Paragraph) -> None:
    first = para.lines[0].text
    after_heading, state.after_heading = state.after_heading, False
    if _ANNEX.match(first):
        _start_annex(state, para)
    elif state.annex is not None:
        _annex_paragraph(state, para)
    elif _CLOSING.match(first):
        state.closed = True
    elif state.closed:
        return
    elif _is_part_heading(state, para) or (after_heading and _is_part_title(para)):
        state.after_heading = True
        state.preamble_tail = None
    elif (match := _OPERATIVE.match(first)) and int(match.group(1)) in {state.operative + 1, 1}:
        _operative(state, para, int(match.group(1)))
    elif (
        state.in_operative
        and (readings := parse_marker(first))
        and state.stack.accept(readings, True)
    ):
        _sub_item(state, para)
    elif state.in_operative and after_heading and unga_preamble_opening(first) is not None:
        state.in_operative = False
        _preambular(state, para)
    elif state.in_operative:
        _extend(state, para)
    elif _continues_preamble(state, para):
        _extend(state, para)
        state.preamble_tail = _text(para)
    elif _unnumbered_operative(para, state):
        _operative(state, para, 0)
    else:
        _preambular(state, para)


def _is_part_heading(state: _State, para: Paragraph) -> bool:
    """A part's heading ("II", "II Activities of the Independent Audit Advisory Committee";
    between preambular paragraphs, "Multilingualism"): no clause, and nothing to glue onto the
    clause before it."""
    text = _text(para)
    if _CONCLUDED_PREAMBLE.search(text) or len(para.lines) > _PART_TITLE_LINES:
        return False
    if _PART_NUMERAL.match(para.lines[0].text):
        return len(text) <= _PART_TITLE_CHARS
    first = para.lines[0].text.strip()
    tail = state.preamble_tail
    return (
        len(text) <= _HEADING_CHARS
        and not state.in_operative
        and (tail is None or bool(_CONCLUDED_PREAMBLE.search(tail)))
        and len(para.lines) == 1
        and first[:1].isupper()
        and unga_preamble_opening(first) is None
        and unga_operative_opening(first) is None
    )


def _is_part_title(para: Paragraph) -> bool:
    """The title on its own line under a part's numeral ("Calendar of conferences and
    meetings")."""
    text = _text(para)
    return (
        len(para.lines) <= _PART_TITLE_LINES
        and len(text) <= _PART_TITLE_CHARS
        and not _CONCLUDED_PREAMBLE.search(text)
    )


def _continues_preamble(state: _State, para: Paragraph) -> bool:
    """The rest of a preambular paragraph a page break cut: the paragraph before ends no clause
    ("… in accordance with"), or this one goes on in lower case ("many of whom …"), and it
    opens with no keyword of its own."""
    tail = state.preamble_tail
    first = para.lines[0].text.strip()
    if tail is None or unga_preamble_opening(first) is not None:
        return False
    return not _CONCLUDED_PREAMBLE.search(tail) or first[:1].islower()


def _unnumbered_operative(para: Paragraph, state: _State) -> bool:
    """A resolution with one operative paragraph does not number it ("Adopts the ..."): a
    sentence that ends the resolution's body ("… its recommendations.", "Decides:"), or follows
    the formula. Not a page's running head ("Commodities") nor the rest of a preambular
    paragraph ("Systems, established under …,"), though their first words end in -s too."""
    first = para.lines[0].text.strip()
    if unga_preamble_opening(first) is not None or unga_operative_opening(first) is None:
        return False
    return not state.preamble_count or bool(_CONCLUDED.search(_text(para)))


# An operative paragraph's end: a full stop or a colon, perhaps followed by a closing quote or a
# footnote mark; a preambular paragraph's, a comma or semicolon too.
_CONCLUDED = re.compile(r"[.:][”’\"')\]]?\s*\d{0,3}\s*$")
_CONCLUDED_PREAMBLE = re.compile(r"[.:,;][”’\"')\]]?\s*[\d*]{0,3}\s*$")


def _text(para: Paragraph) -> str:
    return " ".join(line.text.strip() for line in para.lines)


def _preambular(state: _State, para: Paragraph) -> None:
    state.preamble_count += 1
    state.preamble_tail = _text(para)
    opening = unga_preamble_opening(" ".join(line.text.strip() for line in para.lines[:2]))
    number = str(state.preamble_count)
    state.units.append(
        Unit(
            Section.PREAMBLE,
            para.start,
            para.end,
            (number,),
            number,
            keyword=opening[0] if opening else None,
            keyword_en=opening[1] if opening else None,
        )
    )


def _operative(state: _State, para: Paragraph, number: int) -> None:
    state.preamble_tail = None
    state.operative = number
    state.in_operative = True
    state.stack = ItemStack()
    opening = unga_operative_opening(_OPERATIVE.sub("", _text(para), count=1))
    state.paragraph = str(number) if number else None
    state.units.append(
        Unit(
            Section.OPERATIVE,
            para.start,
            para.end,
            (str(number),) if number else (),
            str(number) if number else None,
            keyword=opening[0] if opening else None,
            keyword_en=opening[1] if opening else None,
            addressee=opening[2] if opening else None,
        )
    )


def _sub_item(state: _State, para: Paragraph) -> None:
    parent = state.units[-1] if state.units else None
    section = Section.ANNEX if state.annex else Section.OPERATIVE
    prefix = _container(state) + ((state.paragraph,) if state.paragraph else ())
    label = " ".join(filter(None, [state.paragraph, state.stack.display(parenthesised=True)]))
    if state.annex and state.article:
        label = f"Article {state.article}, para. {label}"
    state.units.append(
        Unit(
            section,
            para.start,
            para.end,
            prefix + state.stack.labels(),
            label,
            keyword=parent.keyword if parent and section is Section.OPERATIVE else None,
            keyword_en=parent.keyword_en if parent and section is Section.OPERATIVE else None,
            addressee=parent.addressee if parent and section is Section.OPERATIVE else None,
        )
    )


def _extend(state: _State, para: Paragraph) -> None:
    if not state.units:
        return
    state.units[-1] = replace(state.units[-1], end=para.end)


def _is_title(para: Paragraph) -> bool:
    """An article's title under its heading ("Protection of sovereignty")."""
    text = " ".join(line.text.strip() for line in para.lines)
    return (
        len(text) < 120 and not text.endswith((".", ";", ":", ",")) and not _OPERATIVE.match(text)
    )


def _container(state: _State) -> tuple[str, ...]:
    if state.annex is None:
        return ()
    return (state.annex, f"article-{state.article}") if state.article else (state.annex,)


def _start_annex(state: _State, para: Paragraph) -> None:
    state.annex_count += 1
    state.annex = "annex" if state.annex_count == 1 else f"annex-{state.annex_count}"
    state.article, state.paragraph, state.ordinal = None, None, 0
    state.stack = ItemStack()
    state.units.append(Unit(Section.ANNEX, para.start, para.end, (state.annex, "title"), "Annex"))


def _annex_paragraph(state: _State, para: Paragraph) -> None:
    first = para.lines[0].text
    article = _ARTICLE.match(first)
    if article:
        state.article = "-".join(filter(None, article.groups()))
        state.paragraph, state.stack, state.ordinal = None, ItemStack(), 0
        label = f"Article {state.article}"
        state.units.append(Unit(Section.ANNEX, para.start, para.end, _container(state), label))
        return
    last = state.units[-1] if state.units else None
    if last is not None and last.label == f"Article {state.article}" and _is_title(para):
        _extend(state, para)
        return
    number = _OPERATIVE.match(first)
    if number:
        state.paragraph, state.stack = number.group(1), ItemStack()
        label = (
            f"Article {state.article}, para. {state.paragraph}"
            if state.article
            else state.paragraph
        )
        labels = (*_container(state), state.paragraph)
        state.units.append(Unit(Section.ANNEX, para.start, para.end, labels, label))
        return
    readings = parse_marker(first)
    if readings and readings[0].kind != "num" and state.stack.accept(readings, True):
        _sub_item(state, para)
        return
    state.ordinal += 1
    labels = (*_container(state), f"p{state.ordinal}")
    state.units.append(Unit(Section.ANNEX, para.start, para.end, labels, None))
