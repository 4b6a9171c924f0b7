"""A clause that defers to another of its text for the substance brings that one along; a short
item of a list brings the rest of the list."""

from __future__ import annotations

from rescite.answer.pointers import SHORT_ITEM, companions, list_items, needs_others, pointed_to
from rescite.core.records import Clause, Section


def clause(clause_id: str, text: str, section: Section = Section.OPERATIVE) -> Clause:
    margin = text.split()[0]  # the parser labels a provision with its margin number
    return Clause(
        label=f"Article 9 (No. {margin})" if "/body/article" in clause_id else None,
        clause_id=clause_id,
        doc_id=clause_id.split("/", 1)[0],
        ordinal=0,
        section=section,
        text=text,
        start=0,
        end=len(text),
    )


TREATY = [
    clause("doc/body/article-9/1", "120 1 Fees fall due on the first day of the year."),
    clause("doc/body/article-9/1-2", "120A 1 bis) Late fees are doubled."),
    clause("doc/body/article-9/2", "121 2 Fees are paid in accordance with No. 120 above."),
    clause("doc/body/article-9/3", "122 3 The reports referred to in No. 120 above are public."),
    clause(
        "doc/body/article-9/4",
        "123 4 Refunds follow the provisions of Nos. 120A and 125 below.",
    ),
    clause("doc/body/article-9/5", "125 5 No refund is made after one year."),
]


def test_a_deferral_to_a_marginal_number_points_to_the_provision_it_opens() -> None:
    assert [c.clause_id for c in pointed_to(TREATY[2], TREATY)] == ["doc/body/article-9/1"]


def test_two_numbers_joined_by_and_point_to_both_and_a_suffix_is_its_own_number() -> None:
    pointed = [c.clause_id for c in pointed_to(TREATY[4], TREATY)]
    assert pointed == ["doc/body/article-9/1-2", "doc/body/article-9/5"]


def test_a_mention_is_context_and_points_nowhere() -> None:
    assert pointed_to(TREATY[3], TREATY) == []


def test_paragraphs_and_resolves_point_to_their_numbered_clauses() -> None:
    resolution = [
        clause("res/operative/3", "3. Requests a report on the matter;"),
        clause("res/operative/4", "4. Decides to act in accordance with paragraph 3 above;"),
        clause("res/operative/resolves/4", "4 that the surplus be kept in a fund;"),
        clause("res/operative/resolves/5", "5 that, having due regard to resolves 4 above, ..."),
    ]
    assert [c.clause_id for c in pointed_to(resolution[1], resolution)] == ["res/operative/3"]
    pointed = [c.clause_id for c in pointed_to(resolution[3], resolution)]
    assert pointed == ["res/operative/resolves/4"]


def test_a_number_no_clause_opens_points_nowhere() -> None:
    lone = clause("doc/body/article-1/1", "1 Dues are set in accordance with No. 999 above.")
    assert pointed_to(lone, [lone, *TREATY]) == []


def test_in_a_text_in_parts_numbered_afresh_the_paragraph_of_the_same_part_is_meant() -> None:
    parts = [
        clause("res/part-1/operative/3", "3. Requests a study;"),
        clause("res/part-2/operative/3", "3. Requests a survey;"),
        clause("res/part-2/operative/4", "4. Decides to act in accordance with paragraph 3 above;"),
    ]
    assert [c.clause_id for c in pointed_to(parts[2], parts)] == ["res/part-2/operative/3"]


def test_only_a_clause_that_defers_is_followed() -> None:
    assert needs_others(TREATY[2]) and needs_others(TREATY[4])
    assert not needs_others(TREATY[3]) and not needs_others(TREATY[0])


BODY = Section.BODY
FORMATS = [
    clause("rec/body/section-7/p1", "Alerts are sent in these formats.", BODY),
    clause("rec/body/section-7/1", "1) Short text messages (required)", BODY),
    clause("rec/body/section-7/2", "2) Recorded voice (recommended)", BODY),
    clause("rec/body/section-7/3", "3) Pictures and maps (optional)", BODY),
    clause("rec/body/section-8/1", "1) Alerts are logged for a year.", BODY),
]


def test_a_short_item_of_a_list_brings_the_other_items() -> None:
    assert needs_others(FORMATS[2])
    assert [c.clause_id for c in companions(FORMATS[2], FORMATS)] == [
        "rec/body/section-7/1",
        "rec/body/section-7/3",
    ]


def test_a_list_with_a_long_item_or_in_a_preamble_is_not_brought_along() -> None:
    long_item = clause("rec/body/section-7/4", "4) " + "a format the region chooses " * 4, BODY)
    assert len(long_item.text) > SHORT_ITEM
    assert list_items(FORMATS[2], [*FORMATS, long_item]) == []
    preamble = [
        clause("res/preamble/recalling/a", "a) its resolution 1 on methods;", Section.PREAMBLE),
        clause("res/preamble/recalling/b", "b) its resolution 2 on forums;", Section.PREAMBLE),
    ]
    assert not needs_others(preamble[0])
    assert list_items(preamble[0], preamble) == []
