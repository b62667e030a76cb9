"""Check-in at the door: the QR code and short code of a seat, and the desk page that marks people present.

The confirmation e-mail of a seat carries a QR code of a signed token naming the registration (CHECKIN_SALT) and,
under it, the registration's short code (`Registration.checkin_code`, 8 characters without 0/O, 1/I/L) to read
out or type. The desk (a staff page, `events.check_in` permission) takes either, checks that the seat is one to let
in, for the session the desk is checking in, and marks it present once: the first desk to mark it wins, the others
are told when it was marked.
"""

import io
import re
from dataclasses import dataclass

import segno
from django import forms
from django.contrib import admin
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import clock
from core.mail import EmailWithInlineImages

from .models import (
    CHECKIN_ALPHABET,
    CHECKIN_CODE_LENGTH,
    Registration,
    RegistrationStatus,
    Session,
)

CHECKIN_SALT = "events.registration.checkin"
PERMISSION = "events.check_in"
# What the scanner or the desk may send: a code, or a signed token (a few dozen characters).
MAX_INPUT = 200
QR_SCALE = 6  # pixels per module


# The code and the QR code


def checkin_token(registration: Registration) -> str:
    """The signed token the QR code carries: the registration's number, signed for the check-in only."""
    return signing.dumps(registration.pk, salt=CHECKIN_SALT)


def display_code(code: str | None) -> str:
    """The short code as printed, in two groups to read out: "K7QM-4XPD"."""
    if not code:
        return ""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def qr_png(registration: Registration) -> tuple[bytes, int]:
    """The QR code of the registration's check-in token as a PNG large enough to scan from a phone's screen, and its
    width (= height) in pixels."""
    qr = segno.make(checkin_token(registration), error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=QR_SCALE, border=4)
    return buffer.getvalue(), qr.symbol_size(scale=QR_SCALE, border=4)[0]


def checkin_message(registration: Registration, subject: str, body: str, context: dict) -> EmailWithInlineImages:
    """The e-mail of a seat (`subject` and text `body` already rendered, in the active language), with an HTML part
    that repeats the text and shows the QR code, sent inline, and the short code under it."""
    png, size = qr_png(registration)
    message = EmailWithInlineImages(subject=subject, body=body, to=[registration.email])
    src = message.attach_inline_image(f"checkin-{registration.pk}@tudoi", "check-in.png", png)
    html = render_to_string(
        "events/email/checkin.html",
        {**context, "subject": subject, "body": body, "qr_src": src, "qr_size": size},
    )
    message.attach_alternative(html, "text/html")
    return message


_CODE_RE = re.compile(f"[{CHECKIN_ALPHABET}]{{{CHECKIN_CODE_LENGTH}}}")


def normalised_code(text: str) -> str | None:
    """The code as stored, from what a person typed ("k7qm 4xpd", "K7QM-4XPD"), or None when it cannot be one."""
    code = re.sub(r"[\s\-–.]", "", text).upper()
    return code if _CODE_RE.fullmatch(code) else None


def find_registration(text: str) -> Registration | None:
    """The registration named by a typed code or a scanned token, or None."""
    text = (text or "").strip()
    if not text or len(text) > MAX_INPUT:
        return None
    registrations = Registration.objects.select_related("session__venue", "checked_in_by")
    code = normalised_code(text)
    if code is not None:
        return registrations.filter(checkin_code=code).first()
    try:
        pk = signing.loads(text, salt=CHECKIN_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return registrations.filter(pk=pk).first() if isinstance(pk, int) else None


# Checking in


class Outcome:
    CHECKED_IN = "checked-in"
    ALREADY = "already"
    UNKNOWN = "unknown"
    OTHER_SESSION = "other-session"
    CANCELLED = "cancelled"
    WAITING = "waiting"
    UNCONFIRMED = "unconfirmed"
    SESSION_CANCELLED = "session-cancelled"


@dataclass
class CheckIn:
    """What the desk did with a code: `outcome` (an `Outcome`), the registration when the code named one, and the
    sentence to show."""

    outcome: str
    message: str
    registration: Registration | None = None

    @property
    def admitted(self) -> bool:
        return self.outcome == Outcome.CHECKED_IN

    @property
    def refused(self) -> bool:
        return self.outcome not in (Outcome.CHECKED_IN, Outcome.ALREADY)


def _when(moment) -> str:
    """ "14:02" today (Hanoi time), "14:02, 10/01/2026" another day."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localtime(clock.now()).date():
        return f"{local:%H:%M}"
    return f"{local:%H:%M, %d/%m/%Y}"


def _session_label(session: Session) -> str:
    return f"“{session.title}” ({_when(session.starts_at)})"


def check_in(*, text: str, session: Session | None, user) -> CheckIn:
    """Mark the seat named by `text` (a code or a scanned token) present, for `session` (None: any session).

    Refuses an unknown code, a code of another session, a cancelled registration or session, a waiting-list place
    and a hold whose address was never confirmed. Marks present once: the update only touches a registration not
    yet checked in, so two desks scanning the same code at the same moment mark it once, and the second is told.
    """
    registration = find_registration(text)
    if registration is None:
        return CheckIn(
            Outcome.UNKNOWN,
            gettext("Unknown code: check it and type it again, or look the person up in the registrations."),
        )
    if session is not None and registration.session_id != session.pk:
        return CheckIn(
            Outcome.OTHER_SESSION,
            gettext("This code is for another session: %(session)s. Not checked in.")
            % {"session": _session_label(registration.session)},
            registration,
        )
    if registration.status == RegistrationStatus.CANCELLED:
        return CheckIn(
            Outcome.CANCELLED, gettext("This registration was cancelled: no seat. Not checked in."), registration
        )
    if registration.session.is_cancelled:
        return CheckIn(Outcome.SESSION_CANCELLED, gettext("This session is cancelled. Not checked in."), registration)
    if registration.status == RegistrationStatus.WAITLISTED:
        return CheckIn(
            Outcome.WAITING, gettext("On the waiting list: this person has no seat. Not checked in."), registration
        )
    if registration.confirmed_at is None:
        return CheckIn(
            Outcome.UNCONFIRMED,
            gettext("The e-mail address of this registration was never confirmed: no seat. Not checked in."),
            registration,
        )
    if registration.checked_in_at is None:
        moment = clock.now()
        marked = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
            checked_in_at=moment, checked_in_by=user, updated_at=moment
        )
        registration.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
        if marked:
            return CheckIn(Outcome.CHECKED_IN, gettext("Checked in. Welcome!"), registration)
    return CheckIn(
        Outcome.ALREADY,
        gettext("Already checked in at %(time)s.") % {"time": _when(registration.checked_in_at)},
        registration,
    )


# The desk page


class SessionChoice(forms.Form):
    session = forms.ModelChoiceField(
        label=_("Session at this door"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("Any session"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = Session.objects.filter(capacity__isnull=False).select_related("venue")
        self.fields["session"].label_from_instance = lambda session: (
            f"{timezone.localtime(session.starts_at):%d/%m %H:%M} · {session.title} · {session.venue}"
        )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=MAX_INPUT,
        help_text=_("The 8 characters under the QR code of the confirmation e-mail, with or without the dash."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "autocorrect": "off",
                "spellcheck": "false",
                "autofocus": True,
                "enterkeyhint": "go",
            }
        ),
    )


def desk_view(request, model_admin: admin.ModelAdmin):
    """The check-in desk: GET shows the form (and the counts of the chosen session), POST checks a code in."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    choice = SessionChoice(request.GET or None)
    session = choice.cleaned_data["session"] if choice.is_valid() else None
    result = None
    form = CodeForm()
    if request.method == "POST":
        # A NUL character (which a scanner may send) can be neither looked up nor shown back in the page.
        posted = CodeForm({"code": request.POST.get("code", "").replace("\x00", "")})
        if choice.is_bound and not choice.is_valid():
            # The desk's session is unknown (deleted, or a mistyped address): check nobody in for "any session".
            form = posted
            form.add_error(None, gettext("Choose the session at this door again, then check in."))
        elif posted.is_valid():
            result = check_in(text=posted.cleaned_data["code"], session=session, user=request.user)
        else:
            form = posted  # keep what was typed, with the error
    counted = session or (result.registration.session if result and result.registration else None)
    counts = None
    if counted is not None:
        counts = Session.objects.with_seats().filter(pk=counted.pk).values("seats_taken", "present").first()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": gettext("Check-in at the door"),
        "choice": choice,
        "session": session,
        "form": form,
        "result": result,
        "counted": counted,
        "counts": counts,
        "code": display_code(result.registration.checkin_code) if result and result.registration else "",
        "checked_in_at": _when(result.registration.checked_in_at)
        if result and result.registration and result.registration.checked_in_at
        else "",
    }
    return TemplateResponse(request, "admin/events/registration/checkin.html", context)
