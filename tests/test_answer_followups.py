"""Chat follow-ups narrow the previous question; `/filter` parses field=value clauses."""

from __future__ import annotations

import pytest
from rescite.answer.followups import describe, follow_up, parse_filter
from rescite.core.errors import QueryError
from rescite.core.records import Body, DocType, Filters, Section

ITU = (Body.ITU_PP, Body.ITU_WTSA, Body.ITU_WTDC)
BEFORE = Filters(year_from=2019)

FOLLOW_UPS = [
    ("only the General Assembly ones", Filters(body=(Body.UNGA,), year_from=2019)),
    ("and the ITU ones?", Filters(body=ITU, year_from=2019)),
    ("what about the WTSA?", Filters(body=(Body.ITU_WTSA,), year_from=2019)),
    ("only since 2021", Filters(year_from=2021)),
    ("just the operative clauses", Filters(section=(Section.OPERATIVE,), year_from=2019)),
    ("only UNGA ones before 2024", Filters(body=(Body.UNGA,), year_from=2019, year_to=2023)),
    ("What does Resolution 130 instruct the Secretary-General to do?", None),
    ("and what about spam?", None),
    ("Which General Assembly resolutions on artificial intelligence were adopted", None),
]


@pytest.mark.parametrize(("line", "expected"), FOLLOW_UPS)
def test_follow_up(line: str, expected: Filters | None) -> None:
    assert follow_up(line, BEFORE) == expected


FILTERS = [
    ("body=UNGA year>=2020", Filters(body=(Body.UNGA,), year_from=2020)),
    ("body=ITU section=operative", Filters(body=ITU, section=(Section.OPERATIVE,))),
    ("year=2018 type=decision",
     Filters(year_from=2018, year_to=2018, doc_type=(DocType.DECISION,))),
    ("year<2020 language=en,fr", Filters(year_to=2019, language=("en", "fr"))),
    ("keyword=instructs_the_Secretary-General",
     Filters(keyword=("instructs the Secretary-General",))),
    ("doc=unga/a-res-79-243/en", Filters(doc_id=("unga/a-res-79-243/en",))),
]  # fmt: skip


@pytest.mark.parametrize(("spec", "expected"), FILTERS)
def test_parse_filter(spec: str, expected: Filters) -> None:
    assert parse_filter(spec, Filters()) == expected


BAD = [
    ("body=moon", "use one of"),
    ("year>=soon", "e.g. year>=2020"),
    ("colour=red", "use body="),
    ("just words", "e.g. /filter body=UNGA"),
]


@pytest.mark.parametrize(("spec", "advice"), BAD)
def test_bad_filters_say_what_to_write(spec: str, advice: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_filter(spec, Filters())
    assert advice in raised.value.message


def test_describe() -> None:
    assert describe(Filters()) == "none"
    assert describe(Filters(body=(Body.UNGA,), year_from=2020)) == "body=UNGA year>=2020"
