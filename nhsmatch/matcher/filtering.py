"""FilterIndex: `Filters.admits` answered with precomputed boolean masks instead of a loop over records.

`Filters.admits` stays the definition; the tests check this index against it row for row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

from .models import Filters, Partnership

Mask = npt.NDArray[np.bool_]

# Each list filter and the values a record carries for it.
_FACETS: dict[str, Callable[[Partnership], Iterable[str]]] = {
    "regions": lambda r: [r.region],
    "therapy_areas": lambda r: r.therapy_areas,
    "care_settings": lambda r: r.care_settings,
    "arrangements": lambda r: [r.arrangement],
    "outcome_statuses": lambda r: [r.outcome_status],
    "partner_types": lambda r: [p.type for p in r.non_nhs_partners],
}


class FilterIndex:
    """Built once from the records; `rows(filters)` is then a few vectorised ANDs and ORs."""

    def __init__(self, records: Sequence[Partnership]) -> None:
        self._count = len(records)
        self._masks: dict[str, dict[str, Mask]] = {}
        for facet, values_of in _FACETS.items():
            rows_of: dict[str, list[int]] = defaultdict(list)
            for row, record in enumerate(records):
                for value in values_of(record):
                    rows_of[value].append(row)
            self._masks[facet] = {value: self._mask(rows) for value, rows in rows_of.items()}
        # As in Filters._admits_years: a project with one year ran in that year; one with none is
        # never in a year range. Undated rows get 0 here, which `_dated` keeps out.
        spans = [(r.start_year or r.end_year, r.end_year or r.start_year) for r in records]
        self._dated = np.array([start is not None for start, _ in spans], dtype=np.bool_)
        self._start = np.array([start or 0 for start, _ in spans], dtype=np.int32)
        self._end = np.array([end or 0 for _, end in spans], dtype=np.int32)
        for array in (self._dated, self._start, self._end, *(m for ms in self._masks.values() for m in ms.values())):
            array.setflags(write=False)  # shared by every request, and by Matcher.with_ranking copies

    def _mask(self, rows: list[int]) -> Mask:
        mask = np.zeros(self._count, dtype=np.bool_)
        mask[rows] = True
        return mask

    def rows(self, filters: Filters) -> npt.NDArray[np.int64]:
        """The rows `filters.admits` admits, ascending."""
        admitted: Mask | None = None
        for facet, masks in self._masks.items():
            wanted: list[str] = getattr(filters, facet)
            if not wanted:
                continue
            present = [masks[value] for value in wanted if value in masks]  # a value no record has adds nothing
            any_of = np.logical_or.reduce(present) if present else np.zeros(self._count, dtype=np.bool_)
            admitted = any_of if admitted is None else admitted & any_of
        if filters.year_from is not None or filters.year_to is not None:
            in_range = self._dated
            if filters.year_from is not None:
                in_range = in_range & (self._end >= filters.year_from)
            if filters.year_to is not None:
                in_range = in_range & (self._start <= filters.year_to)
            admitted = in_range if admitted is None else admitted & in_range
        if admitted is None:
            return np.arange(self._count, dtype=np.int64)
        return np.flatnonzero(admitted).astype(np.int64)
