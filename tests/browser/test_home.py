"""Home and visit pages in a phone-sized Chromium: language, the language switcher, accessibility, console."""

import pytest

from events.models import Venue
from exhibitors.models import Sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db]  # the demo, committed once for the module, is read only


@pytest.fixture
def content(demo_site):
    """The demo content, with its images served by the live server."""
    sector = Sector.objects.published().exclude(name_en__isnull=True).exclude(name_en="").first()
    venue = Venue.objects.published().exclude(name_en__isnull=True).exclude(name_en="").first()
    assert sector is not None and venue is not None, "needs a published sector and venue named in English"
    return {"sector": sector, "venue": venue, "url": demo_site}


def switcher_link(page, code: str, label: str):
    link = page.locator(f'header a[hreflang="{code}"]', has_text=label)
    assert link.count() == 1, f'expected one "{label}" link in the header of {page.url}'
    assert link.get_attribute("lang") == code
    return link


def html_lang(page) -> str | None:
    return page.locator("html").get_attribute("lang")


def test_language_switcher_on_home(page, console_errors, content):
    sector = content["sector"]

    page.goto(f"{content['url']}/vi/")

    assert html_lang(page) == "vi"
    assert page.locator("h1").count() == 1
    assert sector.name_vi in page.locator("main").inner_text()

    switcher_link(page, "en", "English").click()
    page.wait_for_url(f"{content['url']}/en/")

    assert html_lang(page) == "en"
    assert page.locator("h1").count() == 1
    assert sector.name_en in page.locator("main").inner_text()

    switcher_link(page, "vi", "Tiếng Việt").click()
    page.wait_for_url(f"{content['url']}/vi/")

    assert html_lang(page) == "vi"
    assert sector.name_vi in page.locator("main").inner_text()
    assert console_errors == []


def test_language_switcher_keeps_the_page(page, console_errors, content):
    venue = content["venue"]

    page.goto(f"{content['url']}/en/visit/")

    assert html_lang(page) == "en"
    assert venue.name_en in page.locator("main").inner_text()

    switcher_link(page, "vi", "Tiếng Việt").click()
    page.wait_for_url(f"{content['url']}/vi/visit/")

    assert html_lang(page) == "vi"
    assert page.locator("h1").count() == 1
    assert venue.name_vi in page.locator("main").inner_text()
    assert console_errors == []


@pytest.mark.parametrize("path", ["/vi/", "/en/", "/vi/visit/", "/en/partners/"])
def test_pages_have_no_accessibility_violations(page, console_errors, content, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{content['url']}{path}")
    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()
    assert console_errors == []


@pytest.mark.parametrize("path", ["/vi/", "/en/visit/"])
def test_page_fits_a_phone_screen(page, content, path):
    """No sideways scrolling at 390 px (WCAG 1.4.10 reflow asks for 320 px)."""
    page.goto(f"{content['url']}{path}")

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")

    assert overflow == 0
