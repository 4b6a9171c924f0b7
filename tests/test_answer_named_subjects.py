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
