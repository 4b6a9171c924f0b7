"""The search page in a real headless Chromium against `rescite serve` on loopback.

Chromium is Debian's `chromium` package (never a browser Playwright downloads); the server is
the real command, started by the test on a free port over a small index built here from the
corpus, with a reader key so the page's key box is exercised too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect, sync_playwright
from rescite.core.settings import Settings
from rescite.core.wiring import open_archive

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CORE_FILES = [
    "unga-a-res-74-247-en.txt",
    "unga-a-res-75-282-en.txt",
    "itu-pp-res2-rev-bucharest-2022-en.txt",
]
KEY = "page-reader-key"
QUESTION = "Which resolutions deal with countering the use of ICTs for criminal purposes?"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_ready(url: str, server: subprocess.Popen[bytes], seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"rescite serve exited with {server.returncode}")
        try:
            if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise RuntimeError("rescite serve did not become ready")


@pytest.fixture(scope="module")
def server_url(documents: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("web-home")
    with open_archive(Settings(home=home, chroma_url=None)) as archive:
        report = archive.ingest([documents / "core" / name for name in CORE_FILES])
        assert len(report.added) == len(CORE_FILES), report
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESCITE_API__")}
    env.update(
        RESCITE_HOME=str(home), RESCITE_API__READER_KEYS=f'["{KEY}"]', ORT_DISABLE_TELEMETRY="1"
    )
    command = [
        sys.executable,
        "-m",
        "rescite.cli.main",
        "serve",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def page(server_url: str) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1400})
        page.set_default_timeout(60_000)
        yield page
        browser.close()


def test_ask_see_citations_and_open_them(page: Page, server_url: str, tmp_path: Path) -> None:
    page.goto(server_url + "/")
    expect(page).to_have_title("rescite — resolutions, answered with cited clauses")
    page.get_by_label("Your question").fill(QUESTION)
    page.keyboard.press("Enter")
    # No key yet: the server says so in the page and the key box opens.
    expect(page.locator("#error")).to_contain_text("API key")
    expect(page.locator("#key-box")).to_have_attribute("open", "")
    page.locator("#api-key").fill(KEY)
    page.locator("#api-key").press("Tab")
    page.get_by_role("button", name="Ask").click()

    citations = page.locator("li.citation")
    expect(citations.first).to_be_visible()
    assert citations.count() >= 1
    expect(page.locator("#error")).to_be_hidden()
    expect(page.locator("#answer-text")).not_to_be_empty()
    first = citations.first
    expect(first.locator(".citation-string")).to_contain_text("A/RES/")
    expect(first.locator("blockquote mark")).not_to_be_empty()
    clause_id = first.get_attribute("data-clause-id")
    assert clause_id and clause_id.startswith(("unga/", "itu-pp/"))
    page.screenshot(path=str(tmp_path / "answer.png"), full_page=True)

    first.get_by_role("link", name="Whole clause").click()
    current = page.locator(f'#detail-view .clause.current[data-clause-id="{clause_id}"]')
    expect(current).to_be_visible()
    expect(page.locator("#detail-meta")).to_contain_text(clause_id)
    expect(page.locator("#detail-heading")).to_contain_text("A/RES/")
    assert page.evaluate("document.activeElement.id") == "detail-heading"

    page.locator("#detail-view").get_by_role("link", name="Whole resolution").click()
    # Only the whole document has section headings: wait for it to replace the clause view.
    expect(page.locator("#detail-view h3.group").first).to_be_visible()
    expect(page.locator("#detail-view .clause").nth(3)).to_be_visible()
    expect(
        page.locator(f'#detail-view .clause.current[data-clause-id="{clause_id}"]')
    ).to_be_visible()
    assert page.locator("#detail-view .clause").count() > 5

    page.locator("#back-link").click()
    expect(page.locator("#search-view")).to_be_visible()
    expect(citations.first).to_be_visible()


def test_a_refusal_lists_its_closest_clauses_as_links(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    page.evaluate(f"sessionStorage.setItem('rescite-key', '{KEY}')")
    page.get_by_label("Your question").fill("What is the best recipe for a chocolate cake?")
    page.get_by_role("button", name="Ask").click()
    expect(page.locator("#status")).to_have_text("No supported answer.")
    expect(page.locator("#citations-heading")).to_be_hidden()
    leads = page.locator("li.lead a")
    expect(leads.first).to_be_visible()
    clause_id = page.locator("li.lead").first.get_attribute("data-clause-id")
    assert clause_id
    leads.first.click()
    opened = page.locator(f'#detail-view .clause.current[data-clause-id="{clause_id}"]')
    expect(opened).to_be_visible()


def test_untrusted_text_is_never_markup(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    page.evaluate(f"sessionStorage.setItem('rescite-key', '{KEY}')")
    page.goto(server_url + "/#clause=" + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    expect(page.locator("#error")).to_contain_text("no clause")
    assert page.locator("img").count() == 0


def test_api_docs_render_offline(page: Page, server_url: str) -> None:
    page.goto(server_url + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("rescite")
    expect(page.locator(".opblock-summary-path", has_text="/v1/ask").first).to_be_visible()
