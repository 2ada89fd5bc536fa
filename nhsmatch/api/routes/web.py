"""The page for ICS leaders (`/`) and the embeddable widget (`/widget.js`): static files, no build step."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from starlette.exceptions import HTTPException

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
JS = "text/javascript; charset=utf-8"

# The only assets served, with their types: a fixed table, so no path from a URL ever reaches the disk.
ASSETS: dict[str, str] = {
    "app.js": JS,
    "app.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}

router = APIRouter(include_in_schema=False)


def _file(name: str, media_type: str) -> FileResponse:
    # no-cache: browsers revalidate (cheaply, by ETag), so a new release is seen at once.
    return FileResponse(WEB_DIR / name, media_type=media_type, headers={"Cache-Control": "no-cache"})


@router.get("/")
def page() -> FileResponse:
    return _file("index.html", "text/html; charset=utf-8")


@router.get("/widget.js")
def widget() -> FileResponse:
    return _file("widget.js", JS)


@router.get("/static/{name}")
def asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(404, f"No asset named {name!r}.")
    return _file(name, ASSETS[name])
