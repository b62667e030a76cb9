from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exhibitions"
    verbose_name = _("Exhibitions")
