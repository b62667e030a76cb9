"""The seat registration pages: register for a session, confirm the address from the e-mail, and cancel.

The work is done by `events.registration`; these views only turn its answers into pages.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import clock
from core.mail import mail_quietly
from core.ratelimit import RateLimit, client_address

from . import agenda as agendas
from . import links
from . import seats as seat_cookie
from .agenda_views import _from_cookie, _store
from .calendars import webcal_url
from .forms import RegistrationForm
from .models import RegistrationStatus, Session
from .registration import (
    CONFIRM_SALT,
    HOLD_TIME,
    RegistrationError,
    cancel_registration,
    cancel_url,
    confirm_registration,
    register_for_session,
    registration_from_token,
    registration_state,
    send_already_registered,
    send_confirmation,
    send_hold,
    send_promotion,
)

FORM_HAS_ERRORS = _("Please correct the fields marked below.")
# A family books a few workshops in one sitting; a script books every seat. Counted per client address, robots
# caught by the honeypot included.
RATE_LIMIT = RateLimit("registrations", (10 * 60, 5), (24 * 60 * 60, 20))
TOO_MANY = _(
    "Many registrations have come from your connection in a short time, so we cannot take this one now. Please try "
    "again in a few minutes. What you typed is still below."
)


def register(request, slug):
    session = get_object_or_404(
        Session.objects.published().select_related("venue").filter(capacity__isnull=False), slug=slug
    )
    sent = request.method == "GET" and request.GET.get("sent") == "1"
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    state = registration_state(session)
    status, refused, too_many = 200, None, None
    if request.method == "POST" and state.can_register:
        address = client_address(request)
        if RATE_LIMIT.is_reached(address):
            too_many, status = TOO_MANY, 429
        elif form.is_robot():
            # The same answer as for a person, so that the robot learns nothing; nothing is stored or sent.
            RATE_LIMIT.take(address)
            return HttpResponseRedirect(f"{request.path}?sent=1")
        elif form.is_valid():
            if not RATE_LIMIT.take(address):
                too_many, status = TOO_MANY, 429
            else:
                try:
                    outcome = register_for_session(
                        session=session,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        phone=form.cleaned_data["phone"],
                        language=get_language(),
                    )
                except RegistrationError as error:  # the window closed since the page was shown
                    refused = error.message
                    state = registration_state(session)
                else:
                    # The same page whether or not the address was registered already: only its owner learns which,
                    # by e-mail.
                    mail_quietly(send_hold if outcome.created else send_already_registered, outcome.registration)
                    for promoted in outcome.promoted:
                        mail_quietly(send_promotion, promoted)
                    return HttpResponseRedirect(f"{request.path}?sent=1")

    context = {
        "session": session,
        "form": form,
        "honeypot": form["website"],
        "state": state,
        "sent": sent,
        "hold_minutes": int(HOLD_TIME.total_seconds() // 60),
        "refused": refused,
        "too_many": too_many,
        "form_has_errors": FORM_HAS_ERRORS
        if state.can_register and form.is_bound and form.errors and not too_many
        else None,
    }
    return render(request, "events/session_register.html", context, status=status)


@require_safe
@never_cache  # personal: it sets the visitor's cookies
def confirm(request, token):
    """The link in the e-mail: one tap confirms the address (following it again changes nothing)."""
    registration = registration_from_token(token, salt=CONFIRM_SALT)
    if registration is None:
        context = {"invalid": True, "organisers_email": settings.TUDOI_ORGANISERS_EMAIL}
        return render(request, "events/registration_confirm.html", context, status=400)
    if links.expired():
        return links.expired_page(request)
    was_confirmed = registration.confirmed_at is not None
    outcome = confirm_registration(registration=registration)
    registration = outcome.registration
    for promoted in outcome.promoted:
        mail_quietly(send_promotion, promoted)
    newly_confirmed = not was_confirmed and registration.confirmed_at is not None
    if newly_confirmed:
        mail_quietly(send_confirmation, registration)
    session = registration.session
    ics_path = reverse("events:session-ics", kwargs={"slug": session.slug})
    context = {
        "registration": registration,
        "session": session,
        "confirmed": registration.confirmed_at is not None,
        "has_seat": registration.status == RegistrationStatus.CONFIRMED and registration.confirmed_at is not None,
        "waitlisted": registration.status == RegistrationStatus.WAITLISTED and registration.confirmed_at is not None,
        "cancelled": registration.status == RegistrationStatus.CANCELLED,
        "session_over": clock.now() >= session.ends_at or session.is_cancelled,
        "ics_url": ics_path,
        "webcal_url": webcal_url(ics_path),
        "cancel_url": cancel_url(registration),
    }
    response = render(request, "events/registration_confirm.html", context)
    if registration.confirmed_at is not None and registration.status != RegistrationStatus.CANCELLED:
        seat_cookie.store(response, request, seat_cookie.with_registration(seat_cookie.read(request), registration.pk))
        starred = _from_cookie(request)
        with_session = agendas.with_item(starred, "session", session.pk)
        if with_session != starred:
            _store(response, request, with_session)
    return response


def cancel(request, token):
    registration = registration_from_token(token)
    if registration is None:
        context = {"invalid": True, "organisers_email": settings.TUDOI_ORGANISERS_EMAIL}
        return render(request, "events/registration_cancel.html", context, status=400)
    if links.expired():
        return links.expired_page(request)
    session = registration.session
    is_active = registration.status != RegistrationStatus.CANCELLED
    session_over = clock.now() >= session.ends_at

    if request.method == "POST" and is_active and not session_over:
        promoted = cancel_registration(registration=registration)
        if promoted is not None:
            mail_quietly(send_promotion, promoted)
        return HttpResponseRedirect(f"{request.path}?done=1")

    context = {
        "registration": registration,
        "session": session,
        "is_active": is_active,
        "session_over": session_over,
        "just_cancelled": not is_active and request.GET.get("done") == "1",
        "organisers_email": settings.TUDOI_ORGANISERS_EMAIL,
    }
    return render(request, "events/registration_cancel.html", context)
