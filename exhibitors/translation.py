from modeltranslation.translator import TranslationOptions, register

from .models import CreativeUnit, Partner, Product, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"vi": ("name",)}


@register(CreativeUnit)
class CreativeUnitTranslation(TranslationOptions):
    fields = ("name", "short_description", "description", "zone", "lead_time", "cover_alt")
    required_languages = {"vi": ("name",)}


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"vi": ("name",)}


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "description", "logo_alt")
    required_languages = {"vi": ("name",)}
