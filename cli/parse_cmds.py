"""`rescite parse FILE_OR_DIR... [--json]`: show the clauses the parser makes of each document.

A readable table by default (one row per clause), one JSON object per document with
`--json`. A file that cannot be read is reported (error kind and message) and the rest goes
on; the command exits non-zero when any file failed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rescite.cli.errors import EXIT_CODES
from rescite.core.errors import InputError, ResciteError
from rescite.core.records import FailedFile, ParsedDocument
from rescite.core.settings import Settings
from rich.console import Console
from rich.table import Table

console = Console()
errors_console = Console(stderr=True)


def parse(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to parse.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per document, with its clauses.")
    ] = False,
) -> None:
    """Parse files into documents and clauses and show what was found."""
    from rescite.ingest.load import iter_files, read_file
    from rescite.ingest.parse import parse as parse_document

    max_bytes = Settings().max_file_mb * 1024 * 1024
    failed: list[FailedFile] = []
    for path in iter_files(paths):
        try:
            if not path.exists():
                raise InputError("no such file or folder", str(path))
            for document in read_file(path, max_bytes=max_bytes):
                _show(parse_document(document), as_json)
        except ResciteError as error:
            failed.append(FailedFile(path=str(path), kind=error.kind, message=error.message))
            errors_console.print(f"[bold red]{error.kind}[/] {error.message}")
    if failed:
        errors_console.print(f"{len(failed)} file(s) failed")
        raise typer.Exit(EXIT_CODES[InputError])


def _show(parsed: ParsedDocument, as_json: bool) -> None:
    if as_json:
        payload = {
            "document": parsed.document.meta.model_dump(mode="json"),
            "pages": len(parsed.document.page_starts),
            "clauses": [clause.model_dump(mode="json") for clause in parsed.clauses],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    console.print(_table(parsed))


def _table(parsed: ParsedDocument) -> Table:
    meta = parsed.document.meta
    title = (
        f"{meta.doc_id} ({meta.body.value}, {meta.doc_type.value}): {len(parsed.clauses)} clauses"
    )
    table = Table(title=title, title_justify="left")
    table.add_column("clause id", no_wrap=True)
    for column in ("section", "keyword", "label", "page"):
        table.add_column(column, overflow="fold")
    table.add_column("text", overflow="fold", min_width=20)
    prefix = len(meta.doc_id) + 1
    for clause in parsed.clauses:
        words = " ".join(clause.text.split()[:12])
        table.add_row(
            clause.clause_id[prefix:],
            clause.section.value,
            clause.keyword_en or "",
            clause.label or "",
            "" if clause.page_start is None else str(clause.page_start),
            words + (" …" if len(clause.text.split()) > 12 else ""),
        )
    return table


def register(app: typer.Typer) -> None:
    """Add `parse` to the `rescite` app."""
    app.command("parse")(parse)
