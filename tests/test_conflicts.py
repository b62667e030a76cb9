"""Scheduling conflicts: one venue or one speaker booked twice at once (events/conflicts.py), the warning on save
and the admin's venue × time grid (events/admin_grid.py)."""

import html

import html5lib
import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core.models import StaffPreference
from events.conflicts import SPEAKER, VENUE, find_conflicts
from events.models import Session
from tests import factories
from tests.helpers import at, text_of

GRID = "/admin/events/session/grid/"


@pytest.fixture
def vi_client(admin_client, admin_user):
    """The superuser's client, reading the admin in Vietnamese (their choice; also the default)."""
    StaffPreference.objects.update_or_create(user=admin_user, defaults={"admin_language": "vi"})
    return admin_client


@pytest.fixture
def stage(db):
    return factories.VenueFactory(name_vi="Sân khấu chính", name_en="Main stage", published=True)


@pytest.fixture
def clash(stage):
    """Two sessions on the main stage at 10:00 on Saturday, and one there after them."""
    first = factories.SessionFactory(
        title_vi="Tọa đàm gốm", title_en="Ceramics talk", venue=stage, starts_at=at(10, 10), ends_at=at(10, 11)
    )
    second = factories.SessionFactory(
        title_vi="Trình diễn áo dài",
        title_en="Ao dai show",
        venue=stage,
        starts_at=at(10, 10, 30),
        ends_at=at(10, 12),
    )
    factories.SessionFactory(venue=stage, starts_at=at(10, 12), ends_at=at(10, 13))  # starts as the other ends
    return first, second


def session_form_of(client, session: Session) -> dict:
    """What the admin's change form of `session` posts when saved untouched (inline management forms included)."""
    page = client.get(reverse("admin:events_session_change", args=[session.pk]))
    assert page.status_code == 200
    starts, ends = (timezone.localtime(moment) for moment in (session.starts_at, session.ends_at))
    data = {
        "title_vi": session.title_vi,
        "title_en": session.title_en or "",
        "slug": session.slug,
        "kind": session.kind,
        "language": session.language,
        "starts_at_0": f"{starts:%d/%m/%Y}",
        "starts_at_1": f"{starts:%H:%M}",
        "ends_at_0": f"{ends:%d/%m/%Y}",
        "ends_at_1": f"{ends:%H:%M}",
        "venue": session.venue_id,
        "speakers": [speaker.pk for speaker in session.speakers.all()],
        "status": session.status,
        "publish_at_0": "",
        "publish_at_1": "",
    }
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= {
            f"{formset.prefix}-TOTAL_FORMS": str(formset.initial_form_count()),
            f"{formset.prefix}-INITIAL_FORMS": str(formset.initial_form_count()),
        }
    return data


def warnings_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"] if message.level_tag == "warning"]


def test_two_sessions_at_one_venue_at_one_time_are_a_conflict(clash):
    first, second = clash

    conflicts = find_conflicts()

    assert [(c.kind, c.first, c.second) for c in conflicts] == [(VENUE, first, second)]
    with translation.override("vi"):
        assert (
            conflicts[0].label == "“Tọa đàm gốm” và “Trình diễn áo dài” cùng ở Sân khấu chính lúc 10:30 Thứ Bảy 10/01"
        )
    with translation.override("en"):
        assert (
            conflicts[0].label == "“Ceramics talk” and “Ao dai show” are both at Main stage at 10:30 on Saturday 10 Jan"
        )
    assert conflicts[0].url == reverse("admin:events_session_change", args=[second.pk])


def test_a_cancelled_session_and_sessions_at_other_venues_or_times_are_no_conflict(clash, stage):
    first, second = clash
    Session.objects.filter(pk=second.pk).update(is_cancelled=True)
    factories.SessionFactory(starts_at=at(10, 10), ends_at=at(10, 11))  # another venue
    factories.SessionFactory(venue=stage, starts_at=at(11, 10), ends_at=at(11, 11))  # the next day

    assert find_conflicts() == []


def test_sessions_in_different_places_of_a_venue_or_in_a_fair_are_no_conflict(stage):
    street = factories.VenueFactory(name_vi="Phố Đinh Tiên Hoàng")
    factories.SessionFactory(kind="fair", venue=street, starts_at=at(10, 9), ends_at=at(10, 21))
    factories.SessionFactory(
        venue=street, location_detail_vi="Góc workshop, khu B", starts_at=at(10, 10), ends_at=at(10, 11)
    )
    factories.SessionFactory(
        venue=street, location_detail_vi="Góc workshop, khu C", starts_at=at(10, 10), ends_at=at(10, 11)
    )
    factories.SessionFactory(kind="exhibition", venue=stage, starts_at=at(10, 9), ends_at=at(10, 18))
    factories.SessionFactory(venue=stage, starts_at=at(10, 14), ends_at=at(10, 15))

    assert find_conflicts() == []


def test_two_sessions_in_the_same_place_of_a_venue_are_a_conflict(db):
    street = factories.VenueFactory(name_vi="Phố Đinh Tiên Hoàng")
    factories.SessionFactory(
        title_vi="Nặn tò he",
        venue=street,
        location_detail_vi="Góc workshop, khu B",
        starts_at=at(10, 10),
        ends_at=at(10, 11),
    )
    factories.SessionFactory(
        title_vi="Tranh gạo",
        venue=street,
        location_detail_vi="góc workshop,  Khu B",
        starts_at=at(10, 10, 45),
        ends_at=at(10, 12),
    )

    (conflict,) = find_conflicts()

    with translation.override("vi"):
        assert conflict.label == (
            "“Nặn tò he” và “Tranh gạo” cùng ở Phố Đinh Tiên Hoàng (Góc workshop, khu B) lúc 10:45 Thứ Bảy 10/01"
        )


def test_a_speaker_in_two_overlapping_sessions_is_a_conflict(db):
    lan = factories.SpeakerFactory(name="Nguyễn Thị Lan")
    talk = factories.SessionFactory(title_vi="Tọa đàm", starts_at=at(11, 14), ends_at=at(11, 15), speakers=[lan])
    workshop = factories.SessionFactory(
        title_vi="Xưởng in", starts_at=at(11, 14, 30), ends_at=at(11, 16), speakers=[lan, factories.SpeakerFactory()]
    )
    factories.SessionFactory(starts_at=at(11, 15), ends_at=at(11, 16), speakers=[lan])  # overlaps only the workshop

    conflicts = find_conflicts()

    assert [(c.kind, c.first.title_vi, c.second.title_vi) for c in conflicts] == [
        (SPEAKER, "Tọa đàm", "Xưởng in"),
        (SPEAKER, "Xưởng in", conflicts[1].second.title_vi),
    ]
    assert conflicts[0].first == talk and conflicts[0].second == workshop
    with translation.override("vi"):
        assert conflicts[0].label == "Nguyễn Thị Lan có mặt ở cả “Tọa đàm” và “Xưởng in” lúc 14:30 Chủ nhật 11/01"


def test_find_conflicts_of_given_sessions_lists_only_theirs(clash, db):
    first, _second = clash
    lan = factories.SpeakerFactory()
    factories.SessionFactory(starts_at=at(11, 9), ends_at=at(11, 10), speakers=[lan])
    factories.SessionFactory(starts_at=at(11, 9), ends_at=at(11, 10), speakers=[lan])

    assert [c.kind for c in find_conflicts()] == [VENUE, SPEAKER]
    assert [c.kind for c in find_conflicts([first])] == [VENUE]
    assert find_conflicts([]) == []


@pytest.mark.parametrize("count", [3, 30])
def test_find_conflicts_takes_two_queries_however_many_sessions(db, django_assert_num_queries, count):
    venue = factories.VenueFactory()
    speaker = factories.SpeakerFactory()
    for n in range(count):
        factories.SessionFactory(venue=venue, starts_at=at(10, 9, n), ends_at=at(10, 10), speakers=[speaker])

    with django_assert_num_queries(2):
        conflicts = find_conflicts()

    assert len(conflicts) == count * (count - 1) // 2  # every pair at the venue (the speaker's are the same pairs)


def test_saving_a_session_into_a_booked_venue_warns_and_saves(staff_client, clash):
    first, second = clash

    response = staff_client.post(
        reverse("admin:events_session_change", args=[second.pk]), session_form_of(staff_client, second), follow=True
    )

    assert response.status_code == 200
    assert warnings_of(response) == [
        "Scheduling conflict: “Ceramics talk” and “Ao dai show” are both at Main stage at 10:30 on Saturday 10 Jan. "
        "Check “Ceramics talk”."
    ]
    second.refresh_from_db()
    assert second.ends_at == at(10, 12)  # saved all the same


def test_the_warning_on_save_is_in_vietnamese(vi_client, clash):
    first, second = clash

    response = vi_client.post(
        reverse("admin:events_session_change", args=[first.pk]), session_form_of(vi_client, first), follow=True
    )

    page = response.content.decode()
    assert "Trùng lịch: “Tọa đàm gốm” và “Trình diễn áo dài” cùng ở Sân khấu chính lúc 10:30 Thứ Bảy 10/01." in page


def test_saving_a_session_with_a_busy_speaker_warns(staff_client, db):
    lan = factories.SpeakerFactory(name="Nguyễn Thị Lan")
    factories.SessionFactory(title_en="Talk", starts_at=at(11, 14), ends_at=at(11, 15), speakers=[lan])
    workshop = factories.SessionFactory(title_en="Workshop", starts_at=at(11, 14, 30), ends_at=at(11, 16))

    response = staff_client.post(
        reverse("admin:events_session_change", args=[workshop.pk]),
        {**session_form_of(staff_client, workshop), "speakers": [lan.pk]},
        follow=True,
    )

    assert warnings_of(response) == [
        "Scheduling conflict: Nguyễn Thị Lan is in both “Talk” and “Workshop” at 14:30 on Sunday 11 Jan. Check “Talk”."
    ]
    assert list(workshop.speakers.all()) == [lan]


def test_saving_a_session_without_conflict_shows_no_warning(staff_client, db):
    session = factories.SessionFactory(starts_at=at(10, 9), ends_at=at(10, 10))

    response = staff_client.post(
        reverse("admin:events_session_change", args=[session.pk]), session_form_of(staff_client, session), follow=True
    )

    assert response.status_code == 200
    assert warnings_of(response) == []


def grid_links(page: str) -> list[str]:
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(page)
    return [link.get("href") for link in tree.iterfind(".//table[@class='session-grid']//td//a")]


def test_the_grid_shows_each_session_of_the_day_with_a_link_and_marks_the_conflict(staff_client, clash):
    first, second = clash

    response = staff_client.get(GRID, {"day": "2026-01-10"})

    assert response.status_code == 200
    page = response.content.decode()
    links = grid_links(page)
    assert reverse("admin:events_session_change", args=[first.pk]) in links
    assert reverse("admin:events_session_change", args=[second.pk]) in links
    assert len(links) == 3
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(page)
    marked = [text_of(cell) for cell in tree.iterfind(".//td") if "conflict" in cell.get("class", "").split()]
    assert len(marked) == 2 and all("Conflict" in text for text in marked)
    assert "1 scheduling conflict" in page
    assert 'style="' not in page.split('id="session-grid"', 1)[1]


def test_the_grid_of_the_other_day_does_not_show_saturday(staff_client, clash):
    page = staff_client.get(GRID, {"day": "2026-01-11"}).content.decode()

    assert grid_links(page) == []
    assert "No session on this day yet." in page


def test_the_grid_is_linked_from_the_session_list(staff_client, clash):
    page = staff_client.get(reverse("admin:events_session_changelist")).content.decode()

    assert f'href="{GRID}"' in page
    assert "Venue × time grid" in page


@pytest.mark.parametrize("day", ["2026-13-45", "yesterday", "2025-01-10", "2026-01-10'--"])
def test_a_bad_day_gets_a_message_not_an_error(staff_client, clash, day):
    response = staff_client.get(GRID, {"day": day})

    assert response.status_code == 200
    assert "is not one of the event's days; showing 10/01/2026 instead." in html.unescape(response.content.decode())
    assert len(grid_links(response.content.decode())) == 3


def test_the_grid_is_for_staff_only(client, db):
    response = client.get(GRID)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    outsider = User.objects.create_user("helper", password="x", is_staff=True)  # staff, but no permission
    client.force_login(outsider)
    assert client.get(GRID).status_code == 403
    outsider.user_permissions.add(Permission.objects.get(codename="view_session", content_type__app_label="events"))
    assert client.get(GRID).status_code == 200


def test_the_grid_in_vietnamese(vi_client, clash):

    page = vi_client.get(GRID, {"day": "2026-01-10"}).content.decode()

    assert "Lưới địa điểm × giờ" in page
    assert "Trùng lịch" in page


def test_the_grid_takes_as_many_queries_for_twenty_sessions_as_for_two(staff_client, db):
    def queries_for(count: int) -> int:
        Session.objects.all().delete()
        speaker = factories.SpeakerFactory()
        for n in range(count):
            factories.SessionFactory(starts_at=at(10, 9 + n % 8), ends_at=at(10, 10 + n % 8), speakers=[speaker])
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(GRID, {"day": "2026-01-10"}).status_code == 200
        return len(queries)

    assert queries_for(20) == queries_for(2)
