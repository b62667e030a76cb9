"""The organisers' desk: the figures the admin's front page shows, each with the filtered admin list behind it.

The admin site (core.staff.StaffAdminSite) calls `desk(request)` through the setting TUDOI_ADMIN_DASHBOARD: the
kernel knows no app, the assembly knows them all. Every block is shown only to those allowed to open the list it
links to (core/roles.py), and each is counted in a fixed number of queries, whatever the size of the programme.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import clock
from core.event import DAYS as EVENT_DAYS
from core.translation_status import lacking_english_counts
from events.conflicts import find_conflicts
from events.models import Registration, Session, SessionChange
from exhibitors.models import MeetingRequest, MeetingStatus
from press.models import AccreditationRequest, AccreditationStatus

# At most this many sessions on the front page; the link "all of the day's sessions" shows the rest.
SESSIONS_SHOWN = 12
CHANGES_SHOWN = 5


def changelist(model, **params) -> str:
    """The admin list of `model`, filtered by `params` (list filters' own query parameters)."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def can_view(request, model) -> bool:
    return request.user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def day_filter(day: date) -> dict:
    """The sessions list's date hierarchy at one day (Hanoi time)."""
    return {"starts_at__day": day.day, "starts_at__month": day.month, "starts_at__year": day.year}


@dataclass
class Figure:
    """One number on the desk and the list behind it (no link when the user may not open it)."""

    value: int | None
    url: str = ""


@dataclass
class SessionRow:
    session: Session
    url: str
    confirmed: Figure | None = None
    held: Figure | None = None
    left: Figure | None = None
    waiting: Figure | None = None
    present: Figure | None = None


@dataclass
class SessionsBlock:
    title: object
    rows: list[SessionRow]
    all_url: str
    all_label: object
    empty: object


@dataclass
class RequestsLine:
    label: object
    count: int
    oldest: datetime | None
    url: str


@dataclass
class Desk:
    now: datetime
    sessions: SessionsBlock | None = None
    requests: list[RequestsLine] = field(default_factory=list)
    lacking_english: list[dict] | None = None
    conflicts: list | None = None
    conflicts_url: str = ""
    changes: list | None = None
    changes_url: str = ""


def desk(request) -> Desk:
    now = clock.now()
    result = Desk(now=now)
    if can_view(request, Session):
        result.sessions = sessions_block(request, now)
        result.conflicts = conflicts()
        result.conflicts_url = reverse("admin:events_session_grid")  # the venue × time grid (events/admin.py)
    result.requests = waiting_requests(request)
    result.lacking_english = lacking_english(request)
    if can_view(request, SessionChange):
        result.changes = list(SessionChange.objects.select_related("session", "old_venue", "new_venue")[:CHANGES_SHOWN])
        result.changes_url = changelist(SessionChange)
    return result


def sessions_block(request, now: datetime) -> SessionsBlock:
    """Today's sessions still to end during the event; before or after it, the next ones to come."""
    today = timezone.localdate(now)
    sessions = Session.objects.published().select_related("venue")
    if today in EVENT_DAYS:
        sessions = sessions.on_day(today).filter(ends_at__gt=now)
        title = _("Today's sessions, still to come or under way")
        all_url, all_label = changelist(Session, **day_filter(today)), _("All of the day's sessions")
        empty = _("No more sessions today.")
    else:
        sessions = sessions.filter(starts_at__gt=now)
        title = _("The next sessions")
        all_url, all_label = changelist(Session), _("All sessions")
        empty = _("No session to come.")
    rows = [session_row(request, session) for session in with_seat_figures(sessions)[:SESSIONS_SHOWN]]
    return SessionsBlock(title=title, rows=rows, all_url=all_url, all_label=all_label, empty=empty)


def with_seat_figures(sessions):
    """Sessions with, in the same query, their seats confirmed, held (address not confirmed yet, hold running), left,
    their waiting list and (with check-in, `SessionQuerySet.with_seats`) the people present; counted by the rules of
    `RegistrationQuerySet`."""
    seats = Registration.objects.seats()
    return (
        sessions.with_seats()
        .annotate(
            confirmed=seats.filter(confirmed_at__isnull=False).count_per_session(),
            held=seats.filter(confirmed_at__isnull=True).count_per_session(),
            waiting=Registration.objects.waiting().count_per_session(),
        )
        .order_by("starts_at", "venue__order", "pk")
    )


def session_row(request, session: Session) -> SessionRow:
    row = SessionRow(session=session, url=reverse("admin:events_session_change", args=[session.pk]))
    if session.capacity is None:
        return row  # open entry: no seats to count
    links = can_view(request, Registration)

    def figure(value, seat: str | None) -> Figure:
        url = changelist(Registration, **{"session__id__exact": session.pk, "seat": seat}) if links and seat else ""
        return Figure(value, url)

    row.confirmed = figure(session.confirmed, "confirmed")
    row.held = figure(session.held, "held")
    row.left = Figure(session.seats_left)
    row.waiting = figure(session.waiting, "waiting")
    row.present = figure(session.present, "present")
    return row


def waiting_requests(request) -> list[RequestsLine]:
    """Visitors' requests nobody has answered yet: their number and the oldest one's date (for its age)."""
    lines = []
    queues = (
        (MeetingRequest, MeetingStatus.NEW, _("Meeting requests waiting for an answer")),
        (AccreditationRequest, AccreditationStatus.PENDING, _("Accreditation requests waiting for a decision")),
    )
    for model, status, label in queues:
        if not can_view(request, model):
            continue
        found = model.objects.filter(status=status).aggregate(count=Count("pk"), oldest=Min("created_at"))
        lines.append(RequestsLine(label, found["count"], found["oldest"], changelist(model, status__exact=status)))
    return lines


def lacking_english(request) -> list[dict] | None:
    """Per kind of content that has some, how many lack their English (core/translation_status.py), each linking to
    its list filtered on them."""
    kinds = lacking_english_counts(request)
    if not kinds:
        return None  # the user may open no translated content: nothing to say
    return [kind for kind in kinds if kind["count"]]


def conflicts() -> list:
    """Two sessions at one venue at one time, a speaker in two places (events/conflicts.py)."""
    return find_conflicts()
