"""Scheduling conflicts: two sessions at one venue at the same time, or one speaker booked in two sessions at once.

`find_conflicts()` reads the sessions that take place (not cancelled, drafts included: a draft is a plan that will
be published) in one query and their speakers in a second, then sweeps each place's and each speaker's sessions in
time order, so that the work grows with the sessions and their overlaps, never with every pair. Two sessions
conflict when their times overlap (one ending at 10:00 and the next starting at 10:00 do not) and they are at the
same venue and the same place within it (`place`), unless one of them is a fair or an exhibition
(`OPEN_FLOOR_KINDS`), or when they share a speaker.

The admin warns on saving a session (`warn_about_conflicts`, without refusing the save), the admin's front page
lists every conflict, and the venue × time grid (events/admin_grid.py) highlights them.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.templatetags.tudoi import _weekday, short_date
from core.text import fold, nest_quotes

from .models import Session, SessionKind

VENUE, SPEAKER = "venue", "speaker"
# A fair or an exhibition fills its venue all day while visitors walk through, and talks and workshops take place in
# it (a forum in the architecture pavilion, workshops in the fair's corners): it books no time slot of its venue.
# Its speakers, like every session's, still cannot be in two places at once.
OPEN_FLOOR_KINDS = frozenset({SessionKind.FAIR, SessionKind.EXHIBITION})


def place(session: Session) -> str:
    """Where in its venue a session takes place ("Góc workshop, khu B"), folded; "" for the venue as a whole. Two
    sessions at one venue conflict only in the same place: the street's workshop corners are booked separately."""
    return " ".join(fold(session.location_detail_vi or "").split())


@dataclass(frozen=True)
class Conflict:
    """Two sessions that cannot both take place as planned: `kind` is "venue" (same venue) or "speaker" (the same
    speaker, `speaker` their name). `first` starts no later than `second`."""

    kind: str
    first: Session
    second: Session
    speaker: str = ""

    @property
    def sessions(self) -> tuple[Session, Session]:
        return (self.first, self.second)

    @property
    def starts_at(self):
        """When the overlap begins."""
        return max(self.first.starts_at, self.second.starts_at)

    def other(self, session: Session) -> Session:
        return self.second if session.pk == self.first.pk else self.first

    @property
    def when(self) -> str:
        """ "10:00 Thứ Bảy 10/01" / "10:00 on Saturday 10 Jan", in the active language, Hanoi time."""
        moment = timezone.localtime(self.starts_at)
        return gettext("%(time)s on %(weekday)s %(date)s") % {
            "time": f"{moment:%H:%M}",
            "weekday": _weekday(moment.date()),
            "date": short_date(moment.date()),
        }

    @property
    def label(self) -> str:
        """The conflict in one sentence, in the active language."""
        names = {
            "first": nest_quotes(str(self.first)),
            "second": nest_quotes(str(self.second)),
            "when": self.when,
        }
        if self.kind == VENUE:
            venue = str(self.first.venue)
            if self.first.location_detail:
                venue = f"{venue} ({self.first.location_detail})"
            return gettext("“%(first)s” and “%(second)s” are both at %(venue)s at %(when)s") % {**names, "venue": venue}
        return gettext("%(speaker)s is in both “%(first)s” and “%(second)s” at %(when)s") % {
            **names,
            "speaker": self.speaker,
        }

    @property
    def url(self) -> str:
        """The admin page of the later of the two sessions (the one most likely booked by mistake)."""
        return reverse("admin:events_session_change", args=[self.second.pk])


def _overlapping_pairs(sessions: list[Session]):
    """Each pair of overlapping sessions of `sessions` (sorted by start), the earlier first."""
    running: list[Session] = []
    for session in sessions:
        running = [other for other in running if other.ends_at > session.starts_at]
        for other in running:
            yield other, session
        running.append(session)


def find_conflicts(sessions: Iterable[Session] | None = None) -> list[Conflict]:
    """Every conflict between sessions that take place, or, given `sessions`, those that involve one of them.

    Two queries: the sessions (with their venues), and the links to their speakers (with the speakers' names).
    Ordered by the time the overlap begins.
    """
    pool = Session.objects.filter(is_cancelled=False)
    focus = None
    if sessions is not None:
        chosen = [session for session in sessions if session.pk is not None]
        focus = {session.pk for session in chosen}
        if not chosen:
            return []
        start = min(session.starts_at for session in chosen)
        end = max(session.ends_at for session in chosen)
        pool = pool.filter(starts_at__lt=end, ends_at__gt=start)
    taking_place = list(pool.select_related("venue").order_by("starts_at", "pk"))
    by_pk = {session.pk: session for session in taking_place}
    if focus is not None:
        focus &= by_pk.keys()
        if not focus:
            return []

    found: dict[tuple, Conflict] = {}

    def keep(kind: str, first: Session, second: Session, speaker: str = "") -> None:
        if focus is not None and first.pk not in focus and second.pk not in focus:
            return
        if (VENUE, first.pk, second.pk) in found:
            return  # the same two sessions at the same venue: the venue conflict says it all
        found.setdefault((kind, first.pk, second.pk), Conflict(kind, first, second, speaker))

    by_venue = defaultdict(list)
    for session in taking_place:
        if session.kind not in OPEN_FLOOR_KINDS:
            by_venue[session.venue_id, place(session)].append(session)
    for group in by_venue.values():
        for first, second in _overlapping_pairs(group):
            keep(VENUE, first, second)

    links = Session.speakers.through.objects.filter(session__in=pool).values_list(
        "session_id", "speaker_id", "speaker__name"
    )
    by_speaker = defaultdict(list)
    names = {}
    for session_id, speaker_id, name in links:
        if session_id in by_pk:
            by_speaker[speaker_id].append(by_pk[session_id])
            names[speaker_id] = name
    for speaker_id, group in by_speaker.items():
        group.sort(key=lambda session: (session.starts_at, session.pk))
        for first, second in _overlapping_pairs(group):
            keep(SPEAKER, first, second, names[speaker_id])

    return sorted(found.values(), key=lambda c: (c.starts_at, c.first.pk, c.second.pk, c.kind))


def warn_about_conflicts(request, session: Session) -> list[Conflict]:
    """After a session is saved in the admin: a warning (the save stands) for each conflict it is in, naming the
    other session. Returns the conflicts."""
    if session.is_cancelled:
        return []
    conflicts = find_conflicts([session])
    for conflict in conflicts:
        messages.warning(
            request,
            gettext("Scheduling conflict: %(conflict)s. Check “%(other)s”.")
            % {"conflict": conflict.label, "other": nest_quotes(str(conflict.other(session)))},
        )
    return conflicts
