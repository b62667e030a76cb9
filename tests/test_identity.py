"""The site's stylesheet declares a self-hosted WOFF2 face whose unicode-ranges cover Vietnamese."""

import re
from pathlib import Path

from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
CSS = STATIC / "css" / "site.css"


def font_faces():
    text = CSS.read_text(encoding="utf-8")
    return re.findall(r"@font-face\s*\{([^}]*)\}", text)


def parse_range(value):
    ranges = []
    for part in value.split(","):
        part = part.strip().upper().removeprefix("U+")
        start, _, end = part.partition("-")
        ranges.append((int(start, 16), int(end or start, 16)))
    return ranges


def test_font_files_are_woff2_and_cover_vietnamese():
    faces = font_faces()
    assert faces, "site.css declares no @font-face"
    covered = []
    for face in faces:
        assert "Be Vietnam Pro" in face
        assert re.search(r"font-display:\s*swap", face)
        for url in re.findall(r'url\("?([^")]+)"?\)', face):
            path = (CSS.parent / url).resolve()
            assert path.is_relative_to(STATIC.resolve()) and path.exists(), url
            assert path.read_bytes()[:4] == b"wOF2", url
        covered += parse_range(re.search(r"unicode-range:\s*([^;]+);", face).group(1))
    for char in "ệựắỗđơưĐƠƯ" + "".join(chr(c) for c in range(0x20, 0x7F)):
        assert any(lo <= ord(char) <= hi for lo, hi in covered), char
    assert (STATIC / "fonts" / "be-vietnam-pro" / "OFL.txt").exists()
