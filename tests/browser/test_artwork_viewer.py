"""The zoom viewer of a work, in Chromium: it opens inside the page by a tap or by the keyboard, shows the 2,400-pixel
rendition, zooms and moves with the keys, closes with Escape or its Close button and gives the focus back to the
link; the page's address never changes. Without JavaScript the same link opens the large image."""

import pytest

from exhibitions.models import Region, Technique
from tests.browser.conftest import PHONE
from tests.factories import ArtistFactory, ArtworkFactory, ExhibitionFactory, VenueFactory
from tests.test_exhibition import PUBLISHED, picture_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORK = "/{language}/exhibitions/chat-dia-phuong/ao-sen/"


@pytest.fixture
def work(settings):
    settings.TUDOI_SERVE_MEDIA = True  # the live server sends the renditions
    venue = VenueFactory(latitude="21.031200", longitude="105.851900", published=True)
    exhibition = ExhibitionFactory(title_vi="Chất Địa Phương", title_en="Local Essence", venue=venue, published=True)
    return ArtworkFactory(
        exhibition=exhibition,
        catalogue_number=1,
        slug="ao-sen",
        title_vi="Ao sen đầu hạ",
        title_en="Lotus pond in early summer",
        region=Region.NORTH,
        technique=Technique.HAND,
        artists=[ArtistFactory(name="Nguyễn Thị Lan", published=True)],
        alt_text_vi="Minh họa demo trừu tượng",
        alt_text_en="Abstract demo illustration",
        image=picture_file("ao-sen.png", colour="#b4536e", size=(1920, 2400)),
        status=PUBLISHED,
    )


def _wait_until_loaded(page, image):
    """(The strict CSP forbids page.wait_for_function's evaluated strings; a locator's function is allowed.)"""
    for _ in range(100):
        if image.evaluate("img => img.complete && img.naturalWidth > 0"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the large image did not load")


def _open_by_click(page):
    page.locator("#zoom-open").click()


def _open_by_keyboard(page):
    page.locator("#zoom-open").focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("opening", [_open_by_click, _open_by_keyboard], ids=["click", "keyboard"])
def test_the_viewer_opens_in_the_page_shows_2400_pixels_and_escape_gives_the_focus_back(
    live_server, page, console_errors, work, opening
):
    from playwright.sync_api import expect

    url = live_server.url + WORK.format(language="en")
    page.goto(url)
    dialog = page.get_by_role("dialog", name="Lotus pond in early summer")
    expect(dialog).to_be_hidden()

    opening(page)

    expect(dialog).to_be_visible()
    image = dialog.locator("img.zoom-image")
    expect(image).to_have_attribute("alt", "Abstract demo illustration")
    _wait_until_loaded(page, image)
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1920, 2400]
    assert image.get_attribute("src").endswith(".webp") and "/media/renditions/" in image.get_attribute("src")
    # The whole image fits the phone's screen at first.
    box = image.bounding_box()
    assert box["width"] <= PHONE["width"] and box["height"] <= PHONE["height"]
    expect(dialog.locator(".zoom-level")).to_have_text("100 %")

    page.keyboard.press("+")
    page.keyboard.press("+")
    expect(dialog.locator(".zoom-level")).to_have_text("225 %")
    assert image.bounding_box()["width"] > 2 * box["width"]
    stage = dialog.locator(".zoom-stage")
    before = stage.evaluate("s => [s.scrollLeft, s.scrollTop]")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(200)
    after = stage.evaluate("s => [s.scrollLeft, s.scrollTop]")
    assert after[0] > before[0] and after[1] > before[1]
    page.keyboard.press("-")
    expect(dialog.locator(".zoom-level")).to_have_text("150 %")

    page.keyboard.press("Escape")

    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "zoom-open"
    assert page.url == url
    assert console_errors == []


def test_the_close_button_is_labelled_in_vietnamese_and_goes_back(live_server, page, console_errors, work):
    from playwright.sync_api import expect

    url = live_server.url + WORK.format(language="vi")
    page.goto(url)
    page.get_by_role("link", name="Phóng to: mở ảnh cỡ lớn").click()
    dialog = page.get_by_role("dialog", name="Ao sen đầu hạ")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Phóng to").click()
    expect(dialog.locator(".zoom-level")).to_have_text("150 %")

    dialog.get_by_role("button", name="Đóng").click()

    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "zoom-open"
    assert page.url == url
    assert console_errors == []


def test_the_viewer_open_passes_axe(live_server, page, console_errors, work):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + WORK.format(language="en"))
    page.locator("#zoom-open").click()
    _wait_until_loaded(page, page.locator("img.zoom-image"))

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()
    assert console_errors == []


def test_without_javascript_the_link_opens_the_large_image(live_server, browser, work):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + WORK.format(language="en"))
        link = page.get_by_role("link", name="Zoom: open the large image")
        href = link.get_attribute("href")

        link.click()

        page.wait_for_url(f"**{href}")
        assert page.evaluate("document.querySelector('img').naturalHeight") == 2400
    finally:
        context.close()
