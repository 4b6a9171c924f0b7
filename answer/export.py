"""A conversation as Markdown: each question, its answer, and its citations with quotes."""

from __future__ import annotations

from collections.abc import Sequence

from rescite.core.records import Answer


def answer_markdown(answer: Answer, filters: str = "none") -> str:
    lines = [f"## {answer.question}", ""]
    if filters != "none":
        lines += [f"*Filters: {filters}*", ""]
    lines += [answer.answer, ""]
    for citation in answer.citations:
        page = f", p. {citation.page}" if citation.page else ""
        lines.append(f"{citation.n}. **{citation.citation}**{page} — `{citation.clause_id}`")
        lines.append(f"   > {citation.quote}")
        lines.append("")
    return "\n".join(lines)


def conversation_markdown(turns: Sequence[tuple[Answer, str]]) -> str:
    """Turns are (answer, described filters)."""
    parts = ["# rescite conversation", ""]
    parts += [answer_markdown(answer, filters) for answer, filters in turns]
    return "\n".join(parts).rstrip() + "\n"
