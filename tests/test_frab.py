"""The frab schedule (programme/schedule.json and programme/schedule.xml) that Giggity and EventFahrplan read.

Both files are checked against the c3voc schemas kept in tests/schemas/, with the real validators.
"""

import json
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import jsonschema
import pytest
import xmlschema

from core.models import Status
from core.pagecache import content_changed
from events.frab import GUID_NAMESPACE, build_schedule, schedule_xml
from events.models import Session, SessionKind, Speaker
from tests.sitedata import make_site

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SITE = "https://tuhoi.example.vn"
PUBLISHED = Status.PUBLISHED
SCHEMAS = Path(__file__).parent / "schemas"
JSON_SCHEMA = json.loads((SCHEMAS / "schedule.schema.json").read_text(encoding="utf-8"))
XML_SCHEMA = xmlschema.XMLSchema(str(SCHEMAS / "schedule.xml.xsd"))

# jsonschema checks few formats for draft-06 without optional packages; these make "date-time", "uri" and "color"
# mean something, with the standard library only.
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value):
    return not isinstance(value, str) or ("T" in value and datetime.fromisoformat(value).tzinfo is not None)


@FORMATS.checks("uri", raises=ValueError)
def _is_uri(value):
    parts = urlsplit(value) if isinstance(value, str) else None
    return parts is None or (parts.scheme in {"http", "https"} and bool(parts.netloc))


@FORMATS.checks("color", raises=ValueError)
def _is_colour(value):
    return not isinstance(value, str) or (len(value) == 7 and value[0] == "#" and int(value[1:], 16) >= 0)


VALIDATOR = jsonschema.Draft6Validator(JSON_SCHEMA, format_checker=FORMATS)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def fetch_json(client, language):
    response = client.get(f"/{language}/programme/schedule.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def fetch_xml(client, language):
    response = client.get(f"/{language}/programme/schedule.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return response.content.decode("utf-8")


def assert_valid_json(document):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []


def json_events(document) -> list[dict]:
    return [
        event
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    ]


def xml_events(text) -> list[ET.Element]:
    return ET.fromstring(text.encode("utf-8")).findall("./day/room/event")


def guid_of(session) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"session-{session.pk}"))


def test_schedule_json_of_the_demo_is_valid_and_lists_every_published_session_once(client, demo_content):
    published = list(Session.objects.published())
    drafts = list(Session.objects.filter(status=Status.DRAFT))

    documents = {language: fetch_json(client, language) for language in ("vi", "en")}

    assert len(published) == 37 and len(drafts) == 2
    for language, document in documents.items():
        assert_valid_json(document)
        events = json_events(document)
        assert len(events) == len(published), language
        assert {e["guid"] for e in events} == {guid_of(s) for s in published}, language
        assert {e["id"] for e in events} == {s.pk for s in published}, language
        conference = document["schedule"]["conference"]
        assert [(d["index"], d["date"]) for d in conference["days"]] == [(1, "2026-01-10"), (2, "2026-01-11")]
        assert (conference["start"], conference["end"], conference["daysCount"]) == ("2026-01-10", "2026-01-11", 2)
        assert conference["time_zone_name"] == "Asia/Ho_Chi_Minh"
    assert {e["title"] for e in json_events(documents["vi"])} == {s.title_vi for s in published}
    assert {e["title"] for e in json_events(documents["en"])} == {s.title_en or s.title_vi for s in published}


def test_schedule_xml_of_the_demo_is_valid_and_lists_every_published_session_once(client, demo_content):
    published = list(Session.objects.published())

    texts = {language: fetch_xml(client, language) for language in ("vi", "en")}

    for language, text in texts.items():
        XML_SCHEMA.validate(text)
        events = xml_events(text)
        assert len(events) == len(published), language
        assert {e.get("guid") for e in events} == {guid_of(s) for s in published}, language
        assert {int(e.get("id")) for e in events} == {s.pk for s in published}, language
        assert [d.get("date") for d in ET.fromstring(text.encode()).findall("day")] == ["2026-01-10", "2026-01-11"]
    assert {e.findtext("title") for e in xml_events(texts["vi"])} == {s.title_vi for s in published}
    assert {e.findtext("title") for e in xml_events(texts["en"])} == {s.title_en or s.title_vi for s in published}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_drafts_and_embargoed_sessions_are_absent(client, monkeypatch, language):
    site = make_site(3, images=False)
    embargoed = site["sessions"][2]
    Session.objects.filter(pk=embargoed.pk).update(publish_at=datetime(2026, 1, 10, 18, 0, tzinfo=HANOI))
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T14:00:00+07:00")
    visible = {guid_of(s) for s in site["sessions"][:2]}

    document = fetch_json(client, language)
    text = fetch_xml(client, language)

    assert_valid_json(document)
    XML_SCHEMA.validate(text)
    assert {e["guid"] for e in json_events(document)} == visible
    assert {e.get("guid") for e in xml_events(text)} == visible
    assert "Phiên nháp" not in text and "Draft session" not in text


def test_event_says_when_where_and_what_in_hanoi_time(client):
    site = make_site(2, images=False)
    session = site["sessions"][1]
    speaker = Speaker.objects.create(name="Lê Minh Châu", bio_vi="Nhà thiết kế đồ họa.", status=PUBLISHED)
    session.speakers.add(speaker, Speaker.objects.create(name="Diễn giả nháp"))
    session.sectors.add(site["sectors"][0])

    document = fetch_json(client, "en")

    event = json_events(document)[1]
    assert {k: event[k] for k in ("id", "date", "start", "end", "duration", "room", "title", "type")} == {
        "id": session.pk,
        "date": "2026-01-10T09:30:00+07:00",
        "start": "09:30",
        "end": "2026-01-10T10:30:00+07:00",
        "duration": "01:00",
        "room": "Octagonal House",
        "title": "Creative talk 1",
        "type": "Talk or forum",
    }
    assert event["url"] == f"{SITE}/en/programme/{session.slug}/"
    assert event["slug"] == f"tuhoisangtao2026-{session.pk}-{session.slug}"
    assert event["track"] == "Handicrafts 0"
    assert event["language"] == "vi"
    assert [p["name"] for p in event["persons"]] == ["Lê Minh Châu"]
    assert document["schedule"]["conference"]["rooms"][0]["name"] == "Octagonal House"
    assert document["schedule"]["conference"]["days"][0]["day_start"] == "2026-01-10T09:00:00+07:00"
    assert document["schedule"]["conference"]["days"][0]["day_end"] == "2026-01-10T10:30:00+07:00"


def test_untranslated_title_falls_back_to_vietnamese(client):
    site = make_site(1, images=False)
    Session.objects.filter(pk=site["sessions"][0].pk).update(title_en="")

    document = fetch_json(client, "en")
    text = fetch_xml(client, "en")

    assert [e["title"] for e in json_events(document)] == ["Tọa đàm sáng tạo 0"]
    assert [e.findtext("title") for e in xml_events(text)] == ["Tọa đàm sáng tạo 0"]


def test_guids_are_stable_across_languages_and_renames(client):
    site = make_site(2, images=False)
    before = [e["guid"] for e in json_events(fetch_json(client, "vi"))]
    Session.objects.filter(pk=site["sessions"][0].pk).update(title_vi="Tên mới", title_en="New name")
    content_changed()  # a bulk update sends no signal: say so, as code that does it must

    after_vi = [e["guid"] for e in json_events(fetch_json(client, "vi"))]
    after_en = [e["guid"] for e in json_events(fetch_json(client, "en"))]

    assert before == after_vi == after_en == [guid_of(s) for s in site["sessions"]]


def test_version_changes_when_the_programme_changes(client):
    site = make_site(2, images=False)
    first = fetch_json(client, "vi")["schedule"]["version"]
    again = fetch_json(client, "vi")["schedule"]["version"]
    Session.objects.filter(pk=site["sessions"][0].pk).update(ends_at=datetime(2026, 1, 10, 11, 0, tzinfo=HANOI))
    content_changed()  # a bulk update sends no signal: say so, as code that does it must

    changed = fetch_json(client, "vi")["schedule"]["version"]

    assert first == again != changed


def test_sessions_on_two_days_make_two_days(client):
    site = make_site(1, images=False)
    sunday = datetime(2026, 1, 11, 23, 30, tzinfo=HANOI)  # 16:30 UTC: still Sunday in Hanoi
    Session.objects.create(
        title_vi="Đêm nhạc",
        title_en="Night concert",
        kind=SessionKind.PERFORMANCE,
        starts_at=sunday,
        ends_at=sunday + timedelta(hours=1),
        venue=site["venue"],
        status=PUBLISHED,
    )

    document = fetch_json(client, "vi")

    days = document["schedule"]["conference"]["days"]
    assert [(d["index"], d["date"], sum(len(v) for v in d["rooms"].values())) for d in days] == [
        (1, "2026-01-10", 1),
        (2, "2026-01-11", 1),
    ]
    assert days[1]["day_end"] == "2026-01-12T00:30:00+07:00"


def test_empty_programme_is_still_a_valid_schedule(client):
    document = fetch_json(client, "vi")
    text = fetch_xml(client, "vi")

    assert_valid_json(document)
    XML_SCHEMA.validate(text)
    assert [(d["date"], d["rooms"]) for d in document["schedule"]["conference"]["days"]] == [
        ("2026-01-10", {}),
        ("2026-01-11", {}),
    ]
    assert xml_events(text) == []


def test_awkward_text_still_gives_valid_files():
    site = make_site(1, images=False)
    Session.objects.filter(pk=site["sessions"][0].pk).update(
        title_vi='Tọa\x0bđàm <b>&</b> "gốm"\x1f ]]> 🎨', summary_vi="Dòng một\r\ndòng hai"
    )
    Session.objects.filter(pk=site["sessions"][0].pk).update(slug="ab")

    schedule = build_schedule()
    text = schedule_xml(schedule)

    assert_valid_json(schedule)
    XML_SCHEMA.validate(text)
    (event,) = xml_events(text)
    assert event.findtext("title") == 'Tọa đàm <b>&</b> "gốm"  ]]> 🎨'
    assert event.findtext("abstract") == "Dòng một\ndòng hai"


@pytest.mark.parametrize("path", ["/vi/programme/schedule.json", "/en/programme/schedule.xml"])
def test_schedule_is_cacheable_get_only_and_sets_no_cookie(client, path):
    make_site(1, images=False)

    response = client.get(path)
    post = client.post(path)

    assert response.status_code == 200
    assert not response.cookies
    assert response["Cache-Control"] == "public, max-age=300, s-maxage=60, stale-while-revalidate=60"
    assert post.status_code == 405


@pytest.mark.parametrize(
    "path",
    ["/vi/programme/schedule.json", "/en/programme/schedule.json", "/vi/programme/schedule.xml"],
)
def test_schedule_queries_do_not_grow_with_the_programme(client, django_assert_max_num_queries, path):
    site = make_site(3, images=False)
    speaker = Speaker.objects.create(name="Nguyễn Thu Trang", status=PUBLISHED)
    for session in site["sessions"]:
        session.speakers.add(speaker)
        session.sectors.add(site["sectors"][0])
    with django_assert_max_num_queries(3) as few:
        client.get(path)
    start = datetime(2026, 1, 11, 8, 0, tzinfo=HANOI)
    for i in range(27):
        session = Session.objects.create(
            title_vi=f"Xưởng in khắc gỗ {i}",
            title_en=f"Woodblock printing workshop {i}",
            kind=SessionKind.WORKSHOP,
            starts_at=start + timedelta(minutes=20 * i),
            ends_at=start + timedelta(minutes=20 * i + 90),
            venue=site["venue"],
            status=PUBLISHED,
        )
        session.speakers.add(speaker, Speaker.objects.create(name=f"Diễn giả {i}", status=PUBLISHED))
        session.sectors.add(site["sectors"][0])
    assert Session.objects.published().count() == 30

    with django_assert_max_num_queries(3) as many:
        response = client.get(path)

    assert response.status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)
