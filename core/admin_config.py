"""App configs that INSTALLED_APPS names: the admin with our site, and the sign-in apps under the organisers' words.

A module of its own, importing no model: INSTALLED_APPS imports it while the app registry is still loading.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig
from django_tasks_db.apps import TasksAppConfig


class AdminConfig(DjangoAdminConfig):
    """django.contrib.admin, whose `admin.site` may ask staff for a second factor (core.staff.StaffAdminSite)."""

    default_site = "core.staff.StaffAdminSite"


# The apps below keep their labels, tables and migrations; only the names the admin shows change. The admin's index
# lists them last (core.staff.StaffAdminSite.get_app_list), in a "Security" and a "System" section.


class AxesConfig(AxesAppConfig):
    """django-axes: the failed sign-ins and lock-outs (core/staff.py)."""

    verbose_name = _("Sign-in attempts")


class TOTPConfig(TOTPAppConfig):
    """django-otp's TOTP devices: staff's second factor. Its model names are plain English strings, not
    translatable ones, so they are replaced here (the migration state reads Meta's original values: no migration)."""

    verbose_name = _("Two-step sign-in")

    def ready(self):
        device = self.get_model("TOTPDevice")
        device._meta.verbose_name = _("TOTP device")
        device._meta.verbose_name_plural = _("TOTP devices")


class TasksDatabaseConfig(TasksAppConfig):
    """django-tasks-db: the queue of background tasks (e-mails), kept in the site's database."""

    verbose_name = _("Background tasks")
