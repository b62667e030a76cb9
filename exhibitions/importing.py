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
"""

import csv
import hashlib
import io
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
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageDraw

from core import renditions, spreadsheets
from core.images import reencode_image
from core.models import Status
from core.text import fold, nfc

from .models import Artist, Artwork, Exhibition, Region, Technique

MEGABYTE = spreadsheets.MEGABYTE
MAX_SHEET_BYTES = spreadsheets.MAX_BYTES  # the spreadsheet's limits are those of every import
MAX_SHEET_ROWS = spreadsheets.MAX_ROWS
MAX_ZIP_BYTES = 200 * MEGABYTE  # the upload, and again everything in it uncompressed
MAX_ZIP_MEMBERS = 2000
STAGING_MAX_AGE = 24 * 3600  # seconds a preview may wait for its confirmation

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

    def count(self, action: str) -> int:
        return sum(1 for work in self.works if work.action == action)

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

        def problem(column: str, message: str, row=row, problems=problems) -> None:
            problems.append(Problem(row, sheet.column_label(column), str(message)))

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


def apply_import(plan: Plan) -> Plan:
    """Write a plan that has no problems, in one transaction. New image files are removed if it fails."""
    if plan.problems:
        raise ValueError("A plan with problems cannot be applied.")
    storage = Artwork._meta.get_field("image").storage
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
            for work in plan.works:
                if work.action == UNCHANGED:
                    continue
                artwork = work.form.save(commit=False)
                if work.image and work.image_changed:
                    old = artwork.image.name if artwork.image else None
                    with work.image.path.open("rb") as data:
                        artwork.image.save(work.image.name, File(data), save=False)
                    written.append(artwork.image.name)
                    if old:
                        transaction.on_commit(lambda old=old: storage.delete(old))
                artwork.save()
                artwork.artists.set([ref.artist or artists[ref.key] for ref in work.artists])
    except BaseException:
        for name in written:
            storage.delete(name)
            renditions.delete_made_from(storage, name)
        raise
    return plan


# The sample


SAMPLE_ROWS = (
    {
        "catalogue_number": "1",
        "title_vi": "Phố cổ mùa đông",
        "title_en": "The old quarter in winter",
        "artists": "Nguyễn Thu Hà",
        "year": "2025",
        "medium_vi": "Màu nước trên giấy",
        "medium_en": "Watercolour on paper",
        "technique": "hand",
        "region": "city",
        "width_cm": "42",
        "height_cm": "59.4",
        "caption_vi": "Mái ngói phố Hàng Bạc trong sương sớm.",
        "caption_en": "The roofs of Hang Bac street in the morning mist.",
        "description_vi": "Một buổi sáng tháng Chạp ở phố cổ Hà Nội.",
        "description_en": "A December morning in Hanoi's old quarter.",
        "alt_text_vi": "Những mái ngói nâu xếp lớp, phủ sương trắng, một cây bàng trụi lá ở góc phố.",
        "alt_text_en": "Layers of brown tiled roofs in white mist, a bare tree at the street corner.",
        "long_description_vi": "Tranh dọc. Nửa trên là bầu trời xám nhạt; nửa dưới là các mái ngói nâu đỏ.",
        "long_description_en": "Portrait format. The upper half is a pale grey sky; the lower half, red-brown roofs.",
        "credit_vi": "Ảnh: Ban tổ chức",
        "credit_en": "Photo: the organisers",
        "rights_vi": "© Nguyễn Thu Hà",
        "rights_en": "© Nguyễn Thu Hà",
        "image": "pho-co.jpg",
        "status": "published",
    },
    {
        "catalogue_number": "2",
        "title_vi": "Ruộng bậc thang Mù Cang Chải",
        "title_en": "The terraces of Mu Cang Chai",
        "artists": "Nguyễn Thu Hà",
        "year": "2024",
        "medium_vi": "Tranh số",
        "medium_en": "Digital painting",
        "technique": "digital",
        "region": "highlands",
        "width_cm": "60",
        "height_cm": "40",
        "caption_vi": "Mùa lúa chín trên núi.",
        "caption_en": "Harvest time in the mountains.",
        "alt_text_vi": "Những thửa ruộng bậc thang vàng óng uốn quanh sườn núi.",
        "alt_text_en": "Golden terraced rice fields curving around a mountainside.",
        "credit_vi": "Ảnh: Ban tổ chức",
        "credit_en": "Photo: the organisers",
        "rights_vi": "© Nguyễn Thu Hà",
        "rights_en": "© Nguyễn Thu Hà",
        "image": "ruong-bac-thang.png",
        "status": "published",
    },
    {
        "catalogue_number": "3",
        "title_vi": "Chợ nổi Cái Răng",
        "title_en": "Cai Rang floating market",
        "artists": "Trần Minh Khoa; Lê Bảo Ngọc",
        "year": "2025",
        "medium_vi": "Kỹ thuật hỗn hợp",
        "medium_en": "Mixed media",
        "technique": "mixed",
        "region": "south",
        "width_cm": "80",
        "height_cm": "50",
        "caption_vi": "Tác phẩm của hai họa sĩ.",
        "caption_en": "A work by two artists.",
        "alt_text_vi": "Thuyền chở đầy trái cây trên dòng sông nâu lúc bình minh.",
        "alt_text_en": "Boats loaded with fruit on a brown river at dawn.",
        "image": "cho-noi.jpg",
        "status": "draft",
    },
    {
        "catalogue_number": "4",
        "title_vi": "Đèn lồng Hội An",
        "title_en": "Lanterns of Hoi An",
        "artists": "Phạm Quang Huy",
        "year": "2023",
        "medium_vi": "Tranh số",
        "medium_en": "Digital illustration",
        "technique": "digital",
        "region": "central",
        "width_cm": "30",
        "height_cm": "30",
        "alt_text_vi": "Những chiếc đèn lồng đỏ và vàng treo trên con phố cổ về đêm.",
        "alt_text_en": "Red and yellow lanterns hanging over an old street at night.",
        # In the ZIP as "anh/Hoi-An.JPG": names match whatever the case, and folders are ignored.
        "image": "hoi-an.jpg",
        "status": "published",
    },
)
SAMPLE_IMAGES = (
    ("pho-co.jpg", "JPEG", (120, 170), "#8a5a44"),
    ("ruong-bac-thang.png", "PNG", (180, 120), "#c9a227"),
    ("cho-noi.jpg", "JPEG", (180, 112), "#3f6e5a"),
    ("anh/Hoi-An.JPG", "JPEG", (140, 140), "#b23a2e"),
)


def sample_csv() -> bytes:
    """The sample spreadsheet, in UTF-8 with a BOM so that Excel opens the Vietnamese correctly."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMN_NAMES, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(SAMPLE_ROWS)
    return out.getvalue().encode("utf-8-sig")


def sample_zip() -> bytes:
    """Small generated pictures matching the sample spreadsheet."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, fmt, size, colour in SAMPLE_IMAGES:
            picture = Image.new("RGB", size, colour)
            draw = ImageDraw.Draw(picture)
            width, height = size
            draw.rectangle((width // 6, height // 2, width * 5 // 6, height - 10), fill="#f1e9d8")
            draw.ellipse((width // 2 - 15, 12, width // 2 + 15, 42), fill="#f6d55c")
            buffer = io.BytesIO()
            picture.save(buffer, fmt)
            archive.writestr(name, buffer.getvalue())
    return out.getvalue()
