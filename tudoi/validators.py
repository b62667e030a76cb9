"""Validators shared by the public forms (registration, meeting requests, accreditation)."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Line breaks and other control characters in a one-line field would end up in e-mail headers and CSV exports.
one_line = RegexValidator(
    r"[\x00-\x1f\x7f\u2028\u2029]",
    message=_("Please write this on one line."),
    code="line_break",
    inverse_match=True,
)

phone_characters = RegexValidator(
    r"^\+?[0-9 ().\-]{6,}$",
    message=_("Please give a phone number of digits, spaces and an optional leading +, such as +84 912 345 678."),
    code="phone",
)
