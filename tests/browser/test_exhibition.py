"""The catalogue on a phone in Chromium: filter it, open a work, walk to the next works by keyboard; axe finds
nothing on the catalogue, a work or an artist, and the strict CSP raises no console error."""

import pytest

from exhibitions.models import Region, Technique
from tests.browser.conftest import assert_accessible_on_a_phone
from tests.factories import ArtistFactory, ArtworkFactory, ExhibitionFactory, VenueFactory
from tests.test_exhibition import PUBLISHED, picture_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(settings):
    settings.TUDOI_SERVE_MEDIA = True  # the live server sends the renditions
    venue = VenueFactory(latitude="21.031200", longitude="105.851900", published=True)
    exhibition = ExhibitionFactory(title_vi="Chất Địa Phương", title_en="Local Essence", venue=venue, published=True)
    lan = ArtistFactory(name="Nguyễn Thị Lan", published=True)
    binh = ArtistFactory(name="Trần Văn Bình", published=True)
    specs = [
        (1, "Village market", Region.NORTH, Technique.HAND, [lan]),
        (2, "Hội An lanterns", Region.CENTRAL, Technique.DIGITAL, [binh]),
        (3, "Huế conical hats", Region.CENTRAL, Technique.HAND, [lan, binh]),
        (4, "Floating market", Region.SOUTH, Technique.MIXED, [binh]),
        (5, "Salt fields", Region.CENTRAL, Technique.MIXED, [lan]),
    ]
    for number, title, region, technique, artists in specs:
        ArtworkFactory(
            exhibition=exhibition,
            catalogue_number=number,
            title_vi=f"Tác phẩm {number}",
            title_en=title,
            region=region,
            technique=technique,
            artists=artists,
            year=2025,
            medium_en="Gouache on dó paper",
            width_cm="40.0",
            height_cm="50.0",
            alt_text_en=f"Picture of {title}",
            long_description_en=f"A long description of {title}.",
            image=picture_file(
                f"work-{number}.png", colour=["#9b1c1c", "#1d4ed8", "#15803d", "#b45309", "#57534e"][number - 1]
            ),
            status=PUBLISHED,
        )
    return {"exhibition": exhibition, "lan": lan}


def heading(page) -> str:
    return page.locator("h1").inner_text()


def test_on_a_phone_filter_the_catalogue_open_a_work_and_walk_on_by_keyboard(
    live_server, page, console_errors, catalogue
):
    from playwright.sync_api import expect

    base = f"{live_server.url}/en/exhibitions/chat-dia-phuong/"
    page.goto(base)
    cards = page.locator("li.work-card")
    expect(cards).to_have_count(5)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone

    page.get_by_label("Theme or region").select_option(label="Central Vietnam")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**region=central**")
    expect(cards).to_have_count(3)
    assert page.get_by_label("Theme or region").input_value() == "central"  # the choice stays in the form
    assert "Village market" not in page.locator("main").inner_text()

    # the whole card is the link: a tap on the picture opens the work
    cards.filter(has_text="Hội An lanterns").locator("img").tap(force=True)  # the title link covers it
    page.wait_for_url("**/en/exhibitions/chat-dia-phuong/tac-pham-2/")
    assert heading(page) == "Hội An lanterns"
    main_image = page.locator("img.work-main-image")
    assert main_image.get_attribute("loading") is None
    assert main_image.evaluate("img => img.complete && img.naturalWidth > 0")

    # Tab to the "next work" link and press Enter: no script needed
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a[rel~=\"next\"]')"):
            break
    else:
        pytest.fail("the next-work link cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tac-pham-3/")
    assert heading(page) == "Huế conical hats"

    # with the script, → and ← move along the catalogue too
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/tac-pham-4/")
    assert heading(page) == "Floating market"
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**/tac-pham-3/")
    assert heading(page) == "Huế conical hats"
    assert console_errors == []


def test_arrow_keys_are_left_alone_while_typing_or_with_a_modifier(live_server, page, console_errors, catalogue):
    page.goto(f"{live_server.url}/en/exhibitions/chat-dia-phuong/tac-pham-3/")
    # an input of the page (as a search box in the header would be) keeps its arrow keys
    page.evaluate(
        "() => { const input = document.createElement('input'); input.id = 'probe'; input.value = 'abc';"
        " document.querySelector('main').prepend(input); }"
    )
    page.locator("#probe").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Shift+ArrowRight")
    page.wait_for_timeout(300)
    assert page.url.endswith("/tac-pham-3/")
    assert console_errors == []


def test_the_zoom_link_opens_a_large_rendition(live_server, page, console_errors, catalogue):
    page.goto(f"{live_server.url}/vi/exhibitions/chat-dia-phuong/tac-pham-1/")
    link = page.get_by_role("link", name="Phóng to: mở ảnh cỡ lớn")
    href = link.get_attribute("href")
    assert href.startswith("/media/renditions/") and href.endswith(".webp")

    # With the script the link opens the viewer in the page (tests/browser/test_artwork_viewer.py); its address is
    # the large rendition, which a browser without the script opens.
    page.goto(f"{live_server.url}{href}")
    assert page.evaluate("document.querySelector('img').naturalWidth") == 400  # never upscaled past the original
    assert console_errors == []


@pytest.mark.parametrize(
    "path",
    [
        "/vi/exhibitions/chat-dia-phuong/",
        "/en/exhibitions/chat-dia-phuong/?region=bogus&sort=artist",
        "/en/exhibitions/chat-dia-phuong/tac-pham-3/",
        "/vi/artists/nguyen-thi-lan/",
    ],
)
def test_axe_finds_nothing(live_server, page, console_errors, catalogue, path):
    assert_accessible_on_a_phone(page, f"{live_server.url}{path}", console_errors)
