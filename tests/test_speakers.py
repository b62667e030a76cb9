"""Speakers have pages: the list and each person with their published sessions, linked from sessions and search."""

import json
import re

import pytest

from core.models import Status
from tests import factories
from tests.sitedata import make_site

pytestmark = pytest.mark.django_db
PUBLISHED = Status.PUBLISHED


@pytest.fixture
def speaker():
    person = factories.SpeakerFactory(
        name="Nguyễn Thị Lan",
        role_vi="Nhà thiết kế",
        role_en="Designer",
        organisation_vi="Xưởng Lụa",
        organisation_en="Silk Studio",
        bio_vi="Làm việc với lụa Vạn Phúc.",
        bio_en="Works with Van Phuc silk.",
        status=PUBLISHED,
    )
    talk = factories.SessionFactory(title_vi="Tọa đàm lụa", title_en="Silk talk", published=True)
    draft = factories.SessionFactory(title_vi="Phiên nháp", title_en="Draft session")
    talk.speakers.add(person)
    draft.speakers.add(person)
    return person


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize(
    ("language", "title", "role"), [("vi", "Tọa đàm lụa", "Nhà thiết kế"), ("en", "Silk talk", "Designer")]
)
def test_a_speaker_page_lists_their_published_sessions(client, speaker, language, title, role):
    response = client.get(f"/{language}/speakers/{speaker.slug}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nguyễn Thị Lan" in html and role in html and title in html
    assert "Phiên nháp" not in html and "Draft session" not in html
    person = json_ld(html)
    assert (person["@type"], person["name"], person["jobTitle"]) == ("Person", "Nguyễn Thị Lan", role)
    assert [event["name"] for event in person["performerIn"]] == [title]
    assert f'href="/{language}/speakers/{speaker.slug}/"' in client.get(f"/{language}/speakers/").content.decode()


def test_each_session_page_links_to_its_speakers(client, speaker):
    talk = speaker.sessions.get(title_en="Silk talk")

    html = client.get(f"/en/programme/{talk.slug}/").content.decode()

    assert f'href="/en/speakers/{speaker.slug}/"' in html


def test_a_draft_speaker_has_no_page(client):
    draft = factories.SpeakerFactory(name="Chưa công bố")

    assert client.get(f"/vi/speakers/{draft.slug}/").status_code == 404
    assert "Chưa công bố" not in client.get("/vi/speakers/").content.decode()


def test_search_links_to_the_speaker_page(client, speaker):
    html = client.get("/en/search/", {"q": "nguyen thi lan"}).content.decode()

    assert f'href="/en/speakers/{speaker.slug}/"' in html


@pytest.mark.parametrize("scale", [1, 10])
def test_speaker_pages_run_a_fixed_number_of_queries(client, django_assert_max_num_queries, scale):
    make_site(scale, images=False)
    speakers = [factories.SpeakerFactory(published=True) for _ in range(scale)]
    for session in factories.SessionFactory.create_batch(scale, status=PUBLISHED):
        session.speakers.set(speakers)

    with django_assert_max_num_queries(4):
        listing = client.get("/en/speakers/")
    with django_assert_max_num_queries(4):
        detail = client.get(f"/en/speakers/{speakers[0].slug}/")

    assert (listing.status_code, detail.status_code) == (200, 200)
