"""Calendars (iCalendar, RFC 5545) of published sessions: the whole programme, one session, a personal agenda.

Building only: the views are in `calendar_views.py`, and other features (the personal agenda) call
`calendar_response()` with their own sessions. Text is in the active language, with modeltranslation's fallback to
Vietnamese; times are Hanoi wall-clock times with a TZID and a VTIMEZONE, so every client shows them right.
"""

import re
from collections.abc import Iterable
from datetime import UTC, timedelta
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext

from core import web
from exhibitors.models import Sector

from .models import DeliveryLanguage, Session, Speaker

HANOI_TZID = "Asia/Ho_Chi_Minh"
HANOI = ZoneInfo(HANOI_TZID)
PRODID = "-//Tu hoi sang tao//Creative Gathering 2026//VI"
# How often subscribed clients should fetch the feed again (RFC 7986 and the older Microsoft property).
REFRESH_INTERVAL = timedelta(hours=1)

# C0 controls (other than tab and newline), DEL, C1 controls and the line/paragraph separators: RFC 5545 forbids
# controls in text, and some parsers split lines on U+2028/U+2029, which would cut a title in two.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def clean_text(value: str | None) -> str:
    """Text safe for a calendar or schedule file: Unix newlines, no control characters."""
    if not value:
        return ""
    return _UNSAFE_CHARS.sub(" ", str(value).replace("\r\n", "\n").replace("\r", "\n"))


def site_url(path: str) -> str:
    """Absolute URL on the public site (`core.web.site_url()`) of a path such as `session.get_absolute_url()`."""
    return urljoin(web.site_url() + "/", path)


def webcal_url(url: str) -> str:
    """The `webcal://` form of an http(s) URL, which calendar apps open as a subscription.

    A path ("/vi/programme.ics") is taken as a path on the public site.
    """
    if url.startswith("/"):
        url = site_url(url)
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in {"http", "https", "webcal"} or not rest:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return f"webcal://{rest}"


def calendar_sessions(queryset: QuerySet | None = None) -> QuerySet:
    """Published sessions with everything an entry reads, in three queries whatever their number."""
    queryset = Session.objects.all() if queryset is None else queryset
    return (
        queryset.published()
        .annotate(change_count=Count("changes", distinct=True))
        .select_related("venue")
        .prefetch_related(
            Prefetch("speakers", queryset=Speaker.objects.published()),
            Prefetch("sectors", queryset=Sector.objects.published()),
        )
    )


def uid_host() -> str:
    # Fixed, not the request's host: a UID (or a feed entry's id) must stay the same whatever address it was fetched
    # from.
    return urlsplit(settings.TUDOI_SITE_URL).hostname or "tuhoisangtao.local"


def session_uid(session: Session) -> str:
    """Stable across renames and languages: a client updates its copy instead of adding a second one."""
    return f"session-{session.pk}@{uid_host()}"


def session_location(session: Session) -> str:
    venue = session.venue
    return ", ".join(part for part in (venue.name, session.location_detail, venue.address) if part)


def public_speakers(session: Session) -> list[Speaker]:
    # With calendar_sessions() this reads the prefetched published speakers; the filter covers other querysets.
    return [speaker for speaker in session.speakers.all() if speaker.is_public]


def public_sectors(session: Session) -> list[Sector]:
    return [sector for sector in session.sectors.all() if sector.is_public]


def _description(session: Session, url: str) -> str:
    parts = [session.summary, session.description]
    speakers = public_speakers(session)
    if speakers:
        parts.append(gettext("Speakers: %(names)s") % {"names": ", ".join(s.name for s in speakers)})
    if session.language != DeliveryLanguage.NONE:
        parts.append(gettext("Language: %(language)s") % {"language": session.get_language_display()})
    if session.needs_registration:
        parts.append(gettext("Limited seats: registration required."))
    parts.append(url)
    return "\n\n".join(text for text in (clean_text(p).strip() for p in parts) if text)


def session_event(session: Session) -> icalendar.Event:
    """The VEVENT of one session, in the active language."""
    url = site_url(session.get_absolute_url())
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", session.updated_at.astimezone(UTC))
    event.add("created", session.created_at.astimezone(UTC))
    event.add("last-modified", session.updated_at.astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(HANOI))
    event.add("dtend", session.ends_at.astimezone(HANOI))
    event.add("summary", clean_text(session.title))
    event.add("description", _description(session, url))
    event.add("location", clean_text(session_location(session)))
    venue = session.venue
    if venue.latitude is not None and venue.longitude is not None:
        event.add("geo", (float(venue.latitude), float(venue.longitude)))
    event.add("url", url)
    categories = [str(session.get_kind_display())] + [clean_text(sector.name) for sector in public_sectors(session)]
    event.add("categories", categories)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    # Clients replace their copy only when SEQUENCE grows: one more for each recorded programme change.
    changes = getattr(session, "change_count", None)
    event.add("sequence", session.changes.count() if changes is None else changes)
    event.add("class", "PUBLIC")
    event.add("transp", "OPAQUE")
    return event


def build_calendar(sessions: Iterable[Session], *, name: str, description: str = "") -> icalendar.Calendar:
    """A VCALENDAR with one VEVENT per session that the public may see; anything else given is left out."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = " ".join(clean_text(name).split())  # NAME and X-WR-CALNAME are single-line: icalendar does not escape them
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", clean_text(description))
        calendar.add("x-wr-caldesc", clean_text(description))
    calendar.add("x-wr-timezone", HANOI_TZID)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    for session in sessions:
        if session.is_public:
            calendar.add_component(session_event(session))
    # The VTIMEZONE goes in even when there is no event, so an empty feed still says where it is.
    if not calendar.events:
        calendar.add_component(icalendar.Timezone.from_tzid(HANOI_TZID))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(sessions: Iterable[Session], *, name: str, filename: str, description: str = "") -> HttpResponse:
    """An `inline` text/calendar response: opened by the calendar app, or subscribed to by URL."""
    calendar = build_calendar(sessions, name=name, description=description)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename)
    response["Content-Language"] = get_language() or settings.LANGUAGE_CODE
    return response
