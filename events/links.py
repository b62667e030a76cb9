"""How long the signed links handed to visitors keep working: agenda share links (and their calendar feed and QR
code), registration confirmation and cancellation links.

The tokens are signed, so nobody can forge one, but a link kept in a mailbox or a screenshot would otherwise work
for ever. They all stop at the end of one day, TUDOI_SIGNED_LINKS_VALID_UNTIL (Hanoi time): after the event, with a
margin for late cancellations and for looking back at one's agenda. Past it, a link with a good signature answers
410 Gone with a page that says so in the visitor's language; a link whose signature fails still answers 400.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core import clock


def last_valid_day() -> date:
    value = settings.TUDOI_SIGNED_LINKS_VALID_UNTIL
    return value if isinstance(value, date) else date.fromisoformat(value)


def expires_at() -> datetime:
    """The first moment at which the links no longer work: midnight after the last valid day, in Hanoi."""
    return timezone.make_aware(datetime.combine(last_valid_day() + timedelta(days=1), time.min))


def expired(moment: datetime | None = None) -> bool:
    return (moment or clock.now()) >= expires_at()


def expired_page(request: HttpRequest) -> HttpResponse:
    response = render(request, "events/link_expired.html", {"last_valid_day": last_valid_day()}, status=410)
    response["Cache-Control"] = "no-store"
    return response
