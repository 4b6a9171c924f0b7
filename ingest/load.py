"""Read any supported file into Documents: the one entry point of the readers.

    read_file(path, max_bytes=...) -> list[Document]   # an AKN collection gives many
    iter_files(paths) -> Iterator[Path]                # folders walked, sorted

The reader is chosen by content sniffing first (PDF, ZIP/Word, OLE, Akoma Ntoso, HTML
magic), then by extension for text. Every failure is an InputError subclass whose message
says what to do; a caller reading a batch catches InputError per file and goes on.

The shape of `Document.text` (what the parser reads), by format:

- PDF, layout Markdown, DOCX, HTML, AKN: one paragraph per line, no blank lines; line breaks
  and hyphenation inside a paragraph mended. UN page furniture (job number, bar code,
  running header with symbol/title/page counter) is gone; footnotes follow the `_____`
  rule, one per line, after the paragraph that runs over the page break.
- Plain text: the source's own lines (hard-wrapped as extracted), single blank lines kept;
  UN page furniture and ITU page headers (`Resolution 2 239`) gone.
- AKN: `RESOLUTION 130 (REV. DUBAI, 2018)`, title, formula, keyword lines, then each
  recital/paragraph/point as `num text` on its own line (see readers_akn).
`page_starts` is set for PDFs and for texts whose page furniture shows the page breaks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rescite.core.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    InputError,
    UnsupportedFormat,
)
from rescite.core.records import Document
from rescite.ingest.metadata import detect
from rescite.ingest.read_paragraphs import Extracted
from rescite.ingest.readers_akn import is_akn, read_akn
from rescite.ingest.readers_docx import OLE_MAGIC, read_docx
from rescite.ingest.readers_html import read_html
from rescite.ingest.readers_pdf import read_pdf
from rescite.ingest.readers_text import read_markdown, read_text

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = (".pdf", ".docx", ".xml", *HTML_SUFFIXES, *TEXT_SUFFIXES)
SKIPPED_NAMES = ("readme", "catalog", "manifest")

Reader = Callable[[bytes, str], Extracted]
READERS: dict[str, Reader] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "html": read_html,
    "text": read_text,
    "markdown": read_markdown,
}


def read_file(path: Path, *, max_bytes: int) -> list[Document]:
    """The documents in one file, text normalised and metadata detected from the text."""
    data = _read_bytes(path, max_bytes)
    name = str(path)
    sha256 = hashlib.sha256(data).hexdigest()
    kind = sniff(data, path)
    extracted = read_akn(data, name) if kind == "akn" else [READERS[kind](data, name)]
    return [_document(item, name, sha256) for item in extracted]


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    if not path.exists():
        raise InputError("no such file: check the path", name)
    if not path.is_file():
        raise UnsupportedFormat("not a regular file: pass a file or a folder of files", name)
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLarge(
            f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit: raise "
            "RESCITE_MAX_FILE_MB or split the file",
            name,
        )
    if size == 0:
        raise EmptyFile("the file is empty: nothing to ingest", name)
    return path.read_bytes()


def sniff(data: bytes, path: Path) -> str:
    """The reader for these bytes: "pdf", "docx", "akn", "html", "text" or "markdown"."""
    name, suffix = str(path), path.suffix.lower()
    head = data[:1024].lstrip()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or suffix == ".docx":
            return "docx"
        raise UnsupportedFormat("a ZIP archive that is not a Word file: unpack it first", name)
    if data.startswith(OLE_MAGIC):
        if suffix == ".docx":
            raise EncryptedFile("an encrypted Word file: save an unprotected .docx", name)
        raise UnsupportedFormat("a legacy Office file: save it as .docx or PDF", name)
    if is_akn(data):
        return "akn"
    if _looks_html(head):
        return "html"
    return _by_suffix(suffix, name)


def _looks_html(head: bytes) -> bool:
    lowered = head[:512].lower()
    return lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:200]


def _by_suffix(suffix: str, name: str) -> str:
    if suffix == ".pdf":
        raise CorruptFile("not a PDF (no %PDF header): the file is damaged or mislabelled", name)
    if suffix == ".docx":
        raise CorruptFile("not a Word file (no ZIP header): the file is damaged", name)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    if suffix == ".xml":
        raise UnsupportedFormat("XML that is not Akoma Ntoso: convert it to AKN or text", name)
    raise UnsupportedFormat(
        f"unsupported file type {suffix or '(none)'}: use PDF, DOCX, HTML, TXT, MD or AKN XML",
        name,
    )


def _document(item: Extracted, name: str, sha256: str) -> Document:
    meta = detect(item.text, source=name, sha256=sha256)
    return Document(meta=meta, text=item.text, page_starts=item.page_starts)


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to read: given files as they are, folders walked in sorted order.

    Inside folders, hidden files and folders, README files and catalog/manifest TSVs are
    skipped.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if child.is_file() and not _skipped(relative):
                yield child


def _skipped(relative: Path) -> bool:
    if any(part.startswith(".") for part in relative.parts):
        return True
    name = relative.name.lower()
    return name.startswith(SKIPPED_NAMES) or name.endswith(".tsv")
