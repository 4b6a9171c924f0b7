"""Quote selection: the sentence or sentences of a clause that best answer the question."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rescite.answer.question import abbreviations_in, content_terms

SHORT_CLAUSE = 420  # a clause this short is quoted whole
_END = re.compile(r"[.;!?。；！？](?=\s|$)|[。；！？]")
_ABBREVIATION_WORDS = "no res rev para paras art arts e.g i.e vol doc dec rec nos ch sect cf etc"
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


@dataclass(frozen=True)
class Span:
    start: int  # offsets in the clause text
    end: int


def sentences(text: str) -> list[Span]:
    """Sentence spans of a clause text, leading/trailing whitespace excluded."""
    spans: list[Span] = []
    begin = 0
    for match in _END.finditer(text):
        word = re.search(r"([\w.]+)\.?$", text[begin : match.start() + 1])
        token = (word.group(1) if word else "").lower().rstrip(".")
        if match.group(0) == "." and (token in _ABBREVIATIONS or len(token) == 1):
            continue
        spans.append(Span(begin, match.end()))
        begin = match.end()
    spans.append(Span(begin, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, span)) is not None]


def _trim(text: str, span: Span) -> Span | None:
    piece = text[span.start : span.end]
    if not piece.strip():
        return None
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    return Span(span.start + lead, span.end - trail)


def stems(terms: Iterable[str]) -> set[str]:
    """Crude language-neutral stems: 5-letter prefixes; CJK runs become character bigrams."""
    out: set[str] = set()
    for term in terms:
        if re.fullmatch(r"[\u4e00-\u9fff]+", term):
            out.update(term[i : i + 2] for i in range(max(len(term) - 1, 1)))
        else:
            out.add(term[:5])
    return out


def coverage(question_terms: Sequence[str], text: str, abbreviations: Sequence[str] = ()) -> float:
    """Share of the question's content stems present in the text (0..1). A term the text
    abbreviates counts as present ("open-ended working group" for "OEWG"), and so does one of
    the question's `abbreviations` that the text spells out."""
    wanted = stems(question_terms)
    if not wanted:
        return 0.0
    terms = content_terms(text)
    have = stems(terms) | stems(abbreviated(question_terms, text, terms, abbreviations))
    return len(wanted & have) / len(wanted)


def _initials(terms: Sequence[str]) -> dict[str, Sequence[str]]:
    """Runs of 3 to 6 consecutive words, as long as an abbreviation, by their initials ("ict":
    information, communication, technologies)."""
    return {
        "".join(term[0] for term in terms[i : i + n]): terms[i : i + n]
        for n in range(3, 7)
        for i in range(len(terms) - n + 1)
    }


def abbreviated(
    question_terms: Sequence[str],
    text: str,
    text_terms: Sequence[str],
    abbreviations: Sequence[str],
) -> set[str]:
    """The question's terms that the text carries in another form: words whose initials spell
    an abbreviation of the text, and abbreviations that the text spells out or writes in the
    singular ("ICTs", "ICT")."""
    in_text = set(abbreviations_in(text))
    out: set[str] = set()
    if in_text:  # most clauses abbreviate nothing: the question's runs are not needed
        question_runs = _initials(question_terms)
        if abbreviations:  # "World Telecommunication/ICT Policy Forum" is WTPF: skipping "ict"
            skipping = [term for term in question_terms if term not in abbreviations]
            question_runs = {**_initials(skipping), **question_runs}
        out.update(term for found in in_text for term in question_runs.get(found, ()))
    if abbreviations:
        text_runs = _initials(text_terms)
        out.update(
            term
            for term in abbreviations
            if (bare := term.removesuffix("s")) in in_text or term in text_runs or bare in text_runs
        )
    return out


def select_quote(
    clause_text: str,
    question_terms: Sequence[str],
    similarities: Sequence[float] | None = None,
    abbreviations: Sequence[str] = (),
) -> list[Span]:
    """Candidate quote spans, best first: the whole clause when short, else the best sentences.

    `similarities` (optional) gives a vector similarity per sentence, in `sentences()` order;
    `abbreviations`, the question's terms written in capitals (see `coverage`).
    """
    spans = sentences(clause_text)
    whole = _trim(clause_text, Span(0, len(clause_text)))
    if whole is None:
        return []
    if len(clause_text) <= SHORT_CLAUSE or len(spans) <= 1:
        return [whole, *spans] if len(spans) > 1 else [whole]
    scores = [
        coverage(question_terms, clause_text[span.start : span.end], abbreviations)
        + (similarities[i] if similarities and i < len(similarities) else 0.0)
        for i, span in enumerate(spans)
    ]
    order = sorted(range(len(spans)), key=lambda i: -scores[i])
    best = order[0]
    candidates = [spans[i] for i in order]
    if spans[best].end - spans[best].start < 80 and best + 1 < len(spans):
        candidates.insert(0, Span(spans[best].start, spans[best + 1].end))
    return candidates
