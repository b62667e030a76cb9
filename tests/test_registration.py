"""Seat registration: the page in both languages, the e-mails, cancelling, the waiting list, the admin, and the
promise "never more confirmed than capacity" under concurrent load on PostgreSQL."""

import csv
import io
import re
import threading
import time
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Status
from events import registration as registration_module
from events.models import Registration, RegistrationStatus, Session, SessionKind, Venue
from events.registration import (
    RegistrationClosed,
    RegistrationNotNeeded,
    RegistrationNotOpen,
    cancel_registration,
    cancel_token,
    confirm_registration,
    register_for_session,
    seats_left,
)
from tests.helpers import confirm_path, parse, text_of

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN = "2026-01-05T10:00:00+07:00"  # the registration window of the workshops below is open
BEFORE_OPENING = "2025-12-20T10:00:00+07:00"
AFTER_CLOSING = "2026-01-10T13:00:00+07:00"

CONFIRMED = RegistrationStatus.CONFIRMED
WAITLISTED = RegistrationStatus.WAITLISTED
CANCELLED = RegistrationStatus.CANCELLED

TITLES = {"vi": "Xưởng in lụa thủ công", "en": "Hand silk-screen printing workshop"}
DATES = {"vi": "Thứ Bảy, 10/01/2026", "en": "Saturday 10 January 2026"}


@pytest.fixture(autouse=True)
def registration_open(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", OPEN)


def make_workshop(*, capacity: int | None = 3, status=Status.PUBLISHED, **fields) -> Session:
    venue = Venue.objects.create(
        name_vi="Nhà Bát Giác",
        name_en="Octagonal House",
        address_vi="Vườn hoa Lý Thái Tổ, Hoàn Kiếm",
        address_en="Ly Thai To flower garden, Hoan Kiem",
        status=Status.PUBLISHED,
    )
    values = {
        "title_vi": TITLES["vi"],
        "title_en": TITLES["en"],
        "kind": SessionKind.WORKSHOP,
        "starts_at": datetime(2026, 1, 10, 14, 0, tzinfo=HANOI),
        "ends_at": datetime(2026, 1, 10, 16, 0, tzinfo=HANOI),
        "venue": venue,
        "capacity": capacity,
        "registration_opens_at": datetime(2026, 1, 1, 8, 0, tzinfo=HANOI),
        "registration_closes_at": datetime(2026, 1, 10, 12, 0, tzinfo=HANOI),
        "status": status,
        **fields,
    }
    return Session.objects.create(**values)


@pytest.fixture
def workshop(db) -> Session:
    return make_workshop()


def register_url(session: Session, language: str = "vi") -> str:
    return f"/{language}/programme/{session.slug}/register/"


def visitor(**changes) -> dict:
    return {"name": "Nguyễn Thị Lan", "email": "lan@example.vn", "phone": "+84 912 345 678", "consent": "on", **changes}


def text_by_id(response, element_id: str) -> str:
    return text_of(parse(response).find(f".//*[@id='{element_id}']"))


def cancel_path(mail) -> str:
    (link,) = re.findall(r"https?://\S+/cancel/", mail.body)
    return urlsplit(link).path


def register_and_confirm(client, session: Session, language: str, data: dict, mailoutbox) -> None:
    """What a visitor does: send the form, then follow the link in the first e-mail."""
    before = len(mailoutbox)
    client.post(register_url(session, language), data)
    client.get(confirm_path(mailoutbox[before]))


def calendar_of(mail, session: Session) -> icalendar.Calendar:
    (attachment,) = mail.attachments
    filename, content, mimetype = attachment
    assert (filename, mimetype) == (f"{session.slug}.ics", "text/calendar")
    return icalendar.Calendar.from_ical(content)


def make_registration(session: Session, email: str, language: str = "vi") -> Registration:
    """A registration whose holder has confirmed the address."""
    outcome = register_for_session(session=session, name=f"Khách {email}", email=email, language=language)
    return confirm_registration(registration=outcome.registration).registration


# The page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_register_page_shows_the_session_and_the_seats_left(client, workshop, language):
    make_registration(workshop, "first@example.vn")

    response = client.get(register_url(workshop, language))

    assert response.status_code == 200
    document = parse(response)
    assert document.get("lang") == language
    assert len(document.findall(".//h1")) == 1
    html = response.content.decode()
    assert TITLES[language] in html
    assert DATES[language] in html
    assert "14:00–16:00" in html and "GMT+7" in html
    assert "2" in text_by_id(response, "registration-state")
    assert document.find(".//form[@method='post']") is not None


@pytest.mark.django_db
def test_register_page_counts_seats_in_english_words(client, workshop):
    make_registration(workshop, "first@example.vn")

    response = client.get(register_url(workshop, "en"))

    assert text_by_id(response, "registration-state") == "Registration open: 2 seats left of 3."


@pytest.mark.django_db
def test_register_page_says_the_seats_left_in_plain_vietnamese(client, workshop):
    make_registration(workshop, "first@example.vn")

    response = client.get(register_url(workshop, "vi"))

    assert text_by_id(response, "registration-state") == "Đang nhận đăng ký: còn trống 2 trên 3 chỗ."


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_quoted_title_is_not_quoted_twice(client, mailoutbox, language):
    """“Register for “Opening of “Chất Địa Phương””” reads badly: the title's own marks become ‘…’."""
    session = make_workshop(title_vi="Khai mạc triển lãm “Chất Địa Phương”", title_en="Opening of “Chất Địa Phương”")

    response = client.get(register_url(session, language))
    heading = text_of(parse(response).find(".//h1"))
    client.post(register_url(session, language), visitor())

    assert heading in (
        "Đăng ký tham gia “Khai mạc triển lãm ‘Chất Địa Phương’”",
        "Register for “Opening of ‘Chất Địa Phương’”",
    )
    (mail,) = mailoutbox
    assert "‘Chất Địa Phương’”" in mail.body and "””" not in mail.body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_register_confirms_a_seat_and_mails_it_in_the_visitor_language(client, workshop, mailoutbox, language):
    response = client.post(register_url(workshop, language), visitor())

    assert response.status_code == 302
    assert response["Location"] == register_url(workshop, language) + "?sent=1"
    (hold_mail,) = mailoutbox
    assert "Nguyễn" not in hold_mail.body and "+84" not in hold_mail.body  # nothing typed, until confirmed
    client.get(confirm_path(hold_mail))
    mailoutbox.remove(hold_mail)
    registration = Registration.objects.get()
    assert (registration.session, registration.name, registration.email, registration.phone) == (
        workshop,
        "Nguyễn Thị Lan",
        "lan@example.vn",
        "+84 912 345 678",
    )
    assert (registration.status, registration.language, registration.consent) == (CONFIRMED, language, True)
    (mail,) = mailoutbox
    assert mail.to == ["lan@example.vn"]
    other = "en" if language == "vi" else "vi"
    assert TITLES[language] in mail.subject and TITLES[other] not in mail.subject
    assert TITLES[language] in mail.body and TITLES[other] not in mail.body
    assert DATES[language] in mail.body and DATES[other] not in mail.body
    assert "Nguyễn Thị Lan" in mail.body and "Nguyễn" not in mail.subject
    event = calendar_of(mail, workshop).events[0]
    assert str(event["summary"]) == TITLES[language]
    assert event.start == datetime(2026, 1, 10, 14, 0, tzinfo=HANOI)
    assert event.end == datetime(2026, 1, 10, 16, 0, tzinfo=HANOI)
    assert event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert str(event["uid"]).startswith(f"session-{workshop.pk}@")
    assert {"vi": "Nhà Bát Giác", "en": "Octagonal House"}[language] in str(event["location"])

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert parse(page).find(".//form[@method='post']") is None


@pytest.mark.django_db
def test_register_confirmation_page_says_so_in_english(client, workshop, mailoutbox):
    sent = client.post(register_url(workshop, "en"), visitor(), follow=True)
    confirmed = client.get(confirm_path(mailoutbox[0]))

    assert "Check your e-mail" in sent.content.decode()
    assert "Your seat is confirmed" in confirmed.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_cancel_link_in_the_email_cancels_the_registration(client, workshop, mailoutbox, language):
    register_and_confirm(client, workshop, language, visitor(), mailoutbox)
    path = cancel_path(mailoutbox[1])
    assert path.startswith(f"/{language}/")

    confirm = client.get(path)

    assert confirm.status_code == 200
    assert parse(confirm).find(".//form[@method='post']//button") is not None
    assert Registration.objects.get().status == CONFIRMED

    done = client.post(path)

    assert done.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == CANCELLED
    assert registration.cancelled_at == datetime.fromisoformat(OPEN)
    after = client.get(done["Location"])
    assert after.status_code == 200
    assert parse(after).find(".//form[@method='post']") is None
    assert len(mailoutbox) == 2  # the hold and the confirmation; nobody was waiting: nobody to tell


@pytest.mark.django_db
def test_cancel_page_tells_the_visitor_in_english(client, workshop, mailoutbox):
    register_and_confirm(client, workshop, "en", visitor(), mailoutbox)
    path = cancel_path(mailoutbox[1])

    assert "Cancel your registration?" in client.get(path).content.decode()
    assert "Your registration is cancelled" in client.post(path, follow=True).content.decode()
    assert "already cancelled" in client.get(path).content.decode()


@pytest.mark.django_db
def test_register_page_runs_a_few_fixed_queries(client, workshop, django_assert_max_num_queries):
    for i in range(3):
        make_registration(workshop, f"v{i}@example.vn")

    with django_assert_max_num_queries(3):  # the session with its venue, the seat count
        response = client.get(register_url(workshop, "en"))

    assert response.status_code == 200


@pytest.mark.django_db
def test_email_headers_never_carry_a_line_break(client, mailoutbox):
    session = make_workshop(title_en="Talk\r\nBcc: all@example.com")

    client.post(register_url(session, "en"), visitor())

    (mail,) = mailoutbox
    assert mail.subject == "Please confirm your registration: Talk Bcc: all@example.com"
    assert (mail.message()["Bcc"], mail.recipients()) == (None, ["lan@example.vn"])


# Waiting list


@pytest.mark.django_db
def test_full_session_puts_the_visitor_on_the_waiting_list_and_says_so(client, mailoutbox):
    session = make_workshop(capacity=1)
    make_registration(session, "first@example.vn")

    page = client.get(register_url(session, "en"))
    response = client.post(register_url(session, "en"), visitor())
    hold_mail = mailoutbox[0]
    confirmed = client.get(confirm_path(hold_mail))

    assert "Join the waiting list" in page.content.decode()
    assert text_by_id(page, "registration-state") == "Full: the waiting list is open."
    assert response["Location"] == register_url(session, "en") + "?sent=1"
    assert Registration.objects.get(email="lan@example.vn").status == WAITLISTED
    assert "A place on the waiting list has been held" in " ".join(hold_mail.body.split())
    mail = mailoutbox[1]
    assert "waiting list" in mail.subject
    assert "you are on the waiting list" in mail.body
    assert mail.attachments == []  # no seat yet, so nothing to put in a calendar
    assert "You are on the waiting list" in confirmed.content.decode()


@pytest.mark.django_db
def test_cancelling_a_seat_promotes_the_oldest_waitlisted_and_mails_them_in_their_language(client, mailoutbox):
    session = make_workshop(capacity=1)
    register_and_confirm(client, session, "vi", visitor(email="seat@example.vn"), mailoutbox)
    register_and_confirm(client, session, "en", visitor(name="Jane Doe", email="jane@example.com"), mailoutbox)
    register_and_confirm(client, session, "vi", visitor(name="Trần Văn Nam", email="nam@example.vn"), mailoutbox)
    assert [(r.email, r.status) for r in Registration.objects.order_by("created_at")] == [
        ("seat@example.vn", CONFIRMED),
        ("jane@example.com", WAITLISTED),
        ("nam@example.vn", WAITLISTED),
    ]
    mailoutbox.clear()

    client.post(cancel_path_for(session, "seat@example.vn"))

    assert dict(Registration.objects.values_list("email", "status")) == {
        "seat@example.vn": CANCELLED,
        "jane@example.com": CONFIRMED,
        "nam@example.vn": WAITLISTED,
    }
    (mail,) = mailoutbox
    assert mail.to == ["jane@example.com"]
    assert TITLES["en"] in mail.subject and "Jane Doe" in mail.body
    assert DATES["en"] in mail.body and DATES["vi"] not in mail.body
    assert str(calendar_of(mail, session).events[0]["summary"]) == TITLES["en"]
    assert client.get(cancel_path(mail)).status_code == 200  # the promoted person can cancel in turn


def cancel_path_for(session: Session, email: str) -> str:
    registration = session.registrations.get(email=email)
    return f"/{registration.language}/programme/registration/{cancel_token(registration)}/cancel/"


@pytest.mark.django_db
def test_cancelling_a_waitlist_place_promotes_nobody(client, mailoutbox):
    session = make_workshop(capacity=1)
    make_registration(session, "seat@example.vn")
    make_registration(session, "wait@example.vn")

    client.post(cancel_path_for(session, "wait@example.vn"))

    assert dict(Registration.objects.values_list("email", "status")) == {
        "seat@example.vn": CONFIRMED,
        "wait@example.vn": CANCELLED,
    }
    assert mailoutbox == []


@pytest.mark.django_db
def test_cancelling_twice_promotes_only_once():
    session = make_workshop(capacity=1)
    seat = make_registration(session, "seat@example.vn")
    first = make_registration(session, "first@example.vn")
    make_registration(session, "second@example.vn")

    promoted = cancel_registration(registration=seat)
    again = cancel_registration(registration=Registration.objects.get(pk=seat.pk))

    assert (promoted, again) == (first, None)
    assert seats_left(session) == 0
    assert session.registrations.filter(status=WAITLISTED).count() == 1


@pytest.mark.django_db
def test_nobody_is_promoted_once_the_session_has_started(monkeypatch):
    session = make_workshop(capacity=1)
    seat = make_registration(session, "seat@example.vn")
    make_registration(session, "wait@example.vn")
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T14:30:00+07:00")

    assert cancel_registration(registration=seat) is None
    assert session.registrations.get(email="wait@example.vn").status == WAITLISTED


# Duplicates


@pytest.mark.django_db
def test_same_email_in_another_case_answers_the_same_and_tells_only_the_owner(client, workshop, mailoutbox):
    first = client.post(register_url(workshop, "en"), visitor(email="lan@example.vn"))

    second = client.post(register_url(workshop, "en"), visitor(email="LAN@Example.VN", name="Someone Else"))

    assert (second.status_code, second["Location"]) == (first.status_code, first["Location"])
    assert client.get(second["Location"]).content == client.get(first["Location"]).content
    assert Registration.objects.count() == 1
    hold, again = mailoutbox
    assert again.to == ["lan@example.vn"] and again.subject.startswith("You are already registered")
    assert "Someone Else" not in again.body and "/confirm/" in again.body


@pytest.mark.django_db
def test_same_email_gives_back_the_existing_registration_from_the_function_too(workshop):
    first = make_registration(workshop, "lan@example.vn")

    outcome = register_for_session(session=workshop, name="X", email=" Lan@EXAMPLE.vn ", language="vi")

    assert (outcome.registration, outcome.created) == (first, False)
    assert workshop.registrations.count() == 1


@pytest.mark.django_db
def test_a_cancelled_registration_frees_the_email_for_a_new_one(workshop):
    first = make_registration(workshop, "lan@example.vn")
    cancel_registration(registration=first)

    again = make_registration(workshop, "LAN@example.vn")

    assert again.status == CONFIRMED
    assert workshop.registrations.count() == 2


# The registration window


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "message"),
    [
        (BEFORE_OPENING, "Registration opens on Thursday 1 January 2026 at 08:00."),
        (AFTER_CLOSING, "Registration closed on Saturday 10 January 2026 at 12:00."),
    ],
    ids=["not-open", "closed"],
)
def test_register_outside_the_window_says_so_and_refuses(client, workshop, mailoutbox, monkeypatch, now, message):
    monkeypatch.setenv("TUDOI_NOW", now)

    page = client.get(register_url(workshop, "en"))
    posted = client.post(register_url(workshop, "en"), visitor())
    posted_vi = client.post(register_url(workshop, "vi"), visitor())

    assert page.status_code == 200
    assert message in " ".join(page.content.decode().split())
    assert parse(page).find(".//form[@method='post']") is None
    assert (posted.status_code, posted_vi.status_code) == (200, 200)
    assert message in " ".join(posted.content.decode().split())
    assert Registration.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(("now", "error"), [(BEFORE_OPENING, RegistrationNotOpen), (AFTER_CLOSING, RegistrationClosed)])
def test_register_for_session_refuses_outside_the_window(workshop, monkeypatch, now, error):
    monkeypatch.setenv("TUDOI_NOW", now)

    with pytest.raises(error):
        make_registration(workshop, "lan@example.vn")

    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_registration_closes_when_the_session_starts_if_no_closing_time_is_set(monkeypatch):
    session = make_workshop(registration_closes_at=None)
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T14:00:00+07:00")

    with pytest.raises(RegistrationClosed):
        make_registration(session, "lan@example.vn")


@pytest.mark.django_db
def test_open_entry_sessions_take_no_registration(db):
    session = make_workshop(capacity=None)

    with pytest.raises(RegistrationNotNeeded):
        make_registration(session, "lan@example.vn")


# Invalid input


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "typed"),
    [
        ({"email": "lan@example"}, "email", "lan@example"),
        ({"email": "lan@example.vn\r\nBcc: all@example.com"}, "email", "Bcc: all@example.com"),
        ({"consent": ""}, "consent", "Nguyễn Thị Lan"),
        ({"name": "Nguyễn " + "a" * 993}, "name", "Nguyễn " + "a" * 993),
        ({"name": "Nguyễn Thị\nLan"}, "name", "Nguyễn Thị\nLan"),
        ({"name": "Lan\r\nBcc: all@example.com"}, "name", "Bcc: all@example.com"),
        ({"name": "   "}, "name", "lan@example.vn"),
        ({"phone": "call me maybe"}, "phone", "call me maybe"),
    ],
    ids=[
        "bad-email",
        "email-header-injection",
        "no-consent",
        "long-name",
        "newline-in-name",
        "crlf-name",
        "blank",
        "phone",
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_invalid_input_is_answered_with_errors_and_kept(client, workshop, mailoutbox, changes, field, typed, language):
    response = client.post(register_url(workshop, language), visitor(**changes))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert typed in response.content.decode()
    assert parse(response).find(".//*[@role='alert']") is not None
    assert Registration.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "\x00", "email": "\x00@example.vn", "consent": "on"},
        {"name": ["a", "b"], "email": ["a@example.vn", "b@example.vn"], "consent": ["on", "off"]},
        {"name": "Lan", "email": "a" * 300 + "@example.vn", "consent": "on"},
        {"name": "<script>alert(1)</script>", "email": "lan@example.vn", "phone": "+" + "9" * 100, "consent": "on"},
        {"name": "Lan", "email": "lan@ví-dụ.vn", "consent": "yes", "extra": "x" * 10_000},
        {"name": "\U0001f600" * 150, "email": "emoji@example.vn", "consent": "on"},
    ],
)
def test_register_never_fails_with_a_server_error(client, workshop, data):
    response = client.post(register_url(workshop, "vi"), data)

    assert response.status_code in (200, 302)
    assert "<script>alert(1)</script>" not in response.content.decode()


# Bad links and missing pages


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_tampered_cancel_token_gets_a_polite_400_page(client, workshop, language):
    registration = make_registration(workshop, "lan@example.vn")
    good = cancel_token(registration)
    tampered = [
        good[:-1] + ("A" if good[-1] != "A" else "B"),
        signing.dumps(registration.pk + 1, salt="another.salt"),
        signing.dumps("not a number", salt="events.registration.cancel"),
        "garbage",
        "%00",
    ]

    responses = [client.get(f"/{language}/programme/registration/{token}/cancel/") for token in tampered]
    posted = client.post(f"/{language}/programme/registration/{tampered[0]}/cancel/")

    assert [r.status_code for r in responses] == [400] * len(tampered)
    assert posted.status_code == 400
    assert parse(responses[0]).get("lang") == language
    assert len(parse(responses[0]).findall(".//h1")) == 1
    if language == "en":
        assert "This link does not work" in responses[0].content.decode()
    assert Registration.objects.get().status == CONFIRMED


@pytest.mark.django_db
def test_cancel_link_of_a_deleted_registration_is_a_polite_400(client, workshop):
    token = cancel_token(make_registration(workshop, "lan@example.vn"))
    Registration.objects.all().delete()

    assert client.get(f"/vi/programme/registration/{token}/cancel/").status_code == 400


@pytest.mark.django_db
def test_register_page_is_404_without_seats_unpublished_or_unknown(client):
    open_entry = make_workshop(capacity=None)
    draft = make_workshop(status=Status.DRAFT)

    assert client.get(register_url(open_entry)).status_code == 404
    assert client.post(register_url(open_entry), visitor()).status_code == 404
    assert client.get(register_url(draft)).status_code == 404
    assert client.get("/vi/programme/no-such-session/register/").status_code == 404
    assert Registration.objects.count() == 0


# Concurrency on PostgreSQL


def race(work, count: int) -> list[Exception]:
    """Run `work(i)` in `count` threads released together; each thread uses its own database connection."""
    barrier = threading.Barrier(count)
    errors = []

    def run(i):
        try:
            barrier.wait(timeout=15)
            work(i)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


LATENCY = 0.01  # seconds between counting and writing, as a busy database or network would add


def naive_register(*, session: Session, name: str, email: str, language: str) -> Registration:
    """The obvious version without the lock: count, then insert. Kept here to show the test can fail."""
    full = Registration.objects.filter(session=session, status=CONFIRMED).count() >= session.capacity
    time.sleep(LATENCY)
    return Registration.objects.create(
        session=session,
        name=name,
        email=email,
        language=language,
        consent=True,
        status=WAITLISTED if full else CONFIRMED,
    )


def statuses(session: Session) -> dict:
    return {
        status: session.registrations.filter(status=status).count() for status in (CONFIRMED, WAITLISTED, CANCELLED)
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook_and_cancellations_promote_in_order(monkeypatch):
    visitors = 32
    locked, naive = make_workshop(capacity=5), make_workshop(capacity=5)
    counted = registration_module.confirmed_seats

    def slow_count(*args, **kwargs):  # the same latency as the naive version, inside the lock
        seats = counted(*args, **kwargs)
        time.sleep(LATENCY)
        return seats

    monkeypatch.setattr(registration_module, "confirmed_seats", slow_count)

    errors = race(lambda i: make_registration(locked, f"visitor{i}@example.vn", ["vi", "en"][i % 2]), visitors)

    assert errors == []
    assert statuses(locked) == {CONFIRMED: 5, WAITLISTED: visitors - 5, CANCELLED: 0}

    waiting = list(locked.registrations.filter(status=WAITLISTED).order_by("created_at", "pk"))
    seats = list(locked.registrations.filter(status=CONFIRMED))
    promoted = cancel_registration(registration=seats[0])
    assert promoted == waiting[0]

    promotions = []
    errors = race(lambda i: promotions.append(cancel_registration(registration=seats[1 + i])), 3)

    assert errors == []
    assert sorted(p.pk for p in promotions) == [r.pk for r in waiting[1:4]]
    assert statuses(locked) == {CONFIRMED: 5, WAITLISTED: visitors - 9, CANCELLED: 4}

    # The control: the same load without the lock overbooks, so the assertions above can fail.
    errors = race(
        lambda i: naive_register(session=naive, name=f"Khách {i}", email=f"visitor{i}@example.vn", language="vi"),
        visitors,
    )

    assert errors == []
    assert statuses(naive)[CONFIRMED] > 5


# Admin


@pytest.mark.django_db
def test_admin_session_list_shows_seats_taken_and_left(staff_client):
    session = make_workshop(capacity=2)
    open_entry = make_workshop(capacity=None, title_vi="Chợ phiên", title_en="Fair")
    for i in range(3):
        make_registration(session, f"v{i}@example.vn")

    response = staff_client.get("/admin/events/session/")

    assert response.status_code == 200
    rows = {s.pk: (s.seats_taken, s.seats_left, s.waitlisted) for s in response.context["cl"].result_list}
    assert rows == {session.pk: (2, 0, 1), open_entry.pk: (0, None, 0)}
    html = response.content.decode()
    assert "seats taken" in html.lower() and "seats left" in html.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("sessions", [1, 6])
def test_admin_session_list_runs_the_same_queries_for_few_and_many(staff_client, sessions):
    for _ in range(sessions):
        make_registration(make_workshop(), "lan@example.vn")
    staff_client.get("/admin/events/session/")  # warm the session and permission caches

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get("/admin/events/session/")

    assert response.status_code == 200
    assert len(queries) <= 10


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="registrations-')
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_admin_exports_selected_registrations_as_csv_without_formulas(staff_client):
    session = make_workshop()
    evil = Registration.objects.create(
        session=session,
        name='=HYPERLINK("http://evil.example","Bấm vào đây")',
        email="evil@example.vn",
        phone="+84 912 345 678",
        consent=True,
    )
    plain = make_registration(session, "lan@example.vn")
    make_registration(session, "other@example.vn")  # not selected

    response = staff_client.post(
        "/admin/events/registration/", {"action": "export_csv", "_selected_action": [evil.pk, plain.pk]}
    )

    rows = read_csv(response)
    assert rows[0] == [
        "session",
        "starts at (Hanoi time)",
        "name",
        "e-mail",
        "phone",
        "status",
        "language",
        "consent",
        "registered at (Hanoi time)",
        "address confirmed at (Hanoi time)",
        "cancelled at (Hanoi time)",
        "checked in at (Hanoi time)",
    ]
    assert [row[2:8] for row in rows[1:]] == [
        [
            '\'=HYPERLINK("http://evil.example","Bấm vào đây")',
            "evil@example.vn",
            "'+84 912 345 678",
            "Confirmed",
            "vi",
            "yes",
        ],
        ["Khách lan@example.vn", "lan@example.vn", "", "Confirmed", "vi", "yes"],
    ]
    assert rows[1][:2] == [TITLES["en"], "2026-01-10 14:00"]  # the admin is read in English here
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.django_db
def test_admin_exports_all_registrations_of_a_session(staff_client):
    session, other = make_workshop(capacity=1), make_workshop()
    for email in ("a@example.vn", "b@example.vn", "-c@example.vn"):
        make_registration(session, email)
    make_registration(other, "elsewhere@example.vn")

    response = staff_client.post(
        "/admin/events/session/", {"action": "export_registrations", "_selected_action": [session.pk]}
    )

    rows = read_csv(response)
    assert [(row[3], row[5]) for row in rows[1:]] == [
        ("a@example.vn", "Confirmed"),
        ("b@example.vn", "On the waiting list"),
        ("'-c@example.vn", "On the waiting list"),
    ]


@pytest.mark.django_db
def test_admin_cancelling_a_seat_promotes_the_first_waitlisted(
    staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    session = make_workshop(capacity=1)
    seat = make_registration(session, "seat@example.vn")
    make_registration(session, "wait@example.vn", "en")
    data = {
        "session": session.pk,
        "status": "cancelled",
        "name": seat.name,
        "email": seat.email,
        "phone": "",
        "language": "vi",
        "consent": "on",
        "cancelled_at_0": "",
        "cancelled_at_1": "",
    }

    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/events/registration/{seat.pk}/change/", data)

    assert response.status_code == 302
    assert dict(session.registrations.values_list("email", "status")) == {
        "seat@example.vn": CANCELLED,
        "wait@example.vn": CONFIRMED,
    }
    assert session.registrations.get(email="seat@example.vn").cancelled_at == datetime.fromisoformat(OPEN)
    told, promoted = sorted(mailoutbox, key=lambda mail: mail.to != ["seat@example.vn"])
    assert told.to == ["seat@example.vn"] and told.subject.startswith("Đăng ký của bạn đã bị huỷ")
    assert promoted.to == ["wait@example.vn"] and TITLES["en"] in promoted.subject


@pytest.mark.django_db
def test_admin_can_add_a_confirmed_seat_while_seats_are_left(staff_client):
    session = make_workshop(capacity=1)
    data = {
        "session": session.pk,
        "status": "confirmed",
        "name": "Lê Minh Anh",
        "email": "minhanh@example.com",
        "phone": "",
        "language": "en",
        "consent": "on",
        "cancelled_at_0": "",
        "cancelled_at_1": "",
    }

    response = staff_client.post("/admin/events/registration/add/", data)

    assert response.status_code == 302
    assert seats_left(session) == 0
