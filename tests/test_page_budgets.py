"""Every public page on a cold process: at most 12 queries and (HTML) under 100 KB, with the demo's amount of
content and with ten times as much.

The content is built once per size for the module (committed outside the tests' transactions, removed at the end)
with bulk inserts, so that ten times the demo (2,160 units, 390 sessions, 900 works) takes seconds. About one row
in three has an image; its renditions are real files made once per kind and shared by the rows, as the pages only
read the stored renditions from the row. Sectors, venues and partners keep the demo's numbers: a bigger crowd
brings more units, sessions and works, not more sectors or sponsors.

"Cold process" here means that every cache the site keeps (Django's caches, the content types, the page cache's
recent pages) is emptied before the request, and the page cache is off: the count is that of a first visit.
"""

import io
import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from PIL import Image

from core import renditions
from core.event import DAYS as EVENT_DAYS
from core.models import Status
from core.search import refresh_statistics
from events.models import (
    DeliveryLanguage,
    Registration,
    Session,
    SessionChange,
    SessionKind,
    Speaker,
    Venue,
)
from exhibitions.models import Artist, Artwork, Exhibition, Region, Technique
from exhibitors.models import CreativeUnit, Partner, PartnerRole, Product, Sector, UnitKind
from press.models import CoverageLink, PressContact, PressRelease
from tests.helpers import cold_process
from tests.sitedata import delete_demo_content, demo_tables
from tudoi.sitemaps import SUB_EVENTS

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISHED = Status.PUBLISHED
MAX_QUERIES = 12
MAX_HTML_BYTES = 100_000
# Per unit of scale: the demo's amounts, rounded.
UNITS, SESSIONS, WORKS, ARTISTS, SPEAKERS, RELEASES, COVERAGE = 216, 39, 90, 45, 30, 6, 10
SECTORS, VENUES, PARTNERS = 8, 5, 24
DAYS = EVENT_DAYS
EXHIBITION_SLUG = "chat-dia-phuong"
DEMO_NOW = "2026-01-10T15:30:00+07:00"


def _png(size=(240, 180), colour="#9b1c1c") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def _image_source(model, field: str, name: str) -> tuple[str, dict]:
    """A stored image for `model.field` and its real renditions: (file name, the `renditions` entry)."""
    instance = model()
    getattr(instance, field).save(name, ContentFile(_png()), save=False)
    renditions.ensure(instance)
    return getattr(instance, field).name, instance.renditions[field]


class Pictures:
    """One real image per model and field, given to every third row."""

    def __init__(self):
        self.sources = {}

    def give(self, obj, field: str, index: int) -> None:
        if index % 3:
            return
        model = type(obj)
        key = (model, field)
        if key not in self.sources:
            self.sources[key] = _image_source(model, field, f"{model._meta.model_name}-{field}.png")
        name, entry = self.sources[key]
        setattr(obj, field, name)
        obj.renditions = {**(obj.renditions or {}), field: entry}


def _searchable(objects):
    for obj in objects:
        obj.refresh_search_columns()
    return objects


def build(scale: int) -> dict:
    """The published site at `scale` times the demo's size, plus one draft of the main kinds."""
    pictures = Pictures()
    sectors = Sector.objects.bulk_create(
        Sector(
            name_vi=f"Ngành sáng tạo {i}",
            name_en=f"Creative sector {i}",
            slug=f"nganh-{i}",
            order=i,
            status=PUBLISHED,
        )
        for i in range(SECTORS)
    )
    venues = Venue.objects.bulk_create(
        Venue(
            name_vi=f"Địa điểm {i}",
            name_en=f"Venue {i}",
            slug=f"dia-diem-{i}",
            address_vi=f"{i} Đinh Tiên Hoàng, phường Hoàn Kiếm",
            address_en=f"{i} Đinh Tiên Hoàng, Hoàn Kiếm ward",
            latitude="21.027500",
            longitude="105.853900",
            description_vi="Nơi diễn ra các hoạt động.",
            order=i,
            status=PUBLISHED,
        )
        for i in range(VENUES)
    )
    partners = []
    roles = list(PartnerRole.values)
    for i in range(PARTNERS):
        partner = Partner(
            name_vi=f"Đối tác {i}",
            name_en=f"Partner {i}",
            slug=f"doi-tac-{i}",
            role=roles[i % len(roles)],
            url=f"https://partner-{i}.example.org/",
            status=PUBLISHED,
        )
        pictures.give(partner, "logo", i)
        partners.append(partner)
    Partner.objects.bulk_create(partners)

    units = []
    kinds = list(UnitKind.values)
    for i in range(UNITS * scale):
        unit = CreativeUnit(
            name_vi=f"Xưởng gốm Đồng Xuân {i}",
            name_en=f"Dong Xuan ceramics studio {i}",
            slug=f"xuong-gom-{i}",
            code=f"HN-{i:05d}",
            kind=kinds[i % len(kinds)],
            primary_sector=sectors[i % SECTORS],
            short_description_vi="Gốm men lam vẽ tay, làm theo đơn đặt hàng.",
            short_description_en="Hand-painted blue-glaze ceramics, made to order.",
            description_vi="Một xưởng nhỏ bên hồ. " * 8,
            description_en="A small studio by the lake. " * 8,
            booth=f"B{i % 300}",
            zone="Phố đi bộ",
            address=f"{i} Hàng Đào",
            district="Hoàn Kiếm",
            website=f"https://unit-{i}.example.org/",
            public_email=f"unit{i}@example.org",
            contact_email=f"contact{i}@example.org",
            in_network=i % 2 == 0,
            commerce_ready=i % 3 == 0,
            wholesale=i % 4 == 0,
            export=i % 5 == 0,
            custom_orders=i % 2 == 1,
            status=PUBLISHED,
        )
        pictures.give(unit, "logo", i)
        pictures.give(unit, "cover", i + 1)
        units.append(unit)
    units = CreativeUnit.objects.bulk_create(_searchable(units), batch_size=500)
    CreativeUnit.sectors.through.objects.bulk_create(
        (
            CreativeUnit.sectors.through(creativeunit_id=unit.pk, sector_id=sectors[(i + 1) % SECTORS].pk)
            for i, unit in enumerate(units)
            if i % 2 == 0
        ),
        batch_size=1000,
    )
    products = []
    for i, unit in enumerate(units):
        product = Product(
            unit=unit,
            name_vi=f"Bình gốm {i}",
            name_en=f"Ceramic vase {i}",
            description_vi="Bình gốm men lam.",
            retail=True,
            wholesale=i % 4 == 0,
            status=PUBLISHED,
        )
        pictures.give(product, "image", i)
        products.append(product)
    Product.objects.bulk_create(_searchable(products), batch_size=500)

    speakers = []
    for i in range(SPEAKERS * scale):
        speaker = Speaker(
            name=f"Nguyễn Thị Diễn Giả {i}",
            slug=f"dien-gia-{i}",
            role_vi="Nhà thiết kế",
            role_en="Designer",
            organisation_vi=f"Xưởng {i}",
            organisation_en=f"Studio {i}",
            bio_vi="Nhà thiết kế làm việc với các làng nghề. " * 4,
            bio_en="A designer working with craft villages. " * 4,
            status=PUBLISHED,
        )
        pictures.give(speaker, "photo", i)
        speakers.append(speaker)
    speakers = Speaker.objects.bulk_create(_searchable(speakers), batch_size=500)

    sessions = []
    session_kinds = [kind for kind in SessionKind.values if kind != SessionKind.EXHIBITION]
    languages = list(DeliveryLanguage.values)
    count = SESSIONS * scale
    per_day = (count + 1) // 2
    for i in range(count):
        day = DAYS[i // per_day]
        slot = i % per_day
        starts = datetime(day.year, day.month, day.day, 8, 0, tzinfo=HANOI) + timedelta(
            minutes=(slot * 660 // per_day) // 15 * 15
        )
        capacity = 40 if i % 4 == 0 else None
        sessions.append(
            Session(
                title_vi=f"Tọa đàm sáng tạo {i}",
                title_en=f"Creative talk {i}",
                slug=f"toa-dam-{i}",
                kind=session_kinds[i % len(session_kinds)],
                summary_vi="Các nhà thiết kế trẻ kể về nghề và phố cổ Hà Nội.",
                summary_en="Young designers on their craft and Hanoi's old quarter.",
                description_vi="Một buổi trò chuyện dài. " * 10,
                description_en="A long conversation. " * 10,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=90),
                venue=venues[i % VENUES],
                location_detail_vi="Sân khấu chính",
                language=languages[i % len(languages)],
                capacity=capacity,
                registration_opens_at=datetime(2025, 12, 26, 9, 0, tzinfo=HANOI) if capacity else None,
                is_highlight=i % 5 == 0,
                is_cancelled=i % 37 == 36,
                status=PUBLISHED,
            )
        )
    sessions = Session.objects.bulk_create(_searchable(sessions), batch_size=500)
    through = Session.sectors.through
    through.objects.bulk_create(
        through(session_id=s.pk, sector_id=sectors[i % SECTORS].pk) for i, s in enumerate(sessions)
    )
    through = Session.speakers.through
    through.objects.bulk_create(
        [through(session_id=s.pk, speaker_id=speakers[i % len(speakers)].pk) for i, s in enumerate(sessions)]
        + [through(session_id=s.pk, speaker_id=speakers[(i + 7) % len(speakers)].pk) for i, s in enumerate(sessions)]
    )
    through = Session.host_units.through
    through.objects.bulk_create(
        through(session_id=s.pk, creativeunit_id=units[(i * 5) % len(units)].pk) for i, s in enumerate(sessions)
    )
    moment = datetime(2026, 1, 2, 10, 0, tzinfo=HANOI)
    Registration.objects.bulk_create(
        Registration(
            session=s,
            name=f"Khách {i}-{n}",
            email=f"guest{i}-{n}@example.org",
            consent=True,
            confirmed_at=moment,
        )
        for i, s in enumerate(sessions)
        if s.capacity
        for n in range(3 if i % 8 else 40)  # one session in two with seats is full
    )
    SessionChange.objects.bulk_create(
        SessionChange(
            session=s,
            changed_at=moment + timedelta(hours=i),
            old_starts_at=s.starts_at - timedelta(hours=1),
            old_ends_at=s.ends_at - timedelta(hours=1),
            new_starts_at=s.starts_at,
            new_ends_at=s.ends_at,
            old_venue=venues[(i + 1) % VENUES],
            new_venue=s.venue,
        )
        for i, s in enumerate(sessions[:: max(len(sessions) // (4 * scale), 1)])
    )

    exhibition = Exhibition.objects.create(
        title_vi="Chất Địa Phương",
        title_en="Local Essence",
        slug=EXHIBITION_SLUG,
        subtitle_vi="Triển lãm tranh minh họa",
        starts_on=date(2026, 1, 10),
        ends_on=date(2026, 1, 18),
        venue=venues[0],
        organisers_vi="Sở Văn hóa và Thể thao Hà Nội",
        status=PUBLISHED,
    )
    artists = []
    for i in range(ARTISTS * scale):
        artist = Artist(
            name=f"Trần Minh Họa Sĩ {i}",
            slug=f"hoa-si-{i}",
            bio_vi="Họa sĩ minh họa sống ở Hà Nội. " * 4,
            city_vi="Hà Nội",
            birth_year=1990,
            status=PUBLISHED,
        )
        pictures.give(artist, "photo", i)
        artists.append(artist)
    artists = Artist.objects.bulk_create(_searchable(artists), batch_size=500)
    works = []
    regions, techniques = list(Region.values), list(Technique.values)
    for i in range(WORKS * scale):
        work = Artwork(
            exhibition=exhibition,
            catalogue_number=i + 1,
            slug=f"cho-phien-{i}",
            title_vi=f"Chợ phiên vùng cao {i}",
            title_en=f"Highland market {i}",
            year=2025,
            medium_vi="Màu nước trên giấy",
            medium_en="Watercolour on paper",
            technique=techniques[i % len(techniques)],
            region=regions[i % len(regions)],
            width_cm=30,
            height_cm=40,
            caption_vi="Một phiên chợ đông người ở vùng cao.",
            caption_en="A crowded market in the highlands.",
            description_vi="Tranh vẽ một phiên chợ. " * 6,
            alt_text_vi="Một phiên chợ đông người",
            alt_text_en="A crowded market",
            status=PUBLISHED,
        )
        # Every other work has an image: the catalogue is mostly pictures.
        pictures.give(work, "image", 0 if i % 2 == 0 else 1)
        works.append(work)
    works = Artwork.objects.bulk_create(_searchable(works), batch_size=500)
    through = Artwork.artists.through
    through.objects.bulk_create(
        (through(artwork_id=w.pk, artist_id=artists[i % len(artists)].pk) for i, w in enumerate(works)),
        batch_size=1000,
    )

    contact = PressContact.objects.create(
        name="Lê Thu Báo Chí", email="press@example.org", role_vi="Truyền thông", status=PUBLISHED
    )
    releases = []
    for i in range(RELEASES * scale):
        release = PressRelease(
            title_vi=f"Thông cáo báo chí {i}",
            title_en=f"Press release {i}",
            slug=f"thong-cao-{i}",
            summary_vi="Tụ hội sáng tạo khai mạc bên hồ Hoàn Kiếm.",
            summary_en="Creative Gathering opens by Hoàn Kiếm Lake.",
            body_vi="Đoạn văn thông cáo.\n\n" * 6,
            body_en="A paragraph of the release.\n\n" * 6,
            image_alt_vi="Ảnh khai mạc",
            image_alt_en="The opening",
            contact=contact,
            publish_at=datetime(2025, 12, 1, 9, 0, tzinfo=HANOI) + timedelta(hours=i),
            status=PUBLISHED,
        )
        pictures.give(release, "image", i)
        releases.append(release)
    releases = PressRelease.objects.bulk_create(_searchable(releases), batch_size=500)
    CoverageLink.objects.bulk_create(
        CoverageLink(
            outlet=f"Báo {i}",
            headline=f"Tụ hội sáng tạo bên hồ {i}",
            url=f"https://news-{i}.example.org/tu-hoi",
            published_on=date(2026, 1, 10) + timedelta(days=i % 5),
            status=PUBLISHED,
        )
        for i in range(COVERAGE * scale)
    )
    # Drafts: never counted, never shown.
    CreativeUnit.objects.create(name_vi="Đơn vị nháp", kind=UnitKind.CREATOR, primary_sector=sectors[0])
    Session.objects.create(
        title_vi="Phiên nháp",
        kind=SessionKind.WORKSHOP,
        starts_at=sessions[0].starts_at,
        ends_at=sessions[0].ends_at,
        venue=venues[0],
    )
    # As after an import or load_demo (and autovacuum, soon after a bulk insert): without statistics PostgreSQL
    # takes the new tables for empty, and the directory's counts at 10x took 1.4 s instead of 4 ms (a nested loop).
    refresh_statistics(*demo_tables())
    return {
        "scale": scale,
        "sector": sectors[1].slug,
        "venue": venues[2].slug,
        "unit": units[len(units) // 2].slug,
        "session": sessions[4].slug,  # with seats, speakers, a host unit and a sector
        "open_session": sessions[5].slug,
        "speaker": speakers[3].slug,
        "work": works[len(works) // 2].slug,
        "artist": artists[2].slug,
        "release": releases[1].slug,
        "units": len(units),
        "works": len(works),
        "sessions": len(sessions),
    }


@pytest.fixture(scope="module")
def budget_media(tmp_path_factory):
    return tmp_path_factory.mktemp("budget-media")


@pytest.fixture(scope="module", params=[1, 10], ids=["1x", "10x"])
def _built(request, django_db_setup, django_db_blocker, budget_media):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=budget_media):
        delete_demo_content()  # nothing left from another module's committed data
        try:
            site = build(request.param)
        except Exception:
            delete_demo_content()
            raise
    yield site
    with django_db_blocker.unblock():
        delete_demo_content()


@pytest.fixture
def site(_built, budget_media, settings, db, monkeypatch):
    settings.MEDIA_ROOT = budget_media
    settings.TUDOI_PAGE_CACHE = False
    # The first afternoon of the event, as `make run` shows it: "now and next" and the live strip are full.
    monkeypatch.setenv("TUDOI_NOW", DEMO_NOW)
    return _built


# Paths with {placeholders} filled from the built site; "{p}" is the language prefix.
HTML_PAGES = [
    "{p}/",
    "{p}/programme/",
    "{p}/programme/?day=2026-01-10",
    "{p}/programme/?day=2026-01-11",
    "{p}/programme/?day=2026-01-11&view=grid",
    "{p}/programme/?day=2026-01-10&venue={venue}&type=forum",
    "{p}/programme/?sector={sector}",
    "{p}/programme/now/",
    "{p}/programme/now/?screen=1",
    "{p}/programme/{session}/",
    "{p}/programme/{open_session}/",
    "{p}/programme/{session}/register/",
    "{p}/programme/changes/",
    "{p}/programme/my/",
    "{p}/speakers/",
    "{p}/speakers/{speaker}/",
    "{p}/exhibitors/",
    "{p}/exhibitors/?page=2",
    "{p}/exhibitors/?page=9999",
    "{p}/exhibitors/?sector={sector}&commerce=on",
    "{p}/exhibitors/?q=g%E1%BB%91m",
    "{p}/exhibitors/{unit}/",
    "{p}/exhibitors/{unit}/meet/",
    "{p}/sectors/{sector}/",
    "{p}/exhibitions/{exhibition}/",
    "{p}/exhibitions/{exhibition}/?page=2",
    "{p}/exhibitions/{exhibition}/?page=9999",
    "{p}/exhibitions/{exhibition}/?sort=artist",
    "{p}/exhibitions/{exhibition}/?region={region}",
    "{p}/exhibitions/{exhibition}/labels/",
    "{p}/exhibitions/{exhibition}/{work}/",
    "{p}/artists/{artist}/",
    "{p}/partners/",
    "{p}/visit/",
    "{p}/search/?q=g%E1%BB%91m",
    "{p}/press/",
    "{p}/press/{release}/",
    "{p}/press/facts/",
    "{p}/press/accreditation/",
]
# Calendars, schedules and feeds: not HTML, but under the same query budget.
FEEDS = [
    "{p}/programme.ics",
    "{p}/programme/{session}.ics",
    "{p}/programme/schedule.json",
    "{p}/programme/schedule.xml",
    "{p}/programme/changes/feed/",
    "{p}/press/feed/",
    "{p}/press/feed/rss/",
]
API = [
    "/api/v1/",
    "/api/v1/openapi.json",
    "/api/v1/{resource}/",
    "/api/v1/sessions/{session}/",
    "/api/v1/units/{unit}/",
    "/api/v1/artworks/{work}/",
]


def fill(path: str, site: dict, language: str = "vi", **more) -> str:
    return path.format(p=f"/{language}", exhibition=EXHIBITION_SLUG, region=Region.values[0], **site, **more)


def visit(client, path, django_assert_max_num_queries):
    cold_process()
    with django_assert_max_num_queries(MAX_QUERIES):
        return client.get(path)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("path", HTML_PAGES)
def test_html_page_is_small_and_cheap_on_a_cold_process(site, path, language, django_assert_max_num_queries):
    path = fill(path, site, language)

    response = visit(Client(), path, django_assert_max_num_queries)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert len(response.content) < MAX_HTML_BYTES, f"{len(response.content)} bytes at {site['scale']}x"


def test_exhibition_menu_item_is_cheap_on_a_cold_process(site, django_assert_max_num_queries):
    response = visit(Client(), "/vi/exhibitions/", django_assert_max_num_queries)

    assert response.status_code == 302  # one exhibition: straight to it
    assert response["Location"] == f"/vi/exhibitions/{EXHIBITION_SLUG}/"


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("path", FEEDS)
def test_calendar_schedule_or_feed_is_cheap_on_a_cold_process(site, path, language, django_assert_max_num_queries):
    response = visit(Client(), fill(path, site, language), django_assert_max_num_queries)

    assert response.status_code == 200
    assert response.content


def test_api_is_cheap_on_a_cold_process(site, django_assert_max_num_queries):
    from core import api

    paths = [fill(path, site) for path in API if "{resource}" not in path]
    paths += [fill(API[2], site, resource=resource.name) for resource in api.resources()]
    client = Client()
    for path in paths:
        response = visit(client, path, django_assert_max_num_queries)
        assert response.status_code == 200, path


def test_sitemap_is_an_index_of_small_files_each_cheap(site, django_assert_max_num_queries):
    client = Client()
    index = visit(client, "/sitemap.xml", django_assert_max_num_queries)
    assert index.status_code == 200
    assert b"<sitemapindex" in index.content
    sections = re.findall(r"<loc>https?://[^/<]+(/[^<]+)</loc>", index.content.decode())
    assert len(sections) >= 4  # one file per kind of page
    for path in ["/robots.txt", *sections]:
        response = visit(client, path, django_assert_max_num_queries)
        assert response.status_code == 200, path
        assert len(response.content) < 10 * 1024 * 1024, path  # the protocol's limit for one file


def test_home_shows_a_fixed_number_of_highlights_and_sessions_in_its_json_ld(site):
    page = Client().get("/en/").content.decode()

    highlights = page.split('aria-labelledby="highlights-title"', 1)[1].split("</section>", 1)[0]
    assert len(re.findall(r'href="/en/programme/[^/"]+/"', highlights)) == 6
    (event,) = [
        data
        for data in map(json.loads, re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S))
        if data.get("@type") == "Event"
    ]
    highlighted = Session.objects.published().filter(is_highlight=True).count()
    assert len(event["subEvent"]) == min(highlighted, SUB_EVENTS)  # 8 at the demo's size, 12 at ten times
    assert event["startDate"] == "2026-01-10T08:00:00+07:00"  # the whole event, not only its highlights
