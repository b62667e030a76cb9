"""Writing to a session's participants from its admin page: written in both languages, previewed, sent by the
background mail task in each person's language, and kept on the session."""

from datetime import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django_tasks_db.models import DBTaskResult

from core.models import Status
from events.models import Registration, RegistrationStatus, Session, SessionKind, SessionMessage, Venue
from tests.helpers import HANOI, parse, text_of
from tests.test_mail_queue import DATABASE_TASKS, run_worker

MESSAGE = {
    "subject_vi": "Đổi phòng: tầng 2",
    "body_vi": "Xưởng chuyển lên phòng tầng 2.\nNhớ mang theo tạp dề.",
    "subject_en": "Room change: 2nd floor",
    "body_en": "The workshop moves to the 2nd floor room.\nPlease bring an apron.",
}


def make_workshop() -> Session:
    venue = Venue.objects.create(name_vi="Nhà Bát Giác", address_vi="Hoàn Kiếm", status=Status.PUBLISHED)
    return Session.objects.create(
        title_vi="Xưởng in lụa thủ công",
        title_en="Silk-screen workshop",
        kind=SessionKind.WORKSHOP,
        starts_at=datetime(2026, 1, 10, 14, 0, tzinfo=HANOI),
        ends_at=datetime(2026, 1, 10, 16, 0, tzinfo=HANOI),
        venue=venue,
        capacity=2,
        status=Status.PUBLISHED,
    )


def person(session: Session, email: str, language: str, **fields) -> Registration:
    values = {
        "session": session,
        "name": email.split("@")[0].capitalize(),
        "email": email,
        "language": language,
        "consent": True,
        "status": RegistrationStatus.CONFIRMED,
        "confirmed_at": datetime(2026, 1, 5, 10, 0, tzinfo=HANOI),
        **fields,
    }
    return Registration.objects.create(**values)


@pytest.fixture
def workshop(db) -> Session:
    """Two seats (one Vietnamese, one English speaker), one person waiting (English), and people never written to:
    a cancelled seat and a hold whose address was never confirmed."""
    session = make_workshop()
    person(session, "lan@example.vn", "vi")
    person(session, "john@example.com", "en")
    person(session, "minh@example.vn", "en", status=RegistrationStatus.WAITLISTED)
    person(session, "huy@example.vn", "vi", status=RegistrationStatus.CANCELLED)
    person(
        session,
        "ai@example.vn",
        "vi",
        status=RegistrationStatus.WAITLISTED,
        confirmed_at=None,
        hold_expires_at=datetime(2099, 1, 1, tzinfo=HANOI),
    )
    return session


def message_url(session: Session) -> str:
    return f"/admin/events/session/{session.pk}/message/"


def by_recipient(mailoutbox) -> dict:
    return {mail.to[0]: mail for mail in mailoutbox}


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its database connection
def test_a_message_reaches_each_participant_in_their_language_from_the_background_task_and_is_logged(
    admin_client, admin_user, workshop, mailoutbox, settings
):
    settings.TASKS = DATABASE_TASKS  # tasks wait in the database until the worker runs, as in production
    change_page = admin_client.get(f"/admin/events/session/{workshop.pk}/change/")
    link = parse(change_page).find(f".//ul[@class='object-tools']//a[@href='{message_url(workshop)}']")
    assert text_of(link) == "Gửi tin nhắn cho người tham dự"

    preview = admin_client.post(message_url(workshop), {**MESSAGE, "preview": "1"})

    assert preview.status_code == 200
    recipients = text_of(parse(preview).find(".//*[@id='message-recipients']"))
    assert recipients.startswith("Tin nhắn này sẽ được gửi tới 2 người (1 người nhận bằng tiếng Việt, 1 người")
    shown = text_of(parse(preview).find(".//*[@id='message-preview']"))
    assert "Đổi phòng: tầng 2" in shown and "Room change: 2nd floor" in shown and "Please bring an apron." in shown
    assert "Xin chào (tên)," in shown and "Hello (name)," in shown  # each version as its readers will get it
    assert (mailoutbox, SessionMessage.objects.count()) == ([], 0)  # a preview sends and keeps nothing

    sent = admin_client.post(message_url(workshop), {**MESSAGE, "send": "1"})

    assert sent.status_code == 302 and sent["Location"] == f"/admin/events/session/{workshop.pk}/change/"
    assert mailoutbox == []  # the page only queued the work
    assert DBTaskResult.objects.filter(task_path="events.participant_mail.send_session_message").count() == 1
    run_worker()
    mails = by_recipient(mailoutbox)
    assert sorted(mails) == ["john@example.com", "lan@example.vn"]
    lan, john = mails["lan@example.vn"], mails["john@example.com"]
    assert lan.subject == "Đổi phòng: tầng 2" and "Nhớ mang theo tạp dề." in lan.body
    assert "Xin chào Lan," in lan.body and "Xưởng in lụa thủ công" in lan.body and "apron" not in lan.body
    assert john.subject == "Room change: 2nd floor" and "Please bring an apron." in john.body
    assert "Hello John," in john.body and "Silk-screen workshop" in john.body and "tạp dề" not in john.body
    assert "/en/programme/registration/" in john.body  # their own cancel link, in their language
    assert lan.reply_to == [settings.TUDOI_ORGANISERS_EMAIL]

    (logged,) = SessionMessage.objects.all()
    assert (logged.session, logged.sender, logged.recipient_count, logged.include_waiting) == (
        workshop,
        admin_user,
        2,
        False,
    )
    assert (logged.subject_vi, logged.body_en) == (MESSAGE["subject_vi"], MESSAGE["body_en"])
    session_page = admin_client.get(sent["Location"])
    log = text_of(parse(session_page).find(".//*[@id='session-messages']"))
    assert "Đổi phòng: tầng 2" in log and "Room change: 2nd floor" in log and "admin" in log


@pytest.mark.django_db
def test_the_waiting_list_hears_it_when_asked_and_english_falls_back_to_vietnamese(
    admin_client, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    vietnamese_only = {"subject_vi": MESSAGE["subject_vi"], "body_vi": MESSAGE["body_vi"], "include_waiting": "on"}

    preview = admin_client.post(message_url(workshop), {**vietnamese_only, "preview": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(message_url(workshop), {**vietnamese_only, "send": "1"})

    assert "Không có bản tiếng Anh" in text_of(parse(preview).find(".//*[@id='message-preview']"))
    mails = by_recipient(mailoutbox)
    assert sorted(mails) == ["john@example.com", "lan@example.vn", "minh@example.vn"]
    assert {mail.subject for mail in mails.values()} == {"Đổi phòng: tầng 2"}
    assert "danh sách chờ" in mails["minh@example.vn"].body  # the Vietnamese message, wholly in Vietnamese
    assert SessionMessage.objects.get().recipient_count == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"body_vi": ""}, "body_vi", "Hãy viết nội dung tiếng Việt: nội dung không được để trống."),
        ({"body_vi": "   \n  "}, "body_vi", "Hãy viết nội dung tiếng Việt: nội dung không được để trống."),
        ({"subject_vi": ""}, "subject_vi", "Hãy đặt tiêu đề tiếng Việt cho tin nhắn."),
        ({"subject_en": ""}, "subject_en", "Hãy đặt cả tiêu đề tiếng Anh, hoặc để trống cả hai ô tiếng Anh."),
        ({"body_en": ""}, "body_en", "Hãy viết cả nội dung tiếng Anh, hoặc để trống cả hai ô tiếng Anh."),
    ],
)
@pytest.mark.parametrize("step", ["preview", "send"])
def test_an_empty_body_or_subject_is_refused_with_a_message(
    admin_client, workshop, mailoutbox, changes, field, error, step
):
    response = admin_client.post(message_url(workshop), {**MESSAGE, **changes, step: "1"})

    assert response.status_code == 200
    errors = parse(response).find(f".//div[@class='form-row field-{field}']//ul[@class='errorlist']")
    assert text_of(errors) == error
    assert parse(response).find(".//*[@id='message-preview']") is None
    assert (mailoutbox, SessionMessage.objects.count()) == ([], 0)
    kept = parse(response).find(".//textarea[@name='body_en']")
    assert text_of(kept) == (changes.get("body_en", MESSAGE["body_en"]).strip().replace("\n", " "))


@pytest.mark.django_db
def test_a_session_without_anyone_to_write_to_sends_nothing(admin_client, mailoutbox):
    session = make_workshop()

    preview = admin_client.post(message_url(session), {**MESSAGE, "preview": "1"})
    sent = admin_client.post(message_url(session), {**MESSAGE, "send": "1"})

    assert parse(preview).find(".//input[@name='send']") is None
    assert "Không có ai để gửi: chưa gửi gì." in sent.content.decode()
    assert (mailoutbox, SessionMessage.objects.count()) == ([], 0)


@pytest.mark.django_db
def test_writing_to_participants_needs_its_permission(client, workshop):
    editor = User.objects.create_user("bientap", password="mật-khẩu-dài-3", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["view_session", "change_session"]))
    client.force_login(editor)

    assert client.get(message_url(workshop)).status_code == 403
    change_page = client.get(f"/admin/events/session/{workshop.pk}/change/")
    assert message_url(workshop) not in change_page.content.decode()
    assert client.get("/admin/events/session/999999/message/").status_code == 404
