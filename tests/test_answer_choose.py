"""Which of the ranked candidates an answer cites."""

from __future__ import annotations

from rescite.answer.ask import CHANGE_CUT, LEADS, RELATIVE_CUT, choose, leads_of, with_copies
from rescite.answer.question import Reading, read_question
from rescite.answer.support import Candidate
from rescite.core.records import Body, Clause, DocType, DocumentMeta, Hit, Section

THRESHOLD = 0.4


def candidate(number: int, support: float, rank: float, paragraph: int = 1) -> Candidate:
    doc_id = f"x/res-{number}/en"
    text = f"{paragraph} to ask the Bureau to study widgets of kind {number} every year;"
    clause = Clause(
        clause_id=f"{doc_id}/operative/resolves/{paragraph}",
        doc_id=doc_id,
        ordinal=paragraph,
        section=Section.OPERATIVE,
        text=text,
        start=0,
        end=len(text),
    )
    meta = DocumentMeta(doc_id=doc_id, body=Body.ITU_PP, doc_type=DocType.RESOLUTION)
    return Candidate(Hit(clause=clause, document=meta, score=1.0), support, rank)


PLAIN = read_question("what do the texts say about widgets?")


def cited(items: list[Candidate], reading: Reading = PLAIN) -> list[str]:
    return [c.hit.document.doc_id for c in choose(items, THRESHOLD, 8, reading)]


def test_the_best_ranked_clause_is_cited_a_little_below_threshold_if_another_clears_it() -> None:
    # supports of 0.85 and 0.75 of the threshold: the first is close enough, the second not
    best = candidate(1, 0.34, 0.60)
    clears = candidate(2, THRESHOLD + 0.05, 0.58)
    weak = candidate(3, 0.30, 0.59)
    far = candidate(4, THRESHOLD + 0.1, 0.60 * RELATIVE_CUT - 0.01)
    assert cited([best, weak, clears, far]) == ["x/res-1/en", "x/res-2/en"]


def test_the_best_ranked_clause_is_cited_when_only_a_clause_ranked_further_down_clears() -> None:
    # 0.85 of the threshold is enough when no clause ranked close to the best clears it
    best = candidate(1, 0.85 * THRESHOLD, 0.60)
    far = candidate(4, THRESHOLD + 0.1, 0.60 * RELATIVE_CUT - 0.01)
    assert cited([best, far]) == ["x/res-1/en"]


def test_nothing_is_cited_when_the_clauses_ranked_best_score_far_below_the_threshold() -> None:
    best = candidate(1, 0.84 * THRESHOLD, 0.60)
    close = candidate(2, 0.82 * THRESHOLD, 0.59)
    far = candidate(4, THRESHOLD + 0.1, 0.60 * RELATIVE_CUT - 0.01)
    assert cited([best, close, far]) == []


def test_asked_what_texts_mandate_a_paragraph_that_only_welcomes_is_not_cited() -> None:
    welcomes = candidate(1, THRESHOLD + 0.1, 0.60)
    text = "1. Welcomes the report of the committee on the work of its first session;"
    clause = welcomes.hit.clause.model_copy(update={"text": text, "end": len(text)})
    welcomes = Candidate(welcomes.hit.model_copy(update={"clause": clause}), 0.5, 0.60)
    decides = candidate(2, THRESHOLD + 0.1, 0.59)
    decides_clause = decides.hit.clause.model_copy(
        update={
            "keyword_en": "decides",
            "text": "2. Decides to convene the committee twice a year until its work is done;",
        }
    )
    decides = Candidate(decides.hit.model_copy(update={"clause": decides_clause}), 0.5, 0.59)
    assert cited([welcomes, decides]) == ["x/res-1/en", "x/res-2/en"]
    mandating = read_question("which resolutions mandate action on widgets?")
    assert mandating.mandate
    assert cited([welcomes, decides], mandating) == ["x/res-2/en"]


def test_asked_what_a_revision_added_every_clause_of_it_ranked_close_is_cited() -> None:
    # one text's clauses, ranked 0.60 down to CHANGE_CUT of it: two of them for a plain question
    # (the per-document cap), all four for what the revision added, none ranked further down
    support = THRESHOLD + 0.1
    ranks = [0.60, 0.58, 0.60 * RELATIVE_CUT - 0.01, 0.60 * CHANGE_CUT + 0.01]
    items = [candidate(7, support, rank, n) for n, rank in enumerate(ranks, start=1)]
    far = candidate(7, support, 0.60 * CHANGE_CUT - 0.01, 5)
    added = read_question("What did the 2022 revision of Resolution 7 add about widgets?")
    assert added.changes and added.change_side == "added"
    clause_ids = [c.hit.clause.clause_id for c in choose([*items, far], THRESHOLD, 8, added)]
    assert clause_ids == [c.hit.clause.clause_id for c in items]
    assert len(choose([*items, far], THRESHOLD, 8, PLAIN)) == 2


def worded(number: int, text: str, rank: float, paragraph: int = 1) -> Candidate:
    plain = candidate(number, THRESHOLD + 0.1, rank, paragraph)
    clause = plain.hit.clause.model_copy(update={"text": text, "end": len(text)})
    return Candidate(plain.hit.model_copy(update={"clause": clause}), plain.support, rank)


REPEATED = "calls upon Member States to report on widgets to the Council every year;"


def test_asked_which_texts_say_something_its_copies_in_other_texts_are_cited_too() -> None:
    # the same paragraph, renumbered, in the next year's text and again, with a revision cited,
    # in a third; a paragraph on another subject and a copy within the cited text are not copies
    cited = worded(1, f"4. {REPEATED}", 0.60)
    next_year = worded(2, f"5. {REPEATED}", 0.50)
    third = worded(3, f"(c) {REPEATED[:-1]} (Rev. Dubai, 2018);", 0.45)
    other = worded(4, "6. Decides to review the widget budget at its next session;", 0.55)
    same_text = worded(1, f"9. {REPEATED}", 0.40, paragraph=9)
    pool = [cited, other, next_year, third, same_text]
    asked = read_question("Which resolutions ask States to report on widgets?")
    ids = [c.hit.clause.clause_id for c in with_copies([cited], pool, asked, 8)]
    assert ids == [c.hit.clause.clause_id for c in (cited, next_year, third)]


def test_copies_are_cited_only_for_a_question_about_texts_in_general_and_within_the_limit() -> None:
    cited = worded(1, f"4. {REPEATED}", 0.60)
    second = worded(2, "7. Requests the Bureau to publish widget statistics;", 0.58)
    copy = worded(3, f"5. {REPEATED}", 0.50)
    pool = [cited, second, copy]
    survey = read_question("Which resolutions ask States to report on widgets?")
    assert with_copies([cited, second], pool, survey, 3) == [cited, second, copy]
    assert with_copies([cited, second], pool, survey, 2) == [cited, second]  # the chosen first
    for question in ("What is said about reporting on widgets?", "What does Resolution 1 ask?"):
        assert with_copies([cited], pool, read_question(question), 8) == [cited]


def test_a_refusal_leads_with_each_texts_two_best_clauses_before_other_texts_next() -> None:
    # the second-best clause sits in the best one's text; four other texts rank below it
    first, second, third = (candidate(1, 0.3, 0.60 - i / 100, paragraph=i + 1) for i in range(3))
    others = [candidate(n, 0.3, 0.55 - n / 100) for n in range(2, 7)]
    leads = [lead.clause_id for lead in leads_of([third, *others, second, first])]
    assert len(leads) == LEADS
    assert leads[:2] == [first.hit.clause.clause_id, second.hit.clause.clause_id]
    assert third.hit.clause.clause_id not in leads  # a text's third waits for the others
