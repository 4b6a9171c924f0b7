"""Metadata detection on small synthetic texts (written for this test, not corpus excerpts)."""

from __future__ import annotations

from datetime import date

import pytest
from rescite.core.records import Body, DocType
from rescite.ingest.metadata import detect, roman, slug
from rescite.ingest.metadata_language import detect_language

UNGA_ES = """United Nations A/RES/ES-11/10
General Assembly
Eleventh emergency special session
Resolution adopted by the General Assembly
on 3 March 2026
ES-11/10. A made-up title
for a test
The General Assembly,
"""
WTDC = """RESOLUTION 37 (REV. KIGALI, 2022)
A made-up title
The World Telecommunication Development Conference (Kigali, 2022),
considering
"""
WTSA_NO_REV = """RESOLUTION 99 (NEW DELHI, 2024)
Something
The World Telecommunication Standardization Assembly (New Delhi, 2024),
"""


def test_unga_emergency_special_session_symbol() -> None:
    meta = detect(UNGA_ES, source="x.pdf", sha256="ab")
    assert meta.body == Body.UNGA
    assert meta.symbol == "A/RES/ES-11/10"
    assert meta.number == "ES-11/10"
    assert meta.doc_id == "unga/a-res-es-11-10/en"
    assert meta.adopted == date(2026, 3, 3)
    assert meta.year == 2026
    assert meta.title == "A made-up title for a test"
    assert (meta.source, meta.sha256) == ("x.pdf", "ab")


@pytest.mark.parametrize(
    ("text", "body", "doc_id", "revision"),
    [
        (WTDC, Body.ITU_WTDC, "itu-wtdc/res-37/rev-kigali-2022/en", "Rev. Kigali, 2022"),
        (WTSA_NO_REV, Body.ITU_WTSA, "itu-wtsa/res-99/new-delhi-2024/en", "New Delhi, 2024"),
    ],
)
def test_itu_headers(text: str, body: Body, doc_id: str, revision: str) -> None:
    meta = detect(text)
    assert (meta.body, meta.doc_type, meta.doc_id, meta.revision) == (
        body,
        DocType.RESOLUTION,
        doc_id,
        revision,
    )


def test_old_style_unga_number() -> None:
    meta = detect("Resolution 2758 (XXVI)\nadopted by the General Assembly at its session\n")
    assert (meta.body, meta.number, meta.session) == (Body.UNGA, "2758 (XXVI)", 26)
    assert meta.doc_id == "unga/2758-xxvi/en"


def test_unknown_text_is_other() -> None:
    meta = detect("Minutes of a meeting\nNothing to see here, and the rest.\n", sha256="f" * 64)
    assert (meta.body, meta.doc_type) == (Body.OTHER, DocType.OTHER)
    assert meta.doc_id == "other/minutes-of-a-meeting/en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The members of the committee agreed that the report is ready for the vote.", "en"),
        ("Les membres du comité sont convenus que le rapport est prêt pour le vote.", "fr"),
        ("Los miembros del comité acordaron que el informe está listo para la votación.", "es"),
        ("Члены комитета согласились, что доклад готов к голосованию.", "ru"),
        ("委员会成员一致认为报告已准备好进行表决。", "zh"),
        ("اتفق أعضاء اللجنة على أن التقرير جاهز للتصويت.", "ar"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_helpers() -> None:
    assert roman("XXVI") == 26
    assert roman("III") == 3
    assert slug("A/RES/79/243") == "a-res-79-243"
    assert slug("Rev. Dubai, 2018") == "rev-dubai-2018"
