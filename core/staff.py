"""Staff sign-in: the admin site (with an optional second factor) and the lock-out after failed passwords.

Lock-out. django-axes counts failed logins by the pair (username, client address) (`AXES_LOCKOUT_PARAMETERS`), so
five wrong passwords for an organiser's name lock out that name *from that address only*: whoever knows the name
cannot lock its owner out of the back office from elsewhere. Axes has one failure limit for all its counters, so the
second, higher limit per address (one address trying many names) is kept by `LoginAttemptHandler`, a small extension
of axes's database handler: it sums the failures of every name from the address over the same cool-off time and
refuses the address, whatever the name, once `TUDOI_LOGIN_ADDRESS_FAILURE_LIMIT` is reached. Both limits live in
axes's own records (the admin's "Access attempts", `manage.py axes_reset`) and answer with axes's lock-out response.

The desk. The admin is branded with the event's name in both languages, opens on the organisers' dashboard (the
figures come from the assembly, named by the setting TUDOI_ADMIN_DASHBOARD: the kernel imports no app), lists the
content apps first and users, security records and the task queue last, in sections of their own, and speaks each
organiser's chosen language (core/admin_language.py; its switch posts to `admin:language`).

Second factor. Staff may add a TOTP device (django-otp) in the admin; with `TUDOI_REQUIRE_2FA` on, the admin
asks for its code at sign-in and lets in only staff verified by a device (django-otp's `OTPAdminSite`). Off (the
default), the admin signs in with the password alone, as Django's own site does.
"""

from axes.attempts import get_cool_off_threshold
from axes.conf import settings as axes_settings
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.admin import AdminSite
from django.db.models import Sum
from django.urls import path
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from . import admin_language
from .roles import roles_of


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes's database handler, plus a limit on the failures from one address across all usernames."""

    def address_failures(self, request) -> int:
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if axes_settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0

    def address_is_locked(self, request) -> bool:
        return (
            axes_settings.AXES_LOCK_OUT_AT_FAILURE
            and self.address_failures(request) >= settings.TUDOI_LOGIN_ADDRESS_FAILURE_LIMIT
        )

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or self.address_is_locked(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False) or self.is_whitelisted(request, credentials):
            return
        if self.address_is_locked(request):
            # As axes does when the pair's limit is reached: AxesMiddleware turns this into the lock-out response.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes",
                request=request,
                username=get_client_username(request, credentials),
                ip_address=request.axes_ip_address,
            )


# Sections of the index, in order, and the apps that go in each; apps not named here are content and come first,
# the feature apps in the order of the work (programme, units, exhibition, press).
CONTENT_ORDER = ("events", "exhibitors", "exhibitions", "press")
SECTIONS = (
    ("content", _("Content and programme")),
    ("accounts", _("Users and groups")),
    ("security", _("Security")),
    ("system", _("System")),
)
SECTION_OF_APP = {
    "auth": "accounts",
    "axes": "security",
    "otp_totp": "security",
    "otp_static": "security",
    "otp_email": "security",
    "django_tasks_database": "system",
}


class StaffAdminSite(OTPAdminSite):
    """`admin.site` (see core.admin_config.AdminConfig): Django's admin, or django-otp's when TUDOI_REQUIRE_2FA is on.

    The setting is read at each request, not once at start-up, so that tests can turn it on and off.
    """

    # The event's name is a name: the same in both languages.
    site_header = "Tụ hội sáng tạo"
    site_title = "Tụ hội sáng tạo"
    index_title = _("Organisers' desk")
    index_template = "admin/index.html"

    def __init__(self, name: str = "admin"):
        super().__init__(name)

    def get_app_list(self, request, app_label=None):
        """Content apps first (CONTENT_ORDER, then the others by name), then users, security and system; each app
        says its `section` for the index."""
        app_list = super().get_app_list(request, app_label)
        sections = [key for key, _title in SECTIONS]

        def order(app):
            section = SECTION_OF_APP.get(app["app_label"], "content")
            app["section"] = section
            label = app["app_label"]
            return (
                sections.index(section),
                CONTENT_ORDER.index(label) if label in CONTENT_ORDER else len(CONTENT_ORDER),
                app["name"].lower(),
            )

        return sorted(app_list, key=order)

    def index(self, request, extra_context=None):
        app_list = self.get_app_list(request)
        app_sections = [
            {"key": key, "title": title, "apps": [app for app in app_list if app["section"] == key]}
            for key, title in SECTIONS
        ]
        context = {
            "app_sections": [section for section in app_sections if section["apps"]],
            "dashboard": self.dashboard(request),
            "my_roles": roles_of(request.user),
            **(extra_context or {}),
        }
        return super().index(request, context)

    def dashboard(self, request) -> dict | None:
        """What needs the team's attention today, from the function TUDOI_ADMIN_DASHBOARD names (the assembly's)."""
        dotted = getattr(settings, "TUDOI_ADMIN_DASHBOARD", "")
        return import_string(dotted)(request) if dotted else None

    def get_urls(self):
        return [
            path("language/", self.admin_view(admin_language.switch_admin_language), name="language"),
            *super().get_urls(),
        ]

    @property
    def login_form(self):
        return OTPAdminSite.login_form if settings.TUDOI_REQUIRE_2FA else None

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.TUDOI_REQUIRE_2FA else None

    def has_permission(self, request) -> bool:
        if settings.TUDOI_REQUIRE_2FA:
            return super().has_permission(request)  # active staff, verified by a device at sign-in
        return AdminSite.has_permission(self, request)
