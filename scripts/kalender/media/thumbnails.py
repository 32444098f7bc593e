"""Small thumbnails of post images for the week view and the post page.

One function, :func:`thumbnail`, so the full image pipeline (:mod:`kalender.media.images`) can
take over later. Thumbnails are cached by content hash: an unchanged image is not redone.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..core.atomic import replacing
from ..core.digests import file_sha256

THUMBNAIL_WIDTH = 360  # pixels; a week card is about 170 CSS pixels wide (2x for sharpness)
THUMBNAIL_MAX_HEIGHT = 450  # a 4:5 portrait at THUMBNAIL_WIDTH
JPEG_QUALITY = 80
EXIF_ORIENTATION = 0x0112
TURNED_ORIENTATIONS = (5, 6, 7, 8)  # stored on its side: width and height swap upright


def content_hash(path: Path) -> str:
    """The first 16 hex digits of the file's SHA-256."""
    return file_sha256(path)[:16]


def thumbnail(image: Path, cache: Path, width: int = THUMBNAIL_WIDTH) -> Path | None:
    """A JPEG thumbnail of ``image`` in ``cache``, made once per content; None if unreadable.

    The loader has already reported images it cannot read; such an image gets no thumbnail.
    """
    target = cache / f"{content_hash(image)}-{width}.jpg"
    if target.is_file():
        return target
    try:
        picture = _scaled(image, width)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    _write_jpeg(picture, target)
    return target


def _scaled(image: Path, width: int) -> Image.Image:
    bound = (width, round(width * THUMBNAIL_MAX_HEIGHT / THUMBNAIL_WIDTH))
    with Image.open(image) as opened:
        _decode_small(opened, bound)
        upright = ImageOps.exif_transpose(opened)
        picture = _flatten(upright)
    picture.thumbnail(bound, Image.Resampling.LANCZOS)
    return picture


def _decode_small(opened: Image.Image, bound: tuple[int, int]) -> None:
    """Let libjpeg decode a JPEG at 1/2, 1/4 or 1/8 scale when that still covers the
    thumbnail: a 12-megapixel photo is then never decoded whole (about 4x faster)."""
    if opened.format != "JPEG":
        return
    raw_w, raw_h = opened.size
    turned = opened.getexif().get(EXIF_ORIENTATION, 1) in TURNED_ORIENTATIONS
    upright_w, upright_h = (raw_h, raw_w) if turned else (raw_w, raw_h)
    scale = min(bound[0] / upright_w, bound[1] / upright_h, 1.0)
    need_w, need_h = math.ceil(upright_w * scale), math.ceil(upright_h * scale)
    opened.draft(None, (need_h, need_w) if turned else (need_w, need_h))


def _flatten(picture: Image.Image) -> Image.Image:
    """RGB on white: JPEG has no transparency."""
    if picture.mode in ("RGBA", "LA", "P"):
        rgba = picture.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return picture.convert("RGB")


def _write_jpeg(picture: Image.Image, target: Path) -> None:
    """Write atomically: a half-written thumbnail is never left in the cache."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target, 0o644) as out:
        picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
