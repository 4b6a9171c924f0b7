"""One evaluation run: check the gold ids, run every retriever and answerer, score, judge.

The retrievers and the answerer are explicit parameters, so a test can hand in a broken
retriever and watch the run fail its floors (no patching).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rescite.core.errors import ResciteError
from rescite.core.records import Answer

from .gold import GoldQuestion, missing_ids
from .metrics import (
    QuestionResult,
    Unit,
    best_threshold,
    by_kind,
    by_language,
    retrieval_scores,
    summarise,
)
from .systems import Retrieved, Retriever, covered

RUN_DEPTH = 20
BASELINE_CITATIONS = 5
Asker = Callable[[str], Answer]


class GoldIdsMissingError(ResciteError):
    """Gold clause ids the index does not hold: fix the gold set (or the parser) first."""

    kind = "gold_ids_missing"

    def __init__(self, missing: Sequence[str]) -> None:
        listing = "\n  ".join(missing)
        super().__init__(
            f"{len(missing)} gold clause id(s) are not in the index:\n  {listing}\n"
            "update evals/gold.jsonl (and gold.qrels) to the parser's ids, or re-ingest"
        )
        self.missing = tuple(missing)


@dataclass
class SystemRun:
    name: str
    results: list[QuestionResult]
    run_lines: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "overall": summarise(self.results),
            "by_kind": by_kind(self.results),
            "by_language": by_language(self.results),
        }


def check_gold(questions: Sequence[GoldQuestion], exists: Callable[[str], bool]) -> None:
    missing = missing_ids(questions, exists)
    if missing:
        raise GoldIdsMissingError(missing)


def _units(found: Sequence[Retrieved], texts: Mapping[str, str]) -> list[Unit]:
    return [covered(item, texts) for item in found]


def run_retriever(
    name: str,
    retriever: Retriever,
    questions: Sequence[GoldQuestion],
    clause_texts: Mapping[str, str],
    *,
    chunk_citations: bool = False,
) -> SystemRun:
    """Score one retriever; chunk baselines also 'answer' by citing their top chunks."""
    results: list[QuestionResult] = []
    lines: list[str] = []
    for question in questions:
        found = retriever(question.question, RUN_DEPTH)
        texts = {cid: clause_texts.get(cid, "") for cid in question.clause_ids()}
        units = _units(found, texts)
        grades = question.grades()
        lines += [
            f"{question.qid} Q0 {item.key} {rank} {item.score:.6f} {name}"
            for rank, item in enumerate(found, 1)
        ]
        result = QuestionResult(
            question.qid,
            question.kind,
            question.language,
            question.answerable,
            retrieval=retrieval_scores(units, grades) if question.answerable else {},
        )
        if chunk_citations:
            result = _with_citations(result, units[:BASELINE_CITATIONS], question, refused=False)
        results.append(result)
    return SystemRun(name, results, lines)


def _with_citations(
    result: QuestionResult,
    cited: Sequence[Unit],
    question: GoldQuestion,
    *,
    refused: bool,
    quotes: int = 0,
    verified: int = 0,
    leads: Sequence[str] | None = None,
) -> QuestionResult:
    from .metrics import citation_precision, citation_recall

    correct = set(question.relevant) | set(question.acceptable)
    return QuestionResult(
        result.qid,
        result.kind,
        result.language,
        result.answerable,
        retrieval=result.retrieval,
        citation_precision=None if refused else citation_precision(cited, correct),
        citation_recall=0.0 if refused else citation_recall(cited, question.relevant),
        quotes=quotes,
        quotes_verified=verified,
        refused=refused,
        lead_found=(
            bool(correct & set(leads))
            if refused and question.answerable and leads is not None
            else None
        ),
    )


@dataclass
class AnswerRun:
    answers: dict[str, Answer]
    threshold: float


def collect_answers(asker: Asker, questions: Sequence[GoldQuestion]) -> dict[str, Answer]:
    return {question.qid: asker(question.question) for question in questions}


def calibrate(
    answers: Mapping[str, Answer], questions: Sequence[GoldQuestion], keep: float | None = None
) -> float:
    """The refusal threshold on `Answer.support` that best separates the gold set (`keep`: the
    configured one, kept unless clearly worse; see `best_threshold`)."""
    return best_threshold([(answers[q.qid].support, q.answerable) for q in questions], keep)


def score_answers(
    run: SystemRun,
    answers: Mapping[str, Answer],
    questions: Sequence[GoldQuestion],
) -> SystemRun:
    """Add citation, quote and refusal figures to a rescite retrieval run: an answer counts as
    refused when `ask` refused it (below the refusal threshold, an English question may still be
    answered by a late match, `answer/ask.py`)."""
    by_qid = {r.qid: r for r in run.results}
    scored: list[QuestionResult] = []
    for question in questions:
        answer = answers[question.qid]
        refused = answer.refused
        cited = [frozenset({c.clause_id}) for c in answer.citations]
        verified = sum(1 for c in answer.citations if c.verified)
        scored.append(
            _with_citations(
                by_qid[question.qid],
                cited,
                question,
                refused=refused,
                quotes=0 if refused else len(cited),
                verified=0 if refused else verified,
                leads=[lead.clause_id for lead in answer.leads],
            )
        )
    return SystemRun(run.name, scored, run.run_lines)
