"""Phones zoom into a text field whose text is smaller than 16 px when it is tapped, and the page then has to be
zoomed out again: every field a visitor types in or chooses from is at least 16 px, on every page with a form."""

import pytest

from tests.sitedata import make_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIELDS = "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), select, textarea"


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-05T10:00:00+07:00")  # registration open
    data = make_site(3, images=False)
    workshop = data["sessions"][0]
    workshop.capacity = 20
    workshop.save()
    return data


@pytest.mark.parametrize(
    "path",
    [
        "/vi/exhibitors/",
        "/en/programme/",
        "/vi/search/?q=gom",
        "/en/programme/{session}/register/",
        "/vi/exhibitors/{unit}/meet/",
        "/en/press/accreditation/",
        "/vi/khong-co-trang-nay/",
    ],
)
def test_every_field_is_at_least_16_px_on_a_phone(live_server, page, site, path):
    path = path.format(session=site["sessions"][0].slug, unit=site["units"][0].slug)
    response = page.goto(f"{live_server.url}{path}")
    assert response.status in (200, 404), path

    sizes = page.eval_on_selector_all(
        FIELDS, "fields => fields.map(f => [f.name || f.id, parseFloat(getComputedStyle(f).fontSize)])"
    )

    assert sizes, f"no field on {path}"
    small = [(name, size) for name, size in sizes if size < 16]
    assert not small, f"{path}: {small}"
