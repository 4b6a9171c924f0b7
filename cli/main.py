"""The `rescite` command: a thin shell over the library. Each command lives in its own module."""

from __future__ import annotations

import typer
from rescite.cli import answer_cmds, eval_cmds, fetch_cmds, index_cmds, parse_cmds, serve_cmds

app = typer.Typer(
    name="rescite",
    help="Search ITU and UN General Assembly resolutions; answers cite the clauses verbatim.",
    no_args_is_help=True,
    add_completion=False,
)

for module in (parse_cmds, index_cmds, answer_cmds, serve_cmds, eval_cmds, fetch_cmds):
    module.register(app)


if __name__ == "__main__":
    app()
