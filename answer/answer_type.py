"""The kind of fact a question asks for, and whether a clause states one.

"By which year ...", "on what date ...", "how many weeks ...", "how much money ...", "who was
appointed ..." ask for a year, a date, a count, an amount, a name. A clause that states none
cannot answer, however close its subject: asked for a figure the texts never set, rescite
refuses rather than cite a clause on the subject that gives none. Questions in English are read
closely (a count of weeks must be of weeks); in Chinese, French, Spanish, Russian and Arabic the
common ways of asking for each kind are read ("哪一天", "en quelle année", "cuántos", "сколько").
The check is necessary, not sufficient: a clause with "four years" passes "how many years",
whatever those years are about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["date", "year", "number", "money", "share", "person"]


@dataclass(frozen=True)
class Asked:
    kind: Kind
    counted: tuple[str, ...] = ()  # the unit of time "how many" counts: ("weeks",)

    @property
    def described(self) -> str:
        if self.counted:
            return f"a number of {' '.join(self.counted)}"
        return _DESCRIBED[self.kind]


_DESCRIBED: dict[Kind, str] = {
    "date": "a date",
    "year": "a year",
    "number": "a number",
    "money": "an amount",
    "share": "a percentage or share",
    "person": "a person's name",
}


_DATE = re.compile(r"\b(?:what|which)\s+(?:calendar\s+)?date\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:what|which)\s+years?\b", re.IGNORECASE)
_HOW_MANY = re.compile(r"\bhow many\b((?:\s+[\w-]+){0,3})", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\bhow much\b", re.IGNORECASE)
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
_FIGURE = re.compile(r"\bwhat (?:number|amount|sum|figure)\b", re.IGNORECASE)
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
        ("person", r"谁(?:被)?(?:任命|当选|选为|主持)|由谁(?:担任|主持)"),
        ("date", r"哪一天|哪天|什么日子|什么日期|哪个日期|几月几日"),
        ("year", r"哪一年|哪年|何年|哪个年份|什么年份"),
        ("money", r"多少(?:钱|资金|经费|费用|会费|法郎|瑞士法郎|美元)|"
                  r"(?:费用|预算|会费|金额|经费)是?多少"),
        ("number", r"多少|几(?:个|名|次|年|天|周|月|位|项|届)"),
    ),
    "fr": (
        ("person", r"\bqui\s+(?:a|ont)\s+été\s+(?:nommé|élu|désigné|choisi)"),
        ("date", r"\bquelle\s+date\b|\bquel\s+jour\b"),
        ("year", r"\bquelle\s+année\b|\bquelles\s+années\b"),
        ("money", r"\bcombien\b.{0,40}\b(?:co[uû]t|pa[iy]|budg|franc|dollar|contribu|dépens|"
                  r"financ)"),
        ("number", r"\bcombien\b|\bquel(?:le)?\s+(?:nombre|pourcentage|montant)\b"),
    ),
    "es": (
        ("person", r"\bqui[ée]n\s+(?:fue|fueron|ha sido)\s+(?:nombrad|elegid|designad)"),
        ("date", r"\bqu[ée]\s+(?:fecha|d[ií]a)\b"),
        ("year", r"\bqu[ée]\s+años?\b"),
        ("money", r"\bcu[aá]nto\b.{0,40}\b(?:cost|pag|presupuest|franco|d[oó]lar|contribu|"
                  r"gast|financ)"),
        ("number", r"\bcu[aá]nt[oa]s?\b|\bqu[ée]\s+(?:n[uú]mero|porcentaje|cantidad)\b"),
    ),
    "ru": (
        ("person", r"\bкто\s+(?:был[аи]?\s+)?(?:назначен|избран)"),
        ("date", r"\bкакого\s+числа\b|\bкак(?:ой|ую|ая)\s+(?:день|дату|дата)\b"),
        ("year", r"\bв\s+каком\s+году\b|\bк\s+какому\s+году\b|\bкакой\s+год\b"),
        ("money", r"\bсколько\b.{0,40}(?:сто[иья]|плат|бюджет|франк|доллар|взнос|расход|"
                  r"финанс|денег)"),
        ("number", r"\bсколько\b"),
    ),
    "ar": (
        ("person", r"من\s+(?:الذي\s+)?(?:عُيّن|عين|انتخب|انتُخب)"),
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
    """The kind of fact a question asks for, if a date, a year, a count, an amount or a name."""
    if language != "en":
        asking = _ASKING.get(language, ())
        return next((Asked(kind) for kind, pattern in asking if pattern.search(question)), None)
    if _PERSON.search(question):
        return Asked("person")
    if _DATE.search(question):
        return Asked("date")
    if _YEAR.search(question):
        return Asked("year")
    if match := _HOW_MANY.search(question):
        words = match.group(1).lower().split()[:3]
        units = [w for w in words if _TIME_UNITS.match(w)]
        counts_time = bool(units) and "times" not in words  # "how many times a year": how often
        return Asked("number", tuple(units[:1]) if counts_time else ())
    if _HOW_MUCH.search(question):
        return Asked("money" if _MONEY_WORDS.search(question) else "number")
    if _SHARE.search(question):
        return Asked("share")
    if _AGE.search(question):
        return Asked("number", ("years",))
    if _FIGURE.search(question):
        return Asked("number")
    return None


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|billion|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    "ninth|tenth|twelfth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|ninetieth|hundredth|"
    "half|quarter|single|once|twice|double"
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
_NAMED_PERSON = re.compile(  # case-sensitive: an honorific before a capitalised name
    r"\b(?:Mr|Ms|Mrs|Dr|Sir|Dame|Judge|Ambassador|Professor|Prof)\.?\s+[A-Z]|"
    r"\b(?:His|Her) Excellency\b"
)
_YEARS = re.compile(  # "2015", "2015年", "一九四八年"
    r"\b(?:1[89]\d\d|20\d\d)\b|(?<!\d)(?:1[89]\d\d|20\d\d)(?=\s*年)|[一二九〇○零八七六五四三]{4}年"
)
_NUMBER = re.compile(rf"\d|%|\b(?:{_NUMBER_WORDS})s?\b", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(rf"^(?:[\d.,%/-]*\d[\d.,%/-]*|(?:{_NUMBER_WORDS})s?)$", re.IGNORECASE)
_CURRENCY = re.compile(
    r"\b(?:CHF|USD|EUR|francs?|dollars?|euros?|contributory units?|per\s?cent)\b|[$%€]|"
    r"\b1/\d+\b",
    re.IGNORECASE,
)
_SHARES = re.compile(
    r"\d\s*%|\bper\s?cent\b|\bpercent\b|\b\d+/\d+\b|"
    r"\b(?:half|third|quarter|fifth|tenth|hundredth)s?\b",
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
    r"(?:\b\d+\s*)?\((?:Rev\.\s*)?[A-Z][^()]{0,40},\s*\d{4}\)|\b\d{4}\s+session\b|"
    r"\b(?:no|any|every|each)\s+one\b|\bone(?:\s+another|'s)\b|"
    r"(?<=[a-z;:,.)])\d{1,3}\b|(?<=[;:]\s)\d{1,2}(?=\s+(?:to|that)\b)",
    re.IGNORECASE,
)


def gives(asked: Asked, text: str) -> bool:
    """The text states a fact of the kind asked, beyond the numbers that only name a clause or
    a text: a date, a year; a number (next to the unit of time counted, when there is one); an
    amount (a number with a currency, a share or a fraction); a person (an honorific and a
    name)."""
    if asked.kind == "person":
        return bool(_NAMED_PERSON.search(text))
    facts = _NAMING.sub(" ", text)
    if asked.kind == "date":
        return bool(_DATES.search(facts))
    if asked.kind == "year":
        return bool(_YEARS.search(facts))
    facts = _YEARS.sub(" ", _DATES.sub(" ", facts))  # a date or a year says when, not how many
    if not _NUMBER.search(facts):
        return False
    if asked.kind == "money":
        return bool(_CURRENCY.search(facts))
    if asked.kind == "share":
        return bool(_SHARES.search(facts))
    return not asked.counted or _counts(facts, asked.counted)


def _counts(facts: str, counted: tuple[str, ...]) -> bool:
    """A number followed closely by one of the counted words ("three consecutive meetings")."""
    words = re.findall(r"[\w.,%/-]+", facts.lower())
    units = {word.rstrip("s") for word in counted}
    return any(
        _NUMBER_TOKEN.match(word)
        and any(later.rstrip("s,.;") in units for later in words[i + 1 : i + 1 + COUNT_WINDOW])
        for i, word in enumerate(words)
    )
