from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from tudoi.admin import PUBLISHING_FIELDSET, PublishableAdmin

from .models import Registration, RegistrationStatus, Session, Speaker, Venue


@admin.register(Venue)
class VenueAdmin(PublishableAdmin):
    list_display = ("name", "address", "has_coordinates", "order", "status")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name_vi", "name_en", "address_vi", "address_en", "slug")
    fieldsets = (
        (None, {"fields": ("name", "slug", "address", "latitude", "longitude", "order")}),
        (_("For visitors"), {"fields": ("description", "hours", "accessibility")}),
        PUBLISHING_FIELDSET,
    )

    @admin.display(boolean=True, description=_("on the map"))
    def has_coordinates(self, obj):
        return obj.latitude is not None and obj.longitude is not None


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
        (_("Photo"), {"fields": ("photo", "preview")}),
        PUBLISHING_FIELDSET,
    )


class RegistrationInline(admin.TabularInline):
    """The session's registrations, read-only: seats come through the registration flow, not typed in here."""

    model = Registration
    fields = ("name", "email", "phone", "status", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Session)
class SessionAdmin(PublishableAdmin):
    image_field = "image"
    list_display = (
        "title",
        "kind",
        "starts_at",
        "ends_at",
        "venue",
        "language",
        "capacity",
        "confirmed",
        "is_highlight",
        "status",
    )
    list_filter = ("status", "kind", "venue", "language", "is_highlight", "sectors")
    list_select_related = ("venue",)
    search_fields = ("title_vi", "title_en", "summary_vi", "summary_en", "slug", "speakers__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("venue", "sectors", "speakers", "host_units")
    readonly_fields = ("preview",)
    inlines = (RegistrationInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "description", "language", "is_highlight")}),
        (_("When and where"), {"fields": ("starts_at", "ends_at", "venue", "location_detail")}),
        (_("People and sectors"), {"fields": ("speakers", "host_units", "sectors")}),
        (_("Seats"), {"fields": ("capacity", "registration_opens_at", "registration_closes_at")}),
        (_("Image"), {"fields": ("image", "preview")}),
        PUBLISHING_FIELDSET,
    )

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else ()  # a new session has no registrations to show

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)))
        )

    @admin.display(description=_("confirmed"), ordering="confirmed")
    def confirmed(self, obj):
        return obj.confirmed


SESSION_FULL = _("All seats of this session are taken: put this person on the waiting list instead.")


class RegistrationAdminForm(forms.ModelForm):
    """Keeps the promise "never more confirmed than capacity" for registrations typed in by staff too."""

    class Meta:
        model = Registration
        fields = ("session", "status", "name", "email", "phone", "language", "consent", "cancelled_at")

    def clean(self):
        cleaned_data = super().clean()
        session, status = cleaned_data.get("session"), cleaned_data.get("status")
        if session and session.capacity is not None and status == RegistrationStatus.CONFIRMED:
            confirmed = session.registrations.filter(status=RegistrationStatus.CONFIRMED).exclude(pk=self.instance.pk)
            if confirmed.count() >= session.capacity:
                self.add_error("status", forms.ValidationError(SESSION_FULL, code="session_full"))
        return cleaned_data


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    form = RegistrationAdminForm
    list_display = ("name", "email", "session", "status", "language", "created_at")
    list_filter = ("status", "language", "session__kind", "session")
    list_select_related = ("session",)
    search_fields = ("name", "email", "phone", "session__title_vi", "session__title_en")
    date_hierarchy = "created_at"
    autocomplete_fields = ("session",)
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("session", "status", "name", "email", "phone", "language", "consent")}),
        (_("Record"), {"fields": ("cancelled_at", "created_at", "updated_at")}),
    )
