"""An ingest killed with SIGKILL leaves an index that opens and answers; the next run completes
it with the same clause ids as a clean ingest (bench/kill_resume.py does the work)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "kill_resume.py"
FILES = [
    "core/itu-pp-res2-rev-bucharest-2022-en.txt",
    "core/itu-pp-res14-rev-antalya-2006-en.txt",
    "core/unga-a-res-74-29-en.txt",
    "core/unga-a-res-73-187-en.txt",
]


def test_killed_ingests_resume_to_the_clean_result(
    documents: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("kill_resume", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_resume"] = module
    spec.loader.exec_module(module)

    same = module.run([documents / name for name in FILES], kills=2, work=tmp_path)

    out = capsys.readouterr().out
    assert out.count("reopened:") == 2  # after each kill the index opened and answered a search
    assert same, out
