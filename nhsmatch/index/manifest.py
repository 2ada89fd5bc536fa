"""IndexManifest: the provenance of a built index, checked before the index is served."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..matcher.errors import IndexNotBuiltError

MANIFEST_NAME = "manifest.json"


class IndexManifest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", protected_namespaces=())

    model_id: str
    dimension: int
    corpus_sha256: str
    corpus_path: str
    record_count: int
    passage_count: int
    recipe_version: str
    index_kind: str
    built_at: datetime
    build_seconds: float
    package_version: str
    file_sha256: dict[str, str]  # detects a corrupt or truncated artefact before it is served

    def stale_reason(self, *, model_id: str, corpus_sha256: str, recipe_version: str) -> str | None:
        """Why this index can't serve the given configuration, or None when it can."""
        if self.recipe_version != recipe_version:
            return f"recipe changed ({self.recipe_version} -> {recipe_version})"
        if self.model_id != model_id:
            return f"model changed ({self.model_id} -> {model_id})"
        if self.corpus_sha256 != corpus_sha256:
            return "corpus changed (checksum differs)"
        return None

    def write(self, directory: Path) -> None:
        (directory / MANIFEST_NAME).write_text(self.model_dump_json(indent=2), encoding="utf-8")

    @classmethod
    def read(cls, directory: Path) -> IndexManifest:
        path = directory / MANIFEST_NAME
        try:
            return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError as err:
            raise IndexNotBuiltError(f"No index at {directory}; run `matcher build`.") from err
        except (OSError, ValueError, ValidationError) as err:
            raise IndexNotBuiltError(f"Unreadable manifest at {path}; run `matcher build`.") from err


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
