"""Documents a question names: UNGA symbols ("A/RES/79/243", "resolution 74/247"), ITU
numbers ("Resolution 130 (Rev. Dubai, 2018)", "第130号决议"), the UDHR and the UN Convention against
Cybercrime by name, ITU Recommendations ("Recommendation ITU-T E.164"), the ITU Constitution and
Convention, and the revisions it names ("the Dubai 2018 version", "PP-22", "which revision")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rescite.core.named_texts import CYBERCRIME_NAMED, CYBERCRIME_TARGET, find_named_texts
from rescite.core.records import Body, DocType

EVERY_REVISION = "*"


@dataclass(frozen=True)
class DocRef:
    """A document named in the question: an ITU number or a UNGA symbol."""

    kind: str  # "itu", "unga", "basic" (Constitution, Convention), "named" (the Tunis Agenda),
    # "rec" (an ITU Recommendation), "council" (an ITU Council resolution or decision)
    number: str  # ITU: "130"; UNGA: "74/247", "ES-11/10", "217 A (III)"; named: "Tunis Agenda";
    # rec: "E.164"
    doc_type: DocType = DocType.RESOLUTION
    body: Body | None = None  # ITU_PP, ITU_WTSA, ITU_WTDC when named
    revision: str | None = None  # "busan", "2014", "busan 2014": a named revision
    # the revision is written in brackets after the number ("Resolution 2 (Kyoto, 1994)"), so it
    # is the cited text's, not the citing texts' ("at Dubai 2018, where did PP invoke ...")
    bracketed: bool = False

    @property
    def display(self) -> str:
        if self.kind == "named":
            return f"the {self.number}"
        if self.kind == "basic":
            return f"the ITU {self.number.capitalize()}"
        if self.kind == "rec":
            return f"Recommendation {self.number}"
        if self.kind == "council":
            word = "Decision" if self.doc_type is DocType.DECISION else "Resolution"
            return f"ITU Council {word} {self.number}"
        if self.kind == "unga":
            return self.number if "(" in self.number else f"A/RES/{self.number}"
        word = "Decision" if self.doc_type is DocType.DECISION else "Resolution"
        if self.revision == EVERY_REVISION:
            return f"{word} {self.number} (any revision)"
        return f"{word} {self.number}" + (f" ({self.revision})" if self.revision else "")


_UNGA_SYMBOL = re.compile(
    r"(?:\bA/RES/|\b(?:UNGA|GA|General Assembly)\s+(?:resolution\s+|res\.?\s*)?"
    r"|\bresolutions?\s+)?(?:\b|(?<=第))((?:ES-|S-)?\d{1,2})/(\d{1,3})(?!\d)",
    re.IGNORECASE,
)
_OLD_SYMBOL = re.compile(r"\b(\d{2,4})\s*([A-Z])?\s*\(([IVXLC]+|ES-[IVXLC]+)\)")
_UDHR = re.compile(
    r"\bUDHR\b|universal declaration\b(?: of human rights\b)?|世界人权宣言|"
    r"déclaration universelle(?: des droits de l['’]homme)?|"
    r"declaración universal(?: de (?:los )?derechos humanos)?|"
    r"всеобщ\w* деклараци\w*(?: прав человека)?|الإعلان العالمي لحقوق الإنسان",
    re.IGNORECASE,
)
_ITU_WORD = (
    r"(?P<word>resolutions?|res\.?|decisions?|dec\.?|résolution|resolución|резолюци[яи]"
    r"|décision|decisión|решени[ея]|القرار)"
)
_ITU_REF = re.compile(
    r"(?:\b(?P<body>PP|WTSA|WTDC|Plenipotentiary)(?:['’]s)?\s+)?" + _ITU_WORD + r"\s*(?:No\.?\s*)?"
    r"(?P<number>\d{1,3})\b(?!\s*/)(?P<rev>\s*\((?:Rev\.?\s*)?[^)]{2,40}\))?",
    re.IGNORECASE,
)
_BASIC_TEXTS = {
    "constitution": re.compile(
        r"\b(?:ITU )?Constitution\b(?! of)|国际电联《?组织法》?|《组织法》|Constitution de l'UIT|"
        # what the Constitution is: the ITU's founding treaty, "the basic instrument of the Union"
        r"\bITU(?:['’]s)?\s+(?:founding|basic)\s+(?:treaty|instrument)\b|"
        r"\b(?:founding|basic)\s+(?:treaty|instrument)\s+of\s+(?:the\s+)?(?:ITU|Union)\b|"
        r"Constitución de la UIT|Устав\w* МСЭ|دستور الاتحاد", re.IGNORECASE),
    "convention": re.compile(
        r"\bITU Convention\b|Convention of the ITU|\bConstitution,?\s+(?:and|or)\s+(?:the\s+)?"
        r"Convention\b|国际电联《?公约》?|《组织法》(?:和|与|及|或)《公约》|Convention de l'UIT|"
        r"Convenio de la UIT|Конвенци\w* МСЭ|اتفاقية الاتحاد|"
        # "Article 19 of the Convention", "the Convention's Article 19", no other one named
        r"\bArt(?:icle|\.)\s*\d+[A-Z]?\s+of\s+the\s+Convention\b(?!\s+(?:against|on|for|relating))|"
        r"\bthe\s+Convention['’]s\s+Art(?:icle|\.)", re.IGNORECASE),
}  # fmt: skip
# The ITU Council's texts carry three- or four-digit numbers: "Council Resolution 1305",
# "Resolution 1353 of the ITU Council", "Council Decision 588".
_COUNCIL_REF = re.compile(
    r"\b(?:ITU\s+)?Council(?:'s)?\s+(?P<word>resolution|decision)s?\s+(?:No\.?\s*)?(?P<n1>\d{3,4})\b"
    r"|\b(?P<word2>resolution|decision)s?\s+(?P<n2>\d{3,4})\s+(?:adopted\s+by|of)\s+the\s+"
    r"(?:ITU\s+)?Council\b",
    re.IGNORECASE,
)
_OTHER_COUNCIL = re.compile(r"(?:Security|Rights|Social)\s+$", re.IGNORECASE)
_ZH_REF = re.compile(r"第\s*(\d{1,3})\s*号(决议|决定)")
# An ITU Recommendation: "Recommendation ITU-T E.164", "ITU-T X.1205", "the E.164 numbering
# Recommendation" (a bare identifier counts where the question speaks of a Recommendation).
_REC_ID = re.compile(r"(?<![\w.])(ITU-[TRD]\s*)?([A-Z]{1,2}\.\d{1,4}(?:\.\d{1,3})?)(?![\w]|\.\d)")
_REC_WORD = re.compile(
    r"\brec(?:ommendation)?s?\b|建议书|recommandation|recomendaci|"
    r"\b(?:ITU|UIT)-[TRD]\b|МСЭ-[TRD]",  # "le texte E.119 de l'UIT-T"
    re.I,
)
# Where ITU conferences met (facts); a venue or a year beside a resolution names its revision.
_VENUES = (
    "Kyoto|Minneapolis|Marrakesh|Marrakech|Antalya|Guadalajara|Busan|Dubai|Bucharest|Doha|Nice|"
    "Nairobi|Geneva|Hammamet|Johannesburg|Florianópolis|Florianopolis|Helsinki|Montreal|"
    "Istanbul|Hyderabad|Buenos Aires|Kigali|Valletta|Addis Ababa|New Delhi|Malta"
)
_REVISION_MENTION = re.compile(
    rf"\b(?P<venue>{_VENUES})\b(?:[\s,]*(?P<vyear>(?:19|20)\d\d)\b)?|\b(?P<year>(?:19|20)\d\d)\b|"
    r"\bPP-?(?P<pp>\d\d)\b",  # delegates' shorthand for a plenipotentiary: PP-22, PP18
    re.IGNORECASE,
)
_EVERY_REVISION = re.compile(
    r"\bwhich (?:revision|version|text)s?\b|\b(?:revisions|versions)\b|\bbetween (?:the )?"
    r"(?:revisions|versions|texts)\b|\b(?:changed?|differ\w*) (?:between|across|from)\b",
    re.IGNORECASE,
)
# "... that the Dubai 2018 text did not list": what the other revision lacks.
_NOT_IN_THE_OTHER = (
    r"\b(?:did not|didn't) (?:list|include|contain|have|mention|require|cover|say|ask for|"
    r"call for|provide for)\b|\blacked\b|"
    r"\b(?:was|were) (?:not|absent|missing) (?:in|from)\b"
)
# A question about what a revision changed (not "changes in the telecommunication environment").
_CHANGES = re.compile(
    r"\bwhat did\b.{0,40}\bchange\b|\bchanged?\s+(?:between|since|from|over)\b|"
    r"\bdid\b[^?]{0,60}\b(?:revision|version|text)\b[^?]{0,40}\badd\b|"
    # "which new study topics did PP-22 add to Resolution 21"
    r"\bdid\b[^?]{0,60}\b(?:add|introduce|insert)\b[^?]{0,40}\b(?:to|in|into)\b|"
    r"\bchanged?\s*(?:\?|$)|\bchanged in\b|"
    r"\b(?:has|have)\b.{0,40}\bchanged\b|\bchanges? (?:made )?(?:to|in) (?:resolution|res\b|the "
    r"(?:text|resolution))|\bdiffer\w*|\bcompared? (?:with|to)\b|\bwhat(?:'s| is| was) new\b|"
    rf"\b(?:added|removed|deleted|dropped)\b|修改了|有何变化|有什么变化|{_NOT_IN_THE_OTHER}|"
    r"\bno longer\b",
    re.IGNORECASE,
)
# Which side of a comparison the question asks for: what the newer text added, or what the older
# one had that was dropped.
_ADDED = re.compile(
    rf"\b(?:add|adds|added|additional|introduc\w*|new|extra|expand\w*)\b|{_NOT_IN_THE_OTHER}|"
    r"增加了|新增",
    re.IGNORECASE,
)
_REMOVED = re.compile(r"\b(?:removed|deleted|dropped|no longer)\b|删除", re.IGNORECASE)
_REV_TEXT = re.compile(r"\(\s*(?:Rev\.?\s*)?([A-Za-zÀ-ÿ .-]+?)?,?\s*(\d{4})?\s*\)")


def asks_what_changed(text: str) -> bool:
    """ "What did PP-22 change in Resolution 2?", not "changes in the environment"."""
    return bool(_CHANGES.search(text))


def change_asked(text: str) -> str | None:
    """Of a question about what changed (`asks_what_changed`): "added" (the newer text's own
    clauses), "removed" (the older one's), or None for both."""
    added, removed = bool(_ADDED.search(text)), bool(_REMOVED.search(text))
    return "added" if added and not removed else "removed" if removed and not added else None


def find_refs(text: str) -> tuple[DocRef, ...]:
    refs: list[DocRef] = []
    for match in _UNGA_SYMBOL.finditer(text):
        if match.group(0) == "24/7":  # round the clock, not resolution 24/7
            continue
        refs.append(DocRef("unga", f"{match.group(1).upper()}/{match.group(2)}", body=Body.UNGA))
    if _UDHR.search(text):
        refs.append(DocRef("unga", "217 A (III)", DocType.DECLARATION, Body.UNGA))
    if CYBERCRIME_NAMED.search(text) or _CYBERCRIME_SHORT.search(text):
        refs.append(DocRef("unga", CYBERCRIME_TARGET.removeprefix("A/RES/"), body=Body.UNGA))
    refs += find_recommendations(text)
    for match in _OLD_SYMBOL.finditer(text):
        letter = f" {match.group(2)}" if match.group(2) else ""
        symbol = f"{match.group(1)}{letter} ({match.group(3)})"
        refs.append(DocRef("unga", symbol, body=Body.UNGA))
    refs += find_council(text)
    for match in _ITU_REF.finditer(text):
        if _OLD_SYMBOL.match(text, match.start("number")) or re.search(
            r"Council(?:'s)?\s+$", text[max(0, match.start() - 12) : match.start()]
        ):
            continue
        refs.append(_itu_ref(match))
    for match in _ZH_REF.finditer(text):
        kind = DocType.DECISION if match.group(2) == "决定" else DocType.RESOLUTION
        refs.append(DocRef("itu", match.group(1), kind))
    refs = _with_revisions(_without_repeats(refs), text)
    if not refs:  # a named resolution is the subject, not the CS
        refs = [
            DocRef("basic", name, DocType.TREATY)
            for name, pattern in _BASIC_TEXTS.items()
            if pattern.search(text)
        ]
    return tuple(dict.fromkeys(refs))


def find_council(text: str) -> list[DocRef]:
    """Resolutions and decisions of the ITU Council the question names (not the Security
    Council's: "Security Council resolution 1373")."""
    out = []
    for match in _COUNCIL_REF.finditer(text):
        if _OTHER_COUNCIL.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        word = (match.group("word") or match.group("word2")).lower()
        kind = DocType.DECISION if word == "decision" else DocType.RESOLUTION
        out.append(DocRef("council", match.group("n1") or match.group("n2"), kind, Body.ITU_OTHER))
    return out


def find_recommendations(text: str) -> list[DocRef]:
    """ITU Recommendations the question names ("Recommendation ITU-T E.119", "ITU-T X.1205")."""
    speaks_of = bool(_REC_WORD.search(text))
    return [
        DocRef("rec", match.group(2), DocType.RECOMMENDATION, Body.ITU_OTHER)
        for match in _REC_ID.finditer(text)
        if match.group(1) or speaks_of
    ]


def _without_repeats(refs: list[DocRef]) -> list[DocRef]:
    """An ITU number named once with its body and again without ("WTSA Resolution 76 ... a
    Resolution 76") is the one text."""
    qualified = {(ref.number, ref.doc_type) for ref in refs if ref.kind == "itu" and ref.body}
    return [
        ref
        for ref in refs
        if not (ref.kind == "itu" and ref.body is None and (ref.number, ref.doc_type) in qualified)
    ]


def find_named(text: str) -> tuple[DocRef, ...]:
    """Texts the question names by title ("the Tunis Agenda"), as the cited texts of a question
    about which texts cite them; none of them is a document of the archive."""
    found = dict.fromkeys(name for _, name, _ in find_named_texts(text))
    return tuple(DocRef("named", name, DocType.OTHER) for name in found)


# A title right after a citing verb is the text cited, not the numbered text's own title: "does
# A/RES/80/148 refer to the Paris Agreement".
_CITING_VERB = re.compile(
    r"\b(?:refers?\s+to|referred\s+to|mentions?|mentioned|cites?|cited|recalls?|recalled|"
    r"invokes?|invoked|rel(?:y|ies)\s+on|draws?\s+on|anything\s+about)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def cited_by_name(text: str) -> tuple[DocRef, ...]:
    """Texts named by title as what a numbered text cites ("does A/RES/80/148 refer to the
    Paris Agreement, and where")."""
    found = dict.fromkeys(
        name
        for start, name, _ in find_named_texts(text)
        if _CITING_VERB.search(text[max(0, start - 40) : start])
    )
    return tuple(DocRef("named", name, DocType.OTHER) for name in found)


# "the Convention against Cybercrime", "the UN's new cybercrime treaty": in a question, the
# United Nations one
_CYBERCRIME_SHORT = re.compile(
    r"\bConvention against Cybercrime\b"
    r"|\b(?:UN|United Nations)(?:['’]s?)?\s+(?:new\s+)?cyber-?crime\s+(?:convention|treaty)\b",
    re.IGNORECASE,
)
# "the Charter's Article 102"
_ITS_ARTICLE = re.compile(r"['’]s\s+Art(?:icle|\.)\s*\d+", re.IGNORECASE)
_ARTICLE_OF = re.compile(r"\bArt(?:icle|\.)\s*\d+[A-Z]?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def article_owner(text: str) -> DocRef | None:
    """The text named by title whose article the question names: "Article 102 of the UN
    Charter" is the Charter's, not the ITU Constitution's named beside it."""
    for start, name, written in find_named_texts(text):
        end = start + len(written)
        if _ARTICLE_OF.search(text[max(0, start - 40) : start]) or _ITS_ARTICLE.match(text, end):
            return DocRef("named", name, DocType.OTHER)
    return None


def revision_mentions(text: str) -> list[str]:
    """Revisions named outside a reference's brackets: "the Dubai 2018 version", "the 2022 text",
    "as revised in 2018 and 2022"."""
    found: list[str] = []
    for match in _REVISION_MENTION.finditer(_ITU_REF.sub(_numberless, text)):
        if match.group("venue"):
            words = [match.group("venue").lower(), match.group("vyear") or ""]
            found.append(" ".join(word for word in words if word))
        elif match.group("pp"):
            found.append(("19" if int(match.group("pp")) >= 50 else "20") + match.group("pp"))
        else:
            found.append(match.group("year"))
    return list(dict.fromkeys(found))


def _same_revision(mention: str, revision: str) -> bool:
    """ "dubai 2018" or "2018" is the revision "dubai 2018"; "bucharest" is not."""
    return all(word in revision.split() for word in mention.split())


def _numberless(match: re.Match[str]) -> str:
    """An ITU reference with its number blanked (so "Resolution 2012" is no year) and its
    bracketed revision kept."""
    return " " + (match.group("rev") or "")


def _with_revisions(refs: list[DocRef], text: str) -> list[DocRef]:
    """ITU references without a bracketed revision take the revisions the question names
    elsewhere (one reference each), or every revision when it asks which revision says what."""
    revisions = revision_mentions(text)
    if asks_what_changed(text):  # "Resolution 21 (Rev. Bucharest, 2022) ... the Dubai 2018 text"
        refs = refs + [
            replace(ref, revision=revision, bracketed=False)
            for ref in refs
            if ref.kind == "itu" and ref.revision not in (None, EVERY_REVISION)
            for revision in revisions
            if not _same_revision(revision, ref.revision)
        ]
    bare = [ref for ref in refs if ref.kind == "itu" and ref.revision is None]
    if not bare:
        return refs
    if len(revisions) < 2 and (_EVERY_REVISION.search(text) or _CHANGES.search(text)):
        revisions = [EVERY_REVISION]
    if not revisions:
        return refs
    out: list[DocRef] = []
    for ref in refs:
        if ref in bare:
            out.extend(replace(ref, revision=revision) for revision in revisions)
        else:
            out.append(ref)
    return out


def strip_refs(text: str) -> str:
    """The text with document names (symbols, numbers, the UDHR and the Cybercrime Convention
    by name) taken out."""
    named = (_UDHR, CYBERCRIME_NAMED, _CYBERCRIME_SHORT)
    patterns = (_UNGA_SYMBOL, *named, _OLD_SYMBOL, _ITU_REF, _ZH_REF, _REC_ID)
    for pattern in (*patterns, *_BASIC_TEXTS.values()):
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def _itu_ref(match: re.Match[str]) -> DocRef:
    word = match.group("word").lower()
    decision = word.startswith(("dec", "déc", "реш"))
    body = {"pp": Body.ITU_PP, "plenipotentiary": Body.ITU_PP, "wtsa": Body.ITU_WTSA,
            "wtdc": Body.ITU_WTDC}.get((match.group("body") or "").lower())  # fmt: skip
    revision = None
    # "(Rev. Dubai, 2018)", "(Bucharest)", "(2022)" name a revision; "(digital divide)" a subject
    rev = _REV_TEXT.fullmatch(match.group("rev").strip()) if match.group("rev") else None
    if rev and (rev.group(2) or re.fullmatch(_VENUES, (rev.group(1) or "").strip(), re.I)):
        revision = " ".join(part.strip().lower() for part in rev.groups() if part)
    doc_type = DocType.DECISION if decision else DocType.RESOLUTION
    return DocRef("itu", match.group("number"), doc_type, body, revision, revision is not None)
