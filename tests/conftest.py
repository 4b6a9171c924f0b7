"""Shared fixtures. The corpus is found through RESCITE_CORPUS (default ../shared/corpus)."""

from __future__ import annotations

import os
import shutil
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
# `core_index`: documents/core ingested once per test run into a tmp home, then closed.
# `core_archive`: a copy of it, opened.
# `full_archive`: core + bulk + duplicates, built at most once per run, on a copy of the core
# index (its files are unchanged, so only bulk and duplicates are embedded); when
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
def core_index(documents: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed home holding documents/core, indexed once; the archives below open copies."""
    home = tmp_path_factory.mktemp("core-index")
    _ingested(home, [documents / "core"]).close()
    return home


def _copy(index: Path, home: Path) -> Path:
    shutil.copytree(index, home, dirs_exist_ok=True)
    return home


@pytest.fixture(scope="session")
def core_archive(
    documents: Path, core_index: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Archive]:
    home = _copy(core_index, tmp_path_factory.mktemp("core-archive"))
    archive = _ingested(home, [documents / "core"])
    yield archive
    archive.close()


@pytest.fixture(scope="session")
def full_archive(
    documents: Path, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Archive]:
    shared = os.environ.get("RESCITE_TEST_INDEX_HOME")
    home = Path(shared) if shared else tmp_path_factory.mktemp("full-archive")
    if not home.is_dir() or not any(home.iterdir()):  # an empty home starts from the core index
        _copy(request.getfixturevalue("core_index"), home)
    folders = [documents / "core", documents / "bulk", documents / "duplicates"]
    archive = _ingested(home, folders)
    yield archive
    archive.close()
