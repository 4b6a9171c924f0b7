"""Articles of conventions and basic texts: which article a clause sits in, and each article's
heading, whether a clause of its own (a convention's `Article 41 24/7 network`) or lines of the
text before its first paragraph (the ITU Constitution's `ARTICLE 37` / `Secrecy of
Telecommunications`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rescite.core.records import Clause

ARTICLE_HEADING_CHARS = 120  # an article clause this short, with paragraphs below it, is a heading
_ARTICLE = re.compile(r"^(.*?/article-[^/]+)(?:/|$)")
# In the ITU Constitution and Convention an article's number and title are lines of the text
# before its first paragraph ("ARTICLE 37 / Secrecy of Telecommunications"), not clauses; the
# margin notes of the amending conferences ("PP-98") may sit beside them.
_ARTICLE_LINES = re.compile(r"\bARTICLE\s+(\w+)[ \t]*\n(.+)\Z", re.DOTALL)
_MARGIN_NOTE = re.compile(r"\b(?:PP|WRC|WTSA|WTDC)-\d{2}\b")


def article_of(clause_id: str) -> str | None:
    """The clause id of the article the clause sits in (itself, for a one-paragraph article)."""
    found = _ARTICLE.match(clause_id)
    return found.group(1) if found else None


def article_headings(clauses: Sequence[Clause], text: str) -> dict[str, tuple[str, str | None]]:
    """Each article's heading and the clause that holds it, by the article's clause id: its own
    short clause when it has one (a convention's `Article 41 24/7 network`), else the lines
    before its first paragraph (None: no clause holds them)."""
    ids = {clause.clause_id: clause for clause in clauses}
    articles = {clause_id: article_of(clause_id) for clause_id in ids}
    parents = {key for clause_id, key in articles.items() if key != clause_id}
    headings: dict[str, tuple[str, str | None]] = {}
    seen: set[str] = set()
    previous_end = 0
    for clause in clauses:
        key = articles[clause.clause_id]
        if key is not None and key not in seen:
            seen.add(key)
            own = ids.get(key)
            if own is not None and key in parents and len(own.text) <= ARTICLE_HEADING_CHARS:
                headings[key] = (" ".join(own.text.split()), key)
            elif (lines := heading_lines(text[previous_end : clause.start])) is not None:
                headings[key] = (lines, None)
        previous_end = max(previous_end, clause.end)
    return headings


def heading_lines(gap: str) -> str | None:
    """`Article 37 Secrecy of Telecommunications` from the text between two clauses that ends
    with an article's number and title lines, else None."""
    found = _ARTICLE_LINES.search(gap, max(gap.rfind("ARTICLE"), 0))
    if found is None:
        return None
    title = " ".join(_MARGIN_NOTE.sub(" ", found.group(2)).split())
    if not title or len(title) > ARTICLE_HEADING_CHARS:
        return None
    return f"Article {found.group(1)} {title}"
