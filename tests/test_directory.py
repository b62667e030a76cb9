"""The directory of creative units, a unit's page and a sector's page, as visitors and buyers use them."""

import json
import re
from datetime import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core import renditions
from core.models import Status
from events.models import Session, SessionKind, Venue
from exhibitors.models import CreativeUnit, PriceBand, Product, Sector, UnitKind
from tests.helpers import get, parse, rendering_queries
from tests.sitedata import png_bytes

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISHED = Status.PUBLISHED


def unit(**fields) -> CreativeUnit:
    sectors = fields.pop("sectors", [])
    created = CreativeUnit.objects.create(status=fields.pop("status", PUBLISHED), **fields)
    created.sectors.set(sectors)
    return created


@pytest.fixture
def directory(db):
    crafts = Sector.objects.create(
        name_vi="Thủ công mỹ nghệ",
        name_en="Handicrafts",
        description_vi="Gốm, sơn mài, mây tre đan.",
        description_en="Ceramics, lacquer, bamboo.",
        order=1,
        status=PUBLISHED,
    )
    design = Sector.objects.create(name_vi="Thiết kế", name_en="Design", order=2, status=PUBLISHED)
    food = Sector.objects.create(name_vi="Ẩm thực", name_en="Food", order=3, status=PUBLISHED)
    hidden = Sector.objects.create(name_vi="Ngành nháp", name_en="Draft sector", order=4)
    village = unit(
        name_vi="Làng gốm Bát Tràng",
        name_en="Bát Tràng pottery village",
        kind=UnitKind.CRAFT_VILLAGE,
        primary_sector=crafts,
        sectors=[design],
        short_description_vi="Gốm men rạn từ thế kỷ 14.",
        short_description_en="Crackle-glaze ceramics since the 14th century.",
        description_vi="Làng nghề gốm lâu đời bên sông Hồng.",
        description_en="An old pottery village on the Red River.",
        booth="A1",
        zone_vi="Khu phố Đinh Tiên Hoàng",
        zone_en="Đinh Tiên Hoàng street zone",
        address="Xã Bát Tràng",
        district="Gia Lâm",
        website="https://battrang.example.vn/",
        facebook="https://facebook.com/battrang",
        public_email="lienhe@battrang.example.vn",
        public_phone="024 3874 1234",
        contact_email="bi-mat@battrang.example.vn",
        commerce_ready=True,
        wholesale=True,
        export=True,
        price_band=PriceBand.MID,
        lead_time_vi="2–3 tuần",
        lead_time_en="2–3 weeks",
    )
    space = unit(
        name_vi="Không gian sáng tạo Hà Nội",
        name_en="Hanoi creative space",
        kind=UnitKind.CREATIVE_SPACE,
        primary_sector=design,
        in_network=True,
        custom_orders=True,
        booth="B2",
    )
    studio = unit(
        name_vi="Xưởng thiết kế Đồng Xuân",
        name_en="Dong Xuan design studio",
        kind=UnitKind.DESIGN_BRAND,
        primary_sector=design,
        sectors=[crafts, hidden],
        commerce_ready=True,
        wholesale=True,
        custom_orders=True,
    )
    kitchen = unit(
        name_vi="Bếp Hà Thành",
        name_en="Ha Thanh kitchen",
        kind=UnitKind.ENTERPRISE,
        primary_sector=food,
        short_description_vi="Bánh cốm gói trong hộp gốm.",
        short_description_en="Green rice cakes in ceramic boxes.",
        in_network=True,
        export=True,
    )
    draft = unit(
        name_vi="Đơn vị nháp bí mật",
        name_en="Secret draft unit",
        kind=UnitKind.CRAFT_VILLAGE,
        primary_sector=crafts,
        sectors=[design],
        status=Status.DRAFT,
        in_network=True,
        commerce_ready=True,
        wholesale=True,
        export=True,
        custom_orders=True,
    )
    Product.objects.create(
        unit=village,
        name_vi="Bình hoa men lam",
        name_en="Blue-glaze vase",
        description_vi="Cao 30 cm, vẽ tay.",
        description_en="30 cm tall, hand-painted.",
        price_band=PriceBand.UPPER,
        retail=True,
        wholesale=True,
        export=True,
        status=PUBLISHED,
    )
    Product.objects.create(unit=village, name_vi="Sản phẩm nháp", name_en="Draft product")
    venue = Venue.objects.create(name_vi="Nhà Bát Giác", name_en="Octagonal House", status=PUBLISHED)
    workshop = Session.objects.create(
        title_vi="Workshop vẽ gốm",
        title_en="Pottery painting workshop",
        kind=SessionKind.WORKSHOP,
        starts_at=datetime(2026, 1, 10, 14, 0, tzinfo=HANOI),
        ends_at=datetime(2026, 1, 10, 16, 0, tzinfo=HANOI),
        venue=venue,
        status=PUBLISHED,
    )
    workshop.host_units.add(village)
    workshop.sectors.add(crafts)
    hidden_session = Session.objects.create(
        title_vi="Phiên nháp",
        title_en="Draft session",
        kind=SessionKind.FORUM,
        starts_at=datetime(2026, 1, 10, 9, 0, tzinfo=HANOI),
        ends_at=datetime(2026, 1, 10, 10, 0, tzinfo=HANOI),
        venue=venue,
    )
    hidden_session.host_units.add(village)
    hidden_session.sectors.add(crafts)
    return {
        "crafts": crafts,
        "design": design,
        "food": food,
        "hidden": hidden,
        "village": village,
        "space": space,
        "studio": studio,
        "kitchen": kitchen,
        "draft": draft,
        "workshop": workshop,
    }


ALL_EN = ["Bát Tràng pottery village", "Dong Xuan design studio", "Ha Thanh kitchen", "Hanoi creative space"]


def names(page: str) -> list[str]:
    return [unescape(name) for name in re.findall(r'<h3 id="unit-\d+"><a href="[^"]+">([^<]+)</a></h3>', page)]


def status_text(page: str) -> str:
    document = parse(page)
    texts = ("".join(element.itertext()) for element in document.iter() if element.get("role") == "status")
    return " ".join(" ".join(text.split()) for text in texts)


# The directory


def test_directory_lists_published_units_by_name_in_both_languages(client, directory):
    vi = get(client, "/vi/exhibitors/")
    en = get(client, "/en/exhibitors/")

    assert names(vi) == [
        "Bếp Hà Thành",
        "Không gian sáng tạo Hà Nội",
        "Làng gốm Bát Tràng",
        "Xưởng thiết kế Đồng Xuân",
    ]
    assert names(en) == [
        "Bát Tràng pottery village",
        "Dong Xuan design studio",
        "Ha Thanh kitchen",
        "Hanoi creative space",
    ]
    assert "4 đơn vị sáng tạo" in status_text(vi)
    assert "4 creative units" in status_text(en)
    assert "Handicrafts · booth A1" in en and "Thủ công mỹ nghệ · gian hàng A1" in vi
    assert f'href="/en/exhibitors/{directory["village"].slug}/"' in en
    assert "Secret draft" not in en and "nháp bí mật" not in vi


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=thu-cong-my-nghe", ["Bát Tràng pottery village", "Dong Xuan design studio"]),
        ("sector=thiet-ke", ["Bát Tràng pottery village", "Dong Xuan design studio", "Hanoi creative space"]),
        ("sector=am-thuc", ["Ha Thanh kitchen"]),
        ("kind=village", ["Bát Tràng pottery village"]),
        ("kind=space", ["Hanoi creative space"]),
        ("in_network=1", ["Ha Thanh kitchen", "Hanoi creative space"]),
        ("commerce_ready=1", ["Bát Tràng pottery village", "Dong Xuan design studio"]),
        ("wholesale=on", ["Bát Tràng pottery village", "Dong Xuan design studio"]),
        ("export=1", ["Bát Tràng pottery village", "Ha Thanh kitchen"]),
        ("custom_orders=1", ["Dong Xuan design studio", "Hanoi creative space"]),
        ("in_network=0", ALL_EN),
    ],
)
def test_each_filter_narrows_the_directory(client, directory, query, expected):
    assert names(get(client, f"/en/exhibitors/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=thiet-ke&wholesale=1", ["Bát Tràng pottery village", "Dong Xuan design studio"]),
        ("sector=thiet-ke&kind=space", ["Hanoi creative space"]),
        ("export=1&in_network=1", ["Ha Thanh kitchen"]),
        ("sector=thu-cong-my-nghe&custom_orders=1&commerce_ready=1", ["Dong Xuan design studio"]),
        ("sector=am-thuc&kind=village", []),
        ("q=gom&sector=thu-cong-my-nghe", ["Bát Tràng pottery village"]),
        ("q=ha+noi&in_network=1", ["Hanoi creative space"]),
    ],
)
def test_filters_combine(client, directory, query, expected):
    assert names(get(client, f"/en/exhibitors/?{query}")) == expected


def facet_counts(page: str) -> dict[tuple[str, str], int]:
    """{(field, value): count} for every select option and checkbox of the filter form."""
    document = parse(page)
    counts = {}
    for select in document.iter("select"):
        for option in select.iter("option"):
            counts[(select.get("name"), option.get("value"))] = int(re.search(r"\((\d+)\)$", option.text).group(1))
    for box in document.iter("input"):
        if box.get("type") == "checkbox":
            label = document.find(f".//label[@for='{box.get('id')}']")
            text = "".join(label.itertext())
            counts[(box.get("name"), box.get("value"))] = int(re.search(r"\((\d+)\)$", text).group(1))
    return counts


@pytest.mark.parametrize("base", ["", "wholesale=1", "sector=thiet-ke&in_network=1", "kind=brand", "q=ha+noi"])
def test_facet_counts_match_what_each_filter_gives(client, directory, base):
    """Each count is the number of units the visitor sees on choosing that value, keeping the other filters."""
    counts = facet_counts(get(client, f"/en/exhibitors/?{base}"))

    assert len(counts) == 1 + 3 + 1 + 8 + 5  # sectors (with "all"), kinds (with "all"), five flags
    for (field, value), count in counts.items():
        params = dict(pair.split("=") for pair in base.split("&") if pair)
        params[field] = value
        query = "&".join(f"{key}={val}" for key, val in params.items())
        assert len(names(get(client, f"/en/exhibitors/?{query}"))) == count, (field, value, query)


def test_facet_counts_are_shown_beside_each_value(client, directory):
    page = get(client, "/en/exhibitors/")

    assert '<option value="thiet-ke">Design (3)</option>' in page
    assert '<option value="" selected>All sectors (4)</option>' in page
    assert '<option value="village">Craft village (1)</option>' in page
    assert "Draft sector" not in page
    counts = facet_counts(page)
    assert counts[("in_network", "1")] == 2 and counts[("export", "1")] == 2 and counts[("custom_orders", "1")] == 2


def test_filters_stay_in_the_form_and_in_pagination_links(client, directory):
    crafts = directory["crafts"]
    for i in range(30):
        unit(name_vi=f"Xưởng mây tre {i:02d}", kind=UnitKind.CREATOR, primary_sector=crafts, wholesale=True)

    first = get(client, "/vi/exhibitors/?sector=thu-cong-my-nghe&wholesale=1&kind=")
    second = get(client, "/vi/exhibitors/?sector=thu-cong-my-nghe&wholesale=1&page=2")

    assert '<option value="thu-cong-my-nghe" selected>' in first
    assert 'name="wholesale" value="1" id="id_wholesale" checked' in first
    assert 'href="?sector=thu-cong-my-nghe&amp;wholesale=1&amp;page=2"' in first
    assert len(names(first)) == 24 and len(names(second)) == 8
    assert set(names(first)).isdisjoint(names(second))
    assert "32 đơn vị sáng tạo" in status_text(second) and "trang 2/2" in status_text(second)
    assert 'href="?sector=thu-cong-my-nghe&amp;wholesale=1&amp;page=1"' in second


def test_search_in_the_directory_ignores_diacritics_and_ranks_best_first(client, directory):
    for query in ["ha+noi", "HA+NOI", "H%C3%A0+N%E1%BB%99i", "Ha%CC%80+N%C3%B4%CC%A3i"]:
        page = get(client, f"/vi/exhibitors/?q={query}")
        assert names(page) == ["Không gian sáng tạo Hà Nội"], query
    assert names(get(client, "/vi/exhibitors/?q=dong+xuan")) == ["Xưởng thiết kế Đồng Xuân"]
    assert names(get(client, "/vi/exhibitors/?q=pottery")) == ["Làng gốm Bát Tràng"]  # English on the Vietnamese page
    # A match in the name comes before a match in the description, whatever the alphabet says.
    page = get(client, "/vi/exhibitors/?q=gom")
    assert names(page) == ["Làng gốm Bát Tràng", "Bếp Hà Thành"]
    assert "2 đơn vị phù hợp với “gom”" in status_text(page)


@pytest.mark.postgres
def test_directory_search_forgives_a_typo_on_postgresql(client, directory):
    assert names(get(client, "/vi/exhibitors/?q=Bat+Trng")) == ["Làng gốm Bát Tràng"]


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("sector=khong-co", "không hiểu"),
        ("kind=spaceship", "không hiểu"),
        ("export=maybe", "không hiểu"),
        ("page=abc", "trang đầu"),
        ("page=9999", "trang cuối"),
        ("page=-3", "trang đầu"),
        ("q=" + "a" * 1000, "200 ký tự"),
        ("q=%21%3F%2E%2C%2A", "không có chữ"),
        ("q=%00%FF%FE", ""),
        ("sector=%3Cscript%3E&page=%3Cscript%3E", "không hiểu"),
    ],
)
def test_bad_values_answer_calmly_with_a_message(client, directory, query, notice):
    response = client.get(f"/vi/exhibitors/?{query}")

    assert response.status_code == 200
    page = response.content.decode()
    assert notice in status_text(page)
    assert "<script>" not in page.split("<main", 1)[1]
    if "q=" not in query:
        assert len(names(page)) == 4  # the filter that was not understood is ignored, the others stay


def test_a_valid_filter_still_applies_beside_a_bad_one(client, directory):
    page = get(client, "/en/exhibitors/?sector=nowhere&export=1")

    assert names(page) == ["Bát Tràng pottery village", "Ha Thanh kitchen"]
    assert "not understood" in status_text(page)


def make_units(count: int, *, sectors: list[Sector], logo: str) -> None:
    """`count` published units in bulk (bulk_create skips save(), so the search columns and the logo's renditions
    are made by hand)."""
    start = CreativeUnit.objects.count()
    units = []
    for i in range(start, start + count):
        new = CreativeUnit(
            name_vi=f"Xưởng gốm Hà Nội {i:04d}",
            name_en=f"Hanoi pottery {i:04d}",
            slug=f"xuong-gom-{i:04d}",
            kind=UnitKind.values[i % len(UnitKind.values)],
            primary_sector=sectors[i % len(sectors)],
            booth=f"C{i}",
            logo=logo,
            in_network=i % 2 == 0,
            wholesale=i % 3 == 0,
            export=i % 5 == 0,
            status=PUBLISHED,
        )
        new.refresh_search_columns()
        renditions.ensure(new)
        units.append(new)
    created = CreativeUnit.objects.bulk_create(units)
    through = CreativeUnit.sectors.through
    through.objects.bulk_create(
        [through(creativeunit_id=u.pk, sector_id=sectors[(k + 1) % len(sectors)].pk) for k, u in enumerate(created)]
    )


@pytest.fixture
def many_sectors(db):
    return [
        Sector.objects.create(name_vi=f"Ngành {i}", name_en=f"Sector {i}", order=i, status=PUBLISHED) for i in range(8)
    ]


@pytest.fixture
def logo(db):
    return default_storage.save("units/logos/logo.png", ContentFile(png_bytes(size=(200, 200))))


@pytest.mark.parametrize(
    "path",
    [
        "/vi/exhibitors/",
        "/en/exhibitors/?sector=nganh-1&wholesale=1&in_network=1",
        "/vi/exhibitors/?q=gom+ha+noi&kind=space&export=1",
        "/vi/exhibitors/?page=2&sector=nganh-2&kind=nowhere",
    ],
)
def test_directory_query_count_is_flat_for_20_and_400_units(client, many_sectors, logo, path):
    def count() -> int:
        queries, response = rendering_queries(client, path)
        assert names(response.content.decode())
        return queries

    make_units(20, sectors=many_sectors, logo=logo)
    few = count()
    make_units(380, sectors=many_sectors, logo=logo)
    many = count()

    assert few == many <= 12


def test_directory_cards_show_a_logo_rendition(client, many_sectors, logo):
    make_units(3, sectors=many_sectors, logo=logo)

    page = get(client, "/vi/exhibitors/")

    card = page.split('<article class="unit-card"', 1)[1].split("</article>", 1)[0]
    assert " 64w, " in card and " 128w" in card and 'alt=""' in card and 'loading="lazy"' in card
    assert "/media/units/logos/logo.png" not in page  # never the original upload


# A unit's page


def test_unit_page_shows_what_a_buyer_needs_in_both_languages(client, directory):
    village = directory["village"]

    vi = get(client, f"/vi/exhibitors/{village.slug}/")
    en = get(client, f"/en/exhibitors/{village.slug}/")

    assert "<h1>Làng gốm Bát Tràng</h1>" in vi and "<h1>Bát Tràng pottery village</h1>" in en
    assert "Gốm men rạn từ thế kỷ 14." in vi and "Crackle-glaze ceramics since the 14th century." in en
    assert "Làng nghề gốm lâu đời bên sông Hồng." in vi and "An old pottery village on the Red River." in en
    assert '<strong class="booth">A1</strong>, Đinh Tiên Hoàng street zone' in en
    assert "Xã Bát Tràng, Gia Lâm" in en
    assert f'<a href="/en/sectors/{directory["crafts"].slug}/">Handicrafts</a>' in en
    assert f'<a href="/en/sectors/{directory["design"].slug}/">Design</a>' in en
    # Products: published only, with their anchor, price band and channels.
    assert f'id="product-{village.products.get(name_vi="Bình hoa men lam").pk}"' in en
    assert "Blue-glaze vase" in en and "30 cm tall, hand-painted." in en
    assert "1,000,000–5,000,000 VND · Retail · Wholesale · Export" in en
    assert "Draft product" not in en and "Sản phẩm nháp" not in vi
    # Trade facts.
    assert "<dt>Sells wholesale</dt><dd>Yes</dd>" in en and "<dt>Takes custom orders</dt><dd>No</dd>" in en
    assert "<dt>Bán sỉ</dt><dd>Có</dd>" in vi
    assert "200,000–1,000,000 VND" in en and "2–3 weeks" in en and "2–3 tuần" in vi
    # Hosted sessions: published only, linked, in Hanoi time.
    assert f'<a href="/en/programme/{directory["workshop"].slug}/">Pottery painting workshop</a>' in en
    assert "Saturday 10 January 2026, 14:00" in en and "Thứ Bảy, 10/01/2026, 14:00" in vi
    assert "Draft session" not in en
    # Links and public contact.
    assert '<a href="https://battrang.example.vn/" rel="noopener">' in en
    assert '<a href="https://facebook.com/battrang" rel="noopener">' in en
    assert 'href="mailto:lienhe@battrang.example.vn"' in en
    assert 'href="tel:02438741234"' in en
    # Asking for a meeting and starring.
    assert f'<a class="button button-large" href="/en/exhibitors/{village.slug}/meet/">Ask for a meeting</a>' in en
    assert f'href="/vi/exhibitors/{village.slug}/meet/">Đề nghị gặp gỡ</a>' in vi
    assert f'name="item" value="unit:{village.pk}"' in en


def test_unit_page_never_shows_the_private_contact_email(client, directory):
    village = directory["village"]

    for language in ("vi", "en"):
        page = get(client, f"/{language}/exhibitors/{village.slug}/")
        assert "bi-mat@battrang.example.vn" not in page
        assert "bi-mat" not in page


def test_unit_page_carries_organization_json_ld(client, directory):
    village = directory["village"]

    page = get(client, f"/en/exhibitors/{village.slug}/")

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == "Bát Tràng pottery village"
    assert data["description"] == "Crackle-glaze ceramics since the 14th century."
    assert data["url"].endswith(f"/en/exhibitors/{village.slug}/")
    assert data["address"]["streetAddress"] == "Xã Bát Tràng" and data["address"]["addressCountry"] == "VN"
    assert data["sameAs"] == ["https://battrang.example.vn/", "https://facebook.com/battrang"]
    assert data["email"] == "lienhe@battrang.example.vn" and data["telephone"] == "024 3874 1234"
    assert "bi-mat" not in block


def test_unit_json_ld_has_the_logo_and_leaves_out_what_is_missing(client, directory, logo):
    space = directory["space"]
    space.logo = logo
    space.save()

    page = get(client, f"/vi/exhibitors/{space.slug}/")

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["logo"].startswith("http") and data["logo"].endswith(".webp")
    assert not {"email", "telephone", "sameAs", "address"} & set(data)
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', page).group(1)
    assert og_image.startswith("http") and og_image.endswith(".webp")  # the logo, for link previews
    header = page.split('<header class="unit-header">', 1)[1].split("</header>", 1)[0]
    assert 'alt=""' in header and 'loading="lazy"' not in header  # the main image is not lazy


def test_drafts_and_unknown_units_are_not_found(client, directory):
    assert client.get(f"/vi/exhibitors/{directory['draft'].slug}/").status_code == 404
    assert client.get("/en/exhibitors/khong-co-don-vi-nay/").status_code == 404


def test_unit_page_runs_few_queries(client, directory, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        get(client, f"/vi/exhibitors/{directory['village'].slug}/")


# A sector's page


def test_sector_page_shows_its_units_and_sessions_in_both_languages(client, directory):
    crafts = directory["crafts"]

    vi = get(client, f"/vi/sectors/{crafts.slug}/")
    en = get(client, f"/en/sectors/{crafts.slug}/")

    assert "Thủ công mỹ nghệ</h1>" in vi and "Handicrafts</h1>" in en
    assert "Gốm, sơn mài, mây tre đan." in vi and "Ceramics, lacquer, bamboo." in en
    assert names(en) == ["Bát Tràng pottery village", "Dong Xuan design studio"]
    assert names(vi) == ["Làng gốm Bát Tràng", "Xưởng thiết kế Đồng Xuân"]
    assert f'<a href="/en/programme/{directory["workshop"].slug}/">Pottery painting workshop</a>' in en
    assert "Saturday 10 January 2026, 14:00" in en and "Thứ Bảy, 10/01/2026, 14:00" in vi
    assert "Draft session" not in en and "Secret draft" not in en
    assert "illustrative" in en and "minh họa" in vi
    assert f'<a href="/en/sectors/{directory["design"].slug}/">Design</a>' in en
    assert f'<a href="/en/sectors/{directory["food"].slug}/">Food</a>' in en
    assert "Draft sector" not in en
    assert f'href="/en/exhibitors/?sector={crafts.slug}"' in en
    assert ' style="' not in en


def test_sector_page_caps_its_units_and_links_to_the_filtered_directory(client, many_sectors, logo):
    make_units(160, sectors=many_sectors, logo=logo)
    sector = many_sectors[0]
    expected = CreativeUnit.objects.filter(primary_sector=sector).count() + sector.units.count()

    page = get(client, f"/en/sectors/{sector.slug}/")

    assert len(names(page)) == 12
    assert f"See all {expected} units in the directory" in page
    assert f'href="/en/exhibitors/?sector={sector.slug}"' in page


def test_draft_and_unknown_sectors_are_not_found(client, directory):
    assert client.get(f"/vi/sectors/{directory['hidden'].slug}/").status_code == 404
    assert client.get("/vi/sectors/khong-co/").status_code == 404


def test_sector_query_count_is_flat_for_20_and_400_units(client, many_sectors, logo):
    path = f"/vi/sectors/{many_sectors[0].slug}/"

    def count() -> int:
        return rendering_queries(client, path)[0]

    make_units(20, sectors=many_sectors, logo=logo)
    few = count()
    make_units(380, sectors=many_sectors, logo=logo)
    many = count()

    assert few == many <= 12


# Every page


def page_paths(directory) -> list[str]:
    return [
        "/vi/exhibitors/",
        "/en/exhibitors/?sector=thiet-ke&wholesale=1&q=studio",
        "/vi/exhibitors/?sector=nowhere&page=abc",
        f"/vi/exhibitors/{directory['village'].slug}/",
        f"/en/exhibitors/{directory['kitchen'].slug}/",
        f"/vi/sectors/{directory['crafts'].slug}/",
        f"/en/sectors/{directory['food'].slug}/",
    ]


def test_pages_set_no_cookies(client, directory):
    for path in page_paths(directory):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response.cookies, path
        assert "Set-Cookie" not in response.headers, path


def test_pages_are_valid_html_with_one_h1_and_no_inline_style(client, directory):
    for path in page_paths(directory):
        page = get(client, path)
        document = parse(page)  # raises on any parse error
        assert len(document.findall(".//h1")) == 1, path
        assert not [element for element in document.iter() if element.get("style") is not None], path
        scripts = [s for s in document.iter("script") if not s.get("src")]
        assert all(s.get("type") == "application/ld+json" for s in scripts), path
