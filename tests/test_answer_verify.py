"""Quote selection and verification over our own records (texts written for the test)."""

from __future__ import annotations

import pytest
from rescite.answer.question import read_question
from rescite.answer.quotes import coverage, select_quote, sentences
from rescite.answer.verify import VerifiedQuote, locate, verify
from rescite.core.records import Body, Clause, DocType, Document, DocumentMeta, Section

DOC = "RESOLUTION 999\nresolves\n1 to ask the  Bureau to study\nwidgets;\n2 to report back.\n"
DOCUMENT = Document(
    meta=DocumentMeta(doc_id="x/res-999/en", body=Body.ITU_PP, doc_type=DocType.RESOLUTION),
    text=DOC,
)
START = DOC.index("1 to ask")
END = DOC.index("widgets;") + len("widgets;")


def clause(text: str, start: int = START, end: int = END) -> Clause:
    return Clause(
        clause_id="x/res-999/en/operative/resolves/1",
        doc_id="x/res-999/en",
        ordinal=1,
        section=Section.OPERATIVE,
        text=text,
        start=start,
        end=end,
    )


def test_locate_allows_whitespace_only_differences() -> None:
    found = locate(
        DOCUMENT, clause("1 to ask the Bureau to study widgets;"), "ask the Bureau to study"
    )
    assert found is not None
    assert found.text == "ask the Bureau to study"
    assert DOC[found.start : found.end] == "ask the  Bureau to study"
    assert verify(DOC, clause("..."), found)


@pytest.mark.parametrize(
    "tampered",
    [
        "ask the Bureau to ban widgets",  # a word changed
        "ask the Bureaux to study",  # a letter added
        "to report back",  # true text, but outside the clause's span
        "",
    ],
)
def test_tampered_quote_is_rejected(tampered: str) -> None:
    assert locate(DOCUMENT, clause("1 to ask the Bureau to study widgets;"), tampered) is None


def test_verify_rejects_a_quote_whose_text_does_not_match_its_offsets() -> None:
    good = locate(DOCUMENT, clause("x"), "to study widgets")
    assert good is not None
    assert not verify(DOC, clause("x"), VerifiedQuote("to study gadgets", good.start, good.end))
    shifted = VerifiedQuote(good.text, good.start + 1, good.end + 1)
    assert not verify(DOC, clause("x"), shifted)
    outside = VerifiedQuote("2 to report back.", DOC.index("2 to"), len(DOC) - 1)
    assert not verify(DOC, clause("x"), outside)


def test_select_quote_prefers_the_sentence_that_answers() -> None:
    text = (
        "Recognizes the work done so far on many unrelated matters of general interest to all. "
        "Requests the Secretary-General to prepare a report on satellite spectrum allocation. "
        + "Decides to keep the matter under review at its next session and beyond that. "
        * 5
    )
    best = select_quote(text, ["satellite", "spectrum", "report"])[0]
    assert text[best.start : best.end].startswith("Requests the Secretary-General")


def test_the_quote_is_the_sentence_spelling_out_an_abbreviation_the_question_writes() -> None:
    text = (
        "Recognizes the work done so far on many unrelated matters of general interest to all. "
        "Requests the Director to publish the national frequency allocation tables each year. "
        + "Decides to keep the matter under review at its next session and beyond that. "
        * 5
    )
    asked = read_question("What is said of the NFATs?")
    best = select_quote(text, asked.terms, None, asked.abbreviations)[0]
    assert text[best.start : best.end].startswith("Requests the Director")


def test_short_clause_is_quoted_whole() -> None:
    text = "Urges Member States to cooperate. Decides to remain seized of the matter."
    best = select_quote(text, ["cooperate"])[0]
    assert (best.start, best.end) == (0, len(text))
    assert len(sentences(text)) == 2


def test_words_a_text_abbreviates_are_covered_by_the_abbreviation() -> None:
    terms = read_question("What became of the expert working group's yearly report?").terms
    abbreviated = "Takes note of the yearly report of the EWG and of its annexes."
    spelled_out = "Takes note of the yearly report of the expert working group."
    unrelated = "Takes note of the yearly report of the committee and of its annexes."
    assert coverage(terms, abbreviated) == coverage(terms, spelled_out)
    assert coverage(terms, unrelated) < coverage(terms, abbreviated)


def test_an_abbreviation_the_question_writes_in_capitals_is_covered_spelled_out() -> None:
    spelled_out = "Calls for national frequency allocation tables to be published."
    asked = read_question("Which texts call for published NFATs?")
    assert asked.abbreviations == ("nfats",)
    abbreviated = "Calls for NFATs to be published."
    singular = "Calls for each NFAT to be published."
    covered = coverage(asked.terms, spelled_out, asked.abbreviations)
    assert covered == coverage(asked.terms, abbreviated, asked.abbreviations)
    assert covered == coverage(asked.terms, singular, asked.abbreviations)
    # A word in lower case is a word, not an abbreviation: "fat" is not covered.
    plain = read_question("Which texts call for published fat tables?")
    assert not plain.abbreviations
    assert coverage(plain.terms, spelled_out, plain.abbreviations) < covered


def test_an_abbreviation_leaving_out_an_abbreviated_word_of_the_name_covers_the_name() -> None:
    """ITU names its events "Telecommunication/ICT": the event's initials skip the ICT."""
    asked = read_question("Where was the World Telecommunication/ICT Summit Meeting held?")
    assert "ict" in asked.abbreviations
    abbreviated = "Notes that the WTSM was held in a hybrid format."
    unrelated = "Notes that the meeting was held in a hybrid format."
    covered = coverage(asked.terms, abbreviated, asked.abbreviations)
    assert covered >= 5 / len(asked.terms)  # world, telecommunication, summit, meeting, held
    assert coverage(asked.terms, unrelated, asked.abbreviations) < covered


def test_quote_spanning_a_dropped_page_header_is_verified_piecewise() -> None:
    document_text = DOC.replace("widgets;", "wid-\nRes. 999 12\ngets;")
    text = "1 to ask the  Bureau to study\nwid-\ngets;"
    quote = VerifiedQuote(
        "to study wid- gets;",
        document_text.index("to study"),
        document_text.index("gets;") + 5,
        pieces=(
            (document_text.index("to study"), document_text.index("Res. 999")),
            (document_text.index("gets;"), document_text.index("gets;") + 5),
        ),
    )
    item = clause(text, START, document_text.index("gets;") + 5)
    assert verify(document_text, item, quote)
    forged = VerifiedQuote("to study gadgets;", quote.start, quote.end, quote.pieces)
    assert not verify(document_text, item, forged)
