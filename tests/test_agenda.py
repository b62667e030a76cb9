"""The personal agenda without an account: starring, the agenda page, sharing, the calendar feed and the QR code."""

import datetime
import io
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
import segno
import zxingcpp
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image

from core.models import Status
from events import agenda as agendas
from events.agenda import Agenda
from tests.factories import ArtworkFactory, CreativeUnitFactory, SessionFactory, VenueFactory
from tests.helpers import at, parse, qr_modules, read_qr

PUBLISHED = Status.PUBLISHED
SITE = "http://testserver"  # links follow the request when TUDOI_SITE_URL is not set


def make_session(title_en: str, start: datetime.datetime, minutes: int = 60, **kwargs):
    return SessionFactory(
        title_vi=kwargs.pop("title_vi", f"{title_en} (vi)"),
        title_en=title_en,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=minutes),
        status=kwargs.pop("status", PUBLISHED),
        **kwargs,
    )


def star(client: Client, kind: str, obj_id, *, action: str = "add", next: str = "/vi/", language: str = "vi", **extra):
    return client.post(
        f"/{language}/programme/my/star/", {"kind": kind, "id": obj_id, "action": action, "next": next}, **extra
    )


def with_cookie(agenda: Agenda) -> Client:
    client = Client()
    client.cookies[agendas.COOKIE_NAME] = agendas.encode(agenda, salt=agendas.COOKIE_SALT)
    return client


def main_text(response) -> str:
    """The text of <main>, whitespace collapsed."""
    page = response.content.decode()
    main = page.split("<main", 1)[1].split(">", 1)[1].split("</main>", 1)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).strip()
    return text.replace("( ", "(").replace(" )", ")")


def share_token(response) -> str:
    return re.search(r'href="http://testserver/vi/programme/shared/([^/"]+)/"', response.content.decode())[1]


# The compact value


def test_agenda_values_round_trip_and_tampering_reads_as_empty():
    agenda = Agenda(sessions=(3, 1), units=(7,), artworks=(2,))

    cookie = agendas.encode(agenda, salt=agendas.COOKIE_SALT)

    assert agendas.decode(cookie, salt=agendas.COOKIE_SALT) == agenda
    assert agendas.decode_or_empty(cookie[:-2] + "xx", salt=agendas.COOKIE_SALT) == Agenda()
    assert agendas.decode_or_empty("garbage", salt=agendas.COOKIE_SALT) == Agenda()
    # a cookie is not a share token, nor the other way round
    assert agendas.decode_or_empty(cookie, salt=agendas.SHARE_SALT) == Agenda()
    assert agendas.ids_cookie_value(agenda) == "s3.s1.u7.a2"


def test_agenda_keeps_clean_ids_within_the_limit():
    signed = signing.dumps({"s": [1, 1, -2, "3", True, 4], "u": "no", "a": [5]}, salt=agendas.COOKIE_SALT)

    assert agendas.decode(signed, salt=agendas.COOKIE_SALT) == Agenda(sessions=(1, 4), artworks=(5,))

    crowded = Agenda(sessions=tuple(range(1, agendas.MAX_ITEMS + 1)))
    assert agendas.with_item(crowded, "unit", 1) == crowded
    assert len(agendas.merge(crowded, Agenda(units=(1, 2)))) == agendas.MAX_ITEMS


def test_merge_keeps_mine_first_and_adds_the_rest_once():
    mine = Agenda(sessions=(2, 1), units=(4,))
    theirs = Agenda(sessions=(1, 3), artworks=(9,))

    assert agendas.merge(mine, theirs) == Agenda(sessions=(2, 1, 3), units=(4,), artworks=(9,))


# Starring without JavaScript


@pytest.mark.django_db
def test_starring_a_session_adds_it_and_goes_back_to_next(client):
    session = make_session("Lacquer talk", at(10, 9), title_vi="Tọa đàm sơn mài")

    response = star(client, "session", session.pk, next="/vi/visit/?day=1")

    assert response.status_code == 303
    assert response["Location"] == "/vi/visit/?day=1"
    assert agendas.decode(response.cookies["agenda"].value, salt=agendas.COOKIE_SALT) == Agenda(sessions=(session.pk,))
    assert response.cookies["agenda_ids"].value == f"s{session.pk}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""]
)
def test_a_foreign_or_missing_next_falls_back_to_the_agenda_page(client, next_url):
    session = make_session("Talk", at(10, 9))

    response = star(client, "session", session.pk, next=next_url, language="en")

    assert response.status_code == 303
    assert response["Location"] == "/en/programme/my/"


@pytest.mark.django_db
def test_my_agenda_lists_starred_sessions_by_day_with_hanoi_times_in_both_languages(client):
    venue = VenueFactory(name_vi="Nhà Bát Giác", name_en="Octagonal House")
    sunday = make_session("Closing concert", at(11, 19, 30), title_vi="Hòa nhạc bế mạc", venue=venue)
    saturday = make_session("Lacquer talk", at(10, 9), title_vi="Tọa đàm sơn mài", venue=venue)
    star(client, "session", sunday.pk)
    star(client, "session", saturday.pk)

    vi = main_text(client.get("/vi/programme/my/"))
    en = main_text(client.get("/en/programme/my/"))

    assert "Thứ Bảy, 10/01/2026 09:00 – 10:00 Tọa đàm sơn mài" in vi
    assert "Chủ nhật, 11/01/2026 19:30 – 20:30 Hòa nhạc bế mạc" in vi
    assert vi.index("Tọa đàm sơn mài") < vi.index("Hòa nhạc bế mạc")
    assert "Saturday 10 January 2026 09:00 – 10:00 Lacquer talk" in en
    assert "Sunday 11 January 2026 19:30 – 20:30 Closing concert" in en
    assert en.count("GMT+7") == 1 and vi.count("GMT+7") == 1
    assert "Octagonal House" in en and "Nhà Bát Giác" in vi


@pytest.mark.django_db
def test_removing_a_session_takes_it_off_the_agenda(client):
    kept = make_session("Kept talk", at(10, 9))
    dropped = make_session("Dropped talk", at(10, 11))
    star(client, "session", kept.pk)
    star(client, "session", dropped.pk)

    response = star(client, "session", dropped.pk, action="remove", next="/en/programme/my/")

    assert response["Location"] == "/en/programme/my/"
    page = main_text(client.get("/en/programme/my/"))
    assert "Kept talk" in page and "Dropped talk" not in page


@pytest.mark.django_db
def test_removing_the_last_item_forgets_both_cookies(client):
    session = make_session("Talk", at(10, 9))
    star(client, "session", session.pk)

    response = star(client, "session", session.pk, action="remove")

    assert response.cookies["agenda"].value == "" and response.cookies["agenda"]["max-age"] == 0
    assert response.cookies["agenda_ids"].value == ""


@pytest.mark.django_db
def test_units_and_artworks_can_be_starred_and_are_listed_by_name(client):
    unit = CreativeUnitFactory(name_vi="Xưởng gốm Bát Tràng", name_en="Bat Trang pottery", published=True)
    work = ArtworkFactory(
        title_vi="Chợ phiên vùng cao", title_en="Highland market", status=PUBLISHED, exhibition__status=PUBLISHED
    )

    star(client, "unit", unit.pk)
    star(client, "artwork", work.pk)

    response = client.get("/en/programme/my/")
    text = main_text(response)
    assert "Creative units Bat Trang pottery" in text
    assert "Artworks Highland market" in text
    assert "Sessions" not in text
    page = response.content.decode()
    assert f'<a href="/en/exhibitors/{unit.slug}/">Bat Trang pottery</a>' in page
    assert f'<a href="/en/exhibitions/{work.exhibition.slug}/{work.slug}/">Highland market</a>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["session", "unit", "artwork"])
def test_unknown_or_unpublished_ids_are_ignored_politely(client, kind):
    drafts = {
        "session": lambda: make_session("Draft talk", at(10, 9), status=Status.DRAFT),
        "unit": lambda: CreativeUnitFactory(),
        "artwork": lambda: ArtworkFactory(published=True),  # its exhibition is still a draft
    }
    draft = drafts[kind]()

    responses = [
        star(client, kind, draft.pk, next="/vi/visit/"),
        star(client, kind, 987654, next="/vi/visit/"),
        star(client, kind, "12abc", next="/vi/visit/"),
        star(client, kind, "99999999999999999999999", next="/vi/visit/"),
        star(client, "speaker", 1, next="/vi/visit/"),
    ]

    assert [r.status_code for r in responses] == [303] * 5
    assert {r["Location"] for r in responses} == {"/vi/visit/"}
    assert all("agenda" not in r.cookies for r in responses)


@pytest.mark.django_db
def test_a_full_agenda_refuses_more_and_says_why(client, settings):
    session = make_session("One more", at(10, 9))
    client = with_cookie(Agenda(units=tuple(range(1, agendas.MAX_ITEMS + 1))))

    response = star(client, "session", session.pk, next="/en/visit/", language="en")

    assert response["Location"] == "/en/programme/my/?full=1"
    assert f"s{session.pk}" not in response.cookies["agenda_ids"].value
    assert "Your agenda is full: it holds at most 200 items." in main_text(client.get(response["Location"]))


# Overlaps


@pytest.mark.django_db
def test_overlapping_sessions_are_flagged(client):
    first = make_session("Lacquer talk", at(10, 9), minutes=90)
    second = make_session("Paper workshop", at(10, 10))
    for session in (first, second):
        star(client, "session", session.pk)

    text = main_text(client.get("/en/programme/my/"))

    assert "Lacquer talk Talk or forum · " in text
    assert "Warning: overlaps with Paper workshop (10:00 – 11:00)" in text
    assert "Warning: overlaps with Lacquer talk (09:00 – 10:30)" in text


@pytest.mark.django_db
def test_back_to_back_sessions_are_not_flagged(client):
    first = make_session("Lacquer talk", at(10, 9))
    second = make_session("Paper workshop", at(10, 10))
    other_day = make_session("Sunday talk", at(11, 9, 30))
    for session in (first, second, other_day):
        star(client, "session", session.pk)

    response = client.get("/en/programme/my/")

    assert "overlaps with" not in main_text(response)
    assert "overlap-warning" not in response.content.decode()


def test_overlaps_pairs_every_clash_in_time_order():
    class Slot:
        def __init__(self, pk, start, end):
            self.pk, self.starts_at, self.ends_at = pk, at(10, start), at(10, end)

    long, inside, later, apart = Slot(1, 9, 12), Slot(2, 10, 11), Slot(3, 11, 13), Slot(4, 13, 14)

    found = agendas.overlaps([apart, later, inside, long])

    assert {pk: [s.pk for s in clashes] for pk, clashes in found.items()} == {1: [2, 3], 2: [1], 3: [1]}


# Cookies: only the star POST writes them


@pytest.mark.django_db
@pytest.mark.parametrize("cookie", [None, "valid", "tampered"])
def test_anonymous_get_of_my_agenda_sets_no_cookie(cookie):
    session = make_session("Talk", at(10, 9))
    client = Client()
    if cookie:
        value = agendas.encode(Agenda(sessions=(session.pk,)), salt=agendas.COOKIE_SALT)
        client.cookies["agenda"] = value if cookie == "valid" else value[:-3] + "abc"

    response = client.get("/vi/programme/my/")

    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.content.decode()


@pytest.mark.django_db
def test_the_star_post_sets_the_agenda_cookies_same_site_lax(client, settings):
    session = make_session("Talk", at(10, 9))

    response = star(client, "session", session.pk)

    cookie, ids = response.cookies["agenda"], response.cookies["agenda_ids"]
    assert cookie["samesite"] == "Lax" and ids["samesite"] == "Lax"
    assert cookie["httponly"] is True and not ids["httponly"]
    assert cookie["max-age"] == 365 * 24 * 3600
    assert not cookie["secure"]

    settings.SESSION_COOKIE_SECURE = True
    assert star(Client(), "session", session.pk).cookies["agenda"]["secure"] is True


@pytest.mark.django_db
def test_a_tampered_cookie_is_an_empty_agenda(client):
    session = make_session("Talk", at(10, 9))
    client.cookies["agenda"] = "eyJzIjpbMV19:1v:forged"

    page = client.get("/en/programme/my/")
    response = star(client, "session", session.pk)

    assert page.status_code == 200
    assert "Your agenda is empty." in main_text(page)
    assert agendas.decode(response.cookies["agenda"].value, salt=agendas.COOKIE_SALT) == Agenda(sessions=(session.pk,))


@pytest.mark.django_db
def test_the_readable_cookie_is_never_trusted(client):
    client.cookies["agenda_ids"] = "s1.s2.s3"
    make_session("Talk", at(10, 9))

    assert "Your agenda is empty." in main_text(client.get("/en/programme/my/"))


# The star endpoint's defences and its JSON answer


@pytest.mark.django_db
def test_get_on_the_star_url_is_not_allowed(client):
    assert client.get("/vi/programme/my/star/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("header", "value"),
    [("HTTP_ORIGIN", "https://evil.example"), ("HTTP_ORIGIN", "null"), ("HTTP_REFERER", "https://evil.example/page")],
)
def test_a_post_from_another_site_is_refused(client, header, value):
    session = make_session("Talk", at(10, 9))

    response = star(client, "session", session.pk, **{header: value})

    assert response.status_code == 403
    assert not response.cookies


@pytest.mark.django_db
def test_a_post_from_this_site_passes_the_origin_check(client):
    session = make_session("Talk", at(10, 9))

    response = star(
        client, "session", session.pk, HTTP_ORIGIN="http://testserver", HTTP_REFERER="http://testserver/vi/"
    )

    assert response.status_code == 303


@pytest.mark.django_db
def test_the_script_gets_json_instead_of_a_redirect(client):
    first = make_session("Talk", at(10, 9))
    second = make_session("Workshop", at(10, 11))
    star(client, "session", first.pk)

    added = star(client, "session", second.pk, HTTP_ACCEPT="application/json", HTTP_ORIGIN="http://testserver")
    removed = star(client, "session", first.pk, action="remove", HTTP_ACCEPT="application/json")

    assert added.status_code == 200 and added["Content-Type"] == "application/json"
    assert added.json() == {"starred": True, "count": 2, "full": False}
    assert removed.json() == {"starred": False, "count": 1, "full": False}
    assert removed.cookies["agenda_ids"].value == f"s{second.pk}"


# The star button include


@pytest.mark.django_db
def test_the_star_form_include_renders_a_cookie_free_form(rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    session = make_session("Lacquer talk", at(10, 9))
    request = rf.get("/en/visit/?day=2")

    with translation.override("en"):
        html = render_to_string("events/_star_form.html", {"kind": "session", "object": session, "request": request})

    assert 'action="/en/programme/my/star/"' in html
    assert f'name="item" value="session:{session.pk}"' in html
    assert '<input type="hidden" name="action" value="add">' in html
    assert '<input type="hidden" name="next" value="/en/visit/?day=2">' in html
    assert 'aria-pressed="false"' in html
    assert re.sub(r"<[^>]+>", "", html.split("<button", 1)[1].split(">", 1)[1]).strip() == (
        "Add to my agenda: Lacquer talk"
    )
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "language", "label"),
    [
        ("session", "vi", "Thêm vào lịch của tôi"),
        ("session", "en", "Add to my agenda"),
        ("unit", "vi", "Lưu vào danh sách của tôi"),
        ("unit", "en", "Save to my agenda"),
    ],
)
def test_the_star_says_calendar_only_for_sessions(rf, kind, language, label):
    """A unit or a work has no time: its star saves it to a list, it does not put it "in my calendar"."""
    from django.template.loader import render_to_string
    from django.utils import translation

    thing = make_session("Lacquer talk", at(10, 9)) if kind == "session" else CreativeUnitFactory(published=True)
    with translation.override(language):
        html = render_to_string("events/_star_form.html", {"kind": kind, "object": thing, "request": rf.get("/")})

    assert re.sub(r"<[^>]+>", "", html.split("<button", 1)[1].split(">", 1)[1]).strip().startswith(label + ":")


# Sharing


@pytest.mark.django_db
def test_share_link_round_trips_to_a_read_only_page_with_the_same_sessions(client):
    sessions = [make_session(f"Talk {i}", at(10, 9 + i)) for i in range(3)]
    unit = CreativeUnitFactory(name_en="Bat Trang pottery", published=True)
    for session in sessions[:2]:
        star(client, "session", session.pk)
    star(client, "unit", unit.pk)
    mine = client.get("/vi/programme/my/")
    token = share_token(mine)

    shared = Client().get(f"/en/programme/shared/{token}/")

    assert shared.status_code == 200
    assert len(parse(shared).findall(".//h1")) == 1
    text = main_text(shared)
    assert "Talk 0" in text and "Talk 1" in text and "Talk 2" not in text
    assert "Bat Trang pottery" in text
    assert "star-form" not in shared.content.decode()
    assert "Copy to my agenda" in text
    assert not shared.cookies
    assert '<meta name="robots" content="noindex">' in shared.content.decode()


@pytest.mark.django_db
def test_my_agenda_offers_the_share_link_qr_code_and_calendar_links(client):
    session = make_session("Talk", at(10, 9))
    star(client, "session", session.pk)

    response = client.get("/vi/programme/my/")
    page = response.content.decode()
    token = share_token(response)

    assert f'<img src="/vi/programme/shared/{token}/qr.svg" alt="' in page
    assert 'width="240" height="240"' in page
    assert f'href="webcal://testserver/vi/programme/shared/{token}/agenda.ics"' in page
    assert f'href="{SITE}/vi/programme/shared/{token}/agenda.ics"' in page


@pytest.mark.django_db
def test_an_empty_agenda_explains_how_to_star_and_offers_no_share_link(client):
    text = main_text(client.get("/en/programme/my/"))

    assert "Your agenda is empty." in text
    assert "Add to my agenda" in text
    assert "Share or move to your phone" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("suffix", ["", "agenda.ics", "qr.svg"])
def test_a_tampered_share_token_gets_a_polite_page_in_the_page_language(client, language, suffix):
    token = agendas.encode(Agenda(sessions=(1,)), salt=agendas.SHARE_SALT)
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    cookie_value = agendas.encode(Agenda(sessions=(1,)), salt=agendas.COOKIE_SALT)  # not a share token

    responses = [
        client.get(f"/{language}/programme/shared/{bad}/{suffix}") for bad in (forged, "not-a-token", cookie_value)
    ]

    for response in responses:
        assert response.status_code == 400
        assert response["Content-Type"] == "text/html; charset=utf-8"
        document = parse(response)
        assert document.get("lang") == language
        assert document.find(".//h1") is not None
        assert f'href="/{language}/programme/my/"' in response.content.decode()
    if language == "en":
        assert "This agenda link does not work" in main_text(responses[0])


@pytest.mark.django_db
def test_copy_to_my_agenda_merges_into_the_cookie(client):
    mine = make_session("Mine", at(10, 9))
    both = make_session("Both", at(10, 11))
    theirs = make_session("Theirs", at(11, 9))
    token = agendas.encode(Agenda(sessions=(both.pk, theirs.pk)), salt=agendas.SHARE_SALT)
    star(client, "session", mine.pk)
    star(client, "session", both.pk)

    response = client.post(f"/en/programme/shared/{token}/import/", HTTP_ORIGIN="http://testserver")

    assert response.status_code == 303
    assert response["Location"] == "/en/programme/my/"
    assert agendas.decode(response.cookies["agenda"].value, salt=agendas.COOKIE_SALT) == Agenda(
        sessions=(mine.pk, both.pk, theirs.pk)
    )
    text = main_text(client.get("/en/programme/my/"))
    assert all(title in text for title in ("Mine", "Both", "Theirs"))


@pytest.mark.django_db
def test_copy_to_my_agenda_refuses_get_foreign_sites_and_forged_tokens(client):
    token = agendas.encode(Agenda(sessions=(1,)), salt=agendas.SHARE_SALT)

    assert client.get(f"/en/programme/shared/{token}/import/").status_code == 405
    assert client.post(f"/en/programme/shared/{token}/import/", HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post("/en/programme/shared/forged/import/").status_code == 400


# QR code


@pytest.mark.django_db
def test_the_qr_code_is_a_cacheable_svg_that_decodes_to_the_share_link(client):
    session = make_session("Talk", at(10, 9))
    star(client, "session", session.pk)
    token = share_token(client.get("/vi/programme/my/"))
    share_url = f"{SITE}/vi/programme/shared/{token}/"

    response = Client().get(f"/vi/programme/shared/{token}/qr.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"].startswith("public, max-age=86400")
    assert not response.cookies
    # what segno makes for the share link decodes to it...
    qr = segno.make(share_url, error="m")
    png = io.BytesIO()
    qr.save(png, kind="png", scale=8, border=4)
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(png))] == [share_url]
    # ...and the SVG served is valid XML drawing exactly that symbol, with its quiet zone, which decodes too
    grid = qr_modules(response.content)
    expected = [[bool(cell) for cell in row] for row in qr.matrix]
    border = (len(grid) - len(expected)) // 2
    assert border == 4
    assert [row[border:-border] for row in grid[border:-border]] == expected
    assert not any(grid[0]) and not any(row[0] for row in grid)
    assert read_qr(grid) == [share_url]
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == root.get("height") == str(len(grid) * 4)
    assert "style" not in response.content.decode()


# The calendar feed


def feed_events(client: Client, token: str, language: str = "en") -> list:
    response = client.get(f"/{language}/programme/shared/{token}/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert not response.cookies
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


@pytest.mark.django_db
def test_the_feed_holds_exactly_the_starred_published_sessions(client):
    starred = [make_session(f"Talk {i}", at(10, 9 + i)) for i in range(2)]
    make_session("Not starred", at(10, 14))
    draft = make_session("Draft talk", at(10, 15), status=Status.DRAFT)
    unit = CreativeUnitFactory(published=True)
    token = agendas.encode(
        Agenda(sessions=(starred[1].pk, starred[0].pk, draft.pk, 999999), units=(unit.pk,)), salt=agendas.SHARE_SALT
    )

    events = feed_events(client, token)

    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Talk 0", at(10, 9)),
        ("Talk 1", at(10, 10)),
    ]
    assert events[0].decoded("DTEND") == at(10, 10)
    assert str(events[0]["UID"]) == f"session-{starred[0].pk}@tuhoisangtao.local"
    assert str(events[0]["URL"]).startswith(f"{SITE}/en/programme/")
    assert [str(e["SUMMARY"]) for e in feed_events(client, token, "vi")] == ["Talk 0 (vi)", "Talk 1 (vi)"]


@pytest.mark.django_db
def test_the_feed_follows_the_programme(client):
    moved = make_session("Moved talk", at(10, 9))
    withdrawn = make_session("Withdrawn talk", at(10, 11))
    token = agendas.encode(Agenda(sessions=(moved.pk, withdrawn.pk)), salt=agendas.SHARE_SALT)
    assert [str(e["SUMMARY"]) for e in feed_events(client, token)] == ["Moved talk", "Withdrawn talk"]

    moved.starts_at, moved.ends_at = at(11, 14), at(11, 15, 30)
    moved.save()
    withdrawn.status = Status.DRAFT
    withdrawn.save()
    events = feed_events(client, token)

    assert [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        ("Moved talk", at(11, 14), at(11, 15, 30))
    ]


# Queries


@pytest.mark.django_db
def test_my_agenda_query_count_is_flat():
    def count(sessions: int) -> int:
        created = [make_session(f"Talk {i}", at(10, 9, i)) for i in range(sessions)]
        unit = CreativeUnitFactory(published=True)
        work = ArtworkFactory(published=True, exhibition__status=PUBLISHED)
        client = with_cookie(Agenda(sessions=tuple(s.pk for s in created), units=(unit.pk,), artworks=(work.pk,)))
        client.get("/vi/programme/my/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/vi/programme/my/")
        assert response.status_code == 200
        assert main_text(response).count("trùng giờ với") == (sessions if sessions > 1 else 0)
        return len(captured)

    few, many = count(2), count(20)

    assert few == many
    assert few <= 6


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/vi/programme/my/", "/en/programme/my/"])
def test_my_agenda_is_valid_html_with_one_h1(path):
    session = make_session("Talk", at(10, 9))
    overlapping = make_session("Other", at(10, 9, 30))
    unit = CreativeUnitFactory(published=True)
    client = with_cookie(Agenda(sessions=(session.pk, overlapping.pk), units=(unit.pk,)))

    response = client.get(path)

    document = parse(response)
    assert document.get("lang") == path.split("/")[1]
    assert len(document.findall(".//h1")) == 1
    assert "<style" not in response.content.decode()
    # Its forms post and reload: no script but the header's (count of starred items, menu), which every page has.
    assert [script.get("src") for script in document.findall(".//script")] == [
        "/static/js/agenda-count.js",
        "/static/js/menu.js",
    ]


@pytest.mark.django_db
def test_a_remove_button_on_the_full_notice_page_goes_back_to_the_plain_agenda():
    session = make_session("Talk", at(10, 9))
    client = with_cookie(Agenda(sessions=(session.pk,)))

    page = client.get("/en/programme/my/?full=1").content.decode()

    assert '<input type="hidden" name="next" value="/en/programme/my/">' in page
