"""A real Chromium for the browser tests: one per session, a fresh context per test."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytest_django.live_server_helper import LiveServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic",
                 "--no-first-run"]
TIMEOUT_MS = 5_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # While the browser is open its event loop counts as running in this thread, which would
    # break asyncio.run() in the tests after it: the browser tests go last.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason="Debian's chromium is not installed; `make test` installs it when run as root")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, with static files served by the site's own WhiteNoise.

    The default static handler looks files up by their source names, but pages name them by
    the hashed names collectstatic gives them: without this, no CSS or JavaScript would load.
    """
    addr = (request.config.getvalue("liveserver")
            or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    server = LiveServer(addr, start=False)
    server.thread.static_handler = lambda app: app
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    # Playwright's sync API keeps an event loop in this thread, so Django would refuse ORM calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                 args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@contextmanager
def contexts_on(browser: Browser, base_url: str) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts (one per person) on a site; each is closed at the end."""
    opened = []

    def new(**options) -> BrowserContext:
        options.setdefault("locale", "en-GB")
        context = browser.new_context(base_url=base_url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        opened.append(context)
        return context

    try:
        yield new
    finally:
        for context in opened:
            context.close()


@contextmanager
def served_editor_site(data_dir: Path, setup: str) -> Iterator[tuple[str, dict]]:
    """`dateline serve` on a fresh data dir, seeded by `setup` (run in `dateline shell`; its
    last line is JSON, handed back) with "elena" made an editor: the site's URL and that JSON.
    Its output must hold no traceback."""
    from dateline.testing import Server

    served = Server(data_dir).prepare()
    seeded = json.loads(served.shell(setup).strip().splitlines()[-1])
    served.run("grant_role", "elena", "editor")
    served.start()
    try:
        yield served.url, seeded
    finally:
        served.stop()
    assert "Traceback" not in served.output(), served.output()[-5000:]


@pytest.fixture
def new_context(browser: Browser, live_server, transactional_db
                ) -> Iterator[Callable[..., BrowserContext]]:
    """Open a browser context on the live server; each is closed after the test."""
    with contexts_on(browser, live_server.url) as new:
        yield new


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context().new_page()
