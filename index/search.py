"""Hybrid clause search: vector (Chroma via llama-index) + BM25, fused by clause id."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rescite.core.errors import QueryError
from rescite.core.records import DocumentMeta, Filters, Hit
from rescite.index.bm25 import Bm25Index
from rescite.index.docstore import DocStore
from rescite.index.embedders import Embedder
from rescite.index.exact import ExactVectors
from rescite.index.fusion import Fused, reciprocal_rank_fusion
from rescite.index.lock import active_writer
from rescite.index.vectors import VectorStore, indexed_model_id

MAX_QUERY_CHARS = 4000
MAX_K = 200
BROAD_FILTER_SHARE = 0.1
MAX_WIDE = 800
MAX_EXACT = 25_000  # filtered clauses searched exactly in numpy rather than by Chroma's where


_QUESTION_MARKS = re.compile(r"\s*[?？؟]")


def as_statement(query: str) -> str:
    """The query as the vectors search it: a question's marks written as full stops.

    A sentence encoder sets questions apart from statements, and the archive holds statements.
    Development set, vectors alone: paraphrase questions with a gold clause in the top 10,
    0.34 -> 0.47. Only the search uses this form; the support an answer is refused on keeps
    the question's own (written as a statement it rises for unanswerable questions as much).
    """
    return _QUESTION_MARKS.sub(".", query).replace("¿", "")


def candidates_for(k: int) -> int:
    """How deep each retriever looks before fusion."""
    return max(50, 3 * k)


class HybridSearcher:
    def __init__(
        self, store: DocStore, vectors: VectorStore, embedder: Embedder, bm25_dir: Path
    ) -> None:
        self._store = store
        self._vectors = vectors
        self._exact = ExactVectors(vectors)
        self._embedder = embedder
        self._bm25_dir = bm25_dir
        self._vectors_dir = bm25_dir.with_name("vectors")
        self._bm25: tuple[int, Bm25Index] | None = None
        self._metas: dict[str, DocumentMeta] = {}
        self._lock = threading.Lock()

    def bm25(self) -> Bm25Index:
        """The BM25 index for the store's current generation (loaded, or rebuilt in memory).

        While another process is ingesting, the last index is kept (or the saved one loaded,
        even if older) instead of rebuilding after every batch; the writer saves a fresh one
        when it finishes.
        """
        generation = self._store.generation()
        with self._lock:
            if self._bm25 is not None and self._bm25[0] == generation:
                return self._bm25[1]
            busy = self._writer_elsewhere()
            if self._bm25 is not None and busy:
                return self._bm25[1]
            saved = Bm25Index.saved_generation(self._bm25_dir)
            index = None
            if saved is not None and (saved == generation or busy):
                index = Bm25Index.load(self._bm25_dir, saved)
            if index is None or saved is None:
                index, saved = Bm25Index.build(self._store.bm25_rows()), generation
            self._exact.load(index.columns, self._vectors_dir, saved, self._model())
            self._bm25 = (saved, index)  # tagged with what it holds, so stale ones get replaced
            self._metas = {}
            return index

    def _model(self) -> str:
        return indexed_model_id(self._embedder)

    def _writer_elsewhere(self) -> bool:
        pid = active_writer(self._bm25_dir.parent)
        return pid is not None and pid != os.getpid()

    def refresh_bm25(self) -> None:
        """Rebuild and save BM25 if the store changed (writers only, under the lock)."""
        generation = self._store.generation()
        if Bm25Index.saved_generation(self._bm25_dir) == generation:
            if not Bm25Index.is_current_format(self._bm25_dir):
                self.bm25().save(self._bm25_dir, generation)  # an older format: save it anew
            self._save_vectors(self.bm25(), generation)  # an archive written before them
            return
        index = Bm25Index.build(self._store.bm25_rows())
        self._save_vectors(index, generation)  # first: a reader of this BM25 finds them
        index.save(self._bm25_dir, generation)
        with self._lock:
            self._bm25 = (generation, index)
            self._metas = {}

    def _save_vectors(self, index: Bm25Index, generation: int) -> None:
        """The vectors of `generation` for exact search (exact.py), saved once."""
        if not ExactVectors.saved(self._vectors_dir, generation, self._model()):
            self._exact.save(index.columns, self._vectors_dir, generation, self._model())
            self._exact.load(index.columns, self._vectors_dir, generation, self._model())

    def vector_clause_ids(self) -> set[str]:
        return self._vectors.clause_ids()

    def clause_vectors(self, clause_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these clauses (as indexed, in context), kept once fetched."""
        found = self._exact.vectors(self.bm25().columns, clause_ids)
        missing = [cid for cid in clause_ids if cid not in found]
        return {**found, **self._vectors.vectors_of(missing)} if missing else found

    def search(self, query: str, k: int, filters: Filters) -> list[Hit]:
        text = query.strip()
        if not text:
            raise QueryError("empty query: type a few words to search for")
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(f"query too long ({len(text)} chars); keep it under {MAX_QUERY_CHARS}")
        if not 1 <= k <= MAX_K:
            raise QueryError(f"k must be between 1 and {MAX_K}, got {k}")
        if (
            filters.year_from is not None
            and filters.year_to is not None
            and filters.year_from > filters.year_to
        ):
            raise QueryError("year_from is after year_to; swap them")
        depth = candidates_for(k)
        bm25 = self.bm25()
        vector = self._embedder.embed_query(as_statement(text))
        vector_ids = self._vector_ids(vector, depth, filters, bm25)
        bm25_ids = bm25.search(text, depth, filters)
        fused = reciprocal_rank_fusion(vector_ids, bm25_ids, k=depth)
        hits: list[Hit] = []
        for start in range(0, len(fused), 2 * k):
            hits.extend(self._hydrate(fused[start : start + 2 * k]))
            if len(hits) >= k:
                break
        return hits[:k]

    def _vector_ids(
        self, vector: np.ndarray, depth: int, filters: Filters, bm25: Bm25Index
    ) -> list[str]:
        """Nearest clause ids passing the filters: exactly, over every clause's saved vector,
        when the writer saved them for this generation (exact.py); else as follows.

        Chroma evaluates any metadata filter slowly (it scans), so when the filters pass a
        large share of the clauses the nearest clauses are fetched unfiltered, deeper, and
        the filter applied to them (same result: the filtered top-k of a deeper list); a
        narrow filter, or too few survivors, is searched exactly over the passing clauses'
        vectors (see exact.py), or with Chroma's own `where` when very many clauses pass.
        """
        columns = bm25.columns
        mask = columns.mask(filters)
        if self._exact.complete(columns):
            everything = np.ones(len(columns.clause_ids), dtype=bool)
            return self._exact.nearest(columns, everything if mask is None else mask, vector, depth)
        if mask is None:
            return self._vectors.search(vector, depth, filters)
        passing = int(np.count_nonzero(mask))
        share = passing / len(mask) if len(mask) else 0.0
        if share >= BROAD_FILTER_SHARE:
            wide = min(MAX_WIDE, int(depth / share * 2) + depth)
            kept = columns.passing(self._vectors.search(vector, wide, Filters()), mask)
            if len(kept) >= depth:
                return kept[:depth]
        if passing <= MAX_EXACT:
            return self._exact.nearest(columns, mask, vector, depth)
        return self._vectors.search(vector, depth, filters)

    def _hydrate(self, fused: list[Fused]) -> list[Hit]:
        """Hits for fused ids; clauses of documents not committed (being rewritten) drop out."""
        clauses = self._store.clauses_by_id([f.clause_id for f in fused])
        hits: list[Hit] = []
        for item in fused:
            clause = clauses.get(item.clause_id)
            meta = self._meta(clause.doc_id) if clause else None
            if clause is not None and meta is not None:
                hits.append(
                    Hit(
                        clause=clause,
                        document=meta,
                        score=item.score,
                        vector_rank=item.vector_rank,
                        bm25_rank=item.bm25_rank,
                    )
                )
        return hits

    def _meta(self, doc_id: str) -> DocumentMeta | None:
        meta = self._metas.get(doc_id)
        if meta is None:
            meta = self._store.meta(doc_id)
            if meta is not None:
                self._metas[doc_id] = meta
        return meta
