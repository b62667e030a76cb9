"""Admin helpers shared by every app: publishing actions, status changes, image previews, CSV exports, a base class.

The organisers' whole back office is the Django admin, so each app's admin.py builds on these.
"""

import csv
from collections.abc import Iterable

from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import renditions
from .models import Status
from .pagecache import content_changed

LIST_THUMBNAIL = "64x64"
FORM_PREVIEW = "240x240"


def image_thumbnail(image, geometry: str = LIST_THUMBNAIL, *, crop: str | None = "center") -> SafeString | None:
    """An <img> of a small rendition of `image` (a FieldFile) fitting in `geometry`, or None when there is no image.

    The smallest rendition made when the image was saved (core/renditions.py) that fills the box, shown whole
    (`crop` is no longer used); when there is none (an unreadable file, or `make_renditions` not run yet) the admin
    page gets a plain link to the original instead.
    """
    if not image:
        return None
    found = renditions.thumbnail(image, int(geometry.split("x")[0]))
    if found is None:
        return format_html('<a href="{}">{}</a>', image.url, image.name)
    thumbnail, width, height = found
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" loading="lazy" decoding="async">', thumbnail.url, width, height
    )


def _set(queryset: QuerySet, field: str, value) -> int:
    """Set `field` to `value` where it differs, in one UPDATE (which sends no signal: the cached pages are told);
    return how many rows changed."""
    changed = queryset.exclude(**{field: value}).update(**{field: value, "updated_at": timezone.now()})
    if changed:
        content_changed()
    return changed


def change_status(modeladmin, request: HttpRequest, queryset: QuerySet, value, field: str = "status") -> int:
    """Set `field` to `value` on the selected objects, tell the user how many changed, return that count."""
    changed = _set(queryset, field, value)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d %(items)s set to “%(status)s”.",
            "%(count)d %(items)s set to “%(status)s”.",
            changed,
        )
        % {"count": changed, "items": model_ngettext(modeladmin.opts, changed), "status": value.label},
        messages.SUCCESS if changed else messages.INFO,
    )
    return changed


def refused_publication(queryset: QuerySet) -> dict:
    """The objects that their model's clean() refuses to see published: pk → (name, reason).

    The publish action is one UPDATE that skips clean(); a rule such as "a published work needs alt text" lives in
    the model's clean() and is asked here, so that it holds for the action as it does for the form.
    """
    if queryset.model.clean is models.Model.clean:
        return {}
    refused = {}
    for obj in queryset.exclude(status=Status.PUBLISHED):
        obj.status = Status.PUBLISHED
        try:
            obj.clean()
        except ValidationError as error:
            refused[obj.pk] = (str(obj), " ".join(error.messages))
    return refused


@admin.action(description=_("Publish selected %(verbose_name_plural)s"), permissions=["change"])
def publish(modeladmin, request, queryset):
    refused = refused_publication(queryset)
    if refused:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d %(items)s not published: %(reasons)s",
                "%(count)d %(items)s not published: %(reasons)s",
                len(refused),
            )
            % {
                "count": len(refused),
                "items": model_ngettext(modeladmin.opts, len(refused)),
                "reasons": " ".join(f"{name}: {reason}" for name, reason in list(refused.values())[:10])
                + (" …" if len(refused) > 10 else ""),
            },
            messages.ERROR,
        )
        queryset = queryset.exclude(pk__in=refused)
    changed = _set(queryset, "status", Status.PUBLISHED)
    modeladmin.message_user(
        request,
        ngettext("%(count)d %(items)s published.", "%(count)d %(items)s published.", changed)
        % {"count": changed, "items": model_ngettext(modeladmin.opts, changed)},
        messages.SUCCESS if changed else messages.INFO,
    )


@admin.action(description=_("Unpublish selected %(verbose_name_plural)s (back to draft)"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    changed = _set(queryset, "status", Status.DRAFT)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d %(items)s unpublished (back to draft).",
            "%(count)d %(items)s unpublished (back to draft).",
            changed,
        )
        % {"count": changed, "items": model_ngettext(modeladmin.opts, changed)},
        messages.SUCCESS if changed else messages.INFO,
    )


class PublishableAdmin(TabbedTranslationAdmin):
    """Base for the translated, publishable models (every one of them is both).

    Language tabs from modeltranslation, the publish/unpublish actions, and, when `image_field` names the
    model's main image, a `thumbnail` column for `list_display` and a `preview` for the form (list it in
    `readonly_fields`).
    Slugs are never prefilled by the admin's JavaScript (it mangles Vietnamese); the model makes them on save.
    """

    actions = [publish, unpublish]
    # "example.org" typed without a scheme means https (Django 6's default; 5.2 warns and assumes http).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    image_field: str | None = None
    list_per_page = 50
    save_on_top = True

    def _image(self, obj):
        return getattr(obj, self.image_field) if self.image_field else None

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return image_thumbnail(self._image(obj), LIST_THUMBNAIL)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        # A read-only field shows None as "None", not as the list's dash.
        return image_thumbnail(self._image(obj), FORM_PREVIEW, crop=None) or self.get_empty_value_display()

    @admin.display(boolean=True, description=_("public now"))
    def is_public(self, obj):
        return obj.is_public


# CSV exports


def csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe (CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + text
    return text


def csv_time(value) -> str:
    """A datetime as "2026-01-10 14:00" in Hanoi time (the current time zone); empty for None."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def export_name(prefix: str) -> str:
    """A download name that says what and when: "registrations-20260110-1430.csv"."""
    return f"{prefix}-{timezone.localtime():%Y%m%d-%H%M}.csv"


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV download: UTF-8 with a byte-order mark, so that Excel reads Vietnamese right, and every cell passed
    through `csv_cell`, so that no typed-in value runs as a formula when the file is opened."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(csv_cell(value) for value in header)
    for row in rows:
        writer.writerow(csv_cell(value) for value in row)
    return response


PUBLISHING_FIELDSET = (_("Publishing"), {"fields": ("status", "publish_at")})
