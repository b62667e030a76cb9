"""The visit page's map of the venues, drawn by the site itself: an inline SVG, no tiles and no outside request.

The venues' coordinates (and the outline of Hoàn Kiếm Lake) are projected with a simple equirectangular
projection: over a few kilometres the earth is flat enough, x grows with longitude scaled by cos(latitude) and y
with latitude, north up. The projection is fitted to the bounding box of the venues and the lake, with a margin,
then the template `tudoi/_venue_map.html` draws the lake, one numbered marker per venue (the same numbers as the
list beside it), a north arrow and a scale bar. The view keeps the result with the page's other content parts
(core.fragments), so it is computed once per content generation, not at each request.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Hoàn Kiếm Lake, a simplified outline as (latitude, longitude), clockwise from the northern tip. Approximate,
# drawn by hand from known coordinates: centre about 21.0287 N 105.8524 E, about 700 m north–south and 200 m
# east–west, wider in the north. It is a sketch for orientation, not survey data.
LAKE_OUTLINE: tuple[tuple[float, float], ...] = (
    (21.03175, 105.85215),
    (21.03140, 105.85290),
    (21.03050, 105.85335),
    (21.02930, 105.85345),
    (21.02800, 105.85330),
    (21.02670, 105.85325),
    (21.02590, 105.85305),
    (21.02555, 105.85260),
    (21.02580, 105.85200),
    (21.02690, 105.85170),
    (21.02830, 105.85150),
    (21.02980, 105.85140),
    (21.03110, 105.85160),
)
LAKE_CENTRE = (21.02865, 105.85240)

METRES_PER_DEGREE = 111_320  # of latitude (and of longitude at the equator)
WIDTH = 480  # the SVG's user units; the page scales it to the column
MARGIN = 44  # room for the markers, the arrow and the scale bar
MIN_RATIO, MAX_RATIO = 0.75, 1.25  # height / width: a venue far away widens the box instead of making a strip
MIN_SPAN_METRES = 400  # a single venue (or all at one point) still shows its surroundings
# A venue farther than this from the lake (a satellite programme across town) is not fitted into the map, which
# would shrink the lake to a dot: its marker stands at the map's edge in its direction, with its distance.
NEAR_METRES = 1200
SCALE_STEPS = (25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000)


@dataclass(frozen=True)
class Marker:
    number: int
    slug: str
    name: str
    latitude: float
    longitude: float
    x: float
    y: float
    distance: int = 0  # metres from the lake, for a venue off the map (0: on the map)
    bearing: float = 0  # degrees clockwise from north, towards the venue off the map

    @property
    def off_map(self) -> bool:
        return self.distance > 0

    @property
    def label_at(self) -> tuple[float, float]:
        """Where the distance of a venue off the map is written: on the side of its marker away from the arrow."""
        angle = math.radians(self.bearing)
        return round(self.x - math.sin(angle) * 34, 1), round(self.y + math.cos(angle) * 34 + 4, 1)

    @property
    def distance_label(self) -> str:
        kilometres = round(self.distance / 500) / 2  # to the half kilometre
        return f"{kilometres:g} km"


@dataclass(frozen=True)
class ScaleBar:
    x: float
    y: float
    length: float  # in user units
    metres: int

    @property
    def label(self) -> str:
        return f"{self.metres // 1000} km" if self.metres >= 1000 and self.metres % 1000 == 0 else f"{self.metres} m"

    @property
    def path(self) -> str:
        """A bracket: two ticks joined by the bar."""
        return f"M{self.x:.1f},{self.y - 6:.1f} v6 h{self.length:.1f} v-6"

    @property
    def label_y(self) -> float:
        return round(self.y - 10, 1)


@dataclass(frozen=True)
class VenueMap:
    width: int
    height: int
    markers: tuple[Marker, ...]
    lake_points: str  # for <polygon points="…">
    lake_label: tuple[float, float]
    scale: ScaleBar
    north: tuple[float, float]  # where the north arrow stands

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


@dataclass(frozen=True)
class Projection:
    """Equirectangular, fitted to a box: `point(lat, lon)` gives (x, y) in user units, north up."""

    north: float
    west: float
    cos_lat: float
    units_per_degree: float  # of latitude

    def point(self, latitude: float, longitude: float) -> tuple[float, float]:
        x = MARGIN + (longitude - self.west) * self.cos_lat * self.units_per_degree
        y = MARGIN + (self.north - latitude) * self.units_per_degree
        return round(x, 1), round(y, 1)

    @property
    def metres_per_unit(self) -> float:
        return METRES_PER_DEGREE / self.units_per_degree


def fit(points: Sequence[tuple[float, float]]) -> tuple[Projection, int]:
    """The projection that fits `points` (latitude, longitude) into WIDTH with MARGIN, and the height it needs."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    cos_lat = math.cos(math.radians(mid_lat))
    # Spans in degrees of latitude (a degree of longitude is cos_lat of one), at least MIN_SPAN_METRES.
    min_span = MIN_SPAN_METRES / METRES_PER_DEGREE
    span_x = max((max(lons) - min(lons)) * cos_lat, min_span)
    span_y = max(max(lats) - min(lats), min_span)
    inner_width = WIDTH - 2 * MARGIN
    ratio = span_y / span_x
    if ratio > MAX_RATIO:  # too tall: widen
        span_x = span_y / MAX_RATIO
    elif ratio < MIN_RATIO:  # too flat: heighten
        span_y = span_x * MIN_RATIO
    units_per_degree = inner_width / span_x
    centre_lat = (min(lats) + max(lats)) / 2
    centre_lon = (min(lons) + max(lons)) / 2
    north = centre_lat + span_y / 2
    west = centre_lon - span_x / 2 / cos_lat
    height = round(span_y * units_per_degree) + 2 * MARGIN
    return Projection(north=north, west=west, cos_lat=cos_lat, units_per_degree=units_per_degree), height


def scale_bar(projection: Projection, height: int) -> ScaleBar:
    """The longest round length that takes at most a quarter of the map's width, at the bottom right (a venue off
    the map is more often south-west of the lake, at the bottom left)."""
    budget = (WIDTH - 2 * MARGIN) / 4 * projection.metres_per_unit
    metres = max([step for step in SCALE_STEPS if step <= budget] or [SCALE_STEPS[0]])
    length = round(metres / projection.metres_per_unit, 1)
    return ScaleBar(x=round(WIDTH - MARGIN / 2 - length, 1), y=height - MARGIN / 2, length=length, metres=metres)


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two (latitude, longitude) points, equirectangular: good to a few metres across a city."""
    cos_lat = math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot((a[0] - b[0]) * METRES_PER_DEGREE, (a[1] - b[1]) * cos_lat * METRES_PER_DEGREE)


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Degrees clockwise from north, from `a` towards `b`."""
    cos_lat = math.cos(math.radians((a[0] + b[0]) / 2))
    return math.degrees(math.atan2((b[1] - a[1]) * cos_lat, b[0] - a[0])) % 360


def to_edge(centre: tuple[float, float], point: tuple[float, float], width: int, height: int) -> tuple[float, float]:
    """`point` brought back along the line from `centre` to the edge of the drawable area (inside the margin)."""
    inset = MARGIN + 4  # room for the arrow beyond the marker
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    factors = [1.0]
    if dx:
        factors.append(((width - inset if dx > 0 else inset) - centre[0]) / dx)
    if dy:
        factors.append(((height - inset if dy > 0 else inset) - centre[1]) / dy)
    t = max(0.0, min(factors))
    return round(centre[0] + dx * t, 1), round(centre[1] + dy * t, 1)


def build(venues: Iterable) -> VenueMap | None:
    """The map of `venues` (in list order, numbered from 1; each with `slug`, `name`, `latitude`, `longitude`).
    Venues without coordinates keep their number in the list but have no marker; None when none has any."""
    numbered = [(number, v) for number, v in enumerate(venues, start=1)]
    located = [(n, v) for n, v in numbered if v.latitude is not None and v.longitude is not None]
    if not located:
        return None
    coordinates = [(float(v.latitude), float(v.longitude)) for _n, v in located]
    near = [c for c in coordinates if metres_between(c, LAKE_CENTRE) <= NEAR_METRES]
    projection, height = fit([*near, *LAKE_OUTLINE])
    centre = projection.point(*LAKE_CENTRE)
    markers = []
    for (n, v), (lat, lon) in zip(located, coordinates, strict=True):
        x, y = projection.point(lat, lon)
        distance = metres_between((lat, lon), LAKE_CENTRE)
        if distance <= NEAR_METRES:
            markers.append(Marker(n, v.slug, str(v.name), lat, lon, x, y))
        else:
            x, y = to_edge(centre, (x, y), WIDTH, height)
            markers.append(
                Marker(n, v.slug, str(v.name), lat, lon, x, y, round(distance), bearing(LAKE_CENTRE, (lat, lon)))
            )
    lake = " ".join(f"{x},{y}" for x, y in (projection.point(lat, lon) for lat, lon in LAKE_OUTLINE))
    return VenueMap(
        width=WIDTH,
        height=height,
        markers=tuple(markers),
        lake_points=lake,
        lake_label=projection.point(*LAKE_CENTRE),
        scale=scale_bar(projection, height),
        north=(WIDTH - MARGIN / 2, MARGIN / 2 + 4),
    )
