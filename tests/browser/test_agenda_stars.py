"""The agenda's script in a real browser: stars toggle without a reload under the strict CSP."""

import pytest

from tests.helpers import at
from tests.test_agenda import make_session


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


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_filter_the_programme_by_sector_star_two_sessions_and_open_the_agenda(
    live_server, page, console_errors
):
    from playwright.sync_api import expect

    from tests.factories import SectorFactory

    crafts = SectorFactory(name_vi="Thủ công mỹ nghệ", name_en="Handicrafts", published=True)
    design = SectorFactory(name_vi="Thiết kế", name_en="Design", published=True)
    for title, start, sector in [
        ("Lacquer talk", at(10, 9), crafts),
        ("Weaving workshop", at(10, 14), crafts),
        ("Poster forum", at(11, 10), design),
    ]:
        make_session(title, start).sectors.add(sector)

    page.goto(f"{live_server.url}/en/programme/")
    cards = page.locator("article.session-card")
    expect(cards).to_have_count(2)  # one day at a time: the first day, since the event is not on today
    page.get_by_role("link", name="Sunday 11 January 2026").click()
    page.wait_for_url("**day=2026-01-11")
    expect(cards).to_have_count(1)
    page.get_by_label("Sector").select_option(label="Handicrafts")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**sector=*")
    expect(cards).to_have_count(0)  # the filter keeps the day; each day says how many sessions match
    days = page.get_by_role("navigation", name="Days")
    expect(days.get_by_role("link", name="Sunday 11 January 2026 (0 sessions)")).to_be_visible()
    days.get_by_role("link", name="Saturday 10 January 2026 (2 sessions)").click()
    page.wait_for_url("**day=2026-01-10")
    expect(cards).to_have_count(2)
    assert "Poster forum" not in page.locator("main").inner_text()

    for title in ("Lacquer talk", "Weaving workshop"):
        button = cards.filter(has_text=title).locator("form.star-form button")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")

    page.get_by_role("link", name="My agenda").first.click()
    page.wait_for_url("**/en/programme/my/")
    agenda = page.locator("main").inner_text()
    assert "Lacquer talk" in agenda and "Weaving workshop" in agenda
    assert "Poster forum" not in agenda
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    assert console_errors == []
