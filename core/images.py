"""Images: upload validation and re-encoding, and the stored renditions (made on save by core/renditions.py).

Every accepted upload is decoded and written out again by Pillow, so what is stored is a plain JPEG, PNG or
WebP with no metadata and nothing hidden after the image data (an HTML or script "polyglot" loses its
payload).
"""

import contextlib
import io
import logging
import math
import os
import warnings

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from . import renditions
from .text import slugify_vi

logger = logging.getLogger(__name__)

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _megabytes(size: int) -> str:
    # One decimal, rounded up, unless whole: a file just over the limit must not read "15 MB; limit 15 MB".
    megabytes = math.ceil(size / (1024 * 1024) * 10) / 10
    return number_format(megabytes, decimal_pos=0 if megabytes.is_integer() else 1)


def reencode_image(upload) -> SimpleUploadedFile:
    """Check an uploaded file is a real JPEG, PNG or WebP within the limits, and return it re-encoded.

    Raises forms.ValidationError with a message for the person who uploaded it.
    """
    max_bytes = settings.TUDOI_IMAGE_MAX_BYTES
    max_pixels = settings.TUDOI_IMAGE_MAX_PIXELS
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise forms.ValidationError(
            _("This file is %(size)s MB; images may be at most %(limit)s MB. Please upload a smaller version."),
            code="image_too_large",
            params={"size": _megabytes(size), "limit": _megabytes(max_bytes)},
        )
    upload.seek(0)
    data = upload.read()
    not_an_image = forms.ValidationError(
        _("Upload a JPEG, PNG or WebP image. This file is not one (SVG and other formats are not accepted)."),
        code="invalid_image",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            # Phones save "multi-picture" JPEGs (MPO): the first picture is the photo; keep it as a JPEG.
            fmt = "JPEG" if image.format == "MPO" else image.format
            if fmt not in ALLOWED_FORMATS:
                raise not_an_image
            width, height = image.size
            if width * height > max_pixels:
                raise forms.ValidationError(
                    _("This image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels."),
                    code="image_too_many_pixels",
                    params={"width": width, "height": height, "limit": max_pixels // 1_000_000},
                )
            image.load()
            # Turn the picture the way the camera says. A corrupt EXIF block (Pillow raises struct.error or
            # TypeError) is no reason to refuse the pixels: they are kept as stored.
            with contextlib.suppress(Exception):
                image = ImageOps.exif_transpose(image)
    except forms.ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise forms.ValidationError(
            _("This image is too large to process; the limit is %(limit)s megapixels."),
            code="image_too_many_pixels",
            params={"limit": max_pixels // 1_000_000},
        ) from None
    except Exception:
        # Pillow fails on malformed files in many ways (struct.error or TypeError from a corrupt EXIF block,
        # not only OSError); whichever it is, the answer is a form error, not a 500.
        raise not_an_image from None

    # Pillow writes some of `image.info` back out (a JPEG comment, which may hold "<script>"), so keep only
    # what draws the picture: the colour profile and a palette's transparency.
    icc_profile = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    image.info = {}
    out = io.BytesIO()
    if fmt == "JPEG":
        if image.mode != "RGB":
            icc_profile = None  # a CMYK or greyscale profile does not describe the converted RGB pixels
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=90, optimize=True, icc_profile=icc_profile)
    elif fmt == "WEBP":
        image.save(out, "WEBP", quality=90, icc_profile=icc_profile)
    else:
        extra = {} if transparency is None else {"transparency": transparency}
        image.save(out, "PNG", optimize=True, icc_profile=icc_profile, **extra)
    stem = os.path.splitext(os.path.basename(getattr(upload, "name", "") or "image"))[0]
    name = f"{slugify_vi(stem) or 'image'}.{ALLOWED_FORMATS[fmt]}"
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{ALLOWED_FORMATS[fmt].replace('jpg', 'jpeg')}")


class SafeImageFormField(forms.ImageField):
    default_error_messages = {
        "invalid_image": _(
            "Upload a JPEG, PNG or WebP image. This file is not one (SVG and other formats are not accepted)."
        ),
    }

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return super().to_python(reencode_image(data))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = "image/jpeg,image/png,image/webp"
        return attrs


class SafeImageField(models.ImageField):
    """An ImageField whose forms (the admin's included) take only re-encoded JPEG, PNG or WebP in limits."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})


@deconstructible
class UploadTo:
    """Upload path with an ASCII file name: `units/logos/ha-noi.png`, not `units/logos/Hà Nội.png`."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        stem, ext = os.path.splitext(os.path.basename(filename))
        return f"{self.folder}/{slugify_vi(stem) or 'file'}{ext.lower()}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and other.folder == self.folder


def rendition(image, geometry: str, *, crop=None, format: str = "WEBP", **ignored):
    """The stored rendition of `image` for a sorl-style geometry ("1200", "1200x630" with crop="center", format
    "JPEG"): an object with url, width and height, or None when there is no image or no such rendition was made.

    It only reads the row (core/renditions.py makes the copies when the image is saved): no query, no image work,
    whatever the request. `quality` and other options are those of the registry, not of the caller.
    """
    if not image:
        return None
    key = renditions.key_for(geometry, crop=crop, fmt=format)
    found = renditions.stored(image, key)
    if found is None:
        logger.warning("No stored rendition %s of %s: run manage.py make_renditions", key, image.name)
    return found


def rendition_url(image, geometry: str, **options) -> str:
    """The address of `rendition(image, geometry, **options)`; the original's when none is stored yet; or ""."""
    if not image:
        return ""
    found = rendition(image, geometry, **options)
    return found.url if found else image.url
