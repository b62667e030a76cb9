"""The programme pages: the schedule by day (list and grid), one session, and what is on now and next."""

import copy
from datetime import date, datetime
from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from core import clock, fragments
from core.views import PreviewMixin, StructuredDataMixin
from core.web import page_number, site_url
from exhibitors.models import CreativeUnit, Sector

from .changes import latest_change_annotations, latest_recent_change
from .forms import FILTER_NAMES, ProgrammeFilterForm
from .models import Registration, Session, Speaker, Venue
from .registration import registration_state

HANOI = timezone.get_default_timezone()


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment, HANOI).date()


SESSIONS_PER_PAGE = 50  # a busy day is split in pages, each labelled with its hours, so that a page stays light


def default_day(days: list[date]) -> date | None:
    """The day the programme opens on: today while the event is on, else its first day."""
    today = timezone.localdate(clock.now(), HANOI)
    if today in days:
        return today
    return days[0] if days else None


def sessions_by_day(sessions) -> dict[date, int]:
    """How many of `sessions` start on each day (Hanoi time), counted in the database."""
    counted = (
        sessions.order_by()
        .annotate(day=TruncDate("starts_at", tzinfo=HANOI))
        .values("day")
        .annotate(count=Count("pk", distinct=True))
    )
    return {row["day"]: row["count"] for row in counted}


class ProgrammeView(TemplateView):
    """One day at a time (today during the event, else the first day), filtered, as a list in pages or a grid."""

    template_name = "events/programme.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        venues = list(Venue.objects.published())
        sectors = list(Sector.objects.published())
        form = ProgrammeFilterForm(self.request.GET, venues=venues, sectors=sectors)
        form.is_valid()  # fills cleaned_data and errors; invalid values are dropped one by one
        published = Session.objects.published()
        filtered = form.filter(published).distinct()
        filters = tuple((name, form.cleaned_data.get(name) or "") for name in FILTER_NAMES if name not in form.errors)
        days, counts = fragments.remember(  # counted once per content generation and set of filters
            ("programme-days", *filters),
            lambda: (list(published.dates("starts_at", "day")), sessions_by_day(filtered)),  # days in Hanoi time
            self.request,
        )
        chosen_day = (form.cleaned_data.get("day") if "day" not in form.errors else None) or default_day(days)
        view = form.cleaned_data.get("view") or "list"
        # The day's sessions are content, kept like the cards (core.fragments); their seats are counted at each
        # request, on copies, since a registration does not move the content generation.
        listed = fragments.remember(
            ("programme-listing", chosen_day, *filters),
            lambda: list(filtered.on_day(chosen_day).for_listing()) if chosen_day is not None else [],
            self.request,
        )
        sessions = with_seats_counted([copy.copy(session) for session in listed])
        # The list is cut in pages on a busy day; the grid (links only) shows the whole day.
        paginator = Paginator(sessions, SESSIONS_PER_PAGE)
        number, page_notice = page_number(self.request.GET.get("page"), paginator.num_pages)
        if not self.request.GET.get("page"):
            number = current_page(sessions, paginator.per_page, number)
        page = paginator.page(number) if view == "list" else None
        shown = list(page.object_list) if page is not None else sessions
        query = self.request.GET.copy()
        query.pop("page", None)
        day_query = query.copy()
        day_query.pop("day", None)
        query["day"] = chosen_day.isoformat() if chosen_day else ""
        context.update(
            form=form,
            webcal_url=webcal(reverse("events:programme-ics")),
            days=[(day, counts.get(day, 0)) for day in days],
            chosen_day=chosen_day,
            day_tab_query=day_query.urlencode(),
            page=page,
            page_notice=page_notice,
            page_query=query.urlencode(),
            page_hours=page_hours(paginator) if page is not None and paginator.num_pages > 1 else [],
            by_day=[(chosen_day, shown)] if shown else [],
            grid=[(chosen_day, build_grid(shown))] if view == "grid" and shown else [],
            view=view,
            session_count=len(sessions),
            is_filtered=any(form.cleaned_data.get(name) for name in FILTER_NAMES),
            # The filter fields are kept for values they understood (a finite set), by the values as sent; the
            # list by its address (the star buttons return to it) and each session's registration state.
            fields_key=None if form.errors else repr([self.request.GET.get(name, "") for name in form.fields]),
            list_key=None
            if form.errors
            else repr((self.request.get_full_path(), [(s.pk, s.registration) for s in shown])),
        )
        return context


def current_page(sessions: list[Session], per_page: int, default: int) -> int:
    """While the day is on, the page with the first session that has not ended (a visitor in the street wants
    what is on now, not the morning); otherwise `default`."""
    moment = clock.now()
    if not sessions or local_day(moment) != local_day(sessions[0].starts_at):
        return default
    index = next((i for i, session in enumerate(sessions) if session.ends_at > moment), len(sessions) - 1)
    return index // per_page + 1


def page_hours(paginator: Paginator) -> list[tuple[int, datetime, datetime]]:
    """Each page of a day's list with the start times of its first and last session, for the page links."""
    sessions = paginator.object_list
    return [
        (number, sessions[start].starts_at, sessions[min(start + paginator.per_page, len(sessions)) - 1].starts_at)
        for number, start in ((n, (n - 1) * paginator.per_page) for n in paginator.page_range)
    ]


def with_registration_states(sessions, *, moment=None) -> list[Session]:
    """The sessions of a queryset, each with its `registration` state (two queries)."""
    return with_seats_counted(list(sessions), moment=moment)


def with_seats_counted(sessions: list[Session], *, moment=None) -> list[Session]:
    """Each of the `sessions` (already loaded) with its `registration` state; one query counts the seats taken."""
    moment = moment or clock.now()
    limited = [session.pk for session in sessions if session.capacity is not None]
    taken = {}
    if limited:
        seats = Registration.objects.seats(moment).filter(session__in=limited)
        taken = dict(seats.order_by().values_list("session").annotate(count=Count("pk")))
    for session in sessions:
        session.seats_taken = taken.get(session.pk, 0)
        session.registration = registration_state(session, moment=moment, seats_taken=session.seats_taken)
    return sessions


def webcal(path: str) -> str:
    """A subscription link (webcal://) for a calendar path on this site."""
    return "webcal://" + (site_url() + path).split("://", 1)[1]


def build_grid(sessions: list[Session]) -> dict:
    """Venues × start hours for one day: {"venues": [...], "rows": [(hour label, [[sessions] per venue])]}."""
    venues = []
    for session in sessions:
        if session.venue not in venues:
            venues.append(session.venue)
    venues.sort(key=lambda v: (v.order, v.name))
    rows = []
    for hour, group in groupby(sessions, key=lambda s: timezone.localtime(s.starts_at, HANOI).hour):
        group = list(group)
        rows.append((f"{hour:02d}:00", [[s for s in group if s.venue_id == venue.pk] for venue in venues]))
    return {"venues": venues, "rows": rows}


class SessionDetailView(PreviewMixin, StructuredDataMixin, DetailView):
    template_name = "events/session_detail.html"
    context_object_name = "session"

    def get_queryset(self):
        return (
            self.visible(Session.objects)
            .select_related("venue")
            .with_seats()
            .annotate(**latest_change_annotations())
            .prefetch_related(
                Prefetch("speakers", queryset=Speaker.objects.published()),
                Prefetch("host_units", queryset=CreativeUnit.objects.published()),
                Prefetch("sectors", queryset=Sector.objects.published()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.object
        sector_ids = [sector.pk for sector in session.sectors.all()]
        related = (
            Session.objects.published()
            .exclude(pk=session.pk)
            .filter(Q(venue=session.venue) | Q(sectors__in=sector_ids) | Q(kind=session.kind))
            .select_related("venue")
            .distinct()
            .order_by("starts_at")[:4]
        )
        url = site_url() + session.get_absolute_url()
        change = latest_recent_change(session)
        state = registration_state(session, seats_taken=session.seats_taken)
        context.update(
            webcal_url=webcal(reverse("events:session-ics", kwargs={"slug": session.slug})),
            related=related,
            state=state,
            change=change,
            absolute_url=url,
        )
        return context

    def get_structured_data(self, context) -> dict:
        return self.object.structured_data(context["change"], state=context["state"])


class NowView(TemplateView):
    """What is on now and next at each venue, for phones on the street and (with ?screen=1) venue screens."""

    template_name = "events/now.html"
    refresh_seconds = 60

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        moment = clock.now()
        # Cancelled sessions are left out: "next at this venue" must be what will take place there.
        taking_place = Session.objects.published().filter(is_cancelled=False)
        upcoming = with_registration_states(
            taking_place.filter(ends_at__gt=moment).select_related("venue"), moment=moment
        )
        first_and_last = taking_place.order_by("starts_at").values_list("starts_at", flat=True)
        bounds = list(first_and_last[:1]) + list(first_and_last.reverse()[:1])
        venues = []
        for venue, group in groupby(
            sorted(upcoming, key=lambda s: (s.venue.order, s.venue.name, s.venue_id, s.starts_at)),
            key=lambda s: s.venue,
        ):
            group = list(group)
            current = [s for s in group if s.is_on_at(moment)]
            later = [s for s in group if s.starts_at > moment]
            venues.append({"venue": venue, "current": current, "next": later[0] if later else None})
        if not bounds:
            phase = "empty"
        elif moment < bounds[0]:
            phase = "before"
        elif not upcoming:
            phase = "after"
        else:
            phase = "during"
        context.update(
            now=moment,
            venues=venues,
            phase=phase,
            starts_at=bounds[0] if bounds else None,
            screen=self.request.GET.get("screen") == "1",
            refresh_seconds=self.refresh_seconds,
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["Cache-Control"] = f"public, max-age={self.refresh_seconds // 2}"
        return response
