"""The personal agenda without an account: starring, the visitor's agenda, its share link, calendar feed and QR code.

What was starred lives in the visitor's browser (see events/agenda.py); the only requests that write it are POSTs,
so that every page a visitor merely looks at stays free of cookies and can be cached.
"""

import io
from dataclasses import dataclass, field
from datetime import date
from functools import wraps
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_cookie

from core import clock
from core.web import cookie_name
from exhibitions.models import Artwork, Exhibition
from exhibitors.models import CreativeUnit

from . import agenda as agendas
from . import links, seats
from .agenda import Agenda
from .calendars import calendar_response, calendar_sessions, site_url, webcal_url
from .models import Registration, Session, SessionChange
from .registration import registration_state

QR_MODULE_PIXELS = 4


# Reading what is starred


@dataclass
class Row:
    """A starred object as the templates show it: the object, its page if it has one, what it clashes with."""

    object: object
    url: str = ""
    clashes: list = field(default_factory=list)
    starred: bool = True
    registration: object = None  # the visitor's confirmed seat or waiting-list place, on their own agenda
    state: object = None  # the session's registration state (full, cancelled…)
    change: object = None  # the session's latest programme change


@dataclass
class Visible:
    """The published part of an agenda, ready for a page."""

    days: list[tuple[date, list[Row]]]
    units: list[Row]
    artworks: list[Row]
    sessions: list[Session]

    def __bool__(self) -> bool:
        return bool(self.days or self.units or self.artworks)

    @property
    def agenda(self) -> Agenda:
        """Only what is on show, in the order shown: what a share link should carry."""
        return Agenda(
            sessions=tuple(s.pk for s in self.sessions),
            units=tuple(row.object.pk for row in self.units),
            artworks=tuple(row.object.pk for row in self.artworks),
        )


def _public(kind: str):
    """The queryset of what the public may see for one kind of starrable object."""
    if kind == "session":
        return Session.objects.published()
    if kind == "unit":
        return CreativeUnit.objects.published()
    # a work is on show only while its exhibition is
    return Artwork.objects.published().filter(exhibition__in=Exhibition.objects.published())


def _visible(agenda: Agenda, *, seat_ids: tuple[int, ...] = ()) -> Visible:
    """At most six queries, whatever the number of items; ids no longer published are skipped.

    `seat_ids` (the visitor's own agenda only) are registrations confirmed in this browser: their sessions are shown
    even when not starred, marked with the seat or waiting-list place.
    """
    registrations = {}
    if seat_ids:
        for registration in Registration.objects.confirmed().filter(pk__in=seat_ids):
            registrations[registration.session_id] = registration
    session_ids = {*agenda.sessions, *registrations}
    moment = clock.now()
    sessions = (
        list(_public("session").filter(pk__in=session_ids).select_related("venue").with_seats(moment))
        if session_ids
        else []
    )
    changes = {}
    if sessions:
        for change in (
            SessionChange.objects.filter(session__in=sessions)
            .select_related("old_venue")
            .order_by("session_id", "-changed_at", "-pk")
        ):
            changes.setdefault(change.session_id, change)
    starred = set(agenda.sessions)
    units = list(_public("unit").filter(pk__in=agenda.units)) if agenda.units else []
    artworks = (
        list(_public("artwork").filter(pk__in=agenda.artworks).select_related("exhibition")) if agenda.artworks else []
    )
    clashes = agendas.overlaps(sessions)
    grouped = agendas.by_day(sessions)
    return Visible(
        days=[
            (
                day,
                [
                    Row(
                        session,
                        session.get_absolute_url(),
                        clashes.get(session.pk, []),
                        starred=session.pk in starred,
                        registration=registrations.get(session.pk),
                        state=registration_state(session, moment=moment, seats_taken=session.seats_taken),
                        change=changes.get(session.pk),
                    )
                    for session in group
                ],
            )
            for day, group in grouped
        ],
        units=[Row(unit, unit.get_absolute_url()) for unit in units],
        artworks=[Row(work, work.get_absolute_url()) for work in artworks],
        sessions=[session for _, group in grouped for session in group if session.pk in starred],
    )


def _from_cookie(request: HttpRequest) -> Agenda:
    return agendas.decode_or_empty(request.COOKIES.get(cookie_name(agendas.COOKIE_NAME)), salt=agendas.COOKIE_SALT)


def _from_token(token: str) -> Agenda | None:
    try:
        return agendas.decode(token, salt=agendas.SHARE_SALT)
    except signing.BadSignature:
        return None


def _share_links(token: str) -> dict[str, str]:
    """Absolute addresses on the public site name (as in the canonical links), so a QR code works from anywhere."""
    ics_url = site_url(reverse("events:agenda-ics", args=[token]))
    return {"token": token, "share_url": _share_url(token), "ics_url": ics_url, "webcal_url": webcal_url(ics_url)}


def _share_url(token: str) -> str:
    return site_url(reverse("events:agenda-shared", args=[token]))


def _invalid_token(request: HttpRequest) -> HttpResponse:
    return render(request, "events/agenda_invalid.html", status=400)


def _share_token(view):
    """For the views of a share link: the agenda it carries; 400 when the token was altered, 410 once it expired."""

    @wraps(view)
    def wrapper(request: HttpRequest, token: str) -> HttpResponse:
        agenda = _from_token(token)
        if agenda is None:
            return _invalid_token(request)
        if links.expired():
            return links.expired_page(request)
        return view(request, token, agenda)

    return wrapper


# Writing: only deliberate POSTs from this site


def _from_this_site(request: HttpRequest) -> bool:
    """True unless the browser says the form was posted from another site.

    Browsers send Origin with every POST (Referer as a fallback for older ones); when neither is there we have
    nothing to compare and let the request through, as the worst it can do is harmless (see toggle_star).
    """
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return True
    if source == "null":  # sandboxed frames, cross-site redirects: never one of our pages
        return False
    parts = urlsplit(source)
    if f"{parts.scheme}://{parts.netloc}" in settings.CSRF_TRUSTED_ORIGINS:
        return True
    return bool(parts.netloc) and parts.netloc == request.get_host()


def _same_site_post(view):
    """POST only (405 otherwise) and never from another site (403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _from_this_site(request):
            return HttpResponseForbidden(gettext("This form can only be sent from this site."))
        return view(request, *args, **kwargs)

    return require_POST(wrapper)


def _store(response: HttpResponse, request: HttpRequest, agenda: Agenda) -> None:
    """Write the signed cookie (authoritative) and its readable companion; forget both when the agenda is empty."""
    secure = settings.SESSION_COOKIE_SECURE
    if not agenda:
        for name in (cookie_name(agendas.COOKIE_NAME), cookie_name(agendas.IDS_COOKIE_NAME)):
            if name in request.COOKIES:
                response.delete_cookie(name, samesite="Lax")
        return
    response.set_cookie(
        cookie_name(agendas.COOKIE_NAME),
        agendas.encode(agenda, salt=agendas.COOKIE_SALT),
        max_age=agendas.COOKIE_MAX_AGE,
        secure=secure,
        httponly=True,
        samesite="Lax",
    )
    # Read by static/js/agenda.js to show pressed buttons on cached pages; never trusted by the server.
    response.set_cookie(
        cookie_name(agendas.IDS_COOKIE_NAME),
        agendas.ids_cookie_value(agenda),
        max_age=agendas.COOKIE_MAX_AGE,
        secure=secure,
        httponly=False,
        samesite="Lax",
    )


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303  # after a POST, the browser fetches the next page with GET
    return response


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("events:agenda")


def _parse_id(value: str | None) -> int | None:
    if not value or not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value) or None


def _wants_json(request: HttpRequest) -> bool:
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


# The star endpoint is exempt from Django's CSRF check on purpose: the buttons sit on cached, cookie-free pages
# that cannot carry a CSRF token. A forged request can at worst add a public session (or unit, or work) to
# someone's agenda, or remove one; it reads nothing and reveals nothing. It still answers POST only, and refuses
# requests whose Origin or Referer names another site.
@csrf_exempt
@_same_site_post
def toggle_star(request: HttpRequest) -> HttpResponse:
    # The star button carries "kind:id" as its own value (fewer elements per card); "kind" and "id" fields work too.
    kind, _sep, raw_id = request.POST.get("item", "").partition(":")
    if not kind:
        kind, raw_id = request.POST.get("kind", ""), request.POST.get("id")
    action = request.POST.get("action", "add")
    pk = _parse_id(raw_id)
    agenda = _from_cookie(request)
    full = False
    if kind in agendas.KINDS and pk is not None:
        if action == "remove":
            agenda = agendas.without_item(agenda, kind, pk)
        elif action == "add" and (kind, pk) not in agenda and _public(kind).filter(pk=pk).exists():
            full = agenda.is_full
            agenda = agendas.with_item(agenda, kind, pk)
    # Unknown kinds, ids or actions change nothing: the visitor is simply taken back.
    starred = pk is not None and kind in agendas.KINDS and (kind, pk) in agenda
    if _wants_json(request):
        response = JsonResponse({"starred": starred, "count": len(agenda), "full": full})
    elif full:
        response = _see_other(reverse("events:agenda") + "?full=1")
    else:
        response = _see_other(_safe_next(request))
    _store(response, request, agenda)
    return response


@csrf_exempt  # for the same reasons as toggle_star: it only adds public items to the visitor's own agenda
@_same_site_post
@_share_token
def import_agenda(request: HttpRequest, token: str, shared: Agenda) -> HttpResponse:
    mine = _from_cookie(request)
    merged = agendas.merge(mine, shared)
    wanted = sum(len({*mine.ids(kind), *shared.ids(kind)}) for kind in agendas.KINDS)
    response = _see_other(reverse("events:agenda") + ("?full=1" if len(merged) < wanted else ""))
    _store(response, request, merged)
    return response


# Reading pages: they never set a cookie


@require_safe
@never_cache  # the page is the visitor's own: no shared cache may keep it
@vary_on_cookie
def my_agenda(request: HttpRequest) -> HttpResponse:
    visible = _visible(_from_cookie(request), seat_ids=seats.read(request))
    context = {
        "visible": visible,
        "full": request.GET.get("full") == "1",
        "max_items": agendas.MAX_ITEMS,
        "read_only": False,
    }
    if visible and not links.expired():  # past the links' expiry, a share link would not open
        context.update(_share_links(agendas.encode(visible.agenda, salt=agendas.SHARE_SALT)))
    return render(request, "events/agenda.html", context)


@require_safe
@_share_token
def shared_agenda(request: HttpRequest, token: str, agenda: Agenda) -> HttpResponse:
    context = {"visible": _visible(agenda), "read_only": True, **_share_links(token)}
    return render(request, "events/agenda_shared.html", context)


@require_safe
@_share_token
def agenda_calendar(request: HttpRequest, token: str, agenda: Agenda) -> HttpResponse:
    """The shared agenda's sessions as they are in the programme now: moved sessions move, unpublished ones go."""
    sessions = calendar_sessions(Session.objects.filter(pk__in=agenda.sessions)) if agenda.sessions else []
    return calendar_response(
        sessions,
        name=gettext("My agenda · Creative Gathering 2026"),
        filename="tu-hoi-sang-tao-agenda.ics",
        description=gettext("Sessions starred on the Creative Gathering website, kept up to date with the programme."),
    )


@require_safe
@_share_token
def agenda_qr(request: HttpRequest, token: str, agenda: Agenda) -> HttpResponse:
    qr = segno.make(_share_url(token), error="m")
    buffer = io.BytesIO()
    # A viewBox (omitsize) lets the <img> scale it; a white background and the 4-module quiet zone keep it
    # readable on any page colour and when printed.
    qr.save(
        buffer,
        kind="svg",
        border=4,
        dark="#000",
        light="#fff",
        omitsize=True,
        xmldecl=False,
        svgclass=None,
        lineclass=None,
        title=gettext("QR code of a shared agenda"),
    )
    pixels = qr.symbol_size(scale=QR_MODULE_PIXELS, border=4)[0]
    svg = (
        buffer.getvalue()
        .decode()
        .replace("<svg ", f'<svg width="{pixels}" height="{pixels}" shape-rendering="crispEdges" ', 1)
    )
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
