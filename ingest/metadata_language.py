"""Language of a text: script first, then stop words for the Latin-script UN languages."""

from __future__ import annotations

import re
from collections import Counter

SAMPLE = 6000
EN_WORDS = "the of and to in that for is on with by as are be this"
FR_WORDS = "le la les des et du une dans pour que est sur aux au par l d qu"
ES_WORDS = "el los las del y que para por con una su se al"
STOP_WORDS = {
    "en": frozenset(EN_WORDS.split(" ")),
    "fr": frozenset(FR_WORDS.split(" ")),
    "es": frozenset(ES_WORDS.split(" ")),
}
WORD = re.compile(r"[^\W\d_]+")


def script_of(char: str) -> str | None:
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "ar"
    if 0x0400 <= code <= 0x04FF:
        return "ru"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "zh"
    if char.isalpha() and code < 0x0250:
        return "latin"
    return None


def detect_language(text: str) -> str:
    """One of ar, en, es, fr, ru, zh (en when nothing tells)."""
    sample = text[:SAMPLE]
    scripts = Counter(script for char in sample if (script := script_of(char)))
    if not scripts:
        return "en"
    # Ideographs carry about as much text as 3 Latin letters each.
    weighted = {s: n * (3 if s == "zh" else 1) for s, n in scripts.items()}
    script = max(sorted(weighted), key=lambda s: weighted[s])
    if script != "latin":
        return script
    return _latin_language(sample)


def _latin_language(sample: str) -> str:
    words = [w.lower() for w in WORD.findall(sample)]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in STOP_WORDS.items()}
    return max(sorted(scores), key=lambda lang: (scores[lang], lang == "en"))
