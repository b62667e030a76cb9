"""The weekend itself, on a phone: at 15:00 on 10 January, from the home page to a running session, then a seat in a
later workshop, confirmed from the e-mail, and marked in "my agenda"."""

import re

import pytest

from core.models import Status
from tests import factories
from tests.browser.conftest import assert_accessible_on_a_phone
from tests.helpers import at

PUBLISHED = Status.PUBLISHED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_on_a_phone_follow_now_to_a_session_then_book_and_confirm_a_seat(
    live_server, page, console_errors, mailoutbox, monkeypatch
):
    from playwright.sync_api import expect

    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:00:00+07:00")
    venue = factories.VenueFactory(name_vi="Nhà Bát Giác", name_en="Octagonal House", published=True)
    factories.SessionFactory(
        title_vi="Tọa đàm thiết kế",
        title_en="Design talk",
        starts_at=at(10, 14),
        ends_at=at(10, 16),
        venue=venue,
        status=PUBLISHED,
    )
    factories.SessionFactory(
        title_vi="Workshop sơn mài",
        title_en="Lacquer workshop",
        kind="workshop",
        starts_at=at(11, 9),
        ends_at=at(11, 11),
        venue=venue,
        capacity=12,
        status=PUBLISHED,
    )

    page.goto(f"{live_server.url}/en/")
    strip = page.locator(".live-strip")
    assert strip.bounding_box()["y"] < 844  # on the first screen of the phone
    strip.get_by_role("link", name="Everything on now, venue by venue").click()
    page.wait_for_url("**/en/programme/now/")
    page.locator("main").get_by_role("link", name="Design talk").click()
    expect(page.locator("h1")).to_have_text("Design talk")
    assert page.get_by_role("link", name="Register for a seat").count() == 0  # it is on now: closed

    page.goto(f"{live_server.url}/en/programme/now/")
    page.locator("main").get_by_role("link", name="Lacquer workshop").first.click()
    expect(page.locator("#registration-state")).to_contain_text("Registration open: 12 seats left of 12.")
    page.get_by_role("link", name="Register for a seat").click()
    page.get_by_label("Full name").fill("Nguyễn Thị Lan")
    page.get_by_label("E-mail").fill("lan@example.vn")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Book my seat").click()

    status = page.get_by_role("status")
    expect(status).to_contain_text("Check your e-mail")
    assert status.bounding_box()["y"] < 844
    (mail,) = mailoutbox
    link = re.search(r"https?://\S+/confirm/", mail.body)[0]
    assert link.startswith(live_server.url)  # links follow the host the visitor used

    page.goto(link)
    expect(page.locator("h1")).to_have_text("Your seat is confirmed")
    page.get_by_role("link", name="My agenda").first.click()
    page.wait_for_url("**/en/programme/my/")
    item = page.locator(".agenda-item", has_text="Lacquer workshop")
    expect(item).to_contain_text("You hold a seat.")
    expect(page.locator("header [data-agenda-count]")).to_have_text("1")
    assert console_errors == []


@pytest.mark.parametrize("path", ["/vi/", "/en/programme/changes/", "/vi/speakers/"])
def test_live_pages_have_no_accessibility_violations(live_server, page, console_errors, monkeypatch, path):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:00:00+07:00")
    speaker = factories.SpeakerFactory(name="Nguyễn Thị Lan", published=True)
    session = factories.SessionFactory(starts_at=at(10, 14), ends_at=at(10, 16), capacity=5, published=True)
    session.speakers.add(speaker)
    session.starts_at, session.ends_at = at(10, 17), at(10, 18)
    session.save()  # a programme change to list

    assert_accessible_on_a_phone(page, f"{live_server.url}{path}", console_errors)
