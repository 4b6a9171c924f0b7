"""Chunk baselines over the same corpus the Archive holds, run in the same evaluation.

- `bm25_chunks`: BM25 (bm25s) over fixed 1,000-character chunks of each document's raw text.
- `llamaindex_default`: llama-index's default pipeline, SentenceSplitter chunks and vector
  search only, with rescite's own embedder (no OpenAI defaults, no LLM).

This is the one module outside `index/` that imports llama-index: a second adapter, kept
here so that the baseline is llama-index's stock pipeline and not ours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import bm25s
import numpy as np
from rescite.core.records import Document, DocumentPage, Filters

from .systems import Retrieved, Retriever

CHUNK_CHARS = 1000


class DocumentSource(Protocol):
    def documents(
        self, filters: Filters = ..., offset: int = 0, limit: int = 50
    ) -> DocumentPage: ...

    def document(self, doc_id: str) -> Document: ...


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    text: str


def all_documents(source: DocumentSource, page: int = 200) -> Iterator[Document]:
    offset = 0
    while True:
        listing = source.documents(Filters(), offset=offset, limit=page)
        for meta in listing.items:
            yield source.document(meta.doc_id)
        offset += len(listing.items)
        if not listing.items or offset >= listing.total:
            return


def fixed_chunks(documents: list[Document], size: int = CHUNK_CHARS) -> list[Chunk]:
    return [
        Chunk(f"{doc.meta.doc_id}#{i // size}", doc.text[i : i + size])
        for doc in documents
        for i in range(0, len(doc.text), size)
        if doc.text[i : i + size].strip()
    ]


def bm25_chunks(documents: list[Document]) -> Retriever:
    chunks = fixed_chunks(documents)
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([c.text for c in chunks], stopwords="en", show_progress=False),
        show_progress=False,
    )

    def retrieve(question: str, k: int) -> list[Retrieved]:
        tokens = bm25s.tokenize([question], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return []
        found, scores = retriever.retrieve(
            tokens, k=min(k, len(chunks)), show_progress=False, n_threads=1
        )
        return [
            Retrieved(chunks[int(i)].chunk_id, float(s), chunks[int(i)].text)
            for i, s in zip(np.ravel(found), np.ravel(scores), strict=True)
            if float(s) > 0
        ]

    return retrieve


def llamaindex_default(documents: list[Document], embedder: Any) -> Retriever:
    """llama-index's stock pipeline with our embedder adapter; never an OpenAI default."""
    from llama_index.core import Document as LlamaDocument
    from llama_index.core import VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from rescite.index.llama_embedding import LlamaEmbedding

    embed_model = LlamaEmbedding(embedder)
    nodes = SentenceSplitter().get_nodes_from_documents(
        [LlamaDocument(text=d.text, id_=d.meta.doc_id) for d in documents if d.text.strip()]
    )
    index = VectorStoreIndex(nodes, embed_model=embed_model, show_progress=False)

    def retrieve(question: str, k: int) -> list[Retrieved]:
        results = index.as_retriever(similarity_top_k=k).retrieve(question)
        return [
            Retrieved(
                f"{r.node.ref_doc_id}#{r.node.node_id[:8]}",
                float(r.score or 0.0),
                r.node.get_content(),
            )
            for r in results
        ]

    return retrieve
