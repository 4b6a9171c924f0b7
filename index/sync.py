"""Incremental sync: files -> documents -> clauses -> vectors, only for what changed.

Per file: sha256 first; an unchanged file is skipped before it is read. Changed documents are
written to the doc store uncommitted, their old vectors dropped and new ones added, then marked
committed; a file's sha256 is recorded only once all its documents are committed. A run killed
at any point therefore leaves committed documents intact and the next run redoes the rest.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
from rescite.core.records import FailedFile, ParsedDocument, SyncReport
from rescite.index.docstore import DocStore, flat_rows
from rescite.index.embedders import Embedder
from rescite.index.filters import MetaValue
from rescite.index.vectors import VectorStore

BATCH_CLAUSES = 256

Row = tuple[str, str, dict[str, MetaValue]]
ReadParsed = Callable[[Path], list[ParsedDocument]]
ListFiles = Callable[[Sequence[Path]], list[Path]]


class IngestProgress(Protocol):
    """What an ingest reports while it runs (the CLI draws it)."""

    def files_found(self, total: int) -> None: ...

    def file_done(self, path: Path, status: str) -> None: ...

    def clauses_embedded(self, count: int, seconds: float) -> None: ...


class _Silent:
    def files_found(self, total: int) -> None:
        pass

    def file_done(self, path: Path, status: str) -> None:
        pass

    def clauses_embedded(self, count: int, seconds: float) -> None:
        pass


@dataclass
class _Run:
    progress: IngestProgress
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    embedded: int = 0
    pending_docs: list[tuple[ParsedDocument, bool]] = field(default_factory=list)
    pending_files: list[tuple[Path, str, list[str]]] = field(default_factory=list)

    def report(self) -> SyncReport:
        return SyncReport(
            added=tuple(sorted(set(self.added))),
            updated=tuple(sorted(set(self.updated))),
            unchanged=tuple(sorted(set(self.unchanged))),
            removed=tuple(sorted(set(self.removed))),
            failed=tuple(self.failed),
            clauses_embedded=self.embedded,
        )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def content_sha(parsed: ParsedDocument) -> str:
    digest = hashlib.sha256(parsed.document.model_dump_json().encode())
    for clause in parsed.clauses:
        digest.update(clause.model_dump_json().encode())
    return digest.hexdigest()


class Sync:
    """Brings the doc store and vectors in line with a set of files (the caller holds the lock)."""

    def __init__(
        self,
        store: DocStore,
        vectors: VectorStore,
        embedder: Embedder,
        list_files: ListFiles,
        read: ReadParsed,
    ) -> None:
        self._store = store
        self._vectors = vectors
        self._embedder = embedder
        self._list_files = list_files
        self._read = read

    def reconcile(self) -> list[str]:
        """Remove what an interrupted run left uncommitted; returns the doc ids removed."""
        leftovers = self._store.uncommitted()
        for doc_id in leftovers:
            self._vectors.delete_document(doc_id)
            self._store.delete_document(doc_id)
        return leftovers

    def run(
        self, paths: Sequence[Path], *, prune: bool, progress: IngestProgress | None
    ) -> SyncReport:
        self.reconcile()
        run = _Run(progress or _Silent())
        files = sorted({p.resolve() for p in self._list_files(paths)})
        run.progress.files_found(len(files))
        for path in files:
            self._sync_file(path, run)
        self._flush(run)
        if prune:
            self._prune(paths, {str(p) for p in files}, run)
        return run.report()

    def _sync_file(self, path: Path, run: _Run) -> None:
        key = str(path)
        try:
            sha = file_sha256(path)
            if self._store.file_sha(key) == sha:
                run.unchanged.extend(self._store.file_doc_ids(key))
                run.progress.file_done(path, "unchanged")
                return
            parsed_docs = self._read(path)
        except Exception as error:  # a bad file is reported; the batch goes on
            kind = str(getattr(error, "kind", type(error).__name__))
            run.failed.append(FailedFile(path=key, kind=kind, message=str(error)))
            run.progress.file_done(path, "failed")
            return
        doc_ids = [self._plan(parsed, key, run) for parsed in parsed_docs]
        run.pending_files.append((path, sha, doc_ids))
        if sum(len(p.clauses) for p, _ in run.pending_docs) >= BATCH_CLAUSES:
            self._flush(run)

    def _plan(self, parsed: ParsedDocument, key: str, run: _Run) -> str:
        """Decide what one parsed document needs; queue it for embedding if it changed."""
        doc_id = parsed.document.meta.doc_id
        state = self._store.state_of(doc_id)
        if state is not None and state[2]:
            owner, old_sha, _ = state
            if owner != key and owner in self._store.doc_paths(doc_id):
                run.unchanged.append(doc_id)  # the same resolution from another file
                return doc_id
            if old_sha == content_sha(parsed):
                run.unchanged.append(doc_id)
                return doc_id
        if any(doc_id == queued.document.meta.doc_id for queued, _ in run.pending_docs):
            run.unchanged.append(doc_id)  # a duplicate within this batch: first one wins
            return doc_id
        run.pending_docs.append((parsed, state is not None))
        return doc_id

    def _flush(self, run: _Run) -> None:
        docs, run.pending_docs = run.pending_docs, []
        rows = [flat_rows(parsed) for parsed, _ in docs]
        texts = [text for doc_rows in rows for _, text, _ in doc_rows]
        started = time.perf_counter()
        vectors = self._embedder.embed_documents(texts)
        run.embedded += len(texts)
        run.progress.clauses_embedded(len(texts), time.perf_counter() - started)
        offset = 0
        for (parsed, existed), doc_rows in zip(docs, rows, strict=True):
            block = vectors[offset : offset + len(doc_rows)]
            offset += len(doc_rows)
            self._write(parsed, doc_rows, block, self._owner(parsed, run))
            (run.updated if existed else run.added).append(parsed.document.meta.doc_id)
        files, run.pending_files = run.pending_files, []
        for path, sha, doc_ids in files:
            self._record(path, sha, doc_ids, run)
            run.progress.file_done(path, "indexed")

    def _owner(self, parsed: ParsedDocument, run: _Run) -> str:
        doc_id = parsed.document.meta.doc_id
        for path, _, doc_ids in run.pending_files:
            if doc_id in doc_ids:
                return str(path)
        return ""

    def _write(
        self, parsed: ParsedDocument, rows: list[Row], vectors: np.ndarray, owner: str
    ) -> None:
        doc_id = parsed.document.meta.doc_id
        self._store.begin_document(parsed, owner, content_sha(parsed))
        self._vectors.delete_document(doc_id)
        self._vectors.add([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], vectors)
        self._store.set_committed([doc_id], True)

    def _record(self, path: Path, sha: str, doc_ids: list[str], run: _Run) -> None:
        key = str(path)
        for gone in set(self._store.file_doc_ids(key)) - set(doc_ids):
            self._detach(key, gone, run)
        self._store.record_file(key, sha, doc_ids)

    def _detach(self, key: str, doc_id: str, run: _Run) -> None:
        """Drop one file's claim on a document; the document goes when no file claims it."""
        self._store.detach(key, doc_id)
        if not self._store.doc_paths(doc_id):
            self._remove(doc_id)
            run.removed.append(doc_id)

    def _remove(self, doc_id: str) -> None:
        self._store.set_committed([doc_id], False)
        self._vectors.delete_document(doc_id)
        self._store.delete_document(doc_id)

    def _prune(self, roots: Sequence[Path], seen: set[str], run: _Run) -> None:
        """Forget files that are gone (or no longer listed under a folder that was ingested)."""
        folders = [str(r.resolve()) + "/" for r in roots if r.is_dir()]
        for key in self._store.file_paths():
            listed_away = any(key.startswith(f) for f in folders) and key not in seen
            if Path(key).is_file() and not listed_away:
                continue
            for doc_id in self._store.file_doc_ids(key):
                self._detach(key, doc_id, run)
            self._store.forget_file(key)
            run.progress.file_done(Path(key), "removed")
