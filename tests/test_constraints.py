"""The database itself refuses rows that would break the rules, on SQLite and on PostgreSQL."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, connection, transaction

from events.models import Registration, RegistrationStatus, Session, SessionKind, Venue
from exhibitions.models import Artwork, Exhibition
from press.models import MediaAsset

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2026, 1, 10, 9, 0, tzinfo=HANOI)


@pytest.fixture
def venue(db):
    return Venue.objects.create(name_vi="Nhà Bát Giác", address_vi="Vườn hoa Lý Thái Tổ")


@pytest.fixture
def workshop(venue):
    return Session.objects.create(
        title_vi="Workshop tò he",
        kind=SessionKind.WORKSHOP,
        starts_at=START,
        ends_at=START + timedelta(hours=2),
        venue=venue,
        capacity=5,
    )


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_session_must_end_after_it_starts(venue):
    assert refused(
        lambda: Session.objects.create(
            title_vi="Sai giờ", kind=SessionKind.FORUM, starts_at=START, ends_at=START, venue=venue
        )
    )


def test_a_session_cannot_have_zero_seats(venue):
    assert refused(
        lambda: Session.objects.create(
            title_vi="Không chỗ",
            kind=SessionKind.WORKSHOP,
            starts_at=START,
            ends_at=START + timedelta(hours=1),
            venue=venue,
            capacity=0,
        )
    )


def test_one_active_registration_per_email_and_session_whatever_the_case(workshop):
    Registration.objects.create(session=workshop, name="Lan", email="lan@example.vn", consent=True)

    assert refused(
        lambda: Registration.objects.create(session=workshop, name="Lan", email="LAN@example.vn", consent=True)
    )


def test_a_cancelled_registration_frees_the_email(workshop):
    Registration.objects.create(
        session=workshop, name="Lan", email="lan@example.vn", consent=True, status=RegistrationStatus.CANCELLED
    )

    Registration.objects.create(session=workshop, name="Lan", email="lan@example.vn", consent=True)

    assert workshop.registrations.count() == 2


def test_a_registration_needs_consent(workshop):
    assert refused(lambda: Registration.objects.create(session=workshop, name="Lan", email="lan@example.vn"))


def test_catalogue_numbers_are_unique_within_an_exhibition(venue):
    exhibition = Exhibition.objects.create(
        title_vi="Chất Địa Phương", starts_on=date(2026, 1, 10), ends_on=date(2026, 1, 18), venue=venue
    )
    Artwork.objects.create(exhibition=exhibition, catalogue_number=1, title_vi="Chợ", alt_text_vi="Chợ")

    assert refused(
        lambda: Artwork.objects.create(exhibition=exhibition, catalogue_number=1, title_vi="Đò", alt_text_vi="Đò")
    )


def test_an_exhibition_cannot_close_before_it_opens(venue):
    assert refused(
        lambda: Exhibition.objects.create(
            title_vi="Ngược", starts_on=date(2026, 1, 18), ends_on=date(2026, 1, 10), venue=venue
        )
    )


def test_venue_coordinates_stay_on_earth(db):
    assert refused(lambda: Venue.objects.create(name_vi="Lạc", address_vi="?", latitude=91, longitude=105))


def test_a_media_asset_needs_a_file(db):
    assert refused(lambda: MediaAsset.objects.create(title_vi="Trống", kind="photo", credit="BTC"))


@pytest.mark.postgres
def test_postgresql_enforces_the_rules_too(workshop):
    """Runs only on PostgreSQL (required in CI): the functional unique index and the checks exist there."""
    assert connection.vendor == "postgresql"
    Registration.objects.create(session=workshop, name="Lan", email="lan@example.vn", consent=True)

    assert refused(
        lambda: Registration.objects.create(session=workshop, name="Lan", email="Lan@Example.vn", consent=True)
    )
    assert refused(lambda: Session.objects.filter(pk=workshop.pk).update(ends_at=START - timedelta(hours=1)))
