"""The organisers' catalogue import (a spreadsheet and a ZIP of images, previewed then confirmed) and the artwork
admin's rules: alt text before publishing, one catalogue number per exhibition, image previews.

Everything goes through the admin as an organiser meets it, read in English so that messages compare as written.
"""

import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import html5lib
import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from PIL import Image

from core import renditions
from core.models import StaffPreference, Status
from exhibitions import importing
from exhibitions.models import Artist, Artwork, Exhibition
from tests import factories
from tests.helpers import jpeg_bytes

IMPORT_URL = "/admin/exhibitions/artwork/import/"
DRAFT = {"status": Status.DRAFT, "publish_at_0": "", "publish_at_1": ""}


@pytest.fixture(autouse=True)
def _staging(settings, tmp_path):
    settings.TUDOI_IMPORT_STAGING_DIR = tmp_path / "staging"


@pytest.fixture
def exhibition(db):
    return factories.ExhibitionFactory(title_vi="Chất Địa Phương", title_en="Local Essence")


# Helpers


def sample_rows() -> list[dict]:
    """The sample's works as a real catalogue: numbers 1–4, three of them published.

    Since issue 16 the sample file itself holds drafts numbered 9001–9004 (tests/test_import_safety.py); these tests
    of the import's mechanics keep the catalogue they were written for.
    """
    rows = list(csv.DictReader(io.StringIO(importing.sample_csv().decode("utf-8-sig"))))
    for row, status in zip(rows, ("published", "published", "draft", "published"), strict=True):
        row["catalogue_number"] = str(int(row["catalogue_number"]) - 9000)
        row["status"] = status
    return rows


def catalogue_csv() -> bytes:
    return to_csv(sample_rows())


def to_csv(rows: list[dict], fieldnames=None, delimiter=",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fieldnames or list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def make_zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def upload(client, exhibition, sheet: bytes, images: bytes | None = None, sheet_name: str = "catalogue.csv"):
    data = {"exhibition": exhibition.pk, "spreadsheet": SimpleUploadedFile(sheet_name, sheet)}
    if images is not None:
        data["images"] = SimpleUploadedFile("images.zip", images)
    return client.post(IMPORT_URL, data)


def confirm(client, preview, **kwargs):
    """Confirm, ticking (as the page asks when published works change) "I understand…"."""
    return client.post(IMPORT_URL, {"token": preview.context["token"], "confirm_published": "1"}, **kwargs)


def import_sample(client, exhibition):
    preview = upload(client, exhibition, catalogue_csv(), importing.sample_zip())
    assert preview.status_code == 200
    assert preview.context["plan"].problems == []
    return preview, confirm(client, preview, follow=True)


def problems(response) -> list[tuple]:
    return [(p.row, p.column, p.message) for p in response.context["plan"].problems]


def preview_rows(response) -> list[tuple]:
    return [(w.catalogue_number, w.action, w.changed) for w in response.context["plan"].works]


def media_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def form_error(response, field: str) -> list[str]:
    return list(response.context["form"].errors.get(field, []))


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# Import: the sample, twice


@pytest.mark.django_db
def test_import_sample_creates_works_artists_and_images(staff_client, exhibition):
    preview, done = import_sample(staff_client, exhibition)

    assert preview_rows(preview) == [(n, "create", preview_rows(preview)[n - 1][2]) for n in (1, 2, 3, 4)]
    assert sorted(preview.context["plan"].new_artists.values()) == [
        "Lê Bảo Ngọc",
        "Nguyễn Thu Hà",
        "Phạm Quang Huy",
        "Trần Minh Khoa",
    ]
    assert done.redirect_chain[-1][0] == f"/admin/exhibitions/artwork/?exhibition__id__exact={exhibition.pk}"
    assert messages_of(done) == [
        "Catalogue of “Local Essence” imported. Works created: 4, updated: 0, unchanged: 0. New artists: 4."
    ]
    works = {w.catalogue_number: w for w in exhibition.artworks.prefetch_related("artists")}
    assert {n: (w.title_vi, w.title_en, w.year, w.status) for n, w in works.items()} == {
        1: ("Phố cổ mùa đông", "The old quarter in winter", 2025, Status.PUBLISHED),
        2: ("Ruộng bậc thang Mù Cang Chải", "The terraces of Mu Cang Chai", 2024, Status.PUBLISHED),
        3: ("Chợ nổi Cái Răng", "Cai Rang floating market", 2025, Status.DRAFT),
        4: ("Đèn lồng Hội An", "Lanterns of Hoi An", 2023, Status.PUBLISHED),
    }
    assert sorted(a.name for a in works[3].artists.all()) == ["Lê Bảo Ngọc", "Trần Minh Khoa"]
    assert works[1].artists.get() == works[2].artists.get()
    first = works[1]
    assert (first.medium_vi, first.medium_en, first.technique, first.region) == (
        "Màu nước trên giấy",
        "Watercolour on paper",
        "hand",
        "city",
    )
    assert (str(first.width_cm), str(first.height_cm)) == ("42.0", "59.4")
    assert (first.credit_en, first.rights_vi) == ("Photo: the organisers", "© Nguyễn Thu Hà")
    # A new artist is published with a published work, kept as a draft with a draft one only.
    assert dict(Artist.objects.values_list("name", "status")) == {
        "Nguyễn Thu Hà": Status.PUBLISHED,
        "Trần Minh Khoa": Status.DRAFT,
        "Lê Bảo Ngọc": Status.DRAFT,
        "Phạm Quang Huy": Status.PUBLISHED,
    }


@pytest.mark.django_db
def test_import_sample_twice_creates_each_work_and_artist_once(staff_client, exhibition, settings):
    import_sample(staff_client, exhibition)
    files = media_files(settings)

    preview, done = import_sample(staff_client, exhibition)

    assert preview_rows(preview) == [(n, "unchanged", []) for n in (1, 2, 3, 4)]
    assert preview.context["plan"].new_artists == {}
    assert messages_of(done) == [
        "Catalogue of “Local Essence” imported. Works created: 0, updated: 0, unchanged: 4. New artists: 0."
    ]
    assert (Artwork.objects.count(), Artist.objects.count()) == (4, 4)
    assert media_files(settings) == files  # the same images are not stored again


@pytest.mark.django_db
def test_import_second_run_updates_what_changed(staff_client, exhibition):
    import_sample(staff_client, exhibition)
    rows = sample_rows()
    rows[0]["title_en"] = "Old quarter, a winter morning"
    rows[1]["artists"] = "NGUYEN THU HA; Đỗ Hải Yến"  # the same artist, written without accents, and a new one
    rows[3]["year"] = "2022"
    with zipfile.ZipFile(io.BytesIO(importing.sample_zip())) as original:
        members = {info.filename: original.read(info) for info in original.infolist()}
    members["cho-noi.jpg"] = jpeg_bytes((60, 40), colour="orange")

    preview = upload(staff_client, exhibition, to_csv(rows), make_zip(members))

    assert preview_rows(preview) == [
        (1, "update", ["title_en"]),
        (2, "update", ["artists"]),
        (3, "update", ["image"]),
        (4, "update", ["year"]),
    ]
    assert preview.context["plan"].new_artists == {"do hai yen": "Đỗ Hải Yến"}
    old_image = Artwork.objects.get(catalogue_number=3).image.name

    confirm(staff_client, preview)

    works = {w.catalogue_number: w for w in Artwork.objects.all()}
    assert works[1].title_en == "Old quarter, a winter morning"
    assert sorted(a.name for a in works[2].artists.all()) == ["Nguyễn Thu Hà", "Đỗ Hải Yến"]
    assert works[4].year == 2022
    assert works[3].image.name != old_image
    with works[3].image.open() as stored, Image.open(stored) as picture:
        assert picture.getpixel((5, 5))[0] > 200  # the orange one
    assert Artist.objects.count() == 5


@pytest.mark.django_db
def test_import_stores_images_re_encoded_so_renditions_can_be_made(staff_client, exhibition):
    rows = sample_rows()[:1]
    comment = b"<script>alert(1)</script>"
    preview = upload(
        staff_client, exhibition, to_csv(rows), make_zip({"Photos/PHO-CO.JPG": jpeg_bytes((60, 40), comment=comment)})
    )
    confirm(staff_client, preview)

    work = Artwork.objects.get()
    assert work.image.name == "artworks/pho-co.jpg"
    with work.image.open() as stored:
        data = stored.read()
    assert comment not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert (picture.format, picture.size) == ("JPEG", (60, 40))
    rendition = renditions.stored(work.image, "200x250c")  # made when the import saved the work
    assert (rendition.width, rendition.height) == (32, 40)
    assert work.image.storage.exists(rendition.name)


@pytest.mark.django_db
def test_import_matches_artists_by_folded_name_and_works_by_number(staff_client, exhibition):
    known = factories.ArtistFactory(name="Nguyễn Thu Hà")
    other = factories.ExhibitionFactory()
    elsewhere = factories.ArtworkFactory(exhibition=other, catalogue_number=1)
    existing = factories.ArtworkFactory(exhibition=exhibition, catalogue_number=2, title_vi="Cũ")
    rows = sample_rows()[:2]
    for row in rows:
        row["artists"] = " nguyen   THU ha ; Nguyễn Thu Hà"
        row["image"] = ""

    preview = upload(staff_client, exhibition, to_csv(rows))
    confirm(staff_client, preview)

    assert [(w.catalogue_number, w.action) for w in preview.context["plan"].works] == [(1, "create"), (2, "update")]
    assert Artist.objects.filter(name__icontains="thu").get() == known
    assert list(exhibition.artworks.order_by("catalogue_number").values_list("pk", flat=True))[1] == existing.pk
    assert [list(w.artists.all()) for w in exhibition.artworks.order_by("catalogue_number")] == [[known], [known]]
    elsewhere.refresh_from_db()
    assert elsewhere.exhibition == other


@pytest.mark.django_db
def test_import_reads_xlsx_and_semicolon_csv(staff_client, exhibition):
    rows = sample_rows()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append([int(v) if k in {"catalogue_number", "year"} else v for k, v in row.items()])
    xlsx = io.BytesIO()
    workbook.save(xlsx)

    from_xlsx = upload(staff_client, exhibition, xlsx.getvalue(), importing.sample_zip(), "catalogue.xlsx")
    rows[0]["width_cm"] = "42,5"  # a Vietnamese Excel writes decimal commas and separates cells with ";"
    from_csv = upload(staff_client, exhibition, to_csv(rows, delimiter=";"), importing.sample_zip())

    assert problems(from_xlsx) == []
    assert [w.catalogue_number for w in from_xlsx.context["plan"].works] == [1, 2, 3, 4]
    assert problems(from_csv) == []
    assert [w.title for w in from_csv.context["plan"].works][2] == "Chợ nổi Cái Răng"
    assert from_csv.context["plan"].works[0].form.cleaned_data["width_cm"] == Decimal("42.5")


@pytest.mark.django_db
def test_import_that_fails_while_saving_leaves_no_files(exhibition, settings):
    sheet = importing.read_sheet("catalogue.csv", catalogue_csv())
    archive = importing.ImageArchive(SimpleUploadedFile("images.zip", importing.sample_zip()))
    plan = importing.plan_import(
        exhibition=exhibition, sheet=sheet, images=importing.ZipImages(archive, importing.Staging.create())
    )
    # Work 3 appears after the plan was made (the admin view checks for this; here the database refuses it).
    factories.ArtworkFactory(exhibition=exhibition, catalogue_number=3)

    with pytest.raises(IntegrityError):
        importing.apply_import(plan)

    assert (Artwork.objects.count(), Artist.objects.count()) == (1, 1)
    assert media_files(settings) == []


# Import: problems are reported by row and column, and nothing is saved


def assert_nothing_saved(settings):
    assert (Artwork.objects.count(), Artist.objects.count()) == (0, 0)
    assert media_files(settings) == []
    assert list(Path(settings.TUDOI_IMPORT_STAGING_DIR).glob("*/*")) == []


@pytest.mark.django_db
def test_import_missing_image_and_bad_year_are_reported_by_row_and_column(staff_client, exhibition, settings):
    rows = sample_rows()
    rows[1]["year"] = "20255"
    rows[2]["image"] = "khong-co.jpg"
    rows[3]["year"] = "khoảng 2020"

    response = upload(staff_client, exhibition, to_csv(rows), importing.sample_zip())

    assert response.status_code == 200
    assert problems(response) == [
        (3, "year (E)", "A work cannot be dated after 2027."),
        (4, "image (X)", "“khong-co.jpg” is not in the ZIP."),
        (5, "year (E)", "Enter a whole number."),
    ]
    assert "token" not in response.context or response.context["token"] is None
    page = response.content.decode()
    assert "Nothing was imported: 3 problems to fix." in page
    assert "<td>4</td><td>image (X)</td><td>“khong-co.jpg” is not in the ZIP.</td>" in page
    assert_nothing_saved(settings)


@pytest.mark.django_db
def test_import_reports_every_kind_of_bad_row(staff_client, exhibition, settings):
    factories.ArtistFactory(name="Nguyễn Thu Hà")
    factories.ArtistFactory(name="NGUYEN THU HA")
    rows = sample_rows()
    rows[0]["artists"] = "Nguyen Thu Ha"
    rows[1] |= {"title_vi": "", "width_cm": "-3", "technique": "oil"}
    rows[2] |= {"catalogue_number": "1", "artists": " ; "}
    rows[3] |= {"alt_text_vi": "", "status": "published", "height_cm": "30,5"}
    rows.append({**rows[3], "catalogue_number": "zero", "status": "maybe", "image": ""})

    response = upload(staff_client, exhibition, to_csv(rows), importing.sample_zip())

    assert problems(response) == [
        (2, "artists (D)", "“Nguyen Thu Ha” matches 2 artists already in the admin: merge them first."),
        (3, "title_vi (B)", "This field is required."),
        (3, "technique (H)", "Select a valid choice. oil is not one of the available choices."),
        (3, "width_cm (J)", "Enter a size greater than 0."),
        (3, "artists (D)", "“Nguyễn Thu Hà” matches 2 artists already in the admin: merge them first."),
        (4, "catalogue_number (A)", "Catalogue number 1 is also on row 2."),
        (4, "artists (D)", "At least one artist is required."),
        (
            5,
            "alt_text_vi (P)",
            "A published work needs alt text in Vietnamese: describe the image, or keep it as a draft.",
        ),
        (6, "catalogue_number (A)", "Enter a whole number."),
        (6, "status (Y)", "Select a valid choice. maybe is not one of the available choices."),
    ]
    assert Artwork.objects.count() == 0
    assert Artist.objects.count() == 2
    assert media_files(settings) == []


@pytest.mark.django_db
def test_import_refuses_a_fake_or_too_big_image_by_row(staff_client, exhibition, settings):
    settings.TUDOI_IMAGE_MAX_BYTES = 20_000
    rows = sample_rows()[:2]
    images = make_zip({"pho-co.jpg": b"<html><script>alert(1)</script></html>", "ruong-bac-thang.png": bytes(30_000)})

    response = upload(staff_client, exhibition, to_csv(rows), images)

    assert problems(response) == [
        (
            2,
            "image (X)",
            "Upload a JPEG, PNG or WebP image. This file is not one (SVG and other formats are not accepted).",
        ),
        (
            3,
            "image (X)",
            "This file is 0.1 MB; images may be at most 0.1 MB. Please upload a smaller version.",
        ),
    ]
    assert_nothing_saved(settings)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../../evil.jpg", "/etc/evil.jpg", "anh\\..\\..\\evil.jpg", "C:/evil.jpg"])
def test_import_refuses_a_zip_with_an_unsafe_member_name(staff_client, exhibition, settings, name):
    rows = sample_rows()[:1]
    rows[0]["image"] = "evil.jpg"

    response = upload(staff_client, exhibition, to_csv(rows), make_zip({name: jpeg_bytes((60, 40))}))

    assert response.status_code == 200
    assert form_error(response, "images") == [
        f"The ZIP contains a file with an unsafe name (“{name}”): nothing was imported."
    ]
    assert_nothing_saved(settings)
    assert not (Path(settings.MEDIA_ROOT).parent / "evil.jpg").exists()


@pytest.mark.django_db
def test_import_refuses_a_zip_that_unpacks_too_big(staff_client, exhibition, settings, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ZIP_BYTES", 5 * importing.MEGABYTE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.jpg", bytes(6 * importing.MEGABYTE))  # a few KB compressed

    response = upload(staff_client, exhibition, to_csv(sample_rows()[:1]), out.getvalue())

    assert len(out.getvalue()) < 100_000
    assert form_error(response, "images") == [
        "The ZIP unpacks to more than 5 MB: split the images into several imports."
    ]
    assert_nothing_saved(settings)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "name", "data", "message"),
    [
        ("spreadsheet", "catalogue.csv", b"", "The submitted file is empty."),
        ("spreadsheet", "catalogue.txt", b"a,b\n1,2\n", "Upload the spreadsheet as a .csv or .xlsx file."),
        (
            "spreadsheet",
            "catalogue.xls",
            b"\xd0\xcf\x11\xe0",
            "Save the spreadsheet as .xlsx or as CSV UTF-8, then upload it again.",
        ),
        (
            "spreadsheet",
            "catalogue.csv",
            "catalogue_number,title_vi,artists\n1,Mùa thu,Hà\n".encode("latin-1"),
            "The CSV file is not UTF-8 text. In Excel choose “CSV UTF-8”, or upload the .xlsx file.",
        ),
        (
            "spreadsheet",
            "catalogue.csv",
            b"catalogue_number,title_vi,artists\n",
            "The spreadsheet has a header row but no works under it.",
        ),
        (
            "spreadsheet",
            "catalogue.xlsx",
            b"PK\x03\x04 not really",
            "This .xlsx file could not be read. Save it again from Excel or as CSV.",
        ),
        (
            "spreadsheet",
            "catalogue.csv",
            b"a\x00b,c\n1,2\n",
            "The CSV file could not be read: check that it is a plain CSV file.",
        ),
        ("images", "images.zip", b"this is not a zip", "The images file is not a ZIP archive."),
        ("images", "images.zip", b"", "The submitted file is empty."),
    ],
)
def test_import_bad_files_get_a_clear_message(staff_client, exhibition, settings, field, name, data, message):
    files = {"spreadsheet": SimpleUploadedFile("catalogue.csv", catalogue_csv())}
    files[field] = SimpleUploadedFile(name, data)

    response = staff_client.post(IMPORT_URL, {"exhibition": exhibition.pk, **files})

    assert response.status_code == 200
    assert form_error(response, field) == [message]
    assert response.context["form"]["exhibition"].value() == str(exhibition.pk)  # what was chosen is kept
    assert_nothing_saved(settings)


@pytest.mark.django_db
def test_import_header_problems_are_reported_on_row_one(staff_client, exhibition, settings):
    sheet = "catalogue number;Title_VI;tittle_en;;image\n1;Phố cổ;Old;stray;a.jpg\n".encode()

    response = upload(staff_client, exhibition, sheet)

    assert problems(response) == [
        (1, "tittle_en (C)", "Unknown column: check its name against the list below."),
        (1, "D", "This column has values but no name in the first row."),
        (1, "artists", "This column is required."),
    ]
    assert_nothing_saved(settings)


@pytest.mark.django_db
def test_import_without_zip_updates_texts_and_keeps_images(staff_client, exhibition):
    import_sample(staff_client, exhibition)
    image = Artwork.objects.get(catalogue_number=1).image.name
    rows = sample_rows()
    rows[0]["caption_en"] = "Roofs in the mist."

    preview = upload(staff_client, exhibition, to_csv(rows))
    confirm(staff_client, preview)

    assert preview_rows(preview)[0] == (1, "update", ["caption_en"])
    assert "No ZIP was uploaded: the image column is ignored and images stay as they are." in (
        preview.context["plan"].notes
    )
    work = Artwork.objects.get(catalogue_number=1)
    assert (work.caption_en, work.image.name) == ("Roofs in the mist.", image)


# Preview, then confirm


@pytest.mark.django_db
def test_import_preview_shows_changes_and_saves_nothing_until_confirmed(staff_client, exhibition, settings):
    factories.ArtworkFactory(exhibition=exhibition, catalogue_number=2, title_vi="Ruộng bậc thang Mù Cang Chải")
    artworks, artists = Artwork.objects.count(), Artist.objects.count()

    preview = upload(staff_client, exhibition, catalogue_csv(), importing.sample_zip())

    assert (Artwork.objects.count(), Artist.objects.count(), media_files(settings)) == (artworks, artists, [])
    document = html5lib.parse(preview.content.decode(), namespaceHTMLElements=False)
    table = document.find(".//table[@id='import-preview-list']")
    cells = [[" ".join("".join(td.itertext()).split()) for td in tr.findall("td")] for tr in table.iter("tr")][1:]
    assert [row[:4] for row in cells] == [
        ["2", "1", "Phố cổ mùa đông", "New work"],
        ["3", "2", "Ruộng bậc thang Mù Cang Chải", cells[1][3]],
        ["4", "3", "Chợ nổi Cái Răng", "New work"],
        ["5", "4", "Đèn lồng Hội An", "New work"],
    ]
    assert cells[1][3].startswith("Update: title_en, year,")
    assert cells[2][4] == "Trần Minh Khoa (new); Lê Bảo Ngọc (new)"
    assert cells[3][5] == "hoi-an.jpg (new)"
    assert document.find(".//input[@name='token']").get("value") == preview.context["token"]

    done = confirm(staff_client, preview, follow=True)

    assert messages_of(done) == [
        "Catalogue of “Local Essence” imported. Works created: 3, updated: 1, unchanged: 0. New artists: 4."
    ]
    assert Artwork.objects.filter(exhibition=exhibition).count() == 4
    assert list(Path(settings.TUDOI_IMPORT_STAGING_DIR).iterdir()) == []  # the staged files are gone


@pytest.mark.django_db
def test_import_confirm_applies_only_what_was_previewed(staff_client, exhibition):
    preview = upload(staff_client, exhibition, catalogue_csv(), importing.sample_zip())
    # Someone adds work 2 by hand between the preview and the confirmation.
    factories.ArtworkFactory(exhibition=exhibition, catalogue_number=2, title_vi="Khác")

    changed = confirm(staff_client, preview, follow=True)

    assert messages_of(changed) == [
        "The catalogue changed since your preview: check the changes below, then confirm again."
    ]
    assert [w.action for w in changed.context["plan"].works] == ["create", "update", "create", "create"]
    assert Artwork.objects.count() == 1

    done = confirm(staff_client, changed, follow=True)

    assert messages_of(done)[-1].startswith("Catalogue of “Local Essence” imported. Works created: 3, updated: 1")
    assert Artwork.objects.get(catalogue_number=2).title_vi == "Ruộng bậc thang Mù Cang Chải"


@pytest.mark.django_db
def test_import_confirm_with_an_unknown_or_used_token_saves_nothing(staff_client, exhibition, client):
    preview = upload(staff_client, exhibition, catalogue_csv(), importing.sample_zip())
    other = User.objects.create_superuser("other", "other@example.com", "pw")
    client.force_login(other)
    StaffPreference.objects.create(user=other, admin_language="en")  # reads the admin in English, as staff_client

    stolen = confirm(client, preview, follow=True)  # another admin session cannot confirm this preview
    forged = staff_client.post(IMPORT_URL, {"token": "../../etc"}, follow=True)

    assert Artwork.objects.count() == 0
    message = "This preview is no longer available: it expired or a newer upload replaced it. Upload the files again."
    assert messages_of(stolen) == [message]
    assert messages_of(forged) == [message]
    assert stolen.redirect_chain == [(IMPORT_URL, 302)]

    confirm(staff_client, preview, follow=True)
    replay = confirm(staff_client, preview, follow=True)

    assert Artwork.objects.count() == 4
    assert messages_of(replay) == [message]


# Access


@pytest.mark.django_db
@pytest.mark.parametrize("url", [IMPORT_URL, IMPORT_URL + "sample.csv", IMPORT_URL + "sample.zip"])
def test_import_is_for_staff_with_permission_only(client, exhibition, url):
    anonymous = client.get(url)
    user = User.objects.create_user("visitor", password="pw")
    client.force_login(user)
    visitor = client.get(url)
    user.is_staff = True
    user.save()
    staff_without_permission = client.get(url)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["add_artwork", "change_artwork", "view_artwork", "add_artist", "view_exhibition"]
        )
    )
    allowed = client.get(url)

    assert anonymous.status_code == visitor.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert staff_without_permission.status_code == 403
    assert allowed.status_code == 200
    posted = client.post(IMPORT_URL, {"token": "x"})
    assert posted.status_code == 302  # a staff member with permission; nothing to confirm


@pytest.mark.django_db
def test_import_page_documents_columns_and_offers_the_sample(staff_client, exhibition):
    page = staff_client.get(f"{IMPORT_URL}?exhibition={exhibition.pk}")
    sheet = staff_client.get(IMPORT_URL + "sample.csv")
    images = staff_client.get(IMPORT_URL + "sample.zip")

    html = page.content.decode()
    assert page.context["form"]["exhibition"].value() == str(exhibition.pk)
    for column in importing.COLUMN_NAMES:
        assert f"<code>{column}</code>" in html
    assert 'href="/admin/exhibitions/artwork/import/sample.csv"' in html
    assert sheet["Content-Disposition"] == 'attachment; filename="artworks-sample.csv"'
    assert sheet.content.startswith("\ufeffcatalogue_number,title_vi,".encode())
    with zipfile.ZipFile(io.BytesIO(images.content)) as archive:
        assert sorted(archive.namelist()) == ["anh/Hoi-An.JPG", "cho-noi.jpg", "pho-co.jpg", "ruong-bac-thang.png"]
    rows = list(csv.DictReader(io.StringIO(sheet.content.decode("utf-8-sig"))))
    assert len(rows) == 4
    assert [r["artists"] for r in rows].count("Nguyễn Thu Hà") == 2


@pytest.mark.django_db
def test_import_page_speaks_vietnamese(admin_client, exhibition):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"

    response = upload(admin_client, exhibition, b"catalogue_number;title_vi\n1;x\n")

    html = response.content.decode()
    assert "Nhập danh mục" in html
    assert ("artists", "Cột này là bắt buộc.") in [(p.column, p.message) for p in response.context["plan"].problems]


@pytest.mark.django_db
def test_artwork_changelist_links_to_the_import_and_shows_thumbnails(staff_client, exhibition):
    import_sample(staff_client, exhibition)

    response = staff_client.get(f"/admin/exhibitions/artwork/?exhibition__id__exact={exhibition.pk}")

    html = response.content.decode()
    assert f'href="/admin/exhibitions/artwork/import/?exhibition={exhibition.pk}"' in html
    assert html.count('<img src="/media/renditions/') == 4


# Admin: alt text before publishing


def artwork_data(exhibition, artist, **changes) -> dict:
    return {
        "exhibition": exhibition.pk,
        "catalogue_number": "7",
        "title_vi": "Phố cổ mùa đông",
        "title_en": "The old quarter in winter",
        "slug": "",
        "artists": [artist.pk],
        "year": "2025",
        "medium_vi": "",
        "medium_en": "",
        "technique": "",
        "region": "",
        "width_cm": "",
        "height_cm": "",
        "alt_text_vi": "",
        "alt_text_en": "",
        **DRAFT,
        **changes,
    }


@pytest.mark.django_db
def test_admin_draft_may_lack_alt_text_but_a_published_work_may_not(staff_client, exhibition):
    artist = factories.ArtistFactory()
    add = "/admin/exhibitions/artwork/add/"

    refused = staff_client.post(add, artwork_data(exhibition, artist, status=Status.PUBLISHED))
    draft = staff_client.post(add, artwork_data(exhibition, artist))

    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors == {
        "alt_text_vi": ["A published work needs alt text in Vietnamese: describe the image, or keep it as a draft."]
    }
    assert draft.status_code == 302
    work = Artwork.objects.get()
    assert (work.status, work.alt_text_vi or "") == (Status.DRAFT, "")

    still_refused = staff_client.post(
        f"/admin/exhibitions/artwork/{work.pk}/change/",
        artwork_data(exhibition, artist, slug=work.slug, status=Status.PUBLISHED, alt_text_en="Roofs in the mist."),
    )
    published = staff_client.post(
        f"/admin/exhibitions/artwork/{work.pk}/change/",
        artwork_data(exhibition, artist, slug=work.slug, status=Status.PUBLISHED, alt_text_vi="Mái ngói trong sương."),
    )

    assert list(still_refused.context["adminform"].form.errors) == ["alt_text_vi"]
    assert published.status_code == 302
    assert Artwork.objects.published().get() == work


@pytest.mark.django_db
def test_admin_publish_action_refuses_works_without_alt_text(staff_client, exhibition):
    ready = factories.ArtworkFactory(exhibition=exhibition, catalogue_number=1)
    blank = factories.ArtworkFactory(exhibition=exhibition, catalogue_number=2, title_en="Market", alt_text_vi="")
    null = factories.ArtworkFactory(exhibition=exhibition, catalogue_number=3, title_en="Lanterns", alt_text_vi=None)

    response = staff_client.post(
        "/admin/exhibitions/artwork/",
        {"action": "publish", "_selected_action": [ready.pk, blank.pk, null.pk], "confirm": "yes"},
        follow=True,
    )

    reason = "A published work needs alt text in Vietnamese: describe the image, or keep it as a draft."
    assert messages_of(response) == [
        f"2 artworks not published: 2. Market: {reason} 3. Lanterns: {reason}",
        "1 artwork published.",
    ]
    assert list(Artwork.objects.published()) == [ready]


@pytest.mark.django_db
def test_admin_exhibition_inline_refuses_publishing_without_alt_text(staff_client):
    from tests.test_admin import admin_url, inline_data

    exhibition = factories.ExhibitionFactory()
    artist = factories.ArtistFactory()
    url = admin_url(Exhibition, "change", exhibition.pk)
    page = staff_client.get(url)
    data = {
        "title_vi": exhibition.title_vi,
        "title_en": exhibition.title_en,
        "slug": exhibition.slug,
        "starts_on": "2026-01-10",
        "ends_on": "2026-01-18",
        "venue": exhibition.venue.pk,
        "free_entry": "on",
        **DRAFT,
    }
    row = {"catalogue_number": "1", "title_vi": "Phố", "artists": [artist.pk], "alt_text_vi": "", "status": "published"}

    response = staff_client.post(url, {**data, **inline_data(page, {Artwork: [row]})})

    assert response.status_code == 200
    (inline,) = response.context["inline_admin_formsets"]
    assert inline.formset.errors[0] == {
        "alt_text_vi": ["A published work needs alt text in Vietnamese: describe the image, or keep it as a draft."]
    }
    assert Artwork.objects.count() == 0


# Admin: one catalogue number per exhibition


@pytest.mark.django_db
def test_admin_duplicate_catalogue_number_is_a_form_error(staff_client, exhibition):
    factories.ArtworkFactory(exhibition=exhibition, catalogue_number=7)
    artist = factories.ArtistFactory()

    response = staff_client.post("/admin/exhibitions/artwork/add/", artwork_data(exhibition, artist))
    elsewhere = staff_client.post(
        "/admin/exhibitions/artwork/add/", artwork_data(factories.ExhibitionFactory(), artist)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "This exhibition already has a work with this catalogue number."
    ]
    assert elsewhere.status_code == 302
    assert Artwork.objects.filter(catalogue_number=7).count() == 2


@pytest.mark.django_db
def test_admin_duplicate_catalogue_number_in_the_inline_is_a_form_error(staff_client, exhibition):
    from tests.test_admin import admin_url, inline_data

    first, second = (factories.ArtworkFactory(exhibition=exhibition, catalogue_number=n) for n in (1, 2))
    url = admin_url(Exhibition, "change", exhibition.pk)
    data = {
        "title_vi": exhibition.title_vi,
        "title_en": exhibition.title_en,
        "slug": exhibition.slug,
        "starts_on": "2026-01-10",
        "ends_on": "2026-01-18",
        "venue": exhibition.venue.pk,
        "free_entry": "on",
        **DRAFT,
    }

    def row(work, **changes):
        return {
            "id": work.pk,
            "exhibition": exhibition.pk,
            "catalogue_number": str(work.catalogue_number),
            "title_vi": work.title_vi,
            "artists": [a.pk for a in work.artists.all()],
            "alt_text_vi": work.alt_text_vi,
            "status": "draft",
            **changes,
        }

    new = {"catalogue_number": "3", "title_vi": "Mới", "artists": [factories.ArtistFactory().pk], "status": "draft"}
    renumbered = staff_client.post(
        url, {**data, **inline_data(staff_client.get(url), {Artwork: [row(first), row(second, catalogue_number="1")]})}
    )
    twice_new = staff_client.post(
        url, {**data, **inline_data(staff_client.get(url), {Artwork: [row(first), row(second), new, new]})}
    )

    message = "Two rows have the same catalogue number: each number may be used once in an exhibition."
    for response in (renumbered, twice_new):
        assert response.status_code == 200
        (inline,) = response.context["inline_admin_formsets"]
        assert list(inline.formset.non_form_errors()) == [message]
    assert sorted(Artwork.objects.values_list("catalogue_number", flat=True)) == [1, 2]
