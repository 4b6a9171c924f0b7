"""Reading throughput over documents/core and documents/bulk: prints docs/s and pages/s.

RESCITE_CORPUS=../shared/corpus .venv/bin/python bench/bench_read.py [core bulk ...]
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

from rescite.core.errors import InputError
from rescite.ingest.load import iter_files, read_file

MAX_BYTES = 200 * 1024 * 1024


def main(folders: list[str]) -> None:
    root = Path(os.environ.get("RESCITE_CORPUS", "../shared/corpus")) / "documents"
    by_suffix: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    docs = pages = failed = 0
    started = time.perf_counter()
    for path in iter_files([root / folder for folder in folders]):
        tick = time.perf_counter()
        try:
            read = read_file(path, max_bytes=MAX_BYTES)
        except InputError:
            failed += 1
            continue
        suffix = "".join(path.suffixes[-2:]) if path.name.endswith(".akn.xml") else path.suffix
        by_suffix[suffix] += len(read)
        seconds[suffix] += time.perf_counter() - tick
        docs += len(read)
        pages += sum(len(doc.page_starts) for doc in read)
    total = time.perf_counter() - started
    print(f"read {docs} documents ({pages} pages) from {'+'.join(folders)} in {total:.1f} s")
    print(f"  {docs / total:.1f} docs/s, {pages / total:.1f} pages/s, {failed} failed")
    for suffix, count in sorted(by_suffix.items()):
        print(f"  {suffix:9} {count:5} docs  {seconds[suffix]:6.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:] or ["core", "bulk"])
