"""Spreadsheet import of creative units and their products (django-import-export resources).

The organisers keep the 200+ units in a spreadsheet, one unit per row, and import it again whenever it changes:
- `code` is the stable key (HN-001 for a unit, HN-001-P1 for a product): a row whose code exists updates that
  record, a new code creates one, and a row without a code is an error;
- a blank cell keeps the current value (on a new row: the default); a cell holding only "-" empties an optional
  value;
- yes/no cells accept yes/no, có/không, 1/0, true/false and x; kinds, sectors, price bands and statuses are matched
  by code or by their name in either language, ignoring case and diacritics (`core.text.fold`);
- every problem is reported against the spreadsheet row and column, and the admin saves nothing when any row is
  invalid (see exhibitors/import_admin.py).
Columns are named after the model fields (`name_vi`, `name_en`…), since modeltranslation needs one column per
language.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader
from import_export.results import Result
from modeltranslation.translator import translator

from core.models import Status
from core.search import refresh_statistics
from core.text import fold

from .import_files import clean_cell, is_blank
from .import_runs import Recorder
from .models import CreativeUnit, PriceBand, Product, Sector, UnitKind

CLEAR = "-"
LIST_SEPARATOR = ";"
# Codes that begin with this are the sample files' (demo/samples/): a row with such a code may only be a draft and
# may never change a published entry, so that trying a sample cannot touch the real units and products.
SAMPLE_PREFIX = "MAU-"

TRUE_WORDS = {"yes", "y", "co", "1", "true", "x"}
FALSE_WORDS = {"no", "n", "khong", "0", "false"}


def key(value) -> str:
    """The form in which cells are compared: folded, single spaces."""
    return " ".join(fold(str(value)).split())


def spreadsheet_row(lines: list[int] | None, number: int) -> int:
    """The spreadsheet row of the `number`-th data row (1-based), from the dataset's `source_lines`.

    Without them, the rows are taken to follow the headings (row 1) without gaps.
    """
    return lines[number - 1] if lines and 0 < number <= len(lines) else number + 1


def _both_languages(label) -> list[str]:
    texts = []
    for language in ("vi", "en"):
        with translation.override(language):
            texts.append(str(label))
    return texts


# Widgets: turn a (non-blank) cell into a value, and a value back into a cell for the preview.


class TextWidget(widgets.Widget):
    empty = ""
    hint = ""

    def clean(self, value, row=None, **kwargs):
        return "" if is_blank(value) else str(clean_cell(value))

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class URLWidget(TextWidget):
    """ "example.vn" without a scheme means https, as in the admin forms."""

    hint = _("a web address")

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value)
        if text and "://" not in text and "." in text and " " not in text:
            text = f"https://{text}"
        return text


class EmailWidget(TextWidget):
    hint = _("an e-mail address")


class BooleanWidget(TextWidget):
    hint = _("yes or no (also có/không, 1/0, true/false, x)")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        word = key(clean_cell(value))
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(
            gettext("“%(value)s” is not yes or no. Write yes or no (also có/không, 1/0, true/false, or x for yes).")
            % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        return gettext("yes") if value else gettext("no")


class IntegerWidget(TextWidget):
    hint = _("a whole number")

    def clean(self, value, row=None, **kwargs):
        value = clean_cell(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise ValueError(gettext("“%(value)s” is not a whole number.") % {"value": value}) from None


class ChoiceWidget(TextWidget):
    """A choice given by its code or by its label in Vietnamese or English; `words` adds other accepted spellings."""

    def __init__(self, choices, *, hint, unknown, words=None):
        super().__init__()
        self.choices, self.hint, self.unknown, self.words = choices, hint, unknown, words or {}
        self._table = None

    def table(self) -> dict[str, str]:
        if self._table is None:
            self._table = {}
            for value, label in self.choices:
                for text in (value, *_both_languages(label), *self.words.get(value, ())):
                    self._table[key(text)] = value
        return self._table

    def accepted(self) -> list[tuple[str, str, str]]:
        """(code, Vietnamese label, English label) of each choice, for the import page."""
        return [(value, *_both_languages(label)) for value, label in self.choices]

    def clean(self, value, row=None, **kwargs):
        found = self.table().get(key(clean_cell(value)))
        if found is None:
            known = ", ".join(value for value, _label in self.choices)
            raise ValueError(str(self.unknown) % {"value": value, "known": known})
        return found

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class SectorWidget(TextWidget):
    """A sector by its Vietnamese or English name or its slug, ignoring case and diacritics."""

    hint = _("a sector: its name in Vietnamese or English, or its slug")

    def __init__(self):
        super().__init__()
        self._table = None

    def reset(self):
        self._table = None

    def table(self) -> dict[str, Sector | None]:
        if self._table is None:
            self._table = {}
            for sector in Sector.objects.all():
                for text in {key(sector.name_vi or ""), key(sector.name_en or ""), key(sector.slug)} - {""}:
                    # Two sectors answering to the same text: neither is chosen, the organiser must be precise.
                    self._table[text] = None if self._table.get(text, sector) != sector else sector
        return self._table

    def find(self, value) -> Sector:
        text = key(clean_cell(value))
        if text in self.table() and self.table()[text] is None:
            raise ValueError(
                gettext("“%(value)s” matches more than one sector; write the sector's slug instead.") % {"value": value}
            )
        sector = self.table().get(text)
        if sector is None:
            known = "; ".join(sorted({s.name_vi for s in self.table().values() if s}))
            raise ValueError(
                gettext("Unknown sector “%(value)s”. The sectors are: %(known)s.") % {"value": value, "known": known}
            )
        return sector

    def clean(self, value, row=None, **kwargs):
        return self.find(value)

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class SectorListWidget(SectorWidget, widgets.ManyToManyWidget):
    """Sectors separated by ";". A ManyToManyWidget, so that import-export sets them after saving the unit."""

    empty = []
    hint = _("sectors separated by “;”, each by its name in Vietnamese or English or its slug")

    def __init__(self):
        widgets.ManyToManyWidget.__init__(self, Sector, separator=LIST_SEPARATOR)
        self._table = None

    def clean(self, value, row=None, **kwargs):
        found = []
        for part in str(clean_cell(value)).replace("\n", LIST_SEPARATOR).split(LIST_SEPARATOR):
            if part.strip() and (sector := self.find(part.strip())) not in found:
                found.append(sector)
        return found

    def render(self, value, obj=None, **kwargs):
        return f"{LIST_SEPARATOR} ".join(sector.name for sector in value.all()) if value is not None else ""


class UnitCodeWidget(TextWidget):
    hint = _("the code of a creative unit already in the site, such as HN-001")

    def __init__(self):
        super().__init__()
        self._units = {}

    def reset(self):
        self._units = {}

    def clean(self, value, row=None, **kwargs):
        code = str(clean_cell(value))
        if code not in self._units:
            self._units[code] = CreativeUnit.objects.filter(code=code).first()
        if self._units[code] is None:
            raise ValueError(
                gettext("No creative unit has the code “%(value)s”. Import the units first, or correct the code.")
                % {"value": code}
            )
        return self._units[code]

    def render(self, value, obj=None, **kwargs):
        return (value.code or "") if value else ""


def kind_widget():
    return ChoiceWidget(
        UnitKind.choices,
        hint=_("a kind of unit: its code or its name in Vietnamese or English"),
        unknown=_("Unknown kind of unit “%(value)s”. Use one of the codes %(known)s, or a kind's name."),
    )


def price_band_widget():
    return ChoiceWidget(
        PriceBand.choices,
        hint=_("a price band: its code or its name in Vietnamese or English"),
        unknown=_("Unknown price band “%(value)s”. Use one of the codes %(known)s, or a band's name."),
    )


def status_widget():
    return ChoiceWidget(
        Status.choices,
        hint=_("draft or published (also đã xuất bản, yes/no); new rows without it are drafts"),
        unknown=_("Unknown status “%(value)s”. Write draft or published."),
        words={
            Status.PUBLISHED: ("đã xuất bản", "xuất bản", "public", *TRUE_WORDS),
            Status.DRAFT: ("nháp", "chưa xuất bản", *FALSE_WORDS),
        },
    )


class Column(fields.Field):
    """One spreadsheet column: a blank cell changes nothing; "-" empties a `clearable` value.

    `required` columns must be filled in on rows that create a record.
    """

    def __init__(self, attribute, *, column_name=None, widget=None, required=False, clearable=False, label=None):
        super().__init__(attribute=attribute, column_name=column_name or attribute, widget=widget or TextWidget())
        self.required, self.clearable, self.label = required, clearable, label

    def clears(self, row) -> bool:
        return self.clearable and str(row.get(self.column_name)).strip() == CLEAR

    def clean(self, row, **kwargs):
        if self.clears(row):
            return type(self.widget.empty)()
        return super().clean(row, **kwargs)

    def save(self, instance, row, is_m2m=False, **kwargs):
        if self.column_name not in row or is_blank(row[self.column_name]):
            return
        super().save(instance, row, is_m2m, **kwargs)

    @property
    def is_m2m(self) -> bool:
        return isinstance(self.widget, widgets.ManyToManyWidget)


def translated(attribute: str, **options) -> tuple[Column, Column]:
    return Column(f"{attribute}_vi", **options), Column(f"{attribute}_en", clearable=True)


class SheetResult(Result):
    """An import result that knows the spreadsheet row of each data row and the column of each field."""

    lines: list[int] | None = None
    columns: dict[str, str] = {}
    hints: dict[str, str] = {}  # column → what it expects
    published_rows: list[int] = []  # spreadsheet rows that change a published entry
    import_run = None  # the ImportRun recorded by a confirmed import

    def line(self, number: int) -> int:
        return spreadsheet_row(self.lines, number)

    def error_report(self) -> list[dict]:
        """Every problem, by spreadsheet row, with the cell's value and what the column expects:
        [{"row": 3, "errors": [{"column": "kind", "message": "…", "value": "hanoi", "expected": "…"}]}]."""
        report = []
        for row in self.invalid_rows:
            errors = []
            cells = dict(zip(self.diff_headers, row.values, strict=False))
            for field, messages in row.error_dict.items():
                column = "" if field == NON_FIELD_ERRORS else self.columns.get(field, field)
                value = cells.get(column)
                value = "" if value is None or value == "---" else str(value)
                expected = str(self.hints.get(column) or "") if column else ""
                errors += [
                    {"column": column, "message": message, "value": value, "expected": expected}
                    for message in messages
                    if message
                ]
            report.append({"row": self.line(row.number), "errors": errors})
        for row in self.error_rows:
            errors = [{"column": "", "message": str(error.error), "value": "", "expected": ""} for error in row.errors]
            report.append({"row": self.line(row.number), "errors": errors})
        report.sort(key=lambda entry: entry["row"])
        report += [
            {"row": None, "errors": [{"column": "", "message": str(error.error), "value": "", "expected": ""}]}
            for error in self.base_errors
        ]
        return report

    def summary(self) -> dict[str, int]:
        return {
            "new": self.totals["new"],
            "update": self.totals["update"],
            "skip": self.totals["skip"],
        }


class SheetResource(resources.ModelResource):
    """What the unit and product imports share: the key, blank cells, the row and column report."""

    code_example = "HN-001"

    class Meta:
        import_id_fields = ("code",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        instance_loader_class = CachedInstanceLoader

    @classmethod
    def get_result_class(cls):
        return SheetResult

    @classmethod
    def ordered_fields(cls) -> list[fields.Field]:
        return [cls.fields[name] for name in cls._meta.fields]

    @classmethod
    def columns(cls) -> list[str]:
        return [field.column_name for field in cls.ordered_fields()]

    @classmethod
    def column_docs(cls) -> list[dict]:
        """The columns, what each holds, and the rules for it, for the import page."""
        docs = []
        model_fields = {field.name: field for field in cls._meta.model._meta.get_fields()}
        for field in cls.ordered_fields():
            model_field = model_fields.get(field.attribute)
            label = field.label or capfirst(getattr(model_field, "verbose_name", field.attribute))
            docs.append(
                {
                    "column": field.column_name,
                    "label": label,
                    "hint": field.widget.hint,
                    "required": field.required,
                    "clearable": field.clearable,
                }
            )
        return docs

    def before_import(self, dataset, **kwargs):
        self.recorder, self.published_rows = Recorder(), []
        self.describing = self.recording = False
        self.lines = getattr(dataset, "source_lines", None)
        for field in self.fields.values():
            if hasattr(field.widget, "reset"):
                field.widget.reset()
        # A code used twice in one file would silently merge two rows: remember where each code first appears.
        self.first_line_of_code = {}
        if "code" in dataset.headers:
            for number, value in enumerate(dataset.get_col(dataset.headers.index("code")), start=1):
                if not is_blank(value):
                    self.first_line_of_code.setdefault(str(clean_cell(value)), self.line(number))

    def line(self, number: int) -> int:
        return spreadsheet_row(getattr(self, "lines", None), number)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        was_published = instance.pk is not None and instance.status == Status.PUBLISHED
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self.check_sample_code(instance, row, was_published, errors)
        # Many-to-many cells are saved after the row; check them now so that they are reported with the others.
        for field in self.fields.values():
            if getattr(field, "is_m2m", False) and not is_blank(row.get(field.column_name)):
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        code = row.get("code")
        if is_blank(code):
            errors["code"] = [
                gettext("Every row needs a code (the import key, such as %(example)s).")
                % {"example": self.code_example}
            ]
        else:
            first = self.first_line_of_code.get(str(clean_cell(code)))
            if first is not None and first != self.line(kwargs.get("row_number", 0)):
                errors["code"] = [
                    gettext("The code “%(code)s” is already used on row %(row)d of this file.")
                    % {"code": code, "row": first}
                ]
        if instance.pk is None:
            for field in self.fields.values():
                if field.required and field.attribute not in errors and self._is_empty(instance, field.attribute):
                    errors[field.attribute] = [
                        gettext("This cell must be filled in for a new %(item)s.")
                        % {"item": self._meta.model._meta.verbose_name}
                    ]
        if errors:
            raise ValidationError(errors)

    def check_sample_code(self, instance, row, was_published: bool, errors: dict) -> None:
        """A sample code (MAU-…) only ever creates or changes drafts: a sample can never reach published content."""
        code = "" if is_blank(row.get("code")) else str(clean_cell(row.get("code")))
        if not code.upper().startswith(SAMPLE_PREFIX) or "code" in errors:
            return
        if was_published:
            errors["code"] = [
                gettext(
                    "The code “%(code)s” begins with %(prefix)s, which is kept for the sample files, but a published "
                    "%(item)s has it. Give that entry a real code in the admin before importing."
                )
                % {"code": code, "prefix": SAMPLE_PREFIX, "item": self._meta.model._meta.verbose_name}
            ]
        elif instance.status == Status.PUBLISHED and "status" not in errors:
            errors["status"] = [
                gettext(
                    "Codes beginning with %(prefix)s are kept for the sample files, whose entries stay drafts: "
                    "write “draft”, or give the row a real code (such as %(example)s)."
                )
                % {"prefix": SAMPLE_PREFIX, "example": self.code_example}
            ]

    @staticmethod
    def _is_empty(instance, attribute: str) -> bool:
        field = instance._meta.get_field(attribute)
        return getattr(instance, field.attname) in (None, "")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own validation (lengths, e-mail and web addresses…) of the columns read without error.

        Left out, to keep a 1,000-row file within a request's time: the untranslated fields ("name" mirrors
        "name_vi" or "name_en", whose errors are those of the columns), the relations (the widgets found them in the
        database) and the uniqueness checks (codes are unique within the file and looked up beforehand, slugs are
        made unique on save, and the database constraints remain: a clash is reported as an error of its row).
        """
        errors = dict(import_validation_errors or {})
        translated_fields = translator.get_options_for_model(self._meta.model).all_fields
        relations = [f.attribute for f in self.fields.values() if isinstance(f.widget, SectorWidget | UnitCodeWidget)]
        try:
            instance.full_clean(exclude=[*errors, *translated_fields, *relations], validate_unique=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged rows are reported as such and not saved; blank cells are no change."""
        if import_validation_errors or original is None or original.pk is None:
            return False
        for field in self.get_import_fields():
            if field.column_name not in row or is_blank(row[field.column_name]):
                continue
            if getattr(field, "is_m2m", False):
                wanted = sorted(sector.pk for sector in field.clean(row))
                if wanted != sorted(getattr(original, field.attribute).values_list("pk", flat=True)):
                    return False
            elif field.get_value(instance) != field.get_value(original):
                return False
        return True

    # What each row changes: the preview's "old → new" and the record that lets an import be undone.

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        self._row = None
        # The admin's preview (and a confirmation refused for published rows, shown again as the preview) describes
        # each change; its confirmation records the import. A plain import_data() (the demo loader) does neither.
        self.describing = bool(kwargs.get("dry_run")) or kwargs.get("published_confirmed") is False
        self.recording = not kwargs.get("dry_run") and kwargs.get("user") is not None

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if not (getattr(self, "describing", False) or getattr(self, "recording", False)):
            return
        stored = self._meta.model._base_manager.filter(pk=instance.pk).first() if instance.pk else None
        self._row = {
            "instance": instance,
            "published": stored is not None and stored.status == Status.PUBLISHED,
            "before": self.recorder.before(stored) if stored is not None and self.recording else None,
            "old": {field.column_name: self.cell(field, stored) for field in self.written_fields(row)}
            if stored is not None and self.describing
            else {},
        }

    def written_fields(self, row) -> list[fields.Field]:
        return [f for f in self.ordered_fields() if f.column_name in row and not is_blank(row[f.column_name])]

    @staticmethod
    def cell(field, obj) -> str:
        """A field's value of `obj` as the export writes it (and the preview shows it)."""
        value = field.get_value(obj)
        return "" if value is None else str(field.widget.render(value, obj))

    def after_import_row(self, row, row_result, **kwargs):
        row_result.line = self.line(kwargs.get("row_number", 0))
        row_result.changes, row_result.was_published = [], False
        row_result.key = "" if is_blank(row.get("code")) else str(clean_cell(row.get("code")))
        state = getattr(self, "_row", None)
        if state is None or row_result.import_type not in ("new", "update"):
            return
        instance = state["instance"]
        for field in self.written_fields(row) if self.describing else ():
            old, new = state["old"].get(field.column_name, ""), self.cell(field, instance)
            if old != new:
                row_result.changes.append({"column": field.column_name, "old": old, "new": new})
        row_result.was_published = state["published"] and row_result.import_type == "update"
        if row_result.was_published:
            self.published_rows.append(row_result.line)
        if self.recording:
            self.recorder.add(instance, before=state["before"], line=row_result.line, key=row.get("code"))

    def after_import(self, dataset, result, **kwargs):
        if not kwargs.get("dry_run") and len(dataset) >= 50:  # a sheet of units: tell the planner their number
            transaction.on_commit(lambda: refresh_statistics(self._meta.model))
        result.lines = getattr(self, "lines", None)
        result.columns = {field.attribute: field.column_name for field in self.fields.values()}
        result.hints = {field.column_name: field.widget.hint or _("text") for field in self.fields.values()}
        result.published_rows = list(getattr(self, "published_rows", []))
        if not kwargs.get("dry_run") and kwargs.get("published_confirmed") is False and result.published_rows:
            # The admin's confirmation without the tick for published rows: import-export rolls everything back.
            result.published_refused = True
            raise ValueError(gettext("Published entries would change without the confirmation for them."))
        # A confirmed import from the admin (which names its user) is recorded, so that it can be undone.
        recording = not kwargs.get("dry_run") and kwargs.get("user") is not None
        if recording and not result.has_errors() and not result.has_validation_errors():
            result.import_run = self.recorder.save(
                kind=self._meta.model._meta.label_lower, user=kwargs["user"], file_name=kwargs.get("file_name")
            )

    # The export: the same columns, written as the import reads them, so that it can be corrected and imported back.

    @classmethod
    def export_rows(cls, queryset) -> tuple[list[str], list[list[str]]]:
        resource = cls()
        columns = resource.ordered_fields()
        rows = [[cls.cell(field, obj) for field in columns] for obj in queryset]
        return [field.column_name for field in columns], rows


class CreativeUnitResource(SheetResource):
    code = Column("code", label=_("Import key"))
    name_vi, name_en = translated("name", required=True)
    kind = Column("kind", widget=kind_widget(), required=True)
    primary_sector = Column("primary_sector", widget=SectorWidget(), required=True)
    other_sectors = Column("sectors", column_name="other_sectors", widget=SectorListWidget(), clearable=True)
    short_description_vi, short_description_en = translated("short_description", clearable=True)
    description_vi, description_en = translated("description", clearable=True)
    booth = Column("booth", clearable=True)
    zone_vi, zone_en = translated("zone", clearable=True)
    address = Column("address", clearable=True)
    district = Column("district", clearable=True)
    website = Column("website", widget=URLWidget(), clearable=True)
    facebook = Column("facebook", widget=URLWidget(), clearable=True)
    instagram = Column("instagram", widget=URLWidget(), clearable=True)
    public_email = Column("public_email", widget=EmailWidget(), clearable=True)
    public_phone = Column("public_phone", clearable=True)
    contact_email = Column("contact_email", widget=EmailWidget(), clearable=True)
    in_network = Column("in_network", widget=BooleanWidget())
    commerce_ready = Column("commerce_ready", widget=BooleanWidget())
    wholesale = Column("wholesale", widget=BooleanWidget())
    export = Column("export", widget=BooleanWidget())
    custom_orders = Column("custom_orders", widget=BooleanWidget())
    price_band = Column("price_band", widget=price_band_widget(), clearable=True)
    lead_time_vi, lead_time_en = translated("lead_time", clearable=True)
    status = Column("status", widget=status_widget())

    class Meta(SheetResource.Meta):
        model = CreativeUnit
        fields = (
            "code",
            "name_vi",
            "name_en",
            "kind",
            "primary_sector",
            "other_sectors",
            "short_description_vi",
            "short_description_en",
            "description_vi",
            "description_en",
            "booth",
            "zone_vi",
            "zone_en",
            "address",
            "district",
            "website",
            "facebook",
            "instagram",
            "public_email",
            "public_phone",
            "contact_email",
            "in_network",
            "commerce_ready",
            "wholesale",
            "export",
            "custom_orders",
            "price_band",
            "lead_time_vi",
            "lead_time_en",
            "status",
        )

    @classmethod
    def get_display_name(cls):
        return CreativeUnit._meta.verbose_name_plural

    def get_queryset(self):
        # The units the file names are read in one go (CachedInstanceLoader) with what the comparison of each row
        # with its unit reads: without these, two queries more per row.
        return CreativeUnit.objects.select_related("primary_sector").prefetch_related("sectors")


class ProductResource(SheetResource):
    code_example = "HN-001-P1"

    code = Column("code", label=_("Import key"))
    unit_code = Column("unit", column_name="unit_code", widget=UnitCodeWidget(), required=True, label=_("Unit"))
    name_vi, name_en = translated("name", required=True)
    description_vi, description_en = translated("description", clearable=True)
    price_band = Column("price_band", widget=price_band_widget(), clearable=True)
    retail = Column("retail", widget=BooleanWidget())
    wholesale = Column("wholesale", widget=BooleanWidget())
    export = Column("export", widget=BooleanWidget())
    order = Column("order", widget=IntegerWidget())
    status = Column("status", widget=status_widget())

    class Meta(SheetResource.Meta):
        model = Product
        fields = (
            "code",
            "unit_code",
            "name_vi",
            "name_en",
            "description_vi",
            "description_en",
            "price_band",
            "retail",
            "wholesale",
            "export",
            "order",
            "status",
        )

    @classmethod
    def get_display_name(cls):
        return Product._meta.verbose_name_plural

    def get_queryset(self):
        return Product.objects.select_related("unit")
