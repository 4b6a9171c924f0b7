"""Metadata detected from the text matches documents/CATALOG.tsv (body, number or symbol,
language, revision or session) for at least 99% of core, bulk and duplicates."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rescite.core.records import Body, DocType, Document, DocumentMeta
from rescite.ingest.load import read_file

MAX_BYTES = 200 * 1024 * 1024
BODIES = {
    "ITU-PP": Body.ITU_PP,
    "ITU-WTSA": Body.ITU_WTSA,
    "ITU-WTDC": Body.ITU_WTDC,
    "UNGA": Body.UNGA,
    "ITU-T (Recommendation)": Body.ITU_OTHER,
    "other": Body.ITU_OTHER,  # the ITU Constitution and Convention
}
ORDINAL_SESSION = re.compile(r"(?:session (\d+)|(\d+)(?:st|nd|rd|th) session)")
ISO_DATE = re.compile(r"adopted (\d{4})-(\d{2})-(\d{2})")
MONTHS = "january february march april may june july august september october november december"
TEXT_DATE = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS.split()) + r") (\d{4})", re.I)
SESSION_YEAR = re.compile(r"session, (\d{4})$")


def catalog_rows(documents: Path) -> Iterator[dict[str, str]]:
    with (documents / "CATALOG.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if not row["path"].startswith("problem/"):
                yield row


def tokens(value: str) -> set[str]:
    return set(re.findall(r"\w+", value.lower()))


def number_problems(row: dict[str, str], meta: DocumentMeta) -> list[str]:
    expected = row["number"]
    if expected.startswith(("Decision ", "Recommendation ")):
        kind, number = expected.split(" ", 1)
        if meta.doc_type != DocType(kind.lower()) or meta.number != number:
            return [f"number {meta.doc_type.value} {meta.number} != {expected}"]
        return []
    if expected.startswith("ITU "):
        if meta.doc_type != DocType.TREATY or meta.number != expected.removeprefix("ITU "):
            return [f"number {meta.number} != {expected}"]
        return []
    if expected not in (meta.number, meta.symbol):
        return [f"number {meta.number}/{meta.symbol} != {expected}"]
    return []


def revision_problems(row: dict[str, str], meta: DocumentMeta) -> list[str]:
    expected = row["revision_or_session"]
    if not expected:
        return []
    if meta.body != Body.UNGA:
        ours, theirs = tokens(meta.revision or ""), tokens(expected)
        if not ours or not (ours <= theirs or theirs <= ours):
            return [f"revision {meta.revision!r} != {expected!r}"]
        return []
    return session_problems(expected, meta)


def session_problems(expected: str, meta: DocumentMeta) -> list[str]:
    problems = []
    session = ORDINAL_SESSION.search(expected)
    if session and int(session.group(1) or session.group(2)) != meta.session:
        problems.append(f"session {meta.session} != {expected!r}")
    adopted = _expected_date(expected)
    if adopted and adopted != meta.adopted:
        problems.append(f"adopted {meta.adopted} != {expected!r}")
    year = SESSION_YEAR.search(expected)
    if year and int(year.group(1)) != meta.year:
        problems.append(f"year {meta.year} != {expected!r}")
    return problems


def _expected_date(expected: str) -> date | None:
    iso = ISO_DATE.search(expected)
    if iso:
        return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    text = TEXT_DATE.search(expected)
    if text:
        month = MONTHS.split().index(text.group(2).lower()) + 1
        return date(int(text.group(3)), month, int(text.group(1)))
    return None


def row_problems(row: dict[str, str], docs: list[Document]) -> list[str]:
    if row["number"].startswith("collection"):
        return collection_problems(row, docs)
    if len(docs) != 1:
        return [f"{len(docs)} documents, expected 1"]
    meta = docs[0].meta
    problems = []
    if meta.body != BODIES[row["body"]]:
        problems.append(f"body {meta.body.value} != {row['body']}")
    if meta.language != row["language"]:
        problems.append(f"language {meta.language} != {row['language']}")
    return problems + number_problems(row, meta) + revision_problems(row, meta)


def collection_problems(row: dict[str, str], docs: list[Document]) -> list[str]:
    expected = int(re.search(r"\d+", row["number"]).group(0))  # type: ignore[union-attr]
    problems = [] if len(docs) == expected else [f"{len(docs)} documents != {expected}"]
    place = tokens(row["revision_or_session"]) & {"dubai", "2018"}
    for doc in docs:
        meta = doc.meta
        if meta.body != BODIES[row["body"]] or meta.language != row["language"]:
            problems.append(f"{meta.doc_id}: body/language {meta.body.value}/{meta.language}")
        if not place <= tokens(meta.revision or ""):
            problems.append(f"{meta.doc_id}: revision {meta.revision!r}")
    return problems


def test_metadata_matches_catalog(documents: Path) -> None:
    rows = list(catalog_rows(documents))
    mismatches: dict[str, list[str]] = {}
    untitled: list[str] = []
    for row in rows:
        docs = read_file(documents / row["path"], max_bytes=MAX_BYTES)
        untitled.extend(doc.meta.doc_id for doc in docs if not doc.meta.title)
        problems = row_problems(row, docs)
        if problems:
            mismatches[row["path"]] = problems
    rate = 1 - len(mismatches) / len(rows)
    print(f"\nmetadata vs CATALOG.tsv: {len(rows) - len(mismatches)}/{len(rows)} = {rate:.2%}")
    for path, problems in sorted(mismatches.items()):
        print(f"  MISMATCH {path}: {'; '.join(problems)}")
    print(f"documents without a title: {len(untitled)} {untitled[:10]}")
    assert len(rows) > 900
    assert rate >= 0.99
    assert len(untitled) <= 2


@pytest.mark.parametrize(
    ("row", "meta", "ok"),
    [
        ({"number": "Decision 3"}, {"doc_type": DocType.DECISION, "number": "3"}, True),
        ({"number": "Decision 3"}, {"doc_type": DocType.RESOLUTION, "number": "3"}, False),
        ({"number": "ITU Convention"}, {"doc_type": DocType.TREATY, "number": "Convention"}, True),
        ({"number": "217 A (III)"}, {"symbol": "217 A (III)"}, True),
        ({"number": "78/1"}, {"number": "78/10"}, False),
    ],
)
def test_number_comparison(row: dict[str, str], meta: dict[str, object], ok: bool) -> None:
    full = DocumentMeta.model_validate(
        {"doc_id": "x", "body": Body.UNGA, "doc_type": DocType.RESOLUTION, **meta}
    )
    assert (number_problems(row, full) == []) is ok
