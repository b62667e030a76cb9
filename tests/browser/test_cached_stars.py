"""Cached pages in a real browser: the same bytes for everybody, each visitor's own stars drawn on them."""

import pytest

from tests.browser.conftest import PHONE
from tests.helpers import at
from tests.test_agenda import make_session


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_starred_visitor_sees_their_stars_on_a_cached_page_and_the_next_visitor_does_not(
    live_server, browser, page, console_errors, monkeypatch
):
    from playwright.sync_api import expect

    # The page cache keys pages by the site clock's minute: a frozen clock keeps a slow run from crossing one.
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")

    session = make_session("Lacquer talk", at(10, 9))
    url = f"{live_server.url}/en{session.get_absolute_url()[3:]}"
    button = page.locator("form.star-form button")
    page.goto(url)
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")

    first = page.reload()  # the page as cached for everybody, the star from this visitor's cookie
    expect(button).to_have_attribute("aria-pressed", "true")

    other = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    answer = other.goto(url)
    other_button = other.locator("form.star-form button")
    assert answer.headers.get("x-cache") == "hit"
    assert first.headers.get("x-cache") == "hit"
    expect(other_button).to_have_attribute("aria-pressed", "false")
    assert other.locator(".agenda-count").is_hidden()
    other.context.close()
    assert console_errors == []
