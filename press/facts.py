"""The fact sheet: key figures counted from the published data, and bar charts drawn from them.

The same figures feed the fact-sheet page and the two fact-sheet files in the media kit (press/kit.py), so the
three can never disagree. Five queries, whatever the size of the data.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import Session, SessionKind, Venue
from exhibitions.models import Artwork, Exhibition
from exhibitors.models import Partner, PartnerRole, Sector
from tudoi import clock
from tudoi.models import Status

# The charts' geometry, in SVG user units: the picture scales to the width of the page.
CHART_WIDTH = 420  # narrow, so that the 15-unit text stays readable when a phone shrinks the picture
BAR_MAX = 360  # the longest bar; the rest of the width holds its number
ROW_HEIGHT = 46
DEFAULT_COLOUR = "#9b1c1c"  # the site's accent colour: 7.3:1 on white


def _published(prefix: str) -> Q:
    """The condition of `PublishableQuerySet.published()`, through a relation (for filtered counts)."""
    return Q(**{f"{prefix}__status": Status.PUBLISHED}) & (
        Q(**{f"{prefix}__publish_at__isnull": True}) | Q(**{f"{prefix}__publish_at__lte": clock.now()})
    )


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

    def key_figures(self) -> list[tuple[int, str]]:
        """(number, label) pairs in the active language."""
        units, sectors, sessions = self.units, len(self.sectors), self.sessions
        works, venues, partners = self.works, self.venues, self.partners
        return [
            (units, ngettext("creative unit", "creative units", units)),
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
        Sector.objects.published().annotate(unit_count=Count("primary_units", filter=_published("primary_units")))
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
