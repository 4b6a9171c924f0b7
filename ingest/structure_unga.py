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
from rescite.ingest.structure_unga_parts import numbered_by_part, part_label, without_parts

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
_PART_NUMERAL = re.compile(r"^\s*([IVXL]{1,6})\.?\s*$")
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
    part: tuple[str, ...] = ()  # ("section-ii",) under a part's roman numeral
    listed: int = 0  # the last item of a numbered list inside an operative paragraph
    last_text: str = ""  # the paragraph before


def parse_unga(lines: list[Line], language: str) -> list[Unit]:
    del language
    state = _State()
    body = _front_matter(lines, state)
    for para in paragraphs(lines[body:], _opens_paragraph):
        for piece in _numeral_apart(para) if state.annex is None else [para]:
            _step(state, piece)
            state.last_text = _text(piece)
    return state.units if numbered_by_part(state.units) else without_parts(state.units)


def _numeral_apart(para: Paragraph) -> list[Paragraph]:
    """A part's numeral glued to the paragraph under it: its title, a running head that repeats
    the resolution's title, was taken out with the blank line between them (A/RES/79/298, I)."""
    if len(para.lines) > 1 and _PART_NUMERAL.match(para.lines[0].text):
        return [Paragraph(para.lines[:1]), Paragraph(para.lines[1:])]
    return [para]


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
        if numeral := _PART_NUMERAL.match(para.lines[0].text):
            _start_part(state, numeral.group(1))
    elif (item := _list_item(state, first)) is not None:
        _list_entry(state, para, item)
    elif (number := _paragraph_number(state, para)) is not None:
        _operative(state, para, number)
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


_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")  # "26" on its line: the full stop left out


def _paragraph_number(state: _State, para: Paragraph) -> int | None:
    """The number of the operative paragraph this one opens, if it opens one: the next number
    (or 1, a part's first); one number on where the one between lost its full stop ("6" for
    "6.") and was glued to the paragraph before; a bare next number above a paragraph that opens
    with a verb."""
    first = para.lines[0].text
    if match := _OPERATIVE.match(first):
        number = int(match.group(1))
        skipped = number == state.operative + 2 and state.in_operative
        if number in {state.operative + 1, 1} or (skipped and _opens_with_a_verb(para)):
            return number
        return None
    bare = _BARE_NUMBER.match(first)
    if bare and int(bare.group(1)) == state.operative + 1 and state.in_operative:
        return state.operative + 1 if _opens_with_a_verb(para) else None
    return None


def _opens_with_a_verb(para: Paragraph) -> bool:
    return unga_operative_opening(_NUMBER.sub("", _text(para), count=1)) is not None


_NUMBER = re.compile(r"^\s*\d{1,3}\.?(?:\s+|$)")


def _list_item(state: _State, first: str) -> int | None:
    """The number of an item of a list that an operative paragraph introduces (the agenda
    A/RES/78/223 para. 11 approves): numbered from 1 after a colon, then on, until the
    paragraph after it."""
    match = _OPERATIVE.match(first)
    if match is None or not state.in_operative or state.paragraph is None:
        return None
    number = int(match.group(1))
    opens = number == 1 and not state.listed and state.last_text.rstrip().endswith(":")
    return number if opens or (state.listed and number == state.listed + 1) else None


def _list_entry(state: _State, para: Paragraph, number: int) -> None:
    state.listed = number
    parent = next(unit for unit in reversed(state.units) if unit.section is Section.OPERATIVE)
    labels = (*state.part, str(state.paragraph), str(number))
    label = f"{state.paragraph} ({number})"
    state.units.append(replace(parent, start=para.start, end=para.end, labels=labels, label=label))


def _is_part_heading(state: _State, para: Paragraph) -> bool:
    """A part's heading ("II", "II Activities of the Independent Audit Advisory Committee";
    between preambular paragraphs, "Multilingualism"): no clause, and nothing to glue onto the
    clause before it."""
    text = _text(para)
    if len(para.lines) == 1 and _PART_NUMERAL.match(text):
        return True
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


def _start_part(state: _State, numeral: str) -> None:
    """A part ("II") numbers its preambular and operative paragraphs afresh in most budget
    resolutions; its clauses are cited "sect. II, para. 1"."""
    state.part = (part_label(numeral),)
    state.preamble_count = state.listed = 0
    state.in_operative = False


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
            (*state.part, number),
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
    state.listed = 0
    opening = unga_operative_opening(_NUMBER.sub("", _text(para), count=1))
    state.paragraph = str(number) if number else None
    state.units.append(
        Unit(
            Section.OPERATIVE,
            para.start,
            para.end,
            (*state.part, str(number)) if number else state.part,
            str(number) if number else None,
            keyword=opening[0] if opening else None,
            keyword_en=opening[1] if opening else None,
            addressee=opening[2] if opening else None,
        )
    )


def _sub_item(state: _State, para: Paragraph) -> None:
    parent = state.units[-1] if state.units else None
    section = Section.ANNEX if state.annex else Section.OPERATIVE
    prefix = (_container(state) or state.part) + ((state.paragraph,) if state.paragraph else ())
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
