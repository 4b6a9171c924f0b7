"""`evaluate(...)`: the whole evaluation on one Archive, returned as plain data.

Order: every gold clause id must exist (else GoldIdsMissingError, listing them); rescite's
retrieval (the clauses `ask` weighs: the question read, named documents resolved, then ranked);
rescite's answers (refusal threshold calibrated on the gold set, or the configured one);
then, when asked, the baselines on the same corpus: rescite's plain hybrid search
(`rescite search`, the question taken as keywords), its vector-only and BM25-only rankings,
BM25 over 1,000-character chunks, and llama-index's default pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rescite.core.errors import NotFound
from rescite.core.records import Answer, Filters
from rescite.core.settings import Settings

from .baselines import all_documents, bm25_chunks, llamaindex_default
from .gold import GoldQuestion
from .metrics import balanced_refusal_score
from .report import floor_failures, target_status
from .runner import (
    Asker,
    SystemRun,
    calibrate,
    check_gold,
    collect_answers,
    run_retriever,
    score_answers,
)
from .systems import Retriever, ask_retrieval, bm25_only, hybrid, squash, vector_only


@dataclass
class EvalOptions:
    baselines: bool = True
    answers: bool = True
    gold_path: Path = Path("evals/gold.jsonl")
    floors: dict[str, Any] = field(default_factory=dict)
    # Choose the refusal threshold on the set itself (in sample); else answer with the configured
    # `answer.refusal_threshold`. A set without unanswerable questions cannot calibrate it, and
    # a held-out set (`"held_out": true` in its floors) never does.
    calibrate: bool = True


def clause_exists(archive: Any) -> Callable[[str], bool]:
    if hasattr(archive, "clause_ids"):
        known = set(archive.clause_ids())
        return known.__contains__

    def exists(clause_id: str) -> bool:
        try:
            archive.clause(clause_id)
        except NotFound:
            return False
        return True

    return exists


def gold_texts(archive: Any, questions: Sequence[GoldQuestion]) -> dict[str, str]:
    ids = {cid for q in questions for cid in q.clause_ids()}
    return {cid: squash(archive.clause(cid).text) for cid in sorted(ids)}


def rescite_asker(archive: Any, settings: Settings, embedder: Any, threshold: float) -> Asker:
    from rescite.answer import ask

    tuned = settings.model_copy(
        update={"answer": settings.answer.model_copy(update={"refusal_threshold": threshold})}
    )

    def asker(question: str) -> Answer:
        return ask(archive, question, filters=Filters(), settings=tuned, embedder=embedder)

    return asker


def evaluate(
    archive: Any,
    settings: Settings,
    questions: Sequence[GoldQuestion],
    options: EvalOptions,
    *,
    retriever: Retriever | None = None,
    asker_for: Callable[[float], Asker] | None = None,
    embedder: Any = None,
) -> dict[str, Any]:
    """Run everything; `retriever`/`asker_for` default to rescite's own (tests pass others)."""
    check_gold(questions, clause_exists(archive))
    texts = gold_texts(archive, questions)
    runs: list[SystemRun] = [
        run_retriever(
            "rescite",
            retriever or ask_retrieval(archive, embedder, settings.answer.k),
            questions,
            texts,
        )
    ]
    notes: list[str] = []
    calibration = None
    threshold: float | None = None
    make = asker_for or (lambda t: rescite_asker(archive, settings, embedder, t))
    calibrating = (
        options.calibrate
        and not options.floors.get("held_out", False)
        and any(not q.answerable for q in questions)
    )
    if options.answers and not calibrating:
        threshold = settings.answer.refusal_threshold
        answers = collect_answers(make(threshold), questions)
        runs[0] = score_answers(runs[0], answers, questions)
    elif options.answers:
        first = collect_answers(make(0.0), questions)
        threshold = calibrate(first, questions, keep=settings.answer.refusal_threshold)
        final = collect_answers(make(threshold), questions) if threshold > 0 else first
        runs[0] = score_answers(runs[0], final, questions)
        supports = [(first[q.qid].support, q.answerable) for q in questions]
        calibration = {
            "refusal_threshold": threshold,
            "balanced_score": balanced_refusal_score(supports, threshold),
            "supports": {q.qid: first[q.qid].support for q in questions},
        }
    if options.baselines:
        runs += baseline_runs(archive, questions, texts, embedder, notes)
    systems = {run.name: run.summary() for run in runs}
    not_run = set() if options.baselines else set(options.floors.get("floors", {})) - set(systems)
    if not_run:
        notes.append(f"floors not checked (baselines not run): {', '.join(sorted(not_run))}")
    result: dict[str, Any] = {
        "gold": {"path": str(options.gold_path), "questions": len(questions)},
        "systems": systems,
        "calibration": calibration,
        "refusal_threshold": threshold,
        "targets": target_status(systems, options.floors),
        "floor_failures": floor_failures(systems, options.floors, not_run=not_run),
        "notes": notes,
        "runs": {run.name: run.run_lines for run in runs},
        "per_question": {run.name: [vars(r) for r in run.results] for run in runs},
    }
    return result


def baseline_runs(
    archive: Any,
    questions: Sequence[GoldQuestion],
    texts: dict[str, str],
    embedder: Any,
    notes: list[str],
) -> list[SystemRun]:
    runs = [
        run_retriever("rescite-search", hybrid(archive), questions, texts),
        run_retriever("rescite-vector-only", vector_only(archive), questions, texts),
        run_retriever("rescite-bm25-only", bm25_only(archive), questions, texts),
    ]
    documents = list(all_documents(archive))
    runs.append(
        run_retriever(
            "bm25-1000-chars", bm25_chunks(documents), questions, texts, chunk_citations=True
        )
    )
    if embedder is None:
        notes.append("llama-index baseline skipped: no embedder given")
    else:
        runs.append(
            run_retriever(
                "llamaindex-default",
                llamaindex_default(documents, embedder),
                questions,
                texts,
                chunk_citations=True,
            )
        )
    notes.append(
        "chunk baselines cite their top 5 chunks and never refuse; a chunk counts for a gold "
        "clause when it contains the clause's text (whitespace normalised), or lies inside a "
        "clause longer than itself"
    )
    return runs
