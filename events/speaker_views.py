"""The speakers' pages: everyone who speaks at a session, and each person with their sessions."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

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


class SpeakerDetailView(DetailView):
    template_name = "events/speaker_detail.html"
    context_object_name = "speaker"

    def get_queryset(self):
        return Speaker.objects.published().prefetch_related(_public_sessions())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        speaker = self.object
        context["json_ld"] = speaker.structured_data()
        return context
