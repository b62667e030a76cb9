from django.urls import path

from . import meeting_views, views

app_name = "exhibitors"

urlpatterns = [
    path("exhibitors/", views.directory, name="directory"),
    path("exhibitors/<slug:slug>/", views.unit_detail, name="detail"),
    path("exhibitors/<slug:slug>/meet/", meeting_views.meet, name="meet"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector"),
]
