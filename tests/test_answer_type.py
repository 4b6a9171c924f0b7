"""The kind of fact a question asks for, and whether a clause states one."""

from __future__ import annotations

import pytest
from rescite.answer.answer_type import asked_for, gives
from rescite.answer.question import read_question


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("On what date is the day celebrated each year?", "date"),
        ("Which calendar date did the Assembly choose?", "date"),
        ("In which years was the forum convened?", "year"),
        ("By what year must the network be upgraded?", "year"),
        ("How many vice-chairmen may a study group have?", "number"),
        ("How much do academic members pay?", "number"),
        ("What percentage of costs is recovered?", "number"),
        ("What does Resolution 130 instruct the Secretary-General to do?", None),
        ("When does the convention enter into force?", None),  # a date, or "the ninetieth day"
        ("Which resolutions recall resolution 68/243?", None),
    ],
)
def test_the_fact_a_question_asks_for(question: str, kind: str | None) -> None:
    assert asked_for(question, "en") == kind
    assert read_question(question).asks_for == kind


def test_only_english_questions_are_checked() -> None:
    assert asked_for("How many members?", "fr") is None
    assert read_question("国际电联有多少个成员国？").asks_for is None


@pytest.mark.parametrize(
    ("text", "number", "year", "date"),
    [
        ("when two thirds of the Members have responded", True, False, False),
        ("up to 90 days, renewable", True, False, False),
        ("shall not serve for more than one term of office", True, False, False),
        ("Decides to proclaim 16 September as the day", False, False, True),
        ("convened in 2009 and 2013", False, True, False),
        # numbers that only name: its own number, items, cited texts, footnote marks
        ("8 to foster the allocation of resources; 10 to involve communities", False, False, False),
        ("recalling Resolution 70 (Rev. Dubai, 2018) and resolution 68/243", False, False, False),
        ("as set out in A/RES/79/243 and Article 33", False, False, False),
        ("bearing in mind the maturity of the child;34", False, False, False),
        # a date or a year says when, not how many
        ("the Declaration adopted on 20 November 1989", False, True, True),
    ],
)
def test_what_a_clause_states(text: str, number: bool, year: bool, date: bool) -> None:
    assert gives("number", text) is number
    assert gives("year", text) is year
    assert gives("date", text) is date
