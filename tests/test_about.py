"""The About page: who directs and organises the programme and why it is held, as the announcement says."""

import pytest

from tests.helpers import parse


def text(document) -> str:
    return " ".join("".join(document.find(".//main").itertext()).split())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "framing"),
    [
        ("vi", ["Nghị quyết 57-NQ/TW", "Đại hội Đảng toàn quốc lần thứ XIV", "Sáng 10/01/2026", "89 tác phẩm"]),
        ("en", ["Resolution 57-NQ/TW", "14th National Congress", "On the morning of 10 January 2026", "89 works"]),
    ],
)
def test_about_page_gives_the_framing_in_both_languages(client, language, framing):
    response = client.get(f"/{language}/about/")

    assert response.status_code == 200
    document = parse(response)
    assert document.get("lang") == language
    assert len(document.findall(".//h1")) == 1
    page = text(document)
    for words in framing:
        assert words in page
    assert "SOVICO" in page and "LOTTE Department Store" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_home_page_links_to_the_about_page(client, language):
    document = parse(client.get(f"/{language}/"))

    assert f"/{language}/about/" in [a.get("href") for a in document.iter("a")]
