"""`rescite fetch` against a real HTTP server on loopback serving files from tmp_path."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from rescite.cli.main import app
from rescite.ingest.fetch import (
    COLUMNS,
    default_catalog,
    fetch,
    file_stem,
    load_catalog,
    rewrite,
    select,
)
from typer.testing import CliRunner

PDF = b"%PDF-1.4\n% a stand-in body\n"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    (root / "en/A/RES/79").mkdir(parents=True)
    (root / "en/A/RES/79/243").write_bytes(PDF)
    handler = partial(QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_default_catalog_lists_corpus_and_cited_resolutions() -> None:
    entries = load_catalog(default_catalog())
    symbols = {entry.symbol for entry in entries}
    assert {"A/RES/79/243", "A/RES/56/121", "A/RES/55/63", "A/RES/68/243"} <= symbols
    assert {"Resolution 174", "Resolution 181"} <= symbols
    missing = [e for e in entries if not e.in_corpus]
    assert len(missing) >= 10
    assert all(e.url.startswith("https://") for e in entries if e.url)
    assert len({(e.body, e.number, e.revision, e.language) for e in entries}) == len(entries)


def test_rewrite_keeps_path() -> None:
    url = "https://docs.un.org/en/A/RES/79/243"
    assert rewrite(url, "http://127.0.0.1:9/mirror") == "http://127.0.0.1:9/mirror/en/A/RES/79/243"
    assert rewrite(url, None) == url


def test_fetch_downloads_skips_and_reports(server: str, tmp_path: Path) -> None:
    entries = select(load_catalog(default_catalog()), ["A/RES/79/243", "A/RES/56/121"])
    assert len(entries) == 2
    dest = tmp_path / "out"
    with httpx.Client(timeout=5) as client:
        report = fetch(entries, dest, client=client, base_url=server)
        again = fetch(entries, dest, client=client, base_url=server)
    assert [path.name for path in report.fetched] == [f"{file_stem(entries[1])}.pdf"]
    assert report.fetched[0].read_bytes() == PDF
    assert [entry.number for entry, _ in report.failed] == ["56/121"]  # 404 on the server
    assert again.present == report.fetched
    assert not list(dest.glob("*.part"))


def test_cli_fetch(server: str, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.tsv"
    with catalog.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t")
        writer.writeheader()
        writer.writerow(
            {
                "body": "UNGA",
                "number": "79/243",
                "revision": "session 79",
                "title": "t",
                "language": "en",
                "url": f"{server}/en/A/RES/79/243",
                "in_corpus": "yes",
            }
        )
    dest = tmp_path / "dest"
    args = ["fetch", "--catalog", str(catalog), "--dest", str(dest), "--only", "A/RES/79/243"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert len(list(dest.glob("*.pdf"))) == 1
    missing = CliRunner().invoke(app, [*args[:-1], "A/RES/1/1"])
    assert missing.exit_code == 66


def test_cli_fetch_failure_exits_nonzero(server: str, tmp_path: Path) -> None:
    args = ["fetch", "--dest", str(tmp_path / "d"), "--base-url", server, "--only", "56/121"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 69
