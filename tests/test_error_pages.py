"""With DEBUG off (as `make run` and production serve), a missing page answers with the site's own 404 page in the
language of the address: a labelled search box and the main pages, so a visitor who followed a stale link goes on."""

import pytest

from tests.helpers import parse

pytestmark = pytest.mark.django_db

MAIN_PAGES = ("programme/", "programme/now/", "exhibitors/", "exhibitions/", "visit/", "press/")
TEXT = {
    "vi": ("Không tìm thấy trang", "Tìm trong trang", "Chương trình"),
    "en": ("Page not found", "Search the site", "Programme"),
}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("path", ["no-such-page/", "programme/khong-co-phien-nay/"], ids=["unknown", "missing-object"])
def test_a_missing_page_offers_search_and_the_main_pages_in_the_page_language(client, settings, language, path):
    settings.DEBUG = False
    heading, search_label, programme = TEXT[language]

    response = client.get(f"/{language}/{path}")

    assert response.status_code == 404
    document = parse(response)
    assert document.get("lang") == language
    assert document.find(".//h1").text.strip() == heading
    form = document.find(".//form[@role='search']")
    assert (form.get("method"), form.get("action")) == ("get", f"/{language}/search/")
    field = form.find(".//input[@name='q']")
    label = form.find(f".//label[@for='{field.get('id')}']")
    assert label.text.strip() == search_label
    links = {a.get("href"): "".join(a.itertext()).strip() for a in document.iterfind(".//main//nav//a")}
    assert {f"/{language}/{page}" for page in MAIN_PAGES} <= set(links)
    assert links[f"/{language}/programme/"] == programme
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_search_box_of_the_404_page_leads_to_results(client, settings, language):
    settings.DEBUG = False
    form = parse(client.get(f"/{language}/no-such-page/")).find(".//form[@role='search']")

    results = client.get(form.get("action"), {"q": "gốm"})

    assert results.status_code == 200
    assert parse(results).get("lang") == language
