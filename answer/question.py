"""Reading a question as a delegate means it: the documents it names (`answer/doc_refs.py`),
mandate intent, addressee, body and year restrictions, and the question's language.

Pure functions over the question text; resolving references against the archive lives in
`answer/references.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rescite.answer.answer_type import Asked, asked_for
from rescite.answer.cited_paragraphs import asked_paragraph
from rescite.answer.conferences import Conference, conference_acting
from rescite.answer.doc_refs import (
    DocRef,
    article_owner,
    asks_what_changed,
    change_asked,
    cited_by_name,
    find_named,
    find_refs,
    strip_refs,
)
from rescite.answer.glossary import english_terms
from rescite.answer.locator import Locator, find_locator
from rescite.answer.named_subjects import Named, named_in
from rescite.core.records import Body

ITU_FAMILY = (Body.ITU_PP, Body.ITU_WTSA, Body.ITU_WTDC)


@dataclass(frozen=True)
class Reading:
    question: str
    query: str  # the words to search for
    language: str
    refs: tuple[DocRef, ...] = ()
    action_lines: tuple[str, ...] = ()  # WSIS action lines named: ("C5",)
    mandate: bool = False  # "which resolutions mandate / instruct / call for X"
    survey: bool = False  # "which resolutions deal with X", "what do resolutions say about X"
    crossref: bool = False  # "which resolutions recall resolution 68/243": refs are targets
    verb: str | None = None  # "instruct", "invite", "request", "resolve", ...
    addressee: str | None = None  # "Secretary-General", "Member States", ...
    section_named: bool = False  # "instruct the Secretary-General", "what does it resolve"
    text_language: str | None = None  # the language version the question asks for by name
    article: str | None = None  # "Article 65 of the Convention": "65"
    specific: bool = False  # asks more than the named section ("... to report on X")
    bodies: tuple[Body, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    session: int | None = None  # "at its eightieth session": the General Assembly's 80th
    conference: Conference | None = None  # "what did PP-26 decide": the ITU conference asked of
    terms: tuple[str, ...] = field(default=())  # content words, document names left out
    abbreviations: tuple[str, ...] = ()  # the terms written in capitals: "oewg", "icts"
    topic: str = ""  # the question without the document names it contains
    changes: bool = False  # "what did PP-22 change in Resolution 2": what differs between texts
    change_side: str | None = None  # "what did it add": "added"; "what was dropped": "removed"
    cited_kind: str | None = None  # "which GA resolutions are cited by ITU texts": unga-resolution
    # (itu-resolution; "resolution" for either, not a text cited by name)
    asks_cited: bool = False  # "which UNGA resolutions does Resolution 70 draw upon"
    narrowed: bool = False  # "... does 79/237 recall about the working group": one, not the list
    english: str = ""  # a Chinese question's ITU and UN terms in English (answer/glossary.py)
    asks_for: Asked | None = None  # "by which year", "how many weeks": what a clause must give
    # texts named by title that the question is about, not asking which texts cite them ("which
    # resolutions invite States to accede to the Tampere Convention")
    mentioned: tuple[DocRef, ...] = ()
    # the texts whose own clauses are asked for: "which paragraphs of A/RES/79/243 cite 74/247"
    owners: tuple[DocRef, ...] = ()
    locator: Locator | None = None  # "instructs the Secretary-General, 1": the clause cited
    named: Named = field(default_factory=Named)  # "UNISPACE IV": what a fact's clause must name
    paragraph: tuple[str, str] | None = None  # "paragraph 71 of the Tunis Agenda": title, number

    @property
    def wanted_language(self) -> str:
        """The language to cite in: the version the question names, else its own."""
        return self.text_language or self.language

    @property
    def only_changes(self) -> bool:
        """Asks what changed between revisions, and nothing more specific (the revisions' own
        names, "between Dubai 2018 and Bucharest 2022", ask nothing more)."""
        named = {word for ref in self.refs for word in (ref.revision or "").split()}
        rest = [t for t in self.terms if not _CHANGE_WORD.fullmatch(t) and t not in named]
        return self.changes and len(rest) < 2

    @property
    def asks_added_or_dropped(self) -> bool:
        """Names a text and asks what a revision of it added or dropped ("what did the 2022
        revision of Resolution 30 add about academia")."""
        return bool(self.refs) and self.changes and self.change_side is not None

    @property
    def asks_only_the_text(self) -> bool:
        """Names one text and asks nothing of it but what it does ("What does A/RES/79/243 do
        with the Convention?", "What is A/RES/74/247 about?", "Summarize Resolution 130")."""
        return (
            len(self.refs) == 1
            and not (self.crossref or self.section_named or self.article)
            and not (self.changes or self.asks_cited or self.action_lines or self.asks_for)
            and all(term in _WHAT_IT_DOES for term in self.terms)
        )

    @property
    def names_two_texts(self) -> bool:
        """Two texts named ("does A/RES/79/243 mention 74/247"), not one in two revisions. The
        Constitution and the Convention, the Union's two basic instruments, named together are
        one subject ("if their language versions differ, which text prevails"), not one text
        citing the other."""
        return len({"basic" if ref.kind == "basic" else ref.number for ref in self.refs}) > 1

    @property
    def cited_refs(self) -> tuple[DocRef, ...]:
        """The named texts asked about as cited: all but the owners of the clauses asked for."""
        return tuple(ref for ref in self.refs if ref not in self.owners) or self.refs

    @property
    def focus(self) -> str:
        """What to match clauses against: inside a named document, the topic alone."""
        if self.refs and not self.crossref and len(self.topic.split()) >= 2:
            return self.topic
        return self.query


_ABBREVIATION = re.compile(r"\b([A-Z]{3,6})s?\b")
_CHANGE_WORD = re.compile(
    r"pp|chang\w*|compar\w*|between|revisions?|versions?|texts?|differ\w*|added|removed|"
    r"deleted|dropped|new|amend\w*|since"
)
_MANDATE = re.compile(
    r"\b(mandat\w*|instruct\w*|call(?:s|ed|ing)? (?:for|on|upon)|request\w*|direct\w*|task\w*|"
    r"require\w*|urg\w+|decid\w+|resolv\w+|invit\w+|encourag\w+|charg\w+|ask\w*|"
    r"chargent?|charge|demande\w*|exhort\w*|encarg\w+|pide\w*|insta\w*|exhorta\w*|"
    r"поруча\w*|призыва\w*|проси\w*|постановля\w*)|责成|要求|呼吁|请|决定|做出决议|يكلف|يطلب|يدعو",
    re.IGNORECASE,
)
_VERBS = {
    "instruct": r"instruct|责成|charge|encarga|поруча|يكلف",
    "invite": r"invit|请|приглаша",
    "request": r"request|ask|要求|demande|pide|проси|يطلب",
    "resolve": r"resolv|decid|做出决议|决定|décide|decide|постановля",
    "encourage": r"encourag|鼓励|alienta|призыва",
    "urge": r"urg|exhort|insta",
    "call": r"call(?:s|ed|ing)? (?:on|upon)|呼吁",  # not "urges": General Assembly texts use both
    "authorize": r"authori[sz]",
    "recommend": r"recommend(?!ation)",
    "recall": r"recall|reaffirm|忆及|rappel|record|напомина",
}


_ADVERBS = ("also ", "further ", "again ", "strongly ", "once again ", "re ")


def bare_keyword(keyword: str) -> str:
    """The keyword lowercased, without its leading adverb ("Also urges" -> "urges")."""
    word = keyword.lower()
    for adverb in _ADVERBS:
        word = word.removeprefix(adverb)
    return word


def verb_matches(verb: str, keyword: str) -> bool:
    """The clause's keyword is one of the verb's words ("decides" for "resolve")."""
    return bool(re.match(_VERBS[verb], bare_keyword(keyword), re.IGNORECASE))


_ADDRESSEES = {
    "Secretary-General": r"secretary[- ]general|秘书长|secrétaire général|secretario general|"
    r"генеральн\w+ секретар|الأمين العام",
    "Member States": r"member states|成员国|états membres|estados miembros|государств\w* - член",
    # "urge all States": the General Assembly's addressee, not Member States, States Parties, the
    # United States or a group of States
    "States": r"(?<!member )(?<!united )(?<!arab )(?<!developing )(?<!weapon )\bstates\b"
    r"(?! parties| members)",
    "Council": r"\bcouncil\b|理事会|conseil|consejo|совет",
    "Directors of the Bureaux": r"directors of the (?:three )?bureaux",
    "Director of the Telecommunication Standardization Bureau": r"(?:director|head) of "
    r"(?:the )?tsb|directors? of the telecommunication standardization bureau",
    "Director of the Telecommunication Development Bureau": r"(?:director|head) of (?:the )?bdt|"
    r"directors? of the telecommunication development bureau",
    "Director of the Radiocommunication Bureau": r"(?:director|head) of (?:the )?br\b|"
    r"directors? of the radiocommunication bureau",
    "Sector Members": r"sector members",
    "membership": r"\bmembership\b",
}
_BODY_WORDS: dict[Body, str] = {
    Body.UNGA: r"general assembly|(?<!standardization )(?<!radiocommunication )\bassembly\b|"
    r"\bunga\b|\bUN\b|\bGA\b|联合国大会|联大|assemblée générale|"
    r"asamblea general|генеральн\w+ ассамбле\w*|الجمعية العامة",
    Body.ITU_PP: r"pl[ée]nipoten\w*|\bPP\b|全权代表大会|полномочн\w*",  # plenipotenciarios
    Body.ITU_WTSA: r"\bWTSA\b|(?:world telecommunication )?standardi[sz]ation assembl(?:y|ies)",
    Body.ITU_WTDC: r"\bWTDC\b|world telecommunication development conference",
}
_ITU_WORDS = r"\bITU\b|国际电联|\bUIT\b|\bМСЭ\b"
# The ways a question says one text cites another, active and passive.
_CITING = (
    r"recall\w*|cit(?:e|es|ed|ing)|(?:cross-)?refer\w*|mention\w*|reaffirm\w*|invok\w+|quot\w+|"
    r"build\w* on|dr[ae]w\w* (?:up)?on|point\w* (?:back )?to|rel(?:y|ies|ied) on"
)
_CITED = (
    r"recalled|cited|referred to|mentioned|reaffirmed|invoked|quoted|drawn (?:up)?on|"
    r"relied on|pointed to"
)
# How a question says a body acted on a text: "did the Assembly ever follow up on 77/37", "has the
# Plenipotentiary Conference picked up WTSA Resolution 76".
_TAKING_UP = r"follow\w* up(?: on)?|pick\w* up|picked up|t[ao]\w* up|act\w* on"
_CROSSREF = re.compile(
    rf"\b(?:which|what)\b.{{0,80}}\b(?:{_CITING})\b|忆及|援引|提及|"
    r"\b(?:quel(?:le)?s?)\s+(?:textes|résolutions?|documents?|décisions?)\b[^?]{0,50}?\s"
    r"(?:font référence|cit|rappel|mentionn|invoqu|se réf|renvoi)|"
    r"\bqu[ée]\s+(?:textos|resoluciones|documentos|decisiones)\b[^?]{0,50}?\s(?:cit|mencion|"
    r"recuerd|hacen referencia|se refieren|invoc|remit)|"
    r"\bкакие\s+(?:тексты|резолюции|документы|решения)\s+(?:ссыла|упомина|цитиру|напомина)",
    re.IGNORECASE,
)
# Texts or a body, not a named text, as the subject of citing: "where did the Plenipotentiary
# invoke ...", "has the Plenipotentiary Conference picked up ...", "does any resolution cite ...".
_UNNAMED_SUBJECT = re.compile(
    r"(?:^|[,.;:]\s*)(?:has|have|did|does|do|where\s+(?:did|does|do|has|have))\s+"
    r"(?P<subject>(?:[\w'’-]+\s+){1,4}?)(?:ever\s+|also\s+|later\s+)?"
    rf"(?:{_CITING}|{_TAKING_UP})\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(
    r"^(?:it|they|this|that|(?:the|this|that)\s+(?:resolution|decision|text|document))\s*$",
    re.IGNORECASE,
)
# Texts yet unnamed cite the one named: "is 78/265 recalled in any later resolution?", "where is
# 70/186 cited by other resolutions?"
_CITED_ELSEWHERE = re.compile(
    rf"\b(?:{_CITED})\s+(?:in|by)\s+(?:any|other|later|subsequent|another|more|further|"
    rf"which|what)\b|\bwhere else\b[^?]{{0,160}}\b(?:{_CITED})\b|"
    rf"\bwhere\s+(?:is|are|was|were|has|have)\b[^?]{{0,160}}\b(?:{_CITED})\b|"
    rf"\bwhere\b[^?]{{0,100}}\b(?:is|are|was|were|been|gets?|got)\s+(?:{_CITED})\b|"
    rf"\b(?:resolutions?|decisions?|texts|documents|provisions|clauses|paragraphs|articles)"
    rf"(?:,[^,?]{{1,80}},)?\s+"  # "the provisions, in the basic instruments, that point to"
    rf"(?:that|which)\s+(?:(?:also|later|still|explicitly|expressly|directly|ever|all)\s+)?"
    rf"(?:{_CITING})\b|"
    rf"\b(?:every|each|any)\s+(?:[\w-]+\s+){{0,3}}?(?:resolution|decision|text|document|"
    rf"provision)\s+(?:that|which)\s+(?:{_CITING})\b|"  # "list every ITU text that builds on"
    rf"\b(?:resolutions?|decisions?|texts|documents|provisions|clauses)\s+(?:(?:also|later|"
    rf"still|explicitly|expressly|directly)\s+)?(?:referring|citing|recalling|mentioning|"
    rf"invoking|quoting|reaffirming)\b",
    re.IGNORECASE,
)
_SURVEY = re.compile(
    r"^\W*(?:which|what)\b[^?]{0,40}?\b(?:resolutions?|texts|decisions?|conferences)\b|"
    r"\bwhat (?:do|have|did)\b[^?]{0,40}\b(?:resolutions|conferences)\b|"
    r"哪些决议|哪项决议|哪个决议|哪些案文|quelles résolutions|qué resoluciones|какие резолюции|"
    r"ما هي القرارات",
    re.IGNORECASE,
)
_ZH_CITING = "重申|忆及|回顾|援引|提及|引用|注意到"
# What a named text cites: "which UNGA resolutions does it draw upon / note or welcome",
# "在序言里重申了哪些联合国大会决议".
_NOTING = r"not(?:e|es|ed)|welcom\w*|acknowledg\w*|tak\w+ note of|endors\w*"
_CITED_BY_REFERENCE = re.compile(
    rf"\b(?:does|do|did)\b.{{0,120}}\b(?:{_CITING})\b|\b(?:{_CITED})\s+(?:in|by)\b|"
    rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,4}}?(?:resolutions?|decisions?|texts)\b"
    rf"[^?]{{0,120}}\b(?:does|do|did)\b[^?]{{0,60}}\b(?:{_NOTING})\b|"
    rf"\b(?:resolutions?|decisions?|texts|documents)\s+(?:that\s+|which\s+)?(?:it|they)\s+"
    rf"(?:{_CITING}|{_NOTING})\b|"
    rf"(?:{_ZH_CITING})(?:或(?:{_ZH_CITING}))?了?[^？?，,]{{0,12}}?哪(?:些|几项|几个)[^？?]{{0,12}}决议|"
    r"(?:المشار|المشارة)\s+إليها\s+في",  # "(the resolutions) referred to in (resolution X)"
    re.IGNORECASE,
)
# The clauses of a named text that cite another: "which paragraphs of A/RES/79/243 cite 74/247",
# "which provisions of the ITU Constitution or Convention cite Article 102 of the UN Charter".
_PARTS_OF = re.compile(
    r"\b(?:which|what)\s+(?:(?:preambular|operative)\s+)?(?:provisions|paragraphs|clauses|"
    r"parts|passages|sections|articles)\s+(?:of|in)\s+(?P<owner>[^?]{1,120}?)\s+"
    rf"(?:{_CITING})\b",
    re.IGNORECASE,
)
# Right after the citing verb, what narrows a list question to the one citation it asks about.
_NARROWING = re.compile(
    rf"\b(?:{_CITING})\s+(?:about|concerning|regarding|relating to|in relation to|"
    r"with (?:regard|respect) to|on the subject of|in connection with)\b|\bas having\b|"
    # one text asked for by its subject: "which earlier resolution on AI does 78/311 reaffirm"
    r"\bwhich\s+(?:[\w-]+\s+)?(?:resolution|decision|text)\s+(?:on|about|concerning)\b",
    re.IGNORECASE,
)
# Of what a named text cites, one citation asked for: "it points to an output of an action plan:
# which one", "it recognizes one resolution its predecessor did not: which one".
_ONE_CITED = re.compile(
    rf"\b(?:{_CITING})\s+(?:a|an|one)\s+"
    r"(?!(?:number|range|series|set|list|host|variety|couple|few|whole)\b)|\bwhich one\b",
    re.IGNORECASE,
)
_ARTICLE = re.compile(
    r"\b(?:(?:article|artículo|статья|статье|المادة)\s+|art\.\s*)(\d{1,3})\b|"
    r"第\s*(\d{1,3})\s*条",
    re.IGNORECASE,
)
# Acronyms and plain words delegates use for what the texts spell out in their own terms; the
# search also looks for the texts' wording.
_ACRONYMS = {
    r"\bICTs?\b": "information and communications technologies",
    r"\bAI\b": "artificial intelligence",
    r"\bWTPF\b": "World Telecommunication/ICT Policy Forum",
    r"\bCOP\b": "child online protection",
    r"\bOEWG\b": "open-ended working group",
    r"\bGGE\b": "group of governmental experts",
    r"\bWSIS\b": "World Summit on the Information Society",
    r"\bSDGs?\b": "Sustainable Development Goals",
    r"\bLDCs?\b": "least developed countries",
    r"\bSIDS\b": "small island developing States",
    r"\bUNODC\b": "United Nations Office on Drugs and Crime",
    r"\bmisuse\b": "criminal purposes illicit use",
}
_YEAR_FROM = re.compile(r"\b(?:since|after|from|from the year)\s+((?:19|20)\d\d)\b", re.I)
_YEAR_TO = re.compile(r"\b(?:before|until|up to)\s+((?:19|20)\d\d)\b", re.I)
_YEAR_IN = re.compile(r"\bin\s+((?:19|20)\d\d)\b", re.I)
# "the 2022 regional presence resolution": the year a text was adopted or revised
_YEAR_OF_TEXT = re.compile(
    r"\bthe\s+((?:19|20)\d\d)\s+(?:[\w-]+\s+){0,4}?(?:resolution|decision|revision|version|"
    r"text|declaration)s?\b",
    re.I,
)

_STOP_WORDS = """
    a an the of to for in on at by with from and or not is are was were be been being do does
    did what which who whom whose when where why how that this these those it its their there
    any all some about into than then so such as resolution resolutions res decision decisions
    say says said tell me please mention mentions mentioned text texts clause clauses
    paragraph paragraphs itu un unga general assembly document documents adopted adopt has
    have had should shall would could can may might must also only other ones one i we you
    they
    describe describes described explain explains list give gives show shows find trace
    through whether anything something specifically particular exactly actually ever
    kind sort way ways told tell tells generally anyone somebody someone according many much
"""
# The other languages' function words and "what does it say": a clause holding them holds
# nothing asked for.
_STOP_WORDS_OTHER = """
    que qu quoi qui quel quelle quels quelles le la les un une des du de et ou en au aux dans
    par pour sur est sont dit disent dire prévoit énonce ce cette ces son sa ses il elle
    qué quién cuál cuáles el los las lo unos unas del al por para con es son dice dicen
    decir establece su sus se
    что как какие какой во об или на по со из ли говорится сказано гласит это его её их
    ماذا ما من في على أو عن إلى تقول يقول تنص ينص هل
    说了什么 什么 规定了什么 内容是什么
"""
_STOP = frozenset(_STOP_WORDS.split()) | frozenset(_STOP_WORDS_OTHER.split())


def detect_language(text: str) -> str:
    """The question's language, by script first and then by common words."""
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    if re.search(r"[\u0600-\u06ff]", text):
        return "ar"
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    if re.search(r"[¿¡]", text):  # only Spanish opens a question or an exclamation so
        return "es"
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    counts = {lang: sum(word in marks for word in words) for lang, marks in _LATIN_MARKS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > counts["en"] else "en"


def _marks(words: str) -> frozenset[str]:
    return frozenset(words.split())


_LATIN_MARKS = {
    "en": _marks("the of and what which does do is are to in on by for with how who"),
    "fr": _marks(
        "quelles quels quel quelle que qui les des du le la une selon est dans pour sur peut "
        "elle il au aux ces cette son sa ses résolutions demandent doit sont"
    ),
    "es": _marks(
        "qué cuáles cuál las los el la una según es para por puede del su sus resoluciones "
        "piden debe son cómo"
    ),
}
_LANGUAGE_VERSIONS = {
    "zh": r"\bChinese (?:version|text)|中文(?:本|文本|版)",
    "fr": r"\bFrench (?:version|text)|version française|texte français",
    "es": r"\bSpanish (?:version|text)|versión en español|texto en español",
    "ru": r"\bRussian (?:version|text)|русск\w+ (?:текст|версия)",
    "ar": r"\bArabic (?:version|text)|النص العربي",
    "en": r"\bEnglish (?:version|text)|英文(?:本|文本|版)",
}


def abbreviations_in(text: str) -> tuple[str, ...]:
    """Words written in 3 to 6 capitals, lowercased, a plural's "s" dropped: OEWG, ICTs."""
    return tuple(match.lower() for match in _ABBREVIATION.findall(text))


def written_abbreviated(terms: Sequence[str], text: str) -> tuple[str, ...]:
    """The terms the text writes as an abbreviation, as they are among the terms ("icts")."""
    found = set(abbreviations_in(text))
    return tuple(term for term in terms if term in found or term.removesuffix("s") in found)


def content_terms(text: str) -> tuple[str, ...]:
    """Lowercase content words (latin/cyrillic words, CJK runs), stopwords removed."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return tuple(word for word in words if word not in _STOP and len(word) > 1)


def _first_match(table: dict[str, str], text: str) -> str | None:
    """The entry whose pattern matches earliest in the text."""
    found = [
        (match.start(), name)
        for name, pattern in table.items()
        if (match := re.search(pattern, text, re.IGNORECASE))
    ]
    return min(found)[1] if found else None


def names_section(text: str, verb: str | None, addressee: str | None) -> bool:
    """The question names a section: its verb and addressee within a few words of each other
    ("instruct the Secretary-General", "is the Council instructed"; "asked" is too loose), or
    its verb alone, last ("what does it resolve", "what does Resolution 22 recommend")."""
    if not verb:
        return False
    action = rf"(?:{_VERBS[verb].replace('|ask', '')})\w*"
    if addressee:
        who = rf"(?:{_ADDRESSEES[addressee]})"
        gap = r"(?:\s*\S+){0,3}?\s*"
        if re.search(rf"{action}{gap}{who}|{who}{gap}{action}", text, re.IGNORECASE):
            return True
    last = rf"\bwhat (?:do|does|did)\b.{{0,80}}\b{action}(?: to do)?\s*\??$"
    return bool(re.search(last, text, re.IGNORECASE))


_ANY_TEXTS = re.compile(r"\b(?:texts|documents|instruments|provisions)\b", re.IGNORECASE)


def find_bodies(text: str) -> tuple[Body, ...]:
    """Bodies the text names: "General Assembly" -> UNGA, "ITU" -> the ITU conferences ("ITU
    texts": and the ITU's other texts)."""
    found = [body for body, pattern in _BODY_WORDS.items() if re.search(pattern, text, re.I)]
    if re.search(_ITU_WORDS, text, re.IGNORECASE) and not any(b in ITU_FAMILY for b in found):
        found.extend(ITU_FAMILY)
        if _ANY_TEXTS.search(text):  # the Constitution, the Convention, Recommendations too
            found.append(Body.ITU_OTHER)
    return tuple(found)


_NEAR_RESOLUTIONS = re.compile(
    r"((?:[\w'’-]+\s+){0,4})(?:resolutions?|decisions?|texts|conferences|决议|résolutions?|"
    r"resoluciones?|резолюци\w*)"
    r"(\s+(?:of|by|from|adopted by|de|del|de la)\s+(?:the\s+|l['’])?(?:\w+\s*){1,4})?",
    re.IGNORECASE,
)


# "Which General Assembly resolution ... is cited by ITU texts?": the answer lies in the citing
# texts, whatever the cited ones are.
_CITED_IN = re.compile(
    r"\b(?:cited|recalled|referred to|mentioned|invoked)\s+(?:by|in)\s+(?:the\s+)?"
    r"((?:[\w-]+\s+){0,3}?(?:resolutions?|decisions?|texts|conferences))",
    re.IGNORECASE,
)


_WHICH_TEXTS = re.compile(
    r"\b(?:which|what)\s+((?:[\w-]+\s+){0,4}?)(?:resolutions?|decisions?|texts)\b|"
    r"([^？?，,]{0,12}?)哪(?:些|几项|几个)([^？?]{0,12})决议|"
    r"\b((?:[\w-]+\s+){0,4}?)(?:resolutions?|decisions?|texts)\s+(?:that\s+|which\s+)?(?:it|they)\b",
    re.IGNORECASE,
)


_ONLY_RESOLUTIONS = re.compile(
    r"^(?!.*\b(?:texts|documents|outcomes?|agendas?|declarations?|instruments|treaties)\b)"
    r".*\b(?:resolutions?|decisions?)\b",
    re.IGNORECASE,
)


def cited_kind(text: str) -> str | None:
    """The kind of the documents asked about as cited ("which General Assembly resolutions are
    recalled in ITU resolutions", "which UNGA resolutions does Resolution 70 draw upon":
    unga-resolution; "which ITU Council resolutions does it draw on": itu-council-resolution),
    else None."""
    cited_in = _CITED_IN.search(text)
    if cited_in is not None:
        words = text[: cited_in.start()]
    elif asks_what_it_cites(text):
        which = _WHICH_TEXTS.search(text)
        words = " ".join(group for group in which.groups() if group) if which else ""
    else:
        return None
    if re.search(r"\bCouncil\b", words, re.IGNORECASE):  # "which ITU Council resolutions"
        return "itu-council-resolution"
    bodies = find_bodies(words)
    if bodies and all(body is Body.UNGA for body in bodies):
        return "unga-resolution"
    if bodies and all(body in ITU_FAMILY for body in bodies):
        return "itu-resolution"
    if cited_in is None and _ONLY_RESOLUTIONS.search(strip_refs(text)):
        return "resolution"  # "which earlier resolutions does it recall": not the Tunis Agenda
    return None


def _body_restriction(text: str) -> tuple[Body, ...]:
    """Bodies used as a restriction: named just before `resolutions` (`texts`, `conferences`)
    or as `resolutions of X`; the citing texts' body in "… is cited by ITU texts"."""
    cited_in = _CITED_IN.search(text)
    if cited_in and (bodies := find_bodies(cited_in.group(1))):
        return bodies
    near = _NEAR_RESOLUTIONS.search(text)
    if not near:
        return ()
    after = near.group(2) or ""
    for part in (near.group(0)[: len(near.group(0)) - len(after)], after):
        bodies = find_bodies(part)
        if bodies and len({body is Body.UNGA for body in bodies}) == 1:
            return bodies
    return ()


# The citing texts are the subject before the verb, or named after it as where it is cited ("in
# PP texts or in later Assembly resolutions"); a body after an active verb is the cited text's.
_CITING_ELSEWHERE = (  # French and Spanish
    r"(?:font|fait|hacen|hace) référence|(?:font|fait|hacen|hace) referencia|se réf\w*|"
    r"se refieren|rappel\w*|mentionn\w*|invoqu\w*|renvoi\w*|remit\w*|mencion\w*|recuerd\w*"
)
_CITING_VERB = re.compile(
    rf"\b(?:{_CITING}|{_CITED}|{_TAKING_UP}|{_CITING_ELSEWHERE})\b", re.IGNORECASE
)
_IN_TEXTS = re.compile(
    r"\b(?:in|by|among|from)\s+((?:[\w-]+\s+){0,4}?(?:resolutions?|decisions?|texts?|"
    r"conferences|documents?))\b",
    re.IGNORECASE,
)


def _citing_bodies(text: str, crossref: bool) -> tuple[Body, ...]:
    """Asked which texts cite a named one, the citing texts' bodies: "which GA resolutions refer
    to 74/247", "has the Plenipotentiary Conference picked up WTSA Resolution 76"; the bodies
    of the named texts themselves are not a restriction."""
    if not crossref:
        return ()
    subject = unnamed_subject(text)
    if subject and (bodies := find_bodies(subject)):
        return bodies
    rest = strip_refs(text)
    verb = _CITING_VERB.search(rest)
    cut = verb.start() if verb else len(rest)
    named = [find_bodies(m.group(0)) for m in _NEAR_RESOLUTIONS.finditer(rest[:cut])]
    named += [find_bodies(m.group(1)) for m in _IN_TEXTS.finditer(rest[cut:])]
    return tuple(dict.fromkeys(body for bodies in named for body in bodies))


_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
         "ninet": 90}  # fmt: skip
_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
          "eighth": 8, "ninth": 9}  # fmt: skip
_SESSION = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(twent|thirt|fort|fift|sixt|sevent|eight|ninet)"
    r"(?:ieth|y[\s-](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)))\s+session\b",
    re.IGNORECASE,
)


def assembly_session(text: str) -> int | None:
    """The General Assembly session a question names: "its 79th session", "the eightieth
    session" (its resolutions are A/RES/79/..., A/RES/80/...)."""
    match = _SESSION.search(text)
    if not match:
        return None
    if match.group(1):
        return int(match.group(1))
    return _TENS[match.group(2).lower()] + _UNITS.get((match.group(3) or "").lower(), 0)


def _years(text: str) -> tuple[int | None, int | None]:
    year_from = year_to = None
    if match := _YEAR_FROM.search(text):
        year_from = int(match.group(1))
    if match := _YEAR_TO.search(text):
        year_to = int(match.group(1)) - 1
    if (match := _YEAR_IN.search(text)) and year_from is None and year_to is None:
        year_from = year_to = int(match.group(1))
    of_text = _YEAR_OF_TEXT.search(text)
    years = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    if of_text and len(years) == 1 and year_from is None and year_to is None:  # two: compared
        year_from = year_to = int(of_text.group(1))
    return year_from, year_to


def unnamed_subject(text: str) -> str | None:
    """The subject of citing when it is texts or a body, not a named text nor "it": "the
    Plenipotentiary" in "where did the Plenipotentiary invoke Resolution 45"."""
    match = _UNNAMED_SUBJECT.search(text)
    if not match:
        return None
    subject = match.group("subject").strip()
    return None if find_refs(subject) or _PRONOUN_SUBJECT.match(subject) else subject


def cites_a_reference(text: str) -> bool:
    """The question asks which texts cite the documents it names ("which resolutions recall
    68/243", "is 78/265 recalled in any later resolution", "did the Assembly follow up on
    77/37"), not what a named document cites ("what does Resolution 174 recall", "which
    resolution is recalled in 79/243")."""
    if parts_owners(text):
        return False
    if _CITED_ELSEWHERE.search(text) or unnamed_subject(text):
        return True
    return bool(_CROSSREF.search(text)) and not _CITED_BY_REFERENCE.search(text)


# "Which international days did the Assembly proclaim at its seventy-ninth session": what a
# session adopted is found across its texts.
_WHICH = re.compile(r"\b(?:which|what)\b", re.IGNORECASE)


def asks_across_texts(text: str) -> bool:
    """ "Which resolutions …", "what have the conferences …", "which days did the Assembly
    proclaim at its 79th session": answered from several texts, each by its leading clauses."""
    return bool(_SURVEY.search(text)) or (
        assembly_session(text) is not None and bool(_WHICH.search(text))
    )


def parts_owners(text: str) -> tuple[DocRef, ...]:
    """The texts whose clauses citing another the question asks for (`_PARTS_OF`)."""
    match = _PARTS_OF.search(text)
    return find_refs(match.group("owner")) if match else ()


def narrows_the_list(text: str, asks_cited: bool) -> bool:
    """Words after the citing verb narrow the question to one citation ("which resolutions does
    79/237 recall about the open-ended working group"); "which resolutions build on 79/239 about
    military AI" describes the text cited and asks for the whole list. Asked what a named text
    cites (`asks_cited`), one citation asked for narrows it too ("it points to an output of an
    action plan: which")."""
    return bool(_NARROWING.search(text) or (asks_cited and _ONE_CITED.search(text)))


def asks_what_it_cites(text: str) -> bool:
    """The question asks what the document it names cites ("which UNGA resolutions does it draw
    upon", "what resolutions are invoked in the preamble of Resolution 48")."""
    if parts_owners(text):
        return True
    if _CITED_ELSEWHERE.search(text) or unnamed_subject(text):
        return False
    return bool(_CITED_BY_REFERENCE.search(text))


def find_action_lines(text: str) -> tuple[str, ...]:
    """The WSIS action lines a question names ("Action Line C5", "C7, the WSIS action line")."""
    if not re.search(r"\baction\s+lines?\b|行动方面", text, re.IGNORECASE):
        return ()
    return tuple(dict.fromkeys(re.findall(r"(?<![A-Za-z0-9])(C(?:1[01]|[1-9]))(?![0-9])", text)))


def find_article(text: str) -> str | None:
    """The article a question names ("Article 65 of the Convention"), as its number."""
    match = _ARTICLE.search(text)
    return (match.group(1) or match.group(2)) if match else None


_ANNEX = re.compile(r"\bannex(?:\s+[IVX]{1,4}\b)?", re.IGNORECASE)


def without_article(text: str) -> str:
    """The text without the article it names ("annex, art. 15"): a place in the text, not
    words to look for."""
    return " ".join(_ANNEX.sub(" ", _ARTICLE.sub(" ", text)).split())


def expanded(text: str) -> str:
    """The text with the long form of each acronym it uses added at the end."""
    longer = [long for short, long in _ACRONYMS.items() if re.search(short, text)]
    return " ".join([text, *longer])


_GENERIC = frozenset({
    "do", "doing", "done", "say", "says", "ask", "asked", "mean", "means", "summarize",
    "summarise", "summary", "part", "headed", "heading", "section", "please", "outline",
})  # fmt: skip
# What a question asks of a text it asks nothing more of: "its purpose", "an overview", in the
# other languages too, and the word for the text itself.
_WHAT_IT_DOES = _GENERIC | {
    "about", "purpose", "overview", "gist", "describe", "explain",
    "fait", "traite", "résumez", "résumer", "résolution", "hace", "trata", "resuma", "resumir",
    "resolución", "делает", "резолюция", "是关于什么的", "关于什么",
}  # fmt: skip


def asks_more_than_the_section(terms: tuple[str, ...], verb: str | None, who: str | None) -> bool:
    """Two or more content words besides the section's verb and addressee."""
    patterns = [_VERBS[verb]] if verb else []
    patterns += [r"^call|^upon$"] if verb == "call" else []  # its pattern needs both words
    patterns += [_ADDRESSEES[who]] if who else []
    rest = [
        term
        for term in terms
        if term not in _GENERIC
        and not any(re.search(pattern, term, re.IGNORECASE) for pattern in patterns)
        and not (who and term in who.lower().replace("-", " ").split())
    ]
    return len(rest) >= 2


# The words that name what became a filter: the bodies ("General Assembly resolutions", "ITU
# texts") and the session ("at its seventy-ninth session"). Left in the words searched for, they
# favour the clauses that mention the body or a session ("requests the Secretary-General to
# report to the General Assembly at its seventy-ninth session") over those on the subject. Left
# out of the search only (the candidates are scored against the whole question): development
# R@10 0.864 -> 0.867, topic questions 0.661 -> 0.682; held out 0.806 -> 0.812 (evals/README.md,
# forty-third session).
_BODY_NAMES = re.compile(
    r"(?:\b(?:the|UN)\s+)*(?:{})(?:['’]s)?".format("|".join([*_BODY_WORDS.values(), _ITU_WORDS])),
    re.IGNORECASE,
)
_SESSION_NAMED = re.compile(
    rf"(?:\b(?:at|during|in|by|from)\s+(?:its|the)\s+(?:Assembly['’]s\s+)?)?{_SESSION.pattern}"
    r"(?:\s+of\s+the\s+(?:General\s+)?Assembly)?",
    re.IGNORECASE,
)


def searched_words(text: str, bodies: tuple[Body, ...], session: int | None) -> str:
    """The question's words to search for: without the bodies and the session it is
    restricted to, which the filters carry."""
    if session is not None:
        text = _SESSION_NAMED.sub(" ", text)
    if bodies or session is not None:
        text = _BODY_NAMES.sub(" ", text)
    return " ".join(text.split()) or text


def read_question(question: str) -> Reading:
    text = " ".join(question.split())
    refs = find_refs(text)
    action_lines = find_action_lines(text)
    named = () if refs else find_named(text)  # beside a number, a title describes it
    owners = parts_owners(text)
    owner = article_owner(text)
    article = None if owner else find_article(text)
    if owner:  # "which provisions of the ITU Constitution cite Article 102 of the UN Charter"
        kept = tuple(ref for ref in refs if ref.kind != "basic" or ref in owners)
        refs, named = (*kept, owner) if owners else kept, (owner,)
    if refs:  # or is what the number cites ("does 80/148 refer to the Paris Agreement")
        refs = tuple(dict.fromkeys((*refs, *cited_by_name(text))))
    crossref = bool(refs or action_lines or named) and cites_a_reference(text)
    if crossref and named:  # which texts cite the Tunis Agenda: a text cited by name
        refs = named
    mandate = bool(_MANDATE.search(text))
    asks_cited = bool(refs) and not crossref and asks_what_it_cites(text)
    year_from, year_to = _years(text)
    if refs:
        year_from = year_to = None
    verb, addressee = _first_match(_VERBS, text), _first_match(_ADDRESSEES, text)
    topic = strip_refs(text) if refs else text
    if article and refs and not crossref:  # "What does Article 5 of the Constitution say?"
        topic = without_article(topic)
    cited = cited_kind(text)
    language = detect_language(text)
    terms = content_terms(topic)
    changes = asks_what_changed(text)
    bodies = _citing_bodies(text, crossref) if refs else _body_restriction(text)
    session = assembly_session(text)
    return Reading(
        question=question,
        query=expanded(text),
        language=language,
        refs=refs,
        action_lines=action_lines,
        mandate=mandate,
        survey=not refs and asks_across_texts(text) and cited is None,
        crossref=crossref,
        verb=verb,
        addressee=addressee,
        section_named=names_section(text, verb, addressee),
        text_language=_first_match(_LANGUAGE_VERSIONS, text),
        article=article,
        specific=asks_more_than_the_section(terms, verb, addressee),
        bodies=bodies,
        year_from=year_from,
        year_to=year_to,
        session=session,
        conference=None if crossref else conference_acting(text),
        terms=terms,
        abbreviations=written_abbreviated(terms, topic),
        topic=topic,
        changes=changes,
        change_side=change_asked(text) if changes else None,
        cited_kind=cited,
        asks_cited=asks_cited,
        narrowed=bool(refs) and narrows_the_list(text, asks_cited),
        english=english_terms(topic) if language == "zh" else "",
        asks_for=asked_for(text, language),
        mentioned=() if crossref else named,
        owners=owners,
        locator=find_locator(text, article) if refs else None,
        named=named_in(text),
        paragraph=asked_paragraph(text),
    )
