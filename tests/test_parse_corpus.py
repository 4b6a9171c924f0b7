"""The parser over the whole corpus: every file parses, the invariants hold, ids are stable,
and UNGA operative paragraphs agree with a third party's extraction.

Reference comparison (raw/unga-78-80-text/*.json, field `paragraphs`, keyed by paragraph
number): a reference paragraph is *found* when the clause with the same number (operative,
or a numbered annex paragraph), joined with its sub-items, has a token overlap >= 0.9
(`reference_overlap`: difflib ratio on lowercased word tokens). The reference has its own
errors (stray footnote blocks and running headers inside paragraphs, the closing "Nth
plenary meeting" line): those are taken out of the reference before comparing, and the
resolution's title (running header) out of both sides. Precision: the share of our numbered
operative paragraphs that match the reference paragraph with the same number.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rescite.answer.citations import NAMED_PARTS
from rescite.core.errors import InputError, NoTextLayer
from rescite.core.records import ParsedDocument, Section
from rescite.ingest.load import iter_files, read_file
from rescite.ingest.parse import parse
from rescite.ingest.parse_check import layout_problems, reference_overlap, uncovered

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Corpus:
    parsed: dict[str, list[ParsedDocument]]  # by file path
    failures: dict[str, InputError]


@pytest.fixture(scope="module")
def parsed_corpus(documents: Path) -> Corpus:
    parsed: dict[str, list[ParsedDocument]] = {}
    failures: dict[str, InputError] = {}
    for path in iter_files([documents / "core", documents / "bulk", documents / "problem"]):
        try:
            parsed[str(path)] = [parse(doc) for doc in read_file(path, max_bytes=MAX_BYTES)]
        except InputError as error:
            failures[str(path)] = error
    return Corpus(parsed, failures)


def _all(corpus: Corpus) -> Iterator[ParsedDocument]:
    for items in corpus.parsed.values():
        yield from items


def test_every_core_and_bulk_file_parses_into_clauses(parsed_corpus: Corpus) -> None:
    failed = [path for path in parsed_corpus.failures if "/problem/" not in path]
    assert failed == []
    assert len(parsed_corpus.parsed) >= 940
    empty = [
        doc.document.meta.doc_id
        for doc in _all(parsed_corpus)
        if not any(
            c.section in {Section.OPERATIVE, Section.BODY, Section.ANNEX} for c in doc.clauses
        )
    ]
    assert empty == []


def test_the_scanned_page_gets_its_error(parsed_corpus: Corpus) -> None:
    problem = [error for path, error in parsed_corpus.failures.items() if "/problem/" in path]
    assert len(problem) == 1
    assert isinstance(problem[0], NoTextLayer)
    assert "OCR it first" in problem[0].message


def test_layout_invariants_hold_for_every_document(parsed_corpus: Corpus) -> None:
    problems = {
        doc.document.meta.doc_id: layout_problems(doc)[:3]
        for doc in _all(parsed_corpus)
        if layout_problems(doc)
    }
    assert problems == {}


def test_text_between_clauses_is_only_headings(parsed_corpus: Corpus) -> None:
    """Keyword headings, article headings, history and closing lines: short, never prose."""
    long_gaps = [
        (doc.document.meta.doc_id, len(gap.split()))
        for doc in _all(parsed_corpus)
        for gap in uncovered(doc)
        if len(gap.split()) > 40
    ]
    print(f"gaps over 40 words: {len(long_gaps)}", long_gaps[:10])
    assert len(long_gaps) <= 10


def test_an_unnumbered_operative_paragraph_concludes_the_resolution(
    parsed_corpus: Corpus,
) -> None:
    """A General Assembly resolution's one unnumbered operative paragraph ("Takes note of the
    report …", "Decides:") follows the preamble and ends with a full stop or a colon (or follows
    the formula directly); a page's running head ("Commodities") or the rest of a preambular
    paragraph ("Systems, established under …,") is not one, though its first word ends in -s."""
    unnumbered = [
        clause
        for doc in _all(parsed_corpus)
        if doc.document.meta.doc_id.startswith("unga/")
        for before, clause in zip(doc.clauses, doc.clauses[1:], strict=False)
        if clause.clause_id == f"{clause.doc_id}/operative"
        and before.section is not Section.FORMULA
    ]
    assert len(unnumbered) >= 8
    first_paragraphs = [re.split(r"\n\s*\n", clause.text)[0].strip() for clause in unnumbered]
    assert [p for p in first_paragraphs if not re.search(r"[.:][”\"]?\s*\d{0,3}$", p)] == []


def _resolutions_in_english(corpus: Corpus) -> list[ParsedDocument]:
    return [
        doc
        for doc in _all(corpus)
        if doc.document.meta.doc_id.startswith("unga/a-res-")
        and doc.document.meta.doc_id.endswith("/en")
    ]


# A preambular paragraph's end: a comma, semicolon, colon or full stop, perhaps a closing quote
# and a footnote mark after it.
_PREAMBLE_END = re.compile(r"[.:,;][”’\"')\]]?\s*[\d*]{0,3}\s*$")


def test_a_general_assembly_resolution_keeps_its_formula_and_whole_paragraphs(
    parsed_corpus: Corpus,
) -> None:
    """The formula is found even under a title ending "… in the General Assembly" (it is no
    running head), so the masthead is never a preambular paragraph; nor is a footnote whose line
    ends "Sales No."; a preambular paragraph a
    page break cut is one clause; a part's heading ("II", its title) and the closing "Nth
    (resumed) plenary meeting" are glued to no clause."""
    resolutions = _resolutions_in_english(parsed_corpus)
    assert len(resolutions) >= 800
    without_formula = [
        doc.document.meta.doc_id
        for doc in resolutions
        if re.search(r"(?m)^The General Assembly,?$", doc.document.text)
        and not any(c.section is Section.FORMULA for c in doc.clauses)
    ]
    assert without_formula == []
    preambles = [[c for c in doc.clauses if c.section is Section.PREAMBLE] for doc in resolutions]
    masthead = [p[0].clause_id for p in preambles if p and "Distr.:" in p[0].text]
    assert masthead == []
    notes = [  # a footnote ("3 Report of the …", "4 Resolution 70/1.") is no preambular paragraph
        c.clause_id
        for clauses in preambles
        for c in clauses
        if re.match(r"\d{1,3} (?:Resolution|Report|United Nations|Official Records|See)\b", c.text)
    ]
    assert notes == []
    cut = [
        (before.clause_id, after.clause_id)
        for clauses in preambles
        for before, after in itertools.pairwise(clauses)
        if not _PREAMBLE_END.search(before.text) and after.keyword is None
    ]
    assert cut == []
    glued = [
        c.clause_id
        for doc in resolutions
        for c in doc.clauses
        if re.search(r"\n[IVXL]{1,5}\n", c.text) and c.section is Section.OPERATIVE
    ]
    print(f"operative clauses holding a part's heading: {glued}")
    assert len(glued) <= 4  # budget parts whose one paragraph is unnumbered ("Approves …")
    closing = [
        c.clause_id
        for doc in resolutions
        for c in doc.clauses
        if re.search(r"plenary meeting\s+\d{1,2} \w+ \d{4}\s*$", c.text)
    ]
    assert closing == []


def test_clause_ids_are_unique_across_the_corpus_and_stable(parsed_corpus: Corpus) -> None:
    ids = [c.clause_id for doc in _all(parsed_corpus) for c in doc.clauses]
    assert len(ids) == len(set(ids))
    again = [c.clause_id for doc in _all(parsed_corpus) for c in parse(doc.document).clauses]
    assert again == ids


def _clean_reference(text: str) -> str:
    """Take the reference's stray footnote blocks and running headers out."""
    text = re.sub(r"\s+\d+(?:st|nd|rd|th) plenary meeting.*$", "", text)
    pieces, position = [], 0
    for bar in re.finditer(r"_{5,}", text):
        if bar.start() < position:
            continue
        pieces.append(text[position : bar.start()])
        symbol = re.search(r"A/RES/\S+", text[bar.end() : bar.end() + 4000])
        if symbol is None:
            position = len(text)
            break
        tail_start = bar.end() + symbol.end()
        last = 0
        for token in re.finditer(
            r"\d{2}-\d{5}|\b\d{1,3}/\d{1,3}\b", text[tail_start : tail_start + 40]
        ):
            last = token.end()
        position = tail_start + last
    pieces.append(text[position:])
    joined = " ".join(pieces)
    return re.sub(r"A/RES/\S+|\b\d{2}-\d{5}\b|\b\d{1,3}/\d{1,3}\b(?=\s)", "", joined)


def _numbered_paragraphs(doc: ParsedDocument) -> dict[tuple[str, str], str]:
    paragraphs: dict[tuple[str, str], list[str]] = {}
    for clause in doc.clauses:
        path = clause.clause_id[len(clause.doc_id) + 1 :].split("/")
        if path[0] in {"operative", "annex"} and len(path) >= 2 and path[1].isdigit():
            paragraphs.setdefault((path[0], path[1]), []).append(clause.text)
    return {key: " ".join(texts) for key, texts in paragraphs.items()}


def test_unga_operative_paragraphs_match_the_reference_extraction(
    parsed_corpus: Corpus, corpus: Path
) -> None:
    found = total = ours = ours_matched = 0
    for record_path in sorted((corpus / "raw" / "unga-78-80-text").glob("*.json")):
        record = json.loads(record_path.read_text(encoding="utf-8"))
        reference = record.get("paragraphs") or {}
        docs = parsed_corpus.parsed.get(
            str(corpus / "documents" / "bulk" / f"{record_path.stem}.txt")
        )
        if not docs or not reference:
            continue
        title = re.sub(r"^\S+\.\s+", "", record.get("title") or "")

        def strip_title(text: str, title: str = title) -> str:
            text = " ".join(text.split())
            return text.replace(title, " ") if len(title) > 15 else text

        paragraphs = _numbered_paragraphs(docs[0])
        matched: set[tuple[str, str]] = set()
        for number, theirs in reference.items():
            total += 1
            theirs_clean = strip_title(_clean_reference(theirs))
            hits = [
                key
                for key in (("operative", number), ("annex", number))
                if key in paragraphs
                and reference_overlap(
                    re.sub(r"^\d+\.\s*", "", strip_title(paragraphs[key])), theirs_clean
                )
                >= 0.9
            ]
            matched.update(hits)
            found += bool(hits)
        numbered = [key for key in paragraphs if key[0] == "operative"]
        ours += len(numbered)
        ours_matched += sum(1 for key in numbered if key in matched)
    recall, precision = found / total, ours_matched / ours
    print(
        f"UNGA reference paragraphs: {total}; recall {recall:.4f} ({found}/{total}); "
        f"precision {precision:.4f} ({ours_matched}/{ours})"
    )
    assert total >= 20000
    assert recall >= 0.95
    assert precision >= 0.95


def test_an_itu_t_recommendation_is_read_without_the_publishers_pages(
    parsed_corpus: Corpus,
) -> None:
    """The cover, the series' list, the history, the contents and the back page are no clause;
    the summary, foreword, introduction, sections and bibliography are, in every language."""
    versions = {
        doc.document.meta.language: doc
        for doc in _all(parsed_corpus)
        if doc.document.meta.doc_id.startswith("itu-t/rec-e-119/")
    }
    assert set(versions) == {"ar", "en", "es", "fr", "ru"}
    front: dict[str, list[str]] = {}
    for language, doc in versions.items():
        lines = {line.strip() for line in doc.document.text.splitlines()}
        paths = [c.clause_id.removeprefix(doc.document.meta.doc_id + "/") for c in doc.clauses]
        texts = [" ".join(c.text.split()) for c in doc.clauses]
        assert paths[0] == "title" and "E.119" in texts[0], language
        assert [p for p in paths if p.startswith("body/section-7.7/")] == [
            f"body/section-7.7/{n}" for n in (1, 2, 3)
        ], language
        front[language] = [
            p for p in paths if p.startswith("body/") and p.split("/")[1] in NAMED_PARTS
        ]
        assert {p.split("/")[1] for p in front[language]} == set(NAMED_PARTS), language
        listed = [t for t in texts if re.fullmatch(r"[A-Z]\.\d+\s*[–-]\s*[A-Z]\.\d+", t)]
        series = [t for t in texts if re.match(r"\S+\s+[A-Z](?:\s|$)", t)]
        contents = [
            t for t in texts if (m := re.fullmatch(r"(.+\S)\s+\d{1,3}", t)) and m.group(1) in lines
        ]
        assert (listed, series, contents) == ([], [], []), language
    without_bibliography = {
        language: [p for p in paths if "/bibliography/" not in p]
        for language, paths in front.items()
    }
    assert len({tuple(paths) for paths in without_bibliography.values()}) == 1


def _parsed(corpus: Corpus, doc_id: str) -> ParsedDocument:
    return next(doc for doc in _all(corpus) if doc.document.meta.doc_id == doc_id)


def test_wtsa_resolution_1_rules_are_clauses_of_their_own(parsed_corpus: Corpus) -> None:
    """ "SECTION 1" to "SECTION 9" of the rules it resolves: a clause per numbered provision, its
    items below it, no section heading as a clause (they were once one 65,000-character item)."""
    doc = _parsed(parsed_corpus, "itu-wtsa/res-1/rev-hammamet-2016/en")
    resolves = _resolves(doc)
    assert {"1.6", "1.10/a", "1bis.2.1", "7.2.3/b", "9.4.5", "9.8.2.2"} <= set(resolves)
    assert all(
        text.startswith(number.split("/")[0])
        for number, text in resolves.items()
        if "/" not in number and not number.startswith("figure-")
    )
    assert max(len(c.text) for c in doc.clauses) < 3000
    assert not [c for c in doc.clauses if re.match(r"SECTION\s+\d", c.text, re.IGNORECASE)]


def _resolves(doc: ParsedDocument) -> dict[str, str]:
    """WTSA Resolution 1's rules by their place in "resolves": {"9.4.5": text}."""
    return {
        c.clause_id.rsplit("/operative/resolves/", 1)[1]: c.text
        for c in doc.clauses
        if "/operative/resolves/" in c.clause_id
    }


def test_wtsa_resolution_1_figures_are_clauses_of_their_own(parsed_corpus: Corpus) -> None:
    """A figure's caption, and the notes above it (Figure 9.1 has ten), were the end of the
    provision before the figure (9.8.2.2 read as the figure's notes)."""
    resolves = _resolves(_parsed(parsed_corpus, "itu-wtsa/res-1/rev-hammamet-2016/en"))
    assert {"figure-7.1a", "figure-7.1b", "figure-9.1"} <= set(resolves)
    assert resolves["figure-7.1a"].startswith("Figure 7.1a")
    assert resolves["figure-9.1"].startswith("NOTE 1 ")
    assert resolves["figure-9.1"].splitlines()[-1].startswith("Figure 9.1")
    assert len(re.findall(r"^NOTE \d+ ", resolves["figure-9.1"], re.MULTILINE)) == 10
    provisions = [text for number, text in resolves.items() if not number.startswith("figure-")]
    assert not [t for t in provisions if re.search(r"^(?:NOTE \d|Figure \d)", t, re.MULTILINE)]


def test_a_provision_numbered_before_a_roman_item_is_its_own(parsed_corpus: Corpus) -> None:
    """Convention Nos. 269B-269D ("269B ii) …") and 298C
    were unnumbered paragraphs, 269D inside 269C and 298C inside 297 bis."""
    doc = _parsed(parsed_corpus, "itu/convention/geneva-1992/en")
    labels = {c.clause_id.removeprefix(doc.document.meta.doc_id): c.label for c in doc.clauses}
    assert labels["/body/article-23/1/d/ii"] == "Article 23, 1 d) ii) (No. 269B)"
    assert labels["/body/article-23/1/d/iv"] == "Article 23, 1 d) iv) (No. 269D)"
    assert labels["/body/article-25/1/c/ii"] == "Article 25, 1 c) ii) (No. 298C)"


def test_the_udhr_has_its_preamble_in_every_language(parsed_corpus: Corpus) -> None:
    """The Russian heading is in capitals ("ПРЕАМБУЛА"); its paragraphs were body text."""
    for language in ("ar", "en", "es", "fr", "ru", "zh"):
        doc = _parsed(parsed_corpus, f"unga/217-a-iii/{language}")
        preamble = [c for c in doc.clauses if c.section is Section.PREAMBLE]
        assert len(preamble) >= 7, language


def test_the_udhr_is_titled_whole_in_every_language(parsed_corpus: Corpus) -> None:
    """The French title was cut at its apostrophe ("… des droits de l"), in every citation."""
    for language in ("ar", "en", "es", "fr", "ru", "zh"):
        doc = _parsed(parsed_corpus, f"unga/217-a-iii/{language}")
        title = doc.document.meta.title
        assert title == doc.document.text.strip().split("\n")[0].strip(), language


def test_a_compound_heading_wrapped_over_two_lines_keeps_its_addressee(
    parsed_corpus: Corpus,
) -> None:
    """Resolution 30's "resolves to instruct ..." heading: the Bucharest text wraps it over two
    lines, which once made it a bare "resolves" with its addressee as a clause. Both revisions
    must carry the same keyword over the same items."""

    def keyword_items(doc_id: str) -> set[str]:
        return {
            c.clause_id.removeprefix(doc_id)
            for c in _parsed(parsed_corpus, doc_id).clauses
            if "/operative/resolves-to-instruct-the-secretary-general-and-the-director"
            in c.clause_id
        }

    dubai = keyword_items("itu-pp/res-30/rev-dubai-2018/en")
    bucharest = keyword_items("itu-pp/res-30/rev-bucharest-2022/en")
    assert len(dubai) >= 6
    assert dubai <= bucharest
    bare = _parsed(parsed_corpus, "itu-pp/res-30/rev-bucharest-2022/en").clauses
    assert not [c for c in bare if c.clause_id.endswith("/operative/resolves")]


def test_a_general_assembly_resolution_of_parts_numbered_afresh_cites_each_part(
    parsed_corpus: Corpus,
) -> None:
    """The budget resolutions number each part's paragraphs from 1: their clauses sit in their
    part ("operative/section-ii/1"), no two share a place, and a part of one unnumbered
    paragraph is a clause of its own (it was glued to the part before). A/RES/79/298's first
    numeral had lost the blank line under it with its title (a running head)."""
    for doc_id, parts in (("unga/a-res-78-253/en", 26), ("unga/a-res-79-298/en", 2)):
        doc = _parsed(parsed_corpus, doc_id)
        paths = [c.clause_id.removeprefix(doc_id + "/") for c in doc.clauses]
        body = [p for p in paths if p.startswith(("operative", "preamble"))]
        assert all(re.match(r"(?:operative|preamble)/section-[ivxl]+(?:/|$)", p) for p in body)
        assert len({p.split("/")[1] for p in body}) == parts
        assert not [p for p in paths if re.search(r"/\d+-\d+$", p)]
        assert {"preamble/section-i/1", "operative/section-ii/1"} <= set(paths)
    unnumbered = _parsed(parsed_corpus, "unga/a-res-78-253/en").clauses
    assert [c for c in unnumbered if c.clause_id.endswith("/operative/section-xx")]


def test_parts_numbered_on_through_a_resolution_are_not_in_its_ids(parsed_corpus: Corpus) -> None:
    """The Pact for the Future numbers its paragraphs on across its parts: cited "para. 18"."""
    doc = _parsed(parsed_corpus, "unga/a-res-79-1/en")
    paths = {c.clause_id.removeprefix("unga/a-res-79-1/en/") for c in doc.clauses}
    assert {"operative/17", "operative/18"} <= paths
    assert not [p for p in paths if "section-" in p]


def test_footnotes_under_a_bar_end_where_the_text_goes_on(parsed_corpus: Corpus) -> None:
    """A/RES/80/226: the page header under its footnotes was not recognised, and the footnote
    block ran to the next one, over para. 4 (b) and (c), para. 5 and the annex's heading;
    A/RES/73/6 lost paras. 6-14 the same way."""
    doc = _parsed(parsed_corpus, "unga/a-res-80-226/en")
    paths = {c.clause_id.removeprefix("unga/a-res-80-226/en/") for c in doc.clauses}
    assert {"operative/4/b", "operative/4/c", "operative/5", "annex/1"} <= paths
    assert not [p for p in paths if re.search(r"/\d+-\d+$", p)]
    # one paragraph per line: the notes ran to the end of the text over paras. 6-14
    doc = _parsed(parsed_corpus, "unga/a-res-73-6/en")
    paths = {c.clause_id.removeprefix("unga/a-res-73-6/en/") for c in doc.clauses}
    assert {f"operative/{number}" for number in range(1, 15)} <= paths


def test_an_item_under_an_annex_heading_of_one_line_is_an_item(parsed_corpus: Corpus) -> None:
    """Annex 2 to Decision 5 (Rev. Bucharest, 2022): its first measure, "1) …", was glued to
    the heading line above it, a line too long for a short heading."""
    doc = _parsed(parsed_corpus, "itu-pp/dec-5/rev-bucharest-2022/en")
    items = {
        c.clause_id.rsplit("/", 1)[1]
        for c in doc.clauses
        if "/annex-2/" in c.clause_id and c.clause_id.rsplit("/", 1)[1].isdigit()
    }
    assert items == {str(number) for number in range(1, 28)}


def test_operative_paragraphs_are_found_past_a_number_without_its_full_stop(
    parsed_corpus: Corpus,
) -> None:
    """A/RES/79/160's "26" and "27" and A/RES/80/167's "6" lost their full stops in the
    source: every paragraph after them was glued to the one before (29-75 into para. 25)."""
    for doc_id, last in (("unga/a-res-79-160/en", 75), ("unga/a-res-80-167/en", 25)):
        doc = _parsed(parsed_corpus, doc_id)
        paths = {c.clause_id.removeprefix(doc_id + "/") for c in doc.clauses}
        assert {f"operative/{number}" for number in range(1, last + 1)} <= paths, doc_id


def test_a_list_numbered_inside_an_operative_paragraph_is_its_items(
    parsed_corpus: Corpus,
) -> None:
    """A/RES/78/223, para. 11 approves a provisional agenda of 7 numbered items: they are items
    of para. 11 ("para. 11 (1)"), and paras. 12-24 after them are paragraphs again."""
    doc = _parsed(parsed_corpus, "unga/a-res-78-223/en")
    paths = {c.clause_id.removeprefix("unga/a-res-78-223/en/") for c in doc.clauses}
    assert {f"operative/11/{item}" for item in range(1, 8)} <= paths
    assert {f"operative/{number}" for number in range(12, 25)} <= paths
    assert not [p for p in paths if re.search(r"/\d+-\d+$", p)]


def test_sections_folded_or_run_into_the_formula_are_read(parsed_corpus: Corpus) -> None:
    """Resolution 198 (Dubai): the AKN conversion put its "invites Academia" section at the end
    of the item before it. Resolution 160 (Dubai): its formula has no comma, and ran on over
    "recalling" and its text."""
    doc = _parsed(parsed_corpus, "itu-pp/res-198/rev-dubai-2018/en")
    paths = {c.clause_id.removeprefix("itu-pp/res-198/rev-dubai-2018/en/") for c in doc.clauses}
    assert {f"operative/invites-academia/{item}" for item in (1, 2, 3)} <= paths
    doc = _parsed(parsed_corpus, "itu-pp/res-160/rev-dubai-2018/en")
    by_path = {
        c.clause_id.removeprefix("itu-pp/res-160/rev-dubai-2018/en/"): c for c in doc.clauses
    }
    assert "preamble/recalling" in by_path
    assert "\n" not in by_path["formula"].text.strip()


def test_a_heading_naming_a_recommendation_or_opening_with_a_comma_is_read(
    parsed_corpus: Corpus,
) -> None:
    """Resolution 177 (Dubai): an "invites organizations ..." section names an ITU-T
    Recommendation (a number); folded into the item before it, it and its two items were read
    as part of that item. Resolution 5 (Kyoto): a "considering" heading with a comma before its
    modifier was read as text of the "considering" before it."""
    sections: dict[str, list[str]] = {}
    for path in _paths(_parsed(parsed_corpus, "itu-pp/res-177/rev-dubai-2018/en")):
        section, _, item = path.rpartition("/")
        sections.setdefault(section, []).append(item)
    organizations = [s for s in sections if s.startswith("operative/invites-organizations")]
    assert organizations and organizations[0].endswith("itu-t-a.5")
    assert sections[organizations[0]] == ["1", "2"]
    assert sections["operative/invites-the-membership"] == ["1", "2", "3", "4", "5"]
    assert "preamble/considering-however" in _paths(
        _parsed(parsed_corpus, "itu-pp/res-5/kyoto-1994/en")
    )


def _paths(doc: ParsedDocument) -> list[str]:
    """The clause ids after the document's: "operative/resolves/1"."""
    return [c.clause_id.removeprefix(doc.document.meta.doc_id + "/") for c in doc.clauses]
