"""Content that still lacks English, and the round trip through a translator's spreadsheet.

For every model registered in a `translation.py` (django-modeltranslation) the admin gets:

- a list filter "Lacks English" (`LacksEnglishFilter`): the rows where a field that matters has Vietnamese text and
  no English (`lacks_english_q`). The fields that matter (`essential_fields`) are those a visitor cannot do
  without: the ones required in Vietnamese (`required_languages`, so required to save and to publish), the alt
  texts (a published image needs one, see `Artwork.clean()`), and, on a model that requires none of them (speakers,
  artists, press contacts), every translated field;
- an action "Export for translators" (`export_for_translators`): an XLSX sheet with one row per field that has
  Vietnamese and no English (columns model, id, code, field, vietnamese, english), the English column to fill;
- a page "Import translations" (`import_view`) that reads the filled sheet (CSV or XLSX, through
  `core.spreadsheets`) and writes the English columns only (`*_en`), all or nothing: any bad row saves nothing and
  is reported with its value quoted; an unknown id, or Vietnamese text that changed since the export, is a warning.

`TranslationStatusMixin` wires the three into a ModelAdmin (`PublishableAdmin` includes it); the admin's front page
asks `lacking_english_counts(request)`. Core imports no app: everything works from the model it is given.
"""

import io
import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from . import spreadsheets

PARAMETER = "lacks_english"
SOURCE, TARGET = "vi", "en"
COLUMNS = ("model", "id", "code", "field", "vietnamese", "english")
REQUIRED_COLUMNS = ("id", "field", "english")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Which fields, and which rows


def translated_fields(model) -> list[str]:
    """The translated fields of `model` (their plain names: "title"), in the model's order; [] for a model that is
    not translated."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(options.all_fields, key=lambda name: model._meta.get_field(name).creation_counter)


def _required_in_vietnamese(model) -> set[str]:
    required = translator.get_options_for_model(model).required_languages
    if isinstance(required, dict):
        return set(required.get(SOURCE, ())) | set(required.get("default", ()))
    return set(translated_fields(model)) if SOURCE in (required or ()) else set()


def is_alt_text(name: str) -> bool:
    return name == "alt_text" or name.endswith(("_alt", "_alt_text"))


def essential_fields(model) -> list[str]:
    """The translated fields whose English a visitor needs: required in Vietnamese (to save, hence to publish), alt
    texts (required to publish an image), or, when a model has neither, all of its translated fields."""
    fields = translated_fields(model)
    if not fields:
        return []
    required = _required_in_vietnamese(model)
    essential = [name for name in fields if name in required or is_alt_text(name)]
    return essential or fields


def _blank(column: str) -> Q:
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def missing_q(name: str) -> Q:
    """The field has Vietnamese text and no English."""
    return ~_blank(f"{name}_{SOURCE}") & _blank(f"{name}_{TARGET}")


def any_missing_q(fields) -> Q:
    """One of `fields` has Vietnamese text and no English (matches nothing when `fields` is empty)."""
    condition = Q(pk__in=[])
    for name in fields:
        condition |= missing_q(name)
    return condition


def lacks_english_q(model) -> Q:
    """The rows of `model` where an essential field has Vietnamese text and no English (nothing when untranslated)."""
    return any_missing_q(essential_fields(model))


def _text(value) -> str:
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


class LacksEnglishFilter(admin.SimpleListFilter):
    title = _("English translation")
    parameter_name = PARAMETER

    def lookups(self, request, model_admin):
        return (("1", _("Lacks English")), ("0", _("Has English")))

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(lacks_english_q(queryset.model))
        if self.value() == "0":
            return queryset.exclude(lacks_english_q(queryset.model))
        return queryset


def lacks_english_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") + f"?{PARAMETER}=1"


def lacking_english_counts(request: HttpRequest) -> list[dict]:
    """For the admin's front page: per translated model the user may view, {label, count, url} where `url` opens its
    list filtered on "Lacks English". Models with nothing missing are listed too (count 0), in the admin's order."""
    counts = []
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, TranslationStatusMixin) or not translated_fields(model):
            continue
        if not model_admin.has_view_permission(request):
            continue
        counts.append(
            {
                "label": str(capfirst(model._meta.verbose_name_plural)),
                "count": model._default_manager.filter(lacks_english_q(model)).count(),
                "url": lacks_english_url(model),
            }
        )
    return counts


# The sheet


def model_key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def human_code(obj) -> str:
    """What people call a row: its code (TH-001) when the model has one, else its catalogue number or slug."""
    for name in ("code", "catalogue_number", "slug"):
        value = getattr(obj, name, None)
        if value not in (None, ""):
            return str(value)
    return ""


def rows_to_translate(queryset) -> list[tuple]:
    """(model, id, code, field, Vietnamese, "") for every translated field of the rows that has Vietnamese text and
    no English."""
    model = queryset.model
    fields = translated_fields(model)
    key = model_key(model)
    rows = []
    for obj in queryset.filter(any_missing_q(fields)).order_by("pk"):
        for name in fields:
            source = _text(getattr(obj, f"{name}_{SOURCE}"))
            if source and not _text(getattr(obj, f"{name}_{TARGET}")):
                rows.append((key, obj.pk, human_code(obj), name, source, ""))
    return rows


def write_xlsx(rows) -> bytes:
    """The translator's workbook: a heading row, the rows, text wrapped, the English column to fill highlighted."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "translations"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                # Text that starts with "=" stays text: a typed-in value never runs as a formula.
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        row[-1].fill = PatternFill("solid", fgColor="FFF2CC")
    for letter, width in zip("ABCDEF", (18, 8, 16, 18, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


@admin.action(description=_("Export for translators (XLSX)"), permissions=["view"])
def export_for_translators(modeladmin, request, queryset):
    rows = rows_to_translate(queryset)
    if not rows:
        modeladmin.message_user(
            request, gettext("Nothing to translate: every selected item already has its English."), messages.INFO
        )
        return None
    if len(rows) > spreadsheets.MAX_ROWS:
        modeladmin.message_user(
            request,
            gettext(
                "The file has %(count)d rows; an import reads at most %(limit)d. Import it in several parts, or "
                "export fewer items at a time."
            )
            % {"count": len(rows), "limit": spreadsheets.MAX_ROWS},
            messages.WARNING,
        )
    response = HttpResponse(write_xlsx(rows), content_type=XLSX_TYPE)
    name = f"translations-{queryset.model._meta.model_name}-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# Reading it back


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)  # {obj, field, label, old, new}
    skipped: int = 0  # rows with the English left empty


def _row_message(line: int, message: str) -> str:
    return gettext("Row %(row)d: %(message)s") % {"row": line, "message": message}


def _quoted(value) -> str:
    return "“%s”" % ("" if value is None else str(value))


def _parse_id(value) -> int | None:
    """A positive whole number ("12", 12), else None."""
    if isinstance(value, bool | float):
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def read_translations(model, table: spreadsheets.Table) -> ImportResult:
    """Check every row of `table` against `model` and collect the changes; saves nothing (`apply` does)."""
    result = ImportResult()
    missing = [name for name in REQUIRED_COLUMNS if name not in table.headers]
    if missing:
        result.errors.append(
            gettext("The file lacks the column(s) %(missing)s. Its first row must hold the headings %(columns)s.")
            % {"missing": ", ".join(missing), "columns": ", ".join(COLUMNS)}
        )
        return result
    fields = translated_fields(model)
    key = model_key(model)
    records = list(table.records())
    found = model._default_manager.in_bulk({_parse_id(record.get("id")) for _line, record in records} - {None})
    seen: dict[tuple, int] = {}
    for line, record in records:
        english = _text(record.get("english"))
        row_model = _text(record.get("model")).lower()
        if row_model and row_model != key:
            result.errors.append(
                _row_message(
                    line,
                    gettext("the model %(value)s is not %(model)s: import this file from the list of its own model.")
                    % {"value": _quoted(record.get("model")), "model": key},
                )
            )
            continue
        raw_id = record.get("id")
        pk = _parse_id(raw_id)
        if pk is None:
            result.errors.append(
                _row_message(
                    line,
                    gettext("the id %(value)s is not valid: keep the ids of the exported file.")
                    % {"value": _quoted(raw_id)},
                )
            )
            continue
        name = _text(record.get("field"))
        if name not in fields:
            result.errors.append(
                _row_message(
                    line,
                    gettext("the field %(value)s is not a translated field here (%(fields)s).")
                    % {"value": _quoted(record.get("field")), "fields": ", ".join(fields)},
                )
            )
            continue
        if not english:
            result.skipped += 1
            continue
        if (pk, name) in seen:
            result.errors.append(
                _row_message(
                    line,
                    gettext("id %(id)d, field %(field)s is already on row %(row)d.")
                    % {"id": pk, "field": name, "row": seen[(pk, name)]},
                )
            )
            continue
        seen[(pk, name)] = line
        obj = found.get(pk)
        if obj is None:
            result.warnings.append(
                _row_message(
                    line,
                    gettext("there is no item with id %(id)d (code %(code)s); the row was left out.")
                    % {"id": pk, "code": _quoted(record.get("code"))},
                )
            )
            continue
        model_field = model._meta.get_field(f"{name}_{TARGET}")
        try:
            model_field.clean(english, obj)
        except ValidationError as error:
            result.errors.append(
                _row_message(
                    line,
                    gettext("the English %(value)s of %(field)s is refused: %(reason)s")
                    % {"value": _quoted(english), "field": name, "reason": " ".join(error.messages)},
                )
            )
            continue
        current_source = _text(getattr(obj, f"{name}_{SOURCE}"))
        if "vietnamese" in table.headers and _text(record.get("vietnamese")) != current_source:
            result.warnings.append(
                _row_message(
                    line,
                    gettext(
                        "the Vietnamese %(field)s of “%(item)s” changed since the export (now %(value)s): check "
                        "that the English still matches it."
                    )
                    % {"field": name, "item": obj, "value": _quoted(current_source)},
                )
            )
        old = _text(getattr(obj, f"{name}_{TARGET}"))
        if old == english:
            continue
        if old:
            result.warnings.append(
                _row_message(
                    line,
                    gettext("“%(item)s” already had the English %(old)s for %(field)s; it is replaced.")
                    % {"item": obj, "old": _quoted(old), "field": name},
                )
            )
        result.changes.append(
            {
                "obj": obj,
                "field": name,
                "label": capfirst(model._meta.get_field(name).verbose_name),
                "old": old,
                "new": english,
            }
        )
    return result


def apply(result: ImportResult) -> int:
    """Write the English texts of `result` in one transaction (each object saved once, its `*_en` columns only);
    return how many objects changed."""
    by_object: dict = {}
    for change in result.changes:
        by_object.setdefault(change["obj"].pk, (change["obj"], []))[1].append(change)
    with transaction.atomic():
        for obj, changes in by_object.values():
            columns = []
            for change in changes:
                column = f"{change['field']}_{TARGET}"
                setattr(obj, column, change["new"])
                columns.append(column)
            if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
                columns.append("updated_at")
            obj.save(update_fields=columns)
    return len(by_object)


class TranslationImportForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in sheet (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,.csv,text/csv,{XLSX_TYPE}"}),
    )


def import_view(model_admin, request: HttpRequest) -> TemplateResponse:
    """The "Import translations" page of `model_admin`'s model: the upload, then what was saved or why nothing."""
    model = model_admin.model
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    opts = model._meta
    form = TranslationImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    result = None
    saved = 0
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > spreadsheets.MAX_BYTES:
                raise spreadsheets.refuse(
                    "too_large",
                    size=filesizeformat(upload.size),
                    limit=filesizeformat(spreadsheets.MAX_BYTES),
                )
            table = spreadsheets.read(upload.name, upload.read())
        except spreadsheets.SpreadsheetError as error:
            form.add_error("file", error.message)
        else:
            result = read_translations(model, table)
            if result.errors:
                messages.error(
                    request, gettext("Nothing was imported: the file has errors. Correct them and try again.")
                )
            elif result.changes:
                saved = apply(result)
                messages.success(
                    request,
                    ngettext(
                        "%(count)d English text saved (%(items)d item).",
                        "%(count)d English texts saved (%(items)d items).",
                        len(result.changes),
                    )
                    % {"count": len(result.changes), "items": saved},
                )
            else:
                messages.info(request, gettext("Nothing to change: the file holds no new English text."))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Import translations"),
        "subtitle": capfirst(opts.verbose_name_plural),
        "opts": opts,
        "form": form,
        "result": result,
        "saved": saved,
        "columns": COLUMNS,
        "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        "lacks_english_url": lacks_english_url(model),
        "max_rows": spreadsheets.MAX_ROWS,
    }
    return TemplateResponse(request, "admin/translation_import.html", context)


# The ModelAdmin side


class TranslationStatusMixin:
    """Adds the "Lacks English" filter, the export action and the import page to a translated model's admin."""

    def _translated(self) -> bool:
        return bool(translated_fields(self.model))

    def get_list_filter(self, request):
        list_filter = tuple(super().get_list_filter(request))
        if self._translated() and LacksEnglishFilter not in list_filter:
            list_filter += (LacksEnglishFilter,)
        return list_filter

    def get_actions(self, request):
        actions = super().get_actions(request)
        if (
            self._translated()
            and self.actions is not None
            and IS_POPUP_VAR not in request.GET
            and self.has_view_permission(request)
        ):
            func, name, description = self.get_action(export_for_translators)
            actions.setdefault(name, (func, name, description))
        return actions

    def get_urls(self):
        opts = self.model._meta
        urls = [
            path(
                "translations/import/",
                self.admin_site.admin_view(self.translations_import_view),
                name=f"{opts.app_label}_{opts.model_name}_translations_import",
            )
        ]
        return urls + super().get_urls() if self._translated() else super().get_urls()

    def translations_import_view(self, request):
        return import_view(self, request)

    def get_object_tool_links(self, request) -> list[tuple[str, str]]:
        """Extra (url, label) links above the list (templates/admin/change_list_object_tools.html)."""
        links = []
        if self._translated() and self.has_change_permission(request):
            opts = self.model._meta
            links.append(
                (
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_translations_import"),
                    gettext("Import translations"),
                )
            )
        return links

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "extra_object_tools": self.get_object_tool_links(request)}
        return super().changelist_view(request, extra_context)
