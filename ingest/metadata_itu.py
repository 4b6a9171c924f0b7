"""ITU metadata from text: resolutions, decisions, recommendations, ITU-T Recommendations,
the Constitution and Convention, and Chinese proposals to revise a PP resolution."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rescite.core.records import Body, DocType

HEAD_CHARS = 4000
HEADER = re.compile(
    r"^(RESOLUTION|DECISION|RECOMMENDATION)\s+(\d{1,3}[A-Z]?)\s*\(\s*(REV\.\s*)?"
    r"([^,()\d]+?),\s*(\d{4})\s*\)",
    re.I | re.M,
)
FORMULAS = (
    ("Plenipotentiary Conference", Body.ITU_PP, "itu-pp"),
    ("World Telecommunication Standardization Assembly", Body.ITU_WTSA, "itu-wtsa"),
    ("World Telecommunication Development Conference", Body.ITU_WTDC, "itu-wtdc"),
)
KINDS = {
    "resolution": (DocType.RESOLUTION, "res"),
    "decision": (DocType.DECISION, "dec"),
    "recommendation": (DocType.RECOMMENDATION, "rec"),
}
ITU_T_REC = re.compile(r"(?:ITU-T|UIT-T|МСЭ-[TТ])\s+([A-Z])\.(\d{1,4}(?:\.\d{1,3})?)\b")
REC_HEADING = re.compile(r"^\S+\s+(?:ITU-T|UIT-T|МСЭ-[TТ])\s+[A-Z]\.\d{1,4}(?:\.\d{1,3})?$")
REC_DATE = re.compile(r"\((?:(\d{2})/(\d{4})|(\d{4})/(\d{2}))\)")  # (04/2017); ar: (2017/04)
TREATY = re.compile(r"\b(CONSTITUTION|CONVENTION)\s+OF\s+THE\s+INTERNATIONAL\s+TELECOMMUNICATION")
TREATY_PLACE = re.compile(r"\(\s*(Geneva),?\s*(1992)\s*\)", re.I)
ZH_CITIES = {
    "釜山": "Busan",
    "布加勒斯特": "Bucharest",
    "迪拜": "Dubai",
    "瓜达拉哈拉": "Guadalajara",
    "安塔利亚": "Antalya",
    "马拉喀什": "Marrakesh",
    "明尼阿波利斯": "Minneapolis",
    "京都": "Kyoto",
    "日内瓦": "Geneva",
    "布宜诺斯艾利斯": "Buenos Aires",
    "哈马马特": "Hammamet",
    "约翰内斯堡": "Johannesburg",
    "海得拉巴": "Hyderabad",
    "多哈": "Doha",
    "基加利": "Kigali",
    "新德里": "New Delhi",
}
# Where and when the ITU conferences that adopt resolutions met (facts): a resolution cited as
# "Resolution 45 (Rev. Dubai, 2014)" is the WTDC's, whether or not the clause says so.
_MET: dict[str, tuple[str, ...]] = {
    "itu-pp": (
        "nice-1989", "geneva-1992", "kyoto-1994", "minneapolis-1998", "marrakesh-2002",
        "marrakech-2002", "antalya-2006", "guadalajara-2010", "busan-2014", "dubai-2018",
        "bucharest-2022", "doha-2026",
    ),
    "itu-wtsa": (
        "helsinki-1993", "geneva-1996", "montreal-2000", "florianopolis-2004",
        "johannesburg-2008", "dubai-2012", "hammamet-2016", "geneva-2022", "new-delhi-2024",
    ),
    "itu-wtdc": (
        "buenos-aires-1994", "valletta-1998", "istanbul-2002", "doha-2006", "hyderabad-2010",
        "dubai-2014", "buenos-aires-2017", "kigali-2022", "baku-2025",
    ),
}  # fmt: skip
CONFERENCE_BODY = {venue: body for body, venues in _MET.items() for venue in venues}
ZH_REVISED = re.compile(r"第\s?(\d{1,3})\s?号决议（(\d{4})年，(\S{1,8}?)，修订版）")
ZH_TARGET = re.compile(r"全权代表大会（[^）]*?(\d{4})年，(\S{1,8}?)）")


@dataclass(frozen=True)
class ItuFacts:
    body: Body
    doc_type: DocType
    number: str
    revision: str | None
    year: int | None
    title: str
    doc_id_stem: str  # without the language


def detect_itu(text: str) -> ItuFacts | None:
    """An ITU resolution/decision/recommendation headed `RESOLUTION 2 (REV. BUCHAREST, 2022)`."""
    head = text[:HEAD_CHARS]
    match = HEADER.search(head)
    if not match:
        return detect_treaty(head) or detect_declarations(head)
    kind, number, rev, place, year = match.groups()
    after = head[match.end() :]
    body, prefix = _body(after)
    doc_type, short = KINDS[kind.lower()]
    city = " ".join(word.capitalize() for word in place.split())
    revision = f"Rev. {city}, {year}" if rev else f"{city}, {year}"
    return ItuFacts(
        body=body,
        doc_type=doc_type,
        number=number.upper(),
        revision=revision,
        year=int(year),
        title=_title(after),
        doc_id_stem=f"{prefix}/{short}-{number.lower()}/{_slug(revision)}",
    )


def _body(after: str) -> tuple[Body, str]:
    formula = " ".join(after[:1200].split())
    for phrase, body, prefix in FORMULAS:
        if phrase in formula:
            return body, prefix
    return Body.ITU_OTHER, "itu"


def _title(after: str) -> str:
    """The lines between the header and the enacting formula."""
    parts: list[str] = []
    for line in after.split("\n")[1:8]:
        stripped = line.strip()
        if stripped.startswith("The ") and ("Conference" in line or "Assembly" in line):
            break
        if stripped and not stripped.startswith("("):
            parts.append(stripped)
    return " ".join(parts)


def detect_treaty(head: str) -> ItuFacts | None:
    """The ITU Constitution or Convention (Geneva, 1992, as amended)."""
    match = TREATY.search(" ".join(head.split()))
    if not match:
        return None
    name = match.group(1).lower()
    return ItuFacts(
        body=Body.ITU_OTHER,
        doc_type=DocType.TREATY,
        number=name.capitalize(),
        revision="Geneva, 1992",
        year=1992,
        title=f"{name.capitalize()} of the International Telecommunication Union",
        doc_id_stem=f"itu/{name}/geneva-1992",
    )


DECLARATIONS = re.compile(
    r"^DECLARATIONS made at the end of the Plenipotentiary Conference of the International "
    r"Telecommunication Union \(([^,()\d]+), (\d{4})\)"
)


def detect_declarations(head: str) -> ItuFacts | None:
    """The declarations and reservations in a Plenipotentiary Conference's Final Acts."""
    match = DECLARATIONS.match(head)
    if not match:
        return None
    place, year = match.group(1).strip(), match.group(2)
    return ItuFacts(
        body=Body.ITU_PP,
        doc_type=DocType.DECLARATION,
        number="",
        revision=f"{place}, {year}",
        year=int(year),
        title=f"Declarations and reservations, Final Acts ({place}, {year})",
        doc_id_stem=f"itu-pp/declarations/{_slug(place)}-{year}",
    )


def detect_itu_t(text: str) -> ItuFacts | None:
    """An ITU-T Recommendation such as E.119, dated `(04/2017)`."""
    head = text[:20000]
    match = ITU_T_REC.search(head)
    if not match:
        return None
    series, number = match.group(1), match.group(2)
    dated = REC_DATE.search(head)
    month, year = _month_year(dated)
    revision = f"{month}/{year}" if dated else None
    return ItuFacts(
        body=Body.ITU_OTHER,
        doc_type=DocType.RECOMMENDATION,
        number=f"{series}.{number}",
        revision=revision,
        year=int(year) if year else None,
        title=_rec_title(head, match.end()),
        doc_id_stem=f"itu-t/rec-{_slug(series + '-' + number)}/"
        + (f"{year}-{month}" if dated else "undated"),
    )


def _month_year(dated: re.Match[str] | None) -> tuple[str | None, str | None]:
    if dated is None:
        return None, None
    if dated.group(1):
        return dated.group(1), dated.group(2)
    return dated.group(4), dated.group(3)


def _rec_title(head: str, end: int) -> str:
    """The line after the heading `Recommendation ITU-T E.119` (any language)."""
    lines = head.split("\n")
    for index, line in enumerate(lines[:-1]):
        following = lines[index + 1].strip()
        if REC_HEADING.match(line.strip()) and following and not following.isupper():
            return following[:200]
    return ""


def detect_proposal(text: str) -> ItuFacts | None:
    """A Chinese proposal to revise a PP resolution (提案 ... 修订第174号决议)."""
    head = text[:HEAD_CHARS]
    revised = ZH_REVISED.search(head)
    if not revised or "全权代表大会" not in head or "提" not in head:
        return None
    number, old_year, old_city = revised.groups()
    target = ZH_TARGET.search(head)
    new_year, new_city = target.groups() if target else (None, None)
    old = f"Rev. {ZH_CITIES.get(old_city, old_city)}, {old_year}"
    new_city_en = ZH_CITIES.get(new_city or "", new_city or "")
    stem = f"proposal-{_slug(new_city_en)}-{new_year}" if target else "proposal"
    return ItuFacts(
        body=Body.ITU_PP,
        doc_type=DocType.PROPOSAL,
        number=number,
        revision=f"proposal to revise Res. {number} ({old}) for {_pp(new_year)} ({new_city_en}, "
        f"{new_year})",
        year=int(new_year) if new_year else None,
        title=f"Proposal to revise Resolution {number} ({old})",
        doc_id_stem=f"itu-pp/res-{number}/{stem}",
    )


def _pp(year: str | None) -> str:
    return f"PP-{year[2:]}" if year else "PP"


def _slug(value: str) -> str:
    return re.sub(r"[^\w]+", "-", value.lower(), flags=re.ASCII).strip("-")
