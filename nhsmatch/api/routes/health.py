"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ..deps import StateDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process answers")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: 200 once the index is loaded, else 503")
def readyz(state: StateDep) -> JSONResponse:
    if state.is_ready:
        return JSONResponse({"status": "ready", "partnerships": len(state.get().records)})
    body = {"status": "failed" if state.error else "loading", "detail": state.error}
    return JSONResponse(body, status_code=503)
