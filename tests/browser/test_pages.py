"""axe-core on a phone over the pages no other browser test audits: the programme (list, grid, now, a session,
its registration form, the agenda), search, a sector, and the not-found page."""

import pytest

from tests.browser.conftest import assert_accessible_on_a_phone
from tests.sitedata import make_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T09:40:00+07:00")  # during the first sessions: "now" has content
    data = make_site(3, images=False)
    workshop = data["sessions"][0]
    workshop.capacity = 20
    workshop.save()
    return data


@pytest.mark.parametrize(
    "path",
    [
        "/vi/programme/",
        "/en/programme/?view=grid",
        "/vi/programme/now/",
        "/en/programme/{session}/",
        "/vi/programme/{session}/register/",
        "/en/programme/my/",
        "/vi/search/?q=gom",
        "/en/search/?q=%21%21",
        "/vi/sectors/{sector}/",
    ],
)
def test_axe_finds_nothing(live_server, page, console_errors, site, path):
    path = path.format(session=site["sessions"][0].slug, sector=site["sectors"][0].slug)
    assert_accessible_on_a_phone(page, f"{live_server.url}{path}", console_errors)


def test_the_not_found_page_is_accessible_and_in_the_visitor_language(live_server, page, console_errors, site):
    assert_accessible_on_a_phone(page, f"{live_server.url}/en/khong-co-trang-nay/", console_errors, status=404)
    assert page.locator("html").get_attribute("lang") == "en"
