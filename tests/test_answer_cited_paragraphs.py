import pytest
from rescite.answer.cited_paragraphs import asked_paragraph, cites_paragraph


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Which resolutions invoke paragraph 35 of the Tunis Agenda?", ("Tunis Agenda", "35")),
        ("Where is § 12 of the Geneva Plan of Action cited?", ("Geneva Plan of Action", "12")),
        ("Which resolutions invoke the Tunis Agenda?", None),
        ("What does paragraph 4 of A/RES/79/243 say about the Tunis Agenda?", None),
    ],
)
def test_the_paragraph_of_a_titled_text_a_question_asks_about(
    question: str, asked: tuple[str, str] | None
) -> None:
    assert asked_paragraph(question) == asked


@pytest.mark.parametrize(
    ("text", "cites"),
    [
        ("a) §§ 35 and 40 b) of the Tunis Agenda on governance;", True),
        ("b) the outcomes in §§ 20-50 of the Tunis Agenda;", True),  # a range holds it
        ("c) paragraphs 12, 35 and 90 of the Tunis\nAgenda;", True),  # across a line break
        ("d) § 135 of the Tunis Agenda;", False),
        ("e) § 35 of the Geneva Plan of Action and the Tunis Agenda;", False),  # another text's
        ("f) in accordance with the Tunis Agenda;", False),
    ],
)
def test_a_clause_cites_the_paragraph_alone_in_a_list_or_in_a_range(text: str, cites: bool) -> None:
    assert cites_paragraph(text, "Tunis Agenda", "35") is cites
