"""Open data: exhibitions, artworks and artists (registered with core.api in ExhibitionsConfig.ready)."""

from django.db.models import Prefetch

from core import api
from core.api import Resource

from .models import Artist, Artwork, Exhibition, Region, Technique

# Exhibitions


def _published_exhibitions():
    return Exhibition.objects.published()


def _public_artworks():
    """Published works of published exhibitions: the ones that have a public page."""
    return Artwork.objects.published().filter(exhibition__in=Exhibition.objects.published())


def exhibitions():
    return Exhibition.objects.published().select_related("venue").order_by("starts_on", "title_vi", "pk")


def exhibition_record(exhibition: Exhibition) -> dict:
    return {
        "id": exhibition.pk,
        "slug": exhibition.slug,
        "title": api.text(exhibition, "title"),
        "subtitle": api.text(exhibition, "subtitle"),
        "description": api.text(exhibition, "description"),
        "starts_on": exhibition.starts_on.isoformat(),
        "ends_on": exhibition.ends_on.isoformat(),
        "venue": exhibition.venue.slug if exhibition.venue.is_public else None,
        "hours": api.text(exhibition, "hours"),
        "free_entry": exhibition.free_entry,
        "organisers": api.text(exhibition, "organisers"),
        "supporters": api.text(exhibition, "supporters"),
        "image": api.file_url(exhibition.image),
        "page_url": api.page_urls(exhibition),
        "updated_at": api.moment(exhibition.updated_at),
    }


EXHIBITION = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "title": api.TEXT,
    "subtitle": api.TEXT,
    "description": {**api.TEXT, "description": "The curatorial text."},
    "starts_on": api.DATE,
    "ends_on": api.DATE,
    "venue": {**api.OPTIONAL_SLUG, "description": "Slug of the venue (see /venues/)."},
    "hours": api.TEXT,
    "free_entry": api.BOOLEAN,
    "organisers": api.TEXT,
    "supporters": api.TEXT,
    "image": api.OPTIONAL_URI,
    "page_url": api.PAGE,
    "updated_at": api.DATE_TIME,
}


# Artworks


def artworks():
    return (
        _public_artworks()
        .select_related("exhibition")
        .prefetch_related(Prefetch("artists", queryset=Artist.objects.published()))
        .order_by("exhibition__starts_on", "exhibition_id", "catalogue_number", "pk")
    )


def _size(value) -> float | None:
    return float(value) if value is not None else None


def artwork_record(work: Artwork) -> dict:
    return {
        "id": work.pk,
        "slug": work.slug,
        "exhibition": work.exhibition.slug,
        "catalogue_number": work.catalogue_number,
        "title": api.text(work, "title"),
        "artists": [artist.slug for artist in work.artists.all()],
        "year": work.year,
        "medium": api.text(work, "medium"),
        "technique": work.technique or None,
        "technique_label": api.labels(Technique, work.technique),
        "region": work.region or None,
        "region_label": api.labels(Region, work.region),
        "width_cm": _size(work.width_cm),
        "height_cm": _size(work.height_cm),
        "caption": api.text(work, "caption"),
        "description": api.text(work, "description"),
        "alt_text": api.text(work, "alt_text"),
        "long_description": api.text(work, "long_description"),
        "image": api.file_url(work.image),
        "credit": api.text(work, "credit"),
        "rights": api.text(work, "rights"),
        "page_url": api.page_urls(work),
        "updated_at": api.moment(work.updated_at),
    }


ARTWORK = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "exhibition": {**api.SLUG_VALUE, "description": "Slug of the exhibition (see /exhibitions/)."},
    "catalogue_number": api.INTEGER,
    "title": api.TEXT,
    "artists": {**api.SLUGS, "description": "Slugs of the artists (see /artists/)."},
    "year": api.OPTIONAL_INTEGER,
    "medium": api.TEXT,
    "technique": api.enum(Technique, optional=True),
    "technique_label": api.OPTIONAL_LABEL,
    "region": {**api.enum(Region, optional=True), "description": "Theme or region."},
    "region_label": api.OPTIONAL_LABEL,
    "width_cm": {**api.OPTIONAL_NUMBER, "exclusiveMinimum": 0},
    "height_cm": {**api.OPTIONAL_NUMBER, "exclusiveMinimum": 0},
    "caption": api.TEXT,
    "description": api.TEXT,
    "alt_text": {**api.TEXT, "description": "What the image shows, for people who cannot see it."},
    "long_description": {**api.TEXT, "description": "A fuller description of the image."},
    "image": api.OPTIONAL_URI,
    "credit": {**api.TEXT, "description": "Credit to give with the image."},
    "rights": api.TEXT,
    "page_url": api.PAGE,
    "updated_at": api.DATE_TIME,
}

ARTWORK_FILTERS = (
    api.slug_filter(
        "exhibition",
        _published_exhibitions,
        lambda works, exhibition: works.filter(exhibition=exhibition),
        "Works of this exhibition (slug).",
    ),
    api.choice_filter("region", Region, "region", "Works of this theme or region."),
    api.choice_filter("technique", Technique, "technique", "Works made with this technique."),
)


# Artists


def artists():
    return (
        Artist.objects.published()
        .prefetch_related(
            Prefetch("artworks", queryset=_public_artworks().order_by("exhibition_id", "catalogue_number"))
        )
        .order_by("search_names_folded", "pk")
    )


def artist_record(artist: Artist) -> dict:
    return {
        "id": artist.pk,
        "slug": artist.slug,
        "name": artist.name,
        "bio": api.text(artist, "bio"),
        "city": api.text(artist, "city"),
        "birth_year": artist.birth_year,
        "website": artist.website or None,
        "photo": api.file_url(artist.photo),
        "artworks": [work.slug for work in artist.artworks.all()],
        "page_url": api.page_urls(artist),
        "updated_at": api.moment(artist.updated_at),
    }


ARTIST = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "name": api.STRING,
    "bio": api.TEXT,
    "city": api.TEXT,
    "birth_year": api.OPTIONAL_INTEGER,
    "website": api.OPTIONAL_URI,
    "photo": api.OPTIONAL_URI,
    "artworks": {**api.SLUGS, "description": "Slugs of their works (see /artworks/)."},
    "page_url": api.PAGE,
    "updated_at": api.DATE_TIME,
}


def register() -> None:
    api.register(
        Resource(
            name="exhibitions",
            schema_name="Exhibition",
            title="Exhibitions",
            description="The exhibitions of the event.",
            queryset=exhibitions,
            serialize=exhibition_record,
            properties=EXHIBITION,
            order=7,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="artworks",
            schema_name="Artwork",
            title="Artworks",
            description="The works shown in the exhibitions, in catalogue order, with image credit and alt text.",
            queryset=artworks,
            serialize=artwork_record,
            properties=ARTWORK,
            filters=ARTWORK_FILTERS,
            order=8,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="artists",
            schema_name="Artist",
            title="Artists",
            description="The artists of the exhibitions.",
            queryset=artists,
            serialize=artist_record,
            properties=ARTIST,
            order=9,
            images=("photo",),
        )
    )
