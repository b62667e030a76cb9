"""Open data: venues, sessions and speakers (registered with core.api in EventsConfig.ready).

One schema per resource: its fields are the answer and its description in the OpenAPI document (core.api.Record)."""

from datetime import datetime
from typing import Annotated

from django.db.models import Prefetch
from pydantic import Field

from core import api
from core.api import Id, Label, PageUrls, Record, Resource, Slug, Text, Uri
from exhibitors.models import CreativeUnit, Sector

from .models import DeliveryLanguage, Session, SessionKind, Speaker, Venue


class VenueRecord(Record):
    id: Id
    slug: Slug
    name: Text
    address: Text
    latitude: Annotated[float, Field(ge=-90, le=90)] | None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None
    description: Text
    hours: Text = Field(description="Opening hours.")
    accessibility: Text = Field(description="Access and accessibility.")
    map_url: Uri | None = Field(description="The venue on OpenStreetMap.")
    page_url: PageUrls = Field(description="The venue on the visit page.")
    updated_at: datetime

    @staticmethod
    def resolve_page_url(venue: Venue) -> dict:
        return api.page_urls(name="visit", fragment=venue.slug)


class SessionRecord(Record):
    id: Id
    slug: Slug
    title: Text
    type: SessionKind
    type_label: Label
    summary: Text
    description: Text
    starts_at: datetime
    ends_at: datetime
    venue: Slug | None = Field(description="Slug of the venue (see /venues/).")
    location_detail: Text = Field(description="The place within the venue.")
    sectors: list[Slug] = Field(description="Slugs of the sectors.")
    speakers: list[Slug] = Field(description="Slugs of the speakers (see /speakers/).")
    host_units: list[Slug] = Field(description="Slugs of the creative units that host it.")
    language: DeliveryLanguage
    language_label: Label
    capacity: int | None = Field(description="Seats; null for open entry without registration.")
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    image: Uri | None
    is_highlight: bool
    page_url: PageUrls
    updated_at: datetime

    @staticmethod
    def resolve_type(session: Session) -> str:
        return session.kind


class SessionFilters(api.Filters):
    day: api.day("starts_at__date", "Sessions starting on this day (Hanoi time), as YYYY-MM-DD.") = None
    venue: api.slug_of(
        Venue.objects.published, lambda sessions, venue: sessions.filter(venue=venue), "Sessions at this venue (slug)."
    ) = None
    type: api.choice(SessionKind, "kind", "Sessions of this type.") = None
    sector: api.slug_of(
        Sector.objects.published,
        lambda sessions, sector: sessions.filter(
            pk__in=Session.sectors.through.objects.filter(sector=sector).values("session_id")
        ),
        "Sessions of this sector (slug).",
    ) = None
    language: api.choice(DeliveryLanguage, "language", "Sessions in this language of delivery.") = None


class SpeakerRecord(Record):
    id: Id
    slug: Slug
    name: str
    role: Text
    organisation: Text
    bio: Text
    photo: Uri | None
    sessions: list[Slug] = Field(description="Slugs of the sessions where they speak.")
    updated_at: datetime


def register() -> None:
    api.register(
        Resource(
            name="venues",
            schema=VenueRecord,
            schema_name="Venue",
            title="Venues",
            description="Where the sessions and the exhibition take place, with coordinates and access notes.",
            queryset=lambda: Venue.objects.published().order_by("order", "name_vi", "pk"),
            order=4,
        )
    )
    api.register(
        Resource(
            name="sessions",
            schema=SessionRecord,
            schema_name="Session",
            title="Sessions",
            description=(
                "The programme: ceremonies, forums, workshops, performances, fairs, business meetings and tours. "
                "Filters match the programme page at /vi/programme/. Also as CSV: /api/v1/sessions.csv."
            ),
            queryset=lambda: (
                Session.objects.published()
                .select_related("venue")
                .prefetch_related(
                    Prefetch("sectors", queryset=Sector.objects.published()),
                    Prefetch("speakers", queryset=Speaker.objects.published()),
                    Prefetch("host_units", queryset=CreativeUnit.objects.published()),
                )
                .order_by("starts_at", "venue__order", "title_vi", "pk")
            ),
            filters=SessionFilters,
            csv=True,
            order=5,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="speakers",
            schema=SpeakerRecord,
            schema_name="Speaker",
            title="Speakers",
            description="The people who speak or perform in the sessions.",
            queryset=lambda: (
                Speaker.objects.published()
                .prefetch_related(Prefetch("sessions", queryset=Session.objects.published()))
                .order_by("search_names_folded", "pk")
            ),
            order=6,
            images=("photo",),
        )
    )
