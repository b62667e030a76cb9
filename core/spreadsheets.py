"""Reading the organisers' spreadsheets (CSV and XLSX) safely: the one reader behind every importer.

`read(name, data)` answers a bad file with a `SpreadsheetError` whose message can be shown to the organiser (in the
active language), never with an exception from deep inside the csv module or openpyxl. It gives a `Table`: the
headings, normalised, and the data rows with the spreadsheet row number of each (the heading is row 1), so that
errors name the row the organiser sees in Excel even when blank rows were left out or a cell holds several lines.

What a column means, and whether an unknown or unnamed column is refused or reported, is the importer's business
(exhibitors/import_files.py, exhibitions/importing.py).
"""

import csv
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.text import fold

logger = logging.getLogger(__name__)

# One set of limits for every import, the stricter of the two importers' former limits.
MEGABYTE = 1024 * 1024
MAX_BYTES = 2 * MEGABYTE  # the upload (the catalogue import allowed 10 MB; 1,000 rows of text fit in 2 MB)
MAX_ROWS = 1000  # data rows; a preview or an import of 1,000 rows takes about 10 s on PostgreSQL (catalogue: 2,000)
MAX_LINES = 25 * MAX_ROWS  # blank rows included: a bound on the work a file with a million empty rows can cause
MAX_COLUMNS = 50  # the units need 30 columns, the catalogue 25 (the catalogue read 50, the units import 100)
MAX_XLSX_UNCOMPRESSED = 50 * MEGABYTE  # an .xlsx is a ZIP: refuse one that unpacks to far more than a sheet needs
ZIP_MAGIC = b"PK\x03\x04"
OLD_FORMATS = {".xls", ".ods", ".numbers"}

# The refusals, by code (`SpreadsheetError.code`). The catalogue import still words five of them its own way
# (`WORDING` in exhibitions/importing.py), as its tests pin that wording.
ONLY_CSV_OR_XLSX = _(
    "Only CSV (.csv) and Excel (.xlsx) files can be imported. In Excel, use “Save As” to make one of them."
)
MESSAGES = {
    "wrong_type": ONLY_CSV_OR_XLSX,
    "old_format": ONLY_CSV_OR_XLSX,  # .xls, .ods, .numbers
    "too_large": _("The file is too large (%(size)s); the limit is %(limit)s. Split it into smaller files."),
    "empty": _("The file is empty: the first row must hold the column headings."),
    "no_rows": _("The file has column headings but no rows to import."),
    "too_many_rows": _("The file has more than %(count)d rows; split it into smaller files."),
    "too_many_columns": _("The file has more than %(count)d columns."),
    "not_utf8": _(
        "This CSV file is not in UTF-8, so its Vietnamese letters cannot be read. In Excel, choose "
        "“Save As” and the type “CSV UTF-8 (Comma delimited)”; in LibreOffice, choose the character set "
        "“Unicode (UTF-8)”. Or upload the workbook as .xlsx."
    ),
    "unreadable_csv": _("The CSV file could not be read: check that it is a plain CSV file."),
    "workbook_as_csv": _("This file is an Excel workbook: give it the extension .xlsx, or save it as CSV UTF-8."),
    "not_xlsx": _("This file is not an Excel workbook (.xlsx)."),
    "unreadable_xlsx": _(
        "This file could not be read as an Excel workbook (.xlsx). Save it again from Excel as .xlsx."
    ),
}


class SpreadsheetError(Exception):
    """A file that cannot be read; `message` is fit to show to the organiser, `code` says which refusal it is."""

    def __init__(self, message, code: str = ""):
        self.message = message
        self.code = code
        super().__init__(str(message))


def refuse(code: str, **params) -> SpreadsheetError:
    """The error for a refusal, its message in the active language."""
    message = MESSAGES[code] % params if params else str(MESSAGES[code])
    return SpreadsheetError(message, code)


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


@dataclass(frozen=True)
class Table:
    kind: str  # "csv" or "xlsx"
    headers: tuple[str, ...]  # normalised; "" for a column without a heading; as wide as the widest row
    rows: tuple[tuple[int, tuple], ...]  # (spreadsheet row number, cleaned cells padded to the headers' width)

    def records(self):
        """(row number, {heading: value}) for every data row; columns without a heading are left out."""
        named = {}
        for index, name in enumerate(self.headers):
            if name:
                named.setdefault(name, index)  # a heading written twice: its first column
        for line, cells in self.rows:
            yield line, {name: cells[index] for name, index in named.items()}


def build_table(kind: str, rows) -> Table:
    """A Table from an iterable of rows (sequences of cells), the first being the headings."""
    rows = iter(rows)
    headers = [normalise_header(cell) for cell in next(rows, None) or ()]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise refuse("empty")
    if len(headers) > MAX_COLUMNS:
        raise refuse("too_many_columns", count=MAX_COLUMNS)
    data = []
    for line, row in enumerate(rows, start=2):
        if line > MAX_LINES:
            raise refuse("too_many_rows", count=MAX_ROWS)
        cells = [clean_cell(cell) for cell in row]
        while cells and is_blank(cells[-1]):
            cells.pop()
        if not cells:
            continue  # blank rows are left out, but the rows below keep their numbers
        if len(cells) > MAX_COLUMNS:
            raise refuse("too_many_columns", count=MAX_COLUMNS)
        if len(data) == MAX_ROWS:
            raise refuse("too_many_rows", count=MAX_ROWS)
        data.append((line, cells))
    if not data:
        raise refuse("no_rows")
    width = max(len(headers), *(len(cells) for _line, cells in data))
    return Table(
        kind=kind,
        headers=tuple(headers) + ("",) * (width - len(headers)),
        rows=tuple((line, tuple(cells) + (None,) * (width - len(cells))) for line, cells in data),
    )


def kind_of(name: str) -> str:
    """ "csv" or "xlsx", from a file name's extension."""
    extension = Path(name or "").suffix.lower()
    if extension in {".csv", ".xlsx"}:
        return extension[1:]
    raise refuse("old_format" if extension in OLD_FORMATS else "wrong_type")


def read(name: str, data: bytes) -> Table:
    """Read an uploaded CSV or XLSX file, by its name's extension. Raises SpreadsheetError."""
    kind = kind_of(name)
    if len(data) > MAX_BYTES:
        raise refuse("too_large", size=filesizeformat(len(data)), limit=filesizeformat(MAX_BYTES))
    return read_csv(data) if kind == "csv" else read_xlsx(data)


def decode_csv(data: bytes) -> str:
    """UTF-8, with or without the byte-order mark Excel writes; anything else is refused."""
    if data.startswith(ZIP_MAGIC):
        raise refuse("workbook_as_csv")
    head = data[:1000]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and head.count(b"\x00") * 4 >= len(head)):
        raise refuse("not_utf8")  # UTF-16, with or without its byte-order mark
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse("not_utf8") from error


def _delimiter(text: str) -> str:
    """Excel writes ";" between cells where the decimal separator is a comma (Vietnam): guess from the headings."""
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_csv(data: bytes | str) -> Table:
    """CSV in UTF-8, comma, semicolon or tab separated."""
    text = (decode_csv(data) if isinstance(data, bytes) else data).removeprefix("\ufeff")
    if "\x00" in text:
        raise refuse("unreadable_csv")
    try:
        return build_table("csv", csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as error:
        logger.info("Unreadable CSV import: %s", error)
        raise refuse("unreadable_csv") from error


def read_xlsx(data: bytes) -> Table:
    """The first sheet of an Excel workbook, read-only; formulas give the values Excel last computed."""
    import openpyxl  # only needed here

    if not isinstance(data, bytes) or not data.startswith(ZIP_MAGIC):
        raise refuse("not_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        logger.info("Unreadable XLSX import: %r", error)
        raise refuse("unreadable_xlsx") from error
    if unpacked > MAX_XLSX_UNCOMPRESSED:
        raise refuse("unreadable_xlsx")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors for a damaged or foreign file
        logger.info("Unreadable XLSX import: %r", error)
        raise refuse("unreadable_xlsx") from error
    try:
        # read_only worksheets yield every row up to the last one with content, blank ones included.
        rows = book.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        return build_table("xlsx", rows)
    except SpreadsheetError:
        raise
    except Exception as error:
        logger.info("Unreadable XLSX import: %r", error)
        raise refuse("unreadable_xlsx") from error
    finally:
        book.close()
