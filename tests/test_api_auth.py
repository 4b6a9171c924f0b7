"""API keys, roles, uploads and the bind policy, on a fresh archive of our own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rescite.api.app import create_app
from rescite.api.bind import check_bind, is_loopback
from rescite.core.archive import Archive
from rescite.core.errors import ConfigError
from rescite.core.settings import ApiSettings, Settings
from rescite.core.wiring import open_archive
from rescite.index.lock import WriteLock

READER, ADMIN = "reader-key-for-tests", "admin-key-for-tests"
MARKER = "zorblaxian"  # a made-up word that no real resolution contains


def generated_resolution(number: int, marker: str = MARKER) -> str:
    """A small ITU-style resolution written for the test (no corpus text)."""
    return "\n".join(
        [
            f"RESOLUTION {number} (KIGALI, 2030)",
            f"Coordination of {marker} frequency registers",
            "",
            "The Plenipotentiary Conference of the International Telecommunication Union "
            "(Kigali, 2030),",
            "",
            "considering",
            f"a) that {marker} frequency registers are kept by several administrations;",
            "b) that a shared register would help Member States,",
            "",
            "resolves",
            f"1 to establish a single register of {marker} frequency assignments;",
            "2 to review the register at each conference,",
            "",
            "instructs the Secretary-General",
            f"1 to report on the {marker} register to the Council every year.",
            "",
        ]
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("api-auth-home")


@pytest.fixture(scope="module")
def settings(home: Path) -> Settings:
    api = ApiSettings(reader_keys=[READER], admin_keys=[ADMIN], max_upload_mb=1)
    return Settings(home=home, chroma_url=None, api=api)


@pytest.fixture(scope="module")
def archive(settings: Settings) -> Iterator[Archive]:
    with open_archive(settings) as archive:
        yield archive


@pytest.fixture(scope="module")
def client(settings: Settings, archive: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(settings, archive=archive)) as client:
        yield client


def key_headers(key: str | None, style: str = "x-api-key") -> dict[str, str]:
    if key is None:
        return {}
    if style == "bearer":
        return {"Authorization": f"Bearer {key}"}
    return {"X-API-Key": key}


def upload(client: TestClient, name: str, data: bytes, key: str | None = ADMIN) -> Any:
    files = {"file": (name, data, "application/octet-stream")}
    return client.post("/v1/documents", files=files, headers=key_headers(key))


def assert_error(response: Any, status: int, kind: str) -> None:
    assert response.status_code == status, response.text
    assert response.json() == {
        "error": {"type": kind, "message": response.json()["error"]["message"]}
    }
    assert response.json()["error"]["message"]


AUTH_TABLE = [
    # (method, path, key, header style, status)
    ("GET", "/v1/search?q=register", None, "x-api-key", 401),
    ("GET", "/v1/search?q=register", "wrong-key", "x-api-key", 401),
    ("GET", "/v1/search?q=register", "wrong-key", "bearer", 401),
    ("GET", "/v1/search?q=register", READER, "x-api-key", 200),
    ("GET", "/v1/search?q=register", READER, "bearer", 200),
    ("GET", "/v1/search?q=register", ADMIN, "bearer", 200),
    ("GET", "/v1/documents", None, "x-api-key", 401),
    ("GET", "/v1/documents", READER, "x-api-key", 200),
    ("GET", "/v1/clauses/unga/none/en/operative/1", None, "x-api-key", 401),
    ("GET", "/v1/clauses/unga/none/en/operative/1", READER, "x-api-key", 404),
    ("POST", "/v1/ask", None, "x-api-key", 401),
    ("POST", "/v1/ask", READER, "bearer", 200),
    ("POST", "/v1/ask/stream", "wrong-key", "bearer", 401),
    ("GET", "/healthz", None, "x-api-key", 200),
    ("GET", "/readyz", None, "x-api-key", 200),
    ("GET", "/", None, "x-api-key", 200),
]


@pytest.mark.parametrize(("method", "path", "key", "style", "status"), AUTH_TABLE)
def test_auth_table(
    client: TestClient, method: str, path: str, key: str | None, style: str, status: int
) -> None:
    body = {"question": "Which register is established?"} if method == "POST" else None
    response = client.request(method, path, json=body, headers=key_headers(key, style))
    assert response.status_code == status, response.text
    if status == 401:
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"


UPLOAD_AUTH = [
    (None, 401, "unauthorized"),
    ("wrong-key", 401, "unauthorized"),
    (READER, 403, "forbidden"),
]


@pytest.mark.parametrize(("key", "status", "kind"), UPLOAD_AUTH)
def test_upload_needs_an_admin_key(
    client: TestClient, key: str | None, status: int, kind: str
) -> None:
    response = upload(client, "res-901.txt", generated_resolution(901).encode(), key=key)
    assert_error(response, status, kind)
    found = client.get("/v1/search", params={"q": "resolution 901"}, headers=key_headers(READER))
    assert all("901" not in (hit["document"]["number"] or "") for hit in found.json()["hits"])


def test_admin_upload_is_searchable_right_after(client: TestClient) -> None:
    query = {"q": f"{MARKER} frequency register", "k": 5}
    before = client.get("/v1/search", params=query, headers=key_headers(READER)).json()["hits"]
    assert not any(MARKER in hit["clause"]["text"] for hit in before)
    response = upload(client, "res-977-kigali.txt", generated_resolution(977).encode())
    assert response.status_code == 201, response.text
    report = response.json()
    assert len(report["added"]) == 1 and not report["failed"]
    doc_id = report["added"][0]
    hits = client.get(
        "/v1/search",
        params={"q": f"{MARKER} frequency register", "k": 5},
        headers=key_headers(READER),
    ).json()["hits"]
    assert hits and hits[0]["document"]["doc_id"] == doc_id
    assert any(MARKER in hit["clause"]["text"] for hit in hits)
    document = client.get(f"/v1/documents/{doc_id}", headers=key_headers(READER)).json()
    assert document["clauses"]
    again = upload(client, "res-977-kigali.txt", generated_resolution(977).encode())
    assert again.status_code == 200, again.text
    assert again.json()["unchanged"] == [doc_id]


BAD_UPLOADS = [
    ("program.exe", b"MZ\x90\x00", 415, "unsupported_format"),
    ("resolution", b"no extension", 415, "unsupported_format"),
    ("empty.txt", b"", 422, "empty_file"),
    ("big.txt", b"a" * (1024 * 1024 + 1), 413, "file_too_large"),
    ("huge.txt", b"a" * (2 * 1024 * 1024), 413, "request_too_large"),
    ("broken.pdf", b"%PDF-1.7 this is not really a PDF", 422, None),
]


@pytest.mark.parametrize(("name", "data", "status", "kind"), BAD_UPLOADS)
def test_bad_uploads_are_refused(
    client: TestClient, name: str, data: bytes, status: int, kind: str | None
) -> None:
    response = upload(client, name, data)
    assert response.status_code == status, response.text
    assert set(response.json()["error"]) == {"type", "message"}
    if kind is not None:
        assert response.json()["error"]["type"] == kind


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("intranet.example", False),
    ],
)
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


BIND_TABLE = [
    # (host, keys, allow flag, allow setting, refused)
    ("127.0.0.1", False, False, False, False),
    ("0.0.0.0", False, False, False, True),
    ("0.0.0.0", True, False, False, False),
    ("0.0.0.0", False, True, False, False),
    ("0.0.0.0", False, False, True, False),
]


@pytest.mark.parametrize(("host", "keys", "flag", "setting", "refused"), BIND_TABLE)
def test_bind_policy(
    tmp_path: Path, host: str, keys: bool, flag: bool, setting: bool, refused: bool
) -> None:
    api = ApiSettings(reader_keys=["k"] if keys else [], allow_open_bind=setting)
    settings = Settings(home=tmp_path, api=api)
    if refused:
        with pytest.raises(ConfigError, match="--allow-open-bind"):
            check_bind(host, settings, allow_open_bind=flag)
    else:
        check_bind(host, settings, allow_open_bind=flag)


def test_serve_refuses_an_open_bind_without_keys(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESCITE_API__")}
    env["RESCITE_HOME"] = str(tmp_path)
    env["COLUMNS"] = "300"
    result = subprocess.run(
        [sys.executable, "-m", "rescite.cli.main", "serve", "--host", "0.0.0.0", "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 78, result.stderr
    assert "--allow-open-bind" in result.stderr
    assert not (tmp_path / "docstore.sqlite3").exists()


def test_upload_while_another_process_writes_is_503(client: TestClient, home: Path) -> None:
    with WriteLock(home):  # what a `rescite ingest` on the same home holds
        response = upload(client, "res-978.txt", generated_resolution(978, "quuxian").encode())
    assert_error(response, 503, "index_locked")
    assert response.headers["retry-after"]
    retried = upload(client, "res-978.txt", generated_resolution(978, "quuxian").encode())
    assert retried.status_code == 201, retried.text
