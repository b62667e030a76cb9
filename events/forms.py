from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ContactEmailField, PhoneField, one_line

from .models import Registration


def _max_length(name: str) -> int:
    return Registration._meta.get_field(name).max_length


class RegistrationForm(forms.Form):
    """What a visitor gives to take a seat (or a waiting-list place) in a session with limited seats.

    `website` is a honeypot: hidden from people (visually and from assistive technology); robots fill it in.
    """

    name = forms.CharField(
        label=_("Full name"),
        max_length=_max_length("name"),
        validators=[one_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = ContactEmailField(
        help_text=_("Your confirmation, the calendar entry and the link to cancel are sent to this address."),
    )
    phone = PhoneField(
        max_length=_max_length("phone"),
        help_text=_("Only used to reach you if the session changes at the last minute."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep these details to manage my registration and contact me about it."),
        error_messages={"required": _("Please tick this box: we cannot keep your seat without your agreement.")},
    )

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def is_robot(self) -> bool:
        """True when the honeypot was filled in (only meaningful once the form is bound)."""
        return self.is_bound and bool(self.data.get(self.add_prefix("website"), "").strip())
