"""Plain functions that many test modules use; fixtures shared the same way live in tests/conftest.py."""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import html5lib
import zxingcpp
from PIL import Image

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def parse(page):
    """The page (a response or its text) as an element tree; html5lib's strict mode raises on any HTML parse error."""
    if not isinstance(page, str):
        page = page.content.decode()
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def text_of(element) -> str:
    """The element's text with white space folded, as a reader sees it."""
    return " ".join("".join(element.itertext()).split())


def get(client, path: str, status: int = 200) -> str:
    """GET `path`, check that it answers `status`, and return the page as text."""
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def main_of(page: str) -> str:
    """The part of the page inside <main> (from just after "<main" to "</main>")."""
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def qr_modules(svg) -> list[list[bool]]:
    """The dark modules (quiet zone included) drawn by segno's SVG path ("M4 4.5h7m1 0h2…"), row by row."""
    root = ET.fromstring(svg)
    _, _, width, height = (int(float(v)) for v in root.get("viewBox").split())
    path = next(element for element in root.iter() if element.tag.endswith("path") and element.get("stroke"))
    grid = [[False] * width for _ in range(height)]
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHhVv])\s*([-\d.\s]+)", path.get("d")):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        elif command == "h":
            for column in range(int(x), int(x + values[0])):
                grid[int(y)][column] = True
            x += values[0]
        else:  # segno draws rows only
            raise AssertionError(f"unexpected path command {command}")
    return grid


def read_qr(grid: list[list[bool]], scale: int = 8) -> list[str]:
    """What zxing reads from the modules drawn black on white, `scale` pixels each."""
    image = Image.new("L", (len(grid[0]), len(grid)), 255)
    image.putdata([0 if cell else 255 for row in grid for cell in row])
    image = image.resize((image.width * scale, image.height * scale), Image.NEAREST)
    return [result.text for result in zxingcpp.read_barcodes(image)]


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """That time of that day of January 2026 in Hanoi (the event is on the 10th and 11th)."""
    return datetime.datetime(2026, 1, day, hour, minute, tzinfo=HANOI)


def confirm_path(mail) -> str:
    """The path of the one confirmation link in an e-mail."""
    (link,) = re.findall(r"https?://\S+/confirm/", mail.body)
    return urlsplit(link).path


def jpeg_bytes(size=(120, 90), colour="teal", **options) -> bytes:
    """A plain JPEG of that size and colour (`options` go to Pillow's save, e.g. exif=)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def admin_speaks(client, language: str):
    """The organiser signed in on `client` chose `language` for the admin (the browser's language alone does not
    count: core/admin_language.py); the client's browser asks for it too. Returns the client."""
    from core.models import StaffPreference

    StaffPreference.objects.update_or_create(
        user_id=client.session["_auth_user_id"], defaults={"admin_language": language}
    )
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


def cold_process():
    """What a newly started worker has: no cache of any kind (Django's caches, the content types, the page cache's
    memory of recent pages). With the page cache off (TUDOI_PAGE_CACHE = False), a request then shows every query
    that rendering the page takes."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    from core import pagecache

    for alias in settings.CACHES:
        caches[alias].clear()
    ContentType.objects.clear_cache()
    pagecache._recent.clear()


def rendering_queries(client, path: str):
    """(queries, response) of rendering `path` in a newly started process; the page must answer 200. The page cache
    is off: it answers a repeated visit without any query, which says nothing about the page."""
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import CaptureQueriesContext

    with override_settings(TUDOI_PAGE_CACHE=False):
        cold_process()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured), response
