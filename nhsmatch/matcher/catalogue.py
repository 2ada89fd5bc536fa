"""Browsing the corpus without a challenge: facet counts and year range (filtering is `Matcher.filtered`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .models import Partnership
from .taxonomy import ARRANGEMENTS, CARE_SETTINGS, OUTCOME_STATUSES, PARTNER_TYPES, REGIONS, THERAPY_AREAS


def facet_counts(records: Sequence[Partnership]) -> dict[str, list[tuple[str, int]]]:
    """Every filter's values, each with how many records carry it (zero counts included)."""

    def count(values: tuple[str, ...], per_record: Iterable[Iterable[str]]) -> list[tuple[str, int]]:
        counter = Counter(value for values_of in per_record for value in set(values_of))
        return [(value, counter[value]) for value in values]

    return {
        "regions": count(REGIONS, ([r.region] for r in records)),
        "therapy_areas": count(THERAPY_AREAS, (r.therapy_areas for r in records)),
        "care_settings": count(CARE_SETTINGS, (r.care_settings for r in records)),
        "partner_types": count(
            PARTNER_TYPES,
            ([p.type for p in r.non_nhs_partners] for r in records),
        ),
        "arrangements": count(ARRANGEMENTS, ([r.arrangement] for r in records)),
        "outcome_statuses": count(OUTCOME_STATUSES, ([r.outcome_status] for r in records)),
    }


def year_range(records: Sequence[Partnership]) -> tuple[int | None, int | None]:
    years = [year for r in records for year in (r.start_year, r.end_year) if year is not None]
    return (min(years), max(years)) if years else (None, None)
