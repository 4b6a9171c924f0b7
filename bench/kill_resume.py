"""Kill-and-resume: SIGKILL an ingest mid-way several times, then let it finish, and compare the
index with a clean ingest of the same files (clause counts and ids must be identical).

    .venv/bin/python bench/kill_resume.py [PATH…] [--kills 3] [--work DIR]

PATH defaults to a dozen files of documents/core. After every kill the index is opened in a
fresh process and must answer a search. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(
    os.environ.get("RESCITE_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)
DEFAULT_FILES = [
    "itu-pp-res2-rev-bucharest-2022-en.txt",
    "itu-pp-res21-rev-bucharest-2022-en.txt",
    "itu-pp-res25-rev-bucharest-2022-en.txt",
    "itu-pp-res30-rev-bucharest-2022-en.txt",
    "itu-pp-res14-rev-antalya-2006-en.txt",
    "itu-pp-res22-rev-antalya-2006-en.txt",
    "unga-a-res-73-27-en.txt",
    "unga-a-res-74-28-en.txt",
    "unga-a-res-74-29-en.txt",
    "unga-a-res-75-32-en.txt",
    "unga-a-res-76-19-en.txt",
    "unga-res-217-a-iii-udhr-fr.txt",
]

PROBE = """
import json, sys
from pathlib import Path
from rescite.core.settings import Settings
from rescite.core.wiring import open_archive
with open_archive(Settings(home=Path(sys.argv[1]), chroma_url=None)) as archive:
    hits = archive.search("the Secretary-General", k=5)
    stats = archive.stats()
    print(json.dumps({"hits": len(hits), "ids": archive.clause_ids(), **stats.model_dump()}))
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, RESCITE_HOME=str(home), ORT_DISABLE_TELEMETRY="1")
    env.pop("RESCITE_CHROMA_URL", None)
    return env


def _ingest_command(paths: list[Path]) -> list[str]:
    return [sys.executable, "-m", "rescite.cli.main", "ingest", *map(str, paths)]


def probe(home: Path) -> dict[str, object]:
    """Open the index in a fresh process, search, and return its stats and clause ids."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(home)], env=_env(home), check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def committed(home: Path) -> int:
    try:
        with sqlite3.connect(home / "docstore.sqlite3", timeout=5) as db:
            return int(
                db.execute("SELECT COUNT(*) FROM documents WHERE committed = 1").fetchone()[0]
            )
    except sqlite3.Error:
        return 0


def killed_run(paths: list[Path], home: Path, rng: random.Random, budget: float) -> int:
    """Start an ingest; SIGKILL it at a random moment within `budget` seconds, or soon after
    it commits one more document, whichever comes first."""
    before = committed(home)
    process = subprocess.Popen(
        _ingest_command(paths), env=_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + rng.uniform(0.3, 1.0) * budget
    while process.poll() is None and committed(home) <= before and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(rng.uniform(0.0, 1.0))
    if process.poll() is not None:
        return committed(home)  # finished before the kill
    process.send_signal(signal.SIGKILL)
    process.wait()
    return committed(home)


def run(paths: list[Path], kills: int, work: Path, seed: int = 7) -> bool:
    rng = random.Random(seed)
    clean_home, killed_home = work / "clean", work / "killed"
    for home in (clean_home, killed_home):
        shutil.rmtree(home, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(_ingest_command(paths), env=_env(clean_home), check=True, capture_output=True)
    clean_seconds = time.perf_counter() - started
    clean = probe(clean_home)
    print(
        f"clean ingest: {clean['documents']} documents, {clean['clauses']} clauses, "
        f"{clean_seconds:.1f} s"
    )
    for n in range(1, kills + 1):
        done = killed_run(paths, killed_home, rng, budget=clean_seconds)
        state = probe(killed_home)
        print(
            f"kill {n}: {done} documents committed; reopened: {state['documents']} documents, "
            f"{state['clauses']} clauses, {state['vectors']} vectors, "
            f"{state['uncommitted']} uncommitted, search answered {state['hits']} hits"
        )
    subprocess.run(_ingest_command(paths), env=_env(killed_home), check=True, capture_output=True)
    final = probe(killed_home)
    same = final["ids"] == clean["ids"] and final["consistent"] is True
    print(
        f"resumed: {final['documents']} documents, {final['clauses']} clauses, "
        f"{final['vectors']} vectors, {final['bm25_clauses']} bm25, "
        f"consistent={final['consistent']}"
    )
    print(f"clause ids identical to the clean ingest: {same}")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    paths = args.paths or [CORPUS / "documents" / "core" / name for name in DEFAULT_FILES]
    work = args.work or Path(tempfile.mkdtemp(prefix="rescite-kill-"))
    work.mkdir(parents=True, exist_ok=True)
    sys.exit(0 if run(paths, args.kills, work) else 1)


if __name__ == "__main__":
    main()
