"""The speakers' pages: everyone who speaks at a session, and each person with their sessions."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from core.views import PreviewMixin, StructuredDataMixin
from core.web import NearestPageMixin

from .models import Session, Speaker


def _public_sessions(to_attr: str = "public_sessions") -> Prefetch:
    return Prefetch(
        "sessions",
        queryset=Session.objects.published().select_related("venue").order_by("starts_at"),
        to_attr=to_attr,
    )


class SpeakerListView(NearestPageMixin, ListView):
    template_name = "events/speaker_list.html"
    context_object_name = "speakers"
    paginate_by = 60  # a light page however many people speak

    def get_queryset(self):
        return Speaker.objects.published().order_by("name")


class SpeakerDetailView(PreviewMixin, StructuredDataMixin, DetailView):
    template_name = "events/speaker_detail.html"
    context_object_name = "speaker"

    def get_queryset(self):
        return self.visible(Speaker.objects).prefetch_related(_public_sessions())
