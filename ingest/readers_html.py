"""HTML reader (BeautifulSoup): one line per block element, scripts and navigation dropped."""

from __future__ import annotations

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from rescite.core.errors import EmptyFile
from rescite.ingest.normalise import clean_line, normalise_text
from rescite.ingest.read_paragraphs import Extracted, Line, assemble
from rescite.ingest.readers_text import decode

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "body",
    ]
)
SKIPPED = frozenset(["script", "style", "noscript", "template", "nav", "head", "iframe", "svg"])


def read_html(data: bytes, path: str) -> Extracted:
    soup = BeautifulSoup(decode(data, path), "lxml")
    for tag in soup.find_all(SKIPPED):
        tag.decompose()
    root = soup.body or soup
    lines = [Line(line) for line in _block_lines(root) if line]
    text, _ = assemble(lines, frozenset())
    if not text.strip():
        raise EmptyFile("the HTML file holds no text: nothing to ingest", path)
    return Extracted(text=text, fmt="html")


def _block_lines(element: Tag) -> list[str]:
    """Text of each block, in order; inline runs between blocks form blocks of their own."""
    out: list[str] = []
    run: list[str] = []
    for child in element.children:
        if isinstance(child, Tag) and child.name in BLOCKS:
            out.append(_flush(run))
            out.extend(_block_lines(child))
        elif isinstance(child, Tag) and child.name == "br":
            out.append(_flush(run))
        elif isinstance(child, Tag):
            run.append(_inline_text(child, out, run))
        elif isinstance(child, NavigableString) and type(child) is NavigableString:
            run.append(str(child))
    out.append(_flush(run))
    return out


def _inline_text(tag: Tag, out: list[str], run: list[str]) -> str:
    if tag.find(BLOCKS) is None:
        return str(tag.get_text())
    out.append(_flush(run))
    out.extend(_block_lines(tag))
    return ""


def _flush(run: list[str]) -> str:
    text = " ".join(clean_line(normalise_text(piece).replace("\n", " ")) for piece in run)
    run.clear()
    return clean_line(text)
