"""Press accreditation: store a request, confirm it, tell the organisers, decide on it and tell the journalist.

Every e-mail to a journalist is written in the language of their request (`AccreditationRequest.language`), so a
decision taken in the admin's Vietnamese still reaches an English-speaking reporter in English.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from core import clock
from core.mail import render_email
from core.ratelimit import RateLimit, client_address
from core.web import site_url

from .models import OTHER_DAYS, AccreditationRequest, AccreditationStatus, PressContact

# Submissions per client address: a person correcting a form stays far below; a robot does not.
# A newsroom may send several journalists' requests from one address: five a minute, twenty an hour.
RATE_LIMIT = RateLimit("accreditation", (60, 5), (3600, 20))


def create_request(*, data: dict, days: str, press_card, language: str) -> AccreditationRequest:
    """Store a request with its press card (in private storage). Sends no e-mail: the caller does."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    request = AccreditationRequest(
        name=data["name"].strip(),
        outlet=data["outlet"].strip(),
        role=data.get("role", "").strip(),
        email=data["email"].strip(),
        phone=data.get("phone", "").strip(),
        days=days,
        message=data.get("message", "").strip(),
        language=language,
    )
    with transaction.atomic():
        request.press_card.save(press_card.name, press_card, save=False)
        request.save()
    return request


def decide(*, requests: Iterable[AccreditationRequest], status: str) -> list[AccreditationRequest]:
    """Approve or refuse: set the status and `decided_at` of the requests not already in that state, and return
    them (the caller e-mails them with `send_decision`)."""
    if status not in (AccreditationStatus.APPROVED, AccreditationStatus.REFUSED):
        raise ValueError(f"Not a decision: {status!r}")
    moment = clock.now()
    decided = []
    for request in requests:
        if request.status == status:
            continue
        request.status = status
        request.decided_at = moment
        request.save(update_fields=["status", "decided_at", "updated_at"])
        decided.append(request)
    return decided


# Rate limit


def over_rate_limit(http_request) -> bool:
    """Count one submission (sent back with errors or not) from this client; True when it is over a limit."""
    return not RATE_LIMIT.take(client_address(http_request))


# E-mails


def _days(request: AccreditationRequest) -> list:
    return [day for day in request.day_list if day != OTHER_DAYS]


def _render(template: str, context: dict) -> tuple[str, str]:
    return render_email(f"press/email/{template}", context)


def _context(request: AccreditationRequest) -> dict:
    return {
        "accreditation": request,
        "days": _days(request),
        "other_days": OTHER_DAYS in request.day_list,
        "contacts": list(PressContact.objects.published()[:2]),
        "press_url": site_url() + reverse("press:index"),
        "site_url": site_url(),
    }


def _to_journalist(request: AccreditationRequest, template: str) -> None:
    with translation.override(request.language):
        subject, body = _render(template, _context(request))
    EmailMessage(subject=subject, body=body, to=[request.email]).send()


def send_confirmation(request: AccreditationRequest) -> None:
    """To the journalist, in their language: we have your request."""
    _to_journalist(request, "accreditation_received")


def notify_organisers(request: AccreditationRequest) -> None:
    """To the organisers, in Vietnamese, with the link to the request in the admin (never the press card)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **_context(request),
            "admin_url": site_url() + reverse("admin:press_accreditationrequest_change", args=[request.pk]),
        }
        subject, body = _render("accreditation_new", context)
    EmailMessage(subject=subject, body=body, to=[settings.TUDOI_ORGANISERS_EMAIL], reply_to=[request.email]).send()


def send_decision(request: AccreditationRequest) -> None:
    """To the journalist, in their language: approved or refused."""
    template = {
        AccreditationStatus.APPROVED: "accreditation_approved",
        AccreditationStatus.REFUSED: "accreditation_refused",
    }[AccreditationStatus(request.status)]
    _to_journalist(request, template)
