"""Where a picture carries its own text, found without reading it: Pillow's edge filter on a
small copy, cut into square tiles; a tile crowded with edges is text (or a logo, or fine
print), a smooth gradient or a single diagonal line is not. Used to warn when an app's
caption or button rail would lie over the picture's own words (issue 22).

Measured on the sample's cards: a tile of plain orange with the cards' diagonal stripes
has at most 17 % of its pixels on an edge, a tile of the footer's date and handle 22 to
38 %; :data:`DENSE` sits between, and :data:`TILES_FOR_TEXT` tiles make a line of text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageFilter, ImageOps

from ..core.calendar_data import Overlay

WIDTH = 360  # the picture is measured at this width
TILE = 12  # px of that copy
EDGE = 60  # an edge pixel: at least this bright after FIND_EDGES
DENSE = 0.2  # share of edge pixels that makes a tile "text"
TILES_FOR_TEXT = 4  # fewer crowded tiles than this in a zone: a mark, not a line of text
CUT_TILES = 2  # crowded tiles astride a crop edge: a word cut in two

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Covered:
    """The zones of an overlay under which the picture has text: ``caption``, ``actions``."""

    zones: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.zones)


def overlay_boxes(width: int, height: int, overlay: Overlay) -> dict[str, Box]:
    """The caption block and the button rail in pixels of a ``width`` x ``height`` frame."""
    bottom = round(height * (1 - overlay.bottom))
    return {
        "caption": (0, bottom, width, height),
        "actions": (round(width * (1 - overlay.right)), round(height * overlay.rail_top),
                    width, bottom),
    }


def text_tiles(edges: Image.Image, box: Box) -> int:
    """How many tiles of ``box`` (in ``edges``' pixels) are crowded with edges."""
    left, top, right, bottom = box
    crowded = 0
    for y in range(top, bottom - TILE + 1, TILE):
        for x in range(left, right - TILE + 1, TILE):
            lit = edges.crop((x, y, x + TILE, y + TILE)).histogram()[255]
            crowded += lit / (TILE * TILE) > DENSE
    return crowded


def edge_map(picture: Image.Image) -> Image.Image:
    """The picture at :data:`WIDTH` px, grey, edges white and everything else black."""
    grey = ImageOps.grayscale(picture)
    height = max(1, round(grey.height * WIDTH / grey.width))
    small = grey.resize((WIDTH, height))
    return small.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v >= EDGE else 0)


def covered_text(picture: Image.Image, overlay: Overlay) -> Covered:
    """The zones of ``overlay`` under which ``picture`` (as framed) has text."""
    edges = edge_map(picture)
    boxes = overlay_boxes(edges.width, edges.height, overlay)
    return Covered(tuple(name for name, box in boxes.items()
                         if text_tiles(edges, box) >= TILES_FOR_TEXT))


@lru_cache(maxsize=512)
def covered_in_file(path: Path, overlay: Overlay) -> Covered:
    """:func:`covered_text` of a picture file (a preview rendition: named by its content,
    so the answer for a path never changes)."""
    with Image.open(path) as picture:
        picture.load()
        return covered_text(picture.convert("RGB"), overlay)


def cut_text(picture: Image.Image, box: Box) -> bool:
    """Whether a crop ``box`` (in ``picture``'s pixels) cuts through text: crowded tiles
    astride one of its edges (letters on both sides: "iapa yang erhak Memilih")."""
    edges = edge_map(picture)
    scale = edges.width / picture.width
    left, top, right, bottom = (round(v * scale) for v in box)
    half = TILE  # a band of two tiles astride the edge
    strips = []
    if left > 0:
        strips.append((left - half, top, left + half, bottom))
    if right < edges.width:
        strips.append((right - half, top, right + half, bottom))
    if top > 0:
        strips.append((left, top - half, right, top + half))
    if bottom < edges.height:
        strips.append((left, bottom - half, right, bottom + half))
    return any(text_tiles(edges, strip) >= CUT_TILES for strip in strips)



TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


def upright_size(picture: Image.Image) -> tuple[int, int]:
    """The size of ``picture`` once turned upright by its EXIF orientation, read from the
    header (``ImageOps.exif_transpose`` would decode all 12 megapixels to say it)."""
    width, height = picture.size
    turned = picture.getexif().get(0x0112) in TURNED
    return (height, width) if turned else (width, height)


def draft_size(picture: Image.Image, upright: tuple[int, int]) -> tuple[int, int]:
    """The least stored size a JPEG may be decoded at: twice :data:`WIDTH` across the
    picture as shown (its stored height when it is shown a quarter turned)."""
    turned = upright != picture.size
    return (1, WIDTH * 2) if turned else (WIDTH * 2, 1)


@lru_cache(maxsize=512)
def cut_in_file(path: Path, digest: str, box: Box) -> bool:
    """:func:`cut_text` of an image file (``digest``: its content, so a changed file is
    measured again)."""
    with Image.open(path) as picture:
        full = upright_size(picture)
        picture.draft("RGB", draft_size(picture, full))  # a JPEG decodes small: 4-8x faster
        upright = ImageOps.exif_transpose(picture).convert("RGB")
    ratio = upright.width / full[0]
    return cut_text(upright, (round(box[0] * ratio), round(box[1] * ratio),
                              round(box[2] * ratio), round(box[3] * ratio)))


def cut_in_picture(picture: Image.Image, source: tuple[int, int], box: Box) -> bool:
    """:func:`cut_text` of a crop ``box`` given in the pixels of an upright ``source`` size,
    measured on ``picture``: that image decoded at any scale (a JPEG's draft)."""
    ratio = picture.width / source[0]
    return cut_text(picture, (round(box[0] * ratio), round(box[1] * ratio),
                              round(box[2] * ratio), round(box[3] * ratio)))
