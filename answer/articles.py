"""Articles a question names, by number ("Article 65 of the Convention") or by title ("the
24/7 network article"): their paragraphs brought forward, and a short one cited whole."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from rescite.answer.protocols import ArchiveReader
from rescite.answer.question import Reading, content_terms
from rescite.answer.quotes import stems
from rescite.answer.support import NAMED_SUPPORT, Candidate, Scorer, in_article, is_heading
from rescite.core.articles import article_headings
from rescite.core.records import DocumentMeta, Hit

ARTICLE_WHOLE = 8  # a named article with this many paragraphs or fewer is cited whole
ARTICLE_LEAD = 3  # ... when one of its clauses ranks among the first three


def article_whole(
    ranked: list[Candidate], number: str, *, asks_more: bool = True
) -> list[Candidate]:
    """ "What does Article 65 of the Convention say": the article, when it is short and ranks
    near the top, or the question asks nothing more of it, cited whole (its heading aside), as
    a named section is."""
    pool = ranked[:ARTICLE_LEAD] if asks_more else ranked
    lead = next((c for c in pool if in_article(c.hit.clause.clause_id, number)), None)
    if lead is None:
        return ranked
    doc_id = lead.hit.document.doc_id
    article = [
        c for c in ranked
        if c.hit.document.doc_id == doc_id and in_article(c.hit.clause.clause_id, number)
    ]  # fmt: skip
    paragraphs = [c for c in article if not is_heading(c.hit)]
    if not paragraphs or len(paragraphs) > ARTICLE_WHOLE:
        return ranked
    paragraphs.sort(key=lambda c: c.hit.clause.ordinal)
    whole = [Candidate(c.hit, max(c.support, NAMED_SUPPORT), c.rank, True) for c in paragraphs]
    taken = {c.hit.clause.clause_id for c in article}
    return whole + [c for c in ranked if c.hit.clause.clause_id not in taken]


def within_article(ranked: list[Candidate], number: str) -> list[Candidate]:
    """The candidates in the article the question names, when the named text has one."""
    inside = [c for c in ranked if in_article(c.hit.clause.clause_id, number)]
    return inside or ranked


def whole_articles(archive: ArchiveReader, hits: list[Hit], number: str) -> list[Hit]:
    """The hits, plus every clause of the named article in the documents where a hit lies in it
    ("Article 65 of the Convention": all of Article 65's paragraphs are candidates)."""
    metas = {
        hit.document.doc_id: hit.document
        for hit in hits
        if in_article(hit.clause.clause_id, number)
    }
    return with_article(archive, hits, metas, number)


def with_article(
    archive: ArchiveReader, hits: list[Hit], metas: Mapping[str, DocumentMeta], number: str
) -> list[Hit]:
    """The hits, plus the clauses of article `number` in these documents not among them."""
    found = {hit.clause.clause_id for hit in hits}
    return hits + [
        Hit(clause=clause, document=meta, score=0.0)
        for doc_id, meta in metas.items()
        for clause in archive.clauses(doc_id)
        if in_article(clause.clause_id, number) and clause.clause_id not in found
    ]


def with_titled_article(
    archive: ArchiveReader, reading: Reading, doc_ids: tuple[str, ...], scorer: Scorer
) -> Reading:
    """The reading, naming the article of these texts that the question names by its title
    ("the Convention's 24/7 network article"), for the scorer too."""
    if reading.article is not None or "article" not in reading.terms:
        return reading
    number = titled_article(archive, doc_ids, reading.terms)
    if number is None:
        return reading
    scorer.reading = replace(reading, article=number)
    return scorer.reading


def titled_article(
    archive: ArchiveReader, doc_ids: tuple[str, ...], terms: tuple[str, ...]
) -> str | None:
    """The number of the one article of these texts whose heading's words the question all
    uses ("the 24/7 network article": `Article 41 24/7 network`), the most specific if several."""
    asked = stems(terms)
    found: dict[str, int] = {}
    for doc_id in doc_ids:
        headings = article_headings(archive.clauses(doc_id), archive.document(doc_id).text)
        for key, (heading, _) in headings.items():
            words = stems(content_terms(heading)) - {"artic"}
            if words and words <= asked:
                number = key.rsplit("/article-", 1)[1]
                found[number] = max(found.get(number, 0), len(words))
    best = sorted(found.items(), key=lambda item: -item[1])
    if not best or (len(best) > 1 and best[1][1] == best[0][1]):
        return None
    return best[0][0]
