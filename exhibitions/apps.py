from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exhibitions"
    verbose_name = _("Exhibitions")

    def ready(self):
        from core import search

        from .models import Artist, Artwork

        search.register("artists", _("Artists"), lambda: Artist.objects.published(), "search/_artist.html", order=5)
        search.register(
            "artworks",
            _("Works"),
            lambda: Artwork.objects.published().for_listing(),
            "search/_artwork.html",
            order=6,
        )

        from . import api as open_data

        open_data.register()  # its records in the open data API (core.api)
