"""The keyword slug of clause ids, shared by the parser that makes them (ingest/) and the
citations that read them (answer/)."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens; dots inside labels ("1.1") are kept."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+(?:\.[a-z0-9]+)*", folded.lower())
    return "-".join(words)
