from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ContactEmailField, PhoneField, PublicModelForm

from .models import DeliveryLanguage, Registration, SessionKind


class RegistrationForm(PublicModelForm):
    """What a visitor gives to take a seat (or a waiting-list place) in a session with limited seats.

    `website` is a honeypot: hidden from people (visually and from assistive technology); robots fill it in.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep these details to manage my registration and contact me about it."),
        error_messages={"required": _("Please tick this box: we cannot keep your seat without your agreement.")},
    )

    one_line_fields = ("name",)
    field_order = ("name", "email", "phone", "website", "consent")

    class Meta:
        model = Registration
        fields = ("name", "email", "phone", "consent")
        field_classes = {"email": ContactEmailField, "phone": PhoneField}
        labels = {"name": _("Full name"), "email": _("E-mail"), "phone": _("Phone (optional)")}
        help_texts = {
            "email": _("Your confirmation, the calendar entry and the link to cancel are sent to this address."),
            "phone": _("Only used to reach you if the session changes at the last minute."),
        }
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "name"})}

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def is_robot(self) -> bool:
        """True when the honeypot was filled in (only meaningful once the form is bound)."""
        return self.is_bound and bool(self.data.get(self.add_prefix("website"), "").strip())


# The programme's filters (beside the day and the view) and the lookup of each.
FILTER_LOOKUPS = {"venue": "venue__slug", "type": "kind", "sector": "sectors__slug", "language": "language"}
FILTER_NAMES = tuple(FILTER_LOOKUPS)


class ProgrammeFilterForm(forms.Form):
    """The programme's filters: every value comes from the URL, so a filtered view can be shared and reloaded."""

    day = forms.DateField(label=_("Day"), required=False, input_formats=["%Y-%m-%d"])
    venue = forms.ChoiceField(label=_("Venue"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    view = forms.ChoiceField(
        label=_("Show as"), required=False, choices=[("list", _("List")), ("grid", _("Grid by venue"))]
    )

    def __init__(self, *args, venues, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["venue"].choices = everything + [(v.slug, v.name) for v in venues]
        self.fields["type"].choices = everything + list(SessionKind.choices)
        self.fields["sector"].choices = everything + [(s.slug, s.name) for s in sectors]
        self.fields["language"].choices = everything + list(DeliveryLanguage.choices)

    def filter(self, sessions):
        """Apply the valid filters; an invalid value is ignored (and reported by the template)."""
        data = self.cleaned_data
        for name, lookup in FILTER_LOOKUPS.items():
            value = data.get(name) if name not in self.errors else None
            if value:
                sessions = sessions.filter(**{lookup: value})
        return sessions
