"""The readers on the real corpus: pages, page furniture, mending, formats, determinism.

Assertions use counts, ids and short word forms; no corpus text is stored here.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from rescite.core.records import DocType, Document
from rescite.ingest.load import iter_files, read_file
from rescite.ingest.normalise import join_lines, normalise_text, vocabulary
from rescite.ingest.read_paragraphs import Line, assemble

MAX = 200 * 1024 * 1024
AKN = "core/itu-pp18-final-acts-dubai-2018-en.akn.xml"
BARCODE = re.compile(r"\*\d{7,8}\*")
JOB = re.compile(r"\b\d{2}-\d{5}\b")
COUNTER_LINE = re.compile(r"^\s*(?:\d{2}-\d{5}\s+)?\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?\s*$", re.M)


@cache
def read(documents: Path, relative: str) -> tuple[Document, ...]:
    return tuple(read_file(documents / relative, max_bytes=MAX))


def only(documents: Path, relative: str) -> Document:
    (doc,) = read(documents, relative)
    return doc


@pytest.mark.parametrize(
    ("relative", "pages"),
    [
        ("core/unga-a-res-80-16-en.pdf", 2),
        ("core/unga-a-res-79-239-en.pdf", 4),
        ("core/unga-a-res-78-265-en.pdf", 8),
        ("core/unga-a-res-73-3-en.pdf", 10),
        ("duplicates/unga-a-res-79-239-en.md", 4),
        ("bulk/unga-a-res-78-1-en.txt", 12),
        ("core/itu-pp-res2-rev-bucharest-2022-en.txt", 6),
    ],
)
def test_pages_and_furniture(documents: Path, relative: str, pages: int) -> None:
    doc = only(documents, relative)
    if relative.endswith(".pdf"):
        assert len(PdfReader(documents / relative).pages) == pages
    assert len(doc.page_starts) == pages
    assert list(doc.page_starts) == sorted(doc.page_starts)
    assert doc.page_at(0) == 1
    assert doc.page_at(doc.page_starts[-1]) == pages
    assert not BARCODE.search(doc.text)
    assert not JOB.search(doc.text)
    assert not COUNTER_LINE.search(doc.text)
    symbol = doc.meta.symbol
    if symbol:  # the running header (symbol alone on a line) is gone; the masthead keeps one
        lines = doc.text.split("\n")
        assert any(symbol in line for line in lines[:3])
        assert all(not line.startswith(symbol) for line in lines[3:])


def test_itu_page_headers_dropped(documents: Path) -> None:
    doc = only(documents, "core/itu-pp-res2-rev-bucharest-2022-en.txt")
    assert not re.search(r"^(?:\d+ Resolution 2|Resolution 2 \d+)$", doc.text, re.M)
    assert doc.text.startswith("RESOLUTION 2 (REV. BUCHAREST, 2022)")


def test_no_stamps_left_in_bulk(documents: Path) -> None:
    stamped = []
    for path in iter_files([documents / "bulk"]):
        (doc,) = read_file(path, max_bytes=MAX)
        pages = len(doc.page_starts)
        counter = re.compile(rf"^\d{{1,3}}/{pages}$", re.M) if pages > 1 else None
        if BARCODE.search(doc.text) or (counter and counter.search(doc.text)):
            stamped.append(path.name)
    print(f"\nbulk files with stamps or page counters left: {len(stamped)}")
    assert len(stamped) <= 2, stamped[:20]


def test_pdf_hyphenation_mended(documents: Path) -> None:
    text = only(documents, "core/unga-a-res-73-3-en.pdf").text
    assert "drug-resistant" in text  # broken as "drug -" at a line end
    assert "drug -" not in text
    text = only(documents, "core/unga-a-res-79-243-en.pdf").text
    assert "seventy-eighth" in text
    assert not re.search(r"\w -\n", text)


def test_pdf_paragraphs_are_lines(documents: Path) -> None:
    doc = only(documents, "core/unga-a-res-79-239-en.pdf")
    lines = doc.text.split("\n")
    numbered = [line for line in lines if re.match(r"^\d{1,2}\. [A-Z]", line)]
    assert len(numbered) >= 8
    assert all(len(line) > 60 for line in numbered)  # one paragraph per line, not wrapped
    assert "The General Assembly," in lines


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["informa-", "tion and information"], "information and information"),
        (["well-", "being"], "well-being"),
        (["联合国", "大会"], "联合国大会"),
        (["General", "Assembly"], "General Assembly"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    words = vocabulary(" ".join(lines))
    assert join_lines(lines, words) == joined


def test_cjk_lines_join_without_space_and_pages_kept() -> None:
    lines = [Line("世界人权", 0), Line("宣言", 0, opens=False), Line("第一条", 1)]
    text, starts = assemble(lines, frozenset(), pages=2)
    assert text == "世界人权宣言\n第一条"
    assert starts == (0, text.index("第一条"))


def test_normalise_text() -> None:
    assert normalise_text("e\u0301\ufb01\u00a0x  y \r\nz\u00ad") == "\u00e9fi x y\nz"
    assert normalise_text("a – b — c") == "a – b — c"  # dashes are content


def test_akn_collection(documents: Path) -> None:
    docs = read(documents, AKN)
    assert len(docs) == 65
    assert Counter(doc.meta.doc_type for doc in docs) == {
        DocType.RESOLUTION: 61,
        DocType.DECISION: 2,
        DocType.RECOMMENDATION: 1,
        DocType.DECLARATION: 1,  # the declarations and reservations (Part VII)
    }
    ids = [doc.meta.doc_id for doc in docs]
    assert len(set(ids)) == 65
    assert "itu-pp/res-130/rev-dubai-2018/en" in ids
    for doc in docs:
        if doc.meta.doc_type is DocType.DECLARATION:
            assert doc.text.startswith("DECLARATIONS made at the end of the Plenipotentiary")
            continue
        head = doc.text.split("\n")
        assert re.match(r"^(RESOLUTION|DECISION|RECOMMENDATION) \d+", head[0])
        assert any(line.startswith("The Plenipotentiary Conference") for line in head[1:5])


def test_akn_structure_lines(documents: Path) -> None:
    docs = {doc.meta.doc_id: doc for doc in read(documents, AKN)}
    lines = docs["itu-pp/res-130/rev-dubai-2018/en"].text.split("\n")
    for keyword in ("considering", "resolves", "instructs the Secretary-General"):
        assert keyword in lines
    assert any(line.startswith("a) ") for line in lines)
    assert any(line.startswith("1 ") for line in lines)


def test_akn_items_glued_to_the_one_before_are_split(documents: Path) -> None:
    """The PP-18 collection glues every item 10 to item 9 ("9 that …; 10 that …")."""
    docs = {doc.meta.doc_id: doc for doc in read(documents, AKN)}
    glued = re.compile(r"^9 .*;[ \t]+10[ \t]+[a-z]", re.MULTILINE)
    assert not [doc_id for doc_id, doc in docs.items() if glued.search(doc.text)]
    lines = docs["itu-pp/res-2/rev-dubai-2018/en"].text.split("\n")
    ninth = next(i for i, line in enumerate(lines) if line.startswith("9 that, in order"))
    assert lines[ninth].endswith(";") and lines[ninth + 1].startswith("10 that broad")


@pytest.mark.parametrize("language", ["ar", "en", "es", "fr", "ru"])
def test_docx_e119(documents: Path, language: str) -> None:
    doc = only(documents, f"core/itu-t-rec-e119-2017-04-{language}.docx")
    assert doc.meta.doc_id == f"itu-t/rec-e-119/2017-04/{language}"
    assert doc.page_starts == ()
    assert doc.text.count("\n") > 100  # paragraph breaks kept
    assert "E.119" in doc.text


def test_docx_wtsa_paragraphs(documents: Path) -> None:
    doc = only(documents, "core/itu-wtsa-res1-rev-hammamet-2016-en.docx")
    lines = doc.text.split("\n")
    assert doc.meta.doc_id == "itu-wtsa/res-1/rev-hammamet-2016/en"
    assert lines[0] == "RESOLUTION 1 (Rev. Hammamet, 2016)"  # cover and foreword left out
    assert "considering" in lines
    assert sum(1 for line in lines if re.match(r"^\d+\.\d+ ", line)) > 50


def test_markdown_wrapper_stripped_and_matches_pdf(documents: Path) -> None:
    md = only(documents, "duplicates/unga-a-res-79-239-en.md")
    pdf = only(documents, "core/unga-a-res-79-239-en.pdf")
    assert not md.text.startswith(("#", ">"))
    assert md.meta.doc_id == pdf.meta.doc_id
    md_lines, pdf_lines = set(md.text.split("\n")), pdf.text.split("\n")
    shared = sum(1 for line in pdf_lines if line in md_lines)
    assert shared / len(pdf_lines) > 0.8


def test_html_blocks(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><script>x()</script></head><body><h1>Title</h1>"
        "<p>The <i>General</i>\n Assembly,</p><ul><li>a) one</li></ul></body></html>"
    )
    (doc,) = read_file(path, max_bytes=MAX)
    assert doc.text == "Title\nThe General Assembly,\na) one"


@pytest.mark.parametrize(
    "relative",
    [AKN, "core/unga-a-res-80-16-en.pdf", "core/itu-pp-res174-rcc-proposal-zh.txt"],
)
def test_reading_is_deterministic(documents: Path, relative: str) -> None:
    first = read_file(documents / relative, max_bytes=MAX)
    second = read_file(documents / relative, max_bytes=MAX)
    assert first == second
    assert all(doc.meta.sha256 == first[0].meta.sha256 for doc in first)


AKN_ACT = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
 <statement name="resolution">
  <meta/>
  <preface><longTitle><p><docType>RESOLUTION</docType> <docNumber>999 (TESTVILLE, 2030)</docNumber>
  </p></longTitle><container name="title"><p>A test title</p></container></preface>
  <preamble><formula name="enactingFormula"><p>The Plenipotentiary Conference of the
  International Telecommunication Union (Testville, 2030),</p></formula>
   <recitals><intro><p><i>considering</i></p></intro>
    <recital><num>a)</num><p>first<authorialNote><p>note</p></authorialNote> recital;</p></recital>
    <recital><p>b) second recital,</p></recital></recitals></preamble>
  <mainBody><hcontainer name="resolves"><heading><i>resolves</i></heading>
   <paragraph><num>1</num><content><p>to test</p></content>
    <list><point><num>1.1</num><content><p>a point</p></content></point></list></paragraph>
  </hcontainer></mainBody>
  <attachments><attachment><doc name="annex"><preface><longTitle><p>ANNEX TO RESOLUTION 999</p>
  </longTitle></preface><mainBody><p>annex text</p></mainBody></doc></attachment></attachments>
 </statement>
</akomaNtoso>
"""


def test_akn_rendering(tmp_path: Path) -> None:
    path = tmp_path / "one.akn.xml"
    path.write_bytes(AKN_ACT)
    (doc,) = read_file(path, max_bytes=MAX)
    assert doc.text.split("\n") == [
        "RESOLUTION 999 (TESTVILLE, 2030)",
        "A test title",
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Testville, 2030),",
        "considering",
        "a) first recital;",
        "b) second recital,",
        "resolves",
        "1 to test",
        "1.1 a point",
        "ANNEX TO RESOLUTION 999",
        "annex text",
    ]
    assert doc.meta.doc_id == "itu-pp/res-999/testville-2030/en"


def make_pdf(pages: list[list[str]], path: Path) -> Path:
    """A small PDF with one Helvetica text line per entry (a leading space indents it)."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    font_ref = writer._add_object(font)
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        ops = ["BT", "/F1 10 Tf", "12 TL", "60 740 Td"]
        for line in lines:
            indent = 24 if line.startswith(" ") else 0
            text = line.strip().replace("(", "\\(").replace(")", "\\)")
            ops.append(f"{indent} 0 Td ({text}) Tj {-indent} 0 Td T*")
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        fonts = DictionaryObject({NameObject("/F1"): font_ref})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    with path.open("wb") as handle:
        writer.write(handle)
    return path


FILL = "words written for this test only so that the line is as long as a printed line"
ITU_PAGES = [
    [
        "Resolution 9 101",
        "RESOLUTION 9 (TESTVILLE, 2030)",
        "A title for testing",
        "The Plenipotentiary Conference of the International Telecommunication Union",
        "(Testville, 2030),",
        "considering",
        f"a) that {FILL} and the informa-",
        f"tion {FILL}, and information",
        f"b) that {FILL} and it goes on",
    ],
    ["102 Resolution 9", f"to the next page, {FILL} until", "the end;", "resolves", f"1 {FILL}"],
]


def test_pdf_without_un_masthead(tmp_path: Path) -> None:
    (doc,) = read_file(make_pdf(ITU_PAGES, tmp_path / "itu.pdf"), max_bytes=MAX)
    lines = doc.text.split("\n")
    assert lines[:3] == ["RESOLUTION 9 (TESTVILLE, 2030)", "A title for testing", lines[2]]
    assert lines[2].endswith("(Testville, 2030),")
    assert lines[3] == "considering"
    assert "information" in lines[4].split()  # soft hyphen mended: the word occurs elsewhere
    assert lines[5].startswith("b) ") and lines[5].endswith("the end;")  # across the page
    assert lines[6:] == ["resolves", f"1 {FILL}"]
    assert not re.search(r"Resolution 9 \d|\d Resolution 9", doc.text)
    assert len(doc.page_starts) == 2
    assert doc.page_at(doc.text.index("to the next page")) == 2
    assert doc.meta.doc_id == "itu-pp/res-9/testville-2030/en"


def test_pdf_un_indented_paragraphs(tmp_path: Path) -> None:
    pages = [
        [
            "United Nations A/RES/99/1",
            "General Assembly",
            "99/1. A test title",
            " The General Assembly,",
            f" Recalling {FILL} and then",
            "the drug -",
            f"resistant {FILL},",
            f" 1. Decides {FILL};",
        ],
        ["A/RES/99/1", "A test title", "", "99-12345 2/2", "", f" 2. Requests {FILL}."],
    ]
    (doc,) = read_file(make_pdf(pages, tmp_path / "un.pdf"), max_bytes=MAX)
    lines = doc.text.split("\n")
    assert "The General Assembly," in lines
    assert any(line.startswith("Recalling") and "drug-resistant" in line for line in lines)
    assert [line[:3] for line in lines if line[:1].isdigit()] == ["99/", "1. ", "2. "]
    assert "99-12345" not in doc.text
    assert doc.meta.symbol == "A/RES/99/1"
