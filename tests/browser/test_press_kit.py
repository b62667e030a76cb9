"""The press kit in Chromium on a phone and a desktop: press contacts fit their cards (long addresses included)
and call with one tap, the logo card shows the whole logo, and the fact sheet PDFs are one tap away."""

import pytest
from django.core.files.base import ContentFile

from core.models import Status
from press.models import AssetKind
from tests.factories import MediaAssetFactory, PressContactFactory
from tests.sitedata import make_site, png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every contact card's box and the boxes of what is inside it, to compare in the test.
OVERFLOWS = """() => [...document.querySelectorAll('.contact-card')].map(card => {
  const box = card.getBoundingClientRect();
  const inside = [...card.querySelectorAll('*')].map(el => el.getBoundingClientRect());
  return {
    overflowing: card.scrollWidth > card.clientWidth,
    outside: inside.filter(r => r.right > box.right + 0.5 || r.left < box.left - 0.5).length,
  };
})"""


@pytest.fixture
def press_kit(settings, tmp_path):
    settings.TUDOI_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    make_site(1, images=False)
    PressContactFactory(
        name="Nguyễn Thị Phương Thảo",
        role_vi="Quan hệ báo chí quốc tế (nhân vật hư cấu)",
        role_en="International press relations (fictional person)",
        email="quan-he-bao-chi-quoc-te@tuhoisangtao.example.com",
        phone="+84 24 0000 0101",
        status=Status.PUBLISHED,
    )
    logo = MediaAssetFactory(published=True, kind=AssetKind.LOGO, title_vi="Logo", title_en="Logo")
    logo.image.save("logo.png", ContentFile(png_bytes(size=(1200, 300))), save=True)
    return logo


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_contacts_fit_their_cards_and_the_logo_is_whole(live_server, page, console_errors, press_kit, width, language):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{live_server.url}/{language}/press/")

    assert page.evaluate(OVERFLOWS) == [{"overflowing": False, "outside": 0}]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    phone = page.locator(".contact-card a[href^='tel:']")
    assert phone.get_attribute("href") == "tel:+842400000101"
    assert phone.bounding_box()["height"] >= 44  # a finger's target
    logo = page.locator("img.asset-logo")
    shown = logo.evaluate("img => img.naturalWidth / img.naturalHeight")
    assert shown == pytest.approx(4.0, rel=0.02)  # the logo's own shape: the file is not a 4:3 cut
    assert logo.evaluate("img => getComputedStyle(img).objectFit") == "contain"
    pdfs = page.locator(".press-pdfs a[type='application/pdf']")
    assert pdfs.count() == 2
    assert console_errors == []
