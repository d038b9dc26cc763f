"""Real-browser harness: Debian's Chromium driven by Playwright against ``live_server``.

Browser downloads fail on this machine, so Playwright launches the system Chromium by its path
(``CHROMIUM_PATH``, default ``/usr/bin/chromium``). Without it the browser tests are skipped,
except where ``REQUIRE_BROWSER=1`` (CI) makes a missing browser a failure.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# between browser steps are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM_PATH).exists():
        message = f"no Chromium at {CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class PageProblems:
    """What went wrong while a page was open: console errors, failed or 4xx/5xx responses."""

    console_errors: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.console_errors or self.http_errors)


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page(browser, live_server, page_problems) -> Iterator:
    """A fresh browser context on the live server that records console and HTTP errors."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and page_problems.console_errors.append(
                f"{message.text} ({message.location.get('url')})"
            )
        ),
    )
    page.on("pageerror", lambda error: page_problems.console_errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and page_problems.http_errors.append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "requestfailed",
        # A request the browser cancels because the test navigated on is not a failure.
        lambda request: (
            request.failure != "net::ERR_ABORTED"
            and page_problems.http_errors.append(f"failed {request.url}: {request.failure}")
        ),
    )
    yield page
    context.close()
