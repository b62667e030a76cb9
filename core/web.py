"""Small helpers of the public pages: the site's own address, absolute addresses and page numbers."""

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.translation import gettext as _

# Where links point when there is neither TUDOI_SITE_URL nor a request (shell, import, a task queued without one).
FALLBACK_SITE_URL = "http://127.0.0.1:8000"

_origin: contextvars.ContextVar[str | None] = contextvars.ContextVar("tudoi_site_origin", default=None)


def site_url() -> str:
    """The public site's origin (scheme and host, no trailing slash), for canonical links, share links, QR codes,
    calendar feeds and links in e-mails.

    `TUDOI_SITE_URL` when it is set (production: one name whatever host a request used); otherwise the origin of the
    request being answered (so `make run PORT=8401` links to port 8401) or of the request that queued a background
    task (`site_url_override`); otherwise FALLBACK_SITE_URL.
    """
    return settings.TUDOI_SITE_URL or _origin.get() or FALLBACK_SITE_URL


def cookie_name(base: str) -> str:
    """The name of one of the site's cookies: `agenda` → `__Host-agenda` over HTTPS (settings.TUDOI_COOKIE_PREFIX)."""
    return settings.TUDOI_COOKIE_PREFIX + base


def request_origin(request) -> str | None:
    """`https://host:port` of a request, from an allowed Host header (None when Django refuses the host)."""
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return None


@contextmanager
def site_url_override(url: str | None) -> Iterator[None]:
    """Inside the block, `site_url()` answers `url` (when TUDOI_SITE_URL is not set): a background task renders with
    the origin of the request that queued it."""
    token = _origin.set(url.rstrip("/") if url else None)
    try:
        yield
    finally:
        _origin.reset(token)


class SiteURLMiddleware:
    """Remembers the origin of the request being answered, for `site_url()`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _origin.set(request_origin(request))
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)


def absolute(url: str) -> str:
    """An address on the public site (`site_url()`), as in canonical links; an empty one stays empty and one that
    already has a scheme (media on another origin) stays as it is."""
    if not url or "://" in url:
        return url
    return site_url() + url


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


class NearestPageMixin:
    """For a paginated ListView: a page number out of range shows the nearest page with a notice (`page_notice`
    in the context), as the other lists do, instead of a 404."""

    page_notice = ""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        number, self.page_notice = page_number(self.request.GET.get(self.page_kwarg), paginator.num_pages)
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # paginates, which sets page_notice
        context["page_notice"] = self.page_notice
        return context
