"""Parser benchmark: read every file of documents/core and documents/bulk once, then time
`parse` alone over all documents and print documents/s, pages/s and clauses/s.

    .venv/bin/python bench/bench_parse.py [CORPUS_DOCUMENTS_DIR] [--repeat N]

Reading (PDF extraction, Word, XML) is timed separately: it is the readers' cost, not the
parser's. Pages are the readers' page count, or one page per 3,000 characters for formats
without pages (text, XML).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from rescite.core.errors import InputError
from rescite.core.records import Document
from rescite.ingest.load import iter_files, read_file
from rescite.ingest.parse import parse

CHARS_PER_PAGE = 3000


def _pages(document: Document) -> int:
    return len(document.page_starts) or max(1, len(document.text) // CHARS_PER_PAGE)


def main() -> None:
    default = Path(os.environ.get("RESCITE_CORPUS", "../shared/corpus")) / "documents"
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("documents", nargs="?", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    documents: list[Document] = []
    failed = 0
    for path in iter_files([args.documents / "core", args.documents / "bulk"]):
        try:
            documents.extend(read_file(path, max_bytes=200 * 1024 * 1024))
        except InputError:
            failed += 1
    read_seconds = time.perf_counter() - started

    best = float("inf")
    clauses = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        clauses = sum(len(parse(document).clauses) for document in documents)
        best = min(best, time.perf_counter() - started)
    pages = sum(_pages(document) for document in documents)
    print(f"read   {len(documents)} documents ({failed} files failed) in {read_seconds:.1f} s")
    print(f"parse  {len(documents)} documents, {pages} pages, {clauses} clauses in {best:.2f} s")
    print(
        f"       {len(documents) / best:.0f} documents/s, {pages / best:.0f} pages/s, "
        f"{clauses / best:.0f} clauses/s"
    )


if __name__ == "__main__":
    main()
