"""Rendering an evaluation: JSON, a Markdown report with a recall@k plot, and floor checks."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from .metrics import RECALL_KS

DEFAULT_FLOORS = Path(__file__).resolve().parent / "floors.json"
HEADLINE = (
    "recall@5",
    "recall@10",
    "recall@20",
    "mrr",
    "ndcg@10",
    "citation_precision",
    "citation_recall",
    "quotes_verified",
    "refusal_accuracy",
    "false_refusals",
    "refusal_leads",
)
Summary = Mapping[str, float | None]


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def fmt2(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def floors_path_for(gold: Path, floors: Path | None) -> Path:
    """The floors asked for; else the set's own (`heldout.jsonl` -> `heldout-floors.json`
    beside it); else the development set's."""
    if floors is not None:
        return floors
    own = gold.with_name(f"{gold.stem}-floors.json")
    return own if own.is_file() else DEFAULT_FLOORS


def load_floors(path: Path = DEFAULT_FLOORS) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def floor_failures(
    systems: Mapping[str, Any], floors: Mapping[str, Any], *, not_run: Collection[str] = ()
) -> list[str]:
    """Metrics below their floor by more than the tolerance (a missing figure fails too).

    Systems in `not_run` were left out on purpose (`--no-baselines`): their floors are skipped.
    """
    tolerance = float(floors.get("tolerance", 0.0))
    failures: list[str] = []
    for system, metrics in floors.get("floors", {}).items():
        if system in not_run:
            continue
        overall = systems.get(system, {}).get("overall", {})
        for metric, floor in metrics.items():
            value = overall.get(metric)
            if value is None or value < float(floor) - tolerance:
                failures.append(f"{system} {metric} = {fmt(value)} < floor {floor} - {tolerance}")
    return failures


def target_status(systems: Mapping[str, Any], floors: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets: absolute levels and margins over the best baseline (not gating)."""
    targets = floors.get("targets", {})
    ours = systems.get("rescite", {}).get("overall", {})
    baselines = [n for n in systems if not n.startswith("rescite")]
    rows = []
    for metric, level in targets.get("rescite", {}).items():
        value = ours.get(metric)
        rows.append(
            {
                "target": f"rescite {metric} >= {level}",
                "value": value,
                "met": value is not None and value >= level,
            }
        )
    margin = float(targets.get("margin_over_best_baseline", 0.0))
    for metric in targets.get("margin_metrics", []) if baselines else []:
        best = max((systems[n]["overall"].get(metric) or 0.0 for n in baselines), default=0.0)
        value = ours.get(metric)
        rows.append(
            {
                "target": f"rescite {metric} >= best baseline ({best:.3f}) + {margin}",
                "value": value,
                "met": value is not None and value >= best + margin,
            }
        )
    return rows


def plot_recall(systems: Mapping[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6, 4))
    for name, data in systems.items():
        values = [data["overall"].get(f"recall@{k}") or 0.0 for k in RECALL_KS]
        axes.plot(RECALL_KS, values, marker="o", label=name)
    axes.set_xlabel("k")
    axes.set_ylabel("recall@k")
    axes.set_ylim(0, 1)
    axes.set_xticks(list(RECALL_KS))
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8)
    axes.set_title("Gold-set recall@k by system")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def _table(rows: Mapping[str, Summary], columns: Sequence[str], first: str) -> list[str]:
    lines = [f"| {first} | n | " + " | ".join(columns) + " |", "|---|---|" + "---|" * len(columns)]
    for name, summary in rows.items():
        n = int(summary.get("questions") or 0)
        cells = " | ".join(fmt(summary.get(c)) for c in columns)
        lines.append(f"| {name} | {n} | {cells} |")
    return lines


def markdown(result: Mapping[str, Any], plot_name: str | None) -> str:
    systems = result["systems"]
    lines = [
        "# rescite evaluation",
        "",
        f"Gold set: `{result['gold']['path']}` ({result['gold']['questions']} questions).",
        "",
    ]
    lines += ["## Overall", ""]
    lines += _table({n: d["overall"] for n, d in systems.items()}, HEADLINE, "system")
    if plot_name:
        lines += ["", f"![recall@k]({plot_name})"]
    lines += ["", "## Targets", "", "| target | value | met |", "|---|---|---|"]
    lines += [
        f"| {r['target']} | {fmt(r['value'])} | {'yes' if r['met'] else 'NO'} |"
        for r in result.get("targets", [])
    ]
    ours = systems.get("rescite")
    if ours:
        lines += ["", "## rescite by question kind", ""]
        lines += _table(ours["by_kind"], HEADLINE, "kind")
        lines += ["", "## rescite by language", ""]
        lines += _table(ours["by_language"], HEADLINE, "language")
    calibration = result.get("calibration")
    if calibration:
        lines += [
            "",
            "## Refusal calibration",
            "",
            f"Chosen `answer.refusal_threshold` = {calibration['refusal_threshold']:.4f} "
            f"(balanced refusal score {calibration['balanced_score']:.3f}).",
        ]
    elif result.get("refusal_threshold") is not None:
        lines += [
            "",
            "## Refusal threshold",
            "",
            f"The configured `answer.refusal_threshold` = {result['refusal_threshold']:.4f} "
            "(not calibrated on this set).",
        ]
    lines += _misses(result)
    failures = result.get("floor_failures", [])
    lines += ["", "## Floors", "", "All floors met." if not failures else "FAILED:"]
    lines += [f"- {f}" for f in failures]
    notes = result.get("notes", [])
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


def _misses(result: Mapping[str, Any]) -> list[str]:
    """Answerable questions where rescite finds no relevant clause in its top 10."""
    rows = result.get("per_question", {}).get("rescite", [])
    missed = [r for r in rows if r["answerable"] and r["retrieval"].get("recall@10", 1.0) == 0.0]
    if not missed:
        return []
    lines = ["", f"## Missed by rescite (recall@10 = 0): {len(missed)} questions", ""]
    lines += [f"- {r['qid']} ({r['kind']}, {r['language']})" for r in missed]
    return lines


def write_outputs(result: Mapping[str, Any], json_path: Path | None, md_path: Path | None) -> None:
    if json_path:
        json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    if md_path:
        plot = md_path.with_suffix(".recall.png")
        plot_recall(result["systems"], plot)
        md_path.write_text(markdown(result, plot.name), encoding="utf-8")


def exit_code(result: Mapping[str, Any]) -> int:
    """Non-zero when any floor failed: what CI keys on."""
    return 1 if result.get("floor_failures") else 0
