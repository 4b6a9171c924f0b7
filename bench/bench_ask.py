"""Benchmark `rescite ask`: cold start (process start to printed answer) and warm latency.

    RESCITE_HOME=/path/to/full/index .venv/bin/python bench/bench_ask.py [--cold 5] [--warm 40]
    RESCITE_HOME=/path/to/full/index .venv/bin/python bench/bench_ask.py --warm 0   # cold only

    RESCITE_HOME=... .venv/bin/python bench/bench_ask.py --gold --threshold 0.35 --cold 0

Cold: runs `rescite ask QUESTION` as a fresh process `--cold` times and reports min/median/max
wall time (target < 3 s over an index of the whole corpus). Warm: opens the archive once in this
process, loads the embedder once, and asks `--warm` questions (the gold set's, cycled), reporting
p50/p95. `--gold` also scores the answers against evals/gold.jsonl: citation precision (share of
citations that are relevant or acceptable, answered questions), citation recall (share of
relevant clauses cited, refusals count as 0), refusal accuracy (unanswerable questions refused),
false refusals, and the share of quotes verified. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os

# As `rescite` itself does (cli/main.py): one BLAS thread per call, set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESCITE = REPO / ".venv" / "bin" / "rescite"
GOLD = REPO / "evals" / "gold.jsonl"
FALLBACK = [
    "What does Resolution 130 instruct the Secretary-General to do?",
    "Which resolutions call for capacity-building on artificial intelligence?",
    "What does A/RES/79/243 adopt?",
    "国际电联在儿童在线保护方面决定做什么？",
]


def questions(count: int) -> list[str]:
    pool = FALLBACK
    if GOLD.is_file():
        pool = [json.loads(line)["question"] for line in GOLD.read_text().splitlines() if line]
    return [pool[i % len(pool)] for i in range(count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(share * (len(ordered) - 1)), len(ordered) - 1)]


def cold(runs: int, question: str) -> list[float]:
    env = {**os.environ, "ORT_DISABLE_TELEMETRY": "1", "ANONYMIZED_TELEMETRY": "False"}
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            [str(RESCITE), "ask", question], capture_output=True, text=True, env=env, check=False
        )
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"rescite ask failed: {result.stderr[-2000:]}")
    return times


def warm(count: int) -> tuple[list[float], int, float]:
    from rescite.answer import ask
    from rescite.core.settings import Settings
    from rescite.core.wiring import open_archive
    from rescite.index.embedders import make_embedder

    settings = Settings()
    started = time.perf_counter()
    embedder = make_embedder(settings.embedder)
    archive = open_archive(settings, embedder=embedder)
    opened = time.perf_counter() - started
    ask(archive, "warm-up question about spectrum", settings=settings, embedder=embedder)
    times: list[float] = []
    refused = 0
    for question in questions(count):
        began = time.perf_counter()
        answer = ask(archive, question, settings=settings, embedder=embedder)
        times.append(time.perf_counter() - began)
        refused += answer.refused
    documents, clauses = archive.counts()
    archive.close()
    print(f"index: {documents} documents, {clauses} clauses under {settings.home}")
    return times, refused, opened


def gold_scores(threshold: float) -> None:
    from rescite.answer import ask
    from rescite.core.settings import AnswerSettings, Settings
    from rescite.core.wiring import open_archive
    from rescite.index.embedders import make_embedder

    base = Settings()
    settings = base.model_copy(update={"answer": AnswerSettings(refusal_threshold=threshold)})
    embedder = make_embedder(settings.embedder)
    archive = open_archive(settings, embedder=embedder)
    rows = [json.loads(line) for line in GOLD.read_text().splitlines() if line]
    precision: list[float] = []
    recall: list[float] = []
    refused_ok = false_refusals = quotes = verified = 0
    for row in rows:
        answer = ask(archive, row["question"], settings=settings, embedder=embedder)
        cited = [citation.clause_id for citation in answer.citations]
        quotes += len(answer.citations)
        verified += sum(citation.verified for citation in answer.citations)
        relevant, acceptable = set(row["relevant"]), set(row["acceptable"])
        if not row["answerable"]:
            refused_ok += answer.refused
            continue
        false_refusals += answer.refused
        recall.append(len(relevant & set(cited)) / len(relevant) if relevant else 0.0)
        if cited:
            good = sum(c in relevant or c in acceptable for c in cited)
            precision.append(good / len(cited))
    archive.close()
    unanswerable = sum(not row["answerable"] for row in rows)
    print(
        f"gold ({len(rows)} questions, threshold {threshold}): citation precision "
        f"{statistics.mean(precision):.3f}, citation recall {statistics.mean(recall):.3f}, "
        f"refusal accuracy {refused_ok}/{unanswerable}, false refusals {false_refusals}/"
        f"{len(rows) - unanswerable}, quotes verified {verified}/{quotes}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=5)
    parser.add_argument("--warm", type=int, default=40)
    parser.add_argument("--question", default=FALLBACK[0])
    parser.add_argument("--gold", action="store_true", help="score answers on the gold set")
    parser.add_argument("--threshold", type=float, default=0.35)
    args = parser.parse_args()
    if args.gold:
        gold_scores(args.threshold)
    if args.warm:
        times, refused, opened = warm(args.warm)
        print(f"open (embedder + archive, in process): {opened:.2f} s")
        print(
            f"warm answer latency over {len(times)} questions: p50 {percentile(times, 0.5):.3f} s, "
            f"p95 {percentile(times, 0.95):.3f} s, max {max(times):.3f} s ({refused} refused)"
        )
    if args.cold:
        runs = cold(args.cold, args.question)
        print(
            f"cold start `rescite ask` over {len(runs)} runs: min {min(runs):.2f} s, "
            f"median {statistics.median(runs):.2f} s, max {max(runs):.2f} s (target < 3 s)"
        )


if __name__ == "__main__":
    main()
