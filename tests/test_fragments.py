"""Parts of pages made once per content generation (core.fragments): with the page cache off (a miss, a visitor
with a session, a new filter), unit, work and session cards, the footer's partners and the directory's and
programme's counts are not made again, yet every edit shows on the next request, in both languages, and what
depends on the clock or on seats stays current."""

from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import fragments
from tests import factories
from tests.helpers import at
from tests.test_agenda import PUBLISHED
from tests.test_page_cache import one_of_each

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.TUDOI_PAGE_CACHE = False  # every request renders its page
    return one_of_each(capacity=10)


def _pages(site, language: str) -> list[str]:
    return [
        f"/{language}/exhibitors/",
        f"/{language}/programme/?day=2026-01-10",
        f"/{language}/exhibitions/{site['exhibition'].slug}/",
    ]


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """The names of the parts made (not taken from the store), in order."""
    names, remember = [], fragments.remember

    def counted(parts, make, request=None):
        def making():
            names.append(parts[0])
            return make()

        return remember(parts, making, request)

    monkeypatch.setattr(fragments, "remember", counted)
    return names


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_second_render_reuses_the_parts_runs_fewer_queries_and_gives_the_same_bytes(site, language, made):
    expected = {
        "exhibitors": {"unit-card", "directory-facets", "directory-page", "directory-fields", "directory-results"},
        "programme": {
            "session-card",
            "star-form",
            "programme-days",
            "programme-listing",
            "programme-fields",
            "programme-list",
        },
    }
    made_at_first = set()
    for path in _pages(site, language):
        with CaptureQueriesContext(connection) as first_queries:
            first = Client().get(path)
        first_made = set(made)
        made_at_first |= first_made
        made.clear()
        with CaptureQueriesContext(connection) as second_queries:
            second = Client().get(path)

        assert first.status_code == second.status_code == 200, path
        assert "X-Cache" not in second  # rendered again, not a page from the page cache
        section = path.split("/")[2]
        assert expected.get(section, {"work-card"}) <= first_made, path
        assert made == [], path  # every part came from the store
        if section in expected:
            assert len(second_queries) < len(first_queries), path  # the counts were not counted again
        assert first.content == second.content, path
        made.clear()
    assert "footer-partners" in made_at_first  # made once, for the first page, then shared by the others


@pytest.mark.parametrize("language", ["vi", "en"])
def test_edits_show_at_the_next_request_in_cards_counts_and_footer(site, language):
    english = language == "en"
    for path in _pages(site, language):
        Client().get(path)  # the fragments are made

    unit, work, session, partner = site["unit"], site["work"], site["session"], site["partner"]
    unit.name_vi, unit.name_en = "Xưởng gốm men lam", "Blue-glaze pottery"
    unit.save()
    work.title_vi, work.title_en = "Hồ Gươm sớm mai", "The lake at dawn"
    work.save()
    session.title_vi, session.title_en = "Tọa đàm gốm men lam", "Blue-glaze talk"
    session.save()
    partner.name_vi, partner.name_en = "Nhà tài trợ Đào", "Peach sponsor"
    partner.save()
    factories.CreativeUnitFactory(name_vi="Làng lụa Vạn Phúc", primary_sector=site["sector"], published=True)

    directory, programme, catalogue = (Client().get(path).content.decode() for path in _pages(site, language))
    assert ("Blue-glaze pottery" if english else "Xưởng gốm men lam") in directory
    assert "Bat Trang pottery" not in directory and "Xưởng gốm Bát Tràng" not in directory
    assert ("2 creative units" if english else "2 đơn vị sáng tạo") in directory  # the counted facets
    assert ("Blue-glaze talk" if english else "Tọa đàm gốm men lam") in programme
    assert ("The lake at dawn" if english else "Hồ Gươm sớm mai") in catalogue
    for page in (directory, programme, catalogue):
        assert ("Peach sponsor" if english else "Nhà tài trợ Đào") in page  # the footer's partners
        assert "Lotus sponsor" not in page and "Nhà tài trợ Sen" not in page


def test_the_language_is_part_of_what_is_kept(site):
    vietnamese = Client().get("/vi/exhibitors/").content.decode()
    english = Client().get("/en/exhibitors/").content.decode()

    assert "Xưởng gốm Bát Tràng" in vietnamese and "Bat Trang pottery" not in vietnamese
    assert "Bat Trang pottery" in english and "Xưởng gốm Bát Tràng" not in english


def test_seats_and_the_clock_stay_current_beside_a_kept_session_card(site, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")  # registration open
    path = "/en/programme/?day=2026-01-10"
    assert "10 seats left of 10" in Client().get(path).content.decode()

    factories.RegistrationFactory(session=site["session"])  # a visitor's registration: not content
    assert "9 seats left of 10" in Client().get(path).content.decode()

    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:30:00+07:00")  # the session is over
    assert "This session has ended." in Client().get(path).content.decode()


def test_content_whose_publication_time_passes_shows_within_a_minute(site, monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T09:00:00+07:00")
    factories.CreativeUnitFactory(
        name_en="Van Phuc silk", primary_sector=site["sector"], status=PUBLISHED, publish_at=at(10, 9, 30)
    )
    factories.PartnerFactory(name_en="Peach sponsor", status=PUBLISHED, publish_at=at(10, 9, 30))
    before = Client().get("/en/exhibitors/").content.decode()
    assert "1 creative unit" in before and "Van Phuc silk" not in before and "Peach sponsor" not in before

    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T09:31:00+07:00")  # nothing saved meanwhile
    after = Client().get("/en/exhibitors/").content.decode()

    assert "2 creative units" in after and "Van Phuc silk" in after and "Peach sponsor" in after


def test_each_filter_gets_its_own_fields_and_results(site):
    other = factories.SectorFactory(name_vi="Thiết kế", name_en="Design", published=True)
    factories.CreativeUnitFactory(name_en="Lotus studio", primary_sector=other, published=True)
    session = site["session"]
    session.venue.status = PUBLISHED
    session.venue.save()
    Client().get("/en/exhibitors/")
    Client().get("/en/programme/?day=2026-01-10")

    design = Client().get(f"/en/exhibitors/?sector={other.slug}").content.decode()
    venue = Client().get(f"/en/programme/?day=2026-01-10&venue={session.venue.slug}").content.decode()
    unknown = Client().get("/en/programme/?day=2026-01-10&venue=nowhere").content.decode()

    assert f'<option value="{other.slug}" selected>' in design
    assert "Lotus studio" in design and "Bat Trang pottery" not in design
    assert f'<option value="{session.venue.slug}" selected>' in venue and "Lacquer talk" in venue
    assert "not understood" in unknown and "selected>" not in unknown.split('name="venue"')[1].split("</select>")[0]


def test_a_search_or_filter_gets_its_own_counts(site):
    factories.CreativeUnitFactory(name_vi="Làng lụa Vạn Phúc", name_en="Van Phuc silk", published=True)

    everything = Client().get("/en/exhibitors/").content.decode()
    searched = Client().get("/en/exhibitors/?q=silk").content.decode()

    assert "2 creative units" in everything
    assert "1 unit matches “silk”" in searched and "Bat Trang pottery" not in searched


def test_when_the_cache_fails_the_page_is_made_afresh(site, made):
    Client().get("/en/exhibitors/")
    made.clear()
    with mock.patch("core.fragments.cache") as broken:
        broken.get_or_set.side_effect = ConnectionError("cache down")

        response = Client().get("/en/exhibitors/")

    assert response.status_code == 200
    assert "Bat Trang pottery" in response.content.decode()
    assert "unit-card" in made


def test_star_buttons_return_to_the_address_they_are_on(site):
    Client().get("/en/programme/?day=2026-01-10")

    html = Client().get("/en/programme/?day=2026-01-10&from=qr").content.decode()

    assert 'name="next" value="/en/programme/?day=2026-01-10&amp;from=qr"' in html
    assert 'name="next" value="/en/programme/?day=2026-01-10"' not in html
