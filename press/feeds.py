"""Atom and RSS feeds of the press releases, one per language (`/vi/press/feed/`, `/en/press/feed/`).

Titles, summaries and links are in the feed's language (English falls back to Vietnamese field by field, as on
the pages). Embargoed releases are absent until their publication time, as everywhere.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.web import site_url

from .models import PressRelease

FEED_LENGTH = 30


class ReleasesFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Creative Gathering 2026: press releases")

    def subtitle(self):
        return _("Press releases of Creative Gathering, Hoàn Kiếm Lake, Hanoi, 10–11 January 2026.")

    description = subtitle  # RSS calls it the description

    def link(self):
        return site_url() + reverse("press:index")

    def feed_url(self):
        return site_url() + reverse("press:feed")

    def author_name(self):
        return _("Hanoi Department of Culture and Sports")

    def items(self):
        return PressRelease.objects.published().for_listing()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The feed carries HTML: the text is escaped, then its paragraphs marked up.
        return linebreaks(item.summary or Truncator(item.body).words(60), autoescape=True)

    def item_link(self, item):
        return site_url() + item.get_absolute_url()

    def item_pubdate(self, item):
        return item.dated

    def item_updateddate(self, item):
        return max(item.updated_at, item.dated)


class ReleasesRssFeed(ReleasesFeed):
    feed_type = Rss201rev2Feed

    def feed_url(self):
        return site_url() + reverse("press:feed-rss")
