"""Server-sent event framing: every event parses back to exactly the JSON that was sent."""

from __future__ import annotations

import json

import pytest
from rescite.api.routes_query import sse_event, text_pieces


def parse(frame: str) -> tuple[str, str]:
    assert frame.endswith("\n\n")
    lines = frame[:-2].split("\n")  # SSE ends lines at LF (and CR), never at U+2028 or U+0085
    assert lines[0].startswith("event: ")
    return lines[0][7:], "\n".join(line[6:] for line in lines[1:])


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "line\u2028separator",
        "next\u0085line",
        "para\u2029graph",
        'tab\tand "quotes"',
        "二〇二二年",
    ],
)
def test_json_with_unicode_line_breaks_survives_framing(text: str) -> None:
    data = json.dumps({"text": text}, ensure_ascii=False)
    name, parsed = parse(sse_event("answer", data))
    assert name == "answer"
    assert json.loads(parsed) == {"text": text}


def test_multi_line_data_becomes_several_data_lines() -> None:
    assert sse_event("x", "a\nb") == "event: x\ndata: a\ndata: b\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "One.",
        "One. Two! Three? Four",
        "Resolution 130 (Rev. Dubai, 2018) says: a) x; b) y. [1]",
        "甲。乙。",
    ],
)
def test_answer_pieces_join_back_to_the_answer(text: str) -> None:
    assert "".join(text_pieces(text)) == text
