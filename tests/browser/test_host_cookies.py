"""With production's cookie names (`__Host-agenda`, `__Host-agenda_ids`) the agenda's scripts still read the stars.

Chromium treats http://localhost as a secure context, so it keeps Secure, __Host- cookies from the live server.
"""

import pytest

from tests.helpers import at
from tests.test_agenda import make_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_stars_and_the_header_count_read_the_host_prefixed_cookie(live_server, page, console_errors, settings):
    from playwright.sync_api import expect

    settings.TUDOI_COOKIE_PREFIX = "__Host-"
    settings.SESSION_COOKIE_SECURE = True
    session = make_session("Lacquer talk", at(10, 9))
    button = page.locator("form.star-form button")

    page.goto(f"{live_server.url}/en{session.get_absolute_url()[3:]}")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.reload()

    assert sorted(cookie["name"] for cookie in page.context.cookies()) == ["__Host-agenda", "__Host-agenda_ids"]
    assert button.get_attribute("aria-pressed") == "true"  # read back from __Host-agenda_ids by agenda.js
    assert page.locator("[data-agenda-count]").first.inner_text() == "1"  # and by agenda-count.js
    assert console_errors == []
