from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import alt_text
from core import structured_data as schema
from core.images import SafeImageField, UploadTo
from core.models import Publishable, PublishableQuerySet, Slugged, TimeStamped
from core.search import Searchable
from core.web import site_url


class Sector(Slugged, Publishable):
    """One of the eight cultural-industry sectors. Data, not code: the organisers' list may change."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#8a3b12",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb."))],
        help_text=_("Accent colour as #rrggbb; keep it dark enough for white text."),
    )
    icon = models.CharField(_("icon"), max_length=40, blank=True, help_text=_("Name of an icon in static/img/sectors."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exhibitors:sector", kwargs={"slug": self.slug})


class UnitKind(models.TextChoices):
    CREATIVE_SPACE = "space", _("Creative space")
    DESIGN_BRAND = "brand", _("Design brand")
    CREATOR = "creator", _("Creator or artisan")
    TRAINING = "training", _("Training or research institute")
    ENTERPRISE = "enterprise", _("Enterprise")
    CRAFT_VILLAGE = "village", _("Craft village")
    INSTITUTION = "institution", _("Cultural institution")
    COLLECTIVE = "collective", _("Collective or platform")


class PriceBand(models.TextChoices):
    BUDGET = "budget", _("Under 200,000 VND")
    MID = "mid", _("200,000–1,000,000 VND")
    UPPER = "upper", _("1,000,000–5,000,000 VND")
    PREMIUM = "premium", _("Over 5,000,000 VND")


class CreativeUnitQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("primary_sector")


class CreativeUnit(Slugged, Publishable, Searchable):
    search_name_fields = ("name",)
    search_body_fields = ("short_description", "description", "zone", "district", "address")

    code = models.CharField(
        _("import key"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("A stable key such as HN-001, used by spreadsheet imports to update this unit."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of unit"), max_length=12, choices=UnitKind.choices)
    primary_sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="primary_units", verbose_name=_("main sector")
    )
    sectors = models.ManyToManyField(Sector, blank=True, related_name="units", verbose_name=_("other sectors"))
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = SafeImageField(_("logo"), upload_to=UploadTo("units/logos"), blank=True)
    cover = SafeImageField(_("cover image"), upload_to=UploadTo("units/covers"), blank=True)
    cover_alt = alt_text.field()
    image_alt_fields = (("cover", "cover_alt"),)  # core/alt_text.py: described in Vietnamese to publish
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py
    booth = models.CharField(_("booth"), max_length=20, blank=True, help_text=_("For example B12."))
    zone = models.CharField(_("zone"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    district = models.CharField(_("ward or district"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook page"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=30, blank=True)
    contact_email = models.EmailField(
        _("contact for meeting requests"),
        blank=True,
        help_text=_("Not shown on the site; receives buyers' requests."),
    )
    in_network = models.BooleanField(_("member of the Hanoi Creative Spaces Network"), default=False)
    commerce_ready = models.BooleanField(_("commerce-ready products"), default=False)
    wholesale = models.BooleanField(_("sells wholesale"), default=False)
    export = models.BooleanField(_("exports"), default=False)
    custom_orders = models.BooleanField(_("takes custom orders"), default=False)
    price_band = models.CharField(_("price band"), max_length=10, choices=PriceBand.choices, blank=True)
    lead_time = models.CharField(_("lead time"), max_length=120, blank=True, help_text=_("For example: 2–3 weeks."))

    objects = CreativeUnitQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("creative unit")
        verbose_name_plural = _("creative units")
        indexes = [models.Index(fields=["status", "primary_sector"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exhibitors:detail", kwargs={"slug": self.slug})

    def structured_data(self) -> dict:
        """schema.org Organization, so that search engines and apps can read the unit. Only public contact
        details."""
        data = {
            "@context": schema.CONTEXT,
            "@type": "Organization",
            "name": self.name,
            "url": site_url() + self.get_absolute_url(),
        }
        description = self.short_description or self.description[:300]
        if description:
            data["description"] = description
        logo = schema.image_url(self.logo, "320", quality=80)
        if logo:
            data["logo"] = logo
        if self.address or self.district:
            address = {"@type": "PostalAddress", "addressRegion": gettext("Hanoi"), "addressCountry": "VN"}
            if self.address:
                address["streetAddress"] = self.address
            if self.district:
                address["addressLocality"] = self.district
            data["address"] = address
        same_as = [link for link in (self.website, self.facebook, self.instagram) if link]
        if same_as:
            data["sameAs"] = same_as
        if self.public_email:
            data["email"] = self.public_email
        if self.public_phone:
            data["telephone"] = self.public_phone
        return data

    def get_meeting_url(self):
        return reverse("exhibitors:meet", kwargs={"slug": self.slug})


class Product(Publishable, Searchable):
    search_name_fields = ("name",)
    search_body_fields = ("description",)

    code = models.CharField(
        _("import key"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("A stable key such as HN-001-P1, used by spreadsheet imports to update this product."),
    )
    unit = models.ForeignKey(CreativeUnit, on_delete=models.CASCADE, related_name="products", verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    image = SafeImageField(_("image"), upload_to=UploadTo("products"), blank=True)
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py
    price_band = models.CharField(_("price band"), max_length=10, choices=PriceBand.choices, blank=True)
    retail = models.BooleanField(_("retail"), default=True)
    wholesale = models.BooleanField(_("wholesale"), default=False)
    export = models.BooleanField(_("export"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["unit", "order", "name"]
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self):
        return self.name


class PartnerRole(models.TextChoices):
    DIRECTING = "directing", _("Directed by")
    ORGANISER = "organiser", _("Organised by")
    COMPANION = "companion", _("Accompanied by")
    SPONSOR = "sponsor", _("Sponsors")
    MEDIA = "media", _("Media partners")
    SUPPORTER = "supporter", _("Supporters")


class Partner(Slugged, Publishable):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=12, choices=PartnerRole.choices)
    description = models.TextField(_("description"), blank=True)
    logo = SafeImageField(_("logo"), upload_to=UploadTo("partners"), blank=True)
    logo_alt = alt_text.field()
    image_alt_fields = (("logo", "logo_alt"),)  # core/alt_text.py: described in Vietnamese to publish
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py
    url = models.URLField(_("website"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class BuyerChannel(models.TextChoices):
    RETAILER = "retailer", _("Retailer")
    WHOLESALER = "wholesaler", _("Wholesaler or distributor")
    GIFTS = "gifts", _("Corporate gift supplier")
    EXPORTER = "exporter", _("Exporter or importer")
    HOSPITALITY = "hospitality", _("Hotel, restaurant or tourism")
    OTHER = "other", _("Other")


class OrderSize(models.TextChoices):
    SAMPLE = "sample", _("Samples or a first small order")
    SMALL = "small", _("Under 50 million VND")
    MEDIUM = "medium", _("50–500 million VND")
    LARGE = "large", _("Over 500 million VND")


class MeetingStatus(models.TextChoices):
    NEW = "new", _("New")
    FORWARDED = "forwarded", _("Forwarded to the unit")
    ARRANGED = "arranged", _("Meeting arranged")
    DECLINED = "declined", _("Declined")
    CLOSED = "closed", _("Closed")


class MeetingRequest(TimeStamped):
    """A buyer's request to meet a creative unit; organisers move it through its status."""

    unit = models.ForeignKey(
        CreativeUnit, on_delete=models.CASCADE, related_name="meeting_requests", verbose_name=_("unit")
    )
    buyer_name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200)
    channel = models.CharField(_("buyer channel"), max_length=12, choices=BuyerChannel.choices)
    sectors = models.ManyToManyField(Sector, blank=True, verbose_name=_("sectors of interest"))
    order_size = models.CharField(_("expected order size"), max_length=10, choices=OrderSize.choices, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    preferred_day = models.DateField(_("preferred day"), null=True, blank=True)
    preferred_time = models.CharField(_("preferred time"), max_length=60, blank=True)
    language = models.CharField(_("language"), max_length=5, default="vi")
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.NEW, db_index=True
    )
    notes = models.TextField(_("organisers' notes"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=MeetingStatus.values), name="meetingrequest_status_valid"),
        ]

    def __str__(self):
        return f"{self.buyer_name} → {self.unit}"


class ImportRun(models.Model):
    """One confirmed spreadsheet import: who, when, which file, and per row what it created or what it replaced.

    `rows` holds, in the order they were written, {"model": "app.model", "pk": …, "action": "create" | "update",
    "line": spreadsheet row, "key": the row's code or number, "before": values replaced (updates only), "after":
    values written}. exhibitors/import_runs.py records it and undoes it.
    """

    created_at = models.DateTimeField(_("imported at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("imported by")
    )
    kind = models.CharField(_("what was imported"), max_length=100)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    rows = models.JSONField(_("rows"), default=list, blank=True)
    created_count = models.PositiveIntegerField(_("entries added"), default=0)
    updated_count = models.PositiveIntegerField(_("entries updated"), default=0)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("undone by")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self):
        return f"{self.kind_label} · {self.file_name or '—'} · {self.created_at:%d/%m/%Y %H:%M}"

    @property
    def kind_label(self) -> str:
        from django.apps import apps

        try:
            return str(apps.get_model(self.kind)._meta.verbose_name_plural)
        except (LookupError, ValueError):
            return self.kind
