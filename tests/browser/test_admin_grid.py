"""The sessions' venue × time grid and the translations import in the admin, on a phone, under the strict CSP."""

import pytest

from tests.factories import SessionFactory, VenueFactory
from tests.helpers import at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "password")  # pytest-django's admin_user
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_on_a_phone_the_grid_scrolls_inside_its_frame_and_its_links_take_the_keyboard(
    live_server, page, console_errors, admin_user
):
    stage = VenueFactory(name_vi="Sân khấu chính")
    first = SessionFactory(title_vi="Tọa đàm gốm", venue=stage, starts_at=at(10, 10), ends_at=at(10, 11))
    SessionFactory(title_vi="Trình diễn áo dài", venue=stage, starts_at=at(10, 10, 30), ends_at=at(10, 12))
    for n in range(5):  # enough venues to be wider than a phone
        SessionFactory(starts_at=at(10, 9 + n), ends_at=at(10, 10 + n))
    sign_in(page, live_server, admin_user)

    page.goto(f"{live_server.url}/admin/events/session/grid/?day=2026-01-10")

    frame = page.locator(".grid-frame")
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")  # the table is wider than the phone ...
    assert frame.evaluate("el => el.getBoundingClientRect().right") <= 390  # ... and scrolls inside its frame
    assert page.locator("td.conflict").count() == 2
    link = page.locator(f"td.block a[href='/admin/events/session/{first.pk}/change/']")
    link.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"/admin/events/session/{first.pk}/change/"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/admin/events/session/{first.pk}/change/")
    assert console_errors == []


def test_the_translations_import_page_raises_no_csp_violation(live_server, page, console_errors, admin_user):
    sign_in(page, live_server, admin_user)

    page.goto(f"{live_server.url}/admin/events/session/translations/import/")

    assert page.locator("input[type=file]").count() == 1
    assert console_errors == []
