from modeltranslation.translator import TranslationOptions, register

from .models import Session, Speaker, Venue


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "address", "description", "hours", "accessibility", "getting_there", "nearby")
    required_languages = {"vi": ("name", "address")}


@register(Speaker)
class SpeakerTranslation(TranslationOptions):
    fields = ("role", "organisation", "bio", "photo_alt")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "location_detail", "image_alt")
    required_languages = {"vi": ("title",)}
