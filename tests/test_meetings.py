"""Meeting requests: the page in both languages, what is stored, the three e-mails and their languages, the
honeypot and the rate limit, bad input, and the organisers' queue in the admin with its CSV export."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from core.models import Status
from exhibitors.meetings import RATE_LIMIT, send_meeting_emails
from exhibitors.models import MeetingRequest, MeetingStatus
from tests import factories
from tests.helpers import parse

NAMES = {"vi": "Làng gốm Bát Tràng", "en": "Bat Trang pottery village"}
SECTORS = {"vi": "Thủ công mỹ nghệ", "en": "Crafts"}
ROBOT_ADDRESS, OTHER_ADDRESS = "203.0.113.7", "198.51.100.23"
ORGANISERS = "bantochuc@example.vn"


@pytest.fixture(autouse=True)
def _organisers(settings, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")  # before the fair: every slot is still ahead
    settings.TUDOI_ORGANISERS_EMAIL = ORGANISERS
    settings.TUDOI_SITE_URL = "https://tuhoisangtao.example.vn"


@pytest.fixture
def sector(db):
    return factories.SectorFactory(name_vi=SECTORS["vi"], name_en=SECTORS["en"], published=True)


@pytest.fixture
def unit(sector):
    return factories.CreativeUnitFactory(
        name_vi=NAMES["vi"],
        name_en=NAMES["en"],
        primary_sector=sector,
        contact_email="lienhe@battrang.example.vn",
        booth="B12",
        status=Status.PUBLISHED,
    )


def meet_url(unit, language: str = "vi") -> str:
    return f"/{language}/exhibitors/{unit.slug}/meet/"


def buyer(**changes) -> dict:
    return {
        "buyer_name": "Trần Minh Anh",
        "organisation": "Công ty Quà Việt",
        "channel": "gifts",
        "order_size": "medium",
        "email": "anh@quaviet.example.vn",
        "phone": "+84 912 345 678",
        "message": "Chúng tôi cần 500 bộ ấm chén men lam cho quà Tết.",
        "preferred_slot": "2026-01-10/afternoon",
        "subject": "",
        **changes,
    }


def mail_to(address: str):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


# The page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", ["Đề nghị gặp gỡ Làng gốm Bát Tràng", "Thứ Bảy, 10/01/2026", "Chủ nhật, 11/01/2026", "Gửi đề nghị"]),
        ("en", ["Ask Bat Trang pottery village for a meeting", "Saturday 10 January 2026", "Send my request"]),
    ],
)
def test_meeting_page_answers_in_both_languages(client, unit, language, expected):
    factories.SectorFactory(name_vi="Ngành nháp", name_en="Draft sector")  # a draft: not offered

    response = client.get(meet_url(unit, language))

    assert response.status_code == 200
    document = parse(response)
    assert document.get("lang") == language
    assert len(document.findall(".//h1")) == 1
    html = response.content.decode()
    assert all(text in html for text in expected)
    assert '<meta name="robots" content="noindex">' in html
    labels = document.findall(".//label[input]")
    sectors = [
        " ".join("".join(label.itertext()).split())
        for label in labels
        if label.find("input[@name='sectors']") is not None
    ]
    assert sectors == [SECTORS[language]]
    assert "Ngành nháp" not in html and "Draft sector" not in html
    assert document.find(".//form[@method='post']//input[@name='csrfmiddlewaretoken']") is not None
    assert "csrftoken" in response.cookies  # the form page has the token; the unit page stays cookie-free


@pytest.mark.django_db
def test_meeting_page_hides_the_honeypot_from_people_and_assistive_technology(client, unit):
    document = parse(client.get(meet_url(unit, "en")))

    (trap,) = document.findall(".//input[@name='subject']")
    wrapper = document.find(".//div[@aria-hidden='true']")
    assert trap in list(wrapper.iter("input"))
    assert wrapper.get("class") == "visually-hidden"
    assert (trap.get("tabindex"), trap.get("autocomplete")) == ("-1", "off")


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["draft", "embargoed", "unknown"])
def test_meeting_page_is_404_for_units_not_public(client, unit, case):
    if case == "draft":
        unit.status = Status.DRAFT
        unit.save()
    elif case == "embargoed":
        unit.publish_at = datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)
        unit.save()
    url = meet_url(unit) if case != "unknown" else "/vi/exhibitors/khong-co/meet/"

    assert client.get(url).status_code == 404
    assert client.post(url, buyer()).status_code == 404
    assert not MeetingRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("sectors", [1, 8])
def test_meeting_page_query_count_is_small(client, django_assert_max_num_queries, sectors):
    factories.SectorFactory.create_batch(sectors, status=Status.PUBLISHED)
    unit = factories.CreativeUnitFactory(published=True)

    with django_assert_max_num_queries(3):
        response = client.get(meet_url(unit))

    assert response.status_code == 200


# Sending a request


@pytest.mark.django_db
def test_valid_request_is_stored_with_its_sectors_and_language(client, unit, sector):
    other = factories.SectorFactory(published=True)

    response = client.post(meet_url(unit, "en"), buyer(sectors=[sector.pk, other.pk]))

    assert response.status_code == 302
    assert response["Location"] == meet_url(unit, "en") + "?sent=1"
    meeting = MeetingRequest.objects.get()
    assert {
        "unit": meeting.unit,
        "buyer_name": meeting.buyer_name,
        "organisation": meeting.organisation,
        "channel": meeting.channel,
        "order_size": meeting.order_size,
        "email": meeting.email,
        "phone": meeting.phone,
        "message": meeting.message,
        "preferred_day": meeting.preferred_day,
        "preferred_time": meeting.preferred_time,
        "language": meeting.language,
        "status": meeting.status,
    } == {
        "unit": unit,
        "buyer_name": "Trần Minh Anh",
        "organisation": "Công ty Quà Việt",
        "channel": "gifts",
        "order_size": "medium",
        "email": "anh@quaviet.example.vn",
        "phone": "+84 912 345 678",
        "message": "Chúng tôi cần 500 bộ ấm chén men lam cho quà Tết.",
        "preferred_day": datetime.date(2026, 1, 10),
        "preferred_time": "afternoon",
        "language": "en",
        "status": MeetingStatus.NEW,
    }
    assert set(meeting.sectors.all()) == {sector, other}


@pytest.mark.django_db
def test_request_without_the_optional_fields_is_stored(client, unit):
    data = buyer(order_size="", phone="", preferred_slot="")

    response = client.post(meet_url(unit, "vi"), data)

    assert response.status_code == 302
    meeting = MeetingRequest.objects.get()
    assert (meeting.order_size, meeting.phone, meeting.preferred_day, meeting.preferred_time) == ("", "", None, "")
    assert (meeting.language, list(meeting.sectors.all())) == ("vi", [])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "thanks"),
    [("vi", "Cảm ơn bạn: đề nghị của bạn đã được gửi đi"), ("en", "Thank you: your request is on its way")],
)
def test_thank_you_page_is_in_the_page_language_and_shows_nothing_typed(client, unit, language, thanks):
    response = client.post(meet_url(unit, language), buyer(), follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert thanks in html
    assert parse(response).find(".//form[@method='post']") is None
    assert "Trần Minh Anh" not in html and "quaviet" not in html and "Quà Việt" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "phrases"),
    [
        (
            "vi",
            "Đề nghị gặp gỡ Làng gốm Bát Tràng của bạn",
            ["Xin chào Trần Minh Anh,", "Ngày mong muốn: Thứ Bảy, 10/01/2026", "Buổi chiều (13:30–17:00)"],
        ),
        (
            "en",
            "Your request to meet Bat Trang pottery village",
            ["Hello Trần Minh Anh,", "Preferred day: Saturday 10 January 2026", "Afternoon (13:30–17:00)"],
        ),
    ],
)
def test_buyer_confirmation_is_in_the_page_language(client, unit, language, subject, phrases):
    client.post(meet_url(unit, language), buyer())

    confirmation = mail_to("anh@quaviet.example.vn")
    assert confirmation.subject == subject
    assert all(phrase in confirmation.body for phrase in phrases)
    assert f"https://tuhoisangtao.example.vn/{language}/exhibitors/{unit.slug}/" in confirmation.body
    # The buyer's own free text is not mailed back: a robot cannot use the form to mail its text to anyone.
    assert "ấm chén" not in confirmation.body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_unit_contact_gets_the_request_in_vietnamese_and_replies_to_the_buyer(client, unit, sector, language):
    client.post(meet_url(unit, language), buyer(sectors=[sector.pk]))

    notification = mail_to("lienhe@battrang.example.vn")
    assert notification.subject == "Đề nghị gặp gỡ từ Trần Minh Anh (Công ty Quà Việt)"
    assert notification.reply_to == ["anh@quaviet.example.vn"]
    for line in [
        "Một khách mua hàng đã đề nghị gặp Làng gốm Bát Tràng",
        "Tên: Trần Minh Anh",
        "Tổ chức / doanh nghiệp: Công ty Quà Việt",
        "Kênh mua hàng: Nhà cung cấp quà tặng doanh nghiệp",
        "Lĩnh vực quan tâm: Thủ công mỹ nghệ",
        "E-mail: anh@quaviet.example.vn",
        "Điện thoại: +84 912 345 678",
        "Ngày mong muốn: Thứ Bảy, 10/01/2026",
        "Thời gian mong muốn: Buổi chiều (13:30–17:00)",
        "Chúng tôi cần 500 bộ ấm chén men lam cho quà Tết.",
    ]:
        assert line in notification.body
    assert {"vi": "Tiếng Việt", "en": "English"}[language] in notification.body


@pytest.mark.django_db
def test_unit_without_a_contact_address_gets_no_email_and_the_organisers_are_told(client, unit):
    unit.contact_email = ""
    unit.save()

    client.post(meet_url(unit, "en"), buyer())

    assert sorted(m.to[0] for m in mail.outbox) == sorted(["anh@quaviet.example.vn", ORGANISERS])
    assert "vui lòng tự chuyển tiếp" in mail_to(ORGANISERS).body
    assert "The organisers will pass it on to the unit" in mail_to("anh@quaviet.example.vn").body


@pytest.mark.django_db
def test_organisers_get_the_request_in_vietnamese_with_a_link_to_the_admin(client, unit):
    client.post(meet_url(unit, "en"), buyer())

    meeting = MeetingRequest.objects.get()
    notification = mail_to(ORGANISERS)
    assert notification.subject == "Đề nghị gặp gỡ mới: Trần Minh Anh → Làng gốm Bát Tràng"
    assert notification.reply_to == ["anh@quaviet.example.vn"]
    assert f"https://tuhoisangtao.example.vn/admin/exhibitors/meetingrequest/{meeting.pk}/change/" in notification.body
    assert "lienhe@battrang.example.vn" in notification.body  # already sent to the unit
    assert "Tên: Trần Minh Anh" in notification.body
    assert len(mail.outbox) == 3


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.mark.django_db
def test_mail_server_outage_keeps_the_request_and_thanks_the_buyer(client, unit, settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"

    response = client.post(meet_url(unit, "en"), buyer())

    assert response.status_code == 302
    assert MeetingRequest.objects.count() == 1


# Robots


@pytest.mark.django_db
def test_honeypot_gets_the_thank_you_but_nothing_is_stored_or_sent(client, unit):
    response = client.post(meet_url(unit, "en"), buyer(subject="http://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == meet_url(unit, "en") + "?sent=1"
    assert not MeetingRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "Bạn đã gửi nhiều đề nghị gặp gỡ trong thời gian ngắn"),
        ("en", "You have sent many meeting requests in a short time"),
    ],
)
def test_rate_limit_stops_the_sixth_request_from_one_address_but_not_another(unit, language, message):
    robot, person = Client(REMOTE_ADDR=ROBOT_ADDRESS), Client(REMOTE_ADDR=OTHER_ADDRESS)
    for _ in range(RATE_LIMIT):
        assert robot.post(meet_url(unit, language), buyer()).status_code == 302

    refused = robot.post(meet_url(unit, language), buyer(organisation="Công ty Thứ Sáu"))
    accepted = person.post(meet_url(unit, language), buyer())

    assert refused.status_code == 429
    html = refused.content.decode()
    assert message in html
    assert 'value="Công ty Thứ Sáu"' in html and "ấm chén men lam" in html  # what was typed is kept
    assert accepted.status_code == 302
    assert MeetingRequest.objects.count() == RATE_LIMIT + 1
    assert len(mail.outbox) == 3 * (RATE_LIMIT + 1)


@pytest.mark.django_db
def test_rate_limit_counts_robots_caught_by_the_honeypot(unit):
    robot = Client(REMOTE_ADDR=ROBOT_ADDRESS)
    for _ in range(RATE_LIMIT):
        robot.post(meet_url(unit), buyer(subject="spam"))

    assert robot.post(meet_url(unit), buyer()).status_code == 429
    assert not MeetingRequest.objects.exists()


@pytest.mark.django_db
def test_rate_limit_does_not_count_forms_sent_back_with_errors(unit):
    person = Client(REMOTE_ADDR=OTHER_ADDRESS)
    for _ in range(RATE_LIMIT + 2):
        assert person.post(meet_url(unit), buyer(email="sai")).status_code == 200

    assert person.post(meet_url(unit), buyer()).status_code == 302


@pytest.mark.django_db
def test_rate_limit_behind_a_proxy_counts_the_forwarded_client_address(unit, settings):
    # As django-axes does with DJANGO_PROXY_COUNT=1: every request comes from the balancer's address.
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    robot = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{ROBOT_ADDRESS}, 10.0.0.1")
    person = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{OTHER_ADDRESS}, 10.0.0.1")
    for _ in range(RATE_LIMIT):
        robot.post(meet_url(unit), buyer())

    assert robot.post(meet_url(unit), buyer()).status_code == 429
    assert person.post(meet_url(unit), buyer()).status_code == 302


# Bad input


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "errors"),
    [
        ("vi", ["Vui lòng sửa các ô được đánh dấu dưới đây.", "Trường này là bắt buộc.", "Nhập địa chỉ email."]),
        ("en", ["Please correct the fields marked below.", "This field is required.", "Enter a valid email address."]),
    ],
)
def test_invalid_input_shows_errors_in_the_page_language_and_keeps_what_was_typed(client, unit, language, errors):
    data = buyer(
        organisation="", email="anh@", message="Tôi muốn đặt hàng <b>gấp</b>", preferred_slot="2026-01-11/evening"
    )

    response = client.post(meet_url(unit, language), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert all(error in html for error in errors)
    document = parse(response)
    assert document.find(".//input[@name='buyer_name']").get("value") == "Trần Minh Anh"
    assert document.find(".//input[@name='email']").get("value") == "anh@"
    assert document.find(".//textarea[@name='message']").text.strip() == "Tôi muốn đặt hàng <b>gấp</b>"
    assert document.find(".//input[@name='preferred_slot'][@checked]").get("value") == "2026-01-11/evening"
    assert document.find(".//select[@name='channel']/option[@selected]").get("value") == "gifts"
    assert not MeetingRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("message", "x" * 10_000, "Ensure this value has at most 3000 characters (it has 10000)."),
        ("buyer_name", "A" * 10_000, "Ensure this value has at most 150 characters (it has 10000)."),
        ("organisation", "Quà Việt\r\nBcc: victim@example.com", "Please write this on one line."),
        ("email", "a@b.vn\nBcc: victim@example.com", "Enter a valid email address."),
        ("email", "không phải e-mail", "Enter a valid email address."),
        ("phone", "gọi tôi nhé", "Please give a phone number of digits"),
        ("channel", "robot", "Select a valid choice. robot is not one of the available choices."),
        ("order_size", "huge", "Select a valid choice."),
        ("preferred_slot", "2026-01-12", "Select a valid choice."),
        ("preferred_slot", "not-a-date", "Select a valid choice."),
        ("preferred_slot", "2026-01-10/midnight", "Select a valid choice."),
        ("sectors", "999999", "Please choose sectors from the list."),
        ("sectors", "abc", "Please choose sectors from the list."),
        ("buyer_name", "An\x00", "Null characters are not allowed."),
    ],
)
def test_bad_values_are_refused_calmly(client, unit, field, value, error):
    response = client.post(meet_url(unit, "en"), buyer(**{field: value}))

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not MeetingRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_sector_errors_are_in_vietnamese_too(client, unit):
    response = client.post(meet_url(unit, "vi"), buyer(sectors=["abc"]))

    assert "Vui lòng chọn lĩnh vực trong danh sách." in response.content.decode()


@pytest.mark.django_db
def test_a_draft_sector_cannot_be_chosen(client, unit):
    draft = factories.SectorFactory()

    response = client.post(meet_url(unit, "en"), buyer(sectors=[draft.pk]))

    assert response.status_code == 200
    assert not MeetingRequest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"buyer_name": ["a", "b"], "sectors": ["1", "x", ""], "preferred_slot": ["2026-01-10", "2026-01-11"]},
        {"csrfmiddlewaretoken": "x", "subject": ""},
        dict.fromkeys(buyer(), "\u202e\ufeff\x7f" * 50),
    ],
)
def test_odd_posts_never_cause_an_error(client, unit, data):
    response = client.post(meet_url(unit, "en"), data)

    assert response.status_code in {200, 302}
    assert not MeetingRequest.objects.exists()


@pytest.mark.django_db
def test_a_newline_in_stored_data_never_reaches_an_email_header(unit):
    # The form refuses line breaks; data typed in by staff may still hold one, and the headers must stay whole.
    unit.name_vi = "Làng gốm\r\nBcc: victim@example.com"
    unit.save()
    meeting = factories.MeetingRequestFactory(
        unit=unit, buyer_name="Trần\nMinh Anh", organisation="Quà\r\nViệt", email="anh@quaviet.example.vn"
    )

    failed = send_meeting_emails(meeting)

    assert failed == 0
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        headers = message.message().as_string().split("\n\n", 1)[0]
        assert "\nBcc:" not in headers and "victim@example.com" not in message.recipients()
    assert mail_to(ORGANISERS).subject == "Đề nghị gặp gỡ mới: Trần Minh Anh → Làng gốm Bcc: victim@example.com"


# The organisers' queue


CHANGELIST = "/admin/exhibitors/meetingrequest/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["first", "second", "third"]),
        ({"status__exact": "forwarded"}, ["second"]),
        ({"channel__exact": "exporter"}, ["third"]),
        ({"order_size__exact": "large"}, ["second"]),
        ({"preferred_day": "2026-01-11"}, ["third"]),
        ({"preferred_day": "none"}, ["first"]),
        ({"preferred_day": "sometime"}, ["first", "second", "third"]),
        ({"unit__primary_sector__id__exact": "SECTOR"}, ["first", "second"]),
        ({"q": "Hải Phòng"}, ["third"]),
        ({"created_at__year": "1999"}, []),
    ],
)
def test_admin_queue_filters(staff_client, unit, query, expected):
    factories.MeetingRequestFactory(unit=unit, buyer_name="first")
    factories.MeetingRequestFactory(
        unit=unit,
        buyer_name="second",
        status=MeetingStatus.FORWARDED,
        order_size="large",
        preferred_day=datetime.date(2026, 1, 10),
    )
    factories.MeetingRequestFactory(
        buyer_name="third",
        organisation="Xuất khẩu Hải Phòng",
        channel="exporter",
        preferred_day=datetime.date(2026, 1, 11),
        preferred_time="morning",
    )
    query = {key: (unit.primary_sector_id if value == "SECTOR" else value) for key, value in query.items()}

    response = staff_client.get(CHANGELIST, query)

    assert response.status_code == 200
    assert sorted(m.buyer_name for m in response.context["cl"].result_list) == expected


@pytest.mark.django_db
def test_admin_queue_shows_the_columns_organisers_need(staff_client, unit):
    factories.MeetingRequestFactory(
        unit=unit, order_size="medium", preferred_day=datetime.date(2026, 1, 10), preferred_time="morning"
    )

    response = staff_client.get(CHANGELIST)

    html = response.content.decode()
    for text in ["Bat Trang pottery village", "Corporate gift supplier", "50–500 million VND", "Morning (08:00–12:00)"]:
        assert text in html
    headers = [
        " ".join("".join(th.itertext()).split())
        for th in parse(response).findall(".//table[@id='result_list']/thead//th")
    ]
    assert headers[1:] == [
        "Created",
        "Unit",
        "Name",
        "Organisation",
        "Buyer channel",
        "Expected order size",
        "Preferred day",
        "Status",
        "Language",
        "Organisers' notes",
    ]


@pytest.mark.django_db
def test_admin_status_action_and_notes_in_the_list(staff_client, unit):
    meeting, other = factories.MeetingRequestFactory.create_batch(2, unit=unit)

    staff_client.post(CHANGELIST, {"action": "mark_forwarded", "_selected_action": [meeting.pk]})
    response = staff_client.post(
        CHANGELIST,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": other.pk,
            "form-0-status": MeetingStatus.DECLINED,
            "form-0-notes": "Đơn vị đã hết hàng.",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    assert {m.pk: (m.status, m.notes) for m in MeetingRequest.objects.all()} == {
        meeting.pk: (MeetingStatus.FORWARDED, ""),
        other.pk: (MeetingStatus.DECLINED, "Đơn vị đã hết hàng."),
    }


@pytest.mark.django_db
def test_admin_exports_selected_requests_as_csv_without_formulas(staff_client, unit, sector):
    evil = factories.MeetingRequestFactory(
        unit=unit,
        buyer_name='=HYPERLINK("http://evil.example","Bấm vào đây")',
        organisation="@SUM(1+1)",
        phone="+84 912 345 678",
        preferred_day=datetime.date(2026, 1, 11),
        preferred_time="evening",
        notes="-gọi lại",
        language="en",
    )
    evil.sectors.set([sector])
    plain = factories.MeetingRequestFactory(unit=unit, buyer_name="Lê Hoa", organisation="Cửa hàng Hoa")
    factories.MeetingRequestFactory(unit=unit, buyer_name="not selected")

    response = staff_client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [evil.pk, plain.pk]})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="meeting-requests-')
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "received at (Hanoi time)",
        "status",
        "unit",
        "booth",
        "unit's contact for meeting requests",
        "name",
        "organisation",
        "buyer channel",
        "sectors of interest",
        "expected order size",
        "e-mail",
        "phone",
        "preferred day",
        "preferred time",
        "message",
        "language",
        "organisers' notes",
    ]
    assert [row[1:] for row in rows[1:]] == [
        [
            "New",
            "Bat Trang pottery village",
            "B12",
            "lienhe@battrang.example.vn",
            '\'=HYPERLINK("http://evil.example","Bấm vào đây")',
            "'@SUM(1+1)",
            "Corporate gift supplier",
            "Crafts",
            "",
            evil.email,
            "'+84 912 345 678",
            "2026-01-11",
            "Evening (17:00–21:00)",
            "Chúng tôi muốn đặt 200 bộ quà tặng.",
            "en",
            "'-gọi lại",
        ],
        [
            "New",
            "Bat Trang pottery village",
            "B12",
            "lienhe@battrang.example.vn",
            "Lê Hoa",
            "Cửa hàng Hoa",
            "Corporate gift supplier",
            "",
            "",
            plain.email,
            "",
            "",
            "",
            "Chúng tôi muốn đặt 200 bộ quà tặng.",
            "vi",
            "",
        ],
    ]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
