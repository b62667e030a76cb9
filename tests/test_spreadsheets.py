"""The one spreadsheet reader behind the units, products and catalogue imports (core/spreadsheets.py)."""

import io
import re
import unicodedata
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core import spreadsheets
from core.spreadsheets import SpreadsheetError
from exhibitions import importing
from exhibitors import import_files


def refusal(name: str, data: bytes, language: str) -> str:
    with translation.override(language), pytest.raises(SpreadsheetError) as caught:
        spreadsheets.read(name, data)
    return caught.value.message


def workbook(*rows, sheet_title="import", formula_values=None) -> bytes:
    """An .xlsx made with openpyxl; `formula_values` writes the value Excel would have cached for each formula."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if not formula_values:
        return data
    # openpyxl writes no cached value for a formula; Excel does. Add it as Excel would: <f>…</f><v>…</v>.
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(rewritten, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                for formula, value in formula_values.items():
                    cached = f"<f>{formula}</f><v>{value}</v>"
                    text = re.sub(rf"<f>{re.escape(formula)}</f>(<v\s*/>|<v></v>)?", cached, text)
                content = text.encode()
            target.writestr(info, content)
    return rewritten.getvalue()


def test_a_csv_with_byte_order_mark_and_semicolons_is_read_by_heading():
    text = "Code ;Name-VI;booth\r\nHN-1;Làng gốm Bát Tràng;A1\r\n\r\nHN-2; Phố Hiến ;\r\n"
    data = unicodedata.normalize("NFD", text).encode("utf-8-sig")  # as Excel on a Mac may write it

    table = spreadsheets.read("units.csv", data)

    assert table.kind == "csv"
    assert table.headers == ("code", "name_vi", "booth")
    assert list(table.records()) == [
        (2, {"code": "HN-1", "name_vi": "Làng gốm Bát Tràng", "booth": "A1"}),
        (4, {"code": "HN-2", "name_vi": "Phố Hiến", "booth": None}),  # row 3 was blank: left out, rows keep numbers
    ]


@pytest.mark.parametrize(
    "data",
    [
        "code,name_vi\r\nHN-1,Hà Đông\r\n".encode("cp1258"),
        "code,name_vi\r\nHN-1,Mùa thu\r\n".encode("latin-1"),
        "code,name_vi\r\nHN-1,Gốm\r\n".encode("utf-16"),
        "code,name_vi\r\nHN-1,Gốm\r\n".encode("utf-16-le"),  # no byte-order mark
    ],
    ids=["cp1258", "latin-1", "utf-16", "utf-16-le"],
)
def test_a_csv_not_in_utf8_is_refused_in_both_languages(data):
    assert refusal("units.csv", data, "en").startswith(
        "This CSV file is not in UTF-8, so its Vietnamese letters cannot be read."
    )
    assert refusal("units.csv", data, "vi").startswith(
        "Tệp CSV này không dùng bảng mã UTF-8 nên không đọc được chữ tiếng Việt."
    )


def test_an_xlsx_is_read_from_its_first_sheet_with_whole_numbers_and_blank_rows_left_out():
    data = workbook(["Code", "Name VI", "year", "width_cm"], ["HN-1", "Gốm", 2025.0, 42.5], [], [None, "  "], ["HN-2"])
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.create_sheet("other").append(["nothing", "to", "see"])
    out = io.BytesIO()
    book.save(out)

    table = spreadsheets.read("units.xlsx", out.getvalue())

    assert table.kind == "xlsx"
    assert list(table.records()) == [
        (2, {"code": "HN-1", "name_vi": "Gốm", "year": 2025, "width_cm": 42.5}),
        (5, {"code": "HN-2", "name_vi": None, "year": None, "width_cm": None}),
    ]


def test_a_formula_cell_gives_the_value_excel_computed_never_the_formula():
    with_value = workbook(["code", "total"], ["HN-1", "=2*21"], formula_values={"2*21": "42"})
    without_value = workbook(["code", "total"], ["HN-1", "=2*21"])

    assert list(spreadsheets.read("a.xlsx", with_value).records()) == [(2, {"code": "HN-1", "total": 42})]
    assert list(spreadsheets.read("a.xlsx", without_value).records()) == [(2, {"code": "HN-1", "total": None})]


def test_a_file_over_the_size_limit_is_refused_in_both_languages():
    data = b"code,name_vi\r\n" + b"HN-1," + b"x" * spreadsheets.MAX_BYTES + b"\r\n"

    assert refusal("units.csv", data, "en") == (
        "The file is too large (2.0\xa0MB); the limit is 2.0\xa0MB. Split it into smaller files."
    )
    assert refusal("units.csv", data, "vi") == (
        "Tệp quá lớn (2,0\xa0MB); giới hạn là 2,0\xa0MB. Hãy chia thành các tệp nhỏ hơn."
    )


def test_too_many_rows_are_refused_in_both_languages_and_the_limit_itself_is_read():
    def sheet(count):
        return ("code\r\n" + "".join(f"HN-{n}\r\n" for n in range(count))).encode()

    assert len(spreadsheets.read("units.csv", sheet(spreadsheets.MAX_ROWS)).rows) == 1000
    assert refusal("units.csv", sheet(1001), "en") == "The file has more than 1000 rows; split it into smaller files."
    assert refusal("units.csv", sheet(1001), "vi") == "Tệp có hơn 1000 hàng; hãy chia thành các tệp nhỏ hơn."


def test_a_million_blank_rows_are_refused_without_being_read_to_the_end():
    data = b"code\r\nHN-1\r\n" + b",\r\n" * 1_000_000

    assert refusal("units.csv", data[: spreadsheets.MAX_BYTES], "en").startswith("The file has more than 1000 rows")


@pytest.mark.parametrize(
    ("data", "english", "vietnamese"),
    [
        (
            b"code,name_vi\r\nHN-1,A\r\n",
            "This file is not an Excel workbook (.xlsx).",
            "Tệp này không phải bảng tính Excel (.xlsx).",
        ),
        (
            b"PK\x03\x04" + b"\x00" * 100,
            "This file could not be read as an Excel workbook (.xlsx). Save it again from Excel as .xlsx.",
            "Không đọc được tệp này như một bảng tính Excel (.xlsx). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
        ),
    ],
    ids=["text", "damaged-zip"],
)
def test_an_xlsx_that_is_not_a_workbook_is_refused_in_both_languages(data, english, vietnamese):
    assert refusal("units.xlsx", data, "en") == english
    assert refusal("units.xlsx", data, "vi") == vietnamese


def test_an_xlsx_that_unpacks_to_too_much_is_refused_before_openpyxl_reads_it():
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook(["code"], ["HN-1"]))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("xl/media/padding.bin", b"\x00" * (spreadsheets.MAX_XLSX_UNCOMPRESSED + 1))
    data = out.getvalue()
    assert len(data) < spreadsheets.MAX_BYTES  # small upload, big inside

    assert refusal("units.xlsx", data, "en").startswith("This file could not be read as an Excel workbook")


@pytest.mark.parametrize(
    "data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b",,,\r\nHN-1,A\r\n"], ids=["0", "bom", "blank", "no-headings"]
)
def test_an_empty_file_is_refused_in_both_languages(data):
    assert refusal("units.csv", data, "en") == "The file is empty: the first row must hold the column headings."
    assert refusal("units.csv", data, "vi") == "Tệp trống: hàng đầu tiên phải là tên các cột."


def test_an_empty_workbook_is_refused():
    assert refusal("units.xlsx", workbook(), "en") == "The file is empty: the first row must hold the column headings."


def test_a_workbook_saved_as_csv_and_other_types_are_refused_in_both_languages():
    assert refusal("units.csv", workbook(["code"], ["HN-1"]), "vi") == (
        "Tệp này là bảng tính Excel: hãy đặt đuôi tệp là .xlsx, hoặc lưu lại dưới dạng CSV UTF-8."
    )
    assert refusal("units.pdf", b"%PDF-1.4", "en").startswith("Only CSV (.csv) and Excel (.xlsx) files")
    assert refusal("units.xls", b"\xd0\xcf\x11\xe0", "vi").startswith("Chỉ nhập được tệp CSV (.csv) và Excel (.xlsx).")


def test_both_importers_refuse_the_same_number_of_rows():
    data = ("catalogue_number,title_vi,artists\r\n" + "".join(f"{n},T,A\r\n" for n in range(1, 1002))).encode()

    with translation.override("en"), pytest.raises(importing.ImportFileError) as catalogue:
        importing.read_sheet("catalogue.csv", data)
    with translation.override("en"), pytest.raises(import_files.SheetError) as units:
        import_files.read_upload(SimpleUploadedFile("units.csv", data))

    assert (
        catalogue.value.message
        == units.value.message
        == ("The file has more than 1000 rows; split it into smaller files.")
    )
    assert importing.MAX_SHEET_ROWS == import_files.MAX_ROWS == spreadsheets.MAX_ROWS
    assert importing.MAX_SHEET_BYTES == import_files.MAX_BYTES == spreadsheets.MAX_BYTES


def test_too_many_columns_and_a_binary_csv_are_refused_in_both_languages():
    wide = (",".join(f"c{n}" for n in range(51)) + "\r\n" + ",".join("x" * 51) + "\r\n").encode()
    binary = b"code,name_vi\r\nHN-1,A\x00B\r\n"

    assert refusal("units.csv", wide, "en") == "The file has more than 50 columns."
    assert refusal("units.csv", wide, "vi") == "Tệp có hơn 50 cột."
    assert refusal("units.csv", binary, "en") == "The CSV file could not be read: check that it is a plain CSV file."
    assert refusal("units.csv", binary, "vi") == "Không đọc được tệp CSV: hãy kiểm tra đó là tệp CSV thông thường."
