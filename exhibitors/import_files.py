"""The units and products imports' files: core/spreadsheets.py reads them, this makes a tablib Dataset of them.

The reader refuses a bad file with a message for the organiser; this adds the refusals of these imports (a
heading written twice, a value under no heading). The datasets keep, in `source_lines`, the spreadsheet row number
of each data row, so that errors name the row the organiser sees in Excel.
"""

import tablib
from django.utils.translation import gettext_lazy as _
from import_export.formats.base_formats import CSV, XLSX

from core import spreadsheets
from core.spreadsheets import MAX_BYTES, MAX_ROWS, clean_cell, is_blank  # noqa: F401 (used by the admin, resources)

SheetError = spreadsheets.SpreadsheetError


def build_dataset(table: spreadsheets.Table) -> tablib.Dataset:
    """The Dataset of a table, refusing a heading written twice and a value in a column without a heading."""
    last = max(index for index, name in enumerate(table.headers) if name)
    seen = set()
    for name in table.headers:
        if name and name in seen:
            raise SheetError(_("The column “%(column)s” appears twice.") % {"column": name})
        seen.add(name)
    for line, cells in table.rows:
        if any(not is_blank(cell) for cell in cells[last + 1 :]):
            raise SheetError(_("Row %(row)d has a value to the right of the last column heading.") % {"row": line})
        for index, name in enumerate(table.headers[:last]):
            if not name and not is_blank(cells[index]):
                raise SheetError(
                    _("Row %(row)d has a value in column %(number)d, which has no heading.")
                    % {"row": line, "number": index + 1}
                )
    dataset = tablib.Dataset(headers=[name for name in table.headers if name])
    dataset.source_lines = []
    for line, record in table.records():
        dataset.append(list(record.values()))
        dataset.source_lines.append(line)
    return dataset


class SheetCSV(CSV):
    """CSV in UTF-8 (with or without the byte-order mark Excel writes), comma, semicolon or tab separated."""

    def create_dataset(self, in_stream, **kwargs):
        return build_dataset(spreadsheets.read_csv(in_stream))


class SheetXLSX(XLSX):
    """The first sheet of an Excel workbook; formulas give their last computed values."""

    def create_dataset(self, in_stream, **kwargs):
        return build_dataset(spreadsheets.read_xlsx(in_stream))


FORMATS = (SheetCSV, SheetXLSX)


def read_upload(upload) -> tuple[type, tablib.Dataset]:
    """The format and the dataset of an uploaded file, checking its type, size and encoding."""
    kind = spreadsheets.kind_of(upload.name)
    if upload.size > MAX_BYTES:
        raise spreadsheets.refuse(
            "too_large",
            size=spreadsheets.filesizeformat(upload.size),
            limit=spreadsheets.filesizeformat(MAX_BYTES),
        )
    data = b"".join(upload.chunks())
    upload.seek(0)
    format_class = SheetCSV if kind == "csv" else SheetXLSX
    return format_class, build_dataset(spreadsheets.read(upload.name, data))
