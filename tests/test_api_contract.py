"""The open data API keeps to its contract: Schemathesis runs every operation of /api/v1/openapi.json against the
real application (all checks, positive and negative data, a bounded and repeatable number of examples); every
error is RFC 9457 problem details, also for an address the API does not have and while the database is down; the
language of messages comes from Accept-Language only, never from the site's language cookie."""

import pytest
import schemathesis
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.test_api import SITE, make_data  # noqa: F401 - SITE is read by the site_url fixture

PROBLEM = "application/problem+json"
PROBLEM_FIELDS = {"type", "title", "status", "detail"}


pytestmark = pytest.mark.usefixtures("site_url")


@pytest.fixture
def site(db):
    return make_data(2)


# --- Schemathesis -------------------------------------------------------------------------------------------------


# The document as the application serves it, and the application itself (WSGI, in this process) to test: reading
# the document touches no database.
contract = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
contract.config.generation.update(modes=["positive", "negative"], max_examples=30, deterministic=True)
contract.config.checks.update(included_check_names=["all"])


@contract.parametrize()
@hypothesis_settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
def test_every_operation_keeps_to_the_openapi_document(case, site):
    """Published records of every kind (and a draft of each) in the database; every check of Schemathesis. The
    WSGI client does not undo gzip as an HTTP client does, so it asks for none."""
    case.call_and_validate(headers={"Accept-Encoding": "identity"})


# --- Problem details ----------------------------------------------------------------------------------------------


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Accept-Language" in response["Vary"]
    data = response.json()
    assert set(data) >= PROBLEM_FIELDS
    assert data["status"] == status and data["type"] == "about:blank"
    assert data["title"] and data["detail"]
    return data


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/units.json",  # no route takes it: Django's own 404
        "/api/v1/artworks/x/%0A/web/",  # a newline in the address
        "/api/v1/nowhere/at/all/",
        "/api/v1/units/khong-co/",
    ],
)
def test_an_address_the_api_does_not_have_answers_a_json_problem(site, path):
    data = assert_problem(Client().get(path), 404)

    assert data["title"] == "Not Found"


def test_the_database_being_down_answers_503_with_retry_after(site, monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise OperationalError('connection to server at "db" failed: Connection refused')

    paths = ["/api/v1/units/", "/api/v1/sessions/?day=2026-01-10", f"/api/v1/units/{site['units'][0].slug}/"]
    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", unreachable)
        answers = [Client().get(path, headers={"Accept-Language": "en"}) for path in paths]
        vietnamese = Client().get("/api/v1/units.csv", headers={"Accept-Language": "vi"})

    for response in answers:
        data = assert_problem(response, 503)
        assert data["title"] == "Service Unavailable"
        assert data["detail"] == "The data cannot be read at the moment. Please try again in 30 seconds."
        assert int(response["Retry-After"]) > 0
        assert response["Cache-Control"] == "no-store"
    assert assert_problem(vietnamese, 503)["detail"].startswith("Hiện không thể đọc dữ liệu.")
    assert "Connection refused" in caplog.text and "Traceback" not in caplog.text


def test_an_unexpected_error_answers_a_500_problem_not_the_html_page(site, monkeypatch):
    from core import api

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "_filtered", broken)
    response = Client(raise_request_exception=False).get("/api/v1/units/")

    data = assert_problem(response, 500)
    assert data["title"] == "Internal Server Error"
    assert "a bug" not in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_the_document_describes_the_problems_and_every_limit_the_server_keeps(site):
    document = Client().get("/api/v1/openapi.json").json()
    components = document["components"]

    problem = components["schemas"]["Problem"]
    assert set(problem["required"]) == PROBLEM_FIELDS
    for name in ("BadRequest", "NotFound", "ServiceUnavailable"):
        assert list(components["responses"][name]["content"]) == [PROBLEM]
    assert "Retry-After" in components["responses"]["ServiceUnavailable"]["headers"]
    for path, item in document["paths"].items():
        if path not in ("/", "/openapi.json"):
            assert "503" in item["get"]["responses"], path
    offset = components["parameters"]["offset"]["schema"]["anyOf"][0]
    assert offset["maximum"] == 999_999_999
    assert Client().get("/api/v1/units/?offset=999999999").json()["results"] == []
    assert Client().get("/api/v1/units/?offset=1000000000").status_code == 400


# --- Language -----------------------------------------------------------------------------------------------------


def detail(response) -> str:
    return response.json()["detail"]


def test_messages_follow_accept_language_and_never_the_language_cookie(site):
    path = "/api/v1/sessions/?day=soon"
    english = "Give a date as YYYY-MM-DD, for example 2026-01-10."
    vietnamese = "Hãy nhập ngày theo dạng YYYY-MM-DD, ví dụ 2026-01-10."
    cookie_vi = Client()
    cookie_vi.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    cookie_en = Client()
    cookie_en.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    assert detail(Client().get(path)) == english  # nothing asked: English, not the site's default
    assert detail(cookie_vi.get(path)) == english
    assert detail(cookie_vi.get(path, headers={"Accept-Language": "en-GB,en;q=0.9"})) == english
    assert detail(cookie_en.get(path, headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})) == vietnamese
    assert detail(Client().get(path, headers={"Accept-Language": "fr, vi;q=0.3"})) == vietnamese
    assert detail(Client().get(path, headers={"Accept-Language": "fr, de"})) == english
    response = cookie_en.get(path, headers={"Accept-Language": "vi"})
    assert response["Content-Language"] == "vi"
    assert assert_problem(response, 400)["title"] == "Yêu cầu không hợp lệ"


def test_an_answer_depends_only_on_what_vary_names(site):
    """A shared cache keys on the address and the headers named in Vary: the cookie must change nothing."""
    path = f"/api/v1/units/{site['units'][0].slug}/"
    plain = Client().get(path)
    cookie_en = Client()
    cookie_en.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with_cookie = cookie_en.get(path)

    vary = {name.strip().lower() for name in plain["Vary"].split(",")}
    assert "accept-language" in vary and "cookie" not in vary
    assert with_cookie.content == plain.content
    assert with_cookie["Content-Language"] == plain["Content-Language"] == "vi, en"  # a record holds both
    assert not with_cookie.cookies
