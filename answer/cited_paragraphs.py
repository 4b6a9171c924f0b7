"""A numbered paragraph of a text cited by title: "paragraph 71 of the Tunis Agenda" in a
question, "§§ 71 and 78 a) of the Tunis Agenda" or "§§ 29-82 of the Tunis Agenda" in a clause.
Asked where one paragraph is invoked, the clauses that cite that paragraph answer, not every
clause that cites the text."""

from __future__ import annotations

import re

from rescite.core.named_texts import find_named_texts

_MARK = r"(?:§§?|paragraphs?|paras?\.?)"
# In a question: "paragraph 71 of the Tunis Agenda", "§ 71 of the Tunis Agenda".
_ASKED = re.compile(rf"{_MARK}\s*(\d{{1,3}})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# In a clause, the paragraphs named just before the title: "§§ 71 and 78 a) of the", "§§ 29-82
# of the", "paragraphs 35, 36 and 40 of the".
_CITED = re.compile(
    rf"{_MARK}\s*((?:\d{{1,3}}(?:\s*[a-z]\))?(?:\s*(?:,|and|to|-|–)\s*)?)+)\s*of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
WINDOW = 80  # characters before a title that its paragraph numbers are written in


def asked_paragraph(question: str) -> tuple[str, str] | None:
    """(title, paragraph number) of the one paragraph of a text named by title the question
    asks about, if it names one."""
    for start, name, _ in find_named_texts(question):
        if match := _ASKED.search(question[max(0, start - WINDOW) : start]):
            return name, match.group(1)
    return None


def cites_paragraph(text: str, name: str, number: str) -> bool:
    """The clause cites that paragraph of that text, alone, in a list or in a range."""
    wanted = int(number)
    for start, found, _ in find_named_texts(text):
        if found != name:
            continue
        match = _CITED.search(" ".join(text[max(0, start - WINDOW) : start].split()) + " ")
        if match and wanted in _numbers(match.group(1)):
            return True
    return False


def _numbers(written: str) -> set[int]:
    """The paragraph numbers of "71 and 78 a)", "29-82", "35, 36 and 40"."""
    numbers: set[int] = set()
    for low, high in re.findall(r"(\d+)(?:\s*(?:-|–|to)\s*(\d+))?", written):
        numbers.update(range(int(low), int(high or low) + 1))
    return numbers
