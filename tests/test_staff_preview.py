"""Staff preview drafts on the public site (issue 16, point 8): a draft or embargoed item's page is a 404 for
everyone else, and for active staff shows the page with a draft banner, in both languages, never cached."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone, translation

from events.models import Session
from tests import factories
from tests.helpers import parse, text_of

pytestmark = pytest.mark.django_db

BANNER = {
    "vi": "Bản nháp — chỉ nhân viên thấy trang này",
    "en": "Draft — only staff can see this page",
}


def banner_of(page) -> str | None:
    """The text of the draft banner (an aside landmark with a status inside), or None when there is none."""
    found = parse(page).find(".//*[@data-draft-banner]")
    if found is None:
        return None
    assert found.tag.endswith("aside") and found.get("aria-label")
    assert found.find(".//*[@role='status']") is not None
    return text_of(found)


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("bien-tap", "bt@example.vn", "secret-pass-123", is_staff=True)
    client.force_login(user)
    return client


def draft_session():
    return factories.SessionFactory(title_vi="Tọa đàm chưa công bố", title_en="Unannounced talk")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_draft_session_is_a_404_for_a_visitor_and_shows_the_draft_banner_to_staff(staff, language):
    session = draft_session()
    path = f"/{language}/programme/{session.slug}/"

    before = Client().get(path)
    as_staff = staff.get(path)
    after = Client().get(path)

    assert before.status_code == 404 and after.status_code == 404
    assert "Unannounced" not in after.content.decode() and "chưa công bố" not in after.content.decode()
    assert as_staff.status_code == 200
    banner = banner_of(as_staff)
    assert banner is not None and BANNER[language] in banner
    title = "Tọa đàm chưa công bố" if language == "vi" else "Unannounced talk"
    assert title in text_of(parse(as_staff).find(".//main"))
    cache_control = as_staff["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "X-Cache" not in as_staff
    assert parse(as_staff).find(".//meta[@name='robots']").get("content") == "noindex, nofollow"


def test_after_staff_viewed_a_draft_the_page_cache_still_answers_visitors_404(staff):
    session = draft_session()
    path = f"/en/programme/{session.slug}/"
    for _ in range(2):
        assert staff.get(path).status_code == 200
    for _ in range(2):
        visitor = Client().get(path)
        assert visitor.status_code == 404
        assert BANNER["en"] not in visitor.content.decode()


def test_a_visitor_with_an_account_that_is_not_staff_gets_a_404(client):
    member = get_user_model().objects.create_user("khach", "k@example.vn", "secret-pass-123", is_staff=False)
    client.force_login(member)

    assert client.get(f"/vi/programme/{draft_session().slug}/").status_code == 404


def test_with_a_second_factor_required_staff_not_verified_by_it_get_a_404(staff, settings):
    settings.TUDOI_REQUIRE_2FA = True

    assert staff.get(f"/en/programme/{draft_session().slug}/").status_code == 404


def test_staff_see_no_banner_on_a_published_page_and_visitors_get_it_from_the_cache_unchanged(staff):
    session = factories.SessionFactory(title_en="Open talk", published=True)
    path = f"/en/programme/{session.slug}/"
    first = Client().get(path)

    as_staff = staff.get(path)
    second = Client().get(path)

    assert as_staff.status_code == 200 and banner_of(as_staff) is None
    assert "no-store" in as_staff["Cache-Control"]
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content and banner_of(second) is None


def test_an_embargoed_release_says_when_it_becomes_public():
    moment = timezone.now() + datetime.timedelta(days=3)
    release = factories.PressReleaseFactory(title_en="Embargoed news", status="published", publish_at=moment)
    path = f"/en/press/{release.slug}/"
    staff = Client()
    staff.force_login(get_user_model().objects.create_user("bao-chi", is_staff=True))

    assert Client().get(path).status_code == 404
    banner = banner_of(staff.get(path))
    local = timezone.localtime(moment)
    assert BANNER["en"] in banner and f"public from {local:%d/%m/%Y %H:%M}" in banner


def _artwork_in_draft_exhibition():
    exhibition = factories.ExhibitionFactory()
    return factories.ArtworkFactory(exhibition=exhibition, published=True)


DRAFTS = {
    "unit": lambda: factories.CreativeUnitFactory(primary_sector=factories.SectorFactory(published=True)),
    "sector": lambda: factories.SectorFactory(),
    "speaker": lambda: factories.SpeakerFactory(),
    "release": lambda: factories.PressReleaseFactory(),
    "exhibition": lambda: factories.ExhibitionFactory(),
    "wall labels": lambda: factories.ExhibitionFactory(),
    "artist": lambda: factories.ArtistFactory(),
    "artwork": lambda: factories.ArtworkFactory(exhibition=factories.ExhibitionFactory(published=True)),
    "artwork of a draft exhibition": _artwork_in_draft_exhibition,
}


@pytest.mark.parametrize("kind", DRAFTS)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_kind_of_draft_page_is_previewed_by_staff_only(staff, kind, language):
    obj = DRAFTS[kind]()
    with translation.override(language):
        path = obj.get_absolute_url()
    if kind == "wall labels":
        path += "labels/"

    assert Client().get(path).status_code == 404
    response = staff.get(path)
    assert response.status_code == 200
    assert BANNER[language] in banner_of(response)
    assert "no-store" in response["Cache-Control"]
    assert Client().get(path).status_code == 404


def test_the_banner_links_to_the_admin_and_view_on_site_opens_the_draft(staff_client):
    session = draft_session()
    content_type = ContentType.objects.get_for_model(Session)

    view_on_site = staff_client.get(f"/admin/r/{content_type.pk}/{session.pk}/", follow=True)

    assert view_on_site.status_code == 200
    assert view_on_site.redirect_chain[-1][0].endswith(f"/programme/{session.slug}/")
    banner = parse(view_on_site).find(".//*[@data-draft-banner]")
    links = [a.get("href") for a in banner.iter() if a.tag.endswith("a")]
    assert links == [f"/admin/events/session/{session.pk}/change/"]
