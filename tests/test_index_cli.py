"""`rescite ingest` and `rescite search` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from rescite.cli.main import app
from rescite.index.lock import WriteLock
from typer.testing import CliRunner

runner = CliRunner()
SMALL = "core/itu-pp-res32-kyoto-1994-en.txt"


def _env(home: Path) -> dict[str, str]:
    return {"RESCITE_HOME": str(home), "RESCITE_CHROMA_URL": "", "COLUMNS": "200"}


def test_ingest_summarises_and_fails_on_a_bad_file(documents: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(documents / SMALL, folder)
    for scan in (documents / "problem").iterdir():
        shutil.copy(scan, folder)
    env = _env(tmp_path / "home")

    first = runner.invoke(app, ["ingest", str(folder)], env=env)
    second = runner.invoke(app, ["ingest", str(folder)], env=env)

    assert first.exit_code == 1, first.output
    assert "added" in first.output and "failed" in first.output
    assert "itu-pp/res-32/kyoto-1994/en" in first.output
    assert any(scan.name in first.output for scan in (documents / "problem").iterdir())
    assert second.exit_code == 1
    assert "0 clauses embedded" in second.output


def test_search_prints_json_hits_and_applies_filters(documents: Path, tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    assert runner.invoke(app, ["ingest", str(documents / SMALL)], env=env).exit_code == 0

    found = runner.invoke(
        app, ["search", "Plenipotentiary Conference", "--k", "3", "--json"], env=env
    )
    filtered = runner.invoke(app, ["search", "conference", "--json", "--body", "UNGA"], env=env)
    table = runner.invoke(app, ["search", "conference", "--year-from", "1990"], env=env)

    hits = json.loads(found.output)
    assert found.exit_code == 0 and 1 <= len(hits) <= 3
    assert all(h["clause"]["doc_id"] == "itu-pp/res-32/kyoto-1994/en" for h in hits)
    assert {"score", "vector_rank", "bm25_rank", "document"} <= set(hits[0])
    assert filtered.exit_code == 0 and json.loads(filtered.output) == []
    assert table.exit_code == 0 and "itu-pp/res-32/kyoto-1994/en" in table.output


def test_errors_map_to_exit_codes(documents: Path, tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    empty = runner.invoke(app, ["search", "  "], env=env)
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nowhere")], env=env)
    with WriteLock(tmp_path / "home"):
        locked = runner.invoke(app, ["ingest", str(documents / SMALL)], env=env)
    dead = runner.invoke(app, ["search", "x"], env={**env, "RESCITE_CHROMA_URL": "127.0.0.1:9"})
    assert empty.exit_code == 64 and "empty query" in empty.output
    assert dead.exit_code == 74 and "does not answer" in dead.output
    assert missing.exit_code == 66
    assert locked.exit_code == 75 and "index is locked" in locked.output
