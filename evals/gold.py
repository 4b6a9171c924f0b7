"""The gold sets: questions with the clause ids that answer them, as JSONL and TREC qrels.

`gold.jsonl` is the development set: rescite's constants were chosen on it. `heldout.jsonl` was
written by someone who never saw the answering code nor the development set, and nothing is
tuned on it: its figures are the ones to trust for questions in a delegate's own words.

Each line of `gold.jsonl` is a `GoldQuestion`. Retrieval grades in the qrels: 2 for a
relevant clause, 1 for an acceptable alternative. Unanswerable questions have no ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

GOLD_DIR = Path(__file__).resolve().parent
DEFAULT_GOLD = GOLD_DIR / "gold.jsonl"
# Written blind to the answering code and never tuned on: the honest estimate (evals/README.md).
HELDOUT = GOLD_DIR / "heldout.jsonl"
HELDOUT_FLOORS = GOLD_DIR / "heldout-floors.json"
KINDS = (
    "topic",
    "lookup",
    "paraphrase",
    "crossref",
    "crosslingual",
    "revision",
    "unanswerable",
)
_SEGMENT = r"[a-z0-9][a-z0-9.\-]*"
CLAUSE_ID = re.compile(
    rf"^(itu-pp|itu-wtsa|itu-wtdc|itu-t|itu|unga)(/{_SEGMENT}){{2,}}"
    r"/(title|formula|preamble|operative|annex(-\d+)?|body)(/[a-z0-9.\-]+)*$"
)


class GoldQuestion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    qid: str
    question: str
    kind: str
    language: str
    relevant: tuple[str, ...] = ()
    acceptable: tuple[str, ...] = ()
    answerable: bool = True

    def grades(self) -> dict[str, int]:
        """clause_id -> 2 (relevant) or 1 (acceptable)."""
        graded = dict.fromkeys(self.acceptable, 1)
        graded.update(dict.fromkeys(self.relevant, 2))
        return graded

    def clause_ids(self) -> tuple[str, ...]:
        return tuple(self.grades())


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldQuestion]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [GoldQuestion.model_validate(json.loads(line)) for line in lines if line.strip()]


def qrels_lines(questions: Iterable[GoldQuestion]) -> list[str]:
    """TREC qrels: `qid 0 clause_id grade`, one line per gold clause."""
    return [
        f"{question.qid} 0 {clause_id} {grade}"
        for question in questions
        for clause_id, grade in question.grades().items()
    ]


def write_qrels(questions: Sequence[GoldQuestion], path: Path) -> None:
    path.write_text("\n".join(qrels_lines(questions)) + "\n", encoding="utf-8")


def malformed_ids(questions: Iterable[GoldQuestion]) -> list[str]:
    """Gold ids that do not follow the clause-id convention."""
    return sorted(
        {cid for question in questions for cid in question.clause_ids() if not CLAUSE_ID.match(cid)}
    )


def missing_ids(questions: Iterable[GoldQuestion], exists: Callable[[str], bool]) -> list[str]:
    """Gold ids that the index does not hold (a parser change that moved ids shows here)."""
    wanted = sorted({cid for question in questions for cid in question.clause_ids()})
    return [clause_id for clause_id in wanted if not exists(clause_id)]


def consistency_errors(questions: Sequence[GoldQuestion]) -> list[str]:
    """Problems inside the gold set itself (duplicate qids, unknown kinds, bad flags)."""
    errors: list[str] = []
    seen: set[str] = set()
    for question in questions:
        if question.qid in seen:
            errors.append(f"{question.qid}: duplicate qid")
        seen.add(question.qid)
        if question.kind not in KINDS:
            errors.append(f"{question.qid}: unknown kind {question.kind!r}")
        if question.answerable != bool(question.relevant):
            errors.append(f"{question.qid}: answerable must equal 'has relevant ids'")
        if set(question.relevant) & set(question.acceptable):
            errors.append(f"{question.qid}: an id is both relevant and acceptable")
    return errors
