"""Hybrid clause search: vectors (Chroma via llama-index, and exact copies) + BM25, fused by
clause id."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

import numpy as np
from rescite.core.errors import QueryError
from rescite.core.records import DocumentMeta, Filters, Hit, RankingFill
from rescite.index.bm25 import Bm25Index
from rescite.index.docstore import DocStore
from rescite.index.fusion import RANKING_WEIGHT, Fused, Ranked, reciprocal_rank_fusion
from rescite.index.late import late_scores
from rescite.index.lock import active_writer
from rescite.index.rerank import RankingEncoder
from rescite.index.sides import VectorSide, in_latin_letters

MAX_QUERY_CHARS = 4000
MAX_K = 200
BM25 = "bm25"
RANKING = "ranking"
ENGLISH = Filters(language=("en",))


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
    """BM25 and one or more vector sides (sides.py), fused; the first side is the primary. The
    ranking encoder, if any, re-scores English candidates (rerank.py)."""

    def __init__(
        self,
        store: DocStore,
        sides: Sequence[VectorSide],
        bm25_dir: Path,
        ranker: RankingEncoder | None = None,
    ) -> None:
        self._store = store
        self._ranker = ranker
        self._sides = list(sides)
        self._primary = self._sides[0]
        self._bm25_dir = bm25_dir
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
            for side in self._sides:
                side.load(index.columns, saved)
            self._bm25 = (saved, index)  # tagged with what it holds, so stale ones get replaced
            self._metas = {}
            return index

    def _writer_elsewhere(self) -> bool:
        pid = active_writer(self._bm25_dir.parent)
        return pid is not None and pid != os.getpid()

    def refresh_bm25(self) -> None:
        """Rebuild and save BM25 if the store changed (writers only, under the lock)."""
        generation = self._store.generation()
        if Bm25Index.saved_generation(self._bm25_dir) == generation:
            if not Bm25Index.is_current_format(self._bm25_dir):
                self.bm25().save(self._bm25_dir, generation)  # an older format: save it anew
            for side in self._sides:  # an archive written before them
                side.save(self.bm25().columns, generation)
            return
        index = Bm25Index.build(self._store.bm25_rows())
        for side in self._sides:  # first: a reader of this BM25 finds them
            side.save(index.columns, generation)
        index.save(self._bm25_dir, generation)
        with self._lock:
            self._bm25 = (generation, index)
            self._metas = {}

    def vector_clause_ids(self) -> list[set[str]]:
        """The clause ids each side holds a vector for, the primary side's first."""
        return [side.store.clause_ids() for side in self._sides]

    def clause_vectors(self, clause_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The primary side's vectors of these clauses (as indexed, in context)."""
        found = self._primary.exact.vectors(self.bm25().columns, clause_ids)
        missing = [cid for cid in clause_ids if cid not in found]
        return {**found, **self._primary.store.vectors_of(missing)} if missing else found

    def paraphrase_similarities(
        self, question: str, clause_ids: Sequence[str]
    ) -> dict[str, float] | None:
        """English clauses' cosines to an English question: by the ranking encoder when the
        archive has one, else by the paraphrase side's vectors; None when neither reads it."""
        if self._ranker is not None:
            if not in_latin_letters(question):
                return None
            columns = self.bm25().columns
            english = columns.mask(ENGLISH)
            kept = [
                clause_id
                for clause_id in clause_ids
                if clause_id in columns.positions
                and (english is None or english[columns.positions[clause_id]])
            ]
            return self._ranker.similarities(question, self._store.indexed_texts(kept))
        side = next((side for side in self._sides[1:] if side.reads(question)), None)
        if side is None:
            return None
        columns = self.bm25().columns
        ranked = side.ranked(columns)
        vectors = side.exact.vectors(columns, clause_ids)
        query = side.embedder.embed_query(question)
        return {
            clause_id: max(float(row @ query), 0.0)
            for clause_id, row in vectors.items()
            if ranked is None or ranked[columns.positions[clause_id]]
        }

    def fill_ranking_vectors(
        self, on_batch: Callable[[int, int], None] | None = None
    ) -> RankingFill | None:
        """Embed every English clause the ranking encoder has no vector for; None without one."""
        if self._ranker is None:
            return None
        return self._ranker.fill(list(self._english_by_id().values()), on_batch)

    def ranking_coverage(self) -> RankingFill | None:
        """How many English clauses the ranking encoder has a vector for; None without one."""
        if self._ranker is None:
            return None
        return self._ranker.coverage(list(self._english_by_id().values()))

    def keep_ranking_complete(self, changed: Collection[str]) -> RankingFill | None:
        """After an ingest that added or changed the `changed` documents (or removed some):
        fill the ranking vectors when every English clause of the other documents has one
        (and there is one, unless nothing was added or changed: a first ingest is not
        filled), so that the search keeps ranking by them; None when it does not."""
        if self._ranker is None:
            return None
        rows = self._english_rows()
        rest = self._ranker.coverage(
            [text for doc_id, text in rows.values() if doc_id not in changed]
        )
        if rest.kept < rest.texts or (rest.texts == 0 and changed):
            return None
        return self._ranker.fill([text for _, text in rows.values()])

    def _english_by_id(self) -> dict[str, str]:
        return {clause_id: text for clause_id, (_, text) in self._english_rows().items()}

    def _english_rows(self) -> dict[str, tuple[str, str]]:
        """Each English clause's document and indexed text, by clause id."""
        return {
            clause_id: (str(meta["doc_id"]), text)
            for clause_id, text, meta in self._store.bm25_rows()
            if meta["language"] == "en"
        }

    def _ranking_nearest(
        self, ranker: RankingEncoder, statement: str, depth: int, filters: Filters
    ) -> list[str]:
        """The English clauses nearest to the query by the ranking encoder's kept vectors (an
        archive whose vectors `rescite ingest --ranking` filled ranks every English clause).
        Development set: R@10 0.867 -> 0.882, paraphrases 0.818 -> 0.871; held out 0.812 ->
        0.824 (evals/README.md, forty-third session)."""
        if filters.language and "en" not in {language.lower() for language in filters.language}:
            return []
        columns = self.bm25().columns
        english = columns.mask(filters.model_copy(update={"language": ("en",)}))
        return ranker.nearest(statement, depth, columns, english, self._english_by_id)

    def late_scores(self, question: str, texts: Sequence[str]) -> list[float] | None:
        """Late-interaction scores of the texts by a side that reads the question and whose
        model gives word-piece vectors (`index/late.py`); None when no side does."""
        for side in self._sides[1:]:
            model = getattr(side.embedder, "inner", side.embedder)  # past the query cache
            read = getattr(model, "pieces", None)
            if read is not None and side.reads(question):
                return late_scores(read, question, texts)
        return None

    def close(self) -> None:
        if self._ranker is not None:
            self._ranker.close()

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
        statement = as_statement(text)
        lists = [
            Ranked(side.name, side.nearest(statement, depth, filters, bm25.columns), side.weight)
            for side in self._sides
            if side.reads(text)
        ]
        lists.append(Ranked(BM25, bm25.search(text, depth, filters), 1.0))
        if self._ranker is not None and in_latin_letters(text):
            nearest = self._ranking_nearest(self._ranker, statement, depth, filters)
            lists.append(Ranked(RANKING, nearest, RANKING_WEIGHT))
        fused = reciprocal_rank_fusion(lists, k=depth)
        hits: list[Hit] = []
        for start in range(0, len(fused), 2 * k):
            hits.extend(self._hydrate(fused[start : start + 2 * k]))
            if len(hits) >= k:
                break
        return hits[:k]

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
                        vector_rank=item.ranks.get(self._primary.name),
                        bm25_rank=item.ranks.get(BM25),
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
