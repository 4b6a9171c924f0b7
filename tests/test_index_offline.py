"""The archive never reaches for the network: no model downloads (Chroma's default embedding
function), no telemetry, no OpenAI fallback in llama-index. A fresh process with a socket
guard ingests and searches; any non-loopback connection or DNS lookup is recorded and fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROGRAM = """
import json, socket, sys
from pathlib import Path

attempts = []
_connect = socket.socket.connect
_getaddrinfo = socket.getaddrinfo
LOOPBACK = ("127.0.0.1", "::1", "localhost")

def connect(self, address):
    if isinstance(address, tuple) and address[0] not in LOOPBACK:
        attempts.append(str(address))
        raise OSError("network is cut in this test")
    return _connect(self, address)

def getaddrinfo(host, *args, **kwargs):
    if host not in LOOPBACK and host is not None:
        attempts.append(f"dns {host}")
        raise socket.gaierror("network is cut in this test")
    return _getaddrinfo(host, *args, **kwargs)

socket.socket.connect = connect
socket.getaddrinfo = getaddrinfo

from rescite.core.settings import Settings
from rescite.core.wiring import open_archive

with open_archive(Settings(home=Path(sys.argv[1]), chroma_url=None)) as archive:
    report = archive.ingest([Path(sys.argv[2])])
    hits = archive.search("Plenipotentiary Conference", k=3)
print(json.dumps({"attempts": attempts, "added": len(report.added), "hits": len(hits)}))
"""


def test_ingest_and_search_touch_no_network(documents: Path, tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("OPENAI", "RESCITE_", "ORT_"))
    }
    env["HOME"] = str(tmp_path / "user")  # where Chroma would cache a downloaded model
    source = documents / "core" / "itu-pp-res32-kyoto-1994-en.txt"
    out = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(tmp_path / "home"), str(source)],
        env=env, capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert result["added"] == 1 and result["hits"] >= 1
    assert not (tmp_path / "user" / ".cache" / "chroma").exists()
