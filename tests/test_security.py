"""Security defaults a visitor's browser and an attacker both notice."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/vi/", "/en/visit/", "/en/no-such-page/"])
def test_public_pages_send_a_strict_content_security_policy(client, path):
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
def test_pages_hold_no_inline_script_or_style(client):
    for path in ("/vi/", "/en/partners/", "/vi/visit/"):
        page = client.get(path).content.decode()
        # JSON-LD is data, not code: browsers never run it, and the CSP allows it (home carries an Event).
        page = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page, flags=re.S)
        # Scripts from our own files are not inline: the CSP's script-src 'self' allows exactly them.
        page = re.sub(r'<script src="/static/[^"]+" defer></script>', "", page)

        assert "<script" not in page
        assert "<style" not in page
        assert " style=" not in page


@pytest.mark.django_db
def test_admin_login_is_locked_after_five_failures():
    get_user_model().objects.create_superuser("organiser", "o@example.com", "right-password-123")
    client = Client(REMOTE_ADDR="203.0.113.7")

    failures = [
        client.post("/admin/login/", {"username": "organiser", "password": f"wrong-{i}"}).status_code for i in range(5)
    ]
    locked = client.post("/admin/login/", {"username": "organiser", "password": "right-password-123"})

    assert failures == [200, 200, 200, 200, 429]  # the fifth failure locks this name from this address
    assert locked.status_code == 429  # even the right password, for the cool-off time


@pytest.mark.django_db
def test_pages_still_answer_with_their_images_when_redis_is_down(client, settings):
    """The cache fails open: with Redis unreachable, pages and their renditions still render (uncached)."""
    from tests.sitedata import make_site

    unreachable = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25, "IGNORE_EXCEPTIONS": True},
    }
    settings.CACHES = {"default": unreachable, "thumbnails": unreachable}
    make_site(2)

    responses = {path: client.get(path) for path in ("/vi/", "/en/partners/", "/vi/visit/")}

    assert {path: response.status_code for path, response in responses.items()} == dict.fromkeys(responses, 200)
    assert responses["/vi/"].content.decode().count("srcset=") >= 4  # two works and two sponsor logos
