"""Open data: exhibitions, artworks and artists (registered with core.api in ExhibitionsConfig.ready).

One schema per resource: its fields are the answer and its description in the OpenAPI document (core.api.Record)."""

from datetime import date, datetime
from typing import Annotated

from django.db.models import Prefetch
from pydantic import Field

from core import api
from core.api import Id, Label, PageUrls, Record, Resource, Slug, Text, Uri

from .models import Artist, Artwork, Exhibition, Region, Technique


def _public_artworks():
    """Published works of published exhibitions: the ones that have a public page."""
    return Artwork.objects.published().filter(exhibition__in=Exhibition.objects.published())


class ExhibitionRecord(Record):
    id: Id
    slug: Slug
    title: Text
    subtitle: Text
    description: Text = Field(description="The curatorial text.")
    starts_on: date
    ends_on: date
    venue: Slug | None = Field(description="Slug of the venue (see /venues/).")
    hours: Text
    free_entry: bool
    organisers: Text
    supporters: Text
    image: Uri | None
    page_url: PageUrls
    updated_at: datetime


Size = Annotated[float, Field(gt=0)]


class ArtworkRecord(Record):
    id: Id
    slug: Slug
    exhibition: Slug = Field(description="Slug of the exhibition (see /exhibitions/).")
    catalogue_number: int
    title: Text
    artists: list[Slug] = Field(description="Slugs of the artists (see /artists/).")
    year: int | None
    medium: Text
    technique: Technique | None
    technique_label: Label | None
    region: Region | None = Field(description="Theme or region.")
    region_label: Label | None
    width_cm: Size | None
    height_cm: Size | None
    caption: Text
    description: Text
    alt_text: Text = Field(description="What the image shows, for people who cannot see it.")
    long_description: Text = Field(description="A fuller description of the image.")
    image: Uri | None
    credit: Text = Field(description="Credit to give with the image.")
    rights: Text
    page_url: PageUrls
    updated_at: datetime


class ArtworkFilters(api.Filters):
    exhibition: api.slug_of(
        Exhibition.objects.published,
        lambda works, exhibition: works.filter(exhibition=exhibition),
        "Works of this exhibition (slug).",
    ) = None
    region: api.choice(Region, "region", "Works of this theme or region.") = None
    technique: api.choice(Technique, "technique", "Works made with this technique.") = None


class ArtistRecord(Record):
    id: Id
    slug: Slug
    name: str
    bio: Text
    city: Text
    birth_year: int | None
    website: Uri | None
    photo: Uri | None
    artworks: list[Slug] = Field(description="Slugs of their works (see /artworks/).")
    page_url: PageUrls
    updated_at: datetime


def register() -> None:
    api.register(
        Resource(
            name="exhibitions",
            schema=ExhibitionRecord,
            schema_name="Exhibition",
            title="Exhibitions",
            description="The exhibitions of the event.",
            queryset=lambda: (
                Exhibition.objects.published().select_related("venue").order_by("starts_on", "title_vi", "pk")
            ),
            order=7,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="artworks",
            schema=ArtworkRecord,
            schema_name="Artwork",
            title="Artworks",
            description="The works shown in the exhibitions, in catalogue order, with image credit and alt text.",
            queryset=lambda: (
                _public_artworks()
                .select_related("exhibition")
                .prefetch_related(Prefetch("artists", queryset=Artist.objects.published()))
                .order_by("exhibition__starts_on", "exhibition_id", "catalogue_number", "pk")
            ),
            filters=ArtworkFilters,
            order=8,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="artists",
            schema=ArtistRecord,
            schema_name="Artist",
            title="Artists",
            description="The artists of the exhibitions.",
            queryset=lambda: (
                Artist.objects.published()
                .prefetch_related(
                    Prefetch("artworks", queryset=_public_artworks().order_by("exhibition_id", "catalogue_number"))
                )
                .order_by("search_names_folded", "pk")
            ),
            order=9,
            images=("photo",),
        )
    )
