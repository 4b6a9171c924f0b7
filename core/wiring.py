"""The one place that builds objects from Settings."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rescite.core.archive import Archive
from rescite.core.records import ParsedDocument
from rescite.core.settings import Settings
from rescite.index.docstore import DocStore
from rescite.index.embedders import Embedder, cached_queries, make_embedder
from rescite.index.fusion import PARAPHRASE_WEIGHT, VECTOR_WEIGHT
from rescite.index.lock import WriteLock
from rescite.index.rerank import RankingEncoder
from rescite.index.search import HybridSearcher
from rescite.index.sides import VectorSide
from rescite.index.sync import ReadParsed, Sync
from rescite.index.vectors import VectorStore
from rescite.ingest import version

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


def open_archive(
    settings: Settings,
    *,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    ranking_vectors: Path | None = None,
) -> Archive:
    """Open (creating if needed) the archive under `settings.home`.

    `rebuild=True` first deletes the collection, the doc store and BM25 (for a model change).
    `embedder` overrides the one the settings name (benchmarks reuse one instance), and
    `ranking_vectors` the file the ranking encoder keeps its vectors in (benchmarks measure
    answers whose candidates it has not embedded yet).
    """
    home = settings.home
    home.mkdir(parents=True, exist_ok=True)
    embedder = cached_queries(embedder or make_embedder(settings.embedder))
    lock = WriteLock(home)
    if rebuild:
        with lock:
            client = chroma_connector(home, settings.chroma_url)()
            _wipe(home, client, [settings.collection, paraphrase_collection(settings)])
    store = DocStore(home / "docstore.sqlite3")
    sides = vector_sides(settings, embedder)
    ranker = ranking_encoder(settings, ranking_vectors or home / RANKING)
    searcher = HybridSearcher(store, sides, home / "bm25", ranker)
    dropped = drop_paraphrase(settings) if settings.embedder.paraphrase == "none" else None
    sync = Sync(
        store, sides, list_files, reader(settings.max_file_mb), version.PARSER_VERSION, dropped
    )
    return Archive(store, searcher, sync, lock, embedder)


def vector_sides(settings: Settings, embedder: Embedder) -> list[VectorSide]:
    """The primary side (the embedder the settings name) and the paraphrase side, if on."""
    home = settings.home
    embedded = None if settings.chroma_url else home / "chroma"
    connect = chroma_connector(home, settings.chroma_url)
    primary = VectorStore(connect, settings.collection, embedder, embedded=embedded)
    sides = [VectorSide("vector", primary, embedder, home / "vectors", VECTOR_WEIGHT)]
    if settings.embedder.paraphrase == "minilm":
        english = paraphrase_embedder(settings.embedder.model_cache)
        store = VectorStore(connect, paraphrase_collection(settings), english, embedded=embedded)
        sides.append(
            VectorSide(
                "paraphrase",
                store,
                english,
                home / PARAPHRASE_VECTORS,
                PARAPHRASE_WEIGHT,
                languages=("en",),
            )
        )
    return sides


def ranking_encoder(settings: Settings, vectors: Path) -> RankingEncoder | None:
    if settings.embedder.ranking == "none":
        return None
    from rescite.index.mpnet import MODEL_ID, MPNET

    return RankingEncoder(
        functools.partial(ranking_embedder, settings.embedder.model_cache),
        vectors,
        MODEL_ID,
        MPNET.hidden,
    )


# The ranking encoder's vectors, in the archive's home: keyed by model and text (a clause
# ingested again is not embedded again), and kept apart from other archives', so that whether
# the search ranks by them depends on this archive alone, not on what another one filled.
RANKING = "ranking-vectors.sqlite3"


def paraphrase_collection(settings: Settings) -> str:
    return f"{settings.collection}-paraphrase"


PARAPHRASE_VECTORS = "vectors-paraphrase"  # its saved vectors: present once the side wrote


def drop_paraphrase(settings: Settings) -> Callable[[], None]:
    """For a writer with the paraphrase side off: drop what the side left, if anything."""

    def drop() -> None:
        folder = settings.home / PARAPHRASE_VECTORS
        if folder.exists():
            client = chroma_connector(settings.home, settings.chroma_url)()
            with contextlib.suppress(Exception):
                client.delete_collection(paraphrase_collection(settings))
            shutil.rmtree(folder, ignore_errors=True)

    return drop


@functools.cache
def paraphrase_embedder(cache: Path) -> Embedder:
    """Loaded once per process (every archive opened shares it)."""
    from rescite.index.minilm import MiniLmEmbedder

    return cached_queries(MiniLmEmbedder(cache))


@functools.cache
def ranking_embedder(cache: Path) -> Embedder:
    """Loaded once per process (every archive opened shares it)."""
    from rescite.index.mpnet import MpnetEmbedder

    return cached_queries(MpnetEmbedder(cache))


def chroma_connector(home: Path, url: str | None) -> Callable[[], Any]:
    """Opens chromadb's Python client when called (importing it takes over a second)."""

    def connect() -> Any:
        from rescite.index.chroma_client import chroma_client

        return chroma_client(home, url)

    return connect


def _wipe(home: Path, client: Any, collections: Sequence[str]) -> None:
    for collection in collections:
        with contextlib.suppress(Exception):
            client.delete_collection(collection)
    for name in ("docstore.sqlite3", "docstore.sqlite3-wal", "docstore.sqlite3-shm"):
        (home / name).unlink(missing_ok=True)
    for folder in ("bm25", "vectors", PARAPHRASE_VECTORS):
        shutil.rmtree(home / folder, ignore_errors=True)


def list_files(paths: Sequence[Path]) -> list[Path]:
    from rescite.ingest.load import iter_files

    return list(iter_files(paths))


def reader(max_file_mb: int) -> ReadParsed:
    """read_file + parse, imported when first used."""

    def read(path: Path) -> list[ParsedDocument]:
        from rescite.ingest.load import read_file
        from rescite.ingest.parse import parse

        return [parse(doc) for doc in read_file(path, max_bytes=max_file_mb * 1024 * 1024)]

    return read
