from django.urls import path

from . import views

app_name = "exhibitions"

# Fixed paths first: an artwork slug never shadows them.
urlpatterns = [
    path("exhibitions/", views.exhibition_index, name="index"),
    path("exhibitions/<slug:slug>/", views.exhibition_detail, name="detail"),
    path("exhibitions/<slug:slug>/labels/", views.wall_labels, name="labels"),
    path("exhibitions/<slug:slug>/<slug:artwork_slug>/", views.artwork_detail, name="artwork"),
    path("artists/<slug:slug>/", views.artist_detail, name="artist"),
]
