"""The ranking encoder re-scores an answer's English candidates, each text embedded once."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from rescite.api.app import create_app
from rescite.cli.main import app
from rescite.core.errors import ConfigError
from rescite.core.records import RankingFill
from rescite.core.settings import EmbedderSettings, Settings
from rescite.core.wiring import RANKING, open_archive, ranking_embedder
from rescite.index.embedders import Embedder
from rescite.index.filters import ClauseColumns
from rescite.index.minilm import MiniLmEmbedder
from rescite.index.mpnet import MODEL_ID, MPNET
from rescite.index.rerank import RankingEncoder, RankingVectors
from rescite.index.search import as_statement
from typer.testing import CliRunner

CLAUSES = {
    "a": "Instructs the Secretary-General to report on progress to the Council",
    "b": "The Council appointed a new Secretary-General last year",
    "c": "Instructs the Secretary-General to report on progress to the Council",  # a copy of a
}


class Counted:
    """A real encoder that counts the texts it embeds as documents."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        self.embedded: list[str] = []

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


def ranking(embedder: Embedder, path: Path) -> RankingEncoder:
    return RankingEncoder(lambda: embedder, path, embedder.model_id, embedder.dimension)


def english_and_arabic(documents: Path, folder: Path) -> Path:
    """A folder with an English resolution and an Arabic recommendation."""
    folder.mkdir()
    for name in ("core/itu-pp-res6-kyoto-1994-en.txt", "core/itu-t-rec-e119-2017-04-ar.docx"):
        shutil.copy(documents / name, folder)
    return folder


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    return MiniLmEmbedder(tmp_path_factory.mktemp("minilm-cache"))


def test_each_text_is_embedded_once_and_its_vector_kept_in_a_file(
    english: Embedder, tmp_path: Path
) -> None:
    question = "the head of the Union must tell the Council how far things got"
    counted = Counted(english)
    ranker = ranking(counted, tmp_path / RANKING)
    first = ranker.similarities(question, CLAUSES)
    assert counted.embedded == [CLAUSES["a"], CLAUSES["b"]]  # the copy shares a's vector
    query = english.embed_query(question)
    vectors = english.embed_documents([CLAUSES["a"], CLAUSES["b"]])
    assert first["a"] == pytest.approx(max(float(vectors[0] @ query), 0.0), abs=1e-6)
    assert first["a"] == first["c"] and first["a"] > first["b"]
    ranker.close()

    again = Counted(english)
    reopened = ranking(again, tmp_path / RANKING)
    assert reopened.similarities(question, {"b": CLAUSES["b"], "d": "A text not seen"}) == {
        "b": pytest.approx(first["b"], abs=1e-6),
        "d": pytest.approx(reopened.similarities(question, {"d": "A text not seen"})["d"]),
    }
    assert again.embedded == ["A text not seen"]  # b was read from the file
    reopened.close()


def test_an_unwritable_vector_file_costs_only_the_embedding(
    english: Embedder, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the archive's folder should be")
    counted = Counted(english)
    ranker = ranking(counted, blocked / RANKING)
    scores = ranker.similarities("progress report", CLAUSES)
    assert set(scores) == set(CLAUSES) and scores["a"] > 0
    ranker.similarities("progress report", CLAUSES)
    assert len(counted.embedded) == 4  # embedded both times, nothing kept, nothing raised


def test_counting_kept_vectors_loads_no_model_and_skips_vectors_of_another_size(
    english: Embedder, tmp_path: Path
) -> None:
    def no_model() -> Embedder:
        raise AssertionError("a count must not load the model")

    filled = ranking(english, tmp_path / RANKING)
    filled.fill([CLAUSES["a"]])
    filled.close()
    counter = RankingEncoder(no_model, tmp_path / RANKING, english.model_id, english.dimension)
    assert counter.coverage(list(CLAUSES.values())) == RankingFill(texts=2, kept=1)
    counter.close()
    other = RankingVectors(tmp_path / RANKING, english.model_id, english.dimension * 2)
    assert other.kept([other.key(CLAUSES["a"])]) == set()  # a vector of another size: not kept
    other.close()


def test_a_ranking_encoder_of_another_model_than_its_vectors_is_refused(
    english: Embedder, tmp_path: Path
) -> None:
    ranker = RankingEncoder(lambda: english, tmp_path / RANKING, "another-model", english.dimension)
    with pytest.raises(ConfigError, match="another-model"):
        ranker.similarities("progress report", CLAUSES)


def columns_of(languages: dict[str, str]) -> ClauseColumns:
    meta = {"doc_id": "d", "body": "UNGA", "doc_type": "resolution", "section": "operative",
            "keyword_en": "", "year": 2024}  # fmt: skip
    return ClauseColumns.from_rows(
        [(cid, {**meta, "language": language}) for cid, language in languages.items()]
    )


def test_nearest_ranks_within_the_mask_once_every_clause_has_a_kept_vector(
    english: Embedder, tmp_path: Path
) -> None:
    ranker = ranking(english, tmp_path / RANKING)
    texts = {**CLAUSES, "d": "A text kept only later"}
    ranker.fill([CLAUSES["a"], CLAUSES["b"]])
    question = "The Council chose a new head of the Union"
    columns = columns_of({"a": "en", "b": "en", "c": "en", "d": "en", "e": "fr"})
    assert ranker.nearest(question, 10, columns, None, lambda: texts) == []  # d has none
    ranker.fill(list(texts.values()))
    assert ranker.nearest(question, 10, columns, None, lambda: texts) == []  # same columns
    again = columns_of({"a": "en", "b": "en", "c": "en", "d": "en", "e": "fr"})  # an ingest
    nearest = ranker.nearest(question, 10, again, None, lambda: texts)
    assert nearest[0] == "b" and set(nearest) == {"a", "b", "c", "d"}  # c: a copy of a's text
    assert ranker.nearest(question, 1, again, None, lambda: texts) == ["b"]
    only_a = np.array([True, False, False, False, True])
    assert ranker.nearest(question, 10, again, only_a, lambda: texts) == ["a"]
    ranker.close()


def test_a_running_search_takes_up_the_vectors_another_process_kept(
    english: Embedder, tmp_path: Path
) -> None:
    serving = RankingEncoder(
        lambda: english, tmp_path / RANKING, english.model_id, english.dimension, recheck_s=0
    )
    columns = columns_of({"a": "en", "b": "en", "c": "en"})
    question = "The Council chose a new head of the Union"
    assert serving.nearest(question, 10, columns, None, lambda: CLAUSES) == []
    filler = ranking(english, tmp_path / RANKING)  # as `rescite ingest --ranking` elsewhere
    filler.fill(list(CLAUSES.values()))
    filler.close()
    assert set(serving.nearest(question, 10, columns, None, lambda: CLAUSES)) == {"a", "b", "c"}
    serving.close()


def test_the_search_ranks_english_clauses_by_the_ranking_encoders_kept_vectors(
    documents: Path, tmp_path: Path
) -> None:
    folder = english_and_arabic(documents, tmp_path / "docs")
    home, vectors = tmp_path / "home", tmp_path / "vectors" / RANKING
    question = "the weather forecast for tomorrow"
    without = Settings(home=home, embedder=EmbedderSettings(ranking="none"))
    with open_archive(without) as archive:
        archive.ingest([folder])
        before = [hit.clause.clause_id for hit in archive.search(question, k=200)]
    last = next(cid for cid in reversed(before) if "/en/" in cid)
    settings = Settings(home=home, embedder=EmbedderSettings())
    with open_archive(settings, ranking_vectors=vectors) as archive:
        partly = [hit.clause.clause_id for hit in archive.search(question, k=200)]
        fill = archive.fill_ranking_vectors()
        assert fill is not None and fill.embedded > 0
    assert partly == before  # no vector kept for any clause: the search is the same
    mpnet = ranking_embedder(EmbedderSettings().model_cache)
    kept = RankingVectors(vectors, mpnet.model_id, mpnet.dimension)
    kept.put({kept.key(archive_text(home, last)): mpnet.embed_query(as_statement(question))})
    kept.close()  # as if the encoder read the last clause as the very words asked for
    with open_archive(settings, ranking_vectors=vectors) as archive:
        after = [hit.clause.clause_id for hit in archive.search(question, k=200)]
    assert set(after) == set(before)
    assert after.index(last) < before.index(last)


def test_the_archive_ranks_english_candidates_by_the_ranking_encoder(
    documents: Path, tmp_path: Path
) -> None:
    folder = english_and_arabic(documents, tmp_path / "docs")
    home = tmp_path / "home"
    question = "telephone numbers for calls to ships"
    with open_archive(Settings(home=home, embedder=EmbedderSettings())) as archive:
        archive.ingest([folder])
        ids = archive.clause_ids()
        english = [cid for cid in ids if "/en/" in cid or cid.endswith("/en")]
        assert english and len(english) < len(ids)
        ranked = archive.paraphrase_similarities(question, ids)
        assert ranked is not None and set(ranked) == set(english)  # the Arabic ones: not read
        assert archive.paraphrase_similarities("船舶电话号码", ids) is None
    cache = EmbedderSettings().model_cache
    mpnet = ranking_embedder(cache)
    query = mpnet.embed_query(question)
    some = english[:3]
    texts = [archive_text(home, cid) for cid in some]
    kept = RankingVectors(home / RANKING, mpnet.model_id, mpnet.dimension)  # in the home
    assert len(kept.get([kept.key(text) for text in texts])) == len(set(texts))
    kept.close()
    expected = [max(float(row @ query), 0.0) for row in mpnet.embed_documents(texts)]
    assert [ranked[cid] for cid in some] == pytest.approx(expected, abs=1e-5)
    with open_archive(
        Settings(home=home, embedder=EmbedderSettings(ranking="none"))
    ) as archive:  # the paraphrase side's own vectors instead
        minilm = archive.paraphrase_similarities(question, ids)
    assert minilm is not None and set(minilm) == set(english)
    assert minilm != pytest.approx(ranked, abs=1e-3)


def archive_text(home: Path, clause_id: str) -> str:
    from rescite.index.docstore import DocStore

    store = DocStore(home / "docstore.sqlite3")
    try:
        return store.indexed_texts([clause_id])[clause_id]
    finally:
        store.close()


def test_fill_embeds_only_the_texts_without_a_vector(english: Embedder, tmp_path: Path) -> None:
    counted = Counted(english)
    ranker = ranking(counted, tmp_path / RANKING)
    ranker.similarities("progress report", {"b": CLAUSES["b"]})
    batches: list[tuple[int, int]] = []
    fill = ranker.fill([*CLAUSES.values(), "A third text"], lambda *seen: batches.append(seen))
    assert (fill.texts, fill.kept, fill.embedded) == (3, 1, 2)
    assert sorted(counted.embedded[1:]) == ["A third text", CLAUSES["a"]]
    assert batches == [(2, 2)]
    assert ranker.fill(list(CLAUSES.values())) == RankingFill(
        texts=2, kept=2, embedded=0, dropped=1
    )  # the third text is no longer among them: its vector goes
    ranker.similarities("progress report", CLAUSES)
    assert len(counted.embedded) == 3  # an answer now embeds none of them
    ranker.close()


def test_ingest_with_ranking_embeds_every_english_clause_once(
    documents: Path, tmp_path: Path
) -> None:
    folder = english_and_arabic(documents, tmp_path / "docs")
    environment = {"RESCITE_HOME": str(tmp_path / "home"), "COLUMNS": "200"}
    first = CliRunner().invoke(app, ["ingest", str(folder), "--ranking"], env=environment)
    assert first.exit_code == 0, first.output
    home = tmp_path / "home"
    with open_archive(Settings(home=home, embedder=EmbedderSettings())) as archive:
        english = {archive_text(home, cid) for cid in archive.clause_ids() if "/en/" in cid}
    counts = re.search(r"ranking vectors: (\d+) English clause texts, (\d+) already kept, "
                       r"(\d+) embedded", first.output)  # fmt: skip
    assert counts is not None, first.output
    texts, kept, embedded = map(int, counts.groups())
    assert texts == len(english) and kept + embedded == texts
    mpnet = ranking_embedder(EmbedderSettings().model_cache)
    vectors = RankingVectors(home / RANKING, mpnet.model_id, mpnet.dimension)
    assert len(vectors.get([vectors.key(text) for text in english])) == len(english)
    vectors.close()
    again = CliRunner().invoke(app, ["ingest", str(folder), "--ranking"], env=environment)
    assert f"{texts} English clause texts, {texts} already kept, 0 embedded" in again.output
    off = CliRunner().invoke(
        app, ["ingest", str(folder), "--ranking"],
        env={**environment, "RESCITE_EMBEDDER__RANKING": "none"},
    )  # fmt: skip
    assert off.exit_code == 0 and "nothing to embed" in off.output


def test_each_archive_keeps_its_own_ranking_vectors_and_drops_those_it_no_longer_needs(
    documents: Path, tmp_path: Path
) -> None:
    folder = english_and_arabic(documents, tmp_path / "docs")
    filled, other = (Settings(home=tmp_path / name, embedder=EmbedderSettings()) for name in "ab")
    question = "telephone numbers for calls to ships"
    with open_archive(other) as archive:
        archive.ingest([folder])
        before = [hit.clause.clause_id for hit in archive.search(question, k=200)]
    with open_archive(filled) as archive:
        archive.ingest([folder])
        fill = archive.fill_ranking_vectors()
        assert fill is not None and fill.embedded == fill.texts > 0 and fill.dropped == 0
    with open_archive(other) as archive:  # the same texts, filled in another archive only
        coverage = archive.ranking_coverage()
        assert coverage is not None and coverage.kept == 0
        assert [hit.clause.clause_id for hit in archive.search(question, k=200)] == before
    (folder / "itu-pp-res6-kyoto-1994-en.txt").unlink()
    with open_archive(filled) as archive:  # every English clause had a vector: kept so
        archive.ingest([folder], prune=True)
    kept = RankingVectors(tmp_path / "a" / RANKING, MODEL_ID, MPNET.hidden)
    assert kept.count() == 0  # the English resolution is gone, and its texts' vectors
    kept.close()


def test_an_ingest_into_an_archive_with_every_ranking_vector_embeds_the_new_clauses_too(
    documents: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(documents / "core/itu-pp-res6-kyoto-1994-en.txt", folder)
    with open_archive(Settings(home=tmp_path / "home", embedder=EmbedderSettings())) as archive:
        archive.ingest([folder])
        first = archive.ranking_coverage()
        assert first is not None and first.kept == 0 < first.texts  # never filled: left so
        archive.fill_ranking_vectors()
        shutil.copy(documents / "core/itu-pp-res5-kyoto-1994-en.txt", folder)
        archive.ingest([folder])
        after = archive.ranking_coverage()
    assert after is not None and after.kept == after.texts > first.texts


def test_the_server_warns_while_english_clauses_lack_a_ranking_vector(
    documents: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(documents / "core/itu-pp-res6-kyoto-1994-en.txt", folder)
    settings = Settings(home=tmp_path / "home", embedder=EmbedderSettings())
    vectors = tmp_path / "vectors" / RANKING
    with open_archive(settings, ranking_vectors=vectors) as archive:
        archive.ingest([folder])
        coverage = archive.ranking_coverage()
        assert coverage is not None and coverage.texts > 0 and coverage.kept == 0
        with TestClient(create_app(settings, archive=archive)) as client:
            assert client.get("/readyz").status_code == 200
        warned = [r.getMessage() for r in caplog.records if "ranking vector" in r.getMessage()]
        assert warned == [
            f"{coverage.texts} of {coverage.texts} English clauses have no ranking vector yet: "
            "an answer to a new question embeds its candidates first (seconds each); run "
            "`rescite ingest <folders> --ranking` once to embed them all"
        ]
        assert archive.fill_ranking_vectors() == RankingFill(
            texts=coverage.texts, kept=0, embedded=coverage.texts
        )
        caplog.clear()
        with TestClient(create_app(settings, archive=archive)) as client:
            assert client.get("/readyz").status_code == 200
        assert not [r for r in caplog.records if "ranking vector" in r.getMessage()]
