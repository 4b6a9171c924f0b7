"""Property tests on generated resolution-like texts: every generated unit becomes exactly one
clause with the expected id, clauses are in document order and do not overlap, each clause
text is its document span verbatim, ids are unique, and a second parse gives the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st
from rescite.core.records import Body, DocType, Document, DocumentMeta, ParsedDocument
from rescite.ingest.parse import parse
from rescite.ingest.parse_check import layout_problems

_VOCAB_TEXT = (
    "development telecommunication networks countries cooperation regional offices study groups "
    "capacity building standards spectrum access digital divide services users security "
    "infrastructure policy report budget plan experts workshops the of and for with in"
)
VOCAB = _VOCAB_TEXT.split(" ")
PREAMBLE = ["considering", "recognizing", "noting", "recalling", "aware", "bearing in mind"]
OPERATIVE = [
    "resolves",
    "instructs the Secretary-General",
    "instructs the Directors of the Bureaux",
    "invites Member States",
    "encourages Sector Members",
]
ROMAN = ["i", "ii", "iii", "iv"]

sentences = st.lists(st.sampled_from(VOCAB), min_size=3, max_size=14).map(" ".join)


@dataclass(frozen=True)
class Expected:
    text: str
    ids: list[str]
    texts: list[str]


def _document(doc_id: str, body: Body, text: str) -> Document:
    meta = DocumentMeta(doc_id=doc_id, body=body, doc_type=DocType.RESOLUTION)
    return Document(meta=meta, text=text)


@st.composite
def itu_texts(draw: st.DrawFn) -> Expected:
    lines = [
        "RESOLUTION 900 (REV. TESTVILLE, 2030)",
        draw(sentences).capitalize(),
        "The Plenipotentiary Conference of the International Telecommunication Union",
        "(Testville, 2030),",
    ]
    ids = ["title", "formula"]
    texts = [f"{lines[0]}\n{lines[1]}", f"{lines[2]}\n{lines[3]}"]
    for keyword in draw(st.lists(st.sampled_from(PREAMBLE), min_size=1, max_size=3, unique=True)):
        lines.append(keyword)
        for letter in "abcdef"[: draw(st.integers(1, 6))]:
            item = f"{letter}) that {draw(sentences)};"
            lines.append(item)
            ids.append(f"preamble/{keyword.replace(' ', '-')}/{letter}")
            texts.append(item)
    for keyword in draw(st.lists(st.sampled_from(OPERATIVE), min_size=1, max_size=4, unique=True)):
        lines.append(keyword)
        slug = keyword.lower().replace(" ", "-")
        for number in range(1, draw(st.integers(1, 5)) + 1):
            item = f"{number} to {draw(sentences)}:"
            lines.append(item)
            ids.append(f"operative/{slug}/{number}")
            texts.append(item)
            for roman in ROMAN[: draw(st.integers(0, 3))]:
                sub = f"{roman}) {draw(sentences)};"
                lines.append(sub)
                ids.append(f"operative/{slug}/{number}/{roman}")
                texts.append(sub)
    return Expected("\n".join(lines) + "\n", ids, texts)


@st.composite
def unga_texts(draw: st.DrawFn) -> Expected:
    paragraphs = ["79/999. " + draw(sentences).capitalize(), "The General Assembly,"]
    ids = ["title", "formula"]
    texts = list(paragraphs)
    openings = ["Recalling", "Recalling also", "Noting with concern", "Deeply concerned that"]
    for number in range(1, draw(st.integers(1, 6)) + 1):
        paragraph = f"{draw(st.sampled_from(openings))} {draw(sentences)},"
        paragraphs.append(paragraph)
        ids.append(f"preamble/{number}")
        texts.append(paragraph)
    verbs = ["Decides", "Requests the Secretary-General", "Calls upon all States", "Welcomes"]
    for number in range(1, draw(st.integers(1, 8)) + 1):
        paragraph = f"{number}. {draw(st.sampled_from(verbs))} {draw(sentences)}:"
        paragraphs.append(paragraph)
        ids.append(f"operative/{number}")
        texts.append(paragraph)
        for letter in "abcd"[: draw(st.integers(0, 4))]:
            sub = f"({letter}) {draw(sentences)};"
            paragraphs.append(sub)
            ids.append(f"operative/{number}/{letter}")
            texts.append(sub)
    return Expected("\n\n".join(paragraphs) + "\n", ids, texts)


def _check(parsed: ParsedDocument, expected: Expected) -> None:
    doc_id = parsed.document.meta.doc_id
    assert [c.clause_id for c in parsed.clauses] == [f"{doc_id}/{i}" for i in expected.ids]
    assert [c.text for c in parsed.clauses] == expected.texts
    assert layout_problems(parsed) == []
    for clause in parsed.clauses:
        assert parsed.document.text[clause.start : clause.end] == clause.text
    again = parse(parsed.document)
    assert [c.clause_id for c in again.clauses] == [c.clause_id for c in parsed.clauses]


@settings(max_examples=60, deadline=None)
@given(itu_texts())
def test_itu_resolution_like_texts(expected: Expected) -> None:
    document = _document("itu-pp/res-900/rev-testville-2030/en", Body.ITU_PP, expected.text)
    _check(parse(document), expected)


@settings(max_examples=60, deadline=None)
@given(unga_texts())
def test_unga_resolution_like_texts(expected: Expected) -> None:
    document = _document("unga/a-res-79-999/en", Body.UNGA, expected.text)
    _check(parse(document), expected)
