"""The agenda's script in a real browser: stars toggle without a reload under the strict CSP."""

import pytest

from tests.test_agenda import at, make_session


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_stars_toggle_in_place_with_the_script_and_the_agenda_follows(live_server, page, console_errors):
    from playwright.sync_api import expect

    session = make_session("Lacquer talk", at(10, 9))
    button = page.locator("form.star-form button")

    page.goto(f"{live_server.url}/en{session.get_absolute_url()[3:]}")
    assert button.get_attribute("aria-pressed") == "false"
    page.evaluate("window.notReloaded = true")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")

    assert page.evaluate("window.notReloaded") is True
    assert button.inner_text().startswith("Remove from my agenda")
    page.reload()
    assert button.get_attribute("aria-pressed") == "true"  # read back from the agenda_ids cookie
    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    assert button.inner_text().startswith("Add to my agenda")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")

    page.goto(f"{live_server.url}/en/programme/my/")
    assert "Lacquer talk" in page.locator("main").inner_text()
    page.locator("form.star-form button").click()  # on the agenda page the form reloads it
    page.wait_for_load_state()
    assert "Your agenda is empty." in page.locator("main").inner_text()
    assert console_errors == []
