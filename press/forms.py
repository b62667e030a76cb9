import math
import os
import uuid

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.documents import PDF_MAGIC, check_pdf
from core.event import DAYS as EVENT_DAYS
from core.forms import ContactEmailField, PhoneField, PublicModelForm
from core.images import reencode_image
from core.templatetags.tudoi import long_date

from .models import OTHER_DAYS, AccreditationRequest

PRESS_CARD_MAX_BYTES = 5 * 1024 * 1024


def _megabytes(size: int) -> str:
    # One decimal, rounded up, so that a file just over the limit never reads as the limit itself.
    megabytes = math.ceil(size / (1024 * 1024) * 10) / 10
    return number_format(megabytes, decimal_pos=0 if megabytes.is_integer() else 1)


class PressCardField(forms.FileField):
    """A press card as a JPEG, PNG or WebP image (re-encoded, metadata dropped) or a PDF, within a size limit.

    The content decides, not the name: a text file renamed `card.pdf` is refused, and a PDF is parsed and refused
    when it is broken or holds scripts, launch actions or embedded files (core.documents). The stored name is
    random, so that nothing personal shows in it.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,.pdf"}))
        super().__init__(**kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        if upload.size > PRESS_CARD_MAX_BYTES:
            raise forms.ValidationError(
                _("This file is %(size)s MB; the limit is %(limit)s MB. Please upload a smaller scan or photo."),
                code="too_large",
                params={"size": _megabytes(upload.size), "limit": _megabytes(PRESS_CARD_MAX_BYTES)},
            )
        upload.seek(0)
        head = upload.read(len(PDF_MAGIC))
        stem = f"press-card-{uuid.uuid4().hex}"
        if head == PDF_MAGIC:
            upload.seek(0)
            data = upload.read()
            check_pdf(data)  # parsed: refused when broken, or when it runs scripts, launches or carries files
            return SimpleUploadedFile(f"{stem}.pdf", data, content_type="application/pdf")
        try:
            image = reencode_image(upload)
        except forms.ValidationError as error:
            if error.code == "invalid_image":
                raise forms.ValidationError(
                    _("Upload your press card as a JPEG, PNG or WebP image or as a PDF. This file is none of these."),
                    code="invalid_press_card",
                ) from None
            raise
        extension = os.path.splitext(image.name)[1]
        return SimpleUploadedFile(f"{stem}{extension}", image.read(), content_type=image.content_type)


def day_choices() -> list[tuple[str, str]]:
    """The two event days in the active language, and "other days"."""
    return [(day.isoformat(), long_date(day)) for day in EVENT_DAYS] + [
        (OTHER_DAYS, _("Other days (tell us which in your message)"))
    ]


class AccreditationForm(PublicModelForm):
    """What a journalist gives to be accredited. `website` is a trap for robots: people never see it."""

    days = forms.MultipleChoiceField(
        label=_("Days you will cover"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please tick at least one day.")},
    )
    press_card = PressCardField(
        label=_("Press card"),
        error_messages={"required": _("Please attach your press card (or a letter from your editor).")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep these details and my press card to handle my accreditation."),
        error_messages={"required": _("Please tick this box: we cannot handle your request without your agreement.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    one_line_fields = ("name", "outlet", "role")
    field_order = ("name", "outlet", "role", "email", "phone", "days", "message", "press_card", "consent", "website")

    class Meta:
        model = AccreditationRequest
        # The days and the press card are the form's own fields: a list of ticked days, and a checked file that
        # `press.accreditation` stores.
        fields = ("name", "outlet", "role", "email", "phone", "message")
        field_classes = {"email": ContactEmailField, "phone": PhoneField}
        labels = {
            "name": _("Full name"),
            "outlet": _("Media outlet"),
            "role": _("Role (optional)"),
            "email": _("E-mail"),
            "phone": _("Phone (optional)"),
            "message": _("Message (optional)"),
        }
        help_texts = {
            "outlet": _("The newspaper, magazine, broadcaster or site you work for, or “freelance”."),
            "role": _("For example reporter, photographer, camera operator, editor."),
            "email": _("We send the confirmation and our answer to this address."),
            "message": _("What you plan to cover, interview requests, equipment (camera, drone)…"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "outlet": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = day_choices()  # labels in the language of the request
        self.fields["press_card"].help_text = gettext(
            "A photo or scan of your press card, or a letter from your editor: JPEG, PNG, WebP or PDF, "
            "at most %(limit)s MB."
        ) % {"limit": _megabytes(PRESS_CARD_MAX_BYTES)}

    def clean(self):
        data = super().clean()
        if OTHER_DAYS in (data.get("days") or []) and not (data.get("message") or "").strip():
            self.add_error("message", _("You ticked “other days”: please tell us which days here."))
        if "days" in data:
            self.instance.days = self.days_value()  # as stored, so that the model checks it as well
        return data

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def days_value(self) -> str:
        """The ticked days as stored: ISO dates and "other", in the order of the choices."""
        chosen = set(self.cleaned_data["days"])
        return ", ".join(value for value, _label in self.fields["days"].choices if value in chosen)
