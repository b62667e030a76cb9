"""Admin helpers shared by every app: publishing actions, status changes, image previews, a base class.

The organisers' whole back office is the Django admin, so each app's admin.py builds on these.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from sorl.thumbnail import get_thumbnail

from .models import Status

LIST_THUMBNAIL = "64x64"
FORM_PREVIEW = "240x240"


def image_thumbnail(image, geometry: str = LIST_THUMBNAIL, *, crop: str | None = "center") -> SafeString | None:
    """An <img> of a small rendition of `image` (a FieldFile), or None when there is no image.

    A missing or unreadable file must not break an admin page: it gets a plain link to the original instead.
    """
    if not image:
        return None
    try:
        thumbnail = get_thumbnail(image, geometry, **({"crop": crop} if crop else {}))
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" decoding="async">',
            thumbnail.url,
            thumbnail.width,
            thumbnail.height,
        )
    except Exception:
        return format_html('<a href="{}">{}</a>', image.url, image.name)


def _set(queryset: QuerySet, field: str, value) -> int:
    """Set `field` to `value` where it differs, in one UPDATE; return how many rows changed."""
    return queryset.exclude(**{field: value}).update(**{field: value, "updated_at": timezone.now()})


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


@admin.action(description=_("Publish selected %(verbose_name_plural)s"), permissions=["change"])
def publish(modeladmin, request, queryset):
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


PUBLISHING_FIELDSET = (_("Publishing"), {"fields": ("status", "publish_at")})
