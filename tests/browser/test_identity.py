"""The identity on a 390x844 phone: compact header, dismissable demo notice, phone menu, self-hosted typeface."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]  # the demo, committed once for the module, is read only

SCREEN_HEIGHT = 844


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_phone_first_screen(page, console_errors, demo_site, lang):
    font_requests = []
    page.on("request", lambda r: font_requests.append(r.url) if "/static/fonts/" in r.url else None)
    page.set_viewport_size({"width": 390, "height": SCREEN_HEIGHT})
    page.goto(f"{demo_site}/{lang}/")
    main_top = page.locator("main").bounding_box()["y"]
    header = page.locator("header.site-header").bounding_box()
    assert header["y"] + header["height"] <= SCREEN_HEIGHT / 4
    assert main_top <= SCREEN_HEIGHT / 4
    h1 = page.locator("main h1").bounding_box()
    assert h1["y"] + h1["height"] <= 0.6 * SCREEN_HEIGHT
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"', 'ệựắỗđ')")
    assert page.evaluate(
        "[...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Be Vietnam Pro' && f.status === 'loaded')"
    )
    assert any(url.endswith(".woff2") for url in font_requests), font_requests
    assert console_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_menu_by_keyboard(page, demo_site, lang):
    page.goto(f"{demo_site}/{lang}/")
    nav_link = page.locator("#site-nav a").first
    assert not nav_link.is_visible()
    button = page.locator("button[data-menu-toggle]")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert nav_link.is_visible()
    assert page.locator("#site-nav a").count() >= 6
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav_link.is_visible()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_demo_notice_dismissed_and_remembered(page, demo_site, lang):
    page.goto(f"{demo_site}/{lang}/")
    notice = page.locator("[data-demo-notice]")
    assert notice.is_visible()
    # A landmark of its own (axe: all content inside landmarks), named for screen readers.
    assert notice.evaluate("n => n.tagName") == "ASIDE" and notice.get_attribute("aria-label")
    box = notice.bounding_box()
    assert box["height"] <= 48, "the notice takes one line on a phone"
    page.locator("[data-demo-close]").click()
    assert not notice.is_visible()
    page.goto(f"{demo_site}/{lang}/programme/")
    assert not page.locator("[data-demo-notice]").is_visible()


SMALLEST_TEXT = """() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element || !element.getClientRects().length) continue;
    if (element.closest('.visually-hidden, [hidden], svg')) continue;
    sizes.push([parseFloat(getComputedStyle(element).fontSize), node.textContent.trim().slice(0, 40)]);
  }
  return sizes.sort((a, b) => a[0] - b[0])[0];
}"""


def test_the_pages_hold_on_a_360_px_phone_in_both_languages(page, demo_site):
    """Nothing wider than the narrowest phone in use, and no text under 12 px, on every kind of public page."""
    from exhibitions.models import Artwork
    from exhibitors.models import CreativeUnit

    unit = CreativeUnit.objects.published().order_by("name_vi").first()
    work = Artwork.objects.published().order_by("catalogue_number").first()
    paths = [
        "",
        "programme/",
        "programme/?view=grid",
        "exhibitors/",
        unit.get_absolute_url().split("/", 2)[2],
        "exhibitions/chat-dia-phuong/",
        work.get_absolute_url().split("/", 2)[2],
        "visit/",
        "partners/",
        "press/",
        "about/",
        "search/?q=g%E1%BB%91m",
    ]
    page.set_viewport_size({"width": 360, "height": 740})
    for lang in ("vi", "en"):
        for path in paths:
            url = f"{demo_site}/{lang}/{path}"
            assert page.goto(url).status == 200, url
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, url
            size, text = page.evaluate(SMALLEST_TEXT)
            assert size >= 12, f"{url}: “{text}” is {size} px"
