"""Shared fixtures. The corpus is found through RESCITE_CORPUS (default ../shared/corpus)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
