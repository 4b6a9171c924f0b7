"""The records that cross every boundary: Document, Clause, Hit, Citation, Answer.

Framework types (llama-index nodes, Chroma results, FastAPI requests) never appear here.
`clause_id` is the primary key from ingest to eval.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Body(StrEnum):
    ITU_PP = "ITU-PP"
    ITU_WTSA = "ITU-WTSA"
    ITU_WTDC = "ITU-WTDC"
    ITU_OTHER = "ITU-other"
    UNGA = "UNGA"
    OTHER = "other"


class DocType(StrEnum):
    RESOLUTION = "resolution"
    DECISION = "decision"
    RECOMMENDATION = "recommendation"
    DECLARATION = "declaration"
    PROPOSAL = "proposal"
    TREATY = "treaty"
    OTHER = "other"


class Section(StrEnum):
    TITLE = "title"
    FORMULA = "formula"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    ANNEX = "annex"
    BODY = "body"


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocumentMeta(Record):
    """What is known about one expression of a resolution (one revision, one language)."""

    doc_id: str
    body: Body
    doc_type: DocType
    number: str | None = None
    symbol: str | None = None
    revision: str | None = None
    session: int | None = None
    year: int | None = None
    adopted: date | None = None
    title: str = ""
    language: str = "en"
    source: str = ""
    sha256: str = ""
    sources: tuple[str, ...] = ()


class Document(Record):
    """A document's normalised text; clause offsets point into `text`.

    `page_starts[i]` is the offset in `text` at which page i + 1 begins (empty when the
    format has no pages).
    """

    meta: DocumentMeta
    text: str
    page_starts: tuple[int, ...] = ()

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return max(bisect_right(self.page_starts, offset), 1)


class CrossRef(Record):
    """A reference found inside a clause, e.g. ITU `Resolution 130 (Rev. Busan, 2014)`."""

    kind: str  # "itu-resolution", "unga-resolution", "itu-council-resolution",
    # "wsis-action-line", "itu-constitution", "itu-recommendation", "named-text"
    target: str  # normalised: "itu-pp/res-130/rev-busan-2014", "A/RES/68/243", "C5", "CS 1"
    text: str  # as written in the clause


class Clause(Record):
    """The smallest citable unit of a document."""

    clause_id: str
    doc_id: str
    ordinal: int
    section: Section
    keyword: str | None = None
    keyword_en: str | None = None
    addressee: str | None = None
    label: str | None = None
    text: str
    start: int
    end: int
    page_start: int | None = None
    page_end: int | None = None
    footnotes: tuple[str, ...] = ()
    references: tuple[CrossRef, ...] = ()


class ParsedDocument(Record):
    document: Document
    clauses: tuple[Clause, ...]


class Filters(Record):
    """Restrictions applied inside every retriever."""

    body: tuple[Body, ...] = ()
    doc_type: tuple[DocType, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    section: tuple[Section, ...] = ()
    keyword: tuple[str, ...] = ()  # normalised English keywords
    language: tuple[str, ...] = ()
    doc_id: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return self == Filters()


class Hit(Record):
    clause: Clause
    document: DocumentMeta
    score: float
    vector_rank: int | None = None
    bm25_rank: int | None = None


class CitedDocument(Record):
    doc_id: str
    body: Body
    doc_type: DocType
    number: str | None
    symbol: str | None
    revision: str | None
    year: int | None
    title: str
    language: str
    source: str


class Citation(Record):
    n: int
    clause_id: str
    citation: str
    document: CitedDocument
    section: Section
    keyword: str | None
    label: str | None
    text: str
    quote: str
    verified: bool
    page: int | None
    score: float
    quote_start: int | None = None  # offsets of the quote in the document's stored text
    quote_end: int | None = None


class Lead(Record):
    """A refused question's closest clause: no citation (below the threshold, no quote checked),
    named so that a delegate can look."""

    clause_id: str
    citation: str
    support: float


class Answer(Record):
    question: str
    answer: str
    refused: bool
    citations: tuple[Citation, ...] = Field(default=())
    leads: tuple[Lead, ...] = Field(default=())  # a refusal's closest clauses, best first
    schema_version: str = "1"
    support: float = 0.0  # the evidence signal refusal thresholds on (below it: a late match)
    mode: str = "extractive"  # "extractive" or "llm" (who wrote `answer`)
    unknown_keys: int = 0  # LLM mode: citation keys the model invented, stripped


class FailedFile(Record):
    path: str
    kind: str  # the error's `kind`, e.g. "no_text_layer"
    message: str


class SyncReport(Record):
    """What one ingest run did, by document."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[FailedFile, ...] = ()
    clauses_embedded: int = 0


class RankingFill(Record):
    """What embedding every English clause for the ranking encoder did (index/rerank.py)."""

    texts: int = 0  # distinct English clause texts
    kept: int = 0  # of which a vector was already kept
    embedded: int = 0
    dropped: int = 0  # vectors of texts the archive no longer holds, deleted


class DocumentPage(Record):
    items: tuple[DocumentMeta, ...]
    total: int
    offset: int
    limit: int
