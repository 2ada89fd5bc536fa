"""POST /v1/match: precedents, likely partners and NHS peers for a challenge."""

from __future__ import annotations

import logging

from fastapi import APIRouter

from ...matcher.models import MatchResult
from ..deps import MatcherDep, SettingsDep
from ..schemas import ErrorBody, MatchRequest, MatchResponse, PrecedentOut

router = APIRouter(prefix="/v1", tags=["match"])
log = logging.getLogger(__name__)


def to_response(result: MatchResult) -> MatchResponse:
    return MatchResponse(
        precedents=[PrecedentOut.of(p) for p in result.precedents],
        partners=result.partners,
        nhs_peers=result.nhs_peers,
        no_strong_precedent=result.no_strong_precedent,
    )


@router.post(
    "/match",
    response_model=MatchResponse,
    summary="Find precedents and likely partners for a challenge",
    responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)
def match(request: MatchRequest, matcher: MatcherDep, settings: SettingsDep) -> MatchResponse:
    if settings.log_challenges:
        log.info("challenge: %s", request.challenge)
    result = matcher.match(request.challenge, limit=request.limit, filters=request.filters, near=request.near)
    return to_response(result)
