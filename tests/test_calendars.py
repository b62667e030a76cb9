"""iCalendar feeds: the whole programme (/vi/programme.ics, /en/programme.ics) and one session (<slug>.ics).

Every feed is parsed back with icalendar, as a calendar app would read it.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from core.models import Status
from core.pagecache import content_changed
from events.calendars import build_calendar, calendar_sessions, webcal_url
from events.models import Session, SessionKind, Speaker
from tests.sitedata import make_site

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SITE = "https://tuhoi.example.vn"
PUBLISHED = Status.PUBLISHED

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def fetch_calendar(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response, icalendar.Calendar.from_ical(response.content)


def uids(calendar) -> set[str]:
    return {str(event["UID"]) for event in calendar.events}


def uid_of(session) -> str:
    return f"session-{session.pk}@tuhoi.example.vn"


def add_sessions(venue, count, *, speaker=None, sector=None, first=0):
    sessions = []
    start = datetime(2026, 1, 11, 8, 0, tzinfo=HANOI)
    for i in range(first, first + count):
        session = Session.objects.create(
            title_vi=f"Xưởng in khắc gỗ {i}",
            title_en=f"Woodblock printing workshop {i}",
            kind=SessionKind.WORKSHOP,
            starts_at=start + timedelta(minutes=20 * i),
            ends_at=start + timedelta(minutes=20 * i + 90),
            venue=venue,
            status=PUBLISHED,
        )
        if speaker:
            session.speakers.add(speaker)
        if sector:
            session.sectors.add(sector)
        sessions.append(session)
    return sessions


def test_programme_calendar_lists_every_published_demo_session_once_in_both_languages(client, demo_content):
    published = list(Session.objects.published())
    drafts = list(Session.objects.filter(status=Status.DRAFT))

    calendars = {language: fetch_calendar(client, f"/{language}/programme.ics")[1] for language in ("vi", "en")}

    assert len(published) == 37 and len(drafts) == 2
    for language, calendar in calendars.items():
        assert len(calendar.events) == len(published), language
        assert uids(calendar) == {uid_of(s) for s in published}, language
        summaries = {str(event["SUMMARY"]) for event in calendar.events}
        assert not summaries & {getattr(d, f"title_{language}") for d in drafts}, language
    assert {str(e["SUMMARY"]) for e in calendars["vi"].events} == {s.title_vi for s in published}
    assert {str(e["SUMMARY"]) for e in calendars["en"].events} == {s.title_en or s.title_vi for s in published}


def test_programme_calendar_is_a_published_hanoi_time_vcalendar(client):
    site = make_site(3, images=False)

    response, calendar = fetch_calendar(client, "/vi/programme.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="tuhoisangtao2026-vi.ics"'
    assert (str(calendar["VERSION"]), str(calendar["CALSCALE"]), str(calendar["METHOD"])) == (
        "2.0",
        "GREGORIAN",
        "PUBLISH",
    )
    assert str(calendar["PRODID"]).startswith("-//")
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert str(calendar["X-WR-CALNAME"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    expected = {uid_of(s): s for s in site["sessions"]}
    assert uids(calendar) == set(expected)
    for event in calendar.events:
        session = expected[str(event["UID"])]
        assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
        assert event["DTEND"].params["TZID"] == "Asia/Ho_Chi_Minh"
        assert event.start == session.starts_at
        assert event.end == session.ends_at
        assert event.start.replace(tzinfo=None) == session.starts_at.astimezone(HANOI).replace(tzinfo=None)
        assert event.DTSTAMP == event.last_modified == session.updated_at.replace(microsecond=0)
        assert str(event["STATUS"]) == "CONFIRMED"
        assert [str(c) for c in event.categories] == ["Tọa đàm, diễn đàn"]


def test_first_session_starts_at_nine_on_saturday_hanoi_wall_clock(client):
    make_site(1, images=False)

    _, calendar = fetch_calendar(client, "/en/programme.ics")

    (event,) = calendar.events
    assert event.to_ical().decode().count("DTSTART;TZID=Asia/Ho_Chi_Minh:20260110T090000") == 1
    assert (event.start.tzinfo, event.start) == (
        ZoneInfo("Asia/Ho_Chi_Minh"),
        datetime(2026, 1, 10, 9, 0, tzinfo=HANOI),
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", ["Tọa đàm sáng tạo 0", "Tọa đàm sáng tạo 1"]), ("en", ["Creative talk 0", "Creative talk 1"])],
)
def test_summary_is_in_the_language_of_the_feed(client, language, expected):
    make_site(2, images=False)

    _, calendar = fetch_calendar(client, f"/{language}/programme.ics")

    assert [str(event["SUMMARY"]) for event in calendar.events] == expected


def test_untranslated_title_falls_back_to_vietnamese_in_the_english_feed(client):
    site = make_site(1, images=False)
    Session.objects.filter(pk=site["sessions"][0].pk).update(title_en="", summary_vi="Gặp gỡ các xưởng gốm.")

    _, calendar = fetch_calendar(client, "/en/programme.ics")

    (event,) = calendar.events
    assert str(event["SUMMARY"]) == "Tọa đàm sáng tạo 0"
    assert str(event["DESCRIPTION"]).startswith("Gặp gỡ các xưởng gốm.")


def test_uids_stay_the_same_when_a_session_is_renamed(client):
    site = make_site(3, images=False)
    _, before = fetch_calendar(client, "/vi/programme.ics")
    session = site["sessions"][1]
    session.title_vi = "Tọa đàm đổi tên"
    session.title_en = "Renamed talk"
    session.save()

    _, after = fetch_calendar(client, "/vi/programme.ics")

    assert uids(after) == uids(before) == {uid_of(s) for s in site["sessions"]}
    assert {str(e["UID"]): str(e["SUMMARY"]) for e in after.events}[uid_of(session)] == "Tọa đàm đổi tên"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_location_and_url_are_absolute_and_in_the_language_of_the_feed(client, language):
    site = make_site(1, images=False)
    session = site["sessions"][0]
    Session.objects.filter(pk=session.pk).update(location_detail_vi="Sân khấu chính", location_detail_en="Main stage")

    _, calendar = fetch_calendar(client, f"/{language}/programme.ics")

    (event,) = calendar.events
    url = f"{SITE}/{language}/programme/{session.slug}/"
    assert str(event["URL"]) == url
    assert str(event["DESCRIPTION"]).endswith(url)
    assert (
        str(event["LOCATION"])
        == {
            "vi": "Nhà Bát Giác, Sân khấu chính, Vườn hoa Lý Thái Tổ, phường Hoàn Kiếm",
            "en": "Octagonal House, Main stage, Lý Thái Tổ flower garden, Hoàn Kiếm ward",
        }[language]
    )
    assert (event["GEO"].latitude, event["GEO"].longitude) == (21.0275, 105.8539)


def test_description_names_published_speakers_only(client):
    site = make_site(1, images=False)
    session = site["sessions"][0]
    session.speakers.add(
        Speaker.objects.create(name="Lê Minh Châu", status=PUBLISHED),
        Speaker.objects.create(name="Diễn giả nháp"),
    )

    _, calendar = fetch_calendar(client, "/en/programme.ics")

    description = str(calendar.events[0]["DESCRIPTION"])
    assert "Lê Minh Châu" in description
    assert "Diễn giả nháp" not in description


def test_embargoed_session_stays_out_until_its_publication_time(client, monkeypatch):
    site = make_site(2, images=False)
    embargoed = site["sessions"][1]
    Session.objects.filter(pk=embargoed.pk).update(publish_at=datetime(2026, 1, 10, 18, 0, tzinfo=HANOI))
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T14:00:00+07:00")

    _, before = fetch_calendar(client, "/vi/programme.ics")
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T18:30:00+07:00")
    _, after = fetch_calendar(client, "/vi/programme.ics")

    assert uids(before) == {uid_of(site["sessions"][0])}
    assert uids(after) == {uid_of(s) for s in site["sessions"]}


def test_build_calendar_leaves_out_unpublished_sessions_it_is_given():
    make_site(2, images=False)
    sessions = list(Session.objects.all())  # the draft included, as a stale personal agenda might hold it

    calendar = icalendar.Calendar.from_ical(build_calendar(sessions, name="Lịch của tôi").to_ical())

    assert uids(calendar) == {uid_of(s) for s in Session.objects.published()}
    assert str(calendar["X-WR-CALNAME"]) == "Lịch của tôi"
    assert len(calendar.events) == 2


def test_empty_programme_is_still_a_valid_calendar(client):
    _, calendar = fetch_calendar(client, "/vi/programme.ics")

    assert calendar.events == []
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_session_calendar_holds_that_session_only(client, language):
    site = make_site(3, images=False)
    session = site["sessions"][1]

    response, calendar = fetch_calendar(client, f"/{language}/programme/{session.slug}.ics")

    assert response["Content-Disposition"] == f'inline; filename="{session.slug}.ics"'
    assert uids(calendar) == {uid_of(session)}
    assert str(calendar.events[0]["SUMMARY"]) == {"vi": session.title_vi, "en": session.title_en}[language]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


@pytest.mark.parametrize("slug", ["khong-co-phien-nay", "phien-nhap"])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_session_calendar_of_unknown_or_draft_session_is_not_found(client, language, slug):
    make_site(1, images=False)
    assert Session.objects.filter(slug="phien-nhap", status=Status.DRAFT).exists()

    response = client.get(f"/{language}/programme/{slug}.ics")

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/vi/programme.ics", "/en/programme.ics", "/vi/programme/toa-dam-sang-tao-0.ics"])
def test_calendar_is_cacheable_and_sets_no_cookie(client, path):
    make_site(1, images=False)

    response = client.get(path)

    assert response.status_code == 200
    assert not response.cookies
    assert response["Cache-Control"] == "public, max-age=300, s-maxage=60, stale-while-revalidate=60"


@pytest.mark.parametrize("path", ["/vi/programme.ics", "/vi/programme/toa-dam-sang-tao-0.ics"])
def test_calendar_answers_get_only(client, path):
    make_site(1, images=False)

    response = client.post(path)

    assert response.status_code == 405


@pytest.mark.parametrize("path", ["/vi/programme.ics", "/en/programme.ics", "/vi/programme/toa-dam-sang-tao-0.ics"])
def test_calendar_queries_do_not_grow_with_the_programme(client, django_assert_max_num_queries, path):
    site = make_site(3, images=False)
    speaker = Speaker.objects.create(name="Nguyễn Thu Trang", status=PUBLISHED)
    for session in site["sessions"]:
        session.speakers.add(speaker)
        session.sectors.add(site["sectors"][0])
    with django_assert_max_num_queries(3) as few:
        client.get(path)
    for i in range(27):
        extra = Speaker.objects.create(name=f"Diễn giả {i}", status=PUBLISHED)
        site["sessions"][0].speakers.add(extra)
    add_sessions(site["venue"], 27, speaker=speaker, sector=site["sectors"][0])
    assert Session.objects.published().count() == 30

    with django_assert_max_num_queries(3) as many:
        response = client.get(path)

    assert response.status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_calendar_sessions_reads_everything_in_three_queries(django_assert_num_queries):
    site = make_site(3, images=False)
    add_sessions(site["venue"], 5, speaker=Speaker.objects.create(name="Phạm Hà", status=PUBLISHED))

    with django_assert_num_queries(3):
        calendar = build_calendar(calendar_sessions(), name="Tụ hội sáng tạo 2026")

    assert len(calendar.events) == 8


def test_webcal_url_turns_http_and_paths_into_subscriptions():
    assert webcal_url("https://tuhoi.example.vn/vi/programme.ics") == "webcal://tuhoi.example.vn/vi/programme.ics"
    assert webcal_url("http://127.0.0.1:8000/en/programme.ics") == "webcal://127.0.0.1:8000/en/programme.ics"
    assert webcal_url("/en/programme.ics") == "webcal://tuhoi.example.vn/en/programme.ics"
    with pytest.raises(ValueError):
        webcal_url("mailto:ban-to-chuc@example.vn")


def test_control_characters_in_a_title_do_not_break_the_feed(client):
    site = make_site(1, images=False)
    Session.objects.filter(pk=site["sessions"][0].pk).update(title_vi="Tọa\x0bđàm\u2028mở\x1frộng")
    content_changed()  # a bulk update sends no signal: say so, as code that does it must

    _, calendar = fetch_calendar(client, "/vi/programme.ics")

    assert str(calendar.events[0]["SUMMARY"]) == "Tọa đàm mở rộng"


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
TITLE_CHARACTERS = st.one_of(
    st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " ,;:\\\"'–“”"),
    # Any character a title can hold: no controls, surrogates or line/paragraph separators.
    st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")),
)
TITLES = st.text(TITLE_CHARACTERS, min_size=1, max_size=200)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title_vi=TITLES, title_en=st.one_of(st.just(""), TITLES))
def test_any_unicode_title_survives_the_round_trip(client, title_vi, title_en):
    site = make_site(1, images=False) if not Session.objects.filter(slug="toa-dam-sang-tao-0").exists() else None
    session = site["sessions"][0] if site else Session.objects.get(slug="toa-dam-sang-tao-0")
    Session.objects.filter(pk=session.pk).update(title_vi=title_vi, title_en=title_en)
    content_changed()  # a bulk update sends no signal: say so, as code that does it must

    _, vi = fetch_calendar(client, f"/vi/programme/{session.slug}.ics")
    _, en = fetch_calendar(client, f"/en/programme/{session.slug}.ics")

    assert str(vi.events[0]["SUMMARY"]) == title_vi
    assert str(en.events[0]["SUMMARY"]) == (title_en or title_vi)
