"""Anonymous pages from the cache, at close to static speed.

`PageCacheMiddleware` sits right after WhiteNoise: a GET or HEAD from a visitor without a login session is answered
from Django's cache ("default": Redis when REDIS_URL is set, otherwise a folder that every worker of the machine
shares) without touching the database, the session or the templates. What it stores:

- only answers every visitor may see: status 200, no cookie set, no `Vary: Cookie` (a form's CSRF token, a
  session read), nothing marked private or no-store (the agenda pages read the visitor's cookies and say so);
- per scheme, host, path and query string, and for the addresses without a language prefix (feeds of the API,
  sitemap) per language asked for;
- under the content *generation*: any save or delete of content (see `CONTENT_APPS`) moves it on, so every page
  is current at the next request (`content_changed()` for the bulk updates that send no signal);
- under the current minute of the site's clock (`tudoi.clock`): what is on now, registration states and the home
  page's live strip are never more than a minute old, and a frozen clock that moves renders again.

Visitors' own state never reaches a cached page: stars and the agenda count are drawn by scripts from the
visitor's cookies, and the pages that read cookies are not stored. Every answer carries an ETag and a
Last-Modified (a revalidation gets 304), a `Cache-Control` for a CDN (`s-maxage`, `stale-while-revalidate`,
browsers revalidate at once), and a gzip body when the client takes one (kept in the cache compressed once; these
pages carry no secret, so compression gives nothing away).
"""

import gzip
import hashlib
import logging
import re
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_request

from . import clock
from .web import request_origin

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
# Content lives in these apps; the models listed in VISITOR_MODELS are what visitors send (a registration moves a
# seat count, which the minute's expiry shows soon enough, and must not empty the cache at every sign-up).
CONTENT_APPS = {"events", "exhibitors", "exhibitions", "press"}
VISITOR_MODELS = {"events.registration", "exhibitors.meetingrequest", "press.accreditationrequest"}
MAX_BODY = 2 * 1024 * 1024
COMPRESSIBLE = re.compile(r"^(text/|application/(json|xml|atom\+xml|rss\+xml|ld\+json|javascript))")
# Headers the middlewares inside this one add per answer and that must not be replayed.
NOT_STORED = {"set-cookie", "content-length", "etag", "last-modified", "cache-control", "date", "content-encoding"}
LANGUAGE_PREFIX = re.compile("^/({})/".format("|".join(code for code, _name in settings.LANGUAGES)))
MAX_AGE = re.compile(r"(?<![-\w])max-age=(\d+)")


@dataclass(frozen=True)
class Page:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    gzipped: bytes | None
    etag: str
    last_modified: float
    browser_max_age: int


def enabled() -> bool:
    return getattr(settings, "TUDOI_PAGE_CACHE", True)


def max_age() -> int:
    return getattr(settings, "TUDOI_PAGE_CACHE_SECONDS", 60)


# Invalidation


def content_changed() -> None:
    """Every cached page is out of date: the next request renders again. Also after the transaction commits, so
    that a page rendered meanwhile from the old rows is not kept under the new generation."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation() -> None:
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # a cache that is down holds no stale page either
        logger.warning("Could not move the page cache's generation", exc_info=True)


def _on_content_saved(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in VISITOR_MODELS:
        content_changed()


def _on_setting_changed(**kwargs) -> None:
    _new_generation()  # only tests change settings at run time; a page rendered under the old ones is stale


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_content_saved, dispatch_uid=f"tudoi.pagecache.{signal}")
    setting_changed.connect(_on_setting_changed, dispatch_uid="tudoi.pagecache.settings")


# Serving


def _key(request, generation: str) -> str | None:
    origin = request_origin(request)
    if origin is None:
        return None
    path = request.get_full_path()
    language = "" if LANGUAGE_PREFIX.match(path) else get_language_from_request(request)
    minute = int(clock.now().timestamp() // 60)
    digest = hashlib.sha256(f"{origin}|{language}|{path}".encode()).hexdigest()[:32]
    return f"pages:{generation}:{minute}:{digest}"


def _anonymous_get(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith("/admin/")
    )


def _storable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if len(response.content) > MAX_BODY:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= {"accept-language", "accept-encoding"}


def _page_of(response) -> Page:
    body = response.content
    content_type = response.get("Content-Type", "")
    gzipped = None
    if len(body) > 512 and COMPRESSIBLE.match(content_type):
        gzipped = gzip.compress(body, compresslevel=6, mtime=0)
    headers = tuple((name, value) for name, value in response.items() if name.lower() not in NOT_STORED)
    return Page(
        status=response.status_code,
        headers=headers,
        body=body,
        gzipped=gzipped,
        etag=response.get("ETag") or f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        last_modified=float(int(time.time())),
        browser_max_age=int(match[1]) if (match := MAX_AGE.search(response.get("Cache-Control", ""))) else 0,
    )


def _not_modified(request, page: Page) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        ours = page.etag.removeprefix("W/")
        return "*" in tags or ours in tags or _gzip_etag(ours) in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and page.last_modified <= since


def _gzip_etag(etag: str) -> str:
    return etag[:-1] + '-gzip"'


def _cache_control(page: Page, seconds: int) -> str:
    """The view's own browser lifetime (a calendar file: five minutes), else "revalidate at once"; shared caches
    (a CDN) keep the page no longer than this cache does, and may serve it stale while they fetch it again."""
    return f"public, max-age={page.browser_max_age}, s-maxage={seconds}, stale-while-revalidate={seconds}"


def _accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def _respond(request, page: Page, *, hit: bool):
    from django.http import HttpResponse

    seconds = max_age()
    use_gzip = page.gzipped is not None and _accepts_gzip(request)
    if _not_modified(request, page):
        response = HttpResponse(status=304)
        for name, value in page.headers:
            if name.lower() != "content-type":
                response[name] = value
        del response["Content-Type"]
    else:
        response = HttpResponse(page.gzipped if use_gzip else page.body, status=page.status)
        for name, value in page.headers:
            response[name] = value
        if use_gzip:
            response["Content-Encoding"] = "gzip"
        if request.method == "HEAD":
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        else:
            response["Content-Length"] = str(len(response.content))
    response["ETag"] = _gzip_etag(page.etag) if use_gzip else page.etag
    response["Last-Modified"] = http_date(page.last_modified)
    response["Cache-Control"] = _cache_control(page, seconds)
    if page.gzipped is not None:
        patch_vary_headers(response, ("Accept-Encoding",))
    response["X-Cache"] = "hit" if hit else "miss"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and _anonymous_get(request)):
            return self.get_response(request)
        try:
            generation = cache.get_or_set(GENERATION_KEY, uuid.uuid4().hex, None) or "none"
            key = _key(request, generation)
            page = cache.get(key) if key else None
        except Exception:  # the cache fails open: render as if nothing were cached
            logger.warning("Page cache unavailable", exc_info=True)
            key, page = None, None
        if page is not None:
            return _respond(request, page, hit=True)
        response = self.get_response(request)
        if key is None or not _storable(response):
            return response
        page = _page_of(response)
        try:
            cache.set(key, page, max_age())
        except Exception:
            logger.warning("Could not store a page in the cache", exc_info=True)
        return _respond(request, page, hit=False)
