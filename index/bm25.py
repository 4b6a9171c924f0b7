"""BM25 over clause text (bm25s), keyed by the same clause ids as the vectors.

Tokens: accents and Arabic vowel marks folded, lowercase word tokens for Latin, Cyrillic and
Arabic scripts; runs of CJK characters become character bigrams. Index terms are the tokens'
Snowball stems, chosen by script (English for Latin letters, Russian for Cyrillic, Arabic), so
that "celebrations" finds "celebrate" and "protects" finds "protection"; the same on both
sides, so a French word stemmed by English rules still meets itself. Filters are a mask over
per-clause metadata columns applied before the top-k, so a filtered search ranks only the
clauses that pass.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import bm25s
import numpy as np
import snowballstemmer
from rescite.core.records import Filters
from rescite.index.filters import ClauseColumns, MetaValue

COLUMNS = "columns.json"  # clause ids and each text column's words
CODES = "columns.npz"  # the columns' integer codes and years
LEGACY_ROWS = "clauses.json"  # earlier format: [clause_id, metadata] rows
TERMS = "snowball-1"  # how text becomes index terms: a saved index made otherwise is rebuilt

# bm25s sets its own logger to DEBUG; once any library has given the root logger a handler, each
# index build printed "DEBUG:bm25s:Building index from tokens" into `rescite ingest`'s output.
logging.getLogger("bm25s").setLevel(logging.WARNING)

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
        "de",
        "la",
        "le",
        "les",
        "des",
        "et",
        "du",
        "en",
        "el",
        "los",
        "las",
        "y",
    ]
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("\u0640", "")


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokenize(text: str) -> list[str]:
    """Word tokens for alphabetic scripts, character bigrams for CJK runs."""
    tokens: list[str] = []
    for word in _WORD.findall(_fold(text)):
        if not _CJK.search(word):
            if word not in _STOPWORDS and word != "_":
                tokens.append(word)
            continue
        position = 0
        for match in _CJK.finditer(word):
            if match.start() > position:
                tokens.append(word[position : match.start()])
            tokens.extend(_bigrams(match.group()))
            position = match.end()
        if position < len(word):
            tokens.append(word[position:])
    return tokens


_STEMMERS = (
    (re.compile(r"[a-z]+"), snowballstemmer.stemmer("english")),
    (re.compile(r"[\u0400-\u04ff]+"), snowballstemmer.stemmer("russian")),
    (re.compile(r"[\u0600-\u06ff]+"), snowballstemmer.stemmer("arabic")),
)
_STEMMING = threading.Lock()  # a Snowball stemmer keeps its state on the instance


@lru_cache(maxsize=262_144)
def stem(token: str) -> str:
    for script, stemmer in _STEMMERS:
        if script.fullmatch(token):
            with _STEMMING:
                return str(stemmer.stemWord(token))
    return token


def index_terms(text: str) -> list[str]:
    """The terms BM25 indexes and searches: the tokens' stems."""
    return [stem(token) for token in tokenize(text)]


class Bm25Index:
    """An immutable BM25 index over committed clauses, saved under one folder."""

    def __init__(self, retriever: bm25s.BM25 | None, columns: ClauseColumns) -> None:
        self._retriever = retriever
        self.columns = columns

    @classmethod
    def build(cls, rows: list[tuple[str, str, dict[str, MetaValue]]]) -> Bm25Index:
        """rows: (clause_id, text, flat metadata)."""
        columns = ClauseColumns.from_rows([(cid, meta) for cid, _, meta in rows])
        if not rows:
            return cls(None, columns)
        retriever = bm25s.BM25()
        retriever.index([index_terms(text) or ["_"] for _, text, _ in rows], show_progress=False)
        return cls(retriever, columns)

    def save(self, folder: Path, generation: int) -> None:
        staging = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        if self._retriever is not None:
            self._retriever.save(str(staging))
        words, codes = self.columns.arrays()
        columns = {"clause_ids": list(self.columns.clause_ids), "words": words}
        (staging / COLUMNS).write_text(json.dumps(columns), encoding="utf-8")
        np.savez(staging / CODES, **cast(dict[str, Any], codes))
        stamp = {"generation": generation, "terms": TERMS}
        (staging / "generation.json").write_text(json.dumps(stamp))
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def saved_generation(folder: Path) -> int | None:
        value = _stamp(folder).get("generation")
        return value if isinstance(value, int) else None

    @staticmethod
    def is_current_format(folder: Path) -> bool:
        """Whether the saved index was made with today's terms and keeps its columns as arrays
        (not the slower rows of JSON)."""
        return _stamp(folder).get("terms") == TERMS and _has_arrays(folder)

    @classmethod
    def load(cls, folder: Path, generation: int) -> Bm25Index | None:
        """The saved index, or None when it is missing, older than `generation` or made with
        other terms."""
        stamp = _stamp(folder)
        if stamp.get("generation") != generation or stamp.get("terms") != TERMS:
            return None
        try:
            columns = _load_columns(folder)
        except (OSError, ValueError, KeyError):
            return None
        retriever = bm25s.BM25.load(str(folder)) if columns.clause_ids else None
        return cls(retriever, columns)

    def search(self, query: str, k: int, filters: Filters) -> list[str]:
        """Clause ids by BM25 score, best first; clauses that score 0 are left out."""
        if self._retriever is None:
            return []
        vocab = self._retriever.vocab_dict
        ids = [vocab[term] for term in index_terms(query) if term in vocab]
        if not ids:
            return []
        scores = self._retriever.get_scores(ids)
        mask = self.columns.mask(filters)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, int(np.count_nonzero(scores > 0)))
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [self.columns.clause_ids[i] for i in top]


def _stamp(folder: Path) -> dict[str, Any]:
    """The saved index's generation.json ({} when missing or unreadable)."""
    try:
        stamp = json.loads((folder / "generation.json").read_text())
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def _has_arrays(folder: Path) -> bool:
    return (folder / COLUMNS).is_file() and (folder / CODES).is_file()


def _load_columns(folder: Path) -> ClauseColumns:
    """The saved columns: arrays when saved so, else the legacy JSON rows."""
    if not _has_arrays(folder):
        rows = json.loads((folder / LEGACY_ROWS).read_text(encoding="utf-8"))
        return ClauseColumns.from_rows([(cid, meta) for cid, meta in rows])
    saved = json.loads((folder / COLUMNS).read_text(encoding="utf-8"))
    with np.load(folder / CODES) as codes:
        arrays = {name: codes[name] for name in codes.files}
    return ClauseColumns.from_arrays(
        saved["clause_ids"], saved["words"], arrays, arrays.pop("year")
    )
