"""The open data API under /api/v1/: its OpenAPI description is valid and the real answers match it; records in both
languages; filters and pagination; 400 for values not understood; ETag/304, Cache-Control, CORS, read-only; CSV."""

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi
from PIL import Image
from referencing import Registry
from referencing import Resource as SchemaResource
from referencing.jsonschema import DRAFT202012

from core.models import Status
from events.models import DeliveryLanguage, Session, SessionKind, Speaker
from exhibitions.models import Artist, Artwork, Exhibition, Region, Technique
from exhibitors.models import CreativeUnit, Partner, PriceBand, Product, Sector, UnitKind
from press.models import PressRelease
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    CreativeUnitFactory,
    ExhibitionFactory,
    PartnerFactory,
    PressReleaseFactory,
    ProductFactory,
    SectorFactory,
    SessionFactory,
    SpeakerFactory,
    VenueFactory,
)
from tests.sitedata import png_bytes

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SITE = "http://127.0.0.1:8000"
PUBLISHED = Status.PUBLISHED
RESOURCES = [
    "sectors",
    "units",
    "products",
    "venues",
    "sessions",
    "speakers",
    "exhibitions",
    "artworks",
    "artists",
    "partners",
    "releases",
]


pytestmark = pytest.mark.usefixtures("site_url")


def make_data(scale: int = 1) -> dict:
    """`scale` published records of every kind, with their relations, plus one draft of each kind."""
    crafts = SectorFactory(name_vi="Thủ công mỹ nghệ", name_en="Handicrafts", published=True)
    design = SectorFactory(name_vi="Thiết kế", name_en="Design", published=True)
    venue = VenueFactory(
        name_vi="Nhà Bát Giác", name_en="Octagonal House", latitude="21.0275", longitude="105.8539", status=PUBLISHED
    )
    hall = VenueFactory(name_vi="Phố Lê Thạch", name_en="Le Thach street", published=True)
    exhibition = ExhibitionFactory(title_vi="Chất Địa Phương", title_en="Local Essence", venue=venue, published=True)
    units, sessions, works = [], [], []
    for i in range(scale):
        unit = CreativeUnitFactory(
            name_vi=f"Xưởng gốm Bát Tràng {i}",
            name_en=f"Bat Trang pottery {i}",
            kind=UnitKind.CRAFT_VILLAGE if i % 2 else UnitKind.DESIGN_BRAND,
            primary_sector=crafts,
            sectors=[design] if i % 2 else [],
            wholesale=bool(i % 2),
            export=i == 0,
            price_band=PriceBand.MID if i % 2 else "",
            short_description_vi="Gốm men lam vẽ tay." if i == 1 else "Gốm thủ công.",
            status=PUBLISHED,
        )
        units.append(unit)
        ProductFactory(unit=unit, name_vi=f"Bình gốm {i}", name_en=f"Ceramic vase {i}", published=True)
        speaker = SpeakerFactory(published=True)
        session = SessionFactory(
            title_vi=f"Tọa đàm kinh tế sáng tạo {i}",
            title_en=f"Creative economy talk {i}",
            kind=SessionKind.FORUM if i % 2 else SessionKind.WORKSHOP,
            starts_at=datetime(2026, 1, 10 + i % 2, 9, 0, tzinfo=HANOI) + timedelta(minutes=i),
            ends_at=datetime(2026, 1, 10 + i % 2, 10, 0, tzinfo=HANOI) + timedelta(minutes=i),
            venue=venue if i % 2 else hall,
            language=DeliveryLanguage.EN if i % 2 else DeliveryLanguage.VI,
            capacity=30 if i % 2 else None,
            speakers=[speaker],
            status=PUBLISHED,
        )
        session.sectors.set([design] if i % 2 else [crafts])
        session.host_units.set([unit])
        sessions.append(session)
        artist = ArtistFactory(published=True)
        works.append(
            ArtworkFactory(
                exhibition=exhibition,
                title_vi=f"Chợ phiên {i}",
                title_en=f"Market day {i}",
                region=Region.HIGHLANDS if i % 2 else Region.CITY,
                technique=Technique.DIGITAL if i % 2 else "",
                width_cm="42.0",
                height_cm="59.4",
                artists=[artist],
                status=PUBLISHED,
            )
        )
        PartnerFactory(published=True)
        PressReleaseFactory(
            status=PUBLISHED,
            publish_at=datetime(2025, 12, 1, 9, 0, tzinfo=HANOI) + timedelta(days=i),
            contact__status=PUBLISHED,
        )
    # One draft of each kind: never in the API.
    draft_unit = CreativeUnitFactory(name_vi="Đơn vị nháp", name_en="Draft unit", primary_sector=crafts)
    ProductFactory(unit=units[0], name_vi="Sản phẩm nháp", name_en="Draft product")
    ProductFactory(unit=draft_unit, name_vi="Sản phẩm của đơn vị nháp", published=True)
    SessionFactory(title_vi="Phiên nháp", title_en="Draft session", venue=venue)
    SectorFactory(name_vi="Ngành nháp")
    VenueFactory(name_vi="Địa điểm nháp")
    SpeakerFactory(name="Diễn giả nháp")
    ArtworkFactory(exhibition=exhibition, title_vi="Tác phẩm nháp", title_en="Draft work")
    ExhibitionFactory(title_vi="Triển lãm nháp", venue=venue)
    ArtistFactory(name="Họa sĩ nháp")
    PartnerFactory(name_vi="Đối tác nháp")
    PressReleaseFactory(title_vi="Thông cáo nháp")
    return {
        "sectors": (crafts, design),
        "venues": (venue, hall),
        "exhibition": exhibition,
        "units": units,
        "sessions": sessions,
        "works": works,
        "draft_unit": draft_unit,
    }


def every_record(client, resource: str, query: str = "") -> list[dict]:
    """All records of a list, following `next` links."""
    records, url = [], f"/api/v1/{resource}/?limit=7{'&' + query if query else ''}"
    while url:
        response = client.get(url.removeprefix(SITE))
        assert response.status_code == 200, response.content
        data = response.json()
        records += data["results"]
        url = data["next"]
    return records


def slugs(client, resource: str, query: str = "") -> set[str]:
    return {record.get("slug", record.get("id")) for record in every_record(client, resource, query)}


# --- The OpenAPI description and the answers matching it ---------------------------------------------------------


def response_validator(document: dict, path: str, status: str = "200") -> Draft202012Validator:
    """A validator for the JSON schema the document gives to `path`'s answer."""
    schema = document["paths"][path]["get"]["responses"][status]
    if "$ref" in schema:
        schema = document["components"]["responses"][schema["$ref"].rsplit("/", 1)[1]]
    (schema,) = (content["schema"] for content in schema["content"].values())
    registry = Registry().with_resource(
        "urn:tudoi:openapi", SchemaResource.from_contents(document, default_specification=DRAFT202012)
    )
    ref = schema.get("$ref")
    root = {"$ref": f"urn:tudoi:openapi{ref}"} if ref else schema
    return Draft202012Validator(root, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.django_db
def test_openapi_document_is_valid_and_describes_every_endpoint(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    validate_openapi(document)  # raises when the document is not valid OpenAPI 3.1
    assert client.get("/api/v1/openapi.json").json() == document
    assert document["openapi"].startswith("3.1")
    assert document["servers"] == [{"url": f"{SITE}/api/v1"}]
    for resource in RESOURCES:
        assert f"/{resource}/" in document["paths"]
        lookup = "{id}" if resource == "products" else "{slug}"
        assert f"/{resource}/{lookup}/" in document["paths"]
    assert "/units.csv" in document["paths"] and "/sessions.csv" in document["paths"]
    parameters = {
        parameter["name"] for parameter in document["paths"]["/units/"]["get"]["parameters"] if "name" in parameter
    }
    assert {"sector", "kind", "in_network", "commerce_ready", "wholesale", "export", "custom_orders", "q"} <= parameters
    session_parameters = {p.get("name") for p in document["paths"]["/sessions/"]["get"]["parameters"]}
    assert {"day", "venue", "type", "sector", "language"} <= session_parameters
    artwork_parameters = {p.get("name") for p in document["paths"]["/artworks/"]["get"]["parameters"]}
    assert {"exhibition", "region", "technique"} <= artwork_parameters


@pytest.mark.django_db
def test_every_answer_of_the_demo_data_matches_the_openapi_document(client, demo_content):
    document = client.get("/api/v1/").json()

    for resource in RESOURCES:
        lister = response_validator(document, f"/{resource}/")
        url = f"/api/v1/{resource}/?limit=200"
        records = []
        while url:
            data = client.get(url.removeprefix(SITE)).json()
            lister.validate(data)
            records += data["results"]
            url = data["next"]
        assert records, resource
        lookup = "id" if resource == "products" else "slug"
        detail = response_validator(document, f"/{resource}/{{{lookup}}}/")
        for record in records[:5]:
            answer = client.get(record["api_url"].removeprefix(SITE))
            assert answer.status_code == 200
            detail.validate(answer.json())
            assert answer.json() == record

    errors = response_validator(document, "/units/", "400")
    errors.validate(client.get("/api/v1/units/?kind=spaceship").json())
    not_found = response_validator(document, "/units/{slug}/", "404")
    not_found.validate(client.get("/api/v1/units/khong-co/").json())


@pytest.mark.django_db
def test_records_carry_both_languages_links_and_relations(client):
    site = make_data(2)
    unit = site["units"][1]
    session = site["sessions"][1]

    record = client.get(f"/api/v1/units/{unit.slug}/").json()
    assert record["name"] == {"vi": "Xưởng gốm Bát Tràng 1", "en": "Bat Trang pottery 1"}
    assert record["kind"] == "village"
    assert record["kind_label"] == {"vi": "Làng nghề", "en": "Craft village"}
    assert record["primary_sector"] == site["sectors"][0].slug
    assert record["sectors"] == [site["sectors"][1].slug]
    assert record["page_url"] == {
        "vi": f"{SITE}/vi/exhibitors/{unit.slug}/",
        "en": f"{SITE}/en/exhibitors/{unit.slug}/",
    }
    assert record["api_url"] == f"{SITE}/api/v1/units/{unit.slug}/"
    assert "contact_email" not in record and "code" not in record

    record = client.get(f"/api/v1/sessions/{session.slug}/").json()
    assert record["title"] == {"vi": "Tọa đàm kinh tế sáng tạo 1", "en": "Creative economy talk 1"}
    assert record["starts_at"] == "2026-01-11T09:01:00+07:00"
    assert record["venue"] == site["venues"][0].slug
    assert record["host_units"] == [unit.slug]
    assert record["speakers"] == [session.speakers.get().slug]
    assert record["capacity"] == 30
    assert record["type_label"]["en"] == "Talk or forum"

    record = client.get(f"/api/v1/artworks/{site['works'][0].slug}/").json()
    assert record["exhibition"] == site["exhibition"].slug
    assert record["page_url"]["en"] == f"{SITE}/en/exhibitions/{site['exhibition'].slug}/{site['works'][0].slug}/"
    assert record["width_cm"] == 42.0

    venue = client.get(f"/api/v1/venues/{site['venues'][0].slug}/").json()
    assert venue["latitude"] == 21.0275 and venue["page_url"]["vi"] == f"{SITE}/vi/visit/#{site['venues'][0].slug}"

    # A text not written in English is null there, not the Vietnamese text again.
    Sector.objects.filter(pk=site["sectors"][0].pk).update(description_en="")
    assert client.get(f"/api/v1/sectors/{site['sectors'][0].slug}/").json()["description"]["en"] is None


@pytest.mark.django_db
def test_drafts_never_appear(client):
    site = make_data(2)

    assert len(slugs(client, "units")) == 2
    assert client.get(f"/api/v1/units/{site['draft_unit'].slug}/").status_code == 404
    names = {record["name"]["vi"] for record in every_record(client, "products")}
    assert names == {"Bình gốm 0", "Bình gốm 1"}  # not the draft, nor the product of a draft unit
    assert len(slugs(client, "sessions")) == 2
    assert len(slugs(client, "sectors")) == 2
    assert len(slugs(client, "venues")) == 2
    assert len(slugs(client, "speakers")) == 2
    assert len(slugs(client, "exhibitions")) == 1
    assert len(slugs(client, "artworks")) == 2
    assert len(slugs(client, "artists")) == 2
    assert len(slugs(client, "partners")) == 2
    assert len(slugs(client, "releases")) == 2


# --- Filters and pagination ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unit_filters_narrow_like_the_directory(client):
    site = make_data(4)
    crafts, design = site["sectors"]
    units = site["units"]
    everyone = {unit.slug for unit in units}

    assert slugs(client, "units") == everyone
    assert slugs(client, "units", f"sector={crafts.slug}") == everyone
    assert slugs(client, "units", f"sector={design.slug}") == {units[1].slug, units[3].slug}
    assert slugs(client, "units", "kind=village") == {units[1].slug, units[3].slug}
    assert slugs(client, "units", "wholesale=true") == {units[1].slug, units[3].slug}
    assert slugs(client, "units", "wholesale=false") == {units[0].slug, units[2].slug}
    assert slugs(client, "units", "export=1") == {units[0].slug}
    assert slugs(client, "units", "in_network=true") == set()
    assert slugs(client, "units", "commerce_ready=false&custom_orders=no") == everyone
    assert slugs(client, "units", "kind=brand&wholesale=true") == set()
    assert slugs(client, "units", "q=men+lam") == {units[1].slug}
    assert slugs(client, "units", "q=BÁT TRÀNG") == everyone  # folded Vietnamese
    assert slugs(client, "units", "sector=&kind=") == everyone  # empty fields of a form: no filter


@pytest.mark.django_db
def test_session_and_artwork_filters_narrow_like_the_public_pages(client):
    site = make_data(4)
    crafts, design = site["sectors"]
    venue, hall = site["venues"]
    sessions, works = site["sessions"], site["works"]
    odd = {sessions[1].slug, sessions[3].slug}
    even = {sessions[0].slug, sessions[2].slug}

    assert slugs(client, "sessions", "day=2026-01-11") == odd
    assert slugs(client, "sessions", "day=2026-01-10") == even
    assert slugs(client, "sessions", "day=2026-01-12") == set()
    assert slugs(client, "sessions", f"venue={venue.slug}") == odd
    assert slugs(client, "sessions", f"venue={hall.slug}") == even
    assert slugs(client, "sessions", "type=forum") == odd
    assert slugs(client, "sessions", f"sector={crafts.slug}") == even
    assert slugs(client, "sessions", "language=en") == odd
    assert slugs(client, "sessions", f"language=vi&sector={design.slug}") == set()

    exhibition = site["exhibition"]
    everything = {work.slug for work in works}
    assert slugs(client, "artworks", f"exhibition={exhibition.slug}") == everything
    assert slugs(client, "artworks", "region=highlands") == {works[1].slug, works[3].slug}
    assert slugs(client, "artworks", "technique=digital&region=highlands") == {works[1].slug, works[3].slug}
    assert slugs(client, "artworks", "technique=hand") == set()

    product_unit = site["units"][2]
    assert [p["unit"] for p in every_record(client, "products", f"unit={product_unit.slug}")] == [product_unit.slug]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("/api/v1/units/?sector=%00%27;drop", "sector"),
        ("/api/v1/units/?sector=crafts%0A", "sector"),
        ("/api/v1/units/?sector=+", "sector"),
        ("/api/v1/units/?wholesale=+true", "wholesale"),
        ("/api/v1/units/?q=" + "g" * 201, "q"),
        ("/api/v1/units/?limit=%D9%A1", "limit"),
        ("/api/v1/units/?offset=1000000000", "offset"),
        ("/api/v1/units/?kind=spaceship", "kind"),
        ("/api/v1/units/?wholesale=maybe", "wholesale"),
        ("/api/v1/units/?kind=brand&kind=village", "kind"),
        ("/api/v1/units/?limit=abc", "limit"),
        ("/api/v1/units/?limit=0", "limit"),
        ("/api/v1/units/?limit=100000", "limit"),
        ("/api/v1/units/?offset=-1", "offset"),
        ("/api/v1/units/?offset=" + "9" * 400, "offset"),
        ("/api/v1/sessions/?day=2026-02-30", "day"),
        ("/api/v1/sessions/?day=tomorrow", "day"),
        ("/api/v1/sessions/?venue=" + "x" * 5000, "venue"),
        ("/api/v1/sessions/?type=party", "type"),
        ("/api/v1/sessions/?language=fr", "language"),
        ("/api/v1/artworks/?region=moon", "region"),
        ("/api/v1/artworks/?technique=%F0%9F%8E%A8", "technique"),
        ("/api/v1/units.csv?kind=spaceship", "kind"),
    ],
)
def test_a_value_not_understood_answers_400_with_a_problem(client, query, parameter):
    make_data(1)

    response = client.get(query, headers={"accept-language": "en"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    data = response.json()
    assert (data["type"], data["title"], data["status"]) == ("about:blank", "Bad Request", 400)
    assert data["parameter"] == parameter
    assert len(data["detail"]) > 10
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/units/?sector=khong-co",
        "/api/v1/units/?q=!!!",
        "/api/v1/sessions/?sector=ngan-nhap",
        "/api/v1/sessions/?venue=" + "x" * 100,
        "/api/v1/artworks/?exhibition=trien-lam-nhap",
        "/api/v1/products/?unit=don-vi-nhap",
    ],
)
def test_a_well_formed_value_that_names_nothing_answers_an_empty_list(client, query):
    """A slug no published record has (unknown, or a draft's) is a fair question whose answer is empty."""
    make_data(1)

    response = client.get(query)

    assert response.status_code == 200
    assert response.json()["count"] == 0 and response.json()["results"] == []


@pytest.mark.django_db
def test_error_messages_speak_the_language_asked_for(client):
    english = client.get("/api/v1/sessions/?day=soon", headers={"accept-language": "en"}).json()["detail"]
    vietnamese = client.get("/api/v1/sessions/?day=soon", headers={"accept-language": "vi"}).json()["detail"]

    assert english == "Give a date as YYYY-MM-DD, for example 2026-01-10."
    assert vietnamese == "Hãy nhập ngày theo dạng YYYY-MM-DD, ví dụ 2026-01-10."


@pytest.mark.django_db
def test_unknown_lists_and_records_answer_404_in_json(client):
    for path in ["/api/v1/spaceships/", "/api/v1/units/khong-co/", "/api/v1/products/abc/", "/api/v1/a/b/c/"]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404
    assert client.get("/api/v1/speakers.csv").status_code == 404  # CSV only for units and sessions


@pytest.mark.django_db
def test_pages_link_to_each_other_and_cover_every_record_once(client):
    make_data(5)

    first = client.get("/api/v1/units/?limit=2&kind=brand").json()
    assert first["count"] == 3 and first["limit"] == 2 and first["offset"] == 0
    assert first["previous"] is None
    assert first["next"] == f"{SITE}/api/v1/units/?kind=brand&limit=2&offset=2"
    second = client.get(first["next"].removeprefix(SITE)).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert second["previous"] == f"{SITE}/api/v1/units/?kind=brand&limit=2&offset=0"
    assert client.get("/api/v1/units/?offset=50").json()["results"] == []

    records = every_record(client, "sessions")
    assert len(records) == len({record["id"] for record in records}) == 5
    assert [record["starts_at"] for record in records] == sorted(record["starts_at"] for record in records)


@pytest.mark.django_db
@pytest.mark.parametrize("resource", RESOURCES)
def test_each_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, resource):
    def count(limit: int, query: str = "") -> int:
        with django_assert_max_num_queries(12) as captured:
            response = client.get(f"/api/v1/{resource}/?limit={limit}{query}")
        assert response.status_code == 200
        return len(captured.captured_queries)

    make_data(1)
    small = count(5)
    make_data(12)
    assert count(5) == small
    assert count(200) == small

    filters = {
        "units": f"&sector={Sector.objects.published().first().slug}&kind=brand&wholesale=true&q=gom",
        "sessions": f"&day=2026-01-10&venue={Session.objects.published().first().venue.slug}&type=forum&language=vi"
        f"&sector={Sector.objects.published().first().slug}",
        "artworks": f"&exhibition={Exhibition.objects.published().first().slug}&region=city&technique=digital",
    }
    if resource in filters:
        count(200, filters[resource])


# --- HTTP: caching, CORS, methods, cookies ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/units/", "/api/v1/sessions.csv", "/api/v1/sectors/{slug}/"])
def test_an_unchanged_resource_answers_304_to_if_none_match(client, path):
    site = make_data(1)
    path = path.format(slug=site["sectors"][0].slug)

    first = client.get(path)
    etag = first["ETag"]
    assert first.status_code == 200
    assert etag.startswith('W/"')
    assert first["Cache-Control"] == "public, max-age=300, s-maxage=60, stale-while-revalidate=60"

    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == "public, max-age=300, s-maxage=60, stale-while-revalidate=60"
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(path, headers={"if-none-match": f'"other", {etag}'}).status_code == 304
    assert client.get(path, headers={"if-none-match": '"something-else"'}).status_code == 200


@pytest.mark.django_db
def test_a_changed_resource_gets_a_new_etag(client):
    site = make_data(1)
    sector = site["sectors"][0]
    path = f"/api/v1/sectors/{sector.slug}/"
    etag = client.get(path)["ETag"]

    sector.name_en = "Crafts"
    sector.save()
    response = client.get(path, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["name"]["en"] == "Crafts"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/units/", "/api/v1/units.csv", "/api/v1/units/khong-co/"])
def test_cors_and_cache_headers_on_every_answer_and_no_cookies(client, path):
    make_data(1)

    for method in (client.get, client.head):
        response = method(path)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
        assert response["Cache-Control"].startswith("public, max-age=")
        assert response.has_header("ETag")
        assert not response.cookies
        assert "Set-Cookie" not in response.headers

    head = client.head(path)
    assert head.content == b""

    preflight = client.options(
        path,
        headers={"origin": "https://partner.example.org", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/units/", "/api/v1/units.csv", "/api/v1/sessions/x/"])
def test_only_reading_is_allowed(client, method, path):
    response = getattr(client, method)(path, data="{}", content_type="application/json")

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Method Not Allowed"
    assert response["Access-Control-Allow-Origin"] == "*"


# --- CSV ----------------------------------------------------------------------------------------------------------


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_csv_downloads_hold_every_published_record_in_both_languages(client, demo_content):

    units = read_csv(client.get("/api/v1/units.csv"))
    published = CreativeUnit.objects.published()
    assert {row["slug"] for row in units} == set(published.values_list("slug", flat=True))
    assert len(units) == published.count()
    row = next(row for row in units if row["slug"] == published.first().slug)
    assert row["name_vi"] == published.first().name_vi
    assert row["name_en"] == (published.first().name_en or "")
    assert {"kind_label_vi", "kind_label_en", "page_url_vi", "page_url_en", "in_network"} <= set(row)
    assert row["page_url_en"].startswith(f"{SITE}/en/exhibitors/")

    sessions = read_csv(client.get("/api/v1/sessions.csv"))
    published = Session.objects.published()
    assert {row["slug"] for row in sessions} == set(published.values_list("slug", flat=True))
    assert {"title_vi", "title_en", "starts_at", "venue", "type", "language"} <= set(sessions[0])
    assert "attachment" in client.get("/api/v1/sessions.csv")["Content-Disposition"]

    forums = read_csv(client.get("/api/v1/sessions.csv?type=forum"))
    assert {row["type"] for row in forums} == {"forum"}
    assert len(forums) == published.filter(kind="forum").count()


@pytest.mark.django_db
def test_csv_cells_cannot_run_as_spreadsheet_formulas(client):
    sector = SectorFactory(published=True)
    CreativeUnitFactory(
        name_vi='=HYPERLINK("http://evil.example","bấm")',
        name_en="+cmd|' /C calc'!A0",
        short_description_vi="@SUM(1+1)",
        short_description_en="-2+3",
        primary_sector=sector,
        status=PUBLISHED,
    )

    (row,) = read_csv(client.get("/api/v1/units.csv"))

    assert row["name_vi"] == '\'=HYPERLINK("http://evil.example","bấm")'
    assert row["name_en"] == "'+cmd|' /C calc'!A0"
    assert row["short_description_vi"] == "'@SUM(1+1)"
    assert row["short_description_en"] == "'-2+3"
    assert row["wholesale"] == "false"


@pytest.mark.django_db
def test_models_not_in_the_api_stay_out(client):
    """Meeting requests, registrations, accreditation requests and media-kit internals have no endpoint."""
    for path in ["/api/v1/registrations/", "/api/v1/meeting-requests/", "/api/v1/accreditation/"]:
        assert client.get(path).status_code == 404


def test_the_models_served_are_the_ones_documented():
    """Every registered resource reads one of the public models (a guard against registering a private one)."""
    from core import api

    served = {resource.queryset().model for resource in api.resources()}
    assert served == {
        Sector,
        CreativeUnit,
        Product,
        Partner,
        Session,
        Speaker,
        PressRelease,
        Exhibition,
        Artwork,
        Artist,
        Session.venue.field.related_model,
    }


@pytest.mark.django_db
def test_an_empty_csv_still_has_its_header(client):
    lines = client.get("/api/v1/units.csv").content.decode("utf-8-sig").splitlines()

    assert lines[0].startswith("id,slug,name_vi,name_en,kind,kind_label_vi,kind_label_en,")
    assert len(lines) == 1


@pytest.mark.django_db
def test_an_empty_limit_or_offset_means_the_default(client):
    make_data(1)

    data = client.get("/api/v1/units/?limit=&offset=").json()

    assert (data["limit"], data["offset"], data["count"]) == (50, 0, 1)


@pytest.mark.django_db
def test_images_come_as_the_original_and_a_web_size_copy_made_when_saved(client, settings):
    exhibition = ExhibitionFactory(published=True)
    work = ArtworkFactory(
        exhibition=exhibition,
        status=PUBLISHED,
        image=ContentFile(png_bytes(size=(2400, 1800)), name="big.png"),
    )
    plain = ArtworkFactory(exhibition=exhibition, published=True, image="")
    renditions_folder = Path(settings.MEDIA_ROOT) / "renditions"
    made = sorted(renditions_folder.rglob("*"))

    records = {r["slug"]: r for r in client.get("/api/v1/artworks/").json()["results"]}

    assert records[work.slug]["image"] == f"{SITE}{work.image.url}"
    web = records[work.slug]["image_web"]
    assert web == f"{SITE}/api/v1/artworks/{work.slug}/image/web/"
    assert records[plain.slug]["image_web"] is None

    response = client.get(web.removeprefix(SITE))
    assert response.status_code == 302
    location = response["Location"].removeprefix(SITE)
    assert location.startswith("/media/renditions/") and location.endswith(".webp")
    assert sorted(renditions_folder.rglob("*")) == made  # the requests made no copy
    with Image.open(Path(settings.MEDIA_ROOT) / location.removeprefix("/media/")) as copy:
        assert copy.size == (1600, 1200)
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["draft", "no image", "not an image field", "no such record", "bad key"])
def test_a_web_copy_that_cannot_be_given_answers_404_in_json(client, case):
    exhibition = ExhibitionFactory(published=True)
    image = ContentFile(png_bytes(size=(300, 200)), name="work.png")
    work = ArtworkFactory(
        exhibition=exhibition,
        status=Status.DRAFT if case == "draft" else PUBLISHED,
        image="" if case == "no image" else image,
    )
    path = {
        "not an image field": f"/api/v1/artworks/{work.slug}/title/web/",
        "no such record": "/api/v1/artworks/khong-co/image/web/",
        "bad key": "/api/v1/artworks/%3Cscript%3E/image/web/",
    }.get(case, f"/api/v1/artworks/{work.slug}/image/web/")

    response = client.get(path)

    assert response.status_code == 404
    assert response.json()["detail"]
