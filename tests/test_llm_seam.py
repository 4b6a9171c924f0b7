"""The LLM seam against a scripted OpenAI-compatible server on loopback (a real HTTP server in a
thread) that answers with adversarial outputs. The answer records are our own, written here."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from rescite.answer.llm import synthesise
from rescite.core.records import Answer, Body, Citation, CitedDocument, DocType, Section
from rescite.core.settings import LLMSettings

Step = tuple[str, Any]  # ("content", str) | ("status", int) | ("raw", bytes) | ("sleep", s)


class Script:
    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []


def handler_for(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            script.requests.append(json.loads(self.rfile.read(length)))
            script.headers.append(dict(self.headers))
            kind, value = script.steps.pop(0) if script.steps else ("status", 404)
            if kind == "sleep":  # answer nothing until the client has given up
                time.sleep(value)
                return
            if kind == "status":
                self.send_response(value)
                self.end_headers()
                return
            if kind == "content":
                value = json.dumps({"choices": [{"message": {"content": value}}]}).encode()
            elif kind == "json":
                value = json.dumps(value).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(value)

    return Handler


@pytest.fixture(scope="module")
def scripted_server() -> Iterator[tuple[Script, str]]:
    script = Script()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(script))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield script, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def server(scripted_server: tuple[Script, str]) -> tuple[Script, str]:
    script, url = scripted_server
    script.steps.clear()
    script.requests.clear()
    script.headers.clear()
    return script, url


DOC = CitedDocument(
    doc_id="itu-pp/res-999/test-2000/en",
    body=Body.ITU_PP,
    doc_type=DocType.RESOLUTION,
    number="999",
    symbol=None,
    revision="Test, 2000",
    year=2000,
    title="A resolution written for this test",
    language="en",
    source="test",
)


def citation(n: int, quote: str) -> Citation:
    return Citation(
        n=n,
        clause_id=f"{DOC.doc_id}/operative/resolves/{n}",
        citation=f"Resolution 999 (Test, 2000), resolves, {n}",
        document=DOC,
        section=Section.OPERATIVE,
        keyword="resolves",
        label=str(n),
        text=quote,
        quote=quote,
        verified=True,
        page=None,
        score=0.9,
    )


EXTRACTIVE = Answer(
    question="What does Resolution 999 resolve?",
    answer="Resolution 999 (Test, 2000): resolves, 1: “to study widgets” [1]; …",
    refused=False,
    citations=(
        citation(1, "to study widgets in all regions"),
        citation(2, "to report on gadgets every year"),
    ),
    support=0.9,
)


def settings(url: str, timeout_s: float = 5.0) -> LLMSettings:
    return LLMSettings(url=url, model="scripted", api_key="test-key", timeout_s=timeout_s)


CASES = [
    ("It asks for a study of widgets [c1]. It asks for reports [c2].",
     "It asks for a study of widgets [1]. It asks for reports [2].", 0),
    ("Widgets are studied [C1]. Gadgets are reported (c2). Both matter 【c1、c2】.",
     "Widgets are studied [1]. Gadgets are reported [2]. Both matter [1][2].", 0),
    ("Widgets are studied [c1]. It also bans spam [c7]. Reports follow [c2, c9].",
     "Widgets are studied [1]. Reports follow [2].", 2),
    ("It decides “to abolish all widgets forever” [c1]. It says “to study widgets” [c1].",
     "It says “to study widgets” [1].", 0),
    ("A sentence with no key. Widgets are studied [c1].", "Widgets are studied [1].", 0),
]  # fmt: skip


@pytest.mark.parametrize(("content", "expected", "unknown"), CASES)
def test_model_text_is_policed(
    server: tuple[Script, str], content: str, expected: str, unknown: int
) -> None:
    script, url = server
    script.steps.append(("content", content))
    answer = synthesise(EXTRACTIVE, settings(url))
    assert answer.mode == "llm"
    assert answer.answer == expected
    assert answer.unknown_keys == unknown
    assert answer.citations == EXTRACTIVE.citations


FAILURES: list[Step] = [
    ("status", 500),
    ("status", 429),
    ("raw", b"this is not json"),
    ("json", {"error": "no choices here"}),
    ("json", {"choices": [{"message": {"content": None}}]}),
    ("content", "Nothing here carries a key. Nor here."),
    ("content", "Only invented keys [c5]. And more (c8)."),
]


@pytest.mark.parametrize("step", FAILURES)
def test_any_failure_returns_the_extractive_answer(server: tuple[Script, str], step: Step) -> None:
    script, url = server
    script.steps.append(step)
    answer = synthesise(EXTRACTIVE, settings(url))
    assert answer.mode == "extractive"
    assert answer.answer == EXTRACTIVE.answer


def test_timeout_returns_the_extractive_answer(server: tuple[Script, str]) -> None:
    script, url = server
    script.steps.append(("sleep", 1.5))
    answer = synthesise(EXTRACTIVE, settings(url, timeout_s=0.3))
    assert answer.answer == EXTRACTIVE.answer
    assert answer.mode == "extractive"


def test_unreachable_server_returns_the_extractive_answer() -> None:
    answer = synthesise(EXTRACTIVE, settings("http://127.0.0.1:9"))
    assert answer == EXTRACTIVE


def test_request_carries_opaque_keys_model_and_key(server: tuple[Script, str]) -> None:
    script, url = server
    script.steps.append(("content", "Widgets [c1]."))
    synthesise(EXTRACTIVE, settings(url))
    (request,) = script.requests
    assert request["model"] == "scripted"
    prompt = request["messages"][-1]["content"]
    assert "[c1] Resolution 999 (Test, 2000), resolves, 1" in prompt
    assert "[c2]" in prompt and "[c3]" not in prompt
    assert script.headers[0]["Authorization"] == "Bearer test-key"


def test_refused_answers_never_reach_the_model(server: tuple[Script, str]) -> None:
    script, url = server
    refused = Answer(question="q", answer="No clause supports an answer.", refused=True)
    assert synthesise(refused, settings(url)) == refused
    assert script.requests == []
