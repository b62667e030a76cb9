"""Settings for the Tụ hội sáng tạo portal.

One file for every environment: each deployment difference is read from an environment variable (listed in the
README). With nothing set, the site runs on SQLite with DEBUG off, so `make run` and `make test` set DJANGO_DEBUG.
"""

import os
import sys
from datetime import date
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for local development).")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production-" + "x" * 20

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "core.admin_config.AdminConfig",  # django.contrib.admin, with core.staff.StaffAdminSite as admin.site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "import_export",
    "core.admin_config.AxesConfig",  # django-axes, named for the admin (core/admin_config.py)
    "django_otp",
    "core.admin_config.TOTPConfig",  # django_otp.plugins.otp_totp: staff's second factor (core/staff.py)
    "csp",
    "django_tasks",
    "core.admin_config.TasksDatabaseConfig",  # django_tasks_db, named for the admin
    "reversion",  # the content's history: every change kept, shown old → new, restorable (core/history.py)
    "core",
    "tudoi",
    "exhibitors",
    "events",
    "exhibitions",
    "press",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.headers.SecurityHeadersMiddleware",  # Permissions-Policy, CORP: outside WhiteNoise and the page cache
    "core.web.SiteURLMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.api.ApiMiddleware",  # /api/v1/ only: no language cookie (before the page cache), errors as problem JSON
    "core.pagecache.PageCacheMiddleware",  # anonymous pages answered here, before sessions and the database
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(), for the admin's second factor
    "core.admin_language.AdminLanguageMiddleware",  # the admin speaks each organiser's choice, Vietnamese by default
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "tudoi.urls"
WSGI_APPLICATION = "tudoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tudoi.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when the database is unreachable, so that error pages answer instead of hanging.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get("DATABASE_TEST_NAME") or None
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default under a crowd (gunicorn's threads write at the same time): readers never wait for the
    # writer (WAL journal), every write transaction takes the write lock when it begins (IMMEDIATE), so that two
    # transactions that read and then write cannot deadlock and fail at once with "database is locked", and a writer
    # waits its turn up to 20 s (busy timeout) instead of failing. synchronous=NORMAL is safe with WAL (a power cut
    # may lose the last commits, never corrupt the file) and spares an fsync per commit. An in-memory test database
    # ignores the journal setting.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by several app instances), a folder otherwise. django-redis
# with IGNORE_EXCEPTIONS and short socket timeouts fails open: a Redis outage slows nothing and breaks no page.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "tudoi",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # Without Redis, a folder that every worker process of this machine shares (a per-process memory cache would
    # let one worker serve a page that another has already seen change).
    # The test suite keeps it in each process's memory: parallel test processes must not share (and clear) it.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("TUDOI_CACHE_DIR") or str(BASE_DIR / ".cache" / "django"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
        if "pytest" not in sys.modules
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tudoi"},
    }

SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Anonymous pages from the cache (core.pagecache): on unless TUDOI_PAGE_CACHE=0, each page at most this long
# (and never past the minute of the site's clock in which it was made).
TUDOI_PAGE_CACHE = os.environ.get("TUDOI_PAGE_CACHE", "1") != "0"
TUDOI_PAGE_CACHE_SECONDS = 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins lock out the pair (username, address): five for one name from one address; anyone who knows a
# staff name cannot lock its owner out from elsewhere. One address is also refused, whatever the name, after
# TUDOI_LOGIN_ADDRESS_FAILURE_LIMIT failures over all names in the same cool-off time (core/staff.py).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# What a locked-out sign-in reads (axes's own says "Account locked", which is no longer so, and has no Vietnamese).
AXES_COOLOFF_MESSAGE = gettext_lazy("Too many failed sign-ins from this address. Please try again in 15 minutes.")
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "core.staff.LoginAttemptHandler"
TUDOI_LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("TUDOI_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
# The admin's front page: the figures the organisers' desk shows (built by the assembly; core imports no app).
TUDOI_ADMIN_DASHBOARD = "tudoi.dashboard.desk"
# Staff sign in to the admin with a second factor (a TOTP device, django-otp) when this is on; see the README.
TUDOI_REQUIRE_2FA = env_bool("TUDOI_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Tụ hội sáng tạo"  # the name authenticator apps show beside the code
# Behind a load balancer, count the client address from X-Forwarded-For; otherwise one robot would lock out
# everyone who shares the balancer's address.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0")) or None
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# Languages: Vietnamese first and by default; English second. Every page lives under /vi/ or /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
# Our own input and display formats for both languages: day first, 24-hour clock (core/formats/).
FORMAT_MODULE_PATH = ["core.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_LANGUAGES = ("vi", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)
# The admin's language tabs need jQuery UI; serve our own copy instead of Google's CDN (works offline, no
# third-party requests from the organisers' browsers).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Static files: WhiteNoise serves hashed, compressed copies from gunicorn.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Django serves MEDIA_URL itself with DEBUG on, or when this is set (a single-container demo); otherwise the web
# server or S3 does.
TUDOI_SERVE_MEDIA = env_bool("TUDOI_SERVE_MEDIA", False)
# Personal uploads (journalists' press cards): kept on disk outside MEDIA_ROOT and never served by any URL; staff
# download them through the admin. Several app instances must share this folder (a common volume).
TUDOI_PRIVATE_MEDIA_ROOT = Path(os.environ.get("TUDOI_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
# The catalogue import keeps the uploaded spreadsheet and images here between preview and confirmation (never
# served; folders older than a day are removed). Empty: `artwork-imports` in TUDOI_PRIVATE_MEDIA_ROOT, which all
# instances share, so the confirmation may reach another instance than the preview.
TUDOI_IMPORT_STAGING_DIR = os.environ.get("TUDOI_IMPORT_STAGING_DIR", "")
# The data files `manage.py load_demo` reads (units.csv, sessions.csv, works.csv, partners.json…; see demo/README.md).
TUDOI_DEMO_DIR = Path(os.environ.get("TUDOI_DEMO_DIR", BASE_DIR / "demo"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
    # Spreadsheets waiting for the import's confirmation: in TUDOI_PRIVATE_MEDIA_ROOT, even when media is on S3.
    "import_export": {"BACKEND": "core.storage.PrivateStorage"},
}
if os.environ.get("S3_BUCKET"):
    # Media on S3-compatible storage (AWS, R2, MinIO…), so that several app instances share one set of files.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY"),
            "secret_key": os.environ.get("S3_SECRET_KEY"),
            "region_name": os.environ.get("S3_REGION", "us-east-1"),
            "custom_domain": os.environ.get("S3_PUBLIC_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

# Uploads: the image validators in core/images.py set their own limits; these bound the request itself.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
TUDOI_IMAGE_MAX_BYTES = int(os.environ.get("TUDOI_IMAGE_MAX_BYTES", 15 * 1024 * 1024))
TUDOI_IMAGE_MAX_PIXELS = int(os.environ.get("TUDOI_IMAGE_MAX_PIXELS", 40_000_000))
# libwebp's effort for the WebP renditions (0–6, Pillow's default 4): higher, a little smaller files for more time
# at each upload. The tests use 2 (tests/conftest.py): they check which copies exist and their sizes, not the last
# bytes of compression.
TUDOI_WEBP_EFFORT = 4

# Background tasks (django-tasks, the backport of Django 6's framework). The database backend keeps the queue in
# the site's own database, so SQLite and PostgreSQL both work and a task is queued in the same transaction as the
# data it is about; `manage.py db_worker` runs them. TUDOI_TASKS_BACKEND=immediate runs each task at once, inside
# the request (the tests do this).
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TUDOI_TASKS_BACKEND", "database")],
    }
}

# E-mail: every message of the site leaves the request. EMAIL_BACKEND queues it as a background task
# (core.mail.TaskEmailBackend), which hands it to TUDOI_EMAIL_BACKEND, the backend that really delivers it, and
# retries when delivery fails.
EMAIL_BACKEND = "core.mail.TaskEmailBackend"
TUDOI_EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Tụ hội sáng tạo <no-reply@localhost>")
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
TUDOI_ORGANISERS_EMAIL = os.environ.get("TUDOI_ORGANISERS_EMAIL", "organisers@localhost")
TUDOI_CONTACT_PHONE = os.environ.get("TUDOI_CONTACT_PHONE", "")  # shown on the visit page beside the e-mail
ADMINS = [("Admins", addr) for addr in env_list("DJANGO_ADMINS")]

# The site itself
# Empty: links follow the host of each request (core.web.site_url).
TUDOI_SITE_URL = os.environ.get("TUDOI_SITE_URL", "").rstrip("/")
TUDOI_DEMO = env_bool("TUDOI_DEMO", False)  # shows the "demonstration content" notice on every page

# Security. Production (DEBUG off) gets HTTPS-only cookies, HSTS and SSL redirect unless told otherwise.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Every cookie of the site is named with this prefix. `__Host-` binds a cookie to this very host (Secure, Path=/, no
# Domain: the browser refuses it otherwise), so over plain http (DEBUG, `make run`) the names stay bare.
TUDOI_COOKIE_PREFIX = "__Host-" if HTTPS else ""
SESSION_COOKIE_NAME = f"{TUDOI_COOKIE_PREFIX}sessionid"
CSRF_COOKIE_NAME = f"{TUDOI_COOKIE_PREFIX}csrftoken"
LANGUAGE_COOKIE_NAME = f"{TUDOI_COOKIE_PREFIX}django_language"
# Messages (admin, forms) in the session, not in a cookie of their own that could not be prefixed.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Permissions-Policy: camera allowed (to this origin) only under these paths: the check-in desk, which scans QR codes
# (events/checkin.py); everywhere else the camera is off, like every other feature (core/headers.py).
TUDOI_CAMERA_PATHS: list[str] = ["/admin/events/registration/check-in/"]
# Cross-Origin-Resource-Policy `cross-origin` (read from other sites) for these path prefixes and uploaded media;
# `same-origin` for everything else.
TUDOI_CROSS_ORIGIN_PATHS = ["/api/v1/"]
# Signed links sent to visitors (agenda share links, registration confirm and cancel links) work until the end of
# this day, Hanoi time: the event's last day (11 January 2026) and a month for late cancellations and look-ups.
TUDOI_SIGNED_LINKS_VALID_UNTIL = date.fromisoformat(os.environ.get("TUDOI_SIGNED_LINKS_VALID_UNTIL") or "2026-02-10")
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

CSRF_FAILURE_VIEW = "tudoi.views.csrf_failure"

# Content-Security-Policy: no inline script or style anywhere, the admin included (Django's admin and the language
# tabs load their scripts from files; tests/browser/test_admin_csp.py watches its pages for violations).
_media_origin = os.environ.get("TUDOI_MEDIA_ORIGIN", "")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", *([_media_origin] if _media_origin else [])],
        "script-src": [SELF],
        "style-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"one_line": {"()": "core.logs.OneLineFormatter", "format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {"class": "logging.StreamHandler", "formatter": "one_line"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django_redis.cache": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # A Host header the site does not serve: one line, no traceback, no mail to ADMINS (core/logs.py).
        "django.security.DisallowedHost": {"handlers": ["one_line"], "level": "INFO", "propagate": False},
    },
}

# Spreadsheet imports in the admin: each import runs in one transaction, so an invalid row saves nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Between preview and confirmation the uploaded spreadsheet waits in the private storage (the "import_export"
# alias of STORAGES below): shared by the instances like the press cards, and never served.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.MediaStorage"
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
