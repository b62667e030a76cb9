from modeltranslation.translator import TranslationOptions, register

from .models import MediaAsset, PressContact, PressRelease


@register(PressContact)
class PressContactTranslation(TranslationOptions):
    fields = ("role", "organisation")


@register(PressRelease)
class PressReleaseTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt")
    required_languages = {"vi": ("title", "body")}


@register(MediaAsset)
class MediaAssetTranslation(TranslationOptions):
    fields = ("title", "caption")
    required_languages = {"vi": ("title",)}
