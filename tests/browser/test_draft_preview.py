"""Staff previewing a draft session on a phone (390 × 844): the draft banner is shown at the top of the page, is an
aside landmark whose text is a status, passes axe-core (contrast included) without sideways scrolling or console
errors; a visitor's browser gets the 404 page."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests import factories
from tests.browser.conftest import assert_accessible_on_a_phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_see_an_accessible_draft_banner_and_a_visitor_a_404(
    browser, page, live_server, admin_user, client, console_errors, tmp_path
):
    session = factories.SessionFactory(title_vi="Tọa đàm chưa công bố", title_en="Unannounced talk")
    url = f"{live_server.url}/vi/programme/{session.slug}/"
    client.force_login(admin_user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])

    assert_accessible_on_a_phone(page, url, console_errors)

    banner = page.get_by_role("complementary", name="Xem trước")
    assert banner.is_visible()
    assert page.get_by_role("status").inner_text().startswith("Bản nháp — chỉ nhân viên thấy trang này")
    assert banner.bounding_box()["y"] < page.locator("main").bounding_box()["y"]
    folder = Path(os.environ.get("TUDOI_SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / "draft-preview-phone.png")

    visitor = browser.new_context()
    try:
        assert visitor.new_page().goto(url).status == 404
    finally:
        visitor.close()
