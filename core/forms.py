"""What the public forms share (registration, meeting requests, accreditation): validators and contact fields."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Line breaks and other control characters in a one-line field would end up in e-mail headers and CSV exports.
_line_break = RegexValidator(
    r"[\x00-\x1f\x7f\u2028\u2029]",
    message=_("Please write this on one line."),
    code="line_break",
    inverse_match=True,
)


def one_line(value: str) -> None:
    """One line of visible text: no line break or control character, and no invisible format character (bidi
    overrides and isolates, zero-width spaces and joiners, the BOM: Unicode category Cf), which can make a name read
    differently from what it holds, in our pages, exports and the organisers' mail."""
    _line_break(value)
    if any(unicodedata.category(character) == "Cf" for character in value):
        raise ValidationError(
            _("This holds invisible characters (for example from a copy and paste). Please type it again."),
            code="invisible",
        )


phone_characters = RegexValidator(
    r"^\+?[0-9 ().\-]{6,}$",
    message=_("Please give a phone number of digits, spaces and an optional leading +, such as +84 912 345 678."),
    code="phone",
)


class ContactEmailField(forms.EmailField):
    """The visitor's e-mail address: the form says in `help_text` what it is used for."""

    def __init__(self, *, help_text, **kwargs):
        kwargs.setdefault("label", _("E-mail"))
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        super().__init__(help_text=help_text, **kwargs)


class PhoneField(forms.CharField):
    """An optional phone number of digits, spaces, brackets, dots and dashes, with an optional leading +."""

    def __init__(self, *, max_length, **kwargs):
        kwargs.setdefault("label", _("Phone (optional)"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("validators", [phone_characters])
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
        super().__init__(max_length=max_length, **kwargs)


class PublicModelForm(forms.ModelForm):
    """A form the public fills in, over the model whose row it becomes: the lengths, choices and required fields
    come from the model (`Meta.fields`), the labels, help and widgets from the form.

    The answer never depends on what other rows hold: no uniqueness check runs here, since "this address is
    already registered" would tell anyone whether an address is known; the code that saves answers the same either
    way (constraints over fields outside the form, such as the session, are not checked by the form either).
    `one_line_fields` are the text fields that must hold one line of visible text (`one_line`). The views read
    `cleaned_data` and leave the saving to the modules named after the job.
    """

    one_line_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.one_line_fields:
            self.fields[name].validators.insert(0, one_line)

    def validate_unique(self):
        """Not checked: see the class's docstring."""
