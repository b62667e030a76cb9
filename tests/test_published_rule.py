"""One rule for what the public may see (`core.models.published_q`, `PublishableQuerySet.published()`): a record
published but scheduled for later (`publish_at` in the future) is neither shown nor counted anywhere, in either
language, also where it is reached through another record (a work's artists, a session's sectors)."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.models import Status
from events.models import Session, SessionKind, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, Sector, UnitKind
from press.facts import briefing

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 1, 5, 10, 0, tzinfo=HANOI)
LATER = NOW + timedelta(days=3)  # the embargo of the scheduled records: not yet public at NOW
EARLIER = NOW - timedelta(days=3)  # an embargo that has passed: public at NOW
PUBLISHED = Status.PUBLISHED

SHOWN_ARTIST = "Lê Thị Hoa"
SCHEDULED_ARTIST = "Nguyễn Văn Hẹn"
SHOWN_SECTOR = {"vi": "Thủ công mỹ nghệ", "en": "Crafts"}
SCHEDULED_SECTOR = {"vi": "Ngành hẹn giờ", "en": "Scheduled sector"}
WORK = {"vi": "Lò gốm đêm", "en": "Kiln at night"}
WOODWORK = "Xưởng mộc Kim Bồng"
BOOTH = {"vi": "gian hàng B7", "en": "booth B7"}

pytestmark = pytest.mark.parametrize("language", ["vi", "en"])


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", NOW.isoformat())


@pytest.fixture
def data(db) -> dict:
    venue = Venue.objects.create(
        name_vi="Nhà Bát Giác", name_en="Octagonal House", address_vi="Hoàn Kiếm", status=PUBLISHED
    )
    crafts = Sector.objects.create(
        name_vi=SHOWN_SECTOR["vi"], name_en=SHOWN_SECTOR["en"], status=PUBLISHED, publish_at=EARLIER, order=1
    )
    scheduled_sector = Sector.objects.create(
        name_vi=SCHEDULED_SECTOR["vi"], name_en=SCHEDULED_SECTOR["en"], status=PUBLISHED, publish_at=LATER, order=2
    )

    def unit(name: str, publish_at=None) -> CreativeUnit:
        return CreativeUnit.objects.create(
            name_vi=name, name_en=name, kind=UnitKind.DESIGN_BRAND, primary_sector=crafts, status=PUBLISHED,
            publish_at=publish_at,
        )  # fmt: skip

    unit("Gốm Bát Tràng")
    unit("Sơn mài hẹn giờ", publish_at=LATER)
    # A public unit whose main sector is not public yet: listed, without the sector's name.
    CreativeUnit.objects.create(
        name_vi=WOODWORK, name_en=WOODWORK, kind=UnitKind.DESIGN_BRAND, primary_sector=scheduled_sector,
        booth="B7", status=PUBLISHED,
    )  # fmt: skip

    def session(title: str, publish_at=None) -> Session:
        created = Session.objects.create(
            title_vi=title,
            title_en=title,
            kind=SessionKind.FORUM,
            starts_at=datetime(2026, 1, 10, 9, 0, tzinfo=HANOI) + timedelta(hours=Session.objects.count()),
            ends_at=datetime(2026, 1, 10, 10, 0, tzinfo=HANOI) + timedelta(hours=Session.objects.count()),
            venue=venue,
            status=PUBLISHED,
            publish_at=publish_at,
        )
        created.sectors.set([crafts, scheduled_sector])
        return created

    forum = session("Tọa đàm không gian sáng tạo")
    session("Phiên hẹn giờ", publish_at=LATER)

    exhibition = Exhibition.objects.create(
        title_vi="Hà Nội qua nét vẽ",
        title_en="Hanoi in drawings",
        starts_on=date(2026, 1, 10),
        ends_on=date(2026, 1, 11),
        venue=venue,
        status=PUBLISHED,
    )
    shown_artist = Artist.objects.create(name=SHOWN_ARTIST, status=PUBLISHED)
    scheduled_artist = Artist.objects.create(name=SCHEDULED_ARTIST, status=PUBLISHED, publish_at=LATER)
    work = Artwork.objects.create(
        exhibition=exhibition, catalogue_number=1, title_vi=WORK["vi"], title_en=WORK["en"], status=PUBLISHED
    )
    work.artists.set([shown_artist, scheduled_artist])
    scheduled_work = Artwork.objects.create(
        exhibition=exhibition, catalogue_number=2, title_vi="Tranh hẹn giờ", title_en="Scheduled work",
        status=PUBLISHED, publish_at=LATER,
    )  # fmt: skip
    scheduled_work.artists.set([shown_artist])
    return {"forum": forum, "venue": venue}


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


# Shown: records reached through another record


def test_home_names_only_the_public_artists_of_a_work(client, data, language):
    home = page(client, f"/{language}/")

    assert WORK[language] in home
    assert SHOWN_ARTIST in home
    assert SCHEDULED_ARTIST not in home


def test_programme_cards_name_only_public_sectors(client, data, language):
    programme = page(client, f"/{language}/programme/?day=2026-01-10")

    assert "Tọa đàm không gian sáng tạo" in programme
    assert "Phiên hẹn giờ" not in programme
    assert SHOWN_SECTOR[language] in programme
    assert SCHEDULED_SECTOR[language] not in programme


def test_search_names_only_the_public_artists_of_a_work(client, data, language):
    results = page(client, f"/{language}/search/?q={WORK[language]}")

    assert WORK[language] in results
    assert SHOWN_ARTIST in results
    assert SCHEDULED_ARTIST not in results


def test_directory_and_search_name_a_unit_s_main_sector_only_when_public(client, data, language):
    directory = page(client, f"/{language}/exhibitors/")
    results = page(client, f"/{language}/search/?q=Kim Bồng")

    for listing in (directory, results):
        assert WOODWORK in listing
        assert BOOTH[language] in listing
        assert SCHEDULED_SECTOR[language] not in listing
    assert SHOWN_SECTOR[language] in directory


# Counted: figures that use the rule through a relation (press facts, visit) or on the records themselves (home)


def test_home_figures_and_sector_counts_leave_out_scheduled_records(client, data, language):
    home = page(client, f"/{language}/")

    # sectors, sessions, works (the units' figure is a fixed headline)
    assert re.findall(r'<span class="figure-number">(\d+)</span>', home) == ["1", "1", "1"]
    sector = home.split(f">{SHOWN_SECTOR[language]}</a>", 1)[1]
    assert re.match(r'\s*<span class="sector-count">1 ', sector)
    assert SCHEDULED_SECTOR[language] not in home


def test_visit_counts_only_public_sessions_at_a_venue(client, data, language):
    visit = page(client, f"/{language}/visit/")

    expected = {"vi": "1 hoạt động trong chương trình", "en": "1 session in the programme"}[language]
    assert expected in visit


def test_fact_sheet_counts_only_public_records(client, data, language):
    facts_page = page(client, f"/{language}/press/facts/")

    assert SHOWN_SECTOR[language] in facts_page
    assert SCHEDULED_SECTOR[language] not in facts_page
    # The figures behind the page, the media kit's fact sheets and the printable fact sheet.
    sheet = briefing()
    assert [(sector.name_vi, sector.unit_count) for sector in sheet.facts.sectors] == [(SHOWN_SECTOR["vi"], 1)]
    assert sheet.facts.sessions_by_kind == {SessionKind.FORUM: 1}
    assert sheet.facts.works == 1
    assert [(e.works, e.artists) for e in sheet.exhibitions] == [(1, 1)]
