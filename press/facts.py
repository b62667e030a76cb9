"""The fact sheet: key figures counted from the published data, and bar charts drawn from them.

The same figures feed the fact-sheet page, the fact-sheet files of the media kit (press/kit.py) and the printable
fact sheet (`briefing()`, drawn as a PDF by press/pdf.py), so they can never disagree. Five queries for the figures,
six more for the briefing, whatever the size of the data.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.event import DAYS as EVENT_DAYS
from core.models import published_q
from events.models import Session, SessionKind, Venue
from exhibitions.models import Artwork, Exhibition
from exhibitors.models import Partner, PartnerRole, Sector

from .models import PressContact

# The charts' geometry, in SVG user units: the picture scales to the width of the page.
CHART_WIDTH = 420  # narrow, so that the 15-unit text stays readable when a phone shrinks the picture
BAR_MAX = 360  # the longest bar; the rest of the width holds its number
ROW_HEIGHT = 46
DEFAULT_COLOUR = "#9b1c1c"  # the site's accent colour: 7.3:1 on white


@dataclass
class Bar:
    label: str
    value: int
    colour: str = DEFAULT_COLOUR
    key: str = ""  # what identifies the row in every language (a slug or a choice value)
    # Geometry, filled by Chart
    label_y: int = 0
    bar_y: int = 0
    width: int = 0
    value_x: int = 0
    value_y: int = 0


@dataclass
class Chart:
    """A horizontal bar chart drawn on the server as SVG (no script, no style attribute: the CSP allows it)."""

    slug: str
    title: str
    description: str
    category: str  # the heading of the label column of the chart's table
    bars: list[Bar] = field(default_factory=list)

    def __post_init__(self):
        top = max((bar.value for bar in self.bars), default=0) or 1
        for index, bar in enumerate(self.bars):
            y = index * ROW_HEIGHT
            bar.label_y = y + 16
            bar.bar_y = y + 23
            # A zero still shows as a hairline, so that the row does not look missing.
            bar.width = max(round(bar.value / top * BAR_MAX), 2)
            bar.value_x = bar.width + 6
            bar.value_y = y + 36

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT + 4

    @property
    def width(self) -> int:
        return CHART_WIDTH

    @property
    def summary(self) -> str:
        """Every value in words, for the SVG's <desc>: the chart says in text what it draws."""
        return "; ".join(f"{bar.label}: {bar.value}" for bar in self.bars)


@dataclass
class FactSheet:
    sectors: list[Sector]
    sessions_by_kind: dict[str, int]
    works: int
    partners_by_role: dict[str, int]
    venues: int

    @property
    def units(self) -> int:
        return sum(sector.unit_count for sector in self.sectors)

    @property
    def sessions(self) -> int:
        return sum(self.sessions_by_kind.values())

    @property
    def partners(self) -> int:
        return sum(self.partners_by_role.values())

    def units_headline(self) -> str:
        """The count of units as a headline gives it, in the active language: "more than 200" for 216 (the
        glossary's rule); the charts and tables keep the exact count per sector."""
        number, more_than = headline_count(self.units)
        return gettext("more than %(count)s") % {"count": number} if more_than else str(number)

    def key_figures(self) -> list[tuple[int | str, str]]:
        """(number, label) pairs in the active language; the units as a headline ("more than 200")."""
        units, sectors, sessions = self.units, len(self.sectors), self.sessions
        works, venues, partners = self.works, self.venues, self.partners
        return [
            (self.units_headline(), ngettext("creative unit", "creative units", units)),
            (sectors, ngettext("cultural-industry sector", "cultural-industry sectors", sectors)),
            (sessions, ngettext("programme session", "programme sessions", sessions)),
            (works, ngettext("work in the exhibition", "works in the exhibition", works)),
            (venues, ngettext("venue", "venues", venues)),
            (partners, ngettext("partner or sponsor", "partners and sponsors", partners)),
        ]

    def charts(self) -> list[Chart]:
        """The charts in the active language (labels are read when this is called)."""
        return [
            Chart(
                "units-by-sector",
                str(_("Creative units by sector")),
                str(_("Bar chart of the number of creative units in each sector.")),
                str(_("Sector")),
                [Bar(s.name, s.unit_count, s.colour, s.slug) for s in self.sectors],
            ),
            Chart(
                "sessions-by-type",
                str(_("Sessions by type")),
                str(_("Bar chart of the number of programme sessions of each type.")),
                str(_("Type")),
                [Bar(str(kind.label), self.sessions_by_kind[kind.value], key=kind.value) for kind in self._kinds()],
            ),
            Chart(
                "partners-by-role",
                str(_("Partners by role")),
                str(_("Bar chart of the number of partners in each role.")),
                str(_("Role")),
                [Bar(str(role.label), self.partners_by_role[role.value], key=role.value) for role in self._roles()],
            ),
        ]

    def _kinds(self) -> list[SessionKind]:
        return [kind for kind in SessionKind if self.sessions_by_kind.get(kind.value)]

    def _roles(self) -> list[PartnerRole]:
        return [role for role in PartnerRole if self.partners_by_role.get(role.value)]

    def version(self) -> str:
        """A digest of everything the fact sheet shows, in both languages: it changes when any figure or label does."""
        data = {
            "sectors": [
                [s.pk, s.slug, s.name_vi, s.name_en, s.colour, s.unit_count] for s in self.sectors
            ],  # names in both languages: a renamed sector changes the kit's fact sheets
            "sessions": self.sessions_by_kind,
            "works": self.works,
            "partners": self.partners_by_role,
            "venues": self.venues,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def fact_sheet() -> FactSheet:
    """The figures as the public sees them now: published objects only, through published parents."""
    sectors = list(
        Sector.objects.published().annotate(unit_count=Count("primary_units", filter=published_q("primary_units")))
    )
    sessions_by_kind = dict(
        Session.objects.published().order_by().values("kind").annotate(count=Count("pk")).values_list("kind", "count")
    )
    works = Artwork.objects.published().filter(exhibition__in=Exhibition.objects.published()).count()
    partners_by_role = dict(
        Partner.objects.published().order_by().values("role").annotate(count=Count("pk")).values_list("role", "count")
    )
    venues = Venue.objects.published().count()
    return FactSheet(sectors, sessions_by_kind, works, partners_by_role, venues)


# People behind an exhibition whose catalogue does not name them all, as its organisers announced them. The demo's
# catalogue of "Chất Địa Phương" credits fictional artists only; the exhibition itself showed 89 works by 98 artists
# (the event's announcement and facts file). The fact sheet shows the larger of this and the catalogue's own count.
ANNOUNCED_ARTISTS = {"chat-dia-phuong": 98}
# The roles a fact sheet names, in this order: who directs, organises, accompanies and sponsors the programme.
BRIEFING_ROLES = (PartnerRole.DIRECTING, PartnerRole.ORGANISER, PartnerRole.COMPANION, PartnerRole.SPONSOR)


def headline_count(count: int) -> tuple[int, bool]:
    """The number a headline shows for `count` units, and whether it reads "more than": a count above a hundred is
    rounded down to its hundreds ("more than 200" for 216, the announcement's way), a smaller one shown whole."""
    if count > 100 and count % 100:
        return count // 100 * 100, True
    return count, False


@dataclass
class ExhibitionFacts:
    exhibition: Exhibition  # with its venue
    works: int
    artists: int


@dataclass
class Briefing:
    """Everything the printable fact sheet says: the figures, the days, the exhibition, the venues, who is behind
    the programme and whom to call. Objects carry both languages; the active language picks the fields."""

    facts: FactSheet
    days: tuple[date, ...]
    exhibitions: list[ExhibitionFacts]
    venues: list[Venue]
    partners: list[Partner]
    contacts: list[PressContact]
    bookable_sessions: int  # sessions with a limited number of places (booked on the site)

    @property
    def free_entry(self) -> bool:
        return bool(self.venues) and all(venue.free_entry for venue in self.venues)

    def partners_by_role(self) -> list[tuple[PartnerRole, list[Partner]]]:
        return [
            (role, found)
            for role in BRIEFING_ROLES
            if (found := [partner for partner in self.partners if partner.role == role])
        ]


def briefing() -> Briefing:
    """The printable fact sheet's content as the public sees it now (published objects only)."""
    exhibitions = [
        ExhibitionFacts(
            exhibition, exhibition.work_count, max(exhibition.artist_count, ANNOUNCED_ARTISTS.get(exhibition.slug, 0))
        )
        for exhibition in Exhibition.objects.published()
        .select_related("venue")
        .annotate(
            work_count=Count("artworks", filter=published_q("artworks"), distinct=True),
            artist_count=Count(
                "artworks__artists",
                filter=published_q("artworks") & published_q("artworks__artists"),
                distinct=True,
            ),
        )
        .order_by("starts_on", "pk")
    ]
    return Briefing(
        facts=fact_sheet(),
        days=EVENT_DAYS,
        exhibitions=exhibitions,
        venues=list(Venue.objects.published().order_by("order", "pk")),
        partners=list(Partner.objects.published().filter(role__in=BRIEFING_ROLES).order_by("order", "pk")),
        contacts=list(PressContact.objects.published()),
        bookable_sessions=Session.objects.published().filter(capacity__isnull=False).count(),
    )
