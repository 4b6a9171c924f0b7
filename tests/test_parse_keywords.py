"""Keyword tables, UNGA openings, cross-references and clause id rules (table-driven)."""

from __future__ import annotations

import pytest
from rescite.core.records import Section
from rescite.core.slugs import slug
from rescite.ingest.clause_ids import clause_path, unique_ids
from rescite.ingest.crossrefs import find_references
from rescite.ingest.keywords import match_heading, unga_operative_opening, unga_preamble_opening

HEADINGS = [
    ("considering further", "en", "considering further", Section.PREAMBLE, None),
    ("noting with concern", "en", "noting with concern", Section.PREAMBLE, None),
    ("bearing in mind", "en", "bearing in mind", Section.PREAMBLE, None),
    ("resolves", "en", "resolves", Section.OPERATIVE, None),
    (
        "instructs the Secretary-General",
        "en",
        "instructs the Secretary-General",
        Section.OPERATIVE,
        "Secretary-General",
    ),
    ("instructs the ITU Council", "en", "instructs the Council", Section.OPERATIVE, "Council"),
    (
        "resolves to instruct the Directors of the three Bureaux",
        "en",
        "resolves to instruct the Directors of the Bureaux",
        Section.OPERATIVE,
        "Directors of the Bureaux",
    ),
    (
        "instructs the Director of the Telecommunication Standardization Bureau",
        "en",
        "instructs the Director of the Telecommunication Standardization Bureau",
        Section.OPERATIVE,
        "Director of the Telecommunication Standardization Bureau",
    ),
    ("invites Member States", "en", "invites Member States", Section.OPERATIVE, "Member States"),
    ("意识到", "zh", "aware", Section.PREAMBLE, None),
    ("进一步考虑到", "zh", "considering further", Section.PREAMBLE, None),
    (
        "做出决议，责成秘书长",
        "zh",
        "resolves to instruct the Secretary-General",
        Section.OPERATIVE,
        "Secretary-General",
    ),
    ("责成秘书长", "zh", "instructs the Secretary-General", Section.OPERATIVE, "Secretary-General"),
    ("请理事会", "zh", "invites the Council", Section.OPERATIVE, "Council"),
    ("请成员国", "zh", "invites Member States", Section.OPERATIVE, "Member States"),
    ("considérant", "fr", "considering", Section.PREAMBLE, None),
    ("décide", "fr", "resolves", Section.OPERATIVE, None),
    (
        "charge le Secrétaire général",
        "fr",
        "instructs the Secretary-General",
        Section.OPERATIVE,
        "Secretary-General",
    ),
    ("reconociendo", "es", "recognizing", Section.PREAMBLE, None),
    ("resuelve", "es", "resolves", Section.OPERATIVE, None),
    (
        "encarga al Secretario General",
        "es",
        "instructs the Secretary-General",
        Section.OPERATIVE,
        "Secretary-General",
    ),
    ("учитывая", "ru", "considering", Section.PREAMBLE, None),
    ("решает", "ru", "resolves", Section.OPERATIVE, None),
    ("إذ يضع في اعتباره", "ar", "considering", Section.PREAMBLE, None),
    ("يقرر", "ar", "resolves", Section.OPERATIVE, None),
]


@pytest.mark.parametrize(("line", "language", "english", "section", "addressee"), HEADINGS)
def test_headings_in_six_languages(
    line: str, language: str, english: str, section: Section, addressee: str | None
) -> None:
    found = match_heading(line, language)
    assert found is not None
    assert (found.keyword, found.keyword_en, found.section, found.addressee) == (
        line,
        english,
        section,
        addressee,
    )


@pytest.mark.parametrize(
    "line",
    [
        "resolves 1 above;",
        "to make the necessary preparations",
        "a) that the Union",
        "Resolution 2",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    assert match_heading(line, "en") is None


@pytest.mark.parametrize(
    ("paragraph", "written", "english"),
    [
        ("Recalling also its resolution", "Recalling also", "recalling"),
        ("Noting with concern that", "Noting with concern", "noting with concern"),
        ("Deeply concerned about", "Deeply concerned", "deeply concerned"),
        ("Bearing in mind that", "Bearing in mind", "bearing in mind"),
        ("Having considered the report", "Having considered", "having considered"),
    ],
)
def test_unga_preambular_openings(paragraph: str, written: str, english: str) -> None:
    assert unga_preamble_opening(paragraph) == (written, english)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Requests the Secretary-General to submit", ("Requests", "requests", "Secretary-General")),
        (
            "Also calls upon all Member States to cooperate",
            ("Also calls upon", "calls upon", "Member States"),
        ),
        ("Decides to include in the agenda", ("Decides", "decides", None)),
        ("Takes note of the report", ("Takes note", "takes note", None)),
    ],
)
def test_unga_operative_openings(paragraph: str, expected: tuple[str, str, str | None]) -> None:
    assert unga_operative_opening(paragraph) == expected


REFERENCES = [
    (
        "Resolution 130 (Rev. Busan, 2014) of this conference",
        [("itu-resolution", "itu-pp/res-130/rev-busan-2014")],
    ),
    ("Resolution 2 (Kyoto, 1994)", [("itu-resolution", "itu-pp/res-2/kyoto-1994")]),
    (
        "Resolution 47 (Rev. Buenos Aires, 2017) of WTDC, on enhancement",
        [("itu-resolution", "itu-wtdc/res-47/rev-buenos-aires-2017")],
    ),
    (
        "Resolution 50 (Rev. Hammamet, 2016) of the World Telecommunication Standardization",
        [("itu-resolution", "itu-wtsa/res-50/rev-hammamet-2016")],
    ),
    (
        "resolutions 55/63 and 56/121 on combating",
        [("unga-resolution", "A/RES/55/63"), ("unga-resolution", "A/RES/56/121")],
    ),
    ("its resolution 68/243 of 27 December 2013", [("unga-resolution", "A/RES/68/243")]),
    ("UNGA Resolution 57/239", [("unga-resolution", "A/RES/57/239")]),
    ("A/RES/79/243", [("unga-resolution", "A/RES/79/243")]),
    ("联大第57/239号决议", [("unga-resolution", "A/RES/57/239")]),
    ("Action Line C5 and C7", [("wsis-action-line", "C5"), ("wsis-action-line", "C7")]),
    ("No. 118 of the Constitution", [("itu-constitution", "CS No. 118")]),
    ("Article 5 of the Convention", [("itu-constitution", "CV Art. 5")]),
    ("Article 12 of that Constitution", [("itu-constitution", "CS Art. 12")]),
    (
        "Resolution 9 (Rev. Kigali, 2022) of the World Telecommunication\nDevelopment Conference",
        [("itu-resolution", "itu-wtdc/res-9/rev-kigali-2022")],
    ),
    (
        "大会第12号决议（2018年，迪拜，修订版）",
        [("itu-resolution", "itu-pp/res-12/rev-dubai-2018")],
    ),
    (
        "世界电信发展大会第5号和第7号决议（2017年，布宜诺斯艾利斯）",
        [
            ("itu-resolution", "itu-wtdc/res-5/buenos-aires-2017"),
            ("itu-resolution", "itu-wtdc/res-7/buenos-aires-2017"),
        ],
    ),
    ("理事会第1300号决议", []),
    (  # the Council's texts have three- or four-digit numbers: not Resolution 130
        "ITU Council Resolution 1305 (2009), which invites",
        [("itu-council-resolution", "itu-council/res-1305")],
    ),
    ("Security Council resolution 1373 (2001) and Security Council Resolution 2272 (2016)", []),
    (
        "Human Rights Council resolution 47/16 of 13 July 2021 and resolution 78/213",
        [("unga-resolution", "A/RES/78/213")],
    ),
    (
        "approved Council Decision 588 and Resolution 1353 of the ITU Council",
        [
            ("itu-council-resolution", "itu-council/dec-588"),
            ("itu-council-resolution", "itu-council/res-1353"),
        ],
    ),
    (  # the conference that revised it names the body: Dubai 2014 was a WTDC, 2012 a WTSA
        "pursuant to Resolutions 45 (Rev. Dubai, 2014) and 69 (Rev. Buenos Aires, 2017), "
        "Resolution 58 (Rev. Dubai, 2012) and Resolution 2 (Rev. Dubai, 2018)",
        [
            ("itu-resolution", "itu-wtdc/res-45/rev-dubai-2014"),
            ("itu-resolution", "itu-wtdc/res-69/rev-buenos-aires-2017"),
            ("itu-resolution", "itu-wtsa/res-58/rev-dubai-2012"),
            ("itu-resolution", "itu-pp/res-2/rev-dubai-2018"),
        ],
    ),
    (
        "第45号决议（2014年，迪拜，修订版）",
        [("itu-resolution", "itu-wtdc/res-45/rev-dubai-2014")],
    ),
    (
        "Resolutions 1305, 1336 and 1344 adopted by the ITU Council",
        [
            ("itu-council-resolution", "itu-council/res-1305"),
            ("itu-council-resolution", "itu-council/res-1336"),
            ("itu-council-resolution", "itu-council/res-1344"),
        ],
    ),
    ("under Decision 11 (Rev. Busan, 2014)", [("itu-resolution", "itu-pp/dec-11/rev-busan-2014")]),
    ("the Council's decision of 2019", []),
    (
        "Resolutions 40 and 41 (Rev. Geneva, 2022) of WTSA",
        [
            ("itu-resolution", "itu-wtsa/res-40/rev-geneva-2022"),
            ("itu-resolution", "itu-wtsa/res-41/rev-geneva-2022"),
        ],
    ),
    (
        "WTDC-22 adopted Resolution 8 (Rev. Kigali, 2022)",
        [("itu-resolution", "itu-wtdc/res-8/rev-kigali-2022")],
    ),
    (
        "its resolutions 75/1 of 2 May 2021 on a topic, 76/9 of 3 June 2022 on another",
        [("unga-resolution", "A/RES/75/1"), ("unga-resolution", "A/RES/76/9")],
    ),
    ("the 2030 Agenda and 17 goals", [("named-text", "2030 Agenda")]),
    (  # texts cited by name; Connect 2030 is not the 2030 Agenda
        "the Tunis Agenda for the Information Society and the Connect 2030 Agenda",
        [("named-text", "Tunis Agenda"), ("named-text", "Connect 2030 Agenda")],
    ),
    (  # the UDHR is a General Assembly resolution, by name as by number
        "the Universal Declaration of Human Rights and the Charter of the United Nations",
        [("unga-resolution", "A/RES/217(III) A"), ("named-text", "Charter of the United Nations")],
    ),
    (  # the convention is the annex of A/RES/79/243: by name as by number
        "ratifying the United Nations Convention against Cybercrime and the Tampere Convention",
        [("unga-resolution", "A/RES/79/243"), ("named-text", "Tampere Convention")],
    ),
    (  # the other languages' versions of a Recommendation cite as the English one does
        "[UIT-T E.108] Recommandation UIT-T E.108 (2016); Рекомендация МСЭ-Т E.164",
        [("itu-recommendation", "E.108"), ("itu-recommendation", "E.164")],
    ),
    (  # a Plenipotentiary resolution as the General Assembly cites it
        "Welcoming the revised International Telecommunication Union resolution 186 on space",
        [("itu-resolution", "itu-pp/res-186")],
    ),
    (  # a treaty named in the other languages' versions
        "la Convención sobre los Derechos del Niño",
        [("named-text", "Convention on the Rights of the Child")],
    ),
    (
        "la Convention relative aux droits de l'enfant",
        [("named-text", "Convention on the Rights of the Child")],
    ),
    ("the ITU-T Study Group 2 and SUIT-T E.1", []),
    (  # a name broken across lines, as the PDFs' text often is
        "acceding to the Tampere\nConvention on the Provision of Telecommunication Resources",
        [("named-text", "Tampere Convention")],
    ),
    (
        "Recommendation ITU-T E.164 and ITU-T Recommendations A.4, A.5 and A.6.",
        [
            ("itu-recommendation", "E.164"),
            ("itu-recommendation", "A.4"),
            ("itu-recommendation", "A.5"),
            ("itu-recommendation", "A.6"),
        ],
    ),
    ("Annex A.1 of the report and Figure 2.1", []),  # no Recommendation without the word
    ("the Advisory Centre on International Investment Dispute Resolution 5", []),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_cross_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.kind, r.target) for r in find_references(text)] == expected


def test_clause_ids() -> None:
    assert slug("instructs the Secretary-General") == "instructs-the-secretary-general"
    assert slug("1.1") == "1.1"
    assert clause_path("operative", "résolves", ("2", "a bis")) == "operative/resolves/2/a-bis"
    assert clause_path("annex", None, ("annex-2", "article-5", "1")) == "annex-2/article-5/1"
    assert unique_ids("d", ["x", "x", "y", "x"]) == ["d/x", "d/x-2", "d/y", "d/x-3"]
