"""`rescite eval` and `rescite bench` are registered with the options the issue names."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from rescite.cli.main import app
from typer.testing import CliRunner

RESCITE = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "rescite"


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (
            "eval",
            [
                "--set",
                "--json",
                "--report",
                "--baselines",
                "--no-baselines",
                "--floors",
                "--runs",
                "--calibration",
            ],
        ),
        ("bench", ["--json", "--ingest-path", "--queries"]),
    ],
)
def test_command_help_lists_its_options(command: str, options: list[str]) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in options:
        assert option in result.output


def test_a_stale_gold_id_ends_eval_with_its_error_not_a_crash(
    core_index: Path, tmp_path: Path
) -> None:
    """The error is raised while the models and the vector index still load on their threads;
    a process ending then used to abort (exit 134 or 139) about half the time."""
    gold = tmp_path / "gold.jsonl"
    question = {
        "qid": "s1",
        "question": "What does Resolution 130 instruct?",
        "kind": "lookup",
        "language": "en",
        "relevant": ["itu-pp/res-130/rev-dubai-2018/en/operative/no-such-part/1"],
        "acceptable": [],
        "answerable": True,
    }
    gold.write_text(json.dumps(question) + "\n", encoding="utf-8")
    environment = {**os.environ, "RESCITE_HOME": str(core_index)}
    for _ in range(4):
        result = subprocess.run(
            [str(RESCITE), "eval", "--set", str(gold), "--no-baselines"],
            capture_output=True, text=True, env=environment, timeout=300, check=False,
        )  # fmt: skip
        assert "1 gold clause id(s) are not in the index" in result.stderr
        assert result.returncode == 1, result.stderr[-500:]
