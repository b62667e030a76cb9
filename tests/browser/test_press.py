"""The press room on a phone in Chromium: a journalist asks for accreditation with a press card photo; axe finds
nothing on the press room, a release, the fact sheet or the form, and the strict CSP raises no console error."""

import datetime

import pytest

from core.models import Status
from press.models import AccreditationRequest, CoverageLink
from tests.browser.conftest import assert_accessible_on_a_phone
from tests.factories import PressContactFactory, PressReleaseFactory
from tests.sitedata import make_site, png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def press_room(settings, tmp_path):
    settings.TUDOI_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    make_site(2, images=False)
    PressContactFactory(name="Phạm Thu Trang", published=True)
    CoverageLink.objects.create(
        outlet="Việt Nam News",
        headline="Creative Meetup programme to take place in Hà Nội",
        url="https://vietnamnews.example/creative-meetup",
        published_on=datetime.date(2026, 1, 9),
        language="en",
        status=Status.PUBLISHED,
    )
    return PressReleaseFactory(
        title_vi="Khai mạc Tụ hội sáng tạo", title_en="Creative Gathering opens", status=Status.PUBLISHED
    )


def test_on_a_phone_a_journalist_asks_for_accreditation_with_a_press_card(
    live_server, page, console_errors, press_room, tmp_path
):
    from playwright.sync_api import expect

    card = tmp_path / "the-nha-bao.png"
    card.write_bytes(png_bytes(size=(600, 400)))

    page.goto(f"{live_server.url}/en/press/")
    page.get_by_role("link", name="Ask for accreditation").click()
    page.wait_for_url("**/en/press/accreditation/")
    page.get_by_label("Full name").fill("Lê Minh Châu")
    page.get_by_label("Media outlet").fill("Hanoi Times")
    page.get_by_label("E-mail").fill("chau@hanoitimes.example")
    page.get_by_label("Saturday 10 January 2026").check()
    page.get_by_label("Press card:").set_input_files(str(card))
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send my request").click()

    page.wait_for_url("**/en/press/accreditation/?done=1")
    expect(page.locator("main")).to_contain_text("Thank you")
    request = AccreditationRequest.objects.get()
    assert (request.name, request.outlet, request.days, request.language) == (
        "Lê Minh Châu",
        "Hanoi Times",
        "2026-01-10",
        "en",
    )
    assert request.press_card.name.endswith(".png") and request.press_card.size > 0
    assert console_errors == []


@pytest.mark.parametrize(
    "path",
    ["/vi/press/", "/en/press/{release}/", "/en/press/facts/", "/vi/press/accreditation/"],
)
def test_axe_finds_nothing(live_server, page, console_errors, press_room, path):
    assert_accessible_on_a_phone(page, f"{live_server.url}{path.format(release=press_room.slug)}", console_errors)
