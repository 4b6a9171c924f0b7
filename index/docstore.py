"""The document store (sqlite under RESCITE_HOME): the source of truth for documents, clauses
and the files they came from. Chroma and BM25 are derived from it.

A document row carries a `committed` flag: 0 while its vectors are being written or removed,
1 once they are in place. Readers see committed documents only; the next writer removes
whatever an interrupted run left uncommitted.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rescite.core.records import Clause, Document, DocumentMeta, ParsedDocument
from rescite.index.context import indexed_texts
from rescite.index.filters import MetaValue, clause_metadata, keyword_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents(
  doc_id TEXT PRIMARY KEY, meta TEXT NOT NULL, text TEXT NOT NULL, page_starts TEXT NOT NULL,
  body TEXT NOT NULL, doc_type TEXT NOT NULL, year INTEGER NOT NULL, language TEXT NOT NULL,
  source_path TEXT NOT NULL, content_sha TEXT NOT NULL, committed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS clauses(
  clause_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
  section TEXT NOT NULL, keyword_en TEXT NOT NULL, indexed TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS clauses_by_doc ON clauses(doc_id, ordinal);
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS file_docs(
  path TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY(path, doc_id));
CREATE INDEX IF NOT EXISTS file_docs_by_doc ON file_docs(doc_id);
CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

BM25_ROWS = """
SELECT c.clause_id, c.indexed, d.doc_id, d.body, d.doc_type, d.year, c.section, c.keyword_en,
       d.language, c.ordinal
FROM clauses c JOIN documents d ON d.doc_id = c.doc_id
WHERE d.committed = 1 ORDER BY c.doc_id, c.ordinal
"""


class DocStore:
    """sqlite access: writes on one connection under a lock, reads on one connection per thread.

    The database is in WAL mode, so readers never wait for each other or for the writer; the
    API server's worker threads read concurrently (sqlite releases the GIL while it works)
    instead of queueing on one shared connection.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        self._db = self._connect()
        self._lock = threading.RLock()
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._closed = False

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self._path), check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA busy_timeout=10000")
        return db

    def _reader(self) -> sqlite3.Connection:
        """This thread's read connection (autocommit: each statement sees the last commit)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            with self._lock:
                if self._closed:
                    raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
                db = self._connect()
                self._readers.append(db)
            self._local.db = db
        return db

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for db in [self._db, *self._readers]:
                db.close()
            self._readers.clear()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        return list(self._reader().execute(sql, params).fetchall())

    # ---- state ----
    def generation(self) -> int:
        rows = self._rows("SELECT value FROM state WHERE key = 'generation'")
        return int(str(rows[0][0])) if rows else 0

    def _bump(self, db: sqlite3.Connection) -> None:
        db.execute(
            "INSERT INTO state(key, value) VALUES ('generation', '1') ON CONFLICT(key) "
            "DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        )

    # ---- files ----
    def file_sha(self, path: str) -> str | None:
        rows = self._rows("SELECT sha256 FROM files WHERE path = ?", (path,))
        return str(rows[0][0]) if rows else None

    def file_doc_ids(self, path: str) -> list[str]:
        rows = self._rows("SELECT doc_id FROM file_docs WHERE path = ? ORDER BY doc_id", (path,))
        return [str(r[0]) for r in rows]

    def file_paths(self) -> list[str]:
        return [str(r[0]) for r in self._rows("SELECT path FROM files ORDER BY path")]

    def doc_paths(self, doc_id: str) -> list[str]:
        rows = self._rows("SELECT path FROM file_docs WHERE doc_id = ? ORDER BY path", (doc_id,))
        return [str(r[0]) for r in rows]

    def record_file(self, path: str, sha256: str, doc_ids: Sequence[str]) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM file_docs WHERE path = ?", (path,))
            db.executemany(
                "INSERT OR IGNORE INTO file_docs(path, doc_id) VALUES (?, ?)",
                [(path, doc_id) for doc_id in doc_ids],
            )
            db.execute(
                "INSERT INTO files(path, sha256) VALUES (?, ?) ON CONFLICT(path) "
                "DO UPDATE SET sha256 = excluded.sha256",
                (path, sha256),
            )

    def forget_sha(self, path: str) -> None:
        """Make the next sync read this file again."""
        with self._tx() as db:
            db.execute("UPDATE files SET sha256 = '' WHERE path = ?", (path,))

    def forget_file(self, path: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM file_docs WHERE path = ?", (path,))
            db.execute("DELETE FROM files WHERE path = ?", (path,))

    def detach(self, path: str, doc_id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM file_docs WHERE path = ? AND doc_id = ?", (path, doc_id))

    # ---- documents ----
    def state_of(self, doc_id: str) -> tuple[str, str, bool] | None:
        """(source_path, content_sha, committed) of a stored document."""
        rows = self._rows(
            "SELECT source_path, content_sha, committed FROM documents WHERE doc_id = ?",
            (doc_id,),
        )
        if not rows:
            return None
        return str(rows[0][0]), str(rows[0][1]), bool(rows[0][2])

    def begin_documents(
        self, items: Sequence[tuple[ParsedDocument, str, str, Sequence[str]]]
    ) -> None:
        """Write documents and their clauses uncommitted, replacing older versions, in one
        transaction. items: (parsed document, source path, content sha, each clause's indexed
        text as `flat_rows` made it)."""
        with self._tx() as db:
            for parsed, source_path, content_sha, texts in items:
                self._write_document(db, parsed, source_path, content_sha, texts)

    @staticmethod
    def _write_document(
        db: sqlite3.Connection,
        parsed: ParsedDocument,
        source_path: str,
        content_sha: str,
        texts: Sequence[str],
    ) -> None:
        document = parsed.document
        meta = document.meta
        db.execute("DELETE FROM clauses WHERE doc_id = ?", (meta.doc_id,))
        db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,0)",
            (
                meta.doc_id, meta.model_dump_json(), document.text,
                json.dumps(list(document.page_starts)), meta.body.value,
                meta.doc_type.value, meta.year or 0, meta.language.lower(),
                source_path, content_sha,
            ),
        )  # fmt: skip
        db.executemany(
            "INSERT INTO clauses VALUES (?,?,?,?,?,?,?)",
            [
                (
                    c.clause_id, meta.doc_id, c.ordinal, c.section.value,
                    keyword_key(c.keyword_en), text, c.model_dump_json(),
                )
                for c, text in zip(parsed.clauses, texts, strict=True)
            ],
        )  # fmt: skip

    def set_committed(self, doc_ids: Sequence[str], committed: bool) -> None:
        with self._tx() as db:
            db.executemany(
                "UPDATE documents SET committed = ? WHERE doc_id = ?",
                [(int(committed), doc_id) for doc_id in doc_ids],
            )
            self._bump(db)

    def delete_document(self, doc_id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM clauses WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM file_docs WHERE doc_id = ?", (doc_id,))
            self._bump(db)

    def uncommitted(self) -> list[str]:
        rows = self._rows("SELECT doc_id FROM documents WHERE committed = 0 ORDER BY doc_id")
        return [str(r[0]) for r in rows]

    def committed_doc_ids(self) -> set[str]:
        return {str(r[0]) for r in self._rows("SELECT doc_id FROM documents WHERE committed = 1")}

    def counts(self) -> tuple[int, int]:
        """(committed documents, their clauses)."""
        rows = self._rows(
            "SELECT COUNT(DISTINCT d.doc_id), COUNT(c.clause_id) FROM documents d "
            "LEFT JOIN clauses c ON c.doc_id = d.doc_id WHERE d.committed = 1"
        )
        return int(str(rows[0][0])), int(str(rows[0][1]))

    def meta(self, doc_id: str) -> DocumentMeta | None:
        rows = self._rows(
            "SELECT meta FROM documents WHERE doc_id = ? AND committed = 1", (doc_id,)
        )
        if not rows:
            return None
        meta = DocumentMeta.model_validate_json(str(rows[0][0]))
        return meta.model_copy(update={"sources": tuple(self.doc_paths(doc_id))})

    def metas(self, doc_ids: Sequence[str]) -> dict[str, DocumentMeta]:
        """`meta` of many documents in two queries (absent or uncommitted ones left out)."""
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        rows = self._rows(
            f"SELECT doc_id, meta FROM documents WHERE doc_id IN ({marks}) AND committed = 1",
            list(doc_ids),
        )
        sources: dict[str, list[str]] = {}
        for doc_id, source in self._rows(
            f"SELECT doc_id, path FROM file_docs WHERE doc_id IN ({marks}) ORDER BY path",
            list(doc_ids),
        ):
            sources.setdefault(str(doc_id), []).append(str(source))
        return {
            str(doc_id): DocumentMeta.model_validate_json(str(meta)).model_copy(
                update={"sources": tuple(sources.get(str(doc_id), ()))}
            )
            for doc_id, meta in rows
        }

    def document(self, doc_id: str) -> Document | None:
        rows = self._rows(
            "SELECT text, page_starts FROM documents WHERE doc_id = ? AND committed = 1",
            (doc_id,),
        )
        meta = self.meta(doc_id)
        if not rows or meta is None:
            return None
        starts = tuple(int(x) for x in json.loads(str(rows[0][1])))
        return Document(meta=meta, text=str(rows[0][0]), page_starts=starts)

    def clauses_of(self, doc_id: str) -> list[Clause]:
        rows = self._rows(
            "SELECT c.data FROM clauses c JOIN documents d ON d.doc_id = c.doc_id "
            "WHERE c.doc_id = ? AND d.committed = 1 ORDER BY c.ordinal",
            (doc_id,),
        )
        return [Clause.model_validate_json(str(r[0])) for r in rows]

    def clauses_containing(self, fragments: Sequence[str]) -> list[Clause]:
        """Committed clauses whose stored record contains any fragment (case-insensitive for
        ASCII), in document and reading order: a cheap first pass before an exact test."""
        if not fragments:
            return []
        likes = " OR ".join("c.data LIKE ? ESCAPE '\\'" for _ in fragments)
        patterns = ["%" + re.sub(r"([%_\\])", r"\\\1", f) + "%" for f in fragments]
        rows = self._rows(
            "SELECT c.data FROM clauses c JOIN documents d ON d.doc_id = c.doc_id "
            f"WHERE d.committed = 1 AND ({likes}) ORDER BY c.doc_id, c.ordinal",
            patterns,
        )
        return [Clause.model_validate_json(str(r[0])) for r in rows]

    def _committed(self, columns: str, clause_ids: Sequence[str]) -> list[tuple[object, ...]]:
        """`columns` of these clauses (`c`), those of committed documents only."""
        if not clause_ids:
            return []
        marks = ",".join("?" * len(clause_ids))
        return self._rows(
            f"SELECT {columns} FROM clauses c JOIN documents d ON d.doc_id = c.doc_id "
            f"WHERE c.clause_id IN ({marks}) AND d.committed = 1",
            list(clause_ids),
        )

    def clauses_by_id(self, clause_ids: Sequence[str]) -> dict[str, Clause]:
        found = [
            Clause.model_validate_json(str(r[0])) for r in self._committed("c.data", clause_ids)
        ]
        return {c.clause_id: c for c in found}

    def indexed_texts(self, clause_ids: Sequence[str]) -> dict[str, str]:
        """The indexed text (index/context.py) of each of these clauses that is committed."""
        rows = self._committed("c.clause_id, c.indexed", clause_ids)
        return {str(row[0]): str(row[1]) for row in rows}

    def all_clause_ids(self) -> list[str]:
        rows = self._rows(
            "SELECT c.clause_id FROM clauses c JOIN documents d ON d.doc_id = c.doc_id "
            "WHERE d.committed = 1 ORDER BY c.clause_id"
        )
        return [str(r[0]) for r in rows]

    def bm25_rows(self) -> list[tuple[str, str, dict[str, MetaValue]]]:
        """(clause_id, indexed text, the metadata its vectors carry) of committed clauses."""
        names = ("doc_id", "body", "doc_type", "year", "section", "keyword_en", "language")
        return [
            (str(row[0]), str(row[1]), dict(zip((*names, "ordinal"), row[2:10], strict=True)))  # type: ignore[arg-type]
            for row in self._rows(BM25_ROWS)
        ]

    def query_documents(
        self, where: str, params: Sequence[object], offset: int, limit: int
    ) -> tuple[list[str], int]:
        """Committed doc ids matching a WHERE fragment over `documents d`, and their total."""
        base = f"FROM documents d WHERE d.committed = 1 AND {where}"
        total = int(str(self._rows(f"SELECT COUNT(*) {base}", params)[0][0]))
        rows = self._rows(
            f"SELECT d.doc_id {base} ORDER BY d.doc_id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [str(r[0]) for r in rows], total


def flat_rows(parsed: ParsedDocument) -> list[tuple[str, str, dict[str, MetaValue]]]:
    """(clause_id, indexed text, flat metadata) of a parsed document's clauses."""
    meta = parsed.document.meta
    texts = indexed_texts(meta, parsed.clauses, parsed.document.text)
    return [
        (c.clause_id, text, clause_metadata(c, meta))
        for c, text in zip(parsed.clauses, texts, strict=True)
    ]
