"""Headers every answer carries (Permissions-Policy, Cross-Origin-Resource-Policy, Cross-Origin-Opener-Policy, a
strict CSP on the admin too) and the `__Host-` prefix on every cookie in production."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from core.models import Status
from events.models import Registration
from events.registration import confirm_token
from tests.factories import RegistrationFactory, SessionFactory
from tests.test_deploy import production_settings

PUBLIC_PAGES = ["/vi/", "/en/visit/", "/en/programme/", "/vi/press/", "/en/no-such-page/"]
ADMIN_PAGES = ["/admin/login/", "/admin/login/?next=/admin/events/session/"]
FEATURES_OFF = ["camera", "microphone", "geolocation", "payment", "usb", "display-capture", "serial", "midi"]


def permissions(response) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))


def csp(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES + ADMIN_PAGES)
def test_pages_and_the_admin_turn_off_every_browser_feature_and_isolate_themselves(client, path):
    response = client.get(path)

    assert response.status_code in {200, 404}
    assert {feature: permissions(response).get(feature) for feature in FEATURES_OFF} == dict.fromkeys(
        FEATURES_OFF, "()"
    )
    assert "(self)" not in response["Permissions-Policy"]  # the camera only on the check-in desk (test_checkin)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_the_admin_sends_a_strict_content_security_policy(client, path):
    response = client.get(path)

    directives = csp(response)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_admin_changelist_and_form_carry_the_policy_too(admin_client):
    for path in ("/admin/events/session/", "/admin/exhibitors/sector/add/", "/admin/exhibitors/sector/"):
        response = admin_client.get(path)

        assert response.status_code == 200, path
        assert csp(response)["script-src"] == "'self'", path
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/openapi.json", "/api/v1/sessions/", "/api/v1/no-such-thing/"])
def test_the_public_api_may_be_read_from_other_sites(client, path):
    response = client.get(path)

    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_uploaded_media_may_be_shown_by_other_sites(client, settings):
    """Press photos, logos and works are published to be reused (the press kit); pages and scripts are not."""
    settings.TUDOI_SERVE_MEDIA = True
    (settings.MEDIA_ROOT / "press").mkdir(parents=True)
    (settings.MEDIA_ROOT / "press" / "photo.txt").write_text("a public file")

    response = client.get("/media/press/photo.txt")

    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.django_db
def test_static_files_which_whitenoise_shares_with_cors_may_be_used_by_other_sites(client, settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True

    response = client.get("/static/img/og-image.png")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_camera_is_allowed_only_under_the_paths_named_for_the_check_in_desk(client, settings):
    settings.TUDOI_CAMERA_PATHS = ["/admin/check-in/"]

    desk = client.get("/admin/check-in/")
    home = client.get("/vi/")

    assert permissions(desk)["camera"] == "(self)" and permissions(desk)["microphone"] == "()"
    assert permissions(home)["camera"] == "()"


# Cookies


def cookies_of_every_kind(client: Client, *, secure: bool) -> dict:
    """Each cookie the site sets, from the requests that set them: the admin's CSRF token and session, the language
    chosen, the agenda and its readable companion, the seats confirmed in this browser."""
    get_user_model().objects.create_superuser("organiser", "o@example.com", "right-password-123")
    start = SessionFactory(published=True, capacity=10).starts_at
    registration = RegistrationFactory(session__starts_at=start, session__status=Status.PUBLISHED)
    jar = {}
    for response in (
        client.get("/admin/login/", secure=secure),
        client.post("/admin/login/", {"username": "organiser", "password": "right-password-123"}, secure=secure),
        client.get("/i18n/switch/en/?next=/vi/", secure=secure),
        client.post("/vi/programme/my/star/", {"kind": "session", "id": registration.session_id}, secure=secure),
        client.get(f"/vi/programme/registration/{confirm_token(registration)}/confirm/", secure=secure),
    ):
        assert response.status_code in {200, 302, 303}, response
        jar.update(response.cookies)
    assert Registration.objects.count() == 1
    return jar


@pytest.mark.django_db
def test_every_cookie_is_host_only_and_secure_with_production_settings(client, settings, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")
    production = production_settings(
        "TUDOI_COOKIE_PREFIX",
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "LANGUAGE_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
    )
    for name, value in production.items():
        setattr(settings, name, value)

    jar = cookies_of_every_kind(client, secure=True)

    assert sorted(jar) == [
        "__Host-agenda",
        "__Host-agenda_ids",
        "__Host-csrftoken",
        "__Host-django_language",
        "__Host-seats",
        "__Host-sessionid",
    ]
    # What browsers demand of a __Host- cookie: Secure, Path=/ and no Domain.
    assert {name: (m["secure"], m["path"], m["domain"]) for name, m in jar.items()} == dict.fromkeys(
        jar, (True, "/", "")
    )


@pytest.mark.django_db
def test_over_plain_http_in_development_the_cookies_keep_their_bare_names(client, monkeypatch):
    """Browsers refuse a __Host- cookie without Secure, so DEBUG over http (make dev, make run) cannot use it."""
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")

    jar = cookies_of_every_kind(client, secure=False)

    assert sorted(jar) == ["agenda", "agenda_ids", "csrftoken", "django_language", "seats", "sessionid"]
    assert not any(morsel["secure"] for morsel in jar.values())
