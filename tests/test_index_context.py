"""What the retrievers index for a clause: the clause in its context (index/context.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rescite.core.records import ParsedDocument
from rescite.index.context import indexed_text, indexed_texts
from rescite.ingest.load import read_file
from rescite.ingest.parse import parse


def _parsed(documents: Path, name: str) -> ParsedDocument:
    (document,) = read_file(documents / "core" / name, max_bytes=1 << 26)
    return parse(document)


@pytest.fixture(scope="module")
def convention(documents: Path) -> ParsedDocument:
    """A/RES/79/243: the Convention against Cybercrime, articles with headings of their own."""
    return _parsed(documents, "unga-a-res-79-243-en.pdf")


def test_paragraphs_carry_their_articles_heading(convention: ParsedDocument) -> None:
    meta, clauses, text = convention.document.meta, convention.clauses, convention.document.text
    texts = dict(
        zip((c.clause_id for c in clauses), indexed_texts(meta, clauses, text), strict=True)
    )
    by_id = {c.clause_id: c for c in clauses}
    heading_id = "unga/a-res-79-243/en/annex/article-41"
    heading = " ".join(by_id[heading_id].text.split())
    below = [cid for cid in texts if cid.startswith(heading_id + "/")]
    assert heading.startswith("Article 41") and len(below) >= 5
    for clause_id in below:  # paragraphs and their items alike
        assert heading in texts[clause_id]
        assert texts[clause_id].endswith(by_id[clause_id].text)
    assert heading not in texts["unga/a-res-79-243/en/annex/article-42/1"]


def test_clauses_outside_articles_are_indexed_as_before(convention: ParsedDocument) -> None:
    meta, clauses, text = convention.document.meta, convention.clauses, convention.document.text
    outside = [(c, t) for c, t in zip(clauses, indexed_texts(meta, clauses, text), strict=True)
               if "/article-" not in c.clause_id]  # fmt: skip
    assert outside
    assert all(text == indexed_text(meta, clause) for clause, text in outside)


def test_articles_without_a_heading_clause_get_none(documents: Path) -> None:
    """The Universal Declaration's articles are numbered paragraphs, with no heading clause."""
    udhr = _parsed(documents, "unga-res-217-a-iii-udhr-en.txt")
    meta, clauses, text = udhr.document.meta, udhr.clauses, udhr.document.text
    texts = indexed_texts(meta, clauses, text)
    assert [indexed_text(meta, c) for c in clauses] == texts


def test_articles_titled_in_the_text_give_their_paragraphs_that_heading(documents: Path) -> None:
    """The ITU Constitution's article numbers and titles are lines of its text, not clauses."""
    constitution = _parsed(documents, "itu-constitution-geneva-1992-amended-pp22-en.txt")
    meta, clauses, text = (
        constitution.document.meta, constitution.clauses, constitution.document.text
    )  # fmt: skip
    texts = dict(
        zip((c.clause_id for c in clauses), indexed_texts(meta, clauses, text), strict=True)
    )
    article = "itu/constitution/geneva-1992/en/body/article-37"
    below = [cid for cid in texts if cid.startswith(article + "/")]
    assert len(below) >= 2
    lines = text[text.index("ARTICLE 37") :].splitlines()
    heading = f"Article 37 {lines[1].strip()}"  # the article's number line and title line
    assert all(heading in texts[clause_id] for clause_id in below)
    # a margin note of an amending conference beside the title is not part of it
    third = texts["itu/constitution/geneva-1992/en/body/article-3/1"]
    assert " · Article 3 " in third and "PP-" not in third
    # a one-paragraph article is not headed by itself
    single = [cid for cid in texts if cid.endswith("/article-36")]
    assert len(single) == 1 and " · Article 36 " in texts[single[0]]
