import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nhsmatch.corpus import DEFAULT_CORPUS_PATH, load_corpus, parse_corpus
from nhsmatch.matcher.errors import CorpusError

VALID = json.loads(DEFAULT_CORPUS_PATH.read_text(encoding="utf-8").splitlines()[0])


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_shipped_corpus_is_valid() -> None:
    corpus = load_corpus()
    assert len(corpus.records) == 345
    assert len({r.id for r in corpus.records}) == 345
    assert len(corpus.sha256) == 64


def test_every_bad_line_is_reported_with_its_number_and_field(tmp_path: Path) -> None:
    missing_title = {k: v for k, v in VALID.items() if k != "title"}
    bad_region = VALID | {"id": "second-record", "region": "Atlantis"}
    path = write(
        tmp_path,
        [json.dumps(VALID), "", json.dumps(missing_title | {"id": "x"}), "{not json", json.dumps(bad_region)],
    )
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    found = [(i.line, i.field) for i in caught.value.issues]
    assert found == [(3, "title"), (4, "line"), (5, "region")]
    message = str(caught.value)
    assert f"{path}:3: title: Field required" in message
    assert f"{path}:5: region:" in message and "Atlantis" not in message.split("region:")[0]


def test_duplicate_ids_are_an_error_naming_the_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(VALID), json.dumps(VALID)])
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    (issue,) = caught.value.issues
    assert (issue.line, issue.field) == (2, "id")
    assert "first on line 1" in issue.problem


def test_nested_field_errors_name_the_path(tmp_path: Path) -> None:
    record = VALID | {"industry_partners": [{"name": "Acme", "type": "spaceship"}]}
    with pytest.raises(CorpusError) as caught:
        load_corpus(write(tmp_path, [json.dumps(record)]))
    assert caught.value.issues[0].field == "industry_partners[0].type"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "Not A Slug"}, "id"),
        ({"start_year": 2020, "end_year": 2010}, "record"),
        ({"therapy_areas": []}, "therapy_areas"),
        ({"unexpected": 1}, "unexpected"),
        ({"source_url": "not a url"}, "source_url"),
    ],
)
def test_invalid_values_are_rejected(tmp_path: Path, change: dict[str, object], field: str) -> None:
    with pytest.raises(CorpusError) as caught:
        load_corpus(write(tmp_path, [json.dumps(VALID | change)]))
    assert caught.value.issues[0].field == field


def test_missing_empty_and_non_utf8_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="No such file"):
        load_corpus(tmp_path / "absent.jsonl")
    with pytest.raises(CorpusError, match="no records"):
        load_corpus(write(tmp_path, [""]))
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CorpusError, match="not UTF-8"):
        load_corpus(binary)


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_parser(data: bytes) -> None:
    records, issues = parse_corpus(data, "fuzz.jsonl")
    assert all(issue.line >= 0 for issue in issues)
    assert len(records) <= data.count(b"\n") + 1
