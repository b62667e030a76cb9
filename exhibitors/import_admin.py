"""The admin side of the spreadsheet imports: the upload form, the import views and the sample files.

django-import-export does the two steps (a dry run shown as a preview, then the import after confirmation). This
adds what the organisers need around it: only CSV and XLSX, checked before anything is read (size, rows, encoding,
columns), a page that explains every column and links sample files, errors by spreadsheet row and column, and the
guarantee that nothing is saved when any row is invalid, also when the data changed between preview and
confirmation.
"""

import contextlib
import csv
import io
from datetime import timedelta
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.forms import ConfirmImportForm, ImportForm
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .import_files import FORMATS, MAX_BYTES, MAX_ROWS, SheetError, read_upload
from .models import Sector
from .resources import kind_widget, price_band_widget, status_widget

SAMPLES = Path(__file__).resolve().parent / "import_samples"
# Uploads wait for their confirmation in the "import_export" storage (settings.STORAGES), in this folder; one not
# confirmed within a day is removed when the next import starts.
UPLOADS_FOLDER = "django-import-export"
UPLOAD_MAX_AGE = timedelta(days=1)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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

    Subclasses set `resource_classes` and `sample_name` (the CSV in exhibitors/import_samples/).
    """

    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm
    import_template_name = "admin/exhibitors/import.html"
    import_export_change_list_template = "admin/exhibitors/change_list_import.html"
    import_error_display = ("message",)
    sample_name = ""

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
        }

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

    def process_import(self, request, **kwargs):
        if request.method == "POST" and not self.create_confirm_form(request).is_valid():
            return self.upload_again(request)
        try:
            return super().process_import(request, **kwargs)
        except (OSError, UnicodeError, SheetError):  # the temporary file is gone, or is not the one we wrote
            return self.upload_again(request)

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
        messages.success(
            request,
            gettext("Import finished: %(new)d added, %(update)d updated, %(skip)d unchanged (%(items)s).")
            % {**summary, "items": self.model._meta.verbose_name_plural},
        )

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
    book = Workbook()
    sheet = book.active
    sheet.title = "import"
    for row in rows:
        sheet.append(row)
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
