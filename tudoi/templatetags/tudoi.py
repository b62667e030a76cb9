"""Small helpers shared by every template: responsive images, dates the Vietnamese way, translation hints."""

import json
import logging
from datetime import date, datetime

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext
from sorl.thumbnail import get_thumbnail

register = template.Library()
logger = logging.getLogger(__name__)

DEFAULT_WIDTHS = (320, 640, 960)


def _weekday(day: date) -> str:
    names = [
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    ]
    return names[day.weekday()]


@register.filter
def long_date(value) -> str:
    """ "Thứ Bảy, 10/01/2026" in Vietnamese, "Saturday 10 January 2026" in English (Hanoi time)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    if get_language() == "vi":
        return f"{_weekday(value)}, {value:%d/%m/%Y}"
    return f"{_weekday(value)} {value.day} {formats.date_format(value, 'F Y')}"


@register.filter
def short_date(value) -> str:
    """ "10/01" in Vietnamese, "10 Jan" in English."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    if get_language() == "vi":
        return f"{value:%d/%m}"
    return f"{value.day} {formats.date_format(value, 'M')}"


@register.filter
def clock(value) -> str:
    """24-hour time in Hanoi: "19:30"."""
    if not value:
        return ""
    return f"{timezone.localtime(value):%H:%M}"


def _rendition(image, width: int, ratio: tuple[int, int] | None):
    geometry = f"{width}x{round(width * ratio[1] / ratio[0])}" if ratio else f"{width}"
    options = {"crop": "center"} if ratio else {}
    return get_thumbnail(image, geometry, format="WEBP", quality=80, **options)


@register.simple_tag
def picture(
    image,
    alt: str = "",
    sizes: str = "100vw",
    ratio: str = "",
    widths: str = "",
    css_class: str = "",
    lazy: bool = True,
):
    """An <img> of resized WebP renditions with srcset, width and height (so nothing jumps while loading).

    `ratio` like "4:3" crops to that shape; `widths` like "160,320" picks the rendition widths.
    """
    if not image:
        return ""
    wanted = tuple(int(w) for w in widths.split(",")) if widths else DEFAULT_WIDTHS
    shape = tuple(int(part) for part in ratio.split(":")) if ratio else None
    try:
        renditions = [_rendition(image, width, shape) for width in wanted]
    except Exception:  # a missing or unreadable source file must not break the page
        logger.exception("No rendition for %s", image)
        return ""
    renditions = [r for r in renditions if r and r.width]
    if not renditions:
        return ""
    unique = {r.width: r for r in renditions}  # a small source yields the same rendition for several widths
    srcset = format_html_join(", ", "{} {}w", ((r.url, w) for w, r in sorted(unique.items())))
    default = renditions[len(renditions) // 2] if len(renditions) > 1 else renditions[0]
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{} decoding="async">',
        default.url,
        srcset,
        sizes,
        default.width,
        default.height,
        alt,
        format_html(' class="{}"', css_class) if css_class else "",
        mark_safe(' loading="lazy"') if lazy else "",
    )


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(value) -> str:
    """A schema.org JSON-LD block. It is data, not code: browsers never run it, so the CSP allows it. The text is
    escaped like Django's json_script, so that content cannot close the element."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def untranslated(obj, field: str):
    """A hint when the English page falls back to the Vietnamese text of a field."""
    language = get_language()
    if language == "vi":
        return ""
    if getattr(obj, f"{field}_{language}", None) or not getattr(obj, f"{field}_vi", None):
        return ""
    return format_html('<span class="untranslated">{}</span>', gettext("(not yet translated; shown in Vietnamese)"))
