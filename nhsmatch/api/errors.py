"""The one place errors become HTTP responses: `{"error": {"code", "message", "fields"}}`."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from ..matcher.errors import (
    CorpusError,
    DuplicatePartnershipError,
    IndexMismatchError,
    IndexNotBuiltError,
    MatcherError,
    ModelLoadError,
    UnknownPartnershipError,
)
from ..matcher.taxonomy import ARRANGEMENTS, CARE_SETTINGS, OUTCOME_STATUSES, PARTNER_TYPES, REGIONS, THERAPY_AREAS
from .auth import AdminAuthError, AdminDisabledError
from .schemas import ErrorBody, ErrorDetail, FieldProblem

log = logging.getLogger(__name__)

ERROR_STATUS: dict[type[MatcherError], int] = {
    UnknownPartnershipError: 404,
    DuplicatePartnershipError: 409,
    AdminAuthError: 401,
    AdminDisabledError: 403,
    CorpusError: 422,
    IndexNotBuiltError: 503,
    IndexMismatchError: 503,
    ModelLoadError: 503,
}

# Accepted values per field name, so a 422 can list them (singular names are query parameters).
ALLOWED_VALUES: dict[str, tuple[str, ...]] = {
    "regions": REGIONS,
    "region": REGIONS,
    "near": REGIONS,
    "therapy_areas": THERAPY_AREAS,
    "therapy_area": THERAPY_AREAS,
    "care_settings": CARE_SETTINGS,
    "care_setting": CARE_SETTINGS,
    "partner_types": PARTNER_TYPES,
    "partner_type": PARTNER_TYPES,
    "arrangements": ARRANGEMENTS,
    "arrangement": ARRANGEMENTS,
    "outcome_statuses": OUTCOME_STATUSES,
    "outcome_status": OUTCOME_STATUSES,
}


def error_code(error_type: type[MatcherError]) -> str:
    name = error_type.__name__.removesuffix("Error")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def error_response(status: int, code: str, message: str, fields: list[FieldProblem] | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, fields=fields or []))
    return JSONResponse(status_code=status, content=body.model_dump(exclude_none=True))


def _field_problems(errors: Sequence[Any]) -> list[FieldProblem]:
    problems = []
    for error in errors:
        loc = [part for part in error["loc"] if part not in ("body", "query", "path")]
        field = ""
        for part in loc:
            field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
        named = [part for part in loc if isinstance(part, str)]
        allowed = ALLOWED_VALUES.get(named[-1]) if named and error["type"] == "literal_error" else None
        problem = error["msg"]
        if error["type"] == "extra_forbidden":
            problem = "unknown field; remove it (see /docs for the accepted fields)"
        elif error["type"] == "literal_error":
            problem = f"{error.get('input')!r} is not an accepted value"
        problems.append(
            FieldProblem(field=field or "body", problem=problem, allowed=list(allowed) if allowed else None)
        )
    return problems


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(MatcherError)
    async def _matcher_error(request: Request, err: MatcherError) -> JSONResponse:
        status = ERROR_STATUS.get(type(err), 500)
        if status >= 500:
            log.error("request failed: %s", err, exc_info=err)
        response = error_response(status, error_code(type(err)), str(err))
        response.headers.update(getattr(err, "headers", None) or {})
        return response

    @app.exception_handler(RequestValidationError)
    @app.exception_handler(ValidationError)  # checks across fields, made after FastAPI's own
    async def _invalid_request(request: Request, err: RequestValidationError | ValidationError) -> JSONResponse:
        problems = _field_problems(err.errors())
        message = "; ".join(f"{p.field}: {p.problem}" for p in problems)
        return error_response(422, "invalid_request", f"Invalid request: {message}", problems)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, err: HTTPException) -> JSONResponse:
        if err.status_code == 400 and err.detail == "There was an error parsing the body":
            # FastAPI's answer to a body that is not UTF-8: the same 422 as for malformed JSON.
            problem = FieldProblem(field="body", problem="not valid JSON (the body must be UTF-8 encoded JSON)")
            return error_response(422, "invalid_request", f"Invalid request: body: {problem.problem}", [problem])
        code = {404: "not_found", 405: "method_not_allowed"}.get(err.status_code, "http_error")
        response = error_response(err.status_code, code, str(err.detail))
        response.headers.update(err.headers or {})
        return response


def internal_error_response(request_id: str) -> JSONResponse:
    """For a bug: the usual error shape, a reference to the logs, and no details leaked."""
    message = f"Internal error (request id {request_id}); it has been logged."
    return error_response(500, "internal_error", message)
