"""The ranking encoder: an English model stronger than the paraphrase side's, too slow to embed
every clause at ingest, that re-scores only an answer's candidates (mpnet.py).

An answer's candidates are ordered by the mean of two similarities (answer/support.py): the
primary encoder's and an English encoder's. With all-mpnet-base-v2 as that English encoder in
place of all-MiniLM-L6-v2 (whose vectors the index already holds), development R@10 0.849 ->
0.865 and held-out R@10 0.785 -> 0.811, MRR 0.696 -> 0.757 (evals/README.md, fortieth session).
Embedding all 52,149 clauses would add some 35 minutes to an 11-minute ingest, so each
candidate's indexed text is embedded when first ranked, at about 27 texts/s, and its vector
kept in the archive's home (`ranking-vectors.sqlite3`, keyed by model and text: an identical
clause of another document or of a re-ingested one is not embedded again; deleting the file
costs only the embedding again). `rescite ingest --ranking` embeds every English clause at once
(`fill`), for a server that should answer new questions without embedding anything, and drops
the vectors of texts the archive no longer holds.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rescite.core.errors import ConfigError
from rescite.core.records import RankingFill
from rescite.index.embedders import Embedder
from rescite.index.filters import ClauseColumns

log = logging.getLogger(__name__)

FILL_BATCH = 64  # texts embedded and kept at once by `fill`: an interrupted fill keeps its work
LOOKUP_BATCH = 900  # keys per query, under SQLite's limit of bound parameters
RECHECK_S = 30.0  # while some vectors are missing, how often to look whether they were kept
SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"


class RankingVectors:
    """Vectors of texts by one model, kept in a sqlite file; a file that cannot be written
    (a read-only folder) only costs the embedding again."""

    def __init__(self, path: Path, model_id: str, dimension: int) -> None:
        self._path = path
        self.model_id = model_id
        self.dimension = dimension
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def key(self, text: str) -> bytes:
        return hashlib.sha256(f"{self.model_id}\n{text}".encode()).digest()[:16]

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(self._path), check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA busy_timeout=10000")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)
            self._db = db
        return self._db

    def _select(self, columns: str, keys: Sequence[bytes]) -> list[tuple[bytes, ...]]:
        """Rows of the keys that have a vector of this model's size, `LOOKUP_BATCH` at a time."""
        rows: list[tuple[bytes, ...]] = []
        if not keys:
            return rows
        with self._lock:
            db = self._connection()
            for start in range(0, len(keys), LOOKUP_BATCH):
                batch = list(keys[start : start + LOOKUP_BATCH])
                marks = ",".join("?" * len(batch))
                rows += db.execute(
                    f"SELECT {columns} FROM vectors WHERE key IN ({marks}) AND length(vector) = ?",
                    [*batch, 4 * self.dimension],
                ).fetchall()
        return rows

    def get(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        try:
            rows = self._select("key, vector", keys)
        except (sqlite3.Error, OSError) as error:
            log.warning("ranking vectors unreadable in %s (%s): embedding again", self._path, error)
            return {}
        return {bytes(key): np.frombuffer(vector, dtype=np.float32) for key, vector in rows}

    def kept(self, keys: Sequence[bytes]) -> set[bytes]:
        """Which of the keys have a vector, read from the keys alone (not the vectors' bytes)."""
        try:
            return {bytes(key) for (key,) in self._select("key", keys)}
        except (sqlite3.Error, OSError) as error:
            log.warning("ranking vectors unreadable in %s (%s)", self._path, error)
            return set()

    def put(self, vectors: Mapping[bytes, np.ndarray]) -> None:
        rows = [(key, np.asarray(vector, np.float32).tobytes()) for key, vector in vectors.items()]
        try:
            with self._lock:
                self._connection().executemany(
                    "INSERT OR REPLACE INTO vectors(key, vector) VALUES (?, ?)", rows
                )
        except (sqlite3.Error, OSError) as error:
            log.warning("ranking vectors not kept in %s (%s)", self._path, error)

    def count(self) -> int:
        try:
            with self._lock:
                return int(self._connection().execute("SELECT count(*) FROM vectors").fetchone()[0])
        except (sqlite3.Error, OSError) as error:
            log.warning("ranking vectors unreadable in %s (%s)", self._path, error)
            return 0

    def keep_only(self, keys: Sequence[bytes]) -> int:
        """Delete every vector whose key is not among `keys`; how many were deleted."""
        try:
            with self._lock:
                db = self._connection()
                db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key BLOB PRIMARY KEY)")
                db.execute("DELETE FROM wanted")
                db.executemany("INSERT OR IGNORE INTO wanted(key) VALUES (?)", [(k,) for k in keys])
                dropped = db.execute(
                    "DELETE FROM vectors WHERE key NOT IN (SELECT key FROM wanted)"
                ).rowcount
                db.execute("DELETE FROM wanted")
                return dropped
        except (sqlite3.Error, OSError) as error:
            log.warning("ranking vectors not pruned in %s (%s)", self._path, error)
            return 0

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


@dataclass
class Gathered:
    """The kept vectors of one set of columns as a matrix and which rows are ranked, or None
    while some of the `needed` distinct texts have no vector (looked at last at `checked`)."""

    columns: ClauseColumns
    vectors: tuple[np.ndarray, np.ndarray] | None
    needed: int
    checked: float


class RankingEncoder:
    """Cosines of a question to texts by the ranking encoder, each text embedded once.

    The model is loaded when first needed, not when the archive opens: an ingest, a search or
    a count of the kept vectors never needs it, and a process that ended while the model
    loaded in the background aborted. The model's id and dimension are given apart from it, so
    that the kept vectors can be read without loading it.
    """

    def __init__(
        self,
        embedder: Callable[[], Embedder],
        path: Path,
        model_id: str,
        dimension: int,
        recheck_s: float = RECHECK_S,
    ) -> None:
        self._make = embedder
        self._vectors = RankingVectors(path, model_id, dimension)
        self._embedder: Embedder | None = None
        self._lock = threading.Lock()
        self._matrix: Gathered | None = None
        self._matrix_lock = threading.Lock()
        self._recheck_s = recheck_s

    def _loaded(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                embedder = self._make()
                kept = self._vectors
                if (embedder.model_id, embedder.dimension) != (kept.model_id, kept.dimension):
                    raise ConfigError(
                        f"the ranking encoder is {embedder.model_id} ({embedder.dimension}-d), "
                        f"not the {kept.model_id} ({kept.dimension}-d) its vectors are kept for"
                    )
                self._embedder = embedder
            return self._embedder

    def similarities(self, question: str, texts: Mapping[str, str]) -> dict[str, float]:
        """Each text's cosine to the question (negative ones as 0), keyed as `texts` is."""
        if not texts:
            return {}
        embedder, vectors = self._loaded(), self._vectors
        keys = {name: vectors.key(text) for name, text in texts.items()}
        found = vectors.get(sorted(set(keys.values())))
        missing = {keys[name]: text for name, text in texts.items() if keys[name] not in found}
        if missing:
            fresh = dict(
                zip(missing, embedder.embed_documents(list(missing.values())), strict=True)
            )
            vectors.put(fresh)
            found.update(fresh)
        query = embedder.embed_query(question)
        return {name: max(float(found[key] @ query), 0.0) for name, key in keys.items()}

    def fill(
        self, texts: Sequence[str], on_batch: Callable[[int, int], None] | None = None
    ) -> RankingFill:
        """Embed and keep each of the texts that has no vector yet, so that no answer waits for
        them, and drop the vectors of any other text; `on_batch(done, missing)` is called as
        each batch is kept."""
        vectors = self._vectors
        by_key = {vectors.key(text): text for text in texts}
        keys = sorted(by_key)
        kept = vectors.kept(keys)
        missing = [key for key in keys if key not in kept]
        for start in range(0, len(missing), FILL_BATCH):
            batch = missing[start : start + FILL_BATCH]
            found = self._loaded().embed_documents([by_key[key] for key in batch])
            vectors.put(dict(zip(batch, found, strict=True)))
            if on_batch is not None:
                on_batch(start + len(batch), len(missing))
        dropped = vectors.keep_only(keys)
        return RankingFill(texts=len(keys), kept=len(kept), embedded=len(missing), dropped=dropped)

    def coverage(self, texts: Sequence[str]) -> RankingFill:
        """How many of the distinct texts already have a vector (nothing is embedded or loaded)."""
        keys = sorted({self._vectors.key(text) for text in texts})
        return RankingFill(texts=len(keys), kept=len(self._vectors.kept(keys)))

    def nearest(
        self,
        query: str,
        depth: int,
        columns: ClauseColumns,
        mask: np.ndarray | None,
        texts: Callable[[], Mapping[str, str]],
    ) -> list[str]:
        """The `depth` clauses nearest to the query by their kept vectors, best first, among
        those `mask` passes; `texts` gives the indexed text of each clause it ranks (read once
        per set of columns, when their vectors are gathered into one matrix).

        Nothing (an empty list) unless every one of those clauses has a kept vector: a search
        whose results depended on which candidates earlier answers happened to embed would
        answer the same question differently from one day to the next."""
        gathered = self._gathered(columns, texts)
        if gathered is None:
            return []
        matrix, ranked = gathered
        passing = ranked if mask is None else ranked & mask
        count = int(np.count_nonzero(passing))
        if count == 0:
            return []
        scores = matrix @ self._loaded().embed_query(query)
        scores[~passing] = -np.inf
        top = np.argpartition(-scores, min(depth, count) - 1)[: min(depth, count)]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [columns.clause_ids[position] for position in top]

    def _gathered(
        self, columns: ClauseColumns, texts: Callable[[], Mapping[str, str]]
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """The kept vectors as one matrix aligned with the columns (zeros for the clauses not
        ranked) and which rows are ranked, or None when a clause to rank has no kept vector;
        gathered again when the columns change (an ingest) or, while some are missing, when
        another process (`rescite ingest --ranking`) may have kept them since."""
        with self._matrix_lock:
            now = time.monotonic()
            last = self._matrix
            if last is None or last.columns is not columns or self._worth_another_look(last, now):
                last = self._matrix = self._gather(columns, texts(), now)
            return last.vectors

    def _worth_another_look(self, last: Gathered, now: float) -> bool:
        """Looked at every `recheck_s` seconds, by counting the kept vectors (milliseconds)."""
        if last.vectors is not None or now - last.checked < self._recheck_s:
            return False
        last.checked = now
        return self._vectors.count() >= last.needed

    def _gather(self, columns: ClauseColumns, texts: Mapping[str, str], now: float) -> Gathered:
        by_key: dict[bytes, list[int]] = {}
        for clause_id, text in texts.items():
            if (position := columns.positions.get(clause_id)) is not None:
                by_key.setdefault(self._vectors.key(text), []).append(position)
        keys = list(by_key)
        if not keys or len(self._vectors.kept(keys)) < len(keys):
            return Gathered(columns, None, len(keys), now)
        matrix = np.zeros((len(columns.clause_ids), self._vectors.dimension), dtype=np.float32)
        ranked = np.zeros(len(columns.clause_ids), dtype=bool)
        for key, vector in self._vectors.get(keys).items():
            matrix[by_key[key]] = vector
            ranked[by_key[key]] = True
        return Gathered(columns, (matrix, ranked), len(keys), now)

    def close(self) -> None:
        self._vectors.close()
