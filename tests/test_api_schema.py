"""schemathesis against /openapi.json over the core archive: no input makes a server error.

Bounded: a few valid and a few invalid examples per operation. The reader key makes the upload
operation answer 403, so the shared core archive is never written to (uploads are tested in
test_api_auth.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from rescite.api.app import create_app
from rescite.core.archive import Archive
from rescite.core.settings import ApiSettings, Settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

READER = "schema-reader-key"
EXAMPLES = int(os.environ.get("RESCITE_SCHEMATHESIS_EXAMPLES", "25"))


def cases() -> list[tuple[str, str, GenerationMode]]:
    """(path, method, mode) for every documented operation, read from an app that opens nothing.

    Invalid inputs only exist for operations that take some (parameters or a body).
    """
    spec = create_app(Settings(home=Path("unused"))).openapi()
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            found.append((path, method, GenerationMode.POSITIVE))
            if operation.get("parameters") or operation.get("requestBody"):
                found.append((path, method, GenerationMode.NEGATIVE))
    return found


@pytest.fixture(scope="module")
def api_schema(core_archive: Archive, tmp_path_factory: pytest.TempPathFactory) -> Any:
    home: Path = tmp_path_factory.mktemp("api-schema-home")
    api = ApiSettings(reader_keys=[READER], admin_keys=["schema-admin-key-unused"])
    app = create_app(Settings(home=home, chroma_url=None, api=api), archive=core_archive)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize(("path", "method", "mode"), cases())
def test_no_server_errors(api_schema: Any, path: str, method: str, mode: GenerationMode) -> None:
    operation = api_schema[path][method.upper()]
    statuses: list[int] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        checks = [not_a_server_error, content_type_conformance]
        if mode is GenerationMode.POSITIVE:
            checks.append(response_schema_conformance)
        response = case.call_and_validate(headers={"X-API-Key": READER}, checks=checks)
        statuses.append(response.status_code)

    run()
    assert statuses and max(statuses) < 500
