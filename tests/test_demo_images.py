"""The demo's pictures do not pretend: the 89 works are abstract compositions drawn from each work's own colours and
medium, credited and described as demo illustrations in both languages; the units' logos are designed monograms in
their sector's colour; the works drawn large open at 2,400 pixels in the zoom viewer.

One load of the demo is shared by the module (as in tests/test_demo.py): it draws several hundred pictures.
"""

import hashlib
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image, ImageStat

from core import renditions
from exhibitions.models import Artwork
from exhibitors.models import CreativeUnit
from tests.helpers import get, parse, text_of
from tudoi.demo import exhibition as X
from tudoi.demo import images

CREDIT = {"vi": "Minh họa demo, không phải ảnh tác phẩm", "en": "Demo illustration, not a photograph of the work"}
ALT_START = {
    "vi": "Minh họa demo trừu tượng, không phải ảnh tác phẩm:",
    "en": "Abstract demo illustration, not a photograph of the work:",
}
# What the old generator drew whatever the title: scenes, which the words of a picture must never claim again.
SCENES = {
    "vi": ("đèn lồng", "dãy núi", "mái nhà", "thuyền", "cánh đồng", "bầu trời", "mặt trời", "nhà cao tầng", "sóng"),
    "en": ("lantern", "mountain", "roof", "boat", "field", "sky fading", "sun", "building", "wave", "tree"),
}


@pytest.fixture
def demo(demo, settings):
    """The module's shared demo load (tests/conftest.py), its images served."""
    settings.TUDOI_SERVE_MEDIA = True
    return demo


def _picture(field) -> Image.Image:
    with field.open("rb") as handle:
        picture = Image.open(io.BytesIO(handle.read()))
        picture.load()
    # As a page shows it: what is transparent shows the white card below.
    white = Image.new("RGBA", picture.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, picture.convert("RGBA")).convert("RGB")


def _share_near(picture: Image.Image, colour: tuple[int, int, int], tolerance: int = 48) -> float:
    """The share of the picture's pixels within `tolerance` of `colour` on every channel."""
    data = picture.resize((90, 112)).tobytes()
    pixels = [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]
    near = [p for p in pixels if all(abs(p[i] - colour[i]) <= tolerance for i in range(3))]
    return len(near) / len(pixels)


def _work(number: int) -> Artwork:
    return Artwork.objects.get(exhibition__slug=X.SLUG, catalogue_number=number)


def test_two_works_of_different_titles_and_media_get_different_palettes_and_drawings(demo):
    """ "Lotus pond in early summer" (collage) is pink and green; "Hội An on a full-moon night" is a dark indigo."""
    data = {w.title[1]: w for w in X.artworks()}
    lotus, night = data["Lotus pond in early summer"], data["Hội An on a full-moon night"]
    lotus_picture = _picture(_work(lotus.number).image)
    night_picture = _picture(_work(night.number).image)

    assert lotus.plan.style != night.plan.style
    assert (lotus.plan.ground, lotus.plan.colours) != (night.plan.ground, night.plan.colours)
    assert "deep_pink" in lotus.plan.colours or "powder_pink" in lotus.plan.colours
    assert night.plan.ground == "indigo"
    # Each picture is made of its own colours: pinks in the lotus pond, indigo in the night, and not the other way.
    pink = images._C["deep_pink"].rgb if "deep_pink" in lotus.plan.colours else images._C["powder_pink"].rgb
    indigo = images._C["indigo"].rgb
    assert _share_near(lotus_picture, pink, 28) > 0.03
    assert _share_near(night_picture, indigo, 28) > 0.3
    assert _share_near(lotus_picture, indigo, 28) < 0.01
    assert _share_near(night_picture, pink, 28) < 0.01
    assert sum(ImageStat.Stat(night_picture).mean) < sum(ImageStat.Stat(lotus_picture).mean) - 150


def test_the_89_pictures_are_89_different_drawings_in_every_medium_not_a_few_files(demo):
    works = list(Artwork.objects.filter(exhibition__slug=X.SLUG).order_by("catalogue_number"))
    digests, thumbnails = set(), set()
    for work in works:
        with work.image.open("rb") as handle:
            digests.add(hashlib.sha256(handle.read()).hexdigest())
        # A tiny greyscale copy: near-identical drawings (the same picture recoloured or re-encoded) collide here.
        tiny = _picture(work.image).convert("L").resize((6, 8))
        thumbnails.add(tuple(value // 32 for value in tiny.tobytes()))

    assert len(works) == 89
    assert len(digests) == 89
    assert len(thumbnails) == 89
    assert {w.plan.style for w in X.artworks()} >= {"wash", "gouache", "impasto", "collage", "geometric", "print"}
    assert len({(w.plan.ground, w.plan.colours) for w in X.artworks()}) >= 60


def test_the_medium_decides_how_a_picture_is_drawn():
    assert images.style_for("Watercolour and ink on paper", "hand") == "wash"
    assert images.style_for("Acrylic on canvas", "hand") == "impasto"
    assert images.style_for("Oil on canvas", "hand") == "impasto"
    assert images.style_for("Lacquer on wood", "hand") == "lacquer"
    assert images.style_for("Woodcut on dó paper", "hand") == "print"
    assert images.style_for("Paper collage and watercolour", "mixed") == "collage"
    assert images.style_for("Digital illustration, giclée print on fine-art paper", "digital") == "geometric"
    lacquer = images.plan_artwork(1, ("Sơn mài", "Lacquer"), "north", ("Sơn mài trên gỗ", "Lacquer on wood"), "hand")
    assert lacquer.ground == "lacquer_black" and lacquer.accent == "gold"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_work_page_and_its_card_say_the_picture_is_a_demo_illustration(demo, client, language):
    work = _work(8)  # "Ao sen đầu hạ" / "Lotus pond in early summer"
    page = parse(get(client, f"/{language}/exhibitions/{X.SLUG}/{work.slug}/"))
    catalogue = parse(get(client, f"/{language}/exhibitions/{X.SLUG}/"))

    figure = page.find(".//figure[@class='artwork-figure']")
    assert CREDIT[language] in text_of(figure.find("figcaption"))
    card = next(li for li in catalogue.iter("li") if li.get("class") == "work-card" and work.slug in _text_links(li))
    assert text_of(card.find(".//p[@class='work-card-credit']")) == CREDIT[language]
    main = figure.find(".//img[@class='work-main-image']")
    alt = main.get("alt")
    assert alt.startswith(ALT_START[language])
    assert getattr(work, f"title_{language}") not in alt


def _text_links(element) -> str:
    return " ".join(a.get("href") or "" for a in element.iter("a"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_picture_is_described_as_the_scene_of_its_title(demo, language):
    for work in Artwork.objects.filter(exhibition__slug=X.SLUG):
        alt = getattr(work, f"alt_text_{language}")
        long = getattr(work, f"long_description_{language}")
        title = getattr(work, f"title_{language}")
        credit = getattr(work, f"credit_{language}")
        assert alt.startswith(ALT_START[language]), work.catalogue_number
        assert credit == CREDIT[language]
        assert title.casefold() not in (alt + long).casefold()
        words = set(re.findall(r"\w+", alt.casefold()))
        for scene in SCENES[language]:
            assert scene not in alt.casefold() if " " in scene else scene not in words, (work.catalogue_number, alt)
        assert ("không vẽ cảnh nào" if language == "vi" else "shows no scene") in long


def test_the_works_drawn_large_open_at_2400_pixels_in_the_viewer(demo, client):
    first = _work(1)
    zoom = renditions.stored(first.image, "2400x2400")
    assert (zoom.width, zoom.height) == (1920, 2400)
    page = parse(get(client, f"/en/exhibitions/{X.SLUG}/{first.slug}/"))
    link = page.find(".//a[@id='zoom-open']")
    assert link.get("href") == zoom.url
    assert "1920 × 2400 pixels" in text_of(page.find(".//p[@class='zoom-link']"))
    # A small one opens at its own size, never enlarged.
    small = renditions.stored(_work(2).image, "2400x2400")
    assert (small.width, small.height) == images.SMALL_SIZE


def test_unit_logos_are_monograms_in_the_sector_colour_not_all_alike(demo):
    units = list(CreativeUnit.objects.select_related("primary_sector").exclude(logo="").order_by("pk")[:24])
    digests = set()
    for unit in units:
        picture = _picture(unit.logo)
        colour = images.hex_to_rgb(unit.primary_sector.colour)
        assert picture.size == (240, 240)
        assert _share_near(picture, colour, 12) > 0.08, unit.slug  # the disc, ring or square in the sector colour
        assert _share_near(picture, images.IVORY, 12) > 0.02, unit.slug  # ivory letters, or the ivory inside a ring
        digests.add(hashlib.sha256(picture.tobytes()).hexdigest())
        assert unit.logo.name.endswith("-monogram.png")
    assert len(units) == 24 and len(digests) == 24
    corners = {_picture(u.logo).getpixel((4, 4)) == (255, 255, 255) for u in units}
    assert corners == {True, False}  # discs and rings on a transparent ground, and framed squares of colour


def test_a_database_with_the_older_pictures_gets_the_new_ones(demo):
    work = _work(3)
    drawn = work.image.name
    Artwork.objects.filter(pk=work.pk).update(image="artworks/chat-dia-phuong-03.jpg")
    work.image.storage.save("artworks/chat-dia-phuong-03.jpg", ContentFile(b"old picture"))
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert _work(3).image.name == drawn
    assert "updated 1," in out.getvalue()
