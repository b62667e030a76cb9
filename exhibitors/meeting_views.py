"""A buyer asks a creative unit for a meeting: the form on its own page (the unit's page stays cookie-free).

The work is done by `exhibitors.meetings`; this view only turns its answers into pages.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.ratelimit import client_address

from .forms import MeetingRequestForm
from .meetings import MEETING_RATE_LIMIT, create_meeting_request, send_meeting_emails
from .models import CreativeUnit, Sector

FORM_HAS_ERRORS = _("Please correct the fields marked below.")
TOO_MANY = _(
    "You have sent many meeting requests in a short time, so we cannot take this one now. Please try again in "
    "an hour, or write to the organisers. What you typed is still below."
)


def meet(request, slug):
    unit = get_object_or_404(CreativeUnit.objects.published().select_related("primary_sector"), slug=slug)
    sent = request.method == "GET" and request.GET.get("sent") == "1"
    form = MeetingRequestForm(request.POST if request.method == "POST" else None, sectors=Sector.objects.published())
    status = 200
    too_many = None

    if request.method == "POST":
        address = client_address(request)
        if MEETING_RATE_LIMIT.is_reached(address):
            too_many, status = TOO_MANY, 429
        elif form.is_robot():
            # Same answer as for a person, so that the robot learns nothing; nothing is stored or sent.
            MEETING_RATE_LIMIT.take(address)
            return HttpResponseRedirect(f"{request.path}?sent=1")
        elif form.is_valid():
            if not MEETING_RATE_LIMIT.take(address):
                too_many, status = TOO_MANY, 429
            else:
                meeting = create_meeting_request(unit=unit, language=get_language(), **_request_fields(form))
                send_meeting_emails(meeting)
                return HttpResponseRedirect(f"{request.path}?sent=1")

    context = {
        "unit": unit,
        "form": form,
        "honeypot": form["subject"],
        "sent": sent,
        "too_many": too_many,
        "form_has_errors": FORM_HAS_ERRORS if form.is_bound and not too_many and form.errors else None,
    }
    return render(request, "exhibitors/meet.html", context, status=status)


def _request_fields(form: MeetingRequestForm) -> dict:
    data = form.cleaned_data
    return {name: data[name] for name in form.MEETING_FIELDS}
