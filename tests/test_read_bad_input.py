"""Bad input gets its own error with a message that says what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from rescite.core import errors
from rescite.ingest.load import iter_files, read_file

MB = 1024 * 1024
SMALL_PDF = "core/unga-a-res-80-16-en.pdf"
DOCX = "core/itu-t-rec-e119-2017-04-en.docx"


def truncated_pdf(documents: Path, target: Path) -> Path:
    data = (documents / SMALL_PDF).read_bytes()
    target.write_bytes(data[: len(data) // 3])
    return target


def encrypted_pdf(documents: Path, target: Path) -> Path:
    writer = PdfWriter()
    for page in PdfReader(documents / SMALL_PDF).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def truncated_docx(documents: Path, target: Path) -> Path:
    data = (documents / DOCX).read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def write(data: bytes) -> Callable[[Path, Path], Path]:
    def make(_: Path, target: Path) -> Path:
        target.write_bytes(data)
        return target

    return make


CASES = [
    ("truncated.pdf", truncated_pdf, errors.CorruptFile, "truncated"),
    ("locked.pdf", encrypted_pdf, errors.EncryptedFile, "unprotected"),
    ("truncated.docx", truncated_docx, errors.CorruptFile, "damaged"),
    (
        "locked.docx",
        write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        errors.EncryptedFile,
        "unprotected",
    ),
    (
        "old.doc",
        write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        errors.UnsupportedFormat,
        ".docx",
    ),
    ("empty.txt", write(b""), errors.EmptyFile, "empty"),
    ("blank.md", write(b" \n\n \n"), errors.EmptyFile, "nothing to ingest"),
    ("zeros.txt", write(bytes(4096)), errors.CorruptFile, "binary"),
    ("zeros.pdf", write(bytes(4096)), errors.CorruptFile, "not a PDF"),
    ("junk.docx", write(b"\x01\x02junk" * 100), errors.CorruptFile, "not a Word file"),
    ("table.xlsx", write(b"a,b\n1,2\n"), errors.UnsupportedFormat, "unsupported file type"),
    ("notes.xml", write(b"<?xml version='1.0'?><notes/>"), errors.UnsupportedFormat, "Akoma"),
    ("broken.akn.xml", write(b"<akomaNtoso><act>"), errors.CorruptFile, "XML"),
]


@pytest.mark.parametrize(("name", "make", "error", "hint"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gets_its_error(
    documents: Path,
    tmp_path: Path,
    name: str,
    make: Callable[[Path, Path], Path],
    error: type[errors.InputError],
    hint: str,
) -> None:
    path = make(documents, tmp_path / name)
    with pytest.raises(error) as caught:
        read_file(path, max_bytes=50 * MB)
    assert hint in caught.value.message
    assert caught.value.path == str(path)


def test_scanned_pdf_needs_ocr(documents: Path) -> None:
    scans = sorted((documents / "problem").glob("*.pdf"))
    assert scans
    for scan in scans:
        with pytest.raises(errors.NoTextLayer) as caught:
            read_file(scan, max_bytes=50 * MB)
        assert "no text layer: OCR it first" in caught.value.message


def test_oversized_file_is_refused_before_reading(documents: Path) -> None:
    path = documents / SMALL_PDF
    with pytest.raises(errors.FileTooLarge) as caught:
        read_file(path, max_bytes=path.stat().st_size - 1)
    assert "RESCITE_MAX_FILE_MB" in caught.value.message
    assert read_file(path, max_bytes=path.stat().st_size)  # at the limit: fine


def test_pdf_with_owner_password_only_reads(documents: Path, tmp_path: Path) -> None:
    writer = PdfWriter()
    for page in PdfReader(documents / SMALL_PDF).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    (doc,) = read_file(path, max_bytes=50 * MB)
    assert doc.meta.doc_id == "unga/a-res-80-16/en"
    assert len(doc.page_starts) == 2


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(errors.InputError):
        read_file(tmp_path / "absent.pdf", max_bytes=MB)


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Résolution adoptée par l'Assemblée générale\n".encode("latin-1") * 20)
    (doc,) = read_file(path, max_bytes=MB)
    assert "adoptée" in doc.text
    assert doc.meta.language == "fr"


def test_a_bad_file_does_not_stop_a_batch(documents: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes((documents / "core/unga-a-res-73-27-en.txt").read_bytes())
    read, failed = [], []
    for path in iter_files([tmp_path]):
        try:
            read.extend(read_file(path, max_bytes=MB))
        except errors.InputError as error:
            failed.append(error.kind)
    assert failed == ["empty_file"]
    assert [doc.meta.doc_id for doc in read] == ["unga/a-res-73-27/en"]


def test_iter_files_walks_sorted_and_skips(tmp_path: Path) -> None:
    for name in ["b.txt", "a.pdf", ".hidden.txt", "README.md", "CATALOG.tsv", "sub/c.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert found == ["a.pdf", "b.txt", "sub/c.md"]
    single = tmp_path / "README.md"
    assert list(iter_files([single])) == [single]
