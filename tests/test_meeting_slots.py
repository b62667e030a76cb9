"""The meeting request form offers only the time slots still ahead, by the site's clock."""

from datetime import date

import pytest

from exhibitors.models import MeetingRequest
from tests.test_meetings import buyer, meet_url, sector, unit  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("now", "days"),
    [
        ("2026-01-05T10:00:00+07:00", ["2026-01-10", "2026-01-11"]),
        ("2026-01-10T15:00:00+07:00", ["2026-01-10", "2026-01-11"]),
        ("2026-01-10T17:30:00+07:00", ["2026-01-10", "2026-01-11"]),
        ("2026-01-10T21:30:00+07:00", ["2026-01-11"]),
        ("2026-01-12T09:00:00+07:00", []),
    ],
)
def test_only_days_with_a_slot_ahead_are_offered(client, unit, monkeypatch, now, days):  # noqa: F811
    monkeypatch.setenv("TUDOI_NOW", now)

    form = client.get(meet_url(unit, "en")).context["form"]

    offered = [value for value, _label in form.fields["preferred_slot"].choices if value]
    assert sorted({value.partition("/")[0] for value in offered}) == days


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This time has already passed: choose a later one."),
        ("vi", "Giờ này đã qua: vui lòng chọn giờ muộn hơn."),
    ],
)
def test_a_slot_that_has_passed_is_refused_in_the_visitor_language(
    client,
    unit,  # noqa: F811
    sector,  # noqa: F811
    monkeypatch,
    language,
    message,
):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:00:00+07:00")

    morning = client.post(
        meet_url(unit, language),
        buyer(sectors=[sector.pk], preferred_slot="2026-01-10/morning"),
    )
    evening = client.post(
        meet_url(unit, language),
        buyer(sectors=[sector.pk], preferred_slot="2026-01-10/evening", email="b@example.vn"),
    )

    assert morning.status_code == 200 and message in morning.content.decode()
    assert evening.status_code == 302
    assert list(MeetingRequest.objects.values_list("preferred_day", "preferred_time")) == [
        (date(2026, 1, 10), "evening")
    ]


def test_the_afternoon_of_a_day_already_under_way_is_offered_and_its_morning_is_not(client, unit, monkeypatch):  # noqa: F811
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:00:00+07:00")

    form = client.get(meet_url(unit, "en")).context["form"]

    offered = [value for value, _label in form.fields["preferred_slot"].choices]
    assert "2026-01-10/afternoon" in offered and "2026-01-10/evening" in offered
    assert "2026-01-10/morning" not in offered
