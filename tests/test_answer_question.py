"""Reading questions as a delegate means them: references, intent, addressee, body, language."""

from __future__ import annotations

import re

import pytest
from rescite.answer.doc_refs import DocRef
from rescite.answer.glossary import ZH_EN, english_terms
from rescite.answer.locator import Locator
from rescite.answer.question import read_question, searched_words, verb_matches
from rescite.core.records import Body, DocType, Section

UNGA = Body.UNGA
ITU = (Body.ITU_PP, Body.ITU_WTSA, Body.ITU_WTDC)
ITU_TEXTS = (*ITU, Body.ITU_OTHER)  # "ITU texts": the Constitution, Recommendations too

REFS = [
    ("What does Resolution 130 instruct the Secretary-General to do?", [("itu", "130", None)]),
    ("res 179", [("itu", "179", None)]),
    ("Res. 2 (Rev. Bucharest, 2022), what does it resolve?", [("itu", "2", "bucharest 2022")]),
    ("Resolution 130 (Rev. Busan, 2014)", [("itu", "130", "busan 2014")]),
    ("A/RES/74/247", [("unga", "74/247", None)]),
    ("what does 74/247 decide", [("unga", "74/247", None)]),
    ("General Assembly resolution 57/239 on cybersecurity", [("unga", "57/239", None)]),
    ("A/RES/ES-11/10", [("unga", "ES-11/10", None)]),
    ("What does the UDHR say about torture?", [("unga", "217 A (III)", None)]),
    ("What does the Universal Declaration say about torture?", [("unga", "217 A (III)", None)]),
    (
        "Какая статья Всеобщей декларации прав человека запрещает рабство?",
        [("unga", "217 A (III)", None)],
    ),
    ("resolution 2758 (XXVI)", [("unga", "2758 (XXVI)", None)]),
    ("第130号决议责成秘书长做什么？", [("itu", "130", None)]),
    ("Que dit la résolution 130 ?", [("itu", "130", None)]),
    ("国际电联组织法关于国际通信保密的规定是什么？", [("basic", "constitution", None)]),
    # a title in Chinese is written between 《 》, inside or after "国际电联"
    ("国际电联《组织法》对无线电干扰有什么规定？", [("basic", "constitution", None)]),
    ("《国际电联公约》关于语文有什么规定？", [("basic", "convention", None)]),
    ("《组织法》和《公约》的关系是什么？", [("basic", "constitution", None),
                                  ("basic", "convention", None)]),
    ("哪项决议通过了《联合国打击网络犯罪公约》？", []),
    ("What does the ITU Convention say about languages?", [("basic", "convention", None)]),
    ("Does ITU's founding treaty let States stop a telegram?", [("basic", "constitution", None)]),
    ("What does the basic instrument of the Union say on this?", [("basic", "constitution", None)]),
    ("What does the founding treaty of the UN say on this?", []),
    ("Which articles of the ITU Constitution does Resolution 6 refer to?", [("itu", "6", None)]),
    ("Что говорит резолюция 130?", [("itu", "130", None)]),
    ("Which resolutions call for capacity building in 2019 and 2020?", []),
    ("In the Dubai 2018 version of Resolution 2, who attended?", [("itu", "2", "dubai 2018")]),
    ("the 2022 text of Resolution 2", [("itu", "2", "2022")]),
    ("Resolution 2 as revised in 2018 and 2022", [("itu", "2", "2018"), ("itu", "2", "2022")]),
    ("in the Dubai and the Bucharest texts of Resolution 2", [("itu", "2", "dubai"),
                                                              ("itu", "2", "bucharest")]),
    ("Which revision of Resolution 2 says the forum is ad hoc?", [("itu", "2", "*")]),
    ("How did Resolution 2 change between revisions?", [("itu", "2", "*")]),
    ("What changed in Resolution 2?", [("itu", "2", "*")]),
    ("What did PP-22 change in Resolution 2 compared with 2018?", [("itu", "2", "2022"),
                                                                  ("itu", "2", "2018")]),
    ("In the PP-18 text of Resolution 2, who may attend?", [("itu", "2", "2018")]),
    ("What does Resolution 2 say about changes in the telecommunication environment?",
     [("itu", "2", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("question", "expected"), REFS)
def test_references(question: str, expected: list[tuple[str, str, str | None]]) -> None:
    refs = read_question(question).refs
    assert [(ref.kind, ref.number, ref.revision) for ref in refs] == expected


def test_decision_and_body_prefix() -> None:
    (decision,) = read_question("What does Decision 5 decide?").refs
    assert decision.doc_type is DocType.DECISION
    (wtsa,) = read_question("WTSA Resolution 1").refs
    assert wtsa.body is Body.ITU_WTSA
    assert DocRef("unga", "74/247").display == "A/RES/74/247"


INTENT = [
    ("Which resolutions mandate action on ICT misuse?", True, None, None),
    ("Which resolutions call upon Member States to protect children online?", True, "call",
     "Member States"),
    ("What does A/RES/79/138 urge all States to do?", True, "urge", "States"),
    ("Which texts name the United States or the Arab States?", False, None, None),
    ("What are States Parties asked to report?", True, "request", None),
    ("What does Recommendation ITU-T E.119 say about roaming?", False, None, None),
    ("What does Resolution 25 instruct the Directors of the Radiocommunication Bureau to do?",
     True, "instruct", "Director of the Radiocommunication Bureau"),
    ("What does Resolution 130 instruct the Secretary-General to do?", True, "instruct",
     "Secretary-General"),
    ("What is the history of the telegraph?", False, None, None),
    ("哪些决议责成秘书长开展工作？", True, "instruct", "Secretary-General"),
]  # fmt: skip


@pytest.mark.parametrize(("question", "mandate", "verb", "addressee"), INTENT)
def test_intent(question: str, mandate: bool, verb: str | None, addressee: str | None) -> None:
    reading = read_question(question)
    assert (reading.mandate, reading.verb, reading.addressee) == (mandate, verb, addressee)


BODIES = [
    ("Which General Assembly resolutions address artificial intelligence?", (UNGA,)),
    ("Which ITU resolutions address cybersecurity?", ITU),
    ("In ITU's basic texts, where is the WHO named?", ITU_TEXTS),
    ("Which WTSA resolutions deal with standardization gaps?", (Body.ITU_WTSA,)),
    ("Which UN resolutions mention the ITU?", (UNGA,)),
    ("Which resolutions of the General Assembly mention the ITU?", (UNGA,)),
    ("Which ITU and General Assembly resolutions address spam?", ()),
    ("What is said about privacy in the digital age?", ()),
    ("Which ITU texts concern assistance to developing countries?", ITU_TEXTS),
    ("What have the plenipotentiary conferences decided about elections?", (Body.ITU_PP,)),
    ("Which texts mention spectrum?", ()),
    ("Which General Assembly resolution on cybersecurity is cited by ITU texts?", ITU_TEXTS),
    ("Which General Assembly resolutions are recalled in ITU resolutions?", ITU),
    ("Which ITU resolutions are referred to in General Assembly resolutions?", (UNGA,)),
    # which texts cite a named one: the citing texts' bodies, not the named text's
    ("List the GA resolutions that refer back to 74/247.", (UNGA,)),
    ("Which ITU texts cite WTSA Resolution 50?", ITU_TEXTS),
    ("Has the Plenipotentiary Conference picked up WTSA Resolution 76?", (Body.ITU_PP,)),
    ("Where is 71/243 invoked, in PP texts or in later Assembly resolutions?", (Body.ITU_PP, UNGA)),
    ("Which texts cite the General Assembly resolution on consumer protection (70/186)?", ()),
    ("Which texts cite General Assembly resolution 70/186?", ()),
    ("Quelles résolutions de l'Assemblée générale parlent de la Convention de Tampere ?", (UNGA,)),
    ("Quelles résolutions de l'Assemblée générale rappellent la résolution 68/262 ?", (UNGA,)),
    ("Quels textes font référence à la résolution 68/262 de l'Assemblée générale ?", ()),
    ("Is Kyoto Resolution 5 invoked in any standardization assembly text?", (Body.ITU_WTSA,)),
    ("¿Qué resoluciones de la Asamblea General tratan de la ciberdelincuencia?", (UNGA,)),
    ("¿Qué resoluciones de la Conferencia de Plenipotenciarios citan la 70/1?", (Body.ITU_PP,)),
    ("Quelles résolutions de la Conférence de plénipotentiaires citent la 70/1 ?", (Body.ITU_PP,)),
]


@pytest.mark.parametrize(("question", "bodies"), BODIES)
def test_body_restriction(question: str, bodies: tuple[Body, ...]) -> None:
    assert read_question(question).bodies == bodies


LANGUAGES = [
    ("Which resolutions address cybersecurity?", "en"),
    ("哪些决议涉及网络安全？", "zh"),
    ("Какие резолюции касаются кибербезопасности?", "ru"),
    ("ما هي القرارات المتعلقة بالأمن السيبراني؟", "ar"),
    ("¿Qué resoluciones piden medidas sobre ciberseguridad?", "es"),
    ("Quelles résolutions demandent des mesures sur la cybersécurité ?", "fr"),
    ("Selon la Déclaration universelle, une personne peut-elle quitter son pays ?", "fr"),
    ("Según la Declaración Universal, ¿puede una persona salir de su país?", "es"),
    # as many French-looking words ("la", "que") as Spanish ones: the "¿" decides
    ("¿Permite la Declaración que se obligue a alguien a pertenecer a una asociación?", "es"),
    ("What does the Assembly say about la la land?", "en"),
]


SECTIONS = [
    ("What does Resolution 130 instruct the Secretary-General to do?", True),
    ("What is the Council instructed to do under Resolution 2?", True),
    ("What does A/RES/74/247 decide?", True),
    ("第130号决议责成秘书长做什么？", True),
    ("Under Resolution 2, who decides the venue of WTPF?", False),
    ("What is the Secretary-General asked to report on under Resolution 174?", False),
    ("What procedure must the Council adopt for the Secretary-General's report?", False),
    ("What does Resolution 22 (Rev. Antalya, 2006) recommend?", True),
    ("What does A/RES/79/175 encourage?", True),
    ("What does Recommendation ITU-T E.119 say?", False),
    ("What does Resolution 2 encourage Member States to do about the forum?", True),
]


ONLY_THE_TEXT = [
    ("What does A/RES/79/243 do?", True),
    ("Summarize Resolution 130 (Rev. Dubai, 2018)", True),
    ("What does A/RES/79/243 say about extradition?", False),
    ("What does Resolution 130 instruct the Secretary-General to do?", False),
    ("What does Article 5 of the ITU Constitution say?", False),
    ("Which resolutions recall 68/243?", False),
    ("When was A/RES/79/243 adopted?", False),
    ("What does A/RES/79/243 do that 74/247 did not?", False),
    ("What is the purpose of A/RES/74/247?", True),
    ("Que fait la résolution A/RES/79/243 ?", True),
    ("¿De qué trata la Resolución 130?", True),
    ("Что делает резолюция A/RES/79/243?", True),
    ("第130号决议是关于什么的？", True),
    ("What is the purpose of the fund in Resolution 130?", False),
]


@pytest.mark.parametrize(("question", "only"), ONLY_THE_TEXT)
def test_a_question_may_ask_nothing_but_what_a_text_does(question: str, only: bool) -> None:
    assert read_question(question).asks_only_the_text is only


@pytest.mark.parametrize(("question", "named"), SECTIONS)
def test_a_section_is_named_by_its_verb_beside_its_addressee(question: str, named: bool) -> None:
    assert read_question(question).section_named is named


TEXT_LANGUAGES = [
    ("In the Chinese version of the Universal Declaration, which article is on slavery?", "zh"),
    ("Which article of the UDHR is on slavery?", None),
]


@pytest.mark.parametrize(("question", "language"), TEXT_LANGUAGES)
def test_a_named_language_version_is_the_one_cited(question: str, language: str | None) -> None:
    reading = read_question(question)
    assert reading.text_language == language
    assert reading.wanted_language == (language or "en")


@pytest.mark.parametrize(("question", "language"), LANGUAGES)
def test_language(question: str, language: str) -> None:
    assert read_question(question).language == language


def test_years() -> None:
    since = read_question("Which resolutions on AI were adopted since 2023?")
    assert (since.year_from, since.year_to) == (2023, None)
    before = read_question("resolutions on spam before 2010")
    assert (before.year_from, before.year_to) == (None, 2009)


CROSSREFS = [  # (question, which texts cite the one named, what the one named cites)
    ("Which resolutions recall General Assembly resolution 68/243?", True, False),
    ("Which texts cite Resolution 130?", True, False),
    ("What does Resolution 130 instruct the Secretary-General to do?", False, False),
    ("What must each State Party designate for the 24/7 network?", False, False),
    ("Which ITU resolution does the proposal on Resolution 174 recall on security?", False, True),
    ("Which resolution is recalled in A/RES/79/243 as establishing the committee?", False, True),
    ("Which texts point back to General Assembly resolution 68/262?", True, False),
    ("Where is resolution 70/186 cited by other resolutions?", True, False),
    ("Is resolution 78/265 reaffirmed or recalled in any later resolution?", True, False),
    ("Resolution 70 (Rev. Dubai, 2018): which UNGA resolutions does it draw upon?", False, True),
    ("Where else in the Final Acts is Resolution 139 referred to?", True, False),
    ("Resolution 48: what UN General Assembly resolutions does it note or welcome?", False, True),
    ("What does Resolution 48 note about staff training?", False, False),
    ("第174号决议修改稿在序言里重申了哪些联合国大会决议？", False, True),
    ("修订第174号决议的提案援引了联合国大会的哪几项决议？", False, True),
    (
        "Where is GA resolution 71/243 (the policy review) invoked, in PP texts or later?",
        True,
        False,
    ),
    ("I need every place in the archive where A/RES/67/19 is cited.", True, False),
    ("Quels textes font référence à la résolution 68/262 ?", True, False),
    ("¿Qué textos citan la resolución 62/126 de la Asamblea General?", True, False),
    ("Which other resolutions adopted at Dubai in 2018 point back to Resolution 175?", True, False),
    ("Resolution 130: give me the list of UN General Assembly resolutions it cites.", False, True),
    # texts, or a body, as the subject that cites: not a named text, not "it"
    ("List the GA resolutions that refer back to 74/247.", True, False),
    ("Later Assembly resolutions that recall 78/265?", True, False),
    ("Did the Assembly ever follow up on resolution 77/37?", True, False),
    ("Has the Plenipotentiary Conference picked up WTSA Resolution 76?", True, False),
    ("At Dubai, where did the Plenipotentiary invoke WTDC Resolution 45?", True, False),
    ("Convention provisions that cross-refer to Article 29 of the Constitution", True, False),
    ("Does it cite resolution 70/1?", False, True),
    ("Does the resolution cite 70/1?", False, True),
    ("Which resolutions refer to the Tunis Agenda?", True, False),
    ("PP resolutions referring to the E.164 numbering Recommendation", True, False),
    ("¿Qué textos remiten al artículo 19 del Convenio de la UIT?", True, False),
    ("哪些文件援引了联大第58/199号决议？", True, False),
    ("Quelles résolutions de l'Assemblée générale rappellent la résolution 68/262 ?", True, False),
    ("List every ITU text that builds on PP Resolution 175.", True, False),
    ("ما هي قرارات الجمعية العامة المشار إليها في القرار 78/265؟", False, True),
    ("¿Qué resoluciones de la UIT invocan la Convención sobre los Derechos del Niño?", True, False),
]

ACTION_LINES = [
    ("Which clauses mention Action Line C5?", ("C5",)),
    ("Which resolutions refer to C7, the WSIS action line on e-applications?", ("C7",)),
    ("What do action lines C1 and C11 cover?", ("C1", "C11")),
    ("What is C5 about?", ()),  # no action line named: C5 could be anything
]

NARROWED = [  # a list question, or narrowed to the one citation it asks about
    ("Which General Assembly resolutions does resolution 79/237 recall about its panel?", True),
    ("Which resolution is recalled in A/RES/79/243 as having set up the committee?", True),
    ("Which resolutions build on A/RES/79/239 about military uses of AI?", False),
    ("Which resolutions recall General Assembly resolution 68/243?", False),
    ("Which earlier resolution on outer space does A/RES/79/21 reaffirm?", True),  # one, by subject
    ("Which resolutions on outer space does A/RES/79/21 reaffirm?", False),
    # what a named text cites, one citation asked for
    ("Resolution 48 (Rev. Dubai, 2018) draws on an ILO convention: which one does it cite?", True),
    ("Resolution 48 (Rev. Dubai, 2018) draws on a number of texts: which does it cite?", False),
    ("Which texts does Resolution 30 (Rev. Bucharest, 2022) cite?", False),
]


ARTICLES = [
    ("What does Article 65 of the Convention against Cybercrime say?", "65"),
    ("世界人权宣言第13条说了什么？", "13"),
    ("¿Qué dice el artículo 3 de la Declaración Universal?", "3"),
    ("Which articles of the Constitution concern languages?", None),
    ("convention provisions that cite constitution art. 29", "29"),
]


@pytest.mark.parametrize(("question", "article"), ARTICLES)
def test_a_named_article_is_read(question: str, article: str | None) -> None:
    assert read_question(question).article == article


@pytest.mark.parametrize(
    ("question", "terms"),
    [("What does Article 5 of the ITU Constitution say?", ()),
     ("世界人权宣言第13条说了什么？", ()),
     ("What does art. 12 of the Universal Declaration say about privacy?", ("privacy",))],
)  # fmt: skip
def test_the_article_named_is_a_place_not_a_word_to_look_for(
    question: str, terms: tuple[str, ...]
) -> None:
    reading = read_question(question)
    assert reading.article is not None
    assert reading.terms == terms
    if reading.language == "en":
        assert not re.search(r"(?i)\bart(?:icle\b|\.)", reading.focus)


def test_an_article_cited_by_other_texts_is_still_a_word_to_find() -> None:
    reading = read_question("Which resolutions cite Article 19 of the Universal Declaration?")
    assert reading.crossref and "article" in reading.terms


def test_an_article_of_a_text_named_by_title_is_that_texts() -> None:
    reading = read_question(
        "Which provisions of the ITU Constitution cite Article 102 of the UN Charter?"
    )
    assert [(ref.kind, ref.number) for ref in reading.refs] == [
        ("basic", "constitution"),
        ("named", "Charter of the United Nations"),
    ]
    assert [ref.number for ref in reading.cited_refs] == ["Charter of the United Nations"]
    assert reading.asks_cited and not reading.crossref and reading.article is None


@pytest.mark.parametrize(
    ("question", "owner", "cited"),
    [
        ("Which paragraphs of A/RES/79/243 cite resolution 74/247?", "79/243", "74/247"),
        ("What provisions of Resolution 130 (Rev. Dubai, 2018) refer to Resolution 174?", "130",
         "174"),
    ],
)  # fmt: skip
def test_the_clauses_of_one_text_citing_another_are_asked_for(
    question: str, owner: str, cited: str
) -> None:
    reading = read_question(question)
    assert [ref.number for ref in reading.owners] == [owner]
    assert [ref.number for ref in reading.cited_refs] == [cited]
    assert reading.asks_cited and not reading.crossref


def test_the_constitution_or_convention_names_both() -> None:
    reading = read_question("Which provisions of the ITU Constitution or Convention cite it?")
    assert [ref.number for ref in reading.owners] == ["constitution", "convention"]


def test_a_title_after_the_citing_verb_is_what_the_numbered_text_cites() -> None:
    reading = read_question("Does A/RES/80/148 refer to the Paris Agreement, and where?")
    assert [(ref.kind, ref.number) for ref in reading.refs] == [
        ("unga", "80/148"),
        ("named", "Paris Agreement"),
    ]
    assert reading.asks_cited and reading.names_two_texts and not reading.crossref
    described = read_question("What does A/RES/70/1, the 2030 Agenda, say about ICTs?")
    assert [ref.number for ref in described.refs] == ["70/1"]  # a title beside its number


def test_the_two_basic_instruments_named_together_are_one_subject() -> None:
    """Not one text asked about as citing the other, as two texts named are."""
    both = read_question("Where the ITU Constitution and Convention differ by language, who wins?")
    assert [ref.number for ref in both.refs] == ["constitution", "convention"]
    assert not both.names_two_texts
    assert read_question("Does Resolution 186 say anything about Resolution 37?").names_two_texts


@pytest.mark.parametrize(("question", "crossref", "asks_cited"), CROSSREFS)
def test_crossref_questions_treat_references_as_targets(
    question: str, crossref: bool, asks_cited: bool
) -> None:
    reading = read_question(question)
    assert reading.crossref is crossref
    assert reading.asks_cited is asks_cited


@pytest.mark.parametrize(
    ("question", "session"),
    [
        ("Which resolutions of the 79th session mention AI?", 79),
        ("What did the Assembly say at its eightieth session about WSIS?", 80),
        ("texts of the seventy-eighth session on outer space", 78),
        ("What did the Council decide at its 2013 session?", None),
    ],
)
def test_a_general_assembly_session_is_read(question: str, session: int | None) -> None:
    assert read_question(question).session == session


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        (
            "Which international days did the General Assembly proclaim at its seventy-ninth "
            "session, and when?",
            "Which international days did proclaim , and when?",
        ),
        (
            "During its 78th session, which years did the Assembly dedicate to a theme?",
            ", which years did dedicate to a theme?",
        ),
        (
            "Which General Assembly resolutions set up working groups?",
            "Which resolutions set up working groups?",
        ),
        (
            "What do ITU resolutions say about child online protection?",
            "What do resolutions say about child online protection?",
        ),
        # no body restriction read: the words stay
        ("What have ITU and the General Assembly said about disability?", None),
    ],
)
def test_the_words_searched_leave_out_the_body_and_session_the_filters_carry(
    question: str, searched: str | None
) -> None:
    reading = read_question(question)
    assert searched_words(reading.query, reading.bodies, reading.session) == (
        searched or reading.query
    )


def test_words_in_brackets_after_a_number_are_a_revision_only_if_they_name_one() -> None:
    (titled,) = read_question("What does WTDC Resolution 37 (digital divide) resolve?").refs
    assert titled.revision is None
    (revised,) = read_question("What does Resolution 37 (Rev. Kigali, 2022) resolve?").refs
    assert revised.revision == "kigali 2022"


def test_a_text_named_by_its_title_is_a_reference_only_when_its_citations_are_asked() -> None:
    cited = read_question("Which General Assembly resolutions recall the Tunis Agenda?")
    assert [(ref.kind, ref.number) for ref in cited.refs] == [("named", "Tunis Agenda")]
    assert cited.bodies == (Body.UNGA,)
    about = read_question("What have resolutions said about the Tunis Agenda's cooperation?")
    assert about.refs == () and not about.crossref  # the Agenda is no document of the archive


def test_only_a_revision_in_brackets_is_the_cited_texts() -> None:
    (kyoto,) = read_question("What refers back to Resolution 2 (Kyoto, 1994)?").refs
    assert (kyoto.revision, kyoto.bracketed) == ("kyoto 1994", True)
    (wtdc,) = read_question("At Dubai 2018, where did the PP invoke WTDC Resolution 45?").refs
    assert (wtdc.revision, wtdc.bracketed) == ("dubai 2018", False)


def test_a_body_named_with_its_number_once_is_the_same_text_named_again() -> None:
    (wtdc,) = read_question("Where does the WTDC's Resolution 45 come up?").refs
    assert (wtdc.number, wtdc.body) == ("45", Body.ITU_WTDC)
    (wtsa,) = read_question("Is WTSA Resolution 76 cited? A Resolution 76 exists elsewhere.").refs
    assert (wtsa.number, wtsa.body) == ("76", Body.ITU_WTSA)


@pytest.mark.parametrize(("question", "narrowed"), NARROWED)
def test_words_after_the_citing_verb_narrow_a_list_question(question: str, narrowed: bool) -> None:
    assert read_question(question).narrowed is narrowed


def test_the_kind_of_text_a_named_one_cites_is_read_in_chinese_too() -> None:
    reading = read_question("第174号决议修改稿在序言里重申了哪些联合国大会决议？")
    assert reading.cited_kind == "unga-resolution"


@pytest.mark.parametrize(("question", "lines"), ACTION_LINES)
def test_wsis_action_lines_are_read(question: str, lines: tuple[str, ...]) -> None:
    assert read_question(question).action_lines == lines


@pytest.mark.parametrize(
    ("question", "refs"),
    [
        ("What does Recommendation ITU-T E.119 require?", [("rec", "E.119")]),
        ("Is ITU-T X.1205 cited anywhere?", [("rec", "X.1205")]),
        ("resolutions on the E.164 numbering Recommendation", [("rec", "E.164")]),
        ("What does section E.1 of the plan say?", []),  # no Recommendation spoken of
        ("联大第58/199号决议", [("unga", "58/199")]),
        ("How many ratifications does the UN cybercrime convention need?", [("unga", "79/243")]),
        ("Which resolutions refer back to the UN's new cybercrime treaty?", [("unga", "79/243")]),
        ("Is the Council of Europe cybercrime convention ratified?", []),
    ],
)
def test_documents_named_by_number_or_title(question: str, refs: list[tuple[str, str]]) -> None:
    assert [(ref.kind, ref.number) for ref in read_question(question).refs] == refs


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("Under the 2022 regional presence resolution, how often is it reviewed?", (2022, 2022)),
        ("What did the 2018 resolution on the Union's premises say on funding?", (2018, 2018)),
        ("How did the 2018 and 2022 budget decisions fund early retirement?", (None, None)),
        ("The 2018 budget decision kept internal audit; does the 2022 one?", (None, None)),
    ],
)
def test_a_text_dated_by_its_year_restricts_the_search_to_it(
    question: str, years: tuple[int | None, int | None]
) -> None:
    reading = read_question(question)
    assert (reading.year_from, reading.year_to) == years


def test_round_the_clock_is_not_a_symbol() -> None:
    assert read_question("the 24/7 network of points of contact").refs == ()


def test_acronyms_are_also_searched_in_full() -> None:
    query = read_question("Which resolutions mandate action on ICT misuse?").query
    assert "information and communications technologies" in query
    assert read_question("What is the history of the telegraph?").query == (
        "What is the history of the telegraph?"
    )


MANDATES = [
    ("decides", True),
    ("also requests", True),
    ("resolves to instruct the secretary general", True),
    ("reaffirms", False),
    ("takes note", False),
    ("welcomes", False),
    (None, False),
]


@pytest.mark.parametrize(("keyword", "expected"), MANDATES)
def test_operative_keywords_that_mandate(keyword: str | None, expected: bool) -> None:
    from rescite.answer.support import mandates

    assert mandates(keyword) is expected


SPECIFIC = [
    ("What does Resolution 130 instruct the Secretary-General to do?", False),
    ("What does Resolution 179 instruct the Secretary-General to report on child online safety?",
     True),
    ("第130号决议责成秘书长做什么？", False),
]  # fmt: skip


@pytest.mark.parametrize(("question", "specific"), SPECIFIC)
def test_a_question_may_ask_more_than_its_section(question: str, specific: bool) -> None:
    assert read_question(question).specific is specific


@pytest.mark.parametrize(
    ("verb", "keyword", "matches"),
    [
        ("resolve", "decides", True),
        ("resolve", "resolves", True),
        ("resolve", "also decides", True),
        ("call", "calls upon", True),
        ("urge", "calls upon", False),
        ("authorize", "authorizes", True),
        ("request", "requests", True),
        ("request", "recognizes", False),
        ("instruct", "invites", False),
    ],
)
def test_a_verb_matches_its_keywords(verb: str, keyword: str, matches: bool) -> None:
    assert verb_matches(verb, keyword) is matches


CHANGES = [
    ("What did PP-22 change in Resolution 2 compared with 2018?", True, True),
    ("Which revision of Resolution 2 added a resolve on WTPF reports?", True, False),
    ("Has Resolution 21 changed since 2018?", True, True),
    ("What changed in Resolution 2 between Dubai 2018 and Bucharest 2022?", True, True),
    ("What does Resolution 2 say about changes in the telecommunication environment?", False,
     False),
    ("What does Resolution 130 instruct the Secretary-General to do?", False, False),
]  # fmt: skip


@pytest.mark.parametrize(("question", "changes", "only"), CHANGES)
def test_questions_about_what_a_revision_changed(question: str, changes: bool, only: bool) -> None:
    reading = read_question(question)
    assert (reading.changes, reading.only_changes) == (changes, only)


SIDES = [
    ("What did Resolution 21 (Rev. Bucharest, 2022) add that the Dubai 2018 text did not have?",
     "added", {"bucharest 2022", "dubai 2018"}),
    ("What was dropped from Resolution 2 in the Bucharest 2022 revision compared with 2018?",
     "removed", {"bucharest 2022", "2018"}),
    ("What did PP-22 change in Resolution 2 compared with 2018?", None, {"2022", "2018"}),
    ("What task appears in Resolution 2 as revised in Bucharest 2022 that the Dubai 2018 text "
     "lacked?", "added", {"bucharest 2022", "dubai 2018"}),
    ("Which additional topics did the 2022 revision of Resolution 21 list, compared with 2018?",
     "added", {"2022", "2018"}),
    ("What must Resolution 25's report include since Bucharest that the Dubai text didn't ask "
     "for?", "added", {"bucharest", "dubai"}),
    ("What did the 2022 revision of Resolution 30 add about academia?", "added", {"*"}),
    ("Which study topics did PP-22 add to Resolution 21?", "added", {"*"}),  # to its predecessor
    ("What does Resolution 130 (Rev. Dubai, 2018) say about the Dubai 2018 summit?", None,
     {"dubai 2018"}),  # not a comparison: no other revision is brought in
]  # fmt: skip


@pytest.mark.parametrize(("question", "side", "revisions"), SIDES)
def test_which_side_of_a_comparison_and_which_revisions(
    question: str, side: str | None, revisions: set[str]
) -> None:
    """A bracketed revision and another named in words are compared; "add" asks for the newer
    text's own clauses, "dropped" for the older one's."""
    reading = read_question(question)
    assert reading.change_side == side
    assert {ref.revision for ref in reading.refs} == revisions


def test_a_chinese_question_carries_its_terms_in_english() -> None:
    reading = read_question("国际电联组织法关于电信保密有什么规定？")
    assert "secrecy" in reading.english.split()
    assert read_question("What does the Constitution say about secrecy?").english == ""


def test_the_glossary_matches_the_longest_term_first() -> None:
    english = english_terms("信息通信技术")
    assert english == ZH_EN["信息通信技术"]  # not also the English of 通信 inside it


CITED = [
    ("Which General Assembly resolution on cybersecurity is cited by ITU texts?",
     "unga-resolution"),
    ("Which ITU resolutions are referred to in General Assembly resolutions?", "itu-resolution"),
    ("Which ITU resolutions recall General Assembly resolution 68/243?", None),
    ("Resolution 70 (Rev. Dubai, 2018): which UNGA resolutions does it draw upon?",
     "unga-resolution"),
    ("Which resolutions address artificial intelligence?", None),
    ("Resolution 102 (Rev. Dubai, 2018): which ITU Council resolutions does it draw on?",
     "itu-council-resolution"),
]  # fmt: skip


@pytest.mark.parametrize(("question", "kind"), CITED)
def test_questions_about_documents_cited_in_another_bodys_texts(
    question: str, kind: str | None
) -> None:
    reading = read_question(question)
    assert reading.cited_kind == kind
    assert not (kind and reading.survey)  # the citing clauses answer, not each text's lead


COUNCIL = [
    ("Which texts cite Council Resolution 1305?", ("1305", DocType.RESOLUTION)),
    ("Which PP resolutions refer to Resolution 1353 of the ITU Council?",
     ("1353", DocType.RESOLUTION)),
    ("Where is ITU Council Decision 588 invoked?", ("588", DocType.DECISION)),
]  # fmt: skip


@pytest.mark.parametrize(("question", "named"), COUNCIL)
def test_an_itu_council_text_is_no_conference_resolution(
    question: str, named: tuple[str, DocType]
) -> None:
    reading = read_question(question)
    assert [(ref.kind, ref.number, ref.doc_type) for ref in reading.refs] == [("council", *named)]
    assert reading.crossref


def test_a_security_council_resolution_is_not_the_itu_councils() -> None:
    assert not read_question("Which texts recall Security Council resolution 1373?").refs


@pytest.mark.parametrize(
    "question",
    [
        "List the provisions, in the basic instruments or in resolutions, that point to the "
        "Convention's Article 19.",
        "Which provisions point to Article 19 of the Convention?",
    ],
)
def test_the_convention_beside_an_article_is_the_itu_convention(question: str) -> None:
    reading = read_question(question)
    assert [(ref.kind, ref.number) for ref in reading.refs] == [("basic", "convention")]
    assert reading.article == "19" and reading.crossref


def test_another_convention_beside_an_article_is_not_the_itu_convention() -> None:
    reading = read_question("What does Article 4 of the Convention on the Rights of the Child say?")
    assert not any(ref.kind == "basic" for ref in reading.refs)


def test_a_text_named_in_a_question_on_its_subject_is_mentioned_not_cited() -> None:
    reading = read_question(
        "Which GA resolutions invite States to accede to the Tampere Convention?"
    )
    assert [ref.number for ref in reading.mentioned] == ["Tampere Convention"]
    assert not reading.crossref and not reading.refs
    citing = read_question("Which GA resolutions cite the Tampere Convention?")
    assert citing.crossref and not citing.mentioned


def test_a_recommendation_is_named_beside_its_sector_in_other_languages() -> None:
    reading = read_question(
        "Dans le texte E.119 de l'UIT-T, à quels endroits renvoie-t-on à E.108 ?"
    )
    assert [(ref.kind, ref.number) for ref in reading.refs] == [("rec", "E.119"), ("rec", "E.108")]


LOCATED = [
    ("What does Resolution 179 (Rev. Dubai, 2018), instructs the Director of TSB, 4 provide?",
     Locator(said="What does Resolution 179 (Rev. Dubai, 2018), instructs the Director of TSB, 4 "
             "provide?")),
    ("A/RES/80/115, para. 4: how is the year to be paid for?",
     Locator(section=Section.OPERATIVE, number="4")),
    ("What does A/RES/79/243, para. 2 (a) (ii) say?",
     Locator(section=Section.OPERATIVE, number="2", subs=("a", "ii"))),
    ("What did the Assembly decide in operative paragraph 5 of 79/325?",
     Locator(section=Section.OPERATIVE, number="5")),
    ("A/RES/78/237, preambular para. 3", Locator(section=Section.PREAMBLE, number="3")),
    ("What is the fourth preambular paragraph of A/RES/79/119 about?",
     Locator(section=Section.PREAMBLE, counted=4)),
    ("What does No. 205C of the ITU Convention require?", Locator(margin="205C")),
    ("Decision 5 (Rev. Bucharest, 2022), annex II, para. 6",
     Locator(section=Section.OPERATIVE, number="6", annex="annex-2")),
    ("A/RES/79/243, annex, art. 2 (e) (ii)", Locator(subs=("e", "ii"))),
    ("What does Article 40, paragraph 3 of the Convention against Cybercrime say?",
     Locator(number="3")),
    ("What does Article 37 of the ITU Constitution say?", Locator()),  # the article, if one clause
]  # fmt: skip


@pytest.mark.parametrize(("question", "locator"), LOCATED)
def test_a_clause_cited_by_its_place_is_read(question: str, locator: Locator | None) -> None:
    assert read_question(question).locator == locator


def test_no_place_is_read_without_a_named_text() -> None:
    assert read_question("What does para. 4 of the resolution on AI say?").locator is None


@pytest.mark.parametrize(
    ("question", "conference"),
    [
        ("What did the 2026 Plenipotentiary Conference decide on the term of office?", 2026),
        ("Which study topics did PP-22 add to Resolution 21?", 2022),
        ("How many initiatives are in the plan adopted by WTDC-22?", 2022),
        ("What did the standardization assembly of 2024 decide about quantum?", 2024),
        ("What has the 1994 Plenipotentiary decided about venues?", 1994),
        # a conference named, not asked what it did
        ("Where was the 2022 World Telecommunication Development Conference held?", None),
        ("Which city will host the Plenipotentiary Conference in 2026?", None),
        ("What does Resolution 130 say about cybersecurity?", None),
    ],
)
def test_a_conference_asked_what_it_did_is_read(question: str, conference: int | None) -> None:
    found = read_question(question).conference
    assert (found.year if found else None) == conference


def test_a_conference_is_read_by_its_body() -> None:
    found = read_question("What did WTSA-24 decide about quantum technologies?").conference
    assert found is not None and found.body is Body.ITU_WTSA
    assert found.described == "the World Telecommunication Standardization Assembly of 2024"


def test_a_cross_reference_names_the_cited_texts_conference_not_the_one_asked_of() -> None:
    question = "Which texts recall Resolution 45 as revised at WTDC-14?"
    assert read_question(question).conference is None


SURVEYS = [
    ("Which resolutions deal with child online protection?", True),
    ("Which international days did the Assembly proclaim at its seventy-ninth session?", True),
    ("During its 78th session, what years did the Assembly dedicate to a theme?", True),
    ("What does the Assembly decide on outer space at its seventy-ninth session?", True),
    ("When is the International Day of Education observed?", False),
    ("At its seventy-ninth session, did the Assembly proclaim a day for chess?", False),
]


@pytest.mark.parametrize(("question", "survey"), SURVEYS)
def test_questions_answered_across_texts_each_by_its_leading_clauses(
    question: str, survey: bool
) -> None:
    """What a session adopted is spread over its texts, however the question words it."""
    assert read_question(question).survey is survey
