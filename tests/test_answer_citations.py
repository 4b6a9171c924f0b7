"""Citation strings in each body's style: one table over our own records."""

from __future__ import annotations

import pytest
from rescite.answer.citations import citation_string, label_path
from rescite.core.names import document_name
from rescite.core.records import Body, Clause, DocType, DocumentMeta, Section

ITU = {"body": Body.ITU_PP, "doc_type": DocType.RESOLUTION}
RES130 = DocumentMeta(
    doc_id="itu-pp/res-130/rev-dubai-2018/en", number="130", revision="Rev. Dubai, 2018", **ITU
)
RES2 = DocumentMeta(doc_id="itu-pp/res-2/rev-bucharest-2022/en", number="2", **ITU)
RES5 = DocumentMeta(doc_id="itu-pp/res-5/kyoto-1994/en", number="5", **ITU)
DEC5 = DocumentMeta(
    doc_id="itu-pp/dec-5/rev-bucharest-2022/en",
    body=Body.ITU_PP,
    doc_type=DocType.DECISION,
    number="5",
    revision="Rev. Bucharest, 2022",
)
WTSA1 = DocumentMeta(
    doc_id="itu-wtsa/res-1/rev-hammamet-2016/en",
    body=Body.ITU_WTSA,
    doc_type=DocType.RESOLUTION,
    number="1",
    revision="Rev. Hammamet, 2016",
)
UNGA = {"body": Body.UNGA, "doc_type": DocType.RESOLUTION}
A79_243 = DocumentMeta(doc_id="unga/a-res-79-243/en", symbol="A/RES/79/243", **UNGA)
A78_237 = DocumentMeta(doc_id="unga/a-res-78-237/en", symbol="A/RES/78/237", **UNGA)
A78_253 = DocumentMeta(doc_id="unga/a-res-78-253/en", symbol="A/RES/78/253", **UNGA)
UDHR = DocumentMeta(
    doc_id="unga/217-a-iii/en",
    body=Body.UNGA,
    doc_type=DocType.DECLARATION,
    symbol="217 A (III)",
    title="Universal Declaration of Human Rights",
)
CS = DocumentMeta(
    doc_id="itu/constitution/geneva-1992/en", body=Body.OTHER, doc_type=DocType.TREATY
)
E119 = DocumentMeta(
    doc_id="itu-t/rec-e-119/2017-04/en",
    body=Body.ITU_OTHER,
    doc_type=DocType.RECOMMENDATION,
    number="E.119",
)


def clause(
    meta: DocumentMeta,
    path: str,
    section: Section,
    keyword: str | None = None,
    keyword_en: str | None = None,
) -> Clause:
    return Clause(
        clause_id=f"{meta.doc_id}/{path}",
        doc_id=meta.doc_id,
        ordinal=0,
        section=section,
        keyword=keyword,
        keyword_en=keyword_en or keyword,
        text="x",
        start=0,
        end=1,
    )


OP, PRE, BODY, ANNEX = Section.OPERATIVE, Section.PREAMBLE, Section.BODY, Section.ANNEX
ISG = "instructs the Secretary-General"

CASES = [
    (RES130, "operative/instructs-the-secretary-general/1", OP, ISG,
     "Resolution 130 (Rev. Dubai, 2018), instructs the Secretary-General, 1"),
    (RES2, "preamble/considering/a", PRE, "considering",
     "Resolution 2 (Rev. Bucharest, 2022), considering a)"),
    (RES2, "preamble/considering-further/b", PRE, "considering further",
     "Resolution 2 (Rev. Bucharest, 2022), considering further b)"),
    (RES2, "operative/resolves/1/a", OP, "resolves",
     "Resolution 2 (Rev. Bucharest, 2022), resolves, 1 a)"),
    (RES2, "operative/resolves/2/ii", OP, "resolves",
     "Resolution 2 (Rev. Bucharest, 2022), resolves, 2 ii)"),
    (RES2, "operative/resolves", OP, "resolves", "Resolution 2 (Rev. Bucharest, 2022), resolves"),
    (RES2, "operative/resolves/3-2", OP, "resolves",
     "Resolution 2 (Rev. Bucharest, 2022), resolves, 3"),
    (RES5, "operative/resolves/1", OP, "resolves", "Resolution 5 (Kyoto, 1994), resolves, 1"),
    (DEC5, "operative/decides/1", OP, "decides", "Decision 5 (Rev. Bucharest, 2022), decides, 1"),
    (WTSA1, "operative/resolves/2", OP, "resolves",
     "Resolution 1 (Rev. Hammamet, 2016), resolves, 2"),
    (WTSA1, "operative/resolves/figure-9.1", OP, "resolves",
     "Resolution 1 (Rev. Hammamet, 2016), resolves, Figure 9.1"),
    (RES130, "title", Section.TITLE, None, "Resolution 130 (Rev. Dubai, 2018), title"),
    (A79_243, "operative/2", OP, None, "A/RES/79/243, para. 2"),
    (A79_243, "operative/2/a", OP, None, "A/RES/79/243, para. 2 (a)"),
    (A79_243, "operative/2/a/i", OP, None, "A/RES/79/243, para. 2 (a) (i)"),
    (A78_237, "preamble/3", PRE, None, "A/RES/78/237, preambular para. 3"),
    (A79_243, "annex/article-5/1", ANNEX, None, "A/RES/79/243, annex, art. 5, para. 1"),
    (A79_243, "annex-2/3", ANNEX, None, "A/RES/79/243, annex II, para. 3"),
    (A79_243, "annex/article-1/c", ANNEX, None, "A/RES/79/243, annex, art. 1 (c)"),
    (A79_243, "annex/article-6/2/a", ANNEX, None, "A/RES/79/243, annex, art. 6, para. 2 (a)"),
    (UDHR, "body/article-5", BODY, None,
     "Universal Declaration of Human Rights (resolution 217 A (III)), art. 5"),
    (UDHR, "preamble/1", PRE, None,
     "Universal Declaration of Human Rights (resolution 217 A (III)), preambular para. 1"),
    (CS, "body/article-1", BODY, None, "ITU Constitution, art. 1"),
    (CS, "body/article-1/2", BODY, None, "ITU Constitution, art. 1, para. 2"),
    (CS, "body/article-11a/1", BODY, None, "ITU Constitution, art. 11A, para. 1"),
    (CS, "body/p10", BODY, None, "ITU Constitution, unnumbered para. 10"),
    (CS, "body/article-11/p1", BODY, None, "ITU Constitution, art. 11, unnumbered para. 1"),
    (A79_243, "annex/p9", ANNEX, None, "A/RES/79/243, annex, unnumbered para. 9"),
    (E119, "body/summary/1", BODY, None, "ITU-T Recommendation E.119, summary, para. 1"),
    (E119, "body/section-7.5/p2", BODY, None,
     "ITU-T Recommendation E.119, sect. 7.5, unnumbered para. 2"),
    (E119, "body/section-7", BODY, None, "ITU-T Recommendation E.119, sect. 7"),
    (A78_253, "operative/section-ii/1", OP, None, "A/RES/78/253, sect. II, para. 1"),
    (A78_253, "operative/section-ii/6/a", OP, None, "A/RES/78/253, sect. II, para. 6 (a)"),
    (A78_253, "preamble/section-xii/2", PRE, None, "A/RES/78/253, sect. XII, preambular para. 2"),
    (A78_253, "operative/section-xx", OP, None, "A/RES/78/253, sect. XX"),
    (A78_253, "operative/section-xxiv/b", OP, None, "A/RES/78/253, sect. XXIV (b)"),
]  # fmt: skip


@pytest.mark.parametrize(("meta", "path", "section", "keyword", "expected"), CASES)
def test_citation_string(
    meta: DocumentMeta, path: str, section: Section, keyword: str | None, expected: str
) -> None:
    assert citation_string(meta, clause(meta, path, section, keyword)) == expected


def test_chinese_keyword_with_english_slug_keeps_its_own_words() -> None:
    meta = DocumentMeta(
        doc_id="itu-pp/res-174/proposal-bucharest-2022/zh",
        body=Body.ITU_PP,
        doc_type=DocType.PROPOSAL,
        number="174",
        language="zh",
        revision="proposal to revise Res. 174 (Rev. Busan, 2014) for PP (Bucharest, 2022)",
    )
    item = clause(meta, "preamble/considering/a", PRE, "考虑到", "considering")
    assert label_path(item) == ["a"]
    assert citation_string(meta, item) == (
        "Proposal to revise Resolution 174 (Bucharest, 2022), 考虑到 a)"
    )


def test_revision_read_from_doc_id_when_metadata_lacks_it() -> None:
    assert document_name(RES2) == "Resolution 2 (Rev. Bucharest, 2022)"


def test_a_provision_number_in_the_margin_is_cited() -> None:
    """The Convention's item 11) of article 4 is its provision No. 77: cited with it, it is
    told apart from article 4's paragraph 11 (No. 62)."""
    item = clause(CS, "body/article-4/11-2", BODY).model_copy(
        update={"label": "Article 4, para. 11 (No. 77)"}
    )
    assert citation_string(CS, item) == "ITU Constitution, art. 4, para. 11 (No. 77)"
    heading = clause(CS, "body/article-36", BODY).model_copy(
        update={"label": "Article 36 (No. 183)"}
    )
    assert citation_string(CS, heading) == "ITU Constitution, art. 36 (No. 183)"
