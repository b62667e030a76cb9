import re

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin import PUBLISHING_FIELDSET, PublishableAdmin, change_status, csv_response, csv_time, export_name
from core.event import DAYS as EVENT_DAYS
from core.templatetags.tudoi import long_date, short_date

from .import_admin import SpreadsheetImportMixin
from .meetings import preferred_time_label
from .models import CreativeUnit, MeetingRequest, MeetingStatus, Partner, Product, Sector
from .resources import CreativeUnitResource, ProductResource

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@admin.register(Sector)
class SectorAdmin(PublishableAdmin):
    list_display = ("name", "slug", "swatch", "unit_count", "order", "status")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name_vi", "name_en", "slug")
    fieldsets = (
        (None, {"fields": ("name", "slug", "description", "colour", "icon", "order")}),
        PUBLISHING_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(unit_count=Count("primary_units"))

    @admin.display(description=_("colour"), ordering="colour")
    def swatch(self, obj):
        if not COLOUR.fullmatch(obj.colour or ""):
            return obj.colour  # never into markup unchecked
        # An SVG fill, not a style attribute: the admin's Content-Security-Policy allows no inline style.
        return format_html(
            '<svg width="16" height="16" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill="{}"/>'
            "</svg> {}",
            obj.colour,
            obj.colour,
        )

    @admin.display(description=_("units"), ordering="unit_count")
    def unit_count(self, obj):
        return obj.unit_count


class ProductInline(TranslationTabularInline):
    model = Product
    fields = ("name", "image", "price_band", "retail", "wholesale", "export", "order", "status")
    extra = 1
    show_change_link = True


@admin.register(CreativeUnit)
class CreativeUnitAdmin(SpreadsheetImportMixin, PublishableAdmin):
    resource_classes = (CreativeUnitResource,)
    sample_name = "creative-units"
    image_field = "logo"
    list_display = (
        "thumbnail",
        "name",
        "code",
        "kind",
        "primary_sector",
        "booth",
        "commerce_ready",
        "in_network",
        "status",
    )
    list_display_links = ("thumbnail", "name")
    list_filter = (
        "status",
        "kind",
        "primary_sector",
        "in_network",
        "commerce_ready",
        "wholesale",
        "export",
        "custom_orders",
        "price_band",
    )
    list_select_related = ("primary_sector",)
    search_fields = ("name_vi", "name_en", "code", "short_description_vi", "short_description_en", "booth", "slug")
    autocomplete_fields = ("primary_sector", "sectors")
    readonly_fields = ("preview",)
    inlines = (ProductInline,)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "slug",
                    "kind",
                    "primary_sector",
                    "sectors",
                    "short_description",
                    "description",
                )
            },
        ),
        (_("Images"), {"fields": ("logo", "preview", "cover", "cover_alt")}),
        (_("At the event"), {"fields": ("booth", "zone")}),
        (
            _("Address and contact"),
            {
                "fields": (
                    "address",
                    "district",
                    "website",
                    "facebook",
                    "instagram",
                    "public_email",
                    "public_phone",
                    "contact_email",
                    "in_network",
                )
            },
        ),
        (
            _("For buyers"),
            {"fields": ("commerce_ready", "wholesale", "export", "custom_orders", "price_band", "lead_time")},
        ),
        PUBLISHING_FIELDSET,
    )


@admin.register(Product)
class ProductAdmin(SpreadsheetImportMixin, PublishableAdmin):
    resource_classes = (ProductResource,)
    sample_name = "products"
    image_field = "image"
    list_display = (
        "thumbnail",
        "name",
        "code",
        "unit",
        "unit_code",
        "price_band",
        "retail",
        "wholesale",
        "export",
        "order",
        "status",
    )
    list_display_links = ("thumbnail", "name")
    list_filter = ("status", "price_band", "retail", "wholesale", "export", "unit__primary_sector")
    list_select_related = ("unit",)
    search_fields = ("name_vi", "name_en", "code", "unit__code", "unit__name_vi", "unit__name_en")
    autocomplete_fields = ("unit",)
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("unit", "name", "description", "image", "preview")}),
        (_("Trade"), {"fields": ("price_band", "retail", "wholesale", "export", "order")}),
        PUBLISHING_FIELDSET,
    )

    @admin.display(description=_("unit's import key"), ordering="unit__code")
    def unit_code(self, obj):
        return obj.unit.code or "–"


@admin.register(Partner)
class PartnerAdmin(PublishableAdmin):
    image_field = "logo"
    list_display = ("thumbnail", "name", "role", "url", "order", "status")
    list_display_links = ("thumbnail", "name")
    list_editable = ("order",)
    list_filter = ("status", "role")
    search_fields = ("name_vi", "name_en", "url")
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "role", "description", "url", "order")}),
        (_("Logo"), {"fields": ("logo", "preview", "logo_alt")}),
        PUBLISHING_FIELDSET,
    )


@admin.action(description=_("Mark as forwarded to the unit"), permissions=["change"])
def mark_forwarded(modeladmin, request, queryset):
    change_status(modeladmin, request, queryset, MeetingStatus.FORWARDED)


@admin.action(description=_("Mark as meeting arranged"), permissions=["change"])
def mark_arranged(modeladmin, request, queryset):
    change_status(modeladmin, request, queryset, MeetingStatus.ARRANGED)


@admin.action(description=_("Mark as declined"), permissions=["change"])
def mark_declined(modeladmin, request, queryset):
    change_status(modeladmin, request, queryset, MeetingStatus.DECLINED)


@admin.action(description=_("Mark as closed"), permissions=["change"])
def mark_closed(modeladmin, request, queryset):
    change_status(modeladmin, request, queryset, MeetingStatus.CLOSED)


class PreferredDayFilter(admin.SimpleListFilter):
    """The two days of the fair and "no preference" (the date filter's "past 7 days" means nothing here)."""

    title = _("preferred day")
    parameter_name = "preferred_day"

    def lookups(self, request, model_admin):
        return [*((day.isoformat(), long_date(day)) for day in EVENT_DAYS), ("none", _("No preference"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(preferred_day__isnull=True)
        days = {day.isoformat(): day for day in EVENT_DAYS}
        if value in days:  # anything else typed into the URL filters nothing rather than failing
            return queryset.filter(preferred_day=days[value])
        return queryset


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    """The organisers' queue of buyers' requests: newest first, triaged by status, with notes kept in the list."""

    list_display = (
        "created_at",
        "unit",
        "buyer_name",
        "organisation",
        "channel",
        "order_size",
        "preferred_slot",
        "status",
        "language",
        "notes",
    )
    list_display_links = ("created_at", "buyer_name")
    list_editable = ("status", "notes")
    list_filter = (
        "status",
        "channel",
        "order_size",
        PreferredDayFilter,
        "unit__primary_sector",
        "language",
    )
    list_select_related = ("unit",)
    list_per_page = 50
    search_fields = (
        "buyer_name",
        "organisation",
        "email",
        "phone",
        "message",
        "notes",
        "unit__name_vi",
        "unit__name_en",
        "unit__booth",
    )
    date_hierarchy = "created_at"
    autocomplete_fields = ("unit", "sectors")
    actions = (mark_forwarded, mark_arranged, mark_declined, mark_closed, "export_csv")
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("unit", "status", "notes")}),
        (_("Buyer"), {"fields": ("buyer_name", "organisation", "channel", "email", "phone", "language")}),
        (
            _("Request"),
            {"fields": ("sectors", "order_size", "message", "preferred_day", "preferred_time")},
        ),
        (_("Record"), {"fields": ("created_at", "updated_at")}),
    )

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("widgets", {"notes": forms.Textarea(attrs={"rows": 2, "cols": 28})})
        return super().get_changelist_form(request, **kwargs)

    @admin.display(description=_("preferred day"), ordering="preferred_day")
    def preferred_slot(self, obj):
        parts = [short_date(obj.preferred_day), preferred_time_label(obj.preferred_time)]
        return " · ".join(part for part in parts if part) or None

    @admin.action(description=_("Export the selected meeting requests (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return meeting_requests_csv(queryset)


def meeting_requests_csv(requests) -> HttpResponse:
    """Meeting requests as a CSV download (see `core.admin.csv_response`), oldest first."""
    header = (
        _("received at (Hanoi time)"),
        _("status"),
        _("unit"),
        _("booth"),
        _("unit's contact for meeting requests"),
        _("name"),
        _("organisation"),
        _("buyer channel"),
        _("sectors of interest"),
        _("expected order size"),
        _("e-mail"),
        _("phone"),
        _("preferred day"),
        _("preferred time"),
        _("message"),
        _("language"),
        _("organisers' notes"),
    )
    requests = requests.select_related("unit").prefetch_related("sectors").order_by("created_at", "pk")
    rows = (
        (
            csv_time(meeting.created_at),
            meeting.get_status_display(),
            meeting.unit.name,
            meeting.unit.booth,
            meeting.unit.contact_email,
            meeting.buyer_name,
            meeting.organisation,
            meeting.get_channel_display(),
            ", ".join(sector.name for sector in meeting.sectors.all()),
            meeting.get_order_size_display(),
            meeting.email,
            meeting.phone,
            meeting.preferred_day.isoformat() if meeting.preferred_day else "",
            preferred_time_label(meeting.preferred_time),
            meeting.message,
            meeting.language,
            meeting.notes,
        )
        for meeting in requests
    )
    return csv_response(export_name("meeting-requests"), header, rows)
