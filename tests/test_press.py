"""The press room as journalists and machines use it: releases (with their embargo), feeds, the media kit, the
fact sheet and accreditation, in both languages."""

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import factory
import feedparser
import html5lib
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter

from core.models import Status
from events.models import Session, SessionKind
from exhibitions.models import Artwork
from exhibitors.models import CreativeUnit, Partner, PartnerRole
from press import kit
from press.checks import check_private_media_is_not_public
from press.models import AccreditationRequest, AccreditationStatus, AssetKind, CoverageLink, Licence, PressRelease
from tests import factories
from tests.helpers import jpeg_bytes, parse, rendering_queries, text_of
from tests.sitedata import make_site, png_bytes

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISHED = Status.PUBLISHED
BEFORE = "2026-01-08T08:00:00+07:00"
EMBARGO = datetime(2026, 1, 8, 9, 0, tzinfo=HANOI)
AFTER = "2026-01-08T09:30:00+07:00"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DATES = {"vi": "Thứ Năm, 08/01/2026", "en": "Thursday 8 January 2026"}
DATES_10 = {"vi": "Thứ Bảy, 10/01/2026", "en": "Saturday 10 January 2026"}

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]


def release(**fields) -> PressRelease:
    values = {"status": PUBLISHED, "contact__status": PUBLISHED, **fields}
    return factories.PressReleaseFactory(**values)


def with_image(obj, name="khai-mac.png", size=(200, 150)):
    obj.image.save(name, ContentFile(png_bytes(size=size)), save=True)
    return obj


# The press room


@pytest.mark.parametrize("language", ["vi", "en"])
def test_press_room_lists_releases_newest_first_with_date_and_lead(client, language):
    older = release(
        title_vi="Công bố chương trình",
        title_en="Programme announced",
        summary_vi="Hai ngày, hơn 200 đơn vị.",
        summary_en="Two days, over 200 units.",
        publish_at=datetime(2026, 1, 2, 9, 0, tzinfo=HANOI),
    )
    newer = release(
        title_vi="Khai mạc Tụ hội",
        title_en="The Gathering opens",
        publish_at=datetime(2026, 1, 8, 9, 0, tzinfo=HANOI),
    )
    release(title_vi="Bản nháp", title_en="Draft", status=Status.DRAFT)

    response = client.get(f"/{language}/press/")

    assert response.status_code == 200
    document = parse(response)
    cards = document.findall(".//ol[@class='release-list']/li")
    titles = [text_of(card.find(".//h3")) for card in cards]
    assert titles == [newer.title_vi, older.title_vi] if language == "vi" else [newer.title_en, older.title_en]
    assert text_of(cards[0].find(".//time")) == DATES[language]
    assert (
        cards[1].find(".//p[2]").text
        == {"vi": "Hai ngày, hơn 200 đơn vị.", "en": "Two days, over 200 units."}[language]
    )
    assert [a.get("href") for a in document.findall(".//ol[@class='release-list']//h3/a")] == [
        f"/{language}/press/{newer.slug}/",
        f"/{language}/press/{older.slug}/",
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_press_room_shows_contacts_media_kit_and_links(client, language):
    contact = factories.PressContactFactory(
        name="Phạm Thu Trang", role_vi="Truyền thông", role_en="Communications", phone="+84 24 1234 5678"
    )
    contact.status = PUBLISHED
    contact.save()
    factories.PressContactFactory(name="Liên hệ nháp")
    photo = factories.MediaAssetFactory(
        status=PUBLISHED,
        title_vi="Toàn cảnh khai mạc",
        title_en="Opening, wide view",
        caption_vi="Lễ khai mạc tối 10/1.",
        caption_en="The opening on 10 January.",
        credit="Ảnh: BTC",
        licence=Licence.CC_BY,
    )
    document_asset = factories.MediaAssetFactory(
        status=PUBLISHED,
        kind=AssetKind.DOCUMENT,
        image="",
        document=factory.django.FileField(filename="chuong-trinh.pdf", data=b"%PDF-1.4\n%%EOF\n"),
        title_vi="Chương trình",
        title_en="Programme",
    )
    draft = factories.MediaAssetFactory(title_vi="Ảnh nháp", title_en="Draft photo")

    response = client.get(f"/{language}/press/")
    html = response.content.decode()
    document = parse(response)

    cards = document.findall(".//ul[@class='asset-grid']/li")
    assert [text_of(card.find(".//strong")) for card in cards] == (
        ["Toàn cảnh khai mạc", "Chương trình"] if language == "vi" else ["Opening, wide view", "Programme"]
    )
    photo_card = text_of(cards[0])
    assert {"vi": "Lễ khai mạc tối 10/1.", "en": "The opening on 10 January."}[language] in photo_card
    assert "Ảnh: BTC" in photo_card
    assert {"vi": "Giấy phép:", "en": "Licence:"}[language] in photo_card
    thumbnail = cards[0].find(".//img")
    assert (
        thumbnail.get("srcset")
        and thumbnail.get("width")
        and thumbnail.get("alt") == photo.title_vi * (language == "vi") + photo.title_en * (language == "en")
    )
    downloads = {a.get("href") for a in cards[0].findall(".//p[@class='asset-downloads']/a")}
    assert downloads == {f"/{language}/press/kit/{photo.slug}/web/", photo.image.url}
    assert [a.get("href") for a in cards[1].findall(".//p[@class='asset-downloads']/a")] == [
        document_asset.document.url
    ]
    assert draft.title_vi not in html
    assert "Phạm Thu Trang" in html and "Liên hệ nháp" not in html
    assert 'href="tel:+842412345678"' in html
    links = {a.get("href") for a in document.findall(".//nav[@class='press-links']//a")}
    assert links == {
        f"/{language}/press/kit.zip",
        f"/{language}/press/facts/",
        f"/{language}/press/accreditation/",
        f"/{language}/press/feed/",
        f"/{language}/press/feed/rss/",
    }
    assert len(document.findall(".//h1")) == 1


def test_web_size_download_is_a_rendition_at_most_1600_pixels(client):
    asset = factories.MediaAssetFactory(published=True, image__width=2400, image__height=1200)
    draft = factories.MediaAssetFactory()

    response = client.get(f"/en/press/kit/{asset.slug}/web/")

    assert response.status_code == 302
    assert response["Location"] != asset.image.url
    path = response["Location"].removeprefix("/media/")
    with default_storage.open(path) as rendition, Image.open(rendition) as image:
        assert (image.format, image.size) == ("JPEG", (1600, 800))
    assert client.get(f"/en/press/kit/{draft.slug}/web/").status_code == 404


def test_bad_page_numbers_get_a_notice_not_an_error(client):
    for i in range(3):
        release(title_vi=f"Thông cáo {i}")

    answers = {page: client.get(f"/en/press/?page={page}") for page in ["abc", "0", "99999", "%00", "1" * 500]}

    assert {page: response.status_code for page, response in answers.items()} == dict.fromkeys(answers, 200)
    assert "here is the first page" in answers["abc"].content.decode()
    assert "here is the last page" in answers["99999"].content.decode()


# A release


@pytest.mark.parametrize("language", ["vi", "en"])
def test_release_page_shows_text_as_escaped_paragraphs_image_credit_and_contact(client, language):
    item = release(
        title_vi="Khai mạc Tụ hội sáng tạo",
        title_en="Creative Gathering opens",
        body_vi="Đoạn một <script>alert(1)</script>.\n\nĐoạn hai.",
        body_en="First paragraph <b>bold</b>.\n\nSecond paragraph.",
        image_credit="Ảnh: Minh Anh/BTC",
        image_alt_vi="Đám đông bên hồ",
        image_alt_en="A crowd by the lake",
        publish_at=datetime(2026, 1, 8, 9, 0, tzinfo=HANOI),
        contact__name="Phạm Thu Trang",
    )
    with_image(item)

    response = client.get(f"/{language}/press/{item.slug}/")

    assert response.status_code == 200
    document = parse(response)
    assert text_of(document.find(".//h1")) == {"vi": item.title_vi, "en": item.title_en}[language]
    paragraphs = [text_of(p) for p in document.findall(".//div[@class='release-body']/p")]
    assert (
        paragraphs
        == {
            "vi": ["Đoạn một <script>alert(1)</script>.", "Đoạn hai."],
            "en": ["First paragraph <b>bold</b>.", "Second paragraph."],
        }[language]
    )
    assert document.find(".//div[@class='release-body']//script") is None
    figure = document.find(".//figure[@class='release-figure']")
    image = figure.find("img")
    assert image.get("alt") == {"vi": "Đám đông bên hồ", "en": "A crowd by the lake"}[language]
    assert image.get("loading") is None  # the main image is not lazy
    assert text_of(figure.find("figcaption")) == "Ảnh: Minh Anh/BTC"
    assert "Phạm Thu Trang" in text_of(document.find(".//section[@class='release-contact']"))
    assert DATES[language] in text_of(document.find(".//p[@class='release-date']"))
    stylesheets = [link.get("href") for link in document.findall(".//head/link[@rel='stylesheet']")]
    assert "/static/css/press.css" in stylesheets


def test_release_english_page_falls_back_to_vietnamese_with_a_hint(client):
    item = release(title_vi="Chỉ có tiếng Việt", title_en="", body_en="")

    html = client.get(f"/en/press/{item.slug}/").content.decode()

    assert "Chỉ có tiếng Việt" in html and "Nội dung thông cáo." in html
    assert "not yet translated" in html


def test_print_stylesheet_is_a4_and_hides_navigation():
    css = (Path(__file__).resolve().parent.parent / "static/css/press.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]

    assert "size: A4" in print_rules
    assert re.search(r"\.site-header[^{]*\{\s*display: none", print_rules)


def json_ld_blocks(response) -> list[dict]:
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    return [json.loads(s.text) for s in document.iter("script") if s.get("type") == "application/ld+json"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_release_carries_news_article_json_ld(client, settings, language):
    settings.TUDOI_SITE_URL = "https://tuhoi.example.org"
    item = with_image(
        release(
            title_vi="Khai mạc </script> Tụ hội",
            title_en="Opening </script> of the Gathering",
            summary_vi="Tóm tắt.",
            summary_en="Summary.",
            publish_at=datetime(2026, 1, 8, 9, 0, tzinfo=HANOI),
        )
    )

    (data,) = json_ld_blocks(client.get(f"/{language}/press/{item.slug}/"))

    url = f"https://tuhoi.example.org/{language}/press/{item.slug}/"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == {"vi": item.title_vi, "en": item.title_en}[language]
    assert data["description"] == {"vi": "Tóm tắt.", "en": "Summary."}[language]
    assert data["datePublished"] == "2026-01-08T09:00:00+07:00"
    assert datetime.fromisoformat(data["dateModified"]) >= datetime.fromisoformat(data["datePublished"])
    assert data["inLanguage"] == language
    assert data["url"] == url and data["mainEntityOfPage"]["@id"] == url
    assert data["author"]["@type"] == data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("https://tuhoi.example.org/static/")
    (image,) = data["image"]
    assert (
        image.startswith("https://tuhoi.example.org/media/") and image != f"https://tuhoi.example.org{item.image.url}"
    )


def test_release_slug_never_takes_a_press_room_path(client):
    item = release(title_vi="Feed", title_en="Feed")

    assert item.slug == "feed-2"
    assert client.get(f"/en/press/{item.slug}/").status_code == 200
    typed = PressRelease(title_vi="Số liệu", body_vi="Nội dung.", slug="facts")
    with pytest.raises(ValidationError) as refused:
        typed.full_clean()
    assert "slug" in refused.value.message_dict


# Embargo


def test_embargoed_release_is_nowhere_until_its_time_then_everywhere(client, monkeypatch, settings):
    """Page, press room, both feeds, sitemap, API and search, with the clock set before and after the embargo."""
    public = release(
        title_vi="Thông cáo đã công bố", title_en="Published release", publish_at=datetime(2026, 1, 2, tzinfo=HANOI)
    )
    embargoed = release(
        title_vi="Thông cáo bị cấm đăng", title_en="Embargoed release", summary_en="Secret", publish_at=EMBARGO
    )
    page = f"/en/press/{embargoed.slug}/"

    def visible() -> dict:
        sitemap = ElementTree.fromstring(client.get("/sitemap-press.xml").content)  # the index's press file
        api = client.get("/api/v1/releases/").json()
        return {
            "page": client.get(page).status_code,
            "list": "Embargoed release" in client.get("/en/press/").content.decode(),
            "atom": [e.title for e in feedparser.parse(client.get("/en/press/feed/").content).entries],
            "rss": [e.title for e in feedparser.parse(client.get("/en/press/feed/rss/").content).entries],
            "sitemap": f"http://testserver{page}" in [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")],
            "api": [record["title"]["en"] for record in api["results"]],
            "api record": client.get(f"/api/v1/releases/{embargoed.slug}/").status_code,
            "search": "Embargoed release" in client.get("/en/search/", {"q": "release"}).content.decode(),
        }

    monkeypatch.setenv("TUDOI_NOW", BEFORE)
    before = visible()
    monkeypatch.setenv("TUDOI_NOW", AFTER)
    after = visible()

    assert before == {
        "page": 404,
        "list": False,
        "atom": [public.title_en],
        "rss": [public.title_en],
        "sitemap": False,
        "api": [public.title_en],
        "api record": 404,
        "search": False,
    }
    assert after == {
        "page": 200,
        "list": True,
        "atom": [embargoed.title_en, public.title_en],
        "rss": [embargoed.title_en, public.title_en],
        "sitemap": True,
        "api": [embargoed.title_en, public.title_en],
        "api record": 200,
        "search": True,
    }


def test_draft_release_is_not_found(client):
    draft = release(status=Status.DRAFT)

    assert client.get(f"/vi/press/{draft.slug}/").status_code == 404
    assert client.get("/vi/press/no-such-release/").status_code == 404


# Feeds


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("path", ["feed/", "feed/rss/"])
def test_feeds_parse_with_titles_summaries_and_links_in_their_language(client, settings, language, path):
    settings.TUDOI_SITE_URL = "https://tuhoi.example.org"
    first = release(
        title_vi="Khai mạc & chào đón",
        title_en="Opening & welcome",
        summary_vi="Tóm tắt <b>đậm</b>.",
        summary_en="Summary <b>bold</b>.",
        publish_at=datetime(2026, 1, 8, 9, 0, tzinfo=HANOI),
    )
    untranslated = release(
        title_vi="Chỉ có tiếng Việt", title_en="", publish_at=datetime(2026, 1, 2, 9, 0, tzinfo=HANOI)
    )
    release(title_vi="Bản nháp", status=Status.DRAFT)

    response = client.get(f"/{language}/press/{path}")
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml" if path == "feed/" else "application/rss+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == ("atom10" if path == "feed/" else "rss20")
    assert (
        feed.feed.title
        == {"vi": "Tụ hội sáng tạo 2026: thông cáo báo chí", "en": "Creative Gathering 2026: press releases"}[language]
    )
    assert feed.feed.link == f"https://tuhoi.example.org/{language}/press/"
    assert [entry.title for entry in feed.entries] == [
        {"vi": first.title_vi, "en": first.title_en}[language],
        untranslated.title_vi,
    ]
    assert [entry.link for entry in feed.entries] == [
        f"https://tuhoi.example.org/{language}/press/{first.slug}/",
        f"https://tuhoi.example.org/{language}/press/{untranslated.slug}/",
    ]
    # The summary is text: its "<b>" is shown, not obeyed.
    assert "&lt;b&gt;" in feed.entries[0].summary
    assert {"vi": "Tóm tắt", "en": "Summary"}[language] in feed.entries[0].summary
    assert feed.entries[0].published_parsed[:5] == (2026, 1, 8, 2, 0)  # 09:00 in Hanoi is 02:00 UTC
    if path == "feed/rss/":
        assert feed.feed.language == language


@pytest.mark.parametrize("path", ["/vi/", "/en/programme/", "/vi/press/facts/"])
def test_every_page_advertises_both_feeds_in_its_language(client, path):
    make_site(1, images=False)

    document = parse(client.get(path))

    alternates = {
        (link.get("type"), link.get("href"))
        for link in document.findall(".//head/link[@rel='alternate']")
        if link.get("type") in ("application/atom+xml", "application/rss+xml")
    }
    language = path.split("/")[1]
    # The programme page also offers its own feed of programme changes.
    assert alternates - {("application/atom+xml", f"/{language}/programme/changes/feed/")} == {
        ("application/atom+xml", f"/{language}/press/feed/"),
        ("application/rss+xml", f"/{language}/press/feed/rss/"),
    }
    assert {client.get(href).status_code for _type, href in alternates} == {200}


# The media kit


def open_kit(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def manifest(archive: zipfile.ZipFile) -> list[dict]:
    text = archive.read("manifest.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_kit_zip_holds_published_originals_fact_sheets_and_a_manifest(client, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", BEFORE)
    make_site(2, images=False)
    logo = factories.MediaAssetFactory(
        status=PUBLISHED,
        kind=AssetKind.LOGO,
        title_vi="Logo Tụ hội",
        title_en="Gathering logo",
        image=factory.django.ImageField(filename="logo.png", format="PNG", width=40, height=40),
        credit="BTC Tụ hội sáng tạo",
        licence=Licence.PRESS,
        order=1,
    )
    photo = factories.MediaAssetFactory(
        status=PUBLISHED,
        title_vi="Toàn cảnh",
        title_en="Wide view",
        caption_vi="Hồ Gươm ngày khai mạc.",
        caption_en="The lake on the opening day.",
        credit="Ảnh: Minh Anh",
        licence=Licence.CC_BY,
        order=2,
    )
    pdf = factories.MediaAssetFactory(
        status=PUBLISHED,
        kind=AssetKind.DOCUMENT,
        image="",
        document=factory.django.FileField(filename="chuong-trinh.pdf", data=b"%PDF-1.4\n%%EOF\n"),
        title_vi="Chương trình",
        credit="BTC",
        order=3,
    )
    factories.MediaAssetFactory(title_vi="Ảnh nháp", credit="Nháp")
    factories.MediaAssetFactory(status=PUBLISHED, title_vi="Ảnh bị cấm đăng", credit="Cấm", publish_at=EMBARGO)

    archive = open_kit(client.get("/vi/press/kit.zip"))

    assert archive.testzip() is None
    rows = manifest(archive)
    assert [(r["file"], r["title_vi"], r["title_en"], r["credit"], r["licence"]) for r in rows] == [
        (f"logos/{logo.slug}.png", "Logo Tụ hội", "Gathering logo", "BTC Tụ hội sáng tạo", "press"),
        (f"photos/{photo.slug}.jpg", "Toàn cảnh", "Wide view", "Ảnh: Minh Anh", "cc-by-4.0"),
        (f"documents/{pdf.slug}.pdf", "Chương trình", pdf.title_en, "BTC", "press"),
    ]
    assert (rows[1]["caption_vi"], rows[1]["caption_en"]) == ("Hồ Gươm ngày khai mạc.", "The lake on the opening day.")
    assert rows[1]["licence_name"] == "Creative Commons Attribution 4.0"
    assert set(archive.namelist()) == {r["file"] for r in rows} | {
        "manifest.csv",
        "fact-sheet-vi.html",
        "fact-sheet-en.html",
    }
    with photo.image.open("rb") as original:
        assert archive.read(f"photos/{photo.slug}.jpg") == original.read()
    assert archive.read(f"documents/{pdf.slug}.pdf") == b"%PDF-1.4\n%%EOF\n"
    fact_sheets = {lang: archive.read(f"fact-sheet-{lang}.html").decode() for lang in ("vi", "en")}
    assert '<html lang="vi">' in fact_sheets["vi"] and "Bảng số liệu" in fact_sheets["vi"]
    assert '<html lang="en">' in fact_sheets["en"] and "Creative units by sector" in fact_sheets["en"]
    for html in fact_sheets.values():
        html5lib.HTMLParser(strict=True).parse(html)
        assert "Thủ công mỹ nghệ 0" in html or "Handicrafts 0" in html


def test_kit_zip_is_built_once_and_rebuilt_when_an_asset_changes(client, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", BEFORE)
    asset = factories.MediaAssetFactory(published=True, caption_vi="Chú thích cũ")
    builds = []
    real_build = kit.build_kit

    def counting_build(*args, **kwargs):
        builds.append(kwargs["assets"])
        return real_build(*args, **kwargs)

    monkeypatch.setattr(kit, "build_kit", counting_build)

    first = client.get("/vi/press/kit.zip")
    second = client.get("/en/press/kit.zip")
    assert len(builds) == 1
    assert first["ETag"] == second["ETag"]
    assert client.get("/vi/press/kit.zip", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    asset.caption_vi = "Chú thích mới"
    asset.save()
    changed = open_kit(client.get("/vi/press/kit.zip"))
    assert len(builds) == 2
    assert manifest(changed)[0]["caption_vi"] == "Chú thích mới"

    factories.MediaAssetFactory(status=PUBLISHED, title_vi="Ảnh công bố lúc 9 giờ", publish_at=EMBARGO)
    client.get("/vi/press/kit.zip")
    assert len(builds) == 2  # still embargoed: nothing the kit shows has changed
    monkeypatch.setenv("TUDOI_NOW", AFTER)
    after_embargo = open_kit(client.get("/vi/press/kit.zip"))
    assert len(builds) == 3
    assert [row["title_vi"] for row in manifest(after_embargo)] == [asset.title_vi, "Ảnh công bố lúc 9 giờ"]
    _folders, stored = default_storage.listdir(kit.KIT_FOLDER)
    assert len(stored) == 1  # older kits are removed


def test_kit_zip_is_rebuilt_when_a_figure_of_the_fact_sheet_changes(client, monkeypatch):
    site = make_site(1, images=False)
    builds = []
    real_build = kit.build_kit
    monkeypatch.setattr(kit, "build_kit", lambda *a, **k: builds.append(1) or real_build(*a, **k))

    client.get("/vi/press/kit.zip")
    CreativeUnit.objects.filter(pk=site["units"][0].pk).update(status=Status.DRAFT)
    archive = open_kit(client.get("/vi/press/kit.zip"))

    assert len(builds) == 2
    assert 'data-key="thu-cong-my-nghe-0">0<' in archive.read("fact-sheet-en.html").decode()


def test_kit_zip_without_assets_still_opens(client):
    archive = open_kit(client.get("/en/press/kit.zip"))

    assert manifest(archive) == []
    assert "manifest.csv" in archive.namelist()


# The fact sheet


def table_values(document, chart: str) -> dict[str, int]:
    table = document.find(f".//table[@id='{chart}-table']")
    if table is None:
        return {}
    return {td.get("data-key"): int(td.text) for td in table.iter("td") if td.get("data-key")}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_fact_sheet_figures_are_counted_from_published_data(client, monkeypatch, language):
    monkeypatch.setenv("TUDOI_NOW", BEFORE)
    site = make_site(5, images=False)  # one sector, five units, five talks, five works, five sponsors
    venue = site["venue"]
    for kind in (SessionKind.WORKSHOP, SessionKind.WORKSHOP, SessionKind.PERFORMANCE):
        factories.SessionFactory(kind=kind, venue=venue, published=True)
    factories.SessionFactory(kind=SessionKind.TOUR, venue=venue, status=PUBLISHED, publish_at=EMBARGO)
    factories.PartnerFactory(role=PartnerRole.MEDIA, published=True)
    factories.CreativeUnitFactory(primary_sector=site["sectors"][0], status=PUBLISHED, publish_at=EMBARGO)

    response = client.get(f"/{language}/press/facts/")

    assert response.status_code == 200
    document = parse(response)
    sector = site["sectors"][0]
    expected_units = CreativeUnit.objects.published().filter(primary_sector=sector).count()
    assert expected_units == 5
    assert table_values(document, "units-by-sector") == {sector.slug: expected_units}
    assert table_values(document, "sessions-by-type") == {"forum": 5, "workshop": 2, "performance": 1}
    assert table_values(document, "partners-by-role") == {"sponsor": 5, "media": 1}
    figures = [text_of(li).split(" ", 1)[0] for li in document.findall(".//ul[@class='fact-figures']/li")]
    works = Artwork.objects.published().count()
    assert works == 5
    # units, sectors, sessions, works, venues, partners
    assert figures == ["5", "1", "8", "5", "1", "6"]
    if language == "en":
        labels = [text_of(li) for li in document.findall(".//ul[@class='fact-figures']/li")]
        assert labels[:2] == ["5 creative units", "1 cultural-industry sector"]
    sector_name = {"vi": sector.name_vi, "en": sector.name_en}[language]
    assert sector_name in text_of(document.find(".//table[@id='units-by-sector-table']"))
    assert Session.objects.published().count() == 8 and Partner.objects.published().count() == 6


def test_fact_sheet_chart_is_svg_with_title_and_description_and_no_style_attribute(client):
    make_site(3, images=False)

    response = client.get("/en/press/facts/")
    html = response.content.decode()
    document = parse(response)

    charts = document.findall(".//{http://www.w3.org/2000/svg}svg") or document.findall(".//svg")
    assert len(charts) == 3
    for chart in charts:
        assert chart.get("role") == "img"
        title_id, desc_id = chart.get("aria-labelledby").split()
        titles = [el for el in chart.iter() if el.get("id") == title_id]
        descriptions = [el for el in chart.iter() if el.get("id") == desc_id]
        assert titles and descriptions and descriptions[0].text.strip()
    assert "Talk or forum: 3" in html  # every value in words, in the chart's description
    assert "style=" not in html


@pytest.mark.parametrize("scale", [1, 20])
def test_fact_sheet_runs_a_small_fixed_number_of_queries(client, django_assert_max_num_queries, scale):
    make_site(scale, images=False)

    with django_assert_max_num_queries(12):
        response = client.get("/vi/press/facts/")

    assert response.status_code == 200


# Coverage


def coverage(**fields) -> CoverageLink:
    return CoverageLink.objects.create(
        **{
            "outlet": "Báo Hà Nội Mới",
            "headline": "Tụ hội sáng tạo khai mạc bên hồ Hoàn Kiếm",
            "url": "https://hanoimoi.example.vn/tu-hoi-sang-tao",
            "published_on": date(2026, 1, 10),
            "language": "vi",
            "status": PUBLISHED,
            **fields,
        }
    )


@pytest.mark.parametrize(("language", "vietnamese_marker"), [("vi", None), ("en", "Tiếng Việt")])
def test_press_room_lists_published_coverage_newest_first_in_the_article_language(client, language, vietnamese_marker):
    coverage()
    coverage(
        outlet="Hanoi Times",
        headline="Creative Gathering opens by the lake",
        url="https://hanoitimes.example.vn/opens",
        published_on=date(2026, 1, 11),
        language="en",
    )
    coverage(headline="Bài chưa duyệt", url="https://bao.example.vn/nhap", status=Status.DRAFT)

    response = client.get(f"/{language}/press/")

    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    section = next(s for s in document.iter("section") if s.get("aria-labelledby") == "coverage-title")
    assert section.find("h2").text == {"vi": "Báo chí viết về sự kiện", "en": "In the press"}[language]
    links = [(a.text, a.get("href"), a.get("lang")) for a in section.iter("a")]
    assert links == [
        ("Creative Gathering opens by the lake", "https://hanoitimes.example.vn/opens", "en"),
        ("Tụ hội sáng tạo khai mạc bên hồ Hoàn Kiếm", "https://hanoimoi.example.vn/tu-hoi-sang-tao", "vi"),
    ]
    items = ["".join(li.itertext()) for li in section.iter("li")]
    assert "Báo Hà Nội Mới" in items[1] and DATES_10[language] in items[1]
    if vietnamese_marker:
        assert vietnamese_marker in items[1] and "English" not in items[0]
    else:
        assert "English" in items[0] and "Tiếng Việt" not in items[1]


def test_press_room_without_coverage_has_no_empty_section(client):
    assert "coverage-title" not in client.get("/vi/press/").content.decode()


def test_coverage_takes_only_web_addresses_and_each_article_once(admin_client):
    coverage()
    url = reverse("admin:press_coveragelink_add")
    data = {
        "outlet": "VnExpress",
        "headline": "Sáng tạo bên hồ",
        "published_on": "2026-01-10",
        "language": "vi",
        "status": "published",
    }

    for address in ("javascript:alert(1)", "ftp://example.vn/a", "https://hanoimoi.example.vn/tu-hoi-sang-tao"):
        response = admin_client.post(url, {**data, "url": address})
        assert response.status_code == 200, address
        assert response.context["adminform"].form.errors["url"], address
    response = admin_client.post(url, {**data, "url": "https://vnexpress.example.net/sang-tao"})
    assert response.status_code == 302
    assert CoverageLink.objects.get(outlet="VnExpress").url == "https://vnexpress.example.net/sang-tao"


# Query budgets and cookies


def press_room_data(count: int) -> PressRelease:
    contacts = [factories.PressContactFactory(published=True) for _ in range(2)]
    last = None
    for i in range(count):
        last = release(contact=contacts[i % 2], summary_vi=f"Tóm tắt {i}")
        factories.MediaAssetFactory(published=True)
        coverage(headline=f"Bài báo {i}", url=f"https://bao.example.vn/bai-{i}")
    return with_image(last)


@pytest.mark.parametrize("count", [1, 30])
def test_press_room_runs_a_small_fixed_number_of_queries(client, count):
    press_room_data(count)

    queries = rendering_queries(client, "/en/press/")[0]

    assert queries <= 12


@pytest.mark.parametrize("count", [1, 30])
def test_release_page_runs_at_most_six_queries(client, count):
    item = press_room_data(count)

    queries = rendering_queries(client, f"/vi/press/{item.slug}/")[0]

    assert queries <= 6


def test_anonymous_press_pages_set_no_cookies(client):
    item = press_room_data(2)
    paths = [
        "/vi/press/",
        "/en/press/",
        f"/vi/press/{item.slug}/",
        "/en/press/facts/",
        "/vi/press/feed/",
        "/en/press/feed/rss/",
        "/vi/press/kit.zip",
    ]

    set_cookies = {path: client.get(path).cookies.keys() for path in paths}

    assert set_cookies == {path: set() for path in paths}


@pytest.mark.parametrize("path", ["/vi/press/", "/en/press/facts/", "/vi/press/accreditation/"])
def test_press_pages_are_valid_html_with_one_h1(client, path):
    press_room_data(2)
    make_site(1, images=False)

    document = parse(client.get(path))

    assert document.get("lang") == path.split("/")[1]
    assert len(document.findall(".//h1")) == 1


# Accreditation


def card_upload(name="the.jpg", content: bytes | None = None, content_type="image/jpeg"):
    return SimpleUploadedFile(name, jpeg_bytes() if content is None else content, content_type=content_type)


def accreditation_data(**overrides) -> dict:
    data = {
        "name": "Đỗ Hải Yến",
        "outlet": "Báo Hà Nội Mới",
        "role": "Phóng viên ảnh",
        "email": "haiyen@example.com",
        "phone": "+84 912 345 678",
        "days": ["2026-01-10", "2026-01-11"],
        "message": "Xin phỏng vấn Ban tổ chức.",
        "press_card": card_upload(),
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


SUBJECTS = {
    "vi": "Đã nhận yêu cầu tác nghiệp của bạn: Tụ hội sáng tạo 2026",
    "en": "We have received your accreditation request: Creative Gathering 2026",
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_accreditation_is_stored_with_its_press_card_and_confirmed_in_the_page_language(
    client, settings, private_media, language
):
    factories.PressContactFactory(published=True, name="Phạm Thu Trang", email="baochi@example.org")
    settings.TUDOI_ORGANISERS_EMAIL = "btc@example.org"

    page = client.get(f"/{language}/press/accreditation/")
    response = client.post(f"/{language}/press/accreditation/", accreditation_data())

    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()
    assert response.status_code == 302 and response["Location"] == f"/{language}/press/accreditation/?done=1"
    stored = AccreditationRequest.objects.get()
    assert (stored.name, stored.outlet, stored.role, stored.email, stored.phone) == (
        "Đỗ Hải Yến",
        "Báo Hà Nội Mới",
        "Phóng viên ảnh",
        "haiyen@example.com",
        "+84 912 345 678",
    )
    assert (stored.days, stored.language, stored.status) == ("2026-01-10, 2026-01-11", language, "pending")
    assert re.fullmatch(r"accreditation/press-card-[0-9a-f]{32}\.jpg", stored.press_card.name)
    assert (private_media / stored.press_card.name).is_file()
    with Image.open(private_media / stored.press_card.name) as card:
        assert card.format == "JPEG"
    journalist, organisers = mail.outbox
    assert journalist.to == ["haiyen@example.com"] and journalist.subject == SUBJECTS[language]
    assert {
        "vi": "Thứ Bảy, 10/01/2026; Chủ nhật, 11/01/2026",
        "en": "Saturday 10 January 2026; Sunday 11 January 2026",
    }[language] in journalist.body
    assert "baochi@example.org" in journalist.body
    assert organisers.to == ["btc@example.org"] and organisers.reply_to == ["haiyen@example.com"]
    assert organisers.subject == "Đăng ký tác nghiệp: Đỗ Hải Yến (Báo Hà Nội Mới)"
    assert f"/admin/press/accreditationrequest/{stored.pk}/change/" in organisers.body
    assert not organisers.attachments and not journalist.attachments
    done = client.get(response["Location"]).content.decode()
    assert {"vi": "Cảm ơn bạn: chúng tôi đã nhận được yêu cầu", "en": "Thank you: we have your request"}[
        language
    ] in done


def test_accreditation_takes_a_pdf_press_card(client, private_media):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    pdf = buffer.getvalue()  # a real one-page PDF: uploads are parsed (tests/test_pdf_uploads.py for refusals)

    client.post(
        "/en/press/accreditation/", accreditation_data(press_card=card_upload("card.PDF", pdf, "application/pdf"))
    )

    stored = AccreditationRequest.objects.get()
    assert stored.press_card.name.endswith(".pdf")
    assert (private_media / stored.press_card.name).read_bytes() == pdf


def test_press_card_image_is_re_encoded_without_metadata(client, private_media):
    exif = Image.Exif()
    exif[0x010F] = "Camera with GPS"  # Make
    client.post(
        "/en/press/accreditation/", accreditation_data(press_card=card_upload(content=jpeg_bytes(exif=exif.tobytes())))
    )

    stored = AccreditationRequest.objects.get()
    with Image.open(private_media / stored.press_card.name) as card:
        assert not card.getexif()


BIG_PDF = b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'


@pytest.mark.parametrize(
    ("language", "upload", "message"),
    [
        ("en", ("card.pdf", b"just some text, not a PDF", "application/pdf"), "This file is none of these."),
        ("vi", ("the.jpg", b"<html><script>x</script></html>", "image/jpeg"), "Tệp này không thuộc định dạng"),
        ("en", ("card.svg", SVG, "image/svg+xml"), "This file is none of these."),
        ("en", ("big.pdf", BIG_PDF, "application/pdf"), "the limit is 5 MB"),
        ("vi", ("big.pdf", BIG_PDF + b"0" * 1024 * 1024, "application/pdf"), "giới hạn là 5 MB"),
    ],
    ids=["text-renamed-pdf", "html-renamed-jpg", "svg", "oversize-en", "oversize-vi"],
)
def test_wrong_or_oversize_press_card_is_refused_with_a_message_and_nothing_stored(
    client, private_media, language, upload, message
):
    response = client.post(f"/{language}/press/accreditation/", accreditation_data(press_card=card_upload(*upload)))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Đỗ Hải Yến"' in html and 'value="Báo Hà Nội Mới"' in html  # what was typed is kept
    assert AccreditationRequest.objects.count() == 0
    assert mail.outbox == []
    assert not private_media.exists() or not any(private_media.rglob("*.*"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_invalid_accreditation_keeps_what_was_typed_and_explains_in_the_page_language(client, language):
    response = client.post(
        f"/{language}/press/accreditation/",
        accreditation_data(email="not an e-mail", days=["2026-01-12", "other"], message="", consent=""),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert AccreditationRequest.objects.count() == 0 and mail.outbox == []
    assert {"vi": "Vui lòng sửa các ô được đánh dấu dưới đây.", "en": "Please correct the fields marked below."}[
        language
    ] in html
    assert 'value="not an e-mail"' in html and 'value="Đỗ Hải Yến"' in html
    assert {
        "vi": "tệp bạn đã chọn không được giữ lại",
        "en": "the file you chose is not kept while the form has errors",
    }[language] in html


def test_other_days_needs_a_message(client):
    response = client.post("/en/press/accreditation/", accreditation_data(days=["other"], message=" "))

    assert "please tell us which days here" in response.content.decode()
    assert AccreditationRequest.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"name": "x" * 10_000},
        {"name": "Yến\r\nBcc: victim@example.org"},
        {"email": "a@example.com\r\nBcc: victim@example.org"},
        {"days": "not-a-day"},
        {"press_card": "just a string"},
        {"message": "\x00"},
        {"phone": "☎"},
    ],
)
def test_bad_accreditation_input_gets_a_form_error_not_a_500(client, data):
    response = client.post("/vi/press/accreditation/", accreditation_data(**data))

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert AccreditationRequest.objects.count() == 0 and mail.outbox == []


def test_honeypot_submission_looks_done_but_stores_and_sends_nothing(client):
    response = client.post("/en/press/accreditation/", accreditation_data(website="http://spam.example"))

    assert response.status_code == 302 and response["Location"].endswith("?done=1")
    assert AccreditationRequest.objects.count() == 0 and mail.outbox == []


def test_accreditation_posts_are_rate_limited_per_address(client):
    answers = [
        client.post("/en/press/accreditation/", accreditation_data(email="bad"), REMOTE_ADDR="203.0.113.7").status_code
        for _ in range(6)
    ]
    other = client.post("/en/press/accreditation/", accreditation_data(email="bad"), REMOTE_ADDR="203.0.113.8")

    assert answers == [200] * 5 + [429]
    assert other.status_code == 200


def test_press_card_is_never_under_the_public_media_url(client, settings, private_media):
    settings.TUDOI_SERVE_MEDIA = True  # Django serves /media/ itself: the card must still not be there
    client.post("/en/press/accreditation/", accreditation_data())
    stored = AccreditationRequest.objects.get()

    assert client.get(f"/media/{stored.press_card.name}").status_code == 404
    assert not (settings.MEDIA_ROOT / stored.press_card.name).exists()
    with pytest.raises(ValueError):
        stored.press_card.url  # noqa: B018 (no address can be made for it)


def test_system_check_refuses_a_private_folder_inside_the_public_one(settings):
    assert check_private_media_is_not_public(None) == []

    settings.TUDOI_PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT / "private"

    assert [error.id for error in check_private_media_is_not_public(None)] == ["press.E001"]


def test_staff_download_the_press_card_through_the_admin_only(client, admin_client, private_media):
    client.post("/en/press/accreditation/", accreditation_data())
    stored = AccreditationRequest.objects.get()
    url = reverse("admin:press_accreditationrequest_press_card", args=[stored.pk])

    anonymous = client.get(url)
    staff = admin_client.get(url)
    change_page = admin_client.get(reverse("admin:press_accreditationrequest_change", args=[stored.pk]))

    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert staff.status_code == 200 and "attachment" in staff["Content-Disposition"]
    assert b"".join(staff.streaming_content) == (private_media / stored.press_card.name).read_bytes()
    assert "private" in staff["Cache-Control"] and "no-store" in staff["Cache-Control"]
    assert url in change_page.content.decode()


def test_deleting_a_request_in_the_admin_deletes_its_press_card(client, admin_client, private_media):
    client.post("/en/press/accreditation/", accreditation_data())
    stored = AccreditationRequest.objects.get()
    path = private_media / stored.press_card.name

    admin_client.post(
        reverse("admin:press_accreditationrequest_changelist"),
        {"action": "delete_selected", "_selected_action": [stored.pk], "post": "yes"},
    )

    assert AccreditationRequest.objects.count() == 0
    assert not path.exists()


DECISIONS = {
    ("approve", "vi"): "Yêu cầu tác nghiệp của bạn đã được duyệt: Tụ hội sáng tạo 2026",
    ("approve", "en"): "Your press accreditation is approved: Creative Gathering 2026",
    ("refuse", "vi"): "Về yêu cầu tác nghiệp của bạn: Tụ hội sáng tạo 2026",
    ("refuse", "en"): "Your press accreditation request: Creative Gathering 2026",
}


@pytest.mark.parametrize("action", ["approve", "refuse"])
def test_admin_decision_emails_each_journalist_in_their_language(admin_client, monkeypatch, action):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")
    vietnamese = factories.AccreditationRequestFactory(language="vi", email="vi@example.com")
    english = factories.AccreditationRequestFactory(language="en", email="en@example.com", days="2026-01-11, other")

    response = admin_client.post(
        reverse("admin:press_accreditationrequest_changelist"),
        {"action": action, "_selected_action": [vietnamese.pk, english.pk]},
    )

    assert response.status_code == 302
    status = AccreditationStatus.APPROVED if action == "approve" else AccreditationStatus.REFUSED
    for item in (vietnamese, english):
        item.refresh_from_db()
        assert (item.status, item.decided_at) == (status, datetime(2026, 1, 5, 10, 0, tzinfo=HANOI))
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "vi@example.com": DECISIONS[(action, "vi")],
        "en@example.com": DECISIONS[(action, "en")],
    }
    if action == "approve":
        english_mail = next(m for m in mail.outbox if m.to == ["en@example.com"])
        assert "Sunday 11 January 2026; other days (as in your message)" in english_mail.body

    # Deciding again the same way sends nothing more.
    admin_client.post(
        reverse("admin:press_accreditationrequest_changelist"),
        {"action": action, "_selected_action": [vietnamese.pk, english.pk]},
    )
    assert len(mail.outbox) == 2


def test_status_changed_in_the_admin_form_emails_the_journalist_too(admin_client, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")
    item = factories.AccreditationRequestFactory(language="en", email="en@example.com")
    data = {
        "name": item.name,
        "outlet": item.outlet,
        "role": "",
        "email": item.email,
        "phone": "",
        "language": "en",
        "days": item.days,
        "message": "",
        "status": "approved",
        "decided_at_0": "",
        "decided_at_1": "",
    }

    response = admin_client.post(reverse("admin:press_accreditationrequest_change", args=[item.pk]), data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.decided_at) == ("approved", datetime(2026, 1, 5, 10, 0, tzinfo=HANOI))
    assert [(m.to, m.subject) for m in mail.outbox] == [(["en@example.com"], DECISIONS[("approve", "en")])]


def test_the_press_desk_exports_the_selected_requests_as_csv(admin_client):
    first = factories.AccreditationRequestFactory(name="Nguyễn Văn An", outlet="Báo Hà Nội Mới", days="2026-01-10")
    second = factories.AccreditationRequestFactory(
        name='=HYPERLINK("http://evil")', outlet="Hanoi Times", status=AccreditationStatus.APPROVED
    )
    factories.AccreditationRequestFactory(name="Not selected")

    response = admin_client.post(
        reverse("admin:press_accreditationrequest_changelist"),
        {"action": "export_csv", "_selected_action": [second.pk, first.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="accreditations-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert [(record["tên"], record["cơ quan báo chí"]) for record in records] == [
        ("Nguyễn Văn An", "Báo Hà Nội Mới"),
        ('\'=HYPERLINK("http://evil")', "Hanoi Times"),  # never runs as a formula
    ]
    assert records[0]["ngày"] == "2026-01-10"
    assert records[1]["trạng thái"] == "Đã duyệt"  # the admin speaks Vietnamese
