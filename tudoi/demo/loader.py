"""Write the demo content into the database, idempotently, in one transaction."""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import translation

from core.models import Status
from core.renditions import make_missing, remembering
from core.search import refresh_statistics
from core.text import slugify_vi
from events.models import Session, Speaker, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, Partner, Product, Sector
from press.models import CoverageLink, MediaAsset, PressContact, PressRelease

from . import exhibition as X
from . import images
from .partners import PARTNERS, RETIRED
from .press import ASSETS, CONTACTS, COVERAGE, PHOTO_CREDIT, RELEASES, logo_png
from .programme import HO_GUOM_CENTRE, SPEAKERS, VENUES, all_sessions
from .sectors import SECTORS
from .sync import Sync
from .units import ZONES, all_units

PUBLISHED = {"status": Status.PUBLISHED, "publish_at": None}
MODELS: tuple[type[models.Model], ...] = (
    Sector,
    CreativeUnit,
    Product,
    Venue,
    Speaker,
    Session,
    Exhibition,
    Artist,
    Artwork,
    Partner,
    PressContact,
    PressRelease,
    MediaAsset,
    CoverageLink,
)


def _both(prefix: str, pair: tuple[str, str]) -> dict[str, str]:
    """The `_vi` and `_en` columns of a translated field."""
    return {f"{prefix}_vi": pair[0], f"{prefix}_en": pair[1]}


@dataclass
class Report:
    sync: Sync
    totals: dict[str, int]

    def lines(self) -> list[str]:
        rows = [f"{label}: {count}" for label, count in self.totals.items()]
        created = sum(self.sync.created.values())
        updated = sum(self.sync.updated.values())
        rows.append(f"Created {created} rows, updated {updated}, wrote {self.sync.files_written} files.")
        return rows


# The demo draws the same pictures every time, so their renditions are encoded once per process (a few MB).
_RENDITIONS: dict = {}


def load_demo() -> Report:
    """Create or bring up to date every piece of demo content; a second run changes nothing."""
    sync = Sync()
    with translation.override("vi"), remembering(_RENDITIONS), transaction.atomic():
        sectors = _sectors(sync)
        units = _units(sync, sectors)
        venues = _venues(sync)
        speakers = _speakers(sync)
        _sessions(sync, sectors, units, venues, speakers)
        _exhibition(sync, venues[HO_GUOM_CENTRE])
        _partners(sync)
        _press(sync)
        # Each image saved above got its renditions; rows that were already up to date (a second run, or a
        # database from before the renditions) get theirs here, so that no page has to fall back to an original.
        make_missing()
    refresh_statistics(*MODELS)  # the planner's view of tables that were empty a moment ago
    with translation.override("en"):
        totals = {str(m._meta.verbose_name_plural).capitalize(): m._default_manager.count() for m in MODELS}
    return Report(sync, totals)


def _sectors(sync: Sync) -> dict[str, Sector]:
    result = {}
    for order, s in enumerate(SECTORS, start=1):
        result[s.key] = sync.upsert(
            Sector,
            {"slug": slugify_vi(s.name_vi)},
            {
                "name_vi": s.name_vi,
                "name_en": s.name_en,
                "description_vi": s.description_vi,
                "description_en": s.description_en,
                "colour": s.colour,
                "order": order,
                **PUBLISHED,
            },
        )
    return result


def _units(sync: Sync, sectors: dict[str, Sector]) -> dict[str, CreativeUnit]:
    colours = {s.key: s.colour for s in SECTORS}
    result = {}
    for number, u in enumerate(all_units(), start=1):
        code = f"TH-{number:03d}"  # the import key a spreadsheet of the organisers would carry
        zone = ZONES.get(u.zone, ("", ""))
        colour = colours[u.sector]
        unit = sync.upsert(
            CreativeUnit,
            {"slug": u.slug},
            {
                "code": code,
                **_both("name", (u.name_vi, u.name_en)),
                "kind": u.kind,
                "primary_sector": sectors[u.sector],
                **_both("short_description", (u.short_vi, u.short_en)),
                **_both("description", (u.description_vi, u.description_en)),
                "booth": u.booth,
                **_both("zone", zone),
                "address": u.address,
                "district": u.district,
                "website": u.website,
                "public_email": u.public_email,
                "contact_email": u.contact_email,
                "in_network": u.in_network,
                "commerce_ready": u.commerce_ready,
                "wholesale": u.wholesale,
                "export": u.export,
                "custom_orders": u.custom_orders,
                "price_band": u.price_band,
                **_both("lead_time", u.lead_time),
                **PUBLISHED,
            },
            m2m={"sectors": [sectors[k] for k in u.other_sectors]},
            images={"logo": (f"{u.slug[:60]}-monogram.png", _later(images.logo_png, u.initials, colour, number))},
        )
        result[u.slug] = unit
        for p in u.products:
            sync.upsert(
                Product,
                {"unit": unit, "name_vi": p.name_vi},
                {
                    "code": f"{code}-P{p.order}",
                    "name_en": p.name_en,
                    **_both("description", (p.description_vi, p.description_en)),
                    "price_band": p.price_band,
                    "retail": p.retail,
                    "wholesale": p.wholesale,
                    "export": p.export,
                    "order": p.order,
                    **PUBLISHED,
                },
                images={
                    "image": (
                        f"{u.slug[:60]}-{p.order}.jpg",
                        _later(images.product_jpeg, f"{u.slug}:{p.name_vi}", colour),
                    )
                },
            )
    return result


def _later(function: Callable[..., bytes], *args) -> Callable[[], bytes]:
    """Defer drawing a picture until the loader knows it needs one."""
    return lambda: function(*args)


def _venues(sync: Sync) -> dict[str, Venue]:
    return {
        v.slug: sync.upsert(
            Venue,
            {"slug": v.slug},
            {
                **_both("name", v.name),
                **_both("address", v.address),
                "latitude": v.latitude,
                "longitude": v.longitude,
                **_both("description", v.description),
                **_both("hours", v.hours),
                **_both("accessibility", v.accessibility),
                **_both("getting_there", v.getting_there),
                **_both("nearby", v.nearby),
                "order": v.order,
                **PUBLISHED,
            },
        )
        for v in VENUES
    }


def _speakers(sync: Sync) -> dict[str, Speaker]:
    return {
        s.slug: sync.upsert(
            Speaker,
            {"slug": s.slug},
            {
                "name": s.name,
                **_both("role", s.role),
                **_both("organisation", s.organisation),
                **_both("bio", s.bio),
                **PUBLISHED,
            },
        )
        for s in SPEAKERS
    }


def _sessions(
    sync: Sync,
    sectors: dict[str, Sector],
    units: dict[str, CreativeUnit],
    venues: dict[str, Venue],
    speakers: dict[str, Speaker],
) -> None:
    for s in all_sessions():
        opens, closes = s.registration
        spec = {}
        if s.image:
            colour = sectors[s.sectors[0]].colour
            spec["image"] = (f"{s.slug}.jpg", _later(images.scene_jpeg, s.slug, s.image, colour))
        sync.upsert(
            Session,
            {"slug": s.slug},
            {
                **_both("title", s.title),
                "kind": s.kind,
                **_both("summary", s.summary),
                **_both("description", s.description),
                "starts_at": s.starts_at,
                "ends_at": s.ends_at,
                "venue": venues[s.venue],
                **_both("location_detail", s.location),
                "language": s.language,
                "capacity": s.capacity,
                "registration_opens_at": opens,
                "registration_closes_at": closes,
                "is_highlight": s.highlight,
                "status": Status.DRAFT if s.draft else Status.PUBLISHED,
                "publish_at": None,
            },
            m2m={
                "sectors": [sectors[k] for k in s.sectors],
                "speakers": [speakers[k] for k in s.speakers],
                "host_units": [units[k] for k in s.hosts],
            },
            images=spec,
        )


def _exhibition(sync: Sync, venue: Venue) -> None:
    exhibition = sync.upsert(
        Exhibition,
        {"slug": X.SLUG},
        {
            **_both("title", X.TITLE),
            **_both("subtitle", X.SUBTITLE),
            **_both("description", X.DESCRIPTION),
            "starts_on": X.STARTS_ON,
            "ends_on": X.ENDS_ON,
            "venue": venue,
            **_both("hours", X.HOURS),
            "free_entry": True,
            **_both("organisers", X.ORGANISERS),
            **_both("supporters", X.SUPPORTERS),
            **PUBLISHED,
        },
        images={"image": (f"{X.SLUG}.jpg", _later(images.scene_jpeg, X.SLUG, "gallery", "#5b2a86"))},
    )
    artists = {}
    for a in X.artists():
        artists[a.slug] = sync.upsert(
            Artist,
            {"slug": a.slug},
            {
                "name": a.name,
                **_both("bio", a.bio),
                **_both("city", a.city),
                "birth_year": a.birth_year,
                **PUBLISHED,
            },
        )
    for w in X.artworks():
        sync.upsert(
            Artwork,
            {"exhibition": exhibition, "catalogue_number": w.number},
            {
                "slug": w.slug,
                **_both("title", w.title),
                "year": 2025,
                **_both("medium", w.medium),
                "technique": w.technique,
                "region": w.region,
                "width_cm": w.width_cm,
                "height_cm": w.height_cm,
                **_both("caption", w.caption),
                **_both("description", w.description),
                **_both("alt_text", w.alt_text),
                **_both("long_description", w.long_description),
                **_both("credit", w.credit),
                **_both("rights", X.RIGHTS),
                **PUBLISHED,
            },
            m2m={"artists": [artists[slug] for slug in w.artists]},
            # Named after the drawing, so that a database loaded with the older pictures gets these.
            images={"image": (f"{X.SLUG}-{w.number:02d}-abstract.jpg", _later(images.render_artwork, w.plan))},
        )


def _partners(sync: Sync) -> None:
    for retired in Partner.objects.filter(slug__in=RETIRED):
        retired.delete()
        if retired.logo:  # the file goes once the rows are gone for good
            transaction.on_commit(functools.partial(retired.logo.storage.delete, retired.logo.name))
    for order, p in enumerate(PARTNERS, start=1):
        sync.upsert(
            Partner,
            {"slug": p.slug},
            {
                **_both("name", p.name),
                "role": p.role,
                **_both("description", p.description),
                "url": p.url,
                "order": order,
                **PUBLISHED,
            },
            images={"logo": (f"{p.slug}.png", _later(images.wordmark_png, p.wordmark, p.colour))},
        )


def _press(sync: Sync) -> None:
    contacts = [
        sync.upsert(
            PressContact,
            {"email": c.email},
            {
                "name": c.name,
                **_both("role", c.role),
                **_both("organisation", c.organisation),
                "phone": c.phone,
                "order": c.order,
                **PUBLISHED,
            },
        )
        for c in CONTACTS
    ]
    for r in RELEASES:
        spec = {}
        if r.image:
            spec["image"] = (f"{r.slug[:70]}.jpg", _later(images.scene_jpeg, r.slug, r.image, "#8a3b12"))
        sync.upsert(
            PressRelease,
            {"slug": r.slug},
            {
                **_both("title", r.title),
                **_both("summary", r.summary),
                **_both("body", r.body),
                "image_credit": PHOTO_CREDIT if r.image else "",
                "contact": contacts[r.contact],
                "status": r.status,
                "publish_at": r.publish_at,
            },
            images=spec,
        )
    for c in COVERAGE:
        sync.upsert(
            CoverageLink,
            {"url": c.url},
            {
                "outlet": c.outlet,
                "headline": c.headline,
                "published_on": c.published_on,
                "language": c.language,
                **PUBLISHED,
            },
        )
    for a in ASSETS:
        if a.scene == "logo":
            spec = {"image": (f"{a.slug}-wordmark.png", _later(logo_png))}
        else:
            spec = {"image": (f"{a.slug}.jpg", _later(images.scene_jpeg, a.slug, a.scene, "#0f5e6b"))}
        sync.upsert(
            MediaAsset,
            {"slug": a.slug},
            {
                **_both("title", a.title),
                "kind": a.kind,
                **_both("caption", a.caption),
                "credit": PHOTO_CREDIT if a.kind != "logo" else "BTC Tụ hội sáng tạo / Creative Gathering organisers",
                "licence": a.licence,
                "order": a.order,
                "status": a.status,
                "publish_at": None,
            },
            images=spec,
        )
