"""The admin under the site's strict Content-Security-Policy: its own scripts (Django's, the language tabs, jQuery UI)
run, and Chromium reports no violation on the login page, a changelist or a change form."""

import pytest

from tests.factories import SectorFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_violations(page) -> list[str]:
    """Every CSP violation the page reports, beside the console errors the `page` fixture records."""
    violations: list[str] = []
    page.expose_function("reportViolation", lambda text: violations.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (e) =>"
        " window.reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"
    )
    return violations


def test_admin_login_changelist_and_forms_raise_no_csp_violation(live_server, page, console_errors, admin_user):
    SectorFactory(name_vi="Thủ công mỹ nghệ", name_en="Crafts", colour="#b5651d")
    session = SessionFactory(published=True)
    violations = watch_violations(page)

    login = page.goto(f"{live_server.url}/admin/login/")
    assert "script-src 'self'" in login.headers["content-security-policy"]
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")  # pytest-django's admin_user
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/exhibitors/sector/")
    assert page.locator("#result_list svg rect[fill='#b5651d']").count() == 1  # the colour swatch shows
    page.goto(f"{live_server.url}/admin/events/session/")
    page.locator("#action-toggle").check()  # Django's actions.js runs
    assert page.locator("tr.selected").count() == 1

    page.goto(f"{live_server.url}/admin/events/session/{session.pk}/change/")
    tabs = page.locator(".ui-tabs-nav").first.locator("li")  # modeltranslation's tabs, built by jQuery UI
    assert tabs.count() == 2
    tabs.nth(1).click()
    assert page.locator("#id_title_en").is_visible()
    page.goto(f"{live_server.url}/admin/exhibitors/creativeunit/add/")
    assert page.locator(".ui-tabs-nav").count() >= 1

    assert violations == []
    assert console_errors == []


def test_the_login_with_a_second_factor_raises_no_csp_violation(live_server, page, console_errors, settings):
    settings.TUDOI_REQUIRE_2FA = True
    violations = watch_violations(page)

    page.goto(f"{live_server.url}/admin/login/")

    assert page.locator("input[name=otp_token]").count() == 1
    assert violations == []
    assert console_errors == []
