"""Reciprocal rank fusion: keyed by clause id, independent of argument order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rescite.index.fusion import RRF_K, Ranked, reciprocal_rank_fusion

ids = st.lists(st.sampled_from([f"doc/operative/{i}" for i in range(30)]), unique=True)
weights = st.floats(min_value=0.1, max_value=2.0)


@given(ids, ids, st.integers(min_value=1, max_value=40))
def test_fusion_is_order_free(vector: list[str], bm25: list[str], k: int) -> None:
    # with equal weights the two retrievers are interchangeable
    forward = reciprocal_rank_fusion(
        [Ranked("vector", vector, 1.0), Ranked("bm25", bm25, 1.0)], k=k
    )
    swapped = reciprocal_rank_fusion(
        [Ranked("vector", bm25, 1.0), Ranked("bm25", vector, 1.0)], k=k
    )
    assert [(f.clause_id, f.score) for f in forward] == [(f.clause_id, f.score) for f in swapped]
    assert [(f.ranks.get("vector"), f.ranks.get("bm25")) for f in forward] == [
        (f.ranks.get("bm25"), f.ranks.get("vector")) for f in swapped
    ]


@given(ids, ids, ids, weights, weights, st.integers(min_value=1, max_value=40))
def test_fusion_keys_by_id_and_scores_by_weighted_rank(
    vector: list[str], bm25: list[str], paraphrase: list[str], w1: float, w3: float, k: int
) -> None:
    lists = [Ranked("vector", vector, w1), Ranked("bm25", bm25, 1.0)]
    lists.append(Ranked("paraphrase", paraphrase, w3))
    fused = reciprocal_rank_fusion(lists, k=k)
    assert len(fused) == min(k, len(set(vector) | set(bm25) | set(paraphrase)))
    assert len({f.clause_id for f in fused}) == len(fused)
    assert [f.score for f in fused] == sorted((f.score for f in fused), reverse=True)
    for f in fused:
        expected = sum(
            ranked.weight / (RRF_K + ranked.ids.index(f.clause_id) + 1)
            for ranked in lists
            if f.clause_id in ranked.ids
        )
        assert abs(f.score - expected) < 1e-12
        for ranked in lists:
            rank = f.ranks.get(ranked.name)
            assert (rank is None) == (f.clause_id not in ranked.ids)
            assert rank is None or ranked.ids[rank - 1] == f.clause_id


def test_equal_texts_stay_separate_clauses() -> None:
    # two clauses whose text is identical are still two ids: fusion never looks at text
    lists = [
        Ranked("vector", ["a/operative/1", "b/operative/1"], 0.6),
        Ranked("bm25", ["b/operative/1"], 1.0),
    ]
    fused = reciprocal_rank_fusion(lists, k=5)
    assert [f.clause_id for f in fused] == ["b/operative/1", "a/operative/1"]
    assert dict(fused[0].ranks) == {"vector": 2, "bm25": 1}
