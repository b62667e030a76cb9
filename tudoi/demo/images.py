"""Pictures for the demo content, drawn with Pillow.

Everything here is deterministic (a fixed seed per picture) and fast: flat shapes, no filters. The pictures are
plainly illustrations, never imitations of photographs or of real logos.
"""

import functools
import io
import math
import os
import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from tudoi.text import fold

# Pillow's bundled font has no Vietnamese letters; DejaVu (Debian's fonts-dejavu-core) has them all.
_FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)

RGB = tuple[int, int, int]


@functools.lru_cache(maxsize=64)
def _font(size: int) -> tuple[ImageFont.FreeTypeFont, bool]:
    """A bold font at `size` and whether it can draw Vietnamese."""
    for path in _FONT_PATHS:
        if os.path.exists(path):
            return ImageFont.truetype(path, size), True
    return ImageFont.load_default(size=size), False


def _drawable(text: str, size: int) -> tuple[ImageFont.FreeTypeFont, str]:
    font, vietnamese = _font(size)
    return font, text if vietnamese else fold(text).upper()


def hex_to_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _jitter(colour: RGB, rng: random.Random, amount: int = 10) -> RGB:
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=84)
    else:
        image.save(out, "PNG")
    return out.getvalue()


def _vertical_gradient(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], top: RGB, bottom: RGB) -> None:
    x0, y0, x1, y1 = box
    height = max(1, y1 - y0)
    step = 4
    for y in range(y0, y1, step):
        draw.rectangle((x0, y, x1, y + step), fill=_mix(top, bottom, (y - y0) / height))


# Logos and wordmarks -------------------------------------------------------------------------------------------


def logo_png(initials: str, colour: str, *, size: int = 240) -> bytes:
    """A square logo: the initials in white on the sector colour, with a thin inner frame."""
    background = hex_to_rgb(colour)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    inset = size // 14
    draw.rectangle((inset, inset, size - inset, size - inset), outline=(255, 255, 255), width=max(2, size // 80))
    font_size = {1: size // 2, 2: size * 2 // 5}.get(len(initials), size * 3 // 10)
    font, text = _drawable(initials, font_size)
    draw.text((size / 2, size / 2), text, font=font, fill=(255, 255, 255), anchor="mm")
    return _encode(image, "PNG")


def wordmark_png(text: str, colour: str, *, width: int = 480, height: int = 200) -> bytes:
    """A placeholder wordmark: the name in the given colour on white, beside a solid block of that colour."""
    ink = hex_to_rgb(colour)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    block = height // 3
    draw.rectangle((height // 6, height // 2 - block // 2, height // 6 + block, height // 2 + block // 2), fill=ink)
    left = height // 6 + block + height // 8
    room = width - left - height // 8
    words = text.split()
    lines = [text]
    size = height // 3
    while size > 12:
        font, drawn = _drawable(text, size)
        if draw.textlength(drawn, font=font) <= room:
            lines = [drawn]
            break
        if len(words) > 1:
            half = math.ceil(len(words) / 2)
            first, second = " ".join(words[:half]), " ".join(words[half:])
            font, first_d = _drawable(first, size)
            _, second_d = _drawable(second, size)
            if max(draw.textlength(first_d, font=font), draw.textlength(second_d, font=font)) <= room:
                lines = [first_d, second_d]
                break
        size -= 2
    font, _ = _drawable(text, size)
    line_height = size * 1.2
    top = height / 2 - line_height * (len(lines) - 1) / 2
    for i, line in enumerate(lines):
        draw.text((left, top + i * line_height), line, font=font, fill=ink, anchor="lm")
    return _encode(image, "PNG")


# Product pictures ------------------------------------------------------------------------------------------------


def product_jpeg(seed: str, colour: str, *, width: int = 480, height: int = 360) -> bytes:
    """A product placeholder: a patterned object on a pale tint of the sector colour."""
    rng = random.Random(seed)
    base = hex_to_rgb(colour)
    image = Image.new("RGB", (width, height), _mix(base, (255, 255, 255), 0.86))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 3 // 4, width, height), fill=_mix(base, (255, 255, 255), 0.72))
    accent = _jitter(_mix(base, (230, 180, 60), rng.uniform(0.2, 0.7)), rng, 20)
    cx, cy = width // 2 + rng.randint(-40, 40), height // 2 + rng.randint(-10, 20)
    w, h = rng.randint(120, 200), rng.randint(110, 170)
    draw.ellipse(
        (cx - w // 2 - 10, cy + h // 2 - 12, cx + w // 2 + 10, cy + h // 2 + 12), fill=_mix(base, (0, 0, 0), 0.2)
    )
    shape = rng.choice(("box", "vase", "disc"))
    if shape == "box":
        draw.rounded_rectangle((cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2), radius=14, fill=base)
    elif shape == "vase":
        draw.polygon(
            [
                (cx - w // 4, cy - h // 2),
                (cx + w // 4, cy - h // 2),
                (cx + w // 2, cy + h // 4),
                (cx + w // 3, cy + h // 2),
                (cx - w // 3, cy + h // 2),
                (cx - w // 2, cy + h // 4),
            ],
            fill=base,
        )
    else:
        draw.ellipse((cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2), fill=base)
    for i in range(rng.randint(3, 6)):
        y = cy - h // 2 + (i + 1) * h // 7
        draw.line((cx - w // 3, y, cx + w // 3, y), fill=accent, width=rng.randint(3, 7))
    return _encode(image, "JPEG")


# Scenes (press photos, posters) ----------------------------------------------------------------------------------


def scene_jpeg(seed: str, kind: str, colour: str, *, width: int = 960, height: int = 640) -> bytes:
    """A flat illustration standing in for a photograph: the fair, the square, the pavilion or a gallery wall."""
    rng = random.Random(f"{seed}:{kind}")
    base = hex_to_rgb(colour)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _vertical_gradient(draw, (0, 0, width, height * 3 // 5), (190, 215, 235), (245, 235, 215))
    ground = height * 3 // 5
    draw.rectangle((0, ground, width, height), fill=(200, 190, 175))
    if kind == "fair":
        draw.rectangle((0, ground - 30, width, ground), fill=(70, 140, 150))
        x = 20
        while x < width - 60:
            w = rng.randint(90, 130)
            tent = _jitter(_mix(base, (255, 255, 255), rng.uniform(0, 0.5)), rng, 25)
            draw.polygon([(x, ground + 20), (x + w // 2, ground - 40), (x + w, ground + 20)], fill=tent)
            draw.rectangle((x + 8, ground + 20, x + w - 8, ground + 110), fill=(250, 245, 230))
            x += w + rng.randint(10, 30)
        for i in range(18):
            lx = i * width / 17
            ly = 60 + 25 * math.sin(i / 2.5)
            draw.ellipse((lx - 10, ly - 12, lx + 10, ly + 12), fill=(200, 50, 40))
    elif kind == "square":
        draw.rectangle((width // 4, ground - 80, width * 3 // 4, ground), fill=base)
        draw.rectangle((width // 4 - 20, ground, width * 3 // 4 + 20, ground + 30), fill=(90, 70, 60))
        for _ in range(60):
            px, py = rng.randint(0, width), rng.randint(ground + 40, height - 10)
            draw.ellipse((px - 6, py - 6, px + 6, py + 6), fill=_jitter((60, 60, 70), rng, 30))
    elif kind == "pavilion":
        cx, cy = width // 2, ground - 10
        points = [(cx + 120 * math.cos(a * math.pi / 4), cy - 60 + 40 * math.sin(a * math.pi / 4)) for a in range(8)]
        draw.rectangle((cx - 110, cy - 60, cx + 110, cy + 40), fill=(235, 225, 200))
        draw.polygon([(cx - 150, cy - 60), (cx, cy - 160), (cx + 150, cy - 60)], fill=base)
        draw.polygon(points, outline=(120, 90, 60), width=4)
        for tx in (80, 200, width - 200, width - 80):
            draw.rectangle((tx - 6, ground - 60, tx + 6, ground + 20), fill=(90, 70, 50))
            draw.ellipse((tx - 60, ground - 170, tx + 60, ground - 50), fill=_jitter((60, 120, 60), rng, 20))
    else:  # gallery
        draw.rectangle((0, 0, width, ground), fill=(240, 236, 228))
        x = 60
        while x < width - 160:
            w, h = rng.randint(110, 170), rng.randint(140, 220)
            draw.rectangle((x - 6, 90 - 6, x + w + 6, 90 + h + 6), fill=(60, 50, 45))
            draw.rectangle((x, 90, x + w, 90 + h), fill=_jitter(_mix(base, (250, 220, 160), rng.random()), rng, 40))
            x += w + rng.randint(40, 80)
    return _encode(image, "JPEG")


# Artworks --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Colour:
    vi: str
    en: str
    rgb: RGB


_C = {
    "vermilion": Colour("đỏ son", "vermilion", (196, 58, 40)),
    "brick": Colour("đỏ gạch", "brick red", (158, 68, 50)),
    "terracotta": Colour("cam đất", "terracotta", (204, 112, 62)),
    "turmeric": Colour("vàng nghệ", "turmeric yellow", (230, 168, 40)),
    "pale_yellow": Colour("vàng nhạt", "pale yellow", (246, 226, 160)),
    "cream": Colour("kem", "cream", (245, 234, 212)),
    "powder_pink": Colour("hồng phấn", "powder pink", (236, 182, 180)),
    "lotus_pink": Colour("hồng sen", "lotus pink", (218, 108, 140)),
    "violet": Colour("tím than", "dark violet", (52, 40, 92)),
    "lilac": Colour("tím hoa cà", "lilac", (172, 142, 202)),
    "blue": Colour("xanh lam", "blue", (52, 102, 170)),
    "deep_blue": Colour("xanh lam đậm", "deep blue", (26, 46, 102)),
    "sky": Colour("xanh da trời nhạt", "pale sky blue", (182, 214, 236)),
    "turquoise": Colour("xanh ngọc", "turquoise", (42, 150, 148)),
    "moss": Colour("xanh rêu", "moss green", (92, 110, 52)),
    "rice_green": Colour("xanh lá mạ", "young-rice green", (150, 200, 82)),
    "dark_green": Colour("xanh lục đậm", "dark green", (30, 82, 52)),
    "earth": Colour("nâu đất", "earth brown", (112, 76, 46)),
    "coffee": Colour("nâu cà phê", "coffee brown", (74, 50, 36)),
    "ash": Colour("xám tro", "ash grey", (150, 150, 148)),
    "indigo": Colour("chàm", "indigo", (36, 46, 96)),
    "ivory": Colour("trắng ngà", "ivory", (250, 244, 230)),
    "charcoal": Colour("đen than", "charcoal", (36, 36, 42)),
    "bronze": Colour("vàng đồng", "bronze", (182, 140, 62)),
    "teal": Colour("xanh mòng két", "teal", (22, 108, 120)),
}

# (sky top, sky bottom, sun, far → near layers, accent)
_PALETTES = (
    ("powder_pink", "pale_yellow", "vermilion", ("lilac", "lotus_pink", "violet"), "ivory"),
    ("sky", "ivory", "turmeric", ("turquoise", "rice_green", "dark_green"), "vermilion"),
    ("terracotta", "turmeric", "vermilion", ("earth", "coffee", "charcoal"), "pale_yellow"),
    ("indigo", "violet", "pale_yellow", ("blue", "deep_blue", "charcoal"), "turmeric"),
    ("cream", "powder_pink", "lotus_pink", ("moss", "dark_green", "lotus_pink"), "ivory"),
    ("cream", "pale_yellow", "brick", ("terracotta", "brick", "coffee"), "teal"),
    ("sky", "cream", "terracotta", ("turquoise", "teal", "deep_blue"), "ivory"),
    ("pale_yellow", "cream", "turmeric", ("rice_green", "bronze", "moss"), "earth"),
    ("ash", "ivory", "cream", ("ash", "moss", "charcoal"), "vermilion"),
    ("vermilion", "brick", "turmeric", ("bronze", "coffee", "charcoal"), "pale_yellow"),
    ("lilac", "powder_pink", "ivory", ("violet", "indigo", "charcoal"), "turmeric"),
    ("indigo", "blue", "ivory", ("sky", "blue", "deep_blue"), "vermilion"),
)

_COMPOSITIONS = {
    "north": ("fields", "roofs", "lanterns"),
    "highlands": ("mountains", "terraces", "mountains"),
    "central": ("roofs", "waves", "lanterns"),
    "south": ("waves", "fields", "waves"),
    "city": ("skyline", "skyline", "lanterns"),
}

_CORNER = {
    "left": ("góc trên bên trái", "top left"),
    "right": ("góc trên bên phải", "top right"),
}


@dataclass
class ArtworkPlan:
    """The drawing of one artwork, and the words that describe exactly that drawing."""

    number: int
    composition: str
    palette: tuple
    sun_side: str
    layers: int
    seed: int
    alt_vi: str = ""
    alt_en: str = ""
    long_vi: str = ""
    long_en: str = ""
    extra: dict = field(default_factory=dict)


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _names(keys, lang: str) -> str:
    names = [getattr(_C[k], lang) for k in keys]
    joiner = " và " if lang == "vi" else " and "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + joiner + names[-1]


def plan_artwork(number: int, region: str) -> ArtworkPlan:
    rng = random.Random(2026 * 1000 + number)
    choices = _COMPOSITIONS[region]
    composition = choices[number % len(choices)]
    palette = _PALETTES[(number * 5 + rng.randint(0, 11)) % len(_PALETTES)]
    plan = ArtworkPlan(
        number=number,
        composition=composition,
        palette=palette,
        sun_side=rng.choice(("left", "right")),
        layers=rng.randint(3, 5),
        seed=rng.randint(0, 10**9),
    )
    _describe(plan, rng)
    return plan


def _describe(plan: ArtworkPlan, rng: random.Random) -> None:
    sky_top, sky_bottom, sun, layers, accent = plan.palette
    corner_vi, corner_en = _CORNER[plan.sun_side]
    sky_vi = f"bầu trời chuyển từ {_C[sky_top].vi} sang {_C[sky_bottom].vi}"
    sky_en = f"a sky fading from {_C[sky_top].en} to {_C[sky_bottom].en}"
    sun_vi = f"vầng tròn màu {_C[sun].vi} ở {corner_vi}"
    sun_en = f"{_article(_C[sun].en)} {_C[sun].en} disc in the {corner_en} corner"
    n = plan.layers
    count = {3: ("ba", "three"), 4: ("bốn", "four"), 5: ("năm", "five")}[n]
    c = plan.composition
    if c in ("mountains", "terraces"):
        subject_vi = f"{count[0]} dải núi xếp lớp màu {_names(layers, 'vi')}"
        subject_en = f"{count[1]} layered mountain ridges in {_names(layers, 'en')}"
        detail_vi = (
            f"Sườn núi gần nhất có những đường bậc thang cong màu {_C[accent].vi}."
            if c == "terraces"
            else f"Vài chấm nhỏ màu {_C[accent].vi} gợi những mái nhà trên sườn núi."
        )
        detail_en = (
            f"Curved {_C[accent].en} lines cut terraces into the nearest slope."
            if c == "terraces"
            else f"A few small {_C[accent].en} marks suggest roofs on the slopes."
        )
    elif c == "waves":
        subject_vi = f"{count[0]} dải sóng nước uốn lượn màu {_names(layers, 'vi')}"
        subject_en = f"{count[1]} rolling bands of water in {_names(layers, 'en')}"
        detail_vi = f"Trên mặt nước có những chiếc thuyền nhỏ hình thang màu {_C[accent].vi}."
        detail_en = f"Small trapezoid boats in {_C[accent].en} float on the water."
    elif c == "fields":
        subject_vi = f"cánh đồng chia thành {count[0]} thửa màu {_names(layers, 'vi')} chạy về phía chân trời"
        subject_en = f"fields divided into {count[1]} strips of {_names(layers, 'en')} running towards the horizon"
        detail_vi = f"Một hàng cây tròn màu {_C[layers[-1]].vi} đứng ở đường chân trời."
        detail_en = f"A row of round {_C[layers[-1]].en} trees stands on the horizon."
    elif c == "roofs":
        subject_vi = f"{count[0]} dãy mái nhà hình tam giác màu {_names(layers, 'vi')}"
        subject_en = f"{count[1]} rows of triangular roofs in {_names(layers, 'en')}"
        detail_vi = f"Các bức tường bên dưới có những ô cửa nhỏ màu {_C[accent].vi}."
        detail_en = f"The walls below have small windows in {_C[accent].en}."
    elif c == "skyline":
        subject_vi = f"{count[0]} lớp nhà cao tầng hình khối chữ nhật màu {_names(layers, 'vi')}"
        subject_en = f"{count[1]} layers of rectangular buildings in {_names(layers, 'en')}"
        detail_vi = f"Các ô cửa sổ sáng màu {_C[accent].vi} xếp thành lưới trên mặt nhà."
        detail_en = f"Lit windows in {_C[accent].en} form grids on the façades."
    else:  # lanterns
        subject_vi = f"những chiếc đèn lồng tròn màu {_names(layers, 'vi')} treo trên {count[0]} sợi dây"
        subject_en = f"round lanterns in {_names(layers, 'en')} hanging from {count[1]} strings"
        detail_vi = f"Mỗi chiếc đèn có một vạch ngang màu {_C[accent].vi}."
        detail_en = f"Each lantern has a horizontal {_C[accent].en} band."
    lead_vi, lead_en = ("Trên nền trời là", "Across the sky are") if c == "lanterns" else ("Bên dưới là", "Below are")
    if c == "fields":
        layout_vi, layout_en = (
            "các thửa ruộng hội tụ về một điểm trên đường chân trời",
            "the strips meet at a point on the horizon",
        )
    elif c == "lanterns":
        layout_vi = "đèn lồng treo thành hàng ngang qua bức tranh, phía dưới là một dải nền tối"
        layout_en = "the lanterns hang in rows across the picture above a dark strip of ground"
    else:
        layout_vi, layout_en = "lớp xa nhạt hơn, lớp gần đậm hơn", "the far layers paler and the near ones darker"
    plan.alt_vi = f"Tranh minh họa mảng màu phẳng: {subject_vi}, {sky_vi}, {sun_vi}."
    plan.alt_en = f"Flat-colour illustration: {subject_en}, {sky_en}, with {sun_en}."
    plan.long_vi = (
        f"Bức tranh khổ đứng. Phần trên là {sky_vi}; ở {corner_vi} có một vầng tròn màu {_C[sun].vi}, "
        f"như mặt trời hay mặt trăng. {lead_vi} {subject_vi}; {layout_vi}. {detail_vi} "
        "Các hình được vẽ bằng mảng màu phẳng, không có đường viền và không có chữ."
    )
    plan.long_en = (
        f"A portrait-format picture. The upper part is {sky_en}; in the {corner_en} corner there is a round "
        f"{_C[sun].en} disc, like a sun or a moon. {lead_en} {subject_en}; {layout_en}. {detail_en} The shapes are "
        "flat areas of colour without outlines, and there is no text."
    )


def render_artwork(plan: ArtworkPlan, *, width: int = 900, height: int = 1125) -> bytes:
    rng = random.Random(plan.seed)
    sky_top, sky_bottom, sun, layer_keys, accent = plan.palette
    layer_colours = [_jitter(_C[k].rgb, rng, 12) for k in layer_keys]
    # Spread the named layer colours over `plan.layers` bands, far (paler) to near.
    bands = []
    for i in range(plan.layers):
        t = i / max(1, plan.layers - 1)
        idx = min(len(layer_colours) - 1, round(t * (len(layer_colours) - 1)))
        bands.append(_mix(layer_colours[idx], (255, 255, 255), 0.35 * (1 - t)))
    accent_rgb = _jitter(_C[accent].rgb, rng, 10)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _vertical_gradient(draw, (0, 0, width, height), _jitter(_C[sky_top].rgb, rng), _jitter(_C[sky_bottom].rgb, rng))
    r = rng.randint(70, 130)
    sx = (
        rng.randint(r + 40, width // 2 - 40)
        if plan.sun_side == "left"
        else rng.randint(width // 2 + 40, width - r - 40)
    )
    sy = rng.randint(r + 60, height // 3)
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=_jitter(_C[sun].rgb, rng, 8))
    horizon = rng.randint(int(height * 0.42), int(height * 0.55))
    c = plan.composition
    n = plan.layers
    if c in ("mountains", "terraces"):
        for i, colour in enumerate(bands):
            base_y = horizon + i * (height - horizon) // (n + 1)
            pts = [(0, height)]
            x = 0
            while x <= width:
                pts.append((x, base_y - rng.randint(40, 220 - i * 25)))
                x += rng.randint(80, 200)
            pts += [(width, base_y - rng.randint(20, 120)), (width, height)]
            draw.polygon(pts, fill=colour)
        if c == "terraces":
            top = horizon + (n - 1) * (height - horizon) // (n + 1)
            for k in range(8):
                y = top + 30 + k * 45
                draw.arc((-200, y - 60, width + 200, y + 60), 0, 180, fill=accent_rgb, width=6)
        else:
            for _ in range(rng.randint(4, 8)):
                hx, hy = rng.randint(40, width - 40), rng.randint(horizon + 60, height - 80)
                draw.rectangle((hx - 10, hy - 8, hx + 10, hy + 8), fill=accent_rgb)
    elif c == "waves":
        for i, colour in enumerate(bands):
            y0 = horizon + i * (height - horizon) // n
            amp, period, phase = rng.randint(12, 36), rng.randint(160, 320), rng.random() * 6
            pts = [(0, height)] + [
                (x, y0 + amp * math.sin(x / period * 2 * math.pi + phase)) for x in range(0, width + 30, 30)
            ]
            pts.append((width, height))
            draw.polygon(pts, fill=colour)
        for _ in range(rng.randint(3, 6)):
            bx, by = rng.randint(60, width - 160), rng.randint(horizon + 80, height - 100)
            bw = rng.randint(70, 130)
            draw.polygon([(bx, by), (bx + bw, by), (bx + bw - 20, by + 26), (bx + 20, by + 26)], fill=accent_rgb)
    elif c == "fields":
        draw.rectangle((0, horizon, width, height), fill=bands[0])
        vanish = (rng.randint(width // 3, 2 * width // 3), horizon)
        edges = sorted(rng.sample(range(-width, 2 * width, 40), n + 1))
        for i, colour in enumerate(bands):
            draw.polygon([vanish, (edges[i], height), (edges[i + 1], height)], fill=colour)
        tree = bands[-1]
        for k in range(rng.randint(6, 12)):
            tx = int((k + rng.random()) * width / 10)
            draw.rectangle((tx - 3, horizon - 30, tx + 3, horizon), fill=tree)
            draw.ellipse((tx - 22, horizon - 70, tx + 22, horizon - 26), fill=tree)
    elif c == "roofs":
        for i, colour in enumerate(bands):
            y = horizon + i * (height - horizon) // n
            x = -rng.randint(0, 80)
            while x < width:
                w = rng.randint(110, 190)
                draw.rectangle((x + 10, y, x + w - 10, y + 140), fill=_mix(colour, (255, 255, 255), 0.55))
                draw.polygon([(x - 10, y + 4), (x + w // 2, y - rng.randint(50, 90)), (x + w + 10, y + 4)], fill=colour)
                draw.rectangle((x + w // 2 - 12, y + 40, x + w // 2 + 12, y + 80), fill=accent_rgb)
                x += w + rng.randint(0, 20)
    elif c == "skyline":
        for i, colour in enumerate(bands):
            base = horizon + i * (height - horizon) // (n + 1) + 120
            x = -rng.randint(0, 40)
            while x < width:
                w, h = rng.randint(60, 150), rng.randint(120, 420 - i * 40)
                draw.rectangle((x, base - h, x + w, height), fill=colour)
                if i == n - 1 or rng.random() < 0.5:
                    for wy in range(base - h + 16, base - 10, 34):
                        for wx in range(x + 10, x + w - 14, 26):
                            if rng.random() < 0.55:
                                draw.rectangle((wx, wy, wx + 12, wy + 16), fill=accent_rgb)
                x += w + rng.randint(4, 24)
    else:  # lanterns
        draw.rectangle((0, horizon + 200, width, height), fill=_mix(bands[-1], (0, 0, 0), 0.2))
        for i in range(n):
            y0 = 120 + i * (horizon + 100) // n
            sag = rng.randint(30, 90)
            draw.arc((-60, y0 - sag, width + 60, y0 + sag), 0, 180, fill=(40, 30, 30), width=3)
            count = rng.randint(5, 8)
            for k in range(count):
                lx = (k + 0.5) * width / count
                ly = y0 + sag * math.sin(math.pi * lx / width) + 30
                lr = rng.randint(22, 40)
                draw.ellipse((lx - lr, ly - lr * 1.2, lx + lr, ly + lr * 1.2), fill=bands[(i + k) % n])
                draw.rectangle((lx - lr, ly - 4, lx + lr, ly + 4), fill=accent_rgb)
    return _encode(image, "JPEG")
