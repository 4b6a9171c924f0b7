"""`rescite parse`: table, --json (one object per document), failures reported, exit code."""

from __future__ import annotations

import json
from pathlib import Path

from rescite.cli.main import app
from typer.testing import CliRunner

runner = CliRunner()


def test_table_lists_clauses(documents: Path) -> None:
    result = runner.invoke(
        app, ["parse", str(documents / "core" / "itu-pp-res2-rev-bucharest-2022-en.txt")]
    )
    assert result.exit_code == 0, result.output
    assert "itu-pp/res-2/rev-bucharest-2022/en" in result.output
    assert "preamble/considering/a" in result.output


def test_json_gives_one_object_per_document(documents: Path) -> None:
    path = documents / "core" / "itu-pp18-final-acts-dubai-2018-en.akn.xml"
    result = runner.invoke(app, ["parse", "--json", str(path)])
    assert result.exit_code == 0
    objects = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(objects) == 65  # 64 texts and the declarations and reservations
    first = objects[0]
    assert set(first) == {"document", "pages", "clauses"}
    clause = first["clauses"][0]
    assert clause["clause_id"].startswith(first["document"]["doc_id"] + "/")
    assert {"section", "keyword", "label", "text", "start", "end", "references"} <= set(clause)


def test_bad_files_are_reported_and_the_rest_goes_on(documents: Path) -> None:
    good = documents / "core" / "unga-res-217-a-iii-udhr-en.txt"
    result = runner.invoke(
        app, ["parse", "--json", str(documents / "problem"), str(good), "/no/such/file.txt"]
    )
    assert result.exit_code == 65
    assert "no_text_layer" in result.stderr
    assert "OCR it first" in result.stderr
    assert "2 file(s) failed" in result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [o["document"]["doc_id"] for o in objects] == ["unga/217-a-iii/en"]
