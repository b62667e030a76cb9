"""A seat belongs to a confirmed address: holds, the confirmation link, expiry, abuse, and registration states on
every page that shows a session."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client

from events.models import Registration, RegistrationStatus
from events.registration import confirm_token, register_for_session
from tests.helpers import confirm_path
from tests.test_registration import TITLES, make_workshop, register_url, visitor

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN = "2026-01-05T10:00:00+07:00"
CONFIRMED = RegistrationStatus.CONFIRMED
WAITLISTED = RegistrationStatus.WAITLISTED


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", OPEN)


def links_to_form(html: str, session) -> bool:
    return f"/programme/{session.slug}/register/" in html


# States everywhere


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "fields", "words"),
    [
        (
            "2025-12-20T10:00:00+07:00",
            {},
            {
                "en": "Registration opens on Thursday 1 January 2026 at 08:00.",
                "vi": "Mở đăng ký vào Thứ Năm, 01/01/2026 lúc 08:00.",
            },
        ),
        (
            "2026-01-10T13:00:00+07:00",
            {},
            {
                "en": "Registration closed on Saturday 10 January 2026 at 12:00.",
                "vi": "Đã đóng đăng ký vào Thứ Bảy, 10/01/2026 lúc 12:00.",
            },
        ),
        ("2026-01-10T17:00:00+07:00", {}, {"en": "This session has ended.", "vi": "Hoạt động này đã kết thúc."}),
        (OPEN, {"is_cancelled": True}, {"en": "This session is cancelled.", "vi": "Hoạt động này đã bị huỷ."}),
    ],
    ids=["not-open", "closed", "finished", "cancelled"],
)
def test_no_page_links_to_a_registration_that_is_not_open(client, monkeypatch, now, fields, words):
    session = make_workshop(**fields)
    monkeypatch.setenv("TUDOI_NOW", now)

    for language in ("vi", "en"):
        pages = {
            path: client.get(f"/{language}{path}")
            for path in ("/", "/programme/", "/programme/now/", f"/programme/{session.slug}/")
        }
        for path, response in pages.items():
            assert response.status_code == 200, path
            assert not links_to_form(response.content.decode(), session), path
        detail = " ".join(pages[f"/programme/{session.slug}/"].content.decode().split())
        assert words[language] in detail
        assert words[language] in " ".join(pages["/programme/"].content.decode().split())
        form_page = client.get(register_url(session, language))
        assert words[language] in " ".join(form_page.content.decode().split())
        assert b'method="post"' not in form_page.content
    assert client.post(register_url(session, "en"), visitor()).status_code == 200
    assert Registration.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_open_session_links_to_its_form_and_says_how_many_seats_are_left(client, language):
    session = make_workshop()

    detail = client.get(f"/{language}/programme/{session.slug}/").content.decode()
    listing = client.get(f"/{language}/programme/").content.decode()

    assert links_to_form(detail, session) and links_to_form(listing, session)
    expected = {
        "en": "Registration open: 3 seats left of 3.",
        "vi": "Đang nhận đăng ký: còn trống 3 trên 3 chỗ.",
    }[language]
    assert expected in " ".join(detail.split()) and expected in " ".join(listing.split())


# Holds and confirmation


@pytest.mark.django_db
def test_a_registration_is_a_hold_until_the_link_in_the_mail_is_followed(client, mailoutbox):
    session = make_workshop(capacity=1)

    sent = client.post(register_url(session, "en"), visitor(name="Nguyễn Thị Lan"))

    registration = Registration.objects.get()
    assert (registration.status, registration.confirmed_at) == (CONFIRMED, None)
    assert registration.hold_expires_at == datetime(2026, 1, 5, 10, 30, tzinfo=HANOI)
    assert Registration.objects.confirmed().count() == 0
    (mail,) = mailoutbox
    assert mail.to == ["lan@example.vn"] and mail.subject == f"Please confirm your registration: {TITLES['en']}"
    assert "Nguyễn" not in mail.body and "+84" not in mail.body
    page = client.get(sent["Location"]).content.decode()
    assert page.index("Check your e-mail") < page.index("<dl")  # the news first, then the details

    confirmed = client.get(confirm_path(mail))

    registration.refresh_from_db()
    assert registration.confirmed_at == datetime.fromisoformat(OPEN)
    assert Registration.objects.confirmed().filter(status=CONFIRMED).count() == 1
    html = confirmed.content.decode()
    assert "Your seat is confirmed" in html
    assert f'href="/en/programme/{session.slug}.ics"' in html
    assert "/cancel/" in html and 'href="/en/programme/"' in html
    assert "seats" in confirmed.cookies and confirmed.cookies["seats"]["httponly"]
    assert client.get(confirm_path(mail)).status_code == 200  # again: nothing changes
    assert [m.subject for m in mailoutbox[1:]] == [f"Your seat is booked: {TITLES['en']}"]


@pytest.mark.django_db
def test_an_expired_hold_frees_its_seat_for_the_next_person_on_the_waiting_list(client, mailoutbox, monkeypatch):
    session = make_workshop(capacity=1)
    client.post(register_url(session, "en"), visitor(email="late@example.vn"))  # holds the seat, never confirms
    client.post(register_url(session, "en"), visitor(email="wait@example.vn"))
    client.get(confirm_path(mailoutbox[1]))  # confirms a waiting-list place
    assert Registration.objects.get(email="wait@example.vn").status == WAITLISTED

    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:31:00+07:00")
    page = client.get(register_url(session, "en")).content.decode()
    client.post(register_url(session, "en"), visitor(email="new@example.vn"))

    assert "Full: the waiting list is open." not in page  # the expired hold no longer counts
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "late@example.vn": RegistrationStatus.CANCELLED,
        "wait@example.vn": CONFIRMED,
        "new@example.vn": WAITLISTED,
    }
    promoted = [m for m in mailoutbox if m.to == ["wait@example.vn"]][-1]
    assert "yours" in promoted.subject
    assert client.get(confirm_path(mailoutbox[0])).status_code == 200  # the latecomer confirms: waiting list
    assert Registration.objects.get(email="late@example.vn").status == WAITLISTED


# Abuse


@pytest.mark.django_db
def test_fourteen_registrations_from_one_address_are_not_all_taken(mailoutbox):
    session = make_workshop(capacity=20)
    robot, person = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="198.51.100.4")

    answers = [
        robot.post(register_url(session, "en"), visitor(email=f"r{i}@example.vn")).status_code for i in range(14)
    ]

    assert answers.count(302) == 5 and answers.count(429) == 9
    assert Registration.objects.count() == 5
    refused = robot.post(register_url(session, "vi"), visitor(email="r99@example.vn"))
    assert "Kết nối của bạn đã gửi nhiều đăng ký" in refused.content.decode()
    assert 'value="r99@example.vn"' in refused.content.decode()  # what was typed is kept
    assert person.post(register_url(session, "en"), visitor(email="p@example.vn")).status_code == 302


@pytest.mark.django_db
def test_the_honeypot_gets_the_same_answer_and_nothing_is_stored_or_sent(client, mailoutbox):
    session = make_workshop()

    response = client.post(register_url(session, "en"), visitor(website="http://spam.example"))

    assert response["Location"] == register_url(session, "en") + "?sent=1"
    assert Registration.objects.count() == 0 and mailoutbox == []


@pytest.mark.django_db
def test_a_second_registration_of_the_same_address_gives_the_same_page(client, mailoutbox):
    session = make_workshop()
    first = client.post(register_url(session, "en"), visitor())
    client.get(confirm_path(mailoutbox[0]))
    first_page = client.get(first["Location"])

    second = client.post(register_url(session, "en"), visitor(name="Mallory"))
    second_page = client.get(second["Location"])

    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert first_page.content == second_page.content
    owner_mail = mailoutbox[-1]
    assert owner_mail.to == ["lan@example.vn"] and "already" in owner_mail.subject
    assert "Mallory" not in owner_mail.body
    assert Registration.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", ["Lan\u202eevil", "Lan\u200b", "\ufeffLan", "Lan\u2066x\u2069"])
def test_invisible_characters_are_refused_in_one_line_fields(client, mailoutbox, language, name):
    session = make_workshop()

    response = client.post(register_url(session, language), visitor(name=name))

    assert response.status_code == 200
    expected = {"vi": "ký tự ẩn", "en": "invisible characters"}[language]
    assert expected in response.content.decode()
    assert Registration.objects.count() == 0 and mailoutbox == []


@pytest.mark.django_db
def test_a_tampered_confirmation_link_is_a_polite_400(client):
    session = make_workshop()
    outcome = register_for_session(session=session, name="Lan", email="lan@example.vn", language="en")
    token = confirm_token(outcome.registration)

    response = client.get(f"/en/programme/registration/{token[:-2]}xx/confirm/")

    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Registration.objects.get().confirmed_at is None


# The agenda knows seats


@pytest.mark.django_db
def test_the_agenda_marks_the_seat_after_the_link_is_followed(client, mailoutbox):
    session = make_workshop()
    client.post(register_url(session, "en"), visitor())
    assert "You hold a seat." not in client.get("/en/programme/my/").content.decode()

    client.get(confirm_path(mailoutbox[0]))
    agenda = " ".join(client.get("/en/programme/my/").content.decode().split())

    assert TITLES["en"] in agenda and "You hold a seat." in agenda
    assert "You hold a seat." not in Client().get("/en/programme/my/").content.decode()


# The promise under load


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_registrations_for_five_seats_confirm_at_most_five(settings):
    session = make_workshop(capacity=5)
    errors, barrier = [], threading.Barrier(50)

    def visitor_registers_then_confirms(i):
        try:
            barrier.wait()
            outcome = register_for_session(session=session, name=f"V{i}", email=f"v{i}@example.vn", language="vi")
            Client().get(f"/vi/programme/registration/{confirm_token(outcome.registration)}/confirm/")
        except Exception as error:  # noqa: BLE001 - every failure counts
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=visitor_registers_then_confirms, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    confirmed = Registration.objects.confirmed()
    assert confirmed.filter(status=CONFIRMED).count() == 5
    assert confirmed.filter(status=WAITLISTED).count() == 45
