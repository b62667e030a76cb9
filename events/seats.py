"""The registrations a visitor holds, remembered by their browser after they confirmed them.

A signed, HttpOnly cookie lists the ids of the registrations confirmed in this browser, so that the personal agenda
can mark the sessions where the visitor holds a seat or a waiting-list place. It is written only by the confirmation
link, read only by the agenda; the server never trusts a value it did not sign.
"""

from django.conf import settings
from django.core import signing

from core.web import cookie_name

COOKIE_NAME = "seats"
COOKIE_SALT = "events.seats.cookie"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
MAX_SEATS = 50
_MAX_ID = 2**63 - 1


def read(request) -> tuple[int, ...]:
    value = request.COOKIES.get(cookie_name(COOKIE_NAME))
    if not value:
        return ()
    try:
        ids = signing.loads(value, salt=COOKIE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return ()
    if not isinstance(ids, list):
        return ()
    return tuple(i for i in ids if isinstance(i, int) and not isinstance(i, bool) and 0 < i <= _MAX_ID)[:MAX_SEATS]


def with_registration(ids: tuple[int, ...], pk: int) -> tuple[int, ...]:
    """The newest last; the oldest are forgotten beyond MAX_SEATS."""
    return (*(i for i in ids if i != pk), pk)[-MAX_SEATS:]


def store(response, request, ids: tuple[int, ...]) -> None:
    response.set_cookie(
        cookie_name(COOKIE_NAME),
        signing.dumps(list(ids), salt=COOKIE_SALT),
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
