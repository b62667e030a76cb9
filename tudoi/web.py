"""Small helpers of the public pages: absolute addresses and page numbers from the query string."""

from django.conf import settings
from django.utils.translation import gettext as _


def absolute(url: str) -> str:
    """An address on the public site name (`TUDOI_SITE_URL`), as in canonical links; an empty one stays empty and
    one that already has a scheme (media on another origin) stays as it is."""
    if not url or "://" in url:
        return url
    return settings.TUDOI_SITE_URL + url


def page_number(raw: str | None, last: int) -> tuple[int, str]:
    """The page to show for a `page` parameter, and a notice when the asked page does not exist."""
    if raw in (None, ""):
        return 1, ""
    try:
        number = int(raw)
    except ValueError:
        return 1, _("The page number in the address was not understood; here is the first page.")
    if number < 1:
        return 1, _("There is no such page; here is the first page.")
    if number > last:
        return last, _("There is no such page; here is the last page.")
    return number, ""
