"""Plain-text e-mails rendered from a pair of templates, and sending that never undoes what is already saved."""

import logging
import re
from collections.abc import Callable

from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


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
