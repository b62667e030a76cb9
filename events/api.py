"""Open data: venues, sessions and speakers (registered with core.api in EventsConfig.ready)."""

from django.db.models import Prefetch

from core import api
from core.api import Resource
from exhibitors.models import CreativeUnit, Sector

from .models import DeliveryLanguage, Session, SessionKind, Speaker, Venue

# Venues


def _published_venues():
    return Venue.objects.published()


def venues():
    return Venue.objects.published().order_by("order", "name_vi", "pk")


def venue_record(venue: Venue) -> dict:
    return {
        "id": venue.pk,
        "slug": venue.slug,
        "name": api.text(venue, "name"),
        "address": api.text(venue, "address"),
        "latitude": api.number(venue.latitude),
        "longitude": api.number(venue.longitude),
        "description": api.text(venue, "description"),
        "hours": api.text(venue, "hours"),
        "accessibility": api.text(venue, "accessibility"),
        "map_url": venue.map_url or None,
        "page_url": api.page_urls(name="visit", fragment=venue.slug),
        "updated_at": api.moment(venue.updated_at),
    }


VENUE = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "name": api.TEXT,
    "address": api.TEXT,
    "latitude": {**api.OPTIONAL_NUMBER, "minimum": -90, "maximum": 90},
    "longitude": {**api.OPTIONAL_NUMBER, "minimum": -180, "maximum": 180},
    "description": api.TEXT,
    "hours": {**api.TEXT, "description": "Opening hours."},
    "accessibility": {**api.TEXT, "description": "Access and accessibility."},
    "map_url": {**api.OPTIONAL_URI, "description": "The venue on OpenStreetMap."},
    "page_url": {**api.PAGE, "description": "The venue on the visit page."},
    "updated_at": api.DATE_TIME,
}


# Sessions


def _published_sectors():
    return Sector.objects.published()


def sessions():
    return (
        Session.objects.published()
        .select_related("venue")
        .prefetch_related(
            Prefetch("sectors", queryset=Sector.objects.published()),
            Prefetch("speakers", queryset=Speaker.objects.published()),
            Prefetch("host_units", queryset=CreativeUnit.objects.published()),
        )
        .order_by("starts_at", "venue__order", "title_vi", "pk")
    )


def session_record(session: Session) -> dict:
    return {
        "id": session.pk,
        "slug": session.slug,
        "title": api.text(session, "title"),
        "type": session.kind,
        "type_label": api.labels(SessionKind, session.kind),
        "summary": api.text(session, "summary"),
        "description": api.text(session, "description"),
        "starts_at": api.moment(session.starts_at),
        "ends_at": api.moment(session.ends_at),
        "venue": session.venue.slug if session.venue.is_public else None,
        "location_detail": api.text(session, "location_detail"),
        "sectors": [sector.slug for sector in session.sectors.all()],
        "speakers": [speaker.slug for speaker in session.speakers.all()],
        "host_units": [unit.slug for unit in session.host_units.all()],
        "language": session.language,
        "language_label": api.labels(DeliveryLanguage, session.language),
        "capacity": session.capacity,
        "registration_opens_at": api.moment(session.registration_opens_at),
        "registration_closes_at": api.moment(session.registration_closes_at),
        "image": api.file_url(session.image),
        "is_highlight": session.is_highlight,
        "page_url": api.page_urls(session),
        "updated_at": api.moment(session.updated_at),
    }


SESSION = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "title": api.TEXT,
    "type": api.enum(SessionKind),
    "type_label": api.LABEL,
    "summary": api.TEXT,
    "description": api.TEXT,
    "starts_at": api.DATE_TIME,
    "ends_at": api.DATE_TIME,
    "venue": {**api.OPTIONAL_SLUG, "description": "Slug of the venue (see /venues/)."},
    "location_detail": {**api.TEXT, "description": "The place within the venue."},
    "sectors": {**api.SLUGS, "description": "Slugs of the sectors."},
    "speakers": {**api.SLUGS, "description": "Slugs of the speakers (see /speakers/)."},
    "host_units": {**api.SLUGS, "description": "Slugs of the creative units that host it."},
    "language": api.enum(DeliveryLanguage),
    "language_label": api.LABEL,
    "capacity": {**api.OPTIONAL_INTEGER, "description": "Seats; null for open entry without registration."},
    "registration_opens_at": {"type": ["string", "null"], "format": "date-time"},
    "registration_closes_at": {"type": ["string", "null"], "format": "date-time"},
    "image": api.OPTIONAL_URI,
    "is_highlight": api.BOOLEAN,
    "page_url": api.PAGE,
    "updated_at": api.DATE_TIME,
}

SESSION_FILTERS = (
    api.date_filter("day", "starts_at__date", "Sessions starting on this day (Hanoi time), as YYYY-MM-DD."),
    api.slug_filter(
        "venue",
        _published_venues,
        lambda sessions, venue: sessions.filter(venue=venue),
        "Sessions at this venue (slug).",
    ),
    api.choice_filter("type", SessionKind, "kind", "Sessions of this type."),
    api.slug_filter(
        "sector",
        _published_sectors,
        lambda sessions, sector: sessions.filter(
            pk__in=Session.sectors.through.objects.filter(sector=sector).values("session_id")
        ),
        "Sessions of this sector (slug).",
    ),
    api.choice_filter("language", DeliveryLanguage, "language", "Sessions in this language of delivery."),
)


# Speakers


def speakers():
    return (
        Speaker.objects.published()
        .prefetch_related(Prefetch("sessions", queryset=Session.objects.published()))
        .order_by("search_names_folded", "pk")
    )


def speaker_record(speaker: Speaker) -> dict:
    return {
        "id": speaker.pk,
        "slug": speaker.slug,
        "name": speaker.name,
        "role": api.text(speaker, "role"),
        "organisation": api.text(speaker, "organisation"),
        "bio": api.text(speaker, "bio"),
        "photo": api.file_url(speaker.photo),
        "sessions": [session.slug for session in speaker.sessions.all()],
        "updated_at": api.moment(speaker.updated_at),
    }


SPEAKER = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "name": api.STRING,
    "role": api.TEXT,
    "organisation": api.TEXT,
    "bio": api.TEXT,
    "photo": api.OPTIONAL_URI,
    "sessions": {**api.SLUGS, "description": "Slugs of the sessions where they speak."},
    "updated_at": api.DATE_TIME,
}


def register() -> None:
    api.register(
        Resource(
            name="venues",
            schema_name="Venue",
            title="Venues",
            description="Where the sessions and the exhibition take place, with coordinates and access notes.",
            queryset=venues,
            serialize=venue_record,
            properties=VENUE,
            order=4,
        )
    )
    api.register(
        Resource(
            name="sessions",
            schema_name="Session",
            title="Sessions",
            description=(
                "The programme: ceremonies, forums, workshops, performances, fairs, business meetings and tours. "
                "Filters match the programme page at /vi/programme/. Also as CSV: /api/v1/sessions.csv."
            ),
            queryset=sessions,
            serialize=session_record,
            properties=SESSION,
            filters=SESSION_FILTERS,
            csv=True,
            order=5,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="speakers",
            schema_name="Speaker",
            title="Speakers",
            description="The people who speak or perform in the sessions.",
            queryset=speakers,
            serialize=speaker_record,
            properties=SPEAKER,
            order=6,
            images=("photo",),
        )
    )
