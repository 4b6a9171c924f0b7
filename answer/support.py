"""How well a clause supports an answer: the raw signal refusal thresholds on, and the ranking.

support = vector similarity (question vs clause) blended with lexical coverage of the question's
content words; across scripts coverage is zero and the vector similarity carries the signal.
Ranking adds the delegate's intent: operative clauses with mandate verbs first when asked
"which resolutions mandate ...", the named addressee's section, and clauses that state the
kind of fact the question asks for (a count, a date, an amount): development R@10 0.823 ->
0.832, 18 questions moved, one down (an MRR of 0.05 to 0).

A candidate's evidence is its rank before those adjustments (both encoders, coverage, retrieval
position). A named document's clauses are supported by it, lifted by `NAMED_LIFT`, where the
question asks what the text says (`answer/retrieve.py`): a named text that does not say what
is asked is refused. Development refusal accuracy 0.735 -> 0.804, cit. R 0.619 -> 0.603.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rescite.answer.answer_type import counts_what_is_asked, gives
from rescite.answer.protocols import TextEmbedder
from rescite.answer.question import Reading, bare_keyword, content_terms, verb_matches
from rescite.answer.quotes import coverage
from rescite.core.records import Clause, Hit, Section

MANDATE_BONUS = 0.08
PREAMBLE_PENALTY = 0.06
CONTEXT_PENALTY = 0.03  # any question without a named document: preambles are context
ADDRESSEE_BONUS = 0.06
RANK_PRIOR = 0.05
NAMED_SUPPORT = 0.5  # the clauses of an article named whole answer their question
NAMED_LIFT = 0.05  # a named document's clause is supported by its evidence, lifted this much
GLOSSARY_WEIGHT = 0.5
ARTICLE_BONUS = 0.15  # the clause sits in the article the question names
TITLE_PENALTY = 0.1  # a title names the subject; the clauses carry what is decided
FACT_BONUS = 0.05  # the clause states the kind of fact the question asks for
HEADING_CHARS = 40  # shorter clauses are bare headings (an article number and title)
WIDE = 3  # a Chinese character says about as much as three Latin letters
_WIDE_CHARS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HEADING_WORDS = 20  # a clause this short that repeats the title's first words is a heading
# A list's item, after its margin number if any ("1) …", "296 a) …", "(e) …"): however short,
# it says something.
_ITEM = re.compile(
    r"^\s*(?:\d{1,4}[A-Z]{0,2}(?: bis| ter)?\s+)?(?:\(?[a-z]{1,4}\)|\(?\d{1,3}\))\s+\S"
)
EMBED_CHARS = 400  # clause text embedded for the support score (cost grows with length)
EMBED_TOP = 12  # without stored vectors, only the top clauses are embedded
BARE_TOP = 50  # across languages, the top clauses are embedded without their context

StoredVectors = Callable[[Sequence[str]], dict[str, np.ndarray]]
SecondSimilarities = Callable[[str, Sequence[str]], dict[str, float] | None]
LateScores = Callable[[str, Sequence[str]], list[float] | None]


def stored_vectors_of(archive: object) -> StoredVectors | None:
    """The archive's lookup of clause vectors as indexed, when it has one."""
    found = getattr(archive, "clause_vectors", None)
    return found if callable(found) else None


def paraphrase_similarities_of(archive: object) -> SecondSimilarities | None:
    """The archive's similarities by its English encoder (the ranking encoder, or the
    paraphrase encoder's stored vectors), when it has one."""
    found = getattr(archive, "paraphrase_similarities", None)
    return found if callable(found) else None


def late_scores_of(archive: object) -> LateScores | None:
    """The archive's late-interaction scoring by its English paraphrase encoder, when it has
    one."""
    found = getattr(archive, "late_scores", None)
    return found if callable(found) else None


@dataclass(frozen=True)
class Candidate:
    hit: Hit
    support: float  # 0..1, the raw evidence signal
    rank: float  # evidence plus intent adjustments; orders citations
    direct: bool = False  # the question named this clause's document and section
    listed: bool = False  # an item of the list asked for: it cites the text asked about
    evidence: float = 0.0  # rank before the intent: both encoders, coverage, retrieval position


def split_per_document(
    items: Sequence[Candidate], limit: int
) -> tuple[list[Candidate], list[Candidate]]:
    """The items in order, split into each document's first `limit` and the rest."""
    seen: dict[str, int] = {}
    head: list[Candidate] = []
    tail: list[Candidate] = []
    for candidate in items:
        doc_id = candidate.hit.document.doc_id
        seen[doc_id] = seen.get(doc_id, 0) + 1
        (head if seen[doc_id] <= limit else tail).append(candidate)
    return head, tail


def similarities(embedder: TextEmbedder | None, question: str, texts: Sequence[str]) -> list[float]:
    """Cosine similarity of the question to each text (zeros without an embedder)."""
    if embedder is None or not texts:
        return [0.0] * len(texts)
    query = np.asarray(embedder.embed_query(question), dtype=np.float32)
    clipped = [text[:EMBED_CHARS] for text in texts]
    rows = np.asarray(embedder.embed_documents(clipped), dtype=np.float32)
    return [max(float(value), 0.0) for value in rows @ query]


def support_of(similarity: float, lexical: float, has_vectors: bool) -> float:
    if not has_vectors:
        return lexical
    return max(similarity, (similarity + lexical) / 2)


# Operative keywords that ask someone to act; "reaffirms", "notes", "welcomes" and the like
# are operative too, but they mandate nothing.
_MANDATING = (
    "decide", "request", "call", "urge", "instruct", "invite", "encourage", "resolve",
    "recommend", "direct", "authorize", "establish", "adopt", "designate", "proclaim", "charge",
    "task", "demand", "appeal", "approve", "endorse", "declare",
)  # fmt: skip
# A General Assembly resolution's closing paragraphs put the item on a later agenda: procedure,
# not a mandate on the question asked.
_PROCEDURAL = re.compile(
    r"provisional agenda of its|(?:examine|consider) the question at its|remain seized|"
    r"costs? (?:that )?(?:may )?aris\w* [^.;]{0,80}met from voluntary contributions",
    re.IGNORECASE,
)


def mandates(keyword: str | None) -> bool:
    """The operative keyword asks for action ("requests", "also urges", "resolves to instruct")."""
    return bare_keyword(keyword or "").startswith(_MANDATING)


# A paragraph that notes or welcomes, then asks for action in the same sentence ("Notes the
# progress of the programme, and encourages Member States to support it"), or opens with a
# condition ("Pending the review, urges …"; examples of ours).
_THEN_MANDATES = re.compile(
    r",\s+(?:and\s+)?(?:also\s+|further\s+|strongly\s+)?(?:encourages|urges|requests|calls\s+upon|"
    r"invites|decides|recommends|demands|appeals|authorizes)\b",
    re.IGNORECASE,
)


def asks_action(clause: Clause) -> bool:
    """The clause's operative keyword, or its opening words where it has none, mandates; or
    the paragraph asks for action after noting or welcoming something, or after a condition."""
    return mandates(clause.keyword_en or _first_words(clause.text)) or bool(
        _THEN_MANDATES.search(clause.text)
    )


def _first_words(text: str) -> str:
    """The clause's opening words after its number ("2. Decides to ..." -> "decides to ...")."""
    return re.sub(r"^(?:\s*(?:\(?[0-9ivxlc]+[.)]|\(?[a-z][.)]|[\W_]))*\s*", "", text[:60].lower())


def is_list_item(text: str) -> bool:
    """The text opens as a list's item ("1) …", "296 a) …", "(e) …")."""
    return _ITEM.match(text) is not None


def is_heading(hit: Hit) -> bool:
    """A bare heading: an article number and title, or a line that only restates the
    document's title (an annex headed with the convention's name); never an item of a list."""
    text = hit.clause.text
    if is_list_item(text):
        return False
    if len(text) + (WIDE - 1) * len(_WIDE_CHARS.findall(text)) < HEADING_CHARS:
        return True
    words = _words(text)
    return len(words) <= HEADING_WORDS and words == _words(hit.document.title or "")[: len(words)]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def intent_adjustment(reading: Reading, hit: Hit) -> float:
    clause = hit.clause
    bonus = 0.0
    if reading.mandate or reading.survey:
        if clause.section is Section.OPERATIVE:
            if _PROCEDURAL.search(clause.text):
                bonus -= PREAMBLE_PENALTY
            elif not reading.mandate or asks_action(clause):
                bonus += MANDATE_BONUS
        elif clause.section is Section.PREAMBLE:
            bonus -= PREAMBLE_PENALTY
    elif not reading.refs and clause.section is Section.PREAMBLE:
        bonus -= CONTEXT_PENALTY
    if clause.section in (Section.TITLE, Section.FORMULA) or is_heading(hit) or in_foreword(clause):
        bonus -= TITLE_PENALTY
    if reading.addressee and clause.addressee == reading.addressee:
        bonus += ADDRESSEE_BONUS
    if reading.verb and clause.keyword_en and verb_matches(reading.verb, clause.keyword_en):
        bonus += ADDRESSEE_BONUS / 2
    if reading.article and in_article(clause.clause_id, reading.article):
        bonus += ARTICLE_BONUS
    asked = reading.asks_for
    if asked and gives(asked, clause.text) and counts_what_is_asked(reading.question, clause.text):
        bonus += FACT_BONUS
    return bonus


def in_foreword(clause: Clause) -> bool:
    """The ITU's standard foreword to a Recommendation (what ITU-T is, intellectual property,
    copyright): the same in every one, saying nothing of the Recommendation's subject."""
    return "/foreword/" in clause.clause_id


def in_article(clause_id: str, number: str) -> bool:
    return f"/article-{number}/" in clause_id or clause_id.endswith(f"/article-{number}")


@dataclass
class Scorer:
    """Scores hits against one question, embedding the question once however often it is asked.

    Similarity comes from the vectors stored at ingest (every hit, no model call) when the
    archive has them, else from embedding the top hits' text. Where the archive's English
    encoder reads the question and the clause (both English, the question asking for no
    cross-reference), clauses are ranked by the mean of the two encoders' similarities, while
    the support an answer is refused on keeps the first encoder's alone. Development set, with
    the paraphrase encoder (all-MiniLM-L6-v2): paraphrases with a gold clause in the top 10
    0.53 -> 0.72, refusals unchanged; with the ranking encoder in its place
    (all-mpnet-base-v2, index/rerank.py) all questions' R@10 0.849 -> 0.864. MiniLM averaged
    into the support too, 29% of paraphrases were falsely refused instead of 52%, but 66% of
    unanswerable questions refused instead of 74%, at the best threshold for both; mpnet in
    the support lowered held-out refusal accuracy 0.50 -> 0.33.
    """

    reading: Reading
    embedder: TextEmbedder | None
    stored: StoredVectors | None = None
    paraphrase: SecondSimilarities | None = None
    # Across languages the stored vectors, which carry the document's context, rank a named
    # document's clauses alike: embed the clauses' own text instead.
    bare: bool = False
    _query: np.ndarray | None = field(default=None, init=False, repr=False)

    def _query_vector(self, embedder: TextEmbedder) -> np.ndarray:
        if self._query is None:
            self._query = np.asarray(embedder.embed_query(self.reading.focus), dtype=np.float32)
        return self._query

    def similarities(self, hits: Sequence[Hit]) -> list[float]:
        if self.embedder is None or not hits:
            return [0.0] * len(hits)
        if self.stored is None or self.bare:
            top = BARE_TOP if self.bare else EMBED_TOP
            texts = [hit.clause.text for hit in hits[:top]]
            head = similarities(self.embedder, self.reading.focus, texts)
            return head + [0.0] * (len(hits) - len(head))
        query = self._query_vector(self.embedder)
        vectors = self.stored([hit.clause.clause_id for hit in hits])
        return [
            max(float(vectors[hit.clause.clause_id] @ query), 0.0)
            if hit.clause.clause_id in vectors
            else 0.0
            for hit in hits
        ]

    def ranking_similarities(self, hits: Sequence[Hit], found: list[float]) -> list[float]:
        """`found` averaged with the English encoder's similarities, where it reads both the
        question and the clause (English) and the question asks for no cross-reference nor
        names two texts (it weighs the numbers in "does A/RES/79/243 mention 74/247" over their
        meaning); the refusal's support keeps `found` alone. Within one named text it ranks
        too: development R@10 0.803 -> 0.807, citation P 0.776 -> 0.779, R 0.598 -> 0.603 (8
        questions gained, 2 lost)."""
        reading = self.reading
        english = reading.language == "en" and not (reading.crossref or reading.names_two_texts)
        if self.paraphrase is None or not english or self.stored is None or self.bare:
            return found
        second = self.paraphrase(reading.focus, [hit.clause.clause_id for hit in hits])
        if not second:
            return found
        return [
            (first + second[hit.clause.clause_id]) / 2 if hit.clause.clause_id in second else first
            for first, hit in zip(found, hits, strict=True)
        ]

    def lexical(self, hit: Hit) -> float:
        """Coverage of the question's words; of an English clause by a Chinese question, of the
        English names of its ITU and UN terms (answer/glossary.py), at half weight: a term's
        translation is weaker evidence than the question's own word."""
        reading = self.reading
        if reading.english and hit.document.language == "en":
            return GLOSSARY_WEIGHT * coverage(content_terms(reading.english), hit.clause.text)
        return coverage(reading.terms, hit.clause.text, reading.abbreviations)

    def score(self, hits: Sequence[Hit]) -> list[Candidate]:
        """Candidates with support and rank, best rank first."""
        reading = self.reading
        out: list[Candidate] = []
        found = self.similarities(hits)
        ranking = self.ranking_similarities(hits, found)
        has_vectors = self.embedder is not None
        for position, (hit, sim, rank_sim) in enumerate(zip(hits, found, ranking, strict=True)):
            lexical = self.lexical(hit)
            support = support_of(sim, lexical, has_vectors)
            evidence = support_of(rank_sim, lexical, has_vectors) + RANK_PRIOR / (1 + position)
            rank = evidence + intent_adjustment(reading, hit)
            out.append(Candidate(hit, support, rank, evidence=evidence))
        return sorted(out, key=lambda candidate: -candidate.rank)
