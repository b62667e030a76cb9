"""Alt text: every image the public sees is described in Vietnamese before it is published from the admin.

Each model with an image has a translated `<image field>_alt` beside it (a session's `image_alt`, a speaker's
`photo_alt`, a unit's `cover_alt`, a partner's `logo_alt`, a release's `image_alt`) and names the pairs in
`image_alt_fields`; a work's `alt_text` came first, keeps its name and its rule in `Artwork.clean()`. Blank is
allowed, so that a draft can wait for it.

The rule is the admin's: its change form (`form_requiring`, added by `core.admin.PublishableAdmin`) and the list's
publish action (`missing_reasons`, asked by `core.admin.refused_publication`) refuse to publish an item with an
image and no Vietnamese description, with the reason. It is not in the model's clean(), so that the demo loader and
scripts, which validate their rows with full_clean(), are not refused (the demo gives its images descriptions all
the same). Templates use the text as the image's alt, falling back to the name shown beside it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Status

REQUIRED = _("A published item with an image needs alt text in Vietnamese: describe the image, or keep it as a draft.")


def field(**kwargs) -> models.CharField:
    """The alt-text field (translated in the app's translation.py)."""
    return models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required in Vietnamese to publish."),
        **kwargs,
    )


def pairs(model) -> tuple:
    """The model's (image field, alt-text field) pairs."""
    return tuple(getattr(model, "image_alt_fields", ()))


def _described(text) -> bool:
    return bool((text or "").strip())


def missing_reasons(obj) -> list[str]:
    """Why `obj`, as it would be published, may not be: one reason per image without a Vietnamese description."""
    if obj.status != Status.PUBLISHED:
        return []
    return [
        str(REQUIRED)
        for image_field, alt_field in pairs(type(obj))
        if getattr(obj, image_field) and not _described(getattr(obj, f"{alt_field}_vi", ""))
    ]


def form_requiring(form_class, model):
    """`form_class` (an admin ModelForm for `model`) that refuses to publish an image without Vietnamese alt text,
    marking the alt-text field (or the form, when the field is not on it)."""
    if not pairs(model):
        return form_class

    class AltTextRequiredForm(form_class):
        def clean(self):
            cleaned_data = super().clean()
            _check(self, cleaned_data)
            return cleaned_data

    AltTextRequiredForm.__name__ = form_class.__name__
    AltTextRequiredForm.__qualname__ = form_class.__qualname__
    return AltTextRequiredForm


def _value(form, cleaned_data, name):
    if name in form.fields:
        return cleaned_data.get(name)
    return getattr(form.instance, name, None)


def _check(form, cleaned_data) -> None:
    if _value(form, cleaned_data, "status") != Status.PUBLISHED:
        return
    for image_field, alt_field in pairs(form._meta.model):
        image = _value(form, cleaned_data, image_field)  # False when the form clears it
        if not image or _described(_value(form, cleaned_data, f"{alt_field}_vi")):
            continue
        target = f"{alt_field}_vi" if f"{alt_field}_vi" in form.fields else None
        form.add_error(target, ValidationError(REQUIRED, code="alt_text_required"))
