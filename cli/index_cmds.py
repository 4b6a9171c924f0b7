"""`rescite ingest` and `rescite search`: thin shells over Archive.ingest / Archive.search."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rescite.cli.errors import guarded
from rescite.cli.filter_options import (
    BodyOption,
    DocOption,
    DocTypeOption,
    KeywordOption,
    LanguageOption,
    SectionOption,
    YearOption,
    filters_from_options,
)
from rescite.core.records import Hit, SyncReport
from rescite.core.settings import Settings
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

if TYPE_CHECKING:
    from rescite.core.archive import Archive

console = Console()


class RichProgress:
    """IngestProgress drawn as a rich progress bar: files, clauses, embeddings per second."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task = progress.add_task("files", total=None, clauses=0, rate="")
        self._clauses = 0
        self._seconds = 0.0

    def files_found(self, total: int) -> None:
        self._progress.update(self._task, total=total)

    def file_done(self, path: Path, status: str) -> None:
        if status != "removed":
            self._progress.advance(self._task)

    def clauses_embedded(self, count: int, seconds: float) -> None:
        self._clauses += count
        self._seconds += seconds
        rate = f"{self._clauses / self._seconds:.0f} emb/s" if self._seconds else ""
        self._progress.update(self._task, clauses=self._clauses, rate=rate)


def _summary(report: SyncReport, seconds: float) -> Table:
    table = Table(title=f"ingest: {report.clauses_embedded} clauses embedded in {seconds:.1f} s")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    table.add_column("examples / reasons", overflow="fold")
    rows = [
        ("added", report.added),
        ("updated", report.updated),
        ("unchanged", report.unchanged),
        ("removed", report.removed),
    ]
    for name, ids in rows:
        table.add_row(name, str(len(ids)), ", ".join(ids[:3]) + (" …" if len(ids) > 3 else ""))
    reasons = "\n".join(f"{Path(f.path).name}: [{f.kind}] {f.message}" for f in report.failed)
    table.add_row("failed", str(len(report.failed)), reasons)
    return table


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to index.")],
    prune: Annotated[bool, typer.Option(help="Remove documents whose files are gone.")] = False,
    rebuild: Annotated[
        bool, typer.Option(help="Delete the index first (e.g. after changing the embedder).")
    ] = False,
    chroma_url: Annotated[
        str | None, typer.Option(help="A Chroma server instead of the embedded store.")
    ] = None,
    ranking: Annotated[
        bool,
        typer.Option(
            help="Then embed every English clause for the answers' ranking encoder (about 27 "
            "a second, once: answers then embed none; otherwise each is embedded when an "
            "answer first ranks it)."
        ),
    ] = False,
) -> None:
    """Parse and index files and folders; unchanged files are skipped."""
    from rescite.core.wiring import open_archive

    settings = Settings()
    if chroma_url:
        settings = settings.model_copy(update={"chroma_url": chroma_url})
    with guarded():
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            console.print(f"[bold red]error:[/] no such file or folder: {', '.join(missing)}")
            raise typer.Exit(66)
        started = time.perf_counter()
        with open_archive(settings, rebuild=rebuild) as archive:
            with _progress() as bar:
                report = archive.ingest(paths, prune=prune, progress=RichProgress(bar))
            console.print(_summary(report, time.perf_counter() - started))
            if ranking:
                _fill_ranking_vectors(archive)
    if report.failed:
        raise typer.Exit(1)


def _fill_ranking_vectors(archive: Archive) -> None:
    started = time.perf_counter()
    with Progress(
        TextColumn("[bold]ranking vectors[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as bar:
        task = bar.add_task("embedded", total=None)
        fill = archive.fill_ranking_vectors(
            lambda done, missing: bar.update(task, completed=done, total=missing)
        )
    if fill is None:
        console.print("no ranking encoder (embedder.ranking = none): nothing to embed")
        return
    console.print(
        f"ranking vectors: {fill.texts} English clause texts, {fill.kept} already kept, "
        f"{fill.embedded} embedded in {time.perf_counter() - started:.1f} s"
        + (f", {fill.dropped} of texts no longer held dropped" if fill.dropped else "")
    )


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[clauses]} clauses embedded · {task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("--k", help="How many clauses.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits as JSON.")] = False,
    body: BodyOption = None,
    doc_type: DocTypeOption = None,
    year_from: YearOption = None,
    year_to: YearOption = None,
    section: SectionOption = None,
    keyword: KeywordOption = None,
    language: LanguageOption = None,
    doc: DocOption = None,
) -> None:
    """Hybrid (vector + BM25) clause search with filters."""
    from rescite.core.wiring import open_archive

    filters = filters_from_options(
        body, doc_type, year_from, year_to, section, keyword, language, doc
    )
    with guarded(), open_archive(Settings()) as archive:
        hits = archive.search(query, k=k, filters=filters)
    if as_json:
        typer.echo(json.dumps([hit.model_dump(mode="json") for hit in hits], ensure_ascii=False))
        return
    _print_hits(hits)


def _print_hits(hits: list[Hit]) -> None:
    if not hits:
        console.print("no matching clauses")
        return
    table = Table(show_lines=True)
    for name in ("#", "score", "v/b", "clause", "text"):
        table.add_column(name, overflow="fold")
    for n, hit in enumerate(hits, start=1):
        ranks = f"{hit.vector_rank or '-'}/{hit.bm25_rank or '-'}"
        text = hit.clause.text if len(hit.clause.text) <= 300 else hit.clause.text[:300] + " …"
        table.add_row(str(n), f"{hit.score:.4f}", ranks, hit.clause.clause_id, text)
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add `ingest` and `search` to the `rescite` app."""
    app.command()(ingest)
    app.command()(search)
