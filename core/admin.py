"""Admin helpers shared by every app: publishing actions, status changes, image previews, CSV exports, a base class.

The organisers' whole back office is the Django admin, so each app's admin.py builds on these.
"""

import csv
from collections.abc import Iterable

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import model_ngettext
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import alt_text, history, renditions
from .models import Status
from .pagecache import content_changed
from .translation_status import TranslationStatusMixin

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
    """The objects that may not be published: pk → (name, reason).

    The publish action is one UPDATE that skips clean(); a rule such as "a published work needs alt text" lives in
    the model's clean() and is asked here, so that it holds for the action as it does for the form; so is the
    admin's own rule that a published image has Vietnamese alt text (core/alt_text.py).
    """
    checks_clean = queryset.model.clean is not models.Model.clean
    if not (checks_clean or alt_text.pairs(queryset.model)):
        return {}
    refused = {}
    for obj in queryset.exclude(status=Status.PUBLISHED):
        obj.status = Status.PUBLISHED
        reasons = []
        if checks_clean:
            try:
                obj.clean()
            except ValidationError as error:
                reasons.extend(error.messages)
        reasons.extend(reason for reason in alt_text.missing_reasons(obj) if reason not in reasons)
        if reasons:
            refused[obj.pk] = (str(obj), " ".join(reasons))
    return refused


def _refused_message(modeladmin, refused: dict) -> str:
    return ngettext(
        "%(count)d %(items)s not published: %(reasons)s",
        "%(count)d %(items)s not published: %(reasons)s",
        len(refused),
    ) % {
        "count": len(refused),
        "items": model_ngettext(modeladmin.opts, len(refused)),
        "reasons": " ".join(f"{name}: {reason}" for name, reason in list(refused.values())[:10])
        + (" …" if len(refused) > 10 else ""),
    }


CONFIRMATION_LISTED = 100  # items named on the confirmation page; the rest are counted


def _change_status_confirmed(modeladmin, request, queryset, value) -> HttpResponse | None:
    """The publish and unpublish actions: a confirmation page first (nothing changes), then, once confirmed, the
    change in one UPDATE, kept in each changed object's history and the admin log with who made it."""
    refused = refused_publication(queryset) if value == Status.PUBLISHED else {}
    changing = list(queryset.exclude(status=value).exclude(pk__in=refused).order_by("pk"))
    if request.POST.get("confirm") != "yes":
        opts = modeladmin.opts
        publishing = value == Status.PUBLISHED
        items = [
            (obj, reverse(f"{modeladmin.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=(obj.pk,)))
            for obj in changing[:CONFIRMATION_LISTED]
        ]
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": (_("Publish these items?") if publishing else _("Unpublish these items?")),
            "opts": opts,
            "app_label": opts.app_label,
            "publishing": publishing,
            "items": items,
            "more": max(0, len(changing) - CONFIRMATION_LISTED),
            "changing_count": len(changing),
            "refused": list(refused.values()),
            "unchanged_count": queryset.count() - len(changing) - len(refused),
            "selected": queryset.values_list("pk", flat=True),
            "action": request.POST.get("action", "publish" if publishing else "unpublish"),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "back_url": request.get_full_path(),
        }
        request.current_app = modeladmin.admin_site.name
        return TemplateResponse(request, "admin/publish_confirmation.html", context)
    if refused:
        modeladmin.message_user(request, _refused_message(modeladmin, refused), messages.ERROR)
    model = queryset.model
    pks = [obj.pk for obj in changing]
    history.ensure_baselines(model, pks)  # the state before, for an object with no history yet
    changed = _set(model._default_manager.filter(pk__in=pks), "status", value)
    marker = history.PUBLISHED_IN_BULK if value == Status.PUBLISHED else history.UNPUBLISHED_IN_BULK
    for obj in model._base_manager.filter(pk__in=pks).order_by("pk"):
        history.record(obj, user=request.user, comment=marker)
        modeladmin.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
    return changed


@admin.action(description=_("Publish selected %(verbose_name_plural)s"), permissions=["change"])
def publish(modeladmin, request, queryset):
    changed = _change_status_confirmed(modeladmin, request, queryset, Status.PUBLISHED)
    if isinstance(changed, HttpResponse):
        return changed
    modeladmin.message_user(
        request,
        ngettext("%(count)d %(items)s published.", "%(count)d %(items)s published.", changed)
        % {"count": changed, "items": model_ngettext(modeladmin.opts, changed)},
        messages.SUCCESS if changed else messages.INFO,
    )
    return None


@admin.action(description=_("Unpublish selected %(verbose_name_plural)s (back to draft)"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    changed = _change_status_confirmed(modeladmin, request, queryset, Status.DRAFT)
    if isinstance(changed, HttpResponse):
        return changed
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
    return None


class PublishableAdmin(TranslationStatusMixin, history.HistoryAdmin, TabbedTranslationAdmin):
    """Base for the translated, publishable models (every one of them is both).

    Language tabs from modeltranslation, the publish/unpublish actions, and, when `image_field` names the
    model's main image, a `thumbnail` column for `list_display` and a `preview` for the form (list it in
    `readonly_fields`).
    Slugs are never prefilled by the admin's JavaScript (it mangles Vietnamese); the model makes them on save.
    Every change is kept in the object's history, old → new, restorable (core/history.py).
    """

    actions = [publish, unpublish]
    # "example.org" typed without a scheme means https (Django 6's default; 5.2 warns and assumes http).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    image_field: str | None = None
    list_per_page = 50
    save_on_top = True

    def get_form(self, request, obj=None, **kwargs):
        # An image is published only with its Vietnamese description (core/alt_text.py).
        return alt_text.form_requiring(super().get_form(request, obj, **kwargs), self.model)

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
