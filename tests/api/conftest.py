"""Browser-test fixtures: the real API on a real port, a host site on another origin, and Chromium.

Chromium is Debian's (/usr/bin/chromium); Playwright only drives it and never downloads a browser.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from nhsmatch.api.app import create_app
from nhsmatch.api.settings import Settings
from nhsmatch.matcher.search import Matcher

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HOST_PAGE_DIR = Path(__file__).parent / "widget_host"


@pytest.fixture(scope="session")
def api_url(full_settings: Settings, full_matcher: Matcher) -> Iterator[str]:
    """The real service (real model, real index) served by uvicorn on a free local port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # Every page load comes from one address; the limiter has tests of its own (test_protections).
    settings = full_settings.model_copy(update={"rate_limit": "off"})
    config = uvicorn.Config(create_app(settings, matcher=full_matcher), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="api-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    with httpx.Client() as client:
        for _ in range(200):  # uvicorn starts in well under a second
            with contextlib.suppress(httpx.TransportError):
                if client.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            threading.Event().wait(0.05)
        else:
            pytest.fail("the API server did not start")
    yield url
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


class _HostHandler(SimpleHTTPRequestHandler):
    """Serves the host site's files with a strict CSP of its own, as a careful NHS site would."""

    api_url = ""

    def end_headers(self) -> None:
        self.send_header(
            "Content-Security-Policy",
            f"default-src 'self'; script-src 'self' {self.api_url}; connect-src {self.api_url}; img-src 'self'",
        )
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="session")
def host_url(api_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Another origin (another port) whose page embeds the widget from the API server."""
    site = tmp_path_factory.mktemp("host-site")
    for source in HOST_PAGE_DIR.iterdir():
        (site / source.name).write_text(source.read_text().replace("{{API}}", api_url))
    handler = type("Handler", (_HostHandler,), {"api_url": api_url})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="host-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile per test: no cookies, storage or history carried between tests."""
    browser_context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield browser_context
    browser_context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    new_page = context.new_page()
    new_page.set_default_timeout(15_000)
    return new_page


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
