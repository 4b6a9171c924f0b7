"""The API behind a real uvicorn server on loopback: concurrent requests and streaming."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from rescite.api.app import create_app
from rescite.core.archive import Archive
from rescite.core.settings import Settings

QUERIES = [
    "spectrum management",
    "cybercrime and ICTs",
    "developing countries broadband",
    "human rights",
]
QUESTION = "Which resolutions instruct the Secretary-General to report to the Council?"


@contextmanager
def running_server(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yield its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def base_url(core_archive: Archive, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(home=tmp_path_factory.mktemp("api-server-home"), chroma_url=None)
    with running_server(create_app(settings, archive=core_archive)) as url:
        yield url


def search(base_url: str, query: str) -> list[str]:
    response = httpx.get(f"{base_url}/v1/search", params={"q": query, "k": 8}, timeout=60)
    response.raise_for_status()
    return [hit["clause"]["clause_id"] for hit in response.json()["hits"]]


def ask(base_url: str, question: str) -> dict[str, Any]:
    response = httpx.post(f"{base_url}/v1/ask", json={"question": question}, timeout=60)
    response.raise_for_status()
    answer: dict[str, Any] = response.json()
    return answer


def test_concurrent_requests_all_succeed_with_the_sequential_results(base_url: str) -> None:
    expected = {query: search(base_url, query) for query in QUERIES}
    expected_answer = ask(base_url, QUESTION)
    jobs: list[tuple[str, str]] = [("search", q) for q in QUERIES * 4] + [("ask", QUESTION)] * 6
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(
            pool.map(
                lambda job: (
                    search(base_url, job[1]) if job[0] == "search" else ask(base_url, job[1])
                ),
                jobs,
            )
        )
    for (kind, text), result in zip(jobs, results, strict=True):
        assert result == (expected[text] if kind == "search" else expected_answer)


def test_stream_over_http_ends_with_the_whole_answer(base_url: str) -> None:
    events: list[tuple[str, str]] = []
    with httpx.stream(
        "POST", f"{base_url}/v1/ask/stream", json={"question": QUESTION}, timeout=60
    ) as response:
        assert response.status_code == 200
        name = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                events.append((name, line[6:]))
    assert events[-1][0] == "done"
    done = json.loads(events[-1][1])
    assert [json.loads(d) for n, d in events if n == "citation"] == done["citations"]
    assert done == ask(base_url, QUESTION)


def test_metrics_over_http_are_prometheus_text(base_url: str) -> None:
    search(base_url, "spectrum")
    response = httpx.get(f"{base_url}/metrics", timeout=30)
    assert response.headers["content-type"].startswith("text/plain")
    assert "# TYPE rescite_http_request_duration_seconds histogram" in response.text
    assert (
        'rescite_http_requests_total{method="GET",route="/v1/search",status="200"}' in response.text
    )


def test_served_page_links_to_its_assets(base_url: str, tmp_path: Path) -> None:
    page = httpx.get(base_url + "/", timeout=30)
    assert page.status_code == 200
    assert '<script src="static/app.js"' in page.text
    assert httpx.get(base_url + "/static/app.js", timeout=30).status_code == 200


def test_serve_under_a_proxy_prefix(tmp_path: Path) -> None:
    """`rescite serve --root-path /rescite`: what a proxy strips, the docs page puts back."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESCITE_API__")}
    env["RESCITE_HOME"] = str(tmp_path)
    command = [sys.executable, "-m", "rescite.cli.main", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--root-path", "/rescite", "--log-level", "warning"], env=env
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise
            time.sleep(0.3)
        assert "url: '/rescite/openapi.json'" in httpx.get(url + "/docs", timeout=30).text
        assert 'src="static/app.js"' in httpx.get(url + "/", timeout=30).text
        # The upload's own size limit applies under the prefix too (415 for the type, not 413).
        files = {"file": ("big.bin", b"x" * 300_000)}
        assert httpx.post(url + "/v1/documents", files=files, timeout=30).status_code == 415
    finally:
        server.terminate()
        server.wait(timeout=30)
