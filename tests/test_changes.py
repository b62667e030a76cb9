"""Programme changes reach people: moving or cancelling a published session records a change, lists it on
/programme/changes/ and its feed, changes the frab version and the calendar entry, and mails the people holding a
seat, in their language, from a background task (the admin's save does not wait for the mail server)."""

import re
import time
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command

from core.models import Status
from events.models import Session, SessionChange, Venue
from tests import factories
from tests.helpers import parse
from tests.test_registration import TITLES, make_workshop

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BEFORE = "2026-01-05T10:00:00+07:00"
SLOW_SECONDS = 3
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", BEFORE)


class SlowBackend(LocmemBackend):
    def send_messages(self, messages):
        time.sleep(SLOW_SECONDS)
        return super().send_messages(messages)


def hold_seats(session: Session) -> None:
    """Two confirmed seat holders, one reading Vietnamese and one English; an unconfirmed hold is not told."""
    factories.RegistrationFactory(session=session, email="lan@example.vn", language="vi", name="Lan")
    factories.RegistrationFactory(session=session, email="jane@example.com", language="en", name="Jane")
    factories.RegistrationFactory(session=session, email="hold@example.vn", confirmed_at=None)


def admin_data(session: Session, **changes) -> dict:
    """The session's change form as the admin posts it (Vietnamese dates: day first)."""
    starts, ends = (s.astimezone(HANOI) for s in (session.starts_at, session.ends_at))
    data = {
        "title_vi": session.title_vi,
        "title_en": session.title_en,
        "slug": session.slug,
        "kind": session.kind,
        "summary_vi": "",
        "summary_en": "",
        "description_vi": "",
        "description_en": "",
        "language": session.language,
        "starts_at_0": starts.strftime("%d/%m/%Y"),
        "starts_at_1": starts.strftime("%H:%M"),
        "ends_at_0": ends.strftime("%d/%m/%Y"),
        "ends_at_1": ends.strftime("%H:%M"),
        "venue": session.venue_id,
        "location_detail_vi": "",
        "location_detail_en": "",
        "capacity": session.capacity or "",
        "registration_opens_at_0": "",
        "registration_opens_at_1": "",
        "registration_closes_at_0": "",
        "registration_closes_at_1": "",
        "status": session.status,
        "publish_at_0": "",
        "publish_at_1": "",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "0",
    }
    return {**data, **changes}


def change_url(session: Session) -> str:
    return f"/admin/events/session/{session.pk}/change/"


def frab_version(client) -> str:
    return client.get("/en/programme/schedule.json").json()["schedule"]["version"]


def test_moving_a_session_in_the_admin_tells_seat_holders_lists_it_and_changes_the_schedule(
    admin_client, client, mailoutbox, django_capture_on_commit_callbacks
):
    session = make_workshop(registration_closes_at=None)
    hold_seats(session)
    version = frab_version(client)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            change_url(session), admin_data(session, starts_at_0="11/01/2026", ends_at_0="11/01/2026")
        )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == datetime(2026, 1, 11, 14, 0, tzinfo=HANOI)
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    assert set(by_address) == {"lan@example.vn", "jane@example.com"}
    english, vietnamese = by_address["jane@example.com"], by_address["lan@example.vn"]
    assert english.subject == f"Programme change: {TITLES['en']}"
    assert "Sunday 11 January 2026, 14:00–16:00" in english.body and "Saturday 10 January 2026" in english.body
    assert vietnamese.subject == f"Thay đổi chương trình: {TITLES['vi']}"
    assert "Chủ nhật, 11/01/2026" in vietnamese.body
    (attachment,) = english.attachments
    event = icalendar.Calendar.from_ical(attachment[1]).events[0]
    assert event.start == datetime(2026, 1, 11, 14, 0, tzinfo=HANOI)
    assert int(event["sequence"]) == 1

    for language, moved in (
        ("en", "Moved from Saturday 10 January 2026 14:00 to Sunday 11 January 2026 14:00."),
        ("vi", TITLES["vi"]),
    ):
        page = client.get(f"/{language}/programme/changes/").content.decode()
        assert moved in " ".join(page.split())
        assert session.get_absolute_url()[3:] in page
    feed = feedparser.parse(client.get("/en/programme/changes/feed/").content)
    assert [entry.title for entry in feed.entries] == [TITLES["en"]]
    assert "Sunday 11 January 2026" in feed.entries[0].summary
    assert frab_version(client) != version
    assert 'href="/en/programme/changes/"' in client.get("/en/programme/").content.decode()
    detail = " ".join(client.get(f"/en/programme/{session.slug}/").content.decode().split())
    assert "Changed:</strong> Moved from Saturday 10 January 2026 14:00 to Sunday 11 January 2026 14:00." in detail


def test_the_registration_window_moves_with_the_session():
    session = make_workshop()  # registration closes at 12:00, two hours before the start
    session.starts_at = datetime(2026, 1, 11, 9, 0, tzinfo=HANOI)
    session.ends_at = datetime(2026, 1, 11, 11, 0, tzinfo=HANOI)
    session.save()

    assert session.registration_closes_at == datetime(2026, 1, 11, 7, 0, tzinfo=HANOI)
    assert SessionChange.objects.get().old_starts_at == datetime(2026, 1, 10, 14, 0, tzinfo=HANOI)


def test_drafts_and_saves_without_a_move_record_nothing(mailoutbox, django_capture_on_commit_callbacks):
    draft = make_workshop(status=Status.DRAFT)
    published = make_workshop()
    hold_seats(published)

    with django_capture_on_commit_callbacks(execute=True):
        draft.starts_at = datetime(2026, 1, 11, 9, 0, tzinfo=HANOI)
        draft.ends_at = datetime(2026, 1, 11, 11, 0, tzinfo=HANOI)
        draft.save()
        published.title_en = "A new title"
        published.save()

    assert SessionChange.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its database connection
def test_the_admin_save_does_not_wait_for_the_mail(
    admin_client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TUDOI_EMAIL_BACKEND = f"{__name__}.SlowBackend"
    session = make_workshop()
    hold_seats(session)

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(session), admin_data(session, starts_at_1="15:00", ends_at_1="17:00"))
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert elapsed < SLOW_SECONDS
    assert mailoutbox == []
    settings.TUDOI_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0, stdout=StringIO())
    assert sorted(mail.to[0] for mail in mailoutbox) == ["jane@example.com", "lan@example.vn"]


@pytest.mark.django_db(transaction=True)
def test_a_failed_send_is_retried_and_shown_in_the_admin(admin_client, settings, mailoutbox):
    from django.core.mail import EmailMessage
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TUDOI_EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.failures = 1

    EmailMessage(subject="Hello", body="Body", to=["someone@example.org"]).send()
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0, stdout=StringIO())

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "FAILED" and "mail server is down" in first.traceback
    assert retry.status == "READY" and retry.run_after > first.finished_at
    assert mailoutbox == []
    listing = admin_client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert listing.status_code == 200 and "deliver_email" in listing.content.decode()

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=first.finished_at)
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0, stdout=StringIO())
    assert [mail.subject for mail in mailoutbox] == ["Hello"]


class FlakyBackend(LocmemBackend):
    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures:
            FlakyBackend.failures -= 1
            raise ConnectionError("the mail server is down")
        return super().send_messages(messages)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_cancelled_session_says_so_everywhere(client, mailoutbox, django_capture_on_commit_callbacks, language):
    session = make_workshop()
    hold_seats(session)

    with django_capture_on_commit_callbacks(execute=True):
        session.is_cancelled = True
        session.save()

    page = client.get(f"/{language}/programme/{session.slug}/").content.decode()
    assert {"vi": "Hoạt động này đã bị huỷ.", "en": "This session is cancelled."}[language] in page
    assert f'href="/{language}/programme/{session.slug}/register/"' not in page
    assert '"eventStatus": "https://schema.org/EventCancelled"' in page
    event = icalendar.Calendar.from_ical(client.get(f"/{language}/programme/{session.slug}.ics").content).events[0]
    assert str(event["status"]) == "CANCELLED"
    assert sorted(mail.subject.split(":")[0] for mail in mailoutbox) == ["Cancelled", "Đã huỷ"]
    assert SessionChange.objects.get().status_change == "cancelled"


def other_venue() -> Venue:
    return factories.VenueFactory(name_vi="Nhà hát Lớn Hà Nội", name_en="Hanoi Opera House", published=True)


def save_with(session: Session, **fields) -> None:
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()


def main_text(response) -> str:
    """The words of the page's <main>, tags removed."""
    main = response.content.decode().split("<main", 1)[1].split(">", 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_the_mail_says_before_and_now_in_each_language(mailoutbox, django_capture_on_commit_callbacks):
    session = make_workshop()
    hold_seats(session)
    opera = other_venue()

    with django_capture_on_commit_callbacks(execute=True):
        save_with(session, venue=opera, starts_at=datetime(2026, 1, 10, 15, 0, tzinfo=HANOI))

    by_address = {mail.to[0]: mail.body for mail in mailoutbox}
    assert "Trước đây: Thứ Bảy, 10/01/2026, 14:00–16:00" in by_address["lan@example.vn"]
    assert "Bây giờ: Thứ Bảy, 10/01/2026, 15:00–16:00" in by_address["lan@example.vn"]
    assert "Bây giờ: Nhà hát Lớn Hà Nội" in by_address["lan@example.vn"]
    assert "Before: Octagonal House" in by_address["jane@example.com"]
    assert "Now: Hanoi Opera House" in by_address["jane@example.com"]
    assert f"http://127.0.0.1:8000/en/programme/{session.slug}/" in by_address["jane@example.com"]


def test_venue_changes_cancellations_and_reinstatements_are_listed_newest_first_in_both_languages(client, monkeypatch):
    session = make_workshop()
    opera = other_venue()
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")
    save_with(session, venue=opera)
    monkeypatch.setenv("TUDOI_NOW", "2026-01-06T11:00:00+07:00")
    save_with(session, is_cancelled=True)
    monkeypatch.setenv("TUDOI_NOW", "2026-01-07T12:30:00+07:00")
    save_with(session, is_cancelled=False)

    expected = {
        "en": [
            "Back on the programme. Changed on Wednesday 7 January 2026 at 12:30",
            "Cancelled. Changed on Tuesday 6 January 2026 at 11:00",
            "Moved from Octagonal House to Hanoi Opera House. Changed on Monday 5 January 2026 at 10:00",
        ],
        "vi": [
            "Trở lại chương trình. Thay đổi vào Thứ Tư, 07/01/2026 lúc 12:30",
            "Đã huỷ. Thay đổi vào Thứ Ba, 06/01/2026 lúc 11:00",
            "Đổi địa điểm từ Nhà Bát Giác sang Nhà hát Lớn Hà Nội. Thay đổi vào Thứ Hai, 05/01/2026 lúc 10:00",
        ],
    }
    for language, entries in expected.items():
        text = main_text(client.get(f"/{language}/programme/changes/"))
        positions = [text.find(entry) for entry in entries]
        assert -1 not in positions and positions == sorted(positions), (language, text)
        assert text.count(TITLES[language]) == 3


def test_only_changes_of_published_sessions_are_listed(client):
    session = make_workshop()
    save_with(session, starts_at=datetime(2026, 1, 10, 15, 0, tzinfo=HANOI))
    save_with(session, status=Status.DRAFT)

    assert SessionChange.objects.count() == 1
    assert TITLES["en"] not in main_text(client.get("/en/programme/changes/"))
    assert feedparser.parse(client.get("/en/programme/changes/feed/").content).entries == []


def test_the_feed_is_in_the_page_language_with_stable_ids(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "tudoi.test"]
    session = make_workshop()
    save_with(
        session,
        starts_at=datetime(2026, 1, 11, 14, 0, tzinfo=HANOI),
        ends_at=datetime(2026, 1, 11, 16, 0, tzinfo=HANOI),
    )

    vietnamese = feedparser.parse(client.get("/vi/programme/changes/feed/").content)
    english = feedparser.parse(client.get("/en/programme/changes/feed/").content)
    elsewhere = feedparser.parse(client.get("/en/programme/changes/feed/", HTTP_HOST="tudoi.test").content)

    assert vietnamese.feed.title == "Tụ hội sáng tạo 2026: thay đổi chương trình"
    (entry,) = vietnamese.entries
    assert entry.title == TITLES["vi"]
    assert entry.summary == "Đổi từ 14:00 Thứ Bảy, 10/01/2026 sang 14:00 Chủ nhật, 11/01/2026."
    assert entry.link == f"http://testserver/vi/programme/{session.slug}/"
    assert entry.updated_parsed[:5] == (2026, 1, 5, 3, 0)  # 10:00 in Hanoi
    assert english.entries[0].id != entry.id
    assert elsewhere.entries[0].id == english.entries[0].id
    assert elsewhere.entries[0].link == f"http://tudoi.test/en/programme/{session.slug}/"


@pytest.mark.parametrize("count", [1, 10])
def test_the_changes_page_and_feed_run_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    for _ in range(count):
        session = factories.SessionFactory(published=True, venue__status=Status.PUBLISHED)
        factories.SessionChangeFactory(session=session, old_venue=other_venue())

    with django_assert_max_num_queries(3):
        page = client.get("/en/programme/changes/")
    with django_assert_max_num_queries(1):
        feed = client.get("/en/programme/changes/feed/")

    assert main_text(page).count("Changed on") == count
    assert len(feedparser.parse(feed.content).entries) == count


def test_the_changes_page_is_paginated_and_light(client):
    session = make_workshop()
    factories.SessionChangeFactory.create_batch(60, session=session)

    first = client.get("/vi/programme/changes/")
    second = client.get("/vi/programme/changes/?page=2")
    beyond = client.get("/vi/programme/changes/?page=9")

    assert len(first.content) < 100_000
    for response in (first, second, beyond):
        parse(response)
    assert main_text(first).count("Thay đổi vào") == 50
    assert 'href="?page=2">Thay đổi cũ hơn</a>' in first.content.decode()
    assert main_text(second).count("Thay đổi vào") == 10
    assert beyond.status_code == 200
    assert "Không có trang này; đây là trang cuối." in main_text(beyond)


def test_the_session_page_says_moved_for_48_hours_within_its_query_budget(
    client, monkeypatch, django_assert_max_num_queries
):
    session = make_workshop()
    save_with(session, starts_at=datetime(2026, 1, 10, 15, 0, tzinfo=HANOI))

    with django_assert_max_num_queries(6):
        recent = client.get(f"/vi/programme/{session.slug}/")
    monkeypatch.setenv("TUDOI_NOW", "2026-01-07T10:01:00+07:00")
    later = client.get(f"/en/programme/{session.slug}/")

    assert "Đã thay đổi: Đổi từ 14:00 Thứ Bảy, 10/01/2026 sang 15:00 Thứ Bảy, 10/01/2026." in main_text(recent)
    assert '"eventStatus": "https://schema.org/EventRescheduled"' in recent.content.decode()
    assert '"previousStartDate": "2026-01-10T14:00:00+07:00"' in recent.content.decode()
    assert "Moved from" not in main_text(later)
    assert '"eventStatus": "https://schema.org/EventScheduled"' in later.content.decode()


def test_a_reinstated_session_says_it_is_back(client):
    session = make_workshop()
    save_with(session, is_cancelled=True)
    save_with(session, is_cancelled=False)

    assert "Changed: Back on the programme." in main_text(client.get(f"/en/programme/{session.slug}/"))
    assert "Đã thay đổi: Trở lại chương trình." in main_text(client.get(f"/vi/programme/{session.slug}/"))


@pytest.mark.parametrize(("language", "marker"), [("vi", "(Đã hủy)"), ("en", "(Cancelled)")])
def test_the_programme_marks_a_cancelled_session_in_the_list_and_the_grid(client, language, marker):
    session = make_workshop(capacity=None)
    save_with(session, is_cancelled=True)

    listing = client.get(f"/{language}/programme/")
    grid = client.get(f"/{language}/programme/?view=grid")

    assert f"{TITLES[language]} {marker.strip('()')}" in main_text(listing)
    assert f"{TITLES[language]} {marker}" in main_text(grid)


def test_frab_leaves_out_a_cancelled_session_and_changes_version_at_each_change(client):
    session = make_workshop()
    versions = [frab_version(client)]

    save_with(session, venue=other_venue())
    versions.append(frab_version(client))
    assert client.get("/en/programme/schedule.json").json()["schedule"]["conference"]["rooms"][0]["name"] == (
        "Hanoi Opera House"
    )
    save_with(session, is_cancelled=True)
    versions.append(frab_version(client))
    cancelled = client.get("/en/programme/schedule.json").json()["schedule"]["conference"]
    cancelled_xml = client.get("/en/programme/schedule.xml").content.decode()
    save_with(session, is_cancelled=False)
    versions.append(frab_version(client))

    assert len(set(versions[:3])) == 3
    assert all(day["rooms"] == {} for day in cancelled["days"])
    assert TITLES["en"] not in cancelled_xml
    assert versions[-1] == versions[1]  # back as it was before the cancellation


def test_the_admin_says_how_many_people_are_told(admin_client, mailoutbox, django_capture_on_commit_callbacks):
    session = make_workshop(registration_closes_at=None)
    hold_seats(session)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            change_url(session), admin_data(session, starts_at_1="15:00", ends_at_1="17:00"), follow=True
        )

    page = " ".join(response.content.decode().split())
    assert any(
        text in page
        for text in (
            "The change is listed on the programme changes page; 2 registered people are being told.",
            "Thay đổi đã được ghi trên trang thay đổi chương trình; 2 người đã đăng ký đang được báo tin.",
        )
    ), page
    assert len(mailoutbox) == 2
    listing = admin_client.get(f"/admin/events/sessionchange/?session__id__exact={session.pk}")
    assert listing.status_code == 200 and TITLES["vi"] in listing.content.decode()


def test_a_window_set_in_the_same_save_is_kept_as_given(admin_client):
    session = make_workshop()

    admin_client.post(
        change_url(session),
        admin_data(
            session,
            starts_at_0="11/01/2026",
            ends_at_0="11/01/2026",
            registration_opens_at_0="02/01/2026",
            registration_opens_at_1="09:00",
            registration_closes_at_0="10/01/2026",
            registration_closes_at_1="20:00",
        ),
    )

    session.refresh_from_db()
    assert session.starts_at == datetime(2026, 1, 11, 14, 0, tzinfo=HANOI)
    assert session.registration_opens_at == datetime(2026, 1, 2, 9, 0, tzinfo=HANOI)
    assert session.registration_closes_at == datetime(2026, 1, 10, 20, 0, tzinfo=HANOI)


def test_the_session_page_names_the_previous_venue_in_each_language(client, django_assert_max_num_queries):
    hall = factories.VenueFactory(name_vi="Hội trường Thống Nhất", name_en="", published=True)
    session = make_workshop(venue=hall)
    save_with(session, venue=Venue.objects.get(name_vi="Nhà Bát Giác"))

    with django_assert_max_num_queries(6):
        english = client.get(f"/en/programme/{session.slug}/")
    vietnamese = client.get(f"/vi/programme/{session.slug}/")

    assert "Changed: Moved from Hội trường Thống Nhất to Octagonal House." in main_text(english)
    assert "Đã thay đổi: Đổi địa điểm từ Hội trường Thống Nhất sang Nhà Bát Giác." in main_text(vietnamese)
    assert '"eventStatus": "https://schema.org/EventScheduled"' in english.content.decode()  # same time
