"""The programme as visitors use it: by day, filtered, as a grid, one session, and what is on now."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Status
from events.models import DeliveryLanguage, Session, SessionKind, Speaker, Venue
from exhibitors.models import CreativeUnit, Sector, UnitKind
from tests.helpers import at, main_of, parse

PUBLISHED = Status.PUBLISHED


@pytest.fixture
def programme(db):
    octagon = Venue.objects.create(
        name_vi="Nhà Bát Giác",
        name_en="Octagonal House",
        address_vi="Vườn hoa Lý Thái Tổ",
        slug="nha-bat-giac",
        latitude="21.0276",
        longitude="105.8539",
        order=1,
        status=PUBLISHED,
    )
    street = Venue.objects.create(
        name_vi="Phố Đinh Tiên Hoàng",
        name_en="Đinh Tiên Hoàng Street",
        address_vi="Bờ đông hồ Hoàn Kiếm",
        order=2,
        status=PUBLISHED,
    )
    crafts = Sector.objects.create(name_vi="Thủ công mỹ nghệ", name_en="Handicrafts", status=PUBLISHED)
    design = Sector.objects.create(name_vi="Thiết kế", name_en="Design", status=PUBLISHED)
    speaker = Speaker.objects.create(name="Vũ Thu Hà", role_vi="Phó Chủ tịch", role_en="Vice Chair", status=PUBLISHED)
    host = CreativeUnit.objects.create(
        name_vi="Làng gốm Bát Tràng",
        name_en="Bát Tràng pottery village",
        kind=UnitKind.CRAFT_VILLAGE,
        primary_sector=crafts,
        status=PUBLISHED,
    )
    forum = Session.objects.create(
        title_vi="Diễn đàn không gian sáng tạo",
        title_en="Forum on creative spaces",
        kind=SessionKind.FORUM,
        starts_at=at(10, 9),
        ends_at=at(10, 11),
        venue=octagon,
        language=DeliveryLanguage.VI,
        status=PUBLISHED,
        description_vi="Đối thoại mở về văn hóa đô thị.",
        description_en="An open dialogue on urban culture.",
    )
    forum.sectors.add(crafts)
    forum.speakers.add(speaker)
    forum.host_units.add(host)
    workshop = Session.objects.create(
        title_vi="Workshop nặn tò he",
        title_en="Tò he modelling workshop",
        kind=SessionKind.WORKSHOP,
        starts_at=at(10, 14),
        ends_at=at(10, 16),
        venue=street,
        language=DeliveryLanguage.BOTH,
        capacity=10,
        status=PUBLISHED,
    )
    workshop.sectors.add(design)
    concert = Session.objects.create(
        title_vi="Hòa nhạc bên hồ",
        title_en="Lakeside concert",
        kind=SessionKind.PERFORMANCE,
        starts_at=at(11, 19, 30),
        ends_at=at(11, 21),
        venue=octagon,
        language=DeliveryLanguage.NONE,
        status=PUBLISHED,
    )
    concert.sectors.add(crafts, design)
    Session.objects.create(
        title_vi="Phiên nháp bí mật",
        title_en="Secret draft",
        kind=SessionKind.FORUM,
        starts_at=at(10, 9),
        ends_at=at(10, 10),
        venue=octagon,
    )
    return {"forum": forum, "workshop": workshop, "concert": concert, "octagon": octagon, "crafts": crafts}


def titles(page: str) -> list[str]:
    return re.findall(r'<h3 id="session-\d+"><a href="[^"]+">([^<]+)</a></h3>', page)


def test_programme_shows_one_day_at_a_time_in_both_languages(client, programme):
    vi = client.get("/vi/programme/").content.decode()
    en = client.get("/en/programme/").content.decode()

    # After the event (and before it) the programme opens on its first day; the other day is one link away.
    assert titles(vi) == ["Diễn đàn không gian sáng tạo", "Workshop nặn tò he"]
    assert titles(en) == ["Forum on creative spaces", "Tò he modelling workshop"]
    assert re.findall(r'<h2 id="day-\d+"><time datetime="([\d-]+)">([^<]+)</time></h2>', vi) == [
        ("2026-01-10", "Thứ Bảy, 10/01/2026"),
    ]
    tabs = vi.split('<nav class="day-tabs"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<a href="\?day=([\d-]+)"( aria-current="page")?>([^<]+)</a>', tabs) == [
        ("2026-01-10", ' aria-current="page"', "Thứ Bảy, 10/01/2026"),
        ("2026-01-11", "", "Chủ nhật, 11/01/2026"),
    ]
    assert "Saturday 10 January 2026" in en and "Sunday 11 January 2026" in en
    assert main_of(vi).count("GMT+7") == 1 and main_of(en).count("GMT+7") == 1
    assert "Phiên nháp" not in vi and "Secret draft" not in en
    assert '<time datetime="2026-01-10T09:00:00+07:00">09:00</time>' in vi
    second = client.get("/en/programme/?day=2026-01-11").content.decode()
    assert titles(second) == ["Lakeside concert"]
    assert 'href="?day=2026-01-11" aria-current="page"' in second


def test_during_the_event_the_programme_opens_on_today(client, programme, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-11T08:00:00+07:00")

    page = client.get("/en/programme/").content.decode()

    assert titles(page) == ["Lakeside concert"]
    assert 'href="?day=2026-01-11" aria-current="page"' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("day=2026-01-11", ["Lakeside concert"]),
        ("venue=nha-bat-giac", ["Forum on creative spaces"]),  # the first day
        ("venue=nha-bat-giac&day=2026-01-11", ["Lakeside concert"]),
        ("type=workshop", ["Tò he modelling workshop"]),
        ("sector=thu-cong-my-nghe", ["Forum on creative spaces"]),
        ("sector=thu-cong-my-nghe&day=2026-01-11", ["Lakeside concert"]),
        ("language=vi-en", ["Tò he modelling workshop"]),
        ("venue=nha-bat-giac&day=2026-01-10", ["Forum on creative spaces"]),
        ("sector=thiet-ke&type=performance", []),
        ("sector=thiet-ke&type=performance&day=2026-01-11", ["Lakeside concert"]),
        ("venue=nha-bat-giac&type=workshop", []),
    ],
)
def test_each_filter_narrows_the_list_and_they_combine(client, programme, query, expected):
    page = client.get(f"/en/programme/?{query}").content.decode()

    assert titles(page) == expected


def test_filters_survive_a_reload_and_day_tabs_keep_them(client, programme):
    page = client.get("/vi/programme/?venue=nha-bat-giac&type=forum").content.decode()

    assert '<option value="nha-bat-giac" selected>' in page
    assert '<option value="forum" selected>' in page
    assert 'href="?venue=nha-bat-giac&amp;type=forum&amp;day=2026-01-11"' in page
    assert titles(page) == ["Diễn đàn không gian sáng tạo"]
    # Each day says how many sessions match the filters there, so a visitor sees where to look.
    tabs = page.split('<nav class="day-tabs"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<span class="day-count">\(([^)]+)\)</span>', tabs) == ["1 hoạt động", "0 hoạt động"]
    # The filters keep the day shown.
    assert '<input type="hidden" name="day" value="2026-01-10">' in page


@pytest.mark.parametrize(
    "query", ["day=2026-13-45", "venue=nowhere", "type=rave", "language=fr", "day=<script>", "view=3d"]
)
def test_a_bad_filter_value_is_ignored_with_a_message(client, programme, query):
    response = client.get(f"/vi/programme/?{query}")

    assert response.status_code == 200
    page = response.content.decode()
    assert "không hiểu" in page
    assert len(titles(page)) == 2 or "view" in query  # the first day's sessions


def test_grid_shows_venues_against_time(client, programme):
    page = client.get("/en/programme/?view=grid&day=2026-01-10").content.decode()

    document = parse(page)
    headers = [th.text for th in document.findall(".//table/thead/tr/th")]
    assert headers == ["Time", "Octagonal House", "Đinh Tiên Hoàng Street"]
    rows = document.findall(".//table/tbody/tr")
    assert [row.find("th").text for row in rows] == ["09:00", "14:00"]
    assert "Forum on creative spaces" in "".join(rows[0].itertext())


def test_programme_head_advertises_the_schedule_and_calendar(client, programme):
    page = client.get("/en/programme/").content.decode()

    assert '<link rel="alternate" type="application/json"' in page and 'href="/en/programme/schedule.json"' in page
    assert 'href="/en/programme/schedule.xml"' in page
    assert "webcal://" in page


@pytest.mark.parametrize("path", ["/vi/programme/", "/en/programme/?view=grid", "/vi/programme/now/"])
def test_programme_pages_set_no_cookies(client, programme, path):
    response = client.get(path)

    assert response.status_code == 200
    assert not response.cookies


def make_sessions(count: int):
    venue = Venue.objects.create(name_vi="Sân khấu", address_vi="Hồ Gươm", status=PUBLISHED)
    sector = Sector.objects.create(name_vi="Ẩm thực", status=PUBLISHED)
    speaker = Speaker.objects.create(name="Diễn giả", status=PUBLISHED)
    for i in range(count):
        start = at(10, 8) + timedelta(minutes=20 * i)
        session = Session.objects.create(
            title_vi=f"Phiên {i}",
            kind=SessionKind.FORUM,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            venue=venue,
            status=PUBLISHED,
        )
        session.sectors.add(sector)
        session.speakers.add(speaker)


@pytest.fixture
def busy_day(db):
    """120 forums of an hour on 10/01, one every five minutes from 08:00: "Phiên 000" to "Phiên 119"."""
    venue = Venue.objects.create(name_vi="Sân khấu", address_vi="Hồ Gươm", status=PUBLISHED)
    Session.objects.bulk_create(
        Session(
            title_vi=f"Phiên {i:03d}",
            slug=f"phien-{i}",
            kind=SessionKind.FORUM,
            starts_at=at(10, 8) + timedelta(minutes=5 * i),
            ends_at=at(10, 9) + timedelta(minutes=5 * i),
            venue=venue,
            status=PUBLISHED,
        )
        for i in range(120)
    )


def test_a_busy_day_is_cut_in_pages_named_by_their_hours(client, busy_day):

    first = client.get("/vi/programme/?type=forum").content.decode()
    last = client.get("/vi/programme/?type=forum&day=2026-01-10&page=3").content.decode()
    beyond = client.get("/vi/programme/?type=forum&day=2026-01-10&page=99")

    assert titles(first) == [f"Phiên {i:03d}" for i in range(50)]
    assert "120 hoạt động · trang 1/3" in first
    pages = first.split('<nav class="pagination" aria-label="Các trang">', 1)[1].split("</nav>", 1)[0]
    links = re.findall(
        r'<a href="([^"]+)"( aria-current="page")?><span class="visually-hidden">Trang (\d): </span>'
        r"<time[^>]*>([\d:]+)</time>–<time[^>]*>([\d:]+)</time></a>",
        pages,
    )
    assert links == [
        ("?type=forum&amp;day=2026-01-10&amp;page=1", ' aria-current="page"', "1", "08:00", "12:05"),
        ("?type=forum&amp;day=2026-01-10&amp;page=2", "", "2", "12:10", "16:15"),
        ("?type=forum&amp;day=2026-01-10&amp;page=3", "", "3", "16:20", "17:55"),
    ]
    assert titles(last) == [f"Phiên {i:03d}" for i in range(100, 120)]
    assert beyond.status_code == 200
    assert titles(beyond.content.decode()) == titles(last)
    assert "Không có trang này; đây là trang cuối." in beyond.content.decode()


def test_during_a_busy_day_the_programme_opens_on_the_page_of_what_is_on_now(client, monkeypatch, busy_day):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T14:00:00+07:00")  # sessions 61 (13:05–14:05) onwards are not over

    now = client.get("/vi/programme/").content.decode()
    morning = client.get("/vi/programme/?page=1").content.decode()

    assert titles(now) == [f"Phiên {i:03d}" for i in range(50, 100)]
    assert titles(morning)[0] == "Phiên 000"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/vi/programme/", "/en/programme/?view=grid", "/vi/programme/?sector=am-thuc"])
def test_programme_query_count_is_flat_for_30_and_300_sessions(client, path):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    make_sessions(30)
    few = count()
    make_sessions(270)
    many = count()

    assert few == many <= 8


def test_session_page_shows_what_a_visitor_needs(client, programme):
    forum = programme["forum"]

    vi = client.get(f"/vi/programme/{forum.slug}/").content.decode()
    en = client.get(f"/en/programme/{forum.slug}/").content.decode()

    assert "<h1>Diễn đàn không gian sáng tạo</h1>" in vi and "<h1>Forum on creative spaces</h1>" in en
    assert "Thứ Bảy, 10/01/2026, 09:00" in vi and "Saturday 10 January 2026, 09:00" in en
    assert "Vườn hoa Lý Thái Tổ" in vi and "openstreetmap.org" in vi
    assert "Vũ Thu Hà" in en and "Vice Chair" in en
    assert "Bát Tràng pottery village" in en
    assert "Handicrafts" in en and "An open dialogue on urban culture." in en
    assert f'href="/en/programme/{forum.slug}.ics"' in en
    assert "Lakeside concert" in en  # related: same venue and sector


def test_session_page_carries_event_json_ld(client, programme):
    forum = programme["forum"]

    page = client.get(f"/en/programme/{forum.slug}/").content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Event"
    assert data["name"] == "Forum on creative spaces"
    assert data["startDate"] == "2026-01-10T09:00:00+07:00"
    assert data["location"]["name"] == "Octagonal House"
    assert data["url"].endswith(f"/en/programme/{forum.slug}/")


def test_session_page_shows_seats_left_and_the_registration_link(client, programme, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")
    workshop = programme["workshop"]

    page = client.get(f"/en/programme/{workshop.slug}/").content.decode()

    assert "Registration open: 10 seats left of 10." in page
    assert f'href="/en/programme/{workshop.slug}/register/"' in page


def test_drafts_and_unknown_sessions_are_not_found(client, programme):
    draft = Session.objects.get(title_vi="Phiên nháp bí mật")

    assert client.get(f"/vi/programme/{draft.slug}/").status_code == 404
    assert client.get("/vi/programme/khong-co-phien-nay/").status_code == 404


def test_session_page_runs_few_queries(client, programme, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(f"/vi/programme/{programme['forum'].slug}/").status_code == 200


def now_page(client, monkeypatch, moment: str, language: str = "en") -> str:
    monkeypatch.setenv("TUDOI_NOW", moment)
    response = client.get(f"/{language}/programme/now/")
    assert response.status_code == 200
    return main_of(response.content.decode())


def venue_block(page: str, venue_name: str) -> str:
    return page.split(f"<h2>{venue_name}</h2>", 1)[1].split("</li>\n    \n", 1)[0].split('<li class="now-venue">')[0]


def test_now_during_a_session(client, programme, monkeypatch):
    page = now_page(client, monkeypatch, "2026-01-10T10:00:00+07:00")

    octagon = venue_block(page, "Octagonal House")
    assert "Now" in octagon and "Forum on creative spaces" in octagon and "until 11:00" in octagon
    assert "Lakeside concert" in octagon  # next at this venue, the next day
    street = venue_block(page, "Đinh Tiên Hoàng Street")
    assert "Now" not in street and "Tò he modelling workshop" in street


def test_now_leaves_a_cancelled_session_out(client, programme, monkeypatch):
    programme["forum"].is_cancelled = True
    programme["forum"].save()

    page = now_page(client, monkeypatch, "2026-01-10T10:00:00+07:00")

    octagon = venue_block(page, "Octagonal House")
    assert "Forum on creative spaces" not in page and ">Now<" not in octagon
    assert "Lakeside concert" in octagon  # what will take place there next


def test_now_between_sessions(client, programme, monkeypatch):
    page = now_page(client, monkeypatch, "2026-01-10T12:00:00+07:00")

    assert ">Now<" not in page
    assert "Tò he modelling workshop" in page and "Lakeside concert" in page
    assert "Forum on creative spaces" not in page


def test_now_before_the_event(client, programme, monkeypatch):
    page = now_page(client, monkeypatch, "2026-01-09T20:00:00+07:00", language="vi")

    assert "Chương trình bắt đầu vào Thứ Bảy, 10/01/2026 lúc 09:00" in page
    assert "Diễn đàn không gian sáng tạo" in page


def test_now_after_the_event(client, programme, monkeypatch):
    page = now_page(client, monkeypatch, "2026-01-12T08:00:00+07:00")

    assert "Creative Gathering is over" in page
    assert "Lakeside concert" not in page


def test_now_refreshes_itself_only_on_venue_screens(client, programme, monkeypatch):
    """A phone page that reloads on its own fails WCAG 2.2.1 (timing adjustable): it offers a link instead."""
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T10:00:00+07:00")

    normal = client.get("/vi/programme/now/").content.decode()
    english = client.get("/en/programme/now/?venue=x").content.decode()
    screen = client.get("/vi/programme/now/?screen=1").content.decode()

    assert 'http-equiv="refresh"' not in normal
    assert '<a href="/vi/programme/now/">Tải lại</a>' in normal
    assert '<a href="/en/programme/now/?venue=x">Refresh</a>' in english
    assert '<meta http-equiv="refresh" content="60">' in screen
    assert '<body class="screen-mode">' in screen and "now-screen" in screen


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/vi/programme/", "/en/programme/?view=grid", "/vi/programme/now/"])
def test_demo_programme_pages_stay_light(client, demo_content, path):
    """Under 100 KB of HTML and 800 elements with the whole demo programme (DESIGN's weight bar)."""
    from html.parser import HTMLParser

    class ElementCounter(HTMLParser):
        count = 0

        def handle_starttag(self, tag, attrs):
            self.count += 1

    html = client.get(path).content.decode()
    counter = ElementCounter()
    counter.feed(html)

    assert len(html.encode()) < 100_000
    assert counter.count < 800
