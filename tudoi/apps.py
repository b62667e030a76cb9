"""The assembly: settings, URLs, the site-wide pages, the sitemap and the demo command."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TudoiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tudoi"
    verbose_name = _("Site")
