"""Item markers (1, 1.1, a), ii), (a), (i)) and the nesting rules that keep them in sequence.

A line that starts with a marker opens an item only when the marker continues a list that is
open (2 after 1, b) after a)) or starts a new one where a list may start; otherwise it is a
wrapped line that happens to start with "1994)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MARKER = re.compile(
    r"^\s*(?:"
    r"\((?P<pa>[a-z]{1,2}|[ivxlc]+)\)"
    r"|(?P<al>[a-z])(?P<bis>\s?(?:bis|ter|quater))?\)"
    r"|(?P<ro>[ivxlc]+)\)"
    r"|(?P<num>\d{1,3}(?:\.\d{1,3})*)(?:\.(?=\s)|\))?"
    r")(?=\s|$)"
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True)
class Marker:
    kind: str  # "num", "dec", "alpha", "roman"
    value: str  # "1", "1.1", "a", "a bis", "ii"
    end: int  # offset in the line after the marker
    display: str  # as cited: "1", "a)", "(a)", "ii)"


def parse_marker(line: str) -> list[Marker]:
    """Possible readings of the marker opening `line` (a letter may also be a roman numeral)."""
    match = _MARKER.match(line)
    if match is None:
        return []
    end = match.end()
    if match.group("num"):
        value = match.group("num")
        kind = "dec" if "." in value else "num"
        return [Marker(kind, value, end, value)]
    if match.group("pa"):
        value = match.group("pa")
        readings = []
        if len(value) == 1 or value == value[0] * 2:
            readings.append(Marker("alpha", value, end, f"({value})"))
        if _roman_value(value):
            readings.append(Marker("roman", value, end, f"({value})"))
        return readings
    if match.group("al"):
        letter = match.group("al")
        bis = (match.group("bis") or "").strip()
        value = f"{letter} {bis}" if bis else letter
        readings = [Marker("alpha", value, end, f"{value})")]
        if not bis and _roman_value(letter):
            readings.append(Marker("roman", letter, end, f"{letter})"))
        return readings
    value = match.group("ro")
    return [Marker("roman", value, end, f"{value})")] if _roman_value(value) else []


def _roman_value(text: str) -> int:
    if not text or any(ch not in _ROMAN for ch in text):
        return 0
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN[ch]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def _ordinal(marker: Marker) -> int:
    if marker.kind == "num":
        return int(marker.value)
    if marker.kind == "dec":
        return int(marker.value.rsplit(".", 1)[1])
    if marker.kind == "roman":
        return _roman_value(marker.value)
    letter = marker.value.split(" ")[0]
    if len(letter) == 2:
        return 26 + ord(letter[0]) - ord("a") + 1
    return ord(letter) - ord("a") + 1


def _follows(previous: Marker, marker: Marker) -> bool:
    if marker.kind != previous.kind:
        return False
    if marker.value.endswith(("bis", "ter", "quater")):
        return marker.value.split(" ")[0] == previous.value.split(" ")[0]
    if marker.kind == "dec":
        prefix_ok = marker.value.rsplit(".", 1)[0] == previous.value.rsplit(".", 1)[0]
        return prefix_ok and _ordinal(marker) == _ordinal(previous) + 1
    return _ordinal(marker) == _ordinal(previous) + 1


@dataclass
class ItemStack:
    """The open lists, outermost first."""

    levels: list[Marker] = field(default_factory=list)

    def accept(self, readings: list[Marker], may_start: bool) -> bool:
        """Push/advance the stack if a reading fits; False when the line is no item."""
        for depth in range(len(self.levels) - 1, -1, -1):
            for marker in readings:
                if _follows(self.levels[depth], marker):
                    del self.levels[depth:]
                    self.levels.append(marker)
                    return True
        for marker in readings:
            if self._starts_list(marker, may_start):
                self.levels.append(marker)
                return True
        return False

    def _starts_list(self, marker: Marker, may_start: bool) -> bool:
        if any(level.kind == marker.kind for level in self.levels if marker.kind != "dec"):
            return False
        if marker.kind == "dec":
            parent = self.levels[-1] if self.levels else None
            return parent is not None and marker.value == f"{parent.value}.1"
        return _ordinal(marker) == 1 and (may_start or not self.levels)

    def labels(self) -> tuple[str, ...]:
        return tuple(level.value.replace(" ", "-") for level in self.levels)

    def display(self, parenthesised: bool = False) -> str:
        if parenthesised:
            return " ".join(
                level.value if level.kind == "num" else f"({level.value})" for level in self.levels
            )
        return " ".join(level.display for level in self.levels)
