from django.urls import path

from . import feeds, views

app_name = "press"

# Fixed paths first; a release's slug never takes one of them (models.RESERVED_SLUGS).
urlpatterns = [
    path("press/", views.PressIndexView.as_view(), name="index"),
    path("press/feed/", feeds.ReleasesFeed(), name="feed"),
    path("press/feed/rss/", feeds.ReleasesRssFeed(), name="feed-rss"),
    path("press/kit.zip", views.media_kit, name="kit"),
    path("press/kit/fact-sheet.pdf", views.fact_sheet_pdf, name="fact-sheet-pdf"),
    path("press/kit/<slug:slug>/web/", views.asset_web, name="asset-web"),
    path("press/facts/", views.FactSheetView.as_view(), name="facts"),
    path("press/accreditation/", views.accreditation_form, name="accreditation"),
    path("press/<slug:slug>/", views.ReleaseDetailView.as_view(), name="detail"),
]
