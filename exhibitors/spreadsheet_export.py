"""Spreadsheets written by the admin: the exports that each import reads back (and the samples as workbooks).

CSV in UTF-8 with the byte-order mark (so that Excel reads the Vietnamese as it is), or an Excel workbook whose
cells are all text (a value beginning with "=" stays text, never a formula) under bold, frozen headings.
"""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_bytes(rows) -> bytes:
    """CSV in UTF-8 with the byte-order mark, so that Excel reads the Vietnamese as it is."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def spreadsheet_response(headers, rows, name: str, extension: str) -> HttpResponse:
    if extension == "csv":
        response = HttpResponse(csv_bytes([headers, *rows]), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(workbook([headers, *rows]), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def workbook(rows) -> bytes:
    """Rows of text as an Excel workbook with bold, frozen headings."""
    book = Workbook()
    sheet = book.active
    sheet.title = "import"
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width, 8) + 2, 50)
        for cell in column[1:]:
            cell.alignment = Alignment(vertical="top", wrap_text=width > 50)
    sheet.freeze_panes = "B2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
