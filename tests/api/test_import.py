"""`matcher import FILE.{jsonl,csv}`: bulk writes, all or nothing, with a per-row error report."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from nhsmatch.api.cli import cli
from nhsmatch.api.settings import get_settings
from nhsmatch.corpus import load_corpus, load_vocabulary
from nhsmatch.index.build import build_index, load_index
from nhsmatch.index.embedder import SentenceTransformerEmbedder
from nhsmatch.matcher.search import Matcher
from tests.conftest import TINY_CORPUS_PATH
from tests.records import record


@pytest.fixture
def corpus_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_matcher: Matcher) -> Iterator[Path]:
    """A writable copy of the tiny corpus with its index, configured through the environment."""
    path = tmp_path / "corpus.jsonl"
    shutil.copy(TINY_CORPUS_PATH, path)
    build_index(
        load_corpus(path),
        tiny_matcher.embedder,
        tiny_matcher.vocabulary,
        tmp_path / "index",
        previous=tiny_matcher.corpus,
    )
    monkeypatch.setenv("MATCHER_CORPUS_PATH", str(path))
    monkeypatch.setenv("MATCHER_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("MATCHER_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    def cell(key: str, value: object) -> str:
        if isinstance(value, str):
            return value
        if key in ("nhs_partners", "industry_partners", "other_partners"):
            return " | ".join(f"{p['name']} ({p['type']})" for p in value)  # type: ignore[attr-defined,index]
        if isinstance(value, list):
            return " | ".join(value)
        return str(value)

    columns = sorted({key for row in rows for key in row})
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: cell(key, value) for key, value in row.items()})


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, ["import", *args])


def test_import_reports_every_bad_row_and_writes_nothing(tmp_path: Path, corpus_path: Path) -> None:
    before = corpus_path.read_bytes()
    bad = tmp_path / "bad.jsonl"
    lines = [
        json.dumps(record(0)),
        json.dumps(record(1, region="Atlantis")),
        "{not json",
        "",
        json.dumps(record(0)),  # the same id twice
        json.dumps(record(2, id="bayer-bnssg-dwac-bristol")),  # exists with other content
    ]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke(str(bad))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    output = result.output  # type: ignore[attr-defined]
    assert f"{bad}:2: region:" in output and f"{bad}:3: line: invalid JSON" in output
    assert f"{bad}:5: id: duplicate id 'test-write-0' (first on line 1)" in output
    assert "nothing was imported" in output and "Traceback" not in output
    assert corpus_path.read_bytes() == before

    fixed = tmp_path / "fixed.jsonl"
    fixed.write_text("\n".join([lines[0], lines[5]]) + "\n", encoding="utf-8")
    clash = invoke(str(fixed))
    assert clash.exit_code == 1 and f"{fixed}:2: id: 'bayer-bnssg-dwac-bristol' is already" in clash.output  # type: ignore[attr-defined]
    assert "--update" in clash.output and corpus_path.read_bytes() == before  # type: ignore[attr-defined]


def test_csv_rows_report_their_line_and_column(tmp_path: Path, corpus_path: Path) -> None:
    path = tmp_path / "bad.csv"
    write_csv(path, [record(0), record(1, industry_partners="Bayer, no type"), record(2, start_year="soon")])
    result = invoke(str(path))
    assert result.exit_code == 1, result.output  # type: ignore[attr-defined]
    assert f"{path}:3: industry_partners: 'Bayer, no type': write partners as 'Name (type)'" in result.output  # type: ignore[attr-defined]
    assert f"{path}:4: start_year:" in result.output  # type: ignore[attr-defined]
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("id,colour\nx,red\n", encoding="utf-8")
    assert f"{unknown}:1: colour: unknown column" in invoke(str(unknown)).output  # type: ignore[attr-defined]


def test_dry_run_then_import_csv_and_jsonl_updating_the_index(
    tmp_path: Path, corpus_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    rows = [record(0), record(1)]
    batch = tmp_path / "batch.csv"
    write_csv(batch, rows)
    before = corpus_path.read_bytes()
    dry = invoke(str(batch), "--dry-run")
    assert dry.exit_code == 0 and "Dry run: 2 new, 0 updated, 0 unchanged" in dry.output  # type: ignore[attr-defined]
    assert corpus_path.read_bytes() == before

    done = invoke(str(batch))
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    corpus = load_corpus(corpus_path)
    assert [r.id for r in corpus.records[-2:]] == ["test-write-0", "test-write-1"]
    assert corpus.records[-1].industry_partners[0].name == "Example Devices Ltd"
    assert (
        len(load_index(tmp_path / "index", corpus, embedder, load_vocabulary()).records) == 12
    )  # the index matches: no rebuild

    again = invoke(str(batch))
    assert again.exit_code == 0 and "Nothing to import: 0 new, 0 updated, 2 unchanged" in again.output  # type: ignore[attr-defined]

    updates = tmp_path / "updates.jsonl"
    updates.write_text(json.dumps(record(1, title="Hearing aids, revisited")) + "\n", encoding="utf-8")
    assert invoke(str(updates)).exit_code == 1
    updated = invoke(str(updates), "--update")
    assert updated.exit_code == 0 and "0 new, 1 updated" in updated.output  # type: ignore[attr-defined]
    corpus = load_corpus(corpus_path)
    assert corpus.records[-1].title == "Hearing aids, revisited"
    load_index(tmp_path / "index", corpus, embedder, load_vocabulary())
