from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Programme")

    def ready(self):
        from django.db.models import Prefetch

        from core import search

        from .models import Session, Speaker

        search.register(
            "sessions",
            _("Programme"),
            lambda: Session.objects.published().select_related("venue"),
            "search/_session.html",
            order=3,
        )
        search.register(
            "speakers",
            _("Speakers"),
            lambda: Speaker.objects.published().prefetch_related(
                Prefetch("sessions", queryset=Session.objects.published(), to_attr="public_sessions")
            ),
            "search/_speaker.html",
            order=4,
        )

        from . import api as open_data

        open_data.register()  # its records in the open data API (core.api)
