"""`rescite eval` and `rescite bench`: thin shells over rescite.evals."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rescite.cli.errors import guarded
from rescite.core.settings import Settings
from rescite.evals.report import HEADLINE as COLUMNS
from rich.console import Console
from rich.table import Table

console = Console(width=None if sys.stdout.isatty() else 140)
SHORT = {
    "recall@5": "R@5",
    "recall@10": "R@10",
    "recall@20": "R@20",
    "mrr": "MRR",
    "ndcg@10": "nDCG",
    "citation_precision": "CitP",
    "citation_recall": "CitR",
    "quotes_verified": "Quot",
    "refusal_accuracy": "Ref",
    "false_refusals": "FRef",
    "refusal_leads": "Lead",
}


def _table(result: dict[str, Any]) -> Table:
    from rescite.evals.report import fmt2 as fmt

    table = Table(title=f"rescite eval: {result['gold']['questions']} gold questions")
    table.add_column("system")
    for column in COLUMNS:
        table.add_column(SHORT[column], justify="right")
    for name, data in result["systems"].items():
        table.add_row(name, *(fmt(data["overall"].get(c)) for c in COLUMNS))
    return table


def _kind_table(result: dict[str, Any]) -> Table:
    from rescite.evals.report import fmt2 as fmt

    table = Table(title="rescite by kind / language")
    table.add_column("group")
    table.add_column("n", justify="right")
    for column in COLUMNS:
        table.add_column(SHORT[column], justify="right")
    ours = result["systems"]["rescite"]
    for name, summary in [*ours["by_kind"].items(), *ours["by_language"].items()]:
        n = str(int(summary.get("questions") or 0))
        table.add_row(name, n, *(fmt(summary.get(c)) for c in COLUMNS))
    return table


def eval_command(
    gold: Annotated[Path | None, typer.Option("--set", help="gold set JSONL")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="write results JSON")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="write a Markdown report")] = None,
    baselines: Annotated[bool, typer.Option("--baselines/--no-baselines")] = True,
    floors: Annotated[
        Path | None,
        typer.Option(help="floors JSON (default: the set's own <set>-floors.json, else evals/)"),
    ] = None,
    calibrate: Annotated[
        bool,
        typer.Option(
            "--calibrate/--configured-threshold",
            help="choose the refusal threshold on this set, or answer with the configured one "
            "(always, on a held-out set)",
        ),
    ] = True,
    runs: Annotated[Path | None, typer.Option(help="folder for TREC run files")] = None,
    calibration: Annotated[
        Path | None, typer.Option(help="write the calibrated refusal threshold here")
    ] = None,
) -> None:
    """Evaluate retrieval and answers on the gold set, against baselines; fail below floors."""
    from rescite.evals.cli_support import run_eval

    with guarded():
        result = run_eval(Settings(), gold, floors, baselines=baselines, calibrate=calibrate)
    from rescite.evals.cli_support import write_all

    write_all(result, json_out, report, runs, calibration)
    console.print(_table(result))
    console.print(_kind_table(result))
    if result.get("calibration"):
        value = result["calibration"]["refusal_threshold"]
        console.print(f"calibrated answer.refusal_threshold = {value:.4f}")
    elif result.get("refusal_threshold") is not None:
        console.print(f"configured answer.refusal_threshold = {result['refusal_threshold']:.4f}")
    for row in result["targets"]:
        mark = "[green]met[/]" if row["met"] else "[yellow]not met[/]"
        console.print(f"target {row['target']}: {row['value']}  {mark}")
    from rescite.evals.report import exit_code

    for note in result.get("notes", []):
        console.print(f"note: {note}")
    for failure in result["floor_failures"]:
        console.print(f"[bold red]below floor:[/] {failure}")
    if exit_code(result):
        raise typer.Exit(exit_code(result))
    console.print("[green]all floors met[/]")


def bench_command(
    json_out: Annotated[Path | None, typer.Option("--json", help="write figures JSON")] = None,
    ingest_path: Annotated[
        Path | None, typer.Option(help="folder to ingest into a scratch home (default: core)")
    ] = None,
    queries: Annotated[int, typer.Option(help="gold questions to time")] = 30,
) -> None:
    """Ingest and embedder throughput, search and ask latency, ask cold start, peak RSS."""
    from rescite.evals.bench import run_bench

    with guarded():
        figures = run_bench(Settings(), ingest_path, queries)
    table = Table(title="rescite bench")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
    if json_out:
        json_out.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `rescite` app."""
    app.command("eval")(eval_command)
    app.command("bench")(bench_command)
