"""The organisers' desk and the session pages of the admin on a phone (390 × 844): the figures and the seats are on
screen, and the red "Delete" is at the bottom of the form, not above it. Screenshots are saved (in the test's
temporary folder, or in TUDOI_SCREENSHOTS_DIR) for a person to look at."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from events.models import RegistrationStatus
from tests import factories
from tests.browser.conftest import PHONE
from tests.helpers import at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(page, live_server, admin_user, client):
    client.force_login(admin_user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    return page


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("TUDOI_SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_desk_and_a_session_work_on_a_phone(signed_in, live_server, console_errors, monkeypatch, shots):
    page = signed_in
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:30:00+07:00")
    workshop = factories.SessionFactory(
        published=True, title_vi="Xưởng gốm Bát Tràng", starts_at=at(10, 16), ends_at=at(10, 17), capacity=12
    )
    factories.RegistrationFactory.create_batch(3, session=workshop)
    factories.RegistrationFactory(session=workshop, status=RegistrationStatus.WAITLISTED)
    factories.MeetingRequestFactory()

    page.goto(f"{live_server.url}/admin/")
    page.screenshot(path=shots / "admin-index-phone.png", full_page=True)

    row = page.locator(f"#desk-session-{workshop.pk}")
    assert row.locator("a", has_text="Xưởng gốm Bát Tràng").is_visible()
    for label, value in (("Chỗ đã xác nhận", "3"), ("Còn trống", "9"), ("Danh sách chờ", "1")):
        cell = row.locator(f"td[data-label='{label}']")
        assert cell.inner_text().strip() == value
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], label
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(f"{live_server.url}/admin/events/session/")
    page.screenshot(path=shots / "admin-sessions-phone.png")
    seats = page.locator("td.field-seats").first
    assert seats.inner_text().strip() == "3/12 · còn 9 · chờ 1"
    box = seats.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]  # on screen without scrolling sideways

    page.goto(f"{live_server.url}/admin/events/session/{workshop.pk}/change/")
    page.screenshot(path=shots / "admin-session-form-phone.png", full_page=True)
    deletes = page.locator("a.deletelink")
    assert deletes.count() == 2  # the rows of buttons above and below the form
    assert not deletes.first.is_visible()
    assert deletes.last.is_visible()
    last_field = page.locator("fieldset").last.bounding_box()
    assert deletes.last.bounding_box()["y"] > last_field["y"] + last_field["height"]
    assert page.locator(".submit-row").first.locator("input[name=_save]").is_visible()  # saving stays at hand

    assert console_errors == []
