import secrets
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import alt_text, clock
from core import structured_data as schema
from core.images import SafeImageField, UploadTo
from core.models import Publishable, PublishableQuerySet, Slugged, TimeStamped
from core.search import Searchable
from core.web import absolute, site_url
from exhibitors.models import Sector

HANOI = timezone.get_default_timezone()

# schema.org ItemAvailability of each registration state (events/registration.py, `State`): seats left, waiting list
# only, not yet open, no longer offered.
OFFER_AVAILABILITY = {
    "open": "https://schema.org/InStock",
    "full": "https://schema.org/SoldOut",
    "not-open": "https://schema.org/PreOrder",
    "closed": "https://schema.org/Discontinued",
    "finished": "https://schema.org/Discontinued",
    "cancelled": "https://schema.org/Discontinued",
}


class Venue(Slugged, Publishable):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=255)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    hours = models.TextField(_("opening hours"), blank=True)
    accessibility = models.TextField(_("access and accessibility"), blank=True)
    getting_there = models.TextField(
        _("getting there"), blank=True, help_text=_("Buses, parking, and the walk from the lake.")
    )
    nearby = models.TextField(_("toilets and food nearby"), blank=True)
    free_entry = models.BooleanField(_("free entry"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="venue_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="venue_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    def schema_place(self) -> dict:
        """The venue as a schema.org Place for JSON-LD: postal address, its section of the visit page and, when
        known, the coordinates (in the active language)."""
        place = {
            "@type": "Place",
            "name": self.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "addressLocality": gettext("Hanoi"),
                "addressCountry": "VN",
            },
            "url": site_url() + reverse("visit") + f"#{self.slug}",
        }
        if self.latitude is not None and self.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        return place

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self) -> str:
        """OpenStreetMap at the venue: no third-party script on our pages, and it opens in any phone's browser."""
        if not self.has_coordinates:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )

    @property
    def geo_uri(self) -> str:
        """A `geo:` URI (RFC 5870): Android offers the phone's map apps; the label in brackets names the pin."""
        if not self.has_coordinates:
            return ""
        return f"geo:{self.latitude},{self.longitude}?q={self.latitude},{self.longitude}({quote(self.name)})"

    @property
    def apple_maps_url(self) -> str:
        """Apple Maps (opens the Maps app on an iPhone, the web map elsewhere)."""
        if not self.has_coordinates:
            return ""
        return f"https://maps.apple.com/?q={quote(self.name)}&ll={self.latitude},{self.longitude}"

    @property
    def google_maps_url(self) -> str:
        """Google Maps' documented search URL (opens its app when installed)."""
        if not self.has_coordinates:
            return ""
        return f"https://www.google.com/maps/search/?api=1&query={self.latitude},{self.longitude}"


class Speaker(Slugged, Publishable, Searchable):
    search_name_fields = ("name",)
    search_body_fields = ("role", "organisation", "bio")

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = SafeImageField(_("photo"), upload_to=UploadTo("speakers"), blank=True)
    photo_alt = alt_text.field()
    image_alt_fields = (("photo", "photo_alt"),)  # core/alt_text.py: described in Vietnamese to publish
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:speaker", kwargs={"slug": self.slug})

    def structured_data(self) -> dict:
        """schema.org Person, with the published sessions they perform in (the speaker's page prefetches them as
        `public_sessions`)."""
        person = {
            "@context": schema.CONTEXT,
            "@type": "Person",
            "name": self.name,
            "url": absolute(self.get_absolute_url()),
        }
        if self.role:
            person["jobTitle"] = self.role
        if self.organisation:
            person["worksFor"] = schema.organisation(self.organisation)
        if self.bio:
            person["description"] = self.bio[:300]
        image = schema.image_url(self.photo, "600")
        if image:
            person["image"] = image
        sessions = getattr(self, "public_sessions", None)
        if sessions is None:
            sessions = self.sessions.published().select_related("venue").order_by("starts_at")
        performs = [
            {
                "@type": "Event",
                "name": session.title,
                "startDate": timezone.localtime(session.starts_at).isoformat(),
                "url": absolute(session.get_absolute_url()),
            }
            for session in sessions
        ]
        if performs:
            person["performerIn"] = performs
        return person

    @property
    def initials(self) -> str:
        """Shown instead of a photo: the first letters of the first and last words ("Nguyễn Thị Lan" → "NL")."""
        words = [word for word in self.name.split() if word[:1].isalpha()]
        if not words:
            return ""
        return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


class SessionKind(models.TextChoices):
    CEREMONY = "ceremony", _("Ceremony")
    FORUM = "forum", _("Talk or forum")
    WORKSHOP = "workshop", _("Workshop")
    PERFORMANCE = "performance", _("Performance")
    EXHIBITION = "exhibition", _("Exhibition")
    FAIR = "fair", _("Fair")
    NETWORKING = "networking", _("Business meeting")
    TOUR = "tour", _("Tour")
    FAMILY = "family", _("For children and families")


class DeliveryLanguage(models.TextChoices):
    VI = "vi", _("Vietnamese")
    EN = "en", _("English")
    BOTH = "vi-en", _("Vietnamese and English")
    NONE = "none", _("No spoken language")


class SessionQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("venue").prefetch_related(Prefetch("sectors", queryset=Sector.objects.published()))

    def on_day(self, day):
        return self.filter(starts_at__date=day)

    def with_seats(self, moment=None):
        """On each session, in the same query: `seats_taken` (counted by `RegistrationQuerySet.seats`, the one rule
        for a seat taken), `seats_left` (never below zero; None for open entry) and `present` (checked in at the door,
        `RegistrationQuerySet.present`)."""
        return self.annotate(
            seats_taken=Registration.objects.seats(moment).count_per_session(),
            present=Registration.objects.present().count_per_session(),
        ).annotate(
            # Case, not Greatest alone: PostgreSQL's GREATEST(NULL, 0) is 0, and open entry has no seats to count.
            seats_left=Case(
                When(capacity__isnull=True, then=Value(None)),
                default=Greatest(F("capacity") - F("seats_taken"), Value(0)),
            )
        )


class Session(Slugged, Publishable, Searchable):
    slug_source = "title"
    reserved_slugs = frozenset({"now", "my", "shared", "registration", "changes"})  # events/urls.py
    search_name_fields = ("title",)
    search_body_fields = ("summary", "description", "location_detail")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=12, choices=SessionKind.choices)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("venue"))
    location_detail = models.CharField(
        _("place within the venue"), max_length=200, blank=True, help_text=_("For example: booth B12, stage.")
    )
    sectors = models.ManyToManyField(
        "exhibitors.Sector", blank=True, related_name="sessions", verbose_name=_("sectors")
    )
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="sessions", verbose_name=_("speakers"))
    host_units = models.ManyToManyField(
        "exhibitors.CreativeUnit", blank=True, related_name="hosted_sessions", verbose_name=_("host units")
    )
    language = models.CharField(
        _("language of delivery"), max_length=5, choices=DeliveryLanguage.choices, default=DeliveryLanguage.VI
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for open entry without registration.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    image = SafeImageField(_("image"), upload_to=UploadTo("sessions"), blank=True)
    image_alt = alt_text.field()
    image_alt_fields = (("image", "image_alt"),)  # core/alt_text.py: described in Vietnamese to publish
    renditions = models.JSONField(default=dict, blank=True, editable=False)  # core/renditions.py
    is_highlight = models.BooleanField(_("highlight on the home page"), default=False)
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_(
            "The session stays on the programme, marked as cancelled, and the people holding a seat are told by e-mail."
        ),
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "venue__order", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="session_capacity_positive",
                violation_error_message=_("Leave the seats empty for open entry, or give at least one seat."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="session_registration_window_ordered",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def structured_data(self, change=None, *, state=None) -> dict:
        """schema.org Event, so that search engines and apps can read the session. `change` is its latest recent
        programme change (events/changes.py: a moved session is "rescheduled"), `state` its registration state
        (computed when not given). The session page prefetches the published speakers."""
        from .registration import registration_state

        url = site_url() + self.get_absolute_url()
        data = {
            "@context": schema.CONTEXT,
            "@type": "Event",
            "name": self.title,
            "description": self.summary or self.description[:300],
            "startDate": timezone.localtime(self.starts_at, HANOI).isoformat(),
            "endDate": timezone.localtime(self.ends_at, HANOI).isoformat(),
            "eventStatus": schema.SCHEDULED,  # or cancelled, or rescheduled: below
            "eventAttendanceMode": schema.OFFLINE,
            "location": self.venue.schema_place(),
            "url": url,
            "inLanguage": self.language if self.language in ("vi", "en") else "vi",
            "isAccessibleForFree": self.venue.free_entry,
            # The session's own picture, or the site's social image (venues have none).
            "image": schema.article_image(self.image),
            "organizer": schema.organiser(),
        }
        if self.needs_registration:
            data["offers"] = self.structured_offer(url, state or registration_state(self))
        if self.is_cancelled:
            data["eventStatus"] = schema.CANCELLED
        elif change is not None and change.time_changed:
            data["eventStatus"] = schema.RESCHEDULED
            data["previousStartDate"] = timezone.localtime(change.old_starts_at, HANOI).isoformat()
        if "speakers" in getattr(self, "_prefetched_objects_cache", {}):
            speakers = self.speakers.all()
        else:
            speakers = self.speakers.published()
        performers = [{"@type": "Person", "name": speaker.name} for speaker in speakers]
        if performers:
            data["performer"] = performers
        return data

    def structured_offer(self, url: str, state) -> dict:
        """The free seat a registration gives, as a schema.org Offer (only for sessions with registration). Its `url`
        is the session's page, which says how to register or why one cannot (no page links to a closed form)."""
        offer = {
            "@type": "Offer",
            "url": url,
            "availability": OFFER_AVAILABILITY[state.code],
        }
        if self.venue.free_entry:
            offer.update(price="0", priceCurrency="VND")
        if state.opens_at:
            offer["validFrom"] = timezone.localtime(state.opens_at, HANOI).isoformat()
        if state.closes_at:
            offer["validThrough"] = timezone.localtime(state.closes_at, HANOI).isoformat()
        return offer

    def save(self, *args, **kwargs):
        # A published session that moves or is cancelled is a programme change, whoever saves it (events/changes.py).
        from . import changes

        before = changes.previous_state(self)
        changes.follow_time(self, before)
        super().save(*args, **kwargs)
        changes.record(self, before)

    def is_on_at(self, moment) -> bool:
        return self.starts_at <= moment < self.ends_at

    @property
    def needs_registration(self) -> bool:
        return self.capacity is not None


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


# The check-in code: 8 characters without the ones a reader confuses (0/O, 1/I/L), 31⁸ ≈ 850 billion codes.
CHECKIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CHECKIN_CODE_LENGTH = 8


def new_checkin_code() -> str:
    return "".join(secrets.choice(CHECKIN_ALPHABET) for _position in range(CHECKIN_CODE_LENGTH))


class RegistrationQuerySet(models.QuerySet):
    """Which registrations count at a moment (default `core.clock.now()`).

    A registration made on the site is an unconfirmed *hold* until its holder follows the link in the e-mail
    (`confirmed_at`); a hold that passes `hold_expires_at` unconfirmed simply stops counting, so no scheduled job is
    needed for the seat to become free again.
    """

    def live(self, moment=None):
        """Not cancelled, and either confirmed or a hold that has not expired."""
        moment = moment or clock.now()
        return self.exclude(status=RegistrationStatus.CANCELLED).filter(
            Q(confirmed_at__isnull=False) | Q(hold_expires_at__gt=moment)
        )

    def seats(self, moment=None):
        """The one rule for a seat taken, wherever seats are counted (the programme, the session and registration
        pages, the agenda, the admin, the registration flow): a registration for a seat, whose address is confirmed
        or whose hold has not expired. A hold that expired, a cancelled registration and the waiting list take none.
        """
        return self.live(moment).filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self, moment=None):
        """The waiting list: places confirmed, or held and not expired."""
        return self.live(moment).filter(status=RegistrationStatus.WAITLISTED)

    def count_per_session(self):
        """These registrations' number for the session of the outer query, 0 when none: an annotation for
        `Session` querysets (`SessionQuerySet.with_seats`), counted in the same query as the sessions."""
        counted = self.filter(session=OuterRef("pk")).order_by().values("session").annotate(n=Count("pk"))
        return Coalesce(Subquery(counted.values("n")), 0)

    def confirmed(self):
        """Registrations whose address is proven (the link was followed, or staff typed them in)."""
        return self.exclude(status=RegistrationStatus.CANCELLED).filter(confirmed_at__isnull=False)

    def present(self):
        """Seats whose holder was checked in at the door (events/checkin.py); a seat cancelled since is not."""
        return self.filter(status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False)


class Registration(TimeStamped):
    """A visitor's seat, or place on the waiting list, for a session with limited seats.

    `status` says what the registration holds (a seat, a waiting-list place, nothing once cancelled);
    `confirmed_at` says whether its address is proven. See `RegistrationQuerySet`.
    """

    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("session")
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="vi")
    consent = models.BooleanField(_("consent to the use of these details"), default=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("address confirmed at"),
        null=True,
        blank=True,
        help_text=_("When the visitor followed the link in the confirmation e-mail. Empty: not confirmed yet."),
    )
    hold_expires_at = models.DateTimeField(
        _("hold expires at"),
        null=True,
        blank=True,
        help_text=_("An unconfirmed registration stops holding its place at this time."),
    )
    # Check-in at the door (events/checkin.py): the code printed under the QR code of the confirmation e-mail.
    checkin_code = models.CharField(
        _("check-in code"), max_length=8, unique=True, null=True, blank=True, editable=False, default=new_checkin_code
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["session", "created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("check_in", _("Can check people in at the door"))]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "session",
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_active_per_email",
                violation_error_message=_(
                    "This e-mail address already has a seat or a waiting-list place for this session."
                ),
            ),
            models.CheckConstraint(condition=Q(status__in=RegistrationStatus.values), name="registration_status_valid"),
            models.CheckConstraint(
                condition=Q(consent=True),
                name="registration_has_consent",
                violation_error_message=_("A registration needs the visitor's consent."),
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.session}"


class StatusChange(models.TextChoices):
    NONE = "", _("No change of status")
    CANCELLED = "cancelled", _("Cancelled")
    REINSTATED = "reinstated", _("Back on the programme")


class SessionChange(models.Model):
    """One change of a published session's time, place or status, as visitors were told of it.

    Recorded whenever such a session is saved with a new time, venue or cancellation (admin, import or code), and
    listed on /programme/changes/ with its feed; seat holders are mailed about it.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="changes", verbose_name=_("session"))
    changed_at = models.DateTimeField(_("changed at"), default=clock.now, db_index=True)
    old_starts_at = models.DateTimeField(_("previous start"))
    old_ends_at = models.DateTimeField(_("previous end"))
    new_starts_at = models.DateTimeField(_("new start"))
    new_ends_at = models.DateTimeField(_("new end"))
    old_venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="+", verbose_name=_("previous venue"))
    new_venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="+", verbose_name=_("new venue"))
    status_change = models.CharField(
        _("change of status"), max_length=10, choices=StatusChange.choices, blank=True, default=StatusChange.NONE
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("programme change")
        verbose_name_plural = _("programme changes")

    def __str__(self):
        return f"{self.session} ({self.changed_at:%Y-%m-%d %H:%M})"

    @property
    def time_changed(self) -> bool:
        return (self.old_starts_at, self.old_ends_at) != (self.new_starts_at, self.new_ends_at)

    @property
    def venue_changed(self) -> bool:
        return self.old_venue_id != self.new_venue_id


class SessionMessage(models.Model):
    """A message the organisers wrote to the people registered for a session (events/participant_mail.py), kept as
    it was sent: each person received the version in their language, or the Vietnamese one when there was no other."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="messages", verbose_name=_("session"))
    subject_vi = models.CharField(_("subject (Vietnamese)"), max_length=200)
    body_vi = models.TextField(_("message (Vietnamese)"))
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    body_en = models.TextField(_("message (English)"), blank=True)
    include_waiting = models.BooleanField(_("waiting list included"), default=False)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), default=clock.now)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self):
        return self.subject_vi
