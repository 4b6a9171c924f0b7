"""Word (.docx) reader (python-docx): paragraphs and tables in document order.

Each Word paragraph (in the body, in table cells, content controls and text boxes) becomes
one line; manual line breaks inside a paragraph are mended like PDF line breaks. Page
headers, footers and footnotes live in other parts of the package and are not read.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree
from lxml.etree import LxmlError
from rescite.core.errors import CorruptFile, EmptyFile, EncryptedFile
from rescite.ingest.normalise import join_lines, normalise_text, vocabulary
from rescite.ingest.read_paragraphs import Extracted, Line, assemble

ITU_HEADER = re.compile(
    r"^(?:RESOLUTION|DECISION)\s+\d{1,3}[A-Z]?\s*\((?:Rev\.|REV\.)?[^()]*\d{4}\)"
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes, path: str) -> Extracted:
    document = _open(data, path)
    blocks = _from_header([normalise_text(text) for text in _blocks(document)])
    words = vocabulary("\n".join(blocks))
    lines = [Line(join_lines(block.split("\n"), words)) for block in blocks]
    text, _ = assemble(lines, words)
    if not text.strip():
        raise EmptyFile("the Word file holds no text: nothing to ingest", path)
    return Extracted(text=text, fmt="docx")


def _from_header(blocks: list[str]) -> list[str]:
    """An ITU resolution published as a Word file starts at its `RESOLUTION 1 (...)` header:
    the cover, foreword and copyright notice before it are the publication's, not the
    resolution's (the ITU `.txt` texts start at the header too)."""
    for index, block in enumerate(blocks):
        if ITU_HEADER.match(block):
            return blocks[index:]
    return blocks


def _open(data: bytes, path: str) -> WordDocument:
    if data.startswith(OLE_MAGIC):
        raise EncryptedFile(
            "an encrypted or legacy (.doc) Word file: save it unprotected as .docx", path
        )
    try:
        return docx.Document(BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LxmlError) as error:
        raise CorruptFile(
            f"not a readable Word file ({error}): the file is truncated or damaged", path
        ) from error


def _blocks(document: WordDocument) -> list[str]:
    """The text of every paragraph in the body (table cells, content controls and text
    boxes included), in document order."""
    body = document.element.body
    return [_paragraph_text(p) for p in body.iter(W + "p") if not _in_fallback(p)]


def _in_fallback(element: etree._Element) -> bool:
    """Text boxes come twice (mc:Choice and mc:Fallback); read only the first."""
    return any(parent.tag == MC_FALLBACK for parent in element.iterancestors())


def _paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter(
        W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "p"
    ):
        if node is not paragraph and _owner(node) is not paragraph:
            continue
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append("\t")
        elif node.tag == W + "noBreakHyphen":
            parts.append("-")
        elif node.tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _owner(node: etree._Element) -> etree._Element | None:
    """The nearest enclosing w:p of a node (text boxes nest paragraphs in paragraphs)."""
    return next((a for a in node.iterancestors() if a.tag == W + "p"), None)
