import pytest
from rescite.answer.named_subjects import Named, named_in


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
    assert named_in(question).observance == observance


@pytest.mark.parametrize(
    ("question", "coined"),
    [
        ("Which city will host UNISPACE IV?", ("UNISPACE IV",)),
        ("How many attended WTPF-21?", ("WTPF-21",)),
        ("When did the Tech4Good programme start?", ("Tech4Good",)),
        ("What did PP-22 decide about the budget, by when?", ()),  # a conference, named by city
        ("By when is SDG 9 to be met?", ()),
        ("When did IPv6 deployment start?", ()),
    ],
)
def test_the_coined_names_a_question_names(question: str, coined: tuple[str, ...]) -> None:
    assert named_in(question).coined == coined


def test_a_clause_answers_only_of_what_it_names() -> None:
    day = named_in("On what date is the International Day of Rivers and Lakes kept?")
    assert day.named_by("Decides to proclaim 5 May the International Day of Rivers and Lakes;")
    assert not day.named_by("Decides to proclaim 5 May the International Day of Forests;")
    assert not day.named_by("Decides to proclaim 2027 the International Year of Rivers and Lakes;")
    event = named_in("Which city will host UNISPACE IV?")
    assert event.named_by("Welcomes the offer to host Unispace IV in Vienna;")
    assert not event.named_by("Recalls UNISPACE III, held in Vienna in 1999;")
    assert Named().named_by("any clause at all")  # nothing named: no condition


def test_what_a_question_names_is_described_as_written() -> None:
    named = named_in("When is the International Day of Rivers and Lakes, set with UNISPACE IV?")
    assert named.described == "International Day of Rivers and Lakes and UNISPACE IV"
    assert named_in("When is it?").described == ""


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("What is the contributory unit for 2028–2031?", (2028, 2029, 2030, 2031)),
        ("What was agreed for 2024-27?", (2024, 2025, 2026, 2027)),
        ("Who leads the International Year of Glaciers' Preservation, 2025?", (2025,)),
        ("What did the Du3M 2025 programme achieve?", ()),  # the year is part of its name
        ("What does Resolution 130 instruct the Secretary-General to do?", ()),
    ],
)
def test_the_years_a_question_names(question: str, years: tuple[int, ...]) -> None:
    assert named_in(question).years == years


def test_asked_a_fact_of_some_years_a_clause_answers_only_if_it_names_one_of_them() -> None:
    period = named_in("What is the contributory unit for 2028–2031?")
    assert period.named_by("Resolves that the unit for the period 2028-2031 shall be ten francs;")
    assert period.named_by("Financial plan for 2030 and after: the unit stays at ten francs;")
    assert not period.named_by("Resolves that the unit for the period 2024-2027 shall be ten;")
    assert not period.named_by("Resolves that the unit for the period 20282 shall be ten;")
    assert period.period == "2028–2031"
    assert period.described == ""
