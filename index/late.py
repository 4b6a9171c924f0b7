"""Late interaction: each content word piece of an English question matched to its closest
piece of a clause, by the paraphrase encoder's last layer, and the mean of those best cosines.

A sentence vector averages a clause's words away; matching piece by piece keeps a question on
"fake handsets" close to a clause on "counterfeit devices" word for word. Used where the sentence
vectors leave an English question just below the refusal threshold
(`answer/ask.py::late_match`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from rescite.index.onnx_encoder import Pieces

PieceReader = Callable[[Sequence[str]], list[Pieces]]

# Function words and question words of English: matched, they say nothing about the subject.
STOP_WORDS = frozenset((
    "a", "about", "all", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "how", "i", "in", "into",
    "is", "it", "its", "may", "me", "must", "my", "no", "not", "of", "on", "or", "our", "over",
    "shall", "should", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "under", "was", "we", "were", "what", "when", "where", "which", "who",
    "whom", "whose", "why", "will", "with", "would", "you", "your",
))  # fmt: skip


def content(pieces: Pieces) -> np.ndarray:
    """The vectors of the pieces that carry content: a word or a word's first piece, not a
    function word; not punctuation, nor a word's later pieces ("##s" of "resolves": every
    plural would match every other). All of them when none does."""
    keep = [
        row for row, word in enumerate(pieces.words) if word.isalnum() and word not in STOP_WORDS
    ]
    return pieces.vectors[keep] if keep else pieces.vectors


def matched(question: np.ndarray, clause: Pieces) -> float:
    """The mean over the question's pieces of the best cosine with any piece of the clause."""
    if not len(question) or not len(clause.vectors):
        return 0.0
    return float((question @ clause.vectors.T).max(axis=1).mean())


def late_scores(read: PieceReader, question: str, texts: Sequence[str]) -> list[float]:
    """Each text's late-interaction score against the question (one model run per text)."""
    if not texts:
        return []
    asked, *clauses = read([question, *texts])
    wanted = content(asked)
    return [matched(wanted, clause) for clause in clauses]
