"""The retrievers an evaluation compares, all behind one callable: `(question, k) -> [Retrieved]`.

rescite's own retrievers ask the Archive. Vector-only and BM25-only rankings are read from the
per-retriever ranks that every Hit carries (`vector_rank`, `bm25_rank`) on one deep hybrid
search, so the index needs no mode switch: a clause's rank in one retriever does not depend on
the other, and a deep enough fused list holds each retriever's top 20.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rescite.core.records import Filters, Hit

from .metrics import Unit

DEEP_K = 200


@dataclass(frozen=True)
class Retrieved:
    """One retrieved unit: a clause (`text` None) or a chunk of raw text."""

    key: str  # clause_id, or a chunk id such as `unga/a-res-79-243/en#12`
    score: float = 0.0
    text: str | None = None


Retriever = Callable[[str, int], list[Retrieved]]


class Searchable(Protocol):
    def search(self, query: str, *, k: int = 10, filters: Filters = ...) -> list[Hit]: ...


def squash(text: str) -> str:
    """Whitespace-normalised text for containment checks."""
    return re.sub(r"\s+", " ", text).strip()


def covered(item: Retrieved, clause_texts: Mapping[str, str]) -> Unit:
    """The gold clauses a retrieved unit covers.

    A clause covers itself. A chunk covers a clause whose text it contains (whitespace
    normalised), or, for a clause longer than any chunk, whose text contains the chunk.
    """
    if item.text is None:
        return frozenset({item.key})
    chunk = squash(item.text)
    return frozenset(
        cid
        for cid, text in clause_texts.items()
        if text and (text in chunk or (len(chunk) >= 200 and chunk in text))
    )


def hybrid(archive: Searchable) -> Retriever:
    def retrieve(question: str, k: int) -> list[Retrieved]:
        return [Retrieved(h.clause.clause_id, h.score) for h in archive.search(question, k=k)]

    return retrieve


def _by_rank(hits: Sequence[Hit], rank_of: Callable[[Hit], int | None], k: int) -> list[Retrieved]:
    ranked = sorted((r, h.clause.clause_id) for h in hits if (r := rank_of(h)) is not None)
    return [Retrieved(cid, 1.0 / rank) for rank, cid in ranked[:k]]


def vector_only(archive: Searchable) -> Retriever:
    def retrieve(question: str, k: int) -> list[Retrieved]:
        return _by_rank(archive.search(question, k=DEEP_K), lambda h: h.vector_rank, k)

    return retrieve


def bm25_only(archive: Searchable) -> Retriever:
    def retrieve(question: str, k: int) -> list[Retrieved]:
        return _by_rank(archive.search(question, k=DEEP_K), lambda h: h.bm25_rank, k)

    return retrieve


def nothing(question: str, k: int) -> list[Retrieved]:
    """A broken retriever: finds nothing (for the CI-fails test)."""
    return []


def garbage(question: str, k: int) -> list[Retrieved]:
    """A broken retriever: returns ids that are not clauses."""
    return [Retrieved(f"garbage/{i}", 0.0) for i in range(k)]


def ask_retrieval(archive: Any, embedder: Any, answer_k: int) -> Retriever:
    """The clauses `ask` weighs for a question (named documents resolved), best first: those it
    weighs when asked for `answer_k` citations (the pool searched grows with it), the first k
    of them scored."""
    from rescite.answer.question import read_question
    from rescite.answer.retrieve import candidates

    def retrieve(question: str, k: int) -> list[Retrieved]:
        found = candidates(archive, read_question(question), Filters(), answer_k, embedder)
        return [Retrieved(c.hit.clause.clause_id, c.rank) for c in found.items[:k]]

    return retrieve
