from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from tudoi.admin import PUBLISHING_FIELDSET, PublishableAdmin

from .models import Artist, Artwork, Exhibition


class ArtworkInline(TranslationTabularInline):
    """The catalogue at a glance; the description, dimensions and rights are on each artwork's own page."""

    model = Artwork
    fields = ("catalogue_number", "title", "artists", "alt_text", "image", "status")
    autocomplete_fields = ("artists",)
    extra = 1
    show_change_link = True


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
    list_filter = ("status", "exhibition", "technique", "region")
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
