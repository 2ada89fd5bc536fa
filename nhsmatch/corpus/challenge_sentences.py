"""Reads the curated example sentences of challenges (about the asker, about the problem)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..matcher.background import ChallengeSentences
from ..matcher.errors import CorpusError, CorpusIssue

DEFAULT_CHALLENGE_SENTENCES_PATH = Path(__file__).parent / "data" / "challenge_sentences.json"


def load_challenge_sentences(path: Path = DEFAULT_CHALLENGE_SENTENCES_PATH) -> ChallengeSentences:
    try:
        data = path.read_bytes()
        table = json.loads(data.decode("utf-8"))
        kinds = {kind: tuple(str(s) for s in table[kind]) for kind in ("about_the_asker", "about_the_problem")}
        if not all(kinds.values()):
            raise ValueError("'about_the_asker' and 'about_the_problem' each need at least one sentence")
        return ChallengeSentences(**kinds, sha256=hashlib.sha256(data).hexdigest())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
        raise CorpusError([CorpusIssue(str(path), 0, "sentences", str(err))]) from err
