import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import clock
from core import structured_data as schema
from core.images import SafeImageField, UploadTo
from core.models import Publishable, PublishableQuerySet, Slugged, Status
from core.search import Searchable
from core.web import absolute


class Exhibition(Slugged, Publishable):
    slug_source = "title"

    title = models.CharField(_("title"), max_length=200)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    description = models.TextField(_("curatorial text"), blank=True)
    starts_on = models.DateField(_("opens on"))
    ends_on = models.DateField(_("closes on"))
    venue = models.ForeignKey(
        "events.Venue", on_delete=models.PROTECT, related_name="exhibitions", verbose_name=_("venue")
    )
    hours = models.TextField(_("opening hours"), blank=True)
    free_entry = models.BooleanField(_("free entry"), default=True)
    organisers = models.TextField(_("organisers"), blank=True)
    supporters = models.TextField(_("supported by"), blank=True)
    image = SafeImageField(_("image"), upload_to=UploadTo("exhibitions"), blank=True)
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="exhibition_ends_after_start",
                violation_error_message=_("An exhibition cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exhibitions:detail", kwargs={"slug": self.slug})

    def organiser_names(self) -> list[str]:
        return split_names(self.organisers)

    def supporter_names(self) -> list[str]:
        return split_names(self.supporters)

    def structured_data(self, image: str | None = None) -> dict:
        """schema.org ExhibitionEvent, so that search engines and apps can read the exhibition. `image` is the
        page's share image (absolute); when not given, the exhibition's own image, else its first published work's
        (one query)."""
        if image is None:
            image = schema.image_url(self.image, "1200", quality=85)
            if not image:
                first = self.artworks.published().order_by("catalogue_number").only("image", "renditions").first()
                image = schema.image_url(first.image, "1200x1200", quality=85) if first else ""
        data = {
            "@context": schema.CONTEXT,
            "@type": "ExhibitionEvent",
            "name": self.title,
            "startDate": self.starts_on.isoformat(),
            "endDate": self.ends_on.isoformat(),
            "eventStatus": schema.SCHEDULED,
            "eventAttendanceMode": schema.OFFLINE,
            "location": self.venue.schema_place(),
            "isAccessibleForFree": self.free_entry,
            "url": absolute(self.get_absolute_url()),
            "description": self.subtitle or self.description[:300],
        }
        organisers = [schema.organisation(name) for name in self.organiser_names()]
        if organisers:
            data["organizer"] = organisers
        supporters = [schema.organisation(name) for name in self.supporter_names()]
        if supporters:
            data["sponsor"] = supporters
        if image:
            data["image"] = image
        return data


class Artist(Slugged, Publishable, Searchable):
    search_name_fields = ("name",)
    search_body_fields = ("bio", "city")

    name = models.CharField(_("name"), max_length=150)
    bio = models.TextField(_("short biography"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    photo = SafeImageField(_("photo"), upload_to=UploadTo("artists"), blank=True)
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py

    class Meta:
        ordering = ["name"]
        verbose_name = _("artist")
        verbose_name_plural = _("artists")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exhibitions:artist", kwargs={"slug": self.slug})

    def structured_data(self) -> dict:
        """schema.org Person: the artist's page."""
        person = {
            "@context": schema.CONTEXT,
            "@type": "Person",
            "name": self.name,
            "url": absolute(self.get_absolute_url()),
        }
        if self.bio:
            person["description"] = self.bio[:300]
        if self.birth_year:
            person["birthDate"] = str(self.birth_year)
        if self.website:
            person["sameAs"] = self.website
        return person


class Region(models.TextChoices):
    NORTH = "north", _("Northern Vietnam")
    HIGHLANDS = "highlands", _("Northern and Central Highlands")
    CENTRAL = "central", _("Central Vietnam")
    SOUTH = "south", _("Southern Vietnam")
    CITY = "city", _("City life")


class Technique(models.TextChoices):
    DIGITAL = "digital", _("Digital illustration")
    HAND = "hand", _("Hand-drawn or painted")
    MIXED = "mixed", _("Mixed media")


# The database refuses sizes of 0 or less (a CheckConstraint); this says so next to the field in forms.
POSITIVE_SIZE = MinValueValidator(Decimal("0.1"), message=_("Enter a size greater than 0."))


def latest_artwork_year() -> int:
    """A work may be dated next year at the latest (catalogues are prepared ahead of the opening)."""
    return clock.now().year + 1


# schema.org's `artform` ("Painting", "Drawing"…) for each technique, in the page's language.
ARTFORMS = {
    Technique.DIGITAL: pgettext_lazy("artform", "Digital illustration"),
    Technique.HAND: pgettext_lazy("artform", "Painting or drawing"),
    Technique.MIXED: pgettext_lazy("artform", "Mixed media"),
}


def _centimetres(value) -> dict:
    return {"@type": "QuantitativeValue", "value": float(value), "unitCode": "CMT", "unitText": "cm"}


def split_names(text: str) -> list[str]:
    """Organisers and supporters are typed one per line or separated by semicolons."""
    return [part.strip() for part in re.split(r"[;\n]", text or "") if part.strip()]


class ArtworkQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("exhibition").prefetch_related(
            models.Prefetch("artists", queryset=Artist.objects.published())
        )


class Artwork(Slugged, Publishable, Searchable):
    slug_source = "title"
    reserved_slugs = frozenset({"labels"})  # exhibitions/urls.py: the wall labels of the exhibition
    search_name_fields = ("title",)
    search_body_fields = ("caption", "description", "medium")

    exhibition = models.ForeignKey(
        Exhibition, on_delete=models.CASCADE, related_name="artworks", verbose_name=_("exhibition")
    )
    catalogue_number = models.PositiveSmallIntegerField(_("catalogue number"))
    title = models.CharField(_("title"), max_length=200)
    artists = models.ManyToManyField(Artist, related_name="artworks", verbose_name=_("artists"))
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1000, message=_("Enter the year as four digits, for example 2025.")),
            MaxValueValidator(latest_artwork_year, message=_("A work cannot be dated after %(limit_value)s.")),
        ],
    )
    medium = models.CharField(_("medium"), max_length=200, blank=True)
    technique = models.CharField(_("technique"), max_length=10, choices=Technique.choices, blank=True)
    region = models.CharField(_("theme or region"), max_length=10, choices=Region.choices, blank=True)
    width_cm = models.DecimalField(
        _("width (cm)"), max_digits=6, decimal_places=1, null=True, blank=True, validators=[POSITIVE_SIZE]
    )
    height_cm = models.DecimalField(
        _("height (cm)"), max_digits=6, decimal_places=1, null=True, blank=True, validators=[POSITIVE_SIZE]
    )
    caption = models.CharField(_("caption"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    # Blank so that a draft may wait for it; clean() requires the Vietnamese text before the work is published.
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required in Vietnamese to publish."),
    )
    long_description = models.TextField(
        _("long description"),
        blank=True,
        help_text=_("A fuller description of the image for blind visitors."),
    )
    image = SafeImageField(_("image"), upload_to=UploadTo("artworks"), blank=True)
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py
    credit = models.CharField(_("credit"), max_length=300, blank=True)
    rights = models.CharField(_("rights"), max_length=300, blank=True)

    objects = ArtworkQuerySet.as_manager()

    class Meta:
        ordering = ["exhibition", "catalogue_number"]
        verbose_name = _("artwork")
        verbose_name_plural = _("artworks")
        constraints = [
            models.UniqueConstraint(
                fields=["exhibition", "catalogue_number"],
                name="artwork_catalogue_number_unique",
                violation_error_message=_("This exhibition already has a work with this catalogue number."),
            ),
            models.CheckConstraint(
                condition=Q(width_cm__isnull=True) | Q(width_cm__gt=0), name="artwork_width_positive"
            ),
            models.CheckConstraint(
                condition=Q(height_cm__isnull=True) | Q(height_cm__gt=0), name="artwork_height_positive"
            ),
        ]

    def __str__(self):
        return f"{self.catalogue_number}. {self.title}"

    def clean(self):
        super().clean()
        # The one rule for every way a work gets published: its form, the exhibition's inline, the publish
        # action (which calls clean()) and the spreadsheet import (which validates each row with a model form).
        if self.status == Status.PUBLISHED and not (self.alt_text_vi or "").strip():
            message = _("A published work needs alt text in Vietnamese: describe the image, or keep it as a draft.")
            raise ValidationError({"alt_text_vi": message}, code="alt_text_required")

    def get_absolute_url(self):
        """Needs the exhibition: select it with the artwork (`for_listing()` does)."""
        return reverse("exhibitions:artwork", kwargs={"slug": self.exhibition.slug, "artwork_slug": self.slug})

    def structured_data(self, image: str | None = None) -> dict:
        """schema.org VisualArtwork: `creator` for every reader, and `artist` and `artform`, which readers of
        VisualArtwork look for. Needs the exhibition, like `get_absolute_url`; names the published artists (those
        prefetched, when they are). `image` is the page's share image (absolute), made here when not given."""
        if image is None:
            image = schema.image_url(self.image, "1200x1200", quality=85)
        if "artists" in getattr(self, "_prefetched_objects_cache", {}):
            artists = self.artists.all()
        else:
            artists = self.artists.published()
        people = [
            {"@type": "Person", "name": artist.name, "url": absolute(artist.get_absolute_url())} for artist in artists
        ]
        data = {
            "@context": schema.CONTEXT,
            "@type": "VisualArtwork",
            "name": self.title,
            "url": absolute(self.get_absolute_url()),
            "position": self.catalogue_number,
            "creator": people,
            "artist": people,
            "isPartOf": {
                "@type": "ExhibitionEvent",
                "name": self.exhibition.title,
                "url": absolute(self.exhibition.get_absolute_url()),
            },
        }
        optional = {
            "dateCreated": str(self.year) if self.year else "",
            "artform": str(ARTFORMS[self.technique]) if self.technique in ARTFORMS else "",
            "artMedium": self.medium,
            "width": _centimetres(self.width_cm) if self.width_cm else None,
            "height": _centimetres(self.height_cm) if self.height_cm else None,
            "image": image,
            "description": self.caption or self.description[:300],
            "creditText": self.credit,
            "copyrightNotice": self.rights,
        }
        data.update({key: value for key, value in optional.items() if value})
        return data

    @property
    def dimensions(self) -> str:
        if self.width_cm and self.height_cm:
            return f"{self.height_cm:g} × {self.width_cm:g} cm"
        return ""
