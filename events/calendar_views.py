"""The programme as files for other software: iCalendar feeds and the frab schedule (JSON and XML).

Public, the same for every visitor of a language (the language is in the path), so they set no cookie and may be
cached for five minutes; each runs three queries whatever the number of sessions.
"""

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from . import frab
from .calendars import calendar_response, calendar_sessions

public_file = cache_control(public=True, max_age=300)


def _programme_description() -> str:
    return gettext(
        "The programme of Creative Gathering, 10–11 January 2026: ceremonies, forums, workshops, performances, "
        "the fair and business meetings, by day and venue."
    )


@require_safe
@public_file
def programme_calendar(request):
    return calendar_response(
        calendar_sessions(),
        name=gettext("Creative Gathering 2026"),
        description=_programme_description(),
        filename=f"{frab.ACRONYM}-{get_language()}.ics",
    )


@require_safe
@public_file
def session_calendar(request, slug):
    session = get_object_or_404(calendar_sessions(), slug=slug)
    return calendar_response(
        [session],
        name=gettext("Creative Gathering 2026"),
        filename=f"{session.slug}.ics",
    )


@require_safe
@public_file
def schedule_json(request):
    schedule = frab.build_schedule(calendar_sessions())
    return HttpResponse(
        json.dumps(schedule, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )


@require_safe
@public_file
def schedule_xml(request):
    schedule = frab.build_schedule(calendar_sessions())
    return HttpResponse(frab.schedule_xml(schedule), content_type="application/xml; charset=utf-8")
