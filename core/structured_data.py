"""The pieces of schema.org JSON-LD that several records share: the context, the event's status and attendance mode,
the organiser, and the image rules (a record's own picture, else the site's social image).

Each public record builds its own structured data in a `structured_data()` method on its model (a session, a speaker,
a unit, the exhibition, a work, an artist, a release); the views pass the dict to the template, whose `json_ld` filter
(core/templatetags/tudoi.py) writes it escaped into <script type="application/ld+json">. Addresses are absolute, on
`site_url()`.
"""

from django.templatetags.static import static
from django.utils.translation import gettext

from core import images
from core.web import absolute

CONTEXT = "https://schema.org"
SCHEDULED = "https://schema.org/EventScheduled"
CANCELLED = "https://schema.org/EventCancelled"
RESCHEDULED = "https://schema.org/EventRescheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
SOCIAL_IMAGE = "img/og-image.png"


def organisation(name: str, url: str = "") -> dict:
    """A schema.org Organization, with its web address when there is one."""
    data = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def organiser(url: str = "") -> dict:
    """The organiser of the gathering, in the active language."""
    return organisation(gettext("Hanoi Department of Culture and Sports"), url)


def default_image() -> str:
    """The site's social image (absolute): for records that have no picture of their own."""
    return absolute(static(SOCIAL_IMAGE))


def image_url(image, geometry: str, **options) -> str:
    """The absolute address of a rendition of `image`, or "" when there is no image."""
    return absolute(images.rendition_url(image, geometry, **options))


def article_image(image) -> list[str]:
    """`image` of an Event or an article: the record's picture as a 1200-pixel JPEG (what every reader accepts), or
    the site's social image, since search engines and news readers want an image with each one."""
    return [absolute(images.rendition_url(image, "1200", format="JPEG", quality=85) or static(SOCIAL_IMAGE))]
