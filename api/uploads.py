"""Uploaded files: type and size checks, and where they are kept.

An upload is kept under `{home}/uploads/{sha256 prefix}/{safe name}` so the document's `source`
stays a real file (re-ingesting it later finds it unchanged).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

from fastapi import UploadFile
from rescite.core import errors
from rescite.core.records import FailedFile
from rescite.core.settings import Settings

ALLOWED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".xml")
CHUNK = 1024 * 1024


def safe_name(filename: str | None) -> str:
    """The file's base name with anything but letters, digits, `.`, `-`, `_` replaced."""
    base = Path((filename or "").replace("\\", "/")).name
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")
    return cleaned[:120] or "upload"


def check_type(name: str) -> None:
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        raise errors.UnsupportedFormat(
            f"{name}: not a format rescite reads; send one of {', '.join(ALLOWED_SUFFIXES)}"
        )


async def save_upload(file: UploadFile, settings: Settings) -> Path:
    """Copy the upload into the uploads folder; raise InputError kinds for bad files."""
    name = safe_name(file.filename)
    check_type(name)
    folder = settings.home / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    limit = settings.api.max_upload_mb * 1024 * 1024
    digest = hashlib.sha256()
    size = 0
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".part-", delete=False) as part:
        part_path = Path(part.name)
        try:
            while chunk := await file.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise errors.FileTooLarge(
                        f"{name}: larger than {settings.api.max_upload_mb} MB; split it first"
                    )
                digest.update(chunk)
                part.write(chunk)
        except BaseException:
            part_path.unlink(missing_ok=True)
            raise
    if size == 0:
        part_path.unlink(missing_ok=True)
        raise errors.EmptyFile(f"{name}: the file is empty; send the resolution's text")
    target = folder / digest.hexdigest()[:16] / name
    target.parent.mkdir(exist_ok=True)
    part_path.replace(target)
    return target


def _error_classes() -> dict[str, type[errors.ResciteError]]:
    found: dict[str, type[errors.ResciteError]] = {}
    pending: list[type[errors.ResciteError]] = [errors.ResciteError]
    while pending:
        cls = pending.pop()
        found.setdefault(cls.kind, cls)
        pending.extend(cls.__subclasses__())
    return found


def failure_error(failed: FailedFile) -> errors.ResciteError:
    """The error to answer with when the archive could not ingest an uploaded file."""
    cls = _error_classes().get(failed.kind, errors.InputError)
    return cls(failed.message)
