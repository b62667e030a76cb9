"""Discovery: /sitemap.xml (valid, both languages with alternates and lastmod, every URL answers), /robots.txt, the
home page's schema.org Event, and embargoed releases kept out of the sitemap and the API until their time."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import xmlschema

from core.models import Status
from events.models import Session, Speaker
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, Partner, PartnerRole, Sector
from press.models import PressRelease
from tests.factories import PressReleaseFactory
from tests.helpers import rendering_queries
from tests.sitedata import make_site

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SITE = "http://127.0.0.1:8000"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SITEMAP_XSD = Path(__file__).parent / "schemas" / "sitemap.xsd"
# The sitemap schema's <xsd:any processContents="strict"> needs a declaration of the alternates it carries:
# <xhtml:link rel="alternate" hreflang="…" href="…"/> with all three attributes.
XHTML_LINK_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/1999/xhtml"
    xmlns="http://www.w3.org/1999/xhtml" elementFormDefault="qualified">
  <xsd:element name="link">
    <xsd:complexType>
      <xsd:attribute name="rel" use="required">
        <xsd:simpleType><xsd:restriction base="xsd:string"><xsd:enumeration value="alternate"/></xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
      <xsd:attribute name="hreflang" use="required">
        <xsd:simpleType><xsd:restriction base="xsd:string"><xsd:pattern value="vi|en|x-default"/></xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
      <xsd:attribute name="href" use="required" type="xsd:anyURI"/>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>
"""


@pytest.fixture
def sitemap_schema(tmp_path):
    xhtml = tmp_path / "xhtml-link.xsd"
    xhtml.write_text(XHTML_LINK_XSD)
    return xmlschema.XMLSchema([str(SITEMAP_XSD), str(xhtml)])


pytestmark = pytest.mark.usefixtures("site_url")


# The sitemaps.org 0.9 index schema (siteindex.xsd, documentation trimmed): /sitemap.xml lists the per-kind files.
SITEINDEX_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:element name="sitemapindex">
    <xsd:complexType><xsd:sequence>
      <xsd:element name="sitemap" type="tSitemap" maxOccurs="unbounded"/>
    </xsd:sequence></xsd:complexType>
  </xsd:element>
  <xsd:complexType name="tSitemap">
    <xsd:all>
      <xsd:element name="loc"><xsd:simpleType><xsd:restriction base="xsd:anyURI">
        <xsd:minLength value="12"/><xsd:maxLength value="2048"/></xsd:restriction></xsd:simpleType></xsd:element>
      <xsd:element name="lastmod" minOccurs="0"><xsd:simpleType><xsd:union>
        <xsd:simpleType><xsd:restriction base="xsd:date"/></xsd:simpleType>
        <xsd:simpleType><xsd:restriction base="xsd:dateTime"/></xsd:simpleType>
      </xsd:union></xsd:simpleType></xsd:element>
    </xsd:all>
  </xsd:complexType>
</xsd:schema>
"""


def section_files(client) -> list[str]:
    """The paths of the files the index /sitemap.xml lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [
        loc.removeprefix(SITE) for loc in (s.findtext("s:loc", namespaces=NS) for s in root.findall("s:sitemap", NS))
    ]


def entries(client, schema=None) -> dict[str, dict]:
    """loc → {"lastmod": text, "alternates": {hreflang: href}}, over every file of the index."""
    result = {}
    for path in section_files(client):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Type"].startswith("application/xml")
        if schema is not None:
            schema.validate(response.content.decode())
        root = ET.fromstring(response.content)
        for url in root.findall("s:url", NS):
            loc = url.findtext("s:loc", namespaces=NS)
            assert loc not in result, f"{loc} listed twice"
            result[loc] = {
                "lastmod": url.findtext("s:lastmod", namespaces=NS),
                "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
                "file": path,
            }
    return result


def both(path: str) -> set[str]:
    """The absolute URLs of a page path given after the language prefix, in both languages."""
    return {f"{SITE}/vi{path}", f"{SITE}/en{path}"}


@pytest.mark.django_db
def test_demo_sitemap_is_valid_lists_every_public_page_in_both_languages_and_every_url_answers(
    client, sitemap_schema, demo_content
):
    # Some 900 pages are fetched; the demo loader made their renditions, so that pages only read them.

    response = client.get("/sitemap.xml")

    assert response["Content-Type"].startswith("application/xml")
    xmlschema.XMLSchema(SITEINDEX_XSD).validate(response.content.decode())
    # One file per kind of page, each valid, each dated by its newest page.
    assert section_files(client) == [
        "/sitemap-pages.xml",
        "/sitemap-programme.xml",
        "/sitemap-units.xml",
        "/sitemap-exhibition.xml",
        "/sitemap-press.xml",
    ]
    urls = entries(client, sitemap_schema)
    index = ET.fromstring(response.content)
    for item in index.findall("s:sitemap", NS):
        path = item.findtext("s:loc", namespaces=NS).removeprefix(SITE)
        newest = max(entry["lastmod"] for entry in urls.values() if entry["file"] == path)
        assert item.findtext("s:lastmod", namespaces=NS) == newest, path
    files = {
        kind: {entry["file"] for loc, entry in urls.items() if re.search(rf"/{kind}/[^/]+/$", loc)}
        for kind in ("exhibitors", "speakers", "artists", "press")
    }
    assert files == {
        "exhibitors": {"/sitemap-units.xml"},
        "speakers": {"/sitemap-programme.xml"},
        "artists": {"/sitemap-exhibition.xml"},
        "press": {"/sitemap-pages.xml", "/sitemap-press.xml"},  # the fact sheet is one of the site's own pages
    }

    expected = set()
    for path in [
        "/",
        "/programme/",
        "/programme/now/",
        "/speakers/",
        "/exhibitors/",
        "/partners/",
        "/about/",
        "/visit/",
        "/press/",
    ]:
        expected |= both(path)
    expected |= both("/press/facts/")
    for session in Session.objects.published():
        expected |= both(f"/programme/{session.slug}/")
    for unit in CreativeUnit.objects.published():
        expected |= both(f"/exhibitors/{unit.slug}/")
    for sector in Sector.objects.published():
        expected |= both(f"/sectors/{sector.slug}/")
    for exhibition in Exhibition.objects.published():
        expected |= both(f"/exhibitions/{exhibition.slug}/")
    for work in Artwork.objects.published().select_related("exhibition"):
        expected |= both(f"/exhibitions/{work.exhibition.slug}/{work.slug}/")
    for artist in Artist.objects.published():
        expected |= both(f"/artists/{artist.slug}/")
    for release in PressRelease.objects.published():
        expected |= both(f"/press/{release.slug}/")
    for speaker in Speaker.objects.published():
        expected |= both(f"/speakers/{speaker.slug}/")
    assert set(urls) == expected

    for loc, entry in urls.items():
        language = loc.removeprefix(SITE).split("/")[1]
        other = "en" if language == "vi" else "vi"
        alternates = entry["alternates"]
        assert set(alternates) == {"vi", "en", "x-default"}
        assert alternates[language] == loc
        assert alternates[other] == loc.replace(f"/{language}/", f"/{other}/", 1)
        assert alternates["x-default"] == alternates["vi"]
        assert alternates[other] in urls  # the other language is listed too
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00", entry["lastmod"]), loc

    failures = []
    for loc in sorted(urls):
        answer = client.get(loc.removeprefix(SITE))
        if answer.status_code != 200:
            failures.append((loc, answer.status_code))
    assert failures == []


@pytest.mark.django_db
def test_lastmod_follows_the_content(client):
    site = make_site(1)
    unit = site["units"][0]
    moment = datetime(2026, 1, 3, 8, 15, 30, tzinfo=HANOI)
    CreativeUnit.objects.filter(pk=unit.pk).update(updated_at=moment)

    urls = entries(client)

    assert urls[f"{SITE}/vi/exhibitors/{unit.slug}/"]["lastmod"] == "2026-01-03T08:15:30+07:00"
    assert urls[f"{SITE}/en/exhibitors/{unit.slug}/"]["lastmod"] == "2026-01-03T08:15:30+07:00"


@pytest.mark.django_db
def test_drafts_are_not_listed(client):
    make_site(2)
    draft_unit = CreativeUnit.objects.get(name_vi="Đơn vị nháp")
    draft_session = Session.objects.get(title_vi="Phiên nháp")
    draft_release = PressReleaseFactory(title_vi="Thông cáo nháp", status=Status.DRAFT)
    published_unit = CreativeUnit.objects.published().first()

    locs = set(entries(client))

    assert both(f"/exhibitors/{published_unit.slug}/") <= locs
    assert not both(f"/exhibitors/{draft_unit.slug}/") & locs
    assert not both(f"/programme/{draft_session.slug}/") & locs
    assert not both(f"/press/{draft_release.slug}/") & locs


@pytest.mark.django_db
def test_an_embargoed_release_appears_in_the_sitemap_and_the_api_only_at_its_time(client, monkeypatch):
    embargo = datetime(2026, 1, 12, 9, 0, tzinfo=HANOI)
    release = PressReleaseFactory(
        title_vi="Tổng kết Tụ hội sáng tạo",
        title_en="Creative Gathering in review",
        status=Status.PUBLISHED,
        publish_at=embargo,
    )
    PressRelease.objects.filter(pk=release.pk).update(updated_at=embargo - timedelta(days=3))  # written before
    page = f"{SITE}/en/press/{release.slug}/"

    monkeypatch.setattr("core.clock.now", lambda: embargo - timedelta(minutes=1))
    assert page not in entries(client)
    listed = client.get("/api/v1/releases/").json()
    assert release.slug not in [record["slug"] for record in listed["results"]]
    assert client.get(f"/api/v1/releases/{release.slug}/").status_code == 404

    monkeypatch.setattr("core.clock.now", lambda: embargo)
    urls = entries(client)
    assert page in urls
    assert urls[page]["lastmod"] == "2026-01-12T09:00:00+07:00"  # when it was released, not when it was written
    listed = client.get("/api/v1/releases/").json()
    record = next(record for record in listed["results"] if record["slug"] == release.slug)
    assert record["title"] == {"vi": "Tổng kết Tụ hội sáng tạo", "en": "Creative Gathering in review"}
    assert record["published_at"] == "2026-01-12T09:00:00+07:00"
    assert client.get(f"/api/v1/releases/{release.slug}/").status_code == 200


@pytest.mark.django_db
def test_sitemap_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    from django.core.cache import cache

    make_site(1)
    with django_assert_max_num_queries(12):
        small = client.get("/sitemap-units.xml")
    make_site(10)
    cache.clear()
    with django_assert_max_num_queries(12):
        client.get("/sitemap.xml")
    with django_assert_max_num_queries(12):
        large = client.get("/sitemap-units.xml")
    assert large.content.count(b"<url>") > small.content.count(b"<url>")
    assert "max-age" in large["Cache-Control"]
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_allows_all_but_admin_and_personal_pages_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    for language in ("vi", "en"):
        assert f"Disallow: /{language}/programme/my/" in lines
        assert f"Disallow: /{language}/programme/*/register/" in lines
        assert f"Disallow: /{language}/exhibitors/*/meet/" in lines
        assert f"Disallow: /{language}/press/accreditation/" in lines
    assert "Disallow: /vi/" not in lines and "Disallow: /" not in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert not response.cookies


def json_ld(page: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.django_db
def test_home_json_ld_is_an_event_with_sessions_venues_organizers_and_sponsors(client):
    site = make_site(3)
    Partner.objects.create(
        name_vi="Sở Văn hóa và Thể thao Hà Nội",
        name_en="Hanoi Department of Culture and Sports",
        role=PartnerRole.ORGANISER,
        url="https://example.org/so-vhtt",
        status=Status.PUBLISHED,
    )

    for language in ("vi", "en"):
        page = client.get(f"/{language}/").content.decode()
        events = [data for data in json_ld(page) if data.get("@type") == "Event"]
        assert len(events) == 1
        event = events[0]
        assert event["@context"] == "https://schema.org"
        assert event["url"] == f"{SITE}/{language}/"
        assert event["inLanguage"] == language
        assert event["name"] == ("Tụ hội sáng tạo" if language == "vi" else "Creative Gathering")
        assert event["startDate"] == "2026-01-10T09:00:00+07:00"
        assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        assert event["isAccessibleForFree"] is True
        assert event["image"][0].startswith(SITE)

        sub_events = event["subEvent"]
        assert [sub["name"] for sub in sub_events] == (
            [f"Tọa đàm sáng tạo {i}" for i in range(3)]
            if language == "vi"
            else [f"Creative talk {i}" for i in range(3)]
        )  # published sessions only: the draft is not there
        first = site["sessions"][0]
        assert sub_events[0]["url"] == f"{SITE}/{language}/programme/{first.slug}/"
        assert sub_events[0]["startDate"] == "2026-01-10T09:00:00+07:00"
        assert sub_events[0]["endDate"] == "2026-01-10T10:00:00+07:00"
        assert sub_events[0]["location"] == {
            "@type": "Place",
            "name": "Nhà Bát Giác" if language == "vi" else "Octagonal House",
            "address": "Vườn hoa Lý Thái Tổ, phường Hoàn Kiếm"
            if language == "vi"
            else "Lý Thái Tổ flower garden, Hoàn Kiếm ward",
        }

        (place,) = event["location"]
        assert place["name"] == ("Nhà Bát Giác" if language == "vi" else "Octagonal House")
        assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 21.0275, "longitude": 105.8539}
        assert place["address"]["addressCountry"] == "VN"

        organisers = [organiser["name"] for organiser in event["organizer"]]
        assert organisers == (
            ["Sở Văn hóa và Thể thao Hà Nội"] if language == "vi" else ["Hanoi Department of Culture and Sports"]
        )
        assert event["organizer"][0]["url"] == "https://example.org/so-vhtt"
        sponsors = {sponsor["name"] for sponsor in event["sponsor"]}
        assert sponsors == (
            {f"Nhà tài trợ {i}" for i in range(3)} if language == "vi" else {"Sponsor 0", "Sponsor 1", "Sponsor 2"}
        )


@pytest.mark.django_db
@pytest.mark.parametrize("scale", [1, 10])
def test_home_with_json_ld_stays_within_its_query_budget(client, scale):
    make_site(scale)

    queries, response = rendering_queries(client, "/vi/")

    assert queries <= 9
    assert len(json_ld(response.content.decode())[0]["subEvent"]) == scale


def test_settings_site_url_is_what_the_sitemap_uses(client, settings):
    settings.TUDOI_SITE_URL = "https://tuhoisangtao.example.com"

    assert "Sitemap: https://tuhoisangtao.example.com/sitemap.xml" in client.get("/robots.txt").content.decode()


@pytest.mark.django_db
def test_a_section_over_the_limit_is_split_into_numbered_files_that_the_index_lists(
    client, sitemap_schema, settings, monkeypatch
):
    from django.core.cache import cache

    settings.TUDOI_PAGE_CACHE = False
    make_site(10)
    expected = set()
    for unit in CreativeUnit.objects.published():
        expected |= both(f"/exhibitors/{unit.slug}/")
    for sector in Sector.objects.published():
        expected |= both(f"/sectors/{sector.slug}/")
    monkeypatch.setattr("tudoi.sitemaps.Section.limit", 6)  # URLs per file; Django's default is the protocol's 50,000
    cache.clear()

    files = [path for path in section_files(client) if path.startswith("/sitemap-units.xml")]
    urls = entries(client)  # no URL in two files
    for path in files:
        sitemap_schema.validate(client.get(path).content.decode())

    count = -(-len(expected) // 6)
    assert count >= 3
    assert files == ["/sitemap-units.xml"] + [f"/sitemap-units.xml?p={number}" for number in range(2, count + 1)]
    assert {loc for loc, entry in urls.items() if entry["file"] in files} == expected
    assert max(sum(entry["file"] == path for entry in urls.values()) for path in files) == 6


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "2", "-1", "1.5", "abc"])
def test_a_sitemap_page_number_that_does_not_exist_is_not_found(client, page):
    make_site(1)

    assert client.get("/sitemap-units.xml", {"p": "1"}).status_code == 200
    assert client.get("/sitemap-units.xml", {"p": page}).status_code == 404


@pytest.mark.django_db
def test_sitemap_files_ask_search_engines_not_to_list_them_as_pages(client):
    make_site(1)

    for path in ["/sitemap.xml", *section_files(client)]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Robots-Tag"] == "noindex, noodp, noarchive", path
