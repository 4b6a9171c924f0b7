"""Clause vectors in Chroma: written through llama-index (`ChromaVectorStore`), read directly.

The collection is created with our own Chroma embedding function (never Chroma's default, which
downloads a model) and its metadata records the embedder's model id and dimension; opening it
with another embedder raises EmbedderMismatch. Vectors are always computed by us and passed
explicitly. Only clause ids (and, for exact search over a few clauses, their vectors) leave
this module.

Writes go through llama-index (nodes with their source document, so a document's vectors are
deleted by `ref_doc_id`). Reads ask the collection itself for ids and distances only: the same
HNSW query llama-index makes, without fetching every hit's text and metadata or building
nodes (that was 80-95% of a query's time, ~100 ms for 800 hits over 52k clauses). llama-index
is imported on the first write, so the read path (`rescite ask`, the server) never loads it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

import chromadb
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.config import Settings as ChromaSettings
from rescite.core.errors import ConfigError, EmbedderMismatch, StoreUnavailable
from rescite.core.records import Filters
from rescite.index.context import CONTEXT_VERSION
from rescite.index.embedders import Embedder
from rescite.index.filters import MetaValue, filter_conditions

if TYPE_CHECKING:
    from llama_index.vector_stores.chroma import ChromaVectorStore

MODEL_KEY = "rescite_model_id"
DIMENSION_KEY = "rescite_dimension"
_OPERATORS = {"in": "$in", ">=": "$gte", "<=": "$lte"}
GET_PAGE = 5000


class OurEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's view of our embedder, so Chroma never builds its default (downloading) one."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(self._embedder.embed_documents(list(input)))

    @staticmethod
    def name() -> str:
        return "rescite"

    def get_config(self) -> dict[str, Any]:
        return {"model_id": self._embedder.model_id}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OurEmbeddingFunction:
        return OurEmbeddingFunction(_NoEmbedder(str(config.get("model_id", "?"))))


class _NoEmbedder:
    """What Chroma gets when it rebuilds our function from config: it refuses to embed."""

    dimension = 0

    def __init__(self, model_id: str) -> None:
        self.model_id = model_id

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        raise ConfigError(f"open this collection through rescite (embedder {self.model_id})")

    def embed_query(self, text: str) -> np.ndarray:
        raise ConfigError(f"open this collection through rescite (embedder {self.model_id})")


def chroma_client(home: Path, url: str | None) -> Any:
    """An embedded PersistentClient under `home`, or an HttpClient when `url` is given."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if not url:
        return chromadb.PersistentClient(path=str(home / "chroma"), settings=settings)
    parsed = urlparse(url if "://" in url else f"http://{url}")
    try:
        client = chromadb.HttpClient(
            host=parsed.hostname or "127.0.0.1",
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=settings,
        )
        client.heartbeat()
    except Exception as error:
        raise StoreUnavailable(
            f"Chroma server at {url} does not answer ({error}); start it (chroma run) "
            "or unset RESCITE_CHROMA_URL to use the embedded store"
        ) from error
    return client


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
    """One Chroma collection of clause vectors, written through llama-index, read directly."""

    def __init__(self, client: Any, collection: str, embedder: Embedder) -> None:
        self._embedder = embedder
        self._collection = client.get_or_create_collection(
            collection,
            embedding_function=OurEmbeddingFunction(embedder),
            metadata={
                "hnsw:space": "cosine",
                MODEL_KEY: indexed_model_id(embedder),
                DIMENSION_KEY: embedder.dimension,
            },
        )
        self._check_model(collection)
        self._writer: ChromaVectorStore | None = None

    def _llama(self) -> ChromaVectorStore:
        """llama-index's store over the collection, built on the first write."""
        if self._writer is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._writer = ChromaVectorStore(chroma_collection=self._collection)
        return self._writer

    def _check_model(self, collection: str) -> None:
        meta = self._collection.metadata or {}
        stored = (meta.get(MODEL_KEY), meta.get(DIMENSION_KEY))
        wanted = (indexed_model_id(self._embedder), self._embedder.dimension)
        if stored != wanted:
            raise EmbedderMismatch(
                f"collection '{collection}' was built with {stored[0]} ({stored[1]}-d), not "
                f"{wanted[0]} ({wanted[1]}-d); rebuild it with `rescite ingest --rebuild PATH…`, "
                "or use a new RESCITE_HOME (or RESCITE_COLLECTION) for the other embedder"
            )

    def count(self) -> int:
        return int(self._collection.count())

    def add(
        self,
        clause_ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[dict[str, MetaValue]],
        vectors: np.ndarray,
    ) -> None:
        from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode

        nodes: list[BaseNode] = [
            TextNode(
                id_=clause_id,
                text=text,
                metadata=dict(meta),
                embedding=[float(x) for x in vector],
                relationships={
                    NodeRelationship.SOURCE: RelatedNodeInfo(node_id=str(meta["doc_id"]))
                },
                excluded_embed_metadata_keys=list(meta),
                excluded_llm_metadata_keys=list(meta),
            )
            for clause_id, text, meta, vector in zip(
                clause_ids, texts, metadatas, vectors, strict=True
            )
        ]
        if nodes:
            self._llama().add(nodes)

    def delete_document(self, doc_id: str) -> None:
        self._llama().delete(ref_doc_id=doc_id)

    def clause_ids(self) -> set[str]:
        """Every clause id that has a vector (for checks and benchmarks)."""
        ids: set[str] = set()
        offset, page = 0, 5000
        while True:
            rows = self._collection.get(include=[], limit=page, offset=offset)
            ids.update(str(i) for i in rows["ids"])
            if len(rows["ids"]) < page:
                return ids
            offset += page

    def search(self, vector: np.ndarray, k: int, filters: Filters) -> list[str]:
        """Clause ids nearest to `vector`, best first, with filters applied inside Chroma."""
        found = self._collection.query(
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
            rows = self._collection.get(
                ids=list(clause_ids[start : start + GET_PAGE]), include=["embeddings"]
            )
            for clause_id, vector in zip(rows["ids"], rows["embeddings"], strict=True):
                found[str(clause_id)] = np.asarray(vector, dtype=np.float32)
        return found
