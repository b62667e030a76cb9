"""Anonymous pages come from the cache (core.pagecache): identical bytes for every visitor, no query on a hit,
every edit visible on the next request, the clock's minute respected, revalidation and compression for clients."""

import gzip
from unittest import mock

import html5lib
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests import factories
from tests.helpers import at
from tests.test_agenda import PUBLISHED, make_session, star

pytestmark = pytest.mark.django_db

PAGES = ["/vi/", "/en/", "/vi/programme/", "/en/programme/", "/vi/exhibitors/", "/en/partners/"]


def one_of_each(**session_fields) -> dict:
    """A published sector, unit, session (14:00 on 10/01), exhibition with a work, and partner, in both languages."""
    sector = factories.SectorFactory(name_vi="Thủ công mỹ nghệ", name_en="Handicrafts", published=True)
    unit = factories.CreativeUnitFactory(
        name_vi="Xưởng gốm Bát Tràng", name_en="Bat Trang pottery", primary_sector=sector, status=PUBLISHED
    )
    session = make_session("Lacquer talk", at(10, 14), title_vi="Tọa đàm sơn mài", **session_fields)
    exhibition = factories.ExhibitionFactory(slug="chat-dia-phuong", published=True)
    work = factories.ArtworkFactory(exhibition=exhibition, title_vi="Phố cổ", title_en="Old quarter", published=True)
    partner = factories.PartnerFactory(name_vi="Nhà tài trợ Sen", name_en="Lotus sponsor", published=True)
    return {
        "sector": sector,
        "unit": unit,
        "session": session,
        "exhibition": exhibition,
        "work": work,
        "partner": partner,
    }


@pytest.fixture
def site():
    return one_of_each(is_highlight=True)


@pytest.mark.parametrize("path", PAGES)
def test_two_anonymous_visits_get_identical_bytes_and_the_second_runs_no_query(site, path, django_assert_num_queries):
    first = Client().get(path)

    with django_assert_num_queries(0):
        second = Client().get(path)

    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")


def _text(path: str) -> str:
    return Client().get(path).content.decode()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_edited_session_shows_on_every_page_that_displays_it_at_the_next_request(site, language):
    session = site["session"]
    pages = [f"/{language}/", f"/{language}/programme/", session.get_absolute_url(), "/vi/programme.ics"]
    before = {path: _text(path) for path in pages}
    assert all("Lacquer talk" in text or "Tọa đàm sơn mài" in text for text in before.values())

    session.title_vi, session.title_en = "Tọa đàm gốm men lam", "Blue-glaze talk"
    session.save()

    for path in pages:
        text = _text(path)
        assert "Blue-glaze talk" in text or "Tọa đàm gốm men lam" in text, path
        assert "Lacquer talk" not in text and "Tọa đàm sơn mài" not in text, path


def test_a_unit_an_artwork_and_a_partner_edited_or_deleted_show_at_once(site):
    unit, work, partner = site["unit"], site["work"], site["partner"]
    directory, unit_page = "/en/exhibitors/", f"/en{unit.get_absolute_url()[3:]}"
    catalogue, work_page = f"/en{site['exhibition'].get_absolute_url()[3:]}", f"/en{work.get_absolute_url()[3:]}"
    for path in (directory, unit_page, catalogue, work_page, "/en/partners/"):
        assert Client().get(path).status_code == 200  # now cached

    unit.name_en = "Bat Trang blue ceramics"
    unit.save()
    work.title_en = "Old quarter at dawn"
    work.save()
    partner.delete()

    assert "Bat Trang blue ceramics" in _text(directory) and "Bat Trang blue ceramics" in _text(unit_page)
    assert "Old quarter at dawn" in _text(catalogue) and "Old quarter at dawn" in _text(work_page)
    assert "Lotus sponsor" not in _text("/en/partners/")


def test_an_edit_saved_in_the_admin_shows_at_once(site, client):
    staff = get_user_model().objects.create_superuser("organiser", "o@example.vn", "secret-pass-123")
    sector = site["sector"]
    assert "Handicrafts" in _text("/en/exhibitors/")
    client.force_login(staff)

    url = f"/admin/exhibitors/sector/{sector.pk}/change/"
    data = _form_data(client.get(url), "sector_form")
    data["name_en"] = "Crafts of the old quarter"
    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Crafts of the old quarter" in _text("/en/exhibitors/")


def test_units_published_together_by_an_admin_action_show_at_once(site, client):
    draft = factories.CreativeUnitFactory(name_en="Lacquer house of Hàng Khay", primary_sector=site["sector"])
    assert "Lacquer house of Hàng Khay" not in _text("/en/exhibitors/")
    client.force_login(get_user_model().objects.create_superuser("organiser", "o@example.vn", "secret-pass-123"))

    response = client.post(
        "/admin/exhibitors/creativeunit/",
        {"action": "publish", "_selected_action": [draft.pk], "confirm": "yes"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Lacquer house of Hàng Khay" in _text("/en/exhibitors/")


def _form_data(response, form_id: str) -> dict:
    """What a browser would send back from the admin's form, unchanged."""
    form = html5lib.parse(response.content.decode(), namespaceHTMLElements=False).find(f".//form[@id='{form_id}']")
    data = {}
    for field in (element for element in form.iter() if element.tag in ("input", "select", "textarea")):
        name, kind = field.get("name"), field.get("type", "")
        if (
            not name
            or kind in ("submit", "button", "file")
            or (kind in ("checkbox", "radio") and not field.get("checked"))
        ):
            continue
        if field.tag == "select":
            chosen = [option.get("value") for option in field.iter("option") if option.get("selected") is not None]
            data[name] = chosen if field.get("multiple") is not None else (chosen[0] if chosen else "")
        elif field.tag == "textarea":
            data[name] = field.text or ""
        else:
            data[name] = field.get("value", "on" if kind == "checkbox" else "")
    return data


def test_a_staff_member_never_gets_nor_leaves_a_cached_page(site, client):
    staff = get_user_model().objects.create_superuser("organiser", "o@example.vn", "secret-pass-123")
    client.force_login(staff)

    as_staff = client.get("/en/programme/")

    assert "X-Cache" not in as_staff
    assert Client().get("/en/programme/")["X-Cache"] == "miss"


def test_what_is_on_now_follows_the_clock_past_a_session_start(site, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T13:59:00+07:00")
    before = _text("/en/programme/now/")
    assert _text("/en/programme/now/") == before  # cached within the minute

    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T14:00:30+07:00")
    after = Client().get("/en/programme/now/")

    assert after["X-Cache"] == "miss"
    assert "Lacquer talk" in before and "until 15:00" not in before  # next, not on yet
    assert "until 15:00" in after.content.decode()  # on now


def test_a_starred_visitor_sees_their_stars_and_the_next_anonymous_visitor_does_not(site):
    session = site["session"]
    visitor = Client()
    star(visitor, "session", session.pk, next="/en/programme/", language="en")
    anonymous_page = Client().get("/en/programme/")

    visitor_page = visitor.get("/en/programme/")
    agenda = visitor.get("/en/programme/my/")
    next_agenda = Client().get("/en/programme/my/")

    # The programme is the same page for both (the stars are drawn by a script from the visitor's cookie) ...
    assert visitor_page.content == anonymous_page.content
    assert visitor_page["X-Cache"] == "hit"
    assert "agenda_ids" in visitor.cookies
    # ... and the visitor's own agenda is theirs alone, never kept by a cache.
    assert "Lacquer talk" in agenda.content.decode()
    assert "private" in agenda["Cache-Control"] and "X-Cache" not in agenda
    assert "Lacquer talk" not in next_agenda.content.decode()


@pytest.mark.parametrize(
    "path", ["/vi/", "/en/programme/", "/vi/programme.ics", "/vi/programme/schedule.json", "/api/v1/units/"]
)
def test_revalidation_answers_304_and_the_headers_suit_a_cdn(site, path):
    first = Client().get(path)
    etag, modified = first["ETag"], first["Last-Modified"]

    by_etag = Client().get(path, headers={"If-None-Match": etag})
    by_date = Client().get(path, headers={"If-Modified-Since": modified})

    assert first.status_code == 200 and first.content
    assert "s-maxage=60" in first["Cache-Control"] and "stale-while-revalidate" in first["Cache-Control"]
    assert "public" in first["Cache-Control"]
    assert (by_etag.status_code, by_etag.content, by_etag["ETag"]) == (304, b"", etag)
    assert (by_date.status_code, by_date.content) == (304, b"")
    assert Client().get(path, headers={"If-None-Match": '"other"'}).status_code == 200


@pytest.mark.parametrize("path", ["/vi/", "/en/exhibitors/", "/vi/programme.ics", "/api/v1/units/"])
def test_a_client_that_takes_gzip_gets_the_same_bytes_compressed(site, path):
    plain = Client().get(path)

    packed = Client().get(path, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    assert packed["ETag"] != plain["ETag"]


def test_a_page_with_a_form_is_never_cached_nor_compressed(site, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")  # registration open
    session = site["session"]
    session.capacity = 10
    session.save()
    path = f"/en{session.get_absolute_url()[3:]}register/"

    first = Client().get(path, headers={"Accept-Encoding": "gzip"})
    second = Client().get(path, headers={"Accept-Encoding": "gzip"})

    assert first.status_code == second.status_code == 200
    assert "X-Cache" not in second and "Content-Encoding" not in second
    assert first.content != second.content  # each visitor's own CSRF token


def test_the_cache_failing_serves_the_page_all_the_same(site):
    with mock.patch("core.pagecache.cache") as broken, mock.patch("core.fragments.cache", broken):
        broken.get.side_effect = ConnectionError("cache down")
        broken.get_or_set.side_effect = ConnectionError("cache down")

        response = Client().get("/en/programme/")

    assert response.status_code == 200
    assert "Lacquer talk" in response.content.decode()


def test_the_page_cache_can_be_turned_off(site, settings):
    settings.TUDOI_PAGE_CACHE = False

    response = Client().get("/en/programme/")

    assert response.status_code == 200 and "X-Cache" not in response


def test_a_head_request_gets_the_headers_of_the_cached_page_without_its_body(site):
    page = Client().get("/en/programme/")

    head = Client().head("/en/programme/")

    assert (head.status_code, head["X-Cache"], head.content) == (200, "hit", b"")
    assert head["Content-Length"] == str(len(page.content)) and head["ETag"] == page["ETag"]
