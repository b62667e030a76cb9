"""Seat registration for sessions with limited seats: register, cancel, promote from the waiting list, e-mail.

The promise is "never more confirmed than capacity", whatever the load. Every write that can change the number of
confirmed seats of a session first locks that session's row (`SELECT … FOR UPDATE`) inside a transaction, then
counts and writes. Two visitors racing for the last seat are therefore served one after the other: the second one
counts the first one's seat and goes to the waiting list. On SQLite the lock is a no-op, but SQLite serialises
writers itself. tests/test_registration.py shows that the same load without the lock overbooks.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core import clock
from core.mail import mail_quietly, one_line, render_email
from core.web import site_url, site_url_override

from .calendars import build_calendar, session_event
from .checkin import checkin_message, display_code
from .models import Registration, RegistrationStatus, Session

logger = logging.getLogger(__name__)

CANCEL_SALT = "events.registration.cancel"
CONFIRM_SALT = "events.registration.confirm"


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
    """`Window.NOT_OPEN`, `Window.OPEN` or `Window.CLOSED` at `moment` (default: `core.clock.now()`)."""
    moment = moment or clock.now()
    if session.registration_opens_at is not None and moment < session.registration_opens_at:
        return Window.NOT_OPEN
    if moment >= registration_closes_at(session):
        return Window.CLOSED
    return Window.OPEN


# Seats

HOLD_TIME = timedelta(minutes=30)


def confirmed_seats(session: Session, *, exclude_pk: int | None = None) -> int:
    """Seats taken at this moment: confirmed seats and holds on a seat that have not expired."""
    registrations = Registration.objects.filter(session=session).seats()
    if exclude_pk is not None:
        registrations = registrations.exclude(pk=exclude_pk)
    return registrations.count()


def seats_left(session: Session) -> int | None:
    """Seats still free, never below zero; None for an open-entry session (no capacity)."""
    if session.capacity is None:
        return None
    return max(session.capacity - confirmed_seats(session), 0)


class State:
    """What a visitor may do about registering for a session, in the words `events/_registration_state.html` uses."""

    NONE = "none"  # open entry: no registration
    OPEN = "open"  # seats left
    FULL = "full"  # the waiting list takes names
    NOT_OPEN = "not-open"
    CLOSED = "closed"
    FINISHED = "finished"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class RegistrationState:
    code: str
    seats_left: int | None = None
    capacity: int | None = None
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    @property
    def can_register(self) -> bool:
        """A registration button or link is shown only then."""
        return self.code in (State.OPEN, State.FULL)


def registration_state(
    session: Session, *, moment: datetime | None = None, seats_taken: int | None = None
) -> RegistrationState:
    """The registration state of `session` at `moment` (default `core.clock.now()`).

    `seats_taken` comes from a list's annotation (`Session.objects.with_seats()`); without it one query
    counts them.
    """
    moment = moment or clock.now()
    if session.capacity is None:
        return RegistrationState(State.NONE)
    closes_at = registration_closes_at(session)
    common = {"capacity": session.capacity, "opens_at": session.registration_opens_at, "closes_at": closes_at}
    if session.is_cancelled:
        return RegistrationState(State.CANCELLED, **common)
    if moment >= session.ends_at:
        return RegistrationState(State.FINISHED, **common)
    window = window_state(session, moment=moment)
    if window == Window.NOT_OPEN:
        return RegistrationState(State.NOT_OPEN, **common)
    if window == Window.CLOSED:
        return RegistrationState(State.CLOSED, **common)
    if seats_taken is None:
        seats_taken = Registration.objects.filter(session=session).seats(moment).count()
    left = max(session.capacity - seats_taken, 0)
    return RegistrationState(State.OPEN if left else State.FULL, seats_left=left, **common)


def lock_session(session_pk: int) -> Session:
    """The session row, locked until the current transaction ends: the caller must be inside `atomic()`.

    Every write that changes the seats of a session takes this lock first (see the module docstring).
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


def _expire_holds(session: Session, moment: datetime) -> None:
    """Mark the holds that passed their time unconfirmed as cancelled (they stopped counting already), so that their
    address may register again. Caller holds the session lock."""
    Registration.objects.filter(session=session, confirmed_at__isnull=True, hold_expires_at__lte=moment).exclude(
        status=RegistrationStatus.CANCELLED
    ).update(status=RegistrationStatus.CANCELLED, cancelled_at=F("hold_expires_at"), updated_at=moment)


def _has_expired(registration: Registration, moment: datetime) -> bool:
    """An unconfirmed hold whose time is up (whether or not it has been marked cancelled for it yet)."""
    if registration.confirmed_at is not None or registration.hold_expires_at is None:
        return False
    if registration.status == RegistrationStatus.CANCELLED:
        return registration.cancelled_at == registration.hold_expires_at
    return registration.hold_expires_at <= moment


@dataclass
class Outcome:
    """What a registration step did: the registration concerned, whether it is new, and who was promoted to a seat
    on the way (to be told by e-mail)."""

    registration: Registration
    created: bool = False
    promoted: list[Registration] = field(default_factory=list)


def register_for_session(*, session: Session, name: str, email: str, phone: str = "", language: str) -> Outcome:
    """Hold a seat, or a waiting-list place when all seats are taken, for HOLD_TIME until the address is confirmed.

    Raises `RegistrationNotNeeded` (open entry), `RegistrationNotOpen` or `RegistrationClosed` (window by
    `core.clock.now()`, a cancelled or finished session). When the address (any case) already holds a registration,
    nothing is written and that registration is returned with `created=False`: the caller answers the same and mails
    the owner. Sends no e-mail. The visitor's consent is the caller's to collect.
    """
    email = email.strip()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    try:
        with transaction.atomic():
            locked = lock_session(session.pk)
            moment = clock.now()
            state = registration_state(locked, moment=moment, seats_taken=0)
            if state.code == State.NONE:
                raise RegistrationNotNeeded
            if state.code == State.NOT_OPEN:
                raise RegistrationNotOpen
            if not state.can_register:
                raise RegistrationClosed
            _expire_holds(locked, moment)
            promoted = _promote(locked, moment)
            existing = _active_with_email(locked, email).first()
            if existing is not None:
                return Outcome(existing, created=False, promoted=promoted)
            full = confirmed_seats(locked) >= locked.capacity
            registration = Registration.objects.create(
                session=locked,
                name=name.strip(),
                email=email,
                phone=phone.strip(),
                language=language,
                consent=True,
                status=RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED,
                hold_expires_at=moment + HOLD_TIME,
            )
    except IntegrityError:
        # A row written past the lock with the same e-mail: the unique constraint is the last word.
        existing = _active_with_email(session, email).first()
        if existing is not None:
            return Outcome(existing, created=False)
        raise
    release_hold_later(registration)
    return Outcome(registration, created=True, promoted=promoted)


def confirm_registration(*, registration: Registration) -> Outcome:
    """The holder followed the link in the e-mail: their address is proven.

    A hold still running becomes theirs for good. A hold that expired is judged again as a new registration would
    be (a free seat, else the waiting list). A confirmed waiting-list place takes a seat that is free. Following the
    link again changes nothing. A cancelled registration (not by expiry), or one whose session is over or cancelled,
    stays as it is: the page says so.
    """
    with transaction.atomic():
        locked = lock_session(registration.session_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        moment = clock.now()
        promoted: list[Registration] = []
        expired = _has_expired(current, moment)
        usable = current.confirmed_at is None and (current.status != RegistrationStatus.CANCELLED or expired)
        if usable and not locked.is_cancelled and moment < locked.ends_at:
            _expire_holds(locked, moment)
            promoted = _promote(locked, moment)  # the confirmed waiting list is served before a late confirmation
            current.refresh_from_db()
            if expired:
                other = _active_with_email(locked, current.email).exclude(pk=current.pk).first()
                if other is not None:  # registered again since: that registration is the one to confirm
                    current = Registration.objects.select_for_update().get(pk=other.pk)
            if current.confirmed_at is None:
                if current.status != RegistrationStatus.CONFIRMED:  # an expired hold, or a waiting-list place
                    free = confirmed_seats(locked, exclude_pk=current.pk) < locked.capacity
                    seat = free and moment < locked.starts_at
                    current.status = RegistrationStatus.CONFIRMED if seat else RegistrationStatus.WAITLISTED
                current.cancelled_at = None
                current.confirmed_at = moment
                current.save(update_fields=["status", "cancelled_at", "confirmed_at", "updated_at"])
    registration.__dict__.update({name: getattr(current, name) for name in ("status", "confirmed_at", "cancelled_at")})
    return Outcome(current, promoted=promoted)


def _promote(session: Session, moment: datetime) -> list[Registration]:
    """Give free seats to the confirmed waiting list, oldest first. Caller holds the session lock. Nobody is promoted
    once the session has started: a seat freed then is of no use, and the e-mail would only confuse."""
    if session.capacity is None or session.is_cancelled or moment >= session.starts_at:
        return []
    free = session.capacity - confirmed_seats(session)
    if free <= 0:
        return []
    waiting = list(
        Registration.objects.select_for_update()
        .filter(session=session, status=RegistrationStatus.WAITLISTED, confirmed_at__isnull=False)
        .order_by("created_at", "pk")[:free]
    )
    for registration in waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
    return waiting


def promote_from_waitlist(*, session: Session) -> Registration | None:
    """Give a free seat to the first person on the (confirmed) waiting list; return them, or None.

    Takes the session lock itself (nested inside the caller's transaction when there is one).
    """
    with transaction.atomic():
        locked = lock_session(session.pk)
        moment = clock.now()
        _expire_holds(locked, moment)
        promoted = _promote(locked, moment)
    return promoted[0] if promoted else None


def cancel_registration(*, registration: Registration) -> Registration | None:
    """Cancel a seat or a waiting-list place; when a seat is freed, return whoever was promoted to it.

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


@task()
def release_hold(registration_id: int, origin: str | None = None) -> None:
    """Queued for the moment a hold expires: if it is still unconfirmed, its seat goes to the waiting list now
    rather than at the next registration. Correctness never depends on it (expired holds stop counting anyway)."""
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.confirmed_at is not None:
        return
    with site_url_override(origin):
        promoted = promote_from_waitlist(session=registration.session)
        if promoted is not None:
            mail_quietly(send_promotion, promoted)


def release_hold_later(registration: Registration) -> None:
    """Queue `release_hold` at the hold's expiry, where the task backend can wait (the database backend can; the
    immediate one of the tests cannot, and then nothing is queued)."""
    try:
        if not release_hold.get_backend().supports_defer:
            return
        release_hold.using(run_after=registration.hold_expires_at).enqueue(registration.pk, site_url())
    except Exception:
        logger.warning("Could not queue the release of hold %s", registration.pk, exc_info=True)


# The cancel link


def cancel_token(registration: Registration) -> str:
    """A signed token naming the registration; the link stops working after the event (events/links.py)."""
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def confirm_token(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=CONFIRM_SALT)


def confirm_url(registration: Registration) -> str:
    """The absolute link that confirms the address, in the registration's own language."""
    with translation.override(registration.language):
        path = reverse("events:confirm-registration", kwargs={"token": confirm_token(registration)})
    return site_url() + path


def registration_from_token(token: str, *, salt: str = CANCEL_SALT) -> Registration | None:
    """The registration a token names, or None for a tampered, malformed or stale token."""
    try:
        pk = signing.loads(token, salt=salt)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("session__venue").filter(pk=pk).first()


def cancel_url(registration: Registration) -> str:
    """The absolute cancel link, in the registration's own language."""
    with translation.override(registration.language):
        path = reverse("events:cancel-registration", kwargs={"token": cancel_token(registration)})
    return site_url() + path


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


def _send(
    registration: Registration, template: str, *, with_calendar: bool = False, with_checkin: bool = False
) -> None:
    with translation.override(registration.language):
        session = registration.session
        context = {
            "registration": registration,
            "session": session,
            "venue": session.venue,
            "cancel_url": cancel_url(registration),
            "confirm_url": confirm_url(registration),
            "session_url": site_url() + session.get_absolute_url(),
            "site_url": site_url(),
            "confirmed": registration.status == RegistrationStatus.CONFIRMED,
            "is_confirmed": registration.confirmed_at is not None,
            "hold_minutes": int(HOLD_TIME.total_seconds() // 60),
            "organisers_email": settings.TUDOI_ORGANISERS_EMAIL,
            "checkin_code": display_code(registration.checkin_code) if with_checkin else "",
        }
        subject, body = render_email(f"events/email/{template}", context)
        if with_checkin and registration.checkin_code:
            message = checkin_message(registration, subject, body, context)
        else:
            message = EmailMessage(subject=subject, body=body, to=[registration.email])
        if with_calendar:
            message.attach(f"{session.slug}.ics", session_calendar(session).decode(), "text/calendar")
    message.send()


# Until the address is confirmed, nothing the visitor typed (name, phone) goes into a mail: the address may be
# someone else's, and our mail must not carry a stranger's words to them.


def send_hold(registration: Registration) -> None:
    """The first e-mail: a seat or waiting-list place is held; the link confirms the address."""
    _send(registration, "registration_hold")


def send_already_registered(registration: Registration) -> None:
    """To the owner of an address that was registered again: what it holds, and the links."""
    _send(registration, "registration_again")


def send_confirmation(registration: Registration) -> None:
    """After the address is confirmed, in the registration's language: a seat (with the calendar entry) or a
    waiting-list place (without: there is no seat to put in a calendar yet)."""
    seat = registration.status == RegistrationStatus.CONFIRMED
    _send(registration, "registration_confirmed", with_calendar=seat, with_checkin=seat)


def send_promotion(registration: Registration) -> None:
    """The e-mail to someone moved from the waiting list to a seat, in their language, with the calendar entry."""
    _send(registration, "registration_promoted", with_calendar=True, with_checkin=True)


def send_cancelled_by_staff(registration: Registration) -> None:
    """To the holder of a registration the organisers cancelled."""
    _send(registration, "registration_cancelled")
