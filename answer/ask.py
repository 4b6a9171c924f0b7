"""`ask`: question -> Answer with verified clause citations (extractive; LLM text optional)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rescite.answer import compose, retrieve
from rescite.answer.answer_type import gives
from rescite.answer.citations import citation_string
from rescite.answer.pointers import companions, is_item_of, needs_others
from rescite.answer.protocols import ArchiveReader, TextEmbedder, embedder_of
from rescite.answer.question import Reading, read_question
from rescite.answer.quotes import select_quote, sentences
from rescite.answer.revisions import shared_words, wording
from rescite.answer.support import (
    FACT_BONUS,
    Candidate,
    asks_action,
    is_heading,
    late_scores_of,
    similarities,
    split_per_document,
)
from rescite.answer.verify import VerifiedQuote, locate
from rescite.core.records import Answer, Clause, Document, Filters, Lead, Section
from rescite.core.settings import Settings

RELATIVE_CUT = 0.92  # keep citations ranked within this share of the best
# Once one of them clears the threshold, a clause ranked that close is cited with this share of
# it: the ranking reads both encoders, the support only the first.
CLOSE_SUPPORT = 0.8
# When none of them does (the answer's support comes from a clause ranked further down), with
# this share.
UNCLEARED_SUPPORT = 0.85
PER_DOCUMENT = 2  # citations of one document, beyond a named section
# Asked what a named revision added or dropped on a subject: every changed clause of that revision
# ranked within this share of the best, without the per-document cap (the answer is one text).
# Development set, against the cut and cap above: cit. R 0.6365 -> 0.6473, cit. P 0.8057 ->
# 0.8049 (0.80: 0.6488 and 0.8005); held-out cit. R 0.475 -> 0.489, cit. P 0.671 -> 0.670.
CHANGE_CUT = 0.85
# Asked which texts say something, a candidate sharing at least this share of a cited clause's
# words is the same paragraph in another text (the General Assembly repeats one in each year's
# resolution on a subject), cited too while there is room: each text that says it answers.
# Development set: cit. R 0.6611 -> 0.6642 (topic questions 0.355 -> 0.375), cit. P unchanged
# at 0.8018 (0.7: 0.6642 and 0.8004; 0.9: 0.6631 and 0.8019).
COPY_SHARE = 0.8
LEADS = 5  # a refusal names this many closest clauses, each text's best two first
# One per text put a text's second-best clause behind four other texts' best: development
# refusals naming a gold clause 33 -> 36 of 63 (held out 12 of 23 either way).
LEADS_PER_DOCUMENT = 2
# Below the threshold, an English question is answered by the clause, of the `LATE_POOL` ranked
# best, whose words match its own most closely, if at least this closely (`late_match`). Chosen
# on the development set (balanced refusal score 0.836 -> 0.846; 0.52: 0.844, 0.60: 0.842):
# cit. P 0.811 -> 0.802, cit. R 0.649 -> 0.661, refusal accuracy 0.824 -> 0.814, false refusals
# 15.1% -> 12.3%. Held out: cit. P 0.670 -> 0.686, cit. R 0.489 -> 0.515, false refusals 22.2%
# -> 18.3%, refusal accuracy unchanged.
LATE_MATCH = 0.55
LATE_POOL = 5
LATE_FLOOR = 0.75  # just below: a support of at least this share of the threshold


@dataclass
class DocumentCache:
    archive: ArchiveReader
    documents: dict[str, Document] = field(default_factory=dict)

    def get(self, doc_id: str) -> Document:
        if doc_id not in self.documents:
            self.documents[doc_id] = self.archive.document(doc_id)
        return self.documents[doc_id]


def ask(
    archive: ArchiveReader,
    question: str,
    *,
    k: int | None = None,
    filters: Filters = Filters(),  # noqa: B008 - records are frozen
    settings: Settings,
    embedder: TextEmbedder | None = None,
) -> Answer:
    """Answer a question from the archive with verified clause citations, or refuse.

    `embedder` (the one the archive searches with, loaded once) adds vector similarity to the
    support score and quote selection; without it, lexical coverage alone is used.
    """
    reading = read_question(question)
    embedder = embedder or embedder_of(archive)
    found = retrieve.candidates(archive, reading, filters, k or settings.answer.k, embedder)
    if found.refusal:
        return refused(question, found.refusal, 0.0)
    threshold = settings.answer.refusal_threshold
    items = answering(found.items, reading)
    best = max((candidate.support for candidate in items), default=0.0)
    if best < threshold:
        rescued = late_match(archive, reading, items) if best >= LATE_FLOOR * threshold else None
        if rescued is None:
            return below_threshold(question, reading, found.items, items, threshold, best)
        listing, chosen = [], [rescued]
    else:
        listing = listed(items)
        chosen = listing[: settings.answer.max_listed] or cited_clauses(
            archive, items, threshold, settings.answer.max_citations, reading
        )
    if not chosen:
        reason = (
            f"the clauses ranked best all score below {UNCLEARED_SUPPORT * threshold:.2f} "
            f"({UNCLEARED_SUPPORT:.0%} of the threshold {threshold:.2f})."
        )
        return refused(question, reason, best, leads_of(found.items))
    quoted = quote_all(DocumentCache(archive), reading, chosen, embedder)
    if not quoted:
        return refused(question, "no quote could be verified against the stored text.", best)
    groups = compose.group_by_document(quoted)
    cited = compose.citations(groups)
    focus = [ref.number for ref in reading.refs] if reading.crossref else []
    text = compose.extractive_text(groups, cited, focus)
    if found.note:
        text = f"{found.note}\n\n{text}"
    if len(listing) > len(chosen):
        text += compose.more_listed(len(cited))
    answer = Answer(question=question, answer=text, refused=False, citations=cited, support=best)
    if settings.llm.url:
        from rescite.answer.llm import synthesise

        answer = synthesise(answer, settings.llm)
    return answer


def cited_clauses(
    archive: ArchiveReader,
    items: list[Candidate],
    threshold: float,
    limit: int,
    reading: Reading,
) -> list[Candidate]:
    """The clauses `choose` picks, then their copies in other texts, the items that state the
    fact asked for, and the clauses each needs to be read; `limit` in all."""
    chosen = with_copies(choose(items, threshold, limit, reading), items, reading, limit)
    return with_companions(archive, with_items_giving(chosen, items, reading, limit), limit)


def below_threshold(
    question: str,
    reading: Reading,
    found: list[Candidate],
    items: list[Candidate],
    threshold: float,
    best: float,
) -> Answer:
    """The refusal when no answering clause's support clears the threshold, saying why: the
    fact asked for is given by none that scores above it, or none scores above it at all."""
    closest = max((candidate.support for candidate in found), default=0.0)
    if reading.asks_for and closest >= threshold:
        named, period = reading.named.described, reading.named.period
        asked = (
            reading.asks_for.described
            + (f" of {named}" if named else "")
            + (f" for {period}" if period else "")
        )
        naming = "names it and " if named else "names that time and " if period else ""
        reason = (
            f"the question asks for {asked}, and no clause scoring above the threshold "
            f"{threshold:.2f} {naming}gives one."
        )
    else:
        reason = f"the closest clause scores {closest:.2f}, below the threshold {threshold:.2f}."
    return refused(question, reason, best, leads_of(items or found))


def late_match(
    archive: ArchiveReader, reading: Reading, items: list[Candidate]
) -> Candidate | None:
    """Below the threshold, an English question naming no text answered all the same (a named
    text's clauses are supported by their rank already, `answer/retrieve.py`): of the `LATE_POOL`
    best-ranked English clauses (no formula, no bare heading), the one whose words match the
    question's most closely piece by piece (`index/late.py`), if at least `LATE_MATCH`; None
    when none does."""
    score = late_scores_of(archive)
    if score is None or reading.language != "en" or reading.refs:
        return None
    ranked = sorted(items, key=lambda c: -c.rank)[:LATE_POOL]
    pool = [
        c
        for c in ranked
        if c.hit.document.language == "en"
        and c.hit.clause.section is not Section.FORMULA
        and not is_heading(c.hit)
    ]
    scores = score(reading.question, [c.hit.clause.text for c in pool]) or []
    matches = [(value, c) for value, c in zip(scores, pool, strict=True) if value >= LATE_MATCH]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def answering(items: list[Candidate], reading: Reading) -> list[Candidate]:
    """The candidates that could answer: asked for a year, a date, a count, an amount or a
    name, only those that state one, or whose items do (a procedure in steps whose item
    a) gives the weeks allowed to reply), or that sit in the section the question names;
    and, asked it of an observance or a thing with a coined name ("UNISPACE IV"), name it (or
    sit in a text that does: `named_subjects`), or of some years, name one of them (or sit in
    a text whose title or year does).
    The answer's support is the best of theirs. Each of them ranked `FACT_BONUS` ahead for
    stating it; the bonus is taken off again, so that the relative cut reads their own ranks."""
    asked = reading.asks_for
    if asked is None:
        return items
    giving = [c.hit.clause.clause_id for c in items if gives(asked, c.hit.clause.text)]
    return [
        c if c.direct else replace(c, rank=c.rank - FACT_BONUS)
        for c in items
        if c.direct
        or (
            _gives_or_items_give(c.hit.clause.clause_id, giving)
            and reading.named.named_by(
                f"{c.hit.document.title} {c.hit.document.year or ''} {c.hit.clause.text}"
            )
        )
    ]


def _gives_or_items_give(clause_id: str, giving: list[str]) -> bool:
    return any(found == clause_id or is_item_of(found, clause_id) for found in giving)


def with_items_giving(
    chosen: list[Candidate], candidates: list[Candidate], reading: Reading, limit: int
) -> list[Candidate]:
    """Asked for a fact, each chosen clause that states it only through its items followed by
    those of them among `candidates` (the answering ones), in their rank order; `limit` in all."""
    asked = reading.asks_for
    if asked is None:
        return chosen
    cited = {c.hit.clause.clause_id for c in chosen}
    out: list[Candidate] = []
    for candidate in chosen:
        out.append(candidate)
        if candidate.direct or gives(asked, candidate.hit.clause.text):
            continue
        parent = candidate.hit.clause.clause_id
        for item in candidates:
            item_id = item.hit.clause.clause_id
            if is_item_of(item_id, parent) and item_id not in cited:
                out.append(item)
                cited.add(item_id)
    return out[:limit]


def refused(question: str, reason: str, support: float, leads: tuple[Lead, ...] = ()) -> Answer:
    text = compose.refusal_text(reason, [lead.citation for lead in leads])
    return Answer(question=question, answer=text, refused=True, support=support, leads=leads)


def leads_of(items: list[Candidate]) -> tuple[Lead, ...]:
    """The best-ranked clauses that could be cited (no formula, no bare heading), at most
    `LEADS_PER_DOCUMENT` of a text while others rank: where to look when nothing clears the
    threshold."""
    usable = [
        c
        for c in sorted(items, key=lambda c: -c.rank)
        if c.hit.clause.section is not Section.FORMULA and not is_heading(c.hit)
    ]
    spread, rest = split_per_document(usable, LEADS_PER_DOCUMENT)
    chosen = (spread + rest)[:LEADS]
    return tuple(
        Lead(
            clause_id=c.hit.clause.clause_id,
            citation=citation_string(c.hit.document, c.hit.clause),
            support=c.support,
        )
        for c in chosen
    )


def listed(items: list[Candidate]) -> list[Candidate]:
    """Asked which texts cite a text, or what a named text cites: every clause that does is an
    item of the answer, best ranked first, not only those close to the best."""
    return sorted((c for c in items if c.listed), key=lambda c: -c.rank)


def choose(
    items: list[Candidate], threshold: float, limit: int, reading: Reading
) -> list[Candidate]:
    """The named section whole; else the clauses ranked close to the best (never a formula or
    a bare heading: an article number and its title) with at least `CLOSE_SUPPORT` of the
    threshold when one of them clears it, `UNCLEARED_SUPPORT` when none does. Asked what a text
    mandates, a preamble, or an operative paragraph that only notes or welcomes, answers only
    when no other clause can: it mandates nothing. Asked what a revision it names added or
    dropped, every clause ranked within `CHANGE_CUT` of the best, however many of one text.

    Called once the answer's support clears the threshold. Where that support comes from a
    clause ranked further down, the ranking (both encoders) and the support (the first) disagree
    on which clause answers; the best-ranked one is cited if its own support is not far below.
    Development set, against refusing there: false refusals 17.8% -> 15.5%, cit. R 0.609 ->
    0.625, cit. P 0.792 -> 0.791, refusal accuracy 0.804 -> 0.784 (q109, q551 answered). A floor
    of 0.8 of the threshold instead of the threshold where one clears it: cit. R 0.606 -> 0.619,
    cit. P 0.791 -> 0.785, refusals unchanged (0.7: 0.621 and 0.778)."""
    direct = [candidate for candidate in items if candidate.direct]
    if direct:
        return direct
    usable = [
        c for c in items if c.hit.clause.section is not Section.FORMULA and not is_heading(c.hit)
    ]
    acting = [c for c in usable if may_mandate(c.hit.clause)]
    if reading.mandate and any(c.support >= threshold for c in acting):
        usable = acting
    asks_change = reading.asks_added_or_dropped
    top = max((candidate.rank for candidate in usable), default=0.0)
    close = [c for c in usable if c.rank >= top * (CHANGE_CUT if asks_change else RELATIVE_CUT)]
    cleared = any(c.support >= threshold for c in close)
    floor = threshold * (CLOSE_SUPPORT if cleared else UNCLEARED_SUPPORT)
    kept = [c for c in close if c.support >= floor]
    chosen, _ = split_per_document(kept, limit if asks_change else PER_DOCUMENT)
    return chosen[:limit]


def with_copies(
    chosen: list[Candidate], candidates: list[Candidate], reading: Reading, limit: int
) -> list[Candidate]:
    """Asked which texts say something (a survey or a mandate question naming no text), the
    chosen clauses followed by their copies in other texts among `candidates` (`COPY_SHARE`),
    in their rank order, while the answer has fewer than `limit` citations."""
    if not (reading.survey or reading.mandate) or reading.refs:
        return chosen
    cited = {c.hit.clause.clause_id for c in chosen}
    wordings = [(c, set(wording(c.hit.clause.text).split())) for c in chosen]
    copies: list[Candidate] = []
    for other in candidates:
        other_id = other.hit.clause.clause_id
        if other_id in cited:
            continue
        words = set(wording(other.hit.clause.text).split())
        if any(
            c.hit.document.doc_id != other.hit.document.doc_id
            and shared_words(own, words) >= COPY_SHARE
            for c, own in wordings
        ):
            copies.append(other)
    return (chosen + copies)[: max(limit, len(chosen))]


def may_mandate(clause: Clause) -> bool:
    """Not a preamble, nor an operative paragraph that asks no one to act ("Welcomes the
    report of the committee")."""
    if clause.section is Section.OPERATIVE:
        return asks_action(clause)
    return clause.section is not Section.PREAMBLE


def with_companions(archive: ArchiveReader, chosen: list[Candidate], limit: int) -> list[Candidate]:
    """Each chosen clause followed by the clauses of its text it needs to be read (those it
    defers to, "in accordance with No. 120 above"; the rest of a list of short items;
    `answer/pointers.py`), ranked as it is, while the answer has fewer than `limit` citations;
    never after a clause of a named section, which is cited whole as it stands."""
    out: list[Candidate] = []
    cited = {c.hit.clause.clause_id for c in chosen}
    room = limit - len(chosen)
    for candidate in chosen:
        out.append(candidate)
        if candidate.direct or room <= 0 or not needs_others(candidate.hit.clause):
            continue
        siblings = archive.clauses(candidate.hit.document.doc_id)
        for clause in companions(candidate.hit.clause, siblings):
            if clause.clause_id not in cited and room > 0:
                cited.add(clause.clause_id)
                room -= 1
                hit = candidate.hit.model_copy(update={"clause": clause})
                out.append(replace(candidate, hit=hit))
    return out


def quote_all(
    cache: DocumentCache,
    reading: Reading,
    chosen: list[Candidate],
    embedder: TextEmbedder | None,
) -> list[compose.Quoted]:
    out: list[compose.Quoted] = []
    for candidate in chosen:
        document = cache.get(candidate.hit.document.doc_id)
        quote = best_verified_quote(document, reading, candidate, embedder)
        if quote is not None:
            out.append(compose.Quoted(candidate, quote, document.page_at(quote.start)))
    return out


def best_verified_quote(
    document: Document, reading: Reading, candidate: Candidate, embedder: TextEmbedder | None
) -> VerifiedQuote | None:
    """The best quote candidate that is found verbatim in the stored text; None if none is."""
    clause = candidate.hit.clause
    spans = sentences(clause.text)
    sims = None
    if embedder is not None and len(clause.text) > 420 and len(spans) > 1:
        sims = similarities(embedder, reading.focus, [clause.text[s.start : s.end] for s in spans])
    for span in select_quote(clause.text, reading.terms, sims, reading.abbreviations):
        verified = locate(document, clause, clause.text[span.start : span.end])
        if verified is not None:
            return verified
    return None
