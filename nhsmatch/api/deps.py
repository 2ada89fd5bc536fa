"""Typed dependencies for the route handlers.

They are `async` because they only read app state: FastAPI runs a plain `def` dependency in its
thread pool, and three thread hops per request cost more than the cached answer they lead to.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..matcher.search import Matcher
from .cache import MatchCache
from .settings import Settings
from .state import MatcherState


def _state(request: Request) -> MatcherState:
    state: MatcherState = request.app.state.matcher_state
    return state


async def get_state(request: Request) -> MatcherState:
    return _state(request)


async def get_matcher(request: Request) -> Matcher:
    return _state(request).get()


async def get_cache(request: Request) -> MatchCache:
    cache: MatchCache = request.app.state.match_cache
    return cache


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StateDep = Annotated[MatcherState, Depends(get_state)]
MatcherDep = Annotated[Matcher, Depends(get_matcher)]
CacheDep = Annotated[MatchCache, Depends(get_cache)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
