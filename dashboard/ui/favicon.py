"""The page icon, drawn here: a favicon that needs no file and no network (Streamlit's
Material and emoji icons are fetched from Google's font CDN, which offline use cannot reach)."""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw


@lru_cache(maxsize=1)
def favicon(size: int = 64) -> Image.Image:
    """A map pin (the atlas' red) on a pale globe."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    s = size / 64
    draw.ellipse(
        (2 * s, 2 * s, 62 * s, 62 * s),
        fill=(219, 234, 254, 255),
        outline=(37, 99, 235, 255),
        width=round(3 * s),
    )
    draw.line((6 * s, 32 * s, 58 * s, 32 * s), fill=(147, 197, 253, 255), width=round(2 * s))
    draw.line((32 * s, 6 * s, 32 * s, 58 * s), fill=(147, 197, 253, 255), width=round(2 * s))
    # the pin: a round head and a point
    draw.polygon([(20 * s, 28 * s), (44 * s, 28 * s), (32 * s, 56 * s)], fill=(180, 35, 24, 255))
    draw.ellipse((18 * s, 10 * s, 46 * s, 38 * s), fill=(180, 35, 24, 255))
    draw.ellipse((27 * s, 19 * s, 37 * s, 29 * s), fill=(255, 255, 255, 255))
    return image
