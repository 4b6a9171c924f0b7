"""The index over the real core corpus (the shared `core_archive` fixture)."""

from __future__ import annotations

import pytest
from rescite.core.archive import Archive
from rescite.core.records import Body, Filters, Section
from rescite.index.search import as_statement


def test_core_index_is_consistent(core_archive: Archive) -> None:
    stats = core_archive.stats()
    assert stats.consistent and stats.uncommitted == 0
    assert stats.documents >= 100 and stats.clauses >= 3000
    page = core_archive.documents(Filters(body=(Body.ITU_PP,)), limit=1000)
    assert page.total == len(page.items) >= 60
    assert all(item.body == Body.ITU_PP and item.sources for item in page.items)


@pytest.mark.parametrize("language", ["ar", "es", "fr", "ru", "zh"])
def test_an_english_question_finds_the_article_in_each_language(
    core_archive: Archive, language: str
) -> None:
    hits = core_archive.search(
        "everyone has the right to education", k=3, filters=Filters(language=(language,))
    )
    article = f"unga/217-a-iii/{language}/body/article-26"
    top = hits[0].clause.clause_id
    assert top == article or top.startswith(article + "/")  # the article or one of its paras


@pytest.mark.parametrize(
    ("query", "filters", "expected_doc"),
    [
        ("crime committed using information and communications technology systems",
         Filters(body=(Body.UNGA,), year_from=2024), "unga/a-res-79-243/en"),
        ("网络安全", Filters(language=("zh",), section=(Section.PREAMBLE,)),
         "itu-pp/res-174/proposal-bucharest-2022/zh"),
    ],
)  # fmt: skip
def test_filtered_search_finds_the_expected_document(
    core_archive: Archive, query: str, filters: Filters, expected_doc: str
) -> None:
    hits = core_archive.search(query, k=5, filters=filters)
    assert expected_doc in {h.clause.doc_id for h in hits}
    assert all(h.document.doc_id == h.clause.doc_id for h in hits)


@pytest.mark.parametrize(
    ("query", "statement"),
    [
        ("Can a country forbid call-back services?", "Can a country forbid call-back services."),
        ("¿Puede un país prohibirlos?", "Puede un país prohibirlos."),
        ("国际电联有多少个成员国？", "国际电联有多少个成员国."),
        ("هل يضمن الإعلان ذلك؟", "هل يضمن الإعلان ذلك."),
        ("call-back services", "call-back services"),
    ],
)
def test_question_marks_become_full_stops(query: str, statement: str) -> None:
    assert as_statement(query) == statement


def test_the_vectors_search_a_question_as_a_statement(core_archive: Archive) -> None:
    asked = core_archive.search("May a country forbid call-back services on its territory?", k=20)
    stated = core_archive.search("May a country forbid call-back services on its territory.", k=20)
    assert [(h.clause.clause_id, h.vector_rank) for h in asked] == [
        (h.clause.clause_id, h.vector_rank) for h in stated
    ]
    assert any(h.vector_rank is not None for h in asked)


@pytest.mark.parametrize("side", [0, 1], ids=["multilingual", "paraphrase"])
def test_each_vector_side_of_a_search_is_the_exact_nearest_clauses(
    core_archive: Archive, side: int
) -> None:
    """The writer saved every clause's vectors, one file per side, beside BM25, so an
    unfiltered search ranks all clauses by similarity, not the approximate HNSW neighbours;
    and each side has a vector for every clause, in its own Chroma collection."""
    searcher = core_archive._searcher
    chosen = searcher._sides[side]
    columns = searcher.bm25().columns
    assert chosen.exact.complete(columns)
    ids = core_archive.clause_ids()
    assert chosen.store.clause_ids() == set(ids)
    stored = chosen.store.vectors_of(ids)
    query = "protection of children online."
    vector = chosen.embedder.embed_query(query)
    exact = sorted(stored, key=lambda clause_id: -float(stored[clause_id] @ vector))[:30]
    assert chosen.nearest(query, 30, Filters(), columns) == exact
