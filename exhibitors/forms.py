from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import clock
from core.event import DAYS as EVENT_DAYS
from core.forms import ContactEmailField, PhoneField, PublicModelForm
from core.templatetags.tudoi import long_date

from .meetings import LAST_SLOT, SLOT_ENDS, PreferredTime
from .models import BuyerChannel, MeetingRequest, OrderSize, Sector


class SectorCheckboxes(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # in the active language, with modeltranslation's fallback


class SlotField(forms.ChoiceField):
    """One of the fair's slots as "2026-01-10/afternoon", a whole day as "2026-01-10", or "" (no preference).

    Only the slots still ahead are offered (the form sets `choices`), but any slot of the fair is a valid value, so
    that one which has passed since the page was loaded is refused by the form with a message that says so, not
    with "Select a valid choice"."""

    def valid_value(self, value):
        return value == "" or parse_slot(value) is not None


def parse_slot(value: str) -> tuple[date, str] | None:
    """(day, slot) of a slot value (slot "" for a whole day), or None when it is not one of the fair's."""
    day_text, _sep, time_slot = value.partition("/")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        return None
    if day not in EVENT_DAYS or (time_slot and time_slot not in PreferredTime.values):
        return None
    return day, time_slot


class MeetingRequestForm(PublicModelForm):
    """What a buyer tells a creative unit when asking for a meeting at the fair.

    `subject` is a honeypot: hidden from people (visually and from assistive technology) and left empty by
    them; robots fill in every field they find. `is_robot()` says whether it was filled.
    """

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
    preferred_slot = SlotField(
        label=_("Preferred time"),
        required=False,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    one_line_fields = ("buyer_name", "organisation")
    field_order = (
        *("buyer_name", "organisation", "channel", "sectors", "order_size", "email", "phone", "message"),
        *("preferred_slot", "subject"),
    )

    class Meta:
        model = MeetingRequest
        fields = ("buyer_name", "organisation", "channel", "sectors", "order_size", "email", "phone", "message")
        field_classes = {"email": ContactEmailField, "phone": PhoneField}
        labels = {
            "buyer_name": _("Full name"),
            "organisation": _("Organisation"),
            "email": _("E-mail"),
            "phone": _("Phone (optional)"),
            "message": _("Your message"),
        }
        help_texts = {
            "email": _("The unit and the organisers reply to this address; your confirmation is sent to it."),
            "message": _("What you are looking for: products, quantities, deadlines, markets."),
        }
        widgets = {
            "buyer_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    # What `exhibitors.meetings.create_meeting_request` takes from the form (the slot is split into day and time).
    MEETING_FIELDS = (
        *("buyer_name", "organisation", "channel", "sectors", "order_size", "email", "phone", "message"),
        *("preferred_day", "preferred_time"),
    )

    def __init__(self, *args, sectors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = sectors if sectors is not None else Sector.objects.published()
        # Only the slots still ahead are offered (core.clock.now()): at 15:00 on the first day, that day's morning
        # is gone. Labels made now, in the language of the page: "Thứ Bảy, 10/01/2026 – Buổi chiều (13:30–17:00)".
        self.now = timezone.localtime(clock.now())
        choices = [("", _("No preference"))]
        for day in EVENT_DAYS:
            if not self._slot_ahead(day, LAST_SLOT):
                continue
            choices.append((day.isoformat(), _("%(day)s – any time") % {"day": long_date(day)}))
            choices += [
                (f"{day.isoformat()}/{value}", _("%(day)s – %(time)s") % {"day": long_date(day), "time": label})
                for value, label in PreferredTime.choices
                if self._slot_ahead(day, value)
            ]
        self.fields["preferred_slot"].choices = choices

    def _slot_ahead(self, day, time_slot: str) -> bool:
        return self.now < datetime.combine(day, SLOT_ENDS[time_slot or LAST_SLOT], tzinfo=self.now.tzinfo)

    def clean_preferred_slot(self):
        value = self.cleaned_data["preferred_slot"]
        if value and not self._slot_ahead(*parse_slot(value)):
            raise forms.ValidationError(_("This time has already passed: choose a later one."), code="past_slot")
        return value

    def clean(self):
        cleaned_data = super().clean()
        day, time_slot = parse_slot(cleaned_data.get("preferred_slot") or "") or (None, "")
        cleaned_data["preferred_day"], cleaned_data["preferred_time"] = day, time_slot
        return cleaned_data

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "subject"]

    def is_robot(self) -> bool:
        """True when the honeypot was filled in (only meaningful once the form is bound)."""
        return self.is_bound and bool(self.data.get(self.add_prefix("subject"), "").strip())
