"""Writing to the people registered for a session ("the room has changed", "bring an apron").

From a session's page in the admin, an organiser writes a subject and a message in Vietnamese and, optionally, in
English, chooses whether the waiting list hears it too, previews both versions with the number of people they go
to, then sends. Each person receives the version in their language (`Registration.language`, the language they
registered in), the Vietnamese one when there is no English; the mails leave from a background task (one queued
delivery each, core/mail.py), and the message is kept on the session (`SessionMessage`).
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core import clock
from core.mail import mail_quietly, render_email
from core.web import site_url, site_url_override

from .models import Registration, RegistrationStatus, Session, SessionMessage

logger = logging.getLogger(__name__)

PERMISSION = "events.add_sessionmessage"


def recipients(session: Session, *, include_waiting: bool):
    """Who a message reaches: every confirmed seat and, when asked, every confirmed waiting-list place (a hold whose
    address was never proven is not written to, as for programme changes)."""
    people = session.registrations.confirmed()
    if not include_waiting:
        people = people.filter(status=RegistrationStatus.CONFIRMED)
    return people.order_by("pk")


def language_for(registration: Registration, message: SessionMessage) -> str:
    """The person's language when the message has that version, Vietnamese otherwise."""
    return "en" if registration.language == "en" and message.body_en else "vi"


def render_message(registration: Registration, message: SessionMessage, *, preview: bool = False) -> tuple[str, str]:
    """Subject and body as `registration`'s holder receives them (in `language_for` their language). A preview
    shows placeholders instead of the person's cancel link."""
    # Imported here: events.registration imports the models this module is imported from, as events.changes does.
    from .registration import cancel_url

    language = language_for(registration, message)
    with translation.override(language):
        if preview:
            registration.name = gettext("(name)")
        session = registration.session
        context = {
            "registration": registration,
            "session": session,
            "venue": session.venue,
            "subject": message.subject_en if language == "en" else message.subject_vi,
            "body": message.body_en if language == "en" else message.body_vi,
            "confirmed": registration.status == RegistrationStatus.CONFIRMED,
            "session_url": site_url() + session.get_absolute_url(),
            "cancel_url": gettext("(the person's own cancel link)") if preview else cancel_url(registration),
            "site_url": site_url(),
        }
        return render_email("events/email/session_message", context)


def send_one(registration: Registration, message: SessionMessage) -> None:
    subject, body = render_message(registration, message)
    EmailMessage(subject=subject, body=body, to=[registration.email], reply_to=[settings.TUDOI_ORGANISERS_EMAIL]).send()


@task()
def send_session_message(message_id: int, registration_ids: list[int], origin: str | None = None) -> int:
    """Mail the message to each of these registrations still active (each mail is its own queued delivery)."""
    message = SessionMessage.objects.filter(pk=message_id).first()
    if message is None:
        return 0
    people = (
        Registration.objects.filter(pk__in=registration_ids)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("session__venue")
        .order_by("pk")
    )
    sent = 0
    with site_url_override(origin):
        for registration in people:
            if mail_quietly(lambda r: send_one(r, message), registration):
                sent += 1
    return sent


# The admin page


class MessageForm(forms.Form):
    subject_vi = forms.CharField(label=_("Subject in Vietnamese"), max_length=200)
    body_vi = forms.CharField(
        label=_("Message in Vietnamese"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10_000,
        error_messages={"required": _("Write the message in Vietnamese: it cannot be empty.")},
    )
    subject_en = forms.CharField(label=_("Subject in English"), max_length=200, required=False)
    body_en = forms.CharField(
        label=_("Message in English"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10_000,
        required=False,
        help_text=_("Optional. Without it, people who registered in English receive the Vietnamese message."),
    )
    include_waiting = forms.BooleanField(
        label=_("Also write to the waiting list"),
        required=False,
        help_text=_("People on the waiting list who confirmed their e-mail address."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_vi"].error_messages["required"] = _("Give the message a subject in Vietnamese.")

    def clean(self):
        cleaned_data = super().clean()
        subject_en, body_en = cleaned_data.get("subject_en"), cleaned_data.get("body_en")
        if body_en and not subject_en:
            self.add_error(
                "subject_en", _("Give the English message a subject too, or leave both English fields empty.")
            )
        if subject_en and not body_en and "body_en" not in self.errors:
            self.add_error("body_en", _("Write the English message too, or leave both English fields empty."))
        return cleaned_data

    def message(self, session: Session) -> SessionMessage:
        """The message as it would be kept (not saved)."""
        data = self.cleaned_data
        return SessionMessage(
            session=session,
            subject_vi=data["subject_vi"],
            body_vi=data["body_vi"],
            subject_en=data["subject_en"],
            body_en=data["body_en"],
            include_waiting=data["include_waiting"],
        )


def _counts(people, message: SessionMessage) -> dict:
    languages = [language_for(registration, message) for registration in people]
    return {"total": len(languages), "vi": languages.count("vi"), "en": languages.count("en")}


def _preview(session: Session, message: SessionMessage, language: str) -> dict:
    sample = Registration(session=session, language=language)
    subject, body = render_message(sample, message, preview=True)
    return {"subject": subject, "body": body}


def message_view(request, model_admin: admin.ModelAdmin, object_id: str):
    """Write (GET), preview (POST), send (POST with `send`): see the module docstring."""
    session = model_admin.get_object(request, unquote(object_id))
    if session is None:
        raise Http404
    if not (model_admin.has_view_permission(request, session) and request.user.has_perm(PERMISSION)):
        raise PermissionDenied
    change_url = reverse("admin:events_session_change", args=[session.pk])
    form = MessageForm(request.POST if request.method == "POST" else None)
    preview = None
    if request.method == "POST" and form.is_valid() and "edit" not in request.POST:
        message = form.message(session)
        people = list(recipients(session, include_waiting=message.include_waiting).select_related("session__venue"))
        counts = _counts(people, message)
        if "send" in request.POST and counts["total"]:
            return _send(request, message, people, change_url)
        if "send" in request.POST:
            model_admin.message_user(request, gettext("Nobody to write to: nothing was sent."), messages.ERROR)
        preview = {
            "counts": counts,
            "vi": _preview(session, message, "vi"),
            "en": _preview(session, message, "en") if message.body_en else None,
        }
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": session,
        "title": gettext("Message participants"),
        "form": form,
        "preview": preview,
        "change_url": change_url,
        **recipients(session, include_waiting=True).aggregate(
            seats=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        ),
    }
    return TemplateResponse(request, "admin/events/session/message.html", context)


def _send(request, message: SessionMessage, people: list[Registration], change_url: str):
    message.sender = request.user
    message.sent_at = clock.now()
    message.recipient_count = len(people)
    ids = [registration.pk for registration in people]
    origin = site_url()
    with transaction.atomic():
        message.save()
        transaction.on_commit(lambda: _queue(message.pk, ids, origin))
    messages.success(
        request,
        ngettext(
            "The message is being sent to %(count)d person and is kept below, under “Messages to participants”.",
            "The message is being sent to %(count)d people and is kept below, under “Messages to participants”.",
            len(people),
        )
        % {"count": len(people)},
    )
    return redirect(change_url)


def _queue(message_id: int, ids: list[int], origin: str) -> None:
    try:
        send_session_message.enqueue(message_id, ids, origin)
    except Exception:
        logger.exception("Could not queue the message %s to participants", message_id)
