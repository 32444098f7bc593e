"""Pillow opens HEIC/HEIF (phone photos) once this module is imported.

In core because the loader reads the size of every image it is given, HEIC included; the
image pipeline (:mod:`kalender.media.images`) imports it too.

pillow-heif itself (about 8 ms of CPU to import) loads at the first file that looks like one
(an ISO media file, ``ftyp`` at byte 4): a build that opens no photo, such as a caption edited
(issue 23, branch ``edit9``), does not pay for it. Until then a stand-in is registered under
pillow-heif's format name, in the place pillow-heif's opener takes; at the first such file it
registers pillow-heif's own opener (which replaces the stand-in) and hands the file to it.
"""

from __future__ import annotations

from typing import IO, Any

from PIL import Image, ImageFile

FORMAT = "HEIF"  # pillow_heif.as_plugin.HeifImageFile.format


def _looks_heif(prefix: bytes) -> bool:
    """Whether the file may be one pillow-heif reads (it checks the brand after ``ftyp``)."""
    return prefix[4:8] == b"ftyp"


def _open_heif(fp: IO[bytes], filename: str | bytes | None = None) -> ImageFile.ImageFile:
    """Register pillow-heif and open ``fp`` with it; a SyntaxError (Pillow's "not this
    format", so the next opener is tried) when its own check refuses the file."""
    if not _register_heif():  # pragma: no cover - pillow-heif is a dependency
        raise SyntaxError("pillow-heif is not installed")
    factory, accept = Image.OPEN[FORMAT]
    if accept is not None and not accept(fp.read(16)):
        raise SyntaxError("not a HEIF file")
    fp.seek(0)
    opened: ImageFile.ImageFile = factory(fp, filename)  # type: ignore[arg-type]
    return opened


def _register_heif() -> bool:
    """Let Pillow open HEIC/HEIF (phone photos); False when pillow-heif is missing."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        return False
    register_heif_opener()
    return True


def _stand_in() -> bool:
    opener: Any = _open_heif
    Image.register_open(FORMAT, opener, _looks_heif)
    return True


HEIF_READABLE = _stand_in()
