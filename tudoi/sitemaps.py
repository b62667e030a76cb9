"""Discovery: /sitemap.xml, /robots.txt and the schema.org Event of the home page.

The sitemap lists every public page in both languages, each `<url>` with its `xhtml:link` alternates (vi, en and
x-default) and a `lastmod` from the content's `updated_at`; only `.published()` records appear, so a draft or an
embargoed release is never listed before its time. It is built in a fixed number of queries and kept briefly in the
cache (keyed by the minute of the site clock, so that an embargo ending shows within minutes, never early).

Like urls.py and the demo command, this module may import the apps: it is where the site is put together.
"""

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import quoteattr

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import clock
from core.event import FIRST_DAY, LAST_DAY
from core.web import site_url
from events.models import Session, Speaker, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, Partner, PartnerRole, Sector
from press.models import PressRelease

LANGUAGES = [code for code, _name in settings.LANGUAGES]
CACHE_SECONDS = 300
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass
class Page:
    """One page of the site: its path in each language and when its content last changed."""

    paths: dict[str, str]
    lastmod: datetime | None


def _paths(make) -> dict[str, str]:
    """`make()` (a reverse or get_absolute_url) called in each language."""
    paths = {}
    for language in LANGUAGES:
        with translation.override(language):
            paths[language] = make()
    return paths


def _latest(*values: datetime | None) -> datetime | None:
    present = [value for value in values if value is not None]
    return max(present) if present else None


def _released(release: PressRelease) -> datetime:
    """A release's content dates from its publication when it was written before its embargo ended."""
    return max(release.updated_at, release.publish_at or release.updated_at)


def _objects_pages(objects, changed=None) -> list[Page]:
    return [Page(_paths(obj.get_absolute_url), changed(obj) if changed else obj.updated_at) for obj in objects]


def _newest(objects, changed=lambda obj: obj.updated_at):
    return max((moment for moment in map(changed, objects) if moment is not None), default=None)


def _latest_of(model) -> datetime | None:
    return model.objects.published().aggregate(latest=Max("updated_at"))["latest"]


def _programme_pages() -> list[Page]:
    sessions = list(Session.objects.published().only("slug", "updated_at"))
    speakers = list(Speaker.objects.published().only("slug", "updated_at"))
    return _objects_pages(sessions) + _objects_pages(speakers)


def _unit_pages() -> list[Page]:
    units = list(CreativeUnit.objects.published().only("slug", "updated_at"))
    sectors = list(Sector.objects.published().only("slug", "updated_at"))
    return _objects_pages(units) + _objects_pages(sectors)


def _exhibition_pages() -> list[Page]:
    exhibitions = list(Exhibition.objects.published().only("slug", "updated_at"))
    artworks = list(
        Artwork.objects.published()
        .filter(exhibition__in=Exhibition.objects.published())
        .select_related("exhibition")
        .only("slug", "updated_at", "exhibition__slug")
    )
    artists = list(Artist.objects.published().only("slug", "updated_at"))
    return _objects_pages(exhibitions) + _objects_pages(artworks) + _objects_pages(artists)


def _press_pages() -> list[Page]:
    releases = list(PressRelease.objects.published().only("slug", "updated_at", "publish_at"))
    return _objects_pages(releases, _released)


def _fixed_pages(sections: dict[str, list[Page]] | None = None) -> list[Page]:
    """The site's own pages (home, lists, partners, visit, press room), each dated by the content it shows.

    `sections` (the other sections' pages, when the caller already has them) saves their queries."""
    sections = sections if sections is not None else {name: make() for name, make in SECTIONS.items() if make}
    programme = sections.get("programme", [])
    units = sections.get("units", [])
    exhibition = sections.get("exhibition", [])
    press = sections.get("press", [])
    partners_changed = _latest_of(Partner)
    venues_changed = _latest_of(Venue)
    programme_changed = _latest(_newest(programme, lambda page: page.lastmod), venues_changed)
    units_changed = _newest(units, lambda page: page.lastmod)
    exhibition_changed = _newest(exhibition, lambda page: page.lastmod)
    press_changed = _newest(press, lambda page: page.lastmod)
    everything = _latest(programme_changed, units_changed, exhibition_changed, partners_changed, press_changed)
    fixed = [
        ("home", everything),
        ("events:programme", programme_changed),
        ("events:now", programme_changed),
        ("events:speakers", programme_changed),
        ("exhibitors:directory", units_changed),
        ("partners", partners_changed),
        ("about", partners_changed),
        ("visit", _latest(venues_changed, exhibition_changed)),
        ("press:index", press_changed),
        ("press:facts", everything),
    ]
    result = []
    for name, changed in fixed:
        try:
            result.append(Page(_paths(lambda name=name: reverse(name)), changed))
        except NoReverseMatch:  # a page that does not exist (yet) is not listed
            continue
    return result


# One file per kind of page (/sitemap-<name>.xml), listed by the index /sitemap.xml: each stays far below the
# protocol's 50,000 URLs and 50 MB, and a search engine fetches again only the files whose lastmod moved.
SECTIONS = {
    "pages": None,  # _fixed_pages: dated by all the others
    "programme": _programme_pages,
    "units": _unit_pages,
    "exhibition": _exhibition_pages,
    "press": _press_pages,
}


def section_pages(name: str) -> list[Page]:
    make = SECTIONS[name]
    return make() if make else _fixed_pages()


def pages() -> list[Page]:
    """Every public page, in a fixed number of queries whatever the amount of content."""
    sections = {name: make() for name, make in SECTIONS.items() if make}
    return _fixed_pages(sections) + [page for found in sections.values() for page in found]


def _w3c(moment: datetime) -> str:
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def render_urlset(found: list[Page]) -> str:
    site = site_url()
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for page in found:
        alternates = [(language, site + page.paths[language]) for language in LANGUAGES]
        alternates.append(("x-default", site + page.paths[settings.LANGUAGE_CODE]))
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>' for code, url in alternates
        )
        lastmod = f"<lastmod>{_w3c(page.lastmod)}</lastmod>" if page.lastmod else ""
        for language in LANGUAGES:
            loc = quoteattr(site + page.paths[language])[1:-1]  # escaped like an attribute, without the quotes
            lines.append(f"<url><loc>{loc}</loc>{lastmod}{links}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render_sitemap() -> str:
    """Every page in one `urlset` (the index and its sections are what is served)."""
    return render_urlset(pages())


def render_index() -> str:
    """The sitemap index: each section's file with the newest lastmod of its pages."""
    site = site_url()
    sections = {name: make() for name, make in SECTIONS.items() if make}
    sections["pages"] = _fixed_pages(sections)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for name in SECTIONS:
        loc = quoteattr(site + reverse("sitemap-section", kwargs={"section": name}))[1:-1]
        newest = _newest(sections[name], lambda page: page.lastmod) if sections[name] else None
        lastmod = f"<lastmod>{_w3c(newest)}</lastmod>" if newest else ""
        lines.append(f"<sitemap><loc>{loc}</loc>{lastmod}</sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def _xml_response(key: str, render) -> HttpResponse:
    key = f"tudoi:sitemap:{key}:" + clock.now().strftime("%Y%m%d%H%M")
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


@require_safe
def sitemap(request):
    """/sitemap.xml: the index of the per-kind files."""
    return _xml_response("index", render_index)


@require_safe
def sitemap_section(request, section: str):
    """/sitemap-<section>.xml: the pages of one kind, in both languages."""
    if section not in SECTIONS:
        raise Http404
    return _xml_response(section, lambda: render_urlset(section_pages(section)))


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
SCHEDULED = "https://schema.org/EventScheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
VIETNAMESE_NAME = "Tụ hội sáng tạo"
SUB_EVENTS = 12


def _iso(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat()


def _short_place(venue: Venue) -> dict:
    """The sessions' places stay short: the event's `location` has each venue's details once."""
    return {"@type": "Place", "name": venue.name, "address": venue.address}


def _organisation(partner: Partner) -> dict:
    data = {"@type": "Organization", "name": partner.name}
    if partner.url:
        data["url"] = partner.url
    return data


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
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        **({"alternateName": VIETNAMESE_NAME} if name != VIETNAMESE_NAME else {}),
        "description": _(
            "Creative Gathering: more than 200 creative units of Hanoi, talks, workshops, a fair and an exhibition "
            "around Hoàn Kiếm Lake, 10–11 January 2026."
        ),
        "url": site + reverse("home"),
        "image": [site + static("img/og-image.png")],
        "inLanguage": translation.get_language(),
        "startDate": _iso(starts) if starts else FIRST_DAY.isoformat(),
        "endDate": _iso(ends) if ends else LAST_DAY.isoformat(),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": OFFLINE,
        "isAccessibleForFree": True,
        "location": [venue.schema_place() for venue in venues],
        "organizer": organisers or [{"@type": "Organization", "name": _("Hanoi Department of Culture and Sports")}],
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
