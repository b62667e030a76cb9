"""The speakers' pages: everyone who speaks at a session, and each person with their sessions."""

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, ListView

from core.images import rendition_url
from core.web import NearestPageMixin, absolute

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
        context["json_ld"] = person_json_ld(speaker)
        return context


def person_json_ld(speaker: Speaker) -> dict:
    """schema.org Person, with the sessions they perform in."""
    person = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": speaker.name,
        "url": absolute(speaker.get_absolute_url()),
    }
    if speaker.role:
        person["jobTitle"] = speaker.role
    if speaker.organisation:
        person["worksFor"] = {"@type": "Organization", "name": speaker.organisation}
    if speaker.bio:
        person["description"] = speaker.bio[:300]
    image = absolute(rendition_url(speaker.photo, "600"))
    if image:
        person["image"] = image
    sessions = [
        {
            "@type": "Event",
            "name": session.title,
            "startDate": timezone.localtime(session.starts_at).isoformat(),
            "url": absolute(session.get_absolute_url()),
        }
        for session in speaker.public_sessions
    ]
    if sessions:
        person["performerIn"] = sessions
    return person
