"""Reciprocal rank fusion keyed by clause id (never by text: equal texts stay separate clauses)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

RRF_K = 60
# BM25 over contextual clause text outranks the multilingual sentence encoder on the gold set
# (recall@10 0.75 vs 0.57 on core); the vectors still carry paraphrase and cross-language
# questions, so they count a little over half as much as BM25 rather than equally.
VECTOR_WEIGHT = 0.6
# The English paraphrase encoder (minilm.py) as a third list, weighted as the first.
PARAPHRASE_WEIGHT = 0.6
# The ranking encoder's kept vectors (rerank.py) as a fourth list, weighted as the others: of
# 0.6 and 1.0 measured, 0.6 kept the citations (evals/README.md, forty-third session).
RANKING_WEIGHT = 0.6


@dataclass(frozen=True)
class Ranked:
    """One retriever's clause ids, best first, and the weight its ranks carry."""

    name: str
    ids: Sequence[str]
    weight: float


@dataclass(frozen=True)
class Fused:
    clause_id: str
    score: float
    ranks: Mapping[str, int]  # retriever name -> this clause's rank there (1 = best)


def reciprocal_rank_fusion(lists: Sequence[Ranked], *, k: int, rrf_k: int = RRF_K) -> list[Fused]:
    """Fuse ranked id lists; ties broken by best single rank, then id."""
    ranks = {ranked.name: _ranks(ranked.ids) for ranked in lists}
    weights = {ranked.name: ranked.weight for ranked in lists}
    fused = []
    for clause_id in set().union(*ranks.values()):
        found = {name: rank for name, by_id in ranks.items() if (rank := by_id.get(clause_id))}
        score = sum(weights[name] / (rrf_k + rank) for name, rank in found.items())
        fused.append(Fused(clause_id, score, found))
    fused.sort(key=lambda f: (-f.score, min(f.ranks.values()), f.clause_id))
    return fused[:k]


def _ranks(ids: Sequence[str]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for position, clause_id in enumerate(ids, start=1):
        ranks.setdefault(clause_id, position)
    return ranks
