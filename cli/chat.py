"""`rescite chat`: the terminal shell (prompt_toolkit line editing and history, rich output)
around answer.conversation. Without a TTY it reads questions from stdin, one per line."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from rescite.answer.conversation import Conversation, Reply
from rescite.answer.protocols import ArchiveReader, TextEmbedder
from rescite.cli.answer_render import answer_view, clause_view
from rescite.core.settings import Settings
from rich.console import Console
from rich.text import Text

WELCOME = "rescite chat: ask about ITU and UN General Assembly resolutions. /help for commands."
HISTORY_FILE = "chat_history"


def render(console: Console, reply: Reply, paged: bool) -> None:
    if reply.kind == "answer" and reply.answer is not None:
        if reply.text and reply.text != "none":
            console.print(Text(f"filters: {reply.text}", style="dim"))
        console.print(answer_view(reply.answer))
    elif reply.kind == "clause":
        console.print(clause_view(reply.clauses, reply.focus, reply.text))
    elif reply.kind == "document":
        view = clause_view(reply.clauses, reply.focus, reply.text)
        if paged:
            with console.pager(styles=True):
                console.print(view)
        else:
            console.print(view)
    elif reply.text:
        console.print(reply.text)


def tty_lines(settings: Settings) -> Iterator[str]:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory

    settings.home.mkdir(parents=True, exist_ok=True)
    session: PromptSession[str] = PromptSession(
        history=FileHistory(str(settings.home / HISTORY_FILE))
    )
    while True:
        try:
            yield session.prompt("rescite> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return


def piped_lines() -> Iterator[str]:
    for line in sys.stdin:
        yield line.rstrip("\n")


def run_chat(archive: ArchiveReader, settings: Settings, embedder: TextEmbedder | None) -> None:
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    console = Console()
    conversation = Conversation(archive, settings, embedder)
    if interactive:
        console.print(Text(WELCOME, style="bold"))
    for line in tty_lines(settings) if interactive else piped_lines():
        if not interactive and line.strip():
            console.print(Text(f"> {line.strip()}", style="bold"))
        reply = conversation.handle(line)
        if reply.kind == "quit":
            return
        render(console, reply, paged=interactive)
