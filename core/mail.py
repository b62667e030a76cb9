"""E-mail: plain-text messages rendered from a pair of templates, sending that never undoes what is already saved,
and delivery outside the request.

Every message of the site goes through `TaskEmailBackend` (settings.EMAIL_BACKEND): it turns the message into plain
data and queues `deliver_email` as a background task (django-tasks), which hands it to the backend that really
delivers (settings.TUDOI_EMAIL_BACKEND: SMTP in production) and, when delivery fails, queues itself again a little
later, up to MAX_ATTEMPTS times. Each attempt is a task result that organisers see in the admin, failures with
their traceback. A request that sends mail therefore only writes a row: a change that concerns hundreds of people,
or a slow mail server, never holds up the page.
"""

import base64
import logging
import re
from collections.abc import Callable
from datetime import timedelta
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import SafeMIMEMultipart
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Seconds to wait before attempt 2, 3, 4 and 5: a mail server that is down for a while is tried for about 1.5 hours.
RETRY_DELAYS = (60, 300, 900, 3600)


def one_line(text: str) -> str:
    """A header value: whatever the template or the data hold, no line break reaches the header."""
    return " ".join(text.split())


def tidy(text: str) -> str:
    """A plain-text body without the blank lines that template tags leave behind."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def render_email(template: str, context: dict) -> tuple[str, str]:
    """Subject and body from `<template>_subject.txt` and `<template>_body.txt`, in the active language."""
    subject = one_line(render_to_string(f"{template}_subject.txt", context))
    body = tidy(render_to_string(f"{template}_body.txt", context))
    return subject, body


def mail_quietly(send: Callable[[object], None], record) -> bool:
    """Call `send(record)`; log a failure instead of raising it, so that a mail server outage neither undoes nor
    hides what the visitor has already sent (it is stored first). True when the e-mail went out."""
    try:
        send(record)
    except Exception:
        logger.exception("Could not send the %s e-mail for %s %s", send.__name__, record._meta.model_name, record.pk)
        return False
    return True


class EmailWithInlineImages(EmailMultiAlternatives):
    """A message whose HTML part shows images sent with it (`<img src="cid:…">`), such as the QR code of a seat.

    `inline_images` holds (content_id, filename, content, mimetype) tuples; they go with the text and HTML parts in a
    `multipart/related` part, so that mail programs show them in the HTML and not as attachments (which stay after it:
    mixed[related[alternative[text, html], images], attachments]).
    """

    def __init__(self, *args, inline_images=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.inline_images = list(inline_images or [])

    def attach_inline_image(self, content_id: str, filename: str, content: bytes, mimetype: str = "image/png") -> str:
        """Attach an image shown by the HTML part; return the `src` that shows it (`cid:<content_id>`)."""
        self.inline_images.append((content_id, filename, content, mimetype))
        return f"cid:{content_id}"

    def _create_alternatives(self, msg):
        msg = super()._create_alternatives(msg)
        if not self.inline_images:
            return msg
        related = SafeMIMEMultipart(_subtype="related", encoding=self.encoding or settings.DEFAULT_CHARSET)
        related.attach(msg)
        for content_id, filename, content, mimetype in self.inline_images:
            image = MIMEImage(content, _subtype=mimetype.split("/", 1)[1])
            image.add_header("Content-ID", f"<{content_id}>")
            image.add_header("Content-Disposition", "inline", filename=filename)
            related.attach(image)
        return related


# Delivery outside the request


def message_to_data(message) -> dict:
    """An EmailMessage (or EmailMultiAlternatives) as JSON-able data, the arguments of a queued task."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise TypeError("MIME attachments cannot be queued; attach (filename, content, mimetype) instead.")
        filename, content, mimetype = attachment
        if isinstance(content, bytes):
            attachments.append(
                {"filename": filename, "base64": base64.b64encode(content).decode(), "mimetype": mimetype}
            )
        else:
            attachments.append({"filename": filename, "text": content, "mimetype": mimetype})
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
        "inline_images": [
            {"content_id": cid, "filename": name, "base64": base64.b64encode(content).decode(), "mimetype": mimetype}
            for cid, name, content, mimetype in getattr(message, "inline_images", [])
        ],
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailWithInlineImages(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    for attachment in data["attachments"]:
        content = base64.b64decode(attachment["base64"]) if "base64" in attachment else attachment["text"]
        message.attach(attachment["filename"], content, attachment["mimetype"])
    for image in data.get("inline_images", []):
        message.attach_inline_image(
            image["content_id"], image["filename"], base64.b64decode(image["base64"]), image["mimetype"]
        )
    return message


@task()
def deliver_email(data: dict, attempt: int = 1) -> int:
    """Hand one queued message to the delivering backend; on failure queue the next attempt, then fail (so the
    failed attempt shows in the admin with its traceback)."""
    message = message_from_data(data)
    try:
        return get_connection(settings.TUDOI_EMAIL_BACKEND).send_messages([message]) or 0
    except Exception:
        if attempt < MAX_ATTEMPTS and deliver_email.get_backend().supports_defer:
            retry_at = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 1])
            deliver_email.using(run_after=retry_at).enqueue(data, attempt + 1)
            logger.warning("E-mail to %s not delivered (attempt %s); next attempt at %s", data["to"], attempt, retry_at)
        else:
            logger.error("E-mail to %s not delivered after %s attempts", data["to"], attempt)
        raise


class TaskEmailBackend(BaseEmailBackend):
    """Queues each message as a `deliver_email` task instead of sending it. When the queue cannot be written (the
    database is down), the message is delivered at once rather than lost."""

    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                deliver_email.enqueue(message_to_data(message))
            except Exception:
                logger.exception("Could not queue an e-mail to %s; delivering it at once", message.to)
                try:
                    get_connection(settings.TUDOI_EMAIL_BACKEND, fail_silently=self.fail_silently).send_messages(
                        [message]
                    )
                except Exception:
                    if not self.fail_silently:
                        raise
                    continue
            count += 1
        return count
