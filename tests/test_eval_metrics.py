"""Metrics on tiny hand-made runs, plus invariants checked with hypothesis."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rescite.evals.metrics import (
    QuestionResult,
    best_threshold,
    by_kind,
    by_language,
    citation_precision,
    citation_recall,
    ndcg_at,
    recall_at,
    reciprocal_rank,
    summarise,
)


def units(*ids: str) -> list[frozenset[str]]:
    return [frozenset({i}) if i else frozenset() for i in ids]


@pytest.mark.parametrize(
    ("ranking", "relevant", "k", "expected"),
    [
        (units("a", "b", "c"), ["a"], 1, 1.0),
        (units("x", "b", "a"), ["a", "b"], 2, 0.5),
        (units("x", "b", "a"), ["a", "b"], 3, 1.0),
        (units("x", "y"), ["a"], 10, 0.0),
        ([], ["a"], 5, 0.0),
        ([frozenset({"a", "b"})], ["a", "b", "c", "d"], 1, 0.5),  # a chunk covering two clauses
    ],
)
def test_recall_at_k(
    ranking: list[frozenset[str]], relevant: list[str], k: int, expected: float
) -> None:
    assert recall_at(ranking, relevant, k) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("ranking", "correct", "expected"),
    [
        (units("a"), ["a"], 1.0),
        (units("x", "y", "a"), ["a"], 1 / 3),
        (units("", "b"), ["a", "b"], 0.5),
        (units("x"), ["a"], 0.0),
    ],
)
def test_reciprocal_rank(
    ranking: list[frozenset[str]], correct: list[str], expected: float
) -> None:
    assert reciprocal_rank(ranking, correct) == pytest.approx(expected)


def test_ndcg_perfect_and_swapped() -> None:
    grades = {"a": 2, "b": 1}
    assert ndcg_at(units("a", "b"), grades, 10) == pytest.approx(1.0)
    swapped = ndcg_at(units("b", "a"), grades, 10)
    ideal = 3 + 1 / math.log2(3)
    assert swapped == pytest.approx((1 + 3 / math.log2(3)) / ideal)
    assert ndcg_at(units("x"), grades, 10) == 0.0


def test_ndcg_counts_a_clause_once() -> None:
    grades = {"a": 2}
    assert ndcg_at(units("a", "a"), grades, 10) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("cited", "expected_p", "expected_r"),
    [
        (units("a", "b"), 1.0, 0.5),  # b acceptable: precise, recall counts relevant only
        (units("a", "x"), 0.5, 0.5),
        (units("a", "c"), 1.0, 1.0),
        (units("x"), 0.0, 0.0),
    ],
)
def test_citation_precision_recall(
    cited: list[frozenset[str]], expected_p: float, expected_r: float
) -> None:
    relevant, acceptable = {"a", "c"}, {"b"}
    assert citation_precision(cited, relevant | acceptable) == pytest.approx(expected_p)
    assert citation_recall(cited, relevant) == pytest.approx(expected_r)


def test_no_citations_is_undefined_precision() -> None:
    assert citation_precision([], {"a"}) is None


def result(qid: str, kind: str, language: str, answerable: bool, **kw: object) -> QuestionResult:
    return QuestionResult(qid, kind, language, answerable, **kw)  # type: ignore[arg-type]


def test_summary_refusals_quotes_and_breakdowns() -> None:
    results = [
        result(
            "q1",
            "lookup",
            "en",
            True,
            retrieval={"recall@10": 1.0},
            citation_precision=1.0,
            citation_recall=1.0,
            quotes=2,
            quotes_verified=2,
            refused=False,
        ),
        result(
            "q2",
            "lookup",
            "zh",
            True,
            retrieval={"recall@10": 0.0},
            citation_precision=None,
            citation_recall=0.0,
            refused=True,
            lead_found=True,
        ),
        result("q3", "unanswerable", "en", False, refused=True),
        result("q4", "unanswerable", "en", False, refused=False, quotes=1, quotes_verified=0),
    ]
    summary = summarise(results)
    assert summary["recall@10"] == pytest.approx(0.5)
    assert summary["citation_precision"] == pytest.approx(1.0)
    assert summary["citation_recall"] == pytest.approx(0.5)
    assert summary["quotes_verified"] == pytest.approx(2 / 3)
    assert summary["refusal_accuracy"] == pytest.approx(0.5)
    assert summary["false_refusals"] == pytest.approx(0.5)
    assert summary["refusal_leads"] == pytest.approx(1.0)  # q2's leads hold a gold clause
    kinds = by_kind(results)
    assert set(kinds) == {"lookup", "unanswerable"}
    assert kinds["lookup"]["questions"] == 2
    assert by_language(results)["zh"]["recall@10"] == 0.0


def test_threshold_separates_supports() -> None:
    supports = [(0.9, True), (0.8, True), (0.3, False), (0.2, False), (0.5, True)]
    threshold = best_threshold(supports)
    assert 0.3 < threshold <= 0.5


ids = st.sampled_from(list("abcdefgh"))
rankings = st.lists(st.frozensets(ids, max_size=3), max_size=12)


@given(rankings, st.sets(ids, min_size=1), st.integers(1, 15))
def test_recall_is_bounded_and_monotone_in_k(
    ranking: list[frozenset[str]], relevant: set[str], k: int
) -> None:
    low, high = recall_at(ranking, relevant, k), recall_at(ranking, relevant, k + 1)
    assert 0.0 <= low <= high <= 1.0


@given(rankings, st.dictionaries(ids, st.sampled_from([1, 2]), min_size=1))
def test_ndcg_and_mrr_are_bounded(ranking: list[frozenset[str]], grades: dict[str, int]) -> None:
    assert 0.0 <= ndcg_at(ranking, grades, 10) <= 1.0 + 1e-9
    assert 0.0 <= reciprocal_rank(ranking, grades) <= 1.0


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=30))
def test_best_threshold_has_the_best_balanced_score(supports: list[tuple[float, bool]]) -> None:
    from rescite.evals.metrics import balanced_refusal_score

    chosen = best_threshold(supports)
    best = balanced_refusal_score(supports, chosen)
    for support, _ in supports:
        for other in (support, support + 1e-6, 0.0):
            assert best >= balanced_refusal_score(supports, other) - 1e-12


def test_a_target_refusal_rate_is_not_forced_at_the_cost_of_the_answers() -> None:
    """Tempting unanswerable questions score like answerable ones: refusing 80% of them would
    cost most answers, so the threshold balances the two instead."""
    unanswerable = [(0.1 * i, False) for i in range(1, 11)]  # 0.1 .. 1.0
    answerable = [(0.45, True), (0.55, True), (0.65, True), (0.75, True), (0.85, True)]
    threshold = best_threshold(unanswerable + answerable)
    assert 0.4 < threshold <= 0.45  # refuses 4 of 10, keeps every answer (0.7 balanced)


def test_the_configured_threshold_stays_unless_another_is_clearly_better() -> None:
    """A flat curve's highest point moves with noise: the configured threshold is kept when it
    scores within KEEP_MARGIN of the best, and replaced when it is clearly worse."""
    supports = [(0.5, True)] * 100 + [(0.35, True)] + [(0.2, False)] * 100  # best: 1.0
    best = best_threshold(supports)
    assert 0.2 < best <= 0.35
    assert best_threshold(supports, keep=0.4) == 0.4  # one answer of 101 lost: 0.995 against 1
    assert best_threshold(supports, keep=0.6) == best  # every answer lost
