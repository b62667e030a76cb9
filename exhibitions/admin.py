from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core import history
from core.admin import LIST_THUMBNAIL, PUBLISHING_FIELDSET, PublishableAdmin, image_thumbnail

from . import importing
from .models import Artist, Artwork, Exhibition


class ArtworkInlineFormSet(BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        if "catalogue_number" in unique_check:
            return gettext("Two rows have the same catalogue number: each number may be used once in an exhibition.")
        return super().get_unique_error_message(unique_check)


class ArtworkInline(TranslationTabularInline):
    """The catalogue at a glance; the description, dimensions and rights are on each artwork's own page."""

    model = Artwork
    formset = ArtworkInlineFormSet
    fields = ("catalogue_number", "thumbnail", "title", "artists", "alt_text", "image", "status")
    readonly_fields = ("thumbnail",)
    autocomplete_fields = ("artists",)
    extra = 1
    show_change_link = True

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        return image_thumbnail(obj.image, LIST_THUMBNAIL) or "-"


@admin.register(Exhibition)
class ExhibitionAdmin(PublishableAdmin):
    image_field = "image"
    list_display = ("thumbnail", "title", "starts_on", "ends_on", "venue", "artwork_count", "status")
    list_display_links = ("thumbnail", "title")
    list_filter = ("status", "venue", "free_entry")
    list_select_related = ("venue",)
    search_fields = ("title_vi", "title_en", "subtitle_vi", "subtitle_en", "slug")
    date_hierarchy = "starts_on"
    autocomplete_fields = ("venue",)
    readonly_fields = ("preview",)
    inlines = (ArtworkInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "subtitle", "description")}),
        (_("When and where"), {"fields": ("starts_on", "ends_on", "venue", "hours", "free_entry")}),
        (_("Credits"), {"fields": ("organisers", "supporters")}),
        (_("Image"), {"fields": ("image", "preview")}),
        PUBLISHING_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(artwork_count=Count("artworks"))

    @admin.display(description=_("artworks"), ordering="artwork_count")
    def artwork_count(self, obj):
        return obj.artwork_count


@admin.register(Artist)
class ArtistAdmin(PublishableAdmin):
    image_field = "photo"
    list_display = ("thumbnail", "name", "city", "birth_year", "status")
    list_display_links = ("thumbnail", "name")
    list_filter = ("status",)
    search_fields = ("name", "city_vi", "city_en", "slug")
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "bio", "city", "birth_year", "website")}),
        (_("Photo"), {"fields": ("photo", "preview")}),
        PUBLISHING_FIELDSET,
    )


class AltTextFilter(admin.SimpleListFilter):
    """Finds the works that cannot be published yet."""

    title = _("alt text")
    parameter_name = "alt_text"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing in Vietnamese")), ("present", _("Present"))]

    def queryset(self, request, queryset):
        missing = Q(alt_text_vi__isnull=True) | Q(alt_text_vi="")
        if self.value() == "missing":
            return queryset.filter(missing)
        if self.value() == "present":
            return queryset.exclude(missing)
        return queryset


class CatalogueImportForm(forms.Form):
    """The first step of the import: which exhibition, the spreadsheet and the images. Files are read here."""

    exhibition = forms.ModelChoiceField(Exhibition.objects.all(), label=_("Exhibition"))
    spreadsheet = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("CSV (UTF-8) or Excel .xlsx: column names in the first row, then one work per row."),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    images = forms.FileField(
        label=_("Images (ZIP)"),
        required=False,
        help_text=_("A ZIP of the image files named in the spreadsheet. Leave empty to update the texts only."),
        widget=forms.FileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_spreadsheet(self):
        upload = self.cleaned_data["spreadsheet"]
        if upload.size > importing.MAX_SHEET_BYTES:
            raise forms.ValidationError(
                _("The spreadsheet is larger than %(limit)d MB."),
                params={"limit": importing.MAX_SHEET_BYTES // importing.MEGABYTE},
            )
        try:
            return importing.read_sheet(upload.name, upload.read())
        except importing.ImportFileError as error:
            raise forms.ValidationError(error.message) from None

    def clean_images(self):
        upload = self.cleaned_data.get("images")
        if not upload:
            return None
        try:
            return importing.ImageArchive(upload)
        except importing.ImportFileError as error:
            raise forms.ValidationError(error.message) from None


IMPORT_SESSION_KEY = "exhibitions_artwork_import"


@admin.register(Artwork)
class ArtworkAdmin(PublishableAdmin):
    image_field = "image"
    list_display = (
        "thumbnail",
        "__str__",
        "exhibition",
        "artist_names",
        "year",
        "technique",
        "region",
        "status",
    )
    list_display_links = ("thumbnail", "__str__")
    list_filter = ("status", AltTextFilter, "exhibition", "technique", "region")
    list_select_related = ("exhibition",)
    search_fields = ("title_vi", "title_en", "artists__name", "slug")
    autocomplete_fields = ("exhibition", "artists")
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("exhibition", "catalogue_number", "title", "slug", "artists")}),
        (
            _("The work"),
            {
                "fields": (
                    "year",
                    "medium",
                    "technique",
                    "region",
                    "width_cm",
                    "height_cm",
                    "caption",
                    "description",
                )
            },
        ),
        (_("Image and accessibility"), {"fields": ("image", "preview", "alt_text", "long_description")}),
        (_("Credit and rights"), {"fields": ("credit", "rights")}),
        PUBLISHING_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("artists")

    @admin.display(description=_("artists"))
    def artist_names(self, obj):
        return ", ".join(artist.name for artist in obj.artists.all())

    # The catalogue import (exhibitions/importing.py does the work; these views only take the files and answer).

    def has_import_permission(self, request) -> bool:
        return (
            self.has_add_permission(request)
            and self.has_change_permission(request)
            and request.user.has_perm("exhibitions.add_artist")
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="{}_{}_import".format(*info)),
            path("import/sample.csv", view(self.import_sample_sheet), name="{}_{}_import_sample_sheet".format(*info)),
            path("import/sample.zip", view(self.import_sample_images), name="{}_{}_import_sample_images".format(*info)),
            path("export.<str:extension>", view(self.export_view), name="{}_{}_spreadsheet_export".format(*info)),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        exhibition = request.GET.get("exhibition__id__exact", "")
        context = {
            "has_import_permission": self.has_import_permission(request),
            "import_exhibition": exhibition if exhibition.isdigit() else "",
        }
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def import_view(self, request):
        """Step one: upload, validate, preview. Step two (a POST with the preview's token): confirm and apply.

        Between the steps the spreadsheet and the re-encoded images wait in a private staging folder whose token
        only this admin session knows (see importing.Staging): nobody uploads 200 MB twice, and the confirmation
        applies exactly the files that were previewed.
        """
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "token" in request.POST:
            return self._confirm_import(request)
        form = CatalogueImportForm(
            request.POST or None, request.FILES or None, initial={"exhibition": request.GET.get("exhibition")}
        )
        if request.method != "POST" or not form.is_valid():
            return self._import_page(request, form)

        self._discard_pending_import(request)
        exhibition, sheet, archive = (form.cleaned_data[name] for name in ("exhibition", "spreadsheet", "images"))
        staging = importing.Staging.create()
        try:
            images = importing.ZipImages(archive, staging) if archive else None
            plan = importing.plan_import(exhibition=exhibition, sheet=sheet, images=images)
            if plan.problems:
                staging.discard()
                return self._import_page(request, form, plan)
            request.session[IMPORT_SESSION_KEY] = {
                "token": staging.token,
                "exhibition": exhibition.pk,
                "sheet": staging.save_sheet(sheet),
                "images": plan.staged_images() if archive else None,
                "fingerprint": plan.fingerprint,
                "file_name": request.FILES["spreadsheet"].name[:255],
            }
        except BaseException:
            staging.discard()
            raise
        return self._import_page(request, form, plan, token=staging.token)

    def _confirm_import(self, request):
        entry = request.session.get(IMPORT_SESSION_KEY) or {}
        token = request.POST.get("token")
        staging = importing.Staging.find(token) if entry.get("token") == token else None
        exhibition = Exhibition.objects.filter(pk=entry.get("exhibition")).first() if staging else None
        import_url = reverse("admin:exhibitions_artwork_import")
        try:
            if exhibition is None:
                raise importing.ImportFileError(
                    gettext(
                        "This preview is no longer available: it expired or a newer upload replaced it. "
                        "Upload the files again."
                    )
                )
            sheet = staging.load_sheet(entry["sheet"])
        except importing.ImportFileError as error:
            if staging:  # the preview of this session, and its files are gone: start again
                self._discard_pending_import(request)
            self.message_user(request, error.message, messages.ERROR)
            return redirect(import_url)

        form = CatalogueImportForm(initial={"exhibition": exhibition.pk})
        images = importing.StagedImages(staging, entry["images"]) if entry["images"] is not None else None
        plan = importing.plan_import(exhibition=exhibition, sheet=sheet, images=images)
        if plan.problems:
            self._discard_pending_import(request)
            return self._import_page(request, form, plan)
        if plan.fingerprint != entry["fingerprint"]:
            request.session[IMPORT_SESSION_KEY] = {**entry, "fingerprint": plan.fingerprint}
            self.message_user(
                request,
                gettext("The catalogue changed since your preview: check the changes below, then confirm again."),
                messages.WARNING,
            )
            return self._import_page(request, form, plan, token=token)
        if plan.published_updates and not request.POST.get("confirm_published"):
            self.message_user(request, importing.published_refusal(plan), messages.ERROR)
            return self._import_page(request, form, plan, token=token)
        try:
            with history.revision(request, history.IMPORTED):  # each created or changed work in its history
                importing.apply_import(plan, user=request.user, file_name=entry.get("file_name", ""))
        except IntegrityError:
            self._discard_pending_import(request)
            self.message_user(
                request,
                gettext(
                    "Someone changed the catalogue at the same moment: nothing was imported. Upload the files again."
                ),
                messages.ERROR,
            )
            return redirect(import_url)
        self._discard_pending_import(request)
        self.message_user(
            request,
            gettext(
                "Catalogue of “%(exhibition)s” imported. Works created: %(created)d, updated: %(updated)d, "
                "unchanged: %(unchanged)d. New artists: %(artists)d."
            )
            % {
                "exhibition": exhibition,
                "created": plan.created,
                "updated": plan.updated,
                "unchanged": plan.unchanged,
                "artists": len(plan.new_artists),
            },
            messages.SUCCESS,
        )
        return redirect(f"{reverse('admin:exhibitions_artwork_changelist')}?exhibition__id__exact={exhibition.pk}")

    def _discard_pending_import(self, request) -> None:
        entry = request.session.pop(IMPORT_SESSION_KEY, None) or {}
        staging = importing.Staging.find(entry.get("token"))
        if staging:
            staging.discard()

    def _import_page(self, request, form, plan=None, token=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import the catalogue"),
            "form": form,
            "plan": plan,
            "token": token,
            "columns": importing.COLUMNS,
            "sample_first": importing.SAMPLE_NUMBERS.start,
            "sample_last": importing.SAMPLE_NUMBERS.stop - 1,
            "limits": {
                "rows": importing.MAX_SHEET_ROWS,
                "sheet_mb": importing.MAX_SHEET_BYTES // importing.MEGABYTE,
                "zip_mb": importing.MAX_ZIP_BYTES // importing.MEGABYTE,
                "image_mb": settings.TUDOI_IMAGE_MAX_BYTES // importing.MEGABYTE,
                "megapixels": settings.TUDOI_IMAGE_MAX_PIXELS // 1_000_000,
            },
        }
        return TemplateResponse(request, "admin/exhibitions/artwork/import.html", context)

    def export_view(self, request, extension):
        """The catalogue of one exhibition in the import's columns (importing.export_response)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        value = request.GET.get("exhibition", "")
        chosen = Exhibition.objects.filter(pk=int(value)) if value.isdigit() and len(value) < 10 else None
        return importing.export_response((chosen or Exhibition.objects.order_by("pk")).first(), extension)

    def import_sample_sheet(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        response = HttpResponse(importing.sample_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="artworks-sample.csv"'
        return response

    def import_sample_images(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        response = HttpResponse(importing.sample_zip(), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="artworks-sample-images.zip"'
        return response
