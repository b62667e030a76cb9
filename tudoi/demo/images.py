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

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from core.text import fold

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


# Be Vietnam Pro (static/fonts, the site's own face) draws the monograms; its Latin file has the letters up to
# U+00FF, its Vietnamese file the others (Ă, Đ, Ơ, Ư and the tone-marked vowels). DejaVu stands in without them.
_MONOGRAM_FONTS = os.path.join(
    os.path.dirname(__file__), "..", "..", "static", "fonts", "be-vietnam-pro", "be-vietnam-pro-{}-700-normal.woff2"
)
IVORY: RGB = (250, 246, 238)


@functools.lru_cache(maxsize=32)
def _monogram_font(size: int, subset: str) -> ImageFont.FreeTypeFont:
    path = _MONOGRAM_FONTS.format(subset)
    if os.path.exists(path):
        return ImageFont.truetype(path, size)
    return _font(size)[0]


def _letters(
    draw: ImageDraw.ImageDraw, centre: tuple[float, float], text: str, size: int, fill: tuple, tracking: float = 0.06
) -> tuple[float, float]:
    """Draw `text` centred on `centre`, each letter from the font file that has it; return its width and height."""
    fonts = [_monogram_font(size, "latin" if ord(ch) <= 0xFF else "vietnamese") for ch in text]
    advances = [font.getlength(ch) for font, ch in zip(fonts, text, strict=True)]
    gap = size * tracking
    width = sum(advances) + gap * (len(text) - 1)
    x = centre[0] - width / 2
    for font, ch, advance in zip(fonts, text, advances, strict=True):
        draw.text((x, centre[1]), ch, font=font, fill=fill, anchor="lm")
        x += advance + gap
    return width, size * 0.72


def logo_png(initials: str, colour: str, variant: int = 0, *, size: int = 240) -> bytes:
    """A typographic monogram in the sector's colour: the initials set in a disc, a ring or a framed square, with
    a rule; ivory on the colour or the colour on ivory (the sector colours carry white text at 4.5:1 or more).
    Drawn at twice the size and reduced, so that curves and letters are smooth."""
    ink = hex_to_rgb(colour)
    big = size * 2
    letters = initials[:4]
    lines = [letters[:2], letters[2:]] if len(letters) == 4 else [letters]
    layout = ("disc", "ring", "frame")[variant % 3]
    # Around a disc or a ring the picture is transparent (ivory where a viewer ignores transparency).
    image = Image.new("RGBA", (big, big), (*IVORY, 0) if layout != "frame" else (*ink, 255))
    draw = ImageDraw.Draw(image)
    fg = (*(IVORY if layout in ("disc", "frame") else ink), 255)
    m = big * 0.06
    if layout == "disc":
        draw.ellipse((m, m, big - m, big - m), fill=(*ink, 255))
    elif layout == "ring":
        draw.ellipse((m, m, big - m, big - m), fill=(*IVORY, 255), outline=(*ink, 255), width=round(big * 0.045))
    else:
        inset = big * 0.075
        draw.rectangle((inset, inset, big - inset, big - inset), outline=fg, width=round(big * 0.014))
    longest = max(len(line) for line in lines)
    font_size = round(big * {1: 0.42, 2: 0.34, 3: 0.24}.get(longest, 0.2) * (0.78 if len(lines) == 2 else 1))
    line_height = font_size * 1.05
    top = big / 2 - line_height * (len(lines) - 1) / 2 - big * 0.03
    widest = 0.0
    for i, line in enumerate(lines):
        width, _ = _letters(draw, (big / 2, top + i * line_height), line, font_size, fg)
        widest = max(widest, width)
    # The rule: under the letters, as wide as they are, and thin.
    rule_y = top + (len(lines) - 1) * line_height + font_size * 0.62
    half = max(widest, big * 0.2) / 2
    draw.rectangle((big / 2 - half, rule_y, big / 2 + half, rule_y + big * 0.014), fill=fg)
    image = image.resize((size, size), Image.Resampling.LANCZOS)
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
#
# The demo's works are invented, so their pictures must not pretend to show them. Each is an abstract composition:
# its colours are chosen from words of its title (a lotus pond gets pinks and greens, a night market indigo and
# lamp yellow) and from its region, and the way it is drawn imitates its medium (watercolour washes, opaque
# gouache, impasto blocks, torn-paper collage, hard-edged prints, crisp digital geometry, ink linework, lacquer).
# Nothing figurative is drawn, and the words that go with the picture say what it is: a demo illustration.


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
    "deep_pink": Colour("hồng thắm", "deep pink", (210, 96, 132)),
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
    "lacquer_black": Colour("đen sơn then", "lacquer black", (22, 16, 14)),
    "bronze": Colour("vàng đồng", "bronze", (182, 140, 62)),
    "gold": Colour("vàng quỳ", "gold leaf", (214, 172, 74)),
    "teal": Colour("xanh mòng két", "teal", (22, 108, 120)),
}

# Words of a title (Vietnamese, then English) → the ground, the colours to choose from, and the accent. The first
# theme whose words occur wins, so the specific ones come first ("Ruộng muối" is salt, not rice).
_THEMES: tuple[tuple[frozenset, frozenset, str, tuple[str, ...], str], ...] = (
    (
        frozenset({"sen"}),
        frozenset({"lotus"}),
        "cream",
        ("deep_pink", "powder_pink", "rice_green", "dark_green"),
        "pale_yellow",
    ),
    (
        frozenset({"muối", "cát"}),
        frozenset({"salt", "sand", "dunes"}),
        "ivory",
        ("ash", "pale_yellow", "sky", "cream"),
        "terracotta",
    ),
    (frozenset({"tím"}), frozenset({"violet"}), "powder_pink", ("violet", "lilac", "indigo"), "pale_yellow"),
    (
        frozenset({"đêm", "trăng", "rằm", "đèn"}),
        frozenset({"night", "moon", "moon-watching", "streetlights", "lanterns"}),
        "indigo",
        ("deep_blue", "violet", "turmeric", "blue"),
        "pale_yellow",
    ),
    (
        frozenset({"gốm", "lò", "tương", "mắm", "vại", "chum", "bếp", "ngói", "đất", "bánh"}),
        frozenset({"kiln", "jars", "hearth", "kitchen", "tiles", "earth"}),
        "cream",
        ("terracotta", "earth", "brick", "coffee"),
        "ivory",
    ),
    (
        frozenset({"cà", "phê"}),
        frozenset({"coffee"}),
        "cream",
        ("coffee", "earth", "terracotta", "brick"),
        "pale_yellow",
    ),
    (
        frozenset({"tết", "hội", "lễ", "trống", "chiêng", "chòi", "vật"}),
        frozenset({"festival", "drums", "gongs", "wrestling"}),
        "cream",
        ("vermilion", "turmeric", "brick", "bronze"),
        "dark_green",
    ),
    (
        frozenset({"áo", "váy", "khăn", "thổ", "dệt", "nón", "chiếu", "cói", "quai"}),
        frozenset({"dress", "skirts", "hats", "scarves", "brocade", "mats", "blouses"}),
        "ivory",
        ("indigo", "vermilion", "turmeric", "lilac"),
        "teal",
    ),
    (
        frozenset(
            {
                "sông",
                "biển",
                "thuyền",
                "nước",
                "phá",
                "đầm",
                "chài",
                "xuồng",
                "ghe",
                "thác",
                "suối",
                "giếng",
                "kênh",
                "thúng",
            }
        ),
        frozenset(
            {"river", "sea", "boat", "boats", "water", "lagoon", "fishing", "waterfall", "stream", "canal", "flood"}
        ),
        "sky",
        ("turquoise", "teal", "deep_blue", "blue"),
        "terracotta",
    ),
    (
        frozenset({"lúa", "gặt", "ruộng", "đồng", "mạ", "nương", "ngô", "mạch", "vườn", "dừa"}),
        frozenset({"rice", "harvest", "fields", "maize", "orchards", "buckwheat", "palm"}),
        "pale_yellow",
        ("rice_green", "turmeric", "moss", "dark_green"),
        "earth",
    ),
    (
        frozenset({"núi", "đèo", "sương", "bản", "buôn", "rông", "sàn", "rừng", "ngựa", "gùi"}),
        frozenset({"mountain", "pass", "mist", "forest", "highland", "stilt", "horses"}),
        "ivory",
        ("moss", "ash", "dark_green", "sky"),
        "vermilion",
    ),
    (
        frozenset({"hoa", "mận"}),
        frozenset({"blossom", "flower", "bougainvillea"}),
        "ivory",
        ("powder_pink", "lilac", "rice_green", "deep_pink"),
        "vermilion",
    ),
    (frozenset({"thu"}), frozenset({"autumn"}), "cream", ("bronze", "turmeric", "earth", "teal"), "brick"),
    (
        frozenset({"phố", "cầu", "tàu", "xe", "tập", "công", "tôn", "buýt", "nhà", "chợ"}),
        frozenset({"street", "bridge", "train", "motorbikes", "houses", "blocks", "roofs", "market", "bus"}),
        "ivory",
        ("charcoal", "ash", "brick", "turmeric"),
        "teal",
    ),
)
_REGION_THEMES = {
    "north": ("cream", ("brick", "turmeric", "moss", "earth"), "teal"),
    "highlands": ("ivory", ("moss", "indigo", "vermilion", "dark_green"), "turmeric"),
    "central": ("cream", ("violet", "turquoise", "terracotta", "lilac"), "turmeric"),
    "south": ("pale_yellow", ("rice_green", "turquoise", "turmeric", "teal"), "vermilion"),
    "city": ("ivory", ("charcoal", "ash", "turmeric", "brick"), "teal"),
}

# How each medium is imitated: the words for it, and the drawing.
_STYLES = {
    "wash": (
        "những vệt màu nước loang chồng lên nhau và vài nét mực mảnh",
        "soft, overlapping watercolour washes with a few thin ink strokes",
    ),
    "gouache": (
        "những dải và vòng cung bột màu phẳng, mờ, mép hơi gợn, trên giấy có thớ",
        "flat, matte gouache stripes and arcs with slightly uneven edges on fibrous paper",
    ),
    "impasto": (
        "những khối màu dày đắp bằng các vệt cọ ngắn trên mặt toan",
        "thick blocks of colour built up with short brush marks on canvas",
    ),
    "collage": (
        "những mảnh giấy xé chồng lên nhau, có bóng đổ nhẹ, điểm vài vệt màu nước",
        "torn paper pieces layered over one another with soft shadows and touches of watercolour",
    ),
    "geometric": (
        "những hình hình học sắc nét: hình tròn, nửa hình tròn và các thanh ngang",
        "crisp geometric shapes: circles, half-discs and bars",
    ),
    "print": (
        "những mảng in mép sắc có đường khắc và chấm tram, các lớp màu in hơi lệch nhau",
        "hard-edged printed blocks with carved lines and halftone dots, the colour layers slightly out of register",
    ),
    "linework": (
        "những mảng màu phẳng dưới lưới nét gạch và các đường đồng mức bằng mực",
        "flat colour fields under ink hatching and contour lines",
    ),
    "lacquer": (
        "những lớp mảng phẳng chồng lên nhau trên nền sơn then bóng, rắc vàng quỳ và vỏ trứng",
        "layered flat shapes on a glossy black lacquer ground, flecked with gold leaf and eggshell",
    ),
}
_FOCUS = {
    "top": ("nửa trên", "the upper half"),
    "bottom": ("nửa dưới", "the lower half"),
    "left": ("bên trái", "the left side"),
    "right": ("bên phải", "the right side"),
    "centre": ("giữa", "the middle"),
}
# The works drawn large enough for the 2,400-pixel zoom (core/renditions.py never enlarges a picture): encoding
# the copies of one such picture costs about a second, against a fifth of that for a 900-pixel one, so only a few
# works are drawn large (the first of each region) and the demo still loads quickly. The others open in the zoom
# viewer at their 900 × 1,125 pixels.
LARGE_SIZE = (1920, 2400)
SMALL_SIZE = (900, 1125)


def style_for(medium_en: str, technique: str) -> str:
    """The drawing that imitates a medium, from the words of its English name, else from the technique."""
    medium = medium_en.casefold()
    for words, style in (
        (("lacquer",), "lacquer"),
        (("collage",), "collage"),
        (("hand drawing",), "linework"),
        (("watercolour", "watercolor", "silk", "ink wash"), "wash"),
        (("gouache", "tempera"), "gouache"),
        (("acrylic", "oil"), "impasto"),
        (("woodcut", "woodblock", "linocut", "etching", "screen print", "printed on"), "print"),
        (("digital", "giclée", "giclee"), "geometric"),
    ):
        if any(word in medium for word in words):
            return style
    return {"hand": "gouache", "mixed": "collage"}.get(technique, "geometric")


def palette_for(title_vi: str, title_en: str, region: str) -> tuple[str, tuple[str, ...], str]:
    """(ground, colours, accent) chosen by the words of the title, else by the region."""
    words_vi = set(title_vi.casefold().replace(",", " ").split())
    words_en = set(title_en.casefold().replace(",", " ").replace("'s", "").split())
    for vi, en, ground, colours, accent in _THEMES:
        if words_vi & vi or words_en & en:
            return ground, colours, accent
    return _REGION_THEMES.get(region, _REGION_THEMES["north"])


@dataclass
class ArtworkPlan:
    """The drawing of one work, and the words that describe exactly that drawing."""

    number: int
    style: str
    ground: str
    colours: tuple[str, ...]
    accent: str
    focus: str
    seed: int
    size: tuple[int, int] = SMALL_SIZE
    alt_vi: str = ""
    alt_en: str = ""
    long_vi: str = ""
    long_en: str = ""
    extra: dict = field(default_factory=dict)


def _names(keys, lang: str) -> str:
    names = [getattr(_C[k], lang) for k in keys]
    joiner = " và " if lang == "vi" else " and "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + joiner + names[-1]


def plan_artwork(
    number: int, title: tuple[str, str], region: str, medium: tuple[str, str], technique: str, *, large: bool = False
) -> ArtworkPlan:
    rng = random.Random(f"artwork:{number}:{title[1]}")
    style = style_for(medium[1], technique)
    ground, choices, accent = palette_for(title[0], title[1], region)
    colours = rng.sample(choices, 3)
    if style == "lacquer":
        ground, accent = "lacquer_black", "gold"
        colours = (colours[0], "vermilion" if "vermilion" not in colours else "brick", "bronze")
    plan = ArtworkPlan(
        number=number,
        style=style,
        ground=ground,
        colours=tuple(colours),
        accent=accent,
        focus=rng.choice(tuple(_FOCUS)),
        seed=rng.randint(0, 10**9),
        size=LARGE_SIZE if large else SMALL_SIZE,
    )
    _describe(plan, medium)
    return plan


def _describe(plan: ArtworkPlan, medium: tuple[str, str]) -> None:
    style_vi, style_en = _STYLES[plan.style]
    focus_vi, focus_en = _FOCUS[plan.focus]
    colours_vi = _names(plan.colours, "vi")
    colours_en = _names(plan.colours, "en")
    ground_vi, ground_en = _C[plan.ground].vi, _C[plan.ground].en
    accent_vi, accent_en = _C[plan.accent].vi, _C[plan.accent].en
    plan.alt_vi = (
        f"Minh họa demo trừu tượng, không phải ảnh tác phẩm: {style_vi}, màu {colours_vi} trên nền {ground_vi}."
    )
    plan.alt_en = (
        f"Abstract demo illustration, not a photograph of the work: {style_en}, in {colours_en} on {ground_en}."
    )
    medium_vi = medium[0][:1].lower() + medium[0][1:]
    medium_en = medium[1][:1].lower() + medium[1][1:]
    plan.long_vi = (
        "Hình này được máy vẽ tự động cho bản demo. Nó không phải ảnh chụp tác phẩm và không vẽ cảnh nào: chỉ có "
        f"các mảng màu trừu tượng. Bảng màu được chọn theo tên tác phẩm và vùng miền; cách vẽ mô phỏng chất liệu "
        f"({medium_vi}). Hình khổ đứng gồm {style_vi}, màu {colours_vi}, điểm xuyết màu {accent_vi}, trên nền "
        f"{ground_vi}. Phần lớn màu dồn về {focus_vi} khổ tranh. Hình không có chữ."
    )
    plan.long_en = (
        "This picture was drawn automatically for the demo. It is not a photograph of the work and shows no scene: "
        "only abstract areas of colour. The colours were chosen from the work's title and region; the drawing "
        f"imitates its medium ({medium_en}). The portrait-format picture holds {style_en}, in {colours_en}, with "
        f"touches of {accent_en}, on {ground_en}. Most of the colour gathers in {focus_en} of the picture. There is "
        "no text."
    )


# Drawing helpers


def _rgb(key: str) -> RGB:
    return _C[key].rgb


def _focus_point(plan: ArtworkPlan, rng: random.Random, w: int, h: int) -> tuple[float, float]:
    """A point biased towards the plan's focus, for placing the next shape."""
    fx, fy = {"top": (0.5, 0.3), "bottom": (0.5, 0.7), "left": (0.3, 0.5), "right": (0.7, 0.5), "centre": (0.5, 0.5)}[
        plan.focus
    ]
    return w * min(0.95, max(0.05, rng.gauss(fx, 0.2))), h * min(0.95, max(0.05, rng.gauss(fy, 0.2)))


def _blob(rng: random.Random, cx: float, cy: float, rx: float, ry: float, roughness: float = 0.18, points: int = 28):
    """An irregular closed outline around (cx, cy)."""
    phase = rng.random() * math.tau
    waves = [(rng.randint(2, 5), rng.random() * math.tau, rng.uniform(0.3, 1.0)) for _ in range(3)]
    outline = []
    for i in range(points):
        a = phase + i * math.tau / points
        wobble = sum(amp * math.sin(k * a + p) for k, p, amp in waves) / 3
        r = 1 + roughness * wobble + rng.uniform(-roughness, roughness) * 0.3
        outline.append((cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)))
    return outline


def _bbox(points, pad: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (
        max(0, int(min(xs) - pad)),
        max(0, int(min(ys) - pad)),
        min(size[0], int(max(xs) + pad) + 1),
        min(size[1], int(max(ys) + pad) + 1),
    )


def _tint(
    image: Image.Image,
    points,
    colour: RGB,
    opacity: float,
    *,
    blur: float = 0.0,
    multiply: bool = False,
    edge: float = 0.0,
) -> None:
    """Lay `colour` over the shape `points` at `opacity`, softened by `blur` pixels; `multiply` darkens like a
    transparent paint; `edge` adds the darker rim a watercolour wash dries with. Works only on the shape's box."""
    box = _bbox(points, blur * 2 + 4, image.size)
    bw, bh = box[2] - box[0], box[3] - box[1]
    if bw <= 0 or bh <= 0:
        return
    local = [(x - box[0], y - box[1]) for x, y in points]
    if blur > 2:
        k = 4  # draw and blur at a quarter size: as soft, much faster
        small = Image.new("L", (max(1, bw // k), max(1, bh // k)), 0)
        ImageDraw.Draw(small).polygon([(x / k, y / k) for x, y in local], fill=round(255 * opacity))
        mask = small.filter(ImageFilter.GaussianBlur(blur / k)).resize((bw, bh), Image.Resampling.BILINEAR)
    else:
        mask = Image.new("L", (bw, bh), 0)
        ImageDraw.Draw(mask).polygon(local, fill=round(255 * opacity))
    if edge:
        ImageDraw.Draw(mask).line(
            [*local, local[0]], fill=round(255 * min(1.0, opacity + edge)), width=max(2, bw // 220), joint="curve"
        )
    region = image.crop(box)
    paint = Image.new("RGB", (bw, bh), colour)
    if multiply:
        paint = ImageChops.multiply(region, paint)
    region.paste(paint, (0, 0), mask)
    image.paste(region, box[:2])


def _fibres(draw: ImageDraw.ImageDraw, rng: random.Random, size: tuple[int, int], colour: RGB, count: int, s: float):
    """The fibres of dó paper: short, slightly curved hairs."""
    w, h = size
    for _ in range(count):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        a = rng.uniform(0, math.tau)
        length = rng.uniform(8, 30) * s
        bend = rng.uniform(-0.5, 0.5)
        points = [
            (x + math.cos(a + bend * t) * length * t, y + math.sin(a + bend * t) * length * t)
            for t in (0, 0.35, 0.7, 1)
        ]
        draw.line(points, fill=_jitter(colour, rng, 6), width=max(1, round(s)))


def _ink_stroke(draw: ImageDraw.ImageDraw, rng: random.Random, size: tuple[int, int], colour: RGB, s: float):
    """A long calligraphic stroke that swells and thins."""
    w, h = size
    x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
    a = rng.uniform(0, math.tau)
    turn = rng.uniform(-0.012, 0.012)
    steps = rng.randint(40, 90)
    thickest = rng.uniform(3, 9) * s
    previous = (x, y)
    for i in range(1, steps):
        a += turn + rng.uniform(-0.05, 0.05)
        x += math.cos(a) * 9 * s
        y += math.sin(a) * 9 * s
        width = max(1, round(thickest * math.sin(math.pi * i / steps)))
        draw.line((previous, (x, y)), fill=colour, width=width)
        previous = (x, y)


def _paint_wash(image, plan, rng, s):
    w, h = image.size
    colours = [_rgb(k) for k in plan.colours]
    for i in range(rng.randint(7, 10)):
        cx, cy = _focus_point(plan, rng, w, h)
        r = rng.uniform(0.14, 0.32) * w
        colour = _mix(colours[i % 3], (255, 255, 255), rng.uniform(0.0, 0.35))
        _tint(
            image,
            _blob(rng, cx, cy, r, r * rng.uniform(0.6, 1.3), 0.3),
            colour,
            rng.uniform(0.35, 0.6),
            blur=rng.uniform(6, 22) * s,
            multiply=True,
            edge=0.15,
        )
    accent = _rgb(plan.accent)
    for _ in range(rng.randint(2, 4)):
        cx, cy = _focus_point(plan, rng, w, h)
        r = rng.uniform(0.03, 0.07) * w
        _tint(image, _blob(rng, cx, cy, r, r, 0.3), accent, 0.6, blur=3 * s, multiply=True)
    draw = ImageDraw.Draw(image)
    ink = _mix(_rgb("indigo"), _rgb("charcoal"), rng.random())
    for _ in range(rng.randint(3, 5)):
        _ink_stroke(draw, rng, image.size, ink, s)


def _paint_gouache(image, plan, rng, s):
    w, h = image.size
    draw = ImageDraw.Draw(image)
    paper = _rgb(plan.ground)
    _fibres(draw, rng, image.size, _mix(paper, (90, 70, 50), 0.18), int(500 * s), s)
    colours = [_rgb(k) for k in plan.colours]
    # Diagonal stripes with wavering edges, nested arcs like a stacked rainbow, a few rounded stones of colour,
    # then a grid of accent dots: patterns, never a horizon.
    angle = rng.choice((-1, 1)) * rng.uniform(0.5, 1.1)
    c, si = math.cos(angle), math.sin(angle)
    cx, cy = _focus_point(plan, rng, w, h)
    span = math.hypot(w, h)
    for i in range(rng.randint(2, 3)):
        offset = (i - 1) * rng.uniform(0.2, 0.26) * span
        thick = rng.uniform(0.08, 0.15) * span
        edge_a, edge_b = [], []
        for k in range(41):
            t = (k / 40 - 0.5) * span
            wave = rng.uniform(-2.5, 2.5) * s
            edge_a.append((cx + t * c - (offset + wave) * si, cy + t * si + (offset + wave) * c))
            edge_b.append((cx + t * c - (offset + thick + wave) * si, cy + t * si + (offset + thick + wave) * c))
        _tint(image, edge_a + edge_b[::-1], _jitter(colours[i % 3], rng, 8), 0.96, blur=1.5 * s)
    ax, ay = _focus_point(plan, rng, w, h)
    start = rng.choice((0, 90, 180, 270))
    outer = rng.uniform(0.28, 0.4) * w
    for ring in range(4):
        r = outer * (1 - ring * 0.22)
        colour = _rgb(plan.accent) if ring == 1 else colours[(ring + 1) % 3]
        if ring == 3:
            colour = _rgb(plan.ground)
        draw.pieslice((ax - r, ay - r, ax + r, ay + r), start, start + 180, fill=_jitter(colour, rng, 6))
    for _ in range(rng.randint(2, 3)):
        bx, by = _focus_point(plan, rng, w, h)
        r = rng.uniform(0.05, 0.11) * w
        _tint(
            image, _blob(rng, bx, by, r, r * 0.8, 0.06, 60), _jitter(rng.choice(colours), rng, 14), 0.95, blur=1.5 * s
        )
    accent = _rgb(plan.accent)
    cx, cy = _focus_point(plan, rng, w, h)
    for row in range(rng.randint(3, 6)):
        for col in range(rng.randint(4, 8)):
            x, y = cx + (col - 3) * 26 * s, cy + (row - 2) * 26 * s
            draw.ellipse((x - 6 * s, y - 6 * s, x + 6 * s, y + 6 * s), fill=_jitter(accent, rng, 10))


def _paint_impasto(image, plan, rng, s):
    w, h = image.size
    draw = ImageDraw.Draw(image)
    weave = _mix(_rgb(plan.ground), (0, 0, 0), 0.12)
    step = max(3, round(5 * s))
    for x in range(0, w, step):
        draw.line((x, 0, x, h), fill=weave, width=1)
    for y in range(0, h, step):
        draw.line((0, y, w, y), fill=weave, width=1)
    # Cut the canvas into blocks, then build each block up with short strokes of its colour, lighter and darker.
    blocks = [(0.0, 0.0, float(w), float(h))]
    while len(blocks) < rng.randint(6, 9):
        blocks.sort(key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        x0, y0, x1, y1 = blocks.pop()
        if (x1 - x0) > (y1 - y0) * 0.8:
            cut = x0 + (x1 - x0) * rng.uniform(0.3, 0.7)
            blocks += [(x0, y0, cut, y1), (cut, y0, x1, y1)]
        else:
            cut = y0 + (y1 - y0) * rng.uniform(0.3, 0.7)
            blocks += [(x0, y0, x1, cut), (x0, cut, x1, y1)]
    keys = [*plan.colours, plan.accent]
    for i, (x0, y0, x1, y1) in enumerate(blocks):
        base = _rgb(keys[i % len(keys)] if i < 6 else rng.choice(plan.colours))
        gap = 7 * s
        draw.rectangle((x0 + gap, y0 + gap, x1 - gap, y1 - gap), fill=base)
        angle = rng.uniform(-0.6, 0.6) + (math.pi / 2 if rng.random() < 0.4 else 0)
        count = int((x1 - x0) * (y1 - y0) / (650 * s * s))
        for _ in range(count):
            x, y = rng.uniform(x0 + gap, x1 - gap), rng.uniform(y0 + gap, y1 - gap)
            length = rng.uniform(18, 46) * s
            a = angle + rng.uniform(-0.25, 0.25)
            dx, dy = math.cos(a) * length / 2, math.sin(a) * length / 2
            shade = rng.uniform(-0.22, 0.22)
            colour = _mix(base, (255, 255, 255), shade) if shade > 0 else _mix(base, (0, 0, 0), -shade)
            x_a, y_a = max(x0 + gap, min(x1 - gap, x - dx)), max(y0 + gap, min(y1 - gap, y - dy))
            x_b, y_b = max(x0 + gap, min(x1 - gap, x + dx)), max(y0 + gap, min(y1 - gap, y + dy))
            draw.line((x_a, y_a, x_b, y_b), fill=colour, width=max(2, round(rng.uniform(6, 13) * s)))


def _torn(rng: random.Random, x0: float, y0: float, x1: float, y1: float, s: float):
    """The outline of a piece of paper torn from the box (x0, y0)–(x1, y1): straight-ish sides, ragged edges."""
    outline = []
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1], strict=True):
        length = math.hypot(bx - ax, by - ay)
        steps = max(2, int(length / (7 * s)))
        for k in range(steps):
            t = k / steps
            outline.append((ax + (bx - ax) * t + rng.uniform(-3, 3) * s, ay + (by - ay) * t + rng.uniform(-3, 3) * s))
    return outline


def _rotate(points, angle: float):
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    c, si = math.cos(angle), math.sin(angle)
    return [(cx + (x - cx) * c - (y - cy) * si, cy + (x - cx) * si + (y - cy) * c) for x, y in points]


def _paint_collage(image, plan, rng, s):
    w, h = image.size
    colours = [_rgb(k) for k in (*plan.colours, plan.accent)]
    _tint(image, _blob(rng, w * 0.5, h * 0.5, w * 0.6, h * 0.55, 0.25), colours[0], 0.18, blur=40 * s, multiply=True)
    shadow = (40, 30, 25)
    for i in range(rng.randint(6, 9)):
        cx, cy = _focus_point(plan, rng, w, h)
        pw, ph = rng.uniform(0.2, 0.55) * w, rng.uniform(0.08, 0.35) * h
        piece = _rotate(_torn(rng, cx - pw / 2, cy - ph / 2, cx + pw / 2, cy + ph / 2, s), rng.uniform(-0.35, 0.35))
        _tint(image, [(x + 6 * s, y + 8 * s) for x, y in piece], shadow, 0.28, blur=7 * s)
        colour = _jitter(_mix(colours[i % 4], (255, 255, 255), rng.uniform(0, 0.3)), rng, 10)
        _tint(image, piece, colour, 1.0)
        if rng.random() < 0.45:  # a printed paper: stripes across the piece
            box = _bbox(piece, 0, image.size)
            stripes = Image.new("L", (box[2] - box[0], box[3] - box[1]), 0)
            sd = ImageDraw.Draw(stripes)
            gap = rng.uniform(10, 22) * s
            for k in range(-stripes.height, stripes.width + stripes.height, max(2, int(gap))):
                sd.line((k, 0, k - stripes.height, stripes.height), fill=255, width=max(1, int(gap / 3)))
            shape = Image.new("L", stripes.size, 0)
            ImageDraw.Draw(shape).polygon([(x - box[0], y - box[1]) for x, y in piece], fill=150)
            stripes = ImageChops.multiply(stripes, shape)
            region = image.crop(box)
            region.paste(_mix(colour, (255, 255, 255), 0.45), (0, 0), stripes)
            image.paste(region, box[:2])
    for _ in range(2):
        cx, cy = _focus_point(plan, rng, w, h)
        r = rng.uniform(0.1, 0.18) * w
        _tint(image, _blob(rng, cx, cy, r, r, 0.3), rng.choice(colours), 0.4, blur=12 * s, multiply=True, edge=0.12)


def _paint_geometric(image, plan, rng, s):
    w, h = image.size
    draw = ImageDraw.Draw(image)
    top, bottom = _rgb(plan.ground), _mix(_rgb(plan.colours[0]), _rgb(plan.ground), 0.75)
    _vertical_gradient(draw, (0, 0, w, h), top, bottom)
    cols, rows = rng.choice(((3, 4), (2, 3), (4, 5), (3, 3)))
    cw, ch = w / cols, h / rows
    colours = [_rgb(k) for k in plan.colours]
    rng.shuffle(colours)
    accent = _rgb(plan.accent)
    shapes = rng.sample(("disc", "half", "quarter", "bars", "empty", "square", "triangle", "rings"), 4)
    for row in range(rows):
        for col in range(cols):
            x0, y0 = col * cw, row * ch
            colour = colours[(row * 2 + col + rng.randint(0, 1)) % 3]
            shape = rng.choice(shapes)
            m = 10 * s
            r = min(cw, ch) / 2 - m
            if shape == "disc":
                draw.ellipse((x0 + cw / 2 - r, y0 + ch / 2 - r, x0 + cw / 2 + r, y0 + ch / 2 + r), fill=colour)
            elif shape == "half":
                start = rng.choice((0, 90, 180, 270))
                draw.pieslice((x0 + m, y0 + m, x0 + cw - m, y0 + ch - m), start, start + 180, fill=colour)
            elif shape == "quarter":
                corner = rng.choice(((x0, y0), (x0 + cw, y0), (x0, y0 + ch), (x0 + cw, y0 + ch)))
                q = min(cw, ch) - m
                draw.pieslice((corner[0] - q, corner[1] - q, corner[0] + q, corner[1] + q), 0, 360, fill=colour)
            elif shape == "bars":
                for k in range(4):
                    y = y0 + m + k * (ch - 2 * m) / 4
                    draw.rectangle((x0 + m, y, x0 + cw - m, y + (ch - 2 * m) / 8), fill=colour)
            elif shape == "square":
                draw.rectangle((x0 + m * 3, y0 + m * 3, x0 + cw - m * 3, y0 + ch - m * 3), fill=colour)
            elif shape == "triangle":
                pts = [
                    (x0 + m, y0 + ch - m),
                    (x0 + cw - m, y0 + ch - m),
                    (x0 + rng.choice((m, cw / 2, cw - m)), y0 + m),
                ]
                draw.polygon(pts, fill=colour)
            elif shape == "rings":
                for k, colour_k in enumerate((colour, _rgb(plan.ground), colour, _rgb(plan.ground))):
                    rk = r * (1 - k * 0.24)
                    draw.ellipse(
                        (x0 + cw / 2 - rk, y0 + ch / 2 - rk, x0 + cw / 2 + rk, y0 + ch / 2 + rk), fill=colour_k
                    )
    # One large figure across cells in the accent, and a thin rule.
    big = rng.choice(("ring", "half", "band", "none"))
    cx, cy = rng.randrange(cols) * cw + cw / 2, (rng.randrange(rows - 1) + 1) * ch
    r = min(cw, ch) * rng.uniform(0.8, 1.0)
    if big == "ring":
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=accent)
        draw.ellipse((cx - r * 0.45, cy - r * 0.45, cx + r * 0.45, cy + r * 0.45), fill=colours[2])
    elif big == "half":
        start = rng.choice((0, 90, 180, 270))
        draw.pieslice((cx - r, cy - r, cx + r, cy + r), start, start + 180, fill=accent)
    elif big == "band":
        y = rng.uniform(0.2, 0.8) * h
        draw.polygon([(0, y), (w, y - 0.25 * h), (w, y - 0.15 * h), (0, y + 0.1 * h)], fill=accent)
    y = rng.choice(range(1, rows)) * ch
    draw.line((0, y, w, y), fill=_rgb("charcoal"), width=max(2, round(3 * s)))


def _paint_print(image, plan, rng, s):
    w, h = image.size
    draw = ImageDraw.Draw(image)
    _fibres(draw, rng, image.size, _mix(_rgb(plan.ground), (90, 70, 50), 0.16), int(400 * s), s)
    # Three inks, each a layer of hard-edged shapes cut with carved lines, printed slightly out of register.
    for layer, key in enumerate(plan.colours):
        mask = Image.new("L", image.size, 0)
        md = ImageDraw.Draw(mask)
        for _ in range(rng.randint(2, 3)):
            cx, cy = _focus_point(plan, rng, w, h)
            kind = rng.choice(("rect", "disc", "arch"))
            bw, bh = rng.uniform(0.2, 0.5) * w, rng.uniform(0.12, 0.35) * h
            if kind == "rect":
                md.rectangle((cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2), fill=255)
            elif kind == "disc":
                md.ellipse((cx - bw / 2, cy - bw / 2, cx + bw / 2, cy + bw / 2), fill=255)
            else:
                md.pieslice((cx - bw / 2, cy - bw / 2, cx + bw / 2, cy + bw / 2), 180, 360, fill=255)
                md.rectangle((cx - bw / 2, cy, cx + bw / 2, cy + bh / 2), fill=255)
        gap = rng.uniform(14, 26) * s
        slope = rng.choice((0, 0.5, -0.5, 1e6))
        for k in range(-h, w + h, max(3, int(gap))):
            if slope == 1e6:
                md.line((k, 0, k, h), fill=0, width=max(1, round(2.5 * s)))
            else:
                md.line((k, 0, k + slope * h, h), fill=0, width=max(1, round(2.5 * s)))
        if layer == 2:  # a field of halftone dots
            cx, cy = _focus_point(plan, rng, w, h)
            pitch = 12 * s
            for row in range(14):
                for col in range(14):
                    x, y = cx + (col - 7) * pitch, cy + (row - 7) * pitch
                    r = pitch * 0.45 * (1 - math.hypot(col - 7, row - 7) / 10)
                    if r > 0:
                        md.ellipse((x - r, y - r, x + r, y + r), fill=255)
        dx, dy = round(rng.uniform(-5, 5) * s), round(rng.uniform(-5, 5) * s)
        mask = ImageChops.offset(mask, dx, dy)
        ink = Image.new("RGB", image.size, _rgb(key))
        image.paste(ImageChops.multiply(image, ink), (0, 0), mask.point(lambda v: int(v * 0.92)))


def _paint_linework(image, plan, rng, s):
    w, h = image.size
    colours = [_rgb(k) for k in plan.colours]
    for i in range(3):
        cx, cy = _focus_point(plan, rng, w, h)
        r = rng.uniform(0.15, 0.3) * w
        _tint(image, _blob(rng, cx, cy, r, r * rng.uniform(0.7, 1.3), 0.2), colours[i], 0.9)
    draw = ImageDraw.Draw(image)
    ink = _rgb("charcoal")
    # Contour lines around one centre, and hatching over part of the picture.
    cx, cy = _focus_point(plan, rng, w, h)
    phase = [rng.random() * math.tau for _ in range(3)]
    for ring in range(1, rng.randint(10, 16)):
        radius = ring * 22 * s
        outline = []
        for k in range(73):
            a = k * math.tau / 72
            wobble = 1 + 0.12 * math.sin(3 * a + phase[0]) + 0.06 * math.sin(5 * a + phase[1] + ring * 0.3)
            outline.append((cx + radius * wobble * math.cos(a), cy + radius * wobble * 0.85 * math.sin(a)))
        draw.line(outline, fill=ink, width=max(1, round(1.6 * s)))
    hatch = Image.new("L", image.size, 0)
    hd = ImageDraw.Draw(hatch)
    for k in range(-h, w + h, max(3, round(9 * s))):
        hd.line((k, 0, k + h * 0.6, h), fill=255, width=max(1, round(1.4 * s)))
    keep = Image.new("L", image.size, 0)
    hx, hy = _focus_point(plan, rng, w, h)
    ImageDraw.Draw(keep).polygon(_blob(rng, hx, hy, w * 0.3, h * 0.2, 0.25), fill=200)
    image.paste(ink, (0, 0), ImageChops.multiply(hatch, keep))
    accent = _rgb(plan.accent)
    for _ in range(rng.randint(5, 9)):
        x, y = _focus_point(plan, rng, w, h)
        r = rng.uniform(6, 14) * s
        draw.ellipse((x - r, y - r, x + r, y + r), fill=accent, outline=ink, width=max(1, round(1.5 * s)))


def _paint_lacquer(image, plan, rng, s):
    w, h = image.size
    draw = ImageDraw.Draw(image)
    colours = [_rgb(k) for k in plan.colours]
    # Layered flat shapes, the lower ones dimmed as if seen through the coats of lacquer above them.
    for layer in range(3):
        for k in range(rng.randint(2, 3)):
            cx, cy = _focus_point(plan, rng, w, h)
            bw, bh = rng.uniform(0.15, 0.45) * w, rng.uniform(0.08, 0.3) * h
            colour = _mix(colours[(layer + k) % 3], _rgb("lacquer_black"), 0.45 - layer * 0.2)
            if rng.random() < 0.5:
                draw.rounded_rectangle((cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2), radius=8 * s, fill=colour)
            else:
                draw.ellipse((cx - bw / 2, cy - bw / 2, cx + bw / 2, cy + bw / 2), fill=colour)
    gold = _rgb("gold")
    cx, cy = _focus_point(plan, rng, w, h)
    for _ in range(int(260 * s)):  # gold leaf flecks, thicker near one point
        x, y = rng.gauss(cx, w * 0.12), rng.gauss(cy, h * 0.1)
        r = rng.uniform(1.5, 6) * s
        draw.polygon([(x + rng.uniform(-r, r), y + rng.uniform(-r, r)) for _ in range(4)], fill=_jitter(gold, rng, 18))
    ex, ey = _focus_point(plan, rng, w, h)
    for _ in range(int(120 * s)):  # eggshell: small ivory fragments
        x, y = ex + rng.uniform(-0.15, 0.15) * w, ey + rng.uniform(-0.06, 0.06) * h
        r = rng.uniform(3, 9) * s
        draw.polygon(
            [
                (x + r * math.cos(a) * rng.uniform(0.6, 1), y + r * math.sin(a) * rng.uniform(0.6, 1))
                for a in (0, 1.6, 3.1, 4.7)
            ],
            fill=_jitter(_rgb("ivory"), rng, 8),
        )
    sheen = [(w * 0.1, 0), (w * 0.35, 0), (w * 0.9, h), (w * 0.65, h)]
    _tint(image, sheen, (255, 255, 255), 0.07, blur=30 * s)


_PAINTERS = {
    "wash": _paint_wash,
    "gouache": _paint_gouache,
    "impasto": _paint_impasto,
    "collage": _paint_collage,
    "geometric": _paint_geometric,
    "print": _paint_print,
    "linework": _paint_linework,
    "lacquer": _paint_lacquer,
}


def render_artwork(plan: ArtworkPlan) -> bytes:
    """The plan's picture as a JPEG of `plan.size`, the same bytes every time."""
    rng = random.Random(plan.seed)
    width, height = plan.size
    s = width / 900  # the drawings are designed at 900 pixels wide and scale with the picture
    image = Image.new("RGB", (width, height), _rgb(plan.ground))
    _PAINTERS[plan.style](image, plan, rng, s)
    return _encode(image, "JPEG")
