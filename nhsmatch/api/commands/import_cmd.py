"""`matcher import FILE.{jsonl,csv}`: add (or with --update, replace) many partnerships at once.

Every row is validated like the corpus; any problem is reported as `file:line: field: problem` and
nothing is written (all or nothing). Otherwise the new corpus is written durably to the same file
admin writes edit (README: "Admin writes") and the index is rebuilt, re-embedding only new or
changed records. A running server serves the import after its restart (or its next admin write).

CSV: one column per record field (header row required). List fields (`outcomes`,
`therapy_areas`, `care_settings`) hold a JSON array or values separated by ` | `; partner fields
(`nhs_partners`, `industry_partners`, `other_partners`) hold a JSON array of `{"name", "type"}` or
entries like `Bayer (pharmaceutical) | Boots (pharmacy)`; empty cells are left out.
"""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from ...corpus import parse_record
from ...matcher.errors import CorpusError, CorpusIssue, MatcherError
from ...matcher.models import Partnership

LIST_FIELDS = frozenset({"outcomes", "therapy_areas", "care_settings"})
PARTNER_FIELDS = frozenset({"nhs_partners", "industry_partners", "other_partners"})


def read_rows(path: Path) -> tuple[list[tuple[int, Partnership]], list[CorpusIssue]]:
    """The valid records of an import file with their line numbers, and every problem found."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return [], [CorpusIssue(name, 0, "file", err.strerror or str(err))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return [], [CorpusIssue(name, 0, "file", f"not UTF-8 ({err.reason} at byte {err.start})")]
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        rows, issues = _jsonl_rows(text, name)
    elif suffix == ".csv":
        rows, issues = _csv_rows(text, name)
    else:
        return [], [CorpusIssue(name, 0, "file", "expected a .jsonl or .csv file")]
    first_line_of: dict[str, int] = {}
    unique: list[tuple[int, Partnership]] = []
    for number, record in rows:
        if record.id in first_line_of:
            problem = f"duplicate id {record.id!r} (first on line {first_line_of[record.id]})"
            issues.append(CorpusIssue(name, number, "id", problem))
            continue
        first_line_of[record.id] = number
        unique.append((number, record))
    if not unique and not issues:
        issues.append(CorpusIssue(name, 0, "file", "no records to import"))
    return unique, sorted(issues, key=lambda issue: issue.line)


def _jsonl_rows(text: str, name: str) -> tuple[list[tuple[int, Partnership]], list[CorpusIssue]]:
    rows, issues = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record, line_issues = parse_record(line, name, number)
        issues.extend(line_issues)
        if record is not None:
            rows.append((number, record))
    return rows, issues


def _csv_rows(text: str, name: str) -> tuple[list[tuple[int, Partnership]], list[CorpusIssue]]:
    rows: list[tuple[int, Partnership]] = []
    issues: list[CorpusIssue] = []
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    known = set(Partnership.model_fields)
    unknown = [column for column in reader.fieldnames or [] if column not in known]
    if not reader.fieldnames:
        return [], [CorpusIssue(name, 1, "header", "no header row")]
    if unknown:
        return [], [CorpusIssue(name, 1, column, "unknown column") for column in unknown]
    number = 1
    while True:
        number = reader.line_num + 1  # the line the next row starts on
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            issues.append(CorpusIssue(name, number, "line", f"invalid CSV: {err}"))
            break
        if None in row:
            issues.append(CorpusIssue(name, number, "line", "more cells than header columns"))
            continue
        try:
            raw = {key: _cell(key, value) for key, value in row.items() if value is not None and value.strip()}
        except ValueError as err:
            issues.append(CorpusIssue(name, number, str(err.args[0]), str(err.args[1])))
            continue
        if not raw:
            continue
        try:
            rows.append((number, Partnership.model_validate(raw)))
        except ValidationError as err:
            for error in err.errors():
                field = ".".join(str(part) for part in error["loc"]) or "record"
                issues.append(CorpusIssue(name, number, field, error["msg"]))
    return rows, issues


def _cell(column: str, value: str) -> Any:
    value = value.strip()
    if column in LIST_FIELDS | PARTNER_FIELDS and value.startswith("["):
        try:
            return json.loads(value)
        except json.JSONDecodeError as err:
            raise ValueError(column, f"invalid JSON array: {err.msg}") from err
    if column in LIST_FIELDS:
        return [part.strip() for part in value.split("|") if part.strip()]
    if column in PARTNER_FIELDS:
        partners = []
        for entry in (part.strip() for part in value.split("|")):
            if not entry:
                continue
            partner_name, paren, partner_type = entry.rpartition(" (")
            if not paren or not partner_type.endswith(")"):
                raise ValueError(column, f"{entry!r}: write partners as 'Name (type)'")
            partners.append({"name": partner_name.strip(), "type": partner_type[:-1].strip()})
        return partners
    return value


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Validate and report what would change; write nothing.")
@click.option("--update", is_flag=True, help="Replace records whose id exists (default: that is an error).")
@click.option("--index-dir", type=click.Path(path_type=Path), help="Index to update [MATCHER_INDEX_DIR].")
def import_command(file: Path, dry_run: bool, update: bool, index_dir: Path | None) -> None:
    """Add the partnerships in FILE (.jsonl or .csv) to the corpus; all or nothing."""
    from ...corpus import load_corpus, load_vocabulary
    from ...index.build import build_index, load_index
    from ...index.embedder import SentenceTransformerEmbedder
    from ..cli import _settings, configure_logging
    from ..writes import corpus_store

    settings = _settings(index_dir=index_dir)
    configure_logging(settings.log_level)
    rows, issues = read_rows(file)
    if issues:
        for issue in issues:
            click.echo(str(issue), err=True)
        raise click.ClickException(f"{len(issues)} problem(s) in {file}; nothing was imported")
    store = corpus_store(settings)
    with store.locked():
        old = store.load()
        try:
            plan, lines = store.plan(rows, update=update, source=str(file))
        except CorpusError as err:
            for issue in err.issues:
                click.echo(str(issue), err=True)
            raise click.ClickException(f"{len(err.issues)} problem(s); nothing was imported") from err
        summary = f"{len(plan.added)} new, {len(plan.updated)} updated, {len(plan.unchanged)} unchanged"
        if dry_run:
            click.echo(f"Dry run: {summary}; {store.path} would have {len(lines)} records. Nothing written.")
            return
        if not plan.added and not plan.updated:
            click.echo(f"Nothing to import: {summary}.")
            return
        corpus = store.apply(lines)
        click.echo(f"Imported into {store.path}: {summary}; {len(corpus.records)} records (saved).")
        started = time.perf_counter()
        embedder = SentenceTransformerEmbedder(settings.model)
        vocabulary = load_vocabulary(settings.vocabulary_path)
        try:
            previous = load_index(settings.index_dir, old, embedder, vocabulary)
        except MatcherError:
            previous = None  # no usable index for the old corpus: embed everything
        build_index(load_corpus(store.path), embedder, vocabulary, settings.index_dir, previous=previous)
        click.echo(f"Index updated in {time.perf_counter() - started:.1f}s -> {settings.index_dir}")
