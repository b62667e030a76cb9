"""The admin's read-only venue × time grid for one day of the event (/admin/events/session/grid/?day=2026-01-10).

A table, as the public programme's grid is, but to scale: one row per quarter of an hour, each session a cell that
spans its rows (`rowspan`, an attribute: nothing needs a style attribute under the strict CSP). Sessions that overlap
at one venue, a conflict, take a lane each under the venue's heading, so both are seen side by side and marked.
Each block links to the session's change page. Cancelled sessions are shown, marked, and conflict with nothing.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext

from core import clock
from core.event import DAYS

from .conflicts import find_conflicts
from .models import Session

SLOT = datetime.timedelta(minutes=15)


@dataclass
class Block:
    session: Session
    start: int  # first slot
    span: int  # slots covered
    conflicts: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return reverse("admin:events_session_change", args=[self.session.pk])


@dataclass
class Column:
    venue: object
    lanes: list = field(default_factory=list)  # per lane: its blocks, in time order


def chosen_day(request) -> datetime.date:
    """?day=2026-01-10 when it is one of the event's days; else today during the event, else the first day. A day
    that cannot be read, or is not one of the event's, is said in a message."""
    raw = request.GET.get("day")
    if raw:
        try:
            day = parse_date(raw)
        except ValueError:
            day = None
        if day in DAYS:
            return day
        messages.error(
            request,
            gettext("“%(value)s” is not one of the event's days; showing %(day)s instead.")
            % {"value": raw[:40], "day": f"{DAYS[0]:%d/%m/%Y}"},
        )
        return DAYS[0]
    today = timezone.localdate(clock.now())
    return today if today in DAYS else DAYS[0]


def build(day: datetime.date) -> dict:
    """The grid of `day`: {"times": [(slot, "09:00")...], "columns": [Column], "rows": [[cell, ...]], ...}.

    Each row holds, per lane of each venue, a Block starting in that slot, None for an empty slot, or nothing at all
    where a block started above covers it (the table's rowspan)."""
    sessions = list(Session.objects.on_day(day).select_related("venue").order_by("starts_at", "venue__order", "pk"))
    conflicts = find_conflicts([s for s in sessions if not s.is_cancelled])
    by_session = {}
    for conflict in conflicts:
        for session in conflict.sessions:
            by_session.setdefault(session.pk, []).append(conflict)
    if not sessions:
        return {"columns": [], "rows": [], "conflicts": conflicts}

    midnight = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    day_end = midnight + datetime.timedelta(days=1)

    def slot(moment) -> float:
        return (min(max(moment, midnight), day_end) - midnight) / SLOT

    first = math.floor(min(slot(s.starts_at) for s in sessions) / 4) * 4  # from a full hour
    last = max(math.ceil(slot(s.ends_at)) for s in sessions)
    last = max(last, first + 4)

    columns: dict[int, Column] = {}
    for session in sorted(sessions, key=lambda s: (s.venue.order, s.venue.name, s.venue_id, s.starts_at, s.pk)):
        start = math.floor(slot(session.starts_at)) - first
        span = max(1, math.ceil(slot(session.ends_at)) - first - start)
        block = Block(session, start, span, by_session.get(session.pk, []))
        column = columns.setdefault(session.venue_id, Column(session.venue))
        for lane in column.lanes:
            if lane[-1].start + lane[-1].span <= start:
                lane.append(block)
                break
        else:
            column.lanes.append([block])

    height = last - first
    lanes = [lane for column in columns.values() for lane in column.lanes]
    rows = []
    covered_until = [0] * len(lanes)
    starts = [{block.start: block for block in lane} for lane in lanes]
    for index in range(height):
        moment = timezone.localtime(midnight + (first + index) * SLOT)
        cells = []
        for number, lane_starts in enumerate(starts):
            block = lane_starts.get(index)
            if block is not None:
                span = min(block.span, height - index)
                cells.append(("block", block, span))
                covered_until[number] = index + span
            elif covered_until[number] <= index:
                cells.append(("empty", None, 1))
        rows.append({"time": f"{moment:%H:%M}", "full_hour": moment.minute == 0, "cells": cells})
    return {"columns": list(columns.values()), "rows": rows, "conflicts": conflicts}


def grid_view(model_admin, request) -> TemplateResponse:
    """The page, for staff who may view sessions."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    day = chosen_day(request)
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Venue × time grid"),
        "opts": opts,
        "day": day,
        "days": DAYS,
        "grid": build(day),
        "changelist_url": reverse("admin:events_session_changelist"),
    }
    return TemplateResponse(request, "admin/events/session/grid.html", context)
