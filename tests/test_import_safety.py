"""Imports can never damage published content by surprise (issue 16, point 9).

The sample files hold drafts with keys kept for samples; the preview shows each changed field old → new; a change
to a published entry needs its own tick; every import is recorded and can be undone; every import has an export in
the same columns that imports back without a change; errors quote the value at fault. All through the admin, as an
organiser meets it.
"""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from modeltranslation.translator import translator

from core.models import Status
from exhibitions import importing
from exhibitions.models import Artist, Artwork
from exhibitors.import_admin import SAMPLES
from exhibitors.models import CreativeUnit, ImportRun, Product, UnitKind
from exhibitors.resources import CreativeUnitResource, ProductResource
from tests import factories
from tests.helpers import jpeg_bytes, parse
from tudoi.demo.sectors import SECTORS

pytestmark = pytest.mark.django_db

ARTWORK_IMPORT = "/admin/exhibitions/artwork/import/"


@pytest.fixture(autouse=True)
def _staging(settings, tmp_path):
    settings.TUDOI_IMPORT_STAGING_DIR = tmp_path / "staging"


@pytest.fixture
def sectors():
    return {s.key: factories.SectorFactory(name_vi=s.name_vi, name_en=s.name_en) for s in SECTORS}


@pytest.fixture
def vi_client(client, django_user_model):
    """Another organiser, who reads the admin in Vietnamese (the default)."""
    client.force_login(django_user_model.objects.create_superuser("thu", "thu@example.com", "pw"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    return client


def url(model: str, view: str, *args) -> str:
    return reverse(f"admin:exhibitors_{model}_{view}", args=args)


def csv_bytes(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def upload(client, model: str, content: bytes, name: str = "units.csv"):
    return client.post(url(model, "import"), {"import_file": SimpleUploadedFile(name, content), "resource": "0"})


def confirm(client, model: str, preview, *, published: bool = False):
    data = dict(preview.context["confirm_form"].initial)
    if published:
        data["confirm_published"] = "on"
    return client.post(url(model, "process_import"), data, follow=True)


def statuses(preview) -> list[str]:
    cells = parse(preview).findall(".//table[@class='import-preview']/tbody/tr/td[@class='import-type']")
    return [cell.text.strip() for cell in cells]


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def unit_state(unit) -> dict:
    """Every column of the unit, but its modification time and the untranslated copies modeltranslation keeps of the
    translated fields (the admin shows and edits the columns of each language)."""
    unit = CreativeUnit.objects.get(pk=unit.pk)
    untranslated = set(translator.get_options_for_model(CreativeUnit).all_fields) | {"updated_at"}
    values = {f.attname: getattr(unit, f.attname) for f in CreativeUnit._meta.concrete_fields}
    values = {name: value for name, value in values.items() if name not in untranslated}
    return values | {"sectors": sorted(unit.sectors.values_list("pk", flat=True))}


def work_state(work) -> tuple:
    work = Artwork.objects.get(pk=work.pk)
    return (
        work.title_vi,
        work.title_en,
        work.status,
        work.year,
        work.image.name,
        sorted(work.artists.values_list("name", flat=True)),
    )


@pytest.fixture
def published_unit(sectors):
    return factories.CreativeUnitFactory(
        code="HN-001",
        name_vi="Gốm Hồng Hà",
        name_en="Hong Ha Ceramics",
        kind=UnitKind.CRAFT_VILLAGE,
        primary_sector=sectors["crafts"],
        sectors=[sectors["design"]],
        booth="A01",
        website="https://hongha.example",
        status=Status.PUBLISHED,
    )


# The samples: drafts only, with keys that cannot reach a real entry


def test_the_sample_files_live_in_demo_samples_and_hold_drafts_only():
    assert SAMPLES.parts[-2:] == ("demo", "samples")
    for name, resource in (("creative-units.csv", CreativeUnitResource), ("products.csv", ProductResource)):
        rows = list(csv.DictReader(io.StringIO((SAMPLES / name).read_text("utf-8-sig"), newline="")))
        assert all(row["code"].startswith("MAU-") for row in rows)
        status = resource.fields["status"].widget
        assert {status.clean(row["status"]) if row["status"] else Status.DRAFT for row in rows} == {Status.DRAFT}
    works = list(csv.DictReader(io.StringIO(importing.sample_csv().decode("utf-8-sig"))))
    assert [int(row["catalogue_number"]) for row in works] == [9001, 9002, 9003, 9004]
    assert all(int(row["catalogue_number"]) in importing.SAMPLE_NUMBERS for row in works)
    assert {row["status"] for row in works} == {"draft"}
    assert importing.sample_zip() == (SAMPLES / "artworks-images.zip").read_bytes()


def test_importing_the_artwork_sample_leaves_every_published_work_unchanged(staff_client):
    """The incident of issue 16: trying the sample replaced the real works 1–4 of "Chất Địa Phương"."""
    exhibition = factories.ExhibitionFactory(title_vi="Chất Địa Phương", title_en="Local Essence")
    real = [
        factories.ArtworkFactory(
            exhibition=exhibition,
            catalogue_number=number,
            published=True,
            image=SimpleUploadedFile(f"real-{number}.jpg", jpeg_bytes()),
        )
        for number in (1, 2, 3, 4)
    ]
    before = [work_state(work) for work in real]
    sheet = staff_client.get(ARTWORK_IMPORT + "sample.csv").content
    images = staff_client.get(ARTWORK_IMPORT + "sample.zip").content

    preview = staff_client.post(
        ARTWORK_IMPORT,
        {
            "exhibition": exhibition.pk,
            "spreadsheet": SimpleUploadedFile("sample.csv", sheet),
            "images": SimpleUploadedFile("sample.zip", images),
        },
    )
    assert [(w.catalogue_number, w.action) for w in preview.context["plan"].works] == [
        (9001, "create"),
        (9002, "create"),
        (9003, "create"),
        (9004, "create"),
    ]
    staff_client.post(ARTWORK_IMPORT, {"token": preview.context["token"], "confirm_published": "1"})

    assert [work_state(work) for work in real] == before
    assert list(exhibition.artworks.published().order_by("catalogue_number")) == real
    added = exhibition.artworks.filter(catalogue_number__gte=9001)
    assert added.count() == 4 and set(added.values_list("status", flat=True)) == {Status.DRAFT}


def test_a_sample_key_can_neither_publish_nor_change_a_published_entry(staff_client, sectors):
    exhibition = factories.ExhibitionFactory()
    factories.ArtworkFactory(exhibition=exhibition, catalogue_number=9002, published=True)
    rows = list(csv.DictReader(io.StringIO(importing.sample_csv().decode("utf-8-sig"))))
    rows[0]["status"] = "published"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

    works = staff_client.post(
        ARTWORK_IMPORT,
        {"exhibition": exhibition.pk, "spreadsheet": SimpleUploadedFile("c.csv", out.getvalue().encode())},
    )
    units = upload(
        staff_client,
        "creativeunit",
        csv_bytes(
            [["code", "name_vi", "kind", "primary_sector", "status"], ["MAU-009", "Mẫu", "brand", "design", "yes"]]
        ),
    )

    problems = [(p.row, p.column, p.message) for p in works.context["plan"].problems]
    assert problems == [
        (
            2,
            "status (Y)",
            "Catalogue numbers 9001–9999 are kept for the sample files, whose works stay drafts: write “draft”, or "
            "give the work its real number.",
        ),
        (
            3,
            "catalogue_number (A)",
            "Numbers 9001–9999 are kept for the sample files, but this published work has one: give it another "
            "number in the admin before importing.",
        ),
    ]
    assert "kept for the sample files, whose entries stay drafts" in units.content.decode()
    assert units.context.get("confirm_form") is None
    assert CreativeUnit.objects.count() == 0 and Artwork.objects.count() == 1


# The preview: each changed field old → new, and published rows need their own tick


def test_the_unit_preview_shows_each_changed_field_old_and_new(staff_client, published_unit):
    preview = upload(
        staff_client,
        "creativeunit",
        csv_bytes([["code", "name_en", "booth", "other_sectors"], ["HN-001", "Hong Ha Pottery", "A01", "Ẩm thực"]]),
    )

    assert statuses(preview) == ["Update"]
    (row,) = parse(preview).findall(".//table[@class='import-preview']/tbody/tr")
    changes = [text(li) for li in row.iter("li")]
    assert changes == [
        "name_en: Hong Ha Ceramics → Hong Ha Pottery",
        "other_sectors: Design → Cuisine",
    ]  # the booth did not change, so it is not listed
    warning = parse(preview).find(".//p[@id='import-published-warning']")
    assert "1 row of this file changes an entry that is published" in text(warning)
    assert parse(preview).find(".//input[@name='confirm_published']") is not None


def test_a_published_unit_change_without_its_tick_applies_nothing(staff_client, published_unit):
    before = unit_state(published_unit)
    file = csv_bytes(
        [["code", "name_vi", "name_en", "kind", "primary_sector"], ["HN-001", "Gốm Hồng Hà", "Hong Ha Pottery", "", ""]]
        + [["HN-002", "Đơn vị mới", "", "brand", "design"]]
    )
    preview = upload(staff_client, "creativeunit", file)

    refused = confirm(staff_client, "creativeunit", preview)

    assert messages_of(refused) == [
        "Nothing was imported: 1 published entry would change. Tick “I understand…” below to confirm that change, "
        "or cancel."
    ]
    assert unit_state(published_unit) == before
    assert CreativeUnit.objects.count() == 1 and ImportRun.objects.count() == 0
    assert refused.context["confirm_form"] is not None  # the preview again, the file still waiting

    done = confirm(staff_client, "creativeunit", refused, published=True)

    assert "Import finished: 1 added, 1 updated, 0 unchanged" in done.content.decode()
    assert CreativeUnit.objects.get(code="HN-001").name_en == "Hong Ha Pottery"


def test_a_published_work_change_without_its_tick_applies_nothing(staff_client):
    exhibition = factories.ExhibitionFactory(title_en="Local Essence")
    work = factories.ArtworkFactory(exhibition=exhibition, catalogue_number=1, title_en="Winter", published=True)
    artist = work.artists.get().name
    sheet = f"catalogue_number,title_vi,title_en,artists\n1,{work.title_vi},Winter morning,{artist}\n".encode()

    preview = staff_client.post(
        ARTWORK_IMPORT, {"exhibition": exhibition.pk, "spreadsheet": SimpleUploadedFile("c.csv", sheet)}
    )
    cells = [text(td) for td in parse(preview).find(".//table[@id='import-preview-list']/tbody/tr").findall("td")]
    refused = staff_client.post(ARTWORK_IMPORT, {"token": preview.context["token"]})

    assert cells[-1] == "Published work title_en: Winter → Winter morning"
    assert messages_of(refused) == [
        "Nothing was imported: 1 published work would change. Tick “I understand…” below to confirm that change, "
        "or cancel."
    ]
    assert Artwork.objects.get().title_en == "Winter"
    assert refused.context["token"] == preview.context["token"]

    staff_client.post(ARTWORK_IMPORT, {"token": preview.context["token"], "confirm_published": "1"})

    assert Artwork.objects.get().title_en == "Winter morning"


# Undo


def test_an_import_of_changed_units_can_be_undone(staff_client, published_unit, sectors):
    before = unit_state(published_unit)
    file = csv_bytes(
        [["code", "name_en", "booth", "website", "other_sectors", "kind", "name_vi", "primary_sector"]]
        + [["HN-001", "Hong Ha Pottery", "Z99", "-", "Ẩm thực; Thiết kế", "", "", ""]]
        + [["HN-002", "New unit", "B02", "", "", "brand", "Đơn vị mới", "design"]]
    )
    done = confirm(staff_client, "creativeunit", upload(staff_client, "creativeunit", file), published=True)
    assert CreativeUnit.objects.get(code="HN-001").booth == "Z99"
    run = ImportRun.objects.get()
    assert (run.user.username, run.kind, run.file_name, run.created_count, run.updated_count) == (
        "admin",
        "exhibitors.creativeunit",
        "units.csv",
        1,
        1,
    )
    undo_url = reverse("admin:exhibitors_importrun_undo", args=[run.pk])
    assert f'href="{undo_url}"' in done.content.decode()  # offered with the success message

    listing = staff_client.get(reverse("admin:exhibitors_importrun_changelist")).content.decode()
    page = staff_client.get(undo_url)
    undone = staff_client.post(undo_url, follow=True)

    assert "Undo this import" in listing and undo_url in listing
    assert "Removed (it was added by this import)" in page.content.decode()
    assert messages_of(undone) == ["Import undone: 1 entries removed, 1 restored to their earlier values."]
    assert unit_state(published_unit) == before
    assert list(CreativeUnit.objects.all()) == [published_unit]
    run.refresh_from_db()
    assert run.undone_at is not None
    assert "Undone on" in staff_client.get(reverse("admin:exhibitors_importrun_changelist")).content.decode()
    again = staff_client.post(undo_url, follow=True)
    assert unit_state(published_unit) == before and "This import has already been undone." in again.content.decode()


def test_undo_refuses_when_an_entry_changed_after_the_import(staff_client, published_unit):
    file = csv_bytes([["code", "booth"], ["HN-001", "Z99"]])
    confirm(staff_client, "creativeunit", upload(staff_client, "creativeunit", file), published=True)
    CreativeUnit.objects.filter(pk=published_unit.pk).update(name_en="Edited by hand")
    run = ImportRun.objects.get()

    refused = staff_client.post(reverse("admin:exhibitors_importrun_undo", args=[run.pk]), follow=True)

    assert messages_of(refused) == [
        "Nothing was undone: the creative unit “Hong Ha Ceramics” was changed after this import. Undo would overwrite "
        "that change; edit it by hand instead."
    ]
    unit = CreativeUnit.objects.get()
    assert (unit.booth, unit.name_en) == ("Z99", "Edited by hand")
    run.refresh_from_db()
    assert run.undone_at is None


def test_undo_refuses_to_delete_a_unit_that_has_products_added_since(staff_client, sectors):
    file = csv_bytes([["code", "name_vi", "kind", "primary_sector"], ["HN-009", "Mới", "brand", "design"]])
    confirm(staff_client, "creativeunit", upload(staff_client, "creativeunit", file))
    factories.ProductFactory(unit=CreativeUnit.objects.get())

    refused = staff_client.post(
        reverse("admin:exhibitors_importrun_undo", args=[ImportRun.objects.get().pk]), follow=True
    )

    assert messages_of(refused)[0].startswith("Nothing was undone: the creative unit “Mới”, added by this import")
    assert CreativeUnit.objects.count() == Product.objects.count() == 1


def test_an_artwork_import_can_be_undone_with_its_images_and_new_artists(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    exhibition = factories.ExhibitionFactory()
    known = factories.ArtistFactory(name="Nguyễn Thu Hà")
    work = factories.ArtworkFactory(
        exhibition=exhibition,
        catalogue_number=1,
        published=True,
        artists=[known],
        image=SimpleUploadedFile("old.jpg", jpeg_bytes(colour="blue")),
    )
    before = work_state(work)
    sheet = (
        "catalogue_number,title_vi,title_en,artists,image,status\n"
        f"1,{work.title_vi},Renamed,Nguyễn Thu Hà; Lê Mới,new.jpg,\n"
        "2,Tác phẩm mới,New work,Lê Mới,,draft\n"
    ).encode()
    images = io.BytesIO()
    with zipfile.ZipFile(images, "w") as archive:
        archive.writestr("new.jpg", jpeg_bytes(colour="orange"))
    preview = staff_client.post(
        ARTWORK_IMPORT,
        {
            "exhibition": exhibition.pk,
            "spreadsheet": SimpleUploadedFile("c.csv", sheet),
            "images": SimpleUploadedFile("i.zip", images.getvalue()),
        },
    )
    staff_client.post(ARTWORK_IMPORT, {"token": preview.context["token"], "confirm_published": "1"})
    assert work_state(work) != before and Artwork.objects.count() == 2
    run = ImportRun.objects.get()
    assert (run.kind, run.created_count, run.updated_count) == ("exhibitions.artwork", 2, 1)  # a work, an artist

    undone = staff_client.post(reverse("admin:exhibitors_importrun_undo", args=[run.pk]), follow=True)

    assert messages_of(undone)[-1] == "Import undone: 2 entries removed, 1 restored to their earlier values."
    assert work_state(work) == before
    assert work.image.storage.exists(before[4])  # the replaced image was kept for the undo
    assert list(Artwork.objects.all()) == [work]
    assert list(Artist.objects.all()) == [known]


# Export, then import back: nothing changes


def export(client, model: str, extension: str):
    response = client.get(url(model, "spreadsheet_export", extension))
    assert response.status_code == 200
    return response.content


def test_reimporting_an_export_of_the_units_changes_nothing(staff_client, sectors, published_unit):
    sample = (SAMPLES / "creative-units.csv").read_bytes()
    confirm(staff_client, "creativeunit", upload(staff_client, "creativeunit", sample))  # every column filled in
    factories.CreativeUnitFactory(code="HN-003", primary_sector=sectors["cuisine"], published=True, price_band="")
    before = {unit.code: unit_state(unit) for unit in CreativeUnit.objects.all()}
    runs = ImportRun.objects.count()

    for extension in ("csv", "xlsx"):
        exported = export(staff_client, "creativeunit", extension)
        preview = upload(staff_client, "creativeunit", exported, f"units.{extension}")
        assert statuses(preview) == ["Unchanged"] * 7, extension
        done = confirm(staff_client, "creativeunit", preview)
        assert "Import finished: 0 added, 0 updated, 7 unchanged" in done.content.decode()

    assert {unit.code: unit_state(unit) for unit in CreativeUnit.objects.all()} == before
    assert ImportRun.objects.count() == runs  # nothing changed, nothing to undo
    rows = list(csv.reader(io.StringIO(export(staff_client, "creativeunit", "csv").decode("utf-8-sig"))))
    assert rows[0] == CreativeUnitResource.columns()
    assert [row[0] for row in rows[1:]] == ["HN-001", "HN-003", "MAU-001", "MAU-002", "MAU-003", "MAU-004", "MAU-005"]


def test_reimporting_an_export_of_the_products_changes_nothing(staff_client, sectors):
    confirm(
        staff_client,
        "creativeunit",
        upload(staff_client, "creativeunit", (SAMPLES / "creative-units.csv").read_bytes()),
    )
    confirm(staff_client, "product", upload(staff_client, "product", (SAMPLES / "products.csv").read_bytes()))
    before = sorted(Product.objects.values_list("code", "name_vi", "name_en", "retail", "order", "status", "unit"))

    preview = upload(staff_client, "product", export(staff_client, "product", "xlsx"), "products.xlsx")

    assert statuses(preview) == ["Unchanged"] * 6
    confirm(staff_client, "product", preview)
    assert sorted(Product.objects.values_list("code", "name_vi", "name_en", "retail", "order", "status", "unit")) == (
        before
    )


def test_reimporting_an_export_of_the_catalogue_changes_nothing(staff_client):
    exhibition = factories.ExhibitionFactory()
    for number in (1, 2):
        factories.ArtworkFactory(
            exhibition=exhibition,
            catalogue_number=number,
            published=True,
            year=2024,
            width_cm="42.5",
            technique="hand",
            region="city",
            image=SimpleUploadedFile(f"w{number}.jpg", jpeg_bytes()),
        )
    before = [work_state(work) for work in Artwork.objects.all()]

    response = staff_client.get(f"/admin/exhibitions/artwork/export.xlsx?exhibition={exhibition.pk}")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    header = [cell.value for cell in book.active[1]]
    preview = staff_client.post(
        ARTWORK_IMPORT,
        {"exhibition": exhibition.pk, "spreadsheet": SimpleUploadedFile("c.xlsx", response.content)},
    )

    assert header == list(importing.COLUMN_NAMES)
    assert preview.context["plan"].problems == []
    assert [(w.catalogue_number, w.action) for w in preview.context["plan"].works] == [
        (1, "unchanged"),
        (2, "unchanged"),
    ]
    staff_client.post(ARTWORK_IMPORT, {"token": preview.context["token"]})
    assert [work_state(work) for work in Artwork.objects.all()] == before


# Errors quote the value at fault


def test_unit_import_errors_quote_the_value_and_say_what_is_expected(staff_client, vi_client, sectors):
    file = csv_bytes(
        [["code", "name_vi", "kind", "primary_sector", "in_network"], ["HN-1", "Một", "xưởng", "design", "có lẽ"]]
    )

    english = upload(staff_client, "creativeunit", file)
    vietnamese = upload(vi_client, "creativeunit", file)

    rows = [[text(td) for td in tr.findall("td")] for tr in parse(english).findall(".//tr[@class='import-error']")]
    assert [(row[0], row[1], row[3]) for row in rows] == [("2", "kind", "“xưởng”"), ("2", "in_network", "“có lẽ”")]
    assert rows[0][4] == "a kind of unit: its code or its name in Vietnamese or English"
    vi_rows = [
        [text(td) for td in tr.findall("td")] for tr in parse(vietnamese).findall(".//tr[@class='import-error']")
    ]
    assert vi_rows[0][3] == "“xưởng”" and vi_rows[0][4] != rows[0][4]  # what is expected, in Vietnamese
    assert "Giá trị trong tệp" in vietnamese.content.decode()


def test_artwork_import_errors_quote_the_value(staff_client):
    exhibition = factories.ExhibitionFactory()
    sheet = "catalogue_number,title_vi,artists,year,status\n1,Phố,Hà,khoảng 2020,draft\n".encode()

    response = staff_client.post(
        ARTWORK_IMPORT, {"exhibition": exhibition.pk, "spreadsheet": SimpleUploadedFile("c.csv", sheet)}
    )

    (problem,) = response.context["plan"].problems
    assert (problem.row, problem.column, problem.value) == (2, "year (D)", "khoảng 2020")
    cells = [text(td) for td in parse(response).find(".//table[@id='import-problem-list']/tbody/tr").findall("td")]
    assert cells == ["2", "year (D)", "Enter a whole number.", "“khoảng 2020”", "Year made, four digits."]


# The code, the import key, in the lists


def test_the_unit_code_is_a_column_and_searchable_in_units_and_products(staff_client, published_unit):
    factories.CreativeUnitFactory(code="HN-777", name_vi="Khác")
    factories.ProductFactory(unit=published_unit, code="HN-001-P1", name_vi="Bát")

    units = staff_client.get(url("creativeunit", "changelist"), {"q": "HN-001"})
    products = staff_client.get(url("product", "changelist"), {"q": "HN-001"})

    assert [unit.code for unit in units.context["cl"].result_list] == ["HN-001"]
    assert "column-code" in units.content.decode()
    assert [p.code for p in products.context["cl"].result_list] == ["HN-001-P1"]
    assert "column-unit_code" in products.content.decode()
