"""The catalogue's filters and sort, read from the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Region, Technique


class CatalogueForm(forms.Form):
    """The catalogue's filters and sort: plain GET values, so a view can be shared, bookmarked and reloaded."""

    region = forms.ChoiceField(label=_("Theme or region"), required=False)
    technique = forms.ChoiceField(label=_("Medium"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("number", _("Catalogue number")), ("artist", _("Artist's name"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["region"].choices = everything + list(Region.choices)
        self.fields["technique"].choices = everything + list(Technique.choices)

    def value(self, name: str) -> str:
        """The valid value of a field, or "" when it was empty or not understood."""
        if name in self.errors:
            return ""
        return self.cleaned_data.get(name) or ""
