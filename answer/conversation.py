"""The chat's conversation logic: turns, follow-ups, and slash commands, with no terminal code.

`Conversation.handle(line)` returns a Reply the shell renders. The shell (cli/chat.py) owns
prompting, history and paging.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rescite.answer.ask import ask
from rescite.answer.export import conversation_markdown
from rescite.answer.followups import describe, follow_up, parse_filter
from rescite.answer.protocols import ArchiveReader, TextEmbedder
from rescite.core.errors import QueryError
from rescite.core.records import Answer, Citation, Clause, DocumentMeta, Filters
from rescite.core.settings import Settings

HELP = """Ask a question in any of the six UN languages. Follow-ups such as "only the General
Assembly ones" or "and the ITU ones?" narrow the previous question.

/filter body=UNGA year>=2020 section=operative   set filters (/filter alone shows them)
/clear                                           forget filters and the conversation
/show N                                          citation N's whole clause, with neighbours
/open N                                          the whole document of citation N, paged
/export FILE.md                                  the conversation as Markdown with citations
/help                                            this text
/quit                                            leave (Ctrl-D works too)"""


@dataclass(frozen=True)
class Reply:
    kind: str  # "answer", "text", "clause", "document", "quit"
    text: str = ""
    answer: Answer | None = None
    clauses: tuple[Clause, ...] = ()
    focus: str = ""  # the cited clause id for "clause" / "document"
    document: DocumentMeta | None = None


@dataclass(frozen=True)
class Turn:
    question: str  # what was asked (the previous question, for a follow-up)
    filters: Filters
    answer: Answer


@dataclass
class Conversation:
    archive: ArchiveReader
    settings: Settings
    embedder: TextEmbedder | None = None
    filters: Filters = field(default_factory=Filters)
    turns: list[Turn] = field(default_factory=list)

    def handle(self, line: str) -> Reply:
        line = line.strip()
        if not line:
            return Reply("text")
        try:
            if line.startswith("/"):
                return self.command(line)
            return self.question(line)
        except QueryError as error:
            return Reply("text", f"error: {error.message}")

    def question(self, line: str) -> Reply:
        question, filters = line, self.filters
        if self.turns and (narrowed := follow_up(line, self.turns[-1].filters)) is not None:
            question, filters = self.turns[-1].question, narrowed
        answer = ask(
            self.archive, question, filters=filters, settings=self.settings, embedder=self.embedder
        )
        self.turns.append(Turn(question, filters, answer))
        return Reply("answer", describe(filters), answer=answer)

    def command(self, line: str) -> Reply:
        name, _, rest = line[1:].partition(" ")
        name, rest = name.lower(), rest.strip()
        if name in ("quit", "exit", "q"):
            return Reply("quit")
        if name == "help":
            return Reply("text", HELP)
        if name == "clear":
            self.filters, self.turns = Filters(), []
            return Reply("text", "filters and conversation cleared")
        if name == "filter":
            if rest:
                self.filters = parse_filter(rest, self.filters)
            return Reply("text", f"filters: {describe(self.filters)}")
        if name == "show":
            return self.show(rest)
        if name == "open":
            return self.open(rest)
        if name == "export":
            return self.export(rest)
        raise QueryError(f"unknown command /{name}; /help lists the commands")

    def citation(self, rest: str) -> Citation:
        if not self.turns:
            raise QueryError("ask a question first; /show N and /open N refer to its citations")
        citations = self.turns[-1].answer.citations
        if not rest.isdigit() or not 1 <= int(rest) <= len(citations):
            raise QueryError(f"give a citation number between 1 and {len(citations)}")
        return citations[int(rest) - 1]

    def show(self, rest: str) -> Reply:
        citation = self.citation(rest)
        clauses = self.archive.clauses(citation.document.doc_id)
        at = next(i for i, c in enumerate(clauses) if c.clause_id == citation.clause_id)
        near = tuple(clauses[max(at - 1, 0) : at + 2])
        return Reply("clause", citation.citation, clauses=near, focus=citation.clause_id)

    def open(self, rest: str) -> Reply:
        citation = self.citation(rest)
        document = self.archive.document(citation.document.doc_id)
        clauses = tuple(self.archive.clauses(citation.document.doc_id))
        return Reply("document", citation.citation, clauses=clauses, focus=citation.clause_id,
                     document=document.meta)  # fmt: skip

    def export(self, rest: str) -> Reply:
        if not rest:
            raise QueryError("give a file name: /export answers.md")
        if not self.turns:
            raise QueryError("nothing to export yet: ask a question first")
        path = Path(rest).expanduser()
        markdown = conversation_markdown([(t.answer, describe(t.filters)) for t in self.turns])
        try:
            path.write_text(markdown, encoding="utf-8")
        except OSError as error:
            raise QueryError(f"cannot write {path}: {error.strerror}") from error
        return Reply("text", f"exported {len(self.turns)} answers to {path}")
