"""Optional LLM synthesis: the model rewrites the extractive answer from opaque keys c1…cN.

The model sees only the verified quotes, each under a key `c1`, `c2`, …; it must cite a key after
every sentence. Its text is then policed:

- keys in odd formats (`[C1]`, `(c1)`, `【c1】`, `[c1, c2]`, `c1`) are normalised to `[n]`;
- keys that name no citation are stripped and counted (`Answer.unknown_keys`);
- a sentence with no valid key is dropped;
- a sentence quoting text (in quotation marks) that is in none of the cited quotes is dropped;
- any error, timeout, malformed reply, or nothing left after policing returns the extractive
  answer unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rescite.core.records import Answer, Citation
from rescite.core.settings import LLMSettings

SYSTEM = (
    "You answer questions about ITU and UN General Assembly resolutions for delegates. Use only "
    "the numbered clauses given. End every sentence with the keys of the clauses that support "
    "it in square brackets, like [c1] or [c1][c3]. Never invent keys, never quote text that is "
    "not in the clauses, and say so plainly if the clauses do not answer the question."
)
_KEY_GROUP = re.compile(
    r"[\[(【]\s*(c\s*\d+(?:\s*[,;、]\s*c?\s*\d+)*)\s*[\])】]|(?-i:(?<!Line )\bc(\d+)\b)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+")
_QUOTED = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


@dataclass(frozen=True)
class Policed:
    text: str
    unknown_keys: int
    dropped_sentences: int


def context_prompt(answer: Answer) -> str:
    blocks = [
        f"[c{citation.n}] {citation.citation}\n{citation.quote}" for citation in answer.citations
    ]
    return f"Question: {answer.question}\n\nClauses:\n\n" + "\n\n".join(blocks)


def _keys(group: str) -> list[int]:
    return [int(number) for number in re.findall(r"\d+", group)]


def normalise_keys(sentence: str, valid: set[int]) -> tuple[str, int, int]:
    """(sentence with keys as [n], valid keys found, unknown keys stripped)."""
    found = unknown = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal found, unknown
        numbers = _keys(match.group(1) or match.group(2))
        good = [n for n in numbers if n in valid]
        found += len(good)
        unknown += len(numbers) - len(good)
        return "".join(f"[{n}]" for n in good)

    text = _KEY_GROUP.sub(replace, sentence)
    return re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip(), found, unknown


def _quotes_are_real(sentence: str, citations: tuple[Citation, ...]) -> bool:
    sources = [" ".join(c.quote.split()) for c in citations] + [
        " ".join(c.text.split()) for c in citations
    ]
    for quoted in _QUOTED.findall(sentence):
        needle = " ".join(quoted.split()).strip(" .,;…")
        if not any(needle in source for source in sources):
            return False
    return True


def police(text: str, answer: Answer) -> Policed:
    valid = {citation.n for citation in answer.citations}
    kept: list[str] = []
    unknown = dropped = 0
    for raw in _SENTENCE.split(text.strip()):
        if not raw.strip():
            continue
        sentence, found, stripped = normalise_keys(raw, valid)
        unknown += stripped
        if not found or not _quotes_are_real(sentence, answer.citations):
            dropped += 1
            continue
        kept.append(sentence)
    return Policed(" ".join(kept), unknown, dropped)


def _content(payload: Any) -> str | None:
    try:
        content = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        return None
    return content if isinstance(content, str) and content.strip() else None


def complete(prompt: str, settings: LLMSettings) -> str | None:
    """One chat completion from an OpenAI-compatible endpoint; None on any failure."""
    import httpx

    assert settings.url is not None
    endpoint = settings.url.rstrip("/").removesuffix("/v1") + "/v1/chat/completions"
    headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
    body = {
        "model": settings.model,
        "temperature": 0,
        "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
    }
    try:
        response = httpx.post(endpoint, json=body, headers=headers, timeout=settings.timeout_s)
        response.raise_for_status()
        return _content(response.json())
    except (httpx.HTTPError, ValueError):
        return None


def synthesise(answer: Answer, settings: LLMSettings) -> Answer:
    """The answer rewritten by the model, or the extractive answer whenever anything fails."""
    if answer.refused or not answer.citations or not settings.url:
        return answer
    content = complete(context_prompt(answer), settings)
    if content is None:
        return answer
    policed = police(content, answer)
    if not policed.text:
        return answer.model_copy(update={"unknown_keys": policed.unknown_keys})
    return answer.model_copy(
        update={"answer": policed.text, "mode": "llm", "unknown_keys": policed.unknown_keys}
    )
