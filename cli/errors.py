"""Map the error tree to exit codes and messages: the CLI's one edge."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer
from rescite.core import errors
from rich.console import Console

T = TypeVar("T")

EXIT_CODES: dict[type[errors.ResciteError], int] = {
    errors.ConfigError: 78,
    errors.InputError: 65,
    errors.QueryError: 64,
    errors.NotFound: 66,
    errors.IndexLocked: 75,
    errors.IndexError_: 74,
    errors.RemoteError: 69,
}


def exit_code_for(error: errors.ResciteError) -> int:
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1


@contextmanager
def guarded(console: Console | None = None) -> Iterator[None]:
    """Turn a ResciteError into a one-line message on stderr and its exit code."""
    try:
        yield
    except errors.ResciteError as error:
        (console or Console(stderr=True)).print(f"[bold red]error:[/] {error.message}")
        raise typer.Exit(exit_code_for(error)) from error


def run_guarded(fn: Callable[[], T]) -> T:
    with guarded():
        return fn()
