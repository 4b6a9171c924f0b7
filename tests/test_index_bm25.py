"""BM25 tokens and ranking, with filters applied before the top-k."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from rescite.core.records import Body, Filters, Section
from rescite.index.bm25 import Bm25Index, index_terms, tokenize
from rescite.index.filters import MetaValue


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Decides to CONVENE the Conference", ["decides", "convene", "conference"]),
        ("Résolution générale", ["resolution", "generale"]),
        ("право на образование", ["право", "на", "образование"]),
        ("网络安全", ["网络", "络安", "安全"]),
        ("做出决议 2022", ["做出", "出决", "决议", "2022"]),
        ("ITU网络", ["itu", "网络"]),
        ("الأمم المتحدة", ["الامم", "المتحدة"]),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


def _meta(doc_id: str, body: str, year: int, section: str) -> dict[str, MetaValue]:
    return {
        "doc_id": doc_id,
        "body": body,
        "doc_type": "resolution",
        "year": year,
        "section": section,
        "keyword_en": "",
        "language": "en",
    }


ROWS = [
    ("u/operative/1", "cyber security of networks", _meta("u", "UNGA", 2023, "operative")),
    ("u/preamble/1", "recalling cyber resolutions", _meta("u", "UNGA", 2023, "preamble")),
    ("i/operative/1", "cyber cyber security", _meta("i", "ITU-PP", 2018, "operative")),
    ("z/operative/1", "网络安全", _meta("z", "ITU-PP", 2022, "operative")),
]


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        ("cyber security", Filters(), ["i/operative/1", "u/operative/1", "u/preamble/1"]),
        ("cyber", Filters(body=(Body.UNGA,)), ["u/operative/1", "u/preamble/1"]),
        ("cyber", Filters(section=(Section.PREAMBLE,)), ["u/preamble/1"]),
        ("cyber", Filters(year_to=2020), ["i/operative/1"]),
        ("cyber", Filters(doc_id=("z",)), []),
        ("安全", Filters(), ["z/operative/1"]),
        ("nothing matches", Filters(), []),
    ],
)
def test_search_ranks_inside_filters(query: str, filters: Filters, expected: list[str]) -> None:
    assert Bm25Index.build(ROWS).search(query, 10, filters) == expected


def test_building_an_index_logs_nothing_below_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    Bm25Index.build(ROWS)
    assert [record.getMessage() for record in caplog.records if record.name == "bm25s"] == []


def test_saved_index_loads_only_for_its_generation(tmp_path: Path) -> None:
    folder = tmp_path / "bm25"
    Bm25Index.build(ROWS).save(folder, generation=3)
    assert Bm25Index.load(folder, generation=4) is None
    loaded = Bm25Index.load(folder, generation=3)
    assert loaded is not None
    assert loaded.search("cyber", 2, Filters(body=(Body.UNGA,))) == [
        "u/operative/1",
        "u/preamble/1",
    ]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Celebrations protect", ["celebr", "protect"]),
        ("the celebration of protection", ["celebr", "protect"]),
        ("Resolution 130", ["resolut", "130"]),
        ("права человека", ["прав", "человек"]),
        ("الحقوق", ["حقوق"]),
        ("网络安全", ["网络", "络安", "安全"]),
    ],
)
def test_index_terms_are_stems_by_script(text: str, terms: list[str]) -> None:
    assert index_terms(text) == terms


def test_a_question_finds_another_form_of_the_word() -> None:
    rows = [
        ("a/1", "the celebration of the year", _meta("a", "UNGA", 2023, "operative")),
        ("b/1", "the year of the budget", _meta("b", "UNGA", 2023, "operative")),
    ]
    assert Bm25Index.build(rows).search("celebrations", 10, Filters()) == ["a/1"]


def test_an_index_saved_with_other_terms_is_not_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "bm25"
    Bm25Index.build(ROWS).save(folder, generation=3)
    stamp = folder / "generation.json"
    stamp.write_text(json.dumps({"generation": 3}))  # saved before stemming
    assert Bm25Index.load(folder, generation=3) is None


def test_an_archive_saved_before_stemming_is_searched_and_resaved_with_stems(
    documents: Path, tmp_path: Path
) -> None:
    from rescite.core.settings import Settings
    from rescite.core.wiring import open_archive
    from rescite.index.bm25 import TERMS

    folder = tmp_path / "docs"
    folder.mkdir()
    source = documents / "core" / "itu-pp-res32-kyoto-1994-en.txt"
    (folder / source.name).write_bytes(source.read_bytes())
    home = tmp_path / "home"
    with open_archive(Settings(home=home)) as archive:
        archive.ingest([folder])
    stamp = home / "bm25" / "generation.json"
    saved = json.loads(stamp.read_text())
    stamp.write_text(json.dumps({"generation": saved["generation"]}))  # as saved before stemming
    with open_archive(Settings(home=home)) as archive:
        hits = archive.search("Palestinians", k=3)  # the text says "Palestinian"
        assert hits and all("res-32" in hit.clause.clause_id for hit in hits)
        report = archive.ingest([folder])
    assert report.clauses_embedded == 0
    assert json.loads(stamp.read_text())["terms"] == TERMS
