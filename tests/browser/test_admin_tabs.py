"""The admin's language tabs work in a real browser without any outside network (jQuery UI is served by us)."""

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_form_shows_one_tab_per_language(live_server, page, console_errors, admin_user, client):
    client.force_login(admin_user)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": live_server.url}]
    )
    external_requests = []
    page.on(
        "request",
        lambda request: (
            external_requests.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )

    page.goto(f"{live_server.url}/admin/exhibitors/sector/add/")

    tabs = page.locator(".ui-tabs-nav").first.locator("li")
    assert tabs.count() == 2
    assert [tabs.nth(i).inner_text().strip().lower() for i in range(2)] == ["vi", "en"]
    tabs.nth(1).click()
    assert page.locator("#id_name_en").is_visible()
    assert not page.locator("#id_name_vi").is_visible()
    assert external_requests == []
    assert console_errors == []
