"""The kernel's app: its checks, and the signals that keep the page cache and the image renditions current."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
        from .pagecache import connect_signals
        from .renditions import connect as connect_renditions

        connect_signals()
        connect_renditions()  # images get their renditions when they are saved
