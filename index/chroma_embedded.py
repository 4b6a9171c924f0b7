"""Reads of the embedded Chroma store through chromadb's Rust bindings alone.

Importing chromadb's Python client costs over a second (it loads its HTTP client, telemetry,
OpenTelemetry exporters, the schemas of every embedding function it ships...), most of a
cold `rescite ask`. A read needs none of it: `chromadb_rust_bindings` is the engine the
client's embedded mode drives, and it answers the same queries (same ids, same order) in ~30 ms
of import. The Python client is still used to create collections and for every write; the
vector store switches to it before the first write, so one engine owns the files from then on.

`open_reader` returns None (and the caller uses the Python client) whenever the bindings are
missing, have another shape than this chromadb version's, or the collection does not exist.
"""

from __future__ import annotations

import contextlib
import json
import resource
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

TENANT = "default_tenant"
DATABASE = "default_database"


class EmbeddedReader:
    """One collection of an embedded store, read-only."""

    def __init__(self, bindings: Any, collection: Any) -> None:
        self._bindings = bindings
        self._id = str(collection.id)
        self.metadata: dict[str, Any] = dict(collection.metadata or {})

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None) -> list[str]:
        """Ids of the `k` nearest vectors passing `where`, nearest first."""
        found = self._bindings.query(
            self._id,
            None,
            [np.asarray(vector, dtype=np.float32)],
            k,
            json.dumps(where) if where else None,
            None,
            ["distances"],
            TENANT,
            DATABASE,
        )
        return [str(clause_id) for clause_id in found.ids[0]]

    def get(
        self, ids: Sequence[str] | None, *, vectors: bool, limit: int | None = None, offset: int = 0
    ) -> tuple[list[str], list[Any]]:
        """(ids, vectors or []) of the given ids, or of a page of the whole collection."""
        include = ["embeddings"] if vectors else []
        found = self._bindings.get(
            self._id, list(ids) if ids is not None else None, None, limit, offset, None,
            include, TENANT, DATABASE,
        )  # fmt: skip
        return [str(i) for i in found.ids], list(found.embeddings or []) if vectors else []

    def count(self) -> int:
        return int(self._bindings.count(self._id, TENANT, DATABASE))

    def load_in_background(self, dimension: int) -> None:
        """Load the HNSW index from disk on a thread (the bindings release the GIL meanwhile),
        so a cold start's first query does not wait for it. Not a daemon thread: one still
        loading when the process ended crashed it (exit 139) as it took back the GIL."""
        probe = np.zeros(dimension, dtype=np.float32)
        probe[0] = 1.0

        def load() -> None:
            with contextlib.suppress(Exception):  # a warm-up only: real queries report errors
                self.query(probe, 1, None)

        threading.Thread(target=load, name="rescite-hnsw-load").start()


def open_reader(folder: Path, collection: str) -> EmbeddedReader | None:
    """A reader of `collection` in the embedded store under `folder`, or None (see above)."""
    if not (folder / "chroma.sqlite3").is_file():
        return None
    try:
        import chromadb_rust_bindings as rust

        config = rust.SqliteDBConfig(
            hash_type=rust.MigrationHash.MD5,
            migration_mode=rust.MigrationMode.Apply,
            url=str(folder / "chroma.sqlite3"),
        )
        bindings = rust.Bindings(
            allow_reset=False,
            sqlite_db_config=config,
            persist_path=str(folder),
            hnsw_cache_size=resource.getrlimit(resource.RLIMIT_NOFILE)[0] // 5,
        )
        return EmbeddedReader(bindings, bindings.get_collection(collection, TENANT, DATABASE))
    except Exception:  # older or newer bindings, or no such collection: use the client
        return None
