"""The admin side of the spreadsheet imports: the upload form, the import views and the sample files.

django-import-export does the two steps (a dry run shown as a preview, then the import after confirmation). This
adds what the organisers need around it: only CSV and XLSX, checked before anything is read (size, rows, encoding,
columns), a page that explains every column and links sample files, errors by spreadsheet row and column, and the
guarantee that nothing is saved when any row is invalid, also when the data changed between preview and
confirmation.
"""

import contextlib
import csv
from datetime import timedelta
from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.forms import ConfirmImportForm, ImportForm

from core import history

from .import_files import FORMATS, MAX_BYTES, MAX_ROWS, SheetError, read_upload
from .import_runs import CREATE, UndoRefused, undo
from .models import ImportRun, Sector
from .resources import SAMPLE_PREFIX, kind_widget, price_band_widget, status_widget
from .spreadsheet_export import XLSX_TYPE, spreadsheet_response, workbook

# The sample files (drafts only, with keys kept for samples) live with the demo's data files.
SAMPLES = Path(settings.BASE_DIR) / "demo" / "samples"
# Uploads wait for their confirmation in the "import_export" storage (settings.STORAGES), in this folder; one not
# confirmed within a day is removed when the next import starts.
UPLOADS_FOLDER = "django-import-export"
UPLOAD_MAX_AGE = timedelta(days=1)


class SpreadsheetImportForm(ImportForm):
    """The upload: the format follows from the file's extension; the file is read and checked here."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats, self.resources = list(formats), list(resources)
        self.fields["format"].required = False
        self.fields["format"].widget = forms.HiddenInput()
        upload = self.fields["import_file"]
        upload.label = _("Spreadsheet (.csv or .xlsx)")
        upload.widget.attrs["accept"] = f".csv,.xlsx,text/csv,{XLSX_TYPE}"

    @property
    def media(self):
        return forms.Media()  # no format guessing in JavaScript: the server reads the extension

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if not upload:
            return cleaned
        try:
            format_class, dataset = read_upload(upload)
            check_columns(self.resource_class(cleaned), dataset.headers)
        except SheetError as error:
            self.add_error("import_file", error.message)
            return cleaned
        cleaned["format"] = str(self.formats.index(format_class))
        return cleaned

    def resource_class(self, cleaned):
        try:
            return self.resources[int(cleaned.get("resource") or 0)]
        except (ValueError, IndexError):
            return self.resources[0]


class SpreadsheetConfirmForm(ConfirmImportForm):
    """The confirmation: its hidden fields come back from the browser, so the format index is checked too."""

    format = forms.ChoiceField(
        choices=[(str(index), str(index)) for index in range(len(FORMATS))], widget=forms.HiddenInput
    )
    # Rows that change published entries are only written when this is ticked (the page says how many).
    confirm_published = forms.BooleanField(required=False, label=_("I understand that published entries will change"))


def check_columns(resource_class, headers) -> None:
    expected = resource_class.columns()
    if "code" not in headers:
        raise SheetError(
            _("The file has no “code” column. The first row must hold the column headings: %(columns)s.")
            % {"columns": ", ".join(expected)}
        )
    unknown = [header for header in headers if header not in expected]
    if unknown:
        raise SheetError(
            _("Unknown columns: %(unknown)s. This import reads the columns %(columns)s.")
            % {"unknown": ", ".join(unknown), "columns": ", ".join(expected)}
        )


class SpreadsheetImportMixin(ImportMixin):
    """ImportMixin for a ModelAdmin importing with one of the resources of exhibitors/resources.py.

    Subclasses set `resource_classes` and `sample_name` (the CSV in demo/samples/). The mixin adds the export in the
    same columns (export.csv, export.xlsx), the confirmation asked before published entries change, and the record
    of each import, which the list of recent imports can undo.
    """

    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm
    import_template_name = "admin/exhibitors/import.html"
    import_export_change_list_template = "admin/exhibitors/change_list_import.html"
    import_error_display = ("message",)
    sample_name = ""
    spreadsheet_export_ordering = ("code", "pk")  # the rows of the export (sessions: by time)

    def get_import_formats(self):
        return list(FORMATS)

    def get_urls(self):
        info = self.get_model_info()
        return [
            path(
                "import/sample.<str:extension>",
                self.admin_site.admin_view(self.sample_view),
                name="{}_{}_import_sample".format(*info),
            ),
            path(
                "export.<str:extension>",
                self.admin_site.admin_view(self.spreadsheet_export_view),
                name="{}_{}_spreadsheet_export".format(*info),
            ),
            *super().get_urls(),
        ]

    # The page

    def get_import_context_data(self, **kwargs):
        resource_class = self.get_import_resource_classes(None)[0]
        app, model = self.get_model_info()
        return {
            **super().get_import_context_data(**kwargs),
            "import_columns": resource_class.column_docs(),
            "sample_csv_url": reverse(f"admin:{app}_{model}_import_sample", args=["csv"]),
            "sample_xlsx_url": reverse(f"admin:{app}_{model}_import_sample", args=["xlsx"]),
            "max_rows": MAX_ROWS,
            "max_megabytes": MAX_BYTES // 1024 // 1024,
            "import_kind": self.sample_name,
            "import_sectors": Sector.objects.all() if "primary_sector" in resource_class.fields else None,
            "import_kinds": kind_widget().accepted(),
            "import_price_bands": price_band_widget().accepted(),
            "import_statuses": status_widget().accepted(),
            "units_import_url": reverse("admin:exhibitors_creativeunit_import"),
            "products_import_url": reverse("admin:exhibitors_product_import"),
            "export_csv_url": reverse(f"admin:{app}_{model}_spreadsheet_export", args=["csv"]),
            "export_xlsx_url": reverse(f"admin:{app}_{model}_spreadsheet_export", args=["xlsx"]),
            "import_runs_url": reverse("admin:exhibitors_importrun_changelist"),
            "sample_prefix": SAMPLE_PREFIX,
        }

    def changelist_view(self, request, extra_context=None):
        info = self.get_model_info()
        context = {
            "spreadsheet_export_url": reverse("admin:{}_{}_spreadsheet_export".format(*info), args=["xlsx"]),
            "spreadsheet_export_csv_url": reverse("admin:{}_{}_spreadsheet_export".format(*info), args=["csv"]),
            "spreadsheet_query": request.GET.urlencode(),
        }
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def get_import_resource_classes(self, request):
        return self.resource_classes

    # The import

    def import_action(self, request, **kwargs):
        if request.method == "POST":
            remove_stale_uploads()
        response = super().import_action(request, **kwargs)
        # import-export keeps the upload in a temporary file for the confirmation; with errors there is none to come.
        context = getattr(response, "context_data", None) or {}
        upload = getattr(context.get("form"), "cleaned_data", {}).get("import_file")
        if getattr(upload, "tmp_storage_name", None) and not context.get("confirm_form"):
            with contextlib.suppress(OSError):
                self.get_tmp_storage_class()(name=upload.tmp_storage_name).remove()
        return response

    def process_dataset(self, dataset, form, request, **kwargs):
        # Also at confirmation: if the data changed since the preview and a row became invalid, save nothing.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().process_dataset(dataset, form, request, **kwargs)

    def get_import_data_kwargs(self, **kwargs):
        data = super().get_import_data_kwargs(**kwargs)
        form = kwargs.get("form")
        if isinstance(form, SpreadsheetConfirmForm):  # the confirmation: published rows need the extra tick
            data["published_confirmed"] = bool(form.cleaned_data.get("confirm_published"))
        return data

    def process_import(self, request, **kwargs):
        """The confirmation (import-export's, with the file kept when published rows still need their tick)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if request.method != "POST" or not confirm_form.is_valid():
            return self.upload_again(request)
        try:
            input_format = self.get_import_formats()[int(confirm_form.cleaned_data["format"])](
                encoding=self.from_encoding
            )
            tmp_storage = self.get_tmp_storage_class()(
                name=confirm_form.cleaned_data["import_file_name"],
                encoding=None if input_format.is_binary() else self.from_encoding,
                read_mode=input_format.get_read_mode(),
                **self.get_tmp_storage_class_kwargs(),
            )
            dataset = input_format.create_dataset(tmp_storage.read())
        except (OSError, UnicodeError, SheetError):  # the temporary file is gone, or is not the one we wrote
            return self.upload_again(request)
        with history.revision(request, history.IMPORTED, manual=True):  # each changed row in its history
            result = self.process_dataset(dataset, confirm_form, request, **kwargs)
            if not getattr(result, "published_refused", False):
                history.add_import_result(self.model, result)
        if getattr(result, "published_refused", False):
            count = len(result.published_rows)
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: %(count)d published entry would change. Tick “I understand…” below "
                    "to confirm that change, or cancel.",
                    "Nothing was imported: %(count)d published entries would change. Tick “I understand…” below "
                    "to confirm those changes, or cancel.",
                    count,
                )
                % {"count": count},
            )
            kept = ("import_file_name", "original_file_name", "format", "resource")
            again = self.get_confirm_form_class(request)(initial={k: confirm_form.cleaned_data.get(k) for k in kept})
            return self.confirm_page(request, result, again)
        with contextlib.suppress(OSError):
            tmp_storage.remove()
        return self.process_result(result, request)

    def confirm_page(self, request, result, confirm_form) -> TemplateResponse:
        """The preview again, with its confirmation form (the upload is still waiting)."""
        form = self.get_import_form_class(request)(self.get_import_formats(), self.get_import_resource_classes(request))
        context = {
            **self.get_import_context_data(),
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
            "result": result,
            "confirm_form": confirm_form,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    def upload_again(self, request):
        messages.error(request, gettext("The uploaded file is no longer available. Please upload it again."))
        return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*self.get_model_info())))

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(request, gettext("Nothing was imported: the file has errors. Correct them and try again."))
            return self.import_page(request, result)
        return super().process_result(result, request)

    def import_page(self, request, result) -> TemplateResponse:
        """The import page showing `result`'s errors, with a new upload form."""
        form = self.get_import_form_class(request)(self.get_import_formats(), self.get_import_resource_classes(request))
        context = {
            **self.get_import_context_data(),
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
            "result": result,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    def add_success_message(self, result, request):
        summary = result.summary()
        text = gettext("Import finished: %(new)d added, %(update)d updated, %(skip)d unchanged (%(items)s).") % {
            **summary,
            "items": self.model._meta.verbose_name_plural,
        }
        run = getattr(result, "import_run", None)
        if run is None:
            messages.success(request, text)
            return
        messages.success(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                text,
                reverse("admin:exhibitors_importrun_undo", args=[run.pk]),
                gettext("Undo this import"),
            ),
        )

    # The export: the same columns as the import, so that the file can be corrected and imported back.

    def spreadsheet_export_view(self, request, extension: str):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if extension not in {"csv", "xlsx"}:
            raise Http404
        queryset = self.get_queryset(request)
        with contextlib.suppress(IncorrectLookupParameters):
            queryset = self.get_changelist_instance(request).get_queryset(request)
        resource_class = self.get_import_resource_classes(request)[0]
        headers, rows = resource_class.export_rows(queryset.order_by(*self.spreadsheet_export_ordering))
        name = f"{slugify(self.sample_name or self.model._meta.model_name)}-{timezone.localdate():%Y-%m-%d}"
        return spreadsheet_response(headers, rows, name, extension)

    # The samples

    def sample_view(self, request, extension: str):
        if not self.has_import_permission(request):
            raise PermissionDenied
        source = SAMPLES / f"{self.sample_name}.csv"
        filename = f"{self.sample_name}-sample.{extension}"
        if extension == "csv":
            return FileResponse(
                source.open("rb"), as_attachment=True, filename=filename, content_type="text/csv; charset=utf-8"
            )
        if extension == "xlsx":
            response = HttpResponse(sample_workbook(source), content_type=XLSX_TYPE)
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        raise Http404


def sample_workbook(source: Path) -> bytes:
    """The sample CSV as an Excel workbook: the same cells, as text, with bold frozen headings."""
    with source.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    return workbook(rows)


def remove_stale_uploads() -> None:
    """Delete the uploads whose preview was never confirmed (older than `UPLOAD_MAX_AGE`)."""
    storage = storages["import_export"]
    try:
        _folders, names = storage.listdir(UPLOADS_FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - UPLOAD_MAX_AGE
    for name in names:
        with contextlib.suppress(OSError):
            if storage.get_modified_time(f"{UPLOADS_FOLDER}/{name}") < cutoff:
                storage.delete(f"{UPLOADS_FOLDER}/{name}")


# The record of the imports, and their undo.


class ImportKindFilter(admin.SimpleListFilter):
    """What was imported, by the name of the kind of entry (not the model's label)."""

    title = _("what was imported")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        kinds = ImportRun.objects.order_by("kind").values_list("kind", flat=True).distinct()
        return [(kind, ImportRun(kind=kind).kind_label) for kind in kinds]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Recent imports (read only), each with “Undo this import” while it has not been undone."""

    list_display = ("created_at", "kind_column", "file_name", "user", "created_count", "updated_count", "undo_link")
    list_filter = (ImportKindFilter,)
    date_hierarchy = "created_at"
    list_select_related = ("user", "undone_by")
    readonly_fields = (
        "created_at",
        "user",
        "kind_column",
        "file_name",
        "created_count",
        "updated_count",
        "undone_at",
        "undone_by",
        "row_list",
    )
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("what was imported"), ordering="kind")
    def kind_column(self, obj):
        return obj.kind_label

    @admin.display(description=_("undo"))
    def undo_link(self, obj):
        if obj.undone_at:
            when = timezone.localtime(obj.undone_at).strftime("%d/%m/%Y %H:%M")
            return gettext("Undone on %(date)s") % {"date": when}
        undo_url = reverse("admin:exhibitors_importrun_undo", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', undo_url, gettext("Undo this import"))

    @admin.display(description=_("rows"))
    def row_list(self, obj):
        return format_html(
            "<ul>{}</ul>",
            format_html_join_rows(describe_rows(obj)),
        )

    def get_urls(self):
        return [
            path(
                "<int:run_id>/undo/",
                self.admin_site.admin_view(self.undo_view),
                name="exhibitors_importrun_undo",
            ),
            *super().get_urls(),
        ]

    def may_undo(self, request, run) -> bool:
        if not self.has_view_permission(request, run):
            return False
        for row in run.rows:
            try:
                opts = apps.get_model(row["model"])._meta
            except (LookupError, ValueError):
                return False
            action = "delete" if row["action"] == CREATE else "change"
            if not request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
                return False
        return True

    def undo_view(self, request, run_id: int):
        run = get_object_or_404(ImportRun, pk=run_id)
        if not self.may_undo(request, run):
            raise PermissionDenied
        changelist = reverse("admin:exhibitors_importrun_changelist")
        if request.method == "POST" and not run.undone_at:
            try:
                counts = undo(run, request.user)
            except UndoRefused as refused:
                self.message_user(request, refused.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext(
                        "Import undone: %(deleted)d entries removed, %(restored)d restored to their earlier values."
                    )
                    % counts,
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Undo this import"),
            "run": run,
            "rows": describe_rows(run),
            "changelist_url": changelist,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/exhibitors/importrun/undo.html", context)


def describe_rows(run: ImportRun) -> list[dict]:
    """Each row of a run in words: what undoing it does, and the values it puts back."""
    described = []
    for row in run.rows:
        try:
            model = apps.get_model(row["model"])
        except (LookupError, ValueError):
            continue
        fields = {field.attname: field for field in model._meta.concrete_fields}
        fields |= {field.name: field for field in model._meta.many_to_many}
        changes = []
        if row["action"] != CREATE:
            for name, old in (row.get("before") or {}).items():
                new = row["after"].get(name)
                if new != old and name in fields:
                    changes.append({"field": str(fields[name].verbose_name), "old": old, "new": new})
        described.append(
            {
                "line": row.get("line"),
                "key": row.get("key"),
                "name": row.get("repr") or row.get("key"),
                "item": model._meta.verbose_name,
                "created": row["action"] == CREATE,
                "changes": changes,
            }
        )
    return described


def format_html_join_rows(rows: list[dict]):
    return format_html_join(
        "",
        "<li>{} {}: {}</li>",
        (
            (
                row["item"],
                row["name"],
                gettext("added") if row["created"] else ", ".join(change["field"] for change in row["changes"]),
            )
            for row in rows
        ),
    )
