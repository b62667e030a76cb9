"""Buyers' meeting requests: store one, keep robots out, and tell the buyer, the unit and the organisers.

The view (`exhibitors.meeting_views.meet`) only turns these answers into pages; the admin follows the requests.
"""

from collections.abc import Callable, Iterable
from datetime import date, time

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import mail_quietly, render_email
from core.ratelimit import RateLimit
from core.web import site_url

from .models import CreativeUnit, MeetingRequest, Sector


class PreferredTime(models.TextChoices):
    """The slots a buyer may prefer, by the fair's opening hours. `MeetingRequest.preferred_time` stores the value
    (staff may also type free text in the admin, which is shown as typed)."""

    MORNING = "morning", _("Morning (08:00–12:00)")
    AFTERNOON = "afternoon", _("Afternoon (13:30–17:00)")
    EVENING = "evening", _("Evening (17:00–21:00)")


# When each slot ends, Hanoi time: a slot is offered until then.
SLOT_ENDS = {
    PreferredTime.MORNING: time(12, 0),
    PreferredTime.AFTERNOON: time(17, 0),
    PreferredTime.EVENING: time(21, 0),
}
LAST_SLOT = PreferredTime.EVENING


def preferred_time_label(value: str) -> str:
    """The slot in the active language, or the text as typed when it is not one of the slots."""
    return str(PreferredTime(value).label) if value in PreferredTime.values else value


# Rate limit: a person asks a few units for a meeting; a robot asks hundreds.

RATE_LIMIT = 5  # accepted requests (and robots caught by the honeypot) per client address and hour
MEETING_RATE_LIMIT = RateLimit("meeting-requests", (60 * 60, RATE_LIMIT))


# The request


def create_meeting_request(
    *,
    unit: CreativeUnit,
    buyer_name: str,
    organisation: str,
    channel: str,
    sectors: Iterable[Sector] = (),
    order_size: str = "",
    email: str,
    phone: str = "",
    message: str,
    preferred_day: date | None = None,
    preferred_time: str = "",
    language: str,
) -> MeetingRequest:
    """Store a buyer's request (status "new") with the language of the page it was sent from. Sends no e-mail:
    the caller calls `send_meeting_emails()` once this has returned."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with transaction.atomic():
        meeting = MeetingRequest.objects.create(
            unit=unit,
            buyer_name=buyer_name.strip(),
            organisation=organisation.strip(),
            channel=channel,
            order_size=order_size,
            email=email.strip(),
            phone=phone.strip(),
            message=message.strip(),
            preferred_day=preferred_day,
            preferred_time=preferred_time,
            language=language,
        )
        meeting.sectors.set(sectors)
    return meeting


# E-mails


def _send(meeting: MeetingRequest, template: str, *, language: str, to: str, reply_to: str | None = None) -> None:
    with translation.override(language):
        unit = meeting.unit
        context = {
            "meeting": meeting,
            "unit": unit,
            "sectors": [sector.name for sector in meeting.sectors.all()],
            "preferred_time": preferred_time_label(meeting.preferred_time),
            # From settings, NFC: Django's own name for Vietnamese is decomposed.
            "language_name": dict(settings.LANGUAGES).get(meeting.language, meeting.language),
            "unit_url": site_url() + unit.get_absolute_url(),
            "admin_url": site_url() + reverse("admin:exhibitors_meetingrequest_change", args=[meeting.pk]),
            "unit_has_contact": bool(unit.contact_email),
            "site_url": site_url(),
        }
        subject, body = render_email(f"exhibitors/email/{template}", context)
    EmailMessage(subject=subject, body=body, to=[to], reply_to=[reply_to] if reply_to else None).send()


def send_buyer_confirmation(meeting: MeetingRequest) -> None:
    """To the buyer, in the language of the page they wrote from. It repeats none of their free text: a robot
    that slipped through must not be able to mail its own message to someone else's address."""
    _send(meeting, "meeting_confirmation", language=meeting.language, to=meeting.email)


def send_unit_notification(meeting: MeetingRequest) -> None:
    """To the unit's contact for meeting requests, in Vietnamese; replying answers the buyer. Nothing is sent
    when the unit has no contact address: the organisers forward the request themselves."""
    if meeting.unit.contact_email:
        _send(
            meeting,
            "meeting_unit",
            language=settings.LANGUAGE_CODE,
            to=meeting.unit.contact_email,
            reply_to=meeting.email,
        )


def send_organisers_notification(meeting: MeetingRequest) -> None:
    """To the organisers, in Vietnamese, with a link to the request in the admin."""
    _send(
        meeting,
        "meeting_organisers",
        language=settings.LANGUAGE_CODE,
        to=settings.TUDOI_ORGANISERS_EMAIL,
        reply_to=meeting.email,
    )


MEETING_EMAILS: tuple[Callable[[MeetingRequest], None], ...] = (
    send_buyer_confirmation,
    send_unit_notification,
    send_organisers_notification,
)


def send_meeting_emails(meeting: MeetingRequest) -> int:
    """Send every e-mail about a new request; a failure is logged, not raised, so that a mail server outage
    neither hides a stored request from the buyer nor stops the other e-mails. Returns how many failed."""
    return sum(not mail_quietly(send, meeting) for send in MEETING_EMAILS)
