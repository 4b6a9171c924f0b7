"""Clause vectors in Chroma, through llama-index (`VectorStoreIndex` over `ChromaVectorStore`).

The collection is created with our own Chroma embedding function (never Chroma's default, which
downloads a model) and its metadata records the embedder's model id and dimension; opening it
with another embedder raises EmbedderMismatch. Vectors are always computed by us and passed
explicitly. Only clause ids and scores leave this module.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

import chromadb
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.config import Settings as ChromaSettings
from llama_index.core import VectorStoreIndex
from llama_index.core.indices.vector_store.retrievers import VectorIndexRetriever
from llama_index.core.schema import (
    BaseNode,
    NodeRelationship,
    QueryBundle,
    RelatedNodeInfo,
    TextNode,
)
from llama_index.core.vector_stores.types import (
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
)
from llama_index.vector_stores.chroma import ChromaVectorStore
from rescite.core.errors import ConfigError, EmbedderMismatch, StoreUnavailable
from rescite.core.records import Filters
from rescite.index.context import CONTEXT_VERSION
from rescite.index.embedders import Embedder
from rescite.index.filters import MetaValue, filter_conditions
from rescite.index.llama_embedding import LlamaEmbedding

MODEL_KEY = "rescite_model_id"
DIMENSION_KEY = "rescite_dimension"
_OPERATORS = {"in": FilterOperator.IN, ">=": FilterOperator.GTE, "<=": FilterOperator.LTE}


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


def metadata_filters(filters: Filters) -> MetadataFilters | None:
    conditions = filter_conditions(filters)
    if not conditions:
        return None
    return MetadataFilters(
        filters=[
            MetadataFilter(key=name, operator=_OPERATORS[op], value=value)
            for name, op, value in conditions
        ]
    )


def indexed_model_id(embedder: Embedder) -> str:
    """The model and the shape of the indexed text: a change of either needs a rebuild."""
    return f"{embedder.model_id}+{CONTEXT_VERSION}"


class VectorStore:
    """One Chroma collection of clause vectors, read and written through llama-index."""

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
        self._store = ChromaVectorStore(chroma_collection=self._collection)
        self._index = VectorStoreIndex.from_vector_store(
            self._store, embed_model=LlamaEmbedding(embedder)
        )

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
            self._store.add(nodes)

    def delete_document(self, doc_id: str) -> None:
        self._store.delete(ref_doc_id=doc_id)

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
        retriever = VectorIndexRetriever(
            self._index, similarity_top_k=k, filters=metadata_filters(filters)
        )
        bundle = QueryBundle(query_str="", embedding=[float(x) for x in vector])
        return [hit.node.node_id for hit in retriever.retrieve(bundle)]
