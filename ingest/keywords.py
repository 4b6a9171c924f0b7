"""Recognise section keywords (ITU heading lines, UNGA paragraph openings) in six languages.

`match_heading` reads a whole ITU heading line ("instructs the Secretary-General", "考虑到",
"做出决议，责成秘书长") and returns its keyword as written, its English normal form
("instructs the Secretary-General", "considering", "resolves to instruct the
Secretary-General"), the addressee and whether it opens the preamble or the operative part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rescite.core.records import Section
from rescite.ingest import keywords_data as data

_TRAILING = " \t,:;，：；、"
# a heading holds no number but a Recommendation's name (Resolution 177, Dubai)
_RECOMMENDATION = re.compile(r"\bITU-[TRD]\s+[A-Z]{1,2}\.\d+(?:\.\d+)*")
_WITH_ARTICLE = {
    "Secretary-General",
    "Council",
    "Directors of the Bureaux",
    "Director of the Telecommunication Standardization Bureau",
    "Director of the Telecommunication Development Bureau",
    "Director of the Radiocommunication Bureau",
    "General Assembly",
}


@dataclass(frozen=True)
class KeywordMatch:
    keyword: str
    keyword_en: str
    section: Section
    addressee: str | None = None


def match_heading(line: str, language: str) -> KeywordMatch | None:
    """The keyword a whole heading line states, or None when the line is not a heading."""
    text = line.strip().strip(_TRAILING).strip()
    if not text or len(text) > 260 or re.search(r"[.;。；]\s*$", line.strip()):
        return None
    if re.search(r"\d", _RECOMMENDATION.sub("", text)):
        return None
    if language == "zh":
        return _match_zh(text)
    phrases = data.PHRASES_BY_LANGUAGE.get(language)
    if phrases is not None:
        found = _match_phrase(text, phrases)
        if found is not None:
            return found
    return _match_en(text)


def _section_of(keyword_en: str) -> Section:
    first = keyword_en.split(" ")[0]
    operative_verbs = {verb.split(" ")[0] for verb in data.OPERATIVE_EN}
    return Section.OPERATIVE if first in operative_verbs else Section.PREAMBLE


def _match_phrase(text: str, phrases: dict[str, str]) -> KeywordMatch | None:
    english = phrases.get(text.lower())
    if english is None:
        return None
    return KeywordMatch(text, english, _section_of(english), _addressee_of_english(english))


def _addressee_of_english(keyword_en: str) -> str | None:
    for verb in sorted(data.OPERATIVE_EN, key=len, reverse=True):
        if keyword_en.startswith(verb + " "):
            addressee, _ = addressee_of(keyword_en[len(verb) + 1 :])
            return addressee
    return None


def addressee_of(rest: str) -> tuple[str | None, str]:
    """(normalised addressee, English rest of the keyword) for the words after a verb."""
    rest = rest.strip().strip(_TRAILING)
    if not rest:
        return None, ""
    bare = re.sub(r"^(the|all)\s+", "", rest, flags=re.IGNORECASE)
    head = re.split(r",|\s+(?:to|that|in|and the)\s+", bare)[0].strip()
    norm = data.ADDRESSEES_EN.get(head.lower())
    if norm is None:
        norm = head[:1].upper() + head[1:] if head else None
        return norm, rest
    english_head = ("the " + norm) if norm in _WITH_ARTICLE else norm
    return norm, english_head + rest[rest.lower().find(head.lower()) + len(head) :]


def _match_en(text: str) -> KeywordMatch | None:
    lower = text.lower()
    if not lower[:1].islower() and not text[:1].islower():
        return None
    preamble = _match_en_preamble(lower)
    if preamble is not None:
        return KeywordMatch(text, preamble, Section.PREAMBLE)
    for verb in sorted(data.OPERATIVE_EN, key=len, reverse=True):
        if lower == verb or lower.startswith(verb + " "):
            rest = text[len(verb) :]
            if len(rest.split()) > 40:
                return None
            addressee, english_rest = addressee_of(rest.split(",")[0])
            keyword_en = (verb + " " + english_rest).strip()
            return KeywordMatch(text, keyword_en, Section.OPERATIVE, addressee)
    return None


def _match_en_preamble(lower: str) -> str | None:
    for word in sorted(data.PREAMBLE_EN, key=len, reverse=True):
        if lower == word:
            return word
        opening = re.match(re.escape(word) + r",? ", lower)
        if opening is not None:
            rest = lower[opening.end() :]
            if rest in data.PREAMBLE_MODIFIERS_EN or all(
                part in data.PREAMBLE_MODIFIERS_EN for part in rest.split(" and ")
            ):
                return lower
    for modifier in ("further", "also"):
        if lower.startswith(modifier + " "):
            inner = _match_en_preamble(lower[len(modifier) + 1 :])
            if inner is not None and " " not in inner:
                return inner + " " + modifier
    return None


def _match_zh(text: str) -> KeywordMatch | None:
    parts = [part for part in re.split(r"[，,、]", text) if part]
    if len(parts) == 1 and parts[0] in data.PREAMBLE_ZH:
        return KeywordMatch(text, data.PREAMBLE_ZH[parts[0]], Section.PREAMBLE)
    english: list[tuple[str, str | None]] = []
    for part in parts:
        found = _zh_operative(part)
        if found is None:
            return None
        english.append(found)
    if not english or len(text) > 40:
        return None
    keyword_en = english[0][0]
    for later, _ in english[1:]:
        verb, _, rest = later.partition(" ")
        keyword_en += " to " + _base_form(verb) + (" " + rest if rest else "")
    addressee = next((who for _, who in reversed(english) if who), None)
    return KeywordMatch(text, keyword_en, Section.OPERATIVE, addressee)


def _zh_operative(part: str) -> tuple[str, str | None] | None:
    for verb in sorted(data.OPERATIVE_ZH, key=len, reverse=True):
        if not part.startswith(verb):
            continue
        rest = part[len(verb) :]
        verb_en = data.OPERATIVE_ZH[verb]
        if not rest:
            return verb_en, None
        norm = data.ADDRESSEES_ZH.get(rest)
        if norm is None:
            return (verb_en + " " + rest), rest
        english = ("the " + norm) if norm in _WITH_ARTICLE else norm
        return f"{verb_en} {english}", norm
    return None


def _base_form(verb: str) -> str:
    return verb[:-1] if verb.endswith("s") else verb


# --- UNGA paragraph openings -------------------------------------------------------------

_UNGA_ADVERBS = (
    "also",
    "further",
    "furthermore",
    "again",
    "once again",
    "once more",
    "deeply",
    "gravely",
    "seriously",
    "strongly",
    "firmly",
    "fully",
    "reiterating",
    "moreover",
    "in this regard",
    "in this context",
    "in addition",
)
_PREAMBLE_ADJECTIVES = (
    "aware",
    "conscious",
    "concerned",
    "convinced",
    "mindful",
    "alarmed",
    "determined",
    "cognizant",
    "desirous",
    "encouraged",
    "disturbed",
    "guided",
    "appreciative",
    "deploring",
    "bearing in mind",
    "taking note",
    "taking into account",
    "taking into consideration",
)
_PREAMBLE_RE = re.compile(
    r"^((?:(?:also|further|deeply|gravely|seriously|strongly|firmly|fully|once again|"
    r"again|moreover|furthermore)\s+)*)"
    r"(having\s+\w+|[a-z]+ing|"
    + "|".join(re.escape(word) for word in _PREAMBLE_ADJECTIVES)
    + r")\b((?:\s+(?:also|further|again|moreover|with (?:deep |grave |great |serious )?"
    r"(?:concern|appreciation|satisfaction|interest|alarm|regret)|in mind|note(?: of)?))*)",
    re.IGNORECASE,
)
_OPERATIVE_RE = re.compile(
    r"^((?:(?:also|further|again|once again|once more|[a-z]+ly|in this regard|in addition)"
    r"\s*,?\s+)*)"
    r"(takes note|calls upon|calls on|appeals to|[a-z]+(?:-[a-z]+)?(?<!ing)(?<!ss)s)\b",
    re.IGNORECASE,
)
_ADDRESSED_VERBS = {
    "requests",
    "calls upon",
    "calls on",
    "urges",
    "encourages",
    "invites",
    "appeals to",
    "authorizes",
    "instructs",
    "mandates",
    "requests and encourages",
}


def unga_preamble_opening(paragraph: str) -> tuple[str, str] | None:
    """("Recalling also", "recalling") for a preambular paragraph's opening phrase."""
    match = _PREAMBLE_RE.match(paragraph.strip())
    if match is None or not match.group(0)[:1].isupper():
        return None
    written = match.group(0).strip()
    head = match.group(2).lower()
    modifiers = (match.group(3) or "").lower().split()
    kept = [word for word in modifiers if word not in {"also", "further", "again", "moreover"}]
    adverbs = [w for w in (match.group(1) or "").lower().split() if w not in {"also", "further"}]
    english = " ".join([*adverbs, head, *kept]).strip()
    return written, re.sub(r"\s+", " ", english)


def unga_operative_opening(paragraph: str) -> tuple[str, str, str | None] | None:
    """("Requests", "requests", "Secretary-General") for an operative paragraph's opening."""
    text = paragraph.strip()
    match = _OPERATIVE_RE.match(text)
    if match is None or not text[:1].isupper():
        return None
    verb = match.group(2).lower()
    written = match.group(0).strip()
    addressee = None
    if verb in _ADDRESSED_VERBS:
        addressee = _unga_addressee(text[match.end() :])
    return written, verb, addressee


def _unga_addressee(rest: str) -> str | None:
    head = re.split(r"\s+(?:to|that|for|in|on|with|at)\s+|[,;:(]", rest.strip(), maxsplit=1)[0]
    head = re.sub(r"^(the|all)\s+", "", head.strip(), flags=re.IGNORECASE)
    if not head or len(head.split()) > 10 or not head[:1].isalpha():
        return None
    return data.ADDRESSEES_EN.get(head.lower(), head)
