"""Which operative section a question names: its verb, its adverb ("further instructs") and
its addressees, spelled out whole or read as one."""

from __future__ import annotations

import re

from rescite.answer.question import Reading, bare_keyword
from rescite.core.records import Clause, Hit, Section


def section_matches(reading: Reading, clause: Clause) -> bool:
    """The clause sits in the section the question names (verb and addressee)."""
    if clause.section is not Section.OPERATIVE or not reading.section_named:
        return False
    keyword = (clause.keyword_en or "").lower()
    if reading.verb and reading.verb not in keyword:
        return False
    return (
        not reading.addressee
        or clause.addressee == reading.addressee
        or (clause.addressee or "").startswith(f"{reading.addressee} and ")  # "States and parties"
        or spelled_out(clause.keyword_en, reading.question)  # "Member States and Sector Members"
    )


def closest_sections(hits: list[Hit], reading: Reading) -> list[Hit]:
    """Of the sections a question names, the one with the adverb it asks for, and whose
    addressees it spells out whole, the longest ("invite Member States and Sector Members"),
    else the plainest: "instruct the Secretary-General" means `instructs the Secretary-General`,
    not `… and the Directors of the Bureaux` as well, nor `further instructs …`."""
    question = reading.question
    hits = with_the_adverb_asked(hits, question)
    spelled = [hit for hit in hits if spelled_out(hit.clause.keyword_en, question)]
    if spelled:
        most = max(len(_addressees(hit.clause.keyword_en)) for hit in spelled)
        hits = [hit for hit in spelled if len(_addressees(hit.clause.keyword_en)) == most]
    addressed = bool(reading.addressee)
    shortest = min(_named_length(hit, addressed) for hit in hits)
    return [hit for hit in hits if _named_length(hit, addressed) == shortest]


def _named_length(hit: Hit, addressed: bool) -> int:
    """How long the section's heading is. A General Assembly paragraph's keyword is its verb
    alone ("urges"), its addressee apart ("States", "States and parties"): counted when the
    question names one, else "what does it urge" is every paragraph that urges."""
    addressee = hit.clause.addressee if addressed else None
    return len(hit.clause.keyword_en or "") + len(addressee or "")


def with_the_adverb_asked(hits: list[Hit], question: str) -> list[Hit]:
    """ "further instruct the Council": `further instructs the ITU Council`; without an adverb,
    the sections without one, where the text has them."""
    asked = _plain(question)
    said = [hit for hit in hits if (adverb := _adverb(hit.clause.keyword_en)) and adverb in asked]
    return said or [hit for hit in hits if not _adverb(hit.clause.keyword_en)] or hits


def _adverb(keyword: str | None) -> str:
    """ "Further instructs the Council" -> " further " ("" for "instructs the Council")."""
    word = (keyword or "").lower()
    adverb = word[: len(word) - len(bare_keyword(word))]
    return _plain(adverb) if adverb.strip() else ""


def spelled_out(keyword: str | None, question: str) -> bool:
    """The question names the keyword's addressees whole."""
    return _addressees(keyword) in _plain(question)


def _plain(text: str) -> str:
    return " " + " ".join(re.sub(r"\bthe\b", " ", text.lower()).split()) + " "


def _addressees(keyword: str | None) -> str:
    """ "further instructs the Secretary-General and the Directors" -> " secretary-general and
    directors "; "calls upon States" -> " states " (never empty: a keyword without addressees,
    "calls upon", spells out none)."""
    words = bare_keyword(keyword or "").split()[1:]
    if words[:1] in (["upon"], ["on"], ["to"]):  # "calls upon", "appeals to": the verb's own
        words = words[1:]
    return _plain(" ".join(words)) if words else "\0"
