"""`rescite chat` driven through a pseudo-terminal (pexpect) and through a pipe, over the core
archive built by the `core_archive` fixture."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pexpect
import pytest
from rescite.core.archive import Archive

REPO = Path(__file__).resolve().parent.parent
RESCITE = REPO / ".venv" / "bin" / "rescite"
# A fresh prompt starts a line; prompt_toolkit's redraw of the line being accepted does not.
# (It moves the cursor instead of printing the trailing space, so match "rescite>".)
PROMPT = re.compile(r"\n(?:\x1b\[[0-9;?]*[A-Za-z]|\r)*rescite>")
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\r")


@pytest.fixture(scope="module")
def core_home(core_archive: Archive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the core_archive fixture ingested into (tests/conftest.py: mktemp)."""
    home = tmp_path_factory.getbasetemp() / "core-archive0"
    assert (home / "docstore.sqlite3").is_file(), f"no core archive at {home}"
    return home


def environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RESCITE_HOME": str(home),
        "ORT_DISABLE_TELEMETRY": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",
        "COLUMNS": "160",
        "LINES": "50",
    }


def until_prompt(child: pexpect.spawn) -> str:
    child.expect(PROMPT)
    return ANSI.sub("", child.before)


def test_chat_question_follow_up_show_export(core_home: Path, tmp_path: Path) -> None:
    child = pexpect.spawn(
        str(RESCITE), ["chat"], env=environment(core_home), encoding="utf-8",
        timeout=180, dimensions=(50, 160),
    )  # fmt: skip
    try:
        until_prompt(child)
        child.sendline("What does Resolution 130 instruct the Secretary-General to do?")
        first = until_prompt(child)
        assert "Resolution 130 (Rev. Dubai, 2018), instructs the Secretary-General, 1" in first
        assert "verified" in first

        child.sendline("Which resolutions address cybersecurity and the misuse of ICTs?")
        until_prompt(child)
        child.sendline("only the General Assembly ones")
        narrowed = until_prompt(child)
        assert "filters: body=UNGA" in narrowed
        panels = [line for line in narrowed.splitlines() if line.startswith("╭─")]
        assert panels and all("A/RES/" in line for line in panels), panels

        child.sendline("/show 1")
        shown = until_prompt(child)
        assert "operative/" in shown or "preamble/" in shown or "annex" in shown
        assert "A/RES/" in shown

        target = tmp_path / "chat.md"
        child.sendline(f"/export {target}")
        assert "exported 3 answers" in until_prompt(child)
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    markdown = target.read_text(encoding="utf-8")
    assert markdown.count("\n## ") == 3
    assert "`itu-pp/res-130/rev-dubai-2018/en/operative/instructs-the-secretary-general/1`" in (
        markdown
    )
    assert "   > " in markdown and "[1]" in markdown
    history = (core_home / "chat_history").read_text(encoding="utf-8")
    assert "only the General Assembly ones" in history


def test_chat_reads_piped_questions(core_home: Path) -> None:
    lines = "What does the Universal Declaration say about torture?\n/show 1\n/filter body=moon\n"
    result = subprocess.run(
        [str(RESCITE), "chat"], input=lines, capture_output=True, text=True,
        env=environment(core_home), timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "> What does the Universal Declaration say about torture?" in out
    assert "Universal Declaration of Human Rights (resolution 217 A (III)), art. 5" in out
    assert "error: unknown body 'moon'" in out
