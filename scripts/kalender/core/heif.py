"""Pillow opens HEIC/HEIF (phone photos) once this module is imported.

In core because the loader reads the size of every image it is given, HEIC included; the
image pipeline (:mod:`kalender.media.images`) imports it too.
"""

from __future__ import annotations


def _register_heif() -> bool:
    """Let Pillow open HEIC/HEIF (phone photos); False when pillow-heif is missing."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        return False
    register_heif_opener()
    return True


HEIF_READABLE = _register_heif()
