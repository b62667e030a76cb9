"""Image renditions are made when an image is saved (admin, plain save, import, demo loader), never during a page
request; pages read their addresses and sizes from the row, without a query per image; replacing an image replaces
its renditions (core/renditions.py)."""

import contextlib
import io
import re
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from core import renditions
from core.models import Status
from exhibitions.models import Artwork
from exhibitors.models import Partner
from tests import factories
from tests.test_images import partner_data

PUBLISHED = Status.PUBLISHED
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def jpeg(size=(900, 1125), colour="teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def png(size, colour="#9b1c1c") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def media(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


def made_files() -> set[str]:
    root = media("renditions")
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def sizes_on_disk(obj, field: str) -> dict[str, tuple[str, tuple[int, int]]]:
    """Each stored rendition of obj.field, as (format, size) read from its file."""
    result = {}
    for key, (name, width, height) in obj.renditions[field]["files"].items():
        with Image.open(media(name)) as picture:
            assert picture.size == (width, height), key  # the stored size is the file's
            result[key] = (picture.format, picture.size)
    return result


@contextlib.contextmanager
def no_image_work():
    """Within: any attempt to make a rendition  fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a rendition was made during a request")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(renditions, "make", refuse)
        patch.setattr(renditions, "_encode", refuse)
        yield


def clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()


def catalogue(client, exhibition, language="vi") -> str:
    response = client.get(f"/{language}/exhibitions/{exhibition.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def card_images(page: str) -> list[str]:
    return re.findall(r'<img src="[^"]*"[^>]*class="work-thumb"[^>]*>', page)


# Saving makes them


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_has_its_renditions_when_the_form_is_saved(admin_client):
    logo = SimpleUploadedFile("kim-cuong.png", png((400, 200)), content_type="image/png")

    response = admin_client.post("/admin/exhibitors/partner/add/", partner_data(logo))

    assert response.status_code == 302
    partner = Partner.objects.get()
    assert partner.renditions["logo"]["source"] == partner.logo.name
    # Never wider than the original; WebP; the size stored is the size of the file.
    assert sizes_on_disk(partner, "logo") == {
        "120": ("WEBP", (120, 60)),
        "160": ("WEBP", (160, 80)),
        "240": ("WEBP", (240, 120)),
        "320": ("WEBP", (320, 160)),
        "1600x1600": ("WEBP", (400, 200)),
    }


@pytest.mark.django_db
def test_a_plain_save_makes_every_rendition_the_pages_use_in_the_right_size():
    work = factories.ArtworkFactory(image=ContentFile(jpeg((1000, 1250)), name="hoa-sen.jpg"))

    on_disk = sizes_on_disk(Artwork.objects.get(pk=work.pk), "image")

    assert on_disk == {
        "280": ("WEBP", (280, 350)),
        "560": ("WEBP", (560, 700)),
        "800": ("WEBP", (800, 1000)),
        "1200": ("WEBP", (1000, 1250)),  # never larger than the original
        "200x250c": ("WEBP", (200, 250)),
        "400x500c": ("WEBP", (400, 500)),
        "1200x1200": ("WEBP", (960, 1200)),
        "2400x2400": ("WEBP", (1000, 1250)),
        "1600x1600": ("WEBP", (1000, 1250)),
    }


@pytest.mark.django_db
def test_a_cut_keeps_the_shape_even_when_the_original_is_small():
    product = factories.ProductFactory(image=ContentFile(png((200, 100)), name="binh.png"))

    on_disk = sizes_on_disk(product, "image")

    assert on_disk["320x240c"] == ("WEBP", (133, 100))  # 4:3 cut from the middle, not enlarged
    assert on_disk["640x480c"] == ("WEBP", (133, 100))


# Pages only read them


@pytest.mark.django_db
def test_the_catalogue_reads_stored_renditions_without_a_query_per_image_and_makes_none(client):
    exhibition = factories.ExhibitionFactory(published=True)
    factories.ArtworkFactory(exhibition=exhibition, status=PUBLISHED, image=ContentFile(jpeg(), name="w.jpg"))
    with no_image_work(), CaptureQueriesContext(connection) as one:
        catalogue(client, exhibition)
    for i in range(9):
        factories.ArtworkFactory(
            exhibition=exhibition, status=PUBLISHED, image=ContentFile(jpeg(colour="navy"), name=f"w{i}.jpg")
        )
    files = made_files()
    clear_caches()

    with no_image_work(), CaptureQueriesContext(connection) as ten:
        page = catalogue(client, exhibition)

    images = card_images(page)
    assert len(images) == 10
    assert len(ten) == len(one)
    assert made_files() == files
    for img in images:
        # The phone's choice: 280 and 560 pixel WebP copies, described by srcset and sizes.
        assert re.search(
            r'srcset="/media/renditions/\S+-280x350\.webp 280w, /media/renditions/\S+-560x700\.webp 560w"', img
        )
        assert 'sizes="(min-width: 64em) 17rem, (min-width: 40em) 30vw, 46vw"' in img


@pytest.mark.django_db
def test_the_home_page_runs_as_many_queries_with_ten_images_as_with_one(client):
    exhibition = factories.ExhibitionFactory(published=True)
    factories.ArtworkFactory(exhibition=exhibition, status=PUBLISHED, image=ContentFile(jpeg(), name="w.jpg"))
    factories.PartnerFactory(status=PUBLISHED, logo=ContentFile(png((400, 200)), name="p.png"))
    clear_caches()
    with no_image_work(), CaptureQueriesContext(connection) as one:
        first = client.get("/vi/")
    for i in range(9):
        factories.ArtworkFactory(exhibition=exhibition, status=PUBLISHED, image=ContentFile(jpeg(), name=f"w{i}.jpg"))
        factories.PartnerFactory(status=PUBLISHED, logo=ContentFile(png((400, 200)), name=f"p{i}.png"))
    clear_caches()

    with no_image_work(), CaptureQueriesContext(connection) as ten:
        page = client.get("/vi/").content.decode()

    assert first.status_code == 200
    assert page.count('src="/media/renditions/') > first.content.decode().count('src="/media/renditions/')
    assert len(ten) == len(one)


@pytest.mark.django_db
def test_a_row_without_renditions_shows_the_original_until_make_renditions(client, caplog):
    exhibition = factories.ExhibitionFactory(published=True)
    work = factories.ArtworkFactory(exhibition=exhibition, status=PUBLISHED, image=ContentFile(jpeg(), name="w.jpg"))
    Artwork.objects.filter(pk=work.pk).update(renditions={})  # a row from before the column
    files = made_files()

    before = card_images(catalogue(client, exhibition))

    assert before == [f'<img src="/media/{work.image.name}" alt="{work.alt_text}" class="work-thumb" decoding="async">']
    assert made_files() == files  # the request made nothing
    assert "make_renditions" in caplog.text

    call_command("make_renditions", "exhibitions.Artwork", stdout=io.StringIO())
    clear_caches()

    after = card_images(catalogue(client, exhibition))
    assert "/media/renditions/" in after[0] and "srcset=" in after[0]


# Replacing replaces them


@pytest.mark.django_db
def test_replacing_an_image_in_the_admin_replaces_its_renditions(admin_client, django_capture_on_commit_callbacks):
    partner = factories.PartnerFactory(status=PUBLISHED, logo=ContentFile(png((400, 200)), name="cu.png"))
    old = {name for name, _w, _h in partner.renditions["logo"]["files"].values()}
    assert all(media(name).exists() for name in old)
    data = {**partner_data(SimpleUploadedFile("moi.png", png((300, 300), "#123456"), content_type="image/png"))}
    data.update(slug=partner.slug, status="published")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/exhibitors/partner/{partner.pk}/change/", data)

    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.logo.name == "partners/moi.png"
    new = {name for name, _w, _h in partner.renditions["logo"]["files"].values()}
    assert not old & new
    assert all(media(name).exists() for name in new)
    assert not any(media(name).exists() for name in old if not name.startswith("partners/"))
    assert sizes_on_disk(partner, "logo")["320"] == ("WEBP", (300, 300))
    page = admin_client.get("/vi/partners/").content.decode()  # the public page, not cached for staff
    assert all(name.split("/")[-1] not in page for name in old)


@pytest.mark.django_db
def test_removing_an_image_or_its_row_removes_its_renditions(django_capture_on_commit_callbacks):
    work = factories.ArtworkFactory(image=ContentFile(jpeg(), name="w.jpg"))
    other = factories.ArtworkFactory(image=ContentFile(jpeg(colour="red"), name="v.jpg"))
    first = {n for n, _w, _h in work.renditions["image"]["files"].values()}

    with django_capture_on_commit_callbacks(execute=True):
        work.image = ""
        work.save()
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()

    assert work.renditions == {}
    assert not any(media(name).exists() for name in first)
    assert made_files() == set()


@pytest.mark.django_db
def test_the_catalogue_first_view_after_replacing_12_images_is_fast_and_makes_no_rendition(
    client, django_capture_on_commit_callbacks
):
    exhibition = factories.ExhibitionFactory(published=True)
    works = [
        factories.ArtworkFactory(exhibition=exhibition, status=PUBLISHED, image=ContentFile(jpeg(), name=f"w{i}.jpg"))
        for i in range(12)
    ]
    catalogue(client, exhibition)
    for i, work in enumerate(works):  # an organiser replaces the twelve pictures
        with django_capture_on_commit_callbacks(execute=True):
            work.image.save(f"moi-{i}.jpg", ContentFile(jpeg(colour="#%06x" % (i * 99999))))
    files = made_files()
    clear_caches()

    with no_image_work():
        started = time.perf_counter()
        page = catalogue(client, exhibition)
        elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert made_files() == files
    images = card_images(page)
    assert len(images) == 12
    for i, img in enumerate(images):
        assert f"/media/renditions/artworks/moi-{i}-jpg-" in img


# The registry


PICTURE = re.compile(r"\{% picture (?P<var>\w+)\.(?P<field>\w+) (?P<args>[^%]*)%\}")
TEMPLATE_VARIABLES = {
    ("work", "image"): "exhibitions.Artwork",
    ("artist", "photo"): "exhibitions.Artist",
    ("speaker", "photo"): "events.Speaker",
    ("release", "image"): "press.PressRelease",
    ("asset", "image"): "press.MediaAsset",
    ("partner", "logo"): "exhibitors.Partner",
    ("unit", "logo"): "exhibitors.CreativeUnit",
    ("unit", "cover"): "exhibitors.CreativeUnit",
    ("product", "image"): "exhibitors.Product",
}


def test_every_picture_of_the_templates_has_renditions_close_to_the_widths_it_asks_for():
    uses = []
    for path in TEMPLATES.rglob("*.html"):
        for found in PICTURE.finditer(path.read_text()):
            args = dict(re.findall(r'(\w+)="([^"]*)"', found["args"]))
            uses.append((path.name, found["var"], found["field"], args.get("widths", ""), args.get("ratio", "")))
    uses.append(("artwork_detail (view)", "work", "image", "480,800,1200", ""))
    assert len(uses) >= 13

    for where, var, field, widths, ratio in uses:
        label = TEMPLATE_VARIABLES[(var, field)]
        specs = [s for s in renditions.REGISTRY[label][field] if s.fmt == "webp"]
        shape = tuple(int(x) for x in ratio.split(":")) if ratio else None
        if shape:
            same_shape = [s.width for s in specs if s.crop and round(s.width * shape[1] / shape[0]) == s.height]
        else:
            same_shape = [s.width for s in specs if not s.crop and not s.height]
        for width in (int(w) for w in widths.split(",")):
            # The same width, or one at most 70 % wider (so that each image is not made in many near sizes).
            assert any(width <= made <= width * 1.7 for made in same_shape), (where, var, field, width, same_shape)


# The demo


@pytest.mark.django_db
def test_the_demo_loader_leaves_every_image_with_its_renditions(settings, demo_snapshot):
    # The demo's pictures as drawn for the run's snapshot, without their renditions: the loader takes the files it
    # finds instead of drawing them again (30 s), and must make every rendition itself.
    shutil.copytree(demo_snapshot.media, settings.MEDIA_ROOT, ignore=shutil.ignore_patterns("renditions"))
    call_command("load_demo", quiet=True)
    Partner.objects.update(renditions={})  # as if loaded before the column: a second load completes them
    call_command("load_demo", quiet=True)

    checked = 0
    for model in renditions.registered_models():
        for obj in model.objects.all():
            for field, specs in renditions.fields_of(model).items():
                image = getattr(obj, field)
                if not image:
                    continue
                entry = renditions.entry(image)
                assert entry, (obj, field)
                assert {s.key for s in specs if s.applies_to(image.name)} <= set(entry["files"]), (obj, field)
                checked += 1
    assert checked > 600
    partner = Partner.objects.exclude(logo="").first()
    assert all(media(name).exists() for name, _w, _h in partner.renditions["logo"]["files"].values())
