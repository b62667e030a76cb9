"""The home page follows the clock: days to go before the event, what is on now during it, thanks after it; and every
page's header links to the visitor's agenda."""

from datetime import date

import pytest

from core.models import Status
from tests import factories
from tests.helpers import at
from tests.sitedata import make_site

PUBLISHED = Status.PUBLISHED
pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    venue = factories.VenueFactory(name_vi="Nhà Bát Giác", name_en="Octagonal House", published=True)

    def session(title_en, starts, ends):
        return factories.SessionFactory(
            title_vi=f"{title_en} (vi)",
            title_en=title_en,
            starts_at=starts,
            ends_at=ends,
            venue=venue,
            status=PUBLISHED,
        )

    return {
        "opening": session("Opening ceremony", at(10, 8), at(10, 9)),
        "morning": session("Morning forum", at(10, 9, 30), at(10, 11)),
        "workshop": session("Lacquer workshop", at(10, 14), at(10, 16)),
        "talk": session("Design talk", at(10, 14, 30), at(10, 15, 30)),
        "sunday": session("Sunday fair", at(11, 9), at(11, 17)),
    }


@pytest.mark.parametrize(("language", "strip"), [("vi", "Đang diễn ra và sắp tới"), ("en", "Now and next")])
def test_during_the_event_the_home_page_links_to_what_is_on_now(client, monkeypatch, programme, language, strip):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:00:00+07:00")

    html = client.get(f"/{language}/").content.decode()

    assert strip in html
    for running in ("workshop", "talk"):
        assert f'href="{programme[running].get_absolute_url().replace("/vi/", f"/{language}/")}"' in html
    live = html[html.index('class="live-strip"') : html.index("</section>", html.index('class="live-strip"'))]
    assert programme["morning"].slug not in live  # over since 11:00
    assert programme["sunday"].slug in live  # next
    assert f'href="/{language}/programme/now/"' in live


@pytest.mark.parametrize(
    ("language", "now", "expected"),
    [
        ("en", "2026-01-03T10:00:00+07:00", "In 7 days:"),
        ("vi", "2026-01-03T10:00:00+07:00", "Còn 7 ngày:"),
        ("en", "2026-01-09T22:00:00+07:00", "Tomorrow:"),
    ],
)
def test_before_the_event_the_home_page_counts_the_days_and_links_the_opening(
    client, monkeypatch, programme, language, now, expected
):
    monkeypatch.setenv("TUDOI_NOW", now)

    html = " ".join(client.get(f"/{language}/").content.decode().split())

    assert expected in html
    assert f"/{language}/programme/{programme['opening'].slug}/" in html
    assert "/programme/now/" not in html[html.index("<main") :]


@pytest.mark.parametrize(
    ("language", "now", "open_words"),
    [
        ("en", "2026-01-12T10:00:00+07:00", "stays open until Sunday 18 January 2026"),
        ("vi", "2026-01-12T10:00:00+07:00", "mở cửa đến Chủ nhật, 18/01/2026"),
        ("en", "2026-02-01T10:00:00+07:00", None),
    ],
)
def test_after_the_event_the_home_page_thanks_and_leads_to_the_exhibition_and_press(
    client, monkeypatch, programme, language, now, open_words
):
    exhibition = factories.ExhibitionFactory(published=True, ends_on=date(2026, 1, 18))
    monkeypatch.setenv("TUDOI_NOW", now)

    html = " ".join(client.get(f"/{language}/").content.decode().split())

    assert {"en": "Thank you for coming!", "vi": "Cảm ơn bạn đã đến!"}[language] in html
    if open_words:
        assert open_words in html
    else:
        assert "stays open" not in html
    assert f'href="/{language}/exhibitions/{exhibition.slug}/"' in html
    assert f'href="/{language}/press/"' in html


@pytest.mark.parametrize("path", ["/", "/programme/", "/exhibitors/", "/press/", "/visit/"])
def test_every_page_header_links_to_the_agenda_with_a_place_for_its_count(client, path):
    for language in ("vi", "en"):
        html = client.get(f"/{language}{path}").content.decode()
        header = html[html.index("<header") : html.index("</header>")]
        assert f'href="/{language}/programme/my/"' in header
        assert "data-agenda-count" in header and 'src="/static/js/agenda-count.js"' in html


@pytest.mark.parametrize("scale", [1, 10])
def test_the_live_home_page_runs_a_fixed_number_of_queries(client, monkeypatch, django_assert_max_num_queries, scale):
    make_site(scale, images=False)
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T10:00:00+07:00")

    with django_assert_max_num_queries(12):
        response = client.get("/en/")

    assert response.status_code == 200


@pytest.mark.parametrize(("language", "label"), [("vi", "Tìm trong trang"), ("en", "Search the site")])
def test_the_404_page_offers_search_and_the_main_pages(client, language, label):
    response = client.get(f"/{language}/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert label in html and f'action="/{language}/search/"' in html
    for path in ("/programme/", "/programme/now/", "/exhibitors/", "/visit/", "/press/"):
        assert f'href="/{language}{path}"' in html


def test_the_live_strip_leaves_a_cancelled_session_out(client, monkeypatch, programme):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:00:00+07:00")
    programme["workshop"].is_cancelled = True
    programme["workshop"].save()

    html = client.get("/en/").content.decode()

    live = html[html.index('class="live-strip"') : html.index("</section>", html.index('class="live-strip"'))]
    assert programme["workshop"].slug not in live
    assert programme["talk"].slug in live and programme["sunday"].slug in live
