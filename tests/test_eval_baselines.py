"""Chunk baselines and chunk-to-clause matching on small documents made here."""

from __future__ import annotations

from typing import Any

import pytest
from rescite.core.records import Body, DocType, Document, DocumentMeta
from rescite.evals.baselines import bm25_chunks, fixed_chunks, llamaindex_default
from rescite.evals.systems import Retrieved, covered, squash


def doc(doc_id: str, text: str) -> Document:
    meta = DocumentMeta(doc_id=doc_id, body=Body.OTHER, doc_type=DocType.OTHER)
    return Document(meta=meta, text=text)


DOCS = [
    doc("x/alpha/en", "Satellites and orbital slots. " * 40 + "Spectrum coordination matters."),
    doc("x/beta/en", "Children need protection online. " * 40),
    doc("x/gamma/en", "Budget, accounts and audit of the Union. " * 40),
]


def test_fixed_chunks_are_1000_characters_and_cover_the_text() -> None:
    chunks = fixed_chunks(DOCS)
    assert all(len(c.text) <= 1000 for c in chunks)
    for document in DOCS:
        mine = [c.text for c in chunks if c.chunk_id.startswith(document.meta.doc_id + "#")]
        assert "".join(mine) == document.text


@pytest.mark.parametrize(
    ("chunk", "clauses", "expected"),
    [
        ("a  b\nc d", {"k": "b c"}, {"k"}),  # whitespace normalised
        ("a b c", {"k": "c d"}, set()),
        (
            "word " * 60,
            {"long": "pre " + "word " * 80 + "post"},
            {"long"},
        ),  # chunk inside a long clause
        ("tiny", {"k": "a tiny clause"}, set()),  # a short chunk inside a clause does not count
    ],
)
def test_covered(chunk: str, clauses: dict[str, str], expected: set[str]) -> None:
    texts = {k: squash(v) for k, v in clauses.items()}
    assert covered(Retrieved("c#0", 0.0, chunk), texts) == expected


def test_a_clause_unit_covers_itself() -> None:
    assert covered(Retrieved("a/b/operative/1"), {}) == {"a/b/operative/1"}


def test_bm25_chunks_finds_the_matching_document() -> None:
    found = bm25_chunks(DOCS)("protection of children online", 3)
    assert found and found[0].key.startswith("x/beta/en#")
    assert found[0].text is not None and "Children" in found[0].text


def test_bm25_chunks_with_no_known_words_returns_nothing() -> None:
    assert bm25_chunks(DOCS)("zzzz qqqq", 5) == []


@pytest.fixture(scope="module")
def embedder() -> Any:
    from rescite.core.settings import EmbedderSettings
    from rescite.index.embedders import make_embedder

    return make_embedder(EmbedderSettings())


def test_llamaindex_default_uses_our_embedder(embedder: Any) -> None:
    found = llamaindex_default(DOCS, embedder)("auditing the accounts of the Union", 2)
    assert found[0].key.startswith("x/gamma/en#")
    assert all(item.text for item in found)
