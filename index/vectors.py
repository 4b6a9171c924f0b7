"""Clause vectors in Chroma: written through llama-index (`ChromaVectorStore`), read directly.

The collection is created with our own Chroma embedding function (never Chroma's default, which
downloads a model) and its metadata records the embedder's model id and dimension; opening it
with another embedder raises EmbedderMismatch. Vectors are always computed by us and passed
explicitly. Only clause ids (and, for exact search over a few clauses, their vectors) leave
this module.

Writes go through llama-index (nodes with their source document, so a document's vectors are
deleted by `ref_doc_id`). Reads ask Chroma itself for ids and distances only: the same HNSW
query llama-index makes, without fetching every hit's text and metadata or building nodes
(that was 80-95% of a query's time, ~100 ms for 800 hits over 52k clauses). llama-index and
chromadb's Python client are imported on the first write (or when the store is a server): the
read path of an embedded store (`rescite ask`, the API server) queries through chromadb's Rust
bindings alone (chroma_embedded.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from rescite.core.errors import EmbedderMismatch
from rescite.core.records import Filters
from rescite.index.chroma_embedded import EmbeddedReader, open_reader
from rescite.index.context import CONTEXT_VERSION
from rescite.index.embedders import Embedder
from rescite.index.filters import MetaValue, filter_conditions

if TYPE_CHECKING:
    from llama_index.vector_stores.chroma import ChromaVectorStore

MODEL_KEY = "rescite_model_id"
DIMENSION_KEY = "rescite_dimension"
_OPERATORS = {"in": "$in", ">=": "$gte", "<=": "$lte"}
GET_PAGE = 5000


def chroma_where(filters: Filters) -> dict[str, Any] | None:
    """Filters as a Chroma `where` (the shape llama-index's ChromaVectorStore built from them)."""
    clauses: list[dict[str, Any]] = [
        {name: {_OPERATORS[op]: value}} for name, op, value in filter_conditions(filters)
    ]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def indexed_model_id(embedder: Embedder) -> str:
    """The model and the shape of the indexed text: a change of either needs a rebuild."""
    return f"{embedder.model_id}+{CONTEXT_VERSION}"


class VectorStore:
    """One Chroma collection of clause vectors, written through llama-index, read directly.

    With an embedded store, reads go through the Rust bindings (chroma_embedded.py) until the
    first write; the Python client (`connect`) is opened then, or at once when the store is
    a server or the collection does not exist yet, and serves every read after that.
    """

    def __init__(
        self,
        connect: Callable[[], Any],
        collection: str,
        embedder: Embedder,
        *,
        embedded: Path | None = None,
    ) -> None:
        self._connect = connect
        self._name = collection
        self._embedder = embedder
        self._switch = threading.Lock()
        self._collection: Any = None  # chromadb's Collection, once the client is open
        self._writer: ChromaVectorStore | None = None
        self._reader: EmbeddedReader | None = None
        reader = open_reader(embedded, collection) if embedded is not None else None
        if reader is not None:
            self._check_model(reader.metadata)
            reader.load_in_background(embedder.dimension)
            self._reader = reader
        else:
            self._client_collection()

    def _client_collection(self) -> Any:
        """chromadb's Collection, opened (creating it if needed) on first use."""
        with self._switch:
            if self._collection is None:
                from rescite.index.chroma_client import OurEmbeddingFunction

                collection = self._connect().get_or_create_collection(
                    self._name,
                    embedding_function=OurEmbeddingFunction(self._embedder),
                    metadata={
                        "hnsw:space": "cosine",
                        MODEL_KEY: indexed_model_id(self._embedder),
                        DIMENSION_KEY: self._embedder.dimension,
                    },
                )
                self._check_model(collection.metadata or {})
                self._collection = collection
                self._reader = None  # one engine owns the files from now on
            return self._collection

    def _llama(self) -> ChromaVectorStore:
        """llama-index's store over the collection, built on the first write."""
        if self._writer is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._writer = ChromaVectorStore(chroma_collection=self._client_collection())
        return self._writer

    def _check_model(self, meta: dict[str, Any]) -> None:
        stored = (meta.get(MODEL_KEY), meta.get(DIMENSION_KEY))
        wanted = (indexed_model_id(self._embedder), self._embedder.dimension)
        if stored != wanted:
            raise EmbedderMismatch(
                f"collection '{self._name}' was built with {stored[0]} ({stored[1]}-d), not "
                f"{wanted[0]} ({wanted[1]}-d); rebuild it with `rescite ingest --rebuild PATH…`, "
                "or use a new RESCITE_HOME (or RESCITE_COLLECTION) for the other embedder"
            )

    def count(self) -> int:
        reader = self._reader
        return reader.count() if reader else int(self._client_collection().count())

    def add(
        self,
        clause_ids: Sequence[str],
        metadatas: Sequence[dict[str, MetaValue]],
        vectors: np.ndarray,
    ) -> None:
        """Vectors and filter metadata only: the text is in the doc store (Chroma would index
        a stored text for full-text search, which costs a quarter of the write, for nothing)."""
        from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode

        nodes: list[BaseNode] = [
            TextNode(
                id_=clause_id,
                text="",
                metadata=dict(meta),
                embedding=vector.tolist(),
                relationships={
                    NodeRelationship.SOURCE: RelatedNodeInfo(node_id=str(meta["doc_id"]))
                },
                excluded_embed_metadata_keys=list(meta),
                excluded_llm_metadata_keys=list(meta),
            )
            for clause_id, meta, vector in zip(clause_ids, metadatas, vectors, strict=True)
        ]
        if nodes:
            self._llama().add(nodes)

    def delete_document(self, doc_id: str) -> None:
        self._llama().delete(ref_doc_id=doc_id)

    def clause_ids(self) -> set[str]:
        """Every clause id that has a vector (for checks and benchmarks)."""
        ids: set[str] = set()
        offset = 0
        while True:
            page = self._get(None, vectors=False, limit=GET_PAGE, offset=offset)[0]
            ids.update(page)
            if len(page) < GET_PAGE:
                return ids
            offset += GET_PAGE

    def _get(
        self, ids: Sequence[str] | None, *, vectors: bool, limit: int | None = None, offset: int = 0
    ) -> tuple[list[str], list[Any]]:
        reader = self._reader
        if reader is not None:
            return reader.get(ids, vectors=vectors, limit=limit, offset=offset)
        rows = self._client_collection().get(
            ids=list(ids) if ids is not None else None,
            include=["embeddings"] if vectors else [],
            limit=limit,
            offset=offset or None,
        )
        return [str(i) for i in rows["ids"]], list(rows["embeddings"]) if vectors else []

    def search(self, vector: np.ndarray, k: int, filters: Filters) -> list[str]:
        """Clause ids nearest to `vector`, best first, with filters applied inside Chroma."""
        reader = self._reader
        if reader is not None:
            return reader.query(vector, k, chroma_where(filters))
        found = self._client_collection().query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=k,
            where=chroma_where(filters),
            include=["distances"],
        )
        return [str(clause_id) for clause_id in found["ids"][0]]

    def vectors_of(self, clause_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these clauses (ids without a vector are left out)."""
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(clause_ids), GET_PAGE):
            ids, vectors = self._get(clause_ids[start : start + GET_PAGE], vectors=True)
            for clause_id, vector in zip(ids, vectors, strict=True):
                found[clause_id] = np.asarray(vector, dtype=np.float32)
        return found
