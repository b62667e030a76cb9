"""Seat registration for sessions with limited seats: register, cancel, promote from the waiting list, e-mail.

The promise is "never more confirmed than capacity", whatever the load. Every write that can change the number of
confirmed seats of a session first locks that session's row (`SELECT … FOR UPDATE`) inside a transaction, then
counts and writes. Two visitors racing for the last seat are therefore served one after the other: the second one
counts the first one's seat and goes to the waiting list. On SQLite the lock is a no-op, but SQLite serialises
writers itself. tests/test_registration.py shows that the same load without the lock overbooks.
"""

from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tudoi import clock
from tudoi.mail import one_line, render_email

from .calendars import build_calendar, session_event
from .models import Registration, RegistrationStatus, Session

CANCEL_SALT = "events.registration.cancel"


class RegistrationError(Exception):
    """A registration the rules refuse; `message` is fit to show to the visitor (translated lazily)."""

    message = _("This registration is not possible.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class RegistrationNotNeeded(RegistrationError):
    message = _("This session is open entry: no registration is needed.")


class RegistrationNotOpen(RegistrationError):
    message = _("Registration for this session has not opened yet.")


class RegistrationClosed(RegistrationError):
    message = _("Registration for this session is closed.")


class AlreadyRegistered(RegistrationError):
    message = _("This e-mail address already has a seat or a waiting-list place for this session.")


# The registration window


class Window:
    NOT_OPEN = "not-open"
    OPEN = "open"
    CLOSED = "closed"


def registration_closes_at(session: Session) -> datetime:
    """When registration closes: the time set on the session, and at the latest when the session starts."""
    if session.registration_closes_at is None:
        return session.starts_at
    return min(session.registration_closes_at, session.starts_at)


def window_state(session: Session, *, moment: datetime | None = None) -> str:
    """`Window.NOT_OPEN`, `Window.OPEN` or `Window.CLOSED` at `moment` (default: `tudoi.clock.now()`)."""
    moment = moment or clock.now()
    if session.registration_opens_at is not None and moment < session.registration_opens_at:
        return Window.NOT_OPEN
    if moment >= registration_closes_at(session):
        return Window.CLOSED
    return Window.OPEN


# Seats


def confirmed_seats(session: Session, *, exclude_pk: int | None = None) -> int:
    registrations = Registration.objects.filter(session=session, status=RegistrationStatus.CONFIRMED)
    if exclude_pk is not None:
        registrations = registrations.exclude(pk=exclude_pk)
    return registrations.count()


def seats_left(session: Session) -> int | None:
    """Confirmed seats still free, never below zero; None for an open-entry session (no capacity)."""
    if session.capacity is None:
        return None
    return max(session.capacity - confirmed_seats(session), 0)


def lock_session(session_pk: int) -> Session:
    """The session row, locked until the current transaction ends: the caller must be inside `atomic()`.

    Every write that changes the confirmed seats of a session takes this lock first (see the module docstring).
    """
    return Session.objects.select_for_update().get(pk=session_pk)


def _active_with_email(session: Session, email: str):
    # Lower() as in the `registration_one_active_per_email` constraint, so the check and the constraint agree.
    return (
        Registration.objects.filter(session=session)
        .exclude(status=RegistrationStatus.CANCELLED)
        .annotate(email_lower=Lower("email"))
        .filter(email_lower=email.lower())
    )


def register_for_session(*, session: Session, name: str, email: str, phone: str = "", language: str) -> Registration:
    """A confirmed seat, or a waiting-list place when all seats are taken.

    Raises `RegistrationNotNeeded` (open entry), `RegistrationNotOpen`, `RegistrationClosed` (window, by
    `tudoi.clock.now()`) or `AlreadyRegistered` (same e-mail, any case, not cancelled). Sends no e-mail: the
    caller does, once this has returned (the transaction is committed by then unless the caller holds one open).
    The visitor's consent is the caller's to collect: the database refuses a registration without it.
    """
    email = email.strip()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    try:
        with transaction.atomic():
            locked = lock_session(session.pk)
            if locked.capacity is None:
                raise RegistrationNotNeeded
            state = window_state(locked)
            if state == Window.NOT_OPEN:
                raise RegistrationNotOpen
            if state == Window.CLOSED:
                raise RegistrationClosed
            if _active_with_email(locked, email).exists():
                raise AlreadyRegistered
            full = confirmed_seats(locked) >= locked.capacity
            return Registration.objects.create(
                session=locked,
                name=name.strip(),
                email=email,
                phone=phone.strip(),
                language=language,
                consent=True,
                status=RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED,
            )
    except IntegrityError:
        # A row written past the lock (by hand, or by code that does not take it) with the same e-mail: the
        # unique constraint is the last word. Anything else is a real error.
        if _active_with_email(session, email).exists():
            raise AlreadyRegistered from None
        raise


def promote_from_waitlist(*, session: Session) -> Registration | None:
    """Give a free confirmed seat to the first person on the waiting list (oldest first); return them, or None.

    Takes the session lock itself (nested inside the caller's transaction when there is one). Nobody is promoted
    once the session has started: a seat freed then is of no use, and the e-mail would only confuse.
    """
    with transaction.atomic():
        locked = lock_session(session.pk)
        if locked.capacity is None or clock.now() >= locked.starts_at:
            return None
        if confirmed_seats(locked) >= locked.capacity:
            return None
        first = (
            Registration.objects.select_for_update()
            .filter(session=locked, status=RegistrationStatus.WAITLISTED)
            .order_by("created_at", "pk")
            .first()
        )
        if first is None:
            return None
        first.status = RegistrationStatus.CONFIRMED
        first.save(update_fields=["status", "updated_at"])
        return first


def cancel_registration(*, registration: Registration) -> Registration | None:
    """Cancel a seat or a waiting-list place; when a confirmed seat is freed, return whoever was promoted to it.

    Cancelling twice is harmless (the second time changes nothing and promotes nobody). `registration` is updated
    in place. Sends no e-mail: the caller sends `send_promotion()` to the promoted person.
    """
    with transaction.atomic():
        lock_session(registration.session_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            promoted = None
        else:
            freed_a_seat = current.status == RegistrationStatus.CONFIRMED
            current.status = RegistrationStatus.CANCELLED
            current.cancelled_at = clock.now()
            current.save(update_fields=["status", "cancelled_at", "updated_at"])
            promoted = promote_from_waitlist(session=current.session) if freed_a_seat else None
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return promoted


# The cancel link


def cancel_token(registration: Registration) -> str:
    """A signed token naming the registration; it never expires (the link is only useful until the session)."""
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_from_token(token: str) -> Registration | None:
    """The registration a cancel token names, or None for a tampered, malformed or stale token."""
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("session__venue").filter(pk=pk).first()


def cancel_url(registration: Registration) -> str:
    """The absolute cancel link, in the registration's own language."""
    with translation.override(registration.language):
        path = reverse("events:cancel-registration", kwargs={"token": cancel_token(registration)})
    return settings.TUDOI_SITE_URL + path


# Calendar entry


def session_calendar(session: Session) -> bytes:
    """The session as an iCalendar file (in the active language), for the e-mail attachment."""
    # One line: build_calendar() passes the name to NAME and X-WR-CALNAME, which icalendar does not escape.
    calendar = build_calendar([session], name=one_line(session.title))
    if not session.is_public:  # a seat typed in by staff for a session not yet published still gets its entry
        calendar.add_component(session_event(session))
        calendar.add_missing_timezones()
    return calendar.to_ical()


# E-mails


def _send(registration: Registration, template: str, *, with_calendar: bool) -> None:
    with translation.override(registration.language):
        session = registration.session
        context = {
            "registration": registration,
            "session": session,
            "venue": session.venue,
            "cancel_url": cancel_url(registration),
            "session_url": settings.TUDOI_SITE_URL + session.get_absolute_url(),
            "site_url": settings.TUDOI_SITE_URL,
            "confirmed": registration.status == RegistrationStatus.CONFIRMED,
        }
        subject, body = render_email(f"events/email/{template}", context)
        message = EmailMessage(subject=subject, body=body, to=[registration.email])
        if with_calendar:
            message.attach(f"{session.slug}.ics", session_calendar(session).decode(), "text/calendar")
    message.send()


def send_confirmation(registration: Registration) -> None:
    """The e-mail after registering, in the registration's language: a confirmed seat (with the calendar entry)
    or a waiting-list place (without: there is no seat to put in a calendar yet)."""
    _send(registration, "registration_confirmed", with_calendar=registration.status == RegistrationStatus.CONFIRMED)


def send_promotion(registration: Registration) -> None:
    """The e-mail to someone moved from the waiting list to a seat, in their language, with the calendar entry."""
    _send(registration, "registration_promoted", with_calendar=True)
