"""Download catalogued official texts (corpus/catalog.tsv) where a network allows it.

    entries = load_catalog(default_catalog())
    report = fetch(select(entries, ["A/RES/79/243"]), dest, client=httpx.Client())

Each entry is saved as `{dest}/{file_stem(entry)}{suffix}`; files already there are skipped.
A failed download is reported and the rest go on. `base_url` replaces the scheme and host of
every URL (a mirror, or a local server in tests).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
from rescite.core.errors import ConfigError

COLUMNS = ("body", "number", "revision", "title", "language", "url", "in_corpus")
MAGIC_SUFFIXES = ((b"%PDF-", ".pdf"), (b"PK\x03\x04", ".docx"))


@dataclass(frozen=True)
class CatalogEntry:
    body: str
    number: str
    revision: str
    title: str
    language: str
    url: str
    in_corpus: bool

    @property
    def symbol(self) -> str:
        """`A/RES/79/243` for UNGA `79/243`; the number otherwise."""
        if self.body == "UNGA" and re.match(r"^(?:[A-Z]{1,2}-)?\d+/\d+$", self.number):
            return f"A/RES/{self.number}"
        return self.number


@dataclass
class FetchReport:
    fetched: list[Path] = field(default_factory=list)
    present: list[Path] = field(default_factory=list)
    no_url: list[CatalogEntry] = field(default_factory=list)
    failed: list[tuple[CatalogEntry, str]] = field(default_factory=list)


def default_catalog() -> Path:
    """corpus/catalog.tsv of the source tree this package was installed from."""
    return Path(__file__).resolve().parent.parent / "corpus" / "catalog.tsv"


def load_catalog(path: Path) -> list[CatalogEntry]:
    if not path.is_file():
        raise ConfigError(f"no catalog at {path}: pass --catalog PATH to corpus/catalog.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ConfigError(f"{path}: catalog lacks columns {sorted(missing)}: see corpus/")
        return [_entry(row) for row in reader]


def _entry(row: dict[str, str]) -> CatalogEntry:
    values = {name: (row.get(name) or "").strip() for name in COLUMNS}
    return CatalogEntry(**{**values, "in_corpus": values["in_corpus"] == "yes"})  # type: ignore[arg-type]


def select(entries: Iterable[CatalogEntry], only: Sequence[str]) -> list[CatalogEntry]:
    """Entries whose symbol or number is in `only` (all entries when `only` is empty)."""
    wanted = {_key(value) for value in only}
    return [e for e in entries if not wanted or {_key(e.symbol), _key(e.number)} & wanted]


def _key(value: str) -> str:
    return re.sub(r"\s+", " ", value.strip().lower())


def file_stem(entry: CatalogEntry) -> str:
    parts = (entry.body, entry.symbol, entry.revision, entry.language)
    return re.sub(r"[^\w]+", "-", " ".join(p for p in parts if p).lower(), flags=re.ASCII).strip(
        "-"
    )


def rewrite(url: str, base_url: str | None) -> str:
    if not base_url:
        return url
    base, original = urlsplit(base_url), urlsplit(url)
    path = base.path.rstrip("/") + original.path
    return urlunsplit((base.scheme, base.netloc, path, original.query, ""))


def fetch(
    entries: Iterable[CatalogEntry],
    dest: Path,
    *,
    client: httpx.Client,
    base_url: str | None = None,
) -> FetchReport:
    """Download each entry with a URL into `dest`; skip files already present."""
    dest.mkdir(parents=True, exist_ok=True)
    report = FetchReport()
    for entry in entries:
        if not entry.url:
            report.no_url.append(entry)
            continue
        existing = sorted(dest.glob(f"{file_stem(entry)}.*"))
        if existing:
            report.present.append(existing[0])
            continue
        try:
            report.fetched.append(_download(entry, dest, client, rewrite(entry.url, base_url)))
        except httpx.HTTPError as error:
            report.failed.append((entry, f"{type(error).__name__}: {error}"))
    return report


def _download(entry: CatalogEntry, dest: Path, client: httpx.Client, url: str) -> Path:
    response = client.get(url, follow_redirects=True)
    response.raise_for_status()
    target = dest / f"{file_stem(entry)}{_suffix(url, response)}"
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(response.content)
    partial.replace(target)
    return target


def _suffix(url: str, response: httpx.Response) -> str:
    suffix = Path(urlsplit(url).path).suffix.lower()
    if suffix in (".pdf", ".docx", ".html", ".htm", ".txt", ".xml"):
        return suffix
    for magic, guessed in MAGIC_SUFFIXES:
        if response.content.startswith(magic):
            return guessed
    content_type = response.headers.get("content-type", "")
    return ".html" if "html" in content_type else ".txt"
