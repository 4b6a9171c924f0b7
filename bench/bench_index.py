"""Index benchmark: ingest throughput against the raw embedder, re-ingest, search latency.

    .venv/bin/python bench/bench_index.py [--home DIR] [--folders core bulk duplicates]
                                          [--raw-sample 3000] [--queries 200]
    .venv/bin/python bench/bench_index.py --home EXISTING_INDEX --search-only [--queries 200]

Prints, for one run on this machine:
- ingest of the folders: documents, clauses, seconds, clauses/s, peak RSS;
- the same embedder's raw throughput, in the same process, on a random sample of the very
  texts ingest embedded (each clause in its context: document, section, keyword, then the
  clause), and ingest/raw as a percentage (target >= 70%); the bare clause texts' raw rate is
  printed beside it (shorter texts embed faster);
- re-ingest of the unchanged folders: seconds and embeddings computed (target < 10 s, 0);
- warm in-process search latency over varied queries: p50 and p95 (target p95 < 50 ms).

`--search-only` skips the ingest and raw runs and measures search over an existing index
(`--home`; nothing is ingested, but open it on a copy if it must stay untouched).
"""

from __future__ import annotations

import os

# As `rescite` itself does (cli/main.py): one BLAS thread per call, set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import random
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rescite.core.archive import Archive
from rescite.core.records import Body, Filters, Section
from rescite.core.settings import EmbedderSettings, Settings
from rescite.core.wiring import open_archive
from rescite.index.context import indexed_texts
from rescite.index.embedders import Embedder, make_embedder

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("RESCITE_CORPUS", REPO.parent / "shared" / "corpus"))
FIXED_QUERIES = [
    "instructs the Secretary-General",
    "cybersecurity and building confidence in the use of ICTs",
    "网络安全",
    "право на образование",
    "droits de l'homme",
    "derecho a la educación",
    "الأمم المتحدة",
    "outer space",
    "artificial intelligence",
    "election of Member States to the Council",
]
FILTERS = [
    Filters(),
    Filters(body=(Body.UNGA,)),
    Filters(body=(Body.ITU_PP,), section=(Section.OPERATIVE,)),
    Filters(year_from=2020, year_to=2024),
    Filters(language=("en",)),
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clause_texts(archive: Archive) -> list[tuple[str, str]]:
    """(text as embedded at ingest, bare clause text) of every clause."""
    texts: list[tuple[str, str]] = []
    offset = 0
    while True:
        page = archive.documents(offset=offset, limit=500)
        for meta in page.items:
            clauses = archive.clauses(meta.doc_id)
            contexts = indexed_texts(meta, clauses, archive.document(meta.doc_id).text)
            texts.extend(zip(contexts, (c.text for c in clauses), strict=True))
        offset += len(page.items)
        if offset >= page.total or not page.items:
            return texts


def raw_throughput(embedder: Embedder, texts: list[str], sample: int) -> tuple[int, float]:
    chosen = (
        texts if sample <= 0 or sample >= len(texts) else random.Random(1).sample(texts, sample)
    )
    started = time.perf_counter()
    embedder.embed_documents(chosen)
    return len(chosen), time.perf_counter() - started


def queries(texts: list[str], count: int) -> list[tuple[str, Filters]]:
    rng = random.Random(2)
    picked = list(FIXED_QUERIES)
    while len(picked) < count:
        words = rng.choice(texts).split()
        if len(words) >= 4:
            start = rng.randrange(0, max(1, len(words) - 8))
            picked.append(" ".join(words[start : start + rng.randint(2, 8)]))
    return [(q, FILTERS[i % len(FILTERS)]) for i, q in enumerate(picked[:count])]


def latency(archive: Archive, workload: list[tuple[str, Filters]]) -> tuple[float, float]:
    for query, filters in workload[:20]:  # warm up
        archive.search(query, k=10, filters=filters)
    times = []
    for query, filters in workload:
        started = time.perf_counter()
        archive.search(query, k=10, filters=filters)
        times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=100)
    return cuts[49], cuts[94]


def search_only(home: Path, count: int) -> None:
    settings = Settings(home=home, chroma_url=None, embedder=EmbedderSettings())
    with open_archive(settings) as archive:
        documents, clauses = archive.counts()
        p50, p95 = latency(archive, queries(clause_texts(archive), count))
    print(f"index: {documents} documents, {clauses} clauses under {home}")
    print(f"search latency, warm, {count} queries, k=10: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          f"(target p95 < 50 ms)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--home", type=Path, default=None, help="index folder (default: a new tmp one)"
    )
    parser.add_argument("--folders", nargs="+", default=["core", "bulk", "duplicates"])
    parser.add_argument(
        "--raw-sample", type=int, default=3000, help="clauses for the raw run (0 = all)"
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--search-only", action="store_true", help="only search latency over --home as it is"
    )
    args = parser.parse_args()
    if args.search_only:
        if args.home is None:
            parser.error("--search-only needs --home (an existing index)")
        search_only(args.home, args.queries)
        return
    home = args.home or Path(tempfile.mkdtemp(prefix="rescite-bench-"))
    paths = [CORPUS / "documents" / name for name in args.folders]
    embedder = make_embedder(EmbedderSettings())
    settings = Settings(home=home, chroma_url=None, embedder=EmbedderSettings())

    with open_archive(settings, embedder=embedder) as archive:
        started = time.perf_counter()
        report = archive.ingest(paths)
        ingest_s = time.perf_counter() - started
        rss = peak_rss_mb()
        documents, clauses = archive.counts()
        pairs = clause_texts(archive)
        n_raw, raw_s = raw_throughput(embedder, [p[0] for p in pairs], args.raw_sample)
        _, bare_s = raw_throughput(embedder, [p[1] for p in pairs], args.raw_sample)
        texts = [p[1] for p in pairs]
        started = time.perf_counter()
        again = archive.ingest(paths)
        reingest_s = time.perf_counter() - started
        p50, p95 = latency(archive, queries(texts, args.queries))

    ingest_rate = report.clauses_embedded / ingest_s if ingest_s else 0.0
    raw_rate = n_raw / raw_s if raw_s else 0.0
    print(
        f"embedder: {embedder.model_id} ({embedder.dimension}-d); folders: {' '.join(args.folders)}"
    )
    print(f"ingest: {documents} documents, {clauses} clauses ({report.clauses_embedded} embedded, "
          f"{len(report.failed)} files failed) in {ingest_s:.1f} s = {ingest_rate:.1f} clauses/s; "
          f"peak RSS {rss:.0f} MB")  # fmt: skip
    print(
        f"raw embedder on {n_raw} of the texts ingest embedded: {raw_s:.1f} s "
        f"= {raw_rate:.1f} clauses/s (bare clause texts: {n_raw / bare_s:.1f} clauses/s)"
    )
    if raw_rate:
        print(
            f"ingest / raw embedder throughput: {100 * ingest_rate / raw_rate:.0f}% (target >= 70%)"
        )
    print(f"re-ingest unchanged: {reingest_s:.2f} s, {again.clauses_embedded} embeddings "
          f"(target < 10 s, 0)")  # fmt: skip
    print(f"search latency, warm, {args.queries} queries, k=10: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          f"(target p95 < 50 ms)")  # fmt: skip
    if args.home is None:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
