"""Each public record builds its own schema.org JSON-LD (`structured_data()` on its model), called here directly on
factory-made records, outside any request: addresses start with the site's address, texts follow the active
language, and only what is public is named."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.db.models import Prefetch
from django.utils import timezone, translation

from events.models import OFFER_AVAILABILITY, Session, Speaker
from events.registration import State, registration_state
from exhibitions.models import Technique
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    CreativeUnitFactory,
    ExhibitionFactory,
    PressReleaseFactory,
    SessionChangeFactory,
    SessionFactory,
    SpeakerFactory,
    VenueFactory,
)
from tests.sitedata import png_bytes

SITE = "https://tudoi.example.vn"
DEFAULT_IMAGE = f"{SITE}/static/img/og-image.png"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
ORGANISER = [("vi", "Sở Văn hóa và Thể thao Hà Nội"), ("en", "Hanoi Department of Culture and Sports")]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def in_language(language: str, method, *args, **kwargs) -> dict:
    with translation.override(language):
        return method(*args, **kwargs)


# Sessions


def make_session(**fields) -> Session:
    start = datetime.datetime(2026, 1, 10, 14, tzinfo=HANOI)
    venue = VenueFactory(published=True, latitude=Decimal("21.028511"), longitude=Decimal("105.852020"))
    return SessionFactory(
        starts_at=start, ends_at=start + datetime.timedelta(hours=2), venue=venue, published=True, **fields
    )


@pytest.mark.parametrize(("language", "organiser"), ORGANISER, ids=["vi", "en"])
def test_a_session_is_an_event_at_its_venue_with_its_public_speakers(monkeypatch, language, organiser):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")
    session = make_session(
        capacity=20,
        registration_opens_at=datetime.datetime(2026, 1, 1, 8, tzinfo=HANOI),
        speakers=[SpeakerFactory(name="Nguyễn Lan", published=True), SpeakerFactory(name="Bản nháp")],
    )

    data = in_language(language, session.structured_data)

    url = f"{SITE}/{language}/programme/{session.slug}/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == (session.title_vi if language == "vi" else session.title_en)
    assert data["url"] == url
    assert data["startDate"] == "2026-01-10T14:00:00+07:00"
    assert data["endDate"] == "2026-01-10T16:00:00+07:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["image"] == [DEFAULT_IMAGE]
    assert data["organizer"] == {"@type": "Organization", "name": organiser}
    assert data["performer"] == [{"@type": "Person", "name": "Nguyễn Lan"}]  # the draft speaker is not named
    assert data["location"]["@type"] == "Place"
    assert data["location"]["url"] == f"{SITE}/{language}/visit/#{session.venue.slug}"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 21.028511, "longitude": 105.85202}
    assert data["offers"] == {
        "@type": "Offer",
        "url": url,
        "availability": "https://schema.org/InStock",
        "price": "0",
        "priceCurrency": "VND",
        "validFrom": "2026-01-01T08:00:00+07:00",
        "validThrough": "2026-01-10T14:00:00+07:00",  # registration closes when the session starts
    }


def test_a_cancelled_session_and_a_moved_one_say_so():
    cancelled = make_session(is_cancelled=True)
    moved = make_session()
    change = SessionChangeFactory(session=moved)

    assert cancelled.structured_data()["eventStatus"] == "https://schema.org/EventCancelled"
    data = moved.structured_data(change)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2026-01-10T12:00:00+07:00"
    assert "offers" not in data  # open entry: nothing to book


def test_every_registration_state_with_a_form_has_an_offer_availability():
    codes = {value for name, value in vars(State).items() if name.isupper()} - {State.NONE}
    assert set(OFFER_AVAILABILITY) == codes


def test_a_session_page_builds_its_event_without_a_query(django_assert_num_queries):
    session = make_session(capacity=5, speakers=[SpeakerFactory(published=True)])
    session = (
        Session.objects.published()
        .select_related("venue")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.published()))
        .get(pk=session.pk)
    )
    state = registration_state(session, seats_taken=0)

    with django_assert_num_queries(0):
        data = session.structured_data(state=state)

    assert len(data["performer"]) == 1


# Speakers


@pytest.mark.parametrize(("language", "job"), [("vi", "Nhà thiết kế"), ("en", "Designer")])
def test_a_speaker_is_a_person_performing_in_their_public_sessions(language, job):
    speaker = SpeakerFactory(
        name="Trần Mai",
        organisation_vi="Xưởng Gốm",
        organisation_en="Xưởng Gốm",
        bio_vi="Làm gốm." * 100,
        bio_en="Ceramics." * 100,
        published=True,
    )
    talk = make_session()
    talk.speakers.add(speaker)
    SessionFactory().speakers.add(speaker)  # a draft session

    data = in_language(language, speaker.structured_data)

    assert data["@type"] == "Person"
    assert data["name"] == "Trần Mai"
    assert data["url"] == f"{SITE}/{language}/speakers/{speaker.slug}/"
    assert data["jobTitle"] == job
    assert data["worksFor"] == {"@type": "Organization", "name": "Xưởng Gốm"}
    assert len(data["description"]) == 300
    assert "image" not in data  # no photo
    assert data["performerIn"] == [
        {
            "@type": "Event",
            "name": talk.title_vi if language == "vi" else talk.title_en,
            "startDate": "2026-01-10T14:00:00+07:00",
            "url": f"{SITE}/{language}/programme/{talk.slug}/",
        }
    ]


# Creative units


@pytest.mark.parametrize(("language", "region"), [("vi", "Hà Nội"), ("en", "Hanoi")])
def test_a_unit_is_an_organisation_with_only_its_public_contacts(language, region):
    unit = CreativeUnitFactory(
        published=True,
        address="12 Hàng Gai",
        district="Hoàn Kiếm",
        website="https://gom.example.vn",
        instagram="https://instagram.com/gom",
        public_email="xin-chao@gom.example.vn",
        contact_email="rieng@gom.example.vn",
    )

    data = in_language(language, unit.structured_data)

    assert data["@type"] == "Organization"
    assert data["url"] == f"{SITE}/{language}/exhibitors/{unit.slug}/"
    assert data["description"] == ("Gốm thủ công." if language == "vi" else "Handmade ceramics.")
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressRegion": region,
        "addressCountry": "VN",
        "streetAddress": "12 Hàng Gai",
        "addressLocality": "Hoàn Kiếm",
    }
    assert data["sameAs"] == ["https://gom.example.vn", "https://instagram.com/gom"]
    assert data["email"] == "xin-chao@gom.example.vn"
    assert "rieng@gom.example.vn" not in str(data)  # the private contact for meetings is never published
    assert "logo" not in data and "telephone" not in data


def test_a_unit_with_a_logo_shows_it():
    unit = CreativeUnitFactory(published=True)
    unit.logo.save("logo.png", ContentFile(png_bytes(size=(400, 400))))

    assert unit.structured_data()["logo"].startswith(f"{SITE}/media/")


# The exhibition, its works and its artists


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_exhibition_is_an_exhibition_event_with_its_organisers_and_supporters(language):
    names = "Sở Văn hóa; Tạp chí Kiến trúc\nNhóm Phố"
    exhibition = ExhibitionFactory(published=True, organisers_vi=names, organisers_en=names)

    data = in_language(language, exhibition.structured_data)

    assert data["@type"] == "ExhibitionEvent"
    assert data["name"] == (exhibition.title_vi if language == "vi" else exhibition.title_en)
    assert data["url"] == f"{SITE}/{language}/exhibitions/{exhibition.slug}/"
    assert (data["startDate"], data["endDate"]) == ("2026-01-10", "2026-01-11")
    assert data["location"]["name"] == (exhibition.venue.name_vi if language == "vi" else exhibition.venue.name_en)
    assert [organiser["name"] for organiser in data["organizer"]] == ["Sở Văn hóa", "Tạp chí Kiến trúc", "Nhóm Phố"]
    assert "sponsor" not in data
    assert "image" not in data  # no picture of its own and no work yet


def test_an_exhibition_without_a_picture_shows_its_first_public_work():
    exhibition = ExhibitionFactory(published=True)
    work = ArtworkFactory(exhibition=exhibition, published=True)
    work.image.save("tranh.png", ContentFile(png_bytes(size=(800, 800))))

    image = exhibition.structured_data()["image"]

    assert image.startswith(f"{SITE}/media/") and "tranh" in image
    assert "image" not in exhibition.structured_data(image="")  # the page passes its share image, even none


@pytest.mark.parametrize(("language", "artform"), [("vi", "Minh họa kỹ thuật số"), ("en", "Digital illustration")])
def test_a_work_is_a_visual_artwork_by_its_public_artists(language, artform):
    painter = ArtistFactory(name="Lê Hoa", published=True)
    work = ArtworkFactory(
        published=True,
        technique=Technique.DIGITAL,
        year=2025,
        width_cm=Decimal("40.0"),
        height_cm=Decimal("60.5"),
        artists=[painter, ArtistFactory(name="Chưa công bố")],
    )

    data = in_language(language, work.structured_data)

    person = {"@type": "Person", "name": "Lê Hoa", "url": f"{SITE}/{language}/artists/{painter.slug}/"}
    assert data["@type"] == "VisualArtwork"
    assert data["url"] == f"{SITE}/{language}/exhibitions/{work.exhibition.slug}/{work.slug}/"
    assert data["position"] == work.catalogue_number
    assert data["creator"] == data["artist"] == [person]  # the unpublished artist is not named
    assert data["artform"] == artform
    assert data["dateCreated"] == "2025"
    assert data["width"] == {"@type": "QuantitativeValue", "value": 40.0, "unitCode": "CMT", "unitText": "cm"}
    assert data["height"]["value"] == 60.5
    assert data["isPartOf"]["url"] == f"{SITE}/{language}/exhibitions/{work.exhibition.slug}/"
    assert "image" not in data and "creditText" not in data  # left out when empty


def test_an_artist_is_a_person():
    artist = ArtistFactory(
        published=True,
        bio_vi="Vẽ phố cổ.",
        bio_en="Paints the old quarter.",
        birth_year=1990,
        website="https://hoa.example.vn",
    )

    data = in_language("en", artist.structured_data)

    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": artist.name,
        "url": f"{SITE}/en/artists/{artist.slug}/",
        "description": "Paints the old quarter.",
        "birthDate": "1990",
        "sameAs": "https://hoa.example.vn",
    }


# Press releases


@pytest.mark.parametrize(("language", "organiser"), ORGANISER, ids=["vi", "en"])
def test_a_release_is_a_news_article_with_the_site_image(language, organiser):
    release = PressReleaseFactory(published=True, title_vi="Khai mạc " * 20, title_en="Opening " * 20)  # ≤ 250

    data = in_language(language, release.structured_data)

    url = f"{SITE}/{language}/press/{release.slug}/"
    author = {"@type": "Organization", "name": organiser, "url": f"{SITE}/"}
    assert data["@type"] == "NewsArticle"
    assert len(data["headline"]) == 110
    assert data["inLanguage"] == language
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["author"] == author
    assert data["publisher"] == {**author, "logo": {"@type": "ImageObject", "url": DEFAULT_IMAGE}}
    assert data["image"] == [DEFAULT_IMAGE]
    assert data["datePublished"] == timezone.localtime(release.dated).isoformat()
    assert data["dateModified"] >= data["datePublished"]
