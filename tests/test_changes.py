"""Programme changes reach people: moving or cancelling a published session records a change, lists it on
/programme/changes/ and its feed, changes the frab version and the calendar entry, and mails the people holding a
seat, in their language, from a background task (the admin's save does not wait for the mail server)."""

import time
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command

from events.models import Session, SessionChange
from tests import factories
from tests.test_registration import TITLES, make_workshop
from tudoi.models import Status

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
    assert "Chủ Nhật, 11/01/2026" in vietnamese.body
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
