from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exhibitors"
    verbose_name = _("Exhibitors and partners")

    def ready(self):
        from core import search

        from .models import CreativeUnit, Product

        search.register(
            "units",
            _("Creative units"),
            lambda: CreativeUnit.objects.published().for_listing(),
            "search/_unit.html",
            order=1,
        )
        search.register(
            "products",
            _("Products"),
            lambda: (
                Product.objects.published().filter(unit__in=CreativeUnit.objects.published()).select_related("unit")
            ),
            "search/_product.html",
            order=2,
        )

        from . import api as open_data

        open_data.register()  # its records in the open data API (core.api)
