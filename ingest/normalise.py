"""Text normalisation shared by every reader.

What the readers hand on (`Document.text`) is what clause offsets and quote verification use,
so everything here is deterministic and changes nothing but:

- Unicode NFC; typographic ligatures (U+FB00-FB06) spelled out;
- non-breaking, narrow, figure and other odd spaces turned into a plain space; soft hyphens,
  zero-width characters and byte-order marks removed; CR/LF and CR turned into LF;
- runs of spaces collapsed and trailing spaces stripped on each line;
- hyphenation and hard line breaks mended where a reader joins the lines of one paragraph
  (`join_lines`): a word broken at a hyphen is kept hyphenated unless the unhyphenated word
  occurs elsewhere in the same document; lines between CJK characters join without a space.

Dashes, quotes and other punctuation are content and stay verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\v\f"
)
DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_TRANSLATE = str.maketrans({**dict.fromkeys(SPACES, " "), **dict.fromkeys(DROPPED), **LIGATURES})
_SPACE_RUN = re.compile(r" {2,}")
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d]) -(?=[^\W\d])")
_HYPHEN_END = re.compile(r"(\w+) ?-$")
_WORD_START = re.compile(r"^(\w+)")
_WORD = re.compile(r"\w+(?:-\w+)*")

# Ideographs, kana, hangul and CJK punctuation: scripts written without spaces between words.
_CJK_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x30FF),
    (0x3100, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def normalise_text(text: str) -> str:
    """NFC, ligatures, odd spaces and line ends; collapse space runs; strip line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = unicodedata.normalize("NFC", text.translate(_TRANSLATE))
    return "\n".join(clean_line(line) for line in text.split("\n"))


def clean_line(line: str) -> str:
    return _SPACE_RUN.sub(" ", line).strip()


def mend_spaced_hyphen(line: str) -> str:
    """`non -State` -> `non-State`: a space PDF extraction puts before a word hyphen."""
    return _SPACED_HYPHEN.sub("-", line)


def vocabulary(text: str) -> frozenset[str]:
    """The lowercased words and hyphenated compounds of a text.

    Used to decide whether a line-end hyphen is soft (`informa-/tion`) or part of the word
    (`drug-/resistant`).
    """
    return frozenset(word.lower() for word in _WORD.findall(text))


def mend(left: str, right: str, words: frozenset[str]) -> tuple[int, str]:
    """How to join two lines of one paragraph: (characters to cut from `left`, separator).

    A line-end hyphen is dropped when the unhyphenated word occurs elsewhere in the
    document (`words`) and the hyphenated one does not; otherwise the hyphen stays and the
    lines join without a space (`drug-` + `resistant`). CJK characters join without a space.
    """
    if not left or not right:
        return 0, ""
    if is_cjk(left[-1]) and is_cjk(right[0]):
        return 0, ""
    hyphen = _HYPHEN_END.search(left)
    head = _WORD_START.match(right)
    if hyphen and head and right[0].islower():
        stem = hyphen.group(1)
        whole = (stem + head.group(1)).lower()
        hyphenated = f"{stem}-{head.group(1)}".lower()
        cut = len(left) - hyphen.end(1)
        if whole in words and hyphenated not in words:
            return cut, ""
        return cut, "-"
    return 0, " "


def join_lines(lines: Sequence[str], words: frozenset[str]) -> str:
    """Join the lines of one paragraph, mending hyphenation and CJK line breaks."""
    out = ""
    for line in lines:
        if not line:
            continue
        cut, sep = mend(out, line, words)
        out = out[: len(out) - cut] + sep + line
    return out
