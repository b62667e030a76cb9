"""The check-in desk on a phone (390×844): a volunteer signs in, chooses the session, types a code and checks the
person in; where the browser reads QR codes, the camera button scans one. Under the strict CSP, without errors."""

import pytest
from django.contrib.auth.models import Permission, User

from events.checkin import checkin_token, display_code
from events.models import Registration
from tests.browser.conftest import PHONE
from tests.test_checkin import make_workshop, seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESK = "/admin/events/registration/check-in/"
PASSWORD = "mật-khẩu-dài-1"


@pytest.fixture
def volunteer(db):
    user = User.objects.create_user("banletan", password=PASSWORD, is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="check_in", content_type__app_label="events"),
        Permission.objects.get(codename="view_registration", content_type__app_label="events"),
    )
    return user


def sign_in(page, base: str, user) -> None:
    page.goto(f"{base}/admin/login/?next={DESK}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}{DESK}")


def test_a_volunteer_types_a_code_on_a_phone_and_checks_the_person_in(live_server, page, console_errors, volunteer):
    workshop = make_workshop()
    make_workshop(title_vi="Tọa đàm gốm Bát Tràng", title_en="Ceramics talk")
    guest = seat(workshop, name="Nguyễn Thị Lan")

    sign_in(page, live_server.url, volunteer)
    assert page.locator("#checkin-scan").is_hidden()  # Chromium on Linux has no BarcodeDetector: typing only
    page.select_option("#id_session", str(workshop.pk))  # checkin.js reloads the desk for the session
    page.wait_for_url(f"**{DESK}?session={workshop.pk}")
    assert "0 người có mặt trên 1 chỗ đã đặt" in page.locator("#checkin-counts").inner_text()
    page.fill("#id_code", display_code(guest.checkin_code).lower())
    page.click("#checkin-submit")

    result = page.locator("#checkin-result")
    assert "Đã check-in. Chào mừng!" in result.inner_text()
    assert "Nguyễn Thị Lan" in result.inner_text()
    assert "1 người có mặt trên 1 chỗ đã đặt" in page.locator("#checkin-counts").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    from axe_playwright_python.sync_playwright import Axe  # imported here: the module loads without a browser

    axe = Axe().run(page)
    assert axe.violations_count == 0, axe.generate_report()
    box = page.locator("#id_code").bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300  # a large field to type in at the door
    guest.refresh_from_db()
    assert guest.checked_in_at is not None and guest.checked_in_by == volunteer

    page.fill("#id_code", guest.checkin_code)
    page.click("#checkin-submit")
    assert "Đã check-in lúc" in page.locator("#checkin-result").inner_text()
    assert Registration.objects.get(pk=guest.pk).checked_in_at == guest.checked_in_at
    assert console_errors == []


# A QR code reader and a camera, as a phone's browser offers them: the reader "sees" the code given to it.
FAKE_CAMERA = """
window.BarcodeDetector = class {
  static getSupportedFormats() { return Promise.resolve(["qr_code", "ean_13"]); }
  detect() { return Promise.resolve(window.__seen ? [{ rawValue: window.__seen, format: "qr_code" }] : []); }
};
navigator.mediaDevices.getUserMedia = () => {
  const canvas = document.createElement("canvas");
  canvas.width = 320; canvas.height = 240;
  const context = canvas.getContext("2d");
  context.fillRect(0, 0, 320, 240);
  return Promise.resolve(canvas.captureStream(5));
};
"""


def test_where_the_browser_reads_qr_codes_the_camera_button_scans_one(live_server, page, console_errors, volunteer):
    workshop = make_workshop()
    guest = seat(workshop, name="Trần Văn Minh")
    page.add_init_script(FAKE_CAMERA)

    sign_in(page, live_server.url, volunteer)
    page.goto(f"{live_server.url}{DESK}?session={workshop.pk}")
    page.locator("#checkin-scan").click()
    assert page.locator("#checkin-camera").is_visible()
    page.evaluate("token => { window.__seen = token; }", checkin_token(guest))

    page.wait_for_selector("#checkin-result")
    assert "Đã check-in. Chào mừng!" in page.locator("#checkin-result").inner_text()
    assert "Trần Văn Minh" in page.locator("#checkin-result").inner_text()
    guest.refresh_from_db()
    assert guest.checked_in_at is not None
    assert console_errors == []
