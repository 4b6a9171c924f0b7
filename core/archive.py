"""The Archive: the library API the CLI, the API server, answers and evals use.

    archive = open_archive(settings)          # rescite.core.wiring
    report = archive.ingest([Path("docs/")])  # incremental; holds the write lock meanwhile
    hits = archive.search("cybersecurity", k=10, filters=Filters(body=(Body.UNGA,)))
    archive.document(doc_id) / documents(...) / clause(clause_id) / clauses(doc_id)
    archive.close()                           # or: with open_archive(settings) as archive:

Built only by core/wiring.py; holds the index's parts but no framework types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

import numpy as np
from rescite.core.errors import NotFound, QueryError
from rescite.core.memo import GenerationMemo
from rescite.core.records import (
    Clause,
    Document,
    DocumentPage,
    Filters,
    Hit,
    RankingFill,
    Record,
    SyncReport,
)
from rescite.index.docstore import DocStore
from rescite.index.embedders import Embedder
from rescite.index.filters import keyword_key
from rescite.index.lock import WriteLock
from rescite.index.search import HybridSearcher
from rescite.index.sync import IngestProgress, Sync

__all__ = ["Archive", "IndexStats", "IngestProgress"]

NO_FILTERS = Filters()
MEMO_SIZE = 2048  # clause lists, clauses and catalogue pages kept in memory
TEXTS_KEPT = 64  # whole documents (with their text) kept in memory


class IndexStats(Record):
    documents: int
    clauses: int
    vectors: int
    bm25_clauses: int
    uncommitted: int
    consistent: bool  # the same clause ids in the doc store, each side's vectors and BM25


class Archive:
    def __init__(
        self,
        store: DocStore,
        searcher: HybridSearcher,
        sync: Sync,
        lock: WriteLock,
        embedder: Embedder,
    ) -> None:
        self.embedder = embedder  # loaded once; answers score quotes with the same model
        self._store = store
        self._searcher = searcher
        self._sync = sync
        self._lock = lock
        self._memo = GenerationMemo(store.generation, size=MEMO_SIZE)
        self._texts = GenerationMemo(store.generation, size=TEXTS_KEPT)

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: IngestProgress | None = None,
    ) -> SyncReport:
        """Index new and changed files, skip unchanged ones, optionally prune vanished ones.

        An archive whose every English clause had a ranking vector gets the new clauses' too,
        so that the search keeps ranking by them (a few seconds for a document or two)."""
        with self._lock:
            try:
                report = self._sync.run(paths, prune=prune, progress=progress)
            finally:
                self._searcher.refresh_bm25()
            changed = {*report.added, *report.updated}
            if changed or report.removed:
                self._searcher.keep_ranking_complete(changed)
            return report

    def fill_ranking_vectors(
        self, on_batch: Callable[[int, int], None] | None = None
    ) -> RankingFill | None:
        """Embed every English clause for the ranking encoder now (about 27 clauses/s), rather
        than each when an answer first ranks it; None when the archive has no ranking
        encoder. An interrupted fill keeps what it embedded."""
        return self._searcher.fill_ranking_vectors(on_batch)

    def ranking_coverage(self) -> RankingFill | None:
        """How many English clauses the ranking encoder already has a vector for (`embedded`
        is 0); None when the archive has no ranking encoder."""
        return self._searcher.ranking_coverage()

    def load_indexes(self) -> None:
        """Load BM25 now rather than on the first search (a cold start overlaps it with other
        work; the vector index already loads in the background when the archive opens)."""
        self._searcher.bm25()

    def search(self, query: str, *, k: int = 10, filters: Filters = NO_FILTERS) -> list[Hit]:
        return self._searcher.search(query, k, filters)

    def document(self, doc_id: str) -> Document:
        document = self._texts.get(doc_id, lambda: self._store.document(doc_id))
        if document is None:
            raise NotFound(f"no document '{doc_id}'; list them with `rescite search` or /documents")
        return document

    def documents(
        self, filters: Filters = NO_FILTERS, offset: int = 0, limit: int = 50
    ) -> DocumentPage:
        if offset < 0 or not 1 <= limit <= 1000:
            raise QueryError("offset must be >= 0 and limit between 1 and 1000")
        return self._memo.get(
            ("documents", filters, offset, limit), lambda: self._page(filters, offset, limit)
        )

    def _page(self, filters: Filters, offset: int, limit: int) -> DocumentPage:
        where, params = _document_where(filters)
        doc_ids, total = self._store.query_documents(where, params, offset, limit)
        metas = self._store.metas(doc_ids)
        items = tuple(metas[d] for d in doc_ids if d in metas)
        return DocumentPage(items=items, total=total, offset=offset, limit=limit)

    def clause(self, clause_id: str) -> Clause:
        found = self._memo.get(
            ("clause", clause_id), lambda: self._store.clauses_by_id([clause_id]).get(clause_id)
        )
        if found is None:
            raise NotFound(f"no clause '{clause_id}'; check the id (see `archive.clauses(doc_id)`)")
        return found

    def clauses(self, doc_id: str) -> list[Clause]:
        found = self._memo.get(("clauses", doc_id), lambda: self._store.clauses_of(doc_id))
        if not found and self._store.meta(doc_id) is None:
            raise NotFound(f"no document '{doc_id}'")
        return list(found)

    def clauses_mentioning(self, fragments: Sequence[str]) -> list[Clause]:
        """Clauses whose text or parsed references contain any of the fragments (ASCII
        case-insensitive), in document and reading order: a first pass over the whole archive
        before an exact test, such as which clauses cite a given resolution."""
        key = ("mentioning", tuple(fragments))
        return list(self._memo.get(key, lambda: self._store.clauses_containing(fragments)))

    def counts(self) -> tuple[int, int]:
        """(documents, clauses) that search can return."""
        return self._store.counts()

    def clause_ids(self) -> list[str]:
        """Every searchable clause id, sorted."""
        return self._store.all_clause_ids()

    def clause_vectors(self, clause_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these clauses, for re-ranking candidates by similarity."""
        return self._searcher.clause_vectors(clause_ids)

    def paraphrase_similarities(
        self, question: str, clause_ids: Sequence[str]
    ) -> dict[str, float] | None:
        """Cosines of the question to these clauses by the archive's English encoder (the
        ranking encoder, or the paraphrase encoder's vectors); None when it has none, or the
        question is in a script it does not read."""
        return self._searcher.paraphrase_similarities(question, clause_ids)

    def late_scores(self, question: str, texts: Sequence[str]) -> list[float] | None:
        """Late-interaction scores of the texts against the question by the English paraphrase
        encoder (`index/late.py`); None when the archive has none, or the question is in a
        script it does not read."""
        return self._searcher.late_scores(question, texts)

    def stats(self) -> IndexStats:
        """Counts from the doc store, the vectors and BM25, and whether they agree."""
        documents, clauses = self._store.counts()
        stored = set(self._store.all_clause_ids())
        sides = self._searcher.vector_clause_ids()
        bm25 = set(self._searcher.bm25().columns.clause_ids)
        return IndexStats(
            documents=documents,
            clauses=clauses,
            vectors=len(sides[0]),
            bm25_clauses=len(bm25),
            uncommitted=len(self._store.uncommitted()),
            consistent=stored == bm25 and all(side == stored for side in sides),
        )

    def close(self) -> None:
        self._searcher.close()
        self._store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _document_where(filters: Filters) -> tuple[str, list[object]]:
    parts: list[str] = ["1 = 1"]
    params: list[object] = []

    def among(column: str, values: Sequence[str]) -> None:
        if values:
            parts.append(f"{column} IN ({','.join('?' * len(values))})")
            params.extend(values)

    among("d.body", [b.value for b in filters.body])
    among("d.doc_type", [t.value for t in filters.doc_type])
    among("d.language", [lang.lower() for lang in filters.language])
    among("d.doc_id", list(filters.doc_id))
    if filters.year_from is not None:
        parts.append("d.year >= ?")
        params.append(filters.year_from)
    if filters.year_to is not None:
        parts.append("d.year <= ? AND d.year > 0")
        params.append(filters.year_to)
    clause_parts: list[str] = []
    if filters.section:
        clause_parts.append(f"c.section IN ({','.join('?' * len(filters.section))})")
        params.extend(s.value for s in filters.section)
    if filters.keyword:
        clause_parts.append(f"c.keyword_en IN ({','.join('?' * len(filters.keyword))})")
        params.extend(keyword_key(k) for k in filters.keyword)
    if clause_parts:
        parts.append(
            "EXISTS (SELECT 1 FROM clauses c WHERE c.doc_id = d.doc_id AND "
            + " AND ".join(clause_parts)
            + ")"
        )
    return " AND ".join(parts), params
