"""Every error the matcher raises on purpose. Messages say what to do next."""

from __future__ import annotations

from dataclasses import dataclass


class MatcherError(Exception):
    """Base class: anything the service can explain to a user rather than crash on."""


@dataclass(frozen=True)
class CorpusIssue:
    """One problem in a corpus file, located to its line."""

    path: str
    line: int
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.problem}"


class CorpusError(MatcherError):
    """The corpus has invalid records; nothing was built from it."""

    def __init__(self, issues: list[CorpusIssue]) -> None:
        self.issues = issues
        shown = "\n".join(str(issue) for issue in issues[:50])
        more = f"\n… and {len(issues) - 50} more" if len(issues) > 50 else ""
        super().__init__(f"{len(issues)} problem(s) in the corpus; fix them and retry:\n{shown}{more}")


class UnknownPartnershipError(MatcherError):
    """No partnership has the requested id."""

    def __init__(self, record_id: str) -> None:
        self.record_id = record_id
        super().__init__(f"No partnership has id {record_id!r}; list ids with GET /v1/partnerships.")


class DuplicatePartnershipError(MatcherError):
    """A partnership with that id already exists."""

    def __init__(self, record_id: str) -> None:
        self.record_id = record_id
        super().__init__(f"A partnership with id {record_id!r} already exists; replace it with PUT or pick another id.")


class IndexNotBuiltError(MatcherError):
    """The index files are missing or unreadable."""


class IndexMismatchError(MatcherError):
    """The index was built from another corpus, model or recipe than the one configured."""


class ModelLoadError(MatcherError):
    """The embedding model could not be loaded from the configured path."""
