"""The programme in the frab schedule format (schedule.json and schedule.xml), read by Giggity and EventFahrplan.

The shape follows the c3voc schemas kept in tests/schemas/ (JSON Schema draft-06 and the XSD). One dict is built
and the XML is written from it, so both files always say the same thing. Rooms are venues; a day is each Hanoi
date with sessions; text is in the active language (Vietnamese where a translation is missing).

A cancelled session is left out (and the version changes). The format has no field for a cancellation, and a
session missing from a new version is what the apps read as one: EventFahrplan keeps it, flagged cancelled, in its
list of changes (a title suffix would only show as a new title), and pretalx's export holds only talks still on
the schedule. The session page, its calendar entry (STATUS:CANCELLED) and /programme/changes/ say it in words.
"""

import hashlib
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.urls import reverse
from django.utils.translation import gettext

from core.event import DAYS as EVENT_DAYS  # when nothing is published, the conference still has its days

from .calendars import HANOI, HANOI_TZID, calendar_sessions, clean_text, public_sectors, public_speakers, site_url
from .models import DeliveryLanguage, Session

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
ACRONYM = "tuhoisangtao2026"
TIMESLOT_DURATION = "00:15"
# Fixed for ever: apps recognise an event, a room or a person across updates by these UUIDs.
GUID_NAMESPACE = uuid.UUID("5d0c8f2e-7b1a-5c3e-9f46-1a2b3c4d5e6f")

_JSON_SLUG = re.compile(r"[a-z0-9_-]+[a-z0-9]")
_XML_EVENT_SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}")
_XML_TRACK_SLUG = re.compile(r"[a-z][a-z0-9-]+")
_XML_DURATION = re.compile(r"[0-9]{1,2}:[0-9]{2}")
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _guid(kind: str, pk: int) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}-{pk}"))


def session_guid(session: Session) -> str:
    return _guid("session", session.pk)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(HANOI)


def _hhmm(span: timedelta) -> str:
    minutes = max(int(span.total_seconds() // 60), 0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _slug(session: Session) -> str:
    # The c3voc convention "<acronym>-<id>-<slug>": unique across conferences, and valid for both schemas.
    slug = re.sub(r"[^a-z0-9_-]+", "-", f"{ACRONYM}-{session.pk}-{session.slug}".lower())
    return re.sub(r"-{2,}", "-", slug).strip("-_")


def _language(session: Session) -> str | None:
    """An ISO 639-1 code: the main language of a bilingual session; none when nothing is spoken."""
    if session.language == DeliveryLanguage.NONE:
        return None
    if session.language == DeliveryLanguage.BOTH:
        return "vi"
    return session.language


def _person(speaker) -> dict:
    # No "id": with both "id" and "public_name" a person would match both branches of the schema's oneOf.
    person = {"name": speaker.name, "public_name": speaker.name, "guid": _guid("speaker", speaker.pk)}
    biography = clean_text(speaker.bio).strip()
    person["biography"] = biography or None
    return person


def _links(session: Session) -> list[dict]:
    links = []
    if session.venue.map_url:
        links.append(
            {
                "url": session.venue.map_url,
                "title": gettext("Map: %(venue)s") % {"venue": session.venue.name},
                "type": "web",
            }
        )
    if session.needs_registration:
        links.append(
            {
                "url": site_url(reverse("events:register", kwargs={"slug": session.slug})),
                "title": gettext("Register for a seat"),
                "type": "web",
            }
        )
    return links


def _event(session: Session) -> dict:
    starts_at, ends_at = _local(session.starts_at), _local(session.ends_at)
    sectors = public_sectors(session)
    return {
        "guid": session_guid(session),
        "id": session.pk,
        "date": starts_at.isoformat(),
        "start": f"{starts_at:%H:%M}",
        "end": ends_at.isoformat(),
        "duration": _hhmm(ends_at - starts_at),
        "room": session.venue.name,
        "slug": _slug(session),
        "url": site_url(session.get_absolute_url()),
        "title": clean_text(session.title),
        "subtitle": clean_text(session.location_detail),
        "track": sectors[0].name if sectors else None,
        "type": str(session.get_kind_display()),
        "language": _language(session),
        "abstract": clean_text(session.summary),
        "description": clean_text(session.description),
        "persons": [_person(speaker) for speaker in public_speakers(session)],
        "links": _links(session),
        "attachments": [],
    }


def _room(venue) -> dict:
    room = {"name": venue.name, "guid": _guid("venue", venue.pk)}
    if _JSON_SLUG.fullmatch(venue.slug):
        room["slug"] = venue.slug
    room["description"] = clean_text(venue.description) or None
    room["url"] = site_url(reverse("visit"))
    return room


def _track(sector) -> dict:
    track = {"name": sector.name}
    if _HEX_COLOUR.fullmatch(sector.colour):
        track["color"] = sector.colour
    if _JSON_SLUG.fullmatch(sector.slug):
        track["slug"] = sector.slug
    return track


def _empty_day(index: int, day: date) -> dict:
    midnight = datetime.combine(day, time(0), tzinfo=HANOI)
    return {
        "index": index,
        "date": day.isoformat(),
        "day_start": midnight.isoformat(),
        "day_end": (midnight + timedelta(days=1)).isoformat(),
        "rooms": {},
    }


def build_schedule(sessions: Iterable[Session] | None = None) -> dict:
    """The schedule.json document. Sessions default to every published one; unpublished and cancelled ones are
    always left out."""
    sessions = calendar_sessions() if sessions is None else sessions
    sessions = sorted(
        (s for s in sessions if s.is_public and not s.is_cancelled),
        key=lambda s: (s.starts_at, s.venue.order, s.venue.name, s.title, s.pk),
    )
    venues = sorted({s.venue.pk: s.venue for s in sessions}.values(), key=lambda v: (v.order, v.name, v.pk))
    venue_rank = {venue.pk: rank for rank, venue in enumerate(venues)}
    sectors = sorted(
        {sector.pk: sector for s in sessions for sector in public_sectors(s)}.values(),
        key=lambda sector: (sector.order, sector.name, sector.pk),
    )

    days = []
    for index, (day, day_sessions) in enumerate(groupby(sessions, key=lambda s: _local(s.starts_at).date()), 1):
        day_sessions = list(day_sessions)
        rooms = {}
        for session in sorted(day_sessions, key=lambda s: venue_rank[s.venue.pk]):
            rooms.setdefault(session.venue.name, []).append(_event(session))
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": _local(min(s.starts_at for s in day_sessions)).isoformat(),
                "day_end": _local(max(s.ends_at for s in day_sessions)).isoformat(),
                "rooms": rooms,
            }
        )

    if not days:
        # The XSD wants at least one day: before anything is published, the event's own days, empty.
        days = [_empty_day(index, day) for index, day in enumerate(EVENT_DAYS, 1)]
    first_day, last_day = date.fromisoformat(days[0]["date"]), date.fromisoformat(days[-1]["date"])
    conference = {
        "acronym": ACRONYM,
        "title": gettext("Creative Gathering 2026"),
        "description": gettext(
            "The programme of Creative Gathering, 10–11 January 2026: ceremonies, forums, workshops, performances, "
            "the fair and business meetings, by day and venue."
        ),
        "start": first_day.isoformat(),
        "end": last_day.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": TIMESLOT_DURATION,
        "time_zone_name": HANOI_TZID,
        "url": site_url(reverse("home")),
        "tracks": [_track(sector) for sector in sectors],
        "rooms": [_room(venue) for venue in venues],
        "days": days,
    }
    # The version changes whenever anything a visitor sees changes, and only then: apps use it to spot updates.
    digest = hashlib.sha256(json.dumps(conference, sort_keys=True).encode()).hexdigest()[:12]
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": "tudoi", "url": site_url("/")},
        "schedule": {
            "version": digest,
            "base_url": site_url("/"),
            "conference": conference,
        },
    }


def _xml_text(value) -> str:
    return _NOT_XML.sub("", str(value))


def _sub(parent: ET.Element, tag: str, text=None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _xml_text(v) for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = _xml_text(text)
    return element


def _xml_event(parent: ET.Element, event: dict) -> None:
    element = _sub(parent, "event", guid=event["guid"], id=event["id"])
    _sub(element, "date", event["date"])
    _sub(element, "start", event["start"])
    # The XSD stops at 99:59; only a session running over four days would reach it.
    _sub(element, "duration", event["duration"] if _XML_DURATION.fullmatch(event["duration"]) else "99:59")
    _sub(element, "room", event["room"])
    if _XML_EVENT_SLUG.fullmatch(event["slug"]):
        _sub(element, "slug", event["slug"])
    for tag in ("url", "title", "subtitle", "track", "type", "language", "abstract", "description"):
        if tag == "language" and event[tag] is None:
            continue
        _sub(element, tag, event[tag] or "")
    persons = _sub(element, "persons")
    for person in event["persons"]:
        _sub(persons, "person", person["name"], guid=person["guid"])
    links = _sub(element, "links")
    for link in event["links"]:
        _sub(links, "link", link.get("title", link["url"]), href=link["url"], type=link.get("type"))
    _sub(element, "attachments")


def schedule_xml(schedule: dict) -> str:
    """schedule.xml text, written from the dict of `build_schedule()`."""
    conference = schedule["schedule"]["conference"]
    root = ET.Element("schedule")
    _sub(root, "generator", name=schedule["generator"]["name"])
    _sub(root, "version", schedule["schedule"]["version"])
    element = _sub(root, "conference")
    for tag in ("acronym", "title", "start", "end"):
        _sub(element, tag, conference[tag])
    _sub(element, "days", conference["daysCount"])
    for tag in ("timeslot_duration", "time_zone_name", "url"):
        _sub(element, tag, conference[tag])
    _sub(element, "base_url", schedule["schedule"]["base_url"])
    for track in conference["tracks"]:
        slug = track.get("slug")
        _sub(
            element,
            "track",
            track["name"],
            name=track["name"],
            color=track.get("color"),
            slug=slug if slug and _XML_TRACK_SLUG.fullmatch(slug) else None,
        )
    room_guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = _sub(
            root, "day", index=day["index"], date=day["date"], start=day["day_start"], end=day["day_end"]
        )
        for room_name, events in day["rooms"].items():
            room = _sub(day_element, "room", name=room_name, guid=room_guids.get(room_name))
            for event in events:
                _xml_event(room, event)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
