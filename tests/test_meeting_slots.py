"""The meeting request form offers only the time slots still ahead, by the site's clock."""

import pytest

from exhibitors.models import MeetingRequest
from tests.test_meetings import buyer, meet_url, sector, unit  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("now", "days"),
    [
        ("2026-01-05T10:00:00+07:00", ["2026-01-10", "2026-01-11"]),
        ("2026-01-10T15:00:00+07:00", ["2026-01-10", "2026-01-11"]),
        ("2026-01-10T21:30:00+07:00", ["2026-01-11"]),
        ("2026-01-12T09:00:00+07:00", []),
    ],
)
def test_only_days_with_a_slot_ahead_are_offered(client, unit, monkeypatch, now, days):  # noqa: F811
    monkeypatch.setenv("TUDOI_NOW", now)

    form = client.get(meet_url(unit, "en")).context["form"]

    assert [value for value, _label in form.fields["preferred_day"].choices if value] == days


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
        buyer(sectors=[sector.pk], preferred_day="2026-01-10", preferred_time="morning"),
    )
    evening = client.post(
        meet_url(unit, language),
        buyer(sectors=[sector.pk], preferred_day="2026-01-10", preferred_time="evening", email="b@example.vn"),
    )

    assert morning.status_code == 200 and message in morning.content.decode()
    assert evening.status_code == 302
    assert list(MeetingRequest.objects.values_list("preferred_time", flat=True)) == ["evening"]
