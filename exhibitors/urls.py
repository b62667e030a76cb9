from django.urls import path

from . import meeting_views, views

app_name = "exhibitors"

urlpatterns = [
    path("exhibitors/", views.DirectoryView.as_view(), name="directory"),
    path("exhibitors/<slug:slug>/", views.UnitDetailView.as_view(), name="detail"),
    path("exhibitors/<slug:slug>/meet/", meeting_views.meet, name="meet"),
    path("sectors/<slug:slug>/", views.SectorDetailView.as_view(), name="sector"),
]
