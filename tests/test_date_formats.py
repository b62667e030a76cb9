"""Dates and times are typed and shown day first in the admin, in Vietnamese and in English; a published session
outside the event's days needs an explicit confirmation."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import Session
from tests.test_admin import DRAFT, case_session, form_errors, post_form
from tudoi.models import Status

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
    organiser.defaults["HTTP_ACCEPT_LANGUAGE"] = language
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
    organiser.defaults["HTTP_ACCEPT_LANGUAGE"] = language
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
    organiser.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    draft = post_form(organiser, ADD, session_form(starts_at_0="11/11/2026", ends_at_0="11/11/2026", **DRAFT))
    backwards = post_form(organiser, ADD, session_form(ends_at_0="10/01/2026", ends_at_1="09:00", title_vi="Ngược"))

    assert draft.status_code == 302
    assert backwards.status_code == 200
    assert form_errors(backwards)["ends_at"] == ["A session must end after it starts."]
