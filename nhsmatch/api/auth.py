"""Admin authentication: a bearer token from MATCHER_ADMIN_TOKEN, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated, ClassVar

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..matcher.errors import MatcherError
from .deps import SettingsDep


class AdminDisabledError(MatcherError):
    """No admin token is configured, so nothing can write."""


class AdminAuthError(MatcherError):
    """The request has no admin token, or the wrong one."""

    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": 'Bearer realm="matcher admin"'}


bearer = HTTPBearer(auto_error=False, description="The admin token (MATCHER_ADMIN_TOKEN).")


def require_admin(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """Lets the request through only with the configured token; checked before the body is read."""
    token = settings.admin_token.get_secret_value() if settings.admin_token else ""
    if not token:
        raise AdminDisabledError(
            "Admin writes are disabled: set MATCHER_ADMIN_TOKEN to a long random secret "
            "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`) and restart the server."
        )
    if credentials is None:
        raise AdminAuthError("This endpoint needs the admin token: send `Authorization: Bearer <token>`.")
    # Digests have one length, so the comparison's time tells nothing about the token's length either.
    given = hashlib.sha256(credentials.credentials.encode("utf-8", "surrogateescape")).digest()
    expected = hashlib.sha256(token.encode("utf-8")).digest()
    if not hmac.compare_digest(given, expected):
        raise AdminAuthError("The admin token is not valid.")
