"""Filters in the two shapes the retrievers need: flat Chroma metadata and a numpy mask.

Every clause carries the same flat fields in both places (Chroma metadata and the BM25 column
arrays), so a filter restricts both retrievers before ranking, never after.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rescite.core.records import Clause, DocumentMeta, Filters

MetaValue = str | int


def keyword_key(keyword: str | None) -> str:
    """The comparable form of an English keyword: lowercase, single spaces."""
    return " ".join((keyword or "").lower().replace("-", " ").split())


def clause_metadata(clause: Clause, meta: DocumentMeta) -> dict[str, MetaValue]:
    """The flat metadata stored with a clause's vector."""
    return {
        "doc_id": meta.doc_id,
        "body": meta.body.value,
        "doc_type": meta.doc_type.value,
        "year": meta.year or 0,
        "section": clause.section.value,
        "keyword_en": keyword_key(clause.keyword_en),
        "language": meta.language.lower(),
        "ordinal": clause.ordinal,
    }


def filter_conditions(filters: Filters) -> list[tuple[str, str, MetaValue | list[MetaValue]]]:
    """Filters as (field, operator, value) triples; operators: in, >=, <=."""
    conditions: list[tuple[str, str, MetaValue | list[MetaValue]]] = []
    lists: list[tuple[str, list[MetaValue]]] = [
        ("body", [b.value for b in filters.body]),
        ("doc_type", [d.value for d in filters.doc_type]),
        ("section", [s.value for s in filters.section]),
        ("keyword_en", [keyword_key(k) for k in filters.keyword]),
        ("language", [lang.lower() for lang in filters.language]),
        ("doc_id", list(filters.doc_id)),
    ]
    conditions.extend((name, "in", values) for name, values in lists if values)
    if filters.year_from is not None:
        conditions.append(("year", ">=", filters.year_from))
    if filters.year_to is not None:
        conditions.append(("year", "<=", filters.year_to))
        if filters.year_from is None:
            conditions.append(("year", ">=", 1))  # unknown year (0) never matches a range
    return conditions


_TEXT_COLUMNS = ("doc_id", "body", "doc_type", "section", "keyword_en", "language")


@dataclass(frozen=True)
class ClauseColumns:
    """Per-clause metadata as aligned arrays (the BM25 side of filtering).

    Text columns are stored as integer codes into a per-column vocabulary, so a filter is an
    integer `isin` over the clauses, not a string comparison.
    """

    clause_ids: tuple[str, ...]
    codes: dict[str, np.ndarray]
    vocab: dict[str, dict[str, int]]
    years: np.ndarray
    positions: dict[str, int]

    @classmethod
    def from_rows(cls, rows: list[tuple[str, dict[str, MetaValue]]]) -> ClauseColumns:
        codes: dict[str, np.ndarray] = {}
        vocab: dict[str, dict[str, int]] = {}
        for name in _TEXT_COLUMNS:
            words: dict[str, int] = {}
            codes[name] = np.array(
                [words.setdefault(str(meta[name]), len(words)) for _, meta in rows],
                dtype=np.int32,
            )
            vocab[name] = words
        years = np.array([int(meta["year"]) for _, meta in rows], dtype=np.int64)
        clause_ids = tuple(cid for cid, _ in rows)
        positions = {cid: i for i, cid in enumerate(clause_ids)}
        return cls(clause_ids, codes, vocab, years, positions)

    @classmethod
    def from_arrays(
        cls,
        clause_ids: list[str],
        words: dict[str, list[str]],
        codes: dict[str, np.ndarray],
        years: np.ndarray,
    ) -> ClauseColumns:
        """Columns back from what `arrays` gave (a saved index loads without parsing rows)."""
        vocab = {name: {word: i for i, word in enumerate(words[name])} for name in _TEXT_COLUMNS}
        ids = tuple(clause_ids)
        positions = {cid: i for i, cid in enumerate(ids)}
        return cls(
            ids,
            {name: np.asarray(codes[name], dtype=np.int32) for name in _TEXT_COLUMNS},
            vocab,
            np.asarray(years, dtype=np.int64),
            positions,
        )

    def arrays(self) -> tuple[dict[str, list[str]], dict[str, np.ndarray]]:
        """(each text column's words in code order, the code arrays and `year`) for saving."""
        words = {name: list(self.vocab[name]) for name in _TEXT_COLUMNS}
        return words, {**self.codes, "year": self.years}

    def passing(self, clause_ids: list[str], mask: np.ndarray) -> list[str]:
        """The ids (in order) whose clause passes `mask`; unknown ids do not pass."""
        positions = self.positions
        return [cid for cid in clause_ids if (i := positions.get(cid)) is not None and mask[i]]

    def mask(self, filters: Filters) -> np.ndarray | None:
        """True where a clause passes every filter; None when there is nothing to filter."""
        conditions = filter_conditions(filters)
        if not conditions:
            return None
        keep = np.ones(len(self.clause_ids), dtype=bool)
        for name, operator, value in conditions:
            if operator == "in":
                assert isinstance(value, list)
                wanted = [self.vocab[name][str(v)] for v in value if str(v) in self.vocab[name]]
                keep &= np.isin(self.codes[name], np.array(wanted, dtype=np.int32))
            elif operator == ">=":
                keep &= self.years >= value
            else:
                keep &= self.years <= value
        return keep
