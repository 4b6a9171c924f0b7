"""Gathering candidate clauses for a reading: a named document (and section), or a search."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import zip_longest

from rescite.answer.articles import (
    article_whole,
    whole_articles,
    with_article,
    with_titled_article,
    within_article,
)
from rescite.answer.cited_paragraphs import cites_paragraph
from rescite.answer.conferences import Conference
from rescite.answer.described import described_text
from rescite.answer.doc_refs import EVERY_REVISION, DocRef
from rescite.answer.locator import located
from rescite.answer.pointers import is_item_of
from rescite.answer.protocols import ArchiveReader, TextEmbedder
from rescite.answer.question import Reading, cites_a_reference, read_question, searched_words
from rescite.answer.references import all_documents, resolve, unga_stem, unga_symbol, work_of
from rescite.answer.revisions import (
    changed,
    in_reading_order,
    most_novel_first,
    novelty,
    on_side,
    substantive,
)
from rescite.answer.sections import closest_sections, section_matches
from rescite.answer.support import (
    NAMED_LIFT,
    NAMED_SUPPORT,
    Candidate,
    Scorer,
    asks_action,
    paraphrase_similarities_of,
    stored_vectors_of,
)
from rescite.core.errors import NotFound
from rescite.core.records import Body, Clause, DocType, DocumentMeta, Filters, Hit, Section

ITU_BODIES = (Body.ITU_PP, Body.ITU_WTSA, Body.ITU_WTDC)
_BASIC_PREFIX = {"constitution": "CS", "convention": "CV"}  # as `ingest/crossrefs.py` writes them
# Search k * this many clauses (at least MIN_DEPTH, at most what one search returns), then rank
# them ourselves. 10 rather than 5 (a pool of 100 for the default 10 citations, the pool the
# ranked list was already scored on): citation recall 0.669 -> 0.676 (held out 0.524 -> 0.535),
# refusals naming the right clause 0.68 -> 0.82, held-out refusal accuracy 0.50 -> 0.46; a pool
# of 200 refused 0.38 of the held-out unanswerables (evals/README.md, forty-second session).
SEARCH_DEPTH = 10
MIN_DEPTH = 100
MAX_DEPTH = 200  # index/search.py's MAX_K: a deeper search is refused
SURVEY_DOCUMENTS = 3  # "which resolutions ...": lead clauses of this many best documents first
LEAD_CLAUSES = 3  # a resolution's lead: its first operative clauses
LEAD_FLOOR = 0.7  # a lead ranked below this share of the best clause is not put first
CITING_BONUS = 0.3  # a clause whose cross-references name the document asked about
CITING_SUPPORT = 0.6
MAX_CITING = 60
CONFERENCE_DELAY = 2  # years a conference may meet after the one in its name
TITLED_DOCUMENTS = 3  # an article named by its title is looked for in the best hits' texts


@dataclass(frozen=True)
class Found:
    items: list[Candidate]
    refusal: str | None = None
    note: str | None = None  # said before the answer: "A/RES/56/183 is not in the archive; …"


def merged_filters(filters: Filters, reading: Reading) -> Filters:
    """The user's filters win; the question adds a body or a year range only where they are open."""
    update: dict[str, object] = {}
    if not filters.body and reading.bodies:
        update["body"] = reading.bodies
    if filters.year_from is None and filters.year_to is None:
        if reading.year_from is not None:
            update["year_from"] = reading.year_from
        if reading.year_to is not None:
            update["year_to"] = reading.year_to
    return filters.model_copy(update=update) if update else filters


def candidates(
    archive: ArchiveReader,
    reading: Reading,
    filters: Filters,
    k: int,
    embedder: TextEmbedder | None,
) -> Found:
    depth = min(max(k * SEARCH_DEPTH, MIN_DEPTH), MAX_DEPTH)
    reading = with_described_text(archive, reading)
    if reading.conference and not held(archive, reading.conference):
        return Found([], f"the archive holds no texts of {reading.conference.described} "
                         "(ingest them first).")  # fmt: skip
    scorer = Scorer(
        reading, embedder, stored_vectors_of(archive), paraphrase_similarities_of(archive)
    )
    if reading.session and (reading.crossref or not reading.refs):
        filters = in_session(archive, filters, reading.session)
    if reading.crossref:
        return citing(archive, reading, merged_filters(filters, reading), depth, scorer)
    if reading.refs:
        resolved = resolve(archive, reading.refs, reading.wanted_language)
        if not resolved.doc_ids:  # a text the archive lacks: the clauses that cite it, if any
            names = ", ".join(ref.display for ref in resolved.missing)
            cited = citing(archive, reading, merged_filters(filters, reading), depth, scorer)
            if not cited.items:
                return Found([], f"{names} is not in the archive (ingest it first).")
            return Found(cited.items, note=f"{names} is not in the archive; these texts cite it.")
        return Found(
            in_question_language(archive, reading, resolved.doc_ids, filters, depth, scorer)
        )
    merged = merged_filters(filters, reading)
    hits = in_language(archive, searched(archive, reading, merged, depth),
                       reading.wanted_language)  # fmt: skip
    mentioning = mentioning_clauses(archive, reading, merged)
    searched_ids = {hit.clause.clause_id for hit in hits}
    hits += [hit for hit in mentioning if hit.clause.clause_id not in searched_ids]
    leading = tuple(dict.fromkeys(hit.document.doc_id for hit in hits))[:TITLED_DOCUMENTS]
    reading = with_titled_article(archive, reading, leading, scorer)
    if reading.article:
        hits = whole_articles(archive, hits, reading.article)
    ranked = scorer.score(hits)
    if reading.cited_kind:
        ranked = citing_first(ranked, reading.cited_kind)
    if reading.article:
        ranked = article_whole(ranked, reading.article)
    if mentioning:
        ranked = mentioning_first(ranked, {hit.clause.clause_id for hit in mentioning})
    elif reading.survey:
        ranked = leads_first(archive, hits, ranked, scorer)
    return Found(prefer_language(ranked, reading.wanted_language))


def held(archive: ArchiveReader, conference: Conference) -> bool:
    """The archive holds texts the conference adopted or revised: dated the year in its name,
    or up to `CONFERENCE_DELAY` years later (WTSA-20 met, and dated its texts, in 2022)."""
    year = conference.year
    adopted = Filters(body=(conference.body,), year_from=year, year_to=year + CONFERENCE_DELAY)
    return archive.documents(adopted, limit=1).total > 0


def with_described_text(archive: ArchiveReader, reading: Reading) -> Reading:
    """Asked which texts cite one described by its date and subject ("the March 2024
    resolution about trustworthy AI"), the question read as if it named that text."""
    if reading.refs or reading.crossref or not cites_a_reference(reading.topic):
        return reading
    described = described_text(archive, reading.question)
    if described is None:
        return reading
    named = read_question(f"{reading.question} ({described.display})")
    return replace(named, question=reading.question) if named.crossref else reading


def mentioning_clauses(archive: ArchiveReader, reading: Reading, filters: Filters) -> list[Hit]:
    """The clauses that name a text the question mentions by title ("the Tampere Convention"),
    within the filters."""
    if not reading.mentioned:
        return []
    as_cited = replace(reading, refs=reading.mentioned, article=None, action_lines=())
    metas = {meta.doc_id: meta for meta in all_documents(archive, filters)}
    return [
        Hit(clause=clause, document=metas[clause.doc_id], score=0.0)
        for clause in archive.clauses_mentioning(_reference_fragments(as_cited))
        if clause.doc_id in metas and cites_asked(clause, as_cited)
    ][:MAX_CITING]


def mentioning_first(ranked: list[Candidate], mentioning: set[str]) -> list[Candidate]:
    """The clauses naming the text the question is about rank ahead of those on its subject,
    as the items of a list."""
    return _ahead(ranked, lambda clause: clause.clause_id in mentioning, listed=True)


def in_session(archive: ArchiveReader, filters: Filters, session: int) -> Filters:
    """The filters narrowed to the General Assembly resolutions of one session (A/RES/80/...),
    unless the user named documents."""
    if filters.doc_id:
        return filters
    prefix = f"unga/a-res-{session}-"
    of_the_assembly = filters.model_copy(update={"body": (Body.UNGA,)})
    doc_ids = [meta.doc_id for meta in all_documents(archive, of_the_assembly)]
    in_it = tuple(doc_id for doc_id in doc_ids if doc_id.startswith(prefix))
    # a session with no resolution in the archive matches no document (the prefix is no doc_id)
    return filters.model_copy(update={"body": (Body.UNGA,), "doc_id": in_it or (prefix,)})


def leads_first(
    archive: ArchiveReader, hits: list[Hit], ranked: list[Candidate], scorer: Scorer
) -> list[Candidate]:
    """For "which resolutions ...": the best documents (by the rank-weighted count of their
    hits), each represented first by the lead operative clause closest to the question (asked
    what they mandate, among the first that ask for action: development MRR 0.7975 -> 0.7983,
    cit. P 0.795 -> 0.796, 2 questions up, 2 down), unless that lead ranks below `LEAD_FLOOR`
    of the best clause (a long text many hits fall in, whose opening is on another subject);
    then the rest of the ranking."""
    weight: dict[str, float] = {}
    metas: dict[str, DocumentMeta] = {}
    for position, hit in enumerate(hits):
        doc_id = hit.document.doc_id
        weight[doc_id] = weight.get(doc_id, 0.0) + 1.0 / (60 + position)
        metas[doc_id] = hit.document
    best = sorted(weight, key=lambda doc_id: -weight[doc_id])[:SURVEY_DOCUMENTS]
    leads: list[Hit] = []
    for doc_id in best:
        operative = [c for c in archive.clauses(doc_id) if c.section is Section.OPERATIVE]
        if scorer.reading.mandate:
            operative = [c for c in operative if asks_action(c)] or operative
        lead = [Hit(clause=c, document=metas[doc_id], score=1.0) for c in operative[:LEAD_CLAUSES]]
        if lead:
            leads.append(scorer.score(lead)[0].hit)
    by_id = {candidate.hit.clause.clause_id: candidate for candidate in ranked}
    top = max((candidate.rank for candidate in ranked), default=1.0)
    first = [by_id.get(hit.clause.clause_id) or scorer.score([hit])[0] for hit in leads]
    first = [c for c in first if c.rank >= top * LEAD_FLOOR]
    chosen = {c.hit.clause.clause_id for c in first}
    first = [replace(c, rank=top + 0.01 - position / 1000) for position, c in enumerate(first)]
    return first + [c for c in ranked if c.hit.clause.clause_id not in chosen]


def searched(archive: ArchiveReader, reading: Reading, filters: Filters, depth: int) -> list[Hit]:
    """The search's hits; a question in another language than English also gets the English
    texts' best hits, interleaved, since most of the archive is English and a same-script
    match would otherwise crowd out the text that answers it."""
    words = searched_words(reading.query, reading.bodies, reading.session)
    hits = archive.search(words, k=depth, filters=filters)
    if reading.language == "en" or filters.language:
        return hits
    only_english = filters.model_copy(update={"language": ("en",)})
    english = archive.search(f"{words} {reading.english}", k=depth, filters=only_english)
    return interleave(hits, english)


def interleave(first: list[Hit], second: list[Hit]) -> list[Hit]:
    out: dict[str, Hit] = {}
    for pair in zip_longest(first, second):
        for hit in pair:
            if hit is not None:
                out.setdefault(hit.clause.clause_id, hit)
    return list(out.values())


def in_question_language(
    archive: ArchiveReader,
    reading: Reading,
    doc_ids: tuple[str, ...],
    filters: Filters,
    depth: int,
    scorer: Scorer,
) -> list[Candidate]:
    """`named`, but "in the Chinese version, which article says ..." asked in English is ranked
    in the English version, where the question's words are, then cited in the Chinese one."""
    if reading.wanted_language == reading.language:
        return named(archive, reading, doc_ids, filters, depth, scorer)
    wanted = metas_of(archive, doc_ids)
    own = {doc_id: sibling(archive, doc_id, reading.language) for doc_id in doc_ids}
    if not all(own.values()):
        return named(archive, reading, doc_ids, filters, depth, scorer)
    back = {meta.doc_id: wanted[doc_id] for doc_id, meta in own.items() if meta is not None}
    ranked = named(archive, reading, tuple(back), filters, depth, scorer)
    out: list[Candidate] = []
    for candidate in ranked:
        parallel = _parallel(archive, candidate.hit, back[candidate.hit.document.doc_id])
        if parallel is not None:
            out.append(replace(candidate, hit=parallel))
    return out or named(archive, reading, doc_ids, filters, depth, scorer)


def metas_of(archive: ArchiveReader, doc_ids: tuple[str, ...]) -> dict[str, DocumentMeta]:
    """The catalogue entries of these documents, read in one page (not their texts)."""
    page = archive.documents(Filters(doc_id=doc_ids), limit=len(doc_ids))
    metas = {meta.doc_id: meta for meta in page.items}
    for doc_id in set(doc_ids) - set(metas):
        metas[doc_id] = archive.document(doc_id).meta
    return metas


def sibling(archive: ArchiveReader, doc_id: str, language: str) -> DocumentMeta | None:
    """The same text in another language, if the archive holds it."""
    page = archive.documents(Filters(doc_id=(f"{work_of(doc_id)}/{language}",)), limit=1)
    return page.items[0] if page.items else None


def in_language(archive: ArchiveReader, hits: list[Hit], language: str) -> list[Hit]:
    """Hits moved to the same clause of the wanted language's version of their text, where the
    archive holds one (the UDHR in six languages): a French question cites the French text."""
    siblings: dict[str, DocumentMeta | None] = {}
    out: dict[str, Hit] = {}
    for hit in hits:
        meta = hit.document
        if meta.language != language:
            target = f"{work_of(meta.doc_id)}/{language}"
            if target not in siblings:
                siblings[target] = sibling(archive, meta.doc_id, language)
            hit = _parallel(archive, hit, siblings[target]) or hit
        out.setdefault(hit.clause.clause_id, hit)
    return list(out.values())


def _parallel(archive: ArchiveReader, hit: Hit, sibling: DocumentMeta | None) -> Hit | None:
    if sibling is None:
        return None
    rest = hit.clause.clause_id.removeprefix(hit.document.doc_id)
    try:
        clause = archive.clause(sibling.doc_id + rest)
    except NotFound:
        return None
    return hit.model_copy(update={"clause": clause, "document": sibling})


def cites_asked(clause: Clause, reading: Reading) -> bool:
    """The clause's parsed cross-references name what the question asks about: a document it
    names, an article of the Constitution or Convention, a WSIS action line."""
    return any(
        found.target in reading.action_lines
        or any(names(found.target, ref, reading.article) for ref in reading.cited_refs)
        for found in clause.references
    )


def names(target: str, ref: DocRef, article: str | None = None) -> bool:
    """A parsed cross-reference's target is the referenced document (any revision), or the
    article asked for of the Constitution or Convention (any of its provisions without one)."""
    if ref.kind in ("named", "rec"):
        return target == ref.number
    if ref.kind == "council":
        return target == council_target(ref)
    if ref.kind == "basic":
        prefix = _BASIC_PREFIX.get(ref.number, "")
        return target == f"{prefix} Art. {article}" if article else target.startswith(prefix)
    target = target.lower()
    if ref.kind == "unga":
        return target in (f"a/res/{unga_symbol(ref.number)}", ref.number.lower())
    sector = ref.body.lower() if ref.body in ITU_BODIES else "itu-[a-z]+"  # "WTSA Resolution 69"
    kind = "dec" if ref.doc_type is DocType.DECISION else "res"
    if ref.kind != "itu" or not re.match(rf"{sector}/{kind}-{ref.number}(?:/|$)", target):
        return False
    return not _one_revision(ref) or _revision_cited(ref, target)


def _one_revision(ref: DocRef) -> bool:
    """The question names the cited text's revision, in brackets after its number."""
    return ref.bracketed and bool(ref.revision) and ref.revision != EVERY_REVISION


def _revision_cited(ref: DocRef, target: str) -> bool:
    """The reference is to the revision the question names ("Resolution 2 (Kyoto, 1994)"); a
    reference without its revision is not."""
    cited = target.lower().split("/")[2:3]
    words = re.findall(r"[a-z]+|\d{4}", (ref.revision or "").lower())
    return bool(cited) and all(word in cited[0] for word in words)


def of_referenced_work(clause: Clause, refs: Sequence[DocRef]) -> bool:
    """The clause belongs to the text it cites: Resolution 200 (Rev. Dubai, 2018) recalling
    Resolution 200 (Busan, 2014), the UDHR proclaiming "this Universal Declaration" are not
    other texts that cite it. Unless the question names the revision cited: asked what refers
    back to Resolution 2 (Kyoto, 1994), its later revisions that recall it do."""
    own = _work_prefix(clause.doc_id)
    cited = [
        (found, ref) for found in clause.references for ref in refs if names(found.target, ref)
    ]
    return any(
        _names_itself(clause, found.target)
        or (_work_prefix(found.target) == own and not _one_revision(ref))
        for found, ref in cited
    )


def _work_prefix(doc_id_or_target: str) -> str:
    """`itu-pp/res-200/rev-dubai-2018/en` and `itu-pp/res-200/busan-2014` -> `itu-pp/res-200`."""
    return "/".join(doc_id_or_target.lower().split("/")[:2])


def council_target(ref: DocRef) -> str:
    """A Council text as `ingest/crossrefs.py` writes it: `itu-council/res-1305`."""
    kind = "dec" if ref.doc_type is DocType.DECISION else "res"
    return f"itu-council/{kind}-{ref.number}"


def _reference_fragments(reading: Reading) -> list[str]:
    """Text that any clause citing what the question asks about contains (see `cites_asked`)."""
    fragments = [f'"{line}"' for line in reading.action_lines]
    for ref in reading.refs:
        if ref.kind == "unga":
            fragments.append(unga_symbol(ref.number))
        elif ref.kind in ("named", "rec"):
            fragments.append(ref.number)
        elif ref.kind == "council":
            fragments.append(council_target(ref))
        elif ref.kind == "itu":
            fragments += [f"res-{ref.number}", f"dec-{ref.number}"]
        elif ref.kind == "basic":
            prefix = _BASIC_PREFIX.get(ref.number, "")
            fragments.append(
                f'"{prefix} Art. {reading.article}"' if reading.article else f'"{prefix} '
            )
    return fragments


def citing(
    archive: ArchiveReader,
    reading: Reading,
    filters: Filters,
    depth: int,
    scorer: Scorer,
) -> Found:
    """Clauses that cite the referenced documents ("which resolutions recall 68/243?"): found by
    their parsed cross-references across the (filtered) catalogue, ranked by similarity. When no
    clause cites them, that is the answer: a refusal that says so, not clauses on the subject."""
    metas = {
        meta.doc_id: meta
        for meta in all_documents(archive, filters.model_copy(update={"section": ()}))
    }
    hits = [
        Hit(clause=clause, document=metas[clause.doc_id], score=1.0)
        for clause in archive.clauses_mentioning(_reference_fragments(reading))
        if clause.doc_id in metas and cites_asked(clause, reading)
    ][:MAX_CITING]
    found = {
        hit.clause.clause_id for hit in hits if not of_referenced_work(hit.clause, reading.refs)
    }
    if not found:
        return Found([], f"no text in the archive {_scope(filters)}cites {_asked(reading)}.")
    hits += [hit for hit in archive.search(reading.query, k=depth, filters=filters)
             if hit.clause.clause_id not in found]  # fmt: skip
    asked = reading.paragraph
    invoking = invoking_paragraph([hit for hit in hits if hit.clause.clause_id in found], asked)
    note = (
        f"No clause in the archive cites paragraph {asked[1]} of the {asked[0]}; these cite it."
        if asked and not invoking
        else None
    )
    out: list[Candidate] = []
    for candidate in scorer.score(hits):
        if candidate.hit.clause.clause_id in (invoking or found):
            support = max(candidate.support, CITING_SUPPORT)
            candidate = replace(
                candidate,
                support=support,
                rank=candidate.rank + CITING_BONUS,
                listed=not reading.narrowed,
            )
        out.append(candidate)
    ranked = prefer_language(sorted(out, key=lambda c: -c.rank), reading.wanted_language)
    return Found(ranked, note=note)


def invoking_paragraph(hits: list[Hit], asked: tuple[str, str] | None) -> set[str]:
    """Asked where one paragraph of a text named by title is invoked ("paragraph 71 of the
    Tunis Agenda"), the clauses citing that paragraph: the answer, if any cites it."""
    if asked is None:
        return set()
    return {hit.clause.clause_id for hit in hits if cites_paragraph(hit.clause.text, *asked)}


def _asked(reading: Reading) -> str:
    """What a cross-reference question asks about, as the answer names it."""
    names = [ref.display for ref in reading.refs]
    names += [f"WSIS Action Line {line}" for line in reading.action_lines]
    if reading.article and any(ref.kind == "basic" for ref in reading.refs):
        names = [f"Article {reading.article} of {name}" for name in names]
    return " or ".join(names)


def _scope(filters: Filters) -> str:
    """The filters a list was drawn from, as words: "among the UNGA texts of 2020-2024 "."""
    words = []
    if filters.body:
        words.append("/".join(body.value for body in filters.body))
    if filters.doc_id:
        words.append("selected")
    if filters.year_from or filters.year_to:
        words.append(f"{filters.year_from or '…'}-{filters.year_to or '…'}")
    return f"among the {' '.join(words)} texts " if words else ""


def citing_first(
    ranked: list[Candidate], kind: str | None, listed: bool = False
) -> list[Candidate]:
    """For "which General Assembly resolutions are recalled in ITU texts": the clauses that cite a
    document of that kind (of any kind when None), ahead by the citing bonus. `listed` where
    they are the answer: the citations of the one text the question names."""
    return _ahead(ranked, lambda clause: cites(clause, kind), listed)


def citing_the_other(
    ranked: list[Candidate], reading: Reading, listed: bool = False
) -> list[Candidate]:
    """ "Does Resolution 186 say anything about WTDC Resolution 37?", "is Action Line C8
    mentioned in Resolution 133?": the named text's clauses that cite the other, ahead;
    `listed` where they are the answer ("does it rely on D.50, and in which paragraphs")."""
    return _ahead(
        ranked,
        lambda clause: (
            cites_asked(clause, reading) and not of_referenced_work(clause, reading.refs)
        ),
        listed,
    )


def _ahead(
    ranked: list[Candidate], citing: Callable[[Clause], bool], listed: bool = False
) -> list[Candidate]:
    """The ranking with the clauses `citing` picks moved ahead by the citing bonus."""
    out = [
        replace(c, rank=c.rank + CITING_BONUS, listed=listed) if citing(c.hit.clause) else c
        for c in ranked
    ]
    return sorted(out, key=lambda c: -c.rank)


def cites(clause: Clause, kind: str | None) -> bool:
    """The clause cites another text of that kind: "unga-resolution", "itu-resolution",
    "resolution" (either), or any (None). A text naming itself ("the United Nations Convention
    against Cybercrime" in A/RES/79/243, "Recommendation ITU-T E.119" in E.119) cites nothing."""
    return any(
        (
            kind is None
            or ref.kind == kind
            or (kind == "resolution" and ref.kind.endswith("-resolution"))
        )
        and not _names_itself(clause, ref.target)
        for ref in clause.references
    )


def _names_itself(clause: Clause, target: str) -> bool:
    own = _work_prefix(clause.doc_id)
    if target.startswith("A/RES/"):  # "unga/217-a-iii" is "A/RES/217(III) A"
        words = re.findall(r"[a-z0-9]+", unga_stem(target.removeprefix("A/RES/")))
        return sorted(words) == sorted(re.findall(r"[a-z0-9]+", own))
    return own.endswith("/rec-" + target.lower().replace(".", "-"))


def named(
    archive: ArchiveReader,
    reading: Reading,
    doc_ids: tuple[str, ...],
    filters: Filters,
    depth: int,
    scorer: Scorer,
) -> list[Candidate]:
    """Candidates from named documents: the named section whole, else the best-ranked clauses."""
    reading = with_titled_article(archive, reading, doc_ids, scorer)
    meta = metas_of(archive, doc_ids)
    across = any(m.language != reading.language for m in meta.values())
    query = f"{reading.focus} {reading.english}" if across else reading.focus
    hits = archive.search(query, k=depth, filters=filters.model_copy(update={"doc_id": doc_ids}))
    if reading.locator and (
        spot := [
            Hit(clause=clause, document=meta[doc_id], score=1.0)
            for doc_id in doc_ids
            for clause in located(reading.locator, archive.clauses(doc_id), reading.article)
        ]
    ):  # "Resolution 130 (Rev. Dubai, 2018), instructs the Secretary-General, 1"
        return [Candidate(hit, 1.0, 1.0, direct=True) for hit in spot]
    if reading.asks_only_the_text and (lead := lead_clauses(archive, doc_ids, meta)):
        return [Candidate(hit, 1.0, 1.0, direct=True) for hit in lead]
    comparing = reading.changes and len(doc_ids) > 1
    if comparing:
        hits = on_side(changed(archive, doc_ids, meta), reading.change_side) or hits
    kept = {hit.clause.clause_id for hit in hits} if comparing else None
    section = [
        Hit(clause=clause, document=meta[doc_id], score=1.0)
        for doc_id in doc_ids
        for clause in archive.clauses(doc_id)
        if section_matches(reading, clause) and (kept is None or clause.clause_id in kept)
    ]
    if section:
        section = closest_sections(section, reading)
    if section and not reading.specific:
        return [Candidate(hit, 1.0, 1.0, direct=True) for hit in section]
    if section:  # "instruct the Secretary-General to report on X": the section's closest items
        hits = section
    if reading.article:
        named_metas = {doc_id: meta[doc_id] for doc_id in doc_ids}
        hits = with_article(archive, hits, named_metas, reading.article)
    if reading.asks_cited:  # "which UNGA resolutions does it draw upon": its citing clauses
        found = {hit.clause.clause_id for hit in hits}
        hits = hits + [
            Hit(clause=clause, document=meta[doc_id], score=0.0)
            for doc_id in doc_ids
            for clause in archive.clauses(doc_id)
            if clause.clause_id not in found
            and cites(clause, reading.cited_kind)
            and (kept is None or clause.clause_id in kept)
        ]
    if not hits:
        hits = [
            Hit(clause=clause, document=meta[doc_id], score=0.0)
            for doc_id in doc_ids
            for clause in archive.clauses(doc_id)
            if clause.section is Section.OPERATIVE
        ]
    scorer.bare = across
    ranked = scorer.score(hits)
    if (
        reading.asks_cited and reading.names_two_texts
    ):  # "does Resolution 101 rely on D.50, and where"
        ranked = citing_the_other(ranked, reading, listed=not reading.narrowed)
    elif reading.asks_cited:
        ranked = citing_first(ranked, reading.cited_kind, listed=not reading.narrowed)
    elif reading.action_lines or reading.names_two_texts:
        ranked = citing_the_other(ranked, reading)
    elif reading.article:  # "what does the 24/7 network article require": that article answers
        ranked = within_article(ranked, reading.article)
    if reading.article:
        ranked = article_whole(ranked, reading.article, asks_more=bool(reading.terms))
    if comparing and (reading.change_side or reading.only_changes):
        new = novelty(archive, [c.hit for c in ranked], doc_ids)
        if reading.change_side:  # what was added or dropped: new wording first
            ranked = most_novel_first(ranked, new)
        if reading.only_changes:  # the list of what was added, dropped or rewritten
            ranked = in_reading_order(substantive(ranked, new))
    # A question that names a document is answered from it. Asked what the text says of
    # something, in its own language, only when its best clauses read close enough to the
    # question; asked what it cites, what a revision changed, or nothing of its own beyond the
    # text ("when was the UDHR adopted?"), or across languages, its best clauses answer. So do
    # the operative clauses addressed to whom the question names ("what is the
    # Secretary-General asked to circulate under Resolution 32"), whatever their wording.
    by_wording = len(reading.terms) >= 2 and not (
        across or comparing or reading.asks_cited or reading.names_two_texts or reading.action_lines
    )

    def supported(c: Candidate) -> float:
        if by_wording and not addressed_as_asked(reading, c.hit.clause):
            return c.evidence + NAMED_LIFT
        return NAMED_SUPPORT

    return [replace(c, support=max(c.support, supported(c))) for c in ranked]


def addressed_as_asked(reading: Reading, clause: Clause) -> bool:
    """An operative clause addressed to whom the question names (`Reading.addressee`)."""
    return (
        reading.addressee is not None
        and clause.section is Section.OPERATIVE
        and clause.addressee == reading.addressee
    )


def lead_clauses(
    archive: ArchiveReader, doc_ids: tuple[str, ...], meta: dict[str, DocumentMeta]
) -> list[Hit]:
    """What a text does: its first operative paragraphs, their items left out ("1. Decides to
    establish …", "2. Adopts the Convention …"); none for a text without operative clauses."""
    if len(doc_ids) != 1:
        return []
    (doc_id,) = doc_ids
    lead: list[Hit] = []
    for clause in archive.clauses(doc_id):
        if clause.section is not Section.OPERATIVE or _item_of(clause.clause_id, lead):
            continue
        lead.append(Hit(clause=clause, document=meta[doc_id], score=1.0))
        if len(lead) == LEAD_CLAUSES:
            break
    return lead


def _item_of(clause_id: str, lead: list[Hit]) -> bool:
    """The clause is an item of one already taken ("…/operative/3/a" of "…/operative/3")."""
    return any(is_item_of(clause_id, hit.clause.clause_id) for hit in lead)


def prefer_language(items: list[Candidate], language: str) -> list[Candidate]:
    """Of a work present in several languages, keep one: the question's, else English."""
    languages: dict[str, set[str]] = {}
    for candidate in items:
        meta = candidate.hit.document
        languages.setdefault(work_of(meta.doc_id), set()).add(meta.language)

    def wanted(work: str) -> str:
        present = languages[work]
        for choice in (language, "en"):
            if choice in present:
                return choice
        return sorted(present)[0]

    return [c for c in items if c.hit.document.language == wanted(work_of(c.hit.document.doc_id))]
