"""List filters of the events admin that follow the registration rules of `RegistrationQuerySet`."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Registration


class SeatFilter(admin.SimpleListFilter):
    """What a registration holds now, by the same rules as the seat counts (the organisers' desk links here)."""

    title = _("place held now")
    parameter_name = "seat"

    def lookups(self, request, model_admin):
        choices = [
            ("confirmed", _("Seat, address confirmed")),
            ("held", _("Seat held, address not confirmed yet")),
            ("waiting", _("On the waiting list")),
        ]
        if any(f.name == "checked_in_at" for f in Registration._meta.get_fields()):
            choices.append(("present", _("Present (checked in)")))
        return choices

    def queryset(self, request, queryset):
        seats = queryset.seats()
        match self.value():
            case "confirmed":
                return seats.filter(confirmed_at__isnull=False)
            case "held":
                return seats.filter(confirmed_at__isnull=True)
            case "waiting":
                return queryset.waiting()
            case "present":
                return queryset.present()
        return queryset  # no choice, or an unknown one typed into the address: no filter
