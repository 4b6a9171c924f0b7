"""What a question asks of a clause beyond its wording: a mandate question's intent."""

from __future__ import annotations

import pytest
from rescite.answer.question import read_question
from rescite.answer.support import FACT_BONUS, MANDATE_BONUS, intent_adjustment
from rescite.core.records import Body, Clause, DocType, DocumentMeta, Hit, Section


def hit(
    text: str,
    path: str = "operative/3",
    section: Section = Section.OPERATIVE,
    doc_id: str = "unga/a-res-99-1/en",
) -> Hit:
    clause = Clause(
        clause_id=f"{doc_id}/{path}",
        doc_id=doc_id,
        ordinal=3,
        section=section,
        text=text,
        start=0,
        end=len(text),
    )
    body, kind = (Body.UNGA, DocType.RESOLUTION)
    if doc_id.startswith("itu-t/"):
        body, kind = (Body.ITU_OTHER, DocType.RECOMMENDATION)
    return Hit(
        clause=clause, document=DocumentMeta(doc_id=doc_id, body=body, doc_type=kind), score=1.0
    )


MANDATE = read_question("Which resolutions mandate action against the misuse of ICTs?")


def test_a_mandating_paragraph_is_lifted() -> None:
    paragraph = hit("3. Requests the Secretary-General to report on measures against ICT misuse;")
    assert intent_adjustment(MANDATE, paragraph) == pytest.approx(MANDATE_BONUS)


@pytest.mark.parametrize(
    "text",
    [
        "3. Decides to include in the provisional agenda of its next session the item;",
        "3. Decides that any costs arising from the activities above shall be met from "
        "voluntary contributions;",
    ],
)
def test_a_procedural_paragraph_is_not_a_mandate_on_the_subject(text: str) -> None:
    assert MANDATE.mandate
    assert intent_adjustment(MANDATE, hit(text)) < 0


@pytest.mark.parametrize(
    "text",
    [
        "3. Notes with appreciation the work of the regional offices, and encourages Member "
        "States to provide them with the resources they need;",
        "3. Pending the review of the programme, urges Member States to keep funding its "
        "regional offices;",
    ],
)
def test_a_paragraph_that_notes_or_sets_a_condition_then_asks_for_action_mandates(
    text: str,
) -> None:
    assert intent_adjustment(MANDATE, hit(text)) == pytest.approx(MANDATE_BONUS)


def test_a_paragraph_that_only_notes_is_no_mandate() -> None:
    paragraph = hit("3. Notes with appreciation the work and the requests of the regional offices;")
    assert intent_adjustment(MANDATE, paragraph) == 0


def test_a_recommendations_standard_foreword_ranks_behind_its_text() -> None:
    reading = read_question("Which languages must the safety confirmation service support?")
    text = "This foreword says who publishes the text and how patents in it are declared."
    doc_id = "itu-t/rec-e-999/2020-01/en"
    foreword = hit(text, "body/foreword/1", Section.BODY, doc_id)
    section = hit(text, "body/section-7.7/1", Section.BODY, doc_id)
    assert intent_adjustment(reading, foreword) < intent_adjustment(reading, section)


def test_asked_how_many_of_a_thing_a_clause_counting_it_ranks_ahead() -> None:
    reading = read_question("How many terms may a study group chairman serve?")
    counting = hit("4 that no chairman shall serve more than two terms of office;")
    numbered = hit("2 that No. 242 of the Convention provides for the chairman's election;")
    other_count = hit("5 that one appointment does not count towards the term of another;")
    assert intent_adjustment(reading, counting) == pytest.approx(FACT_BONUS)
    assert intent_adjustment(reading, numbered) == 0
    assert intent_adjustment(reading, other_count) == 0
