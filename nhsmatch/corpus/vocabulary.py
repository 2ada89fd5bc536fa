"""Reads the curated NHS vocabulary file into the domain's Vocabulary."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from ..matcher.errors import CorpusError, CorpusIssue
from ..matcher.vocabulary import Concept, Vocabulary

DEFAULT_VOCABULARY_PATH = Path(__file__).parent / "data" / "vocabulary.toml"


def load_vocabulary(path: Path = DEFAULT_VOCABULARY_PATH) -> Vocabulary:
    try:
        data = path.read_bytes()
        table = tomllib.loads(data.decode("utf-8"))
        concepts = (
            Concept(e["name"], e["kind"], tuple(e["terms"]), tuple(e.get("not_in", ())), e.get("broader"))
            for e in table["concept"]
        )
        return Vocabulary(
            concepts,
            sha256=hashlib.sha256(data).hexdigest(),
            exact_case=table.get("exact_case", ()),
            spelled_out=table.get("spelled_out", {}),
            asked_of_any_partnership=table.get("asked_of_any_partnership", ()),
        )
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as err:
        raise CorpusError([CorpusIssue(str(path), 0, "concept", str(err))]) from err
