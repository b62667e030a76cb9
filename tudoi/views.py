"""Site-wide views: the language redirect and switcher, home, partners, visit, health and error pages."""

import logging
from itertools import groupby

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import TemplateView
from django.views.static import serve

from core import clock, fragments, search
from core.models import published_q
from core.ratelimit import RateLimit, client_address
from core.text import nfc
from core.views import SafeMethodsMixin
from events.models import Session, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.directory import sector_counts
from exhibitors.models import CreativeUnit, Partner, PartnerRole, Sector

from . import sitemaps, venue_map

logger = logging.getLogger(__name__)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def language_from_path(path: str) -> str | None:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGE_CODES else None


def swap_language(path: str, language: str) -> str:
    """The same page in another language: paths after the prefix are the same in every language."""
    current = language_from_path(path)
    if current is None:
        return f"/{language}/"
    return f"/{language}" + path[len(current) + 1 :]


def root_redirect(request):
    """`/` goes to the visitor's language: a chosen language, else the browser's, else Vietnamese."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def switch_language(request, language: str):
    """Open the current page in another language and remember the choice. Never leaves the site."""
    if language not in LANGUAGE_CODES:
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False) or (
        not target.startswith("/") or target.startswith("//") or target.startswith("/\\")
    ):
        target = "/"
    path, _sep, query = target.partition("?")
    destination = swap_language(path, language) + (f"?{query}" if query else "")
    response = HttpResponseRedirect(destination)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def media(request, path: str):
    """Uploaded files, served by Django only in development and small demo deployments (TUDOI_SERVE_MEDIA);
    production serves them from the web server or S3."""
    if not (settings.DEBUG or settings.TUDOI_SERVE_MEDIA):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin): send them to ours."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def partners_by_role():
    """Published partners grouped by role in the order of PartnerRole: [(role label, [partners])]."""
    rank = {value: index for index, value in enumerate(PartnerRole.values)}
    partners = sorted(Partner.objects.published(), key=lambda p: (rank[p.role], p.order, p.name))
    return [(PartnerRole(role).label, list(group)) for role, group in groupby(partners, key=lambda p: p.role)]


class HomeView(TemplateView):
    template_name = "tudoi/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sessions = list(Session.objects.published().select_related("venue"))  # figures, highlights and JSON-LD
        venues = list(Venue.objects.published())
        partners = partners_by_role()
        sectors = list(Sector.objects.published())
        counts = sector_counts(CreativeUnit.objects.published(), sectors)  # as the directory counts them
        for sector in sectors:
            sector.unit_count = counts[sector.pk]
        exhibition = Exhibition.objects.published().select_related("venue").first()
        artworks = exhibition.artworks.published() if exhibition else Artwork.objects.none()
        context.update(live_state(sessions, exhibition))
        context.update(
            figures={
                "units": counts[None],
                "sectors": len(sectors),
                "sessions": len(sessions),
                "works": artworks.count(),
            },
            sectors=sectors,
            highlights=[session for session in sessions if session.is_highlight][:6],
            exhibition=exhibition,
            artworks=artworks.prefetch_related(Prefetch("artists", queryset=Artist.objects.published()))[:6],
            venues=venues,
            footer_partners=partners,  # read once for the footer and the JSON-LD
            event_json_ld=sitemaps.event_json_ld(sessions, venues, [p for _role, group in partners for p in group]),
        )
        return context


LIVE_NEXT = 3  # sessions listed as "next" on the home page when little is on


def live_state(sessions: list[Session], exhibition) -> dict:
    """Where the event stands by `clock.now()`, for the home page: before (days to go and the opening), during (what is
    on now and next) or after (thanks; the exhibition while it is still open). `sessions` are in time order."""
    # A cancelled session is neither on now, nor next, nor the opening: the programme and its changes say so.
    sessions = [session for session in sessions if not session.is_cancelled]
    if not sessions:
        return {"phase": None}
    moment = clock.now()
    today = timezone.localdate(moment)
    first = sessions[0]
    last_end = max(session.ends_at for session in sessions)
    if today < timezone.localdate(first.starts_at):
        return {"phase": "before", "days_left": (timezone.localdate(first.starts_at) - today).days, "opening": first}
    if moment < last_end:
        running = [session for session in sessions if session.is_on_at(moment)]
        upcoming = [session for session in sessions if session.starts_at > moment]
        # Every session on now is linked, also at a busy moment: the strip is where a visitor in the street starts.
        return {
            "phase": "during",
            "now": moment,
            "running": running,
            "upcoming": upcoming[: max(LIVE_NEXT - len(running), 1)],
        }
    exhibition_open = exhibition is not None and exhibition.ends_on is not None and today <= exhibition.ends_on
    return {"phase": "after", "exhibition_open": exhibition_open}


class PartnersView(TemplateView):
    template_name = "tudoi/partners.html"


def visit_venues() -> tuple[list[Venue], venue_map.VenueMap | None]:
    """The published venues in order, numbered from 1, each with `session_count` (its published sessions, counted
    in the same query), and the map drawn from their coordinates."""
    venues = list(Venue.objects.published().annotate(session_count=Count("sessions", filter=published_q("sessions"))))
    for number, venue in enumerate(venues, start=1):
        venue.number = number
    return venues, venue_map.build(venues)


class AboutView(TemplateView):
    """Who directs and organises the programme, why it is held, and where it leads (from the announcement)."""

    template_name = "tudoi/about.html"


class VisitView(TemplateView):
    """The visit: a map drawn by the site, then each venue with what a visitor needs to get there and in."""

    template_name = "tudoi/visit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Content only, kept once per content generation (core.fragments): the map costs nothing per request.
        context["venues"], context["venue_map"] = fragments.remember(("visit-venues",), visit_venues, self.request)
        context["exhibition"] = Exhibition.objects.published().select_related("venue").first()
        context["contact_email"] = settings.TUDOI_ORGANISERS_EMAIL
        context["contact_phone"] = settings.TUDOI_CONTACT_PHONE
        return context


SEARCH_RESULTS_PER_KIND = 10
# Searches that reach the database, per address: a person types a few a minute, a robot hundreds. Results already
# in the cache (the same words a moment ago, from anyone) are not counted.
SEARCH_LIMIT = RateLimit("search", (60, 30), (3600, 300))
SEARCH_CACHE_SECONDS = 300


class SearchView(SafeMethodsMixin, TemplateView):
    """`/search/?q=`: the best matches of each kind (units, products, sessions…), one query per kind.

    The query's synonyms (gốm: ceramics, pottery) are searched too, and named on the page, this language's first.
    The results are kept in the shared cache under the query's words (`search.cache_key`), the language, the
    content generation and the minute, so a search repeated by anyone costs no query; a new one counts against the
    address's limit (429 beyond it) and runs under a time limit (a page that says so, never cached, beyond it).
    """

    template_name = "tudoi/search.html"

    def get(self, request, *args, **kwargs):
        typed = request.GET.get("q", "")
        query = search.clean_query(typed)
        context = self.get_context_data(
            query=query,
            shortened=len(typed.strip()) > len(query),
            searched=bool(query),
            no_words=bool(query) and not search.search_key(query, folded=True),
            max_length=search.MAX_QUERY_LENGTH,
        )
        if not search.search_key(query, folded=True):
            return self.render_to_response(context)
        key = _search_cache_key(request, query)
        results = _cache_get(key)
        if results is None:
            if not SEARCH_LIMIT.take(client_address(request)):
                response = self.render_to_response({**context, "limited": True}, status=429)
                response["Retry-After"] = "60"
                return response
            try:
                with search.time_limit():
                    # Without the request: the results use no context processor, and are the same for every visitor.
                    results = loader.render_to_string("tudoi/_search_results.html", _search_results(query))
            except search.TimedOut:
                response = self.render_to_response({**context, "timed_out": True})
                add_never_cache_headers(response)
                return response
            _cache_set(key, results)
        # Our own template's output (autoescaped), kept as text in the cache.
        return self.render_to_response({**context, "results": mark_safe(results)})


def _search_results(query: str) -> dict:
    language = translation.get_language()
    sections = []
    for kind in search.kinds():
        results = list(search.search(kind.queryset(), query, synonyms=True)[: SEARCH_RESULTS_PER_KIND + 1])
        if results:
            more = len(results) > SEARCH_RESULTS_PER_KIND
            sections.append({"kind": kind, "results": results[:SEARCH_RESULTS_PER_KIND], "more": more})
    return {
        "query": query,
        "sections": sections,
        "also_searched": sorted(search.also_searched(query), key=lambda term: term.language != language),
        "total": sum(len(section["results"]) for section in sections),
    }


def _search_cache_key(request, query: str) -> str | None:
    try:
        generation = fragments.generation(request)
    except Exception:  # the cache fails open: search without it
        logger.warning("Search: the cache did not answer", exc_info=True)
        return None
    return search.cache_key(query, translation.get_language(), generation, fragments.minute())


def _cache_get(key: str | None) -> str | None:
    if key is None:
        return None
    try:
        return cache.get(key)
    except Exception:
        logger.warning("Search: the cache did not answer", exc_info=True)
        return None


def _cache_set(key: str | None, value: str) -> None:
    if key is None:
        return
    try:
        cache.set(key, value, SEARCH_CACHE_SECONDS)
    except Exception:
        logger.warning("Search: the cache did not answer", exc_info=True)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"request_path": nfc(request.path)}, status=404)


@requires_csrf_token
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def server_error(request=None):
    """Rendered without context processors or database access, so that it works while the database is down."""
    language = language_from_path(request.path if request else "") or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.get_template("500.html").render({"LANGUAGE_CODE": language})
    return HttpResponse(body, status=500, content_type="text/html; charset=utf-8")
