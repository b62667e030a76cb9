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

from core import fragments, renditions, text

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
def inner_quotes(value) -> str:
    """For a title shown inside “…”: `{{ title|inner_quotes }}` turns its own quotation marks into ‘…’."""
    return text.nest_quotes(value) if value else ""


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


@register.simple_tag
def date_range(start, end):
    """Two days as one range, the glossary's way: "10–18/01/2026" in Vietnamese, "10–18 January 2026" in English
    (the month and year written once when they are shared), each end in its own <time>."""
    if not (start and end):
        return ""
    if get_language() == "vi":
        if (start.year, start.month) == (end.year, end.month):
            first = f"{start:%d}"
        else:
            first = f"{start:%d/%m}" if start.year == end.year else f"{start:%d/%m/%Y}"
        last, dash = f"{end:%d/%m/%Y}", "–"
    else:
        if (start.year, start.month) == (end.year, end.month):
            first, dash = str(start.day), "–"
        else:
            month_year = "F" if start.year == end.year else "F Y"
            first, dash = f"{start.day} {formats.date_format(start, month_year)}", " – "
        last = f"{end.day} {formats.date_format(end, 'F Y')}"
    return format_html(
        '<time datetime="{}">{}</time>{}<time datetime="{}">{}</time>',
        start.isoformat(),
        first,
        dash,
        end.isoformat(),
        last,
    )


@register.filter
def clock(value) -> str:
    """24-hour time in Hanoi: "19:30"."""
    if not value:
        return ""
    return f"{timezone.localtime(value):%H:%M}"


def _pick(available: dict, width: int):
    """The stored rendition for a wanted width: that width, else the narrowest wider one, else the widest."""
    if width in available:
        return available[width]
    wider = [w for w in available if w > width]
    return available[min(wider)] if wider else available[max(available)]


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

    `ratio` like "4:3" crops to that shape; `widths` like "160,320" picks the rendition widths. The renditions were
    made when the image was saved (core/renditions.py); this reads them from the row the page already has: no
    query and no image work. Without stored renditions (a row from before `make_renditions`), the original file.
    """
    if not image:
        return ""
    wanted = tuple(int(w) for w in widths.split(",")) if widths else DEFAULT_WIDTHS
    shape = tuple(int(part) for part in ratio.split(":")) if ratio else None
    available = renditions.stored_shape(image, shape)
    extra = format_html(
        "{}{}",
        format_html(' class="{}"', css_class) if css_class else "",
        mark_safe(' loading="lazy"') if lazy else "",
    )
    if not available:
        logger.warning("No stored renditions of %s: run manage.py make_renditions", image.name)
        found = renditions.entry(image)
        size = format_html(' width="{}" height="{}"', *found["size"]) if found and not shape else ""
        return format_html('<img src="{}"{} alt="{}"{} decoding="async">', image.url, size, alt, extra)
    chosen = [_pick(available, width) for width in wanted]
    unique = {r.width: r for r in chosen}  # a small source yields the same rendition for several widths
    srcset = format_html_join(", ", "{} {}w", ((r.url, w) for w, r in sorted(unique.items())))
    default = chosen[len(chosen) // 2] if len(chosen) > 1 else chosen[0]
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} decoding="async">',
        default.url,
        srcset,
        sizes,
        default.width,
        default.height,
        alt,
        extra,
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist, name: str, vary_on: list):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        values = [value.resolve(context) for value in self.vary_on]
        if any(value is None for value in values):  # the view says: not this time
            return self.nodelist.render(context)
        return fragments.remember(
            (self.name, *map(str, values)), lambda: self.nodelist.render(context), request=context.get("request")
        )


@register.tag
def fragment(parser, token):
    """`{% fragment "name" value… %}…{% endfragment %}`: what is inside, made once per content generation, minute
    and language (and the values named) in each process; see core/fragments.py for what it may show. A value that
    is None (set so by a view, e.g. for input it does not want kept) renders it afresh."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% fragment %} takes a quoted name, then the values it varies on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])


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
