"""The organisers' desk: the admin's front page names the event, shows what needs attention today with links to the
filtered lists behind each figure, and keeps the security tables out of the way, in Vietnamese by default."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from events.models import RegistrationStatus
from exhibitors.models import MeetingRequest, MeetingStatus
from press.models import AccreditationRequest, AccreditationStatus
from tests import factories
from tests.helpers import at, parse, text_of

pytestmark = pytest.mark.django_db

DURING = "2026-01-10T15:30:00+07:00"  # the first afternoon of the event
BEFORE = "2026-01-05T09:00:00+07:00"
INDEX = "/admin/"


@pytest.fixture
def during(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", DURING)


def desk_row(page, session) -> dict[str, str]:
    """The desk's row of a session: its title and each figure by its column's label."""
    row = parse(page).find(f".//tr[@id='desk-session-{session.pk}']")
    assert row is not None, f"{session} is not on the desk"
    cells = {cell.get("data-label"): text_of(cell) for cell in row.iter("td") if cell.get("data-label")}
    return {"title": text_of(row.find(".//th/a")), **cells}


def figure_links(page, session) -> dict[str, str]:
    row = parse(page).find(f".//tr[@id='desk-session-{session.pk}']")
    return {cell.get("data-label"): cell.find("a").get("href") for cell in row.iter("td") if cell.find("a") is not None}


def listed(client, url: str) -> set:
    """The objects the admin list at `url` shows."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert "?e=1" not in response.get("Location", ""), url  # an unknown filter makes the admin redirect
    return set(response.context["cl"].result_list)


def test_the_admin_is_branded_with_the_event_in_both_languages(client, django_user_model, staff_client):
    client.force_login(django_user_model.objects.create_superuser("lan", "lan@example.com", "x"))
    vietnamese = client.get(INDEX, HTTP_ACCEPT_LANGUAGE="en").content.decode()  # no choice made: Vietnamese
    english = staff_client.get(INDEX).content.decode()  # chose English

    for page in (vietnamese, english):
        tree = parse(page)
        assert text_of(tree.find(".//div[@id='site-name']")) == "Tụ hội sáng tạo"
        assert "Tụ hội sáng tạo" in text_of(tree.find(".//title"))
        assert "Django" not in text_of(tree.find(".//title")) + text_of(tree.find(".//header"))
    assert text_of(parse(vietnamese).find(".//title")) == "Bàn làm việc của ban tổ chức | Tụ hội sáng tạo"
    assert text_of(parse(english).find(".//title")) == "Organisers' desk | Tụ hội sáng tạo"


def test_the_desk_shows_todays_sessions_with_their_seats_and_links_to_the_people(admin_client, during):
    workshop = factories.SessionFactory(
        published=True, title_vi="Xưởng gốm", starts_at=at(10, 16), ends_at=at(10, 17), capacity=10
    )
    confirmed = factories.RegistrationFactory.create_batch(2, session=workshop)
    held = factories.RegistrationFactory(session=workshop, confirmed_at=None, hold_expires_at=at(10, 15, 50))
    factories.RegistrationFactory(session=workshop, confirmed_at=None, hold_expires_at=at(10, 15, 0))  # expired
    waiting = factories.RegistrationFactory(session=workshop, status=RegistrationStatus.WAITLISTED)
    factories.RegistrationFactory(session=workshop, status=RegistrationStatus.CANCELLED)
    under_way = factories.SessionFactory(published=True, starts_at=at(10, 15), ends_at=at(10, 16))  # open entry
    over = factories.SessionFactory(published=True, starts_at=at(10, 9), ends_at=at(10, 10), capacity=5)
    tomorrow = factories.SessionFactory(published=True, starts_at=at(11, 9), ends_at=at(11, 10), capacity=5)

    page = admin_client.get(INDEX).content.decode()

    assert desk_row(page, workshop) == {
        "title": "Xưởng gốm",
        "Chỗ đã xác nhận": "2",
        "Đang giữ": "1",
        "Còn trống": "7",
        "Danh sách chờ": "1",
        "Có mặt": "0",
    }
    assert "Vào cửa tự do" in text_of(parse(page).find(f".//tr[@id='desk-session-{under_way.pk}']"))
    assert f"desk-session-{over.pk}" not in page and f"desk-session-{tomorrow.pk}" not in page
    links = figure_links(page, workshop)
    assert listed(admin_client, links["Chỗ đã xác nhận"]) == set(confirmed)
    assert listed(admin_client, links["Đang giữ"]) == {held}
    assert listed(admin_client, links["Danh sách chờ"]) == {waiting}
    assert listed(admin_client, links["Có mặt"]) == set()
    day_list = parse(page).find(".//section[@aria-labelledby='desk-sessions-title']//p[@class='desk-more']/a")
    assert text_of(day_list) == "Tất cả hoạt động trong ngày"
    assert listed(admin_client, day_list.get("href")) == {workshop, under_way, over}


def test_before_the_event_the_desk_shows_the_next_sessions(admin_client, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", BEFORE)
    first = factories.SessionFactory(published=True, starts_at=at(10, 9), ends_at=at(10, 10), capacity=20)
    factories.RegistrationFactory(session=first)

    page = admin_client.get(INDEX).content.decode()

    assert text_of(parse(page).find(".//h2[@id='desk-sessions-title']")) == "Các hoạt động sắp tới"
    assert desk_row(page, first)["Còn trống"] == "19"


def test_the_desk_counts_the_requests_waiting_for_an_answer_with_their_age(admin_client, during):
    old, new = factories.MeetingRequestFactory.create_batch(2)
    MeetingRequest.objects.filter(pk=old.pk).update(created_at=at(7, 15, 0))
    factories.MeetingRequestFactory(status=MeetingStatus.ARRANGED)
    journalist = factories.AccreditationRequestFactory()
    factories.AccreditationRequestFactory(status=AccreditationStatus.APPROVED)

    page = admin_client.get(INDEX).content.decode()

    lines = parse(page).findall(".//section[@aria-labelledby='desk-requests-title']//li")
    assert [text_of(line) for line in lines] == [
        "Yêu cầu gặp gỡ chờ trả lời: 2 yêu cầu lâu nhất đã chờ 3 ngày",
        "Đăng ký tác nghiệp chờ quyết định: 1 yêu cầu lâu nhất đã chờ 0 phút",
    ]
    meetings, accreditations = (line.find("a").get("href") for line in lines)
    assert listed(admin_client, meetings) == {old, new}
    assert listed(admin_client, accreditations) == {journalist}
    assert AccreditationRequest.objects.count() == 2


def test_the_desk_lists_scheduling_conflicts_and_recent_changes(admin_client, during):
    venue = factories.VenueFactory(published=True)
    factories.SessionFactory(published=True, title_vi="Tọa đàm A", venue=venue, starts_at=at(11, 9), ends_at=at(11, 10))
    second = factories.SessionFactory(
        published=True, title_vi="Tọa đàm B", venue=venue, starts_at=at(11, 9, 30), ends_at=at(11, 11)
    )
    moved = factories.SessionChangeFactory(session=factories.SessionFactory(published=True, title_vi="Xưởng in"))

    page = admin_client.get(INDEX).content.decode()

    conflicts = parse(page).findall(".//section[@aria-labelledby='desk-conflicts-title']//li/a")
    assert len(conflicts) == 1
    assert "Tọa đàm A" in text_of(conflicts[0]) and "Tọa đàm B" in text_of(conflicts[0])
    assert conflicts[0].get("href") == reverse("admin:events_session_change", args=[second.pk])
    grid = parse(page).find(".//section[@aria-labelledby='desk-conflicts-title']//p[@class='desk-more']/a")
    assert admin_client.get(grid.get("href")).status_code == 200
    changes = parse(page).findall(".//section[@aria-labelledby='desk-changes-title']//li/a")
    assert [(text_of(a), a.get("href")) for a in changes] == [
        ("Xưởng in", reverse("admin:events_session_change", args=[moved.session.pk]))
    ]


def test_the_desk_counts_the_content_that_lacks_english_and_links_to_it(admin_client, during):
    factories.SessionFactory(published=True, title_en="Talk in English")
    untranslated = factories.SessionFactory(published=True, title_en="")

    page = admin_client.get(INDEX).content.decode()

    kinds = parse(page).findall(".//section[@aria-labelledby='desk-translations-title']//li/a")
    assert [text_of(a) for a in kinds] == ["Hoạt động: 1"]
    assert listed(admin_client, kinds[0].get("href")) == {untranslated}


@pytest.mark.parametrize("count", [1, 12])
def test_the_desk_costs_the_same_queries_for_few_and_many_sessions(
    admin_client, during, django_assert_max_num_queries, count
):
    for hour in range(count):
        session = factories.SessionFactory(
            published=True, starts_at=at(10, 16) + datetime.timedelta(minutes=hour), ends_at=at(10, 18), capacity=9
        )
        factories.RegistrationFactory(session=session)
    admin_client.get(INDEX)  # the session and the user are loaded once

    with django_assert_max_num_queries(40):
        response = admin_client.get(INDEX)

    rows = [row for row in parse(response).iter("tr") if row.get("id", "").startswith("desk-session-")]
    assert len(rows) == count


def test_the_security_tables_come_last_in_their_own_sections_in_vietnamese(admin_client):
    page = admin_client.get(INDEX).content.decode()

    sections = parse(page).findall(".//section[@class]")
    titles = [text_of(s.find("h2")) for s in sections if "desk-apps" in s.get("class")]
    assert titles == ["Nội dung và chương trình", "Người dùng và nhóm", "Bảo mật", "Hệ thống"]
    apps = [text_of(caption) for caption in parse(page).findall(".//div[@id='content-main']//caption")]
    assert apps[:4] == ["Chương trình", "Đơn vị tham gia và đối tác", "Triển lãm", "Báo chí"]
    assert apps[-3:] == ["Lượt đăng nhập", "Xác thực hai bước", "Tác vụ nền"]
    for english in ("Access attempts", "Access failures", "Access logs", "Axes", "TOTP device", "Task Results"):
        assert english not in page
    assert "Lượt thử đăng nhập" in page and "Nhật ký đăng nhập" in page


def test_the_admin_says_action_and_session_with_different_words(admin_client):
    factories.SessionFactory()

    page = admin_client.get(reverse("admin:events_session_changelist")).content.decode()

    actions = parse(page).find(".//div[@class='actions']/label")
    assert text_of(actions).startswith("Thao tác:")
    assert "Hoạt động:" not in page
    assert text_of(parse(page).find(".//h1")) == "Chọn hoạt động để thay đổi"


def test_the_admin_strings_django_lacks_are_in_vietnamese(admin_client):
    session = factories.SessionFactory()
    user = admin_client.get(INDEX).context["user"]
    for message in ("Một", "Hai"):
        LogEntry.objects.create(
            user=user,
            content_type=ContentType.objects.get_for_model(session),
            object_id=str(session.pk),
            object_repr=str(session),
            action_flag=CHANGE,
            change_message=message,
        )

    changelist = admin_client.get(reverse("admin:events_session_changelist")).content.decode()
    history = admin_client.get(reverse("admin:events_session_history", args=[session.pk])).content.decode()

    assert "Hiện số lượng" in changelist and "Show counts" not in changelist
    assert "Bộ lọc" in changelist
    assert "2 mục" in text_of(parse(history).find(".//p[@class='paginator']"))
    assert "entries" not in history
    scripts = admin_client.get(reverse("admin:jsi18n")).content.decode()  # the admin's JavaScript catalogue
    assert "Ch\\u1ecdn t\\u1ea5t c\\u1ea3 %s" in scripts or "Chọn tất cả %s" in scripts


def test_the_sessions_list_shows_the_seats_second(staff_client):
    session = factories.SessionFactory(capacity=10)
    factories.RegistrationFactory(session=session)
    factories.RegistrationFactory(session=session, status=RegistrationStatus.WAITLISTED)

    page = staff_client.get(reverse("admin:events_session_changelist")).content.decode()

    headers = [
        name
        for th in parse(page).findall(".//table[@id='result_list']/thead//th")
        for name in th.get("class", "").split()
        if name.startswith("column-")
    ]
    assert headers[:2] == ["column-title", "column-seats"]
    row = parse(page).find(".//table[@id='result_list']/tbody/tr")
    assert text_of(row.find(".//td[@class='field-seats']")) == "1/10 · 9 left · 1 waiting"


def test_a_desk_link_is_in_the_header_of_every_admin_page(admin_client):
    page = admin_client.get(reverse("admin:events_session_changelist")).content.decode()

    assert urlsplit(parse(page).find(".//div[@id='site-name']/a").get("href")).path == INDEX
