"""Languages: the root redirect, the switcher, error pages and dates in each language."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import translation

from core.templatetags.tudoi import long_date, short_date
from tudoi.views import server_error

# Open-redirect payloads for `next`, after Django's own tests of url_has_allowed_host_and_scheme.
UNSAFE_NEXT = [
    "http://evil.example/",
    "https://evil.example/vi/",
    "//evil.example/",
    "///evil.example/",
    "////evil.example/",
    "\\\\evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "http:///evil.example",
    "https:evil.example",
    "ftp://evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://testserver@evil.example/",
    "http:\\\\evil.example",
    "http:/\\/evil.example",
    "/\t/evil.example",
    "\x08//evil.example",
    " //evil.example",
    "http://evil.example\\@testserver/",
    "//testserver@evil.example",
    "https://evil.example/?next=/vi/",
    "%2F%2Fevil.example",
    "/%09/evil.example",
    "http://[::1]:80/",
    "http://127.0.0.1.evil.example/",
]


def test_root_redirects_to_vietnamese_by_default():
    response = Client().get("/")

    assert response.status_code == 302
    assert response["Location"] == "/vi/"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("en", "/en/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("vi-VN,vi;q=0.9,en;q=0.5", "/vi/"),
        ("fr-FR,fr", "/vi/"),
        ("", "/vi/"),
    ],
)
def test_root_follows_the_browser_language(accept, expected):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_an_explicit_choice_wins_over_the_browser_language():
    client = Client()
    client.get("/i18n/switch/en/?next=/vi/")

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")

    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("language", "next_url", "expected"),
    [
        ("en", "/vi/visit/", "/en/visit/"),
        ("vi", "/en/partners/", "/vi/partners/"),
        ("en", "/vi/", "/en/"),
        ("en", "/vi/visit/?q=h%C3%A0+n%E1%BB%99i&page=2", "/en/visit/?q=h%C3%A0+n%E1%BB%99i&page=2"),
        ("vi", "/en/no-such-page/", "/vi/no-such-page/"),
        ("en", "/admin/", "/en/"),
        ("en", "", "/en/"),
    ],
)
def test_switching_language_keeps_the_page(language, next_url, expected):
    response = Client().get(f"/i18n/switch/{language}/", {"next": next_url})

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("next_url", UNSAFE_NEXT)
def test_switching_language_never_leaves_the_site(next_url):
    response = Client().get("/i18n/switch/en/", {"next": next_url})

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith("//") and "\\" not in location
    assert "evil" not in location.split("?")[0]


@pytest.mark.django_db
def test_unknown_language_is_a_404():
    assert Client().get("/i18n/switch/fr/?next=/vi/").status_code == 404


@pytest.mark.django_db
def test_switcher_links_point_to_the_same_page(client):
    page = client.get("/vi/visit/").content.decode()

    assert 'href="/i18n/switch/en/?next=%2Fvi%2Fvisit%2F" hreflang="en" lang="en"' in page
    assert '<span class="lang-name">English</span>' in page and '<span class="lang-name">Tiếng Việt</span>' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/vi/khong-co-trang-nay/", "vi", "Không tìm thấy trang"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_404_page_in_the_page_language(client, path, lang, text):
    response = client.get(path)

    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert text in page


@pytest.mark.parametrize(
    ("path", "lang", "text"), [("/vi/x/", "vi", "Đã có lỗi xảy ra"), ("/en/x/", "en", "Something went wrong")]
)
def test_500_page_renders_without_the_database(path, lang, text):
    """No django_db mark: any database access here would raise."""
    request = RequestFactory().get(path)

    response = server_error(request)

    assert response.status_code == 500
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert text in page


@pytest.mark.django_db
def test_500_page_answers_when_a_view_fails_with_the_database_down(monkeypatch):
    """A view that cannot reach the database gets the bilingual 500 page, not a crash."""
    client = Client(raise_request_exception=False)

    def refuse(*args, **kwargs):
        raise connection.Database.OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/en/")

    assert response.status_code == 500
    assert '<html lang="en">' in response.content.decode()
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "text"), [("/vi/", "vi", "Biểu mẫu đã hết hạn"), ("/en/", "en", "The form has expired")]
)
def test_csrf_failure_page_in_the_page_language(path, lang, text):
    client = Client(enforce_csrf_checks=True)

    response = client.post(path, {"anything": "1"})

    assert response.status_code == 403
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert text in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "Thứ Bảy, 10/01/2026"), ("en", "Saturday 10 January 2026")],
)
def test_long_dates_are_written_the_way_each_language_writes_them(language, expected):
    with translation.override(language):
        assert long_date(date(2026, 1, 10)) == expected


def test_short_dates_and_sunday():
    with translation.override("vi"):
        assert long_date(date(2026, 1, 11)) == "Chủ nhật, 11/01/2026"
        assert short_date(date(2026, 1, 18)) == "18/01"
    with translation.override("en"):
        assert short_date(date(2026, 1, 18)) == "18 Jan"
