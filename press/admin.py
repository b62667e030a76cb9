from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tudoi.admin import PUBLISHING_FIELDSET, PublishableAdmin

from .models import AccreditationRequest, MediaAsset, PressContact, PressRelease


@admin.register(PressContact)
class PressContactAdmin(PublishableAdmin):
    list_display = ("name", "role", "organisation", "email", "phone", "order", "status")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name", "email", "phone", "role_vi", "role_en", "organisation_vi", "organisation_en")
    fieldsets = (
        (None, {"fields": ("name", "role", "organisation", "email", "phone", "order")}),
        PUBLISHING_FIELDSET,
    )


@admin.register(PressRelease)
class PressReleaseAdmin(PublishableAdmin):
    image_field = "image"
    list_display = ("thumbnail", "title", "status", "publish_at", "is_public", "contact")
    list_display_links = ("thumbnail", "title")
    list_filter = ("status", "publish_at")
    list_select_related = ("contact",)
    search_fields = ("title_vi", "title_en", "summary_vi", "summary_en", "slug")
    date_hierarchy = "publish_at"
    autocomplete_fields = ("contact",)
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "contact")}),
        (_("Image"), {"fields": ("image", "preview", "image_credit")}),
        (
            _("Publishing and embargo"),
            {
                "fields": ("status", "publish_at"),
                "description": _("A release stays hidden everywhere until its publication time (embargo)."),
            },
        ),
    )


@admin.register(MediaAsset)
class MediaAssetAdmin(PublishableAdmin):
    image_field = "image"
    list_display = ("thumbnail", "title", "kind", "licence", "credit", "order", "status")
    list_display_links = ("thumbnail", "title")
    list_editable = ("order",)
    list_filter = ("status", "kind", "licence")
    search_fields = ("title_vi", "title_en", "caption_vi", "caption_en", "credit", "slug")
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "caption", "credit", "licence", "order")}),
        (
            _("File"),
            {
                "fields": ("image", "preview", "document"),
                "description": _("An image (JPEG, PNG or WebP) or a PDF document."),
            },
        ),
        PUBLISHING_FIELDSET,
    )


@admin.register(AccreditationRequest)
class AccreditationRequestAdmin(admin.ModelAdmin):
    list_display = ("name", "outlet", "role", "email", "phone", "days", "status", "created_at")
    list_filter = ("status", "language", "created_at")
    search_fields = ("name", "outlet", "email", "phone")
    date_hierarchy = "created_at"
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "outlet", "role", "email", "phone", "language")}),
        (_("Request"), {"fields": ("days", "message", "press_card")}),
        (_("Decision"), {"fields": ("status", "decided_at")}),
        (_("Record"), {"fields": ("created_at", "updated_at")}),
    )
