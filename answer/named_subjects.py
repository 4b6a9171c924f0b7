"""What a fact question names that a clause answering it must name too: an observance ("the
International Day of Quantum Science and Technology") or a thing known by a coined name
("UNISPACE IV", "the Du3M 2025 programme"), or the years it is asked of ("the contributory
unit for 2028–2031"). Asked its date, its host city or its lead agency, a clause answers only if
it, or its text's title, names that thing (a year also in its text's year): the date of another
international day, the city of another conference, the amount fixed for another period is no
answer."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "International Day of …", "International Year of …", "International Decade for …": the kind
# and the capitalised words of its name, with the small words between them.
_SMALL = ("of", "for", "against", "on", "and", "the", "in", "to")
_OBSERVANCE = re.compile(
    rf"\bInternational\s+(Day|Year|Decade|Week)((?:\s+(?:{'|'.join(_SMALL)})"
    r"|\s+[A-Z][\w'’-]*|,)+)"
)
# A coined name: capitals with a number ("UNISPACE IV", "WTPF-21") or a word with digits inside
# ("Du3M"). Not an ITU conference ("PP-22", "WTDC-22"), which the texts name by city and year,
# nor a Sustainable Development Goal ("SDG 9"), which they spell out.
_COINED = re.compile(
    r"\b[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*[- ](?:[IVX]{1,4}|\d{1,4})\b|\b[A-Z][a-z]*\d+[A-Za-z]*\b"
)
_NOT_COINED = re.compile(r"^(?:PP|WTDC|WTSA|WRC|RA|WCIT|SDGs?|COP|CWG|SG)\b")
# A year or a span of years ("2028–2031", "2024-27"): asked a fact of that time, a clause
# answers only if it, its text's title or the year of its text names one of them.
_YEARS = re.compile(r"\b((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)?\d\d))?\b")


@dataclass(frozen=True)
class Named:
    observance: tuple[str, ...] = ()  # its kind and the words of its name: ("day", "quantum")
    coined: tuple[str, ...] = ()  # "UNISPACE IV", "Du3M"
    observance_written: str = ""  # the observance as the question writes it
    years: tuple[int, ...] = ()  # every year the question names, those of a span between
    years_written: tuple[str, ...] = ()  # "2028–2031"

    @property
    def described(self) -> str:
        """ "International Day of Quantum Science and Technology", "UNISPACE IV"."""
        return " and ".join(name for name in (self.observance_written, *self.coined) if name)

    @property
    def period(self) -> str:
        """ "2028–2031", as the question writes it."""
        return " and ".join(self.years_written)

    def named_by(self, text: str) -> bool:
        """The text names each of them: an observance as "international" and its kind, then
        every word of its name anywhere; a coined name as written (any case)."""
        said = text.lower()
        if self.observance:
            kind, *name = self.observance
            if f"international {kind}" not in said or not all(
                re.search(rf"\b{re.escape(word)}", said) for word in name
            ):
                return False
        if self.years and not any(re.search(rf"\b{year}\b", said) for year in self.years):
            return False
        return all(name.lower() in said for name in self.coined)


def named_in(question: str) -> Named:
    """The observance and the coined names a question names (none: no condition)."""
    observance: tuple[str, ...] = ()
    written = ""
    if match := _OBSERVANCE.search(question):
        words = re.findall(r"[\w'’-]+", match.group(2).lower())
        observance = (match.group(1).lower(), *(word for word in words if word not in _SMALL))
        written = match.group().rstrip(", ")
    coined = tuple(
        dict.fromkeys(
            found.group()
            for found in _COINED.finditer(question)
            if not _NOT_COINED.match(found.group())
        )
    )
    spans = [
        found
        for found in _YEARS.finditer(question)
        if not any(found.group() in name for name in coined)
    ]
    years = tuple(dict.fromkeys(year for found in spans for year in _span(found)))
    return Named(observance, coined, written, years, tuple(found.group() for found in spans))


def _span(found: re.Match[str]) -> range:
    """The years of "2028–2031", "2024-27" or "2025"."""
    first, last = int(found.group(1)), found.group(2)
    if last is None:
        return range(first, first + 1)
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    return range(first, max(end, first) + 1)
