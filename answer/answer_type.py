"""The kind of fact a question asks for, and whether a clause states one.

"In which year ...", "on what date ...", "by when ...", "how many weeks ...", "how much money ...",
"at what altitude ...", "who was appointed ...", "in which city ...", "which UN agency ..." ask
for a year, a date, a deadline, a count, an amount, a measure, a person's name, a place, an
organization. A clause that states none cannot answer, however close its subject: asked for a
fact the texts never give, rescite refuses rather than cite a clause on the subject that gives
none. Questions in English are read closely (a count of weeks must be of weeks); in Chinese,
French, Spanish, Russian and Arabic the common ways of asking for each kind are read ("哪一天",
"en quelle année", "cuántos", "сколько").

The check is necessary, not sufficient: a clause with "four years" passes "how many years",
whatever those years are about. What the question itself states ("the Du3M 2025 programme",
"ITU") is no answer to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from rescite.answer.places import PLACES

Kind = Literal[
    "date",
    "year",
    "deadline",
    "number",
    "money",
    "share",
    "person",
    "place",
    "organization",
    "sanction",
]
Measure = Literal["length", "frequency", "power", "data rate"]


@dataclass(frozen=True)
class Asked:
    kind: Kind
    counted: tuple[str, ...] = ()  # the unit of time "how many" counts: ("weeks",)
    measure: Measure | None = None  # "at what altitude": a number in units of length
    given: tuple[str, ...] = ()  # the figures, places or names the question states: no answer

    @property
    def described(self) -> str:
        if self.counted:
            return f"a number of {' '.join(self.counted)}"
        if self.measure:
            return f"a {self.measure} in its units"
        return _DESCRIBED[self.kind]


_DESCRIBED: dict[Kind, str] = {
    "date": "a date",
    "year": "a year",
    "deadline": "a deadline (a year or date by which it is due)",
    "number": "a number",
    "money": "an amount",
    "share": "a percentage or share",
    "person": "a person's name",
    "place": "a place (a city or a country)",
    "organization": "an organization's name",
    "sanction": "a sanction or penalty",
}


_DATE = re.compile(
    r"\b(?:what|which)\s+(?:(?:is|was|will be)\s+the\s+)?(?:calendar\s+|closing\s+|exact\s+)?"
    r"date\b",
    re.IGNORECASE,
)
# "When did Iraq launch ...": in the past, a year (or a date, which has one).
_WHEN_DID = re.compile(r"\bwhen\s+(?:did|was|were)\b", re.IGNORECASE)
# "In which city", "which country will host", "which four countries", "where will it be held".
_PLACE = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:city|cities|venue|capital|location)\b|"
    r"\b(?:which|what)\s+(?:(?:\w+)\s+)?country(?![\w-])|"
    r"\bwhich\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+countries\b|"
    r"\bwhere\s+(?:will|was|were|is|are|did|does|do|has|have)\b[^?]{0,80}\b(?:held|hosted|"
    r"take place|took place|takes place|located|based|headquartered)\b",
    re.IGNORECASE,
)
# "Which UN agency", "what organization", "which entity": a named organization, not a role.
_ORGANIZATION = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:agency|agencies|entity|entities|"
    r"organi[sz]ations?|institutions?)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:what|which)\s+years?\b", re.IGNORECASE)
# "What sanction does it impose", "what monetary fine", "are there penalties": resolutions
# mostly impose none; a clause answers only if it states a consequence.
_SANCTION = re.compile(
    r"\b(?:what|which|any|are there|is there)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sanctions?|penalt(?:y|ies)|fines?|punishments?)\b",
    re.IGNORECASE,
)
_SANCTIONS = re.compile(
    r"\bsanction\w*|\bpenal\w*|\bfine[sd]?\b|\bpunish\w*|\blos(?:e|es|ing)\s+(?:its|their|the)"
    r"\s+right|\bdeprived\b|\bsuspen(?:ded|sion)\s+(?:of\s+|from\s+)?(?:its|their|the)\s+"
    r"(?:rights?|membership|participation|vote|voting)\b|санкц\w*|штраф\w*|наказ\w*|amende|pénalit|"
    r"sanci[oó]n\w*|multas?\b|制裁|罚款|处罚|惩罚|عقوب|غرام",
    re.IGNORECASE,
)
_DEADLINE_ASKED = re.compile(
    r"\b(?:by|until|till|before)\s+(?:what|which)\s+(?:year|date|time)\b|\bby when\b|"
    r"\buntil when\b|\b(?:what|which)\s+(?:is\s+the\s+)?(?:[\w-]+\s+)?(?:deadline|target date|"
    r"target year|time limit)\b",
    re.IGNORECASE,
)
_HOW_MANY = re.compile(r"\bhow many\b((?:\s+[\w-]+){0,3})", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\bhow much\b", re.IGNORECASE)
_HOW_LARGE = re.compile(r"\bhow (?:large|big)\b", re.IGNORECASE)  # of money: an amount
# "Who was appointed ...", "who chaired ...", "who were the co-facilitators": a name, not a role
# ("who may attend", "who pays" ask for roles, which the texts state in words).
_PERSON = re.compile(
    r"\bwho\s+(?:was|were|is|are|has been|have been)\s+(?:\w+\s+){0,2}?"
    r"(?:appointed|elected|named|chosen|designated|selected|nominated)\b|"
    r"\bwho\s+(?:chaired|led|headed|presided)\b|"
    r"\bwho\s+(?:was|were|is|are)\s+the\s+(?:\w+\s+){0,2}?"
    r"(?:co-?chairs?|chairs?|chairpersons?|co-?facilitators?|facilitators?|presidents?|"
    r"rapporteurs?|envoys?)\b",
    re.IGNORECASE,
)
_SHARE = re.compile(r"\bwhat (?:percentage|proportion|share)\b", re.IGNORECASE)
_FIGURE = re.compile(
    r"\bwhat\s+(?:(?:numeric(?:al)?|exact|provisional|maximum|minimum)\s+)?"
    r"(?:number|amount|sum|figure|value)\b",
    re.IGNORECASE,
)
_CURRENCY_ASKED = re.compile(
    r"\b(?:in|of)\s+(?:Swiss\s+)?(?:francs|dollars|euros|CHF|USD)\b", re.IGNORECASE
)
# A measure asked for, by the quantity ("at what altitude", "which frequency bands") or its unit
# ("in watts per kilogram"), and the units a clause must give it in.
_MEASURES: dict[Measure, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "length": (
        re.compile(
            r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:altitude|height|distance|length|radius)\b|"
            r"\bhow high\b|\bhow far\b(?!\s+(?:ahead|in advance|before|beforehand)\b)|"
            r"\bin (?:kilomet(?:re|er)s|met(?:re|er)s|miles)\b",
            re.IGNORECASE,
        ),
        re.compile(r"\d\s*(?:km|m|kilomet(?:re|er)s?|met(?:re|er)s?|miles?)\b", re.IGNORECASE),
    ),
    "frequency": (
        re.compile(
            r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:frequency|frequencies|frequency bands?|"
            r"radio bands?|spectrum bands?)\b|\bin (?:[kMG]Hz|hertz|megahertz|gigahertz)\b",
            re.IGNORECASE,
        ),
        re.compile(r"\d\s*(?:[kMGT]Hz|(?:kilo|mega|giga)?hertz)\b", re.IGNORECASE),
    ),
    "power": (
        re.compile(r"\bin (?:milli|kilo)?watts\b|\bW/kg\b", re.IGNORECASE),
        re.compile(r"\d\s*(?:[mk]?W\b|(?:milli|kilo)?watts?\b)", re.IGNORECASE),
    ),
    "data rate": (
        re.compile(
            r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:bit rate|data rate|download speed)\b|"
            r"\bin (?:[kMG]bit/s|[kMG]bps|megabits|gigabits)\b",
            re.IGNORECASE,
        ),
        re.compile(r"\d\s*(?:[kMGT]bit/s|[kMGT]bps|(?:kilo|mega|giga)bits?)\b", re.IGNORECASE),
    ),
}
# "Up to what age", "which minimum marrying age, in years": so many years.
_AGE = re.compile(
    r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?age\b(?!\s+groups?)|"
    r"\bage limit\b|\bhow old\b|\bin years\b",
    re.IGNORECASE,
)
_MONEY_WORDS = re.compile(
    r"\b(?:money|fund\w*|budget\w*|cost\w*|pay\w*|spend\w*|fees?|contribut\w*|allocat\w*|"
    r"price\w*|financ\w*|set aside)\b",
    re.IGNORECASE,
)
# Counted in units of time, the clause must state so many of them ("how many weeks" -> "three
# weeks"). Other things counted are named too loosely to match ("how many absent countries'
# votes" is answered by "one proxy vote"): any number will do.
_TIME_UNITS = re.compile(r"^(?:year|month|week|day|hour|minute|second|decade)s?$")


# Other languages, each kind in the order English is read: a name, a date, a year, an amount,
# a count.
_ASKING_WORDS: dict[str, tuple[tuple[Kind, str], ...]] = {
    "zh": (
        ("sanction", r"制裁|罚款|处罚|惩罚"),
        ("person", r"谁(?:被)?(?:任命|当选|选为|主持)|由谁(?:担任|主持)"),
        ("deadline", r"到哪一年|哪一年(?:之前|以前|前)|截止(?:日期|时间|年份)|最后期限"),
        ("date", r"哪一天|哪天|什么日子|什么日期|哪个日期|几月几日"),
        ("year", r"哪一年|哪年|何年|哪个年份|什么年份"),
        ("money", r"多少(?:钱|资金|经费|费用|会费|法郎|瑞士法郎|美元)|"
                  r"(?:费用|预算|会费|金额|经费)是?多少"),
        ("number", r"多少|几(?:个|名|次|年|天|周|月|位|项|届)"),
    ),
    "fr": (
        ("sanction", r"\bquelles?\s+(?:sanctions?|amendes?|pénalités?)\b"),
        ("person", r"\bqui\s+(?:a|ont)\s+été\s+(?:nommé|élu|désigné|choisi)"),
        ("deadline", r"\b(?:jusqu'à|d'ici(?:\s+à)?|avant)\s+quelle\s+(?:année|date)\b|"
                     r"\bquelle\s+échéance\b"),
        ("date", r"\bquelle\s+date\b|\bquel\s+jour\b"),
        ("year", r"\bquelle\s+année\b|\bquelles\s+années\b"),
        ("money", r"\bcombien\b.{0,40}\b(?:co[uû]t|pa[iy]|budg|franc|dollar|contribu|dépens|"
                  r"financ)"),
        ("number", r"\bcombien\b|\bquel(?:le)?\s+(?:nombre|pourcentage|montant)\b"),
    ),
    "es": (
        ("sanction", r"\bqu[ée]\s+(?:sanci[oó]n|sanciones|multas?|penas?)\b"),
        ("person", r"\bqui[ée]n\s+(?:fue|fueron|ha sido)\s+(?:nombrad|elegid|designad)"),
        ("deadline", r"\b(?:para|hasta|antes\s+de)\s+qu[ée]\s+(?:año|fecha)\b|"
                     r"\bqu[ée]\s+plazo\b"),
        ("date", r"\bqu[ée]\s+(?:fecha|d[ií]a)\b"),
        ("year", r"\bqu[ée]\s+años?\b"),
        ("money", r"\bcu[aá]nto\b.{0,40}\b(?:cost|pag|presupuest|franco|d[oó]lar|contribu|"
                  r"gast|financ)"),
        ("number", r"\bcu[aá]nt[oa]s?\b|\bqu[ée]\s+(?:n[uú]mero|porcentaje|cantidad)\b"),
    ),
    "ru": (
        ("sanction", r"\bкак(?:ие|ая|ое|ой|ую)\s+(?:санкци|штраф|наказани)\w*"),
        ("person", r"\bкто\s+(?:был[аи]?\s+)?(?:назначен|избран)"),
        ("deadline", r"\bк\s+какому\s+(?:году|сроку|числу)\b|\bдо\s+какого\s+(?:года|срока)\b"),
        ("date", r"\bкакого\s+числа\b|\bкак(?:ой|ую|ая)\s+(?:день|дату|дата)\b"),
        ("year", r"\bв\s+каком\s+году\b|\bкакой\s+год\b"),
        ("money", r"\bсколько\b.{0,40}(?:сто[иья]|плат|бюджет|франк|доллар|взнос|расход|"
                  r"финанс|денег)"),
        ("number", r"\bсколько\b"),
    ),
    "ar": (
        ("sanction", r"(?:ما|أي)\s+(?:هي\s+)?(?:ال)?(?:عقوب|غرام)"),
        ("person", r"من\s+(?:الذي\s+)?(?:عُيّن|عين|انتخب|انتُخب)"),
        ("deadline", r"بحلول\s+أي\s+(?:عام|سنة|تاريخ)|الموعد\s+النهائي"),
        ("date", r"(?:ما|في\s+أي)\s+تاريخ|أي\s+يوم"),
        ("year", r"أي\s+(?:عام|سنة)"),
        ("money", r"\bكم\b.{0,40}(?:تكلف|ميزانية|فرنك|دولار|اشتراك|تمويل)"),
        ("number", r"\bكم\b"),
    ),
}  # fmt: skip
_ASKING = {
    language: tuple((kind, re.compile(words, re.IGNORECASE)) for kind, words in table)
    for language, table in _ASKING_WORDS.items()
}


def asked_for(question: str, language: str) -> Asked | None:
    """The kind of fact a question asks for, if a date, a year, a deadline, a count, an amount,
    a measure or a name; with the figures the question itself states."""
    asked = _kind_asked(question, language)
    if asked is None:
        return None
    if asked.kind in _NAMED_FACTS:
        given = tuple(dict.fromkeys(_NAMED_FACTS[asked.kind].findall(question)))
    else:
        given = tuple(dict.fromkeys(_FIGURES.findall(_NAMING.sub(" ", question))))
    return replace(asked, given=given) if given else asked


def _kind_asked(question: str, language: str) -> Asked | None:
    if language != "en":
        asking = _ASKING.get(language, ())
        return next((Asked(kind) for kind, pattern in asking if pattern.search(question)), None)
    if _PERSON.search(question):
        return Asked("person")
    if _SANCTION.search(question):
        return Asked("sanction")
    if _DEADLINE_ASKED.search(question):
        return Asked("deadline")
    if _PLACE.search(question):
        return Asked("place")
    if _ORGANIZATION.search(question):
        return Asked("organization")
    if _DATE.search(question):
        return Asked("date")
    if _YEAR.search(question) or _WHEN_DID.search(question):
        return Asked("year")
    measure = next((name for name, (asked, _) in _MEASURES.items() if asked.search(question)), None)
    if measure:
        return Asked("number", measure=measure)
    if match := _HOW_MANY.search(question):
        words = match.group(1).lower().split()[:3]
        units = [w for w in words if _TIME_UNITS.match(w)]
        counts_time = bool(units) and "times" not in words  # "how many times a year": how often
        return Asked("number", tuple(units[:1]) if counts_time else ())
    if _HOW_MUCH.search(question):
        return Asked("money" if _MONEY_WORDS.search(question) else "number")
    if _HOW_LARGE.search(question) and _MONEY_WORDS.search(question):
        return Asked("money")
    if _SHARE.search(question):
        return Asked("share")
    if _AGE.search(question):
        return Asked("number", ("years",))
    if _FIGURE.search(question):
        return Asked("money" if _CURRENCY_ASKED.search(question) else "number")
    return None


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|billion|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    "ninth|tenth|twelfth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|ninetieth|hundredth|"
    "half|quarter|once|twice|double"
)
_MONTHS_ELSEWHERE = (  # French, Spanish, Russian (genitive, as in a date)
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DATES = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}(?:er)?\s+(?:de\s+)?(?:{_MONTHS_ELSEWHERE})\b|"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日",
    re.IGNORECASE,
)
# An organization by its name ("the United Nations Educational, Scientific and Cultural
# Organization", "the International Cable Protection Committee") or its acronym ("UNESCO").
_ORGANIZATIONS = re.compile(
    r"\b(?:[A-Z][\w'’-]*,?\s+(?:(?:of|for|and|on|the)\s+)*){1,8}"
    r"(?:Organi[sz]ation|Agency|Programme|Program|Fund|Office|Union|Commission|Committee|"
    r"Council|Bank|Institute|Centre|Center|Entity|Secretariat|Forum|Foundation|Federation)\b|"
    r"\b(?:Organi[sz]ation|Agency|Union|Commission|Community|League|Bank|Fund)\s+"
    r"(?:of|for)\s+(?:the\s+)?[A-Z]|"  # "the Organization of Ibero-American States ..."
    r"\b(?:UN-[A-Z][a-z]+|UN[A-Z]{2,}|ITU|ILO|FAO|WHO|WIPO|WMO|WTO|IMO|ICAO|UPU|IAEA|IOM|"
    r"OHCHR|OCHA|DESA|COPUOS|ECOSOC|OECD|ICANN|IETF|IEEE|ISO|IEC|GSMA|ICPC|INTERPOL)\b"
)  # an acronym of an organization: "ICT", "WSIS", "SDG" name none
# The facts a clause states by naming them: the names found, less those the question names.
_NAMED_FACTS: dict[Kind, re.Pattern[str]] = {"place": PLACES, "organization": _ORGANIZATIONS}
_NAMED_PERSON = re.compile(  # case-sensitive: an honorific before a capitalised name
    r"\b(?:Mr|Ms|Mrs|Dr|Sir|Dame|Judge|Ambassador|Professor|Prof)\.?\s+[A-Z]|"
    r"\b(?:His|Her) Excellency\b"
)
_YEARS = re.compile(  # "2015", "2015年", "一九四八年"
    r"\b(?:1[89]\d\d|20\d\d)\b|(?<!\d)(?:1[89]\d\d|20\d\d)(?=\s*年)|[一二九〇○零八七六五四三]{4}年"
)
_NUMBER = re.compile(rf"\d|%|\b(?:{_NUMBER_WORDS})s?\b", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(rf"^(?:[\d.,%/-]*\d[\d.,%/-]*|(?:{_NUMBER_WORDS})s?)$", re.IGNORECASE)
# Number words that never state an amount or a share: "having first obtained", "once approved".
_NOT_AN_AMOUNT = re.compile(r"\b(?:first|second|once)\b", re.IGNORECASE)
_CURRENCY = re.compile(
    r"\b(?:CHF|USD|EUR|francs?|dollars?|euros?|contributory units?|per\s?cent)\b|[$%€]|"
    r"\b1/\d+\b",
    re.IGNORECASE,
)
# A fraction in words is of something ("a third of", "two-thirds of the votes", "half of"), or
# a majority ("a two-thirds majority"); "the fifth United Nations Conference" is an ordinal.
_SHARES = re.compile(
    r"\d\s*%|\bper\s?cent\b|\bpercent\b|\b\d+/\d+\b|"
    r"\b(?:half|thirds?|quarters?|fifths?|tenths?|hundredths?)\s+of\b|\b(?:two|three)[\s-]thirds\b",
    re.IGNORECASE,
)
_FIGURES = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")
# Due by a year or a date ("by 2030", "no later than 31 December 2025", "before the end of
# 2027", "2030年前"), or within a time ("within two years").
_BY_WHEN = re.compile(
    r"\b(?:by|before|until|till|no later than|not later than|prior to|deadline of|d'ici|"
    r"jusqu'en|avant|para|antes de|hasta)\s+(?:the\s+(?:end|close|middle|beginning|start)\s+of\s+)?"
    rf"(?:(?:\d{{1,2}}\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}),?\s*|(?:{_MONTHS})\s+)?"
    r"(?:1[89]\d\d|20\d\d)\b|"
    rf"\b(?:by|before|until|no later than|not later than)\s+\d{{1,2}}\s+(?:{_MONTHS})\b|"
    r"\bwithin\s+(?:[\w-]+\s+){1,2}?(?:days|weeks|months|years)\b|"
    # the General Assembly's own clock: "before the end of its eightieth session"
    r"\b(?:by|before|until|no later than|not later than|prior to)\s+(?:the\s+(?:end|close|"
    r"beginning|start|opening)\s+of\s+)?(?:its|the)\s+(?:[\w-]+\s+){1,2}?session\b|"
    r"(?:1[89]\d\d|20\d\d)\s*年(?:之前|以前|前|底前)|"
    r"\b(?:к|до)\s+(?:концу\s+)?(?:1[89]\d\d|20\d\d)\s+год",
    re.IGNORECASE,
)
COUNT_WINDOW = 3  # "three consecutive calendar days": the unit follows the number closely

# Numbers that name rather than state: a clause's own numbers (margin, paragraph), its items'
# ("; 10 to ..."), the texts and parts it cites ("resolution 70 (Rev. Dubai, 2018)", "18 (Rev.
# Doha, 2006)", "68/243", "Article 33", "No. 5", "Figure 1"), a Council's "2013 session",
# footnote marks glued to a word; and "one" as a pronoun ("no one", "one another").
_NAMING = re.compile(
    r"^(?:\s*\(?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.)]?(?=\s))+|"
    r"\b(?:resolutions?|decisions?|recommendations?|articles?|annex(?:es)?|paragraphs?|"
    r"paras?\.|nos?\.?|res\.|sections?|chapters?|rules?|items?|documents?|reports?|"
    r"volumes?|series|figures?|tables?|appendix|appendices|pages?|footnotes?|parts?)\s+"
    r"[\w./-]*\d[\w./-]*(?:\s*(?:,|and|to|-)\s*[\w./-]*\d[\w./-]*)*|"
    r"\b[A-Z]+/[\w./-]+|\b\d{2,3}/\d{1,3}\b|"
    rf"(?<=\d)\s+of\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\b|"  # "78/259 of 9 January 2024"
    r"(?:\b\d+\s*)?\((?:Rev\.\s*)?[A-Z][^()]{0,40},\s*\d{4}\)|\b\d{4}\s+session\b|"
    r"\b\d{4}\s+(?-i:[A-Z][a-z])|\b(?:Agenda|Connect|Vision)\s+\d{4}\b|"
    r"\b(?:no|any|every|each)\s+one\b|\bone(?:\s+another|'s)\b|"
    r"(?<=[a-z;:,.)])\d{1,3}\b|(?<=[;:]\s)\d{1,2}(?=\s+(?:to|that)\b)|"
    r"(?<=[a-z]-)\d{1,4}\b|"  # an event or a thing named with its number: "WTPF-21", "COVID-19"
    # a part of the same text: "referred to in instructs the ITU Council 2", "in resolves 3"
    r"\bin\s+(?:resolves|instructs|invites|requests|decides|encourages)"
    r"(?:\s+the(?:\s+(?-i:[A-Z])[\w-]*){1,6})?\s+\d{1,3}\b",
    re.IGNORECASE,
)
# The first day of a span of days ("from 16 to 18 December"): a date, as the last is.
_FIRST_DAYS = re.compile(
    rf"\b\d{{1,2}}\s*(?:-|–|to|and)\s*(?=\d{{1,2}}\s+(?:{_MONTHS})\b)", re.IGNORECASE
)
# A text cited with its conference ("Resolution 151 (Rev. Bucharest, 2022)", "Resolution 71
# (Kyoto, 1994)") or named for its city ("the Kigali Action Plan", "the Tunis Agenda"): the
# place names the text, it does not say where anything is.
_CITED_CONFERENCE = re.compile(r"\(Rev\.\s*[^()]{0,40}\)|\b\d+\s*\([A-Z][^()]{0,40},\s*\d{4}\)")
_NAMES_A_TEXT = re.compile(
    r"\s+(?:Action|Plan|Agenda|Programme|Declaration|Principles|Commitment)\b"
)


def gives(asked: Asked, text: str) -> bool:
    """The text states a fact of the kind asked, beyond the numbers that only name a clause or
    a text and those the question states: a date, a year, a deadline; a number (next to the
    unit of time counted, when there is one; in the units of the measure asked); an amount (a
    number with a currency, a share or a fraction); a person (an honorific and a name)."""
    if asked.kind == "person":
        return bool(_NAMED_PERSON.search(text))
    if asked.kind == "sanction":
        return bool(_SANCTIONS.search(text))
    if asked.kind in _NAMED_FACTS:
        text = _CITED_CONFERENCE.sub(" ", text)
        return any(
            found.group() not in asked.given and not _NAMES_A_TEXT.match(text, found.end())
            for found in _NAMED_FACTS[asked.kind].finditer(text)
        )
    for figure in asked.given:
        text = re.sub(rf"(?<![\d.,]){re.escape(figure)}(?!\d)", " ", text)
    if asked.measure:  # a unit names nothing: "2 W/kg" is a figure, not a symbol
        return bool(_MEASURES[asked.measure][1].search(text))
    facts = _NAMING.sub(" ", text)
    if asked.kind == "deadline":
        return bool(_BY_WHEN.search(facts))
    if asked.kind == "date":
        return bool(_DATES.search(facts))
    if asked.kind == "year":
        return bool(_YEARS.search(facts))
    facts = _YEARS.sub(" ", _DATES.sub(" ", _FIRST_DAYS.sub(" ", facts)))  # when, not how many
    if asked.kind in ("money", "share"):
        facts = _NOT_AN_AMOUNT.sub(" ", facts)
    if not _NUMBER.search(facts):
        return False
    if asked.kind == "money":
        return bool(_CURRENCY.search(facts))
    if asked.kind == "share":
        return bool(_SHARES.search(facts))
    return not asked.counted or _counts(facts, asked.counted)


# Not the thing counted: "how many of", "how many times" (how often), "how many more", "new" or
# "other" before the noun.
_NOT_COUNTED = frozenset({"of", "times", "more", "other", "new"})


def counts_what_is_asked(question: str, text: str) -> bool:
    """Asked "how many terms", the text puts a number before terms ("two terms"); true when
    the question counts nothing it names. Named too loosely to refuse on (see `_TIME_UNITS`),
    it only ranks: development cit. P 0.8018 -> 0.8032, cit. R 0.6642 -> 0.6661."""
    counted = _counted_noun(question)
    return counted is None or _counts(text, (counted,))


@lru_cache(maxsize=256)
def _counted_noun(question: str) -> str | None:
    """The word after "how many", unless it counts nothing named (`_NOT_COUNTED`); read once
    per question, not once per clause ranked."""
    match = _HOW_MANY.search(question)
    words = match.group(1).lower().split() if match else []
    return words[0] if words and words[0] not in _NOT_COUNTED else None


def _counts(facts: str, counted: tuple[str, ...]) -> bool:
    """A number followed closely by one of the counted words ("three consecutive meetings")."""
    words = re.findall(r"[\w.,%/-]+", facts.lower())
    units = {word.rstrip("s") for word in counted}
    return any(
        _NUMBER_TOKEN.match(word)
        and any(later.rstrip("s,.;") in units for later in words[i + 1 : i + 1 + COUNT_WINDOW])
        for i, word in enumerate(words)
    )
