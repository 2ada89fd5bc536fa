"""Typed dependencies for the route handlers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..matcher.search import Matcher
from .cache import MatchCache
from .settings import Settings
from .state import MatcherState


def get_state(request: Request) -> MatcherState:
    state: MatcherState = request.app.state.matcher_state
    return state


def get_matcher(request: Request) -> Matcher:
    return get_state(request).get()


def get_cache(request: Request) -> MatchCache:
    cache: MatchCache = request.app.state.match_cache
    return cache


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StateDep = Annotated[MatcherState, Depends(get_state)]
MatcherDep = Annotated[Matcher, Depends(get_matcher)]
CacheDep = Annotated[MatchCache, Depends(get_cache)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
