"""A vector side of the hybrid search: one embedder, its Chroma collection, its exact copy.

The archive has one or two: the multilingual sentence encoder (the primary side, whose vectors
also score an answer's support) and, unless switched off, the English paraphrase encoder
(minilm.py). Each side ranks clauses on its own; fusion.py weighs the lists.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rescite.core.records import Filters
from rescite.index.embedders import Embedder
from rescite.index.exact import ExactVectors
from rescite.index.filters import ClauseColumns
from rescite.index.vectors import VectorStore, indexed_model_id

BROAD_FILTER_SHARE = 0.1
MAX_WIDE = 800
MAX_EXACT = 25_000  # filtered clauses searched exactly in numpy rather than by Chroma's where
LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B: English, French, Spanish letters


def in_latin_letters(query: str) -> bool:
    """Whether the query is written mostly in Latin letters (what an English model reads)."""
    letters = [ch for ch in query if ch.isalpha()]
    return 2 * sum(1 for ch in letters if ch < LATIN_END) >= len(letters)


class VectorSide:
    def __init__(
        self,
        name: str,
        store: VectorStore,
        embedder: Embedder,
        folder: Path,
        weight: float,
        *,
        languages: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.store = store
        self.embedder = embedder
        self.weight = weight
        self.languages = languages  # an English model ranks English clauses only; () = all
        self.exact = ExactVectors(store)
        self._folder = folder  # saved vectors, one set of files per generation (exact.py)

    def reads(self, query: str) -> bool:
        """Whether this side's model can read the query: any, unless it reads English only."""
        return not self.languages or in_latin_letters(query)

    def ranked(self, columns: ClauseColumns) -> np.ndarray | None:
        """True for the clauses in the languages this side ranks (None: every clause)."""
        return columns.mask(Filters(language=self.languages)) if self.languages else None

    def _within(self, filters: Filters) -> Filters | None:
        """The filters narrowed to the languages this side ranks (None: nothing left)."""
        if not self.languages:
            return filters
        asked = filters.language or self.languages
        kept = tuple(language for language in asked if language.lower() in self.languages)
        return filters.model_copy(update={"language": kept}) if kept else None

    @property
    def model(self) -> str:
        return indexed_model_id(self.embedder)

    def load(self, columns: ClauseColumns, generation: int) -> None:
        self.exact.load(columns, self._folder, generation, self.model)

    def save(self, columns: ClauseColumns, generation: int) -> None:
        """Save this generation's vectors for exact search, once (writers only)."""
        if not ExactVectors.saved(self._folder, generation, self.model):
            self.exact.save(columns, self._folder, generation, self.model)
            self.load(columns, generation)

    def nearest(
        self, query: str, depth: int, filters: Filters, columns: ClauseColumns
    ) -> list[str]:
        """Nearest clause ids passing the filters: exactly, over every clause's saved vector,
        when the writer saved them for this generation (exact.py); else as follows.

        Chroma evaluates any metadata filter slowly (it scans), so when the filters pass a
        large share of the clauses the nearest clauses are fetched unfiltered, deeper, and
        the filter applied to them (same result: the filtered top-k of a deeper list); a
        narrow filter, or too few survivors, is searched exactly over the passing clauses'
        vectors (see exact.py), or with Chroma's own `where` when very many clauses pass.
        """
        within = self._within(filters)
        if within is None:
            return []
        filters = within
        vector = self.embedder.embed_query(query)
        mask = columns.mask(filters)
        if self.exact.complete(columns):
            everything = np.ones(len(columns.clause_ids), dtype=bool)
            return self.exact.nearest(columns, everything if mask is None else mask, vector, depth)
        if mask is None:
            return self.store.search(vector, depth, filters)
        passing = int(np.count_nonzero(mask))
        share = passing / len(mask) if len(mask) else 0.0
        if share >= BROAD_FILTER_SHARE:
            wide = min(MAX_WIDE, int(depth / share * 2) + depth)
            kept = columns.passing(self.store.search(vector, wide, Filters()), mask)
            if len(kept) >= depth:
                return kept[:depth]
        if passing <= MAX_EXACT:
            return self.exact.nearest(columns, mask, vector, depth)
        return self.store.search(vector, depth, filters)
