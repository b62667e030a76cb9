"""Check-in at the door: the QR code and short code of the confirmation e-mail, the desk page that marks a person
present once and refuses what must not pass, and the present counts in the admin and the CSV export."""

import csv
import io
import re
from datetime import datetime

import pytest
import zxingcpp
from django.contrib.auth.models import Permission, User
from django.core import signing
from PIL import Image

from core.models import Status
from events.checkin import CHECKIN_SALT, checkin_token, display_code
from events.models import Registration, RegistrationStatus, Session, SessionKind, Venue
from tests.helpers import HANOI, confirm_path, parse, text_of

DESK = "/admin/events/registration/check-in/"
OPEN = "2026-01-05T10:00:00+07:00"  # registration is open
AT_THE_DOOR = "2026-01-10T14:02:00+07:00"  # the workshop starts at 14:00


def make_workshop(title_vi: str = "Xưởng in lụa thủ công", title_en: str = "Silk-screen workshop", **fields) -> Session:
    venue = Venue.objects.create(
        name_vi="Nhà Bát Giác", name_en="Octagonal House", address_vi="Hoàn Kiếm", status=Status.PUBLISHED
    )
    return Session.objects.create(
        title_vi=title_vi,
        title_en=title_en,
        kind=SessionKind.WORKSHOP,
        starts_at=datetime(2026, 1, 10, 14, 0, tzinfo=HANOI),
        ends_at=datetime(2026, 1, 10, 16, 0, tzinfo=HANOI),
        venue=venue,
        capacity=fields.pop("capacity", 3),
        registration_opens_at=datetime(2026, 1, 1, 8, 0, tzinfo=HANOI),
        status=Status.PUBLISHED,
        **fields,
    )


def seat(session: Session, name: str = "Nguyễn Thị Lan", **fields) -> Registration:
    """A confirmed seat, as the confirmation link leaves it."""
    values = {
        "session": session,
        "name": name,
        "email": f"{abs(hash(name))}@example.vn",
        "consent": True,
        "status": RegistrationStatus.CONFIRMED,
        "confirmed_at": datetime(2026, 1, 5, 10, 0, tzinfo=HANOI),
        **fields,
    }
    return Registration.objects.create(**values)


@pytest.fixture
def desk_user(db):
    """A registration desk volunteer: may check people in and read registrations, nothing else."""
    user = User.objects.create_user("banletan", password="mật-khẩu-dài-1", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="check_in", content_type__app_label="events"),
        Permission.objects.get(codename="view_registration", content_type__app_label="events"),
    )
    return user


@pytest.fixture
def desk(client, desk_user):
    client.force_login(desk_user)
    return client


def result_of(response) -> str:
    """The result panel of the desk page, as read."""
    assert response.status_code == 200
    panel = parse(response).find(".//*[@id='checkin-result']")
    assert panel is not None, "no result shown"
    return text_of(panel)


def counts_of(response) -> str:
    return text_of(parse(response).find(".//*[@id='checkin-counts']"))


def qr_codes_in(mail) -> tuple[list[str], str]:
    """What the images shown inline in the HTML part of `mail` decode to, and that HTML part."""
    message = mail.message()
    html = next(part for part in message.walk() if part.get_content_type() == "text/html")
    html = html.get_payload(decode=True).decode()
    texts = []
    for part in message.walk():
        if part.get_content_maintype() != "image":
            continue
        assert part.get("Content-Disposition", "").startswith("inline")
        content_id = part["Content-ID"].strip("<>")
        assert f'src="cid:{content_id}"' in html  # the HTML shows it where it is
        image = Image.open(io.BytesIO(part.get_payload(decode=True)))
        texts += [result.text for result in zxingcpp.read_barcodes(image)]
    return texts, html


# The acceptance path: register, scan the mail's QR code at the desk, once


@pytest.mark.django_db
def test_the_qr_code_of_the_confirmation_mail_checks_the_person_in_once_at_the_desk(
    client, desk_user, mailoutbox, monkeypatch
):
    monkeypatch.setenv("TUDOI_NOW", OPEN)
    workshop = make_workshop()
    visitor = {"name": "Nguyễn Thị Lan", "email": "lan@example.vn", "phone": "", "consent": "on"}
    client.post(f"/vi/programme/{workshop.slug}/register/", visitor)
    client.get(confirm_path(mailoutbox[0]))
    confirmation = mailoutbox[1]
    registration = Registration.objects.get()

    (token,), html = qr_codes_in(confirmation)
    code = display_code(registration.checkin_code)
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code)
    assert code in confirmation.body and code in html
    assert [name for name, _content, _type in confirmation.attachments] == [f"{workshop.slug}.ics"]

    monkeypatch.setenv("TUDOI_NOW", AT_THE_DOOR)
    client.force_login(desk_user)
    before = client.get(DESK, {"session": workshop.pk})
    assert counts_of(before) == "“Xưởng in lụa thủ công”: 0 người có mặt trên 1 chỗ đã đặt."
    first = client.post(f"{DESK}?session={workshop.pk}", {"code": token})

    assert "Đã check-in. Chào mừng!" in result_of(first)
    assert "Nguyễn Thị Lan" in result_of(first) and "Xưởng in lụa thủ công" in result_of(first)
    assert counts_of(first) == "“Xưởng in lụa thủ công”: 1 người có mặt trên 1 chỗ đã đặt."
    registration.refresh_from_db()
    assert registration.checked_in_at == datetime(2026, 1, 10, 14, 2, tzinfo=HANOI)
    assert registration.checked_in_by == desk_user

    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T14:09:00+07:00")
    second = client.post(f"{DESK}?session={workshop.pk}", {"code": token})

    assert "Đã check-in lúc 14:02." in result_of(second)
    assert counts_of(second) == "“Xưởng in lụa thủ công”: 1 người có mặt trên 1 chỗ đã đặt."
    registration.refresh_from_db()
    assert registration.checked_in_at == datetime(2026, 1, 10, 14, 2, tzinfo=HANOI)


@pytest.mark.django_db
def test_the_promotion_mail_carries_the_qr_code_and_the_waiting_list_mail_does_not(client, mailoutbox, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", OPEN)
    workshop = make_workshop(capacity=1)
    for name, email in (("Lan", "lan@example.vn"), ("Minh", "minh@example.vn")):
        before = len(mailoutbox)
        client.post(
            f"/en/programme/{workshop.slug}/register/", {"name": name, "email": email, "phone": "", "consent": "on"}
        )
        client.get(confirm_path(mailoutbox[before]))
    lan, minh = Registration.objects.order_by("pk")
    waiting_mail = mailoutbox[-1]
    assert minh.status == RegistrationStatus.WAITLISTED
    assert display_code(minh.checkin_code) not in waiting_mail.body
    assert (waiting_mail.alternatives, waiting_mail.inline_images) == ([], [])  # no seat, no QR code

    from events.registration import cancel_registration, send_promotion

    promoted = cancel_registration(registration=lan)
    send_promotion(promoted)

    (token,), html = qr_codes_in(mailoutbox[-1])
    assert signing.loads(token, salt=CHECKIN_SALT) == minh.pk
    assert display_code(minh.checkin_code) in mailoutbox[-1].body
    assert 'lang="en"' in html


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its database connection
def test_the_qr_code_survives_the_mail_queue(settings, mailoutbox):
    from events.registration import send_confirmation
    from tests.test_mail_queue import DATABASE_TASKS, run_worker

    settings.TASKS = DATABASE_TASKS
    registration = seat(make_workshop())

    send_confirmation(registration)
    assert mailoutbox == []
    run_worker()

    (mail,) = mailoutbox
    (token,), _html = qr_codes_in(mail)
    assert signing.loads(token, salt=CHECKIN_SALT) == registration.pk
    assert [name for name, _content, _type in mail.attachments] == [f"{registration.session.slug}.ics"]


# Typing the short code


@pytest.mark.django_db
def test_the_short_code_typed_loosely_checks_the_person_in(desk, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", AT_THE_DOOR)
    registration = seat(make_workshop())
    typed = display_code(registration.checkin_code).lower().replace("-", " ")

    response = desk.post(DESK, {"code": f"  {typed} "})

    assert "Đã check-in. Chào mừng!" in result_of(response)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


# What the desk refuses, with a message, without checking anyone in


@pytest.mark.django_db
def test_a_cancelled_seat_is_refused_with_a_message(desk, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", AT_THE_DOOR)
    workshop = make_workshop()
    cancelled = seat(workshop, status=RegistrationStatus.CANCELLED, cancelled_at=datetime(2026, 1, 8, tzinfo=HANOI))

    response = desk.post(f"{DESK}?session={workshop.pk}", {"code": checkin_token(cancelled)})

    assert "Đăng ký này đã bị hủy: không có chỗ. Chưa check-in." in result_of(response)
    cancelled.refresh_from_db()
    assert cancelled.checked_in_at is None


@pytest.mark.django_db
def test_a_code_of_another_session_is_refused_unless_the_desk_takes_any_session(desk, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", AT_THE_DOOR)
    workshop = make_workshop()
    talk = make_workshop(title_vi="Tọa đàm gốm Bát Tràng", title_en="Bat Trang ceramics talk")
    guest = seat(talk)

    refused = desk.post(f"{DESK}?session={workshop.pk}", {"code": guest.checkin_code})

    assert "Mã này thuộc hoạt động khác: “Tọa đàm gốm Bát Tràng” (14:00). Chưa check-in." in result_of(refused)
    guest.refresh_from_db()
    assert guest.checked_in_at is None

    admitted = desk.post(DESK, {"code": guest.checkin_code})  # "any session"

    assert "Đã check-in. Chào mừng!" in result_of(admitted)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": RegistrationStatus.WAITLISTED}, "Đang trong danh sách chờ: người này chưa có chỗ. Chưa check-in."),
        (
            {"confirmed_at": None, "hold_expires_at": datetime(2026, 1, 10, 15, 0, tzinfo=HANOI)},
            "Địa chỉ e-mail của đăng ký này chưa được xác nhận: không có chỗ. Chưa check-in.",
        ),
    ],
)
def test_a_waiting_list_place_or_an_unconfirmed_hold_is_refused(desk, monkeypatch, fields, message):
    monkeypatch.setenv("TUDOI_NOW", AT_THE_DOOR)
    registration = seat(make_workshop(), **fields)

    response = desk.post(DESK, {"code": registration.checkin_code})

    assert message in result_of(response)
    assert Registration.objects.get().checked_in_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code",
    ["ZZZZ-ZZZZ", "hello", "MTI:1vabcd:forged-signature", "x" * 500, "'; DROP TABLE events_registration; --", "\x00"],
)
def test_an_unknown_or_forged_code_is_refused_without_an_error(desk, code):
    seat(make_workshop())

    response = desk.post(DESK, {"code": code})

    if len(code) > 200 or "\x00" in code:  # the form refuses it before looking
        assert response.status_code == 200 and parse(response).find(".//*[@class='errorlist']") is not None
    else:
        assert "Mã không đúng" in result_of(response)
    assert Registration.objects.filter(checked_in_at__isnull=False).count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("chosen", ["abc", "999999", "1 OR 1=1"])
def test_a_desk_whose_session_is_unknown_says_so_and_checks_nobody_in(desk, chosen):
    registration = seat(make_workshop())

    page = desk.get(DESK, {"session": chosen})
    response = desk.post(f"{DESK}?session={chosen}", {"code": registration.checkin_code})

    assert page.status_code == 200 and parse(page).find(".//ul[@class='errorlist']") is not None
    assert response.status_code == 200 and parse(response).find(".//*[@id='checkin-result']") is None
    assert "Chọn lại hoạt động tại cửa này rồi check-in." in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None


@pytest.mark.django_db
def test_a_token_signed_for_another_purpose_is_not_a_check_in_token(desk):
    from events.registration import cancel_token

    registration = seat(make_workshop())

    response = desk.post(DESK, {"code": cancel_token(registration)})

    assert "Mã không đúng" in result_of(response)


# Who may open the desk, and the camera


@pytest.mark.django_db
def test_the_desk_needs_the_check_in_permission(client, desk_user):
    reader = User.objects.create_user("docgia", password="mật-khẩu-dài-2", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_registration", content_type__app_label="events"))

    assert client.get(DESK).status_code == 302  # to the sign-in page
    client.force_login(reader)
    assert client.get(DESK).status_code == 403
    client.force_login(desk_user)
    assert client.get(DESK).status_code == 200
    listing = client.get("/admin/events/registration/")
    assert parse(listing).find(f".//ul[@class='object-tools']//a[@href='{DESK}']") is not None


@pytest.mark.django_db
def test_the_camera_is_allowed_on_the_desk_page_only_and_the_scan_button_waits_for_the_script(desk):
    desk_page = desk.get(DESK)
    listing = desk.get("/admin/events/registration/")

    assert "camera=(self)" in desk_page["Permissions-Policy"]
    assert "camera=()" in listing["Permissions-Policy"]
    tree = parse(desk_page)
    assert tree.find(".//button[@id='checkin-scan']").get("hidden") is not None  # shown by checkin.js if it can scan
    assert tree.find(".//script[@src='/static/js/checkin.js']") is not None
    assert tree.find(".//input[@name='code']").get("autocomplete") == "off"


# The present counts


@pytest.mark.django_db
def test_present_people_are_counted_with_the_seats_in_the_list_and_the_csv_export(staff_client, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", AT_THE_DOOR)
    workshop = make_workshop()
    here = seat(workshop, name="Có Mặt", checked_in_at=datetime(2026, 1, 10, 13, 55, tzinfo=HANOI))
    seat(workshop, name="Vắng Mặt")
    seat(
        workshop,
        name="Đã Hủy",
        status=RegistrationStatus.CANCELLED,
        checked_in_at=datetime(2026, 1, 10, 13, 56, tzinfo=HANOI),
    )

    counted = Session.objects.with_seats().get(pk=workshop.pk)
    listing = staff_client.get("/admin/events/registration/")
    export = staff_client.post("/admin/events/registration/", {"action": "export_csv", "_selected_action": [here.pk]})

    assert (counted.seats_taken, counted.present) == (2, 1)
    assert "2026-01-10 13:55" in text_of(parse(listing).find(".//table[@id='result_list']"))
    header, row = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert header[-1] in {"check-in lúc (giờ Hà Nội)", "checked in at (Hanoi time)"}  # in the admin's language
    assert row[-1] == "2026-01-10 13:55"


@pytest.mark.django_db
def test_every_registration_gets_its_own_short_code(db):
    workshop = make_workshop(capacity=60)
    codes = {seat(workshop, name=f"Khách {n}").checkin_code for n in range(50)}

    assert len(codes) == 50
    assert all(re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}", code) for code in codes)
