"""The one settings object: pydantic-settings with env prefix ``RAPPORTEUR_``; CLI flags override.

Nothing else in the code base reads the environment (the CLI sets ``HF_HUB_OFFLINE``
from here before anything imports a model).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]
INDEX_SCHEMA = 4  # bump when the unit → chunk → metadata mapping changes


class Settings(BaseSettings):
    """Rapporteur settings (env ``RAPPORTEUR_<FIELD>``, e.g. ``RAPPORTEUR_DATA_DIR``)."""

    model_config = SettingsConfigDict(env_prefix="RAPPORTEUR_", extra="ignore")

    data_dir: Path = Field(default=PROJECT_ROOT / ".rapporteur", description="Folder for the index and parsed records.")
    corpus_dir: Path = Field(default=PROJECT_ROOT / "corpus", description="Documents ingested when no index exists.")
    chroma_url: str | None = Field(default=None, description="Chroma server URL (http://host:port); None = embedded.")
    embedding_model: str = Field(default="all-MiniLM-L6-v2", description="Name of the packaged embedding model.")
    chunk_chars: int = Field(default=900, ge=200, description="Longest chunk embedded, in characters; longer units are split.")
    chunk_overlap: int = Field(default=150, ge=0, description="Characters shared by consecutive chunks of one unit.")
    retrieval_k: int = Field(default=5, ge=1, le=50, description="Passages retrieved per question.")
    llm: str | None = Field(default=None, description="Optional 'provider:model' for init_chat_model; None = extractive.")
    llm_timeout_s: float = Field(default=20.0, gt=0, description="Seconds before an LLM answer is abandoned.")
    host: str = Field(default="127.0.0.1", description="Address the web UI binds to.")
    port: int = Field(default=7860, ge=0, le=65535, description="Port of the web UI (0 = any free port).")
    max_question_chars: int = Field(default=2000, ge=10, description="Longer questions are cut to this length.")
    log_questions: bool = Field(default=False, description="Log question text at INFO (off: questions may be sensitive).")
    auth: str | None = Field(default=None, description="'user:password' required by the web UI (shared servers); None = open.")
    share: bool = Field(default=False, description="Ask Gradio for a public share link (off; needs explicit --share).")
    mcp_host: str = Field(default="127.0.0.1", description="Address `rapporteur mcp --transport http` binds to.")
    mcp_port: int = Field(default=8765, ge=0, le=65535, description="Port of `rapporteur mcp --transport http`.")
    mcp_token: str | None = Field(default=None, description="Bearer token MCP HTTP clients must send; required off loopback.")

    @field_validator("auth")
    @classmethod
    def _user_and_password(cls, value: str | None) -> str | None:
        """``auth`` is 'user:password' with neither part empty (read by ``assistant.ui.parse_auth``)."""
        if value is not None and not all(value.partition(":")[::2]):
            raise ValueError("--auth takes 'user:password'")
        return value

    @property
    def collection_prefix(self) -> str:
        """Chroma collection name prefix.

        A hash of everything that shapes the vectors, so a changed model or chunking never
        reuses a stale index.
        """
        shape = f"{self.embedding_model}|{self.chunk_chars}|{self.chunk_overlap}|{INDEX_SCHEMA}"
        return "units-" + hashlib.sha256(shape.encode()).hexdigest()[:10]

    def built_this_way(self, collection: str) -> bool:
        """Whether ``collection`` was built with these settings (its name starts with ``collection_prefix``)."""
        return collection.startswith(self.collection_prefix + "-")
