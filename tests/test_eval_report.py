"""Floors, targets and the Markdown/PNG report on hand-made results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rescite.evals.gold import DEFAULT_GOLD, HELDOUT, HELDOUT_FLOORS
from rescite.evals.report import (
    DEFAULT_FLOORS,
    exit_code,
    floor_failures,
    floors_path_for,
    load_floors,
    markdown,
    target_status,
    write_outputs,
)


def systems(recall: float | None, baseline_recall: float = 0.3) -> dict[str, Any]:
    def entry(value: float | None) -> dict[str, Any]:
        overall = {"questions": 3.0, "recall@5": value, "recall@10": value, "recall@20": value}
        return {"overall": overall, "by_kind": {"lookup": overall}, "by_language": {"en": overall}}

    return {"rescite": entry(recall), "bm25-1000-chars": entry(baseline_recall)}


FLOORS = {
    "tolerance": 0.02,
    "floors": {"rescite": {"recall@10": 0.5}},
    "targets": {
        "rescite": {"recall@10": 0.9},
        "margin_over_best_baseline": 0.15,
        "margin_metrics": ["recall@10"],
    },
}


@pytest.mark.parametrize(
    ("recall", "fails"),
    [(0.6, False), (0.5, False), (0.485, False), (0.47, True), (None, True)],
)
def test_floor_with_tolerance(recall: float | None, fails: bool) -> None:
    failures = floor_failures(systems(recall), FLOORS)
    assert bool(failures) is fails
    assert exit_code({"floor_failures": failures}) == (1 if fails else 0)


def test_floors_of_a_system_left_out_on_purpose_are_not_checked() -> None:
    floors = {**FLOORS, "floors": {**FLOORS["floors"], "rescite-search": {"recall@10": 0.5}}}
    assert floor_failures(systems(0.6), floors) == [
        "rescite-search recall@10 = – < floor 0.5 - 0.02"
    ]
    assert floor_failures(systems(0.6), floors, not_run={"rescite-search"}) == []
    assert floor_failures(systems(0.4), floors, not_run={"rescite-search"}) != []


def test_targets_report_levels_and_margins() -> None:
    rows = {r["target"]: r["met"] for r in target_status(systems(0.5, 0.3), FLOORS)}
    assert rows["rescite recall@10 >= 0.9"] is False
    assert rows["rescite recall@10 >= best baseline (0.300) + 0.15"] is True


def test_committed_floors_gate_the_issue_metrics() -> None:
    floors = load_floors()
    assert {"recall@10", "citation_precision", "quotes_verified", "refusal_accuracy"} <= set(
        floors["floors"]["rescite"]
    )
    assert floors["targets"]["rescite"]["recall@10"] == 0.9


def test_a_set_is_gated_by_its_own_floors_unless_others_are_named(tmp_path: Path) -> None:
    assert floors_path_for(HELDOUT, None) == HELDOUT_FLOORS
    assert floors_path_for(DEFAULT_GOLD, None) == DEFAULT_FLOORS
    assert floors_path_for(HELDOUT, DEFAULT_FLOORS) == DEFAULT_FLOORS
    mine = tmp_path / "mine.jsonl"
    assert floors_path_for(mine, None) == DEFAULT_FLOORS
    (tmp_path / "mine-floors.json").write_text("{}", encoding="utf-8")
    assert floors_path_for(mine, None) == tmp_path / "mine-floors.json"


def test_the_heldout_floors_say_the_set_is_held_out() -> None:
    assert load_floors(HELDOUT_FLOORS)["held_out"] is True
    assert "held_out" not in load_floors()


def test_markdown_and_plot(tmp_path: Path) -> None:
    result = {
        "gold": {"path": "evals/gold.jsonl", "questions": 3},
        "systems": systems(0.7),
        "targets": target_status(systems(0.7), FLOORS),
        "floor_failures": [],
        "calibration": {"refusal_threshold": 0.25, "balanced_score": 0.9},
        "per_question": {"rescite": []},
    }
    text = markdown(result, "plot.png")
    assert "| rescite | 3 |" in text and "refusal_threshold` = 0.2500" in text
    write_outputs(result, tmp_path / "r.json", tmp_path / "r.md")
    assert (tmp_path / "r.recall.png").read_bytes().startswith(b"\x89PNG")
    assert "![recall@k](r.recall.png)" in (tmp_path / "r.md").read_text(encoding="utf-8")
