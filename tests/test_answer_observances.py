import pytest
from rescite.answer.observances import names_observance, observance_asked


@pytest.mark.parametrize(
    ("question", "observance"),
    [
        ("On what date is the International Day of Rivers and Lakes kept?",
         ("day", "rivers", "lakes")),
        ("Who leads the International Year of Glaciers' Preservation, 2025?",
         ("year", "glaciers'", "preservation")),
        ("Which day is the International Day against Cybercrime?", ("day", "cybercrime")),
        ("On which date is World Radio Day?", ()),
        ("When was the international day for volunteers proclaimed?", ()),  # not its name
    ],
)  # fmt: skip
def test_the_observance_a_question_names(question: str, observance: tuple[str, ...]) -> None:
    assert observance_asked(question) == observance


def test_a_clause_answers_only_of_the_observance_it_names() -> None:
    asked = observance_asked("On what date is the International Day of Rivers and Lakes kept?")
    assert names_observance(asked, "Decides to proclaim 5 May the International Day of Rivers "
                                   "and Lakes, to be observed annually;")  # fmt: skip
    assert not names_observance(asked, "Decides to proclaim 5 May the International Day of "
                                       "Forests;")  # fmt: skip
    assert not names_observance(asked, "Decides to proclaim 2027 the International Year of "
                                       "Rivers and Lakes;")  # a year, not a day  # fmt: skip
    assert names_observance((), "any clause at all")  # none named: no condition
