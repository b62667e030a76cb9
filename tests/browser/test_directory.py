"""The directory on a phone in Chromium: filter by a sector, search without diacritics, open a unit, ask it for a
meeting; axe finds nothing on the directory, a unit or the meeting form, and the strict CSP raises no console error."""

import pytest
from django.core import mail

from core.models import Status
from exhibitors.models import MeetingRequest
from tests.browser.conftest import assert_accessible_on_a_phone
from tests.factories import CreativeUnitFactory, SectorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(settings):
    settings.TUDOI_ORGANISERS_EMAIL = "bantochuc@example.vn"
    crafts = SectorFactory(name_vi="Thủ công mỹ nghệ", name_en="Crafts", published=True)
    design = SectorFactory(name_vi="Thiết kế", name_en="Design", published=True)
    units = [
        ("Làng gốm Bát Tràng", "Bat Trang pottery village", crafts, "B12"),
        ("Sơn mài Hạ Thái", "Ha Thai lacquer", crafts, "B14"),
        ("Gốm Bát Tràng Design Studio", "Bat Trang Design Studio", design, "D03"),
        ("Xưởng in Hà Nội", "Hanoi print workshop", design, "D07"),
    ]
    for name_vi, name_en, sector, booth in units:
        CreativeUnitFactory(
            name_vi=name_vi,
            name_en=name_en,
            primary_sector=sector,
            booth=booth,
            contact_email=f"{booth.lower()}@example.vn",
            status=Status.PUBLISHED,
        )
    return {"crafts": crafts}


def test_on_a_phone_filter_by_sector_search_without_accents_open_a_unit_and_ask_for_a_meeting(
    live_server, page, console_errors, directory
):
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/vi/exhibitors/")
    cards = page.locator("ul.unit-list > li")
    expect(cards).to_have_count(4)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone

    page.get_by_label("Lĩnh vực").select_option(label="Thủ công mỹ nghệ (2)")
    page.get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_url(f"**sector={directory['crafts'].slug}**")
    expect(cards).to_have_count(2)
    assert "Xưởng in Hà Nội" not in page.locator("main").inner_text()

    # typed on a phone keyboard without Vietnamese accents; the sector filter stays
    page.get_by_label("Tìm", exact=True).fill("bat trang")
    page.get_by_label("Tìm", exact=True).press("Enter")
    page.wait_for_url("**q=bat+trang**")
    assert f"sector={directory['crafts'].slug}" in page.url
    expect(cards).to_have_count(1)  # the design studio is called Bát Tràng too, but it is in another sector
    expect(cards.first).to_contain_text("Làng gốm Bát Tràng")

    cards.first.get_by_role("link").first.click()
    page.wait_for_url("**/vi/exhibitors/lang-gom-bat-trang/")
    assert page.locator("h1").inner_text() == "Làng gốm Bát Tràng"
    page.get_by_role("link", name="Đề nghị gặp gỡ").click()
    page.wait_for_url("**/vi/exhibitors/lang-gom-bat-trang/meet/")

    page.get_by_label("Họ và tên").fill("Trần Minh Anh")
    page.get_by_label("Tổ chức / doanh nghiệp").fill("Công ty Quà Việt")
    page.get_by_label("Bạn là").select_option("gifts")
    page.get_by_label("E-mail").fill("anh@quaviet.example.vn")
    page.get_by_label("Lời nhắn của bạn").fill("Chúng tôi cần 500 bộ ấm chén men lam cho quà Tết.")
    page.get_by_role("button", name="Gửi đề nghị").click()

    expect(page.locator("h1")).to_have_text("Cảm ơn bạn: đề nghị của bạn đã được gửi đi")
    request = MeetingRequest.objects.get()
    assert (request.unit.name_vi, request.buyer_name, request.channel, request.language) == (
        "Làng gốm Bát Tràng",
        "Trần Minh Anh",
        "gifts",
        "vi",
    )
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anh@quaviet.example.vn",
        "b12@example.vn",
        "bantochuc@example.vn",
    ]
    assert console_errors == []


@pytest.mark.parametrize(
    "path",
    [
        "/vi/exhibitors/?q=bat+trang",
        "/en/exhibitors/?sector=bogus&wholesale=1",
        "/en/exhibitors/lang-gom-bat-trang/",
        "/vi/exhibitors/lang-gom-bat-trang/meet/",
    ],
)
def test_axe_finds_nothing(live_server, page, console_errors, directory, path):
    assert_accessible_on_a_phone(page, f"{live_server.url}{path}", console_errors)
