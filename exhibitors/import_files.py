"""Reading the organisers' spreadsheets (CSV and XLSX) into a tablib Dataset, safely.

Everything here answers a bad file with a `SheetError` whose message can be shown to the organiser, never with an
exception from deep inside the csv module or openpyxl. The datasets keep, in `source_lines`, the spreadsheet row
number of each data row (the heading is row 1), so that errors name the row the organiser sees in Excel even when
blank rows were left out or a cell holds several lines of text.
"""

import csv
import io
import logging
import re
import unicodedata

import tablib
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from import_export.formats.base_formats import CSV, XLSX

from core.text import fold

logger = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000  # a preview or an import of 1,000 rows takes about 10 s on PostgreSQL, well within a request
MAX_COLUMNS = 100
MAX_LINES = 25 * MAX_ROWS  # blank rows included; a bound on the work a file with a million empty rows can cause
ZIP_MAGIC = b"PK\x03\x04"


class SheetError(Exception):
    """A file that cannot be imported; `message` is fit to show to the organiser (translated lazily)."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


def normalise_header(value) -> str:
    """ "Name VI ", "name-vi" and "name_vi" are the same column: folded, spaces and dashes to underscores."""
    return re.sub(r"[\s\-]+", "_", fold(str(value if value is not None else "")).strip())


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_cell(value):
    """Text in NFC (files from a Mac may carry decomposed Vietnamese), whole numbers without ".0"."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def build_dataset(rows) -> tablib.Dataset:
    """A Dataset from an iterable of rows (lists of cells), the first being the headings."""
    rows = iter(rows)
    header = next(rows, None)
    headers = [normalise_header(cell) for cell in (header or ())]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise SheetError(_("The file is empty: the first row must hold the column headings."))
    if len(headers) > MAX_COLUMNS:
        raise SheetError(_("The file has more than %(count)d columns.") % {"count": MAX_COLUMNS})
    seen = set()
    for header_cell in headers:
        if header_cell and header_cell in seen:
            raise SheetError(_("The column “%(column)s” appears twice.") % {"column": header_cell})
        seen.add(header_cell)
    width = len(headers)
    data, lines = [], []
    for line, row in enumerate(rows, start=2):
        if line > MAX_LINES:
            raise SheetError(
                _("The file has more than %(count)d rows; split it into smaller files.") % {"count": MAX_ROWS}
            )
        row = [clean_cell(cell) for cell in row]
        if all(is_blank(cell) for cell in row):
            continue  # blank rows are left out, but the rows below keep their numbers
        if any(not is_blank(cell) for cell in row[width:]):
            raise SheetError(_("Row %(row)d has a value to the right of the last column heading.") % {"row": line})
        values = (row + [None] * width)[:width]
        for index, header_cell in enumerate(headers):
            if not header_cell and not is_blank(values[index]):
                raise SheetError(
                    _("Row %(row)d has a value in column %(number)d, which has no heading.")
                    % {"row": line, "number": index + 1}
                )
        if len(data) == MAX_ROWS:
            raise SheetError(
                _("The file has more than %(count)d rows; split it into smaller files.") % {"count": MAX_ROWS}
            )
        data.append(values)
        lines.append(line)
    if not data:
        raise SheetError(_("The file has column headings but no rows to import."))
    # Columns without a heading (and, as checked above, without values) are dropped.
    keep = [index for index, header_cell in enumerate(headers) if header_cell]
    dataset = tablib.Dataset(headers=[headers[index] for index in keep])
    for values in data:
        dataset.append([values[index] for index in keep])
    dataset.source_lines = lines
    return dataset


def _delimiter(text: str) -> str:
    """Excel writes ";" between cells where the decimal separator is a comma (Vietnam): guess from the headings."""
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


class SheetCSV(CSV):
    """CSV in UTF-8 (with or without the byte-order mark Excel writes), comma, semicolon or tab separated."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = decode_csv(in_stream)
        text = in_stream.removeprefix("\ufeff")
        if "\x00" in text:
            raise SheetError(_("This file is not a CSV text file."))
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
            return build_dataset(list(reader))
        except csv.Error as error:
            logger.info("Unreadable CSV import: %s", error)
            raise SheetError(_("This CSV file could not be read: %(error)s") % {"error": error}) from error


class SheetXLSX(XLSX):
    """The first sheet of an Excel workbook; formulas give their last computed values."""

    def create_dataset(self, in_stream, **kwargs):
        import openpyxl

        if not isinstance(in_stream, bytes) or not in_stream.startswith(ZIP_MAGIC):
            raise SheetError(_("This file is not an Excel workbook (.xlsx)."))
        try:
            book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds of errors for a damaged or foreign file
            logger.info("Unreadable XLSX import: %r", error)
            raise SheetError(
                _("This file could not be read as an Excel workbook (.xlsx). Save it again from Excel as .xlsx.")
            ) from error
        try:
            sheet = book.worksheets[0]
            # read_only worksheets yield every row up to the last one with content, blank ones included.
            rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
            return build_dataset(list(row) for row in rows)
        except SheetError:
            raise
        except Exception as error:
            logger.info("Unreadable XLSX import: %r", error)
            raise SheetError(_("This Excel workbook could not be read.")) from error
        finally:
            book.close()


FORMATS = (SheetCSV, SheetXLSX)
EXTENSIONS = {".csv": SheetCSV, ".xlsx": SheetXLSX}


NOT_UTF8 = _(
    "This CSV file is not in UTF-8, so its Vietnamese letters cannot be read. In Excel, choose "
    "“Save As” and the type “CSV UTF-8 (Comma delimited)”; in LibreOffice, choose the character set "
    "“Unicode (UTF-8)”. Or upload the workbook as .xlsx."
)


def decode_csv(data: bytes) -> str:
    if data.startswith(ZIP_MAGIC):
        raise SheetError(_("This file is an Excel workbook: give it the extension .xlsx, or save it as CSV UTF-8."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:1000]:
        raise SheetError(NOT_UTF8)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError(NOT_UTF8) from error


def format_for(file_name: str):
    """The format class for a file name, from its extension."""
    name = (file_name or "").lower()
    for extension, format_class in EXTENSIONS.items():
        if name.endswith(extension):
            return format_class
    raise SheetError(
        _("Only CSV (.csv) and Excel (.xlsx) files can be imported. In Excel, use “Save As” to make one of them.")
    )


def read_upload(upload) -> tuple[type, tablib.Dataset]:
    """The format and the dataset of an uploaded file, checking its type, size and encoding."""
    format_class = format_for(upload.name)
    if upload.size > MAX_BYTES:
        raise SheetError(
            _("The file is too large (%(size)s); the limit is %(limit)s. Split it into smaller files.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)}
        )
    data = b"".join(upload.chunks())
    upload.seek(0)
    if format_class is SheetCSV:
        return format_class, format_class().create_dataset(decode_csv(data))
    return format_class, format_class().create_dataset(data)
