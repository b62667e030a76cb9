"""The organisers' spreadsheet import of creative units and products, through the admin's upload, preview and
confirmation: a stable key, blank cells, sectors by name, errors by row and column, nothing saved when a row is
invalid, and calm answers to bad files."""

import csv
import io
import os
import time
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from import_export.tmp_storages import MediaStorage

from core.models import Status
from core.search import search
from events.models import Session
from events.resources import SessionResource
from exhibitors import import_admin, import_files
from exhibitors.import_admin import SAMPLES
from exhibitors.models import CreativeUnit, Product, UnitKind
from exhibitors.resources import CreativeUnitResource, ProductResource
from tests import factories
from tests.helpers import parse
from tudoi.demo.sectors import SECTORS

UNITS_SAMPLE = (SAMPLES / "creative-units.csv").read_bytes()
PRODUCTS_SAMPLE = (SAMPLES / "products.csv").read_bytes()
UNIT_SECTORS = CreativeUnit.sectors.through

pytestmark = pytest.mark.django_db


@pytest.fixture
def vi_client(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    return admin_client


@pytest.fixture
def sectors():
    """The demo's eight sectors, which the sample files name."""
    return {s.key: factories.SectorFactory(name_vi=s.name_vi, name_en=s.name_en) for s in SECTORS}


def url(model: str, view: str, *args) -> str:
    return reverse(f"admin:exhibitors_{model}_{view}", args=args)


def csv_bytes(rows, *, bom=False, encoding="utf-8", delimiter=",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode(encoding)


def upload(client, model: str, name: str, content: bytes):
    """Step one: the upload, answered with the preview (or the errors)."""
    return client.post(url(model, "import"), {"import_file": SimpleUploadedFile(name, content), "resource": "0"})


def confirm(client, model: str, preview):
    """Step two: confirm the import the preview showed (ticking, as asked, that published entries will change)."""
    initial = preview.context["confirm_form"].initial
    return client.post(url(model, "process_import"), dict(initial) | {"confirm_published": "on"}, follow=True)


def import_file(client, model: str, name: str, content: bytes):
    preview = upload(client, model, name, content)
    assert preview.status_code == 200
    assert preview.context.get("confirm_form") is not None, error_rows(preview)
    return confirm(client, model, preview)


def statuses(preview) -> list[str]:
    """The change column of the preview, row by row."""
    document = parse(preview)
    cells = document.findall(".//table[@class='import-preview']/tbody/tr/td[@class='import-type']")
    return [cell.text.strip() for cell in cells]


def error_rows(response) -> list[tuple[str, str, str]]:
    """(row, column, message) of each line of the error report (then come the value and what was expected)."""
    document = parse(response)
    rows = []
    for tr in document.findall(".//tr[@class='import-error']"):
        cells = ["".join(td.itertext()).strip() for td in tr.findall("td")]
        rows.append(tuple(cells[:3]))
    return rows


def form_errors(response) -> list[str]:
    return [str(error) for error in response.context["form"].errors.get("import_file", [])]


def unit_values(unit: CreativeUnit) -> dict:
    names = [f.column_name for f in CreativeUnitResource.fields.values()]
    values = {}
    for name in names:
        if name == "primary_sector":
            values[name] = unit.primary_sector.slug
        elif name == "other_sectors":
            values[name] = sorted(unit.sectors.values_list("slug", flat=True))
        else:
            values[name] = getattr(unit, name)
    return values


# The page and the samples


def test_import_page_explains_the_columns_and_links_the_samples(staff_client, sectors):
    response = staff_client.get(url("creativeunit", "import"))

    assert response.status_code == 200
    parse(response)
    body = response.content.decode()
    assert url("creativeunit", "import_sample", "csv") in body
    assert url("creativeunit", "import_sample", "xlsx") in body
    assert url("product", "import") in body
    for column in ("code", "name_vi", "name_en", "kind", "primary_sector", "other_sectors", "in_network", "status"):
        assert f"<code>{column}</code>" in body
    assert "Thủ công mỹ nghệ" in body and "Handicrafts" in body  # the sectors, to match by name
    assert "Craft village" in body and "<code>village</code>" in body
    assert "A blank cell keeps the current value" in body
    assert ".csv,.xlsx" in body  # only the two file types are offered


def test_import_page_is_in_vietnamese_for_a_vietnamese_admin(vi_client, sectors):
    response = vi_client.get(url("creativeunit", "import"))

    body = response.content.decode()
    assert "Ô để trống giữ nguyên giá trị hiện có" in body
    assert "Tệp mẫu" in body
    assert "Làng nghề" in body


def test_changelists_link_the_import(vi_client):
    for model in ("creativeunit", "product"):
        body = vi_client.get(url(model, "changelist")).content.decode()
        assert url(model, "import") in body
        assert "Nhập từ bảng tính" in body


def test_product_import_page_documents_its_columns_and_sample(staff_client):
    response = staff_client.get(url("product", "import"))

    body = response.content.decode()
    assert url("product", "import_sample", "xlsx") in body
    assert "Import the creative units</a> first" in body
    assert url("creativeunit", "import") in body
    for column in ("code", "unit_code", "name_vi", "retail", "wholesale", "export", "status"):
        assert f"<code>{column}</code>" in body


@pytest.mark.parametrize("model, sample", [("creativeunit", UNITS_SAMPLE), ("product", PRODUCTS_SAMPLE)])
def test_sample_files_download_as_csv_and_xlsx_with_the_same_cells(staff_client, model, sample):
    as_csv = staff_client.get(url(model, "import_sample", "csv"))
    as_xlsx = staff_client.get(url(model, "import_sample", "xlsx"))

    assert as_csv.status_code == as_xlsx.status_code == 200
    assert "attachment" in as_csv["Content-Disposition"] and ".csv" in as_csv["Content-Disposition"]
    assert b"".join(as_csv.streaming_content) == sample
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx.content))
    cells = [[cell if cell is not None else "" for cell in row] for row in book.active.iter_rows(values_only=True)]
    assert cells == list(csv.reader(io.StringIO(sample.decode("utf-8-sig"), newline="")))


def test_samples_cover_every_column_with_five_units_and_some_products():
    for sample, resource, count in ((UNITS_SAMPLE, CreativeUnitResource, 5), (PRODUCTS_SAMPLE, ProductResource, 6)):
        rows = list(csv.DictReader(io.StringIO(sample.decode("utf-8-sig"), newline="")))
        assert len(rows) == count
        assert list(rows[0]) == resource.columns()
        for column in resource.columns():
            assert any(row[column] for row in rows), column


def test_sample_download_needs_the_import_permission(client):
    user = User.objects.create_user("volunteer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_creativeunit"))
    client.force_login(user)

    assert client.get(url("creativeunit", "import_sample", "csv")).status_code == 403
    assert client.get(url("creativeunit", "import")).status_code == 403


# Importing the samples


def test_importing_the_unit_sample_twice_creates_the_units_once(staff_client, sectors):
    preview = upload(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    assert statuses(preview) == ["New"] * 5
    assert CreativeUnit.objects.count() == UNIT_SECTORS.objects.count() == 0  # the preview saves nothing

    done = confirm(staff_client, "creativeunit", preview)

    assert done.status_code == 200
    assert "Import finished: 5 added, 0 updated, 0 unchanged" in done.content.decode()
    assert CreativeUnit.objects.count() == 5
    pottery = CreativeUnit.objects.get(code="MAU-001")
    assert (pottery.name_vi, pottery.name_en) == ("Xưởng gốm Mẫu Sơn (hư cấu)", "Mau Son Pottery Workshop (fictional)")
    assert pottery.kind == UnitKind.CRAFT_VILLAGE
    assert pottery.primary_sector == sectors["crafts"]
    assert set(pottery.sectors.all()) == {sectors["design"], sectors["tourism"]}
    assert pottery.description_vi.splitlines()[1].startswith("Ba thế hệ thợ gốm")
    assert (pottery.in_network, pottery.commerce_ready, pottery.export) == (True, True, False)
    assert pottery.price_band == "mid"
    assert pottery.status == Status.DRAFT  # "nháp": the samples hold drafts only (issue 16)
    assert pottery.slug == "xuong-gom-mau-son-hu-cau"
    paper = CreativeUnit.objects.get(code="MAU-002")
    assert paper.primary_sector == sectors["design"]  # "Design", the English name
    assert paper.kind == UnitKind.DESIGN_BRAND  # "Thương hiệu thiết kế", the Vietnamese label
    assert paper.website == "https://giay-do-vi-du.example"
    tailors = CreativeUnit.objects.get(code="MAU-003")
    assert tailors.primary_sector == sectors["fashion"]  # "thoi trang", without diacritics
    assert tailors.kind == UnitKind.CREATOR  # "Creator or artisan", the English label
    assert tailors.in_network is True  # "x"
    assert tailors.status == Status.DRAFT
    space = CreativeUnit.objects.get(code="MAU-005")
    assert space.status == Status.DRAFT  # no status: a draft
    assert space.price_band == ""

    again = upload(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    assert statuses(again) == ["Unchanged"] * 5
    done = confirm(staff_client, "creativeunit", again)

    assert "Import finished: 0 added, 0 updated, 5 unchanged" in done.content.decode()
    assert CreativeUnit.objects.count() == 5
    assert UNIT_SECTORS.objects.count() == 6


def test_importing_the_product_sample_twice_creates_the_products_once(staff_client, sectors):
    import_file(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)

    preview = upload(staff_client, "product", "products.csv", PRODUCTS_SAMPLE)
    assert statuses(preview) == ["New"] * 6
    confirm(staff_client, "product", preview)
    again = upload(staff_client, "product", "products.csv", PRODUCTS_SAMPLE)
    assert statuses(again) == ["Unchanged"] * 6
    confirm(staff_client, "product", again)

    assert Product.objects.count() == 6
    tea_set = Product.objects.get(code="MAU-001-P1")
    assert tea_set.unit == CreativeUnit.objects.get(code="MAU-001")
    assert (tea_set.name_vi, tea_set.name_en) == ("Bộ chén trà men lam", "Blue-glaze tea set")
    assert (tea_set.retail, tea_set.wholesale, tea_set.export) == (True, True, False)
    assert tea_set.status == Status.DRAFT  # the samples hold drafts only (issue 16)
    assert Product.objects.get(code="MAU-001-P2").order == 2
    assert Product.objects.get(code="MAU-003-P1").status == Status.DRAFT
    assert Product.objects.get(code="MAU-004-P1").status == Status.DRAFT  # blank status: a draft
    assert CreativeUnit.objects.get(code="MAU-001").products.count() == 2


@pytest.mark.parametrize(
    ("resource", "model", "per_row"),
    [(CreativeUnitResource, CreativeUnit, 4), (ProductResource, Product, 2.5), (SessionResource, Session, 9)],
)
def test_checking_a_file_of_the_demo_reads_its_rows_relations_at_once(demo_content, resource, model, per_row):
    """The preview of a file compares each row with the record as saved: the records of the file are read at once
    with their sectors (units), unit (products) or sectors, speakers and hosts (sessions), not one query more per
    relation and row (5.75, 3.35 and 9.65 queries a row before). What is left for each row is its own savepoint,
    its checks and the comparison of its lists."""

    def queries(rows: int) -> int:
        data = resource().export(model.objects.order_by("pk")[:rows])
        with CaptureQueriesContext(connection) as captured:
            result = resource().import_data(data, dry_run=True)
        assert not result.has_errors() and result.totals["skip"] == rows  # every row unchanged
        return len(captured)

    assert (queries(30) - queries(10)) / 20 <= per_row


def test_the_xlsx_sample_imports_the_same_as_the_csv_sample(staff_client, sectors):
    workbook = staff_client.get(url("creativeunit", "import_sample", "xlsx")).content
    import_file(staff_client, "creativeunit", "units.xlsx", workbook)
    products = staff_client.get(url("product", "import_sample", "xlsx")).content
    import_file(staff_client, "product", "products.xlsx", products)

    assert CreativeUnit.objects.count() == 5 and Product.objects.count() == 6
    # The CSV holds the same data: importing it after the workbook changes nothing.
    assert statuses(upload(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)) == ["Unchanged"] * 5
    assert statuses(upload(staff_client, "product", "products.csv", PRODUCTS_SAMPLE)) == ["Unchanged"] * 6


def test_an_xlsx_with_numbers_and_true_booleans_in_cells(staff_client, sectors):
    book = openpyxl.Workbook()
    book.active.append(["code", "name_vi", "kind", "primary_sector", "in_network", "export", "public_phone"])
    book.active.append([1001, "Đơn vị số", "brand", "Thiết kế", True, 0, 84900000001])
    data = io.BytesIO()
    book.save(data)

    import_file(staff_client, "creativeunit", "units.xlsx", data.getvalue())

    unit = CreativeUnit.objects.get(code="1001")
    assert (unit.in_network, unit.export, unit.public_phone) == (True, False, "84900000001")


def test_import_fills_the_search_columns(staff_client, sectors):
    import_file(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    import_file(staff_client, "product", "products.csv", PRODUCTS_SAMPLE)

    assert list(search(CreativeUnit.objects.all(), "xuong gom mau son").values_list("code", flat=True)) == ["MAU-001"]
    assert list(search(CreativeUnit.objects.all(), "pottery workshop").values_list("code", flat=True)) == ["MAU-001"]
    assert list(search(Product.objects.all(), "chen tra men lam").values_list("code", flat=True)) == ["MAU-001-P1"]

    import_file(
        staff_client,
        "creativeunit",
        "rename.csv",
        csv_bytes([["code", "name_vi"], ["MAU-001", "Lò gốm Đồng Xuân (hư cấu)"]]),
    )
    assert list(search(CreativeUnit.objects.all(), "dong xuan").values_list("code", flat=True)) == ["MAU-001"]
    assert not search(CreativeUnit.objects.all(), "xuong gom mau son").exists()


# Updating


@pytest.fixture
def existing(sectors):
    unit = factories.CreativeUnitFactory(
        code="HN-001",
        name_vi="Gốm Hồng Hà",
        name_en="Hong Ha Ceramics",
        kind=UnitKind.CRAFT_VILLAGE,
        primary_sector=sectors["crafts"],
        sectors=[sectors["design"]],
        description_vi="Mô tả cũ.",
        description_en="Old description.",
        website="https://hongha.example",
        in_network=True,
        price_band="mid",
        status=Status.PUBLISHED,
    )
    return unit


def test_blank_cells_keep_the_current_values(staff_client, existing):
    header = [f.column_name for f in CreativeUnitResource.fields.values()]
    row = dict.fromkeys(header, "") | {"code": "HN-001", "booth": "C9"}
    before = unit_values(existing)

    preview = upload(staff_client, "creativeunit", "units.csv", csv_bytes([header, [row[c] for c in header]]))
    assert statuses(preview) == ["Update"]
    confirm(staff_client, "creativeunit", preview)

    existing.refresh_from_db()
    assert unit_values(existing) == before | {"booth": "C9"}


def test_a_file_with_a_few_columns_updates_only_those(staff_client, existing):
    import_file(
        staff_client,
        "creativeunit",
        "booths.csv",
        csv_bytes([["code", "booth", "in_network"], ["HN-001", "D4", "không"]]),
    )

    existing.refresh_from_db()
    assert (existing.booth, existing.in_network, existing.description_vi) == ("D4", False, "Mô tả cũ.")
    assert CreativeUnit.objects.count() == 1


def test_a_dash_empties_an_optional_value(staff_client, existing):
    import_file(
        staff_client,
        "creativeunit",
        "clear.csv",
        csv_bytes(
            [["code", "website", "other_sectors", "price_band", "description_en"], ["HN-001", "-", "-", "-", "-"]]
        ),
    )

    existing.refresh_from_db()
    assert (existing.website, existing.price_band, existing.description_en) == ("", "", "")
    assert existing.sectors.count() == 0
    assert existing.description_vi == "Mô tả cũ."


def test_the_preview_shows_what_changes(staff_client, existing):
    preview = upload(
        staff_client, "creativeunit", "units.csv", csv_bytes([["code", "name_en"], ["HN-001", "Hong Ha Pottery"]])
    )

    assert statuses(preview) == ["Update"]
    body = preview.content.decode()
    assert "Pottery" in body and "<del" in body and "<ins" in body
    existing.refresh_from_db()
    assert existing.name_en == "Hong Ha Ceramics"


@pytest.mark.parametrize(
    "primary, others",
    [
        ("Handicrafts", "Design; Cuisine"),  # English names
        ("thu cong my nghe", "thiet ke;am thuc"),  # Vietnamese without diacritics
        ("THỦ CÔNG MỸ NGHỆ", " Thiết Kế ; ẨM THỰC "),  # capitals and spaces
        ("thu-cong-my-nghe", "thiet-ke; am-thuc"),  # slugs
    ],
)
def test_sectors_match_by_name_in_either_language_or_slug(staff_client, sectors, primary, others):
    rows = [
        ["code", "name_vi", "kind", "primary_sector", "other_sectors"],
        ["HN-009", "Gốm Chu Đậu", "village", primary, others],
    ]

    import_file(staff_client, "creativeunit", "units.csv", csv_bytes(rows))

    unit = CreativeUnit.objects.get(code="HN-009")
    assert unit.primary_sector == sectors["crafts"]
    assert set(unit.sectors.all()) == {sectors["design"], sectors["cuisine"]}


@pytest.mark.parametrize("kind", ["village", "Làng nghề", "lang nghe", "Craft village", "CRAFT VILLAGE"])
def test_kind_matches_its_code_or_its_label_in_either_language(staff_client, sectors, kind):
    rows = [["code", "name_vi", "kind", "primary_sector"], ["HN-010", "Làng gốm", kind, "thu-cong-my-nghe"]]

    import_file(staff_client, "creativeunit", "units.csv", csv_bytes(rows))

    assert CreativeUnit.objects.get(code="HN-010").kind == UnitKind.CRAFT_VILLAGE


@pytest.mark.parametrize(
    "words, expected",
    [
        (["yes", "Có", "1", "TRUE", "x"], True),
        (["no", "không", "0", "false", "KHONG"], False),
    ],
)
def test_yes_no_cells(staff_client, sectors, words, expected):
    header = ["code", "name_vi", "kind", "primary_sector"]
    header += ["in_network", "commerce_ready", "wholesale", "export", "custom_orders"]
    rows = [header, ["HN-011", "Đơn vị", "brand", "design", *words]]

    import_file(staff_client, "creativeunit", "u.csv", csv_bytes(rows))

    unit = CreativeUnit.objects.get(code="HN-011")
    assert {unit.in_network, unit.commerce_ready, unit.wholesale, unit.export, unit.custom_orders} == {expected}


@pytest.mark.parametrize("word", ["published", "Đã xuất bản", "yes", "Đã đăng"])
def test_status_published(staff_client, sectors, word):
    rows = [["code", "name_vi", "kind", "primary_sector", "status"], ["HN-012", "Đơn vị", "brand", "design", word]]

    import_file(staff_client, "creativeunit", "u.csv", csv_bytes(rows))

    assert CreativeUnit.objects.get(code="HN-012").status == Status.PUBLISHED


# Errors: reported by row and column, and nothing saved


INVALID_UNITS = [
    ["code", "name_vi", "kind", "primary_sector", "other_sectors", "in_network"],
    ["HN-101", "Đơn vị hợp lệ", "village", "Thủ công mỹ nghệ", "Thiết kế", "có"],  # row 2: valid
    ["HN-102", "Sai ngành", "village", "Gốm sứ", "", ""],  # row 3: unknown sector
    ["HN-103", "Sai có/không", "brand", "design", "", "có lẽ"],  # row 4: bad yes/no
    ["HN-104", "", "brand", "design", "", ""],  # row 5: no Vietnamese name
    ["HN-105", "Sai ngành phụ", "brand", "design", "Thiết kế; Điêu khắc", ""],  # row 6: unknown other sector
    ["", "Không mã", "brand", "design", "", ""],  # row 7: no code
    ["HN-101", "Trùng mã", "brand", "design", "", ""],  # row 8: the code of row 2 again
    ["HN-108", "Sai loại", "xưởng", "design", "", ""],  # row 9: unknown kind
]


def test_invalid_rows_are_reported_by_row_and_column_and_nothing_is_saved(staff_client, sectors):
    response = upload(staff_client, "creativeunit", "units.csv", csv_bytes(INVALID_UNITS))

    assert response.status_code == 200
    assert response.context.get("confirm_form") is None  # no way to confirm
    errors = error_rows(response)
    assert [(row, column) for row, column, _message in errors] == [
        ("3", "primary_sector"),
        ("4", "in_network"),
        ("5", "name_vi"),
        ("6", "other_sectors"),
        ("7", "code"),
        ("8", "code"),
        ("9", "kind"),
    ]
    messages = {(row, column): message for row, column, message in errors}
    assert "Unknown sector “Gốm sứ”" in messages["3", "primary_sector"]
    assert "“có lẽ” is not yes or no" in messages["4", "in_network"]
    assert "must be filled in for a new creative unit" in messages["5", "name_vi"]
    assert "Unknown sector “Điêu khắc”" in messages["6", "other_sectors"]
    assert "Every row needs a code" in messages["7", "code"]
    assert "already used on row 2" in messages["8", "code"]
    assert "Unknown kind of unit “xưởng”" in messages["9", "kind"]
    assert CreativeUnit.objects.count() == 0
    assert UNIT_SECTORS.objects.count() == 0


def waiting_uploads(settings) -> list[str]:
    folder = Path(settings.TUDOI_PRIVATE_MEDIA_ROOT) / import_admin.UPLOADS_FOLDER
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_a_file_with_errors_is_not_kept_on_the_server(staff_client, sectors, settings):
    upload(staff_client, "creativeunit", "units.csv", csv_bytes(INVALID_UNITS))

    assert waiting_uploads(settings) == []


def test_the_upload_waits_in_the_shared_private_folder_until_it_is_confirmed(staff_client, sectors, settings):
    """Not in MEDIA_ROOT (public) nor in a temporary folder of one server: another instance may confirm it."""
    preview = upload(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    initial = preview.context["confirm_form"].initial
    assert waiting_uploads(settings) == [initial["import_file_name"]]
    assert not Path(settings.MEDIA_ROOT, import_admin.UPLOADS_FOLDER).exists()

    staff_client.post(url("creativeunit", "process_import"), dict(initial))

    assert CreativeUnit.objects.count() == 5
    assert waiting_uploads(settings) == []


def test_an_upload_never_confirmed_is_removed_a_day_later(staff_client, sectors, settings):
    upload(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    (forgotten,) = waiting_uploads(settings)
    stale = time.time() - 25 * 3600
    os.utime(Path(settings.TUDOI_PRIVATE_MEDIA_ROOT) / import_admin.UPLOADS_FOLDER / forgotten, (stale, stale))

    upload(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)

    assert forgotten not in waiting_uploads(settings) and len(waiting_uploads(settings)) == 1


def test_errors_are_in_vietnamese_for_a_vietnamese_admin(vi_client, sectors):
    response = upload(vi_client, "creativeunit", "units.csv", csv_bytes(INVALID_UNITS[:3]))

    body = response.content.decode()
    assert "Không có gì được nhập" in body
    assert [(row, column) for row, column, _m in error_rows(response)] == [("3", "primary_sector")]
    assert "Không có ngành “Gốm sứ”" in error_rows(response)[0][2]


def test_row_numbers_count_multiline_cells_and_blank_rows_as_the_spreadsheet_does(staff_client, sectors):
    rows = [
        ["code", "name_vi", "kind", "primary_sector", "description_vi"],
        ["HN-201", "Một", "brand", "design", "Dòng một\nDòng hai\nDòng ba"],  # row 2, three lines of text
        ["", "", "", "", ""],  # row 3, blank
        ["HN-203", "Ba", "brand", "nowhere", ""],  # row 4
    ]

    response = upload(staff_client, "creativeunit", "units.csv", csv_bytes(rows))

    assert [(row, column) for row, column, _m in error_rows(response)] == [("4", "primary_sector")]


def test_xlsx_row_numbers_skip_blank_rows_but_keep_counting(staff_client, sectors):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "name_vi", "kind", "primary_sector"])
    sheet.append(["HN-301", "Một", "brand", "design"])
    sheet.cell(row=6, column=1, value="HN-306")
    sheet.cell(row=6, column=2, value="Sáu")
    sheet.cell(row=6, column=3, value="brand")
    sheet.cell(row=6, column=4, value="không có")
    data = io.BytesIO()
    book.save(data)

    response = upload(staff_client, "creativeunit", "units.xlsx", data.getvalue())

    assert [(row, column) for row, column, _m in error_rows(response)] == [("6", "primary_sector")]
    assert CreativeUnit.objects.count() == 0


def test_invalid_product_rows_save_no_product(staff_client, sectors):
    import_file(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    rows = [
        ["code", "unit_code", "name_vi", "retail", "order"],
        ["MAU-001-P9", "MAU-001", "Hợp lệ", "có", "1"],
        ["MAU-009-P1", "MAU-009", "Không có đơn vị", "có", "1"],
        ["MAU-001-P8", "MAU-001", "Sai số", "có", "một"],
        ["MAU-001-P7", "", "Không đơn vị", "", ""],
    ]

    response = upload(staff_client, "product", "products.csv", csv_bytes(rows))

    assert [(row, column) for row, column, _m in error_rows(response)] == [
        ("3", "unit_code"),
        ("4", "order"),
        ("5", "unit_code"),
    ]
    assert "No creative unit has the code “MAU-009”" in error_rows(response)[0][2]
    assert Product.objects.count() == 0


def test_model_validation_errors_are_reported_by_column(staff_client, sectors):
    rows = [
        ["code", "name_vi", "kind", "primary_sector", "public_email", "website"],
        ["HN-401", "Một", "brand", "design", "not an address", "http://"],
    ]

    response = upload(staff_client, "creativeunit", "units.csv", csv_bytes(rows))

    assert sorted((row, column) for row, column, _m in error_rows(response)) == [
        ("2", "public_email"),
        ("2", "website"),
    ]


def test_nothing_is_saved_when_a_row_becomes_invalid_between_preview_and_confirmation(staff_client, sectors):
    rows = [
        ["code", "name_vi", "kind", "primary_sector", "other_sectors"],
        ["HN-501", "Một", "village", "thu-cong-my-nghe", "design; cuisine"],
        ["HN-502", "Hai", "village", "Handicrafts", "Du lịch văn hóa"],
    ]
    preview = upload(staff_client, "creativeunit", "units.csv", csv_bytes(rows))
    assert statuses(preview) == ["New", "New"]
    sectors["tourism"].delete()  # someone removes a sector the second row names

    response = confirm(staff_client, "creativeunit", preview)

    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    assert [(row, column) for row, column, _m in error_rows(response)] == [("3", "other_sectors")]
    assert CreativeUnit.objects.count() == 0
    assert UNIT_SECTORS.objects.count() == 0  # the first row's sectors were not kept either


def test_nothing_is_saved_when_a_product_row_becomes_invalid_at_confirmation(staff_client, sectors):
    import_file(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    preview = upload(staff_client, "product", "products.csv", PRODUCTS_SAMPLE)
    CreativeUnit.objects.filter(code="MAU-005").update(code="MAU-005-OLD")

    response = confirm(staff_client, "product", preview)

    assert [(row, column) for row, column, _m in error_rows(response)] == [("7", "unit_code")]
    assert Product.objects.count() == 0


def test_a_confirmation_of_a_file_that_is_gone_answers_calmly(staff_client, sectors):
    preview = upload(staff_client, "creativeunit", "units.csv", UNITS_SAMPLE)
    initial = preview.context["confirm_form"].initial
    MediaStorage(name=initial["import_file_name"]).remove()

    response = staff_client.post(url("creativeunit", "process_import"), dict(initial), follow=True)

    assert response.status_code == 200
    assert "Please upload it again" in response.content.decode()
    assert CreativeUnit.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"format": "9", "import_file_name": "x", "original_file_name": "x.csv"},
        {"format": "zero", "import_file_name": "x", "original_file_name": "x.csv"},
        {"format": "0"},
        {"format": "0", "import_file_name": "../../etc/passwd", "original_file_name": "x.csv"},
        {"format": "1", "import_file_name": "/", "original_file_name": "x.xlsx"},
    ],
)
def test_a_tampered_confirmation_answers_calmly(staff_client, data):
    response = staff_client.post(url("creativeunit", "process_import"), data, follow=True)

    assert response.status_code == 200
    assert "Please upload it again" in response.content.decode()
    assert CreativeUnit.objects.count() == 0


# Files


def test_csv_with_and_without_byte_order_mark_and_with_semicolons(staff_client, sectors):
    rows = [["code", "name_vi", "kind", "primary_sector"], ["HN-601", "Gốm Bát Tràng", "village", "thu-cong-my-nghe"]]
    for code, content in (
        ("HN-601", csv_bytes(rows, bom=True)),
        ("HN-602", csv_bytes([rows[0], ["HN-602", *rows[1][1:]]], bom=False)),
        ("HN-603", csv_bytes([rows[0], ["HN-603", *rows[1][1:]]], delimiter=";")),
    ):
        import_file(staff_client, "creativeunit", "units.csv", content)
        assert CreativeUnit.objects.get(code=code).name_vi == "Gốm Bát Tràng"


def test_headings_are_read_loosely(staff_client, sectors):
    rows = [["Code ", "Name VI", "KIND", "primary-sector"], ["HN-701", "Gốm", "village", "thu-cong-my-nghe"]]

    import_file(staff_client, "creativeunit", "units.csv", csv_bytes(rows))

    assert CreativeUnit.objects.filter(code="HN-701").exists()


def _big_csv() -> bytes:
    return csv_bytes([["code", "name_vi"]] + [[f"HN-{n}", "x" * 1000] for n in range(2200)])


def _many_rows() -> bytes:
    return csv_bytes([["code", "booth"]] + [[f"HN-{n}", "A1"] for n in range(import_files.MAX_ROWS + 1)])


def _not_a_workbook() -> bytes:
    return b"PK\x03\x04" + b"\x00" * 100


BAD_FILES = [
    ("brochure.pdf", b"%PDF-1.4 ...", "Only CSV (.csv) and Excel (.xlsx) files"),
    ("units.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "Only CSV (.csv) and Excel (.xlsx) files"),
    ("units.ods", b"PK\x03\x04", "Only CSV (.csv) and Excel (.xlsx) files"),
    ("units.csv", b"", "The submitted file is empty"),
    ("units.csv", b"\xef\xbb\xbf", "The file is empty"),
    ("units.csv", b"code,name_vi\r\n", "no rows to import"),
    ("units.xlsx", _not_a_workbook(), "could not be read as an Excel workbook"),
    ("units.xlsx", b"code,name_vi\r\nHN-1,A\r\n", "not an Excel workbook"),
    ("units.csv", "code,name_vi\r\nHN-1,Hà Đông\r\n".encode("cp1258"), "not in UTF-8"),
    ("units.csv", "code,name_vi\r\nHN-1,Gốm\r\n".encode("utf-16"), "not in UTF-8"),
    ("units.csv", b"PK\x03\x04" + b"\x00" * 100, "is an Excel workbook"),
    ("units.csv", b"name,website\r\nA,b\r\n", "no “code” column"),
    ("units.csv", b"code,name_vi,websit\r\nHN-1,A,b\r\n", "Unknown columns: websit"),
    ("units.csv", b"code,unit_code,name_vi\r\nHN-1-P1,HN-1,A\r\n", "Unknown columns: unit_code"),
    ("units.csv", b"code,code\r\nHN-1,HN-1\r\n", "appears twice"),
    ("units.csv", b"code,booth\r\nHN-1,A1,extra\r\n", "to the right of the last column heading"),
    ("units.csv", b'code,booth\r\n"HN-1,A1\r\n', None),  # an unclosed quote: read as one cell, then checked
    ("units.csv", _big_csv(), "too large"),
    ("units.csv", _many_rows(), f"more than {import_files.MAX_ROWS} rows"),
]


@pytest.mark.parametrize(
    "name, content, message", BAD_FILES, ids=[f"{i}-{n}" for i, (n, *_rest) in enumerate(BAD_FILES)]
)
def test_bad_files_get_a_clear_message_and_save_nothing(staff_client, sectors, name, content, message):
    response = upload(staff_client, "creativeunit", name, content)

    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    if message:
        assert any(message in error for error in form_errors(response)), form_errors(response)
    assert CreativeUnit.objects.count() == 0


def test_bad_file_message_in_vietnamese(vi_client):
    response = upload(vi_client, "creativeunit", "brochure.pdf", b"%PDF")

    assert "Chỉ nhập được tệp CSV (.csv) và Excel (.xlsx)" in " ".join(form_errors(response))


def test_a_post_without_a_file_answers_with_the_form(staff_client):
    response = staff_client.post(url("creativeunit", "import"), {"resource": "0"})

    assert response.status_code == 200
    assert form_errors(response)
