"""Icons as the site's SVGs carry them: scaled to twice the size they are drawn at, in 256 colours, by Pillow.

diagrams ships its icons as 200-500 pixel RGBA PNGs of 10-30 KB; an SVG draws a node's
icon 101 units wide and a group's 24. Embedded as they are, the icons are nine tenths of an
SVG's bytes. Scaled to at most twice the drawn size (202 and 48 pixels: crisp on high-DPI
screens) and quantised to a 256-colour palette with transparency, an icon is
3-7 KB. The palette alone bands AWS's gradients; a fixed 4x4 ordered dither of +-3 levels
before quantising hides the bands (and, being fixed, keeps the bytes reproducible). The
same icon, size and Pillow version give the same bytes (`PILLOW_VERSION` is part of an
image's content key).
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageChops, __version__

PILLOW_VERSION = __version__
HIGH_DPI = 2  # pixels per unit of the SVG's drawing: sharp on a high-DPI screen wherever the SVG is shown
# no larger than its natural size (pages fit it to their text column, which is nearly always smaller)
PALETTE_COLOURS = 256
DITHER_LEVELS = 6  # the spread of the ordered dither, in levels of 255
_BAYER = (0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5)  # the 4x4 ordered-dither matrix, row by row


def target_pixels(drawn_points: float) -> int:
    """The longest side, in pixels, of an icon drawn `drawn_points` wide (or high) in an SVG."""
    return max(1, round(drawn_points * HIGH_DPI))


@lru_cache(maxsize=1024)
def light_icon(icon: str, pixels: int) -> bytes:
    """The PNG at path `icon` no larger than `pixels` on its longest side (never enlarged), in a palette.

    OSError (or ValueError, from Pillow) when the file is not an image it can read.
    """
    with Image.open(icon) as opened:
        image = opened.convert("RGBA")
    if max(image.size) > pixels:
        scale = pixels / max(image.size)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    palette = _dithered(image).quantize(PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    palette.save(out, "PNG", optimize=True)  # no text chunks, no time stamp: the bytes depend on the pixels
    return out.getvalue()


def _dithered(image: Image.Image) -> Image.Image:
    """The image with the ordered dither added to its colours (its transparency untouched)."""
    steps = [round(value * DITHER_LEVELS / 15) for value in _BAYER]
    rows = [bytes(steps[4 * row + column % 4] for column in range(image.width)) for row in range(4)]
    pattern = Image.frombytes("L", image.size, b"".join(rows[line % 4] for line in range(image.height)))
    red, green, blue, alpha = image.split()
    shifted = [ImageChops.add(band, pattern, 1.0, -(DITHER_LEVELS // 2)) for band in (red, green, blue)]
    return Image.merge("RGBA", (*shifted, alpha))
