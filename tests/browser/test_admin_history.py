"""The history of a session and the publish confirmation on a phone (390 × 844), in Vietnamese: an organiser
publishes two sessions from the list (confirming on the intermediate page), opens one's history, sees the change
old → new and restores the earlier version, all without scrolling sideways and with a clean console (strict CSP).
Screenshots are saved (in the test's temporary folder, or in TUDOI_SCREENSHOTS_DIR) for a person to look at."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from core.models import Status
from events.models import Session
from tests import factories
from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(page, live_server, admin_user, client):
    client.force_login(admin_user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    page.context.set_extra_http_headers({"Accept-Language": "vi"})
    return page


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("TUDOI_SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_publishing_and_restoring_on_a_phone(signed_in, live_server, console_errors, shots):
    page = signed_in
    first = factories.SessionFactory(title_vi="Xưởng gốm Bát Tràng")
    second = factories.SessionFactory(title_vi="Tọa đàm về sơn mài và những làng nghề ven sông Hồng")

    page.goto(f"{live_server.url}/admin/events/session/")
    for session in (first, second):
        page.locator(f"input.action-select[value='{session.pk}']").check()
    page.select_option("select[name='action']", "publish")
    page.locator("button[name='index']").first.click()
    page.wait_for_selector("text=sẽ được đăng")
    page.screenshot(path=shots / "admin-publish-confirmation-phone.png", full_page=True)
    assert fits(page)
    assert set(Session.objects.values_list("status", flat=True)) == {Status.DRAFT}

    page.locator("input[type='submit'][value='Có, đăng']").click()
    page.wait_for_url(f"{live_server.url}/admin/events/session/")
    assert set(Session.objects.values_list("status", flat=True)) == {Status.PUBLISHED}

    page.goto(f"{live_server.url}/admin/events/session/{second.pk}/history/")
    page.screenshot(path=shots / "admin-history-phone.png", full_page=True)
    assert fits(page)
    change = page.locator(".history-changes li").first
    assert "Bản nháp" in change.inner_text() and "Đã đăng" in change.inner_text()
    page.locator("a", has_text="Khôi phục phiên bản này").first.click()
    page.wait_for_selector("text=Có, khôi phục phiên bản này")
    assert fits(page)
    page.screenshot(path=shots / "admin-restore-phone.png", full_page=True)
    page.locator("input[type='submit'][value='Có, khôi phục phiên bản này']").click()
    page.wait_for_selector(".history-version")
    assert Session.objects.get(pk=second.pk).status == Status.DRAFT
    assert console_errors == []
