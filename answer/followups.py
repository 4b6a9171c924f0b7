"""Follow-ups in a conversation: "only the General Assembly ones", "and the ITU ones?",
"only since 2020", "just the operative clauses" narrow or switch the previous question's filters.

Also the `/filter` mini-language: `body=UNGA year>=2020 section=operative language=en`.
"""

from __future__ import annotations

import re

from rescite.answer.question import ITU_FAMILY, find_bodies
from rescite.core.errors import QueryError
from rescite.core.records import Body, DocType, Filters, Section

_FOLLOW_UP = re.compile(
    r"^\s*(?:and|but|only|just|now|what about|how about|same for|and what about|restrict to|"
    r"limit to|filter to|仅|只|那么|et|seulement|solo|только|а)\b",
    re.IGNORECASE,
)
_ONES = re.compile(r"\b(ones?|those|them|these)\b|的呢|呢", re.IGNORECASE)
_SECTIONS = {
    Section.OPERATIVE: r"\boperative\b",
    Section.PREAMBLE: r"\bpreamb\w*",
    Section.ANNEX: r"\bannex\w*",
}
_YEAR_FROM = re.compile(r"\b(?:since|after|from)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR_TO = re.compile(r"\b(?:before|until)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def _restrictions(text: str) -> dict[str, object]:
    update: dict[str, object] = {}
    bodies = find_bodies(text)
    if bodies:
        update["body"] = bodies
    sections = tuple(s for s, pattern in _SECTIONS.items() if re.search(pattern, text, re.I))
    if sections:
        update["section"] = sections
    if match := _YEAR_FROM.search(text):
        update["year_from"] = int(match.group(1))
    if match := _YEAR_TO.search(text):
        update["year_to"] = int(match.group(1)) - 1
    return update


def follow_up(text: str, previous: Filters) -> Filters | None:
    """The previous question's filters, narrowed by this follow-up; None if it is not one."""
    words = text.split()
    if len(words) > 10:
        return None
    if not (_FOLLOW_UP.search(text) or _ONES.search(text)):
        return None
    update = _restrictions(text)
    if not update:
        return None
    return previous.model_copy(update=update)


_BODY_NAMES = {
    "unga": (Body.UNGA,),
    "ga": (Body.UNGA,),
    "un": (Body.UNGA,),
    "itu": ITU_FAMILY,
    "pp": (Body.ITU_PP,),
    "wtsa": (Body.ITU_WTSA,),
    "wtdc": (Body.ITU_WTDC,),
}
_CLAUSE = re.compile(r"(\w+)\s*(>=|<=|=|>|<)\s*(\S+)")


def _bodies(value: str) -> tuple[Body, ...]:
    out: list[Body] = []
    for name in value.split(","):
        key = name.strip().lower()
        if key in _BODY_NAMES:
            out.extend(_BODY_NAMES[key])
            continue
        try:
            out.append(Body(name.strip()))
        except ValueError as error:
            known = ", ".join([*(b.value for b in Body), "ITU", "GA"])
            raise QueryError(f"unknown body {name!r}; use one of {known}") from error
    return tuple(dict.fromkeys(out))


def _enum_values(enum: type[Section] | type[DocType], value: str) -> tuple[object, ...]:
    try:
        return tuple(enum(part.strip().lower()) for part in value.split(","))
    except ValueError as error:
        known = ", ".join(member.value for member in enum)
        raise QueryError(f"unknown value {value!r}; use one of {known}") from error


def parse_filter(spec: str, current: Filters) -> Filters:
    """`body=UNGA year>=2020 section=operative` applied over the current filters."""
    update: dict[str, object] = {}
    for field, op, value in _CLAUSE.findall(spec):
        field = field.lower()
        if field == "body":
            update["body"] = _bodies(value)
        elif field == "year":
            year = int(value) if value.isdigit() else None
            if year is None:
                raise QueryError(f"year needs a number, e.g. year>=2020 (got {value!r})")
            if op in (">=", ">", "="):
                update["year_from"] = year + (op == ">")
            if op in ("<=", "<", "="):
                update["year_to"] = year - (op == "<")
        elif field == "section":
            update["section"] = _enum_values(Section, value)
        elif field in ("type", "doc_type"):
            update["doc_type"] = _enum_values(DocType, value)
        elif field in ("language", "lang"):
            update["language"] = tuple(value.split(","))
        elif field == "keyword":
            update["keyword"] = tuple(value.replace("_", " ").split(","))
        elif field == "doc":
            update["doc_id"] = tuple(value.split(","))
        else:
            raise QueryError(
                f"unknown filter {field!r}; use body=, year>=, year<=, section=, type=, "
                "language=, keyword=, doc="
            )
    if not update and spec.strip():
        raise QueryError("write filters as field=value, e.g. /filter body=UNGA year>=2020")
    return current.model_copy(update=update)


def describe(filters: Filters) -> str:
    parts = [f"{name}={','.join(map(str, value))}" for name, value in (
        ("body", filters.body), ("type", filters.doc_type), ("section", filters.section),
        ("keyword", filters.keyword), ("language", filters.language), ("doc", filters.doc_id),
    ) if value]  # fmt: skip
    if filters.year_from is not None:
        parts.append(f"year>={filters.year_from}")
    if filters.year_to is not None:
        parts.append(f"year<={filters.year_to}")
    return " ".join(parts) or "none"
