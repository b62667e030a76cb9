"""Home, partners and visit pages as a visitor sees them, in both languages."""

import re

import pytest
from django.test import Client

from core.models import Status
from exhibitors.models import Partner, Sector
from tests.helpers import parse, rendering_queries
from tests.sitedata import make_site

PAGES = ["/vi/", "/en/", "/vi/partners/", "/en/partners/", "/vi/visit/", "/en/visit/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_page_is_valid_html_with_one_h1_and_the_right_lang(client, path):
    make_site(2)

    response = client.get(path)

    assert response.status_code == 200
    document = parse(response)
    assert document.get("lang") == path.split("/")[1]
    assert len(document.findall(".//h1")) == 1
    assert document.find(".//main") is not None


@pytest.mark.django_db
def test_home_shows_the_figures_counted_from_published_data():
    make_site(3)
    client = Client()

    vi = client.get("/vi/").content.decode()
    en = client.get("/en/").content.decode()

    figures = re.findall(r'<span class="figure-number">([^<]+)</span>', vi)
    # units (the announcement's headline, whatever the directory holds), sectors, sessions, works — drafts not counted
    assert figures == ["200+", "1", "3", "3"]
    assert re.findall(r'<span class="figure-number">([^<]+)</span>', en) == figures
    assert "hơn 200 đơn vị sáng tạo" in vi and "more than 200 creative units" in en
    assert "khoảng 200" not in vi
    assert "creative units" in en
    assert "<h1" in vi and "Tụ hội sáng tạo</h1>" in vi
    assert "Creative Gathering</h1>" in en


@pytest.mark.django_db
def test_home_counts_each_sector_as_the_directory_does(client):
    """A unit counts in its main sector and in its other sectors, on the home page as in the directory's filter."""
    site = make_site(4)
    second = Sector.objects.create(name_vi="Thiết kế", name_en="Design", order=9, status=Status.PUBLISHED)
    site["units"][0].sectors.add(second)

    home = parse(client.get("/en/"))
    directory = parse(client.get("/en/exhibitors/"))

    on_home = {
        " ".join("".join(li.find(".//a").itertext()).split()): " ".join("".join(li.itertext()).split())
        for li in home.iter("li")
        if li.get("class") == "sector"
    }
    options = {
        " ".join((option.text or "").split())
        for option in directory.iter("option")
        if option.get("value") not in ("", None)
    }
    assert on_home["Design"].endswith("1 unit")
    assert on_home["Handicrafts 0"].endswith("4 units")
    assert "Design (1)" in options and "Handicrafts 0 (4)" in options


@pytest.mark.django_db
def test_home_lists_highlights_sectors_and_exhibition_in_the_page_language(client):
    make_site(2)

    vi = client.get("/vi/").content.decode()
    en = client.get("/en/").content.decode()

    assert "Tọa đàm sáng tạo 0" in vi and "Creative talk 0" in en
    assert "Thứ Bảy, 10/01/2026" in vi and "Saturday 10 January 2026" in en
    assert "GMT+7" in vi and "GMT+7" in en
    assert "Thủ công mỹ nghệ 0" in vi and "Handicrafts 0" in en
    assert "Chất Địa Phương" in vi and "Local Essence" in en
    assert "minh họa" in vi  # the sector list is said to be illustrative
    assert "illustrative" in en
    assert "Phiên nháp" not in vi and "Draft session" not in en


@pytest.mark.django_db
def test_artwork_thumbnails_are_renditions_with_srcset_and_dimensions(client):
    make_site(2)

    page = client.get("/en/").content.decode()

    images = re.findall(r"<img [^>]*>", page)
    work_images = [tag for tag in images if 'alt="A crowded market"' in tag]
    assert len(work_images) == 2
    for tag in work_images:
        assert "srcset=" in tag and 'width="' in tag and 'height="' in tag
        assert ".webp" in tag


@pytest.mark.django_db
def test_english_page_falls_back_to_vietnamese_with_a_hint(client):
    site = make_site(1)
    venue = site["venue"]
    assert venue.description_en in (None, "")

    page = client.get("/en/visit/").content.decode()

    assert "Nơi diễn ra bốn diễn đàn." in page
    assert "not yet translated" in page
    assert "chưa" not in client.get("/vi/visit/").content.decode().split("<main")[1].split("untranslated")[0]


@pytest.mark.django_db
def test_partners_page_groups_published_partners_by_role(client):
    make_site(2)

    vi = client.get("/vi/partners/").content.decode()
    en = client.get("/en/partners/").content.decode()

    assert "Nhà tài trợ 0" in vi and "Sponsor 1" in en
    assert "Nhà tài trợ</h2>" in vi and "Sponsors</h2>" in en
    assert "Đối tác nháp" not in vi and "Draft partner" not in en


@pytest.mark.django_db
def test_visit_page_gives_address_coordinates_and_map_link(client):
    make_site(1)

    page = client.get("/vi/visit/").content.decode()

    assert "Vườn hoa Lý Thái Tổ, phường Hoàn Kiếm" in page
    assert 'href="geo:21.027500,105.853900?q=21.027500,105.853900(' in page
    assert "https://www.openstreetmap.org/?mlat=21.027500&amp;mlon=105.853900" in page


@pytest.mark.django_db
@pytest.mark.parametrize("path", [*PAGES, "/vi/khong-co/", "/en/missing/"])
def test_anonymous_pages_set_no_cookies(client, path):
    make_site(1)

    response = client.get(path)

    assert response.cookies == {} or not response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/vi/", "/en/", "/vi/partners/", "/en/visit/"])
@pytest.mark.parametrize("scale", [1, 10])
def test_pages_run_a_small_fixed_number_of_queries(client, path, scale):
    make_site(scale)

    queries = rendering_queries(client, path)[0]

    assert queries <= (9 if path in ("/vi/", "/en/") else 4)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client):
    def count(path):
        return rendering_queries(client, path)[0]

    make_site(1)
    small = {path: count(path) for path in PAGES}
    make_site(20)
    large = {path: count(path) for path in PAGES}

    assert small == large


@pytest.mark.django_db
def test_head_has_canonical_alternates_and_open_graph(client):
    page = client.get("/en/visit/").content.decode()

    assert '<link rel="canonical" href="http://testserver/en/visit/">' in page
    assert '<link rel="alternate" hreflang="vi" href="http://testserver/vi/visit/">' in page
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/visit/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/vi/visit/">' in page
    assert '<meta property="og:url" content="http://testserver/en/visit/">' in page
    assert '<meta property="og:locale" content="en_GB">' in page
    assert 'property="og:image"' in page


@pytest.mark.django_db
def test_navigation_links_only_to_pages_that_exist(client):
    page = client.get("/vi/").content.decode()
    header = page.split("<header", 1)[1].split("</header>", 1)[0]
    footer = page.split("<footer", 1)[1].split("</footer>", 1)[0]

    links = set(re.findall(r'href="(/[^"]*)"', header + footer))

    assert links
    for link in links:
        target = link.replace("&amp;", "&")
        response = client.get(target, follow=True)
        assert response.status_code == 200, link


@pytest.mark.django_db
def test_demo_notice_shows_only_when_the_setting_says_so(client, settings):
    settings.TUDOI_DEMO = False
    assert "demo-notice" not in client.get("/en/").content.decode()

    settings.TUDOI_DEMO = True
    assert "Demonstration site" in client.get("/en/").content.decode()
    assert "Bản demo" in client.get("/vi/").content.decode()


@pytest.mark.django_db
def test_partner_without_english_name_shows_vietnamese_name(client):
    Partner.objects.create(name_vi="Tạp chí Kiến trúc", role="organiser", status="published")

    page = client.get("/en/partners/").content.decode()

    assert "Tạp chí Kiến trúc" in page
    assert "Organised by" in page


@pytest.mark.django_db
def test_demo_pages_stay_within_the_query_budget_with_all_and_a_tenth_of_the_data(client, demo_content):
    """The acceptance figure: under 12 queries on home, partners and visit, with the demo data and a tenth of it."""
    from events.models import Session
    from exhibitions.models import Artwork
    from exhibitors.models import CreativeUnit

    def counts():
        return {path: rendering_queries(client, path)[0] for path in ("/vi/", "/en/", "/vi/partners/", "/en/visit/")}

    full = counts()
    assert "216" in client.get("/vi/exhibitors/").content.decode()  # the whole demo, counted where units are listed
    for model in (CreativeUnit, Session, Artwork):
        keep = list(model.objects.order_by("pk").values_list("pk", flat=True)[::10])
        model.objects.exclude(pk__in=keep).delete()
    tenth = counts()

    assert all(count < 12 for count in full.values()), full
    assert tenth == full
