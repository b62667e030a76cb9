"""Every e-mail of the site leaves the request: it is queued as a background task (core.mail.TaskEmailBackend) and
the worker (`manage.py db_worker`) delivers it, attachments and all. A page that sends mail answers without
waiting for the mail server."""

import time
from io import StringIO
from types import SimpleNamespace

import icalendar
import pytest
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import DatabaseError
from django_tasks_db.models import DBTaskResult

from core import mail as site_mail
from core.models import Status
from tests import factories
from tests.test_meetings import buyer, meet_url

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SLOW_SECONDS = 3


class SlowBackend(LocmemBackend):
    """A mail server that takes its time."""

    def send_messages(self, messages):
        time.sleep(SLOW_SECONDS)
        return super().send_messages(messages)


def run_worker() -> None:
    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, verbosity=0, stdout=StringIO(), stderr=StringIO()
    )


@pytest.fixture
def queued(settings):
    """Tasks wait in the database until the worker runs, as in production."""
    settings.TASKS = DATABASE_TASKS


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its database connection
def test_a_queued_message_reaches_the_mailbox_whole_once_the_worker_runs(queued, mailoutbox):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//test//")
    calendar.add("version", "2.0")
    message = EmailMessage(
        subject="Chỗ của bạn",
        body="Xin chào,\nhẹn gặp lại.\n",
        to=["khach@example.vn"],
        reply_to=["bantochuc@example.vn"],
        headers={"X-Tudoi": "1"},
    )
    message.attach("phien.ics", calendar.to_ical().decode(), "text/calendar")
    message.attach("logo.png", b"\x89PNG\r\n\x1a\nbytes", "image/png")

    message.send()

    assert mailoutbox == []
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert len(mailoutbox) == 1
    delivered = mailoutbox[0]
    assert (delivered.subject, delivered.body, delivered.to, delivered.reply_to) == (
        "Chỗ của bạn",
        "Xin chào,\nhẹn gặp lại.\n",
        ["khach@example.vn"],
        ["bantochuc@example.vn"],
    )
    assert delivered.extra_headers["X-Tudoi"] == "1"
    (name, content, mimetype), (png_name, png, png_type) = delivered.attachments
    assert (name, mimetype) == ("phien.ics", "text/calendar")
    assert icalendar.Calendar.from_ical(content)["prodid"] == "-//test//"
    assert (png_name, png, png_type) == ("logo.png", b"\x89PNG\r\n\x1a\nbytes", "image/png")


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its database connection
def test_a_meeting_request_answers_at_once_while_the_mail_server_is_slow(
    client, queued, settings, mailoutbox, monkeypatch
):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")  # before the fair: its days can be chosen
    settings.TUDOI_EMAIL_BACKEND = f"{__name__}.SlowBackend"
    sector = factories.SectorFactory(published=True)
    unit = factories.CreativeUnitFactory(
        primary_sector=sector, contact_email="lienhe@battrang.example.vn", status=Status.PUBLISHED
    )

    started = time.monotonic()
    response = client.post(meet_url(unit, "en"), buyer(sectors=[sector.pk]))
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert elapsed < SLOW_SECONDS
    assert mailoutbox == []
    settings.TUDOI_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    run_worker()
    assert sorted(address for message in mailoutbox for address in message.to) == sorted(
        ["anh@quaviet.example.vn", "lienhe@battrang.example.vn", settings.TUDOI_ORGANISERS_EMAIL]
    )


@pytest.mark.django_db
def test_when_the_queue_cannot_be_written_the_message_is_delivered_at_once(monkeypatch, mailoutbox):
    def broken_enqueue(*args, **kwargs):
        raise DatabaseError("the database is down")

    monkeypatch.setattr(site_mail, "deliver_email", SimpleNamespace(enqueue=broken_enqueue))

    sent = EmailMessage(subject="Hello", body="Body", to=["someone@example.org"]).send()

    assert sent == 1
    assert [message.subject for message in mailoutbox] == ["Hello"]
