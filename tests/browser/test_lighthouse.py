"""Lighthouse (mobile preset: a mid-range phone on a slow 4G network, simulated) on the demo content with its
images served: performance stays at 95 or more on the pages most visitors open.

Lighthouse comes from tools/lighthouse/package.json (pinned, installed there with npm on first use); its runner,
tools/lighthouse/run.mjs, audits every page in one Node process with the machine's Chromium (never a downloaded one).
"""

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import LAUNCH_ARGS
from tests.conftest import CHROMIUM

TOOL = Path(__file__).resolve().parents[2] / "tools" / "lighthouse"
RUNNER = TOOL / "run.mjs"  # every page in one Node process and one Chromium
PAGES = ["/vi/", "/vi/programme/", "/vi/exhibitors/", "/vi/exhibitions/chat-dia-phuong/"]
MINIMUM = 95


def _install_lighthouse() -> None:
    if not shutil.which("node") or not shutil.which("npm"):
        message = "Lighthouse needs Node.js and npm (apt-get install nodejs npm)"
        if os.environ.get("TUDOI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"TUDOI_REQUIRE_BROWSER=1 but {message}.")
        pytest.skip(message)
    modules = TOOL / "node_modules"
    if not (modules / "lighthouse").exists() or not (modules / "chrome-launcher").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL, check=True, timeout=300)


def _scores(urls: list[str]) -> dict:
    """{url: {"score": 0-100, "figures": {...}} or {"error": "..."}} from tools/lighthouse/run.mjs."""
    result = subprocess.run(
        ["node", str(RUNNER), *(f"--chrome-flag={flag}" for flag in LAUNCH_ARGS), *urls],
        cwd=TOOL,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_lighthouse_mobile_performance_on_the_busiest_pages(live_server, settings, tmp_path, demo_snapshot):
    _install_lighthouse()
    settings.TUDOI_SERVE_MEDIA = True
    demo_snapshot.restore()
    settings.MEDIA_ROOT = demo_snapshot.copy_media(tmp_path / "media")
    urls = {path: f"{live_server.url}{path}" for path in PAGES}
    for url in urls.values():
        with urllib.request.urlopen(url, timeout=30) as answer:  # renders it once, as the first visitor would
            assert answer.status == 200
    found = _scores(list(urls.values()))
    scores = {path: found[url] for path, url in urls.items()}

    print("Lighthouse mobile performance:", scores)
    failed = {path: result["error"] for path, result in scores.items() if "error" in result}
    assert not failed, f"Lighthouse could not measure: {failed}"
    low = {path: result for path, result in scores.items() if result["score"] < MINIMUM}
    assert not low, f"Lighthouse performance under {MINIMUM}: {low} (all: {scores})"
