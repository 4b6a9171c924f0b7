"""The kind of fact a question asks for, and whether a clause states one."""

from __future__ import annotations

import pytest
from rescite.answer.answer_type import Asked, asked_for, counts_what_is_asked, gives
from rescite.answer.question import read_question


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("On what date is the day celebrated each year?", Asked("date")),
        ("Which calendar date did the Assembly choose?", Asked("date")),
        ("In which years was the forum convened?", Asked("year")),
        ("By what year must the network be upgraded?", Asked("deadline")),
        ("What is the deadline for the report?", Asked("deadline")),
        ("Until when is the fund open?", Asked("deadline")),
        ("At what altitude does outer space begin?", Asked("number", measure="length")),
        ("How far from the coast may the cable run?", Asked("number", measure="length")),
        ("How far ahead of the assembly are candidates named?", None),  # a time, not a length
        ("Which frequency bands were identified?", Asked("number", measure="frequency")),
        ("What SAR limit, in watts per kilogram, applies?", Asked("number", measure="power")),
        ("What provisional value in Swiss francs was fixed?", Asked("money")),
        ("In what year did it launch its 2025 programme?", Asked("year", given=("2025",))),
        ("When did the forum first meet?", Asked("year")),
        ("What is the closing date for nominations?", Asked("date")),
        ("In which city will the conference be held?", Asked("place")),
        ("Which country offered to host it?", Asked("place")),
        ("Which three countries signed first?", Asked("place")),
        ("Where will the next Assembly take place?", Asked("place")),
        ("Where is resolution 70/186 cited?", None),  # where in the texts
        ("Which countries does the resolution invite to contribute?", None),  # a role
        ("Which UN agency leads the year?", Asked("organization")),
        ("Which entity did ITU partner with?", Asked("organization", given=("ITU",))),
        ("Which ITU bodies are instructed to act?", None),  # the Council, study groups: roles
        ("How many vice-chairmen may a study group have?", Asked("number")),
        ("How many weeks of leave are granted?", Asked("number", ("weeks",))),
        ("For how many years is the data kept?", Asked("number", ("years",))),
        ("How many times a year does the Board meet?", Asked("number")),  # how often
        ("How much do academic members pay?", Asked("money")),
        ("How much of the text was changed?", Asked("number")),
        ("How large is the reserve fund kept for the biennium?", Asked("money")),
        ("How big a role does the forum play?", None),  # no money: no amount asked
        ("What percentage of costs is recovered?", Asked("share")),
        ("What figure does the text set for the fund?", Asked("number")),
        ("Up to what age is a person counted as a child?", Asked("number", ("years",))),
        ("Which minimum age, in years, is set for voting?", Asked("number", ("years",))),
        ("What age group does the resolution target?", None),
        ("Who was appointed to chair the panel?", Asked("person")),
        ("Who were the co-facilitators of the review?", Asked("person")),
        ("Who may attend the forum?", None),  # a role, stated in words
        ("Who pays for the celebrations?", None),
        ("What does Resolution 130 instruct the Secretary-General to do?", None),
        ("When does the convention enter into force?", None),  # a date, or "the ninetieth day"
        ("Which resolutions recall resolution 68/243?", None),
        (
            "What sanction does the resolution impose on a State that fails to report?",
            Asked("sanction"),
        ),
        ("Is there a penalty for causing harmful interference?", Asked("sanction")),
        ("What monetary fine applies?", Asked("sanction")),
    ],
)
def test_the_fact_a_question_asks_for(question: str, asked: Asked | None) -> None:
    assert asked_for(question, "en") == asked
    assert read_question(question).asks_for == asked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("联合国大会把每年的哪一天定为国际日？", "date"),
        ("《世界人权宣言》是哪一年通过的？", "year"),
        ("国际电联有多少个成员国？", "number"),
        ("学术成员每年要交多少会费？", "money"),
        ("En quelle année la Déclaration a-t-elle été adoptée ?", "year"),
        ("À quelle date la journée est-elle célébrée ?", "date"),
        ("Combien coûte la participation des établissements universitaires ?", "money"),
        ("¿Cuántos miembros tiene la Junta del Reglamento?", "number"),
        ("¿En qué año se aprobó la Declaración?", "year"),
        ("Сколько членов в Совете?", "number"),
        ("В каком году была принята Декларация?", "year"),
        ("К какому году должен быть представлен доклад?", "deadline"),
        ("D'ici quelle année le réseau doit-il être modernisé ?", "deadline"),
        ("¿Para qué fecha debe presentarse el informe?", "deadline"),
        ("报告必须在哪一年之前提交？", "deadline"),
        ("Кто был назначен председателем?", "person"),
        ("كم عدد أعضاء المجلس؟", "number"),
        ("في أي عام اعتمد الإعلان؟", "year"),
        ("Какие санкции предусмотрены за нарушение?", "sanction"),
        ("Quelles sanctions sont prévues ?", "sanction"),
        ("¿Qué multa se impone?", "sanction"),
        ("对违反者有什么处罚？", "sanction"),
    ],
)
def test_the_fact_asked_for_in_other_languages(question: str, kind: str) -> None:
    asked = read_question(question).asks_for
    assert asked is not None and asked.kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "Quel article de la Déclaration protège la vie privée ?",
        "《世界人权宣言》关于酷刑的规定是什么？",
        "¿Qué establece la Declaración sobre el derecho al trabajo?",
        "Какая статья запрещает рабство?",
    ],
)
def test_questions_in_other_languages_that_ask_for_no_fact(question: str) -> None:
    assert read_question(question).asks_for is None


NUMBER, YEAR, DATE = Asked("number"), Asked("year"), Asked("date")


@pytest.mark.parametrize(
    ("text", "number", "year", "date"),
    [
        ("when two thirds of the Members have responded", True, False, False),
        ("up to 90 days, renewable", True, False, False),
        ("shall not serve for more than one term of office", True, False, False),
        ("convened in 2009 and 2013", False, True, False),
        # numbers that only name: its own number, items, cited texts, footnote marks
        ("8 to foster the allocation of resources; 10 to involve communities", False, False, False),
        ("recalling Resolution 70 (Rev. Dubai, 2018) and resolution 68/243", False, False, False),
        ("as set out in A/RES/79/243 and Article 33", False, False, False),
        ("bearing in mind the maturity of the child;34", False, False, False),
        ("Resolutions 18 (Rev. Busan, 2014), 18 (Rev. Doha, 2006)", False, False, False),
        ("Figure 1 - Concept of safety confirmation", False, False, False),
        ("No one shall be held in servitude", False, False, False),
        ("endorsed by the Council at its 2013 session", False, False, False),
        ("recalling its resolution 78/259 of 9 January 2024 on the day", False, False, False),
        # events and things named with a number, a part of the same text referred to
        ("the forum WTPF-21 was held online during the COVID-19 crisis", False, False, False),
        ("the procedure referred to in instructs the Council 2 shall apply", False, False, False),
        ("based on a single report of the Secretary-General", False, False, False),
        ("in requests for assistance made by 20 Member States", True, False, False),
        # a date or a year says when, not how many
        ("Decides to proclaim 16 September as the day", False, False, True),
        ("the session held from 14 to 17 October", False, False, True),
        ("the Declaration adopted on 20 November 1989", False, True, True),
        # dates and years as the other language versions write them
        ("联合国大会一九四八年十二月十日通过", False, True, True),
        ("大会于2019年12月27日通过", False, True, True),
        ("adoptée le 10 décembre 1948", False, True, True),
        ("принята 10 декабря 1948 года", False, True, True),
        ("aprobada el 10 de diciembre de 1948", False, True, True),
    ],
)
def test_what_a_clause_states(text: str, number: bool, year: bool, date: bool) -> None:
    assert gives(NUMBER, text) is number
    assert gives(YEAR, text) is year
    assert gives(DATE, text) is date


@pytest.mark.parametrize(
    ("asked", "text", "gives_it"),
    [
        (Asked("number", ("weeks",)), "a period of three weeks", True),
        (Asked("number", ("weeks",)), "three core functions, reviewed weekly", False),
        (Asked("number", ("days",)), "at least 35 calendar days before", True),
        (Asked("money"), "shall remain unchanged at CHF 318 000", True),
        (Asked("money"), "pay 1/32 of the contributory unit", True),
        (Asked("money"), "in the frequency band 470-694 MHz", False),
        (
            Asked("money"),
            "the contributory unit's value, once first agreed by the Member States",
            False,
        ),
        (Asked("share"), "no less than 5 per cent of the budget", True),
        (Asked("share"), "a third of the Member States", True),
        (Asked("share"), "Output 4.1 of Objective 4 of the action plan", False),
        (Asked("share"), "two-thirds of the votes cast", True),
        (Asked("share"), "the outcome of the fifth United Nations Conference on LDCs", False),
        (Asked("share"), "the share in per cent, set once the Council has first agreed", False),
        (Asked("number", ("years",)), "persons below 18 years of age", True),
        (Asked("number", ("years",)), "men and women of full age", False),
        (Asked("person"), "Appoints Mr. Kofi Annan as Secretary-General", True),
        (Asked("person"), "the President of the General Assembly appointed two co-chairs", False),
        (Asked("deadline"), "to achieve universal connectivity by 2030", True),
        (Asked("deadline"), "no later than 31 December 2025", True),
        (Asked("deadline"), "within two years of its adoption", True),
        (Asked("deadline"), "to report before the end of its eightieth session", True),
        (Asked("deadline"), "to include the item at its eighty-first session", False),
        (Asked("deadline"), "convened in 2009 and 2013", False),  # when, not by when
        (Asked("deadline"), "in implementing the 2030 Agenda", False),
        (Asked("year"), "the 2017 Buenos Aires Action Plan", False),  # a year in a name
        (Asked("year", given=("2025",)), "launched the Du3M 2025 initiative", False),
        (Asked("year", given=("2025",)), "launched in 2019 the 2025 initiative", True),
        (Asked("number", measure="length"), "at an altitude of 100 km", True),
        (Asked("number", measure="length"), "at least 100 Member States", False),
        (Asked("number", measure="frequency"), "in the band 470-694 MHz", True),
        (Asked("number", measure="frequency"), "in 2023 the Radio Regulations", False),
        (Asked("number", measure="power"), "a limit of 2 W/kg", True),
        (Asked("place"), "the offer of the Government of Qatar to host", True),
        (Asked("place"), "to be held in Geneva in 2027", True),
        (Asked("place"), "at a venue to be decided by the Council", False),
        (Asked("place"), "as asked in Resolution 71 (Rev. Bucharest, 2022)", False),
        (Asked("place"), "in line with Resolution 5 (Kyoto, 1994)", False),
        (Asked("place"), "to carry out the regional initiatives of the Kigali Action Plan", False),
        (Asked("place"), "invites Rwanda to host the meeting in Kigali", True),
        (Asked("place", given=("Geneva",)), "at ITU headquarters in Geneva", False),
        (Asked("organization"), "invites UNESCO to act as lead agency", True),
        (Asked("organization"), "with the International Cable Protection Committee", True),
        (Asked("organization"), "the United Nations system and ICT stakeholders", False),
        (Asked("organization"), "invites the League of Arab States to take part", True),
        (Asked("organization"), "thanks the organization of the forum", False),
        (Asked("organization", given=("ITU",)), "requests ITU to report", False),
        (Asked("sanction"), "a Member State in arrears shall lose its right to vote", True),
        (Asked("sanction"), "may impose sanctions on the offending party", True),
        (Asked("sanction"), "reserves the right to suspend the international service", False),
        (Asked("sanction"), "encourages Member States to report incidents", False),
    ],
)
def test_a_count_an_amount_a_name(asked: Asked, text: str, gives_it: bool) -> None:
    assert gives(asked, text) is gives_it


@pytest.mark.parametrize(
    ("question", "text", "counts_it"),
    [
        ("How many terms may a chairman serve?", "may serve no more than two terms as chair", True),
        (
            "How many terms may a chairman serve?",
            "chosen as No. 244 of the Convention provides",
            False,
        ),
        ("How many terms may a chairman serve?", "one appointment does not count", False),
        ("How many seats does the Board have?", "twelve seats, two per region", True),
        ("How many of the members must attend?", "two-thirds of its members", True),
        ("How many times a year does it meet?", "up to four meetings a year", True),
        ("How many new topics were added?", "three questions for study", True),
        ("What is the unit for 2024?", "the contributory unit of CHF 318 000", True),
    ],
)
def test_a_number_before_the_thing_a_question_counts(
    question: str, text: str, counts_it: bool
) -> None:
    """It only ranks: a question counting nothing it names, or "how many of / times / new",
    is answered by any number."""
    assert counts_what_is_asked(question, text) is counts_it
