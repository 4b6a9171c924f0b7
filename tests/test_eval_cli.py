"""`rescite eval` and `rescite bench` are registered with the options the issue names."""

from __future__ import annotations

import pytest
from rescite.cli.main import app
from typer.testing import CliRunner


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
