from django.urls import path

from . import agenda_views, calendar_views, change_views, registration_views, speaker_views, views

app_name = "events"

# Fixed paths first: a session slug never shadows them.
urlpatterns = [
    path("programme/", views.ProgrammeView.as_view(), name="programme"),
    path("programme.ics", calendar_views.programme_calendar, name="programme-ics"),
    path("programme/now/", views.NowView.as_view(), name="now"),
    path("speakers/", speaker_views.SpeakerListView.as_view(), name="speakers"),
    path("speakers/<slug:slug>/", speaker_views.SpeakerDetailView.as_view(), name="speaker"),
    path("programme/changes/", change_views.ChangeListView.as_view(), name="changes"),
    path("programme/changes/feed/", change_views.ChangesFeed(), name="changes-feed"),
    path("programme/schedule.json", calendar_views.schedule_json, name="schedule-json"),
    path("programme/schedule.xml", calendar_views.schedule_xml, name="schedule-xml"),
    path("programme/my/", agenda_views.my_agenda, name="agenda"),
    path("programme/my/star/", agenda_views.toggle_star, name="star"),
    path("programme/shared/<str:token>/", agenda_views.shared_agenda, name="agenda-shared"),
    path("programme/shared/<str:token>/agenda.ics", agenda_views.agenda_calendar, name="agenda-ics"),
    path("programme/shared/<str:token>/qr.svg", agenda_views.agenda_qr, name="agenda-qr"),
    path("programme/shared/<str:token>/import/", agenda_views.import_agenda, name="agenda-import"),
    path("programme/registration/<str:token>/cancel/", registration_views.cancel, name="cancel-registration"),
    path("programme/registration/<str:token>/confirm/", registration_views.confirm, name="confirm-registration"),
    path("programme/<slug:slug>.ics", calendar_views.session_calendar, name="session-ics"),
    path("programme/<slug:slug>/", views.SessionDetailView.as_view(), name="detail"),
    path("programme/<slug:slug>/register/", registration_views.register, name="register"),
]
