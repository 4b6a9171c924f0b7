"""An observance a question names: "the International Day of Quantum Science and Technology".
Asked a fact about it (its date, its lead agency), a clause answers only if it, or its text's
title, names that observance: the date of another international day is no answer."""

from __future__ import annotations

import re

# "International Day of …", "International Year of …", "International Decade for …": the kind
# and the capitalised words of its name, with the small words between them.
_NAMED = re.compile(
    r"\bInternational\s+(Day|Year|Decade|Week)((?:\s+(?:of|for|against|on|and|the|in|to)"
    r"|\s+(?-i:[A-Z])[\w'’-]*|,)+)"
)
_SMALL = frozenset({"of", "for", "against", "on", "and", "the", "in", "to"})


def observance_asked(question: str) -> tuple[str, ...]:
    """The kind and the words of the observance's name ("day", "quantum", "science",
    "technology"); empty when the question names none."""
    match = _NAMED.search(question)
    if match is None:
        return ()
    words = re.findall(r"[\w'’-]+", match.group(2).lower())
    return (match.group(1).lower(), *(word for word in words if word not in _SMALL))


def names_observance(observance: tuple[str, ...], text: str) -> bool:
    """The text names the observance: "international" and its kind, then every word of its
    name, anywhere in it."""
    if not observance:
        return True
    kind, *name = observance
    said = text.lower()
    return f"international {kind}" in said and all(
        re.search(rf"\b{re.escape(word)}", said) for word in name
    )
