"""JSON-LD as schema.org readers expect it: artworks name their `artist` and `artform` beside `creator`, sessions
carry an `image`, `isAccessibleForFree` and, when a seat must be booked, an `offers`; a release without a photo still
has an `image`."""

import datetime
import json
from zoneinfo import ZoneInfo

import html5lib
import pytest
from django.core.files.base import ContentFile

from core.models import Status
from exhibitions.models import Technique
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    ExhibitionFactory,
    PressReleaseFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.sitedata import png_bytes

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SITE = "http://testserver"
DEFAULT_IMAGE = f"{SITE}/static/img/og-image.png"
PUBLISHED = Status.PUBLISHED


def json_ld(response) -> dict:
    assert response.status_code == 200
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    (block,) = [json.loads(s.text) for s in document.iter("script") if s.get("type") == "application/ld+json"]
    return block


def og_image(response) -> str:
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    return next(m.get("content") for m in document.iter("meta") if m.get("property") == "og:image")


@pytest.fixture
def clock(monkeypatch):
    def set_to(value: str) -> None:
        monkeypatch.setenv("TUDOI_NOW", value)

    set_to("2026-01-05T10:00:00+07:00")
    return set_to


# Artworks


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "artform"), [("vi", "Minh họa kỹ thuật số"), ("en", "Digital illustration")])
def test_an_artwork_names_its_artists_and_its_artform(client, language, artform):
    exhibition = ExhibitionFactory(published=True)
    painters = [
        ArtistFactory(name="Lê Thị Hoa", published=True),
        ArtistFactory(name="Trần Văn Nam", published=True),
    ]
    work = ArtworkFactory(exhibition=exhibition, technique=Technique.DIGITAL, published=True, artists=painters)

    data = json_ld(client.get(f"/{language}/exhibitions/{exhibition.slug}/{work.slug}/"))

    people = [
        {"@type": "Person", "name": artist.name, "url": f"{SITE}/{language}/artists/{artist.slug}/"}
        for artist in painters
    ]
    assert data["@type"] == "VisualArtwork"
    assert data["artist"] == people == data["creator"]
    assert data["artform"] == artform


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("technique", "artform"),
    [(Technique.HAND, "Painting or drawing"), (Technique.MIXED, "Mixed media"), ("", None)],
)
def test_the_artform_follows_the_technique_and_is_left_out_when_unknown(client, technique, artform):
    exhibition = ExhibitionFactory(published=True)
    work = ArtworkFactory(
        exhibition=exhibition, technique=technique, status=PUBLISHED, artists=[ArtistFactory(published=True)]
    )

    data = json_ld(client.get(f"/en/exhibitions/{exhibition.slug}/{work.slug}/"))

    assert data.get("artform") == artform


# Sessions


def make_session(**fields):
    start = datetime.datetime(2026, 1, 10, 14, tzinfo=HANOI)
    return SessionFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2), published=True, **fields)


@pytest.mark.django_db
def test_an_open_entry_session_is_free_has_the_site_image_and_no_offer(client, clock):
    session = make_session(capacity=None)

    response = client.get(f"/en/programme/{session.slug}/")
    data = json_ld(response)

    assert data["isAccessibleForFree"] is True
    assert data["image"] == [DEFAULT_IMAGE]
    assert og_image(response) == DEFAULT_IMAGE
    assert "offers" not in data


@pytest.mark.django_db
def test_a_session_shows_its_own_picture(client, clock):
    session = make_session(capacity=None)
    session.image.save("xuong-in.png", ContentFile(png_bytes(size=(1600, 900))))

    response = client.get(f"/vi/programme/{session.slug}/")
    (image,) = json_ld(response)["image"]

    assert image.startswith(f"{SITE}/media/sessions/xuong-in")  # the picture or one of its renditions
    assert og_image(response) == image


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "taken", "availability"),
    [
        ("2025-12-20T10:00:00+07:00", 0, "https://schema.org/PreOrder"),
        ("2026-01-05T10:00:00+07:00", 1, "https://schema.org/InStock"),
        ("2026-01-05T10:00:00+07:00", 2, "https://schema.org/SoldOut"),
        ("2026-01-10T17:00:00+07:00", 0, "https://schema.org/Discontinued"),
    ],
    ids=["not-open", "seats-left", "full", "over"],
)
def test_a_session_with_registration_offers_a_free_seat(client, clock, now, taken, availability):
    session = make_session(
        capacity=2,
        registration_opens_at=datetime.datetime(2026, 1, 1, 8, tzinfo=HANOI),
        registration_closes_at=datetime.datetime(2026, 1, 10, 12, tzinfo=HANOI),
    )
    RegistrationFactory.create_batch(taken, session=session)
    clock(now)

    data = json_ld(client.get(f"/vi/programme/{session.slug}/"))

    assert data["isAccessibleForFree"] is True
    assert data["offers"] == {
        "@type": "Offer",
        "url": f"{SITE}/vi/programme/{session.slug}/",
        "availability": availability,
        "price": "0",
        "priceCurrency": "VND",
        "validFrom": "2026-01-01T08:00:00+07:00",
        "validThrough": "2026-01-10T12:00:00+07:00",
    }


@pytest.mark.django_db
def test_a_session_at_a_venue_with_paid_entry_is_not_said_to_be_free(client, clock):
    session = make_session(capacity=5)
    session.venue.free_entry = False
    session.venue.save()

    data = json_ld(client.get(f"/en/programme/{session.slug}/"))

    assert data["isAccessibleForFree"] is False
    assert "price" not in data["offers"]


# Press releases


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_release_without_a_photo_still_has_an_image(client, language):
    release = PressReleaseFactory(published=True)
    assert not release.image

    response = client.get(f"/{language}/press/{release.slug}/")

    assert json_ld(response)["image"] == [DEFAULT_IMAGE]
    assert og_image(response) == DEFAULT_IMAGE


@pytest.mark.django_db
def test_a_release_with_a_photo_shows_it(client):
    release = PressReleaseFactory(published=True)
    release.image.save("khai-mac.png", ContentFile(png_bytes(size=(1600, 900))))

    (image,) = json_ld(client.get(f"/en/press/{release.slug}/"))["image"]

    assert image.startswith(f"{SITE}/media/") and image != DEFAULT_IMAGE
