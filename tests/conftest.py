"""Shared fixtures. The corpus is found through RESCITE_CORPUS (default ../shared/corpus)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the archive stack (llama-index, chromadb) loads only when a test asks
    from rescite.core.archive import Archive

REPO = Path(__file__).resolve().parent.parent


def corpus_root() -> Path:
    root = Path(os.environ.get("RESCITE_CORPUS", REPO.parent / "shared" / "corpus"))
    if not (root / "documents" / "CATALOG.tsv").is_file():
        raise RuntimeError(
            f"corpus not found at {root}: set RESCITE_CORPUS to the folder holding documents/"
        )
    return root


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real corpus; a missing corpus fails the run instead of skipping."""
    return corpus_root()


@pytest.fixture(scope="session")
def documents(corpus: Path) -> Path:
    return corpus / "documents"


# ---- archive fixtures (owned by the index engineer) -----------------------------------------
# `core_archive`: documents/core ingested once per test run into a tmp home.
# `full_archive`: core + bulk + duplicates, built at most once per run; when
# RESCITE_TEST_INDEX_HOME is set it is built (or incrementally refreshed, seconds when
# unchanged) there, so CI and the eval can share one index across processes.


def _ingested(home: Path, folders: list[Path]) -> Archive:
    from rescite.core.settings import EmbedderSettings, Settings
    from rescite.core.wiring import open_archive

    settings = Settings(home=home, chroma_url=None, embedder=EmbedderSettings())
    archive = open_archive(settings)
    archive.ingest(folders)
    documents_count, clauses_count = archive.counts()
    if documents_count == 0 or clauses_count == 0:
        raise RuntimeError(f"ingest of {folders} indexed nothing (home {home})")
    return archive


@pytest.fixture(scope="session")
def core_archive(documents: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    archive = _ingested(tmp_path_factory.mktemp("core-archive"), [documents / "core"])
    yield archive
    archive.close()


@pytest.fixture(scope="session")
def full_archive(documents: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    shared = os.environ.get("RESCITE_TEST_INDEX_HOME")
    home = Path(shared) if shared else tmp_path_factory.mktemp("full-archive")
    folders = [documents / "core", documents / "bulk", documents / "duplicates"]
    archive = _ingested(home, folders)
    yield archive
    archive.close()
