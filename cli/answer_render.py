"""Rich rendering of answers for `rescite ask` and `rescite chat`: the answer text, then the
citations grouped by document with each quote highlighted inside its clause."""

from __future__ import annotations

from collections.abc import Sequence

from rescite.core.names import document_name
from rescite.core.records import Answer, Citation, CitedDocument, Clause, DocumentMeta
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text


def _meta(document: CitedDocument) -> DocumentMeta:
    return DocumentMeta(**document.model_dump())


def highlighted_clause(citation: Citation) -> Text:
    """The clause text with the quote in bold; the quote alone when it cannot be placed."""
    text = " ".join(citation.text.split())
    at = text.find(citation.quote)
    if at < 0:
        return Text(citation.quote, style="bold yellow")
    out = Text(text[:at], style="dim")
    out.append(citation.quote, style="bold yellow")
    out.append(text[at + len(citation.quote) :], style="dim")
    return out


def grouped(citations: Sequence[Citation]) -> list[list[Citation]]:
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.document.doc_id, []).append(citation)
    return list(groups.values())


def citation_panel(group: Sequence[Citation]) -> Panel:
    document = group[0].document
    rows: list[RenderableType] = []
    for citation in group:
        page = f" · p. {citation.page}" if citation.page else ""
        head = Text(f"[{citation.n}] ", style="bold cyan")
        head.append(citation.citation, style="bold")
        head.append(f"  ({citation.score:.2f}{page} · verified)", style="green")
        rows.extend([head, highlighted_clause(citation), Text("")])
    title = document_name(_meta(document))
    extra = "" if document.title in title else document.title[:90]
    subtitle = f"{document.doc_id} · {document.source}" if document.source else document.doc_id
    return Panel(Group(*rows[:-1]), title=f"[bold]{title}[/] {extra}",
                 title_align="left", subtitle=subtitle, subtitle_align="right")  # fmt: skip


def answer_view(answer: Answer) -> RenderableType:
    style = "bold red" if answer.refused else ""
    parts: list[RenderableType] = [Text(answer.answer, style=style)]
    if answer.mode == "llm":
        note = f"written by the LLM from the cited clauses; {answer.unknown_keys} unknown keys"
        parts.append(Text(note, style="dim italic"))
    parts.extend(citation_panel(group) for group in grouped(answer.citations))
    return Group(*parts)


def clause_view(clauses: Sequence[Clause], focus: str, citation: str) -> RenderableType:
    """A clause with its neighbours, the cited one emphasised."""
    rows: list[RenderableType] = []
    for clause in clauses:
        style = "bold" if clause.clause_id == focus else "dim"
        label = Text(clause.clause_id.split("/", 3)[-1], style="cyan")
        rows.extend([label, Text(clause.text, style=style), Text("")])
    return Panel(Group(*rows[:-1]), title=citation, title_align="left")
