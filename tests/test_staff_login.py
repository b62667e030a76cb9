"""Staff sign-in to the admin: failed passwords lock out a (name, address) pair, not the person; an address that
tries many names is refused; staff may sign in with a second factor (TOTP), which the organisers can require."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = "/admin/login/"
PASSWORD = "right-password-123"
ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.4"


@pytest.fixture
def organiser(db):
    return get_user_model().objects.create_superuser("organiser", "o@example.com", PASSWORD)


def log_in(client: Client, username: str, password: str = PASSWORD, **extra) -> int:
    # As the login page's form posts it, with the admin's index to go to.
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/", **extra}).status_code


def test_wrong_passwords_for_a_staff_name_do_not_lock_its_owner_out_from_another_address(organiser):
    attacker, owner = Client(REMOTE_ADDR=ATTACKER), Client(REMOTE_ADDR=ELSEWHERE)

    failures = [log_in(attacker, "organiser", f"wrong-{i}") for i in range(6)]
    attacker_with_the_password = log_in(attacker, "organiser")
    owner_answer = owner.post(LOGIN, {"username": "organiser", "password": PASSWORD, "next": "/admin/"})

    assert failures == [200, 200, 200, 200, 429, 429]  # the fifth failure locks the pair (name, address)
    assert attacker_with_the_password == 429  # even the right password, from that address, for the cool-off time
    assert owner_answer.status_code == 302 and owner_answer["Location"] == "/admin/"
    assert owner.get("/admin/").status_code == 200


def test_an_address_that_tries_many_names_is_refused_after_the_higher_limit(organiser, settings):
    assert settings.TUDOI_LOGIN_ADDRESS_FAILURE_LIMIT == 20
    get_user_model().objects.create_user("editor", "e@example.com", PASSWORD, is_staff=True)
    attacker = Client(REMOTE_ADDR=ATTACKER)

    on_one_name = [log_in(attacker, "organiser", f"wrong-{i}") for i in range(5)]
    other_name_meanwhile = log_in(Client(REMOTE_ADDR=ATTACKER), "editor")  # below the address's limit: let in
    on_many_names = [log_in(attacker, f"guess-{i}", "wrong") for i in range(15)]
    editor_from_there = log_in(Client(REMOTE_ADDR=ATTACKER), "editor")
    editor_from_elsewhere = log_in(Client(REMOTE_ADDR=ELSEWHERE), "editor")

    assert on_one_name == [200, 200, 200, 200, 429]
    assert other_name_meanwhile == 302
    assert on_many_names == [200] * 14 + [429]  # the 20th failure from the address locks it for every name
    assert editor_from_there == 429
    assert editor_from_elsewhere == 302


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau 15 phút."),
        ("en", "Too many failed sign-ins from this address. Please try again in 15 minutes."),
    ],
)
def test_the_refusal_says_why_in_the_staff_members_language(organiser, language, message):
    attacker = Client(REMOTE_ADDR=ATTACKER, HTTP_ACCEPT_LANGUAGE=language)
    for i in range(5):
        log_in(attacker, "organiser", f"wrong-{i}")

    refused = attacker.post(LOGIN, {"username": "organiser", "password": PASSWORD, "next": "/admin/"})

    assert refused.status_code == 429
    assert refused.content.decode() == message


def test_behind_the_balancer_each_client_address_is_counted_apart(organiser, settings):
    # As with DJANGO_PROXY_COUNT=1: every request reaches the site from the balancer's address.
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{ATTACKER}, 10.0.0.1")
    owner = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}, 10.0.0.1")

    failures = [log_in(attacker, "organiser", f"wrong-{i}") for i in range(6)]

    assert failures[-2:] == [429, 429]
    assert log_in(owner, "organiser") == 302


# Second factor


def totp_device(user, *, confirmed: bool = True) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=confirmed)


def current_token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_without_the_requirement_staff_sign_in_with_the_password_alone(organiser, settings):
    assert settings.TUDOI_REQUIRE_2FA is False
    client = Client(REMOTE_ADDR=ELSEWHERE)

    page = client.get(LOGIN).content.decode()

    assert 'name="otp_token"' not in page
    assert log_in(client, "organiser") == 302
    assert client.get("/admin/").status_code == 200


def test_with_the_requirement_staff_without_a_verified_device_cannot_reach_the_admin(organiser, settings):
    settings.TUDOI_REQUIRE_2FA = True
    totp_device(organiser, confirmed=False)  # set up but never confirmed: it cannot verify anyone
    by_password = Client(REMOTE_ADDR=ELSEWHERE)
    by_session = Client(REMOTE_ADDR=ELSEWHERE)
    by_session.force_login(organiser)  # a password-only session, as before the requirement

    answer = by_password.post(LOGIN, {"username": "organiser", "password": PASSWORD, "next": "/admin/"})

    assert answer.status_code == 200
    assert 'name="otp_token"' in answer.content.decode()
    assert by_password.get("/admin/").status_code == 302
    assert by_session.get("/admin/")["Location"] == "/admin/login/?next=/admin/"


def test_with_the_requirement_a_valid_totp_code_lets_staff_in(organiser, settings):
    settings.TUDOI_REQUIRE_2FA = True
    device = totp_device(organiser)
    wrong, right = Client(REMOTE_ADDR=ELSEWHERE), Client(REMOTE_ADDR=ELSEWHERE)
    token = current_token(device)
    other_token = f"{(int(token) + 1) % 10**device.digits:0{device.digits}d}"

    refused = log_in(wrong, "organiser", otp_device=device.persistent_id, otp_token=other_token)
    device.refresh_from_db()
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None  # django-otp slows retries
    device.save()
    accepted = right.post(
        LOGIN,
        {
            "username": "organiser",
            "password": PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": token,
            "next": "/admin/",
        },
    )

    assert refused == 200 and wrong.get("/admin/").status_code == 302
    assert accepted.status_code == 302 and accepted["Location"] == "/admin/"
    assert right.get("/admin/").status_code == 200


def test_staff_add_a_totp_device_in_the_admin_and_scan_its_qr_code(organiser):
    client = Client(REMOTE_ADDR=ELSEWHERE)
    client.force_login(organiser)

    added = client.post(
        "/admin/otp_totp/totpdevice/add/",
        {
            "user": organiser.pk,
            "name": "Phone",
            "confirmed": "on",
            "key": "3132333435363738393031323334353637383930",
            "step": 30,
            "t0": 0,
            "digits": 6,
            "tolerance": 1,
            "drift": 0,
            "throttling_failure_count": 0,
        },
    )
    device = TOTPDevice.objects.get(user=organiser)
    qr_code = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/")

    assert added.status_code == 302
    assert device.confirmed and device.name == "Phone"
    assert qr_code.status_code == 200 and qr_code["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr_code.content
