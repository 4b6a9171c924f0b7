"""Exact nearest clauses among the few a narrow filter leaves, by a numpy dot product.

Chroma answers a filtered query by scanning its metadata for the `where` first (~80 ms over
52k clauses, whatever the filter), while a dot product over the few thousand vectors a narrow
filter leaves takes well under a millisecond. The vectors of filtered clauses are fetched from
the vector store the first time a filter needs them and kept, aligned with the BM25 columns of
one generation, until the columns change (the next generation starts empty).

Vectors are unit length (every embedder normalises them), so the dot product orders clauses as
Chroma's cosine distance does; equal scores keep the columns' order.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
from rescite.index.filters import ClauseColumns
from rescite.index.vectors import VectorStore


class _Loaded:
    """The vectors fetched so far for one generation's columns (rows in column order)."""

    def __init__(self, columns: ClauseColumns) -> None:
        self.columns = columns
        self.rows: np.ndarray | None = None  # (clauses, dimension), allocated on first fill
        self.fetched = np.zeros(len(columns.clause_ids), dtype=bool)
        self.present = np.zeros(len(columns.clause_ids), dtype=bool)  # has a stored vector


class ExactVectors:
    def __init__(self, vectors: VectorStore) -> None:
        self._vectors = vectors
        self._loaded: _Loaded | None = None
        self._lock = threading.Lock()

    def nearest(
        self, columns: ClauseColumns, mask: np.ndarray, vector: np.ndarray, k: int
    ) -> list[str]:
        """Ids of the `k` clauses passing `mask` nearest to `vector`, best first."""
        loaded = self._fill(columns, mask)
        positions = np.flatnonzero(mask & loaded.present)
        if not len(positions) or loaded.rows is None:
            return []
        scores = loaded.rows[positions] @ np.asarray(vector, dtype=np.float32)
        k = min(k, len(positions))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(positions) else np.arange(k)
        top = top[np.lexsort((top, -scores[top]))]
        return [columns.clause_ids[i] for i in positions[top]]

    def vectors(self, columns: ClauseColumns, clause_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors of these clauses (ids unknown to `columns` or without one left out)."""
        known = [(cid, i) for cid in clause_ids if (i := columns.positions.get(cid)) is not None]
        mask = np.zeros(len(columns.clause_ids), dtype=bool)
        mask[[i for _, i in known]] = True
        loaded = self._fill(columns, mask)
        if loaded.rows is None:
            return {}
        return {cid: loaded.rows[i].copy() for cid, i in known if loaded.present[i]}

    def _fill(self, columns: ClauseColumns, mask: np.ndarray) -> _Loaded:
        """The cache for `columns`, holding at least the vectors of the clauses in `mask`.

        The store is read outside the lock (other threads keep searching meanwhile); rows are
        written once, under the lock, and only read after being marked fetched.
        """
        with self._lock:
            loaded = self._loaded
            if loaded is None or loaded.columns is not columns:
                loaded = self._loaded = _Loaded(columns)
            missing = np.flatnonzero(mask & ~loaded.fetched)
        if not len(missing):
            return loaded
        ids = [columns.clause_ids[i] for i in missing]
        found = self._vectors.vectors_of(ids)
        with self._lock:
            for position, clause_id in zip(missing.tolist(), ids, strict=True):
                row = found.get(clause_id)
                if loaded.fetched[position] or row is None:
                    continue
                if loaded.rows is None:
                    loaded.rows = np.zeros((len(columns.clause_ids), len(row)), np.float32)
                loaded.rows[position] = row
                loaded.present[position] = True
            loaded.fetched[missing] = True
        return loaded
