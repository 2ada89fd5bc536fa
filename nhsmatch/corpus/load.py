"""Reads a JSONL corpus, validating every line; an invalid corpus is refused whole."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..matcher.errors import CorpusError, CorpusIssue
from ..matcher.models import Partnership

DEFAULT_CORPUS_PATH = Path(__file__).parent / "data" / "partnerships.jsonl"
# Graded judgments for `matcher eval` (a copy of the team's dev set, so it runs from a fresh clone).
DEFAULT_DEV_QUERIES_PATH = Path(__file__).parent / "data" / "dev_queries.jsonl"
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Corpus:
    """The validated records of one corpus file and the checksum of the bytes they came from."""

    records: tuple[Partnership, ...]
    sha256: str
    path: str


def load_corpus(path: Path | str = DEFAULT_CORPUS_PATH) -> Corpus:
    """Every record of a JSONL file, or CorpusError listing each bad line as `file:line: field: problem`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError([CorpusIssue(str(path), 0, "file", err.strerror or str(err))]) from err
    records, issues = parse_corpus(data, str(path))
    if issues:
        raise CorpusError(issues)
    if not records:
        raise CorpusError([CorpusIssue(str(path), 0, "file", "the corpus has no records")])
    return Corpus(tuple(records), hashlib.sha256(data).hexdigest(), str(path))


def parse_corpus(data: bytes, name: str) -> tuple[list[Partnership], list[CorpusIssue]]:
    """The valid records and the problems of every invalid line; blank lines are allowed."""
    records: list[Partnership] = []
    issues: list[CorpusIssue] = []
    first_line_of: dict[str, int] = {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return [], [CorpusIssue(name, 0, "file", f"not UTF-8 ({err.reason} at byte {err.start})")]
    for number, line in enumerate(split_lines(text), start=1):
        if not line.strip():
            continue
        record, line_issues = parse_record(line, name, number)
        issues.extend(line_issues)
        if record is None:
            continue
        if record.id in first_line_of:
            problem = f"duplicate id {record.id!r} (first on line {first_line_of[record.id]})"
            issues.append(CorpusIssue(name, number, "id", problem))
            continue
        first_line_of[record.id] = number
        records.append(record)
    return records, issues


def split_lines(text: str) -> list[str]:
    """Lines as JSONL means them: only \n, \r\n and \r end one. JSON escapes those inside strings,
    but not U+2028, U+2029 or U+0085, which str.splitlines() would split a valid record on."""
    return _LINE_END.split(text)


def parse_record(line: str, name: str, number: int) -> tuple[Partnership | None, list[CorpusIssue]]:
    """One JSON line as a record, or the problems that stop it being one."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        return None, [CorpusIssue(name, number, "line", f"invalid JSON: {err.msg} at column {err.colno}")]
    if not isinstance(raw, dict):
        return None, [CorpusIssue(name, number, "line", "expected a JSON object")]
    try:
        return Partnership.model_validate(raw), []
    except ValidationError as err:
        return None, [
            CorpusIssue(name, number, _field_path(error["loc"]) or "record", error["msg"]) for error in err.errors()
        ]


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path
