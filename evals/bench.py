"""`rescite bench`: throughput and latency figures, thin on purpose.

Ingest throughput (a scratch home) next to the raw embedder's throughput on texts ingest
embedded (clauses in their context), search and ask p50/p95 on gold questions against the main
archive (ask twice: first with none of the candidates embedded by the ranking encoder, then
again, as a question asked before), `ask` cold start in a fresh process, and peak RSS.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from rescite.core.records import Filters
from rescite.core.settings import Settings

from .gold import load_gold

COLD_START = (
    "from rescite.core.settings import Settings\n"
    "from rescite.core.wiring import open_archive\n"
    "from rescite.answer import ask\n"
    "s = Settings()\n"
    "a = open_archive(s)\n"
    "ask(a, 'Which resolutions mandate action on ICT misuse?', settings=s)\n"
)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def latencies(name: str, calls: Sequence[Callable[[], Any]]) -> dict[str, float]:
    seconds = [timed(call) for call in calls]
    return {
        f"{name}_p50_ms": 1000 * percentile(seconds, 0.5),
        f"{name}_p95_ms": 1000 * percentile(seconds, 0.95),
    }


def ingest_figures(settings: Settings, folder: Path, embedder: Any) -> dict[str, float]:
    from rescite.core.wiring import open_archive, paraphrase_embedder, ranking_embedder
    from rescite.index.context import indexed_texts

    with tempfile.TemporaryDirectory(prefix="rescite-bench-") as scratch:
        scratch_settings = settings.model_copy(update={"home": Path(scratch)})
        with open_archive(scratch_settings, embedder=embedder) as archive:
            seconds = timed(lambda: archive.ingest([folder]))
            documents, clauses = archive.counts()
            texts = (
                text
                for meta in archive.documents(limit=1000).items
                for text in indexed_texts(
                    meta, archive.clauses(meta.doc_id), archive.document(meta.doc_id).text
                )
            )
            sample = list(islice(texts, 512))
    figures = {
        "ingest_documents": float(documents),
        "ingest_clauses": float(clauses),
        "ingest_seconds": seconds,
        "ingest_clauses_per_s": clauses / seconds if seconds else 0.0,
    }
    embedders = {"embedder": embedder}
    if settings.embedder.paraphrase != "none":
        embedders["paraphrase_embedder"] = paraphrase_embedder(settings.embedder.model_cache)
    if settings.embedder.ranking != "none":
        embedders["ranking_embedder"] = ranking_embedder(settings.embedder.model_cache)
    for name, one in embedders.items():
        embed_seconds = timed(partial(one.embed_documents, sample))
        figures[f"{name}_texts_per_s"] = len(sample) / embed_seconds if embed_seconds else 0.0
    return figures


def cold_start_seconds() -> float:
    return timed(
        lambda: subprocess.run([sys.executable, "-c", COLD_START], check=True, capture_output=True)
    )


def run_bench(settings: Settings, ingest_path: Path | None, queries: int) -> dict[str, float]:
    from rescite.answer import ask
    from rescite.core.wiring import open_archive
    from rescite.index.embedders import make_embedder

    embedder = make_embedder(settings.embedder)
    folder = ingest_path or settings.corpus / "documents" / "core"
    figures = ingest_figures(settings, folder, embedder)
    questions = [q.question for q in load_gold()][:queries]
    with (
        tempfile.TemporaryDirectory(prefix="rescite-bench-") as scratch,
        open_archive(
            settings, embedder=embedder, ranking_vectors=Path(scratch) / "ranking.sqlite3"
        ) as archive,
    ):
        figures |= latencies("search", [partial(archive.search, q, k=10) for q in questions])
        asks = [
            partial(ask, archive, q, filters=Filters(), settings=settings, embedder=embedder)
            for q in questions
        ]
        figures |= latencies("ask_first", asks)
        figures |= latencies("ask", asks)
    figures["ask_cold_start_s"] = cold_start_seconds()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["peak_rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return figures
