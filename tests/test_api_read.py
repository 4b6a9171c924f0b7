"""The HTTP API's read side over the real core archive: search, ask, documents, clauses, ops."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from rescite.answer.ask import ask
from rescite.api.app import create_app
from rescite.core.archive import Archive
from rescite.core.records import Answer, Citation, Filters
from rescite.core.settings import ApiSettings, Settings

QUESTION = (
    "Which resolutions address the use of information and communications technologies "
    "for criminal purposes?"
)


def api_settings(home: Path, **api: Any) -> Settings:
    return Settings(home=home, chroma_url=None, api=ApiSettings(**api))


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return api_settings(tmp_path_factory.mktemp("api-read-home"))


@pytest.fixture(scope="module")
def client(settings: Settings, core_archive: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(settings, archive=core_archive)) as client:
        yield client


def squeeze(text: str) -> str:
    return " ".join(text.split())


def assert_error(response: Any, status: int, kind: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"type", "message"}
    assert body["error"]["message"]
    if kind is not None:
        assert body["error"]["type"] == kind


def test_health_and_readiness(client: TestClient, core_archive: Archive) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert ready.json()["documents"] == core_archive.counts()[0]


def test_search_returns_clauses_of_their_documents(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "criminal misuse of ICTs", "k": 5})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["query"] == "criminal misuse of ICTs"
    assert 1 <= len(body["hits"]) <= 5
    for hit in body["hits"]:
        assert hit["clause"]["clause_id"].startswith(hit["document"]["doc_id"] + "/")
        assert hit["clause"]["doc_id"] == hit["document"]["doc_id"]


FILTER_CASES = [
    ({"body": "UNGA"}, lambda hit: hit["document"]["body"] == "UNGA"),
    (
        {"body": ["ITU-PP", "ITU-WTSA"]},
        lambda hit: hit["document"]["body"] in {"ITU-PP", "ITU-WTSA"},
    ),
    ({"section": "operative"}, lambda hit: hit["clause"]["section"] == "operative"),
    ({"year_from": 2020}, lambda hit: (hit["document"]["year"] or 0) >= 2020),
    ({"year_to": 2000}, lambda hit: 0 < (hit["document"]["year"] or 0) <= 2000),
]


@pytest.mark.parametrize(("params", "holds"), FILTER_CASES)
def test_search_filters_restrict_every_hit(
    client: TestClient, params: dict[str, Any], holds: Any
) -> None:
    response = client.get(
        "/v1/search", params={"q": "telecommunications development", "k": 10, **params}
    )
    assert response.status_code == 200, response.text
    hits = response.json()["hits"]
    assert hits, f"no hit for {params}"
    assert all(holds(hit) for hit in hits)


def test_search_by_doc_id_filter(client: TestClient) -> None:
    doc_id = client.get("/v1/documents", params={"body": "UNGA", "limit": 1}).json()["items"][0][
        "doc_id"
    ]
    hits = client.get("/v1/search", params={"q": "General Assembly", "doc_id": doc_id}).json()[
        "hits"
    ]
    assert hits
    assert {hit["document"]["doc_id"] for hit in hits} == {doc_id}


BAD_SEARCHES = [
    ({"q": ""}, "validation_error"),
    ({"q": "   "}, "validation_error"),
    ({"q": "x" * 2001}, "query_error"),
    ({"q": "ok", "k": 0}, "validation_error"),
    ({"q": "ok", "k": 101}, "validation_error"),
    ({"q": "ok", "body": "NOT-A-BODY"}, "validation_error"),
    ({"q": "ok", "year_from": "soon"}, "validation_error"),
    ({"q": "ok", "section": "appendix"}, "validation_error"),
    ({}, "validation_error"),
]


@pytest.mark.parametrize(("params", "kind"), BAD_SEARCHES)
def test_bad_search_is_a_422_in_the_error_shape(
    client: TestClient, params: dict[str, Any], kind: str
) -> None:
    assert_error(client.get("/v1/search", params=params), 422, kind)


def test_documents_are_paged(client: TestClient, core_archive: Archive) -> None:
    first = client.get("/v1/documents", params={"limit": 5}).json()
    second = client.get("/v1/documents", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == core_archive.counts()[0]
    assert len(first["items"]) == 5
    assert {d["doc_id"] for d in first["items"]}.isdisjoint(d["doc_id"] for d in second["items"])
    unga = client.get("/v1/documents", params={"body": "UNGA", "limit": 500}).json()
    assert 0 < unga["total"] < first["total"]
    assert all(d["body"] == "UNGA" for d in unga["items"])


def test_document_by_id_with_slashes(client: TestClient, core_archive: Archive) -> None:
    doc_id = "itu-pp/res-2/rev-bucharest-2022/en"
    body = client.get(f"/v1/documents/{doc_id}", params={"text": "true"}).json()
    assert body["document"]["doc_id"] == doc_id
    assert [c["clause_id"] for c in body["clauses"]] == [
        c.clause_id for c in core_archive.clauses(doc_id)
    ]
    assert body["text"] == core_archive.document(doc_id).text
    assert client.get(f"/v1/documents/{doc_id}").json()["text"] is None


def test_clause_comes_with_its_neighbours(client: TestClient, core_archive: Archive) -> None:
    clauses = core_archive.clauses("itu-pp/res-2/rev-bucharest-2022/en")
    assert len(clauses) >= 5
    middle = len(clauses) // 2
    clause_id = clauses[middle].clause_id
    body = client.get(f"/v1/clauses/{clause_id}", params={"neighbours": 2}).json()
    assert body["clause"]["clause_id"] == clause_id
    assert body["citation"].startswith("Resolution 2 (Rev. Bucharest, 2022)")
    assert body["document"]["doc_id"] == clauses[middle].doc_id
    assert [c["clause_id"] for c in body["previous"]] == [
        c.clause_id for c in clauses[middle - 2 : middle]
    ]
    assert [c["clause_id"] for c in body["next"]] == [
        c.clause_id for c in clauses[middle + 1 : middle + 3]
    ]
    first = client.get(f"/v1/clauses/{clauses[0].clause_id}").json()
    assert first["previous"] == []
    assert [c["clause_id"] for c in first["next"]] == [clauses[1].clause_id]


@pytest.mark.parametrize(
    "path",
    [
        "/v1/documents/unga/a-res-1-1/xx",
        "/v1/clauses/unga/a-res-1-1/xx/operative/1",
        "/v1/nothing-here",
    ],
)
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404, "not_found")


def test_ask_returns_the_cli_json_contract(
    client: TestClient, core_archive: Archive, settings: Settings
) -> None:
    response = client.post("/v1/ask", json={"question": QUESTION, "k": 10})
    assert response.status_code == 200, response.text
    body = response.json()
    direct = ask(core_archive, QUESTION, k=10, filters=Filters(), settings=settings)
    assert body == json.loads(direct.model_dump_json())
    assert set(body) == set(Answer.model_fields)
    assert not body["refused"]
    assert body["citations"]
    for citation in body["citations"]:
        assert set(citation) == set(Citation.model_fields)
        assert citation["verified"] is True
        assert squeeze(citation["quote"]) in squeeze(citation["text"])


def test_ask_with_filters_keeps_to_them(client: TestClient) -> None:
    response = client.post(
        "/v1/ask",
        json={"question": QUESTION, "filters": {"body": ["UNGA"], "section": ["operative"]}},
    )
    assert response.status_code == 200, response.text
    for citation in response.json()["citations"]:
        assert citation["document"]["body"] == "UNGA"
        assert citation["section"] == "operative"


BAD_ASKS: list[tuple[Any, str]] = [
    ({}, "validation_error"),
    ({"question": ""}, "validation_error"),
    ({"question": " \n "}, "validation_error"),
    ({"question": "x" * 2001}, "query_error"),
    ({"question": "ok", "k": 0}, "validation_error"),
    ({"question": "ok", "surprise": 1}, "validation_error"),
    ({"question": "ok", "filters": {"body": ["MARS"]}}, "validation_error"),
    ({"question": "ok", "filters": {"colour": ["red"]}}, "validation_error"),
    ("not json at all", "validation_error"),
]


@pytest.mark.parametrize(("payload", "kind"), BAD_ASKS)
def test_bad_ask_is_a_422_in_the_error_shape(client: TestClient, payload: Any, kind: str) -> None:
    if isinstance(payload, str):
        response = client.post(
            "/v1/ask", content=payload, headers={"Content-Type": "application/json"}
        )
    else:
        response = client.post("/v1/ask", json=payload)
    assert_error(response, 422, kind)


def parse_sse(text: str) -> list[tuple[str, str]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        name = next(line[7:] for line in lines if line.startswith("event: "))
        data = "\n".join(line[6:] for line in lines if line.startswith("data: "))
        events.append((name, data))
    return events


def test_ask_stream_carries_every_citation(client: TestClient) -> None:
    response = client.post("/v1/ask/stream", json={"question": QUESTION})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(response.text)
    names = [name for name, _ in events]
    assert names[-1] == "done" and names.count("done") == 1
    done = json.loads(events[-1][1])
    streamed = [json.loads(data) for name, data in events if name == "citation"]
    assert streamed == done["citations"]
    assert done["citations"], "the question should be answered with citations"
    text = "".join(json.loads(data)["text"] for name, data in events if name == "answer")
    assert text == done["answer"]
    assert done == client.post("/v1/ask", json={"question": QUESTION}).json()


def test_ask_stream_errors_keep_their_status(client: TestClient) -> None:
    assert_error(client.post("/v1/ask/stream", json={"question": "x" * 2001}), 422, "query_error")


def test_metrics_count_requests_by_route_and_the_archive(
    client: TestClient, core_archive: Archive
) -> None:
    client.get("/v1/search", params={"q": "spectrum"})
    client.get("/v1/documents/unga/no-such/en")
    text = client.get("/metrics").text
    assert 'rescite_http_requests_total{method="GET",route="/v1/search",status="200"}' in text
    assert 'route="/v1/documents/{doc_id:path}",status="404"' in text
    assert (
        'rescite_http_request_duration_seconds_bucket{le="0.3",method="GET",route="/v1/search"}'
        in text
    )
    documents, clauses = core_archive.counts()
    assert f"rescite_archive_documents {float(documents)}" in text
    assert f"rescite_archive_clauses {float(clauses)}" in text
    assert 'rescite_result_cache{measure="hits"}' in text


def test_openapi_docs_and_page(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/v1/search",
        "/v1/ask",
        "/v1/ask/stream",
        "/v1/documents",
        "/v1/documents/{doc_id}",
        "/v1/clauses/{clause_id}",
        "/healthz",
        "/readyz",
        "/metrics",
    ):
        assert path in paths
    assert "post" in paths["/v1/documents"]
    docs = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    for asset in assets:  # served by the app itself: /docs works without internet
        assert asset.startswith("/"), asset
        assert client.get(asset).status_code == 200
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/healthz", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_configured_origins(core_archive: Archive, tmp_path: Path) -> None:
    settings = api_settings(tmp_path, cors_origins=["https://intranet.example"])
    with TestClient(create_app(settings, archive=core_archive)) as client:
        allowed = client.get("/healthz", headers={"Origin": "https://intranet.example"})
        other = client.get("/healthz", headers={"Origin": "https://elsewhere.example"})
        preflight = client.options(
            "/v1/ask",
            headers={"Origin": "https://intranet.example", "Access-Control-Request-Method": "POST"},
        )
    assert allowed.headers["access-control-allow-origin"] == "https://intranet.example"
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200


def test_a_body_over_the_limit_is_413(client: TestClient) -> None:
    payload = json.dumps({"question": "ok", "filters": {"keyword": ["x" * 200_000]}})
    response = client.post("/v1/ask", content=payload, headers={"Content-Type": "application/json"})
    assert_error(response, 413, "request_too_large")


def test_a_request_over_the_time_limit_is_504(core_archive: Archive, tmp_path: Path) -> None:
    settings = api_settings(tmp_path, request_timeout_s=1e-9)
    with TestClient(create_app(settings, archive=core_archive)) as client:
        assert_error(client.get("/v1/search", params={"q": "spectrum"}), 504, "timeout")


def test_doc_ids_may_be_percent_encoded(client: TestClient) -> None:
    doc_id = "itu-pp/res-2/rev-bucharest-2022/en"
    body = client.get("/v1/documents/" + quote(doc_id, safe="")).json()
    assert body["document"]["doc_id"] == doc_id
