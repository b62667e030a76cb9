import os
from datetime import date, datetime

from django.conf import settings
from django.core.validators import FileExtensionValidator, URLValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import alt_text
from core import structured_data as schema
from core.documents import validate_pdf_upload
from core.images import SafeImageField, UploadTo, rendition
from core.models import Publishable, PublishableQuerySet, Slugged, TimeStamped
from core.search import Searchable
from core.storage import private_storage
from core.web import absolute, site_url

# Paths under /press/ that a release's slug must not take (press/urls.py).
RESERVED_SLUGS = frozenset({"feed", "facts", "accreditation", "kit"})


class PressContact(Publishable):
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")

    def __str__(self):
        return self.name


class PressReleaseQuerySet(PublishableQuerySet):
    def for_listing(self):
        """Newest first by the date the public sees (publication time, else creation), the same on every database."""
        return self.annotate(sort_date=Coalesce("publish_at", "created_at")).order_by(F("sort_date").desc(), "-pk")


class PressRelease(Slugged, Publishable, Searchable):
    """A press release; its `publish_at` is the embargo: hidden everywhere until then."""

    slug_source = "title"
    reserved_slugs = RESERVED_SLUGS
    search_name_fields = ("title",)
    search_body_fields = ("summary", "body")

    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    body = models.TextField(_("text"), help_text=_("Plain text; separate paragraphs with an empty line."))
    image = SafeImageField(_("image"), upload_to=UploadTo("press"), blank=True)
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py
    image_alt = alt_text.field()
    image_alt_fields = (("image", "image_alt"),)  # core/alt_text.py: described in Vietnamese to publish
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    contact = models.ForeignKey(
        PressContact, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("press contact")
    )

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("press:detail", kwargs={"slug": self.slug})

    def structured_data(self) -> dict:
        """schema.org NewsArticle, so that search engines and news apps read the release with its date and image
        (the release's photo, else the site's social image: news readers want an image with every article)."""
        url = absolute(self.get_absolute_url())
        organisation = schema.organiser(site_url() + "/")
        published = timezone.localtime(self.dated)
        modified = max(timezone.localtime(self.updated_at), published)
        return {
            "@context": schema.CONTEXT,
            "@type": "NewsArticle",
            "headline": Truncator(self.title).chars(110),
            "description": self.summary or Truncator(self.body).words(40),
            "datePublished": published.isoformat(),
            "dateModified": modified.isoformat(),
            "inLanguage": get_language(),
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "author": organisation,
            "publisher": {**organisation, "logo": {"@type": "ImageObject", "url": schema.default_image()}},
            "image": schema.article_image(self.image),
        }

    @property
    def dated(self) -> datetime:
        """The release's date: its publication time, or when it was written if it was published at once."""
        return self.publish_at or self.created_at


class AssetKind(models.TextChoices):
    LOGO = "logo", _("Logo")
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    PRESS = "press", _("Free for press use with credit")
    RESERVED = "reserved", _("All rights reserved; ask before use")


class MediaAsset(Slugged, Publishable):
    slug_source = "title"

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=AssetKind.choices)
    caption = models.TextField(_("caption"), blank=True)
    image = SafeImageField(_("image"), upload_to=UploadTo("media-kit"), blank=True)
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py
    document = models.FileField(
        _("document"),
        upload_to=UploadTo("media-kit/documents"),
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf_upload],  # parsed: no script, launch or attachment
    )
    credit = models.CharField(_("credit"), max_length=200)
    licence = models.CharField(_("licence"), max_length=12, choices=Licence.choices, default=Licence.PRESS)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("media kit asset")
        verbose_name_plural = _("media kit assets")
        constraints = [
            models.CheckConstraint(
                condition=~Q(image="") | ~Q(document=""),
                name="mediaasset_has_file",
                violation_error_message=_("Add an image or a PDF document."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def file(self):
        """The asset's file: its image, else its PDF document."""
        return self.image or self.document

    @property
    def filename(self) -> str:
        return os.path.basename(self.file.name) if self.file else ""

    def web_rendition(self):
        """A web-size copy of the image (at most 1600 pixels on its longer side), or None.

        JPEG for photos; logos stored as PNG keep PNG, so that their transparency survives.
        """
        if not self.image:
            return None
        fmt = "PNG" if self.image.name.lower().endswith(".png") else "JPEG"
        # Made when the image was saved; the original until `make_renditions` has run for an older row.
        return rendition(self.image, "1600x1600", format=fmt) or self.image


class CoverageLink(Publishable):
    """An article about the event in the press, listed in the press room under the outlet's own headline.

    The headline stays in the article's language (it is a quotation, not our content, so it has no translation);
    `language` lets the page mark it up with `lang` for screen readers.
    """

    outlet = models.CharField(_("media outlet"), max_length=150)
    headline = models.CharField(
        _("headline"), max_length=300, help_text=_("As the outlet published it, in the language of the article.")
    )
    url = models.URLField(
        _("address of the article"),
        max_length=500,
        unique=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    published_on = models.DateField(_("published on"))
    language = models.CharField(_("language of the article"), max_length=5, choices=settings.LANGUAGES, default="vi")

    class Meta:
        ordering = ["-published_on", "outlet", "pk"]
        verbose_name = _("press coverage")
        verbose_name_plural = _("press coverage")

    def __str__(self):
        return f"{self.outlet}: {self.headline}"


class AccreditationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class AccreditationRequest(TimeStamped):
    name = models.CharField(_("name"), max_length=150)
    outlet = models.CharField(_("media outlet"), max_length=200)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    days = models.CharField(_("days"), max_length=40, help_text=_("Days of attendance, for example 2026-01-10."))
    message = models.TextField(_("message"), max_length=3000, blank=True)
    # Personal data: kept in private storage (never under MEDIA_URL); staff download it through the admin.
    press_card = models.FileField(
        _("press card"),
        upload_to=UploadTo("accreditation"),
        storage=private_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png", "webp"]), validate_pdf_upload],
    )
    language = models.CharField(_("language"), max_length=5, default="vi")
    status = models.CharField(
        _("status"), max_length=10, choices=AccreditationStatus.choices, default=AccreditationStatus.PENDING
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accreditation request")
        verbose_name_plural = _("accreditation requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AccreditationStatus.values), name="accreditation_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.outlet})"

    @property
    def day_list(self) -> list[date | str]:
        """The days asked for: dates, and "other" for days to be agreed (see the message)."""
        result = []
        for part in self.days.split(","):
            part = part.strip()
            if part == OTHER_DAYS:
                result.append(OTHER_DAYS)
            else:
                try:
                    result.append(date.fromisoformat(part))
                except ValueError:
                    continue
        return result


OTHER_DAYS = "other"
