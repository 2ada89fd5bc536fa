"""The routes serving the page and the widget: types, caching, and no inline code for a strict CSP."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from nhsmatch.api.routes.web import WEB_DIR


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/widget.js", "text/javascript; charset=utf-8"),
        ("/static/app.js", "text/javascript; charset=utf-8"),
        ("/static/app.css", "text/css; charset=utf-8"),
        ("/static/favicon.svg", "image/svg+xml"),
    ],
)
def test_web_files_are_served_with_their_types(client: TestClient, path: str, content_type: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("name", ["index.html", "../app.py", "..%2Fapp.py", "nope.js"])
def test_only_listed_assets_are_served(client: TestClient, name: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_widget_can_be_loaded_from_any_site(client: TestClient) -> None:
    response = client.get("/widget.js", headers={"Origin": "https://ics.example.nhs.uk"})
    assert response.headers["access-control-allow-origin"] == "*"


def test_page_has_no_inline_code_and_only_local_assets() -> None:
    html = (WEB_DIR / "index.html").read_text()
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []  # every script is a file
    assert "<style" not in html
    assert re.findall(r"\s(?:style|on[a-z]+)=", html) == []  # no inline styles or event handlers
    assert re.findall(r"(?:src|href)=\"(?:https?:)?//", html) == []  # nothing from another origin
