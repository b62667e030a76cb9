from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "press"
    verbose_name = _("Press")

    def ready(self):
        from core import search

        from . import checks  # noqa: F401 (registers the system checks)
        from .models import PressRelease

        search.register(
            "releases",
            _("Press releases"),
            lambda: PressRelease.objects.published(),
            "search/_release.html",
            order=7,
        )

        from . import api as open_data

        open_data.register()  # its records in the open data API (core.api)
