"""Deployment gates: production settings pass `check --deploy`; migrations and catalogues are current.

Production settings are read in a subprocess, because settings.py decides everything at import time from the
environment and the test process runs with DEBUG on (see the Makefile).
"""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = BASE_DIR / "locale"
ONE_YEAR = 365 * 24 * 60 * 60

# Everything settings.py and core/clock.py read, so that the developer's or CI's environment cannot leak in.
_SETTINGS_PREFIXES = ("DJANGO_", "TUDOI_", "DATABASE_", "S3_", "EMAIL_")
_SETTINGS_NAMES = {"REDIS_URL"}


def production_env(**overrides: str | None) -> dict[str, str]:
    """A production environment: DEBUG off, a strong secret, one host over HTTPS, SQLite, no frozen clock."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(_SETTINGS_PREFIXES) and name not in _SETTINGS_NAMES
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tudoi.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="tudoi.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://tudoi.example.org",
        TUDOI_SITE_URL="https://tudoi.example.org",
    )
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def production_settings(*names: str) -> dict:
    script = (
        "import json\n"
        "from django.conf import settings\n"
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {list(names)!r}}}))\n"
    )
    result = run_python("-c", script, env=production_env())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_deploy_check_is_clean_with_production_settings():
    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=production_env())

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


def test_no_system_check_is_silenced():
    assert settings.SILENCED_SYSTEM_CHECKS == []
    assert production_settings("SILENCED_SYSTEM_CHECKS") == {"SILENCED_SYSTEM_CHECKS": []}


def test_deploy_check_warns_about_a_frozen_clock():
    env = production_env(TUDOI_NOW="2026-01-10T15:30:00+07:00")

    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=env)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "tudoi.W001" in output


def test_deploy_check_warns_when_the_site_address_is_not_set():
    env = production_env(TUDOI_SITE_URL=None)

    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=env)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "tudoi.W002" in output and "TUDOI_SITE_URL" in output


@pytest.mark.parametrize("debug", ["0", None], ids=["debug-0", "debug-unset"])
def test_settings_refuse_to_load_without_a_secret_key(debug):
    env = production_env(DJANGO_SECRET_KEY=None, DJANGO_DEBUG=debug)

    result = run_python("-c", "from django.conf import settings; settings.DEBUG", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_are_https_only():
    values = production_settings(
        "DEBUG",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
    )

    hsts_seconds = values.pop("SECURE_HSTS_SECONDS")
    assert hsts_seconds >= ONE_YEAR
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
    }


@pytest.mark.django_db
def test_no_migrations_are_missing():
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"model changes without a migration (exit {exit_.code}):\n{out.getvalue()}")


# Translation catalogues -------------------------------------------------------------------------------------

CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
NO_CATALOGUES = (
    f"No .po catalogue under {LOCALE_DIR}: run `make messages`, translate locale/vi and locale/en, then `make compile`."
)
NAMED_PLACEHOLDER = re.compile(r"%\((\w+)\)")


def catalogue_id(path: Path) -> str:
    return str(path.relative_to(LOCALE_DIR))


def entry_label(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


def test_every_language_has_a_catalogue():
    expected = {f"{code}/LC_MESSAGES/django.po" for code, _name in settings.LANGUAGES}
    found = {catalogue_id(path) for path in CATALOGUES}

    assert found, NO_CATALOGUES
    assert expected - found == set()


@pytest.mark.parametrize("po_path", CATALOGUES or [None], ids=catalogue_id if CATALOGUES else ["none"])
def test_catalogue_is_complete(po_path):
    if po_path is None:
        pytest.fail(NO_CATALOGUES)
    catalogue = polib.pofile(str(po_path))

    untranslated = [entry_label(e) for e in catalogue.untranslated_entries() if not e.obsolete]
    fuzzy = [entry_label(e) for e in catalogue.fuzzy_entries() if not e.obsolete]

    assert (untranslated, fuzzy) == ([], []), (
        f"{catalogue_id(po_path)}: {len(untranslated)} untranslated, e.g. {untranslated[:10]}; "
        f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:10]}"
    )


@pytest.mark.parametrize("po_path", CATALOGUES or [None], ids=catalogue_id if CATALOGUES else ["none"])
def test_catalogue_placeholders_match(po_path):
    """A translation that names a placeholder the English text lacks raises KeyError when the page renders."""
    if po_path is None:
        pytest.fail(NO_CATALOGUES)
    catalogue = polib.pofile(str(po_path))

    wrong = []
    for entry in catalogue.translated_entries():
        allowed = set(NAMED_PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if not set(NAMED_PLACEHOLDER.findall(text)) <= allowed:
                wrong.append((entry_label(entry), text))

    assert wrong == []


def _compiled_form(catalogue) -> dict:
    entries = {
        (entry.msgctxt or None, entry.msgid, entry.msgid_plural or None): (
            entry.msgstr,
            {int(index): text for index, text in entry.msgstr_plural.items()},
        )
        for entry in catalogue
        if entry.msgid and (isinstance(catalogue, polib.MOFile) or entry.translated())
    }
    # Only the headers gettext acts on: msgfmt drops POT-Creation-Date; the others change nothing at run time.
    metadata = {name: catalogue.metadata.get(name) for name in ("Content-Type", "Plural-Forms")}
    return {"metadata": metadata, "entries": entries}


@pytest.mark.parametrize("po_path", CATALOGUES or [None], ids=catalogue_id if CATALOGUES else ["none"])
def test_compiled_catalogue_is_current(po_path):
    if po_path is None:
        pytest.fail(NO_CATALOGUES)
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make compile`."

    compiled = _compiled_form(polib.mofile(str(mo_path)))
    expected = _compiled_form(polib.pofile(str(po_path)))

    assert compiled == expected, f"{mo_path} is older than {po_path.name}: run `make compile`."


def test_catalogues_hold_every_string_of_the_code_and_templates(tmp_path):
    """A string added to the code but not to the catalogues would show untranslated: `make messages` was forgotten."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI"):
            pytest.fail("GNU gettext (xgettext) is needed in CI to compare the catalogues with the code.")
        pytest.skip("needs GNU gettext (xgettext) to extract the strings: apt-get install gettext")
    copy = tmp_path / "project"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "media", "staticfiles", "*.sqlite3", "__pycache__", ".*cache"),
    )
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-location",
            "--no-obsolete",
            "-l",
            "vi",
            "-l",
            "en",
            "-i",
            "tests/*",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )

    for language in ("vi", "en"):
        relative = Path("locale") / language / "LC_MESSAGES" / "django.po"
        extracted = {entry_label(entry) for entry in polib.pofile(str(copy / relative))}
        committed = {entry_label(entry) for entry in polib.pofile(str(BASE_DIR / relative))}
        assert extracted - committed == set(), f"{relative} lacks strings: run `make messages` and translate them"
