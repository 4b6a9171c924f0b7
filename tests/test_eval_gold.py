"""Integrity of the gold set: ids well formed, enough questions, kinds covered, qrels in sync."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rescite.evals.gold import (
    DEFAULT_GOLD,
    HELDOUT,
    KINDS,
    consistency_errors,
    load_gold,
    malformed_ids,
    qrels_lines,
)

SETS = pytest.mark.parametrize("path", [DEFAULT_GOLD, HELDOUT], ids=["gold", "heldout"])


def test_enough_questions_and_every_kind() -> None:
    questions = load_gold()
    assert len(questions) >= 80
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == set(KINDS)
    share_unanswerable = kinds["unanswerable"] / len(questions)
    assert 0.07 <= share_unanswerable <= 0.2  # enough to calibrate refusal, not the bulk


def test_languages_cover_the_six_udhr_languages() -> None:
    languages = {q.language for q in load_gold()}
    assert {"en", "zh", "fr", "es", "ru", "ar"} <= languages


@SETS
def test_ids_are_well_formed_and_the_set_is_consistent(path: Path) -> None:
    questions = load_gold(path)
    assert malformed_ids(questions) == []
    assert consistency_errors(questions) == []


@SETS
def test_qrels_file_matches_the_jsonl(path: Path) -> None:
    questions = load_gold(path)
    qrels = path.with_suffix(".qrels").read_text(encoding="utf-8")
    on_disk = [line for line in qrels.splitlines() if line.strip()]
    assert on_disk == qrels_lines(questions)
    for line in on_disk:
        qid, zero, _clause_id, grade = line.split()
        assert zero == "0" and grade in {"1", "2"}
        assert re.fullmatch(r"[qh]\d{3}", qid)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@SETS
def test_questions_are_not_copied_from_the_texts(documents: Path, path: Path) -> None:
    """No question shares a run of 10 words with a core text file (questions are our own)."""
    windows: set[tuple[str, ...]] = set()
    for text_file in (documents / "core").glob("*.txt"):
        words = _words(text_file.read_text(encoding="utf-8"))
        windows.update(tuple(words[i : i + 10]) for i in range(len(words) - 9))
    copied = [
        q.qid
        for q in load_gold(path)
        if any(
            tuple(w[i : i + 10]) in windows for w in [_words(q.question)] for i in range(len(w) - 9)
        )
    ]
    assert copied == []


def test_the_heldout_set_covers_every_kind_and_shares_no_question_with_the_gold_set() -> None:
    """Every kind of question, unanswerable ones included (its refusal accuracy is the
    out-of-sample one), none shared with the development set."""
    heldout = load_gold(HELDOUT)
    assert len(heldout) >= 70
    assert {q.kind for q in heldout} == set(KINDS)
    assert sum(not q.answerable for q in heldout) >= 10
    assert {"en", "zh", "fr"} <= {q.language for q in heldout}
    assert not {q.question for q in heldout} & {q.question for q in load_gold()}
