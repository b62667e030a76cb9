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

from tudoi import clock
from tudoi.mail import mail_quietly, render_email
from tudoi.models import Status
from tudoi.web import site_url, site_url_override

from .models import Session, SessionChange, StatusChange

logger = logging.getLogger(__name__)

# How long the session page says "moved from … to …" after a change.
RECENT = timedelta(hours=48)


def previous_state(session: Session) -> dict | None:
    """What a session was before this save: None for a new one."""
    if session.pk is None:
        return None
    return (
        Session.objects.filter(pk=session.pk)
        .values("status", "starts_at", "ends_at", "venue_id", "is_cancelled")
        .first()
    )


def follow_time(session: Session, before: dict | None) -> None:
    """When the start moves, the registration window moves with it (before the save)."""
    if before is None or before["starts_at"] == session.starts_at:
        return
    delta = session.starts_at - before["starts_at"]
    if session.registration_opens_at is not None:
        session.registration_opens_at += delta
    if session.registration_closes_at is not None:
        session.registration_closes_at += delta


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


def latest_change_at():
    """An annotation: when the session last changed (None when it never did), to skip the query for the change
    itself on the pages of the many sessions that never moved."""
    return Subquery(
        SessionChange.objects.filter(session=OuterRef("pk")).order_by("-changed_at").values("changed_at")[:1]
    )


def latest_recent_change(session: Session) -> SessionChange | None:
    """The change the session page announces: the latest one, while it is recent. `session` may carry the
    `latest_change_at` annotation, which saves the query when there is nothing recent to announce."""
    if hasattr(session, "latest_change_at"):
        changed_at = session.latest_change_at
        if changed_at is None or clock.now() - changed_at > RECENT:
            return None
    change = session.changes.select_related("old_venue", "new_venue").first()
    if change is None or clock.now() - change.changed_at > RECENT:
        return None
    return change
