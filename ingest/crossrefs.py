"""Cross-references found in a clause's text.

- ITU resolutions: `Resolution 130 (Rev. Busan, 2014)` -> `itu-pp/res-130/rev-busan-2014`,
  `Resolution 2 (Kyoto, 1994)` -> `itu-pp/res-2/kyoto-1994`; a WTSA/WTDC body named after
  the parenthesis ("of WTSA", "of the World Telecommunication Development Conference")
  switches the prefix. Without a revision the target is the work: `itu-pp/res-130`.
- UNGA symbols: `A/RES/57/239`, `resolution 57/239`, lists such as `resolutions 55/63 and
  56/121`, `68/243 of 27 December 2013` -> `A/RES/68/243`; `217 A (III)`; not "Human Rights
  Council resolution 47/16".
- WSIS action lines: `Action Line C5` -> `C5`.
- ITU Constitution: `Article 5 of the Constitution` -> `CS Art. 5`, `No. 118 of the
  Constitution` -> `CS No. 118` (Convention: `CV ...`).
- Texts cited by name (core/named_texts.py): `the Tunis Agenda` -> `Tunis Agenda`.
- ITU Recommendations: `Recommendation ITU-T E.164`, `ITU-T Recommendations E.164 and E.212`
  -> `E.164`, `E.212`; in the other languages' versions `Recommandation UIT-T E.108`, `[UIT-T
  E.108]`, `Рекомендация МСЭ-Т E.108`.
- ITU Council texts: `Council Resolution 1305`, `Resolutions 1305, 1336 and 1344 adopted by the
  ITU Council`, `Council Decision 588` -> `itu-council/res-1305`, `itu-council/dec-588`; not the
  Security Council's ("Security Council resolution 1373").
"""

from __future__ import annotations

import re

from rescite.core.named_texts import NAMED_RESOLUTIONS, UDHR_TARGET, find_named_texts, one_line
from rescite.core.records import CrossRef
from rescite.core.slugs import slug
from rescite.ingest.metadata_itu import CONFERENCE_BODY, ZH_CITIES

_ITU_RES = re.compile(
    r"(?<!Dispute )\bResolutions?\s+(\d{1,3})(?!\d)"
    r"(?:\s+\((Rev\.\s*)?([A-Z][A-Za-z\u00C0-\u017F .-]+?),\s*(\d{4})\))?(?=(?P<tail>[^.;]{0,60}))"
)
# "Resolutions 45 (Rev. Dubai, 2014) and 69 (Rev. Buenos Aires, 2017)": each its own revision.
_NEXT_IN_LIST = re.compile(
    r"(?:,\s*|,?\s+and\s+)(\d{1,3})(?!\d)\s+\((Rev\.\s*)?([A-Z][A-Za-z\u00C0-\u017F .-]+?),\s*"
    r"(\d{4})\)(?=(?P<tail>[^.;]{0,60}))"
)
# "Resolutions 50 and 52 (Rev. Hammamet, 2016)": every number of the list has the revision.
_ITU_RES_LIST = re.compile(
    r"\bResolutions\s+(\d{1,3}(?:(?:,\s*|,?\s+and\s+)\d{1,3})+)(?!\d)\s+\((Rev\.\s*)?"
    r"([A-Z][A-Za-z\u00C0-\u017F .-]+?),\s*(\d{4})\)(?=(?P<tail>[^.;]{0,60}))"
)
# "the revised International Telecommunication Union resolution 186", as the General Assembly
# writes a Plenipotentiary resolution (lower case, no revision in brackets).
_ITU_RES_BY_UNION = re.compile(
    r"\b(?:International Telecommunication Union|ITU)(?:\s+Plenipotentiary Conference)?"
    r"\s+resolution\s+(\d{1,3})(?![\d/])"
)
# "Decision 5 (Rev. Dubai, 2018)": a decision is cited with its conference, always.
_ITU_DEC = re.compile(
    r"\bDecision\s+(\d{1,3})(?!\d)\s+\((Rev\.\s*)?([A-Z][A-Za-z\u00C0-\u017F .-]+?),\s*(\d{4})\)"
)
# "WTSA-16 adopted Resolution 58 (Rev. Dubai, 2012)": the body named just before.
_BODY_BEFORE = (
    ("itu-wtsa", re.compile(r"\bWTSA(?:-\d{2})?\s+(?:adopted|approved|revised)\s+$")),
    ("itu-wtdc", re.compile(r"\bWTDC(?:-\d{2})?\s+(?:adopted|approved|revised)\s+$")),
)
_BODY_HINTS = (
    (
        "itu-wtsa",
        re.compile(r"\bof\s+(?:the\s+)?(?:WTSA|World\s+Telecommunication\s+Standardization)"),
    ),
    ("itu-wtdc", re.compile(r"\bof\s+(?:the\s+)?(?:WTDC|World\s+Telecommunication\s+Development)")),
)
# 本届大会第130号决议（2014年，釜山，修订版）,
# 世界电信标准化全会（WTSA）第50号和第52号决议（2012年，迪拜，修订版）
_ZH_ITU_RES = re.compile(
    r"(?P<body>世界电信标准化全会|世界电信发展大会)?(?:（[A-Z]+）)?"
    r"(?P<numbers>第\d{1,3}号(?:和第\d{1,3}号)*)决议(?:（(?P<year>\d{4})年，(?P<city>[^，）]{1,8})(?P<rev>，修订版)?）)?"
)
_ZH_BODIES = {"世界电信标准化全会": "itu-wtsa", "世界电信发展大会": "itu-wtdc"}
_UNGA_LIST = re.compile(
    r"\b(?:General Assembly\s+|UNGA\s+)?[Rr]esolutions?\s+"
    r"((?:\d{1,2}/\d{1,3}(?:\s+[A-Z](?![a-z]))?(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?"
    r"(?:,\s*|,?\s+and\s+|\s+)?)+)"
)
_UNGA_SYMBOL = re.compile(r"\bA/RES/((?:ES-|S-)?\d{1,2}/\d{1,3})\b")
# "78/311 of 1 July 2024" is a General Assembly resolution wherever a list of them goes on.
_UNGA_DATED = re.compile(r"(?<![\d/.])(\d{2})/(\d{1,3})\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
_UNGA_BARE = re.compile(r"(?<![\d/.])(\d{2})/(\d{1,3})(?![\d/])")
_OLD_UNGA = re.compile(r"\b(\d{2,4})\s+([A-Z])\s+\(([IVXL]+)\)")
_ACTION_LINE = re.compile(r"\b[Aa]ction [Ll]ines?\s+(C\d{1,2})((?:(?:,\s*|\s+and\s+)C\d{1,2})*)")
_ACTION_BARE = re.compile(r"(?<![A-Za-z0-9])(C\d{1,2})(?=行动方面|\s+action line)")
_REC_ID = r"[A-Z]{1,2}\.\d{1,4}(?:\.\d{1,3})?(?![\d.]\d)"
_SECTOR = r"(?:ITU|UIT|МСЭ)-[TRDТ]"  # French and Spanish UIT-T, Russian МСЭ-Т (Cyrillic Т too)
_REC_WORD = r"(?:Recommendations?|Recommandations?|Recomendaci(?:ón|ones)|Рекомендаци\w*)"
_RECOMMENDATION = re.compile(
    rf"(?<!\w)(?:{_REC_WORD}\s+(?:{_SECTOR}\s+)?|{_SECTOR}\s+(?:{_REC_WORD}\s+)?)"
    rf"({_REC_ID}(?:(?:,\s*|,?\s+(?:and|et|y|и)\s+){_REC_ID})*)"
)
_COUNCIL_NUMBERS = r"(\d{3,4}(?:(?:,\s*|,?\s+and\s+)\d{3,4})*)(?![\d/])"
_COUNCIL_BEFORE = re.compile(
    rf"\b(?:ITU\s+)?Council\s+(Resolution|Decision)s?\s+(?:No\.\s*)?{_COUNCIL_NUMBERS}"
)
_COUNCIL_AFTER = re.compile(
    rf"\b(Resolution|Decision)s?\s+{_COUNCIL_NUMBERS}(?:\s*\([^)]{{1,30}}\))?\s+"
    r"(?:adopted\s+by|of)\s+the\s+(?:ITU\s+)?Council\b"
)
_OTHER_COUNCILS = re.compile(
    r"(?:Security|Rights|Social|Trusteeship|Peacebuilding|Executive|Governing)\s+$"
)
_CONSTITUTION = re.compile(
    r"\b(Article|No\.|Nos\.)\s+(\d+[A-Z]?)(?:\s+of\s+(?:the|that|this)\s+(?:ITU\s+)?(Constitution|Convention))"
)


def find_references(text: str) -> tuple[CrossRef, ...]:
    """Every cross-reference in `text`, in order of appearance, without duplicates."""
    found: list[tuple[int, CrossRef]] = []
    found += _itu_resolutions(text)
    found += _unga_resolutions(text)
    found += _action_lines(text)
    found += _constitution(text)
    found += [
        (start, CrossRef(kind="named-text", target=name, text=written))
        for start, name, written in find_named_texts(text)
    ]
    found += [
        (match.start(), CrossRef(kind="unga-resolution", target=target, text=match.group(0)))
        for target, pattern in NAMED_RESOLUTIONS
        for match in pattern.finditer(one_line(text))
    ]
    found += _recommendations(text)
    found += _council(text)
    seen: set[tuple[str, str]] = set()
    refs: list[CrossRef] = []
    for _, ref in sorted(found, key=lambda pair: pair[0]):
        if (ref.kind, ref.target) not in seen:
            seen.add((ref.kind, ref.target))
            refs.append(ref)
    return tuple(refs)


def _itu_resolutions(text: str) -> list[tuple[int, CrossRef]]:
    refs = []
    listed: list[range] = []
    for match in _ITU_RES_LIST.finditer(text):
        rev, city, year, tail = match.group(2, 3, 4, "tail")
        body = _body(text, match.start(), tail, _conference(city, year))
        written = text[match.start() : match.end(4) + 1]
        for number in re.findall(r"\d+", match.group(1)):
            target = f"{body}/res-{number}/{_revision(rev, city, year)}"
            refs.append(
                (match.start(), CrossRef(kind="itu-resolution", target=target, text=written))
            )
        listed.append(range(match.start(), match.end(4)))
    for match in _ITU_RES.finditer(text):
        if any(match.start() in span for span in listed):
            continue
        number, rev, city, year, tail = match.group(1, 2, 3, 4, "tail")
        if year is None and re.match(r"\s*\(|/", text[match.end(1) : match.end(1) + 2]):
            continue
        body = _body(text, match.start(), tail, _conference(city, year) if year else None)
        target = f"{body}/res-{number}"
        if year:
            target += f"/{_revision(rev, city, year)}"
        written = text[match.start() : match.end(4) + 1 if year else match.end(1)]
        refs.append((match.start(), CrossRef(kind="itu-resolution", target=target, text=written)))
        refs += _listed_after(text, match.end(4) + 1 if year else None)
    for match in _ITU_RES_BY_UNION.finditer(text):
        target = f"itu-pp/res-{match.group(1)}"
        refs.append(
            (match.start(), CrossRef(kind="itu-resolution", target=target, text=match.group(0)))
        )
    for match in _ITU_DEC.finditer(text) if "Decision" in text else ():
        number, rev, city, year = match.group(1, 2, 3, 4)
        target = f"itu-pp/dec-{number}/{_revision(rev, city, year)}"
        refs.append(
            (match.start(), CrossRef(kind="itu-resolution", target=target, text=match.group(0)))
        )
    for match in _ZH_ITU_RES.finditer(text) if "决议" in text else ():
        city = ZH_CITIES.get(match.group("city") or "")
        conference = _conference(city, match.group("year")) if city else ""
        named = _ZH_BODIES.get(match.group("body") or "")
        body = named or CONFERENCE_BODY.get(conference, "itu-pp")
        revision = ""
        if match.group("year") and city:
            revision = "/" + _revision(match.group("rev"), city, match.group("year"))
        for number in re.findall(r"\d+", match.group("numbers")):
            target = f"{body}/res-{number}{revision}"
            refs.append(
                (match.start(), CrossRef(kind="itu-resolution", target=target, text=match.group(0)))
            )
    return refs


def _listed_after(text: str, end: int | None) -> list[tuple[int, CrossRef]]:
    """The further numbers of a list each with its own revision, from `end` (the first one's
    closing bracket): "... and 69 (Rev. Buenos Aires, 2017)"."""
    refs = []
    while end is not None and (match := _NEXT_IN_LIST.match(text, end)):
        number, rev, city, year, tail = match.group(1, 2, 3, 4, "tail")
        body = _body(text, match.start(1), tail, _conference(city, year))
        target = f"{body}/res-{number}/{_revision(rev, city, year)}"
        written = text[match.start(1) : match.end(4) + 1]
        refs.append((match.start(1), CrossRef(kind="itu-resolution", target=target, text=written)))
        end = match.end(4) + 1
    return refs


def _revision(revised: str | None, city: str, year: str) -> str:
    """ "(Rev. Busan, 2014)" -> `rev-busan-2014`; "(Kyoto, 1994)" -> `kyoto-1994`."""
    return f"{'rev-' if revised else ''}{_conference(city, year)}"


def _conference(city: str, year: str) -> str:
    """The conference that adopted or revised a text: ("Busan", "2014") -> `busan-2014`."""
    return f"{slug(city)}-{year}"


def _body(text: str, start: int, tail: str | None, conference: str | None = None) -> str:
    """The ITU body whose resolution is cited at `start`: named just before it or just after,
    else the one whose conference (`dubai-2014`) revised it, else PP."""
    before = text[max(0, start - 30) : start]
    for name, hint in _BODY_BEFORE:
        if hint.search(before):
            return name
    named = next((name for name, hint in _BODY_HINTS if hint.search(tail or "")), None)
    return named or CONFERENCE_BODY.get(conference or "", "itu-pp")


def _unga_resolutions(text: str) -> list[tuple[int, CrossRef]]:
    refs: list[tuple[int, CrossRef]] = []
    for match in _UNGA_SYMBOL.finditer(text):
        target = f"A/RES/{match.group(1)}"
        refs.append(
            (match.start(), CrossRef(kind="unga-resolution", target=target, text=match.group(0)))
        )
    for match in _UNGA_LIST.finditer(text) if "esolution" in text else ():
        if _of_another_council(text, match.start(1)):
            continue
        for bare in _UNGA_BARE.finditer(match.group(1)):
            start = match.start(1) + bare.start()
            target = f"A/RES/{int(bare.group(1))}/{int(bare.group(2))}"
            refs.append(
                (start, CrossRef(kind="unga-resolution", target=target, text=bare.group(0)))
            )
    for match in _UNGA_DATED.finditer(text):
        if _of_another_council(text, match.start()):
            continue
        target = f"A/RES/{int(match.group(1))}/{int(match.group(2))}"
        refs.append(
            (match.start(), CrossRef(kind="unga-resolution", target=target, text=match.group(0)))
        )
    for match in re.finditer(r"第(\d{2})/(\d{1,3})号", text):
        target = f"A/RES/{int(match.group(1))}/{int(match.group(2))}"
        refs.append(
            (match.start(), CrossRef(kind="unga-resolution", target=target, text=match.group(0)))
        )
    for match in _OLD_UNGA.finditer(text):
        target = f"A/RES/{match.group(1)}({match.group(3)}) {match.group(2)}"
        if match.group(1) == "217":
            target = UDHR_TARGET
        refs.append(
            (match.start(), CrossRef(kind="unga-resolution", target=target, text=match.group(0)))
        )
    return refs


def _of_another_council(text: str, start: int) -> bool:
    """The numbers at `start` follow "Human Rights Council resolution(s)" (or another Council's):
    "47/16" there is no General Assembly resolution."""
    before = text[max(0, start - 80) : start]
    word = before.rfind("esolution")
    return word > 0 and ";" not in before[word:] and "Council" in before[max(0, word - 12) : word]


def _action_lines(text: str) -> list[tuple[int, CrossRef]]:
    refs = []
    if "ction" not in text and "行动" not in text:
        return []
    for match in _ACTION_LINE.finditer(text):
        for line in re.findall(r"C\d{1,2}", match.group(0)):
            refs.append(
                (match.start(), CrossRef(kind="wsis-action-line", target=line, text=match.group(0)))
            )
    for match in _ACTION_BARE.finditer(text):
        refs.append(
            (
                match.start(),
                CrossRef(kind="wsis-action-line", target=match.group(1), text=match.group(0)),
            )
        )
    return refs


def _constitution(text: str) -> list[tuple[int, CrossRef]]:
    refs = []
    for match in _CONSTITUTION.finditer(text):
        kind_word, number, instrument = match.group(1, 2, 3)
        prefix = "CS" if instrument == "Constitution" else "CV"
        unit = "Art." if kind_word == "Article" else "No."
        target = f"{prefix} {unit} {number}"
        refs.append(
            (match.start(), CrossRef(kind="itu-constitution", target=target, text=match.group(0)))
        )
    return refs


def _recommendations(text: str) -> list[tuple[int, CrossRef]]:
    return [
        (match.start(), CrossRef(kind="itu-recommendation", target=number, text=match.group(0)))
        for match in _RECOMMENDATION.finditer(text)
        for number in re.findall(_REC_ID, match.group(1))
    ]


def _council(text: str) -> list[tuple[int, CrossRef]]:
    """Resolutions and decisions of the ITU Council, which carry three- or four-digit numbers."""
    if "Council" not in text:
        return []
    refs = []
    for pattern in (_COUNCIL_BEFORE, _COUNCIL_AFTER):
        for match in pattern.finditer(text):
            if _OTHER_COUNCILS.search(text[max(0, match.start() - 20) : match.start()]):
                continue
            kind = "dec" if match.group(1) == "Decision" else "res"
            refs += [
                (
                    match.start(),
                    CrossRef(
                        kind="itu-council-resolution",
                        target=f"itu-council/{kind}-{number}",
                        text=match.group(0),
                    ),
                )
                for number in re.findall(r"\d+", match.group(2))
            ]
    return refs
