"""Write the demo content into the database, idempotently, in one transaction.

The content is in the data files of `demo/` (tudoi/demo/data.py). Units, products, sessions and works go through
the spreadsheet imports the organisers use (exhibitors/resources.py, events/resources.py and
exhibitions/importing.py), so the demo is also a full-size test of them; sectors, venues, speakers, the exhibition
and its artists, partners and the press room, which no import covers, are written from JSON by `Sync`. The pictures
are drawn (tudoi/demo/images.py) and added to the imported rows afterwards.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.db import models, transaction
from django.utils import translation

from core.models import Status
from core.renditions import make_missing, remembering
from core.search import refresh_statistics
from core.text import slugify_vi
from events.models import Session, Speaker, Venue
from events.resources import SessionResource
from exhibitions import importing
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.import_files import SheetCSV
from exhibitors.models import CreativeUnit, Partner, Product, Sector
from exhibitors.resources import CreativeUnitResource, ProductResource
from press.models import CoverageLink, MediaAsset, PressContact, PressRelease

from . import data, images
from .press import logo_png
from .sync import Sync

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
ASSET_CREDIT_LOGO = "BTC Tụ hội sáng tạo / Creative Gathering organisers"


class DemoDataError(Exception):
    """A data file of the demo that its import refuses: the message names the file, the row and the column."""


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


class DemoRun(Sync):
    """A `Sync` that knows the folder of the data files and what the imports did."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder
        self.imported: set[tuple[str, int]] = set()  # (model label, pk) of the rows an import created in this run

    def json(self, name: str):
        return data.read_json(name, self.folder)

    def rows(self, name: str) -> list[dict[str, str]]:
        return data.read_rows(name, self.folder)

    def picture(self, obj: models.Model, name: str, filename: str, make: Callable[[], bytes]) -> None:
        """Give an imported row its drawn picture, unless it has it already; saved without counting it as changed
        when the import created the row in this run."""
        if self._ensure_image(obj, name, filename, make):
            obj.save()
            if (obj._meta.label, obj.pk) not in self.imported:
                self.updated[obj._meta.label] += 1


# The demo draws the same pictures every time, so their renditions are encoded once per process (a few MB).
_RENDITIONS: dict = {}


def load_demo(folder: Path | str | None = None) -> Report:
    """Create or bring up to date every piece of demo content; a second run changes nothing."""
    run = DemoRun(Path(folder) if folder else data.folder())
    with translation.override("vi"), remembering(_RENDITIONS), transaction.atomic():
        _sectors(run)
        _units(run)
        _venues(run)
        _speakers(run)
        _sessions(run)
        _exhibition(run)
        _partners(run)
        _press(run)
        # Each image saved above got its renditions; rows that were already up to date (a second run, or a
        # database from before the renditions) get theirs here, so that no page has to fall back to an original.
        make_missing()
    refresh_statistics(*MODELS)  # the planner's view of tables that were empty a moment ago
    with translation.override("en"):
        totals = {str(m._meta.verbose_name_plural).capitalize(): m._default_manager.count() for m in MODELS}
    return Report(run, totals)


def _both(prefix: str, record: dict) -> dict[str, str]:
    """The `_vi` and `_en` columns of a translated field."""
    return {f"{prefix}_vi": record[f"{prefix}_vi"], f"{prefix}_en": record[f"{prefix}_en"]}


# And the pictures themselves are drawn once per process (16 MB): by the function and its arguments.
_DRAWINGS: dict[tuple[str, str], bytes] = {}


def _later(function: Callable[..., bytes], *args) -> Callable[[], bytes]:
    """Defer drawing a picture until the loader knows it needs one."""

    def draw() -> bytes:
        key = (function.__qualname__, repr(args))
        if key not in _DRAWINGS:
            _DRAWINGS[key] = function(*args)
        return _DRAWINGS[key]

    return draw


# Through the organisers' imports


def _import(run: DemoRun, resource_class, name: str) -> None:
    """Import a CSV file of demo/ with a resource of the admin's spreadsheet imports, as its import page does."""
    dataset = SheetCSV().create_dataset(data.read_bytes(name, run.folder))
    result = resource_class().import_data(
        dataset, dry_run=False, raise_errors=False, use_transactions=True, rollback_on_validation_errors=True
    )
    if result.has_errors() or result.has_validation_errors():
        problems = [
            f"row {entry['row']}, {error['column'] or 'whole row'}: {error['message']}"
            for entry in result.error_report()
            for error in entry["errors"]
        ]
        raise DemoDataError(f"{run.folder / name}: " + "; ".join(problems[:10]))
    label = resource_class._meta.model._meta.label
    for row in result.valid_rows():
        if row.import_type == row.IMPORT_TYPE_NEW:
            run.created[label] += 1
            run.imported.add((label, int(row.object_id)))
        elif row.import_type == row.IMPORT_TYPE_UPDATE:
            run.updated[label] += 1


def _units(run: DemoRun) -> None:
    _import(run, CreativeUnitResource, "units.csv")
    _import(run, ProductResource, "products.csv")
    logos = run.json("pictures.json")["unit_logos"]
    units = {unit.code: unit for unit in CreativeUnit.objects.select_related("primary_sector")}
    for row in run.rows("units.csv"):
        unit = units[row["code"]]
        number = int(row["code"].rsplit("-", 1)[-1])
        run.picture(
            unit,
            "logo",
            f"{unit.slug[:60]}-monogram.png",
            _later(images.logo_png, logos[row["code"]], unit.primary_sector.colour, number),
        )
    products = {product.code: product for product in Product.objects.all()}
    for row in run.rows("products.csv"):
        product, unit = products[row["code"]], units[row["unit_code"]]
        run.picture(
            product,
            "image",
            f"{unit.slug[:60]}-{product.order}.jpg",
            _later(images.product_jpeg, f"{unit.slug}:{product.name_vi}", unit.primary_sector.colour),
        )


def _sessions(run: DemoRun) -> None:
    _import(run, SessionResource, "sessions.csv")
    pictures = run.json("pictures.json")["sessions"]
    for session in Session.objects.filter(slug__in=pictures):
        picture = pictures[session.slug]
        run.picture(
            session,
            "image",
            f"{session.slug}.jpg",
            _later(images.scene_jpeg, session.slug, picture["scene"], picture["colour"]),
        )


def _works(run: DemoRun, exhibition: Exhibition) -> None:
    """The catalogue through the catalogue import (without a ZIP: the pictures are drawn and added afterwards)."""
    sheet = importing.read_sheet("works.csv", data.read_bytes("works.csv", run.folder))
    plan = importing.plan_import(exhibition=exhibition, sheet=sheet, images=None)
    if plan.problems:
        problems = [f"row {p.row}, {p.column}: {p.message}" for p in plan.problems]
        raise DemoDataError(f"{run.folder / 'works.csv'}: " + "; ".join(problems[:10]))
    importing.apply_import(plan)
    label = Artwork._meta.label
    run.created[label] += plan.created
    run.updated[label] += plan.updated
    works = {work.catalogue_number: work for work in exhibition.artworks.all()}
    for work in plan.works:
        if work.action == importing.CREATE:
            run.imported.add((label, works[work.catalogue_number].pk))
    seen_regions = set()
    for row in run.rows("works.csv"):
        number = int(row["catalogue_number"])
        # The first work of each region is drawn large enough for the 2,400-pixel zoom; the others stay small,
        # so that the demo loads quickly.
        large = row["region"] not in seen_regions
        seen_regions.add(row["region"])
        plan = images.plan_artwork(
            number,
            data.pair(row, "title"),
            row["region"],
            data.pair(row, "medium"),
            row["technique"],
            large=large,
        )
        # Named after the drawing, so that a database loaded with the older pictures gets these.
        run.picture(
            works[number], "image", f"{exhibition.slug}-{number:02d}-abstract.jpg", _later(images.render_artwork, plan)
        )


# From JSON


def _sectors(run: DemoRun) -> dict[str, Sector]:
    return {
        s.key: run.upsert(
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
        for order, s in enumerate(data.sectors(run.folder), start=1)
    }


def _decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _venues(run: DemoRun) -> dict[str, Venue]:
    return {
        v["slug"]: run.upsert(
            Venue,
            {"slug": v["slug"]},
            {
                **{name: v[name] for text in data.VENUE_TEXTS for name in (f"{text}_vi", f"{text}_en")},
                "latitude": _decimal(v["latitude"]),
                "longitude": _decimal(v["longitude"]),
                "order": v["order"],
                **PUBLISHED,
            },
        )
        for v in run.json("venues.json")
    }


def _speakers(run: DemoRun) -> dict[str, Speaker]:
    return {
        s["slug"]: run.upsert(
            Speaker,
            {"slug": s["slug"]},
            {"name": s["name"], **_both("role", s), **_both("organisation", s), **_both("bio", s), **PUBLISHED},
        )
        for s in run.json("speakers.json")
    }


def _exhibition(run: DemoRun) -> None:
    x = run.json("exhibition.json")
    scene, colour = x["image"]["scene"], x["image"]["colour"]
    exhibition = run.upsert(
        Exhibition,
        {"slug": x["slug"]},
        {
            **_both("title", x),
            **_both("subtitle", x),
            **_both("description", x),
            "starts_on": date.fromisoformat(x["starts_on"]),
            "ends_on": date.fromisoformat(x["ends_on"]),
            "venue": Venue.objects.get(slug=x["venue"]),
            **_both("hours", x),
            "free_entry": x["free_entry"],
            **_both("organisers", x),
            **_both("supporters", x),
            **PUBLISHED,
        },
        images={"image": (f"{x['slug']}.jpg", _later(images.scene_jpeg, x["slug"], scene, colour))},
    )
    # The import knows artists by name only: their pages' texts come first, and the import finds them by name.
    for a in x["artists"]:
        run.upsert(
            Artist,
            {"slug": a["slug"]},
            {"name": a["name"], **_both("bio", a), **_both("city", a), "birth_year": a["birth_year"], **PUBLISHED},
        )
    _works(run, exhibition)


def _partners(run: DemoRun) -> None:
    partners = run.json("partners.json")
    for retired in Partner.objects.filter(slug__in=partners["retired"]):
        retired.delete()
        if retired.logo:  # the file goes once the rows are gone for good
            transaction.on_commit(functools.partial(retired.logo.storage.delete, retired.logo.name))
    for order, p in enumerate(partners["partners"], start=1):
        run.upsert(
            Partner,
            {"slug": p["slug"]},
            {
                **_both("name", p),
                "role": p["role"],
                **_both("description", p),
                **_both("logo_alt", p),
                "url": p["url"],
                "order": order,
                **PUBLISHED,
            },
            images={"logo": (f"{p['slug']}.png", _later(images.wordmark_png, p["wordmark"], p["colour"]))},
        )


def _press(run: DemoRun) -> None:
    press = run.json("press.json")
    credit = press["photo_credit"]
    contacts = {
        c["email"]: run.upsert(
            PressContact,
            {"email": c["email"]},
            {
                "name": c["name"],
                **_both("role", c),
                **_both("organisation", c),
                "phone": c["phone"],
                "order": c["order"],
                **PUBLISHED,
            },
        )
        for c in press["contacts"]
    }
    for r in press["releases"]:
        spec = {}
        if r["image"]:
            spec["image"] = (f"{r['slug'][:70]}.jpg", _later(images.scene_jpeg, r["slug"], r["image"], "#8a3b12"))
        run.upsert(
            PressRelease,
            {"slug": r["slug"]},
            {
                **_both("title", r),
                **_both("summary", r),
                **_both("body", r),
                **_both("image_alt", r),
                "image_credit": credit if r["image"] else "",
                "contact": contacts[r["contact"]],
                "status": r["status"],
                "publish_at": datetime.fromisoformat(r["publish_at"]),
            },
            images=spec,
        )
    for c in press["coverage"]:
        run.upsert(
            CoverageLink,
            {"url": c["url"]},
            {
                "outlet": c["outlet"],
                "headline": c["headline"],
                "published_on": date.fromisoformat(c["published_on"]),
                "language": c["language"],
                **PUBLISHED,
            },
        )
    for a in press["assets"]:
        if a["scene"] == "logo":
            spec = {"image": (f"{a['slug']}-wordmark.png", _later(logo_png))}
        else:
            spec = {"image": (f"{a['slug']}.jpg", _later(images.scene_jpeg, a["slug"], a["scene"], "#0f5e6b"))}
        run.upsert(
            MediaAsset,
            {"slug": a["slug"]},
            {
                **_both("title", a),
                "kind": a["kind"],
                **_both("caption", a),
                "credit": credit if a["kind"] != "logo" else ASSET_CREDIT_LOGO,
                "licence": a["licence"],
                "order": a["order"],
                "status": a["status"],
                "publish_at": None,
            },
            images=spec,
        )
