import re

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from tudoi.admin import PUBLISHING_FIELDSET, PublishableAdmin, change_status

from .models import CreativeUnit, MeetingRequest, MeetingStatus, Partner, Product, Sector

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
            return obj.colour  # never into a style attribute unchecked
        return format_html(
            '<span style="display:inline-block;width:1em;height:1em;background:{}"></span> {}',
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
class CreativeUnitAdmin(PublishableAdmin):
    image_field = "logo"
    list_display = (
        "thumbnail",
        "name",
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
    search_fields = ("name_vi", "name_en", "short_description_vi", "short_description_en", "booth", "slug")
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
        (_("Images"), {"fields": ("logo", "preview", "cover")}),
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
class ProductAdmin(PublishableAdmin):
    image_field = "image"
    list_display = (
        "thumbnail",
        "name",
        "unit",
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
    search_fields = ("name_vi", "name_en", "unit__name_vi", "unit__name_en")
    autocomplete_fields = ("unit",)
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("unit", "name", "description", "image", "preview")}),
        (_("Trade"), {"fields": ("price_band", "retail", "wholesale", "export", "order")}),
        PUBLISHING_FIELDSET,
    )


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
        (_("Logo"), {"fields": ("logo", "preview")}),
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


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = (
        "buyer_name",
        "organisation",
        "unit",
        "channel",
        "order_size",
        "preferred_day",
        "created_at",
        "status",
    )
    list_editable = ("status",)
    list_filter = ("status", "channel", "unit__primary_sector", "order_size", "preferred_day", "language")
    list_select_related = ("unit",)
    search_fields = ("buyer_name", "organisation", "email", "phone", "unit__name_vi", "unit__name_en")
    date_hierarchy = "created_at"
    autocomplete_fields = ("unit", "sectors")
    actions = (mark_forwarded, mark_arranged, mark_declined, mark_closed)
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
