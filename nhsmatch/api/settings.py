"""Settings: the only place the environment is read. Every variable starts with MATCHER_."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ..corpus import DEFAULT_CORPUS_PATH, DEFAULT_ORGANISATIONS_PATH, DEFAULT_PLACES_PATH, DEFAULT_VOCABULARY_PATH
from ..index.embedder import BUNDLED_MODEL
from ..index.encoders import EncoderRuntime


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MATCHER_", env_file=".env", extra="ignore", frozen=True)

    corpus_path: Path = Field(DEFAULT_CORPUS_PATH, description="The JSONL corpus to serve.")
    organisations_path: Path = Field(DEFAULT_ORGANISATIONS_PATH, description="Curated organisation names.")
    vocabulary_path: Path = Field(DEFAULT_VOCABULARY_PATH, description="Curated NHS vocabulary.")
    places_path: Path = Field(DEFAULT_PLACES_PATH, description="Curated places and their regions.")
    index_dir: Path = Field(Path(".matcher-index"), description="Where built index files go.")
    model: str = Field(BUNDLED_MODEL, description="'bundled', or a local sentence-transformers model directory.")
    encoder: EncoderRuntime = Field("onnx", description="'onnx' (ONNX Runtime, fast start) or 'torch'.")
    encoder_threads: int = Field(1, ge=1, description="Threads of each model call while several run at once.")
    encoder_calls: int = Field(
        0, ge=0, description="Model calls at once per worker (a lone one uses this many threads); 0: cores per worker."
    )
    batch_size: int = Field(16, ge=1, description="Most challenges encoded together in one model call.")
    batch_wait_ms: float = Field(2.0, ge=0, description="Longest wait for more challenges to batch, under load.")
    cache_size: int = Field(1024, ge=0, description="Match responses kept in memory per worker (0: none).")
    embedding_cache_size: int = Field(4096, ge=0, description="Challenge embeddings kept per worker (0: none).")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    cors_origins: list[str] = Field(["*"], description="Origins allowed to call the read endpoints.")
    log_challenges: bool = Field(False, description="Log challenge texts (they may hold sensitive detail).")
    log_level: str = "INFO"
    # Reliability and security (README: "Admin writes", "Reliability and security", "Observability").
    admin_token: SecretStr | None = Field(None, description="Bearer token for admin writes; unset disables them.")
    data_dir: Path = Field(Path(".matcher-data"), description="Working copy of the corpus that admin writes edit.")
    admin_cors_origins: list[str] = Field([], description="Origins allowed to call the write endpoints.")
    rate_limit: str = Field("120/minute", description="Per-client limit, e.g. '120/minute'; 'off' disables it.")
    max_body_bytes: int = Field(65_536, ge=1024, description="Largest request body accepted.")
    log_format: str = Field("json", pattern="^(json|text)$", description="'json' lines or plain 'text'.")
    follow_seconds: float = Field(
        2.0, ge=0, description="How often a worker checks for an index published by another (0: never)."
    )

    @field_validator("rate_limit")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        if value.strip().lower() != "off":
            from limits import parse

            parse(value)  # ValueError names the accepted form
        return value.strip()

    @field_validator("corpus_path", "organisations_path", "vocabulary_path", "places_path")
    @classmethod
    def _must_exist(cls, path: Path) -> Path:
        if not path.is_file():
            raise ValueError(f"no file at {path}")
        return path


@lru_cache
def get_settings() -> Settings:
    return Settings()
