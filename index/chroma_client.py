"""The Python chromadb client: collections are created and written through it.

Kept apart from vectors.py because importing chromadb costs over a second; the read path of an
embedded store never imports this module (see chroma_embedded.py).
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
from rescite.core.errors import ConfigError, StoreUnavailable
from rescite.index.embedders import Embedder


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
