from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import clock
from core.admin import PUBLISHING_FIELDSET, PublishableAdmin, csv_response, csv_time, export_name
from core.event import DAYS as EVENT_DAYS
from core.mail import mail_quietly
from core.models import Status

from . import admin_grid, checkin, participant_mail
from .admin_filters import SeatFilter
from .conflicts import warn_about_conflicts
from .import_admin import SessionImportMixin
from .models import Registration, RegistrationStatus, Session, SessionChange, Speaker, Venue
from .registration import (
    confirmed_seats,
    lock_session,
    promote_from_waitlist,
    send_cancelled_by_staff,
    send_promotion,
)


@admin.register(Venue)
class VenueAdmin(PublishableAdmin):
    list_display = ("name", "address", "has_coordinates", "order", "status")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name_vi", "name_en", "address_vi", "address_en", "slug")
    fieldsets = (
        (None, {"fields": ("name", "slug", "address", "latitude", "longitude", "order")}),
        (
            _("For visitors"),
            {"fields": ("description", "hours", "free_entry", "accessibility", "getting_there", "nearby")},
        ),
        PUBLISHING_FIELDSET,
    )

    @admin.display(boolean=True, description=_("on the map"))
    def has_coordinates(self, obj):
        return obj.has_coordinates


@admin.register(Speaker)
class SpeakerAdmin(PublishableAdmin):
    image_field = "photo"
    list_display = ("thumbnail", "name", "role", "organisation", "status")
    list_display_links = ("thumbnail", "name")
    list_filter = ("status",)
    search_fields = ("name", "role_vi", "role_en", "organisation_vi", "organisation_en", "slug")
    readonly_fields = ("preview",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "role", "organisation", "bio")}),
        (_("Photo"), {"fields": ("photo", "preview", "photo_alt")}),
        PUBLISHING_FIELDSET,
    )


class RegistrationInline(admin.TabularInline):
    """The session's registrations, read-only: seats come through the registration flow, not typed in here."""

    model = Registration
    fields = ("name", "email", "phone", "status", "confirmation", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("address"))
    def confirmation(self, obj):
        return confirmation_label(obj)


def confirmation_label(registration: Registration) -> str:
    """Whether the visitor proved the address, in the organisers' words."""
    if registration.confirmed_at is not None:
        return _("confirmed %(time)s") % {"time": csv_time(registration.confirmed_at)}
    if registration.status == RegistrationStatus.CANCELLED:
        return _("never confirmed")
    if registration.hold_expires_at is not None and registration.hold_expires_at <= clock.now():
        return _("not confirmed: expired %(time)s") % {"time": csv_time(registration.hold_expires_at)}
    return _("waiting for confirmation until %(time)s") % {"time": csv_time(registration.hold_expires_at)}


def registrations_csv(registrations, filename: str) -> HttpResponse:
    """Registrations as a CSV download (see `core.admin.csv_response`), in session then registration order."""
    header = (
        _("session"),
        _("starts at (Hanoi time)"),
        _("name"),
        _("e-mail"),
        _("phone"),
        _("status"),
        _("language"),
        _("consent"),
        _("registered at (Hanoi time)"),
        _("address confirmed at (Hanoi time)"),
        _("cancelled at (Hanoi time)"),
        _("checked in at (Hanoi time)"),
    )
    registrations = registrations.select_related("session").order_by(
        "session__starts_at", "session_id", "created_at", "pk"
    )
    rows = (
        (
            registration.session.title,
            csv_time(registration.session.starts_at),
            registration.name,
            registration.email,
            registration.phone,
            registration.get_status_display(),
            registration.language,
            _("yes") if registration.consent else _("no"),
            csv_time(registration.created_at),
            csv_time(registration.confirmed_at),
            csv_time(registration.cancelled_at),
            csv_time(registration.checked_in_at),
        )
        for registration in registrations
    )
    return csv_response(filename, header, rows)


OUTSIDE_EVENT_DAYS = _(
    "This date is outside the event's days (10–11 January 2026). If the session really takes place then, tick "
    "“Outside the event days” below; otherwise correct the date (dates are written day first: 11/01/2026)."
)


class SessionAdminForm(forms.ModelForm):
    """A published session dated outside the event's days needs an explicit confirmation: a date typed month first
    (01/11/2026) would otherwise quietly add a day to the public programme."""

    outside_event_days = forms.BooleanField(
        label=_("Outside the event days"),
        required=False,
        help_text=_("Tick to confirm that this session really takes place before or after 10–11 January 2026."),
    )

    def clean(self):
        cleaned_data = super().clean()
        starts_at, ends_at = cleaned_data.get("starts_at"), cleaned_data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", forms.ValidationError(_("A session must end after it starts."), code="order"))
        published = cleaned_data.get("status") == Status.PUBLISHED
        if published and not cleaned_data.get("outside_event_days"):
            for name in ("starts_at", "ends_at"):
                moment = cleaned_data.get(name)
                if moment and timezone.localtime(moment).date() not in EVENT_DAYS:
                    self.add_error(name, forms.ValidationError(OUTSIDE_EVENT_DAYS, code="outside_event_days"))
        return cleaned_data


@admin.register(Session)
class SessionAdmin(SessionImportMixin, PublishableAdmin):
    form = SessionAdminForm
    image_field = "image"
    # Key columns first: on a phone the list scrolls sideways and the title, seats and time must be on screen; the
    # seat figures follow one by one, to sort by.
    list_display = (
        "title",
        "seats",
        "starts_at",
        "venue",
        "status",
        "kind",
        "language",
        "capacity",
        "seats_taken",
        "seats_left",
        "waitlisted",
        "is_highlight",
    )
    list_filter = ("status", "kind", "venue", "language", "is_highlight", "sectors")
    list_select_related = ("venue",)
    search_fields = ("title_vi", "title_en", "summary_vi", "summary_en", "slug", "speakers__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("venue", "sectors", "speakers", "host_units")
    readonly_fields = ("preview",)
    inlines = (RegistrationInline,)
    actions = (*PublishableAdmin.actions, "export_registrations")
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "description", "language", "is_highlight")}),
        (_("When and where"), {"fields": ("starts_at", "ends_at", "outside_event_days", "venue", "location_detail")}),
        (_("People and sectors"), {"fields": ("speakers", "host_units", "sectors")}),
        (_("Seats"), {"fields": ("capacity", "registration_opens_at", "registration_closes_at")}),
        (_("Image"), {"fields": ("image", "preview", "image_alt")}),
        PUBLISHING_FIELDSET,
    )

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else ()  # a new session has no registrations to show

    def get_urls(self):
        message = self.admin_site.admin_view(
            lambda request, object_id: participant_mail.message_view(request, self, object_id)
        )
        return [
            path("<path:object_id>/message/", message, name="events_session_message"),
            path("grid/", self.admin_site.admin_view(self.grid_view), name="events_session_grid"),
            *super().get_urls(),
        ]

    def grid_view(self, request):
        return admin_grid.grid_view(self, request)

    def get_object_tool_links(self, request):
        return [(reverse("admin:events_session_grid"), _("Venue × time grid")), *super().get_object_tool_links(request)]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        warn_about_conflicts(request, form.instance)  # after the speakers are saved; the save stands

    def get_queryset(self, request):
        # Counted in the list query itself: the changelist runs the same queries for 1 session or 100.
        return (
            super()
            .get_queryset(request)
            .with_seats()
            .annotate(waitlisted=Registration.objects.waiting().count_per_session())
        )

    @admin.display(description=_("seats taken"), ordering="seats_taken")
    def seats_taken(self, obj):
        return obj.seats_taken if obj.capacity is not None else None

    @admin.display(description=_("seats left"), ordering="seats_left")
    def seats_left(self, obj):
        return obj.seats_left

    @admin.display(description=_("waiting list"), ordering="waitlisted")
    def waitlisted(self, obj):
        return obj.waitlisted if obj.capacity is not None else None

    @admin.display(description=_("seats"), ordering="seats_left")
    def seats(self, obj):
        """Taken of capacity, left and waiting, in one narrow column; "–" for open entry."""
        if obj.capacity is None:
            return None
        return _("%(taken)d/%(capacity)d · %(left)d left · %(waiting)d waiting") % {
            "taken": obj.seats_taken,
            "capacity": obj.capacity,
            "left": obj.seats_left,
            "waiting": obj.waitlisted,
        }

    def save_model(self, request, obj, form, change):
        recorded = obj.changes.count() if change else 0
        super().save_model(request, obj, form, change)
        if change and obj.changes.count() > recorded:
            told = obj.registrations.confirmed().count()
            self.message_user(
                request,
                ngettext(
                    "The change is listed on the programme changes page; %(count)d registered person is being told.",
                    "The change is listed on the programme changes page; %(count)d registered people are being told.",
                    told,
                )
                % {"count": told},
                messages.INFO,
            )

    @admin.action(description=_("Export the registrations of the selected sessions (CSV)"), permissions=["view"])
    def export_registrations(self, request, queryset):
        return registrations_csv(Registration.objects.filter(session__in=queryset), export_name("registrations"))


SESSION_FULL = _("All seats of this session are taken: put this person on the waiting list instead.")


class RegistrationAdminForm(forms.ModelForm):
    """Keeps the promise "never more confirmed than capacity" for registrations typed in by staff too.

    The count runs under the same session lock as the public registration (`events.registration.lock_session`).
    The admin wraps the whole add or change view in one transaction, so the lock taken here in `clean()` is held
    until the row is saved: a visitor registering at the same moment waits, then counts this seat.
    """

    class Meta:
        model = Registration
        fields = ("session", "status", "name", "email", "phone", "language", "consent", "cancelled_at")

    def clean(self):
        cleaned_data = super().clean()
        session, status = cleaned_data.get("session"), cleaned_data.get("status")
        if session and session.capacity is not None and status == RegistrationStatus.CONFIRMED:
            if transaction.get_connection().in_atomic_block:
                session = lock_session(session.pk)
            if confirmed_seats(session, exclude_pk=self.instance.pk) >= session.capacity:
                self.add_error("status", forms.ValidationError(SESSION_FULL, code="session_full"))
        return cleaned_data


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    form = RegistrationAdminForm
    # Key columns first (a phone shows the first three).
    list_display = ("name", "status", "present", "session", "email", "confirmation", "language", "created_at")
    list_filter = ("status", SeatFilter, "language", "session__kind", "session")
    list_select_related = ("session",)
    search_fields = ("name", "email", "phone", "checkin_code", "session__title_vi", "session__title_en")
    date_hierarchy = "created_at"
    autocomplete_fields = ("session",)
    readonly_fields = ("confirmation", "code", "present", "checked_in_by", "created_at", "updated_at")
    actions = ("export_csv",)
    fieldsets = (
        (None, {"fields": ("session", "status", "name", "email", "phone", "language", "consent")}),
        (_("Record"), {"fields": ("confirmation", "cancelled_at", "created_at", "updated_at")}),
        (_("Check-in at the door"), {"fields": ("code", "present", "checked_in_by")}),
    )

    @admin.display(description=_("address"))
    def confirmation(self, obj):
        return confirmation_label(obj) if obj.pk else "-"

    @admin.display(description=_("check-in code"))
    def code(self, obj):
        return checkin.display_code(obj.checkin_code) or "-"

    @admin.display(description=_("present"), ordering="checked_in_at")
    def present(self, obj):
        return csv_time(obj.checked_in_at) if obj.checked_in_at else "-"

    def get_urls(self):
        return [
            path(
                "check-in/",
                self.admin_site.admin_view(lambda request: checkin.desk_view(request, self)),
                name="events_registration_checkin",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        frees_a_seat = (
            change
            and form.initial.get("status") == RegistrationStatus.CONFIRMED
            and obj.status == RegistrationStatus.CANCELLED
        )
        cancelled_by_staff = (
            change
            and form.initial.get("status") != RegistrationStatus.CANCELLED
            and obj.status == RegistrationStatus.CANCELLED
        )
        if obj.status == RegistrationStatus.CANCELLED and obj.cancelled_at is None:
            obj.cancelled_at = clock.now()
        if not change and obj.confirmed_at is None and obj.status != RegistrationStatus.CANCELLED:
            # Typed in by staff, who know the person: nothing to prove.
            obj.confirmed_at = clock.now()
        super().save_model(request, obj, form, change)
        if cancelled_by_staff:
            transaction.on_commit(lambda: mail_quietly(send_cancelled_by_staff, obj))
        if frees_a_seat:
            # A seat cancelled by staff goes to the waiting list as one cancelled by the visitor does.
            promoted = promote_from_waitlist(session=obj.session)
            if promoted is not None:
                transaction.on_commit(lambda: mail_quietly(send_promotion, promoted))
                self.message_user(
                    request,
                    _("%(name)s, first on the waiting list, now has the freed seat and is being told by e-mail.")
                    % {"name": promoted.name},
                    messages.SUCCESS,
                )

    @admin.action(description=_("Export the selected registrations (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return registrations_csv(queryset, export_name("registrations"))


@admin.register(SessionChange)
class SessionChangeAdmin(admin.ModelAdmin):
    """What visitors were told: recorded when a published session moves or is cancelled, never edited by hand."""

    list_display = (
        "session",
        "changed_at",
        "old_starts_at",
        "new_starts_at",
        "old_venue",
        "new_venue",
        "status_change",
    )
    list_filter = ("status_change", "session")
    list_select_related = ("session", "old_venue", "new_venue")
    date_hierarchy = "changed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
