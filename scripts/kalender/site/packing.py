"""Per-post view data kept packed: a compressed pickle instead of the objects.

A site of ten thousand posts holds every post's previews from the moment they are built
until the post's page is rendered, most of the build (about 7 KB of small objects per post,
70 MB in all). Packed, the same previews weigh about a tenth of that; the page that shows
them unpacks them when it is rendered (:meth:`kalender.site.preview_model.Previews.of`).

The pickle is made without memo (as :func:`kalender.site.incremental.digest` does): the
bytes then depend only on the values, not on which of their strings happen to be one
object, so equal previews pack to equal bytes in every process and the packed bytes can
stand for the previews in a page's key.
"""

from __future__ import annotations

import io
import pickle
import zlib
from typing import Any

PACK_LEVEL = 1  # zlib level: the fastest; the previews' text repeats itself a lot anyway


def pack(value: object) -> bytes:
    """``value`` as compressed pickle bytes (values without cycles: views, tuples)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: the bytes depend on the values only
    pickler.dump(value)
    return zlib.compress(buffer.getvalue(), PACK_LEVEL)


def unpack(data: bytes) -> Any:
    """The value :func:`pack` made ``data`` from (equal to it, new objects)."""
    return pickle.loads(zlib.decompress(data))  # noqa: S301  (bytes this process packed)
