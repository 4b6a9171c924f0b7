"""What the answer layer needs from the archive: the public Archive API, nothing deeper.

`rescite.core.archive.Archive` satisfies `ArchiveReader`; an archive that also exposes its
embedder (`archive.embedder`, the index's `Embedder`) lets quote selection and the support score
use vector similarity, which is what makes questions work across languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
from rescite.core.records import Clause, Document, DocumentPage, Filters, Hit


class ArchiveReader(Protocol):
    def search(self, query: str, *, k: int = 10, filters: Filters = ...) -> list[Hit]: ...

    def document(self, doc_id: str) -> Document: ...

    def documents(
        self, filters: Filters = ..., offset: int = 0, limit: int = 50
    ) -> DocumentPage: ...

    def clause(self, clause_id: str) -> Clause: ...

    def clauses(self, doc_id: str) -> list[Clause]: ...

    def clauses_mentioning(self, fragments: Sequence[str]) -> list[Clause]: ...


@runtime_checkable
class TextEmbedder(Protocol):
    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def embedder_of(archive: object) -> TextEmbedder | None:
    """The archive's embedder when it exposes one (loaded once, shared with search)."""
    embedder = getattr(archive, "embedder", None)
    return embedder if isinstance(embedder, TextEmbedder) else None
