"""The exhibition "Chất Địa Phương" as visitors, journalists and the organisers use it: the catalogue with its filters,
a work, an artist, and the printable wall labels with their QR codes."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile

from core.models import Status
from exhibitions.models import Artwork, Exhibition, Region, Technique
from exhibitions.views import name_key, vietnamese_key
from tests.factories import ArtistFactory, ArtworkFactory, ExhibitionFactory, VenueFactory
from tests.helpers import get, main_of, parse, qr_modules, read_qr, rendering_queries
from tests.sitedata import png_bytes

PUBLISHED = Status.PUBLISHED
SITE = "http://testserver.example"
PAGE = "/exhibitions/chat-dia-phuong/"


pytestmark = pytest.mark.usefixtures("site_url")


def picture_file(name: str, colour: str = "#9b1c1c", size=(400, 500)) -> ContentFile:
    return ContentFile(png_bytes(colour, size), name=name)


@pytest.fixture
def show(db):
    """A published exhibition with five published works (one by two artists), plus drafts that must never show."""
    venue = VenueFactory(
        name_vi="Trung tâm Thông tin Văn hóa Hồ Gươm",
        name_en="Hồ Gươm Cultural Information Centre",
        address_vi="2 Lê Thái Tổ, Hoàn Kiếm, Hà Nội",
        address_en="2 Lê Thái Tổ, Hoàn Kiếm, Hanoi",
        latitude=Decimal("21.031200"),
        longitude=Decimal("105.851900"),
        status=PUBLISHED,
    )
    exhibition = ExhibitionFactory(
        title_vi="Chất Địa Phương",
        title_en="Local Essence",
        subtitle_vi="Triển lãm tranh minh họa",
        subtitle_en="An exhibition of illustrations",
        description_vi="Đoạn thứ nhất <b>không đậm</b>.\n\nĐoạn thứ hai.",
        description_en="First paragraph <b>not bold</b>.\n\nSecond paragraph.",
        starts_on=date(2026, 1, 10),
        ends_on=date(2026, 1, 18),
        venue=venue,
        hours_vi="Hằng ngày 08:00–21:00",
        hours_en="Daily 08:00–21:00",
        organisers_vi="UNESCO; Sở Văn hóa và Thể thao Hà Nội",
        organisers_en="UNESCO; Hanoi Department of Culture and Sports",
        supporters_vi="Tập đoàn SOVICO",
        supporters_en="SOVICO Group",
        free_entry=True,
        status=PUBLISHED,
    )
    lan = ArtistFactory(
        name="Nguyễn Thị Lan",
        bio_vi="Họa sĩ minh họa, vẽ chợ quê.",
        bio_en="An illustrator who draws country markets.",
        city_vi="Huế",
        city_en="Hue",
        birth_year=1996,
        website="https://lan.example/",
        status=PUBLISHED,
    )
    binh = ArtistFactory(name="Trần Văn Bình", published=True)
    anh = ArtistFactory(name="Lê Minh Anh", published=True)
    hidden = ArtistFactory(name="Họa Sĩ Nháp")  # a draft artist is never named
    specs = [
        # number, vi, en, region, technique, artists
        (1, "Phiên chợ Tết", "Village market", Region.NORTH, Technique.HAND, [lan]),
        (2, "Ruộng bậc thang", "Terraced fields", Region.HIGHLANDS, Technique.DIGITAL, [binh, anh]),
        (3, "Nón lá Huế", "Huế conical hats", Region.CENTRAL, Technique.HAND, [anh]),
        (4, "Chợ nổi", "Floating market", Region.SOUTH, Technique.MIXED, [binh, hidden]),
        (5, "Cà phê vỉa hè", "Pavement coffee", Region.CITY, Technique.DIGITAL, [lan]),
    ]
    works = {}
    for number, title_vi, title_en, region, technique, artists in specs:
        works[number] = ArtworkFactory(
            exhibition=exhibition,
            catalogue_number=number,
            title_vi=title_vi,
            title_en=title_en,
            region=region,
            technique=technique,
            artists=artists,
            year=2025,
            medium_vi="Màu nước trên giấy dó",
            medium_en="Watercolour on dó paper",
            width_cm=Decimal("50.0"),
            height_cm=Decimal("62.5"),
            caption_vi=f"Chú thích tiếng Việt {number}.",
            caption_en=f"English caption {number}.",
            description_vi=f"Mô tả tác phẩm {number}.",
            description_en=f"About work {number}.",
            alt_text_vi=f"Ảnh tác phẩm {number}",
            alt_text_en=f"Picture of work {number}",
            long_description_vi=f"Mô tả chi tiết hình ảnh {number}.",
            long_description_en=f"A detailed description of picture {number}.",
            credit_vi=f"© Tác giả {number}, 2025",
            credit_en=f"© The artist {number}, 2025",
            rights_vi="Bản quyền thuộc về tác giả.",
            rights_en="Copyright the artist.",
            image=picture_file(f"Tác phẩm gốc {number}.png"),
            status=PUBLISHED,
        )
    draft_work = ArtworkFactory(
        exhibition=exhibition,
        catalogue_number=6,
        title_vi="Tác phẩm nháp",
        title_en="Draft work",
        artists=[lan],
        region=Region.NORTH,
        image=picture_file("nhap.png"),
    )
    closed = ExhibitionFactory(title_vi="Triển lãm nháp", title_en="Draft exhibition", venue=venue)
    hidden_work = ArtworkFactory(
        exhibition=closed,
        catalogue_number=1,
        title_vi="Tác phẩm của triển lãm nháp",
        title_en="Work of a draft exhibition",
        artists=[lan],
        status=PUBLISHED,
    )
    return {
        "exhibition": exhibition,
        "works": works,
        "lan": lan,
        "binh": binh,
        "anh": anh,
        "hidden": hidden,
        "draft_work": draft_work,
        "closed": closed,
        "hidden_work": hidden_work,
    }


def card_titles(page: str) -> list[str]:
    return re.findall(r'<h3 class="work-card-title"><a href="[^"]*">([^<]*)</a>', page)


def json_ld(page: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def work_url(work: Artwork, language: str = "vi") -> str:
    return f"/{language}/exhibitions/{work.exhibition.slug}/{work.slug}/"


# The exhibition page and its catalogue


def test_exhibition_page_gives_dates_venue_hours_entry_organisers_and_the_curatorial_text(client, show):
    vi = main_of(get(client, f"/vi{PAGE}"))
    en = main_of(get(client, f"/en{PAGE}"))

    assert "<h1>Chất Địa Phương</h1>" in vi and "<h1>Local Essence</h1>" in en
    # One range, the glossary's way, not two long dates with their weekdays.
    assert '<time datetime="2026-01-10">10</time>–<time datetime="2026-01-18">18/01/2026</time>' in vi
    assert '<time datetime="2026-01-10">10</time>–<time datetime="2026-01-18">18 January 2026</time>' in en
    assert "Trung tâm Thông tin Văn hóa Hồ Gươm" in vi and "2 Lê Thái Tổ, Hoàn Kiếm, Hà Nội" in vi
    assert "Hồ Gươm Cultural Information Centre" in en
    assert 'href="https://www.openstreetmap.org/?mlat=21.031200&amp;mlon=105.851900#map=18/21.031200/105.851900"' in vi
    assert "Hằng ngày 08:00–21:00" in vi and "Daily 08:00–21:00" in en
    assert "Vào cửa miễn phí" in vi and "Free entry" in en
    assert "<li>UNESCO</li><li>Sở Văn hóa và Thể thao Hà Nội</li>" in vi
    assert "<li>Hanoi Department of Culture and Sports</li>" in en
    assert "Tập đoàn SOVICO" in vi and "SOVICO Group" in en
    # the curatorial text is plain text in paragraphs: markup typed into it is shown, never obeyed
    assert "<p>First paragraph &lt;b&gt;not bold&lt;/b&gt;.</p>" in en and "<p>Second paragraph.</p>" in en
    assert "<b>" not in en


def test_the_catalogue_lists_only_published_works_in_both_languages(client, show):
    vi = get(client, f"/vi{PAGE}")
    en = get(client, f"/en{PAGE}")

    assert card_titles(vi) == ["Phiên chợ Tết", "Ruộng bậc thang", "Nón lá Huế", "Chợ nổi", "Cà phê vỉa hè"]
    assert card_titles(en) == [
        "Village market",
        "Terraced fields",
        "Huế conical hats",
        "Floating market",
        "Pavement coffee",
    ]
    assert f'href="{work_url(show["works"][2], "en")}"' in en
    assert "Trần Văn Bình, Lê Minh Anh" in vi or "Lê Minh Anh, Trần Văn Bình" in vi
    for absent in ("Tác phẩm nháp", "Draft work", "Họa Sĩ Nháp", "Tác phẩm của triển lãm nháp"):
        assert absent not in vi and absent not in en
    assert "5 tác phẩm" in vi and "5 works" in en


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=central", ["Huế conical hats"]),
        ("technique=digital", ["Terraced fields", "Pavement coffee"]),
        ("technique=hand&region=north", ["Village market"]),
        ("technique=mixed&region=north", []),
        (
            "sort=artist",
            ["Terraced fields", "Huế conical hats", "Floating market", "Village market", "Pavement coffee"],
        ),
        ("technique=hand&sort=artist", ["Huế conical hats", "Village market"]),
        (
            "sort=number",
            ["Village market", "Terraced fields", "Huế conical hats", "Floating market", "Pavement coffee"],
        ),
    ],
)
def test_filters_and_sorting(client, show, query, expected):
    page = get(client, f"/en{PAGE}?{query}")

    assert card_titles(page) == expected


def test_sorting_by_artist_follows_given_names_in_vietnamese_order(client, show):
    titles = card_titles(get(client, f"/vi{PAGE}?sort=artist"))

    # Anh (nos. 2 and 3), Bình (no. 4), Lan (nos. 1 and 5): ties in catalogue order
    assert titles == ["Ruộng bậc thang", "Nón lá Huế", "Chợ nổi", "Phiên chợ Tết", "Cà phê vỉa hè"]


def test_chosen_filters_stay_in_the_form_and_the_links(client, show):
    page = get(client, f"/en{PAGE}?region=highlands&technique=digital&sort=artist")
    document = parse(page)

    form = document.find(".//form[@class='filters']")
    assert form.get("method") == "get"
    selected = {
        select.get("name"): [
            option.get("value") for option in select.iter("option") if option.get("selected") is not None
        ]
        for select in form.iter("select")
    }
    assert selected == {"region": ["highlands"], "technique": ["digital"], "sort": ["artist"]}
    for select in form.iter("select"):  # every control has its label
        assert form.find(f".//label[@for='{select.get('id')}']") is not None
    assert card_titles(page) == ["Terraced fields"]
    # switching language keeps the choices, and clearing the filters keeps the sort
    switch = next(a.get("href") for a in document.iter("a") if a.get("href", "").startswith("/i18n/switch/vi/"))
    assert parse_qs(urlsplit(parse_qs(urlsplit(switch).query)["next"][0]).query) == {
        "region": ["highlands"],
        "technique": ["digital"],
        "sort": ["artist"],
    }
    assert 'href="?sort=artist#catalogue">Clear filters</a>' in page
    assert "1 work of 5" in page


@pytest.mark.parametrize(
    "query",
    ["region=atlantis", "technique=%3Cscript%3E", "sort=price", "region=" + "x" * 5000, "region=north&region=%00"],
)
def test_unknown_choices_are_ignored_with_a_notice(client, show, query):
    response = client.get(f"/vi{PAGE}?{query}")

    assert response.status_code == 200
    page = response.content.decode()
    assert "không hiểu" in page  # the notice, in the visitor's language
    assert "<script>" not in main_of(page)
    assert len(card_titles(page)) in (1, 5)


def test_exhibition_json_ld_is_an_exhibition_event(client, show):
    data = json_ld(get(client, f"/en{PAGE}"))

    assert data["@type"] == "ExhibitionEvent"
    assert data["name"] == "Local Essence"
    assert data["startDate"] == "2026-01-10" and data["endDate"] == "2026-01-18"
    assert data["isAccessibleForFree"] is True
    assert data["url"] == f"{SITE}/en{PAGE}"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "2 Lê Thái Tổ, Hoàn Kiếm, Hanoi"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 21.0312, "longitude": 105.8519}
    assert [o["name"] for o in data["organizer"]] == ["UNESCO", "Hanoi Department of Culture and Sports"]
    assert data["image"].startswith(f"{SITE}/media/renditions/") and data["image"].endswith(".webp")
    assert data["description"] == "An exhibition of illustrations"


def make_works(exhibition, count: int, start: int = 1):
    artist = ArtistFactory(published=True)
    other = ArtistFactory(published=True)
    for number in range(start, start + count):
        ArtworkFactory(
            exhibition=exhibition,
            catalogue_number=number,
            artists=[artist, other] if number % 3 == 0 else [artist],
            region=Region.values[number % len(Region.values)],
            technique=Technique.values[number % len(Technique.values)],
            image=picture_file(f"work-{number}.png", size=(40, 50)),
            status=PUBLISHED,
        )


def queries(client, path: str) -> int:
    return rendering_queries(client, path)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [PAGE, f"{PAGE}?region=north&sort=artist", f"{PAGE}labels/", f"{PAGE}?technique=bogus"],
)
def test_catalogue_and_labels_run_a_fixed_number_of_queries_for_5_and_89_works(client, path):
    exhibition = ExhibitionFactory(title_vi="Chất Địa Phương", published=True)
    make_works(exhibition, 5)
    few = queries(client, f"/vi{path}")
    make_works(exhibition, 84, start=6)
    many = queries(client, f"/vi{path}")

    assert few == many <= 12
    assert Artwork.objects.published().count() == 89


def test_89_works_stay_within_the_weight_bar(client, db):
    exhibition = ExhibitionFactory(title_vi="Chất Địa Phương", published=True)
    make_works(exhibition, 89)

    first = get(client, f"/vi{PAGE}")
    second = get(client, f"/vi{PAGE}?page=2")

    # 48 cards a page: the catalogue stays light whatever the size of the show, and nothing is left out.
    assert len(card_titles(first)) == 48 and len(card_titles(second)) == 41
    assert not set(card_titles(first)) & set(card_titles(second))
    assert '<nav class="pagination" aria-label="Các trang">' in first
    assert 'href="?page=2#catalogue"' in first and 'aria-current="page"><span class="visually-hidden">' in first
    assert "89 tác phẩm" in first and "trang 1/2" in first
    assert_light(first)
    assert_light(second)
    beyond = get(client, f"/vi{PAGE}?page=9999")
    assert card_titles(beyond) == card_titles(second)
    assert "Không có trang này; đây là trang cuối." in beyond


class ElementCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag, attrs):
        self.count += 1


def assert_light(page: str):
    """DESIGN's weight bar: under 100 KB of HTML and under 800 elements."""
    counter = ElementCounter()
    counter.feed(page)
    assert len(page.encode()) < 100_000
    assert counter.count < 800


# One work


def test_work_page_shows_every_catalogue_field(client, show):
    work = show["works"][2]
    vi = main_of(get(client, work_url(work, "vi")))
    en = main_of(get(client, work_url(work, "en")))

    assert "<h1>Terraced fields</h1>" in en and "<h1>Ruộng bậc thang</h1>" in vi
    assert "No. 2" in en
    assert "2025" in en
    assert "Watercolour on dó paper" in en and "Màu nước trên giấy dó" in vi
    assert "62.5 × 50 cm" in en and "62,5 × 50 cm" in vi  # numbers the local way
    assert "Digital illustration" in en and "Northern and Central Highlands" in en
    assert "English caption 2." in en and "Chú thích tiếng Việt 2." in vi
    assert "About work 2." in en
    assert "A detailed description of picture 2." in en and "Mô tả chi tiết hình ảnh 2." in vi
    assert "© The artist 2, 2025" in en and "Copyright the artist." in en
    assert "Bản quyền thuộc về tác giả." in vi


def test_a_work_by_two_artists_links_to_both(client, show):
    page = main_of(get(client, work_url(show["works"][2], "en")))

    for artist in (show["binh"], show["anh"]):
        assert f'<a href="/en/artists/{artist.slug}/">{artist.name}</a>' in page
    assert "Trần Văn Bình</a> and <a" in page or "Lê Minh Anh</a> and <a" in page


def test_a_draft_artist_is_not_named_on_a_work(client, show):
    page = main_of(get(client, work_url(show["works"][4], "en")))

    assert "Trần Văn Bình" in page and "Họa Sĩ Nháp" not in page


def test_work_page_links_to_the_previous_and_next_works(client, show):
    works = show["works"]
    page = get(client, work_url(works[3], "en"))

    assert f'<link rel="prev" href="{work_url(works[2], "en")}">' in page
    assert f'<link rel="next" href="{work_url(works[4], "en")}">' in page
    assert f'<a rel="prev" href="{work_url(works[2], "en")}">' in page
    assert f'<a rel="next" href="{work_url(works[4], "en")}">' in page
    first = get(client, work_url(works[1], "en"))
    assert 'rel="prev"' not in first and f'<a rel="next" href="{work_url(works[2], "en")}">' in first
    last = get(client, work_url(works[5], "en"))  # no. 6 is a draft: no. 5 is the last
    assert 'rel="next"' not in last


def test_the_main_image_is_eager_described_and_zoomable_without_the_original(client, show):
    work = show["works"][1]
    page = get(client, work_url(work, "en"))
    document = parse(page)

    main_image = document.find(".//img[@class='work-main-image']")
    assert main_image.get("loading") is None
    assert main_image.get("alt") == "Picture of work 1"
    described_by = main_image.get("aria-describedby")
    assert "A detailed description of picture 1." in ET.tostring(
        document.find(f".//*[@id='{described_by}']"), "unicode"
    )
    zoom = next(a for a in document.iter("a") if "Zoom" in "".join(a.itertext()))
    assert zoom.get("href").startswith("/media/renditions/") and zoom.get("href").endswith(".webp")
    assert work.image.url not in page


def test_work_page_star_and_open_graph_image(client, show):
    work = show["works"][1]
    page = get(client, work_url(work, "en"))

    assert '<form class="star-form" method="post" action="/en/programme/my/star/"' in page
    assert f'name="item" value="artwork:{work.pk}"' in page
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', page)[1]
    assert og_image.startswith(f"{SITE}/media/renditions/") and og_image.endswith(".webp")


def test_work_json_ld_is_a_visual_artwork(client, show):
    work = show["works"][2]
    data = json_ld(get(client, work_url(work, "en")))

    assert data["@type"] == "VisualArtwork"
    assert data["name"] == "Terraced fields"
    assert sorted(person["name"] for person in data["creator"]) == ["Lê Minh Anh", "Trần Văn Bình"]
    assert all(person["@type"] == "Person" for person in data["creator"])
    assert data["dateCreated"] == "2025"
    assert data["artMedium"] == "Watercolour on dó paper"
    assert data["width"] == {"@type": "QuantitativeValue", "value": 50.0, "unitCode": "CMT", "unitText": "cm"}
    assert data["height"]["value"] == 62.5
    assert data["url"] == f"{SITE}{work_url(work, 'en')}"
    assert data["image"].startswith(f"{SITE}/media/renditions/")
    assert data["creditText"] == "© The artist 2, 2025"
    assert data["copyrightNotice"] == "Copyright the artist."


def test_drafts_and_wrong_addresses_are_not_found(client, show):
    exhibition, closed = show["exhibition"], show["closed"]
    get(client, f"/en/exhibitions/{exhibition.slug}/{show['draft_work'].slug}/", 404)
    get(client, f"/en/exhibitions/{closed.slug}/{show['hidden_work'].slug}/", 404)
    get(client, f"/en/exhibitions/{closed.slug}/", 404)
    get(client, f"/en/exhibitions/{closed.slug}/labels/", 404)
    # a published work asked for under another exhibition's address
    get(client, f"/en/exhibitions/{closed.slug}/{show['works'][1].slug}/", 404)
    get(client, f"/en/exhibitions/khong-co/{show['works'][1].slug}/", 404)
    get(client, f"/en/exhibitions/{exhibition.slug}/khong-co/", 404)
    get(client, f"/en/artists/{show['hidden'].slug}/", 404)
    get(client, "/en/artists/khong-co/", 404)


def test_the_menu_leads_to_the_exhibition_and_the_press_room_in_both_languages(client, show):
    for language, exhibition, press in (("vi", "Triển lãm", "Báo chí"), ("en", "Exhibition", "Press")):
        nav = parse(get(client, f"/{language}{PAGE}")).find(".//nav[@class='site-nav']")
        links = {a.text: (a.get("href"), a.get("aria-current")) for a in nav.iter("a")}
        assert links[exhibition] == (f"/{language}/exhibitions/", "page")
        assert links[press] == (f"/{language}/press/", None)


def test_the_exhibitions_address_opens_the_only_exhibition(client, show):
    for language in ("vi", "en"):
        response = client.get(f"/{language}/exhibitions/")
        assert (response.status_code, response["Location"]) == (302, f"/{language}{PAGE}")


@pytest.mark.django_db
def test_the_exhibitions_address_lists_published_exhibitions_when_there_are_several_or_none(client):
    assert "Triển lãm sẽ sớm được công bố tại đây." in get(client, "/vi/exhibitions/")
    venue = VenueFactory(name_vi="Trung tâm Thông tin Văn hóa Hồ Gươm", published=True)
    for title_vi, title_en, status in (
        ("Chất Địa Phương", "Local Essence", Status.PUBLISHED),
        ("Sắc màu phố cổ", "Old quarter colours", Status.PUBLISHED),
        ("Bản nháp", "Draft show", Status.DRAFT),
    ):
        ExhibitionFactory(title_vi=title_vi, title_en=title_en, venue=venue, status=status)

    page = get(client, "/en/exhibitions/")
    titles = [a.text for a in parse(page).find(".//main").iter("a")]
    assert titles == ["Local Essence", "Old quarter colours"]
    assert "Chất Địa Phương" in get(client, "/vi/exhibitions/") and "Draft show" not in page


def test_work_page_runs_few_queries(client, show):
    assert queries(client, work_url(show["works"][2], "vi")) <= 6


# One artist


def test_artist_page_shows_bio_city_birth_year_website_and_published_works(client, show):
    lan = show["lan"]
    vi = main_of(get(client, f"/vi/artists/{lan.slug}/"))
    en = main_of(get(client, f"/en/artists/{lan.slug}/"))

    assert "<h1>Nguyễn Thị Lan</h1>" in en
    assert "An illustrator who draws country markets." in en and "Họa sĩ minh họa, vẽ chợ quê." in vi
    assert "Hue" in en and "Huế" in vi
    assert "1996" in en
    assert 'href="https://lan.example/"' in en
    assert card_titles(en) == ["Village market", "Pavement coffee"]
    assert card_titles(vi) == ["Phiên chợ Tết", "Cà phê vỉa hè"]
    assert f'href="{work_url(show["works"][5], "en")}"' in en
    assert "Draft work" not in en and "Work of a draft exhibition" not in en


def test_artist_page_names_co_authors(client, show):
    page = main_of(get(client, f"/en/artists/{show['anh'].slug}/"))

    assert card_titles(page) == ["Terraced fields", "Huế conical hats"]
    assert f'href="/en/artists/{show["binh"].slug}/">Trần Văn Bình</a>' in page


def test_artist_page_runs_few_queries(client, show):
    assert queries(client, f"/vi/artists/{show['lan'].slug}/") <= 6


# What every page of the exhibition shares


def pages(show) -> list[str]:
    return [
        f"/vi{PAGE}",
        f"/en{PAGE}?technique=digital&sort=artist",
        work_url(show["works"][1], "vi"),
        work_url(show["works"][5], "en"),
        f"/en/artists/{show['lan'].slug}/",
        f"/vi{PAGE}labels/",
    ]


def test_every_image_is_a_rendition_with_alt_size_and_srcset(client, show):
    originals = [work.image.url for work in Artwork.objects.exclude(image="")]
    assert originals and all(url.startswith("/media/artworks/") for url in originals)
    for path in pages(show):
        document = parse(get(client, path))
        images = list(document.iter("img"))
        if "labels" not in path:
            assert images, path
        for img in images:
            for attribute in ("alt", "width", "height", "srcset"):
                assert img.get(attribute), (path, attribute, img.attrib)
            urls = [img.get("src")] + [part.split()[0] for part in img.get("srcset").split(",")]
            assert all(url.startswith("/media/renditions/") and url.endswith(".webp") for url in urls), urls
        for element in document.iter():
            for attribute in ("src", "srcset", "href", "content"):
                value = element.get(attribute) or ""
                assert "/media/artworks/" not in value, (path, element.tag, value)


def test_catalogue_images_below_the_fold_are_lazy(client, db):
    exhibition = ExhibitionFactory(title_vi="Chất Địa Phương", published=True)
    make_works(exhibition, 10)

    document = parse(get(client, f"/vi{PAGE}"))

    lazy = [img.get("loading") for img in document.iter("img") if img.get("class") == "work-thumb"]
    assert lazy == [None] * 4 + ["lazy"] * 6


def test_pages_are_valid_html_without_inline_code_or_cookies(client, show):
    for path in pages(show):
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies, path
        page = response.content.decode()
        parse(page)
        assert "<style" not in page and " style=" not in page
        scripts = re.findall(r"<script([^>]*)>", page)
        assert all('src="' in attrs or 'type="application/ld+json"' in attrs for attrs in scripts), path


# Wall labels


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_wall_label_has_a_qr_code_that_opens_the_work(client, show, language):
    page = get(client, f"/{language}{PAGE}labels/")

    svgs = re.findall(r"<svg\b.*?</svg>", page, re.S)
    works = [show["works"][n] for n in range(1, 6)]
    assert len(svgs) == len(works)
    for svg, work in zip(svgs, works, strict=True):
        assert read_qr(qr_modules(svg)) == [f"{SITE}{work_url(work, language)}"]
        assert "style" not in svg and "<script" not in svg


def test_wall_labels_give_both_languages_whatever_the_page_language(client, show):
    page = get(client, f"/en{PAGE}labels/")

    assert '<meta name="robots" content="noindex">' in page
    labels = re.findall(r'<li class="label">(.*?)</li>', page, re.S)
    assert len(labels) == 5
    first = labels[0]
    assert '<span lang="vi">Phiên chợ Tết</span>' in first and 'lang="en">Village market</span>' in first
    assert "Nguyễn Thị Lan" in first and "2025" in first
    assert '<span lang="vi">Màu nước trên giấy dó</span> / <span lang="en">Watercolour on dó paper</span>' in first
    assert '<p lang="vi">Chú thích tiếng Việt 1.</p>' in first and '<p lang="en">English caption 1.</p>' in first
    assert "Tác phẩm nháp" not in page


def test_label_stylesheet_prints_a4_labels_that_are_never_cut():
    from django.contrib.staticfiles import finders

    with open(finders.find("css/labels.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert "@page { size: A4;" in css
    assert "break-inside: avoid" in css


# The demo: 89 works


@pytest.mark.django_db
def test_the_demo_catalogue_lists_its_89_works_in_both_languages_within_the_bars(client, demo_content):
    exhibition = Exhibition.objects.get(slug="chat-dia-phuong")
    works = list(exhibition.artworks.published())
    assert len(works) == 89

    for language in ("vi", "en"):
        page = get(client, f"/{language}{PAGE}")
        second = get(client, f"/{language}{PAGE}?page=2")
        titles = card_titles(page) + card_titles(second)
        assert len(titles) == len(set(titles)) == 89
        assert titles[0] == getattr(works[0], f"title_{language}")
        assert_light(page)
        assert_light(second)
        assert queries(client, f"/{language}{PAGE}") <= 12
    assert card_titles(get(client, f"/en{PAGE}?region=central"))
    labels = [get(client, f"/vi{PAGE}labels/?page={number}") for number in (1, 2, 3, 4)]
    assert [sheet.count("<svg ") for sheet in labels] == [24, 24, 24, 17]  # four pages of four A4 sheets at most
    for sheet in labels:
        assert_light(sheet)
    assert queries(client, f"/vi{PAGE}labels/") <= 12


# Sorting names


def test_vietnamese_order_puts_letters_before_tones_and_d_before_đ():
    words = ["Đức", "Dũng", "Ân", "Ánh", "Anh", "Bình", "Ư", "Uyên"]

    assert sorted(words, key=vietnamese_key) == ["Anh", "Ánh", "Ân", "Bình", "Dũng", "Đức", "Uyên", "Ư"]


def test_names_sort_by_given_name_then_the_whole_name():
    names = ["Trần Văn Bình", "Nguyễn Thị Lan", "Lê Minh Anh", "Phạm Anh", "Marie Dupont"]

    assert sorted(names, key=name_key) == ["Lê Minh Anh", "Phạm Anh", "Trần Văn Bình", "Marie Dupont", "Nguyễn Thị Lan"]
