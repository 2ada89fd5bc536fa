"""CorpusStore: durable edits to a JSONL corpus, for admin writes and `matcher import`.

Durability: every change rewrites the whole file: the new content goes to a temporary file in the
same directory, which is fsynced, atomically renamed over the corpus (`os.replace`), and the
directory is fsynced. A crash at any point leaves either the old file or the new one, never a
mix; once a method returns, the change survives a power cut. At a few hundred records (~0.5 MB)
a rewrite costs milliseconds, and it keeps the corpus one plain, valid JSONL file.

Validation: the full new corpus is parsed with the same checks as `load_corpus` (schema, duplicate
ids) before anything is written; an invalid change raises CorpusError and leaves the file as it was.

Concurrency: writers are serialised by a thread lock and an advisory lock file (`fcntl.flock`) next
to the corpus, so a `matcher import` and a running server never interleave their writes. Index
builds read the corpus under the same lock (`reading`), so none publishes an index of a corpus that
a write has meanwhile replaced.
Unchanged lines are kept byte for byte, so a diff of the file shows only the edit.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from ..matcher.errors import CorpusError, CorpusIssue, DuplicatePartnershipError, UnknownPartnershipError
from ..matcher.models import Partnership
from .load import Corpus, load_corpus, parse_corpus, split_lines

_THREAD_LOCKS: dict[Path, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


@dataclass(frozen=True)
class ImportPlan:
    """What applying a batch of records would do."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


class CorpusStore:
    """A writable corpus file. `seed` is copied to `path` by the first write when `path` is missing."""

    def __init__(self, path: Path, *, seed: Path | None = None) -> None:
        self.path = Path(path)
        self.seed = seed
        with _THREAD_LOCKS_GUARD:  # one lock per file, shared by every store of this process
            self._lock = _THREAD_LOCKS.setdefault(self.path.resolve(), threading.Lock())

    @property
    def current_path(self) -> Path:
        """The file that holds the corpus now: the working copy, or the seed until the first write."""
        if self.path.exists() or self.seed is None:
            return self.path
        return self.seed

    def load(self) -> Corpus:
        return load_corpus(self.current_path)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Excludes every other writer of this file, in this process and in others."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, (self.path.parent / f".{self.path.name}.lock").open("a") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    @contextmanager
    def reading(self) -> Iterator[Corpus]:
        """The corpus, which no writer replaces until the block ends: an index built inside is of it.

        Where the lock file cannot be made (a read-only directory), no writer can replace the corpus
        either, so it is read without the lock.
        """
        with ExitStack() as stack:
            with suppress(OSError):
                stack.enter_context(self.locked())
            yield self.load()

    # Each method below must be called inside `locked()` (the caller usually has more to do under
    # the same lock, such as updating the index), reads the file afresh, and returns the new corpus.

    def add(self, record: Partnership) -> Corpus:
        lines = self._lines()
        if record.id in lines:
            raise DuplicatePartnershipError(record.id)
        lines[record.id] = to_line(record)
        return self._commit(lines)

    def replace(self, record_id: str, record: Partnership) -> Corpus:
        lines = self._lines()
        if record_id not in lines:
            raise UnknownPartnershipError(record_id)
        lines[record_id] = to_line(record)
        return self._commit(lines)

    def delete(self, record_id: str) -> Corpus:
        lines = self._lines()
        if record_id not in lines:
            raise UnknownPartnershipError(record_id)
        del lines[record_id]
        return self._commit(lines)

    def plan(
        self, rows: Iterable[tuple[int, Partnership]], *, update: bool, source: str
    ) -> tuple[ImportPlan, dict[str, str]]:
        """What adding `rows` (line number, record) would do, and the new lines; nothing is written.

        A record whose id exists with other content is an error unless `update`; CorpusError lists
        every such row as `source:line`. The whole new corpus is validated too.
        """
        lines = self._lines()
        current = {record.id: record for record in parse_corpus(self._bytes(), str(self.current_path))[0]}
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        issues: list[CorpusIssue] = []
        for number, record in rows:
            if record.id not in lines:
                added.append(record.id)
            elif current[record.id] == record:
                unchanged.append(record.id)
                continue
            elif update:
                updated.append(record.id)
            else:
                problem = f"{record.id!r} is already in the corpus with other content; pass --update to replace it"
                issues.append(CorpusIssue(source, number, "id", problem))
                continue
            lines[record.id] = to_line(record)
        if issues:
            raise CorpusError(issues)
        self._validate(lines)
        return ImportPlan(tuple(added), tuple(updated), tuple(unchanged)), lines

    def apply(self, lines: dict[str, str]) -> Corpus:
        return self._commit(lines)

    def _bytes(self) -> bytes:
        try:
            return self.current_path.read_bytes()
        except OSError as err:
            raise CorpusError([CorpusIssue(str(self.current_path), 0, "file", err.strerror or str(err))]) from err

    def _lines(self) -> dict[str, str]:
        """The current corpus as id -> line, in file order; refuses a corpus that is invalid now."""
        data = self._bytes()
        records, issues = parse_corpus(data, str(self.current_path))
        if issues:
            raise CorpusError(issues)
        lines: dict[str, str] = {}
        for line in split_lines(data.decode("utf-8")):
            if line.strip():
                lines[json.loads(line)["id"]] = line
        if list(lines) != [record.id for record in records]:  # parse_corpus and this loop must agree
            raise CorpusError([CorpusIssue(str(self.current_path), 0, "file", "could not index the lines by id")])
        return lines

    def _validate(self, lines: dict[str, str]) -> tuple[bytes, list[Partnership]]:
        data = "".join(f"{line}\n" for line in lines.values()).encode("utf-8")
        records, issues = parse_corpus(data, str(self.path))
        if not issues and not records:
            issues = [CorpusIssue(str(self.path), 0, "file", "the corpus would have no records; keep at least one")]
        if issues:
            raise CorpusError(issues)
        return data, records

    def _commit(self, lines: dict[str, str]) -> Corpus:
        data, records = self._validate(lines)
        write_durably(self.path, data)
        return Corpus(tuple(records), hashlib.sha256(data).hexdigest(), str(self.path))


# Characters that str.splitlines() treats as line ends but JSON leaves unescaped. The corpus reader
# does not split on them, but other tools may: escaped, a record is one line for every reader.
_LINE_BREAKS_JSON_KEEPS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_line(record: Partnership) -> str:
    """One record as a corpus line: compact JSON, UTF-8 kept readable, no nulls, always one line."""
    line = json.dumps(record.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone UTF-16 surrogate, e.g. from a "\ud800" JSON escape
        problem = f"text contains an unpaired surrogate ({err.object[err.start]!r}), which is not valid Unicode"
        raise CorpusError([CorpusIssue(f"record {record.id!r}", 0, "text", problem)]) from err
    return line.translate(_LINE_BREAKS_JSON_KEEPS)


def write_durably(path: Path, data: bytes) -> None:
    """Replaces `path` with `data` so that a crash leaves the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):  # from a crash mid-write: never renamed
        leftover.unlink(missing_ok=True)


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
