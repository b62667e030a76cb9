"""Chromium reads the Permissions-Policy as meant: every feature listed is off, and no name in it is unknown."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "clipboard-read", "display-capture"]


@pytest.mark.parametrize("path", ["/vi/", "/admin/login/"])
def test_the_browser_turns_the_features_off_without_a_warning(live_server, page, console_errors, path):
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))

    page.goto(f"{live_server.url}{path}")

    allowed = page.evaluate("(names) => names.filter((name) => document.featurePolicy.allowsFeature(name))", FEATURES)
    assert allowed == []
    assert [m for m in messages if "Permissions-Policy" in m] == []  # Chromium warns about names it does not know
    assert console_errors == []
