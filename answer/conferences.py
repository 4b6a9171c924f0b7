"""An ITU conference a question asks about by its year ("what did the 2026 Plenipotentiary
Conference decide", "the texts adopted at WTDC-22"): answered from its own texts or not at all.

Without this, a question about a conference whose texts the archive lacks is answered from
whatever other text ranks best (a General Assembly paragraph on the subject), a citation that
looks like an answer and is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rescite.core.records import Body
from rescite.ingest.metadata_itu import FORMULAS

_NAMES = {body: name for name, body, _ in FORMULAS}  # "Plenipotentiary Conference"
_WRITTEN: dict[Body, str] = {
    Body.ITU_PP: r"pl[ée]nipotentiary(?:\s+conference)?|PP",
    Body.ITU_WTSA: r"WTSA|(?:world\s+telecommunication\s+)?standardi[sz]ation\s+assembly",
    Body.ITU_WTDC: r"WTDC|world\s+telecommunication\s+development\s+conference",
}
# The conference as the one acting: "did/has the … decide", "adopted/revised at …", "… decided".
_ACTS_BEFORE = re.compile(r"\b(?:did|has|have|had|at|by)\s+(?:the\s+)?(?:ITU\s+)?$", re.I)
_ACTS_AFTER = re.compile(
    r"^(?:\s+in\s+[A-Z][\w-]+)?\s+(?:decided|adopted|agreed|resolved|revised|added|approved|set)\b"
)


@dataclass(frozen=True)
class Conference:
    body: Body
    year: int

    @property
    def described(self) -> str:
        return f"the {_NAMES[self.body]} of {self.year}"


def _forms(pattern: str) -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(rf"\b(?P<year>(?:19|20)\d\d)\s+(?:ITU\s+)?(?:{pattern})\b", re.I),
        re.compile(rf"\b(?:{pattern})[-‑ ]?(?P<yy>\d\d)\b", re.I),
        re.compile(rf"\b(?:{pattern})\s+(?:of|in|held\s+in)\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    )


_FORMS = {body: _forms(pattern) for body, pattern in _WRITTEN.items()}


def conference_acting(text: str) -> Conference | None:
    """The ITU conference, named by its year, that the question asks what it did."""
    for body, forms in _FORMS.items():
        for form in forms:
            for match in form.finditer(text):
                before, after = text[: match.start()], text[match.end() :]
                if not (_ACTS_BEFORE.search(before) or _ACTS_AFTER.match(after)):
                    continue
                return Conference(body, _year(match))
    return None


def _year(match: re.Match[str]) -> int:
    found = match.groupdict()
    if found.get("year"):
        return int(found["year"])
    short = int(found["yy"])
    return 2000 + short if short < 50 else 1900 + short
