"""A small published site built directly with the models, for page tests at several sizes; the demo's snapshot."""

import io
import os
import pickle
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import translation
from PIL import Image

from core.models import Status
from core.search import refresh_statistics
from events.models import Session, SessionKind, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, Partner, PartnerRole, Sector, UnitKind

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISHED = Status.PUBLISHED


def png_bytes(colour="#9b1c1c", size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_site(scale: int = 1, *, images: bool = True) -> dict:
    """`scale` of each kind of object (at least one), all published, plus one draft of each kind."""
    sectors = [
        Sector.objects.create(name_vi=f"Thủ công mỹ nghệ {i}", name_en=f"Handicrafts {i}", order=i, status=PUBLISHED)
        for i in range(max(scale // 4, 1))
    ]
    venue = Venue.objects.create(
        name_vi="Nhà Bát Giác",
        name_en="Octagonal House",
        address_vi="Vườn hoa Lý Thái Tổ, phường Hoàn Kiếm",
        address_en="Lý Thái Tổ flower garden, Hoàn Kiếm ward",
        latitude="21.027500",
        longitude="105.853900",
        description_vi="Nơi diễn ra bốn diễn đàn.",
        status=PUBLISHED,
    )
    start = datetime(2026, 1, 10, 9, 0, tzinfo=HANOI)
    units, sessions, partners = [], [], []
    for i in range(scale):
        units.append(
            CreativeUnit.objects.create(
                name_vi=f"Xưởng gốm Đồng Xuân {i}",
                name_en=f"Dong Xuan ceramics studio {i}",
                kind=UnitKind.CREATOR,
                primary_sector=sectors[i % len(sectors)],
                status=PUBLISHED,
            )
        )
        sessions.append(
            Session.objects.create(
                title_vi=f"Tọa đàm sáng tạo {i}",
                title_en=f"Creative talk {i}",
                kind=SessionKind.FORUM,
                starts_at=start + timedelta(minutes=30 * i),
                ends_at=start + timedelta(minutes=30 * i + 60),
                venue=venue,
                is_highlight=True,
                status=PUBLISHED,
            )
        )
        partner = Partner(
            name_vi=f"Nhà tài trợ {i}", name_en=f"Sponsor {i}", role=PartnerRole.SPONSOR, status=PUBLISHED
        )
        if images:
            partner.logo.save(f"sponsor-{i}.png", ContentFile(png_bytes(size=(200, 100))), save=False)
        partner.save()
        partners.append(partner)
    exhibition = Exhibition.objects.create(
        title_vi="Chất Địa Phương",
        title_en="Local Essence",
        starts_on=date(2026, 1, 10),
        ends_on=date(2026, 1, 18),
        venue=venue,
        status=PUBLISHED,
    )
    artist = Artist.objects.create(name="Nguyễn Văn Minh Họa", status=PUBLISHED)
    for i in range(scale):
        work = Artwork(
            exhibition=exhibition,
            catalogue_number=i + 1,
            title_vi=f"Chợ phiên vùng cao {i}",
            title_en=f"Highland market {i}",
            alt_text_vi="Một phiên chợ đông người",
            alt_text_en="A crowded market",
            status=PUBLISHED,
        )
        if images:
            work.image.save(f"work-{i}.png", ContentFile(png_bytes(size=(80, 100))), save=False)
        work.save()
        work.artists.add(artist)
    # One draft of each: never counted, never shown.
    CreativeUnit.objects.create(
        name_vi="Đơn vị nháp", name_en="Draft unit", kind=UnitKind.CREATOR, primary_sector=sectors[0]
    )
    Session.objects.create(
        title_vi="Phiên nháp",
        title_en="Draft session",
        kind=SessionKind.WORKSHOP,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        venue=venue,
        is_highlight=True,
    )
    Partner.objects.create(name_vi="Đối tác nháp", name_en="Draft partner", role=PartnerRole.SPONSOR)
    return {"sectors": sectors, "units": units, "sessions": sessions, "partners": partners, "venue": venue}


# The demo, loaded once per test process and written back in a fraction of a second (tests/conftest.py)

DEMO_APPS = frozenset({"exhibitors", "exhibitions", "events", "press"})


def demo_tables() -> list[type[models.Model]]:
    """The models of the content apps that `load_demo` fills, many-to-many tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in DEMO_APPS and not model._meta.proxy
    ]


def delete_demo_content() -> None:
    """Empty the content apps' tables: what a committed `load_demo` or `DemoSnapshot.restore()` wrote, and what
    the tests of a module committed beside it. One DELETE a table, as `restore()` writes them back without save()
    or signals: 0.03 s instead of 1 s and 900 queries for the deletions, cascades and file removals of
    QuerySet.delete(). The foreign keys between these tables are checked at the commit, so the order does not
    matter; no other table refers to them (tests/test_demo.py); the pictures stay in the caller's folder
    and the page cache of each test starts empty anyway."""
    with transaction.atomic(), connection.cursor() as cursor:
        for model in demo_tables():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


@dataclass
class DemoSnapshot:
    """The rows `load_demo` wrote (every table of the content apps, many-to-many tables included) and the folder
    of the pictures it drew: `load_demo` takes 10–40 s (it draws several hundred pictures), `restore()` 0.3 s."""

    media: Path
    tables: list[tuple[type[models.Model], list[dict]]]

    @classmethod
    def take(cls, media: Path, kept: Path) -> "DemoSnapshot":
        """The rows of the demo apps as they are now (call it right after `load_demo`), and the files of `media`
        in the folder `kept` (hard links: deleting them from `media` leaves these)."""
        tables = []
        for model in demo_tables():
            # a plain QuerySet: modeltranslation's values() would fold title_vi and title_en into `title`
            attnames = [field.attname for field in model._meta.concrete_fields]
            rows = list(models.QuerySet(model).order_by("pk").values(*attnames))
            if rows:
                tables.append((model, rows))
        return cls(shutil.copytree(media, kept, dirs_exist_ok=True, copy_function=_link_or_copy), tables)

    def write(self, folder: Path) -> None:
        """Keep the rows in `folder` (beside the pictures) for the other test processes of the run."""
        tables = [(model._meta.label, rows) for model, rows in self.tables]
        (folder / "rows.pickle").write_bytes(pickle.dumps(tables))

    @classmethod
    def read(cls, folder: Path) -> "DemoSnapshot | None":
        """What `write()` kept in `folder`, if anything."""
        try:
            tables = pickle.loads((folder / "rows.pickle").read_bytes())
        except FileNotFoundError:
            return None
        return cls(folder / "media", [(apps.get_model(label), rows) for label, rows in tables])

    def restore(self) -> None:
        """Write the rows back as they were, ids and timestamps included (no save(), no signals: the page cache of
        each test starts empty anyway), and let PostgreSQL's planner see the tables' sizes as `load_demo` does."""
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            for model, rows in self.tables:
                fields = model._meta.concrete_fields
                objects = [model(**row) for row in rows]
                size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
                for start in range(0, len(objects), size):
                    # raw: stored values as they are (auto_now would stamp the time of the copy)
                    models.QuerySet(model)._insert(objects[start : start + size], fields=fields, raw=True)
            if connection.vendor == "postgresql":
                # ids were written as they are: the next ones follow them (another process may have loaded the demo)
                statements = connection.ops.sequence_reset_sql(no_style(), [model for model, _rows in self.tables])
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
                refresh_statistics(*(model for model, _rows in self.tables))

    def copy_media(self, folder: Path) -> Path:
        """The pictures in a folder of the caller's own (tests may add, replace or remove files), as hard links to
        the snapshot's: 0.04 s instead of 0.4 s for copying its 2,500 files for each module. Django's storage never
        writes into a file that exists (it saves under a new name and deletes), so the snapshot's stay as drawn."""
        shutil.copytree(self.media, folder, dirs_exist_ok=True, copy_function=_link_or_copy)
        return folder


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another file system
        shutil.copy2(source, destination)
