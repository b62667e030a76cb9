"""One rule for a seat taken (`RegistrationQuerySet.seats`): the session page, the programme, the registration page,
the "now" page, the admin list and the registration flow give the same seats left for a session whose registrations
are confirmed, held, held past their time, cancelled and on the waiting list."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.models import Status
from events.models import Registration, RegistrationStatus, Session, SessionKind, Venue
from events.registration import confirmed_seats, registration_state, seats_left

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 1, 5, 10, 0, tzinfo=HANOI)  # the registration window is open
CAPACITY = 10
# confirmed 2 + held (unexpired) 1 = 3 taken; the expired hold, the cancelled seat and the waiting list take none.
TAKEN = 3
LEFT = CAPACITY - TAKEN
WAITING = 2  # a confirmed waiting-list place and an unexpired hold on one; an expired one is not counted

STATE = {
    "vi": f"Đang nhận đăng ký: còn trống {LEFT} trên {CAPACITY} chỗ.",
    "en": f"Registration open: {LEFT} seats left of {CAPACITY}.",
}


@pytest.fixture(autouse=True)
def registration_open(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", NOW.isoformat())


@pytest.fixture
def workshop(db) -> Session:
    venue = Venue.objects.create(
        name_vi="Nhà Bát Giác", name_en="Octagonal House", address_vi="Hoàn Kiếm", status=Status.PUBLISHED
    )
    session = Session.objects.create(
        title_vi="Xưởng in lụa thủ công",
        title_en="Hand silk-screen printing workshop",
        kind=SessionKind.WORKSHOP,
        starts_at=datetime(2026, 1, 10, 14, 0, tzinfo=HANOI),
        ends_at=datetime(2026, 1, 10, 16, 0, tzinfo=HANOI),
        venue=venue,
        capacity=CAPACITY,
        status=Status.PUBLISHED,
    )
    later, earlier = NOW + timedelta(minutes=20), NOW - timedelta(minutes=5)
    confirmed = RegistrationStatus.CONFIRMED
    waitlisted = RegistrationStatus.WAITLISTED
    rows = [
        (confirmed, NOW - timedelta(days=1), None, None),  # confirmed seats
        (confirmed, NOW - timedelta(days=1), None, None),
        (confirmed, None, later, None),  # a hold on a seat, not confirmed yet: counts until it expires
        (confirmed, None, earlier, None),  # a hold past its time, not yet marked cancelled: counts no more
        (RegistrationStatus.CANCELLED, NOW - timedelta(days=2), None, NOW - timedelta(days=1)),
        (waitlisted, NOW - timedelta(days=1), None, None),  # the waiting list never takes a seat
        (waitlisted, None, later, None),
        (waitlisted, None, earlier, None),
    ]
    for number, (status, confirmed_at, hold_expires_at, cancelled_at) in enumerate(rows):
        Registration.objects.create(
            session=session,
            name=f"Khách {number}",
            email=f"khach{number}@example.vn",
            consent=True,
            status=status,
            confirmed_at=confirmed_at,
            hold_expires_at=hold_expires_at,
            cancelled_at=cancelled_at,
        )
    return session


def state_text(page: str) -> str:
    """The text of the page's registration state (the session's own, or its card's on the programme)."""
    marker = 'id="registration-state"' if 'id="registration-state"' in page else 'class="registration-state"'
    start = page.index(">", page.index(marker)) + 1
    return " ".join(page[start:].split("<", 1)[0].split())


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_pages_show_the_same_seats_left(client, workshop, language):
    pages = {
        "session": f"/{language}/programme/{workshop.slug}/",
        "register": f"/{language}/programme/{workshop.slug}/register/",
        "programme": f"/{language}/programme/?day=2026-01-10",
    }
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, name
        assert state_text(response.content.decode()) == STATE[language], name


def test_the_admin_list_counts_the_same_seats(staff_client, workshop):
    response = staff_client.get("/admin/events/session/")

    assert response.status_code == 200
    (row,) = response.context["cl"].result_list
    assert (row.seats_taken, row.seats_left, row.waitlisted) == (TAKEN, LEFT, WAITING)


def test_the_registration_flow_counts_the_same_seats(workshop):
    assert confirmed_seats(workshop) == TAKEN
    assert seats_left(workshop) == LEFT
    assert registration_state(workshop).seats_left == LEFT
    (annotated,) = Session.objects.filter(pk=workshop.pk).with_seats()
    assert (annotated.seats_taken, annotated.seats_left) == (TAKEN, LEFT)
    assert Registration.objects.filter(session=workshop).waiting().count() == WAITING


def test_open_entry_has_no_seats_to_count(db, workshop):
    workshop.capacity = None
    workshop.save()
    (annotated,) = Session.objects.filter(pk=workshop.pk).with_seats()

    assert annotated.seats_left is None
    assert seats_left(workshop) is None
