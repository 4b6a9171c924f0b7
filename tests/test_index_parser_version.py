"""A new parser reaches an existing archive: its next ingest reads every file again once and
re-embeds only the documents whose clauses changed. A vector side switched on later is filled
by the next ingest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rescite.ingest.version
from rescite.core.settings import EmbedderSettings, Settings
from rescite.core.wiring import open_archive

FILES = ["core/itu-pp-res6-kyoto-1994-en.txt", "core/itu-t-rec-e119-2017-04-ar.docx"]


class Statuses:
    """What the ingest reported for each file."""

    def __init__(self) -> None:
        self.by_file: dict[str, str] = {}

    def files_found(self, total: int) -> None:
        pass

    def file_done(self, path: Path, status: str) -> None:
        self.by_file[path.name] = status

    def clauses_embedded(self, count: int, seconds: float) -> None:
        pass


def test_a_new_parser_version_rereads_files_and_embeds_only_what_changed(
    documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in FILES:
        shutil.copy(documents / name, folder)
    settings = Settings(home=tmp_path / "home", embedder=EmbedderSettings())
    with open_archive(settings) as archive:
        first = archive.ingest([folder])
        assert len(first.added) == 2
        again = Statuses()
        archive.ingest([folder], progress=again)
        assert set(again.by_file.values()) == {"unchanged"}  # skipped before being read

    monkeypatch.setattr(rescite.ingest.version, "PARSER_VERSION", "next")
    with open_archive(settings) as archive:
        upgraded = Statuses()
        report = archive.ingest([folder], progress=upgraded)
        assert set(upgraded.by_file.values()) == {"indexed"}  # read again
        assert report.clauses_embedded == 0  # the same clauses: nothing re-embedded
        assert set(report.unchanged) == set(first.added)
        after = Statuses()
        archive.ingest([folder], progress=after)
        assert set(after.by_file.values()) == {"unchanged"}


def test_arabic_section_numbers_read_major_part_first(documents: Path, tmp_path: Path) -> None:
    """The Arabic E.119 writes section 7.2 as "2.7" (read from the right): its clause ids match
    the other language versions'."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for language in ("ar", "en"):
        shutil.copy(documents / f"core/itu-t-rec-e119-2017-04-{language}.docx", folder)
    with open_archive(Settings(home=tmp_path / "home", embedder=EmbedderSettings())) as archive:
        archive.ingest([folder])
        sections = {
            language: {
                clause.clause_id.split("/body/")[1].split("/")[0]
                for clause in archive.clauses(f"itu-t/rec-e-119/2017-04/{language}")
                if "/body/section-" in clause.clause_id
            }
            for language in ("ar", "en")
        }
    assert {"section-7.2", "section-3.1"} <= sections["ar"]
    assert "section-2.7" not in sections["ar"]
    assert sections["ar"] == sections["en"]


def test_an_archive_built_without_the_paraphrase_side_gets_it_on_its_next_ingest(
    documents: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in FILES:
        shutil.copy(documents / name, folder)
    home = tmp_path / "home"
    without = Settings(home=home, embedder=EmbedderSettings(paraphrase="none"))
    with open_archive(without) as archive:
        archive.ingest([folder])
        clauses = archive.counts()[1]
        assert archive.stats().consistent
    # (the ranking encoder off: the similarities asked below are then the new side's)
    with open_archive(Settings(home=home, embedder=EmbedderSettings(ranking="none"))) as archive:
        assert not archive.stats().consistent  # the new side holds nothing yet
        report = archive.ingest([folder])
        assert report.clauses_embedded == clauses  # by the new side only: files are unchanged
        stats = archive.stats()
        assert stats.consistent and stats.vectors == clauses
        hits = archive.search("telecommunication numbering plan", k=5)
        assert hits and hits[0].clause.clause_id in archive.clause_ids()
        assert archive.paraphrase_similarities("the numbering plan", archive.clause_ids())
        again = archive.ingest([folder])
        assert again.clauses_embedded == 0
    # switched off, the side's vectors go (they would miss the changes made meanwhile) ...
    with open_archive(without) as archive:
        archive.ingest([folder])
    assert not (home / "vectors-paraphrase").exists()
    # ... and switched on again, it is filled anew
    with open_archive(Settings(home=home, embedder=EmbedderSettings())) as archive:
        assert archive.ingest([folder]).clauses_embedded == clauses
        assert archive.stats().consistent
