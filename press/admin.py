import contextlib
import mimetypes
import os

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import clock
from core.admin import PUBLISHING_FIELDSET, PublishableAdmin, csv_response, csv_time, export_name, publish, unpublish
from core.mail import mail_quietly

from . import accreditation
from .models import AccreditationRequest, AccreditationStatus, CoverageLink, MediaAsset, PressContact, PressRelease


@admin.register(CoverageLink)
class CoverageLinkAdmin(admin.ModelAdmin):
    """Not translated: the headline is the outlet's, in the language of the article."""

    actions = [publish, unpublish]
    formfield_overrides = PublishableAdmin.formfield_overrides
    list_display = ("headline", "outlet", "published_on", "language", "status")
    list_filter = ("status", "language", "outlet")
    search_fields = ("headline", "outlet", "url")
    date_hierarchy = "published_on"
    fieldsets = (
        (None, {"fields": ("outlet", "headline", "url", "published_on", "language")}),
        PUBLISHING_FIELDSET,
    )


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
        (_("Image"), {"fields": ("image", "preview", "image_alt", "image_credit")}),
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


def _decide_and_tell(modeladmin, request, queryset, status: str) -> None:
    with transaction.atomic():
        decided = accreditation.decide(requests=queryset.select_for_update(), status=status)
    failed = [item for item in decided if not mail_quietly(accreditation.send_decision, item)]
    sent = len(decided) - len(failed)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d request decided; the journalist was e-mailed.",
            "%(count)d requests decided; the journalists were e-mailed.",
            sent,
        )
        % {"count": sent},
        messages.SUCCESS if sent else messages.INFO,
    )
    if failed:
        modeladmin.message_user(
            request,
            _("The e-mail could not be sent to: %(emails)s. Please write to them yourself.")
            % {"emails": ", ".join(item.email for item in failed)},
            messages.ERROR,
        )


@admin.action(description=_("Approve selected requests and e-mail the journalists"), permissions=["change"])
def approve(modeladmin, request, queryset):
    _decide_and_tell(modeladmin, request, queryset, AccreditationStatus.APPROVED)


@admin.action(description=_("Refuse selected requests and e-mail the journalists"), permissions=["change"])
def refuse(modeladmin, request, queryset):
    _decide_and_tell(modeladmin, request, queryset, AccreditationStatus.REFUSED)


@admin.register(AccreditationRequest)
class AccreditationRequestAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "outlet",
        "role",
        "email",
        "phone",
        "days",
        "language",
        "status",
        "decided_at",
        "created_at",
    )
    list_filter = ("status", "language", "created_at")
    search_fields = ("name", "outlet", "email", "phone")
    date_hierarchy = "created_at"
    actions = [approve, refuse, "export_csv"]
    readonly_fields = ("press_card_download", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "outlet", "role", "email", "phone", "language")}),
        (_("Request"), {"fields": ("days", "message", "press_card_download")}),
        (
            _("Decision"),
            {
                "fields": ("status", "decided_at"),
                "description": _(
                    "Approving or refusing (here or with the actions of the list) e-mails the journalist in the "
                    "language of the request."
                ),
            },
        ),
        (_("Record"), {"fields": ("created_at", "updated_at")}),
    )

    @admin.action(description=_("Export the selected accreditation requests (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        """The list the press desk prints: who comes, for which outlet and which days, and what was decided."""
        header = (
            _("received at (Hanoi time)"),
            _("status"),
            _("decided at"),
            _("name"),
            _("media outlet"),
            _("role"),
            _("e-mail"),
            _("phone"),
            _("days"),
            _("message"),
            _("language"),
            _("press card"),
        )
        rows = (
            (
                csv_time(journalist.created_at),
                journalist.get_status_display(),
                csv_time(journalist.decided_at),
                journalist.name,
                journalist.outlet,
                journalist.role,
                journalist.email,
                journalist.phone,
                journalist.days,
                journalist.message,
                journalist.language,
                _("yes") if journalist.press_card else _("no"),
            )
            for journalist in queryset.order_by("created_at", "pk")
        )
        return csv_response(export_name("accreditations"), header, rows)

    @admin.display(description=_("press card"))
    def press_card_download(self, obj):
        # The file has no public address: staff download it through the admin.
        if not obj.pk or not obj.press_card:
            return self.get_empty_value_display()
        url = reverse("admin:press_accreditationrequest_press_card", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the press card"))

    def get_urls(self):
        return [
            path(
                "<int:pk>/press-card/",
                self.admin_site.admin_view(self.press_card_view),
                name="press_accreditationrequest_press_card",
            ),
            *super().get_urls(),
        ]

    def press_card_view(self, request, pk):
        obj = get_object_or_404(AccreditationRequest, pk=pk)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        if not obj.press_card:
            raise Http404
        try:
            handle = obj.press_card.open("rb")
        except OSError:
            raise Http404 from None
        filename = os.path.basename(obj.press_card.name)
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=filename,
            content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def save_model(self, request, obj, form, change):
        """A decision typed into the form e-mails the journalist too, as the actions do."""
        decided = (
            change
            and "status" in form.changed_data
            and obj.status in (AccreditationStatus.APPROVED, AccreditationStatus.REFUSED)
        )
        if decided and "decided_at" not in form.changed_data:
            obj.decided_at = clock.now()
        super().save_model(request, obj, form, change)
        if decided:
            if mail_quietly(accreditation.send_decision, obj):
                self.message_user(request, _("The journalist was e-mailed the decision."), messages.SUCCESS)
            else:
                self.message_user(
                    request, _("The e-mail could not be sent: please write to the journalist yourself."), messages.ERROR
                )

    def delete_model(self, request, obj):
        card = obj.press_card
        super().delete_model(request, obj)
        _delete_file(card)

    def delete_queryset(self, request, queryset):
        cards = [obj.press_card for obj in queryset if obj.press_card]
        super().delete_queryset(request, queryset)
        for card in cards:
            _delete_file(card)


def _delete_file(field_file) -> None:
    """A deleted request takes its press card with it: personal data is not kept without a reason."""
    if field_file:
        with contextlib.suppress(OSError):
            field_file.storage.delete(field_file.name)
