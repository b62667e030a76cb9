from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tudoi import clock
from tudoi.forms import ContactEmailField, PhoneField, one_line
from tudoi.templatetags.tudoi import long_date

from .meetings import EVENT_DAYS, LAST_SLOT, SLOT_ENDS, PreferredTime
from .models import BuyerChannel, MeetingRequest, OrderSize, Sector


def _max_length(name: str) -> int:
    return MeetingRequest._meta.get_field(name).max_length


class SectorCheckboxes(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # in the active language, with modeltranslation's fallback


class MeetingRequestForm(forms.Form):
    """What a buyer tells a creative unit when asking for a meeting at the fair.

    `subject` is a honeypot: hidden from people (visually and from assistive technology) and left empty by
    them; robots fill in every field they find. `is_robot()` says whether it was filled.
    """

    buyer_name = forms.CharField(
        label=_("Full name"),
        max_length=_max_length("buyer_name"),
        validators=[one_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=_max_length("organisation"),
        validators=[one_line],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    channel = forms.ChoiceField(
        label=_("You are a"),
        choices=[("", _("Choose…")), *BuyerChannel.choices],
    )
    sectors = SectorCheckboxes(
        label=_("Sectors of interest (optional)"),
        queryset=Sector.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        # Django's own messages for these are not translated into Vietnamese.
        error_messages={
            "invalid_choice": _("Please choose sectors from the list."),
            "invalid_pk_value": _("Please choose sectors from the list."),
            "invalid_list": _("Please choose sectors from the list."),
        },
    )
    order_size = forms.ChoiceField(
        label=_("Expected order size (optional)"),
        choices=[("", _("Not sure yet")), *OrderSize.choices],
        required=False,
    )
    email = ContactEmailField(
        help_text=_("The unit and the organisers reply to this address; your confirmation is sent to it."),
    )
    phone = PhoneField(
        max_length=_max_length("phone"),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=_max_length("message"),
        help_text=_("What you are looking for: products, quantities, deadlines, markets."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    preferred_day = forms.TypedChoiceField(
        label=_("Preferred day"),
        coerce=date.fromisoformat,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    preferred_time = forms.ChoiceField(
        label=_("Preferred time"),
        choices=[("", _("No preference")), *PreferredTime.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, sectors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = sectors if sectors is not None else Sector.objects.published()
        # Labels made now, in the language of the page: "Thứ Bảy, 10/01/2026" or "Saturday 10 January 2026".
        # Only slots still ahead are offered: a day whose last slot has ended is gone (tudoi.clock.now()).
        self.now = timezone.localtime(clock.now())
        self.fields["preferred_day"].choices = [
            ("", _("No preference")),
            *((day.isoformat(), long_date(day)) for day in EVENT_DAYS if self._slot_ahead(day, LAST_SLOT)),
        ]

    def _slot_ahead(self, day, time_slot: str) -> bool:
        return self.now < datetime.combine(day, SLOT_ENDS[time_slot], tzinfo=self.now.tzinfo)

    def clean(self):
        cleaned_data = super().clean()
        day, time_slot = cleaned_data.get("preferred_day"), cleaned_data.get("preferred_time")
        if day and time_slot and not self._slot_ahead(day, time_slot):
            self.add_error(
                "preferred_time",
                forms.ValidationError(_("This time has already passed: choose a later one."), code="past_slot"),
            )
        return cleaned_data

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "subject"]

    def is_robot(self) -> bool:
        """True when the honeypot was filled in (only meaningful once the form is bound)."""
        return self.is_bound and bool(self.data.get(self.add_prefix("subject"), "").strip())
