"""POST /v1/match: precedents, likely partners and NHS peers for a challenge."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from ...matcher.models import MatchResult
from ...matcher.search import EmbeddedChallenge, Matcher
from ..cache import MatchCache, normalise_challenge
from ..deps import CacheDep, MatcherDep, SettingsDep
from ..schemas import ErrorBody, MatchRequest, MatchResponse, PrecedentOut

router = APIRouter(prefix="/v1", tags=["match"])
log = logging.getLogger(__name__)


def to_response(result: MatchResult) -> MatchResponse:
    return MatchResponse(
        precedents=[PrecedentOut.of(p) for p in result.precedents],
        partners=result.partners,
        nhs_peers=result.nhs_peers,
        no_strong_precedent=result.no_strong_precedent,
        corrected_words=result.corrected_words,
        set_aside=result.set_aside,
        read_as_background=result.read_as_background,
        separate_problems=result.separate_problems,
        no_strong_precedent_for=result.no_strong_precedent_for,
        not_in_english=result.not_in_english,
        named_partners=result.named_partners,
        alternatives_to=result.alternatives_to,
        places=result.places,
    )


@router.post(
    "/match",
    response_model=MatchResponse,
    summary="Find precedents and likely partners for a challenge",
    responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)
async def match(request: MatchRequest, matcher: MatcherDep, settings: SettingsDep, cache: CacheDep) -> Response:
    if settings.log_challenges:
        log.info("challenge: %s", request.challenge)
    # A repeated challenge is answered on the event loop; only new ones need a thread for the model.
    key = cache.result_key(request, matcher.version)
    body = cache.results.get(key)
    if body is None:
        body = await run_in_threadpool(compute_match, request, matcher, cache)
        cache.results.put(key, body)
    return Response(body, media_type="application/json")


def compute_match(request: MatchRequest, matcher: Matcher, cache: MatchCache) -> bytes:
    """The response's JSON; the challenge's embedding comes from the cache when the model has read
    the same text before."""

    def embed(model_text: str) -> EmbeddedChallenge:
        key = cache.embedding_key(model_text, matcher.version)
        embedded = cache.embeddings.get(key)
        if embedded is None:
            embedded = matcher.embed_challenge(model_text)
            cache.embeddings.put(key, embedded)
        return embedded

    challenge = normalise_challenge(request.challenge)
    result = matcher.match(challenge, limit=request.limit, filters=request.filters, near=request.near, embed=embed)
    return to_response(result).model_dump_json().encode()
