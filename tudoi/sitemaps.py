"""Discovery: /sitemap.xml, /robots.txt and the schema.org Event of the home page.

The sitemap is django.contrib.sitemaps: one `Sitemap` per kind of page (SECTIONS), each served as
/sitemap-<section>.xml and listed by the index /sitemap.xml (each stays far below the protocol's 50,000 URLs and
50 MB, and a search engine fetches again only the files whose lastmod moved). Every page is listed in both languages,
each `<url>` with its `xhtml:link` alternates (vi, en and x-default) and a `lastmod` from the content's `updated_at`;
only `.published()` records appear, so a draft or an embargoed release is never listed before its time. Each file is
built in a fixed number of queries and kept briefly in the cache (keyed by the minute of the site clock, so that an
embargo ending shows within minutes, never early).

Like urls.py and the demo command, this module may import the apps: it is where the site is put together.
"""

import hashlib
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import structured_data
from core.event import FIRST_DAY, LAST_DAY
from core.fragments import minute
from core.web import request_origin, site_url
from events.models import Session, Speaker, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, Partner, PartnerRole, Sector
from press.models import PressRelease

LANGUAGES = [code for code, _name in settings.LANGUAGES]
CACHE_SECONDS = 300
CONTENT_TYPE = "application/xml; charset=utf-8"


def _second(moment: datetime | None) -> datetime | None:
    """A lastmod to the second (W3C datetime, written in the site's time zone by the templates)."""
    return moment.replace(microsecond=0) if moment else None


def _latest(*values: datetime | None) -> datetime | None:
    return max((value for value in values if value is not None), default=None)


def _released(release: PressRelease) -> datetime:
    """A release's content dates from its publication when it was written before its embargo ended."""
    return max(release.updated_at, release.publish_at or release.updated_at)


class Section(Sitemap):
    """One kind of page: each record in both languages, alternates to each other and x-default, on the site's own
    origin (core.web.site_url: TUDOI_SITE_URL, else the request's), dated by the record's `updated_at`."""

    i18n = True
    languages = ["vi", "en"]
    alternates = True
    x_default = True

    def records(self) -> list:
        return []

    @cached_property
    def found(self) -> list:
        return list(self.records())

    def items(self) -> list:
        return self.found  # read once per request, however often Django's views ask

    def lastmod(self, item) -> datetime | None:
        return _second(item.updated_at)

    def get_latest_lastmod(self) -> datetime | None:
        return _latest(*map(self.lastmod, self.items()))

    def get_protocol(self, protocol=None) -> str:
        return site_url().partition("://")[0]

    def get_domain(self, site=None) -> str:
        return site_url().partition("://")[2]

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        # Django's x-default is the address without a language prefix (prefix_default_language=False); here every
        # page lives under its prefix, and x-default is the default language's page.
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            links = {alternate["lang_code"]: alternate for alternate in url["alternates"]}
            links["x-default"]["location"] = links[settings.LANGUAGE_CODE]["location"]
        return urls


def _published(model, *fields: str) -> list:
    return list(model.objects.published().only("slug", "updated_at", *fields))


class ProgrammeSitemap(Section):
    def records(self) -> list:
        return _published(Session) + _published(Speaker)


class UnitsSitemap(Section):
    def records(self) -> list:
        return _published(CreativeUnit) + _published(Sector)


class ExhibitionSitemap(Section):
    def records(self) -> list:
        works = Artwork.objects.published().filter(exhibition__in=Exhibition.objects.published())
        works = works.select_related("exhibition").only("slug", "updated_at", "exhibition__slug")
        return _published(Exhibition) + list(works) + _published(Artist)


class PressSitemap(Section):
    def records(self) -> list:
        return _published(PressRelease, "publish_at")

    def lastmod(self, item) -> datetime | None:
        return _second(_released(item))


def _latest_of(model) -> datetime | None:
    return _second(model.objects.published().aggregate(latest=Max("updated_at"))["latest"])


class PagesSitemap(Section):
    """The site's own pages (home, lists, partners, visit, about, press room), each dated by the content it shows:
    the other sections' newest lastmod (read once with theirs), partners and venues."""

    def __init__(self, sections: dict[str, Section]):
        self.sections = sections

    def records(self) -> list[str]:
        return [name for name in self.dates if self.location(name) is not None]  # a page that does not exist (yet)

    def location(self, item: str) -> str | None:
        try:
            return reverse(item)
        except NoReverseMatch:
            return None

    @cached_property
    def dates(self) -> dict[str, datetime | None]:
        programme, units, exhibition, press = (
            self.sections[name].get_latest_lastmod() for name in ("programme", "units", "exhibition", "press")
        )
        partners = _latest_of(Partner)
        venues = _latest_of(Venue)
        programme = _latest(programme, venues)
        everything = _latest(programme, units, exhibition, partners, press)
        return {
            "home": everything,
            "events:programme": programme,
            "events:now": programme,
            "events:speakers": programme,
            "exhibitors:directory": units,
            "partners": partners,
            "about": partners,
            "visit": _latest(venues, exhibition),
            "press:index": press,
            "press:facts": everything,
        }

    def lastmod(self, item: str) -> datetime | None:
        return self.dates[item]


SECTIONS = {
    "pages": PagesSitemap,
    "programme": ProgrammeSitemap,
    "units": UnitsSitemap,
    "exhibition": ExhibitionSitemap,
    "press": PressSitemap,
}


def sitemaps() -> dict[str, Section]:
    """The sections for one request: each reads its records once, and the site's own pages reuse the others'."""
    others = {name: make() for name, make in SECTIONS.items() if name != "pages"}
    return {"pages": PagesSitemap(others), **others}


def _cached(request, name: str, render) -> HttpResponse:
    """The file `render()` makes (a TemplateResponse of Django's views), kept CACHE_SECONDS under this minute."""
    parts = f"{name}|{request.GET.get('p', '')}|{site_url()}"
    key = f"tudoi:sitemap:{hashlib.sha256(parts.encode()).hexdigest()[:32]}:{minute()}"
    response = cache.get(key)
    if response is None:
        response = render().render()
        cache.set(key, response, CACHE_SECONDS)
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


@require_safe
def sitemap(request):
    """/sitemap.xml: the index of the per-kind files."""

    def render():
        response = sitemap_views.index(
            request,
            sitemaps(),
            template_name="tudoi/sitemap_index.xml",
            content_type=CONTENT_TYPE,
            sitemap_url_name="sitemap-section",
        )
        # Django puts the files on the request's origin; they belong on the site's, like the pages they list.
        origin = request_origin(request)
        for item in response.context_data["sitemaps"]:
            item.location = site_url() + item.location.removeprefix(origin)
        return response

    return _cached(request, "index", render)


@require_safe
def sitemap_section(request, section: str):
    """/sitemap-<section>.xml: the pages of one kind, in both languages (404 for a section that does not exist)."""
    return _cached(
        request,
        section,
        lambda: sitemap_views.sitemap(
            request, sitemaps(), section=section, template_name="tudoi/sitemap.xml", content_type=CONTENT_TYPE
        ),
    )


PLACEHOLDER = "placeholder"
# Personal pages and forms, which a search engine has no use for: (URL name, its argument, how to write the rule).
# "prefix" disallows everything under the part before the argument, "wildcard" puts * in place of the argument.
PRIVATE = (
    ("events:agenda", None, "prefix"),
    ("events:agenda-shared", "token", "prefix"),
    ("events:cancel-registration", "token", "prefix"),
    ("events:register", "slug", "wildcard"),
    ("exhibitors:meet", "slug", "wildcard"),
    ("press:accreditation", None, "prefix"),
)


def _private_paths() -> list[str]:
    """The rules for PRIVATE in every language (a URL that does not exist is skipped)."""
    paths = []
    for language in LANGUAGES:
        with translation.override(language):
            for name, argument, rule in PRIVATE:
                try:
                    path = reverse(name, kwargs={argument: PLACEHOLDER} if argument else None)
                except NoReverseMatch:
                    continue
                before, _sep, after = path.partition(PLACEHOLDER)
                paths.append(before if rule == "prefix" else f"{before}*{after}")
    return list(dict.fromkeys(paths))


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /i18n/"]
    lines += [f"Disallow: {path}" for path in _private_paths()]
    lines += ["", f"Sitemap: {site_url()}{reverse('sitemap')}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


# --- The home page's structured data ----------------------------------------------------------------------------

ORGANIZER_ROLES = (PartnerRole.DIRECTING, PartnerRole.ORGANISER)
SPONSOR_ROLES = (PartnerRole.SPONSOR, PartnerRole.COMPANION)
SCHEDULED = structured_data.SCHEDULED
OFFLINE = structured_data.OFFLINE
VIETNAMESE_NAME = "Tụ hội sáng tạo"
SUB_EVENTS = 12


def _iso(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat()


def _short_place(venue: Venue) -> dict:
    """The sessions' places stay short: the event's `location` has each venue's details once."""
    return {"@type": "Place", "name": venue.name, "address": venue.address}


def _organisation(partner: Partner) -> dict:
    return structured_data.organisation(partner.name, partner.url)


def event_json_ld(sessions: list[Session], venues: list[Venue], partners: list[Partner]) -> dict:
    """schema.org Event for the whole gathering, in the active language: its highlighted sessions (at most
    SUB_EVENTS, so that the home page stays light however big the programme; each session's own page has its full
    Event) as `subEvent`s (with their venue selected), the venues as `location`, partners as `organizer` and
    `sponsor`. Runs no query."""
    site = site_url()
    featured = ([session for session in sessions if session.is_highlight] or sessions)[:SUB_EVENTS]
    starts = min((session.starts_at for session in sessions), default=None)
    ends = max((session.ends_at for session in sessions), default=None)
    organisers = [_organisation(p) for p in partners if p.role in ORGANIZER_ROLES]
    name = _("Creative Gathering")
    return {
        "@context": structured_data.CONTEXT,
        "@type": "Event",
        "name": name,
        **({"alternateName": VIETNAMESE_NAME} if name != VIETNAMESE_NAME else {}),
        "description": _(
            "Creative Gathering: more than 200 creative units of Hanoi, talks, workshops, a fair and an exhibition "
            "around Hoàn Kiếm Lake, 10–11 January 2026."
        ),
        "url": site + reverse("home"),
        "image": [structured_data.default_image()],
        "inLanguage": translation.get_language(),
        "startDate": _iso(starts) if starts else FIRST_DAY.isoformat(),
        "endDate": _iso(ends) if ends else LAST_DAY.isoformat(),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": OFFLINE,
        "isAccessibleForFree": True,
        "location": [venue.schema_place() for venue in venues],
        "organizer": organisers or [structured_data.organiser()],
        "sponsor": [_organisation(p) for p in partners if p.role in SPONSOR_ROLES],
        "subEvent": [
            {
                "@type": "Event",
                "name": session.title,
                "startDate": _iso(session.starts_at),
                "endDate": _iso(session.ends_at),
                "url": site + session.get_absolute_url(),
                "eventStatus": SCHEDULED,
                "eventAttendanceMode": OFFLINE,
                "location": _short_place(session.venue),
            }
            for session in featured
        ],
    }
