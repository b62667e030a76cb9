from django.urls import path

from . import views

app_name = "exhibitions"

# Fixed paths first: an artwork slug never shadows them.
urlpatterns = [
    path("exhibitions/", views.ExhibitionIndexView.as_view(), name="index"),
    path("exhibitions/<slug:slug>/", views.ExhibitionDetailView.as_view(), name="detail"),
    path("exhibitions/<slug:slug>/labels/", views.WallLabelsView.as_view(), name="labels"),
    path("exhibitions/<slug:slug>/<slug:artwork_slug>/", views.ArtworkDetailView.as_view(), name="artwork"),
    path("artists/<slug:slug>/", views.ArtistDetailView.as_view(), name="artist"),
]
