from modeltranslation.translator import TranslationOptions, register

from .models import Artist, Artwork, Exhibition


@register(Exhibition)
class ExhibitionTranslation(TranslationOptions):
    fields = ("title", "subtitle", "description", "hours", "organisers", "supporters")
    required_languages = {"vi": ("title",)}


@register(Artist)
class ArtistTranslation(TranslationOptions):
    fields = ("bio", "city")


@register(Artwork)
class ArtworkTranslation(TranslationOptions):
    fields = ("title", "medium", "caption", "description", "alt_text", "long_description", "credit", "rights")
    # Alt text in Vietnamese is required to publish, not to save a draft: Artwork.clean() checks it.
    required_languages = {"vi": ("title",)}
