from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import Registration


def _max_length(name: str) -> int:
    return Registration._meta.get_field(name).max_length


# Line breaks and other control characters in a name would end up in e-mails and CSV exports.
no_control_characters = RegexValidator(
    r"[\x00-\x1f\x7f\u2028\u2029]",
    message=_("Please write your name on one line."),
    code="line_break",
    inverse_match=True,
)
phone_characters = RegexValidator(
    r"^\+?[0-9 ().\-]{6,}$",
    message=_("Please give a phone number of digits, spaces and an optional leading +, such as +84 912 345 678."),
    code="phone",
)


class RegistrationForm(forms.Form):
    """What a visitor gives to take a seat (or a waiting-list place) in a session with limited seats."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=_max_length("name"),
        validators=[no_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Your confirmation, the calendar entry and the link to cancel are sent to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=_max_length("phone"),
        required=False,
        validators=[phone_characters],
        help_text=_("Only used to reach you if the session changes at the last minute."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep these details to manage my registration and contact me about it."),
        error_messages={"required": _("Please tick this box: we cannot keep your seat without your agreement.")},
    )
