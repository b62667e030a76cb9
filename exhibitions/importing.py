"""The organisers' catalogue import: a spreadsheet of works (CSV or XLSX) and a ZIP of their images.

Two steps, so that nothing is written before a person has seen what will change:

1. `plan_import()` reads every row, validates it with the same model form rules as the admin (Artwork.clean()
   included), re-encodes every image named in the sheet and says what would be created, updated or left
   unchanged. It writes nothing to the database or to media; re-encoded images go to a private staging folder.
2. `apply_import()` writes a plan without problems in one transaction; image files are only stored by that step
   and are deleted again if the transaction fails.

Works are keyed by exhibition + catalogue number, artists by their name folded (`core.text.fold`: "Nguyễn Thu
Hà", "NGUYEN THU HA" and "nguyễn  thu hà" are one artist). Images are matched by file name, ignoring case and
folders inside the ZIP. Members are read in memory with a size cap, never extracted by their name.

Imports can never damage published works by surprise: the preview lists each changed field old → new and the rows
that change a published work (the admin asks for a separate confirmation of those); catalogue numbers
SAMPLE_NUMBERS are kept for the sample files (demo/samples/), whose rows can only be drafts and never change a
published work; an applied import is recorded (exhibitors.import_runs) so that it can be undone; and
`export_rows()` writes the catalogue in the same columns, so that exporting and importing back changes nothing.
"""

import hashlib
import re
import secrets
import shutil
import string
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core import renditions, spreadsheets
from core.images import reencode_image
from core.models import Status
from core.text import fold, nfc
from exhibitors.import_runs import Recorder
from exhibitors.spreadsheet_export import spreadsheet_response

from .models import Artist, Artwork, Exhibition, Region, Technique

MEGABYTE = spreadsheets.MEGABYTE
MAX_SHEET_BYTES = spreadsheets.MAX_BYTES  # the spreadsheet's limits are those of every import
MAX_SHEET_ROWS = spreadsheets.MAX_ROWS
MAX_ZIP_BYTES = 200 * MEGABYTE  # the upload, and again everything in it uncompressed
MAX_ZIP_MEMBERS = 2000
STAGING_MAX_AGE = 24 * 3600  # seconds a preview may wait for its confirmation

# Catalogue numbers kept for the sample files: such rows stay drafts and never change a published work.
SAMPLE_NUMBERS = range(9001, 10000)
SAMPLES = Path(settings.BASE_DIR) / "demo" / "samples"

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
ACTION_LABELS = {CREATE: _("New work"), UPDATE: _("Update"), UNCHANGED: _("Unchanged")}


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False


# The columns, in the order of the sample; the import page documents them from this list.
COLUMNS = (
    Column("catalogue_number", _("Whole number, unique in the exhibition: the key of the work."), required=True),
    Column("title_vi", _("Title in Vietnamese."), required=True),
    Column("title_en", _("Title in English.")),
    Column(
        "artists",
        _("One or more names separated by “;”. Matched with the artists already known, ignoring case and accents."),
        required=True,
    ),
    Column("year", _("Year made, four digits.")),
    Column("medium_vi", _("Medium in Vietnamese, e.g. “Sơn dầu trên toan”.")),
    Column("medium_en", _("Medium in English, e.g. “Oil on canvas”.")),
    Column("technique", _("digital, hand or mixed (or the label in either language).")),
    Column("region", _("north, highlands, central, south or city (or the label in either language).")),
    Column("width_cm", _("Width in centimetres, e.g. 42 or 42.5.")),
    Column("height_cm", _("Height in centimetres.")),
    Column("caption_vi", _("Short caption in Vietnamese (wall label).")),
    Column("caption_en", _("Short caption in English.")),
    Column("description_vi", _("Description in Vietnamese.")),
    Column("description_en", _("Description in English.")),
    Column("alt_text_vi", _("What the image shows, in Vietnamese. Required to publish.")),
    Column("alt_text_en", _("What the image shows, in English.")),
    Column("long_description_vi", _("A fuller description of the image for blind visitors, in Vietnamese.")),
    Column("long_description_en", _("The same in English.")),
    Column("credit_vi", _("Credit line in Vietnamese, e.g. “Ảnh: Ban tổ chức”.")),
    Column("credit_en", _("Credit line in English.")),
    Column("rights_vi", _("Rights in Vietnamese, e.g. “© Tác giả”.")),
    Column("rights_en", _("Rights in English.")),
    Column("image", _("File name of the image in the ZIP (JPEG, PNG or WebP). Empty: the current image is kept.")),
    Column("status", _("draft or published. Empty: draft for a new work, unchanged for an existing one.")),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)
REQUIRED_COLUMNS = tuple(column.name for column in COLUMNS if column.required)
# Columns that are plain model fields, validated by ArtworkRowForm.
FORM_FIELDS = tuple(name for name in COLUMN_NAMES if name not in {"catalogue_number", "artists", "image"})
CHOICES = {"technique": Technique, "region": Region, "status": Status}


class ImportFileError(Exception):
    """A file that cannot be read at all: its message is for the person who uploaded it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    row: int  # the spreadsheet's row number, as Excel shows it (1 is the header row)
    column: str  # "year (E)": the column's name and letter
    message: str
    value: str | None = None  # the cell as written (None: no single cell is at fault)
    expected: str = ""  # what the column takes


@dataclass(frozen=True)
class Sheet(spreadsheets.Table):
    """The reader's table, its cells as text, with the file itself (kept between preview and confirmation)."""

    data: bytes

    def column_label(self, name: str) -> str:
        """ "year (E)": the name and the letter Excel shows above it."""
        if name and name in self.headers:
            return f"{name} ({column_letter(self.headers.index(name))})"
        return name


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


# The catalogue import words these refusals of the reader (core/spreadsheets.py) as it always has.
WORDING = {
    "wrong_type": _("Upload the spreadsheet as a .csv or .xlsx file."),
    "old_format": _("Save the spreadsheet as .xlsx or as CSV UTF-8, then upload it again."),
    "not_utf8": _("The CSV file is not UTF-8 text. In Excel choose “CSV UTF-8”, or upload the .xlsx file."),
    "no_rows": _("The spreadsheet has a header row but no works under it."),
    "unreadable_xlsx": _("This .xlsx file could not be read. Save it again from Excel or as CSV."),
}


def read_sheet(name: str, data: bytes) -> Sheet:
    """Read a CSV (UTF-8, comma, semicolon or tab separated) or XLSX file. Raises ImportFileError."""
    try:
        table = spreadsheets.read(name, data)
    except spreadsheets.SpreadsheetError as error:
        raise ImportFileError(str(WORDING.get(error.code, error.message))) from None
    rows = tuple((line, tuple("" if cell is None else str(cell) for cell in cells)) for line, cells in table.rows)
    return Sheet(kind=table.kind, data=data, headers=table.headers, rows=rows)


# Images


def image_key(name: str) -> str:
    """How an image file is matched: its last path segment, NFC (macOS zips names in NFD), case-folded."""
    return nfc(re.split(r"[\\/]", name.strip())[-1]).casefold()


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in parts or "\x00" in name


class ImageArchive:
    """An uploaded ZIP of images: checked as a whole, read member by member in memory, never extracted."""

    def __init__(self, upload):
        not_a_zip = ImportFileError(gettext("The images file is not a ZIP archive."))
        if getattr(upload, "size", 0) > MAX_ZIP_BYTES:
            raise ImportFileError(
                gettext("The ZIP is larger than %(limit)d MB: split the images into several imports.")
                % {"limit": MAX_ZIP_BYTES // MEGABYTE}
            )
        try:
            upload.seek(0)
            self.zip = zipfile.ZipFile(upload)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            raise not_a_zip from None
        if len(infos) > MAX_ZIP_MEMBERS:
            raise ImportFileError(gettext("The ZIP holds more than %(limit)d files.") % {"limit": MAX_ZIP_MEMBERS})
        unsafe = [info.filename for info in infos if _unsafe(info.filename)]
        if unsafe:
            raise ImportFileError(
                gettext("The ZIP contains a file with an unsafe name (“%(name)s”): nothing was imported.")
                % {"name": unsafe[0][:200]}
            )
        if sum(info.file_size for info in infos) > MAX_ZIP_BYTES:
            raise ImportFileError(
                gettext("The ZIP unpacks to more than %(limit)d MB: split the images into several imports.")
                % {"limit": MAX_ZIP_BYTES // MEGABYTE}
            )
        self.members: dict[str, list[zipfile.ZipInfo]] = {}
        for info in infos:
            name = info.filename.replace("\\", "/")
            base = name.rsplit("/", 1)[-1]
            # Folders, and the resource forks and thumbnails that macOS and Windows add.
            if info.is_dir() or name.startswith("__MACOSX/") or base.startswith(".") or base == "Thumbs.db":
                continue
            self.members.setdefault(image_key(base), []).append(info)

    def read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        """At most `limit` + 1 bytes of a member: enough to tell that it is too big without reading it all."""
        if info.flag_bits & 0x1:
            raise ImportFileError(gettext("This file is encrypted in the ZIP."))
        try:
            with self.zip.open(info) as member:
                return member.read(limit + 1)
        except Exception:
            # zlib.error, a bad CRC, an unsupported compression method...
            raise ImportFileError(gettext("This file could not be read from the ZIP (it may be damaged).")) from None


@dataclass(frozen=True)
class StagedImage:
    name: str  # the file name to store it under, e.g. "pho-co.jpg"
    digest: str  # sha256 of the re-encoded bytes
    path: Path  # the re-encoded file in the staging folder


class ZipImages:
    """Images for the first step: found in the ZIP, re-encoded, and kept in the staging folder for the second."""

    def __init__(self, archive: ImageArchive, staging: "Staging"):
        self.archive = archive
        self.staging = staging
        self._cache: dict[str, StagedImage | str] = {}

    def get(self, key: str, written_name: str) -> StagedImage | str:
        """The staged image for a name from the sheet, or a message saying what is wrong with it."""
        if key not in self._cache:
            self._cache[key] = self._stage(key, written_name)
        return self._cache[key]

    def unused(self, used: set[str]) -> list[str]:
        return sorted(infos[0].filename for key, infos in self.archive.members.items() if key not in used)

    def _stage(self, key: str, written_name: str) -> StagedImage | str:
        infos = self.archive.members.get(key, [])
        if not infos:
            return gettext("“%(name)s” is not in the ZIP.") % {"name": written_name}
        if len(infos) > 1:
            return gettext("“%(name)s” is in the ZIP %(count)d times (in different folders): keep only one.") % {
                "name": written_name,
                "count": len(infos),
            }
        (info,) = infos
        limit = settings.TUDOI_IMAGE_MAX_BYTES
        try:
            data = self.archive.read(info, limit)
        except ImportFileError as error:
            return error.message
        upload = SimpleUploadedFile(info.filename.replace("\\", "/").rsplit("/", 1)[-1], data)
        if len(data) > limit:
            upload.size = max(info.file_size, len(data))  # say how big it really is
        try:
            encoded = reencode_image(upload)
        except forms.ValidationError as error:
            return " ".join(error.messages)
        return self.staging.add_image(encoded.name, encoded.read())


class StagedImages:
    """Images for the second step: those the first step staged, by the key of their name in the sheet."""

    def __init__(self, staging: "Staging", staged: dict[str, list[str]]):
        self.staging = staging
        self.staged = staged

    def get(self, key: str, written_name: str) -> StagedImage | str:
        entry = self.staged.get(key)
        image = self.staging.image(*entry) if entry else None
        return image or gettext("“%(name)s” is no longer available: upload the files again.") % {"name": written_name}

    def unused(self, used: set[str]) -> list[str]:
        return []


class Staging:
    """A private folder (outside MEDIA_ROOT, never served) holding one upload between preview and confirmation.

    The admin session remembers its random token, so only the person who previewed can confirm. Folders older
    than a day are removed whenever a new import starts. By default it lives in TUDOI_PRIVATE_MEDIA_ROOT, which
    the app servers share, so the confirmation may reach another server than the preview.
    """

    TOKEN = re.compile(r"^[0-9a-f]{32}$")
    IMAGE = re.compile(r"^[0-9a-f]{64}\.(jpg|png|webp)$")

    def __init__(self, token: str):
        self.token = token
        self.path = self.root() / token

    @staticmethod
    def root() -> Path:
        configured = settings.TUDOI_IMPORT_STAGING_DIR
        return Path(configured) if configured else Path(settings.TUDOI_PRIVATE_MEDIA_ROOT) / "artwork-imports"

    @classmethod
    def create(cls) -> "Staging":
        cls.remove_stale()
        staging = cls(secrets.token_hex(16))
        (staging.path / "images").mkdir(parents=True, mode=0o700)
        return staging

    @classmethod
    def find(cls, token) -> "Staging | None":
        if not isinstance(token, str) or not cls.TOKEN.match(token):
            return None
        staging = cls(token)
        return staging if staging.path.is_dir() else None

    @classmethod
    def remove_stale(cls) -> None:
        root = cls.root()
        if not root.is_dir():
            return
        cutoff = time.time() - STAGING_MAX_AGE
        for folder in root.iterdir():
            try:
                if folder.is_dir() and cls.TOKEN.match(folder.name) and folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def save_sheet(self, sheet: Sheet) -> str:
        name = f"sheet.{sheet.kind}"
        (self.path / name).write_bytes(sheet.data)
        return name

    def load_sheet(self, name: str) -> Sheet:
        if name not in {"sheet.csv", "sheet.xlsx"} or not (self.path / name).is_file():
            raise ImportFileError(gettext("The uploaded spreadsheet is no longer available: upload it again."))
        return read_sheet(name, (self.path / name).read_bytes())

    def add_image(self, name: str, data: bytes) -> StagedImage:
        digest = hashlib.sha256(data).hexdigest()
        path = self.path / "images" / f"{digest}{Path(name).suffix}"
        if not path.exists():
            path.write_bytes(data)
        return StagedImage(name=name, digest=digest, path=path)

    def image(self, file: str, name: str) -> StagedImage | None:
        path = self.path / "images" / file
        if not self.IMAGE.match(file) or not path.is_file():
            return None
        return StagedImage(name=name, digest=file.split(".")[0], path=path)


# Rows


class ArtworkRowForm(forms.ModelForm):
    """One row, validated as the admin validates a work (field limits, choices, Artwork.clean())."""

    class Meta:
        model = Artwork
        fields = FORM_FIELDS


@dataclass
class ArtistRef:
    key: str
    name: str
    artist: Artist | None  # None: to be created


@dataclass
class WorkPlan:
    row: int
    catalogue_number: int
    title: str
    action: str
    changed: list[str]
    artists: list[ArtistRef]
    image: StagedImage | None
    form: ArtworkRowForm = field(repr=False)
    changes: list[dict] = field(default_factory=list)  # [{"column", "old", "new"}] of an update
    was_published: bool = False  # an update of a work that is published now

    @property
    def image_changed(self) -> bool:
        return "image" in self.changed

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]


@dataclass
class Plan:
    exhibition: Exhibition
    works: list[WorkPlan] = field(default_factory=list)
    new_artists: dict[str, str] = field(default_factory=dict)  # folded key → name as first written
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    images: dict[str, StagedImage] = field(default_factory=dict)  # key of the name in the sheet → staged image
    import_run: object = None  # the ImportRun recorded when the plan was applied from the admin

    def count(self, action: str) -> int:
        return sum(1 for work in self.works if work.action == action)

    @property
    def published_updates(self) -> list[WorkPlan]:
        """The rows that change a work visitors can see now: they need their own confirmation."""
        return [work for work in self.works if work.action == UPDATE and work.was_published]

    @property
    def created(self) -> int:
        return self.count(CREATE)

    @property
    def updated(self) -> int:
        return self.count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    @property
    def fingerprint(self) -> str:
        """What the preview showed, in short: confirming applies only a plan with the same fingerprint."""
        parts = [f"exhibition {self.exhibition.pk}", *(f"artist {key}" for key in sorted(self.new_artists))]
        for work in self.works:
            artists = ",".join(ref.key if ref.artist is None else str(ref.artist.pk) for ref in work.artists)
            digest = work.image.digest if work.image else "-"
            parts.append(f"{work.catalogue_number} {work.action} {','.join(work.changed)} {artists} {digest}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def staged_images(self) -> dict[str, list[str]]:
        """JSON-friendly: key → [staged file, name to store it under]."""
        return {key: [image.path.name, image.name] for key, image in self.images.items()}


def _choice(column: str, value: str) -> str:
    """A choice column accepts the code or the label in either language, ignoring case and accents."""
    if not value:
        return value
    wanted = fold(value)
    for code, label in CHOICES[column].choices:
        names = {fold(code)}
        for language in ("vi", "en"):
            with translation.override(language):
                names.add(fold(str(label)))
        if wanted in names:
            return code
    return value  # the form says it is not one of the choices


def _number(value: str) -> str:
    """ "42,5" (a Vietnamese decimal comma) is 42.5."""
    return value.replace(",", ".") if value.count(",") == 1 and "." not in value else value


def _stored_digest(image) -> str | None:
    if not image:
        return None
    try:
        with image.storage.open(image.name, "rb") as stored:
            return hashlib.sha256(stored.read()).hexdigest()
    except Exception:
        return None


def plan_import(*, exhibition: Exhibition, sheet: Sheet, images: ZipImages | StagedImages | None) -> Plan:
    """Validate every row and image and work out what the import would do; write nothing.

    `images` is None when no ZIP was given: the image column is then ignored and images stay as they are.
    """
    plan = Plan(exhibition=exhibition)
    _check_headers(sheet, plan)
    if plan.problems:
        return plan

    existing = {work.catalogue_number: work for work in exhibition.artworks.prefetch_related("artists")}
    known_artists: dict[str, list[Artist]] = {}
    for artist in Artist.objects.all():
        known_artists.setdefault(fold(" ".join(artist.name.split())), []).append(artist)
    seen_numbers: dict[int, int] = {}
    image_column_used = False

    for row, values in sheet.records():  # the headings are all known columns, each once (checked above)
        problems = []

        def problem(column: str, message: str, row=row, problems=problems, values=values) -> None:
            value = values.get(column) if column in values else None
            problems.append(
                Problem(row, sheet.column_label(column), str(message), value, str(EXPECTED.get(column, "")))
            )

        number = _catalogue_number(values["catalogue_number"], problem)
        if number is not None and number in seen_numbers:
            problem(
                "catalogue_number",
                gettext("Catalogue number %(number)d is also on row %(row)d.")
                % {"number": number, "row": seen_numbers[number]},
            )
        elif number is not None:
            seen_numbers[number] = row
        work = existing.get(number) if number is not None else None
        was_published = work is not None and work.status == Status.PUBLISHED  # before the form changes `work`
        instance = work or Artwork(exhibition=exhibition, catalogue_number=number or 0)

        data = dict.fromkeys(FORM_FIELDS, "")
        if work:
            data |= {
                name: "" if value is None else value
                for name, value in forms.model_to_dict(work, fields=FORM_FIELDS).items()
            }
        for name in FORM_FIELDS:
            if name not in values:
                continue
            value = values[name]
            if name in CHOICES:
                value = _choice(name, value)
            elif name in {"width_cm", "height_cm"}:
                value = _number(value)
            if name == "status" and not value:
                value = work.status if work else Status.DRAFT
            data[name] = value
        form = ArtworkRowForm(data, instance=instance)
        if not form.is_valid():
            for name, messages in form.errors.items():
                for message in messages:
                    problem(name if name in FORM_FIELDS else "", message)
        changed = list(form.changed_data) if work else [name for name in FORM_FIELDS if values.get(name)]

        refs = _artists(values["artists"], known_artists, plan, problem)
        if work and {ref.artist.pk if ref.artist else ref.key for ref in refs} != {a.pk for a in work.artists.all()}:
            changed.append("artists")

        staged = None
        written = values.get("image", "")
        if written and images is None:
            image_column_used = True
        elif written:
            key = image_key(written)
            result = images.get(key, written)
            if isinstance(result, str):
                problem("image", result)
            else:
                staged = plan.images[key] = result
                if not work or _stored_digest(work.image) != staged.digest:
                    changed.append("image")

        _check_sample_number(number, was_published, form, problem)
        if problems:
            plan.problems.extend(problems)
            continue
        plan.works.append(
            WorkPlan(
                row=row,
                catalogue_number=number,
                title=form.cleaned_data.get("title_vi") or "",
                action=UPDATE if work and changed else UNCHANGED if work else CREATE,
                changed=changed,
                artists=refs,
                image=staged,
                form=form,
                changes=_changes(work, form, changed, refs, staged) if work else [],
                was_published=was_published,
            )
        )

    if image_column_used:
        plan.notes.append(gettext("No ZIP was uploaded: the image column is ignored and images stay as they are."))
    if images is not None:
        unused = images.unused(set(plan.images))
        if unused:
            plan.notes.append(
                gettext("Files in the ZIP that no row names (not imported): %(names)s")
                % {"names": ", ".join(unused[:20]) + (" …" if len(unused) > 20 else "")}
            )
    missing = sorted(set(existing) - set(seen_numbers))
    if missing:
        plan.notes.append(
            gettext("Works of this exhibition not in the spreadsheet are left as they are: %(numbers)s")
            % {"numbers": ", ".join(str(number) for number in missing[:30]) + (" …" if len(missing) > 30 else "")}
        )
    return plan


EXPECTED = {column.name: column.help for column in COLUMNS}


def _check_sample_number(number, was_published: bool, form, problem) -> None:
    """Numbers SAMPLE_NUMBERS are the samples': drafts only, and never a published work."""
    if number not in SAMPLE_NUMBERS:
        return
    words = {"first": SAMPLE_NUMBERS.start, "last": SAMPLE_NUMBERS.stop - 1}
    if was_published:
        problem(
            "catalogue_number",
            gettext(
                "Numbers %(first)d–%(last)d are kept for the sample files, but this published work has one: "
                "give it another number in the admin before importing."
            )
            % words,
        )
    elif form.is_valid() and form.cleaned_data.get("status") == Status.PUBLISHED:
        problem(
            "status",
            gettext(
                "Catalogue numbers %(first)d–%(last)d are kept for the sample files, whose works stay drafts: "
                "write “draft”, or give the work its real number."
            )
            % words,
        )


def _shown(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "name") and not isinstance(value, str):  # a stored file
        return value.name.rsplit("/", 1)[-1] if value else ""
    return str(value)


def _changes(work, form, changed, refs, staged) -> list[dict]:
    """Each changed column of an update, with the value now and the value the import writes."""
    changes = []
    for name in changed:
        if name == "artists":
            old = "; ".join(artist.name for artist in work.artists.all())
            new = "; ".join(ref.artist.name if ref.artist else ref.name for ref in refs)
        elif name == "image":
            old, new = _shown(work.image), staged.name if staged else ""
        else:
            old, new = _shown(form.initial.get(name)), _shown(form.cleaned_data.get(name))
        changes.append({"column": name, "old": old, "new": new})
    return changes


def _check_headers(sheet: Sheet, plan: Plan) -> None:
    seen = set()
    for index, name in enumerate(sheet.headers):
        letter = column_letter(index)
        if not name:
            if any(cells[index] for _, cells in sheet.rows):
                plan.problems.append(
                    Problem(1, letter, gettext("This column has values but no name in the first row."))
                )
        elif name not in COLUMN_NAMES:
            plan.problems.append(
                Problem(1, f"{name} ({letter})", gettext("Unknown column: check its name against the list below."))
            )
        elif name in seen:
            plan.problems.append(Problem(1, f"{name} ({letter})", gettext("This column appears twice.")))
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in sheet.headers:
            plan.problems.append(Problem(1, name, gettext("This column is required.")))


def _catalogue_number(value: str, problem) -> int | None:
    field = Artwork._meta.get_field("catalogue_number").formfield()
    try:
        number = field.clean(value)
    except forms.ValidationError as error:
        problem("catalogue_number", " ".join(error.messages))
        return None
    if number < 1:
        problem("catalogue_number", gettext("A catalogue number starts at 1."))
        return None
    return number


def _artists(value: str, known: dict[str, list[Artist]], plan: Plan, problem) -> list[ArtistRef]:
    names = [" ".join(part.split()) for part in value.split(";")]
    refs: dict[str, ArtistRef] = {}
    max_length = Artist._meta.get_field("name").max_length
    for name in filter(None, names):
        key = fold(name)
        if key in refs:
            continue
        if len(name) > max_length:
            problem(
                "artists",
                gettext("“%(name)s…” is longer than %(limit)d characters.") % {"name": name[:40], "limit": max_length},
            )
            continue
        matches = known.get(key, [])
        if len(matches) > 1:
            problem(
                "artists",
                gettext("“%(name)s” matches %(count)d artists already in the admin: merge them first.")
                % {"name": name, "count": len(matches)},
            )
            continue
        refs[key] = ArtistRef(key=key, name=name, artist=matches[0] if matches else None)
        if not matches:
            plan.new_artists.setdefault(key, name)
    if not any(names):
        problem("artists", gettext("At least one artist is required."))
    return list(refs.values())


def apply_import(plan: Plan, *, user=None, file_name: str = "") -> Plan:
    """Write a plan that has no problems, in one transaction. New image files are removed if it fails.

    With a `user` (the admin's confirmation), the import is recorded as an ImportRun that can be undone; the
    images it replaces are then kept, for the undo to put back.
    """
    if plan.problems:
        raise ValueError("A plan with problems cannot be applied.")
    storage = Artwork._meta.get_field("image").storage
    recorder = Recorder() if user is not None else None
    written: list[str] = []
    published_keys = {
        ref.key for work in plan.works if work.form.instance.status == Status.PUBLISHED for ref in work.artists
    }
    try:
        with transaction.atomic():
            artists = {}
            for key, name in plan.new_artists.items():
                # A new artist of a published work is published with it, so that its page can be linked.
                status = Status.PUBLISHED if key in published_keys else Status.DRAFT
                artists[key] = Artist.objects.create(name=name, status=status)
                if recorder:
                    recorder.add(artists[key], before=None, key=name)
            for work in plan.works:
                if work.action == UNCHANGED:
                    continue
                before = recorder.before(work.form.instance) if recorder else None
                artwork = work.form.save(commit=False)
                if work.image and work.image_changed:
                    old = artwork.image.name if artwork.image else None
                    with work.image.path.open("rb") as data:
                        artwork.image.save(work.image.name, File(data), save=False)
                    written.append(artwork.image.name)
                    if old and not recorder:
                        transaction.on_commit(lambda old=old: storage.delete(old))
                artwork.save()
                artwork.artists.set([ref.artist or artists[ref.key] for ref in work.artists])
                if recorder:
                    recorder.add(artwork, before=before, line=work.row, key=work.catalogue_number)
            if recorder:
                plan.import_run = recorder.save(kind=Artwork._meta.label_lower, user=user, file_name=file_name)
    except BaseException:
        for name in written:
            storage.delete(name)
            renditions.delete_made_from(storage, name)
        raise
    return plan


# The sample (demo/samples/: numbers 9001–9004, drafts) and the export


def sample_csv() -> bytes:
    """The sample spreadsheet, in UTF-8 with a BOM so that Excel opens the Vietnamese correctly."""
    return (SAMPLES / "artworks.csv").read_bytes()


def sample_zip() -> bytes:
    """Small pictures matching the sample spreadsheet (one in a folder, its name in capitals)."""
    return (SAMPLES / "artworks-images.zip").read_bytes()


def export_rows(exhibition: Exhibition) -> tuple[list[str], list[list[str]]]:
    """The catalogue in the import's columns, as the import reads them: imported back, it changes nothing."""
    rows = []
    for work in exhibition.artworks.prefetch_related("artists").order_by("catalogue_number"):
        values = forms.model_to_dict(work, fields=FORM_FIELDS)
        row = {name: _shown(value) for name, value in values.items()}
        row |= {
            "catalogue_number": str(work.catalogue_number),
            "artists": "; ".join(artist.name for artist in work.artists.all()),
            "image": _shown(work.image),
        }
        rows.append([row.get(name, "") for name in COLUMN_NAMES])
    return list(COLUMN_NAMES), rows


def export_response(exhibition: Exhibition | None, extension: str):
    """The export as a download: CSV (UTF-8 with BOM) or XLSX, named after the exhibition and the day."""
    if exhibition is None or extension not in {"csv", "xlsx"}:
        raise Http404
    headers, rows = export_rows(exhibition)
    name = f"{slugify(exhibition.slug or 'catalogue')}-{timezone.localdate():%Y-%m-%d}"
    return spreadsheet_response(headers, rows, name, extension)


def published_refusal(plan: Plan) -> str:
    """Why a confirmation without the tick for published works applied nothing."""
    count = len(plan.published_updates)
    return ngettext(
        "Nothing was imported: %(count)d published work would change. Tick “I understand…” below to confirm "
        "that change, or cancel.",
        "Nothing was imported: %(count)d published works would change. Tick “I understand…” below to confirm "
        "those changes, or cancel.",
        count,
    ) % {"count": count}
