"""Dates and times are typed and shown day first in the admin, in Vietnamese and in English; a published session
outside the event's days needs an explicit confirmation."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from core.models import Status
from events.models import Session
from tests.helpers import admin_speaks
from tests.test_admin import DRAFT, case_session, form_errors, post_form

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
ADD = "/admin/events/session/add/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(admin_client):
    return admin_client


def session_form(**changes) -> dict:
    data, _changes, _fields = case_session()
    return {**data, **changes}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_date_typed_day_first_is_stored_as_that_day(organiser, language):
    admin_speaks(organiser, language)
    data = session_form(starts_at_0="11/01/2026", starts_at_1="14:00", ends_at_0="11/01/2026", ends_at_1="15:30")

    response = post_form(organiser, ADD, data)

    assert (response.status_code, form_errors(response)) == (302, {})
    session = Session.objects.get()
    assert (session.starts_at, session.ends_at) == (
        datetime(2026, 1, 11, 14, 0, tzinfo=HANOI),
        datetime(2026, 1, 11, 15, 30, tzinfo=HANOI),
    )
    page = organiser.get(f"/admin/events/session/{session.pk}/change/").content.decode()
    assert 'value="11/01/2026"' in page and 'value="14:00"' in page


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_published_session_outside_the_event_days_needs_a_confirmation(organiser, language):
    admin_speaks(organiser, language)
    data = session_form(
        starts_at_0="11/11/2026", ends_at_0="11/11/2026", status=Status.PUBLISHED, publish_at_0="", publish_at_1=""
    )

    refused = post_form(organiser, ADD, data)

    assert refused.status_code == 200
    message = {"vi": "ngoài các ngày của sự kiện", "en": "outside the event's days"}[language]
    assert message in " ".join(form_errors(refused)["starts_at"])
    assert Session.objects.count() == 0

    accepted = post_form(organiser, ADD, {**data, "outside_event_days": "on"})

    assert (accepted.status_code, form_errors(accepted)) == (302, {})
    assert Session.objects.get().starts_at == datetime(2026, 11, 11, 14, 0, tzinfo=HANOI)


def test_a_draft_may_be_dated_anywhere_and_an_end_before_the_start_is_explained(organiser):
    admin_speaks(organiser, "en")
    draft = post_form(organiser, ADD, session_form(starts_at_0="11/11/2026", ends_at_0="11/11/2026", **DRAFT))
    backwards = post_form(organiser, ADD, session_form(ends_at_0="10/01/2026", ends_at_1="09:00", title_vi="Ngược"))

    assert draft.status_code == 302
    assert backwards.status_code == 200
    assert form_errors(backwards)["ends_at"] == ["A session must end after it starts."]


@pytest.mark.parametrize(
    ("language", "start", "end", "shown"),
    [
        ("vi", date(2026, 1, 10), date(2026, 1, 18), "10–18/01/2026"),
        ("en", date(2026, 1, 10), date(2026, 1, 18), "10–18 January 2026"),
        ("vi", date(2026, 11, 28), date(2026, 12, 2), "28/11–02/12/2026"),
        ("en", date(2026, 11, 28), date(2026, 12, 2), "28 November – 2 December 2026"),
        ("vi", date(2025, 12, 30), date(2026, 1, 2), "30/12/2025–02/01/2026"),
        ("en", date(2025, 12, 30), date(2026, 1, 2), "30 December 2025 – 2 January 2026"),
    ],
)
def test_a_range_of_days_is_written_the_glossary_way(language, start, end, shown):
    """No weekday in the middle of a range ("10/01–Chủ Nhật, 18/01/2026"): month and year written once."""
    from django.template import Context, Template
    from django.utils import translation

    with translation.override(language):
        html = Template("{% load tudoi %}{% date_range start end %}").render(Context({"start": start, "end": end}))

    assert re.sub(r"<[^>]+>", "", html) == shown
    assert re.findall(r'datetime="([^"]+)"', html) == [start.isoformat(), end.isoformat()]
