"""The seat registration pages: register for a session, and cancel from the link in the e-mail.

The work is done by `events.registration`; these views only turn its answers into pages.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tudoi import clock
from tudoi.mail import mail_quietly

from .forms import RegistrationForm
from .models import RegistrationStatus, Session
from .registration import (
    AlreadyRegistered,
    RegistrationError,
    Window,
    cancel_registration,
    register_for_session,
    registration_closes_at,
    registration_from_token,
    seats_left,
    send_confirmation,
    send_promotion,
    window_state,
)

DONE_STATES = {RegistrationStatus.CONFIRMED.value, RegistrationStatus.WAITLISTED.value}
FORM_HAS_ERRORS = _("Please correct the fields marked below.")


def register(request, slug):
    session = get_object_or_404(
        Session.objects.published().select_related("venue").filter(capacity__isnull=False), slug=slug
    )
    done = request.GET.get("done") if request.method == "GET" else None
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    state = window_state(session)
    refused = None
    if request.method == "POST" and state == Window.OPEN and form.is_valid():
        try:
            registration = register_for_session(
                session=session,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                language=get_language(),
            )
        except AlreadyRegistered as error:
            form.add_error("email", error.message)
        except RegistrationError as error:  # the window closed since the page was shown
            refused = error.message
            state = window_state(session)
        else:
            mail_quietly(send_confirmation, registration)
            return HttpResponseRedirect(f"{request.path}?done={registration.status}")

    left = seats_left(session)
    is_open = state == Window.OPEN
    context = {
        "session": session,
        "form": form,
        "done": done if done in DONE_STATES else None,
        "is_open": is_open,
        "not_yet_open": state == Window.NOT_OPEN,
        "is_closed": state == Window.CLOSED,
        "closes_at": registration_closes_at(session),
        "seats_left": left,
        "full": left == 0,
        "refused": refused,
        "form_has_errors": FORM_HAS_ERRORS if is_open and form.is_bound and form.errors else None,
    }
    return render(request, "events/session_register.html", context)


def cancel(request, token):
    registration = registration_from_token(token)
    if registration is None:
        context = {"invalid": True, "organisers_email": settings.TUDOI_ORGANISERS_EMAIL}
        return render(request, "events/registration_cancel.html", context, status=400)
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
