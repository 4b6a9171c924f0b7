"""The ranking encoder: an English model stronger than the paraphrase side's, too slow to embed
every clause at ingest, that re-scores only an answer's candidates (mpnet.py).

An answer's candidates are ordered by the mean of two similarities (answer/support.py): the
primary encoder's and an English encoder's. With all-mpnet-base-v2 as that English encoder in
place of all-MiniLM-L6-v2 (whose vectors the index already holds), development R@10 0.849 ->
0.865 and held-out R@10 0.785 -> 0.811, MRR 0.696 -> 0.757 (evals/README.md, fortieth session).
Embedding all 52,149 clauses would add some 35 minutes to an 11-minute ingest, so each
candidate's indexed text is embedded when first ranked, at about 27 texts/s, and its vector
kept in the archive (`ranking-vectors.sqlite3`, keyed by model and text: an identical clause
of another document, or of a re-ingested one, is not embedded again).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path

import numpy as np
from rescite.index.embedders import Embedder

log = logging.getLogger(__name__)

SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"


class RankingVectors:
    """Vectors of texts by one model, kept in a sqlite file; a file that cannot be written
    (a read-only archive) only costs the embedding again."""

    def __init__(self, path: Path, model_id: str, dimension: int) -> None:
        self._path = path
        self._model = model_id
        self._dimension = dimension
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def key(self, text: str) -> bytes:
        return hashlib.sha256(f"{self._model}\n{text}".encode()).digest()[:16]

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            db = sqlite3.connect(str(self._path), check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA busy_timeout=10000")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)
            self._db = db
        return self._db

    def get(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        try:
            with self._lock:
                rows = (
                    self._connection()
                    .execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", keys)
                    .fetchall()
                )
        except sqlite3.Error as error:
            log.warning("ranking vectors unreadable in %s (%s): embedding again", self._path, error)
            return {}
        return {
            bytes(key): np.frombuffer(vector, dtype=np.float32)
            for key, vector in rows
            if len(vector) == 4 * self._dimension
        }

    def put(self, vectors: Mapping[bytes, np.ndarray]) -> None:
        rows = [(key, np.asarray(vector, np.float32).tobytes()) for key, vector in vectors.items()]
        try:
            with self._lock:
                self._connection().executemany(
                    "INSERT OR REPLACE INTO vectors(key, vector) VALUES (?, ?)", rows
                )
        except sqlite3.Error as error:
            log.warning("ranking vectors not kept in %s (%s)", self._path, error)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class RankingEncoder:
    """Cosines of a question to texts by the ranking encoder, each text embedded once."""

    def __init__(self, embedder: Embedder, path: Path) -> None:
        self.embedder = embedder
        self._vectors = RankingVectors(path, embedder.model_id, embedder.dimension)

    def similarities(self, question: str, texts: Mapping[str, str]) -> dict[str, float]:
        """Each text's cosine to the question (negative ones as 0), keyed as `texts` is."""
        if not texts:
            return {}
        keys = {name: self._vectors.key(text) for name, text in texts.items()}
        found = self._vectors.get(sorted(set(keys.values())))
        missing = {keys[name]: text for name, text in texts.items() if keys[name] not in found}
        if missing:
            fresh = dict(
                zip(missing, self.embedder.embed_documents(list(missing.values())), strict=True)
            )
            self._vectors.put(fresh)
            found.update(fresh)
        query = self.embedder.embed_query(question)
        return {name: max(float(found[key] @ query), 0.0) for name, key in keys.items()}

    def close(self) -> None:
        self._vectors.close()
