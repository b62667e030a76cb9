"""The admin app with our site as `admin.site`: listed in INSTALLED_APPS instead of "django.contrib.admin".

A module of its own, importing no model: INSTALLED_APPS imports it while the app registry is still loading.
"""

from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """django.contrib.admin, whose `admin.site` may ask staff for a second factor (core.staff.StaffAdminSite)."""

    default_site = "core.staff.StaffAdminSite"
