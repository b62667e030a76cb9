"""The personal agenda without an account: what a visitor starred, kept in their browser or in a share link.

An agenda is three lists of ids (sessions, creative units, artworks). It travels in two signed forms that use
different salts, so that a share token cannot be replayed as a cookie or the other way round:

* the `agenda` cookie, authoritative, HttpOnly, written only by a deliberate POST (starring, importing);
* a share token in `/programme/shared/<token>/`, read-only, which also feeds the calendar subscription and the QR code.

A readable companion cookie, `agenda_ids` ("s12.s14.u3"), lets the script on cached pages show which buttons are
pressed; the server never trusts it.

Everything here is plain functions over plain values; anything unreadable decodes to an empty agenda.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, TypeVar

from django.core import signing
from django.utils import timezone

# Base names: over HTTPS each is sent with the `__Host-` prefix (core.web.cookie_name).
COOKIE_NAME = "agenda"
IDS_COOKIE_NAME = "agenda_ids"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
COOKIE_SALT = "events.agenda.cookie"
SHARE_SALT = "events.agenda.share"
MAX_ITEMS = 200

# kind as posted by the star form → key in the compact value and prefix in `agenda_ids`
KINDS: dict[str, str] = {"session": "s", "unit": "u", "artwork": "a"}
_MAX_ID = 2**63 - 1  # a BigAutoField; anything larger cannot be a row and must not reach the database


@dataclass(frozen=True)
class Agenda:
    """Starred ids per kind, oldest first, without duplicates."""

    sessions: tuple[int, ...] = ()
    units: tuple[int, ...] = ()
    artworks: tuple[int, ...] = ()

    def ids(self, kind: str) -> tuple[int, ...]:
        return getattr(self, _attribute(kind))

    def __len__(self) -> int:
        return len(self.sessions) + len(self.units) + len(self.artworks)

    def __contains__(self, item: tuple[str, int]) -> bool:
        kind, pk = item
        return pk in self.ids(kind)

    @property
    def is_full(self) -> bool:
        return len(self) >= MAX_ITEMS


def _attribute(kind: str) -> str:
    return {"session": "sessions", "unit": "units", "artwork": "artworks"}[kind]


def _agenda(lists: dict[str, Sequence[int]]) -> Agenda:
    return Agenda(**{_attribute(kind): tuple(ids) for kind, ids in lists.items()})


def _clean_ids(values: object) -> tuple[int, ...]:
    """Positive integer ids in first-seen order; anything else is dropped."""
    if not isinstance(values, list | tuple):
        return ()
    seen: dict[int, None] = {}
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MAX_ID:
            seen.setdefault(value, None)
    return tuple(seen)


def _limited(sessions: Sequence[int], units: Sequence[int], artworks: Sequence[int]) -> Agenda:
    """Keep at most MAX_ITEMS in all, sessions first (they are what the agenda is for)."""
    room = MAX_ITEMS
    kept: dict[str, Sequence[int]] = {}
    for kind, ids in zip(KINDS, (sessions, units, artworks), strict=True):
        kept[kind] = ids[: max(room, 0)]
        room -= len(kept[kind])
    return _agenda(kept)


def to_compact(agenda: Agenda) -> dict[str, list[int]]:
    """The small JSON-able value that is signed: {"s": [...], "u": [...], "a": [...]}, empty lists left out."""
    return {key: list(agenda.ids(kind)) for kind, key in KINDS.items() if agenda.ids(kind)}


def from_compact(value: object) -> Agenda:
    if not isinstance(value, dict):
        return Agenda()
    return _limited(*(_clean_ids(value.get(key)) for key in KINDS.values()))


def encode(agenda: Agenda, *, salt: str) -> str:
    return signing.dumps(to_compact(agenda), salt=salt, compress=True)


def decode(value: str, *, salt: str) -> Agenda:
    """The agenda in a signed value; raises signing.BadSignature when it was not made here with this salt."""
    try:
        compact = signing.loads(value, salt=salt)
    except signing.BadSignature:
        raise
    except Exception as error:  # a valid signature over bytes that are not our JSON: treat as forged
        raise signing.BadSignature("unreadable agenda") from error
    return from_compact(compact)


def decode_or_empty(value: str | None, *, salt: str) -> Agenda:
    """For the cookie: a missing, tampered or unreadable value is an empty agenda, never an error."""
    if not value:
        return Agenda()
    try:
        return decode(value, salt=salt)
    except signing.BadSignature:
        return Agenda()


def with_item(agenda: Agenda, kind: str, pk: int) -> Agenda:
    """The agenda with one more item at the end; unchanged when it is already there or the agenda is full."""
    if (kind, pk) in agenda or agenda.is_full:
        return agenda
    lists = {name: agenda.ids(name) for name in KINDS}
    lists[kind] = (*lists[kind], pk)
    return _agenda(lists)


def without_item(agenda: Agenda, kind: str, pk: int) -> Agenda:
    return _agenda({name: [i for i in agenda.ids(name) if not (name == kind and i == pk)] for name in KINDS})


def merge(mine: Agenda, other: Agenda) -> Agenda:
    """Mine first, then what the other one adds, within MAX_ITEMS."""
    lists = [tuple(dict.fromkeys((*mine.ids(kind), *other.ids(kind)))) for kind in KINDS]
    return _limited(*lists)


def ids_cookie_value(agenda: Agenda) -> str:
    """ "s12.s14.u3": what the script reads to show pressed buttons. A hint only: the signed cookie decides."""
    return ".".join(f"{key}{pk}" for kind, key in KINDS.items() for pk in agenda.ids(kind))


# Sessions: days and overlaps


class Timed(Protocol):
    pk: int
    starts_at: datetime
    ends_at: datetime


T = TypeVar("T", bound=Timed)


def overlaps(sessions: Iterable[T]) -> dict[int, list[T]]:
    """For each session that overlaps another, the sessions it overlaps, in time order.

    Times are half-open: a talk ending at 10:00 does not overlap one starting at 10:00.
    """
    ordered = sorted(sessions, key=lambda s: (s.starts_at, s.ends_at, s.pk))
    found: dict[int, list[T]] = {}
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.starts_at >= first.ends_at:
                break
            found.setdefault(first.pk, []).append(second)
            found.setdefault(second.pk, []).append(first)
    for clashes in found.values():
        clashes.sort(key=lambda s: (s.starts_at, s.ends_at, s.pk))
    return found


def by_day(sessions: Iterable[T]) -> list[tuple[date, list[T]]]:
    """Sessions grouped by their starting day in local (Hanoi) time, days and sessions in time order."""
    days: dict[date, list[T]] = {}
    for session in sorted(sessions, key=lambda s: (s.starts_at, s.ends_at, s.pk)):
        days.setdefault(timezone.localtime(session.starts_at).date(), []).append(session)
    return list(days.items())
