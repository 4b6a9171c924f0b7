"""Reciprocal rank fusion: keyed by clause id, independent of argument order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rescite.index.fusion import RRF_K, VECTOR_WEIGHT, reciprocal_rank_fusion

ids = st.lists(st.sampled_from([f"doc/operative/{i}" for i in range(30)]), unique=True)


@given(ids, ids, st.integers(min_value=1, max_value=40))
def test_fusion_is_order_free(vector: list[str], bm25: list[str], k: int) -> None:
    # with equal weights the two retrievers are interchangeable
    forward = reciprocal_rank_fusion(vector, bm25, k=k, vector_weight=1.0)
    swapped = reciprocal_rank_fusion(bm25, vector, k=k, vector_weight=1.0)
    assert [(f.clause_id, f.score) for f in forward] == [(f.clause_id, f.score) for f in swapped]
    assert [(f.vector_rank, f.bm25_rank) for f in forward] == [
        (f.bm25_rank, f.vector_rank) for f in swapped
    ]


@given(ids, ids, st.integers(min_value=1, max_value=40))
def test_fusion_keys_by_id_and_scores_by_rank(vector: list[str], bm25: list[str], k: int) -> None:
    fused = reciprocal_rank_fusion(vector, bm25, k=k)
    assert len(fused) == min(k, len(set(vector) | set(bm25)))
    assert len({f.clause_id for f in fused}) == len(fused)
    assert [f.score for f in fused] == sorted((f.score for f in fused), reverse=True)
    for f in fused:
        weighted = ((VECTOR_WEIGHT, f.vector_rank), (1.0, f.bm25_rank))
        expected = sum(w / (RRF_K + r) for w, r in weighted if r is not None)
        assert f.score == expected
        assert f.vector_rank is None or vector[f.vector_rank - 1] == f.clause_id
        assert f.bm25_rank is None or bm25[f.bm25_rank - 1] == f.clause_id


def test_equal_texts_stay_separate_clauses() -> None:
    # two clauses whose text is identical are still two ids: fusion never looks at text
    fused = reciprocal_rank_fusion(["a/operative/1", "b/operative/1"], ["b/operative/1"], k=5)
    assert [f.clause_id for f in fused] == ["b/operative/1", "a/operative/1"]
    assert (fused[0].vector_rank, fused[0].bm25_rank) == (2, 1)
