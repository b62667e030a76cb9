"""The site's stylesheets: a self-hosted WOFF2 face whose unicode-ranges cover Vietnamese, and one palette and type
scale (the custom properties of site.css's :root) that every screen rule draws from."""

import re
from pathlib import Path

from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
CSS = STATIC / "css" / "site.css"
# The admin's stylesheets (admin-*.css: imports, the desk, the grid, history) take their colours and sizes from
# Django's admin, whose custom properties they use.
OWN_STYLESHEETS = sorted(p for p in (STATIC / "css").glob("*.css") if not p.name.startswith("admin-"))


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


def _blocks_removed(text: str, opening: str) -> tuple[str, list[str]]:
    """The text without the blocks that start with `opening` (a regex ending in "{"), and those blocks' bodies."""
    kept, removed, position = [], [], 0
    for found in re.finditer(opening, text):
        if found.start() < position:
            continue
        depth, end = 1, found.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        kept.append(text[position : found.start()])
        removed.append(text[found.end() : end - 1])
        position = end
    kept.append(text[position:])
    return "".join(kept), removed


def tokens() -> dict[str, str]:
    _, roots = _blocks_removed(CSS.read_text(encoding="utf-8"), r":root\s*\{")
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", roots[0]))


def screen_rules(path: Path) -> str:
    """A stylesheet's rules for the screen: without comments, :root and the rules for print (sized in points)."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    text, _ = _blocks_removed(text, r":root\s*\{")
    text, _ = _blocks_removed(text, r"@media print\s*\{")
    return re.sub(r"@font-face\s*\{[^}]*\}", "", text)


def test_the_type_scale_holds_from_a_360_px_phone_to_a_wide_screen():
    steps = {name: value for name, value in tokens().items() if name.startswith("--step")}
    assert len(steps) >= 6
    for name, value in steps.items():
        found = re.fullmatch(r"clamp\(([\d.]+)rem, [\d.]+vw, ([\d.]+)rem\)|([\d.]+)rem", value)
        assert found, (name, value)
        smallest = float(found.group(1) or found.group(3))
        assert smallest >= 0.8, f"{name} is under 12.8 px on a phone"


def test_every_font_size_on_screen_is_a_step_of_the_scale():
    allowed = re.compile(r"var\(--step-+\d\)|max\(var\(--step-0\), 16px\)|[\d.]+em|inherit|100%|0")
    for path in OWN_STYLESHEETS:
        for value in re.findall(r"font-size:\s*([^;}]+?)\s*[;}]", screen_rules(path)):
            assert allowed.fullmatch(value), f"{path.name}: font-size: {value} is not a step of the scale"


def test_every_colour_on_screen_comes_from_the_palette():
    for path in OWN_STYLESHEETS:
        for colour in re.findall(r"#[0-9a-fA-F]{3,8}\b", screen_rules(path)):
            assert colour.lower() in ("#fff", "#000"), f"{path.name}: {colour} is not in the palette of site.css"


def test_every_custom_property_used_is_defined():
    defined = set(tokens())
    for path in OWN_STYLESHEETS:
        text = path.read_text(encoding="utf-8")
        defined |= set(re.findall(r"(--[\w-]+):", text))  # a component's own, such as a sector's colour
        for name in re.findall(r"var\((--[\w-]+)", text):
            assert name in defined, f"{path.name}: var({name}) is defined nowhere"
