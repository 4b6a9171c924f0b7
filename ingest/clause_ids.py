"""Stable, readable clause ids: `{doc_id}/{section}[/{keyword-slug}]/{label path}`.

Examples: `itu-pp/res-2/rev-bucharest-2022/en/preamble/considering/a`,
`itu-pp/res-2/rev-bucharest-2022/en/operative/instructs-the-secretary-general`,
`unga/a-res-79-243/en/operative/2/a/i`, `unga/217-a-iii/en/body/article-5`.
The keyword slug is the slug of the English keyword, so every language gets English slugs.
A repeated id gets a suffix `-2`, `-3`, ... in document order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rescite.core.slugs import slug


def clause_path(section: str, keyword_en: str | None, labels: Sequence[str]) -> str:
    """The part of a clause id after the doc_id."""
    parts = [] if section == "annex" and labels and labels[0].startswith("annex") else [section]
    if keyword_en:
        parts.append(slug(keyword_en) or "keyword")
    parts.extend(slug(label) or "x" for label in labels)
    return "/".join(parts)


def unique_ids(doc_id: str, paths: Iterable[str]) -> list[str]:
    """Prefix each path with the doc_id; repeated ids get `-2`, `-3` in order."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for path in paths:
        base = f"{doc_id}/{path}"
        count = seen.get(base, 0) + 1
        seen[base] = count
        candidate = base if count == 1 else f"{base}-{count}"
        while candidate in seen and candidate != base:
            count += 1
            candidate = f"{base}-{count}"
        if candidate != base:
            seen[candidate] = 1
        ids.append(candidate)
    return ids
