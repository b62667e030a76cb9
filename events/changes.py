"""Programme changes: record a published session's new time, place or cancellation, and tell the people it concerns.

`Session.save()` calls `record()` whatever saved it (the admin, an import, the shell, the demo loader). A change is
kept as a `SessionChange`, listed on /programme/changes/ with its feed, and once the transaction commits one
background task (`announce`) mails every confirmed registration of the session, each in its own language, with
the updated calendar entry. The request that saved the session only writes rows.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import translation
from django_tasks import task
from modeltranslation.utils import build_localized_fieldname

from core import clock
from core.mail import mail_quietly, render_email
from core.models import Status
from core.web import site_url, site_url_override

from .models import Session, SessionChange, StatusChange, Venue

logger = logging.getLogger(__name__)

# How long the session page says "moved from … to …" after a change.
RECENT = timedelta(hours=48)


def previous_state(session: Session) -> dict | None:
    """What a session was before this save: None for a new one."""
    if session.pk is None:
        return None
    return (
        Session.objects.filter(pk=session.pk)
        .values(
            "status",
            "starts_at",
            "ends_at",
            "venue_id",
            "is_cancelled",
            "registration_opens_at",
            "registration_closes_at",
        )
        .first()
    )


def follow_time(session: Session, before: dict | None) -> None:
    """When the start moves, the registration window moves with it (before the save). A bound given a new value in
    the same save (an organiser who moves the session and sets the window) is left as given."""
    if before is None or before["starts_at"] == session.starts_at:
        return
    delta = session.starts_at - before["starts_at"]
    for name in ("registration_opens_at", "registration_closes_at"):
        value = getattr(session, name)
        if value is not None and value == before[name]:
            setattr(session, name, value + delta)


def record(session: Session, before: dict | None) -> SessionChange | None:
    """After the save: a SessionChange when a published session got a new time, venue or cancellation; its
    announcement is queued for when the transaction commits."""
    if before is None or before["status"] != Status.PUBLISHED or session.status != Status.PUBLISHED:
        return None
    status_change = StatusChange.NONE
    if session.is_cancelled != before["is_cancelled"]:
        status_change = StatusChange.CANCELLED if session.is_cancelled else StatusChange.REINSTATED
    moved = (before["starts_at"], before["ends_at"], before["venue_id"]) != (
        session.starts_at,
        session.ends_at,
        session.venue_id,
    )
    if not moved and not status_change:
        return None
    change = SessionChange.objects.create(
        session=session,
        changed_at=clock.now(),
        old_starts_at=before["starts_at"],
        old_ends_at=before["ends_at"],
        new_starts_at=session.starts_at,
        new_ends_at=session.ends_at,
        old_venue_id=before["venue_id"],
        new_venue_id=session.venue_id,
        status_change=status_change,
    )
    origin = site_url()
    transaction.on_commit(lambda: _queue_announcement(change.pk, origin))
    return change


def _queue_announcement(change_id: int, origin: str) -> None:
    try:
        announce.enqueue(change_id, origin)
    except Exception:
        logger.exception("Could not queue the announcement of programme change %s", change_id)


def people_to_tell(session: Session):
    """Everyone with a proven address: confirmed seats and confirmed waiting-list places."""
    return session.registrations.confirmed().order_by("pk")


@task()
def announce(change_id: int, origin: str | None = None) -> int:
    """Mail each confirmed registration of the changed session (each message is its own queued delivery)."""
    change = SessionChange.objects.select_related("session__venue", "old_venue", "new_venue").filter(pk=change_id)
    change = change.first()
    if change is None:
        return 0
    count = 0
    with site_url_override(origin):
        for registration in people_to_tell(change.session).select_related("session__venue"):
            if mail_quietly(lambda r, c=change: send_change_notice(r, c), registration):
                count += 1
    return count


def send_change_notice(registration, change: SessionChange) -> None:
    # Imported here: events.registration imports the models this module is imported from.
    from .registration import cancel_url, session_calendar

    with translation.override(registration.language):
        session = change.session
        context = {
            "registration": registration,
            "session": session,
            "change": change,
            "session_url": site_url() + session.get_absolute_url(),
            "cancel_url": cancel_url(registration),
            "site_url": site_url(),
            "organisers_email": settings.TUDOI_ORGANISERS_EMAIL,
        }
        subject, body = render_email("events/email/session_changed", context)
        message = EmailMessage(subject=subject, body=body, to=[registration.email])
        message.attach(f"{session.slug}.ics", session_calendar(session).decode(), "text/calendar")
    message.send()


# What the session page reads of the latest change, and the names of the venues it shows, in each language.
_LATEST = ("pk", "changed_at", "old_starts_at", "old_ends_at", "new_starts_at", "new_ends_at", "status_change")
_VENUE_NAMES = tuple(build_localized_fieldname("name", code) for code in settings.MODELTRANSLATION_LANGUAGES)


def latest_change_annotations() -> dict:
    """Annotations (`.annotate(**latest_change_annotations())`) carrying each session's latest change, so that the
    session page shows it without a query of its own: `latest_change_pk` is None for a session that never changed."""
    latest = SessionChange.objects.filter(session=OuterRef("pk")).order_by("-changed_at", "-pk")
    lookups = [*_LATEST, "old_venue_id", "new_venue_id"]
    lookups += [f"{end}_venue__{name}" for end in ("old", "new") for name in _VENUE_NAMES]
    return {"latest_change_" + lookup.replace("__", "_"): Subquery(latest.values(lookup)[:1]) for lookup in lookups}


def _annotated_change(session: Session) -> SessionChange:
    """The latest change, rebuilt from the annotations of `latest_change_annotations()`."""
    values = {name: getattr(session, f"latest_change_{name}") for name in _LATEST}
    change = SessionChange(session=session, **values)
    for end in ("old", "new"):
        venue_id = getattr(session, f"latest_change_{end}_venue_id")
        if venue_id == session.venue_id:
            venue = session.venue
        else:
            names = {name: getattr(session, f"latest_change_{end}_venue_{name}") for name in _VENUE_NAMES}
            venue = Venue(pk=venue_id, **names)
        setattr(change, f"{end}_venue", venue)
    return change


def latest_recent_change(session: Session) -> SessionChange | None:
    """The change the session page announces: the latest one, while it is recent. Without the annotations of
    `latest_change_annotations()` on `session`, one query reads it."""
    if hasattr(session, "latest_change_pk"):
        change = _annotated_change(session) if session.latest_change_pk is not None else None
    else:
        change = session.changes.select_related("old_venue", "new_venue").first()
    if change is None or clock.now() - change.changed_at > RECENT:
        return None
    return change
