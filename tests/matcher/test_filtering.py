"""FilterIndex against its definition, `Filters.admits`: the same rows for any filters, on the shipped corpus."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhsmatch.corpus import DEFAULT_CORPUS_PATH, load_corpus
from nhsmatch.matcher.filtering import FilterIndex
from nhsmatch.matcher.models import Filters, Partnership
from nhsmatch.matcher.taxonomy import (
    ARRANGEMENTS,
    CARE_SETTINGS,
    OUTCOME_STATUSES,
    PARTNER_TYPES,
    REGIONS,
    THERAPY_AREAS,
)

RECORDS = load_corpus().records
INDEX = FilterIndex(RECORDS)

# The corpus's own years and their neighbours (the edges of every record's span), and the schema's limits.
CORPUS_YEARS = sorted({y for r in RECORDS for y in r.years if y is not None})
year = st.none() | st.integers(CORPUS_YEARS[0] - 1, CORPUS_YEARS[-1] + 1) | st.sampled_from([1948, 2100])


@st.composite
def filters(draw: st.DrawFn) -> Filters:
    year_from, year_to = draw(year), draw(year)
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    return Filters(
        regions=draw(st.lists(st.sampled_from(REGIONS), max_size=3)),
        therapy_areas=draw(st.lists(st.sampled_from(THERAPY_AREAS), max_size=3)),
        care_settings=draw(st.lists(st.sampled_from(CARE_SETTINGS), max_size=2)),
        partner_types=draw(st.lists(st.sampled_from(PARTNER_TYPES), max_size=3)),
        arrangements=draw(st.lists(st.sampled_from(ARRANGEMENTS), max_size=2)),
        outcome_statuses=draw(st.lists(st.sampled_from(OUTCOME_STATUSES), max_size=2)),
        year_from=year_from,
        year_to=year_to,
    )


def admitted(records: Sequence[Partnership], chosen: Filters) -> list[int]:
    return [row for row, record in enumerate(records) if chosen.admits(record)]


def test_the_corpus_has_every_kind_of_dating() -> None:
    """Otherwise the property below would not cover the undated and one-year cases."""
    assert any(r.start_year is None and r.end_year is None for r in RECORDS)
    assert any(r.start_year is not None and r.end_year is None for r in RECORDS)
    assert any(r.start_year is None and r.end_year is not None for r in RECORDS)
    assert any(r.start_year is not None and r.end_year is not None and r.start_year < r.end_year for r in RECORDS)


@settings(max_examples=300, deadline=None)
@given(chosen=filters())
def test_index_admits_exactly_the_rows_filters_admit(chosen: Filters) -> None:
    rows = INDEX.rows(chosen)
    assert rows.dtype.name == "int64"
    assert rows.tolist() == admitted(RECORDS, chosen)


PINNABLE = sorted(Filters.model_fields)


def own_values(record: Partnership) -> dict[str, object]:
    """Filters each of which the record passes: its own values, and its own span as the year range."""
    start, end = record.start_year or record.end_year, record.end_year or record.start_year
    return {
        "regions": [record.region],
        "therapy_areas": record.therapy_areas[-1:],
        "care_settings": record.care_settings[:1],
        "partner_types": [p.type for p in (*record.industry_partners, *record.other_partners)][-1:],
        "arrangements": [record.arrangement],
        "outcome_statuses": [record.outcome_status],
        **({"year_from": start, "year_to": end} if start is not None else {}),
    }


@settings(max_examples=150, deadline=None)
@given(row=st.integers(0, len(RECORDS) - 1), pinned=st.sets(st.sampled_from(PINNABLE)))
def test_filters_taken_from_a_record_admit_it(row: int, pinned: set[str]) -> None:
    """Random filters mostly admit nothing; these always admit at least one row."""
    values = own_values(RECORDS[row])
    chosen = Filters.model_validate({facet: values[facet] for facet in pinned if facet in values})
    rows = INDEX.rows(chosen).tolist()
    assert row in rows
    assert rows == admitted(RECORDS, chosen)


BASE = json.loads(DEFAULT_CORPUS_PATH.read_text(encoding="utf-8").splitlines()[0])


def dated(record_id: str, start: int | None, end: int | None, **changes: object) -> Partnership:
    return Partnership.model_validate(BASE | {"id": record_id, "start_year": start, "end_year": end} | changes)


YEARS = [
    dated("undated", None, None),
    dated("started-2019", 2019, None),
    dated("ended-2021", None, 2021),
    dated("ran-2015-2018", 2015, 2018),
]


@pytest.mark.parametrize(
    ("year_from", "year_to", "expected"),
    [
        (None, None, ["undated", "started-2019", "ended-2021", "ran-2015-2018"]),
        (2019, None, ["started-2019", "ended-2021"]),  # one year: ran in that year only
        (2020, None, ["ended-2021"]),
        (None, 2018, ["ran-2015-2018"]),
        (2018, 2018, ["ran-2015-2018"]),  # the range's edges count
        (2016, 2016, ["ran-2015-2018"]),  # inside a span
        (1948, 2100, ["started-2019", "ended-2021", "ran-2015-2018"]),  # undated is never in a range
    ],
)
def test_year_ranges(year_from: int | None, year_to: int | None, expected: list[str]) -> None:
    chosen = Filters(year_from=year_from, year_to=year_to)
    rows = FilterIndex(YEARS).rows(chosen).tolist()
    assert [YEARS[row].id for row in rows] == expected
    assert rows == admitted(YEARS, chosen)


def test_partner_types_match_other_partners_and_a_value_no_record_has_admits_nothing() -> None:
    records = [
        dated("industry", 2020, 2020, industry_partners=[{"name": "A Ltd", "type": "medtech"}], other_partners=[]),
        dated("charity", 2020, 2020, industry_partners=[], other_partners=[{"name": "B", "type": "charity"}]),
    ]
    index = FilterIndex(records)
    assert index.rows(Filters(partner_types=["charity"])).tolist() == [1]
    assert index.rows(Filters(partner_types=["medtech", "charity"])).tolist() == [0, 1]
    nothing = index.rows(Filters(partner_types=["academic"]))
    assert nothing.tolist() == [] and nothing.dtype.name == "int64"
    assert index.rows(Filters(partner_types=["charity"], regions=[records[1].region])).tolist() == [1]
