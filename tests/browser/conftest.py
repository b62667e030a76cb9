"""Playwright (sync API) driving Debian's Chromium; never `playwright install`.

tests/conftest.py skips or fails the tests marked `browser` before these fixtures run when Chromium or
Playwright is missing, so the imports stay inside the fixtures.
"""

import pytest

from tests.conftest import CHROMIUM

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def console_errors():
    """Console errors and uncaught exceptions; Chromium reports CSP violations as console errors."""
    return []


@pytest.fixture
def page(browser, console_errors):
    """A fresh phone-sized page (no cookies from other tests) that records its console errors."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()

    def record(message):
        if message.type == "error":
            console_errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    page.on("console", record)
    page.on("pageerror", lambda error: console_errors.append(f"pageerror: {error}"))
    yield page
    context.close()


def assert_accessible_on_a_phone(page, url: str, console_errors: list[str], *, status: int = 200) -> None:
    """Open `url` (answering `status`): axe-core finds no WCAG violation, nothing is wider than the phone, and the
    console stays clean (Chromium reports CSP violations there; an error status of the page itself is expected)."""
    from axe_playwright_python.sync_playwright import Axe

    assert page.goto(url).status == status
    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    expected = f"status of {status} " if status >= 400 else None
    assert [error for error in console_errors if not (expected and expected in error and url in error)] == []


@pytest.fixture(scope="module")
def _demo_server(demo_snapshot, django_db_blocker, tmp_path_factory):
    """The demo content, loaded and committed once for a module, and a live server of its own that serves it.

    pytest-django's `live_server` makes every test transactional (the tables are emptied after each one), so the
    demo would be loaded again for each test (15 s). The tests that only read the demo use `demo_site` instead
    (marked `django_db`, without `transaction=True`: pytest-django creates the test database only for marked
    tests); the database stays open for the module (the server's thread needs it) and the content is removed at
    its end.
    """
    from pytest_django.live_server_helper import LiveServer

    from tests.sitedata import delete_demo_content

    media = demo_snapshot.copy_media(tmp_path_factory.mktemp("browser-demo-media"))
    with django_db_blocker.unblock():
        demo_snapshot.restore()
        server = LiveServer("localhost:0")
        server._live_server_modified_settings.enable()  # ALLOWED_HOSTS
        try:
            yield server.url, media
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            delete_demo_content()


@pytest.fixture
def demo_site(_demo_server, settings):
    """The base URL of a live server showing the demo content (with its images), for tests that only read it."""
    url, media = _demo_server
    settings.MEDIA_ROOT = media
    settings.TUDOI_SERVE_MEDIA = True
    settings.TUDOI_DEMO = True
    return url
