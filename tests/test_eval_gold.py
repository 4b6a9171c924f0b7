"""Integrity of the gold set: ids well formed, enough questions, kinds covered, qrels in sync."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from rescite.evals.gold import (
    DEFAULT_GOLD,
    KINDS,
    consistency_errors,
    load_gold,
    malformed_ids,
    qrels_lines,
)

QRELS = DEFAULT_GOLD.with_suffix(".qrels")


def test_enough_questions_and_every_kind() -> None:
    questions = load_gold()
    assert len(questions) >= 80
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == set(KINDS)
    share_unanswerable = kinds["unanswerable"] / len(questions)
    assert 0.07 <= share_unanswerable <= 0.15


def test_languages_cover_the_six_udhr_languages() -> None:
    languages = {q.language for q in load_gold()}
    assert {"en", "zh", "fr", "es", "ru", "ar"} <= languages


def test_ids_are_well_formed_and_the_set_is_consistent() -> None:
    questions = load_gold()
    assert malformed_ids(questions) == []
    assert consistency_errors(questions) == []


def test_qrels_file_matches_the_jsonl() -> None:
    questions = load_gold()
    on_disk = [line for line in QRELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert on_disk == qrels_lines(questions)
    for line in on_disk:
        qid, zero, _clause_id, grade = line.split()
        assert zero == "0" and grade in {"1", "2"}
        assert re.fullmatch(r"q\d{3}", qid)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_questions_are_not_copied_from_the_texts(documents: Path) -> None:
    """No question shares a run of 10 words with a core text file (questions are our own)."""
    windows: set[tuple[str, ...]] = set()
    for path in (documents / "core").glob("*.txt"):
        words = _words(path.read_text(encoding="utf-8"))
        windows.update(tuple(words[i : i + 10]) for i in range(len(words) - 9))
    copied = [
        q.qid
        for q in load_gold()
        if any(
            tuple(w[i : i + 10]) in windows for w in [_words(q.question)] for i in range(len(w) - 9)
        )
    ]
    assert copied == []
