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
- under the current minute of the site's clock (`core.clock`): what is on now, registration states and the home
  page's live strip are never more than a minute old, and a frozen clock that moves renders again.

Visitors' own state never reaches a cached page: stars and the agenda count are drawn by scripts from the
visitor's cookies, and the pages that read cookies are not stored. Staff previewing a draft (core/views.py) carry a
login session, so their requests neither read nor fill this cache, and the preview is marked `private, no-store`
for every other cache; a visitor asking for the draft's address gets a 404, which is never stored either.

Every answer carries an ETag and a Last-Modified (a revalidation gets 304), a `Cache-Control` for a CDN
(`s-maxage`, `stale-while-revalidate`, browsers revalidate at once), and a gzip body when the client takes one
(kept in the cache compressed once; these pages carry no secret, so compression gives nothing away).
"""

import gzip
import hashlib
import logging
import re
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_request

from .fragments import GENERATION_KEY, minute
from .fragments import generation as content_generation
from .web import request_origin

logger = logging.getLogger(__name__)

FORMAT = 2  # of `Page`: a release that changes it must not read what the one before stored
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
    """A stored answer: its body (and gzip body), and for each the complete headers, made once when stored."""

    status: int
    body: bytes
    gzipped: bytes | None
    headers: dict[str, tuple[str, str]]  # Django's own header store: lower-case name -> (name, value)
    gzip_headers: dict[str, tuple[str, str]] | None
    etag: str
    last_modified: float


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
        signal.connect(_on_content_saved, dispatch_uid=f"core.pagecache.{signal}")
    setting_changed.connect(_on_setting_changed, dispatch_uid="core.pagecache.settings")


# Serving


def _key(request, generation: str) -> str | None:
    origin = request_origin(request)
    if origin is None:
        return None
    path = request.get_full_path()
    language = "" if LANGUAGE_PREFIX.match(path) else get_language_from_request(request)
    digest = hashlib.sha256(f"{origin}|{language}|{path}".encode()).hexdigest()[:32]
    return f"pages:{FORMAT}:{generation}:{minute()}:{digest}"


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
    etag = response.get("ETag") or f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    last_modified = float(int(time.time()))
    gzipped = None
    if len(body) > 512 and COMPRESSIBLE.match(response.get("Content-Type", "")):
        gzipped = gzip.compress(body, compresslevel=6, mtime=0)
    view_max_age = int(match[1]) if (match := MAX_AGE.search(response.get("Cache-Control", ""))) else 0
    common = HttpResponse()  # Django validates the headers once, here
    del common["Content-Type"]
    for name, value in response.items():
        if name.lower() not in NOT_STORED:
            common[name] = value
    common["Last-Modified"] = http_date(last_modified)
    common["Cache-Control"] = _cache_control(view_max_age, max_age())
    if gzipped is not None:
        patch_vary_headers(common, ("Accept-Encoding",))
    plain = {**common.headers._store}
    plain["etag"] = ("ETag", etag)
    packed = None
    if gzipped is not None:
        packed = {**plain, "etag": ("ETag", _gzip_etag(etag)), "content-encoding": ("Content-Encoding", "gzip")}
    return Page(response.status_code, body, gzipped, plain, packed, etag, last_modified)


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


def _cache_control(view_max_age: int, seconds: int) -> str:
    """The view's own browser lifetime (a calendar file: five minutes), else "revalidate at once"; shared caches
    (a CDN) keep the page no longer than this cache does, and may serve it stale while they fetch it again."""
    return f"public, max-age={view_max_age}, s-maxage={seconds}, stale-while-revalidate={seconds}"


def _respond(request, page: Page, *, hit: bool) -> HttpResponse:
    use_gzip = page.gzipped is not None and "gzip" in request.headers.get("Accept-Encoding", "").lower()
    headers = page.gzip_headers if use_gzip else page.headers
    if _not_modified(request, page):
        response = HttpResponse(status=304)
        response.headers._store = {name: pair for name, pair in headers.items() if name != "content-type"}
    else:
        body = page.gzipped if use_gzip else page.body
        response = HttpResponse(b"" if request.method == "HEAD" else body, status=page.status)
        # Copied as they were validated when stored: setting a dozen headers one by one would cost a third of a hit.
        response.headers._store = {**headers, "content-length": ("Content-Length", str(len(body)))}
    response.headers._store["x-cache"] = ("X-Cache", "hit" if hit else "miss")
    return response


# The pages this process served last, under the same keys: a hit then costs one small read of the shared cache
# (the generation, which every process must see move) instead of reading and unpickling the page. A key names
# its generation and minute, so an entry here is never staler than the shared one.
_recent: OrderedDict[str, Page] = OrderedDict()
RECENT_PAGES = 200


_recent_lock = threading.Lock()  # threaded workers


def _remember(key: str, page: Page) -> None:
    with _recent_lock:
        _recent[key] = page
        _recent.move_to_end(key)
        while len(_recent) > RECENT_PAGES:
            _recent.popitem(last=False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and _anonymous_get(request)):
            return self.get_response(request)
        try:
            generation = content_generation(request)
            key = _key(request, generation)
            page = (_recent.get(key) or cache.get(key)) if key else None
        except Exception:  # the cache fails open: render as if nothing were cached
            logger.warning("Page cache unavailable", exc_info=True)
            key, page = None, None
        if page is not None:
            _remember(key, page)
            return _respond(request, page, hit=True)
        response = self.get_response(request)
        if key is None or not _storable(response):
            return response
        page = _page_of(response)
        _remember(key, page)
        try:
            cache.set(key, page, max_age())
        except Exception:
            logger.warning("Could not store a page in the cache", exc_info=True)
        return _respond(request, page, hit=False)
