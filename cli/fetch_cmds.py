"""`rescite fetch`: download catalogued official texts (a thin shell over ingest.fetch)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import httpx
import typer
from rescite.cli.errors import guarded
from rescite.ingest.fetch import FetchReport, default_catalog, fetch, load_catalog, select
from rich.console import Console

console = Console(stderr=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `rescite` app."""
    app.command("fetch")(fetch_command)


def fetch_command(
    only: Annotated[
        list[str] | None,
        typer.Option(help="A symbol or number to fetch (A/RES/79/243); repeat; all if none."),
    ] = None,
    catalog: Annotated[
        Path | None, typer.Option(help="Catalog TSV (default: corpus/catalog.tsv).")
    ] = None,
    dest: Annotated[Path, typer.Option(help="Folder to save the files in.")] = Path("sources"),
    base_url: Annotated[
        str | None, typer.Option(help="Replace scheme and host of every URL (a mirror).")
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds per download.")] = 60.0,
) -> None:
    """Download catalogued official texts where a network allows it."""
    with guarded():
        entries = select(load_catalog(catalog or default_catalog()), only or [])
        if only and not entries:
            console.print(f"[bold red]error:[/] nothing in the catalog matches {' '.join(only)}")
            raise typer.Exit(66)
        with httpx.Client(timeout=timeout) as client:
            report = fetch(entries, dest, client=client, base_url=base_url)
    _print(report)
    if report.failed:
        raise typer.Exit(69)


def _print(report: FetchReport) -> None:
    for path in report.fetched:
        console.print(f"fetched {path}")
    for entry, message in report.failed:
        console.print(f"[bold red]failed[/] {entry.symbol} ({entry.language}): {message}")
    console.print(
        f"{len(report.fetched)} fetched, {len(report.present)} already present, "
        f"{len(report.no_url)} without a URL, {len(report.failed)} failed"
    )
    if report.failed:
        console.print(
            "check the network (or use --base-url for a mirror), or download the files "
            "by hand and `rescite ingest` them"
        )
