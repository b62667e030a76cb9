"""The organisers' roles (core/roles.py): four groups made by a migration, each opening what its work needs and
nothing else."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.urls import reverse

from core.roles import ROLES, role_permissions, sync_roles
from tests import factories
from tests.helpers import parse, text_of

pytestmark = pytest.mark.django_db

ALLOWED, REFUSED = 200, 403


def member_of(client, group_name: str):
    """`client` signed in as a staff member (not a superuser) whose only group is `group_name`."""
    user = User.objects.create_user(f"member-{len(group_name)}-{group_name[:3]}", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


def status(client, url: str) -> int:
    return client.get(url).status_code


def changelist(label: str) -> str:
    app_label, model = label.split(".")
    return reverse(f"admin:{app_label}_{model}_changelist")


def add(label: str) -> str:
    app_label, model = label.split(".")
    return reverse(f"admin:{app_label}_{model}_add")


def autocomplete(label: str, field: str) -> str:
    app_label, model = label.split(".")
    return f"/admin/autocomplete/?app_label={app_label}&model_name={model}&field_name={field}&term="


def test_the_four_groups_exist_after_migrate_with_their_permissions():
    groups = {
        group.name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for group in Group.objects.prefetch_related("permissions__content_type")
    }

    assert set(groups) == {"Biên tập", "Báo chí", "Bàn đăng ký", "Trưởng ban tổ chức"}
    assert groups["Bàn đăng ký"] == {
        "events.add_registration",
        "events.change_registration",
        "events.view_registration",
        "events.check_in",
        "events.view_session",
    }
    assert not any(p.startswith(("auth.", "axes.", "otp_totp.")) for perms in groups.values() for p in perms)
    assert not {"events.view_registration", "press.view_accreditationrequest"} & groups["Biên tập"]


def test_every_permission_a_role_names_exists():
    for role in ROLES.values():
        exact = {entry for entry in role.permissions if not entry.endswith(".*")}
        found = {f"{p.content_type.app_label}.{p.codename}" for p in role_permissions(role, Permission.objects.all())}
        assert exact <= found, role.name


def test_the_roles_come_back_after_a_change_by_hand_and_take_new_permissions():
    desk = Group.objects.get(name="Bàn đăng ký")
    desk.permissions.add(Permission.objects.get(content_type__app_label="events", codename="delete_session"))
    desk.permissions.remove(Permission.objects.get(codename="check_in"))

    sync_roles()

    codenames = set(desk.permissions.values_list("codename", flat=True))
    assert "check_in" in codenames and "delete_session" not in codenames


def test_editors_edit_the_content_but_not_registrations_press_or_accounts(client):
    member_of(client, "Biên tập")
    session = factories.SessionFactory()

    for label in (
        "events.session",
        "events.speaker",
        "events.venue",
        "exhibitors.creativeunit",
        "exhibitors.product",
        "exhibitors.partner",
        "exhibitions.artwork",
        "exhibitions.exhibition",
    ):
        assert status(client, changelist(label)) == ALLOWED, label
        assert status(client, add(label)) == ALLOWED, label
    assert status(client, reverse("admin:events_session_change", args=[session.pk])) == ALLOWED
    assert status(client, autocomplete("events.session", "speakers")) == ALLOWED
    assert status(client, changelist("exhibitors.importrun")) == ALLOWED  # to undo an import
    for label in (
        "events.registration",
        "exhibitors.meetingrequest",
        "press.accreditationrequest",
        "press.pressrelease",
        "auth.user",
        "auth.group",
        "axes.accessattempt",
        "otp_totp.totpdevice",
    ):
        assert status(client, changelist(label)) == REFUSED, label


def test_the_press_desk_runs_the_press_room_and_reads_press_cards(client, private_media):
    member_of(client, "Báo chí")
    journalist = factories.AccreditationRequestFactory()
    journalist.press_card.save("card.jpg", ContentFile(b"\xff\xd8\xff card"), save=True)

    for label in ("press.pressrelease", "press.mediaasset", "press.presscontact", "press.coveragelink"):
        assert status(client, changelist(label)) == ALLOWED, label
        assert status(client, add(label)) == ALLOWED, label
    assert status(client, changelist("press.accreditationrequest")) == ALLOWED
    assert status(client, reverse("admin:press_accreditationrequest_change", args=[journalist.pk])) == ALLOWED
    card = client.get(reverse("admin:press_accreditationrequest_press_card", args=[journalist.pk]))
    assert card.status_code == ALLOWED and b"".join(card.streaming_content) == b"\xff\xd8\xff card"
    assert status(client, autocomplete("press.pressrelease", "contact")) == ALLOWED  # the contact picker
    for label in (
        "events.registration",
        "events.session",
        "exhibitors.creativeunit",
        "exhibitors.meetingrequest",
        "auth.user",
        "axes.accesslog",
    ):
        assert status(client, changelist(label)) == REFUSED, label
    assert status(client, add("press.accreditationrequest")) == REFUSED


def test_the_registration_desk_sees_registrations_and_checks_in_but_no_content(client):
    member_of(client, "Bàn đăng ký")
    session = factories.SessionFactory(capacity=10)
    registration = factories.RegistrationFactory(session=session)

    assert status(client, changelist("events.registration")) == ALLOWED
    assert status(client, add("events.registration")) == ALLOWED
    assert status(client, reverse("admin:events_registration_change", args=[registration.pk])) == ALLOWED
    assert status(client, autocomplete("events.registration", "session")) == ALLOWED  # the session picker
    assert status(client, reverse("admin:events_registration_checkin")) == ALLOWED
    # Sessions are read, not changed: the change page is read-only, adding one is refused.
    page = client.get(reverse("admin:events_session_change", args=[session.pk])).content.decode()
    assert parse(page).find(".//input[@name='_save']") is None
    assert status(client, add("events.session")) == REFUSED
    for label in (
        "events.speaker",
        "exhibitors.creativeunit",
        "exhibitions.artwork",
        "press.pressrelease",
        "press.accreditationrequest",
        "exhibitors.meetingrequest",
        "auth.user",
    ):
        assert status(client, changelist(label)) == REFUSED, label


def test_the_chief_organiser_opens_everything_but_accounts_and_security(client):
    member_of(client, "Trưởng ban tổ chức")

    for label in (
        "events.session",
        "events.registration",
        "events.sessionchange",
        "exhibitors.creativeunit",
        "exhibitors.meetingrequest",
        "exhibitions.artwork",
        "press.pressrelease",
        "press.accreditationrequest",
        "django_tasks_database.dbtaskresult",
    ):
        assert status(client, changelist(label)) == ALLOWED, label
    assert status(client, reverse("admin:events_registration_checkin")) == ALLOWED
    for label in (
        "auth.user",
        "auth.group",
        "axes.accessattempt",
        "axes.accessfailurelog",
        "axes.accesslog",
        "otp_totp.totpdevice",
    ):
        assert status(client, changelist(label)) == REFUSED, label


def test_each_member_reads_the_purpose_of_their_role_in_vietnamese(client):
    member_of(client, "Báo chí")

    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    role = parse(page).find(".//section[@aria-labelledby='desk-roles-title']")
    assert text_of(role).startswith("Vai trò của bạn Báo chí: Phụ trách phòng báo chí")
    assert "Bảo mật" not in text_of(parse(page).find(".//div[@id='content-main']"))  # no security section


def test_the_groups_list_says_what_each_role_is_for(admin_client):
    page = admin_client.get(changelist("auth.group")).content.decode()

    rows = {
        text_of(row.find(".//th")): text_of(row.find(".//td[@class='field-purpose']"))
        for row in parse(page).findall(".//table[@id='result_list']/tbody/tr")
    }
    assert rows["Bàn đăng ký"].startswith("Bàn đăng ký. Đón người tham dự: xem, thêm và sửa đăng ký chỗ")
    desk = Group.objects.get(name="Bàn đăng ký")
    form = admin_client.get(reverse("admin:auth_group_change", args=[desk.pk]))
    assert form.status_code == 200
    assert "Đón người tham dự" in text_of(parse(form).find(".//div[@class='form-row field-purpose']"))
