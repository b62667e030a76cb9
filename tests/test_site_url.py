"""Absolute addresses follow the request when TUDOI_SITE_URL is not set (a site started on any host and port links
to itself); when it is set, it wins."""

import re

import pytest
from django.test import Client

from tests import factories
from tests.helpers import parse, qr_modules, read_qr
from tests.test_agenda import star

HOST = "tudoi.test:8401"
pytestmark = pytest.mark.django_db


@pytest.fixture
def session(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "tudoi.test"]
    return factories.SessionFactory(title_vi="Tọa đàm", title_en="Talk", published=True)


def absolute_links(html: str) -> dict:
    return {
        "canonical": re.search(r'<link rel="canonical" href="([^"]+)"', html)[1],
        "og:url": re.search(r'<meta property="og:url" content="([^"]+)"', html)[1],
        "hreflang": re.findall(r'hreflang="[^"]+" href="([^"]+)"', html),
    }


@pytest.mark.parametrize("language", ["vi", "en"])
def test_without_a_site_url_canonical_og_and_agenda_links_use_the_request_host(settings, session, language):
    settings.TUDOI_SITE_URL = ""
    client = Client(HTTP_HOST=HOST)
    star(client, "session", session.pk)

    page = client.get(f"/{language}/programme/{session.slug}/").content.decode()
    agenda = client.get(f"/{language}/programme/my/").content.decode()

    links = absolute_links(page)
    assert links["canonical"] == f"http://{HOST}/{language}/programme/{session.slug}/"
    assert links["og:url"] == links["canonical"]
    assert all(url.startswith(f"http://{HOST}/") for url in links["hreflang"])
    share = re.search(rf'href="(http://{re.escape(HOST)}/{language}/programme/shared/[^"]+/)"', agenda)
    assert share is not None
    assert f'href="webcal://{HOST}/{language}/programme/shared/' in agenda
    assert "127.0.0.1:8000" not in agenda and "127.0.0.1:8000" not in page


@pytest.mark.parametrize("language", ["vi", "en"])
def test_without_a_site_url_the_agenda_qr_code_opens_the_share_link_on_the_request_host(settings, session, language):
    settings.TUDOI_SITE_URL = ""
    client = Client(HTTP_HOST=HOST)
    star(client, "session", session.pk)

    agenda = parse(client.get(f"/{language}/programme/my/"))
    qr = client.get(agenda.find(".//figure[@class='agenda-qr']/img").get("src"))

    (decoded,) = read_qr(qr_modules(qr.content))
    assert re.fullmatch(rf"http://{re.escape(HOST)}/{language}/programme/shared/[^/]+/", decoded)
    assert agenda.find(f".//a[@href='{decoded}']") is not None


def test_a_configured_site_url_wins_over_the_request_host(settings, session):
    settings.TUDOI_SITE_URL = "https://tuhoisangtao.example.vn"
    client = Client(HTTP_HOST=HOST)
    star(client, "session", session.pk)

    page = client.get(f"/en/programme/{session.slug}/").content.decode()
    agenda = client.get("/en/programme/my/").content.decode()

    assert absolute_links(page)["canonical"] == f"https://tuhoisangtao.example.vn/en/programme/{session.slug}/"
    assert 'href="webcal://tuhoisangtao.example.vn/en/programme/shared/' in agenda
    assert HOST not in page and HOST not in agenda


def test_mail_sent_during_a_request_links_to_that_host(settings, session, mailoutbox, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")
    settings.TUDOI_SITE_URL = ""
    session.capacity = 5
    session.save()
    client = Client(HTTP_HOST=HOST)

    client.post(
        f"/en/programme/{session.slug}/register/",
        {"name": "Lan", "email": "lan@example.vn", "phone": "", "consent": "on"},
    )

    (mail,) = mailoutbox
    assert f"http://{HOST}/en/programme/registration/" in mail.body
