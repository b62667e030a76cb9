"""Signed links handed to visitors (agenda share links, registration confirm and cancel links) stop working after
the event plus a margin (TUDOI_SIGNED_LINKS_VALID_UNTIL, end of that day in Hanoi) with a clear page, never a 500."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings

from core.models import Status
from events import agenda as agendas
from events.agenda import Agenda
from events.models import RegistrationStatus
from events.registration import cancel_token, confirm_token
from tests.factories import RegistrationFactory, SessionFactory

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
CONFIGURED = django_settings.TUDOI_SIGNED_LINKS_VALID_UNTIL  # read before tests/conftest.py moves it for other tests
LAST_MINUTE = "2026-02-10T23:59:00+07:00"  # the default setting's last valid day
EXPIRED = "2026-02-11T00:00:00+07:00"
EXPIRED_TEXT = {
    "vi": ("Đường dẫn này đã hết hạn", "đến hết Thứ Ba, 10/02/2026"),
    "en": ("This link has expired", "worked until Tuesday 10 February 2026"),
}


@pytest.fixture(autouse=True)
def _configured_expiry(settings):
    settings.TUDOI_SIGNED_LINKS_VALID_UNTIL = CONFIGURED


@pytest.fixture
def session(db):
    start = datetime.datetime(2026, 1, 10, 9, tzinfo=HANOI)
    return SessionFactory(
        title_vi="Tọa đàm",
        title_en="Talk",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        status=Status.PUBLISHED,
        capacity=20,
    )


def share_path(session, language: str = "vi", suffix: str = "") -> str:
    token = agendas.encode(Agenda(sessions=(session.pk,)), salt=agendas.SHARE_SALT)
    return f"/{language}/programme/shared/{token}/{suffix}"


def assert_expired_page(response, language: str) -> None:
    assert response.status_code == 410
    html = response.content.decode()
    title, when = EXPIRED_TEXT[language]
    assert f"<h1>{title}</h1>" in html and when in html
    assert f'<html lang="{language}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_share_link_works_until_the_last_valid_day_then_says_it_expired(client, monkeypatch, session, language):
    monkeypatch.setenv("TUDOI_NOW", LAST_MINUTE)
    assert client.get(share_path(session, language)).status_code == 200

    monkeypatch.setenv("TUDOI_NOW", EXPIRED)
    assert_expired_page(client.get(share_path(session, language)), language)


@pytest.mark.django_db
def test_an_expired_share_link_opens_neither_its_calendar_nor_its_qr_code_nor_imports(client, monkeypatch, session):
    monkeypatch.setenv("TUDOI_NOW", EXPIRED)

    responses = [
        client.get(share_path(session, suffix="agenda.ics")),
        client.get(share_path(session, suffix="qr.svg")),
        client.post(share_path(session, suffix="import/")),
    ]

    assert [r.status_code for r in responses] == [410, 410, 410]
    assert not responses[2].cookies  # nothing was copied into the visitor's agenda


@pytest.mark.django_db
def test_an_altered_share_link_is_still_called_broken_after_the_expiry(client, monkeypatch, session):
    monkeypatch.setenv("TUDOI_NOW", EXPIRED)

    response = client.get(share_path(session)[:-3] + "xx/")

    assert response.status_code == 400
    assert "Đường dẫn lịch này không dùng được" in response.content.decode()


@pytest.mark.django_db
def test_after_the_expiry_my_agenda_offers_no_share_link_that_would_not_open(client, monkeypatch, session):
    client.cookies[agendas.COOKIE_NAME] = agendas.encode(Agenda(sessions=(session.pk,)), salt=agendas.COOKIE_SALT)
    monkeypatch.setenv("TUDOI_NOW", LAST_MINUTE)
    assert "/programme/shared/" in client.get("/vi/programme/my/").content.decode()

    monkeypatch.setenv("TUDOI_NOW", EXPIRED)
    page = client.get("/vi/programme/my/")

    assert page.status_code == 200
    assert "Tọa đàm" in page.content.decode() and "/programme/shared/" not in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_expired_cancel_link_says_so_and_cancels_nothing(client, monkeypatch, session, language):
    registration = RegistrationFactory(session=session, language=language)
    path = f"/{language}/programme/registration/{cancel_token(registration)}/cancel/"
    monkeypatch.setenv("TUDOI_NOW", LAST_MINUTE)
    assert client.get(path).status_code == 200

    monkeypatch.setenv("TUDOI_NOW", EXPIRED)
    page = client.get(path)
    posted = client.post(path)

    assert_expired_page(page, language)
    assert posted.status_code == 410
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


@pytest.mark.django_db
def test_an_expired_confirmation_link_says_so_and_sets_no_cookie(client, monkeypatch, session):
    registration = RegistrationFactory(session=session, confirmed_at=None)
    monkeypatch.setenv("TUDOI_NOW", EXPIRED)

    response = client.get(f"/en/programme/registration/{confirm_token(registration)}/confirm/")

    assert_expired_page(response, "en")
    assert not response.cookies
    registration.refresh_from_db()
    assert registration.confirmed_at is None


@pytest.mark.django_db
def test_the_expiry_date_is_one_setting(client, monkeypatch, settings, session):
    monkeypatch.setenv("TUDOI_NOW", EXPIRED)
    settings.TUDOI_SIGNED_LINKS_VALID_UNTIL = "2026-03-31"

    assert client.get(share_path(session)).status_code == 200

    monkeypatch.setenv("TUDOI_NOW", "2026-04-01T00:00:00+07:00")
    assert client.get(share_path(session)).status_code == 410
