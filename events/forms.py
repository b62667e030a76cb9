from django import forms
from django.utils.translation import gettext_lazy as _

from tudoi.forms import ContactEmailField, PhoneField, one_line

from .models import Registration


def _max_length(name: str) -> int:
    return Registration._meta.get_field(name).max_length


class RegistrationForm(forms.Form):
    """What a visitor gives to take a seat (or a waiting-list place) in a session with limited seats."""

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
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep these details to manage my registration and contact me about it."),
        error_messages={"required": _("Please tick this box: we cannot keep your seat without your agreement.")},
    )
