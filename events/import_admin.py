"""The programme's spreadsheet import and export in the admin: the units' import page (exhibitors/import_admin.py)
with the sessions' resource (events/resources.py), its sample (demo/samples/sessions.csv) and its accepted values."""

from exhibitors.import_admin import SpreadsheetImportMixin
from exhibitors.models import Sector

from .models import Speaker, Venue
from .resources import SessionResource, kind_widget, language_widget


class SessionImportMixin(SpreadsheetImportMixin):
    resource_classes = (SessionResource,)
    sample_name = "sessions"
    import_template_name = "admin/events/session/import.html"
    spreadsheet_export_ordering = ("starts_at", "venue__order", "pk")

    def get_import_context_data(self, **kwargs):
        return {
            **super().get_import_context_data(**kwargs),
            "session_venues": Venue.objects.order_by("order", "pk"),
            "session_kinds": kind_widget().accepted(),
            "session_languages": language_widget().accepted(),
            "session_sectors": Sector.objects.all(),
            "session_speakers": Speaker.objects.order_by("name"),
        }
