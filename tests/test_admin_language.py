"""The admin's language is each organiser's choice, Vietnamese when none is made, whatever the browser asks for."""

import pytest
from django.test import Client

from core.models import StaffPreference
from tests.helpers import parse, text_of

pytestmark = pytest.mark.django_db

INDEX = "/admin/"
SESSIONS = "/admin/events/session/"


@pytest.fixture
def organiser(django_user_model):
    return django_user_model.objects.create_superuser("mai", "mai@example.com", "x")


def english_browser(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9", enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def language_of(page) -> str:
    return parse(page).get("lang")


def heading(page) -> str:
    return text_of(parse(page).find(".//h1"))


@pytest.mark.parametrize("chosen", ["", "vi"])
def test_an_organiser_with_an_english_browser_reads_the_admin_in_vietnamese(organiser, chosen):
    if chosen:
        StaffPreference.objects.create(user=organiser, admin_language=chosen)

    response = english_browser(organiser).get(SESSIONS)

    assert language_of(response) == "vi"
    assert heading(response) == "Chọn hoạt động để thay đổi"
    assert response["Content-Language"] == "vi"


def test_an_organiser_who_chose_english_reads_the_admin_in_english(organiser):
    StaffPreference.objects.create(user=organiser, admin_language="en")

    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(organiser)
    response = client.get(SESSIONS)

    assert language_of(response) == "en"
    assert heading(response) == "Select session to change"


def test_the_sign_in_page_follows_the_browser_until_the_organiser_is_known(organiser):
    """Nobody is known before signing in: the sign-in page speaks the browser's language, then the admin the
    organiser's."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")

    assert language_of(client.get("/admin/login/")) == "en"
    assert language_of(Client(HTTP_ACCEPT_LANGUAGE="vi").get("/admin/login/")) == "vi"
    client.post("/admin/login/", {"username": "mai", "password": "x", "next": INDEX})
    assert language_of(client.get(INDEX)) == "vi"


def test_the_switch_in_the_header_stores_the_choice_for_the_organiser(organiser):
    client = english_browser(organiser)
    page = client.get(SESSIONS).content.decode()
    form = parse(page).find(".//form[@id='admin-language']")
    button = form.find(".//button")
    assert (text_of(button), button.get("value")) == ("English", "en")
    token = form.find(".//input[@name='csrfmiddlewaretoken']").get("value")

    response = client.post(
        form.get("action"), {"csrfmiddlewaretoken": token, "language": "en", "next": SESSIONS + "?status__exact=draft"}
    )

    assert response.status_code == 302 and response["Location"] == SESSIONS + "?status__exact=draft"
    assert StaffPreference.objects.get(user=organiser).admin_language == "en"
    assert heading(client.get(SESSIONS)) == "Select session to change"
    # Kept for the organiser, not only in this browser: signed in elsewhere, the admin is English too.
    elsewhere = english_browser(organiser)
    assert language_of(elsewhere.get(SESSIONS)) == "en"
    switch_back = parse(elsewhere.get(SESSIONS)).find(".//form[@id='admin-language']//button")
    assert (text_of(switch_back), switch_back.get("value")) == ("Tiếng Việt", "vi")


def test_the_switch_refuses_a_post_without_the_csrf_token_and_stays_on_site(organiser):
    client = english_browser(organiser)

    assert client.post("/admin/language/", {"language": "en"}).status_code == 403
    assert not StaffPreference.objects.filter(user=organiser).exists()

    relaxed = Client()
    relaxed.force_login(organiser)
    off_site = relaxed.post("/admin/language/", {"language": "en", "next": "https://evil.example/"})
    assert off_site.status_code == 302 and off_site["Location"] == INDEX
    unknown = relaxed.post("/admin/language/", {"language": "fr"})
    assert unknown.status_code == 302
    assert StaffPreference.objects.get(user=organiser).admin_language == "en"  # "fr" changed nothing
    assert relaxed.get("/admin/language/").status_code == 405


def test_the_switch_is_for_staff_only():
    response = Client().post("/admin/language/", {"language": "en"})

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_public_pages_keep_the_language_of_their_address(organiser):
    StaffPreference.objects.create(user=organiser, admin_language="vi")
    client = english_browser(organiser)

    assert language_of(client.get("/en/")) == "en"
