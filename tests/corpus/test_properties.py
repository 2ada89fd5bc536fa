"""Property-based tests (hypothesis): the corpus loader never drops or invents a line, the writer's
lines always read back, and filters behave like filters, in the catalogue and in the matcher."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nhsmatch.corpus import Corpus, parse_corpus
from nhsmatch.corpus.store import to_line
from nhsmatch.matcher.models import Filters, Partnership
from nhsmatch.matcher.search import Matcher
from nhsmatch.matcher.taxonomy import (
    ARRANGEMENTS,
    CARE_SETTINGS,
    OUTCOME_STATUSES,
    PARTNER_TYPES,
    REGIONS,
    THERAPY_AREAS,
    IndustryPartnerType,
    NhsPartnerType,
    OtherPartnerType,
)
from tests.conftest import TINY_CORPUS_PATH
from tests.invariants import gives_way_only_within, strong_first

TINY_LINES = [line for line in TINY_CORPUS_PATH.read_text(encoding="utf-8").split("\n") if line.strip()]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Any text with a character that is not whitespace: every Unicode scalar value, line separators
# and control characters included (but no lone surrogates, which are not text).
text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).filter(lambda s: s.strip())
slug = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z")
year = st.none() | st.integers(1948, 2100)


def partners(kind: Any) -> st.SearchStrategy[dict[str, str]]:
    return st.builds(dict, name=text, type=st.sampled_from(get_args(kind)))


@st.composite
def records(draw: st.DrawFn) -> Partnership:
    start, end = sorted([draw(st.integers(1948, 2100)), draw(st.integers(1948, 2100))])
    industry = draw(st.lists(partners(IndustryPartnerType), max_size=2))
    other = draw(st.lists(partners(OtherPartnerType), max_size=2))
    if not industry and not other:
        industry = [{"name": draw(text), "type": "pharmaceutical"}]
    raw: dict[str, Any] = {
        "id": draw(slug),
        "title": draw(text),
        "challenge": draw(text),
        "intervention": draw(text),
        "outcomes": draw(st.lists(text, min_size=1, max_size=3)),
        "outcome_status": draw(st.sampled_from(OUTCOME_STATUSES)),
        "therapy_areas": draw(st.lists(st.sampled_from(THERAPY_AREAS), min_size=1, max_size=3)),
        "care_settings": draw(st.lists(st.sampled_from(CARE_SETTINGS), min_size=1, max_size=3)),
        "nhs_partners": [{"name": draw(text), "type": draw(st.sampled_from(get_args(NhsPartnerType)))}],
        "industry_partners": industry,
        "other_partners": other,
        "region": draw(st.sampled_from(REGIONS)),
        "locality": draw(text),
        "arrangement": draw(st.sampled_from(ARRANGEMENTS)),
        "source_url": "https://example.org/" + draw(st.from_regex(r"\A[a-z0-9/_-]{0,20}\Z")),
        "source_publisher": draw(text),
    }
    if draw(st.booleans()):
        raw["start_year"], raw["end_year"] = start, end
    return Partnership.model_validate(raw)


@SETTINGS
@given(st.lists(records(), min_size=1, max_size=5, unique_by=lambda r: r.id))
def test_written_lines_always_read_back_as_the_same_records(written: list[Partnership]) -> None:
    data = "".join(f"{to_line(record)}\n" for record in written).encode("utf-8")
    parsed, issues = parse_corpus(data, "corpus.jsonl")
    assert issues == []
    assert parsed == written


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_records_or_located_problems_never_an_exception(data: bytes) -> None:
    parsed, issues = parse_corpus(data, "x.jsonl")
    try:
        lines = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    except UnicodeDecodeError:
        assert parsed == [] and len(issues) == 1 and issues[0].field == "file"
        return
    assert all(1 <= issue.line <= len(lines) for issue in issues)
    assert len(parsed) <= sum(1 for line in lines if line.strip())


@SETTINGS
@given(
    line=st.integers(0, len(TINY_LINES) - 1),
    cut=st.floats(0.0, 0.999),
    damage=st.sampled_from(["truncate", "garble", "drop_field", "bad_value"]),
)
def test_a_damaged_line_is_reported_with_its_number_and_no_line_is_dropped(line: int, cut: float, damage: str) -> None:
    lines = list(TINY_LINES)
    original = lines[line]
    if damage == "truncate":
        lines[line] = original[: int(len(original) * cut)] or "{"
    elif damage == "garble":
        position = int(len(original) * cut)
        lines[line] = original[:position] + "\x00}{" + original[position:]
    elif damage == "drop_field":
        raw = json.loads(original)
        required = sorted(set(raw) - {"industry_partners", "other_partners", "start_year", "end_year"})
        del raw[required[int(cut * 100) % len(required)]]
        lines[line] = json.dumps(raw)
    else:
        raw = json.loads(original)
        raw["region"] = "Atlantis"
        lines[line] = json.dumps(raw)
    parsed, issues = parse_corpus(("\n".join(lines) + "\n").encode("utf-8"), "c.jsonl")
    assert {issue.line for issue in issues} == {line + 1}
    assert len(parsed) == len(lines) - 1  # every other line is still read: nothing silently dropped


filters = st.builds(
    Filters,
    regions=st.lists(st.sampled_from(REGIONS), max_size=3),
    therapy_areas=st.lists(st.sampled_from(THERAPY_AREAS), max_size=3),
    care_settings=st.lists(st.sampled_from(CARE_SETTINGS), max_size=2),
    partner_types=st.lists(st.sampled_from(PARTNER_TYPES), max_size=2),
    arrangements=st.lists(st.sampled_from(ARRANGEMENTS), max_size=2),
    outcome_statuses=st.lists(st.sampled_from(OUTCOME_STATUSES), max_size=1),
)


def filter_records(records: Sequence[Partnership], filters: Filters) -> list[Partnership]:
    return [record for record in records if filters.admits(record)]


@SETTINGS
@given(chosen=filters, extra_region=st.sampled_from(REGIONS), years=st.tuples(year, year))
def test_filters_are_monotonic(
    full_corpus: Corpus, chosen: Filters, extra_region: str, years: tuple[int | None, int | None]
) -> None:
    records = full_corpus.records
    kept = filter_records(records, chosen)
    assert filter_records(records, Filters()) == list(records)
    assert {r.id for r in kept} <= {r.id for r in records}
    if chosen.regions:  # one more accepted value never removes a record
        wider = chosen.model_copy(update={"regions": [*chosen.regions, extra_region]})
        assert {r.id for r in kept} <= {r.id for r in filter_records(records, wider)}
    low, high = years
    if low is not None and high is not None and low > high:
        low, high = high, low
    ranged = Filters.model_validate({**chosen.model_dump(), "year_from": low, "year_to": high})
    assert {r.id for r in filter_records(records, ranged)} <= {r.id for r in kept}  # one more rule never adds


@settings(SETTINGS, max_examples=25)
@given(chosen=filters, challenge=text)
def test_match_returns_only_records_the_filters_admit(tiny_matcher: Matcher, chosen: Filters, challenge: str) -> None:
    result = tiny_matcher.match(challenge, limit=50, filters=chosen)
    admitted = {r.id for r in filter_records(tiny_matcher.records, chosen)}
    returned = [p.record.id for p in result.precedents]
    assert set(returned) <= admitted and len(returned) == len(set(returned))
    assert all(0.0 <= p.score <= 1.0 for p in result.precedents)
    margin = tiny_matcher.ranking.largest_give_way
    assert gives_way_only_within([p.score for p in result.precedents], margin, [p.match for p in result.precedents])
    assert result.named_partners or result.alternatives_to or strong_first([p.match for p in result.precedents])
