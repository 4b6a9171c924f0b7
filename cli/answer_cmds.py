"""`rescite ask` and `rescite chat`: thin shells over rescite.answer."""

from __future__ import annotations

import json
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
from rescite.core.settings import Settings

if TYPE_CHECKING:
    from rescite.core.archive import Archive
    from rescite.index.embedders import Embedder


def ask(
    question: Annotated[str, typer.Argument(help="The question, in any of the six UN languages.")],
    k: Annotated[int | None, typer.Option("--k", help="How many clauses to consider.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON contract.")] = False,
    body: BodyOption = None,
    doc_type: DocTypeOption = None,
    year_from: YearOption = None,
    year_to: YearOption = None,
    section: SectionOption = None,
    keyword: KeywordOption = None,
    language: LanguageOption = None,
    doc: DocOption = None,
) -> None:
    """Answer a question with verified clause citations (or say that nothing supports one)."""
    from rescite.answer import ask as answer_question

    filters = filters_from_options(
        body, doc_type, year_from, year_to, section, keyword, language, doc
    )
    settings = Settings()
    with guarded():
        embedder, archive = open_with_embedder(settings)
        with archive:
            answer = answer_question(
                archive, question, k=k, filters=filters, settings=settings, embedder=embedder
            )
    if as_json:
        typer.echo(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from rescite.cli.answer_render import answer_view
    from rich.console import Console

    Console().print(answer_view(answer))


def open_with_embedder(settings: Settings) -> tuple[Embedder, Archive]:
    """The embedder, loaded once, and the archive that searches with it.

    The model loads (and runs once) in a thread while this thread imports the index and answer
    code, opens the archive and loads BM25, so the slowest parts of a cold start overlap. The
    archive opens as soon as the embedder object exists (the default one loads its model on
    first use, so at once).
    """
    import threading

    from rescite.index.embedders import make_embedder

    built: list[Embedder] = []
    failed: list[BaseException] = []
    ready = threading.Event()

    def load() -> None:
        try:
            embedder = make_embedder(settings.embedder)
            built.append(embedder)
            ready.set()
            embedder.embed_query("warm-up")
        except BaseException as error:  # re-raised in the calling thread
            failed.append(error)
        finally:
            ready.set()

    worker = threading.Thread(target=load, name="embedder-load")  # see OnnxEncoder: no daemon
    worker.start()
    import rescite.answer  # noqa: F401 - imported while the model loads
    from rescite.core.wiring import open_archive

    ready.wait()
    if not built:
        worker.join()
        raise failed[0]
    archive = open_archive(settings, embedder=built[0])
    try:
        archive.load_indexes()
        worker.join()
        if failed:
            raise failed[0]
    except BaseException:
        archive.close()
        raise
    return built[0], archive


def chat() -> None:
    """The delegate's terminal chat: questions, follow-ups, /filter, /show, /open, /export."""
    from rescite.cli.chat import run_chat

    settings = Settings()
    with guarded():
        embedder, archive = open_with_embedder(settings)
        with archive:
            run_chat(archive, settings, embedder)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `rescite` app."""
    app.command()(ask)
    app.command()(chat)
