from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core import api as open_data

from . import sitemaps, views

handler404 = "tudoi.views.page_not_found"
handler500 = "tudoi.views.server_error"

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("i18n/switch/<str:language>/", views.switch_language, name="switch-language"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("api/v1/", open_data.urls()),  # the open data API: every resource the apps registered (core/api.py)
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("partners/", views.PartnersView.as_view(), name="partners"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("visit/", views.VisitView.as_view(), name="visit"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("", include("events.urls")),
    path("", include("exhibitors.urls")),
    path("", include("exhibitions.urls")),
    path("", include("press.urls")),
    prefix_default_language=True,
)

if settings.MEDIA_URL.startswith("/") and not settings.MEDIA_URL.startswith("//"):
    urlpatterns += [path(settings.MEDIA_URL.lstrip("/") + "<path:path>", views.media, name="media")]
