"""Spreadsheet import and export of the programme's sessions, on the machinery of the units' import.

One session per row, the same rules as the creative units (exhibitors/resources.py):
- `code` is the key: the session's slug, the end of its address (`/programme/<code>/`); a row whose code exists
  updates that session, a new code adds one;
- a blank cell keeps the current value, "-" empties an optional one, and nothing is saved while any row is invalid;
- times are in Hanoi time, written `2026-01-10 09:30` (or `10/01/2026 09:30`, day first), or as Excel date-times;
- the venue is named by its slug or its name in either language, the sectors by name or slug, the speakers by slug
  or name, the host units by their codes (`TH-001`), several separated by “;”.
The export writes the same columns, so that an exported file imports again without changing anything.
`manage.py load_demo` loads the demo programme (demo/sessions.csv) through this resource.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets

from core.event import DAYS as EVENT_DAYS
from core.models import Status
from exhibitors.import_files import clean_cell, is_blank
from exhibitors.models import CreativeUnit
from exhibitors.resources import (
    LIST_SEPARATOR,
    BooleanWidget,
    ChoiceWidget,
    Column,
    IntegerWidget,
    SectorListWidget,
    SheetResource,
    TextWidget,
    key,
    status_widget,
    translated,
)

from .models import DeliveryLanguage, Session, SessionKind, Speaker, Venue

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
DATETIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S")
DAY_FIRST_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y %H:%M")


class DateTimeWidget(TextWidget):
    """A moment in Hanoi time: `2026-01-10 09:30` (as exported), `10/01/2026 09:30`, or an Excel date-time."""

    hint = _("a date and time in Hanoi, such as 2026-01-10 09:30 (or 10/01/2026 09:30, day first)")

    def clean(self, value, row=None, **kwargs):
        value = clean_cell(value)
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime.combine(value, time())
        else:
            moment = self.parse(str(value))
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=HANOI)
        return moment

    @staticmethod
    def parse(text: str) -> datetime:
        text = " ".join(text.split())
        for pattern in (*DATETIME_FORMATS, *DAY_FIRST_FORMATS):
            try:
                return datetime.strptime(text, pattern).replace(tzinfo=HANOI)
            except ValueError:
                continue
        raise ValueError(
            gettext("“%(value)s” is not a date and time. Write it as 2026-01-10 09:30 (or 10/01/2026 09:30).")
            % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        local = value.astimezone(HANOI)
        return local.strftime("%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M")


class LookupWidget(TextWidget):
    """Finds a row of `model` by any of `keys` (folded: case and diacritics do not matter)."""

    model = None
    keys: tuple[str, ...] = ()

    def __init__(self):
        super().__init__()
        self._table = None

    def reset(self):
        self._table = None

    def table(self) -> dict:
        if self._table is None:
            self._table = {}
            for obj in self.model._default_manager.all():
                for text in {key(getattr(obj, name) or "") for name in self.keys} - {""}:
                    # Two rows answering to the same text: neither is chosen, the organiser must be precise.
                    self._table[text] = None if self._table.get(text, obj) != obj else obj
        return self._table

    def find(self, value):
        text = key(clean_cell(value))
        if text in self.table() and self.table()[text] is None:
            raise ValueError(self.ambiguous % {"value": value})
        found = self.table().get(text)
        if found is None:
            raise ValueError(self.unknown_message(value))
        return found

    def unknown_message(self, value) -> str:
        return self.unknown % {"value": value}

    def clean(self, value, row=None, **kwargs):
        return self.find(value)


class VenueWidget(LookupWidget):
    model = Venue
    keys = ("slug", "name_vi", "name_en")
    hint = _("a venue: its slug or its name in Vietnamese or English")
    ambiguous = _("“%(value)s” matches more than one venue; write the venue's slug instead.")

    def unknown_message(self, value) -> str:
        known = "; ".join(sorted(venue.slug for venue in Venue.objects.all()))
        return gettext("Unknown venue “%(value)s”. The venues are: %(known)s.") % {"value": value, "known": known}

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class ListWidget(LookupWidget, widgets.ManyToManyWidget):
    """Several rows separated by “;”. A ManyToManyWidget, so that import-export sets them after saving the session."""

    empty = []

    def __init__(self):
        widgets.ManyToManyWidget.__init__(self, self.model, separator=LIST_SEPARATOR)
        self._table = None

    def clean(self, value, row=None, **kwargs):
        found = []
        for part in str(clean_cell(value)).replace("\n", LIST_SEPARATOR).split(LIST_SEPARATOR):
            if part.strip() and (obj := self.find(part.strip())) not in found:
                found.append(obj)
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{LIST_SEPARATOR} ".join(getattr(item, self.keys[0]) for item in value.order_by("pk"))


class SpeakerListWidget(ListWidget):
    model = Speaker
    keys = ("slug", "name")
    hint = _("speakers separated by “;”, each by its slug or its name")
    ambiguous = _("“%(value)s” matches more than one speaker; write the speaker's slug instead.")
    unknown = _("Unknown speaker “%(value)s”. Add the speaker in the admin first, or correct the name.")


class UnitCodeListWidget(ListWidget):
    model = CreativeUnit
    keys = ("code",)
    hint = _("the codes of the host units separated by “;”, such as TH-001; TH-002")
    ambiguous = _("“%(value)s” matches more than one creative unit.")
    unknown = _("No creative unit has the code “%(value)s”. Import the units first, or correct the code.")


def kind_widget():
    return ChoiceWidget(
        SessionKind.choices,
        hint=_("a type of session: its code or its name in Vietnamese or English"),
        unknown=_("Unknown type of session “%(value)s”. Use one of the codes %(known)s, or a type's name."),
    )


def language_widget():
    return ChoiceWidget(
        DeliveryLanguage.choices,
        hint=_("the spoken language: its code or its name in Vietnamese or English"),
        unknown=_("Unknown language “%(value)s”. Use one of the codes %(known)s, or a language's name."),
    )


class SessionResource(SheetResource):
    code_example = "toa-dam-thiet-ke"

    code = Column("slug", column_name="code", label=_("Import key (the end of the session's address)"))
    title_vi, title_en = translated("title", required=True)
    kind = Column("kind", widget=kind_widget(), required=True)
    summary_vi, summary_en = translated("summary", clearable=True)
    description_vi, description_en = translated("description", clearable=True)
    image_alt_vi, image_alt_en = translated("image_alt", clearable=True)
    starts_at = Column("starts_at", widget=DateTimeWidget(), required=True)
    ends_at = Column("ends_at", widget=DateTimeWidget(), required=True)
    venue = Column("venue", widget=VenueWidget(), required=True)
    location_detail_vi, location_detail_en = translated("location_detail", clearable=True)
    language = Column("language", widget=language_widget())
    sectors = Column("sectors", widget=SectorListWidget(), clearable=True)
    speakers = Column("speakers", widget=SpeakerListWidget(), clearable=True)
    host_units = Column("host_units", widget=UnitCodeListWidget(), clearable=True)
    capacity = Column("capacity", widget=IntegerWidget(), clearable=True)
    registration_opens_at = Column("registration_opens_at", widget=DateTimeWidget(), clearable=True)
    registration_closes_at = Column("registration_closes_at", widget=DateTimeWidget(), clearable=True)
    is_highlight = Column("is_highlight", widget=BooleanWidget())
    status = Column("status", widget=status_widget())

    class Meta(SheetResource.Meta):
        model = Session
        fields = (
            "code",
            "title_vi",
            "title_en",
            "kind",
            "summary_vi",
            "summary_en",
            "description_vi",
            "description_en",
            "image_alt_vi",
            "image_alt_en",
            "starts_at",
            "ends_at",
            "venue",
            "location_detail_vi",
            "location_detail_en",
            "language",
            "sectors",
            "speakers",
            "host_units",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "is_highlight",
            "status",
        )

    @classmethod
    def get_display_name(cls):
        return Session._meta.verbose_name_plural

    def get_queryset(self):
        return Session.objects.select_related("venue").prefetch_related("sectors", "speakers", "host_units")

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # As in the session form: a published session outside the event's days is most often a date typed month
        # first (01/11/2026), which would quietly add a day to the public programme.
        if instance.status == Status.PUBLISHED:
            for name in ("starts_at", "ends_at"):
                moment, cell = getattr(instance, name), row.get(self.fields[name].column_name)
                if name in errors or not moment or (instance.pk and is_blank(cell)):
                    continue  # an unchanged time of an existing session was accepted when it was set
                if timezone.localtime(moment, HANOI).date() in EVENT_DAYS:
                    continue
                if instance.pk and Session.objects.filter(pk=instance.pk, **{name: moment}).exists():
                    continue  # as it is: confirmed outside the event's days in the session's form
                errors[name] = [
                    gettext(
                        "“%(value)s” is not on the days of the event (10–11/01/2026). Correct the date, or keep "
                        "the session as a draft and publish it from its page in the admin."
                    )
                    % {"value": cell if not is_blank(cell) else DateTimeWidget().render(moment)}
                ]
        if errors:
            raise ValidationError(errors)
