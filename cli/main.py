"""The `rescite` command: a thin shell over the library. Each command lives in its own module."""

from __future__ import annotations

import os

# One BLAS thread per call, set before numpy loads. Our calls are small (a query's embedding, a
# dot product over a few thousand vectors) and the server runs several at once on its own
# threads; a two-thread BLAS spends more in handing work over than it gains, and on a busy
# machine a call waits for its second thread to be scheduled: warm search p50 went from
# ~130 ms to ~8 ms on 2 busy cores. Set OPENBLAS_NUM_THREADS to override.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
