"""Shared fixtures and the rules for tests that need PostgreSQL or a browser.

On a laptop those tests skip with a reason; CI sets TUDOI_REQUIRE_POSTGRES=1 and TUDOI_REQUIRE_BROWSER=1 so that
they fail instead when the service is missing.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; pytest-django's live_server is fine with that.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_configured_chromium = os.environ.get("CHROMIUM_PATH")
CHROMIUM = (
    shutil.which(_configured_chromium)
    if _configured_chromium
    else (shutil.which("chromium") or shutil.which("chromium-browser"))
)


def _required(name: str) -> bool:
    return os.environ.get(name, "") == "1"


def pytest_configure(config):
    from django.conf import settings
    from django.db.backends.signals import connection_created

    # WebP renditions at a lower effort (as a fast password hasher): 40 % less time for files 6 % larger. The demo
    # alone makes 1,900 of them; the tests check which copies exist and their sizes in pixels.
    settings.TUDOI_WEBP_EFFORT = 2
    connection_created.connect(_commit_without_waiting_for_the_disk, dispatch_uid="tests.synchronous_commit")
    _empty_tables_with_delete()


def _empty_tables_with_delete():
    """After each transactional test (the live server's, `transaction=True`) Django empties every table with one
    TRUNCATE, which on PostgreSQL makes new files for each of the 40-odd tables and their indexes: 0.36 s a test.
    DELETE of the few rows a test leaves takes 6 ms. The foreign keys Django creates are checked at the commit, so
    the order does not matter; a flush that resets sequences or cascades keeps the TRUNCATE."""
    try:
        from django.db.backends.postgresql.operations import DatabaseOperations
    except ImportError:  # no psycopg: SQLite only
        return
    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    DatabaseOperations.sql_flush = sql_flush


def _commit_without_waiting_for_the_disk(sender, connection, **kwargs):
    """The test database is thrown away: PostgreSQL need not wait for its log to reach the disk at each commit (the
    live server's and transactional tests empty every table after each test, and the demo is written back for each
    module). Nothing the tests see changes: only a crash could lose the last commits."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")


# The longest modules start first, longest first (their seconds in a CI run beside each), so that neither process
# is left with a long module while the other has finished: pytest-xdist hands out whole modules in the order they
# are collected (`make test` passes --no-loadscope-reorder: by default it starts with the modules of most tests,
# and the one-test lighthouse module came last, keeping one process busy for a minute while the other waited). The
# modules of under 5 s follow in their usual order.
LONGEST_FIRST = (
    "tests/browser/test_lighthouse.py",  # 79: the first demo user: loads the demo snapshot (below) for every process
    "tests/test_page_budgets.py",  # 28: meanwhile the other process starts on data of its own
    "tests/test_sitemap.py",  # 25
    # The other process's second module (pytest-xdist starts each process with two): one without the demo, so
    # that it does not wait for the snapshot (6 s idle when it was test_demo).
    "tests/test_admin.py",  # 19
    "tests/test_demo.py",  # 21
    "tests/test_renditions.py",  # 19
    "tests/browser/test_identity.py",  # 18
    "tests/test_search.py",  # 17
    "tests/browser/test_exhibition.py",  # 15
    "tests/browser/test_artwork_viewer.py",  # 14
    "tests/test_exhibition.py",  # 14
    "tests/browser/test_pages.py",  # 14
    "tests/test_api.py",  # 12
    "tests/browser/test_home.py",  # 11
    "tests/test_deploy.py",  # 10
    "tests/browser/test_press.py",  # 10
    "tests/browser/test_directory.py",  # 10
    "tests/test_server_load.py",  # 10
    "tests/browser/test_inputs.py",  # 9
    "tests/test_directory.py",  # 9
    "tests/browser/test_live_event.py",  # 9
    "tests/test_import.py",  # 8
    "tests/test_programme.py",  # 8
    "tests/browser/test_press_kit.py",  # 7
    "tests/test_demo_images.py",  # 6
    "tests/test_fact_sheet.py",  # 6
    "tests/test_translation_status.py",  # 6
    "tests/test_registration.py",  # 5
    "tests/test_artwork_import.py",  # 5
    "tests/test_alt_text.py",  # 5
    "tests/test_html_validity.py",  # 5
)


def pytest_collection_modifyitems(session, config, items):
    missing = [path for path in LONGEST_FIRST if not (config.rootpath / path).is_file()]
    if missing:
        raise pytest.UsageError(f"LONGEST_FIRST in tests/conftest.py names modules that do not exist: {missing}")
    rank = {path: position for position, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            if _required("TUDOI_REQUIRE_POSTGRES"):
                pytest.fail("TUDOI_REQUIRE_POSTGRES=1 but DATABASE_URL does not point to PostgreSQL.")
            pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://user@host/db to run it")
    if item.get_closest_marker("browser"):
        missing = None
        if not CHROMIUM:
            missing = "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)"
        else:
            try:
                import playwright  # noqa: F401
            except ImportError:
                missing = "the playwright package is not installed"
        if missing:
            if _required("TUDOI_REQUIRE_BROWSER"):
                pytest.fail(f"TUDOI_REQUIRE_BROWSER=1 but {missing}.")
            pytest.skip(f"needs a browser: {missing}")


@pytest.fixture(scope="session", autouse=True)
def _renditions_encoded_once():
    """Each process encodes a rendition of the same picture bytes once (core.renditions.remembering, as the demo
    loader does): the factories and fixtures save the same few test pictures again and again (six works for each
    test of tests/test_exhibition.py: 0.17 s a test). The files are still written for every test, and a test that
    forbids image work patches `renditions.make` itself."""
    from core.renditions import remembering

    with remembering({}):
        yield


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path, monkeypatch):
    """Plain static storage (no manifest in tests), media in a temporary folder, a fast hasher, a clean cache."""
    from django.core.cache import caches

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TUDOI_PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TUDOI_DEMO = False
    # Tests run at today's date, after the signed links' expiry (event + a month): only tests/test_signed_links.py,
    # which sets the clock, checks that expiry; elsewhere share, confirm and cancel links must open.
    settings.TUDOI_SIGNED_LINKS_VALID_UNTIL = "2099-12-31"
    # Mail goes through the site's own path (a queued task) but the task runs at once and delivers to mail.outbox.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    settings.TUDOI_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    monkeypatch.delenv("TUDOI_NOW", raising=False)
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def staff_client(admin_client, admin_user):
    """The superuser's client, reading the admin in English so that our messages can be compared as written: the
    admin speaks each organiser's chosen language (core/admin_language.py), and this one chose English."""
    from core.models import StaffPreference

    StaffPreference.objects.update_or_create(user=admin_user, defaults={"admin_language": "en"})
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return admin_client


@pytest.fixture
def site_url(request, settings):
    """TUDOI_SITE_URL set to the test module's `SITE`, the address absolute links start with (use via usefixtures)."""
    settings.TUDOI_SITE_URL = request.module.SITE
    return request.module.SITE


@pytest.fixture
def private_media(settings, tmp_path):
    """A private media folder of the test's own (press cards), returned as a path."""
    settings.TUDOI_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.TUDOI_PRIVATE_MEDIA_ROOT


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    """`load_demo` once per run (it draws several hundred pictures: 10–40 s), its rows and pictures kept in the
    run's temporary folder, which every pytest-xdist process shares (tests/sitedata.py DemoSnapshot), and the
    database emptied again; the first process to need it loads it, the others wait for it and read it. The
    fixtures below write it back in 0.3 s."""
    import fcntl
    import pickle

    from django.core.management import call_command
    from django.test import override_settings

    from tests.sitedata import DemoSnapshot, delete_demo_content
    from tudoi.demo import loader

    run = tmp_path_factory.getbasetemp()
    shared = run.parent if worker_id != "master" else run
    folder = shared / "demo-snapshot"
    memory = folder / "memory.pickle"
    with open(shared / "demo-snapshot.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        snapshot = DemoSnapshot.read(folder)
        if snapshot is None:
            media = tmp_path_factory.mktemp("demo-load-media")
            with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
                call_command("load_demo", quiet=True)
                # the pictures kept (hard links) before the rows go
                snapshot = DemoSnapshot.take(media, kept=folder / "media")
                delete_demo_content()
            snapshot.write(folder)
            memory.write_bytes(pickle.dumps((loader._RENDITIONS, loader._DRAWINGS)))
        else:
            # The loader's memory of the pictures it drew and the renditions it encoded (the process that loaded
            # the demo has it): the tests of `load_demo` itself then take as long in every process (10 s, not 40 s
            # of drawing and encoding).
            renditions, drawings = pickle.loads(memory.read_bytes())
            loader._RENDITIONS.update(renditions)
            loader._DRAWINGS.update(drawings)
    return snapshot


@pytest.fixture(scope="module")
def demo_media(demo_snapshot, tmp_path_factory):
    """The folder of the module's demo images (a copy: a test may replace one)."""
    return demo_snapshot.copy_media(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(scope="module")
def _demo_loaded(demo_snapshot, django_db_blocker, demo_media):
    """The demo, committed once for the module from the snapshot, and removed at its end."""
    from tests.sitedata import delete_demo_content

    with django_db_blocker.unblock():
        demo_snapshot.restore()
    yield
    with django_db_blocker.unblock():
        delete_demo_content()


@pytest.fixture
def demo_content(demo_snapshot, settings, db):
    """The demo in this test's own rolled-back transaction (for a module whose other tests want an empty
    database), MEDIA_ROOT on the snapshot's pictures (read them; do not change them)."""
    demo_snapshot.restore()
    settings.MEDIA_ROOT = demo_snapshot.media
    return demo_snapshot.media


@pytest.fixture
def demo(_demo_loaded, demo_media, settings, db):
    """The module's shared demo load (each test still in its own rolled-back transaction), MEDIA_ROOT on its files."""
    settings.MEDIA_ROOT = demo_media
    return demo_media
