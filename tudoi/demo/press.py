"""The press room's demo content, read from demo/press.json, and the programme's wordmark for the media kit.

`CONTACTS` are the (fictional) press contacts of demo/press.json; the wordmark "Tụ hội sáng tạo" is drawn here.
"""

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from . import data


def __getattr__(name: str):
    if name == "CONTACTS":  # read when asked for, so that TUDOI_DEMO_DIR applies
        return tuple(data.record(c, "role", "organisation") for c in data.read_json("press.json")["contacts"])
    raise AttributeError(name)


# The programme's wordmark for the media kit -----------------------------------------------------------------------

LOGO_NAME = "Tụ hội sáng tạo"
# Be Vietnam Pro Bold with every Vietnamese letter in one file (the press fact sheet's font).
LOGO_FONT = Path(__file__).resolve().parents[2] / "press" / "fonts" / "BeVietnamPro_700Bold.ttf"
LACQUER = (155, 28, 28)  # the site's accent and favicon colours
GOLD = (242, 193, 78)
INK = (28, 27, 26)


@functools.lru_cache(maxsize=4)
def logo_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(LOGO_FONT), size)


def logo_layout(height: int = 640) -> dict:
    """Where the wordmark's parts go on a canvas `height` pixels high: the mark (the favicon's gold ring on a
    lacquer square) and the name on one line, measured from the letters' own ink (diacritics above and below
    included), so that the canvas is as wide as the whole name plus a margin on every side."""
    mark = round(height * 0.42)
    font = logo_font(round(mark * 0.8))
    left, top, right, bottom = font.getbbox(LOGO_NAME, anchor="ls")  # ink box around the baseline origin
    margin = round(height * 0.29)
    gap = round(mark * 0.38)
    width = margin + mark + gap + (right - left) + margin
    centre = height / 2
    baseline = round(centre - (top + bottom) / 2)  # the ink box centred on the mark's centre
    return {
        "size": (width, height),
        "mark": (margin, round(centre - mark / 2), margin + mark, round(centre + mark / 2)),
        "text_origin": (margin + mark + gap - left, baseline),
        "text_box": (margin + mark + gap, baseline + top, margin + mark + gap + (right - left), baseline + bottom),
        "font": font,
    }


def logo_png(height: int = 640) -> bytes:
    """The wordmark "Tụ hội sáng tạo" as a PNG on white, drawn at twice the size and reduced (smooth edges)."""
    scale = 2
    layout = logo_layout(height * scale)
    image = Image.new("RGB", layout["size"], (255, 255, 255))
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1 = layout["mark"]
    side = x1 - x0
    draw.rounded_rectangle(layout["mark"], radius=round(side * 7 / 32), fill=LACQUER)
    ring = side * 8 / 32
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    draw.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=GOLD, width=round(side * 3 / 32))
    draw.text(layout["text_origin"], LOGO_NAME, font=layout["font"], fill=INK, anchor="ls")
    width, full_height = layout["size"]
    image = image.resize((width // scale, full_height // scale), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
