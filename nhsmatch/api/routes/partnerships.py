"""Browsing partnerships: listing with filters, one record, similar records, facet counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...matcher.catalogue import facet_counts, year_range
from ...matcher.models import Filters, Partnership, Year
from ...matcher.taxonomy import Arrangement, CareSetting, OutcomeStatus, PartnerType, Region, TherapyArea
from ..deps import MatcherDep
from ..schemas import ErrorBody, FacetsResponse, FacetValue, PartnershipPage, PrecedentOut, SimilarResponse, YearRange

router = APIRouter(prefix="/v1", tags=["partnerships"])
NOT_FOUND = {404: {"model": ErrorBody}}


@router.get("/partnerships", response_model=PartnershipPage, summary="List partnerships, filtered and paginated")
def list_partnerships(
    matcher: MatcherDep,
    region: Annotated[list[Region], Query(description="Repeat for several.")] = [],  # noqa: B006
    therapy_area: Annotated[list[TherapyArea], Query()] = [],  # noqa: B006
    care_setting: Annotated[list[CareSetting], Query()] = [],  # noqa: B006
    partner_type: Annotated[list[PartnerType], Query()] = [],  # noqa: B006
    arrangement: Annotated[list[Arrangement], Query()] = [],  # noqa: B006
    outcome_status: Annotated[list[OutcomeStatus], Query()] = [],  # noqa: B006
    year_from: Year | None = None,
    year_to: Year | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> PartnershipPage:
    filters = Filters(
        regions=region,
        therapy_areas=therapy_area,
        care_settings=care_setting,
        partner_types=partner_type,
        arrangements=arrangement,
        outcome_statuses=outcome_status,
        year_from=year_from,
        year_to=year_to,
    )
    records = matcher.filtered(filters)
    return PartnershipPage(items=records[offset : offset + limit], total=len(records), offset=offset, limit=limit)


@router.get("/partnerships/{record_id}", response_model=Partnership, responses=NOT_FOUND, summary="One partnership")
def get_partnership(record_id: str, matcher: MatcherDep) -> Partnership:
    return matcher.get(record_id)


@router.get(
    "/partnerships/{record_id}/similar",
    response_model=SimilarResponse,
    responses=NOT_FOUND,
    summary="Partnerships most like this one",
)
def similar_partnerships(
    record_id: str, matcher: MatcherDep, limit: Annotated[int, Query(ge=1, le=50)] = 10
) -> SimilarResponse:
    similar = matcher.similar(record_id, limit=limit)
    return SimilarResponse(id=record_id, similar=[PrecedentOut.of(p) for p in similar])


@router.get("/facets", response_model=FacetsResponse, summary="Every filter's values with their counts")
def facets(matcher: MatcherDep) -> FacetsResponse:
    counts = {
        name: [FacetValue(value=value, count=count) for value, count in values]
        for name, values in facet_counts(matcher.records).items()
    }
    first, last = year_range(matcher.records)
    return FacetsResponse(**counts, years=YearRange(min=first, max=last))
