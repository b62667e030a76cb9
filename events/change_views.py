"""The programme's changelog: /programme/changes/ and its Atom feed, newest first, in the page's language."""

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView

from core.web import NearestPageMixin, site_url

from .calendars import uid_host
from .models import Session, SessionChange

FEED_LENGTH = 50


def published_changes():
    """Changes of sessions the public may see, with what the list shows, newest first."""
    return SessionChange.objects.filter(session__in=Session.objects.published()).select_related(
        "session", "old_venue", "new_venue"
    )


class ChangeListView(NearestPageMixin, ListView):
    template_name = "events/changes.html"
    context_object_name = "changes"
    paginate_by = 50

    def get_queryset(self):
        return published_changes()


class ChangesFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Creative Gathering 2026: programme changes")

    def subtitle(self):
        return _("Sessions moved, cancelled or back on the programme, newest first (Hanoi time, GMT+7).")

    def link(self):
        return site_url() + reverse("events:changes")

    def feed_url(self):
        return site_url() + reverse("events:changes-feed")

    def author_name(self):
        return _("Hanoi Department of Culture and Sports")

    def items(self):
        return published_changes()[:FEED_LENGTH]

    def item_title(self, item):
        return item.session.title

    def item_description(self, item):
        return render_to_string("events/_change_summary.html", {"change": item})

    def item_link(self, item):
        return site_url() + item.session.get_absolute_url()

    def item_guid(self, item):
        # A tag URI on the fixed host, not the request's: readers recognise an entry whatever address they used. One
        # per language, since the Vietnamese and English entries differ in text.
        return f"tag:{uid_host()},2026:programme-change-{item.pk}-{get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.changed_at

    def item_updateddate(self, item):
        return item.changed_at
