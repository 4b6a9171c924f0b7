"""ITU resolutions (PP, WTSA, WTDC), decisions and recommendations, in any UN language.

Header and title, the enacting formula, keyword sections (a heading line such as
`considering further` or `instructs the Secretary-General`) with their items, and annexes.

A section may hold rules in numbered sections of their own: WTSA Resolution 1 resolves the
working methods of ITU-T as "SECTION 1" to "SECTION 9", each of numbered provisions ("1.6",
"1bis.2.1", "9.3.4") with their items. Each provision is a clause of that section
(`operative/resolves/1.6`, `operative/resolves/1.10/a`), an unnumbered paragraph goes with the
provision before it, and the section headings are no clause; a figure's caption, with the
notes above it, is a clause (`operative/resolves/figure-9.1`). The rules run to the annexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rescite.core.records import Section
from rescite.ingest.keywords import KeywordMatch, match_heading
from rescite.ingest.parse_build import Unit
from rescite.ingest.parse_lines import Line
from rescite.ingest.structure_folded import unfold_lines
from rescite.ingest.structure_items import ItemStack, parse_marker
from rescite.ingest.structure_paragraphs import line_mode

_HEADER = re.compile(
    r"^\s*(?:(?:RESOLUTION|DECISION|RECOMMENDATION|R[EÉ]SOLUTION|RESOLUCI[OÓ]N|РЕЗОЛЮЦИЯ|"
    r"DÉCISION|DECISIÓN|РЕШЕНИЕ)\s+\d+|第\s*\d+\s*号决议|القرار\s+\d+)",
)
_FORMULA = re.compile(
    r"^\s*(?:The (?:Plenipotentiary Conference|World Telecommunication|"
    r"Radiocommunication Assembly|Conference)|La Conf[ée]rencia?|La Asamblea|L'Assembl[ée]e|"
    r"Полномочная конференция|Всемирная ассамблея|إن مؤتمر|"
    r".{0,30}国际电信联盟.{0,20}(?:全权代表大会|全会|大会))"
)
_ANNEX = re.compile(
    r"^\s*(?:ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment|ANNEXE|Annexe|ANEXO|Anexo|"
    r"ПРИЛОЖЕНИЕ|Приложение|附件|ملحق)\b(?!\s+(?:to|of)\s+(?:this|the)\s+[a-z])"
)


_DANGLING = re.compile(r"\b(?:and|the|of|for|in|with|and the)\s*$|,\s*$")
_HISTORY = re.compile(r"^\s*\((?:Rev\.\s*)?[A-Z][A-Za-z .-]+,\s*\d{4}\)\s*(?:[–-]|$)")
_RULES_SECTION = re.compile(r"^\s*SECTION\s+\d+(?:bis|ter)?\s*$", re.IGNORECASE)
_RULE = re.compile(r"^\s*(\d+(?:bis|ter)?(?:\.\d+)+)\s+\S")
# A figure of the rules: its caption ("Figure 9.1 – …") after its notes ("NOTE 1 – …"); the
# figure itself is not in the text
_FIGURE = re.compile(r"^\s*Figure\s+(\d{1,2}(?:\.\d{1,2})*[a-z]?)\s+[–-]\s")
_FIGURE_NOTE = re.compile(r"^\s*NOTE\s+\d{1,2}\s+[–-]\s")


@dataclass
class _State:
    units: list[Unit] = field(default_factory=list)
    section: Section = Section.BODY
    keyword: KeywordMatch | None = None
    stack: ItemStack = field(default_factory=ItemStack)
    open_start: int | None = None
    open_end: int = 0
    open_labels: tuple[str, ...] = ()
    open_label: str | None = None
    open_lines: int = 0
    prev_text: str = ""
    annex_count: int = 0
    annex_ordinal: int = 0
    history: bool = False
    per_line: bool = False
    path_keyword: str | None = None
    seen_keywords: dict[str, int] = field(default_factory=dict)
    rule: str | None = None  # the numbered provision open in a section of rules ("1.6")
    in_rules: bool = False  # past a "SECTION 1" heading inside a keyword section, until an annex
    rules_heading: bool = False  # the next line is a rules section's title
    notes: tuple[int, int] | None = None  # a figure's notes: (their start, the text's end before)

    def set_keyword(self, heading: KeywordMatch) -> None:
        """A keyword section; a second section with the same keyword gets `-2` in its id."""
        count = self.seen_keywords.get(heading.keyword_en, 0) + 1
        self.seen_keywords[heading.keyword_en] = count
        suffix = f" {count}" if count > 1 else ""
        self.keyword, self.section, self.stack = heading, heading.section, ItemStack()
        self.path_keyword = heading.keyword_en + suffix

    def close(self) -> None:
        if self.open_start is None:
            return
        keyword = self.keyword
        self.units.append(
            Unit(
                section=self.section,
                start=self.open_start,
                end=self.open_end,
                labels=self.open_labels,
                label=self.open_label,
                keyword=keyword.keyword if keyword else None,
                keyword_en=keyword.keyword_en if keyword else None,
                addressee=keyword.addressee if keyword else None,
                path_keyword=self.path_keyword,
            )
        )
        self.open_start = None

    def open(self, line: Line, labels: tuple[str, ...], label: str | None) -> None:
        self.close()
        self.open_start, self.open_end = line.start, line.end
        self.open_labels, self.open_label = labels, label
        self.open_lines = 1


def parse_itu(lines: list[Line], language: str) -> list[Unit]:
    state = _State()
    body_start = _front_matter(lines, state, language)
    state.per_line = line_mode(lines[body_start:])
    unfolded = unfold_lines(lines[body_start:], language, state.per_line)
    body = _join_wrapped_headings(unfolded, language)
    for line in body:
        if _HISTORY.match(line.text):
            state.close()
            state.keyword, state.section, state.path_keyword = None, Section.BODY, None
            state.history = True
            continue
        if state.history and not _ANNEX.match(line.text):
            continue
        state.history = False
        _step(state, line, language)
        state.prev_text = line.stripped
    state.close()
    return state.units


def _join_wrapped_headings(lines: list[Line], language: str) -> list[Line]:
    """A heading wrapped over several lines ("instructs the Director of the ...," / "in
    close consultation with the Directors of the" / "three Bureaux") becomes one line."""
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if match_heading(line.text, language) is None:
            joined.append(line)
            continue
        while index < len(lines) and _continues_heading(line, lines[index], language):
            follower = lines[index]
            line = Line(line.start, follower.end, line.text.rstrip() + " " + follower.text.strip())
            index += 1
        joined.append(line)
    return joined


def _continues_heading(heading: Line, follower: Line, language: str) -> bool:
    text = follower.text.strip()
    if not text or parse_marker(text) or text.endswith((".", ";", ":")):
        return False
    if language == "en" and re.match(r"(?:to|that)\b", text):
        return False
    if language != "en" and not _DANGLING.search(heading.text):
        return False
    merged = heading.text.rstrip() + " " + text
    return match_heading(merged, language) is not None and match_heading(text, language) is None


def _front_matter(lines: list[Line], state: _State, language: str) -> int:
    """Title and formula units; returns the index of the first body line."""
    formula = next((i for i, line in enumerate(lines[:40]) if _FORMULA.match(line.text)), None)
    if formula is None:
        return 0
    header = next((i for i, line in enumerate(lines[:formula]) if _HEADER.match(line.text)), None)
    if header is None:
        for index, line in enumerate(lines[:formula]):
            state.units.append(Unit(Section.BODY, line.start, line.end, (str(index + 1),)))
    else:
        for index, line in enumerate(lines[:header]):
            state.units.append(Unit(Section.BODY, line.start, line.end, (str(index + 1),)))
        state.units.append(Unit(Section.TITLE, lines[header].start, lines[formula - 1].end))
    end = formula
    while (
        end < min(len(lines) - 1, formula + 4)
        and not lines[end].stripped.endswith((",", "，", "،", ":"))
        and match_heading(lines[end + 1].text, language) is None
    ):
        end += 1
    state.units.append(Unit(Section.FORMULA, lines[formula].start, lines[end].end))
    return end + 1


def _step(state: _State, line: Line, language: str) -> None:
    if _ANNEX.match(line.text) and len(line.stripped) < 120:
        _start_annex(state, line)
        return
    if state.section is Section.ANNEX:
        _annex_line(state, line)
        return
    if state.keyword is not None and _RULES_SECTION.match(line.text):
        state.close()
        state.in_rules, state.rules_heading, state.rule = True, True, None
        return
    if state.in_rules:
        _rules_line(state, line)
        return
    heading = match_heading(line.text, language)
    if heading is not None:
        state.close()
        state.set_keyword(heading)
        state.prev_text = ":"
        return
    readings = parse_marker(line.text)
    may_start = state.keyword is not None and (
        not state.stack.levels or state.prev_text.endswith((":", "：")) or _is_heading_end(state)
    )
    if readings and state.keyword is not None and state.stack.accept(readings, may_start):
        state.open(line, state.stack.labels(), state.stack.display())
        return
    if state.open_start is None:
        if state.section is Section.BODY and state.keyword is None:
            state.units.append(
                Unit(Section.BODY, line.start, line.end, (f"{len(state.units) + 1}",))
            )
            return
        state.open(line, state.stack.labels(), state.stack.display() or None)
        return
    state.open_end = line.end


def _rules_line(state: _State, line: Line) -> None:
    """A line of a section of rules: its title, a numbered provision, an item of one, or more
    of the provision open."""
    if state.rules_heading:
        state.rules_heading = False
        return
    if figure := _FIGURE.match(line.text):
        _figure(state, line, figure.group(1))
        return
    if _FIGURE_NOTE.match(line.text) and state.notes is None and state.open_start is not None:
        state.notes = (line.start, state.open_end)
    if rule := _RULE.match(line.text):
        state.rule, state.stack, state.notes = rule.group(1), ItemStack(), None
        state.open(line, (state.rule,), state.rule)
        return
    readings = parse_marker(line.text)
    may_start = state.prev_text.endswith((":", "："))
    if state.rule and readings and state.stack.accept(readings, may_start):
        state.open(
            line, (state.rule, *state.stack.labels()), f"{state.rule} {state.stack.display()}"
        )
        return
    if state.open_start is None:
        state.open(line, (state.rule,) if state.rule else (), state.rule)
        return
    state.open_end = line.end


def _figure(state: _State, line: Line, number: str) -> None:
    """A figure's caption, with the notes above it, is a clause of its own
    (`operative/resolves/figure-9.1`), not the end of the provision before it."""
    start = line.start
    if state.notes is not None:
        start, state.open_end = state.notes
    state.open(line, (f"figure-{number}",), f"Figure {number}")
    state.open_start, state.notes = start, None


def _is_heading_end(state: _State) -> bool:
    return state.open_start is None


def _start_annex(state: _State, line: Line) -> None:
    state.close()
    state.annex_count += 1
    state.section, state.keyword, state.stack = Section.ANNEX, None, ItemStack()
    state.path_keyword = None
    state.annex_ordinal = 0
    state.open(line, _annex_labels(state, ("title",)), None)


def _annex_labels(state: _State, labels: tuple[str, ...]) -> tuple[str, ...]:
    name = "annex" if state.annex_count == 1 else f"annex-{state.annex_count}"
    return (name, *labels)


def _annex_line(state: _State, line: Line) -> None:
    """Annex paragraphs: a new unit at each marker, or after a line that ends a sentence or is
    a heading: short, or a paragraph of one line that ends no sentence (the title line above the
    first item of Decision 5's second annex)."""
    readings = parse_marker(line.text)
    ends_sentence = (
        state.per_line
        or state.prev_text.endswith((".", ";", ":", "。", "；", "："))
        or _heading(state.prev_text, SHORT_HEADING)
        or (bool(readings) and state.open_lines == 1 and _heading(state.prev_text, HEADING_LINE))
    )
    if readings and readings[0].kind in {"num", "dec"} and ends_sentence:
        label = readings[0].value
        state.open(line, _annex_labels(state, (label,)), label)
    elif readings and ends_sentence:
        state.annex_ordinal += 1
        state.open(line, _annex_labels(state, (f"p{state.annex_ordinal}",)), readings[0].display)
    elif ends_sentence or state.open_start is None:
        state.annex_ordinal += 1
        state.open(line, _annex_labels(state, (f"p{state.annex_ordinal}",)), None)
    else:
        state.open_end = line.end
        state.open_lines += 1


SHORT_HEADING = 60  # chars: a line this short that ends no sentence is a heading
HEADING_LINE = 120  # chars: so is a paragraph of one line this short above an item


def _heading(text: str, limit: int) -> bool:
    return len(text) < limit and not text.endswith((",", "-", "–")) and text[:1].isupper()
